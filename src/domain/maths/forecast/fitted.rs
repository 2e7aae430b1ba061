//! A smoothing model fitted to a history: its parameters (estimated, or fixed for the benchmark methods),
//! its states after the last value, and the spread of its one-step errors.
//!
//! A model may work on the logarithms of the values (for positive values whose seasonal swings grow with
//! their level: Holt–Winters with proportional seasons); its forecasts and their intervals are turned back
//! into values (the median forecast, e^(point), and e^(point ± z·σₕ)).
//!
//! Estimation minimises the sum of squared one-step errors from the heuristic starting states (for
//! additive errors that is the maximum-likelihood estimate) by Nelder–Mead over the parameters mapped
//! into their admissible region: 0 < α < 1, 0 < β < α, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98 (the bounds
//! statsmodels and R's `forecast` use).

use crate::domain::maths::forecast::choice::Reach;
use crate::domain::maths::forecast::initial_states::heuristic_states;
use crate::domain::maths::forecast::smoothing::{Form, Model, Parameters, States, TrendForm};
use crate::domain::maths::nelder_mead::{SearchLimits, minimise};

/// The damping factor's range.
const PHI_RANGE: (f64, f64) = (0.8, 0.98);

/// How hard the parameter search works: enough to settle three or four parameters.
const LIMITS: SearchLimits = SearchLimits {
    step: 1.0,
    tolerance: 1e-7,
    max_evaluations: 300,
};

/// The scale a model works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// The values themselves.
    Values,
    /// Their natural logarithms.
    Logarithms,
}

/// A forecast `reach` ahead with its 80 % and 95 % prediction intervals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outlook {
    /// The forecast.
    pub value: f64,
    /// The 80 % interval `(low, high)`.
    pub interval_80: (f64, f64),
    /// The 95 % interval `(low, high)`.
    pub interval_95: (f64, f64),
}

/// The z value of a two-sided 95 % normal interval.
pub const Z_95: f64 = 1.959_964;

/// The z value of a two-sided 80 % normal interval.
pub const Z_80: f64 = 1.281_552;

/// A model with its states after the last value it saw.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    /// The scale it works on.
    pub scale: Scale,
    /// The model.
    pub model: Model,
    /// The states it started from.
    pub initial: States,
    /// The states after the last value.
    pub last: States,
    /// How many values it saw.
    pub observations: usize,
    /// σ², the variance of the one-step errors it counted.
    pub variance: f64,
}

impl Fitted {
    /// Runs `model` over `values` from `initial`, counting the one-step errors from `from` on (the
    /// first values of a benchmark method only set its states).
    pub fn fixed(values: &[f64], model: Model, initial: &States, from: usize) -> Option<Self> {
        let counted = values.len().checked_sub(from).filter(|n| *n > 0)?;
        let mut sum = 0.0;
        let last = model.filter(values, initial, |t, error, _| {
            if t >= from {
                sum += error * error;
            }
        });
        let variance = sum / counted as f64;
        variance.is_finite().then(|| Self {
            scale: Scale::Values,
            model,
            initial: initial.clone(),
            last,
            observations: values.len(),
            variance,
        })
    }

    /// Estimates the parameters of `form` from `values`, starting from the heuristic states; `None`
    /// when there are too few values for them.
    pub fn estimate(values: &[f64], form: Form) -> Option<Self> {
        let initial = heuristic_states(values, form)?;
        let start = [
            logit(0.3),
            logit(0.1),
            logit(0.1),
            logit((0.95 - PHI_RANGE.0) / (PHI_RANGE.1 - PHI_RANGE.0)),
        ];
        let dimensions = free_parameters(form);
        let objective = |u: &[f64]| {
            Model {
                form,
                parameters: parameters_at(form, u),
            }
            .squared_errors(values, &initial, 0)
        };
        let found = minimise(objective, &start[..dimensions], LIMITS);
        let model = Model {
            form,
            parameters: parameters_at(form, &found.point),
        };
        Self::fixed(values, model, &initial, 0)
    }

    /// Estimates the parameters of `form` on the logarithms of `values`; `None` unless every value is
    /// positive, or when there are too few values.
    pub fn estimate_on_logarithms(values: &[f64], form: Form) -> Option<Self> {
        if values.iter().any(|v| *v <= 0.0) {
            return None;
        }
        let logarithms: Vec<f64> = values.iter().map(|v| v.ln()).collect();
        Self::estimate(&logarithms, form).map(|fitted| Self {
            scale: Scale::Logarithms,
            ..fitted
        })
    }

    /// `values` on the model's scale.
    pub fn on_scale(&self, values: &[f64]) -> Vec<f64> {
        match self.scale {
            Scale::Values => values.to_vec(),
            Scale::Logarithms => values.iter().map(|v| v.ln()).collect(),
        }
    }

    /// A figure on the model's scale as a value.
    pub fn from_scale(&self, x: f64) -> f64 {
        match self.scale {
            Scale::Values => x,
            Scale::Logarithms => x.exp(),
        }
    }

    /// The forecast `h` (≥ 1) periods past the last value.
    pub fn point(&self, h: usize) -> f64 {
        self.from_scale(self.model.point(&self.last, self.observations - 1, h))
    }

    /// The forecast `reach` ahead with its intervals. For a sum on the logarithmic scale the spread is
    /// that of the sum of the logarithms' errors times the mean forecast (each value's error is about
    /// its forecast times its logarithm's).
    pub fn outlook(&self, reach: Reach) -> Outlook {
        let model_point = |h| self.model.point(&self.last, self.observations - 1, h);
        match reach {
            Reach::Point(h) => {
                let centre = model_point(h);
                let spread = self.point_spread(h);
                let around = |z: f64| {
                    (
                        self.from_scale(centre - z * spread),
                        self.from_scale(centre + z * spread),
                    )
                };
                Outlook {
                    value: self.from_scale(centre),
                    interval_80: around(Z_80),
                    interval_95: around(Z_95),
                }
            }
            Reach::Sum(h) => {
                let value: f64 = (1..=h).map(|i| self.point(i)).sum();
                let spread = match self.scale {
                    Scale::Values => self.sum_spread(h),
                    Scale::Logarithms => self.sum_spread(h) * value / h as f64,
                };
                let around = |z: f64| (value - z * spread, value + z * spread);
                Outlook {
                    value,
                    interval_80: around(Z_80),
                    interval_95: around(Z_95),
                }
            }
        }
    }

    /// The standard deviation of the `h`-step forecast error, on the model's scale.
    pub fn point_spread(&self, h: usize) -> f64 {
        (self.variance * self.model.point_variance_factor(h)).sqrt()
    }

    /// The standard deviation of the error of the sum of the next `horizon` forecasts, on the model's
    /// scale.
    pub fn sum_spread(&self, horizon: usize) -> f64 {
        (self.variance * self.model.sum_variance_factor(horizon)).sqrt()
    }
}

/// How many parameters `form` estimates: α, then β with a trend, γ with a season, φ when damped.
fn free_parameters(form: Form) -> usize {
    match (form.trend, form.season_length > 1) {
        (TrendForm::None, false) => 1,
        (TrendForm::None, true) | (TrendForm::Linear, false) => 2,
        (TrendForm::Linear, true) | (TrendForm::Damped, false) => 3,
        (TrendForm::Damped, true) => 4,
    }
}

/// The parameters at unbounded point `u`: α from u₀, then β (as a share of α), γ (as a share of 1 − α)
/// and φ in the order the form has them.
fn parameters_at(form: Form, u: &[f64]) -> Parameters {
    let mut next = u.iter().map(|x| logistic(*x));
    let alpha = 1e-4 + (1.0 - 2e-4) * next.next().unwrap_or(0.5);
    let beta = if form.trend == TrendForm::None {
        0.0
    } else {
        alpha * next.next().unwrap_or(0.0)
    };
    let gamma = if form.season_length > 1 {
        (1.0 - alpha) * next.next().unwrap_or(0.0)
    } else {
        0.0
    };
    let phi = if form.trend == TrendForm::Damped {
        PHI_RANGE.0 + (PHI_RANGE.1 - PHI_RANGE.0) * next.next().unwrap_or(0.5)
    } else {
        1.0
    };
    Parameters {
        alpha,
        beta,
        gamma,
        phi,
    }
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Demand that rises in winter, plus growth of 0.5 a month.
    fn seasonal_series(months: usize) -> Vec<f64> {
        let shape = [
            0.0, -2.0, -4.0, -3.0, 0.0, 3.0, 6.0, 9.0, 10.0, 7.0, 3.0, 1.0,
        ];
        (0..months)
            .map(|t| 100.0 + 0.5 * t as f64 + shape[t % 12])
            .collect()
    }

    #[test]
    fn a_damped_seasonal_model_learns_a_seasonal_pattern_with_growth() {
        let series = seasonal_series(42);
        let form = Form {
            trend: TrendForm::Damped,
            season_length: 12,
        };
        let fitted = Fitted::estimate(&series[..36], form).unwrap();
        for h in 1..=6 {
            let expected = series[35 + h];
            // Damping bends the growth of 0.5 a month a little: within 1 over six months.
            assert!(
                (fitted.point(h) - expected).abs() < 1.0,
                "h = {h}: {} vs {expected}",
                fitted.point(h)
            );
        }
    }

    #[test]
    fn estimated_parameters_stay_admissible() {
        let series: Vec<f64> = seasonal_series(40)
            .iter()
            .enumerate()
            .map(|(t, v)| v + [4.0, -3.0, 1.0, -5.0, 2.0][t % 5])
            .collect();
        let form = Form {
            trend: TrendForm::Damped,
            season_length: 12,
        };
        let Parameters {
            alpha,
            beta,
            gamma,
            phi,
        } = Fitted::estimate(&series, form).unwrap().model.parameters;
        assert!(0.0 < alpha && alpha < 1.0);
        assert!(0.0 <= beta && beta <= alpha);
        assert!(0.0 <= gamma && gamma <= 1.0 - alpha);
        assert!((0.8..=0.98).contains(&phi));
    }
}
