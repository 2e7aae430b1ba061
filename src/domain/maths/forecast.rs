//! Year-end forecasts, the leading signal of the Cambridgeshire PMF ("predict future performance").
//!
//! - Cumulative run-rate: forecast = YTD × (periods in year / periods elapsed).
//! - Seasonal run-rate: forecast = YTD × (last year's full year / last year's YTD at the same point).
//! - Linear trend (least squares) for snapshot measures, with a 95 % prediction interval.
//! - Additive Holt–Winters with two or more full seasons of history: level, trend and seasonal terms, α, β
//!   and γ fitted by minimising the one-step squared error, with a 95 % prediction interval.
//!
//! [`forecast_year_end`] picks the best method the history allows.

use std::collections::BTreeMap;

use crate::domain::basics::period::{Frequency, Period};
use crate::domain::basics::stats::LinearFit;
use crate::domain::maths::aggregation::{MeasureType, year_to_date};

/// The z value of a two-sided 95 % normal interval.
const Z_95: f64 = 1.959_964;

/// How a forecast was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ForecastMethod {
    /// Year to date scaled up to the full year.
    RunRate,
    /// Year to date scaled by last year's shape.
    SeasonalRunRate,
    /// A straight line through the recent values.
    LinearTrend,
    /// Additive Holt–Winters exponential smoothing.
    HoltWinters,
}

impl ForecastMethod {
    /// The method's name as shown beside a forecast.
    pub const fn label(self) -> &'static str {
        match self {
            ForecastMethod::RunRate => "run-rate",
            ForecastMethod::SeasonalRunRate => "seasonal run-rate",
            ForecastMethod::LinearTrend => "linear trend",
            ForecastMethod::HoltWinters => "Holt-Winters (additive)",
        }
    }
}

/// A forecast value with, where the method gives one, a 95 % prediction interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forecast {
    /// How it was made.
    pub method: ForecastMethod,
    /// The forecast.
    pub value: f64,
    /// The 95 % prediction interval `(low, high)`.
    pub interval: Option<(f64, f64)>,
}

/// Cumulative run-rate: `year_to_date × periods_in_year / elapsed`. `None` when nothing has elapsed.
pub fn run_rate(year_to_date: f64, elapsed: usize, periods_in_year: usize) -> Option<f64> {
    (elapsed > 0 && year_to_date.is_finite())
        .then(|| year_to_date * periods_in_year as f64 / elapsed as f64)
}

/// Seasonal run-rate: `year_to_date × last_year_full / last_year_to_date`. `None` when last year's
/// year to date is zero.
pub fn seasonal_run_rate(
    year_to_date: f64,
    last_year_to_date: f64,
    last_year_full: f64,
) -> Option<f64> {
    let forecast = year_to_date * last_year_full / last_year_to_date;
    (last_year_to_date != 0.0 && forecast.is_finite()).then_some(forecast)
}

/// A straight line through `values` (one per period, oldest first), `steps_ahead` periods past the last.
/// Needs three values.
pub fn linear_trend(values: &[f64], steps_ahead: usize) -> Option<Forecast> {
    if values.len() < 3 {
        return None;
    }
    let points: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64, *v))
        .collect();
    let fit = LinearFit::fit(&points)?;
    let x = (values.len() - 1 + steps_ahead) as f64;
    let value = fit.value_at(x);
    let half_width = fit.prediction_half_width_95(x);
    Some(Forecast {
        method: ForecastMethod::LinearTrend,
        value,
        interval: Some((value - half_width, value + half_width)),
    })
}

/// A fitted additive Holt–Winters model (ETS(A,A,A) in error-correction form):
/// ŷₜ = ℓₜ₋₁ + bₜ₋₁ + sₜ₋ₘ, eₜ = yₜ − ŷₜ, ℓₜ = ℓₜ₋₁ + bₜ₋₁ + αeₜ, bₜ = bₜ₋₁ + βeₜ, sₜ = sₜ₋ₘ + γeₜ.
#[derive(Clone, Debug, PartialEq)]
pub struct HoltWinters {
    /// Level smoothing, 0 < α < 1.
    pub alpha: f64,
    /// Trend smoothing, 0 ≤ β ≤ α.
    pub beta: f64,
    /// Seasonal smoothing, 0 ≤ γ ≤ 1 − α.
    pub gamma: f64,
    /// The season length m (12 for months, 4 for quarters).
    pub season_length: usize,
    level: f64,
    trend: f64,
    /// Seasonal terms, indexed by time modulo m.
    seasonal: Vec<f64>,
    /// How many values were fitted.
    fitted: usize,
    /// Standard deviation of the one-step errors.
    pub sigma: f64,
}

/// Holt–Winters smoothing parameters (α, β, γ).
type Parameters = (f64, f64, f64);

impl HoltWinters {
    /// Fits the model to `values` (oldest first) with seasons of `season_length`; needs at least two full
    /// seasons and a season of at least 2. α, β and γ are chosen by a coarse grid search refined around
    /// its best point, which is deterministic.
    pub fn fit(values: &[f64], season_length: usize) -> Option<Self> {
        if season_length < 2
            || values.len() < 2 * season_length
            || values.iter().any(|v| !v.is_finite())
        {
            return None;
        }
        // The search keeps only each candidate's error; the model is built once, for the best.
        let mut best: Option<(f64, Parameters)> = None;
        let mut seasonal = Vec::with_capacity(season_length);
        let coarse: Vec<f64> = (0..=10).map(|i| f64::from(i) / 10.0).collect();
        for &alpha in &coarse {
            for &beta in &coarse {
                for &gamma in &coarse {
                    Self::consider(
                        values,
                        season_length,
                        (alpha, beta, gamma),
                        &mut seasonal,
                        &mut best,
                    );
                }
            }
        }
        let (_, (alpha, beta, gamma)) = best?;
        let fine: Vec<f64> = (-4..=4).map(|i| f64::from(i) * 0.025).collect();
        for &da in &fine {
            for &db in &fine {
                for &dg in &fine {
                    Self::consider(
                        values,
                        season_length,
                        (alpha + da, beta + db, gamma + dg),
                        &mut seasonal,
                        &mut best,
                    );
                }
            }
        }
        best.map(|(_, parameters)| Self::run(values, season_length, parameters))
    }

    /// Smooths with `parameters` (α, β, γ) if admissible, keeping them in `best` if their error is lower;
    /// `seasonal` is scratch space for the seasonal terms.
    fn consider(
        values: &[f64],
        m: usize,
        parameters: Parameters,
        seasonal: &mut Vec<f64>,
        best: &mut Option<(f64, Parameters)>,
    ) {
        let (alpha, beta, gamma) = parameters;
        let admissible = 0.0 < alpha
            && alpha < 1.0
            && (0.0..=alpha).contains(&beta)
            && (0.0..=1.0 - alpha).contains(&gamma);
        if !admissible {
            return;
        }
        let (sse, _) = Self::smooth(values, m, parameters, seasonal);
        if best.as_ref().is_none_or(|(best_sse, _)| sse < *best_sse) {
            *best = Some((sse, parameters));
        }
    }

    /// The model with `parameters` fitted to `values`.
    fn run(values: &[f64], m: usize, parameters: Parameters) -> Self {
        let (alpha, beta, gamma) = parameters;
        let mut seasonal = Vec::with_capacity(m);
        let (sse, (level, trend)) = Self::smooth(values, m, parameters, &mut seasonal);
        let errors = (values.len() - m) as f64;
        Self {
            alpha,
            beta,
            gamma,
            season_length: m,
            level,
            trend,
            seasonal,
            fitted: values.len(),
            sigma: (sse / errors).sqrt(),
        }
    }

    /// Runs the smoothing over `values` from initial states taken from the first two seasons, leaving the
    /// final seasonal terms in `seasonal`; returns the sum of squared one-step errors after the first season
    /// and the final level and trend.
    fn smooth(
        values: &[f64],
        m: usize,
        (alpha, beta, gamma): Parameters,
        seasonal: &mut Vec<f64>,
    ) -> (f64, (f64, f64)) {
        let season_mean = |s: usize| values[s * m..(s + 1) * m].iter().sum::<f64>() / m as f64;
        let first_mean = season_mean(0);
        let trend0 = (season_mean(1) - first_mean) / m as f64;
        let centre = (m as f64 - 1.0) / 2.0;
        // States at the end of the first season: the level on the fitted line, seasonal terms as deviations.
        let mut level = first_mean + trend0 * centre;
        let mut trend = trend0;
        seasonal.clear();
        seasonal.extend((0..m).map(|i| values[i] - (first_mean + trend0 * (i as f64 - centre))));
        let mut sse = 0.0;
        for (t, &value) in values.iter().enumerate().skip(m) {
            let error = value - (level + trend + seasonal[t % m]);
            sse += error * error;
            level += trend + alpha * error;
            trend += beta * error;
            seasonal[t % m] += gamma * error;
        }
        (sse, (level, trend))
    }

    /// The point forecast `h` (≥ 1) periods past the last fitted value.
    pub fn point(&self, h: usize) -> f64 {
        self.level
            + h as f64 * self.trend
            + self.seasonal[(self.fitted - 1 + h) % self.season_length]
    }

    /// cⱼ = α + jβ + γ·[j is a multiple of m]: how an error j periods back feeds the forecast.
    fn error_weight(&self, j: usize) -> f64 {
        let seasonal = if j.is_multiple_of(self.season_length) {
            self.gamma
        } else {
            0.0
        };
        self.alpha + j as f64 * self.beta + seasonal
    }

    /// The point forecast `h` periods ahead with its 95 % interval; σₕ² = σ²(1 + Σⱼ₌₁ʰ⁻¹ cⱼ²).
    pub fn forecast(&self, h: usize) -> Forecast {
        let variance_factor = 1.0 + (1..h).map(|j| self.error_weight(j).powi(2)).sum::<f64>();
        let value = self.point(h);
        let half_width = Z_95 * self.sigma * variance_factor.sqrt();
        Forecast {
            method: ForecastMethod::HoltWinters,
            value,
            interval: Some((value - half_width, value + half_width)),
        }
    }

    /// The sum of the next `horizon` periods with its 95 % interval. The forecast errors of successive
    /// periods are correlated; the variance of their sum is σ² Σᵢ₌₁ᴴ (1 + Σₖ₌₁ᴴ⁻ⁱ cₖ)².
    pub fn forecast_sum(&self, horizon: usize) -> Forecast {
        let value: f64 = (1..=horizon).map(|h| self.point(h)).sum();
        let variance_factor: f64 = (1..=horizon)
            .map(|i| (1.0 + (1..=horizon - i).map(|k| self.error_weight(k)).sum::<f64>()).powi(2))
            .sum();
        let half_width = Z_95 * self.sigma * variance_factor.sqrt();
        Forecast {
            method: ForecastMethod::HoltWinters,
            value,
            interval: Some((value - half_width, value + half_width)),
        }
    }
}

/// The forecast for the end of `at`'s year from `values` (one per period of `at`'s frequency), or `None`
/// when `at` is the last period of its year (the outcome is known) or the history allows no method.
///
/// A cumulative measure forecasts the year's total, a snapshot measure its value in the year's last period.
/// Methods, best first: Holt–Winters (two full seasons of unbroken history up to `at`); for cumulative
/// measures the seasonal run-rate (last year complete), then the run-rate; for snapshot measures the linear
/// trend of the last twelve values (at least three).
pub fn forecast_year_end(
    values: &BTreeMap<Period, f64>,
    at: Period,
    measure: MeasureType,
) -> Option<Forecast> {
    let periods_in_year = usize::from(at.frequency().periods_per_year());
    let remaining = periods_in_year - usize::from(at.index());
    if remaining == 0 {
        return None;
    }
    let history = unbroken_history(values, at);
    let seasonal = at.frequency() != Frequency::Annual;
    if seasonal && let Some(model) = HoltWinters::fit(&history, periods_in_year) {
        return Some(match measure {
            MeasureType::Snapshot => model.forecast(remaining),
            MeasureType::Cumulative => {
                let so_far = year_to_date(values, at, MeasureType::Cumulative).value?;
                let rest = model.forecast_sum(remaining);
                Forecast {
                    value: so_far + rest.value,
                    interval: rest
                        .interval
                        .map(|(low, high)| (so_far + low, so_far + high)),
                    ..rest
                }
            }
        });
    }
    match measure {
        MeasureType::Snapshot => {
            let recent = &history[history.len().saturating_sub(12)..];
            linear_trend(recent, remaining)
        }
        MeasureType::Cumulative => {
            let so_far = year_to_date(values, at, MeasureType::Cumulative);
            let so_far_value = so_far.value.filter(|_| so_far.is_complete())?;
            let last_year = at.same_period_last_year().and_then(|same| {
                let ytd = year_to_date(values, same, MeasureType::Cumulative);
                let year_end = Period::new(
                    same.frequency(),
                    same.year(),
                    at.frequency().periods_per_year(),
                )?;
                let full = year_to_date(values, year_end, MeasureType::Cumulative);
                if !(ytd.is_complete() && full.is_complete()) {
                    return None;
                }
                Some((ytd.value?, full.value?))
            });
            if let Some(value) =
                last_year.and_then(|(ytd, full)| seasonal_run_rate(so_far_value, ytd, full))
            {
                return Some(Forecast {
                    method: ForecastMethod::SeasonalRunRate,
                    value,
                    interval: None,
                });
            }
            run_rate(so_far_value, usize::from(at.index()), periods_in_year).map(|value| Forecast {
                method: ForecastMethod::RunRate,
                value,
                interval: None,
            })
        }
    }
}

/// The values of the consecutive periods ending at `at`, back to the first gap.
fn unbroken_history(values: &BTreeMap<Period, f64>, at: Period) -> Vec<f64> {
    let mut history = Vec::new();
    let mut period = Some(at);
    while let Some(current) = period {
        match values.get(&current) {
            Some(value) => history.push(*value),
            None => break,
        }
        period = current.previous();
    }
    history.reverse();
    history
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months_from(start: &str, values: &[f64]) -> BTreeMap<Period, f64> {
        let mut period = Period::parse(start).unwrap();
        let mut map = BTreeMap::new();
        for value in values {
            map.insert(period, *value);
            period = period.next().unwrap();
        }
        map
    }

    fn seasonal_series(years: usize) -> Vec<f64> {
        // Demand that rises in winter, plus growth of 0.5 a month.
        let shape = [
            0.0, -2.0, -4.0, -3.0, 0.0, 3.0, 6.0, 9.0, 10.0, 7.0, 3.0, 1.0,
        ];
        (0..12 * years)
            .map(|t| 100.0 + 0.5 * t as f64 + shape[t % 12])
            .collect()
    }

    #[test]
    fn run_rate_scales_the_year_to_date_to_a_full_year() {
        // 45 homes in the first three months → 180 for the year.
        assert_eq!(run_rate(45.0, 3, 12), Some(180.0));
        assert_eq!(run_rate(45.0, 0, 12), None);
    }

    #[test]
    fn seasonal_run_rate_uses_last_years_shape() {
        // Last year 30 by June and 200 in all; this year 36 by June → 36 × 200 / 30 = 240.
        assert_eq!(seasonal_run_rate(36.0, 30.0, 200.0), Some(240.0));
        assert_eq!(seasonal_run_rate(36.0, 0.0, 200.0), None);
    }

    #[test]
    fn linear_trend_extends_the_line_with_a_widening_interval() {
        let forecast = linear_trend(&[10.0, 12.0, 14.0, 16.0], 2).unwrap();
        assert!((forecast.value - 20.0).abs() < 1e-9);
        let noisy = linear_trend(&[10.0, 13.0, 13.0, 17.0, 18.0], 1).unwrap();
        let (low, high) = noisy.interval.unwrap();
        assert!(low < noisy.value && noisy.value < high);
        let further = linear_trend(&[10.0, 13.0, 13.0, 17.0, 18.0], 6)
            .unwrap()
            .interval
            .unwrap();
        assert!(further.1 - further.0 > high - low);
    }

    #[test]
    fn the_linear_trends_interval_is_the_student_t_prediction_interval() {
        // Worked by hand for 10, 13, 13, 17, 18 at x = 0..4: x̄ = 2, ȳ = 14.2, Sxx = 10, Sxy = 20, so the slope is
        // 2 and the intercept 10.2; the residuals −0.2, 0.8, −1.2, 0.8, −0.2 square to 2.8, so s² = 2.8 / 3.
        // One step ahead (x = 5): 10.2 + 2 × 5 = 20.2, and the half-width is t(3 df, 95%) × √(s² × (1 + 1/5 +
        // (5 − 2)² / 10)) = 3.182 × √(2.8 / 3 × 2.1) = 3.182 × 1.4 = 4.4548.
        let near = linear_trend(&[10.0, 13.0, 13.0, 17.0, 18.0], 1).unwrap();
        assert!((near.value - 20.2).abs() < 1e-9);
        let (low, high) = near.interval.unwrap();
        assert!(
            (low - 15.7452).abs() < 1e-9 && (high - 24.6548).abs() < 1e-9,
            "{low} to {high}"
        );
        // Six steps ahead (x = 10): 30.2, and √(2.8 / 3 × (1.2 + 64 / 10)) = √7.0933 = 2.66333, so the half-width
        // is 3.182 × 2.66333 = 8.4747.
        let far = linear_trend(&[10.0, 13.0, 13.0, 17.0, 18.0], 6).unwrap();
        let (low, high) = far.interval.unwrap();
        assert!((far.value - 30.2).abs() < 1e-9);
        assert!(
            (high - far.value - 8.4747).abs() < 1e-4 && (far.value - low - 8.4747).abs() < 1e-4,
            "{low} to {high}"
        );
    }

    #[test]
    fn holt_winters_learns_a_seasonal_pattern_with_growth() {
        let series = seasonal_series(3);
        let model = HoltWinters::fit(&series[..30], 12).unwrap();
        for h in 1..=6 {
            let expected = series[29 + h];
            assert!(
                (model.point(h) - expected).abs() < 0.5,
                "h = {h}: {} vs {expected}",
                model.point(h)
            );
        }
        assert!(
            model.sigma < 0.1,
            "a noise-free series is fitted almost exactly (σ = {})",
            model.sigma
        );
    }

    #[test]
    fn holt_winters_needs_two_full_seasons() {
        assert!(HoltWinters::fit(&seasonal_series(2)[..23], 12).is_none());
        assert!(HoltWinters::fit(&seasonal_series(2), 12).is_some());
    }

    #[test]
    fn holt_winters_intervals_widen_with_the_horizon() {
        let noisy: Vec<f64> = seasonal_series(3)
            .iter()
            .enumerate()
            .map(|(t, v)| v + [1.5, -1.0, 0.5, -2.0, 1.0][t % 5])
            .collect();
        let model = HoltWinters::fit(&noisy, 12).unwrap();
        let width = |h| {
            let (low, high) = model.forecast(h).interval.unwrap();
            high - low
        };
        assert!(width(1) > 0.0);
        assert!(width(6) > width(1));
    }

    #[test]
    fn year_end_forecast_for_a_cumulative_measure_without_history_uses_the_run_rate() {
        let values = months_from("Apr 2024", &[10.0, 12.0, 8.0]);
        let forecast = forecast_year_end(
            &values,
            Period::parse("Jun 2024").unwrap(),
            MeasureType::Cumulative,
        )
        .unwrap();
        assert_eq!(forecast.method, ForecastMethod::RunRate);
        assert_eq!(forecast.value, 120.0);
    }

    #[test]
    fn year_end_forecast_uses_last_years_shape_when_it_is_complete() {
        let mut last_year = vec![5.0; 12];
        last_year[..3].copy_from_slice(&[10.0, 10.0, 10.0]); // 30 by June, 75 in all
        let mut all = last_year.clone();
        all.extend([12.0, 12.0, 12.0]);
        let values = months_from("Apr 2023", &all);
        let forecast = forecast_year_end(
            &values,
            Period::parse("Jun 2024").unwrap(),
            MeasureType::Cumulative,
        )
        .unwrap();
        assert_eq!(forecast.method, ForecastMethod::SeasonalRunRate);
        assert!((forecast.value - 36.0 * 75.0 / 30.0).abs() < 1e-9);
    }

    #[test]
    fn year_end_forecast_prefers_holt_winters_with_two_years_of_history() {
        let series = seasonal_series(3);
        let values = months_from("Apr 2022", &series[..30]); // to Sep 2024
        let at = Period::parse("Sep 2024").unwrap();
        let forecast = forecast_year_end(&values, at, MeasureType::Snapshot).unwrap();
        assert_eq!(forecast.method, ForecastMethod::HoltWinters);
        assert!((forecast.value - series[35]).abs() < 0.5);
        let total = forecast_year_end(&values, at, MeasureType::Cumulative).unwrap();
        let expected: f64 = series[24..36].iter().sum();
        assert!(
            (total.value - expected).abs() < 2.0,
            "{} vs {expected}",
            total.value
        );
    }

    #[test]
    fn there_is_nothing_to_forecast_at_the_year_end() {
        let values = months_from("Apr 2024", &[1.0; 12]);
        assert_eq!(
            forecast_year_end(
                &values,
                Period::parse("Mar 2025").unwrap(),
                MeasureType::Snapshot
            ),
            None
        );
    }

    #[test]
    fn a_snapshot_measure_with_little_history_uses_the_linear_trend() {
        let values = months_from("Apr 2024", &[80.0, 81.0, 82.0, 83.0]);
        let forecast = forecast_year_end(
            &values,
            Period::parse("Jul 2024").unwrap(),
            MeasureType::Snapshot,
        )
        .unwrap();
        assert_eq!(forecast.method, ForecastMethod::LinearTrend);
        assert!((forecast.value - 91.0).abs() < 1e-9);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * (1.0 + b.abs())
    }

    proptest! {
        #[test]
        fn the_forecast_of_a_constant_series_is_that_constant(
            value in -1e6..1e6f64, length in 24usize..40, horizon in 1usize..12
        ) {
            let series = vec![value; length];
            let model = HoltWinters::fit(&series, 12).unwrap();
            prop_assert!(close(model.point(horizon), value));
            let line = linear_trend(&series, horizon).unwrap();
            prop_assert!(close(line.value, value));
        }
    }
}
