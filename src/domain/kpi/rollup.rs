//! Roll-up: the RAG counts of a set of KPIs and one summary status for a golden-thread node or committee.
//!
//! Summary score = (greens + ½ × ambers) / KPIs rated. Default: Green from 0.75, Amber from 0.5, else Red.
//! KPIs without a RAG (special statuses, no data, no target) are counted but do not move the score.

use crate::domain::kpi::rating::{NotRated, Rating};
use crate::domain::maths::rag::{RagStatus, RollupRule};
use crate::domain::model::kpi::KpiStatus;

/// How many KPIs have each rating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RagCounts {
    /// Red, computed or overridden.
    pub red: usize,
    /// Amber, computed or overridden.
    pub amber: usize,
    /// Green, computed or overridden.
    pub green: usize,
    /// How many of the above were set by hand.
    pub overridden: usize,
    /// Baseline KPIs.
    pub baseline: usize,
    /// Contextual KPIs.
    pub contextual: usize,
    /// KPIs in development.
    pub in_development: usize,
    /// Active KPIs with no value or no target for the period.
    pub no_data: usize,
}

impl RagCounts {
    /// Counts `ratings`; retired KPIs are left out (they are history, not current performance).
    pub fn from_ratings<'a>(ratings: impl IntoIterator<Item = &'a Rating>) -> Self {
        let mut counts = Self::default();
        for rating in ratings {
            if let Rating::Overridden { .. } = rating {
                counts.overridden += 1;
            }
            match (rating.status(), rating) {
                (Some(RagStatus::Red), _) => counts.red += 1,
                (Some(RagStatus::Amber), _) => counts.amber += 1,
                (Some(RagStatus::Green), _) => counts.green += 1,
                (None, Rating::NotRated(NotRated::Status(KpiStatus::Baseline))) => {
                    counts.baseline += 1
                }
                (None, Rating::NotRated(NotRated::Status(KpiStatus::Contextual))) => {
                    counts.contextual += 1
                }
                (None, Rating::NotRated(NotRated::Status(KpiStatus::InDevelopment))) => {
                    counts.in_development += 1
                }
                (None, Rating::NotRated(NotRated::Status(_))) => {}
                (None, _) => counts.no_data += 1,
            }
        }
        counts
    }

    /// The counts in words, largest concerns first, leaving out what is zero: "1 red, 2 amber, 3 green, 1 not
    /// rated"; "No KPIs" when there are none.
    pub fn describe(&self) -> String {
        let not_rated = self.not_rated();
        let parts: Vec<String> = [
            (self.red, "red"),
            (self.amber, "amber"),
            (self.green, "green"),
            (not_rated, "not rated"),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, label)| format!("{count} {label}"))
        .collect();
        if parts.is_empty() {
            "No KPIs".to_owned()
        } else {
            parts.join(", ")
        }
    }

    /// KPIs rated `status`.
    pub fn of(&self, status: RagStatus) -> usize {
        match status {
            RagStatus::Red => self.red,
            RagStatus::Amber => self.amber,
            RagStatus::Green => self.green,
        }
    }

    /// KPIs without a RAG status (a special status, no value or no target).
    pub fn not_rated(&self) -> usize {
        self.total() - self.rated()
    }

    /// KPIs with a RAG status.
    pub fn rated(&self) -> usize {
        self.red + self.amber + self.green
    }

    /// Every KPI counted.
    pub fn total(&self) -> usize {
        self.rated() + self.baseline + self.contextual + self.in_development + self.no_data
    }

    /// (greens + ½ × ambers) / rated, or `None` when nothing is rated.
    pub fn score(&self) -> Option<f64> {
        let rated = self.rated();
        (rated > 0).then(|| (self.green as f64 + 0.5 * self.amber as f64) / rated as f64)
    }

    /// The summary status under `rule`, or `None` when nothing is rated.
    pub fn summary(&self, rule: &RollupRule) -> Option<RagStatus> {
        self.score().map(|score| {
            if score >= rule.green_from {
                RagStatus::Green
            } else if score >= rule.amber_from {
                RagStatus::Amber
            } else {
                RagStatus::Red
            }
        })
    }
}

/// How a count moved since the previous period: "2 more than last period", "1 fewer than last period", "same as
/// last period".
pub fn movement_since(now: usize, before: usize) -> String {
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("{} more than last period", now - before),
        std::cmp::Ordering::Less => format!("{} fewer than last period", before - now),
        std::cmp::Ordering::Equal => "same as last period".to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::maths::rag::{GapUnit, RagAssessment};

    /// A rating computed by the rule, of `status`.
    pub(crate) fn computed(status: RagStatus) -> Rating {
        Rating::Computed(RagAssessment {
            status,
            off_target_by: 0.0,
            unit: GapUnit::Percent,
            softened_by_year_on_year: false,
        })
    }

    fn counts(green: usize, amber: usize, red: usize) -> RagCounts {
        let ratings: Vec<Rating> = std::iter::repeat_n(computed(RagStatus::Green), green)
            .chain(std::iter::repeat_n(computed(RagStatus::Amber), amber))
            .chain(std::iter::repeat_n(computed(RagStatus::Red), red))
            .collect();
        RagCounts::from_ratings(&ratings)
    }

    #[test]
    fn counts_read_as_words() {
        assert_eq!(counts(3, 2, 1).describe(), "1 red, 2 amber, 3 green");
        assert_eq!(counts(0, 0, 0).describe(), "No KPIs");
        let with_unrated = RagCounts {
            no_data: 2,
            baseline: 1,
            ..counts(1, 0, 0)
        };
        assert_eq!(with_unrated.describe(), "1 green, 3 not rated");
    }

    #[test]
    fn the_summary_follows_the_score() {
        let rule = RollupRule::default();
        // 6 green, 3 amber, 1 red: (6 + 1.5) / 10 = 0.75 → Green.
        assert_eq!(counts(6, 3, 1).score(), Some(0.75));
        assert_eq!(counts(6, 3, 1).summary(&rule), Some(RagStatus::Green));
        // 4 green, 2 amber, 4 red: (4 + 1) / 10 = 0.5 → Amber.
        assert_eq!(counts(4, 2, 4).summary(&rule), Some(RagStatus::Amber));
        // 2 green, 2 amber, 6 red: (2 + 1) / 10 = 0.3 → Red.
        assert_eq!(counts(2, 2, 6).summary(&rule), Some(RagStatus::Red));
        assert_eq!(counts(0, 0, 0).summary(&rule), None);
    }

    #[test]
    fn unrated_kpis_are_counted_by_reason_and_retired_ones_left_out() {
        let ratings = [
            computed(RagStatus::Green),
            Rating::NotRated(NotRated::Status(KpiStatus::Baseline)),
            Rating::NotRated(NotRated::Status(KpiStatus::Contextual)),
            Rating::NotRated(NotRated::Status(KpiStatus::InDevelopment)),
            Rating::NotRated(NotRated::Status(KpiStatus::Retired)),
            Rating::NotRated(NotRated::NoValue),
            Rating::NotRated(NotRated::NoTarget),
        ];
        let counts = RagCounts::from_ratings(&ratings);
        assert_eq!(
            (
                counts.green,
                counts.baseline,
                counts.contextual,
                counts.in_development,
                counts.no_data
            ),
            (1, 1, 1, 1, 2)
        );
        assert_eq!(counts.total(), 6);
    }
}
