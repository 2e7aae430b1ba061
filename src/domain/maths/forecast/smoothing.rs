//! Exponential smoothing with additive errors in its state-space (error-correction) form, the family of
//! Hyndman et al., *Forecasting with Exponential Smoothing* (2008), ch. 2–3 and 6:
//!
//! ŷₜ = ℓₜ₋₁ + φbₜ₋₁ + sₜ₋ₘ, eₜ = yₜ − ŷₜ,
//! ℓₜ = ℓₜ₋₁ + φbₜ₋₁ + αeₜ, bₜ = φbₜ₋₁ + βeₜ, sₜ = sₜ₋ₘ + γeₜ.
//!
//! Without a trend b = 0; without a season m = 1 and s = 0; an undamped trend has φ = 1. The naive and
//! seasonal naive benchmarks are members with fixed parameters (α = 1; α = 0 and γ = 1), so every
//! candidate forecast, and its model interval, comes from one recursion.

/// The trend a model carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrendForm {
    /// No trend: the forecast is flat (plus any season).
    None,
    /// A straight-line trend.
    Linear,
    /// A trend that flattens out, by the damping factor φ per period.
    Damped,
}

/// The shape of a model: its trend and its season length (1 for no season).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Form {
    /// The trend.
    pub trend: TrendForm,
    /// Periods in a season (12 for months, 4 for quarters); 1 when the model has no season.
    pub season_length: usize,
}

/// The smoothing parameters (error-correction form: β is the trend's own weight on the error, which
/// is α × the component form's β*).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Parameters {
    /// Level smoothing.
    pub alpha: f64,
    /// Trend smoothing.
    pub beta: f64,
    /// Seasonal smoothing.
    pub gamma: f64,
    /// Trend damping (1 for an undamped trend).
    pub phi: f64,
}

/// The model's states at a point in time.
#[derive(Clone, Debug, PartialEq)]
pub struct States {
    /// The level ℓ.
    pub level: f64,
    /// The trend b (0 without a trend).
    pub trend: f64,
    /// The seasonal terms, indexed by time modulo the season length (one 0 without a season): entry
    /// `t % m` is the term for observation `t`.
    pub seasonal: Vec<f64>,
}

/// A model: its form and its parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Model {
    /// The form.
    pub form: Form,
    /// The parameters.
    pub parameters: Parameters,
}

/// The longest season whose terms [`Model::squared_errors`] keeps on the stack (weeks in a year).
const SEASONS_ON_STACK: usize = 53;

/// φ + φ² + … + φʰ: how much of the trend `h` periods of damping carry (h when undamped).
pub fn damped_steps(phi: f64, h: usize) -> f64 {
    if (phi - 1.0).abs() < f64::EPSILON {
        h as f64
    } else {
        phi * (1.0 - phi.powi(h as i32)) / (1.0 - phi)
    }
}

impl Model {
    /// The naive method: no trend or season, α = 1, so each forecast is the latest value.
    pub const fn naive() -> Self {
        Self {
            form: Form {
                trend: TrendForm::None,
                season_length: 1,
            },
            parameters: Parameters {
                alpha: 1.0,
                beta: 0.0,
                gamma: 0.0,
                phi: 1.0,
            },
        }
    }

    /// Runs the recursion over `values` from `initial`, calling `visit(t, error, states)` after each
    /// observation `t` is taken in; returns the final states.
    pub fn filter(
        &self,
        values: &[f64],
        initial: &States,
        mut visit: impl FnMut(usize, f64, &States),
    ) -> States {
        let mut states = initial.clone();
        for (t, &value) in values.iter().enumerate() {
            let error = self.step(
                t,
                value,
                &mut states.level,
                &mut states.trend,
                &mut states.seasonal,
            );
            visit(t, error, &states);
        }
        states
    }

    /// The sum of squared one-step errors from observation `from` on, without keeping anything else:
    /// what fitting minimises, hundreds of times a fit, so the seasonal terms are worked on in place on
    /// the stack (a season of up to [`SEASONS_ON_STACK`] periods: every frequency the app has) instead of
    /// in a copy of `initial`'s on the heap.
    pub fn squared_errors(&self, values: &[f64], initial: &States, from: usize) -> f64 {
        let m = initial.seasonal.len();
        let mut on_stack = [0.0; SEASONS_ON_STACK];
        let mut on_heap;
        let seasonal: &mut [f64] = if m <= SEASONS_ON_STACK {
            on_stack[..m].copy_from_slice(&initial.seasonal);
            &mut on_stack[..m]
        } else {
            on_heap = initial.seasonal.clone();
            &mut on_heap
        };
        let (mut level, mut trend) = (initial.level, initial.trend);
        let mut sum = 0.0;
        for (t, &value) in values.iter().enumerate() {
            let error = self.step(t, value, &mut level, &mut trend, seasonal);
            if t >= from {
                sum += error * error;
            }
        }
        sum
    }

    /// Takes observation `t`, `value`, into the states; returns its one-step error.
    fn step(
        &self,
        t: usize,
        value: f64,
        level: &mut f64,
        trend: &mut f64,
        seasonal: &mut [f64],
    ) -> f64 {
        let p = self.parameters;
        let season = t % seasonal.len();
        let carried = *level + p.phi * *trend;
        let error = value - (carried + seasonal[season]);
        *level = carried + p.alpha * error;
        *trend = p.phi * *trend + p.beta * error;
        seasonal[season] += p.gamma * error;
        error
    }

    /// The forecast `h` (≥ 1) periods past observation `last`, whose states are `states`.
    pub fn point(&self, states: &States, last: usize, h: usize) -> f64 {
        let m = states.seasonal.len();
        states.level
            + damped_steps(self.parameters.phi, h) * states.trend
            + states.seasonal[(last + h) % m]
    }

    /// cⱼ = α + β(φ + … + φʲ) + γ·[j a multiple of m]: how an error j periods back feeds the forecast.
    pub fn error_weight(&self, j: usize) -> f64 {
        let Parameters {
            alpha,
            beta,
            gamma,
            phi,
        } = self.parameters;
        let m = self.form.season_length;
        let seasonal = if m > 1 && j.is_multiple_of(m) {
            gamma
        } else {
            0.0
        };
        alpha + beta * damped_steps(phi, j) + seasonal
    }

    /// The variance of the `h`-step forecast error as a multiple of σ²: 1 + Σⱼ₌₁ʰ⁻¹ cⱼ².
    pub fn point_variance_factor(&self, h: usize) -> f64 {
        1.0 + (1..h).map(|j| self.error_weight(j).powi(2)).sum::<f64>()
    }

    /// The variance of the error of the sum of the next `horizon` forecasts as a multiple of σ²: the
    /// errors of successive periods are correlated, so it is Σᵢ₌₁ᴴ (1 + Σₖ₌₁ᴴ⁻ⁱ cₖ)².
    pub fn sum_variance_factor(&self, horizon: usize) -> f64 {
        let weights: Vec<f64> = (1..horizon).map(|k| self.error_weight(k)).collect();
        (1..=horizon)
            .map(|i| (1.0 + weights[..horizon - i].iter().sum::<f64>()).powi(2))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(season_length: usize) -> States {
        States {
            level: 0.0,
            trend: 0.0,
            seasonal: vec![0.0; season_length],
        }
    }

    #[test]
    fn alpha_one_is_the_naive_forecast() {
        // α = 1: the level becomes each value, so every forecast is the last value, 7.
        let naive = Model::naive();
        let end = naive.filter(&[3.0, 9.0, 7.0], &flat(1), |_, _, _| {});
        assert_eq!(naive.point(&end, 2, 1), 7.0);
        assert_eq!(naive.point(&end, 2, 5), 7.0);
        // Every earlier error feeds the forecast in full: the h-step variance is hσ².
        assert_eq!(naive.point_variance_factor(4), 4.0);
    }

    #[test]
    fn gamma_one_is_the_seasonal_naive_forecast() {
        // α = 0, γ = 1, level 0: each seasonal term becomes its period's latest value, so the forecast
        // for a period is the value a season earlier.
        let seasonal_naive = Model {
            form: Form {
                trend: TrendForm::None,
                season_length: 4,
            },
            parameters: Parameters {
                alpha: 0.0,
                beta: 0.0,
                gamma: 1.0,
                phi: 1.0,
            },
        };
        let values = [5.0, 8.0, 6.0, 2.0, 6.0, 9.0];
        let end = seasonal_naive.filter(&values, &flat(4), |_, _, _| {});
        // Observation 5 is the last; h = 1 → period 6, a season after period 2 (6.0); h = 3 → period 8,
        // after period 4 (6.0); h = 4 → period 9, after period 5 (9.0).
        assert_eq!(seasonal_naive.point(&end, 5, 1), 6.0);
        assert_eq!(seasonal_naive.point(&end, 5, 2), 2.0);
        assert_eq!(seasonal_naive.point(&end, 5, 4), 9.0);
        // Errors within the season do not feed forward: the variance stays σ² until a season passes.
        assert_eq!(seasonal_naive.point_variance_factor(4), 1.0);
        assert_eq!(seasonal_naive.point_variance_factor(5), 2.0);
    }

    #[test]
    fn damping_flattens_the_trend() {
        // φ = 0.5: the trend adds 0.5 + 0.25 + 0.125 = 0.875 of itself over three periods.
        assert!((damped_steps(0.5, 3) - 0.875).abs() < 1e-12);
        assert_eq!(damped_steps(1.0, 3), 3.0);
    }

    #[test]
    fn the_variance_of_a_sum_counts_the_correlated_errors() {
        // Naive (every weight 1) over 3 periods: the errors are e₁, e₁ + e₂, e₁ + e₂ + e₃, so their sum
        // is 3e₁ + 2e₂ + e₃ with variance (9 + 4 + 1)σ² = 14σ².
        let naive = Model::naive();
        assert_eq!(naive.sum_variance_factor(3), 14.0);
    }
}
