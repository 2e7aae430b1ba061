//! The RAG rating of a KPI for a period: special statuses first, then a manual override, then the rule.

use chrono::{DateTime, Utc};

use crate::domain::basics::period::Period;
use crate::domain::maths::rag::{RagAssessment, RagRule, RagStatus};
use crate::domain::model::kpi::{KpiDefinition, KpiStatus};
use crate::domain::model::measurement::RagOverride;

/// Why a KPI has no RAG status for a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NotRated {
    /// Its status gives no RAG: Baseline, Contextual, In Development or Retired.
    Status(KpiStatus),
    /// No value for the period.
    NoValue,
    /// No target applies to the period.
    NoTarget,
}

impl NotRated {
    /// What the scorecard shows instead of a RAG status.
    pub fn label(self) -> &'static str {
        match self {
            NotRated::Status(status) => status.label(),
            NotRated::NoValue => "No data",
            NotRated::NoTarget => "No target",
        }
    }
}

/// The rating of a KPI for a period.
#[derive(Clone, Debug, PartialEq)]
pub enum Rating {
    /// Rated by the rule.
    Computed(RagAssessment),
    /// Set by hand; the computed status is kept alongside so the difference is visible.
    Overridden {
        /// The status reported.
        status: RagStatus,
        /// What the rule would have given.
        computed: Option<RagStatus>,
        /// Why.
        reason: String,
        /// Who.
        by: String,
        /// When.
        at: DateTime<Utc>,
    },
    /// No RAG status.
    NotRated(NotRated),
}

impl Rating {
    /// The RAG status reported, if any.
    pub fn status(&self) -> Option<RagStatus> {
        match self {
            Rating::Computed(assessment) => Some(assessment.status),
            Rating::Overridden { status, .. } => Some(*status),
            Rating::NotRated(_) => None,
        }
    }

    /// The text shown for the rating: "Red", "Amber (override)", "Baseline", "No data".
    pub fn label(&self) -> String {
        match self {
            Rating::Computed(assessment) => assessment.status.label().to_owned(),
            Rating::Overridden { status, .. } => format!("{} (override)", status.label()),
            Rating::NotRated(reason) => reason.label().to_owned(),
        }
    }
}

/// What a KPI is rated on for one period.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RatingInput<'a> {
    /// The figure rated: the period's value, or for a cumulative measure the year to date.
    pub actual: Option<f64>,
    /// The same figure a year earlier, for the year-on-year test.
    pub last_year: Option<f64>,
    /// A manual override recorded on the period's measurement.
    pub judgement: Option<&'a RagOverride>,
}

/// Rates `kpi` at `period` against the target that applies then. Special statuses give no RAG, even with an
/// override; otherwise an override wins and the computed status is kept beside it.
pub fn rate(
    kpi: &KpiDefinition,
    period: Period,
    input: RatingInput<'_>,
    framework_rule: &RagRule,
) -> Rating {
    if kpi.status != KpiStatus::Active {
        return Rating::NotRated(NotRated::Status(kpi.status));
    }
    let target = kpi.target_for(period).map(|t| t.value);
    let computed = match (input.actual, target) {
        (Some(actual), Some(target)) => {
            kpi.effective_rule(framework_rule)
                .assess(actual, target, kpi.polarity, input.last_year)
        }
        _ => None,
    };
    if let Some(judgement) = input.judgement {
        return Rating::Overridden {
            status: judgement.status,
            computed: computed.map(|c| c.status),
            reason: judgement.reason.clone(),
            by: judgement.by.clone(),
            at: judgement.at,
        };
    }
    match (computed, input.actual) {
        (Some(assessment), _) => Rating::Computed(assessment),
        (None, Some(actual)) if actual.is_finite() => Rating::NotRated(NotRated::NoTarget),
        _ => Rating::NotRated(NotRated::NoValue),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::kpi::Target;
    use crate::domain::model::kpi::tests::sample_kpi;

    fn april() -> Period {
        Period::parse("Apr 2024").unwrap()
    }

    fn actual(value: f64) -> RatingInput<'static> {
        RatingInput {
            actual: Some(value),
            ..RatingInput::default()
        }
    }

    fn kpi_with_target(target: f64) -> KpiDefinition {
        let mut kpi = sample_kpi("k1");
        kpi.targets = vec![Target {
            period: Period::parse("2024/25").unwrap(),
            value: target,
        }];
        kpi
    }

    fn judgement(status: RagStatus) -> RagOverride {
        RagOverride {
            status,
            reason: "Seasonal dip agreed with the committee chair".to_owned(),
            by: "Head of Service".to_owned(),
            at: "2024-05-01T00:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn an_active_kpi_is_rated_by_the_rule() {
        let rating = rate(
            &kpi_with_target(80.0),
            april(),
            actual(70.0),
            &RagRule::default(),
        );
        assert_eq!(rating.status(), Some(RagStatus::Red));
        assert_eq!(rating.label(), "Red");
    }

    #[test]
    fn special_statuses_give_no_rag_even_with_an_override() {
        let green = judgement(RagStatus::Green);
        for status in [
            KpiStatus::Baseline,
            KpiStatus::Contextual,
            KpiStatus::InDevelopment,
            KpiStatus::Retired,
        ] {
            let mut kpi = kpi_with_target(80.0);
            kpi.status = status;
            let input = RatingInput {
                judgement: Some(&green),
                ..actual(70.0)
            };
            let rating = rate(&kpi, april(), input, &RagRule::default());
            assert_eq!(rating, Rating::NotRated(NotRated::Status(status)));
            assert_eq!(rating.label(), status.label());
        }
    }

    #[test]
    fn a_manual_override_wins_and_says_so() {
        let amber = judgement(RagStatus::Amber);
        let input = RatingInput {
            judgement: Some(&amber),
            ..actual(70.0)
        };
        let rating = rate(&kpi_with_target(80.0), april(), input, &RagRule::default());
        assert_eq!(rating.status(), Some(RagStatus::Amber));
        assert_eq!(rating.label(), "Amber (override)");
        assert!(matches!(
            rating,
            Rating::Overridden {
                computed: Some(RagStatus::Red),
                ..
            }
        ));
    }

    #[test]
    fn missing_values_and_targets_are_named() {
        let rule = RagRule::default();
        assert_eq!(
            rate(
                &kpi_with_target(80.0),
                april(),
                RatingInput::default(),
                &rule
            ),
            Rating::NotRated(NotRated::NoValue)
        );
        assert_eq!(
            rate(&sample_kpi("k1"), april(), actual(70.0), &rule),
            Rating::NotRated(NotRated::NoTarget)
        );
    }

    #[test]
    fn the_year_on_year_test_uses_last_years_figure() {
        let mut kpi = kpi_with_target(80.0);
        kpi.rag_rule = Some(RagRule {
            year_on_year_test: true,
            ..RagRule::default()
        });
        let input = RatingInput {
            last_year: Some(60.0),
            ..actual(70.0)
        };
        assert_eq!(
            rate(&kpi, april(), input, &RagRule::default()).status(),
            Some(RagStatus::Amber)
        );
    }
}
