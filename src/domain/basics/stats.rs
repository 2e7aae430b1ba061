//! Small statistics shared by trend, forecasting, SPC and benchmarking.

use crate::domain::basics::shared_sort::SharedSort;

/// The arithmetic mean, or `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The median (the mean of the middle two for an even count), or `None` for no values.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.shared_sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// A least-squares straight line y = intercept + slope × x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearFit {
    /// Change in y per unit of x.
    pub slope: f64,
    /// y at x = 0.
    pub intercept: f64,
    /// How many points were fitted.
    pub points: usize,
    /// Residual standard error, √(Σ residual² / (n − 2)); 0 for two points.
    pub residual_standard_error: f64,
    /// Σ (x − x̄)².
    pub sum_squares_x: f64,
    /// x̄.
    pub mean_x: f64,
}

impl LinearFit {
    /// Fits a line through `(x, y)` points; `None` with fewer than two points or all x equal.
    pub fn fit(points: &[(f64, f64)]) -> Option<Self> {
        let n = points.len();
        if n < 2 {
            return None;
        }
        let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n as f64;
        let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n as f64;
        let sum_squares_x: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
        if sum_squares_x == 0.0 {
            return None;
        }
        let sum_xy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
        let slope = sum_xy / sum_squares_x;
        let intercept = mean_y - slope * mean_x;
        let residual_sum: f64 = points
            .iter()
            .map(|p| (p.1 - (intercept + slope * p.0)).powi(2))
            .sum();
        let residual_standard_error = if n > 2 {
            (residual_sum / (n - 2) as f64).sqrt()
        } else {
            0.0
        };
        Some(Self {
            slope,
            intercept,
            points: n,
            residual_standard_error,
            sum_squares_x,
            mean_x,
        })
    }

    /// The fitted value at `x`.
    pub fn value_at(&self, x: f64) -> f64 {
        self.intercept + self.slope * x
    }

    /// The standard error of the slope.
    pub fn slope_standard_error(&self) -> f64 {
        self.residual_standard_error / self.sum_squares_x.sqrt()
    }

    /// Whether the slope differs from zero at the 5 % level (two-sided t-test); needs three points.
    pub fn slope_is_significant(&self) -> bool {
        if self.points < 3 {
            return false;
        }
        let error = self.slope_standard_error();
        if error == 0.0 {
            return self.slope != 0.0;
        }
        (self.slope / error).abs() > t_critical_95(self.points - 2)
    }

    /// The half-width of the 95 % prediction interval for a new observation at `x`.
    pub fn prediction_half_width_95(&self, x: f64) -> f64 {
        if self.points < 3 {
            return 0.0;
        }
        let n = self.points as f64;
        let spread = 1.0 + 1.0 / n + (x - self.mean_x).powi(2) / self.sum_squares_x;
        t_critical_95(self.points - 2) * self.residual_standard_error * spread.sqrt()
    }
}

/// Two-sided 95 % critical values of Student's t for 1 to 30 degrees of freedom.
const T_95: [f64; 30] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042,
];

/// The two-sided 95 % critical value of Student's t with `degrees_of_freedom` (at least 1): a table up to
/// 30, then the Cornish–Fisher expansion about z = 1.96 (within 0.001 of the exact value).
pub fn t_critical_95(degrees_of_freedom: usize) -> f64 {
    match degrees_of_freedom {
        0 => f64::INFINITY,
        1..=30 => T_95[degrees_of_freedom - 1],
        _ => {
            let z: f64 = 1.959_964;
            let df = degrees_of_freedom as f64;
            z + (z.powi(3) + z) / (4.0 * df)
                + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * df * df)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_median() {
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[1.0, 2.0, 6.0]), Some(3.0));
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }

    #[test]
    fn least_squares_recovers_a_straight_line() {
        let fit = LinearFit::fit(&[(1.0, 3.0), (2.0, 5.0), (3.0, 7.0), (4.0, 9.0)]).unwrap();
        assert!((fit.slope - 2.0).abs() < 1e-12);
        assert!((fit.intercept - 1.0).abs() < 1e-12);
        assert_eq!(fit.residual_standard_error, 0.0);
        assert!(fit.slope_is_significant());
        assert_eq!(LinearFit::fit(&[(1.0, 1.0), (1.0, 2.0)]), None);
    }

    #[test]
    fn a_noisy_flat_series_has_no_significant_slope() {
        let fit = LinearFit::fit(&[
            (1.0, 10.0),
            (2.0, 12.0),
            (3.0, 9.0),
            (4.0, 11.0),
            (5.0, 10.0),
        ])
        .unwrap();
        assert!(!fit.slope_is_significant());
    }

    #[test]
    fn t_critical_values_match_published_tables() {
        assert_eq!(t_critical_95(1), 12.706);
        assert_eq!(t_critical_95(10), 2.228);
        for (df, published) in [(40, 2.021), (60, 2.000), (120, 1.980)] {
            assert!((t_critical_95(df) - published).abs() < 0.001, "df {df}");
        }
    }
}
