//! Data-quality warnings for a KPI (the performance protocol and the Cambridgeshire PMF): missing periods, stale data, too few points for a
//! trend or SPC, values outside the plausible range for the unit, values for periods of the wrong frequency,
//! and active KPIs with no target.

use std::collections::BTreeMap;

use crate::domain::basics::period::Period;
use crate::domain::maths::spc::{ChartRecommendation, MIN_POINTS_FOR_SPC};
use crate::domain::model::framework::Framework;
use crate::domain::model::kpi::{KpiDefinition, KpiStatus};
use crate::domain::model::measurement::Measurement;

/// Something about a KPI's data that a reader should know.
#[derive(Clone, Debug, PartialEq)]
pub enum DataQualityWarning {
    /// The KPI has no values at all.
    NoValues,
    /// Periods between the first and the latest value that have none.
    MissingPeriods {
        /// The gaps, oldest first.
        periods: Vec<Period>,
    },
    /// The latest value is older than the period being reported.
    Stale {
        /// The latest period with a value.
        latest: Period,
        /// The period being reported.
        expected: Period,
        /// How many periods behind.
        periods_behind: usize,
    },
    /// Too few values for a trend.
    TooFewForTrend {
        /// Values available.
        points: usize,
        /// Values needed.
        needed: usize,
    },
    /// Too few values for an SPC chart (the run-chart rules are applied instead).
    TooFewForSpc {
        /// Values available.
        points: usize,
        /// Values needed.
        needed: usize,
    },
    /// A value outside the believable range (e.g. a percentage over 100).
    Implausible {
        /// The period of the value.
        period: Period,
        /// The value.
        value: f64,
        /// The lowest believable value.
        min: f64,
        /// The highest believable value.
        max: f64,
    },
    /// A value recorded for a period of another frequency (e.g. a quarter of a monthly KPI).
    WrongFrequency {
        /// The period of the value.
        period: Period,
    },
    /// An active KPI with no target for the period being reported.
    NoTarget {
        /// The period being reported.
        period: Period,
    },
}

impl DataQualityWarning {
    /// The warning in plain English, with values in the KPI's unit.
    pub fn message(&self, kpi: &KpiDefinition) -> String {
        let format = |value: f64| kpi.unit.format(value, kpi.decimals);
        match self {
            DataQualityWarning::NoValues => "No values have been recorded yet.".to_owned(),
            DataQualityWarning::MissingPeriods { periods } => {
                let names: Vec<String> = periods.iter().map(Period::to_string).collect();
                format!("No value for {}.", join_english(&names))
            }
            DataQualityWarning::Stale {
                latest,
                expected,
                periods_behind,
            } => format!(
                "The latest value is for {latest}; {expected} is due ({periods_behind} period{} behind).",
                if *periods_behind == 1 { "" } else { "s" }
            ),
            DataQualityWarning::TooFewForTrend { points, needed } => {
                format!("Only {points} value(s): a trend needs {needed}.")
            }
            DataQualityWarning::TooFewForSpc { points, needed } => format!(
                "Only {points} value(s): SPC needs {needed}, so the run-chart rules are applied instead."
            ),
            DataQualityWarning::Implausible {
                period,
                value,
                min,
                max,
            } => {
                let range = match (min.is_finite(), max.is_finite()) {
                    (true, true) => format!("from {} to {}", format(*min), format(*max)),
                    (true, false) => format!("of at least {}", format(*min)),
                    _ => format!("of at most {}", format(*max)),
                };
                format!(
                    "The value for {period}, {}, is outside the believable range {range}.",
                    format(*value)
                )
            }
            DataQualityWarning::WrongFrequency { period } => format!(
                "A value is recorded for {period}, but the KPI is reported {}.",
                kpi.frequency.label().to_lowercase()
            ),
            DataQualityWarning::NoTarget { period } => format!("No target is set for {period}."),
        }
    }
}

fn join_english(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Every warning for `kpi` when reporting `period`, from its `history` (its measurements by period).
/// Retired KPIs are not expected to have current data, so only their recorded values are checked.
pub fn check(
    kpi: &KpiDefinition,
    history: &BTreeMap<Period, &Measurement>,
    period: Period,
    framework: &Framework,
) -> Vec<DataQualityWarning> {
    let mut warnings = Vec::new();
    let (min, max) = kpi.plausible_range();
    for (recorded, measurement) in history {
        if recorded.frequency() != kpi.frequency {
            warnings.push(DataQualityWarning::WrongFrequency { period: *recorded });
        }
        if let Some(value) = measurement.resolved_value(kpi.unit)
            && !(min..=max).contains(&value)
        {
            warnings.push(DataQualityWarning::Implausible {
                period: *recorded,
                value,
                min,
                max,
            });
        }
    }
    // Nothing is due from a KPI that is not reported now (proposed, or retired).
    if !kpi.status.is_live() {
        return warnings;
    }
    let valued: Vec<Period> = history
        .iter()
        .filter(|(p, m)| {
            p.frequency() == kpi.frequency && **p <= period && m.resolved_value(kpi.unit).is_some()
        })
        .map(|(p, _)| *p)
        .collect();
    let (Some(first), Some(latest)) = (valued.first(), valued.last()) else {
        warnings.push(DataQualityWarning::NoValues);
        return warnings;
    };
    let missing: Vec<Period> = std::iter::successors(Some(*first), |p| p.next())
        .take_while(|p| p < latest)
        .filter(|p| !valued.contains(p))
        .collect();
    if !missing.is_empty() {
        warnings.push(DataQualityWarning::MissingPeriods { periods: missing });
    }
    if *latest < period {
        let periods_behind = std::iter::successors(Some(*latest), |p| p.next())
            .take_while(|p| *p < period)
            .count();
        warnings.push(DataQualityWarning::Stale {
            latest: *latest,
            expected: period,
            periods_behind,
        });
    }
    let points = valued.len();
    if points < framework.trend_rule.min_points {
        warnings.push(DataQualityWarning::TooFewForTrend {
            points,
            needed: framework.trend_rule.min_points,
        });
    }
    if ChartRecommendation::for_points(points) == ChartRecommendation::RunChart {
        warnings.push(DataQualityWarning::TooFewForSpc {
            points,
            needed: MIN_POINTS_FOR_SPC,
        });
    }
    if kpi.status == KpiStatus::Active && kpi.target_for(period).is_none() {
        warnings.push(DataQualityWarning::NoTarget { period });
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::period::FinancialYear;
    use crate::domain::model::kpi::Target;
    use crate::domain::model::kpi::tests::sample_kpi;

    fn p(text: &str) -> Period {
        Period::parse(text).unwrap()
    }

    fn framework() -> Framework {
        Framework::new("Test", FinancialYear::starting(2024).unwrap())
    }

    fn kpi() -> KpiDefinition {
        let mut kpi = sample_kpi("k1");
        kpi.targets = vec![Target {
            period: p("2024/25"),
            value: 90.0,
        }];
        kpi
    }

    fn measurements(kpi: &KpiDefinition, values: &[(&str, f64)]) -> Vec<Measurement> {
        values
            .iter()
            .map(|(period, value)| Measurement::new(kpi.id.clone(), p(period), *value))
            .collect()
    }

    fn warnings_for(
        kpi: &KpiDefinition,
        values: &[(&str, f64)],
        period: &str,
    ) -> Vec<DataQualityWarning> {
        let stored = measurements(kpi, values);
        let history = stored.iter().map(|m| (m.period, m)).collect();
        check(kpi, &history, p(period), &framework())
    }

    #[test]
    fn gaps_and_stale_data_are_reported_separately() {
        let kpi = kpi();
        let warnings = warnings_for(&kpi, &[("Apr 2024", 90.0), ("Jul 2024", 91.0)], "Sep 2024");
        assert!(warnings.contains(&DataQualityWarning::MissingPeriods {
            periods: vec![p("May 2024"), p("Jun 2024")]
        }));
        assert!(warnings.contains(&DataQualityWarning::Stale {
            latest: p("Jul 2024"),
            expected: p("Sep 2024"),
            periods_behind: 2
        }));
        let messages: Vec<String> = warnings.iter().map(|w| w.message(&kpi)).collect();
        assert!(
            messages.contains(&"No value for May 2024 and Jun 2024.".to_owned()),
            "{messages:?}"
        );
        assert!(messages.contains(
            &"The latest value is for Jul 2024; Sep 2024 is due (2 periods behind).".to_owned()
        ));
    }

    #[test]
    fn a_percentage_over_100_is_implausible() {
        let kpi = kpi();
        let warnings = warnings_for(&kpi, &[("Apr 2024", 104.2)], "Apr 2024");
        let implausible = warnings
            .iter()
            .find(|w| matches!(w, DataQualityWarning::Implausible { .. }))
            .unwrap();
        assert_eq!(
            implausible.message(&kpi),
            "The value for Apr 2024, 104.2%, is outside the believable range from 0.0% to 100.0%."
        );
    }

    #[test]
    fn too_few_points_for_a_trend_or_spc() {
        let kpi = kpi();
        let warnings = warnings_for(&kpi, &[("Apr 2024", 90.0), ("May 2024", 91.0)], "May 2024");
        assert!(warnings.contains(&DataQualityWarning::TooFewForTrend {
            points: 2,
            needed: 4
        }));
        assert!(warnings.contains(&DataQualityWarning::TooFewForSpc {
            points: 2,
            needed: 13
        }));
    }

    #[test]
    fn values_for_the_wrong_frequency_and_missing_targets() {
        let mut kpi = kpi();
        kpi.targets.clear();
        let warnings = warnings_for(
            &kpi,
            &[("2024/25 Q1", 90.0), ("Apr 2024", 90.0)],
            "Apr 2024",
        );
        assert!(warnings.contains(&DataQualityWarning::WrongFrequency {
            period: p("2024/25 Q1")
        }));
        assert!(warnings.contains(&DataQualityWarning::NoTarget {
            period: p("Apr 2024")
        }));
        assert_eq!(
            DataQualityWarning::WrongFrequency {
                period: p("2024/25 Q1")
            }
            .message(&kpi),
            "A value is recorded for Q1 2024/25, but the KPI is reported monthly."
        );
    }

    #[test]
    fn a_kpi_with_no_values_says_so_and_a_complete_one_is_clean() {
        let kpi = kpi();
        assert_eq!(
            warnings_for(&kpi, &[], "Apr 2024"),
            vec![DataQualityWarning::NoValues]
        );
        let full: Vec<(String, f64)> = std::iter::successors(Some(p("Apr 2023")), |x| x.next())
            .take(18)
            .map(|period| (period.code(), 90.0))
            .collect();
        let full: Vec<(&str, f64)> = full.iter().map(|(p, v)| (p.as_str(), *v)).collect();
        assert_eq!(warnings_for(&kpi, &full, "Sep 2024"), vec![]);
    }

    #[test]
    fn retired_kpis_are_not_expected_to_be_current() {
        let mut kpi = kpi();
        kpi.status = KpiStatus::Retired;
        assert_eq!(
            warnings_for(&kpi, &[("Apr 2022", 90.0)], "Sep 2024"),
            vec![]
        );
    }
}
