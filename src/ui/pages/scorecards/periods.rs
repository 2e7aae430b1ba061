//! The periods a scorecard can be drawn up for: recent months, quarters and financial years, newest first.

use chrono::NaiveDate;

use crate::domain::basics::period::reporting_period;
use crate::domain::basics::period::{Frequency, Period};
use crate::domain::scorecard::engine::as_at_for;

/// How many of each kind the period choice offers.
const MONTHS: usize = 24;
const QUARTERS: usize = 8;
const YEARS: usize = 4;

/// The latest month that has ended by `today`: the default period.
pub fn latest_month(today: NaiveDate) -> Option<Period> {
    reporting_period(Frequency::Monthly, today)
}

/// The date a scorecard or roll-up is drawn up as at when no period is chosen: the end of the latest month
/// that has ended (today, before any has).
pub fn default_as_at(today: NaiveDate) -> NaiveDate {
    latest_month(today).map_or(today, |period| as_at_for(period, today))
}

fn back_from(start: Option<Period>, count: usize) -> Vec<Period> {
    std::iter::successors(start, |p| p.previous())
        .take(count)
        .collect()
}

/// The choices, grouped: months ended, quarters ended or running, and financial years.
pub fn period_choices(today: NaiveDate) -> [(&'static str, Vec<Period>); 3] {
    [
        ("Months", back_from(latest_month(today), MONTHS)),
        (
            "Quarters",
            back_from(Period::containing(Frequency::Quarterly, today), QUARTERS),
        ),
        (
            "Financial years",
            back_from(Period::containing(Frequency::Annual, today), YEARS),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choices_start_from_the_latest_period_and_go_back() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let [(_, months), (_, quarters), (_, years)] = period_choices(today);
        assert_eq!(months[0].to_string(), "Oct 2026");
        assert_eq!(months.len(), MONTHS);
        assert_eq!(quarters[0].to_string(), "Q3 2026/27");
        assert_eq!(
            years.iter().map(|y| y.to_string()).collect::<Vec<_>>(),
            ["2026/27", "2025/26", "2024/25", "2023/24"]
        );
    }
}
