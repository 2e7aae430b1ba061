//! The RAG rating of a KPI for a period: special statuses first, then a manual override, then the rule.

use chrono::{DateTime, Utc};

use super::kpi::{KpiDefinition, KpiStatus};
use super::measurement::Measurement;
use super::rag::{RagAssessment, RagRule, RagStatus};

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

/// Rates `kpi` for `measurement`'s period. `last_year` is the same period a year earlier (for the
/// year-on-year test). Special statuses give no RAG, even with an override; otherwise an override wins.
pub fn rate(
    kpi: &KpiDefinition,
    measurement: Option<&Measurement>,
    last_year: Option<&Measurement>,
    framework_rule: &RagRule,
) -> Rating {
    if kpi.status != KpiStatus::Active {
        return Rating::NotRated(NotRated::Status(kpi.status));
    }
    let computed = measurement.and_then(|m| {
        let actual = m.resolved_value(kpi.unit)?;
        let target = kpi.target_for(m.period)?.value;
        let last = last_year.and_then(|l| l.resolved_value(kpi.unit));
        kpi.effective_rule(framework_rule)
            .assess(actual, target, kpi.polarity, last)
    });
    if let Some(judgement) = measurement.and_then(|m| m.rag_override.as_ref()) {
        return Rating::Overridden {
            status: judgement.status,
            computed: computed.map(|c| c.status),
            reason: judgement.reason.clone(),
            by: judgement.by.clone(),
            at: judgement.at,
        };
    }
    match (computed, measurement) {
        (Some(assessment), _) => Rating::Computed(assessment),
        (None, Some(m)) if m.resolved_value(kpi.unit).is_some_and(f64::is_finite) => {
            Rating::NotRated(NotRated::NoTarget)
        }
        _ => Rating::NotRated(NotRated::NoValue),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::Target;
    use crate::domain::kpi::tests::sample_kpi;
    use crate::domain::measurement::RagOverride;
    use crate::domain::period::Period;

    fn april(value: f64) -> Measurement {
        Measurement::new(
            sample_kpi("k1").id,
            Period::parse("Apr 2024").unwrap(),
            value,
        )
    }

    fn kpi_with_target(target: f64) -> KpiDefinition {
        let mut kpi = sample_kpi("k1");
        kpi.targets = vec![Target {
            period: Period::parse("2024/25").unwrap(),
            value: target,
        }];
        kpi
    }

    #[test]
    fn an_active_kpi_is_rated_by_the_rule() {
        let rating = rate(
            &kpi_with_target(80.0),
            Some(&april(70.0)),
            None,
            &RagRule::default(),
        );
        assert_eq!(rating.status(), Some(RagStatus::Red));
        assert_eq!(rating.label(), "Red");
    }

    #[test]
    fn special_statuses_give_no_rag_even_with_an_override() {
        for status in [
            KpiStatus::Baseline,
            KpiStatus::Contextual,
            KpiStatus::InDevelopment,
            KpiStatus::Retired,
        ] {
            let mut kpi = kpi_with_target(80.0);
            kpi.status = status;
            let mut measurement = april(70.0);
            measurement.rag_override = Some(RagOverride {
                status: RagStatus::Green,
                reason: "judgement".to_owned(),
                by: "A".to_owned(),
                at: "2024-05-01T00:00:00Z".parse().unwrap(),
            });
            let rating = rate(&kpi, Some(&measurement), None, &RagRule::default());
            assert_eq!(rating, Rating::NotRated(NotRated::Status(status)));
            assert_eq!(rating.label(), status.label());
        }
    }

    #[test]
    fn a_manual_override_wins_and_says_so() {
        let mut measurement = april(70.0);
        measurement.rag_override = Some(RagOverride {
            status: RagStatus::Amber,
            reason: "Seasonal dip agreed with the committee chair".to_owned(),
            by: "Head of Service".to_owned(),
            at: "2024-05-01T00:00:00Z".parse().unwrap(),
        });
        let rating = rate(
            &kpi_with_target(80.0),
            Some(&measurement),
            None,
            &RagRule::default(),
        );
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
            rate(&kpi_with_target(80.0), None, None, &rule),
            Rating::NotRated(NotRated::NoValue)
        );
        assert_eq!(
            rate(&sample_kpi("k1"), Some(&april(70.0)), None, &rule),
            Rating::NotRated(NotRated::NoTarget)
        );
    }

    #[test]
    fn the_year_on_year_test_reads_last_years_measurement() {
        let mut kpi = kpi_with_target(80.0);
        kpi.rag_rule = Some(RagRule {
            year_on_year_test: true,
            ..RagRule::default()
        });
        let last_year = Measurement::new(kpi.id.clone(), Period::parse("Apr 2023").unwrap(), 60.0);
        let rating = rate(
            &kpi,
            Some(&april(70.0)),
            Some(&last_year),
            &RagRule::default(),
        );
        assert_eq!(rating.status(), Some(RagStatus::Amber));
    }
}
