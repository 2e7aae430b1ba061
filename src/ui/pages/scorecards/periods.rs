//! The periods a scorecard can be drawn up for: recent months, quarters and financial years, newest first.

use chrono::NaiveDate;

use crate::domain::basics::period::reporting_period;
use crate::domain::basics::period::{Frequency, Period};
use crate::domain::scorecard::engine::as_at_for;

/// How many of each kind the period choice offers at least (more when the data goes back further).
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

/// From `start` back, at least `count` periods and on to the one holding `earliest` (the first day with data).
fn back_from(start: Option<Period>, count: usize, earliest: Option<NaiveDate>) -> Vec<Period> {
    std::iter::successors(start, |p| p.previous())
        .enumerate()
        .take_while(|(taken, p)| *taken < count || earliest.is_some_and(|day| p.end_date() >= day))
        .map(|(_, p)| p)
        .collect()
}

/// The choices, grouped: months ended, quarters ended or running, and financial years, reaching back to the
/// period holding `earliest`, the first day any figure covers, so every period with data can be chosen.
pub fn period_choices(
    today: NaiveDate,
    earliest: Option<NaiveDate>,
) -> [(&'static str, Vec<Period>); 3] {
    [
        ("Months", back_from(latest_month(today), MONTHS, earliest)),
        (
            "Quarters",
            back_from(
                Period::containing(Frequency::Quarterly, today),
                QUARTERS,
                earliest,
            ),
        ),
        (
            "Financial years",
            back_from(
                Period::containing(Frequency::Annual, today),
                YEARS,
                earliest,
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choices_start_from_the_latest_period_and_go_back() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let [(_, months), (_, quarters), (_, years)] = period_choices(today, None);
        assert_eq!(months[0].to_string(), "Oct 2026");
        assert_eq!(months.len(), MONTHS);
        assert_eq!(quarters[0].to_string(), "Q3 2026/27");
        assert_eq!(
            years.iter().map(|y| y.to_string()).collect::<Vec<_>>(),
            ["2026/27", "2025/26", "2024/25", "2023/24"]
        );
    }

    #[test]
    fn the_choices_reach_back_to_the_oldest_figure() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        // A figure for May 2019: months Oct 2026 back to May 2019 are 7 × 12 + 5 + 1 = 90; quarters Q3 2026/27
        // back to Q1 2019/20 are seven whole years (2019/20 to 2025/26, 28) and three, 31; years 2026/27 back
        // to 2019/20 are 8.
        let earliest = NaiveDate::from_ymd_opt(2019, 5, 1);
        let [(_, months), (_, quarters), (_, years)] = period_choices(today, earliest);
        assert_eq!(
            (months.len(), months.last().map(ToString::to_string)),
            (90, Some("May 2019".to_owned()))
        );
        assert_eq!(
            (quarters.len(), quarters.last().map(ToString::to_string)),
            (31, Some("Q1 2019/20".to_owned()))
        );
        assert_eq!(
            (years.len(), years.last().map(ToString::to_string)),
            (8, Some("2019/20".to_owned()))
        );
        // Data newer than the usual reach leaves the usual choices.
        let recent = NaiveDate::from_ymd_opt(2026, 4, 1);
        assert_eq!(period_choices(today, recent)[0].1.len(), MONTHS);
    }
}
