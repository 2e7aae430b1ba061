//! Reporting periods of the UK local-government year.
//!
//! The financial year runs 1 April to 31 March and is written `2024/25`; month 1 is April and
//! Q1 is April to June. Termly KPIs (education) follow the academic year, 1 September to 31 August,
//! also written `2024/25`, with three terms: autumn (September–December), spring (January–March) and
//! summer (April–August). The term dates are the reporting convention used here, chosen so that the terms
//! cover the academic year without gaps or overlaps; they are not any school's exact dates.
//!
//! Every period is stored as its frequency, the calendar year its reporting year starts in, and its
//! position in that year, which makes previous period, same period last year and year to date uniform.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const TERM_NAMES: [&str; 3] = ["Autumn", "Spring", "Summer"];

/// The earliest reporting year accepted (a guard against typing slips such as `0224`).
pub const FIRST_YEAR: u16 = 1990;
/// The latest reporting year accepted.
pub const LAST_YEAR: u16 = 2200;

/// A UK financial (or academic) year, named by the calendar year it starts in: `2024/25` is 2024.
/// Stored in files as its text, `"2024/25"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FinancialYear(u16);

impl TryFrom<String> for FinancialYear {
    type Error = PeriodParseError;
    fn try_from(text: String) -> Result<Self, PeriodParseError> {
        FinancialYear::parse(&text)
    }
}

impl From<FinancialYear> for String {
    fn from(year: FinancialYear) -> String {
        year.to_string()
    }
}

impl FinancialYear {
    /// The year starting in `start_year`, if within [`FIRST_YEAR`]..=[`LAST_YEAR`].
    pub fn starting(start_year: u16) -> Option<Self> {
        (FIRST_YEAR..=LAST_YEAR)
            .contains(&start_year)
            .then_some(Self(start_year))
    }

    /// The financial year (April to March) that contains `date`.
    pub fn containing(date: NaiveDate) -> Option<Self> {
        let year = u16::try_from(date.year()).ok()?;
        Self::starting(if date.month() >= 4 { year } else { year - 1 })
    }

    /// The calendar year the financial year starts in.
    pub fn start_year(self) -> u16 {
        self.0
    }

    /// 1 April of the start year.
    pub fn first_day(self) -> NaiveDate {
        ymd(i32::from(self.0), 4, 1)
    }

    /// 31 March of the following year.
    pub fn last_day(self) -> NaiveDate {
        ymd(i32::from(self.0) + 1, 3, 31)
    }

    /// Parses `2024/25`, `2024-25` or `2024/2025`. The second year must follow the first.
    pub fn parse(text: &str) -> Result<Self, PeriodParseError> {
        let text = text.trim();
        let (first, second) = text
            .split_once(['/', '-'])
            .ok_or_else(|| PeriodParseError::new(text, "a year is written like 2024/25"))?;
        let start: u16 = parse_number(first.trim(), text)?;
        let end: u16 = parse_number(second.trim(), text)?;
        let expected_end = start + 1;
        let matches = match second.trim().len() {
            2 => end == expected_end % 100,
            4 => end == expected_end,
            _ => false,
        };
        if first.trim().len() != 4 || !matches {
            return Err(PeriodParseError::new(
                text,
                "a year is written like 2024/25, the second year following the first",
            ));
        }
        Self::starting(start).ok_or_else(|| {
            PeriodParseError::new(
                text,
                &format!("years from {FIRST_YEAR} to {LAST_YEAR} are accepted"),
            )
        })
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.0, (self.0 + 1) % 100)
    }
}

/// How often a KPI is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Twelve periods a financial year, April first.
    Monthly,
    /// Four periods a financial year: Q1 is April to June.
    Quarterly,
    /// Two periods a financial year: H1 is April to September.
    HalfYearly,
    /// The financial year itself.
    Annual,
    /// Three terms an academic year (September to August).
    Termly,
}

impl Frequency {
    /// Every frequency.
    pub const ALL: [Frequency; 5] = [
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::HalfYearly,
        Frequency::Annual,
        Frequency::Termly,
    ];

    /// How many periods of this frequency make a year.
    pub const fn periods_per_year(self) -> u8 {
        match self {
            Frequency::Monthly => 12,
            Frequency::Quarterly => 4,
            Frequency::HalfYearly => 2,
            Frequency::Annual => 1,
            Frequency::Termly => 3,
        }
    }

    /// The month the reporting year starts in: April, or September for terms.
    const fn first_month(self) -> u32 {
        match self {
            Frequency::Termly => 9,
            _ => 4,
        }
    }

    /// The name used in scorecards.
    pub const fn label(self) -> &'static str {
        match self {
            Frequency::Monthly => "Monthly",
            Frequency::Quarterly => "Quarterly",
            Frequency::HalfYearly => "Half-yearly",
            Frequency::Annual => "Annual",
            Frequency::Termly => "Termly",
        }
    }
}

/// A reporting period: a month, quarter, half-year, financial year or term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(try_from = "String", into = "String")]
pub struct Period {
    frequency: Frequency,
    year: FinancialYear,
    /// Position in the year, from 1 to `frequency.periods_per_year()`.
    index: u8,
}

impl Period {
    /// The `index`th period (from 1) of `frequency` in `year`, if the index exists.
    pub fn new(frequency: Frequency, year: FinancialYear, index: u8) -> Option<Self> {
        (1..=frequency.periods_per_year())
            .contains(&index)
            .then_some(Self {
                frequency,
                year,
                index,
            })
    }

    /// The calendar month `month` (1 = January) of `calendar_year`.
    pub fn calendar_month(calendar_year: i32, month: u32) -> Option<Self> {
        if !(1..=12).contains(&month) {
            return None;
        }
        Self::containing(
            Frequency::Monthly,
            NaiveDate::from_ymd_opt(calendar_year, month, 1)?,
        )
    }

    /// The period of `frequency` that contains `date`.
    pub fn containing(frequency: Frequency, date: NaiveDate) -> Option<Self> {
        let first_month = frequency.first_month();
        let start_year = if date.month() >= first_month {
            date.year()
        } else {
            date.year() - 1
        };
        let year = FinancialYear::starting(u16::try_from(start_year).ok()?)?;
        let month_in_year = (date.month() + 12 - first_month) % 12; // 0-based
        let index = match frequency {
            Frequency::Monthly => month_in_year + 1,
            Frequency::Quarterly => month_in_year / 3 + 1,
            Frequency::HalfYearly => month_in_year / 6 + 1,
            Frequency::Annual => 1,
            // Autumn: Sep–Dec (0..=3), spring: Jan–Mar (4..=6), summer: Apr–Aug (7..=11).
            Frequency::Termly => match month_in_year {
                0..=3 => 1,
                4..=6 => 2,
                _ => 3,
            },
        };
        Self::new(frequency, year, u8::try_from(index).ok()?)
    }

    /// How often periods like this one come round.
    pub fn frequency(self) -> Frequency {
        self.frequency
    }

    /// The financial (or, for terms, academic) year the period belongs to.
    pub fn year(self) -> FinancialYear {
        self.year
    }

    /// Position in the year, from 1: month 1 is April, quarter 1 is April to June.
    pub fn index(self) -> u8 {
        self.index
    }

    /// The month the period starts in, counted from January of year 0 (every period starts on the first of
    /// a month and ends on the last day of one, so months order periods as their dates do, more cheaply).
    fn start_month(self) -> u32 {
        let first_of_year = u32::from(self.year.0) * 12 + self.frequency.first_month() - 1;
        let months_in = match self.frequency {
            Frequency::Monthly => u32::from(self.index) - 1,
            Frequency::Quarterly => 3 * (u32::from(self.index) - 1),
            Frequency::HalfYearly => 6 * (u32::from(self.index) - 1),
            Frequency::Annual => 0,
            Frequency::Termly => [0, 4, 7][usize::from(self.index) - 1],
        };
        first_of_year + months_in
    }

    /// The month the period ends in, counted as in [`Period::start_month`].
    fn end_month(self) -> u32 {
        let next_start = self.next().map_or_else(
            || (u32::from(LAST_YEAR) + 1) * 12 + self.frequency.first_month() - 1,
            Period::start_month,
        );
        next_start - 1
    }

    /// The first day of the period.
    pub fn start_date(self) -> NaiveDate {
        first_day_of(self.start_month())
    }

    /// The last day of the period.
    pub fn end_date(self) -> NaiveDate {
        first_day_of(self.end_month() + 1)
            .pred_opt()
            .expect("a period never ends on the last representable day")
    }

    /// Whether `date` falls within the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start_date() <= date && date <= self.end_date()
    }

    /// The period just before, of the same frequency.
    pub fn previous(self) -> Option<Self> {
        if self.index > 1 {
            return Self::new(self.frequency, self.year, self.index - 1);
        }
        let year = FinancialYear::starting(self.year.0.checked_sub(1)?)?;
        Self::new(self.frequency, year, self.frequency.periods_per_year())
    }

    /// The period just after, of the same frequency.
    pub fn next(self) -> Option<Self> {
        if self.index < self.frequency.periods_per_year() {
            return Self::new(self.frequency, self.year, self.index + 1);
        }
        Self::new(self.frequency, FinancialYear::starting(self.year.0 + 1)?, 1)
    }

    /// The same period a year earlier (e.g. Q2 2023/24 for Q2 2024/25).
    pub fn same_period_last_year(self) -> Option<Self> {
        Self::new(
            self.frequency,
            FinancialYear::starting(self.year.0.checked_sub(1)?)?,
            self.index,
        )
    }

    /// The periods of the year up to and including this one, in order.
    pub fn year_to_date(self) -> Vec<Self> {
        (1..=self.index)
            .filter_map(|index| Self::new(self.frequency, self.year, index))
            .collect()
    }

    /// The canonical form stored in files: `2024-04`, `2024/25 Q1`, `2024/25 H1`, `2024/25`,
    /// `2024/25 Autumn`.
    pub fn code(self) -> String {
        match self.frequency {
            Frequency::Monthly => {
                let start = self.start_date();
                format!("{}-{:02}", start.year(), start.month())
            }
            Frequency::Quarterly => format!("{} Q{}", self.year, self.index),
            Frequency::HalfYearly => format!("{} H{}", self.year, self.index),
            Frequency::Annual => self.year.to_string(),
            Frequency::Termly => {
                format!("{} {}", self.year, TERM_NAMES[usize::from(self.index) - 1])
            }
        }
    }

    /// A longer label for headings: `April 2024`, `Q1 2024/25 (April to June 2024)`.
    pub fn long_label(self) -> String {
        let start = self.start_date();
        let end = self.end_date();
        let span = || {
            let first = MONTH_NAMES[start.month0() as usize];
            let last = MONTH_NAMES[end.month0() as usize];
            if start.year() == end.year() {
                format!("{first} to {last} {}", end.year())
            } else {
                format!("{first} {} to {last} {}", start.year(), end.year())
            }
        };
        match self.frequency {
            Frequency::Monthly => {
                format!("{} {}", MONTH_NAMES[start.month0() as usize], start.year())
            }
            Frequency::Annual => format!(
                "{} (1 April {} to 31 March {})",
                self.year,
                start.year(),
                end.year()
            ),
            _ => format!("{self} ({})", span()),
        }
    }

    /// Parses a period as people and spreadsheets write it. Accepted (case-insensitive):
    /// months `2024-04`, `Apr 2024`, `April 2024`, `Apr-24`, `04/2024`; quarters `2024/25 Q1`, `Q1 2024/25`;
    /// half-years `2024/25 H1`, `H1 2024/25`; years `2024/25`; terms `2024/25 Autumn`, `Autumn term 2024/25`.
    pub fn parse(text: &str) -> Result<Self, PeriodParseError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(PeriodParseError::new(text, "the period is empty"));
        }
        let words: Vec<&str> = trimmed.split_whitespace().collect();
        match words.as_slice() {
            [single] => parse_single_word(single, trimmed),
            [first, second] => parse_two_words(first, second, trimmed),
            [term, word, year] if word.eq_ignore_ascii_case("term") => {
                parse_two_words(term, year, trimmed)
            }
            _ => Err(unrecognised(trimmed)),
        }
    }
}

fn parse_single_word(word: &str, text: &str) -> Result<Period, PeriodParseError> {
    if let Some((left, right)) = word.split_once(['-', '/']) {
        // 2024-04 or 04/2024: a calendar month.
        let month_first = left.len() <= 2 && right.len() == 4;
        let year_first = left.len() == 4 && right.len() <= 2 && !word.contains('/');
        if year_first || month_first {
            let (year, month) = if year_first {
                (left, right)
            } else {
                (right, left)
            };
            let year: i32 = parse_number(year, text)?;
            let month: u32 = parse_number(month, text)?;
            return Period::calendar_month(year, month).ok_or_else(|| {
                PeriodParseError::new(text, "the month must be from 1 to 12 in a supported year")
            });
        }
        // Apr-24: a month name and a two-digit year.
        if let Some(month) = month_number(left) {
            let year: i32 = parse_number(right, text)?;
            let year = if right.len() == 2 { 2000 + year } else { year };
            return Period::calendar_month(year, month).ok_or_else(|| unrecognised(text));
        }
    }
    FinancialYear::parse(word)
        .map(|year| Period {
            frequency: Frequency::Annual,
            year,
            index: 1,
        })
        .map_err(|_| unrecognised(text))
}

fn parse_two_words(first: &str, second: &str, text: &str) -> Result<Period, PeriodParseError> {
    if let Some(month) = month_number(first) {
        let year: i32 = parse_number(second, text)?;
        return Period::calendar_month(year, month).ok_or_else(|| unrecognised(text));
    }
    // The year may come first or second; the other word names the part of the year.
    let (year, part) = match FinancialYear::parse(first) {
        Ok(year) => (year, second),
        Err(_) => (
            FinancialYear::parse(second).map_err(|_| unrecognised(text))?,
            first,
        ),
    };
    let part_upper = part.to_ascii_uppercase();
    let (frequency, index) = if let Some(number) = part_upper.strip_prefix('Q') {
        (Frequency::Quarterly, parse_number::<u8>(number, text)?)
    } else if let Some(number) = part_upper.strip_prefix('H') {
        (Frequency::HalfYearly, parse_number::<u8>(number, text)?)
    } else if let Some(position) = TERM_NAMES.iter().position(|t| t.eq_ignore_ascii_case(part)) {
        (Frequency::Termly, position as u8 + 1)
    } else {
        return Err(unrecognised(text));
    };
    Period::new(frequency, year, index).ok_or_else(|| {
        PeriodParseError::new(
            text,
            &format!(
                "a year has {} {} periods",
                frequency.periods_per_year(),
                frequency.label().to_lowercase()
            ),
        )
    })
}

/// The month (1 to 12) `word` names, in full or abbreviated ("December", "Dec"), in any case.
pub fn month_number(word: &str) -> Option<u32> {
    MONTH_NAMES
        .iter()
        .zip(MONTH_ABBREVIATIONS)
        .position(|(name, abbreviation)| {
            name.eq_ignore_ascii_case(word) || abbreviation.eq_ignore_ascii_case(word)
        })
        .map(|position| position as u32 + 1)
}

fn parse_number<T: std::str::FromStr>(digits: &str, text: &str) -> Result<T, PeriodParseError> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(unrecognised(text));
    }
    digits.parse().map_err(|_| unrecognised(text))
}

fn unrecognised(text: &str) -> PeriodParseError {
    PeriodParseError::new(
        text,
        "write a month as 2024-04 or Apr 2024, a quarter as 2024/25 Q1, a half-year as 2024/25 H1, \
         a year as 2024/25 or a term as 2024/25 Autumn",
    )
}

/// The first day of `month`, counted as in [`Period::start_month`].
fn first_day_of(month: u32) -> NaiveDate {
    ymd(
        i32::try_from(month / 12).expect("years fit in i32"),
        month % 12 + 1,
        1,
    )
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day)
        .expect("a valid calendar date within the supported years")
}

impl fmt::Display for Period {
    /// The en-GB label used in tables: `Apr 2024`, `Q1 2024/25`, `H1 2024/25`, `2024/25`,
    /// `Autumn term 2024/25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.frequency {
            Frequency::Monthly => {
                let start = self.start_date();
                write!(
                    f,
                    "{} {}",
                    MONTH_ABBREVIATIONS[start.month0() as usize],
                    start.year()
                )
            }
            Frequency::Quarterly => write!(f, "Q{} {}", self.index, self.year),
            Frequency::HalfYearly => write!(f, "H{} {}", self.index, self.year),
            Frequency::Annual => write!(f, "{}", self.year),
            Frequency::Termly => write!(
                f,
                "{} term {}",
                TERM_NAMES[usize::from(self.index) - 1],
                self.year
            ),
        }
    }
}

impl Ord for Period {
    /// Chronological: by end date, then start date (a month sorts before the quarter ending with it).
    fn cmp(&self, other: &Self) -> Ordering {
        (
            self.end_month(),
            std::cmp::Reverse(self.start_month()),
            self.frequency,
        )
            .cmp(&(
                other.end_month(),
                std::cmp::Reverse(other.start_month()),
                other.frequency,
            ))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl TryFrom<String> for Period {
    type Error = PeriodParseError;
    fn try_from(text: String) -> Result<Self, PeriodParseError> {
        Period::parse(&text)
    }
}

impl From<Period> for String {
    fn from(period: Period) -> String {
        period.code()
    }
}

/// A period that could not be read, with the text and what is expected instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodParseError {
    /// The text as given.
    pub text: String,
    /// What is wrong or expected, in plain English.
    pub reason: String,
}

impl PeriodParseError {
    fn new(text: &str, reason: &str) -> Self {
        Self {
            text: text.to_owned(),
            reason: reason.to_owned(),
        }
    }
}

impl fmt::Display for PeriodParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a period: {}", self.text, self.reason)
    }
}

impl std::error::Error for PeriodParseError {}

/// The latest period of `frequency` that has ended on or before `as_at`.
pub fn reporting_period(frequency: Frequency, as_at: NaiveDate) -> Option<Period> {
    let containing = Period::containing(frequency, as_at)?;
    if containing.end_date() <= as_at {
        Some(containing)
    } else {
        containing.previous()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_reporting_period_is_the_latest_that_has_ended() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let p = |text: &str| Period::parse(text).unwrap();
        // 15 October: September has ended, October has not; 30 September: September ends that day.
        assert_eq!(
            reporting_period(Frequency::Monthly, day("2024-10-15")),
            Some(p("Sep 2024"))
        );
        assert_eq!(
            reporting_period(Frequency::Monthly, day("2024-09-30")),
            Some(p("Sep 2024"))
        );
        // Q2 of 2024/25 (July to September) has ended by 15 October; Q3 has not.
        assert_eq!(
            reporting_period(Frequency::Quarterly, day("2024-10-15")),
            Some(p("2024/25 Q2"))
        );
    }

    use super::*;

    fn fy(start: u16) -> FinancialYear {
        FinancialYear::starting(start).unwrap()
    }

    fn p(text: &str) -> Period {
        Period::parse(text).unwrap()
    }

    #[test]
    fn the_financial_year_runs_april_to_march_and_is_written_2024_25() {
        assert_eq!(fy(2024).to_string(), "2024/25");
        assert_eq!(fy(1999).to_string(), "1999/00");
        assert_eq!(fy(2024).first_day(), ymd(2024, 4, 1));
        assert_eq!(fy(2024).last_day(), ymd(2025, 3, 31));
        assert_eq!(FinancialYear::containing(ymd(2025, 3, 31)), Some(fy(2024)));
        assert_eq!(FinancialYear::containing(ymd(2025, 4, 1)), Some(fy(2025)));
        assert_eq!(FinancialYear::parse("2024-2025"), Ok(fy(2024)));
        assert!(FinancialYear::parse("2024/26").is_err());
        assert!(FinancialYear::parse("24/25").is_err());
    }

    #[test]
    fn month_one_is_april_and_q1_is_april_to_june() {
        let april = Period::new(Frequency::Monthly, fy(2024), 1).unwrap();
        assert_eq!(april.to_string(), "Apr 2024");
        assert_eq!(april.code(), "2024-04");
        let march = Period::new(Frequency::Monthly, fy(2024), 12).unwrap();
        assert_eq!(march.to_string(), "Mar 2025");
        let q1 = p("2024/25 Q1");
        assert_eq!(
            (q1.start_date(), q1.end_date()),
            (ymd(2024, 4, 1), ymd(2024, 6, 30))
        );
        let q4 = p("Q4 2024/25");
        assert_eq!(
            (q4.start_date(), q4.end_date()),
            (ymd(2025, 1, 1), ymd(2025, 3, 31))
        );
        assert_eq!(q1.long_label(), "Q1 2024/25 (April to June 2024)");
        assert_eq!(
            p("2024/25").long_label(),
            "2024/25 (1 April 2024 to 31 March 2025)"
        );
    }

    #[test]
    fn half_years_and_terms() {
        let h2 = p("H2 2024/25");
        assert_eq!(
            (h2.start_date(), h2.end_date()),
            (ymd(2024, 10, 1), ymd(2025, 3, 31))
        );
        let autumn = p("Autumn term 2024/25");
        assert_eq!(
            (autumn.start_date(), autumn.end_date()),
            (ymd(2024, 9, 1), ymd(2024, 12, 31))
        );
        let summer = p("2024/25 summer");
        assert_eq!(
            (summer.start_date(), summer.end_date()),
            (ymd(2025, 4, 1), ymd(2025, 8, 31))
        );
        assert_eq!(summer.code(), "2024/25 Summer");
        // The last periods that can be represented end where their year does.
        let last_year = fy(LAST_YEAR);
        let last_march = Period::new(Frequency::Monthly, last_year, 12).unwrap();
        let last_summer = Period::new(Frequency::Termly, last_year, 3).unwrap();
        assert_eq!(last_march.end_date(), ymd(i32::from(LAST_YEAR) + 1, 3, 31));
        assert_eq!(last_summer.end_date(), ymd(i32::from(LAST_YEAR) + 1, 8, 31));
        assert!(last_summer > last_march);
        assert_eq!(
            Period::containing(Frequency::Termly, ymd(2025, 2, 14)),
            Some(p("2024/25 Spring"))
        );
    }

    #[test]
    fn spreadsheet_spellings_of_months_are_understood() {
        for text in [
            "2024-04",
            "Apr 2024",
            "april 2024",
            "Apr-24",
            "04/2024",
            "4/2024",
        ] {
            assert_eq!(p(text), Period::calendar_month(2024, 4).unwrap(), "{text}");
        }
    }

    #[test]
    fn unreadable_periods_say_what_is_expected() {
        for text in [
            "",
            "2024/25 Q5",
            "Q1",
            "Smarch 2024",
            "2024-13",
            "2024/25 H3",
            "1850/51",
        ] {
            let error = Period::parse(text).unwrap_err();
            assert!(!error.reason.is_empty(), "{text}");
        }
        assert!(
            Period::parse("2024/25 Q5")
                .unwrap_err()
                .reason
                .contains("4 quarterly")
        );
    }

    #[test]
    fn previous_period_and_same_period_last_year_cross_year_ends() {
        assert_eq!(p("Apr 2024").previous(), Some(p("Mar 2024")));
        assert_eq!(p("2024/25 Q1").previous(), Some(p("2023/24 Q4")));
        assert_eq!(
            p("2024/25 Q3").same_period_last_year(),
            Some(p("2023/24 Q3"))
        );
        assert_eq!(p("Jan 2025").same_period_last_year(), Some(p("Jan 2024")));
        assert_eq!(p("2024/25 Autumn").previous(), Some(p("2023/24 Summer")));
    }

    #[test]
    fn year_to_date_runs_from_the_first_period_of_the_year() {
        assert_eq!(
            p("Jun 2024").year_to_date(),
            vec![p("Apr 2024"), p("May 2024"), p("Jun 2024")]
        );
        assert_eq!(p("2024/25 Q1").year_to_date(), vec![p("2024/25 Q1")]);
    }

    #[test]
    fn periods_sort_chronologically() {
        let mut periods = vec![p("2024/25 Q1"), p("May 2024"), p("Mar 2024"), p("Jun 2024")];
        periods.sort();
        assert_eq!(
            periods,
            vec![p("Mar 2024"), p("May 2024"), p("Jun 2024"), p("2024/25 Q1")]
        );
    }

    #[test]
    fn periods_serialise_as_their_code() {
        assert_eq!(
            serde_json::to_string(&p("Q2 2024/25")).unwrap(),
            "\"2024/25 Q2\""
        );
        assert_eq!(
            serde_json::from_str::<Period>("\"2024-07\"").unwrap(),
            p("Jul 2024")
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_period() -> impl Strategy<Value = Period> {
        (
            0..Frequency::ALL.len(),
            FIRST_YEAR + 1..LAST_YEAR - 1,
            1u8..=12,
        )
            .prop_filter_map("index within the year", |(frequency, year, index)| {
                Period::new(
                    Frequency::ALL[frequency],
                    FinancialYear::starting(year)?,
                    index,
                )
            })
    }

    proptest! {
        #[test]
        fn parse_inverts_code_and_display(period in any_period()) {
            prop_assert_eq!(Period::parse(&period.code()), Ok(period));
            prop_assert_eq!(Period::parse(&period.to_string()), Ok(period));
        }

        #[test]
        fn consecutive_periods_tile_time(period in any_period()) {
            let next = period.next().unwrap();
            prop_assert_eq!(next.previous(), Some(period));
            prop_assert_eq!(period.end_date().succ_opt(), Some(next.start_date()));
            prop_assert!(period.start_date() <= period.end_date());
        }

        #[test]
        fn a_period_contains_its_own_dates(period in any_period()) {
            prop_assert_eq!(Period::containing(period.frequency(), period.start_date()), Some(period));
            prop_assert_eq!(Period::containing(period.frequency(), period.end_date()), Some(period));
        }

        #[test]
        fn periods_order_by_end_date_then_latest_start(
            period in any_period(),
            frequency in 0..Frequency::ALL.len(),
            year_after in 0u16..2,
            index in 1u8..=12,
        ) {
            // A second period in the same or the next year, so that ends and starts often tie.
            let year = FinancialYear::starting(period.year().0 + year_after).unwrap();
            prop_assume!(Period::new(Frequency::ALL[frequency], year, index).is_some());
            let other = Period::new(Frequency::ALL[frequency], year, index).unwrap();
            let by_dates = (period.end_date(), std::cmp::Reverse(period.start_date()), period.frequency())
                .cmp(&(other.end_date(), std::cmp::Reverse(other.start_date()), other.frequency()));
            prop_assert_eq!(period.cmp(&other), by_dates);
        }

        #[test]
        fn same_period_last_year_is_one_year_earlier(period in any_period()) {
            // The same kind of period a year before: it starts on the same day of the same month a year earlier
            // (every period starts on the 1st), and a year on from it is this period again.
            let last_year = period.same_period_last_year().unwrap();
            prop_assert_eq!(last_year.frequency(), period.frequency());
            prop_assert_eq!(period.start_date().with_year(period.start_date().year() - 1), Some(last_year.start_date()));
            prop_assert_eq!(last_year.end_date() < period.start_date(), true);
            prop_assert_eq!(Period::containing(period.frequency(), period.start_date().with_year(period.start_date().year() - 1).unwrap()), Some(last_year));
        }
    }
}
