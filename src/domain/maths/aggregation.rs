//! Year to date, and the value of a longer period from shorter ones, for snapshot and cumulative measures.
//!
//! A **snapshot** measure's latest value stands ("% of calls answered in 15 s"); a **cumulative** measure
//! adds up over the year ("affordable homes delivered"). Values are stored per period as they happened
//! (homes delivered *in* May), so a cumulative measure's year to date is the sum of the year's periods so far,
//! and its value for a quarter is the year to date at the quarter's end (methods reference §1). A
//! **year-to-date as published** measure adds up too, but its figures are stored as the council publishes
//! them, already summed (homes delivered from April *to* May): its year to date is the figure itself, and
//! each period's own figure is the difference from the period before ([`own_period_values`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::basics::period::{Frequency, Period};
use crate::domain::basics::stats::mean;

/// Whether values stand alone or add up through the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureType {
    /// The latest value stands.
    Snapshot,
    /// Values add up through the year.
    Cumulative,
    /// Values add up through the year and each figure is already the year's total so far, as published.
    YearToDate,
}

impl MeasureType {
    /// The measure type in words, as a KPI's definition shows it.
    pub const fn label(self) -> &'static str {
        match self {
            MeasureType::Snapshot => "Snapshot (the latest value stands)",
            MeasureType::Cumulative => "Cumulative (values add up through the year)",
            MeasureType::YearToDate => {
                "Year to date as published (each figure is the year's total so far)"
            }
        }
    }

    /// Whether the measure adds up through the year (rated on its year to date against a to-date target).
    pub const fn adds_up(self) -> bool {
        matches!(self, MeasureType::Cumulative | MeasureType::YearToDate)
    }
}

/// How a snapshot measure's value for a longer period is derived from its shorter periods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SnapshotSummary {
    /// The value of the last short period within it (the default).
    #[default]
    Latest,
    /// The mean of the short periods within it.
    Mean,
}

/// A value built from several periods, with the periods it needed but did not have.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    /// The value, `None` when nothing was there to build it from.
    pub value: Option<f64>,
    /// Periods that should have contributed but have no value.
    pub missing: Vec<Period>,
}

impl Aggregate {
    /// True when every period that should contribute did.
    pub fn is_complete(&self) -> bool {
        self.value.is_some() && self.missing.is_empty()
    }
}

/// The year-to-date value at `at` from `values` as stored: for a cumulative measure the sum of the year's
/// periods up to `at`, for a snapshot measure and a year to date as published the value at `at` itself.
pub fn year_to_date(values: &BTreeMap<Period, f64>, at: Period, measure: MeasureType) -> Aggregate {
    match measure {
        MeasureType::Snapshot | MeasureType::YearToDate => Aggregate {
            value: values.get(&at).copied(),
            missing: if values.contains_key(&at) {
                vec![]
            } else {
                vec![at]
            },
        },
        MeasureType::Cumulative => sum_of(values, at.year_to_date()),
    }
}

/// The value for `longer` (say Q2) from `values` of a shorter frequency (say months): a cumulative measure's
/// year to date at the end of `longer`; a snapshot measure's latest or mean value within it.
pub fn value_for_period(
    values: &BTreeMap<Period, f64>,
    shorter: Frequency,
    longer: Period,
    measure: MeasureType,
    summary: SnapshotSummary,
) -> Aggregate {
    let Some(last_within) = Period::containing(shorter, longer.end_date()) else {
        return Aggregate {
            value: None,
            missing: vec![],
        };
    };
    match measure {
        MeasureType::Cumulative => return sum_of(values, last_within.year_to_date()),
        MeasureType::YearToDate => return year_to_date(values, last_within, measure),
        MeasureType::Snapshot => {}
    }
    match summary {
        SnapshotSummary::Latest => year_to_date(values, last_within, MeasureType::Snapshot),
        SnapshotSummary::Mean => {
            let within: Vec<Period> = last_within
                .year_to_date()
                .into_iter()
                .filter(|p| p.start_date() >= longer.start_date())
                .collect();
            let present: Vec<f64> = within
                .iter()
                .filter_map(|p| values.get(p).copied())
                .collect();
            Aggregate {
                value: mean(&present),
                missing: within
                    .into_iter()
                    .filter(|p| !values.contains_key(p))
                    .collect(),
            }
        }
    }
}

/// Each period's own figure from figures as stored, met in period order: for a year to date as published, the
/// first period of a year is its own figure and each later one the difference from the period before (left out
/// when the period before has no figure); other measures' figures are their own already. A filter for an
/// iterator of (period, figure), so that a series is worked out as it is gathered.
pub fn own_figures(measure: MeasureType) -> impl FnMut((Period, f64)) -> Option<(Period, f64)> {
    let mut met: Option<(Period, f64)> = None;
    move |(period, stored)| {
        if measure != MeasureType::YearToDate {
            return Some((period, stored));
        }
        let before = match met.replace((period, stored)) {
            _ if period.index() == 1 => Some(0.0),
            Some((previous, to_date)) if Some(previous) == period.previous() => Some(to_date),
            _ => None,
        };
        before.map(|before| (period, stored - before))
    }
}

fn sum_of(values: &BTreeMap<Period, f64>, periods: Vec<Period>) -> Aggregate {
    let present: Vec<f64> = periods
        .iter()
        .filter_map(|p| values.get(p).copied())
        .collect();
    Aggregate {
        value: (!present.is_empty()).then(|| present.iter().sum()),
        missing: periods
            .into_iter()
            .filter(|p| !values.contains_key(p))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monthly(pairs: &[(&str, f64)]) -> BTreeMap<Period, f64> {
        pairs
            .iter()
            .map(|(p, v)| (Period::parse(p).unwrap(), *v))
            .collect()
    }

    fn p(text: &str) -> Period {
        Period::parse(text).unwrap()
    }

    #[test]
    fn a_year_to_date_as_published_is_its_own_year_to_date_and_gives_each_periods_own_figure() {
        // Published to date: Apr 10, May 22, Jun 30 (so 10, 12 and 8 in each month), then Apr 2025 starts
        // again at 9; Aug 2024 is missing, so Sep's own figure (to date 50) cannot be told.
        let published = monthly(&[
            ("Apr 2024", 10.0),
            ("May 2024", 22.0),
            ("Jun 2024", 30.0),
            ("Jul 2024", 41.0),
            ("Sep 2024", 50.0),
            ("Apr 2025", 9.0),
        ]);
        let ytd = year_to_date(&published, p("Jun 2024"), MeasureType::YearToDate);
        assert_eq!((ytd.value, ytd.is_complete()), (Some(30.0), true));
        let own = |measure| -> BTreeMap<Period, f64> {
            published
                .iter()
                .map(|(p, v)| (*p, *v))
                .filter_map(own_figures(measure))
                .collect()
        };
        assert_eq!(
            own(MeasureType::YearToDate),
            monthly(&[
                ("Apr 2024", 10.0),
                ("May 2024", 12.0),
                ("Jun 2024", 8.0),
                ("Jul 2024", 11.0),
                ("Apr 2025", 9.0),
            ])
        );
        // The quarter to June is the year to date at June: 30, not 10 + 22 + 30.
        let q1 = value_for_period(
            &published,
            Frequency::Monthly,
            p("2024/25 Q1"),
            MeasureType::YearToDate,
            SnapshotSummary::Latest,
        );
        assert_eq!(q1.value, Some(30.0));
        assert!(MeasureType::YearToDate.adds_up() && !MeasureType::Snapshot.adds_up());
        assert_eq!(own(MeasureType::Cumulative), published);
    }

    #[test]
    fn cumulative_year_to_date_sums_from_april() {
        let values = monthly(&[
            ("Mar 2024", 99.0),
            ("Apr 2024", 10.0),
            ("May 2024", 12.0),
            ("Jun 2024", 8.0),
        ]);
        let ytd = year_to_date(&values, p("Jun 2024"), MeasureType::Cumulative);
        assert_eq!(ytd.value, Some(30.0));
        assert!(ytd.is_complete());
    }

    #[test]
    fn missing_months_are_named() {
        let values = monthly(&[("Apr 2024", 10.0), ("Jun 2024", 8.0)]);
        let ytd = year_to_date(&values, p("Jun 2024"), MeasureType::Cumulative);
        assert_eq!(ytd.value, Some(18.0));
        assert_eq!(ytd.missing, vec![p("May 2024")]);
        assert!(!ytd.is_complete());
    }

    #[test]
    fn snapshot_year_to_date_is_the_value_itself() {
        let values = monthly(&[("Apr 2024", 91.0), ("May 2024", 93.0)]);
        assert_eq!(
            year_to_date(&values, p("May 2024"), MeasureType::Snapshot).value,
            Some(93.0)
        );
    }

    #[test]
    fn a_quarter_of_a_cumulative_monthly_measure_is_the_year_to_date_at_its_end() {
        let values = monthly(&[
            ("Apr 2024", 10.0),
            ("May 2024", 12.0),
            ("Jun 2024", 8.0),
            ("Jul 2024", 5.0),
            ("Aug 2024", 5.0),
            ("Sep 2024", 5.0),
        ]);
        let q2 = value_for_period(
            &values,
            Frequency::Monthly,
            p("2024/25 Q2"),
            MeasureType::Cumulative,
            SnapshotSummary::Latest,
        );
        assert_eq!(q2.value, Some(45.0));
    }

    #[test]
    fn a_quarter_of_a_snapshot_measure_is_its_latest_month_or_the_mean() {
        let values = monthly(&[("Jul 2024", 90.0), ("Aug 2024", 80.0), ("Sep 2024", 82.0)]);
        let latest = value_for_period(
            &values,
            Frequency::Monthly,
            p("2024/25 Q2"),
            MeasureType::Snapshot,
            SnapshotSummary::Latest,
        );
        assert_eq!(latest.value, Some(82.0));
        let mean = value_for_period(
            &values,
            Frequency::Monthly,
            p("2024/25 Q2"),
            MeasureType::Snapshot,
            SnapshotSummary::Mean,
        );
        assert_eq!(mean.value, Some(84.0));
        assert!(mean.is_complete());
    }
}
