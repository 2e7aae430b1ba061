//! Change since the previous period and trend over several periods, both read through the KPI's
//! direction for improvement (the Cambridgeshire PMF Appendix C: "Change in performance" and "Trend analysis" arrows).

use serde::{Deserialize, Serialize};

use crate::domain::basics::stats::LinearFit;
use crate::domain::maths::rag::{Polarity, RagStatus, is_better};

/// Which way the raw number moved, whatever that means for performance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// The value went up.
    Up,
    /// The value went down.
    Down,
    /// The value did not move (within the threshold).
    Flat,
}

/// What a movement means for performance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Performance got better.
    Improving,
    /// Performance got worse.
    Worsening,
    /// No change worth reporting.
    Stable,
}

impl Direction {
    /// The accessible text beside the arrow.
    pub const fn label(self) -> &'static str {
        match self {
            Direction::Improving => "improving",
            Direction::Worsening => "worsening",
            Direction::Stable => "no change",
        }
    }
}

/// The change from the previous period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    /// Raw movement of the number.
    pub movement: Movement,
    /// What it means given the direction for improvement.
    pub direction: Direction,
    /// current − previous.
    pub difference: f64,
}

/// Compares `current` with `previous`. For a maintain KPI, moving closer to `target` is improving (without a
/// target a maintain KPI's change is reported as stable). `None` when either value is not finite.
pub fn change(
    current: f64,
    previous: f64,
    polarity: Polarity,
    target: Option<f64>,
) -> Option<Change> {
    if !current.is_finite() || !previous.is_finite() {
        return None;
    }
    let difference = current - previous;
    let movement = if difference > 0.0 {
        Movement::Up
    } else if difference < 0.0 {
        Movement::Down
    } else {
        Movement::Flat
    };
    let reference = target.unwrap_or(previous);
    let direction = if polarity == Polarity::Maintain && target.is_none() {
        Direction::Stable
    } else if is_better(current, previous, polarity, reference) {
        Direction::Improving
    } else if is_better(previous, current, polarity, reference) {
        Direction::Worsening
    } else {
        Direction::Stable
    };
    Some(Change {
        movement,
        direction,
        difference,
    })
}

/// How the trend over several periods is judged.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrendRule {
    /// How many of the latest periods to look at. Default 6.
    pub window: usize,
    /// The fewest points that make a trend. Default 4.
    pub min_points: usize,
    /// The fitted change across the window must be at least this fraction of the window's mean
    /// (or, when the mean is zero, of 1 unit) to count as a trend. Default 0.05 (5 %).
    pub min_relative_change: f64,
    /// When on, the slope must also differ from zero at the 5 % level. Default off.
    pub require_significance: bool,
}

impl Default for TrendRule {
    fn default() -> Self {
        Self {
            window: 6,
            min_points: 4,
            min_relative_change: 0.05,
            require_significance: false,
        }
    }
}

/// The trend over the latest periods.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trend {
    /// Raw movement of the fitted line.
    pub movement: Movement,
    /// What it means given the direction for improvement.
    pub direction: Direction,
    /// The least-squares slope, in units per period.
    pub slope_per_period: f64,
    /// How many points were used.
    pub points: usize,
    /// Whether the slope differs from zero at the 5 % level.
    pub significant: bool,
}

/// The trend of `values` (oldest first, the latest last; only finite values are used) under `rule`.
/// A maintain KPI's trend is judged on the distance from `target`. `None` with too few points.
pub fn trend(
    values: &[f64],
    polarity: Polarity,
    target: Option<f64>,
    rule: &TrendRule,
) -> Option<Trend> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let recent = &finite[finite.len().saturating_sub(rule.window.max(2))..];
    if recent.len() < rule.min_points.max(2) {
        return None;
    }
    let points: Vec<(f64, f64)> = recent
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64, *v))
        .collect();
    let fit = LinearFit::fit(&points)?;
    let fitted_change = fit.slope * (recent.len() - 1) as f64;
    let scale = recent.iter().sum::<f64>().abs() / recent.len() as f64;
    let threshold = rule.min_relative_change * if scale > 0.0 { scale } else { 1.0 };
    let significant = fit.slope_is_significant();
    let moving = fitted_change.abs() >= threshold && (significant || !rule.require_significance);
    let movement = match (moving, fit.slope > 0.0) {
        (false, _) => Movement::Flat,
        (true, true) => Movement::Up,
        (true, false) => Movement::Down,
    };
    let direction = match (movement, polarity, target) {
        (Movement::Flat, _, _) | (_, Polarity::Maintain, None) => Direction::Stable,
        (_, Polarity::Maintain, Some(target)) => {
            // Judge the distance from target at the two ends of the fitted line.
            let start = (fit.value_at(0.0) - target).abs();
            let end = (fit.value_at((recent.len() - 1) as f64) - target).abs();
            if end < start {
                Direction::Improving
            } else if end > start {
                Direction::Worsening
            } else {
                Direction::Stable
            }
        }
        (Movement::Up, Polarity::HigherIsBetter, _)
        | (Movement::Down, Polarity::LowerIsBetter, _) => Direction::Improving,
        _ => Direction::Worsening,
    };
    Some(Trend {
        movement,
        direction,
        slope_per_period: fit.slope,
        points: recent.len(),
        significant,
    })
}

/// The Cambridgeshire PMF's warning case: "a green indicator might be above its target but steadily declining".
pub fn is_green_but_declining(status: Option<RagStatus>, trend: Option<&Trend>) -> bool {
    status == Some(RagStatus::Green) && trend.is_some_and(|t| t.direction == Direction::Worsening)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Polarity::*;

    #[test]
    fn change_is_read_through_the_direction_for_improvement() {
        let up = change(80.0, 75.0, HigherIsBetter, None).unwrap();
        assert_eq!(
            (up.movement, up.direction),
            (Movement::Up, Direction::Improving)
        );
        let up_bad = change(80.0, 75.0, LowerIsBetter, None).unwrap();
        assert_eq!(
            (up_bad.movement, up_bad.direction),
            (Movement::Up, Direction::Worsening)
        );
        let flat = change(75.0, 75.0, HigherIsBetter, None).unwrap();
        assert_eq!(
            (flat.movement, flat.direction),
            (Movement::Flat, Direction::Stable)
        );
        assert_eq!(change(f64::NAN, 1.0, HigherIsBetter, None), None);
    }

    #[test]
    fn maintain_kpis_improve_by_moving_towards_the_target() {
        let towards = change(102.0, 110.0, Maintain, Some(100.0)).unwrap();
        assert_eq!(
            (towards.movement, towards.direction),
            (Movement::Down, Direction::Improving)
        );
        let away = change(95.0, 98.0, Maintain, Some(100.0)).unwrap();
        assert_eq!(away.direction, Direction::Worsening);
    }

    #[test]
    fn a_steady_decline_is_a_worsening_trend() {
        let values = [92.0, 91.0, 89.5, 88.0, 86.0, 85.0];
        let found = trend(&values, HigherIsBetter, None, &TrendRule::default()).unwrap();
        assert_eq!(
            (found.movement, found.direction),
            (Movement::Down, Direction::Worsening)
        );
        assert!(found.significant);
        let lower = trend(&values, LowerIsBetter, None, &TrendRule::default()).unwrap();
        assert_eq!(lower.direction, Direction::Improving);
    }

    #[test]
    fn small_wobbles_are_stable() {
        let values = [90.0, 91.0, 90.0, 90.5, 91.0, 90.0];
        let found = trend(&values, HigherIsBetter, None, &TrendRule::default()).unwrap();
        assert_eq!(found.direction, Direction::Stable);
    }

    #[test]
    fn the_window_keeps_only_the_latest_periods() {
        // An old rise followed by six flat periods is stable.
        let values = [10.0, 20.0, 30.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0];
        let found = trend(&values, HigherIsBetter, None, &TrendRule::default()).unwrap();
        assert_eq!((found.points, found.direction), (6, Direction::Stable));
    }

    #[test]
    fn too_few_points_make_no_trend() {
        assert_eq!(
            trend(
                &[1.0, 2.0, 3.0],
                HigherIsBetter,
                None,
                &TrendRule::default()
            ),
            None
        );
    }

    #[test]
    fn requiring_significance_ignores_noisy_slopes() {
        let values = [80.0, 90.0, 78.0, 92.0, 75.0, 95.0];
        let lenient = trend(&values, HigherIsBetter, None, &TrendRule::default()).unwrap();
        let strict = TrendRule {
            require_significance: true,
            ..TrendRule::default()
        };
        let strict = trend(&values, HigherIsBetter, None, &strict).unwrap();
        assert_eq!(lenient.direction, Direction::Improving);
        assert_eq!(strict.direction, Direction::Stable);
    }

    #[test]
    fn green_but_declining_needs_both() {
        let declining = trend(
            &[95.0, 94.0, 92.0, 90.0],
            HigherIsBetter,
            None,
            &TrendRule::default(),
        );
        assert!(is_green_but_declining(
            Some(RagStatus::Green),
            declining.as_ref()
        ));
        assert!(!is_green_but_declining(
            Some(RagStatus::Amber),
            declining.as_ref()
        ));
        let rising = trend(
            &[90.0, 92.0, 94.0, 95.0],
            HigherIsBetter,
            None,
            &TrendRule::default(),
        );
        assert!(!is_green_but_declining(
            Some(RagStatus::Green),
            rising.as_ref()
        ));
    }
}
