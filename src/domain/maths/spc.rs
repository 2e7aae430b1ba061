//! Statistical process control: the XmR chart of NHS England's "Making Data Count".
//!
//! Moving ranges MRᵢ = |xᵢ − xᵢ₋₁|; MR̄ their mean; centre line = mean of x (of a baseline when set);
//! process limits = mean ± 2.66 × MR̄ (±3σ with σ = MR̄ / 1.128); 2σ lines = mean ± 1.773 × MR̄.
//! Optional screening drops moving ranges above 3.267 × MR̄ and recomputes MR̄ once.
//! Special causes (run lengths configurable, 6 to 8 in use; default 7 as NHSRplotthedots):
//! 1. a point outside the process limits;
//! 2. a shift: a run of points all above or all below the centre line (points on the line neither break
//!    nor count towards a run);
//! 3. a trend: consecutive points all increasing or all decreasing (a repeated value ends the run);
//! 4. two out of three consecutive points beyond the same 2σ line.

use serde::{Deserialize, Serialize};

use crate::domain::basics::stats::mean;
use crate::domain::maths::rag::Polarity;

/// Process limits sit 2.66 × MR̄ from the centre line (3σ, σ = MR̄ / 1.128).
pub const LIMIT_FACTOR: f64 = 2.66;
/// The 2σ lines sit 1.773 × MR̄ from the centre line.
pub const TWO_SIGMA_FACTOR: f64 = 1.773;
/// Screening drops moving ranges above 3.267 × MR̄.
pub const MOVING_RANGE_SCREEN_FACTOR: f64 = 3.267;
/// Below this many points, show a run chart rather than an XmR chart.
pub const MIN_POINTS_FOR_SPC: usize = 13;
/// Below this many baseline points, the limits are trial limits.
pub const MIN_POINTS_FOR_FIRM_LIMITS: usize = 20;

/// Settings for the special-cause rules.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpcSettings {
    /// Points in a run on one side of the centre line that make a shift. Default 7.
    pub shift_run: usize,
    /// Consecutive increasing or decreasing points that make a trend. Default 7.
    pub trend_run: usize,
    /// Drop moving ranges above 3.267 × MR̄ before computing the limits. Default on.
    pub screen_moving_ranges: bool,
    /// Compute the centre line and limits from the first this many points only. Default: all points.
    pub baseline_points: Option<usize>,
}

impl Default for SpcSettings {
    fn default() -> Self {
        Self {
            shift_run: 7,
            trend_run: 7,
            screen_moving_ranges: true,
            baseline_points: None,
        }
    }
}

/// Which chart suits a series of this length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartRecommendation {
    /// Fewer than 13 points: a run chart with the median.
    RunChart,
    /// 13 to 19 points: an XmR chart whose limits are marked as trial.
    XmrWithTrialLimits,
    /// 20 points or more: an XmR chart.
    Xmr,
}

impl ChartRecommendation {
    /// The chart for `points` values.
    pub fn for_points(points: usize) -> Self {
        if points < MIN_POINTS_FOR_SPC {
            ChartRecommendation::RunChart
        } else if points < MIN_POINTS_FOR_FIRM_LIMITS {
            ChartRecommendation::XmrWithTrialLimits
        } else {
            ChartRecommendation::Xmr
        }
    }
}

/// Above or below the centre line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Above (or, for a trend, increasing).
    High,
    /// Below (or, for a trend, decreasing).
    Low,
}

/// The four special-cause rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpecialCauseRule {
    /// A point outside the process limits.
    OutsideLimits,
    /// Two of three consecutive points beyond the same 2σ line.
    TwoOfThreeBeyondTwoSigma,
    /// A run on one side of the centre line.
    Shift,
    /// A run of increasing or decreasing points.
    Trend,
}

/// A rule that fired at a point, and on which side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signal {
    /// The rule.
    pub rule: SpecialCauseRule,
    /// The side it points to.
    pub side: Side,
}

/// What a special cause means for performance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VariationIcon {
    /// Only common-cause variation at the latest point.
    CommonCause,
    /// Special cause at the latest point, in the better direction.
    Improvement(Side),
    /// Special cause at the latest point, in the worse direction.
    Concern(Side),
    /// Special cause where neither direction is better (maintain KPIs).
    Neither(Side),
}

impl VariationIcon {
    /// The icon in words (NHS "Making Data Count" wording), for text beside the icon.
    pub fn label(self) -> String {
        let side = |side: Side| match side {
            Side::High => "higher",
            Side::Low => "lower",
        };
        match self {
            VariationIcon::CommonCause => {
                "Common cause variation: no significant change".to_owned()
            }
            VariationIcon::Improvement(s) => {
                format!("Special cause improvement: significantly {}", side(s))
            }
            VariationIcon::Concern(s) => {
                format!("Special cause concern: significantly {}", side(s))
            }
            VariationIcon::Neither(s) => {
                format!("Special cause variation: significantly {}", side(s))
            }
        }
    }
}

impl VariationIcon {
    /// The icon in a few words, for a scorecard cell: "Common cause", "Improving (high)", "Concerning (low)".
    pub fn short_label(self) -> String {
        let side = |side: Side| match side {
            Side::High => "high",
            Side::Low => "low",
        };
        match self {
            VariationIcon::CommonCause => "Common cause".to_owned(),
            VariationIcon::Improvement(s) => format!("Improving ({})", side(s)),
            VariationIcon::Concern(s) => format!("Concerning ({})", side(s)),
            VariationIcon::Neither(s) => format!("Special cause ({})", side(s)),
        }
    }
}

impl SpecialCauseRule {
    /// The rule in words.
    pub const fn label(self) -> &'static str {
        match self {
            SpecialCauseRule::OutsideLimits => "outside the process limits",
            SpecialCauseRule::TwoOfThreeBeyondTwoSigma => "two of three beyond two sigma",
            SpecialCauseRule::Shift => "a shift (a run on one side of the mean)",
            SpecialCauseRule::Trend => "a trend (a run going one way)",
        }
    }
}

/// Whether the process can be relied on to meet the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssuranceIcon {
    /// The target lies beyond the limits on the good side: the process consistently meets it.
    ConsistentlyPasses,
    /// The target lies within the limits: it will be met some months and missed others.
    HitAndMiss,
    /// The target lies beyond the limits on the bad side: the process will not meet it unchanged.
    ConsistentlyFails,
}

impl AssuranceIcon {
    /// The icon in a few words, for a scorecard cell.
    pub const fn short_label(self) -> &'static str {
        match self {
            AssuranceIcon::ConsistentlyPasses => "Passes the target",
            AssuranceIcon::HitAndMiss => "Hit and miss",
            AssuranceIcon::ConsistentlyFails => "Fails the target",
        }
    }

    /// The icon in words, for text beside the icon.
    pub const fn label(self) -> &'static str {
        match self {
            AssuranceIcon::ConsistentlyPasses => "Consistently meets the target",
            AssuranceIcon::HitAndMiss => {
                "Hit and miss: meets the target in some periods and misses it in others"
            }
            AssuranceIcon::ConsistentlyFails => {
                "Consistently misses the target unless the process changes"
            }
        }
    }
}

/// One point of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct SpcPoint {
    /// The value.
    pub value: f64,
    /// |x − previous x|, none for the first point.
    pub moving_range: Option<f64>,
    /// Every rule that fired at this point.
    pub signals: Vec<Signal>,
}

impl SpcPoint {
    /// The side of the strongest signal (outside limits, then two of three, then shift, then trend).
    pub fn special_cause_side(&self) -> Option<Side> {
        self.signals
            .iter()
            .min_by_key(|s| s.rule as u8)
            .map(|s| s.side)
    }
}

/// A complete XmR analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct XmrChart {
    /// Centre line.
    pub mean: f64,
    /// Mean moving range (after screening, if on).
    pub mean_moving_range: f64,
    /// Upper process limit.
    pub upper_limit: f64,
    /// Lower process limit.
    pub lower_limit: f64,
    /// Upper 2σ line.
    pub upper_two_sigma: f64,
    /// Lower 2σ line.
    pub lower_two_sigma: f64,
    /// How many points the limits were computed from.
    pub baseline_points: usize,
    /// True when the limits come from fewer than 20 points.
    pub trial_limits: bool,
    /// Differences smaller than this count as lying on a line (rounding in the mean must not make a
    /// constant series look shifted): 10⁻⁹ of the scale of the data.
    pub tolerance: f64,
    /// Every point with its signals.
    pub points: Vec<SpcPoint>,
}

/// Why an XmR chart cannot be drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum SpcError {
    /// Fewer than two finite values.
    TooFewPoints {
        /// Finite values given.
        got: usize,
    },
    /// A value is NaN or infinite.
    NotFinite {
        /// Its position, from 0.
        index: usize,
    },
}

impl std::fmt::Display for SpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpcError::TooFewPoints { got } => write!(
                f,
                "it needs at least two values, and there {} {got}",
                if *got == 1 { "is" } else { "are" }
            ),
            SpcError::NotFinite { index } => write!(f, "value {} is not a number", index + 1),
        }
    }
}

impl std::error::Error for SpcError {}

impl XmrChart {
    /// Analyses `values` (oldest first).
    pub fn analyse(values: &[f64], settings: &SpcSettings) -> Result<Self, SpcError> {
        if let Some(index) = values.iter().position(|v| !v.is_finite()) {
            return Err(SpcError::NotFinite { index });
        }
        if values.len() < 2 {
            return Err(SpcError::TooFewPoints { got: values.len() });
        }
        let baseline_points = settings
            .baseline_points
            .unwrap_or(values.len())
            .clamp(2, values.len());
        let baseline = &values[..baseline_points];
        let centre = mean(baseline).expect("at least two baseline points");
        let ranges: Vec<f64> = baseline.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
        let mut mean_moving_range = mean(&ranges).expect("at least one moving range");
        if settings.screen_moving_ranges {
            let cap = MOVING_RANGE_SCREEN_FACTOR * mean_moving_range;
            let kept: Vec<f64> = ranges.iter().copied().filter(|r| *r <= cap).collect();
            mean_moving_range = mean(&kept).unwrap_or(mean_moving_range);
        }
        let mut chart = XmrChart {
            mean: centre,
            mean_moving_range,
            upper_limit: centre + LIMIT_FACTOR * mean_moving_range,
            lower_limit: centre - LIMIT_FACTOR * mean_moving_range,
            upper_two_sigma: centre + TWO_SIGMA_FACTOR * mean_moving_range,
            lower_two_sigma: centre - TWO_SIGMA_FACTOR * mean_moving_range,
            baseline_points,
            trial_limits: baseline_points < MIN_POINTS_FOR_FIRM_LIMITS,
            tolerance: 1e-9 * centre.abs().max(mean_moving_range).max(1.0),
            points: values
                .iter()
                .enumerate()
                .map(|(i, &value)| SpcPoint {
                    value,
                    moving_range: (i > 0).then(|| (value - values[i - 1]).abs()),
                    signals: Vec::new(),
                })
                .collect(),
        };
        chart.flag_outside_limits();
        chart.flag_two_of_three();
        chart.flag_shifts(settings.shift_run);
        chart.flag_trends(settings.trend_run);
        Ok(chart)
    }

    /// Which side of `line` the value lies, or `None` when it is on the line (within the tolerance).
    fn side_of(&self, value: f64, line: f64) -> Option<Side> {
        if value - line > self.tolerance {
            Some(Side::High)
        } else if line - value > self.tolerance {
            Some(Side::Low)
        } else {
            None
        }
    }

    fn flag(&mut self, index: usize, rule: SpecialCauseRule, side: Side) {
        self.points[index].signals.push(Signal { rule, side });
    }

    fn flag_outside_limits(&mut self) {
        for i in 0..self.points.len() {
            let value = self.points[i].value;
            if self.side_of(value, self.upper_limit) == Some(Side::High) {
                self.flag(i, SpecialCauseRule::OutsideLimits, Side::High);
            } else if self.side_of(value, self.lower_limit) == Some(Side::Low) {
                self.flag(i, SpecialCauseRule::OutsideLimits, Side::Low);
            }
        }
    }

    fn flag_two_of_three(&mut self) {
        let mut flagged = vec![None; self.points.len()];
        for start in 0..self.points.len().saturating_sub(2) {
            for side in [Side::High, Side::Low] {
                let beyond: Vec<usize> = (start..start + 3)
                    .filter(|&i| {
                        let line = match side {
                            Side::High => self.upper_two_sigma,
                            Side::Low => self.lower_two_sigma,
                        };
                        self.side_of(self.points[i].value, line) == Some(side)
                    })
                    .collect();
                if beyond.len() >= 2 {
                    beyond.into_iter().for_each(|i| flagged[i] = Some(side));
                }
            }
        }
        for (i, side) in flagged.into_iter().enumerate() {
            if let Some(side) = side {
                self.flag(i, SpecialCauseRule::TwoOfThreeBeyondTwoSigma, side);
            }
        }
    }

    fn flag_shifts(&mut self, run_length: usize) {
        let sides: Vec<Option<Side>> = self
            .points
            .iter()
            .map(|p| self.side_of(p.value, self.mean))
            .collect();
        let mut run: Vec<usize> = Vec::new();
        let mut run_side = None;
        for (i, side) in sides.iter().enumerate() {
            let Some(side) = *side else { continue }; // on the line: neither breaks nor counts
            if run_side != Some(side) {
                self.flag_run(&run, run_side, run_length, SpecialCauseRule::Shift);
                run.clear();
                run_side = Some(side);
            }
            run.push(i);
        }
        self.flag_run(&run, run_side, run_length, SpecialCauseRule::Shift);
    }

    fn flag_trends(&mut self, run_length: usize) {
        let mut run: Vec<usize> = vec![0];
        let mut run_side = None;
        for i in 1..self.points.len() {
            let step = self.points[i].value - self.points[i - 1].value;
            let side = if step > 0.0 {
                Some(Side::High)
            } else if step < 0.0 {
                Some(Side::Low)
            } else {
                None
            };
            if side.is_none() || side != run_side {
                self.flag_run(&run, run_side, run_length, SpecialCauseRule::Trend);
                run = vec![i - 1];
                run_side = side;
            }
            run.push(i);
        }
        self.flag_run(&run, run_side, run_length, SpecialCauseRule::Trend);
    }

    fn flag_run(
        &mut self,
        run: &[usize],
        side: Option<Side>,
        run_length: usize,
        rule: SpecialCauseRule,
    ) {
        if let Some(side) = side
            && run.len() >= run_length
        {
            run.iter().for_each(|&i| self.flag(i, rule, side));
        }
    }

    /// The variation icon, from the latest point and the direction for improvement.
    pub fn variation(&self, polarity: Polarity) -> VariationIcon {
        let Some(side) = self.points.last().and_then(SpcPoint::special_cause_side) else {
            return VariationIcon::CommonCause;
        };
        match (polarity, side) {
            (Polarity::Maintain, _) => VariationIcon::Neither(side),
            (Polarity::HigherIsBetter, Side::High) | (Polarity::LowerIsBetter, Side::Low) => {
                VariationIcon::Improvement(side)
            }
            _ => VariationIcon::Concern(side),
        }
    }

    /// The assurance icon: where the target sits against the process limits. `None` for maintain KPIs.
    pub fn assurance(&self, target: f64, polarity: Polarity) -> Option<AssuranceIcon> {
        let above = target > self.upper_limit;
        let below = target < self.lower_limit;
        match polarity {
            Polarity::Maintain => None,
            _ if !above && !below => Some(AssuranceIcon::HitAndMiss),
            Polarity::HigherIsBetter if above => Some(AssuranceIcon::ConsistentlyFails),
            Polarity::LowerIsBetter if below => Some(AssuranceIcon::ConsistentlyFails),
            _ => Some(AssuranceIcon::ConsistentlyPasses),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_at(chart: &XmrChart, index: usize) -> Vec<SpecialCauseRule> {
        chart.points[index].signals.iter().map(|s| s.rule).collect()
    }

    /// A stable process around 50.1 (moving ranges 2 or 4), ending below its mean.
    const STABLE: [f64; 20] = [
        52.0, 50.0, 48.0, 52.0, 50.0, 48.0, 52.0, 50.0, 48.0, 52.0, 50.0, 48.0, 52.0, 50.0, 48.0,
        52.0, 50.0, 48.0, 52.0, 50.0,
    ];

    #[test]
    fn limits_are_mean_plus_or_minus_2_66_moving_ranges() {
        let chart =
            XmrChart::analyse(&[10.0, 14.0, 12.0, 16.0, 13.0], &SpcSettings::default()).unwrap();
        // Mean 13; moving ranges 4, 2, 4, 3 → MR̄ 3.25; limits 13 ± 8.645; 2σ 13 ± 5.76225.
        assert!((chart.mean - 13.0).abs() < 1e-12);
        assert!((chart.mean_moving_range - 3.25).abs() < 1e-12);
        assert!((chart.upper_limit - 21.645).abs() < 1e-9);
        assert!((chart.lower_limit - 4.355).abs() < 1e-9);
        assert!((chart.upper_two_sigma - 18.76225).abs() < 1e-9);
        assert!(chart.trial_limits);
    }

    #[test]
    fn screening_drops_moving_ranges_above_3_267_mean_moving_ranges() {
        let mut values = vec![10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0];
        values.push(40.0);
        let screened = XmrChart::analyse(&values, &SpcSettings::default()).unwrap();
        let unscreened = XmrChart::analyse(
            &values,
            &SpcSettings {
                screen_moving_ranges: false,
                ..SpcSettings::default()
            },
        )
        .unwrap();
        assert!((screened.mean_moving_range - 1.0).abs() < 1e-12);
        assert!(unscreened.mean_moving_range > 3.0);
    }

    #[test]
    fn rule_1_a_point_outside_the_limits() {
        let mut values = STABLE.to_vec();
        values.push(70.0);
        let chart = XmrChart::analyse(&values, &SpcSettings::default()).unwrap();
        assert_eq!(rules_at(&chart, 20), vec![SpecialCauseRule::OutsideLimits]);
        assert_eq!(
            chart.variation(Polarity::HigherIsBetter),
            VariationIcon::Improvement(Side::High)
        );
        assert_eq!(
            chart.variation(Polarity::LowerIsBetter),
            VariationIcon::Concern(Side::High)
        );
        assert_eq!(
            chart.variation(Polarity::Maintain),
            VariationIcon::Neither(Side::High)
        );
    }

    #[test]
    fn rule_2_a_shift_of_seven_points_on_one_side() {
        let mut values = STABLE.to_vec();
        values.extend([51.0, 51.5, 51.0, 51.5, 51.0, 51.5]);
        let six = XmrChart::analyse(&values, &SpcSettings::default()).unwrap();
        assert!(
            rules_at(&six, 25).is_empty(),
            "six points are not a shift of seven"
        );
        values.push(51.0);
        let seven = XmrChart::analyse(&values, &SpcSettings::default()).unwrap();
        assert!((20..27).all(|i| rules_at(&seven, i).contains(&SpecialCauseRule::Shift)));
        let shorter = SpcSettings {
            shift_run: 6,
            ..SpcSettings::default()
        };
        let six_as_shift = XmrChart::analyse(&values[..26], &shorter).unwrap();
        assert!(rules_at(&six_as_shift, 25).contains(&SpecialCauseRule::Shift));
    }

    #[test]
    fn points_on_the_centre_line_neither_break_nor_count_towards_a_shift() {
        // Mean of this series is exactly 0: six highs, a zero, then a seventh high.
        let values = [
            -3.0, -3.0, -3.0, -3.0, -3.0, -3.0, -3.0, 3.0, 3.0, 3.0, 0.0, 3.0, 3.0, 3.0, 3.0,
        ];
        let chart = XmrChart::analyse(&values, &SpcSettings::default()).unwrap();
        assert_eq!(chart.mean, 0.0);
        assert!(
            rules_at(&chart, 10).is_empty(),
            "the point on the line is not flagged"
        );
        assert!(rules_at(&chart, 14).contains(&SpecialCauseRule::Shift));
        assert!(rules_at(&chart, 7).contains(&SpecialCauseRule::Shift));
    }

    #[test]
    fn rule_3_a_trend_of_seven_increasing_points() {
        let mut values = STABLE.to_vec();
        values.extend([47.0, 48.0, 49.0, 50.0, 51.0, 52.0]);
        let chart = XmrChart::analyse(&values, &SpcSettings::default()).unwrap();
        // The last stable point (50) falls to 47, so the rise is 47..52: six points, not yet a trend.
        assert!(!rules_at(&chart, 25).contains(&SpecialCauseRule::Trend));
        values.push(53.0);
        let chart = XmrChart::analyse(&values, &SpcSettings::default()).unwrap();
        assert!((20..27).all(|i| rules_at(&chart, i).contains(&SpecialCauseRule::Trend)));
        assert_eq!(chart.points[26].signals[0].side, Side::High);
    }

    #[test]
    fn a_repeated_value_ends_a_trend() {
        let values = [1.0, 2.0, 3.0, 4.0, 4.0, 5.0, 6.0, 7.0, 8.0];
        let chart = XmrChart::analyse(&values, &SpcSettings::default()).unwrap();
        assert!(
            chart
                .points
                .iter()
                .all(|p| !p.signals.iter().any(|s| s.rule == SpecialCauseRule::Trend))
        );
    }

    #[test]
    fn rule_4_two_of_three_beyond_the_same_two_sigma_line() {
        let mut values = STABLE.to_vec();
        // 2σ line is about 50.4 + 1.773 × 3.3: two of the three points beyond it, the middle inside.
        values.extend([57.0, 50.0, 57.0]);
        let chart = XmrChart::analyse(&values, &SpcSettings::default()).unwrap();
        assert!(chart.upper_two_sigma < 57.0 && 57.0 < chart.upper_limit);
        assert_eq!(
            rules_at(&chart, 20),
            vec![SpecialCauseRule::TwoOfThreeBeyondTwoSigma]
        );
        assert!(rules_at(&chart, 21).is_empty());
        assert_eq!(
            rules_at(&chart, 22),
            vec![SpecialCauseRule::TwoOfThreeBeyondTwoSigma]
        );
    }

    #[test]
    fn assurance_compares_the_target_with_the_limits() {
        let chart = XmrChart::analyse(&STABLE, &SpcSettings::default()).unwrap();
        use AssuranceIcon::*;
        assert_eq!(
            chart.assurance(70.0, Polarity::HigherIsBetter),
            Some(ConsistentlyFails)
        );
        assert_eq!(
            chart.assurance(30.0, Polarity::HigherIsBetter),
            Some(ConsistentlyPasses)
        );
        assert_eq!(
            chart.assurance(51.0, Polarity::HigherIsBetter),
            Some(HitAndMiss)
        );
        assert_eq!(
            chart.assurance(70.0, Polarity::LowerIsBetter),
            Some(ConsistentlyPasses)
        );
        assert_eq!(
            chart.assurance(30.0, Polarity::LowerIsBetter),
            Some(ConsistentlyFails)
        );
        assert_eq!(chart.assurance(51.0, Polarity::Maintain), None);
    }

    #[test]
    fn a_baseline_fixes_the_limits_on_the_first_points() {
        let mut values = STABLE.to_vec();
        values.extend([60.0; 5]);
        let settings = SpcSettings {
            baseline_points: Some(20),
            ..SpcSettings::default()
        };
        let chart = XmrChart::analyse(&values, &settings).unwrap();
        assert!((chart.mean - 50.0).abs() < 0.5);
        assert!(!chart.trial_limits);
    }

    #[test]
    fn the_chart_suits_the_length_of_the_series() {
        assert_eq!(
            ChartRecommendation::for_points(12),
            ChartRecommendation::RunChart
        );
        assert_eq!(
            ChartRecommendation::for_points(13),
            ChartRecommendation::XmrWithTrialLimits
        );
        assert_eq!(
            ChartRecommendation::for_points(20),
            ChartRecommendation::Xmr
        );
    }

    #[test]
    fn bad_input_is_refused_not_panicked_on() {
        assert_eq!(
            XmrChart::analyse(&[1.0], &SpcSettings::default()),
            Err(SpcError::TooFewPoints { got: 1 })
        );
        assert_eq!(
            XmrChart::analyse(&[1.0, f64::NAN], &SpcSettings::default()),
            Err(SpcError::NotFinite { index: 1 })
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_constant_series_has_no_special_cause(value in -1e9..1e9f64, length in 2usize..60) {
            let chart = XmrChart::analyse(&vec![value; length], &SpcSettings::default()).unwrap();
            prop_assert!(chart.points.iter().all(|p| p.signals.is_empty()));
            prop_assert_eq!(chart.variation(Polarity::HigherIsBetter), VariationIcon::CommonCause);
        }

        #[test]
        fn limits_follow_wheelers_formula_over_any_baseline(
            values in prop::collection::vec(-1e6..1e6f64, 2..50),
            baseline in 2usize..50,
            screen in any::<bool>(),
        ) {
            // Worked the long way, independently of the module: the centre line is the baseline's mean, MR̄ the
            // mean of its moving ranges |xᵢ − xᵢ₋₁| (screened: without those above 3.267 × MR̄, Wheeler's upper
            // range limit), the limits 2.66 × MR̄ and the 2σ lines 1.773 × MR̄ from it.
            let baseline = baseline.min(values.len());
            let settings = SpcSettings {
                baseline_points: Some(baseline),
                screen_moving_ranges: screen,
                ..SpcSettings::default()
            };
            let chart = XmrChart::analyse(&values, &settings).unwrap();
            let base = &values[..baseline];
            let mean = base.iter().sum::<f64>() / base.len() as f64;
            let ranges: Vec<f64> = base.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
            let average = |r: &[f64]| r.iter().sum::<f64>() / r.len() as f64;
            let mut mr = average(&ranges);
            let kept: Vec<f64> = ranges.iter().copied().filter(|r| *r <= 3.267 * mr).collect();
            if screen && !kept.is_empty() {
                mr = average(&kept);
            }
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * (1.0 + a.abs() + b.abs());
            prop_assert!(close(chart.mean, mean), "centre {} vs {}", chart.mean, mean);
            prop_assert!(close(chart.upper_limit, mean + 2.66 * mr));
            prop_assert!(close(chart.lower_limit, mean - 2.66 * mr));
            prop_assert!(close(chart.upper_two_sigma, mean + 1.773 * mr));
            prop_assert!(close(chart.lower_two_sigma, mean - 1.773 * mr));
        }
    }
}
