//! When each step of the monthly and quarterly reporting cycle falls after a period ends, and the bank
//! holidays that working days skip. Stored in the framework, so every deadline the app derives — the
//! reporting calendar, figures due, the audit draw — follows the council's own timetable.

use crate::domain::basics::shared_sort::SharedSort;
use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The cycle's timings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CalendarTimings {
    /// Working days after a month ends by which its figures are entered and signed off.
    pub data_due: u32,
    /// Working days after a month ends on which the leadership team reviews the organisational scorecard.
    pub leadership_meeting: u32,
    /// Weeks after a quarter ends on which committees take the quarterly report.
    pub committee_weeks: u32,
    /// Working days after a quarter ends by which the KPI audit sample is drawn.
    pub audit_sample: u32,
    /// Days that are not working days besides weekends, in date order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bank_holidays: Vec<NaiveDate>,
}

impl Default for CalendarTimings {
    fn default() -> Self {
        Self {
            data_due: 10,
            leadership_meeting: 15,
            committee_weeks: 8,
            audit_sample: 20,
            bank_holidays: Vec::new(),
        }
    }
}

/// Why timings were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimingsProblem {
    /// A number of days or weeks is outside what a cycle can use.
    OutOfRange {
        /// Which timing.
        what: &'static str,
        /// The lowest allowed.
        min: u32,
        /// The highest allowed.
        max: u32,
    },
    /// A line of the bank holidays is not a date.
    NotADate(String),
    /// The figures are due after the leadership team meets.
    DataAfterMeeting,
}

impl fmt::Display for TimingsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimingsProblem::OutOfRange { what, min, max } => {
                write!(f, "{what} must be from {min} to {max}.")
            }
            TimingsProblem::NotADate(text) => write!(
                f,
                "\u{201c}{text}\u{201d} is not a date: write each bank holiday as YYYY-MM-DD on a line of its own."
            ),
            TimingsProblem::DataAfterMeeting => f.write_str(
                "Figures must be due before the leadership team meets, so the meeting sees them.",
            ),
        }
    }
}

impl std::error::Error for TimingsProblem {}

impl CalendarTimings {
    /// Checks the timings make a workable cycle.
    pub fn check(&self) -> Result<(), TimingsProblem> {
        let limits = [
            ("Working days until figures are due", self.data_due, 1, 30),
            (
                "Working days until the leadership scorecard",
                self.leadership_meeting,
                1,
                40,
            ),
            (
                "Weeks until committees take the report",
                self.committee_weeks,
                1,
                13,
            ),
            (
                "Working days until the audit sample is drawn",
                self.audit_sample,
                1,
                60,
            ),
        ];
        if let Some((what, _, min, max)) = limits
            .into_iter()
            .find(|(_, value, min, max)| !(*min..=*max).contains(value))
        {
            return Err(TimingsProblem::OutOfRange { what, min, max });
        }
        if self.data_due >= self.leadership_meeting {
            return Err(TimingsProblem::DataAfterMeeting);
        }
        Ok(())
    }

    /// Reads bank holidays written one per line as `YYYY-MM-DD` (blank lines ignored), sorted and deduplicated.
    pub fn parse_holidays(text: &str) -> Result<Vec<NaiveDate>, TimingsProblem> {
        let mut days = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                NaiveDate::parse_from_str(l, "%Y-%m-%d")
                    .map_err(|_| TimingsProblem::NotADate(l.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        days.shared_sort();
        days.dedup();
        Ok(days)
    }

    /// Whether `day` is a working day: Monday to Friday and not a bank holiday.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.bank_holidays.contains(&day)
    }

    /// `date` if it is a working day, else the next one.
    pub fn working_day_from(&self, date: NaiveDate) -> NaiveDate {
        std::iter::successors(Some(date), |day| day.succ_opt())
            .find(|day| self.is_working_day(*day))
            .unwrap_or(date)
    }

    /// `days` working days after `date`.
    pub fn working_days_after(&self, date: NaiveDate, days: u32) -> NaiveDate {
        let mut day = date;
        let mut left = days;
        while left > 0 {
            day = day + Days::new(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn working_days_skip_weekends_and_bank_holidays() {
        let plain = CalendarTimings::default();
        // Friday 31 October 2025 + 1 working day = Monday 3 November.
        assert_eq!(
            plain.working_days_after(day(2025, 10, 31), 1),
            day(2025, 11, 3)
        );
        assert_eq!(
            plain.working_days_after(day(2025, 10, 31), 10),
            day(2025, 11, 14)
        );
        assert_eq!(
            plain.working_days_after(day(2025, 10, 31), 0),
            day(2025, 10, 31)
        );
        // Christmas 2026: Friday 25th, Monday 28th (Boxing Day's substitute) are holidays.
        let holidays = CalendarTimings {
            bank_holidays: CalendarTimings::parse_holidays("2026-12-28\n\n2026-12-25\n2026-12-25")
                .unwrap(),
            ..CalendarTimings::default()
        };
        assert_eq!(
            holidays.bank_holidays,
            [day(2026, 12, 25), day(2026, 12, 28)]
        );
        assert_eq!(
            plain.working_days_after(day(2026, 12, 24), 1),
            day(2026, 12, 25)
        );
        assert_eq!(
            holidays.working_days_after(day(2026, 12, 24), 1),
            day(2026, 12, 29)
        );
        assert!(!holidays.is_working_day(day(2026, 12, 26)));
    }

    #[test]
    fn unworkable_timings_and_bad_dates_are_named() {
        assert_eq!(CalendarTimings::default().check(), Ok(()));
        let late = CalendarTimings {
            data_due: 15,
            ..CalendarTimings::default()
        };
        assert_eq!(late.check(), Err(TimingsProblem::DataAfterMeeting));
        let never = CalendarTimings {
            committee_weeks: 0,
            ..CalendarTimings::default()
        };
        assert!(matches!(
            never.check(),
            Err(TimingsProblem::OutOfRange {
                min: 1,
                max: 13,
                ..
            })
        ));
        assert_eq!(
            CalendarTimings::parse_holidays("2026-12-25\n25/12/2026"),
            Err(TimingsProblem::NotADate("25/12/2026".into()))
        );
    }

    #[test]
    fn old_files_without_timings_read_the_defaults() {
        let read: CalendarTimings = serde_json::from_str("{\"data_due\": 8}").unwrap();
        assert_eq!(read.data_due, 8);
        assert_eq!(read.leadership_meeting, 15);
        assert!(read.bank_holidays.is_empty());
    }
}
