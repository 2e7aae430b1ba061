//! The starting states of a smoothing model, by the heuristic of Hyndman et al. (2008, §2.6.1) as
//! statsmodels implements it (`_initialization_heuristic`), so the app's fits can be checked against
//! statsmodels' (`tests/fixtures/forecast/oracle.json`).
//!
//! - **Season** (needs two full seasons): take the first k seasons, k = min(5, ⌊n / m⌋) but enough to
//!   hold 10 values; a centred moving average (2 × m for an even m) estimates the trend; each season's
//!   term is the mean of the values' deviations from it, and the terms are shifted to sum to zero.
//! - **Level and trend**: a least-squares line through the first 10 values (for a seasonal model, the
//!   first 10 moving-average values) against x = 1 … 10: the level is its intercept (x = 0), the trend its
//!   slope. Where the moving average has fewer than 10 values (quarters over three or four years)
//!   the line goes through those it has, at least 4; statsmodels refuses those histories.

use crate::domain::basics::stats::LinearFit;
use crate::domain::maths::forecast::smoothing::{Form, States, TrendForm};

/// How many values the level and trend are estimated from.
const LINE_VALUES: usize = 10;

/// The fewest moving-average values a seasonal model's line may rest on.
const FEWEST_LINE_VALUES: usize = 4;

/// The heuristic starting states for `form` from `values`, or `None` when there are too few values
/// (10, and two full seasons for a seasonal form).
pub fn heuristic_states(values: &[f64], form: Form) -> Option<States> {
    let m = form.season_length;
    let n = values.len();
    if n < LINE_VALUES {
        return None;
    }
    let (seasonal, line_source) = if m > 1 {
        if n < 2 * m {
            return None;
        }
        let cycles = (n / m).min(5).max(LINE_VALUES.div_ceil(m));
        let span = &values[..(cycles * m).min(n)];
        let trend = centred_moving_average(span, m);
        let mut sums = vec![0.0; m];
        let mut counts = vec![0usize; m];
        for (t, (value, average)) in span.iter().zip(&trend).enumerate() {
            if let Some(average) = average {
                sums[t % m] += value - average;
                counts[t % m] += 1;
            }
        }
        if counts.contains(&0) {
            return None;
        }
        let mut seasonal: Vec<f64> = sums
            .iter()
            .zip(&counts)
            .map(|(sum, count)| sum / *count as f64)
            .collect();
        let mean = seasonal.iter().sum::<f64>() / m as f64;
        seasonal.iter_mut().for_each(|s| *s -= mean);
        let averages: Vec<f64> = trend.into_iter().flatten().collect();
        (seasonal, averages)
    } else {
        (vec![0.0], values.to_vec())
    };
    if line_source.len() < FEWEST_LINE_VALUES {
        return None;
    }
    let points: Vec<(f64, f64)> = line_source[..LINE_VALUES.min(line_source.len())]
        .iter()
        .enumerate()
        .map(|(i, v)| ((i + 1) as f64, *v))
        .collect();
    let line = LinearFit::fit(&points)?;
    Some(States {
        level: line.intercept,
        trend: if form.trend == TrendForm::None {
            0.0
        } else {
            line.slope
        },
        seasonal,
    })
}

/// The centred moving average of season length `m` at each value (`None` where the window runs off
/// either end): for an even `m` the mean of two adjacent m-value means (the "2 × m" average), aligned as
/// pandas' `rolling(m, center=True).mean().shift(-1).rolling(2).mean()` aligns it.
fn centred_moving_average(values: &[f64], m: usize) -> Vec<Option<f64>> {
    let n = values.len();
    // The mean of the m values ending at index `end`.
    let window = |end: usize| -> Option<f64> {
        (end + 1 >= m && end < n).then(|| values[end + 1 - m..=end].iter().sum::<f64>() / m as f64)
    };
    // pandas centres a window of m on index i by ending it at i + ⌊(m − 1) / 2⌋.
    let centred = |i: usize| window(i + (m - 1) / 2);
    (0..n)
        .map(|i| {
            if m.is_multiple_of(2) {
                // shift(-1) then rolling(2): the mean of the centred averages at i and i + 1.
                Some((centred(i)? + centred(i + 1)?) / 2.0)
            } else {
                centred(i)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_line_starts_on_the_line() {
        // y = 5 + 2t for t = 0 … 11: against x = 1 … 10 (x = t + 1) the line is y = 3 + 2x, so the level is
        // 3 (the value one period before the first) and the trend 2.
        let values: Vec<f64> = (0..12).map(|t| 5.0 + 2.0 * f64::from(t)).collect();
        let form = Form {
            trend: TrendForm::Linear,
            season_length: 1,
        };
        let states = heuristic_states(&values, form).unwrap();
        assert!((states.level - 3.0).abs() < 1e-9);
        assert!((states.trend - 2.0).abs() < 1e-9);
    }

    #[test]
    fn a_pure_season_is_recovered_and_sums_to_zero() {
        // A level of 50 plus the pattern +3, −1, −2, 0 repeated over four years of quarters.
        let pattern = [3.0, -1.0, -2.0, 0.0];
        let values: Vec<f64> = (0..16).map(|t| 50.0 + pattern[t % 4]).collect();
        let form = Form {
            trend: TrendForm::None,
            season_length: 4,
        };
        let states = heuristic_states(&values, form).unwrap();
        for (found, expected) in states.seasonal.iter().zip(pattern) {
            assert!((found - expected).abs() < 1e-9, "{:?}", states.seasonal);
        }
        assert!((states.level - 50.0).abs() < 1e-9);
    }

    #[test]
    fn too_little_history_has_no_starting_states() {
        let seasonal = Form {
            trend: TrendForm::Damped,
            season_length: 12,
        };
        assert!(heuristic_states(&[1.0; 23], seasonal).is_none());
        assert!(heuristic_states(&[1.0; 24], seasonal).is_some());
        let plain = Form {
            trend: TrendForm::None,
            season_length: 1,
        };
        assert!(heuristic_states(&[1.0; 9], plain).is_none());
    }
}
