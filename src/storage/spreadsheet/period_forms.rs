//! Periods as councils print them in spreadsheets: every form `Period::parse` reads ("2024/25 Q3", "Q3 2024/25",
//! "Dec 2024", "December 2024", "2024/25"), and also "Quarter 3, 2024 to 2025", "Oct-Dec 2024", "October to
//! December 2024", "2024 to 2025" and a UK date ("31/12/2024", read as the month it falls in).

use crate::domain::basics::period::{FinancialYear, Frequency, Period, month_number};

/// The forms accepted, for messages.
pub const ACCEPTED: &str = "write it like 2024/25 Q3, Q3 2024/25, Quarter 3 2024 to 2025, Oct-Dec 2024, Dec 2024, December 2024 or 2024/25";

/// The period `text` names, or why it names none, in plain English.
pub fn read_period(text: &str) -> Result<Period, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("the period is empty".to_owned());
    }
    if let Ok(period) = Period::parse(trimmed) {
        return Ok(period);
    }
    let words: Vec<String> = trimmed
        .to_lowercase()
        .replace([',', '.'], " ")
        .replace('–', "-")
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    quarter_in_words(&words)
        .or_else(|| months_of_a_quarter(&words))
        .or_else(|| year_in_words(&words))
        .or_else(|| uk_date(trimmed))
        .ok_or_else(|| format!("\"{trimmed}\" is not a period this app reads: {ACCEPTED}"))
}

/// "2024 to 2025" or "2024-2025" or "2024/25": the financial year starting in April 2024.
fn financial_year(words: &[&str]) -> Option<FinancialYear> {
    match words {
        [single] => FinancialYear::parse(single).ok(),
        [first, "to" | "-", second] => FinancialYear::parse(&format!("{first}/{second}")).ok(),
        _ => None,
    }
}

/// "Quarter 3 2024 to 2025", "Quarter 3 2024/25", "Qtr 3 2024/25".
fn quarter_in_words(words: &[&str]) -> Option<Period> {
    let [first, number, year @ ..] = words else {
        return None;
    };
    if !matches!(*first, "quarter" | "qtr") {
        return None;
    }
    let index: u8 = number.parse().ok()?;
    Period::new(Frequency::Quarterly, financial_year(year)?, index)
}

/// "Oct-Dec 2024", "Oct - Dec 2024", "October to December 2024": the financial quarter those three months are.
fn months_of_a_quarter(words: &[&str]) -> Option<Period> {
    let (first, last, year) = match words {
        [range, year] => {
            let (first, last) = range.split_once('-')?;
            (first, last, *year)
        }
        [first, "-" | "to", last, year] => (*first, *last, *year),
        _ => return None,
    };
    let (first, last) = (month_number(first)?, month_number(last)?);
    let calendar_year: i32 = year.parse().ok()?;
    let start = Period::calendar_month(calendar_year, first)?;
    // The three months of a financial quarter: April–June, July–September, October–December, January–March.
    let is_quarter = matches!(first, 1 | 4 | 7 | 10) && last == first + 2;
    is_quarter.then_some(())?;
    Period::new(
        Frequency::Quarterly,
        start.year(),
        (start.index() - 1) / 3 + 1,
    )
}

/// "2024 to 2025", "2024 - 2025": the financial year.
fn year_in_words(words: &[&str]) -> Option<Period> {
    let year = financial_year(words)?;
    Period::new(Frequency::Annual, year, 1)
}

/// "31/12/2024" (day, month, year, as the UK writes dates): the calendar month it falls in.
fn uk_date(text: &str) -> Option<Period> {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let (day, month, year): (u32, u32, i32) =
        (day.parse().ok()?, month.parse().ok()?, year.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Period::calendar_month(year, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Period {
        Period::parse(text).unwrap()
    }

    #[test]
    fn the_forms_councils_print_name_the_same_period() {
        // Q3 of 2024/25 is October to December 2024.
        for form in [
            "2024/25 Q3",
            "Q3 2024/25",
            "Quarter 3, 2024 to 2025",
            "Quarter 3 2024/25",
            "Oct-Dec 2024",
            "Oct - Dec 2024",
            "October to December 2024",
            "2024-25 Q3",
        ] {
            assert_eq!(read_period(form), Ok(period("2024/25 Q3")), "{form}");
        }
        // January to March 2025 is the fourth quarter of 2024/25, not of 2025/26.
        assert_eq!(read_period("Jan-Mar 2025"), Ok(period("2024/25 Q4")));
        assert_eq!(read_period("Apr-Jun 2024"), Ok(period("2024/25 Q1")));
        for form in ["Dec 2024", "December 2024", "31/12/2024", "01/12/2024"] {
            assert_eq!(read_period(form), Ok(period("Dec 2024")), "{form}");
        }
        for form in ["2024/25", "2024 to 2025", "2024-25"] {
            assert_eq!(read_period(form), Ok(period("2024/25")), "{form}");
        }
    }

    #[test]
    fn what_is_not_a_period_says_so_and_how_to_write_one() {
        for text in [
            "Spring 2024",
            "Nov-Jan 2024",
            "Oct-Nov 2024",
            "Quarter 5 2024/25",
            "31/02/2024",
            "2024 to 2026",
        ] {
            let refused = read_period(text).unwrap_err();
            assert_eq!(
                refused,
                format!("\"{text}\" is not a period this app reads: {ACCEPTED}")
            );
        }
        assert_eq!(read_period("  "), Err("the period is empty".to_owned()));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::basics::period::{FIRST_YEAR, LAST_YEAR};

    proptest::proptest! {
        /// Every period, written as the app writes it ("Q3 2024/25", "Dec 2024", "2024/25", "Autumn term
        /// 2024/25"), reads back as itself.
        #[test]
        fn a_period_as_the_app_writes_it_reads_back(
            frequency in proptest::prop_oneof![
                proptest::strategy::Just(Frequency::Monthly),
                proptest::strategy::Just(Frequency::Quarterly),
                proptest::strategy::Just(Frequency::HalfYearly),
                proptest::strategy::Just(Frequency::Annual),
                proptest::strategy::Just(Frequency::Termly),
            ],
            start in FIRST_YEAR..=LAST_YEAR,
            index in 1u8..=12,
        ) {
            let year = FinancialYear::starting(start).unwrap();
            let index = (index - 1) % frequency.periods_per_year() + 1;
            let period = Period::new(frequency, year, index).unwrap();
            proptest::prop_assert_eq!(read_period(&period.to_string()), Ok(period));
        }

        #[test]
        fn a_quarter_written_any_way_reads_back(start in 2000u16..2090, index in 1u8..=4) {
            // Formatting a quarter in each printed form, then reading it, gives the quarter back.
            let year = FinancialYear::starting(start).unwrap();
            let quarter = Period::new(Frequency::Quarterly, year, index).unwrap();
            let first_month = quarter.start_date();
            let last_month = quarter.end_date();
            let forms = [
                quarter.to_string(),
                format!("Q{index} {year}"),
                format!("Quarter {index}, {start} to {}", start + 1),
                format!("{}-{} {}", first_month.format("%b"), last_month.format("%b"), first_month.format("%Y")),
                format!("{} to {} {}", first_month.format("%B"), last_month.format("%B"), first_month.format("%Y")),
            ];
            for form in forms {
                proptest::prop_assert_eq!(read_period(&form), Ok(quarter), "{}", form);
            }
        }
    }
}
