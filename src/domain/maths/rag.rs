//! The RAG engine: how far a value is off target, and the Red / Amber / Green status that follows.
//!
//! The default rule is the Cambridgeshire PMF exactly:
//! RED "current performance is off target by more than 10%", AMBER "off target by 10% or less",
//! GREEN "on or exceeding target". "Off target by x %" is relative to the target:
//! (target − actual) / |target| for higher-is-better, (actual − target) / |target| for lower-is-better —
//! not percentage points. Councils differ, so every threshold is configurable per framework and per KPI.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Which way is better for a KPI ("direction for improvement" in the scorecard).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// A higher value is better.
    HigherIsBetter,
    /// A lower value is better.
    LowerIsBetter,
    /// Staying near the target is best ("maintain" KPIs): off target either way counts.
    Maintain,
}

impl Polarity {
    /// How the scorecard's "direction for improvement" column reads.
    pub const fn label(self) -> &'static str {
        match self {
            Polarity::HigherIsBetter => "Higher is better",
            Polarity::LowerIsBetter => "Lower is better",
            Polarity::Maintain => "Maintain near target",
        }
    }
}

/// A RAG status. Ordered from worst to best: `Red < Amber < Green`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RagStatus {
    /// Off target by more than the amber band.
    Red,
    /// Off target, within the amber band.
    Amber,
    /// On or exceeding target (or within the green tolerance).
    Green,
}

impl RagStatus {
    /// Every status, worst first.
    pub const ALL: [RagStatus; 3] = [RagStatus::Red, RagStatus::Amber, RagStatus::Green];

    /// The status as a word, for text beside the colour.
    pub const fn label(self) -> &'static str {
        match self {
            RagStatus::Red => "Red",
            RagStatus::Amber => "Amber",
            RagStatus::Green => "Green",
        }
    }

    /// Where a status (or none) comes in a worst-first order: red 0, amber 1, green 2, not rated 3.
    pub const fn concern_rank(status: Option<RagStatus>) -> u8 {
        match status {
            Some(RagStatus::Red) => 0,
            Some(RagStatus::Amber) => 1,
            Some(RagStatus::Green) => 2,
            None => 3,
        }
    }
}

impl fmt::Display for RagStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How the distance from target is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapBasis {
    /// As a percentage of the target: (target − actual) / |target| × 100.
    RelativeToTarget,
    /// In the KPI's own units: target − actual.
    Absolute,
}

/// Tolerances in the KPI's own units, used when a relative gap is undefined (a target of zero).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbsoluteBands {
    /// Off target by at most this many units still counts as green.
    pub green_within: f64,
    /// Off target by at most this many units is amber; beyond it, red.
    pub amber_within: f64,
}

/// A configurable RAG rule. [`RagRule::default`] is the Cambridgeshire PMF's.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RagRule {
    /// Relative (percent of target) or absolute (units) gaps.
    pub basis: GapBasis,
    /// Off target by at most this still counts as green (percent or units). The Cambridgeshire PMF: 0.
    pub green_within: f64,
    /// Off target by at most this is amber; beyond it, red (percent or units). The Cambridgeshire PMF: 10.
    pub amber_within: f64,
    /// For [`Polarity::Maintain`] KPIs: within this either side of the target is green. Default 5.
    pub maintain_green_within: f64,
    /// Tolerances used when the basis is relative and the target is zero. Default: any miss is red.
    pub zero_target: AbsoluteBands,
    /// When on, a KPI that would be red is amber if it improved on the same period last year
    /// ("red only if more than 10 % off and not improved year on year").
    pub year_on_year_test: bool,
}

impl Default for RagRule {
    fn default() -> Self {
        Self {
            basis: GapBasis::RelativeToTarget,
            green_within: 0.0,
            amber_within: 10.0,
            maintain_green_within: 5.0,
            zero_target: AbsoluteBands {
                green_within: 0.0,
                amber_within: 0.0,
            },
            year_on_year_test: false,
        }
    }
}

impl RagRule {
    /// Every inconsistency in the rule, in plain English (empty when the rule is sound).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let thresholds = [
            ("green tolerance", self.green_within),
            ("amber band", self.amber_within),
            ("maintain band", self.maintain_green_within),
            ("zero-target green tolerance", self.zero_target.green_within),
            ("zero-target amber band", self.zero_target.amber_within),
        ];
        for (name, value) in thresholds {
            if !value.is_finite() || value < 0.0 {
                problems.push(format!(
                    "the {name} must be a number of at least 0, not {value}"
                ));
            }
        }
        if self.green_within > self.amber_within {
            problems.push("the green tolerance cannot be wider than the amber band".to_owned());
        }
        if self.maintain_green_within > self.amber_within {
            problems.push("the maintain band cannot be wider than the amber band".to_owned());
        }
        if self.zero_target.green_within > self.zero_target.amber_within {
            problems.push(
                "the zero-target green tolerance cannot be wider than its amber band".to_owned(),
            );
        }
        problems
    }

    /// Assesses `actual` against `target`. `last_year` (the same period a year earlier) is used only by the
    /// year-on-year test. `None` when either number is not finite.
    pub fn assess(
        &self,
        actual: f64,
        target: f64,
        polarity: Polarity,
        last_year: Option<f64>,
    ) -> Option<RagAssessment> {
        if !actual.is_finite() || !target.is_finite() {
            return None;
        }
        let shortfall = match polarity {
            Polarity::HigherIsBetter => target - actual,
            Polarity::LowerIsBetter => actual - target,
            Polarity::Maintain => (actual - target).abs(),
        };
        let green_for_polarity = match polarity {
            Polarity::Maintain => self.maintain_green_within,
            _ => self.green_within,
        };
        let (off_target_by, unit, green_within, amber_within) = match (self.basis, target == 0.0) {
            (GapBasis::RelativeToTarget, false) => (
                shortfall / target.abs() * 100.0,
                GapUnit::Percent,
                green_for_polarity,
                self.amber_within,
            ),
            // A relative gap from a zero target is undefined: fall back to the absolute tolerances.
            (GapBasis::RelativeToTarget, true) => (
                shortfall,
                GapUnit::Units,
                self.zero_target.green_within,
                self.zero_target.amber_within,
            ),
            (GapBasis::Absolute, _) => (
                shortfall,
                GapUnit::Units,
                green_for_polarity,
                self.amber_within,
            ),
        };
        let computed = if off_target_by <= green_within {
            RagStatus::Green
        } else if off_target_by <= amber_within {
            RagStatus::Amber
        } else {
            RagStatus::Red
        };
        let improved_on_last_year = last_year
            .filter(|value| value.is_finite())
            .is_some_and(|last| is_better(actual, last, polarity, target));
        let softened =
            self.year_on_year_test && computed == RagStatus::Red && improved_on_last_year;
        Some(RagAssessment {
            status: if softened { RagStatus::Amber } else { computed },
            off_target_by: off_target_by.max(0.0),
            unit,
            softened_by_year_on_year: softened,
        })
    }
}

/// Where the ratings change for one target: values on the good side of `green_edge` are green, between the
/// edges amber, beyond `amber_edge` red (before the year-on-year test).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RagEdges {
    /// The worst value that is still green.
    pub green_edge: f64,
    /// The worst value that is still amber.
    pub amber_edge: f64,
}

impl RagRule {
    /// The values at which a KPI of `polarity` with `target` changes rating, for drawing RAG bands. `None`
    /// for a maintain KPI (its bands lie on both sides) or a target that is not a number.
    pub fn edges(&self, target: f64, polarity: Polarity) -> Option<RagEdges> {
        let sign = match polarity {
            Polarity::HigherIsBetter => -1.0,
            Polarity::LowerIsBetter => 1.0,
            Polarity::Maintain => return None,
        };
        if !target.is_finite() {
            return None;
        }
        let (green, amber) = match (self.basis, target == 0.0) {
            (GapBasis::RelativeToTarget, false) => (
                self.green_within / 100.0 * target.abs(),
                self.amber_within / 100.0 * target.abs(),
            ),
            (GapBasis::RelativeToTarget, true) => {
                (self.zero_target.green_within, self.zero_target.amber_within)
            }
            (GapBasis::Absolute, _) => (self.green_within, self.amber_within),
        };
        Some(RagEdges {
            green_edge: target + sign * green,
            amber_edge: target + sign * amber,
        })
    }
}

/// Whether `value` is strictly better than `reference` for a KPI of this polarity.
pub fn is_better(value: f64, reference: f64, polarity: Polarity, target: f64) -> bool {
    match polarity {
        Polarity::HigherIsBetter => value > reference,
        Polarity::LowerIsBetter => value < reference,
        Polarity::Maintain => (value - target).abs() < (reference - target).abs(),
    }
}

/// The unit an off-target distance is expressed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GapUnit {
    /// Percent of the target.
    Percent,
    /// The KPI's own units.
    Units,
}

/// The outcome of applying a [`RagRule`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RagAssessment {
    /// The status.
    pub status: RagStatus,
    /// How far off target, in `unit`; 0 when on or better than target.
    pub off_target_by: f64,
    /// Whether `off_target_by` is a percentage of the target or in the KPI's units.
    pub unit: GapUnit,
    /// True when the year-on-year test turned a red into an amber.
    pub softened_by_year_on_year: bool,
}

/// The score thresholds of a roll-up's summary status (how the share of green KPIs under a part of the
/// golden thread turns into its own RAG: see `kpi::rollup`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RollupRule {
    /// The lowest score that is Green. Default 0.75.
    pub green_from: f64,
    /// The lowest score that is Amber. Default 0.5.
    pub amber_from: f64,
}

impl Default for RollupRule {
    fn default() -> Self {
        Self {
            green_from: 0.75,
            amber_from: 0.5,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Polarity::*;
    use RagStatus::*;

    fn status(actual: f64, target: f64, polarity: Polarity) -> RagStatus {
        RagRule::default()
            .assess(actual, target, polarity, None)
            .unwrap()
            .status
    }

    #[test]
    fn seed_003_green_is_on_or_exceeding_target() {
        assert_eq!(status(80.0, 80.0, HigherIsBetter), Green);
        assert_eq!(status(95.0, 80.0, HigherIsBetter), Green);
        assert_eq!(status(10.0, 12.0, LowerIsBetter), Green);
    }

    #[test]
    fn seed_003_amber_is_off_target_by_10_percent_or_less() {
        // 72 against 80 is 10 % off (relative to the target, not percentage points).
        assert_eq!(status(72.0, 80.0, HigherIsBetter), Amber);
        assert_eq!(status(79.9, 80.0, HigherIsBetter), Amber);
        assert_eq!(status(11.0, 10.0, LowerIsBetter), Amber);
    }

    #[test]
    fn seed_003_red_is_off_target_by_more_than_10_percent() {
        assert_eq!(status(71.9, 80.0, HigherIsBetter), Red);
        assert_eq!(status(11.5, 10.0, LowerIsBetter), Red);
    }

    #[test]
    fn the_gap_is_relative_to_the_target_not_percentage_points() {
        // Target 5 %, actual 4.4 %: 0.6 points off but 12 % off target, so red.
        let assessment = RagRule::default()
            .assess(4.4, 5.0, HigherIsBetter, None)
            .unwrap();
        assert_eq!(assessment.status, Red);
        assert!((assessment.off_target_by - 12.0).abs() < 1e-9);
        assert_eq!(assessment.unit, GapUnit::Percent);
    }

    #[test]
    fn a_green_tolerance_gives_the_within_5_percent_variant() {
        let rule = RagRule {
            green_within: 5.0,
            ..RagRule::default()
        };
        assert_eq!(
            rule.assess(96.0, 100.0, HigherIsBetter, None)
                .unwrap()
                .status,
            Green
        );
        assert_eq!(
            rule.assess(94.0, 100.0, HigherIsBetter, None)
                .unwrap()
                .status,
            Amber
        );
        assert_eq!(
            rule.assess(89.0, 100.0, HigherIsBetter, None)
                .unwrap()
                .status,
            Red
        );
    }

    #[test]
    fn a_zero_target_uses_the_absolute_tolerance() {
        let strict = RagRule::default();
        assert_eq!(
            strict.assess(0.0, 0.0, LowerIsBetter, None).unwrap().status,
            Green
        );
        assert_eq!(
            strict.assess(1.0, 0.0, LowerIsBetter, None).unwrap().status,
            Red
        );
        let tolerant = RagRule {
            zero_target: AbsoluteBands {
                green_within: 0.0,
                amber_within: 2.0,
            },
            ..RagRule::default()
        };
        let assessment = tolerant.assess(2.0, 0.0, LowerIsBetter, None).unwrap();
        assert_eq!(
            (assessment.status, assessment.unit),
            (Amber, GapUnit::Units)
        );
        assert_eq!(
            tolerant
                .assess(3.0, 0.0, LowerIsBetter, None)
                .unwrap()
                .status,
            Red
        );
    }

    #[test]
    fn maintain_kpis_have_a_band_either_side_of_the_target() {
        assert_eq!(status(104.0, 100.0, Maintain), Green);
        assert_eq!(status(96.0, 100.0, Maintain), Green);
        assert_eq!(status(108.0, 100.0, Maintain), Amber);
        assert_eq!(status(89.0, 100.0, Maintain), Red);
    }

    #[test]
    fn absolute_basis_measures_in_units() {
        let rule = RagRule {
            basis: GapBasis::Absolute,
            green_within: 1.0,
            amber_within: 3.0,
            ..RagRule::default()
        };
        assert_eq!(
            rule.assess(19.5, 20.0, HigherIsBetter, None)
                .unwrap()
                .status,
            Green
        );
        assert_eq!(
            rule.assess(17.0, 20.0, HigherIsBetter, None)
                .unwrap()
                .status,
            Amber
        );
        assert_eq!(
            rule.assess(16.9, 20.0, HigherIsBetter, None)
                .unwrap()
                .status,
            Red
        );
    }

    #[test]
    fn the_year_on_year_test_makes_an_improving_red_amber() {
        let rule = RagRule {
            year_on_year_test: true,
            ..RagRule::default()
        };
        let improved = rule.assess(60.0, 80.0, HigherIsBetter, Some(55.0)).unwrap();
        assert_eq!(improved.status, Amber);
        assert!(improved.softened_by_year_on_year);
        assert_eq!(
            rule.assess(60.0, 80.0, HigherIsBetter, Some(65.0))
                .unwrap()
                .status,
            Red
        );
        assert_eq!(
            rule.assess(60.0, 80.0, HigherIsBetter, None)
                .unwrap()
                .status,
            Red
        );
    }

    #[test]
    fn non_finite_numbers_are_not_rated() {
        assert_eq!(
            RagRule::default().assess(f64::NAN, 1.0, HigherIsBetter, None),
            None
        );
        assert_eq!(
            RagRule::default().assess(1.0, f64::INFINITY, HigherIsBetter, None),
            None
        );
    }

    #[test]
    fn inconsistent_rules_are_reported() {
        let rule = RagRule {
            green_within: 20.0,
            amber_within: -1.0,
            ..RagRule::default()
        };
        let problems = rule.problems();
        assert!(
            problems.iter().any(|p| p.contains("amber band must be")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("green tolerance cannot be wider"))
        );
        assert!(RagRule::default().problems().is_empty());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn rule() -> impl Strategy<Value = RagRule> {
        (0.0..20.0f64, 0.0..30.0f64, any::<bool>(), any::<bool>()).prop_map(
            |(green, extra, absolute, yoy)| RagRule {
                basis: if absolute {
                    GapBasis::Absolute
                } else {
                    GapBasis::RelativeToTarget
                },
                green_within: green,
                amber_within: green + extra,
                year_on_year_test: yoy,
                ..RagRule::default()
            },
        )
    }

    proptest! {
        #[test]
        fn the_edges_are_where_the_rating_changes(
            target in 1.0f64..1000.0,
            green in 0.0f64..5.0,
            amber in 5.0f64..30.0,
            higher: bool,
            absolute: bool,
        ) {
            let rule = RagRule {
                basis: if absolute { GapBasis::Absolute } else { GapBasis::RelativeToTarget },
                green_within: green,
                amber_within: amber,
                ..RagRule::default()
            };
            let polarity = if higher { Polarity::HigherIsBetter } else { Polarity::LowerIsBetter };
            let edges = rule.edges(target, polarity).unwrap();
            let status = |value: f64| rule.assess(value, target, polarity, None).unwrap().status;
            // A hair either side of each edge (exactly on it, rounding may fall either way).
            let nudge = 1e-6 * target.max(1.0);
            let (better, worse) = if higher { (nudge, -nudge) } else { (-nudge, nudge) };
            prop_assert_eq!(status(edges.green_edge + better), RagStatus::Green);
            prop_assert_eq!(status(edges.green_edge + worse), RagStatus::Amber);
            prop_assert_eq!(status(edges.amber_edge + better), RagStatus::Amber);
            prop_assert_eq!(status(edges.amber_edge + worse), RagStatus::Red);
        }

        #[test]
        fn rag_is_monotonic_in_the_actual_value(
            rule in rule(), target in -1e6..1e6f64, a in -1e6..1e6f64, b in -1e6..1e6f64
        ) {
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            let rate = |actual, polarity| rule.assess(actual, target, polarity, None).unwrap().status;
            prop_assert!(rate(low, Polarity::HigherIsBetter) <= rate(high, Polarity::HigherIsBetter));
            prop_assert!(rate(low, Polarity::LowerIsBetter) >= rate(high, Polarity::LowerIsBetter));
        }

        #[test]
        fn lower_is_better_mirrors_higher_is_better(
            rule in rule(), target in -1e6..1e6f64, actual in -1e6..1e6f64, last in -1e6..1e6f64
        ) {
            let lower = rule.assess(actual, target, Polarity::LowerIsBetter, Some(last)).unwrap();
            let higher = rule.assess(-actual, -target, Polarity::HigherIsBetter, Some(-last)).unwrap();
            prop_assert_eq!(lower, higher);
        }
    }
}
