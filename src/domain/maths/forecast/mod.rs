//! Year-end forecasts, the leading signal of the Cambridgeshire PMF ("predict future performance").
//!
//! With enough history the method is chosen by evidence (`choice`): naive, seasonal naive, simple
//! exponential smoothing, Holt's damped trend and damped Holt–Winters (additive and proportional seasons)
//! are each fitted, each forecasts the recent past the same distance ahead as the year end is now (or
//! the nearest the history allows), and the two with the smallest errors are combined, with a prediction
//! interval from the combination's errors in that check. With too little history for the check even one
//! period ahead: for cumulative measures the seasonal run-rate (last year complete) or the run-rate; for
//! snapshot measures a straight line through the recent values.
//!
//! What the year-end figure is depends on the measure: a snapshot KPI's value in the year's last period;
//! a cumulative KPI's total (the actuals so far plus the forecast of the remaining periods); a snapshot
//! KPI summarised by its mean, the mean of the actuals so far and the forecast remaining periods.

pub mod choice;
pub mod fitted;
pub mod initial_states;
pub mod smoothing;

use std::collections::BTreeMap;

use crate::domain::basics::period::{Frequency, Period};
use crate::domain::basics::stats::LinearFit;
use crate::domain::maths::aggregation::{MeasureType, SnapshotSummary, year_to_date};
use choice::{Choice, Method, Reach, choose};

/// How the explanation of a chosen forecast qualifies the errors it quotes.
const ALLOWANCE: &str =
    "recent forecasts count most, and methods that fit more values to the history must do better";

/// How a forecast was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ForecastMethod {
    /// Year to date scaled up to the full year.
    RunRate,
    /// Year to date scaled by last year's shape.
    SeasonalRunRate,
    /// A straight line through the recent values.
    LinearTrend,
    /// A method chosen by how well it forecast the recent past.
    Chosen(Method),
}

impl ForecastMethod {
    /// The method's name as shown beside a forecast.
    pub const fn label(self) -> &'static str {
        match self {
            ForecastMethod::RunRate => "run-rate",
            ForecastMethod::SeasonalRunRate => "seasonal run-rate",
            ForecastMethod::LinearTrend => "linear trend",
            ForecastMethod::Chosen(Method::Naive) => "naive",
            ForecastMethod::Chosen(Method::SeasonalNaive) => "seasonal naive",
            ForecastMethod::Chosen(Method::Smoothing) => "simple exponential smoothing",
            ForecastMethod::Chosen(Method::DampedTrend) => "damped trend (Holt)",
            ForecastMethod::Chosen(Method::DampedSeasonal) => {
                "damped trend with seasons (Holt-Winters)"
            }
            ForecastMethod::Chosen(Method::ProportionalSeasonal) => {
                "damped trend with proportional seasons (Holt-Winters, multiplicative)"
            }
        }
    }

    /// What the method assumes, in a phrase.
    pub const fn assumes(self) -> &'static str {
        match self {
            ForecastMethod::RunRate => {
                "the rest of the year goes at the same rate as the year so far"
            }
            ForecastMethod::SeasonalRunRate => {
                "the rest of the year follows the shape of last year"
            }
            ForecastMethod::LinearTrend => "the straight line through the recent values carries on",
            ForecastMethod::Chosen(Method::Naive) => "the latest value carries on",
            ForecastMethod::Chosen(Method::SeasonalNaive) => {
                "each period repeats the same period a year earlier"
            }
            ForecastMethod::Chosen(Method::Smoothing) => {
                "the level follows the recent values, with no trend or seasonal pattern"
            }
            ForecastMethod::Chosen(Method::DampedTrend) => {
                "the recent trend carries on but flattens out"
            }
            ForecastMethod::Chosen(Method::DampedSeasonal) => {
                "the seasonal pattern repeats and the recent trend carries on but flattens out"
            }
            ForecastMethod::Chosen(Method::ProportionalSeasonal) => {
                "the seasonal pattern repeats in proportion to the level, and the recent trend carries \
                 on but flattens out"
            }
        }
    }
}

/// Why a chosen method was chosen: how it did forecasting the recent past.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChoiceEvidence {
    /// How many methods were tried.
    pub tried: usize,
    /// How many past forecasts each was checked on.
    pub checked: usize,
    /// How many periods ahead each looked.
    pub ahead: usize,
    /// The chosen method's score: its mean absolute error over those forecasts, recent ones counting
    /// more, allowing for how many values it fits to the history (`choice`).
    pub score: f64,
    /// The chosen method's share of the forecast (1 when it stands alone).
    pub weight: f64,
    /// The runner-up combined with it: the method, its score and its share.
    pub partner: Option<(Method, f64, f64)>,
}

/// A forecast value with, where the method gives them, its 80 % and 95 % prediction intervals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forecast {
    /// How it was made.
    pub method: ForecastMethod,
    /// The forecast.
    pub value: f64,
    /// The 95 % prediction interval `(low, high)`.
    pub interval: Option<(f64, f64)>,
    /// The 80 % prediction interval `(low, high)`.
    pub interval_80: Option<(f64, f64)>,
    /// For a chosen method, the evidence for it.
    pub evidence: Option<ChoiceEvidence>,
}

impl Forecast {
    /// `(so_far + self) / divisor`, intervals alike: the year's total or mean from the forecast of its
    /// remaining periods.
    fn shifted(self, so_far: f64, divisor: f64) -> Self {
        let shift = |v: f64| (so_far + v) / divisor;
        let both = |(low, high): (f64, f64)| (shift(low), shift(high));
        Self {
            value: shift(self.value),
            interval: self.interval.map(both),
            interval_80: self.interval_80.map(both),
            ..self
        }
    }

    /// A forecast with no interval and no evidence.
    const fn bare(method: ForecastMethod, value: f64) -> Self {
        Self {
            method,
            value,
            interval: None,
            interval_80: None,
            evidence: None,
        }
    }

    /// How the forecast was made and why, in a sentence; `format` writes a value in the KPI's unit.
    pub fn how_made(&self, format: impl Fn(f64) -> String) -> String {
        let method = self.method;
        let share = |weight: f64| format!("{:.0} %", 100.0 * weight);
        match self.evidence {
            Some(evidence) => match evidence.partner {
                None => format!(
                    "Forecast by {}: {}. Of {} methods tried, it forecast the last {} periods {} \
                     period(s) ahead with the smallest average error ({}; {ALLOWANCE}).",
                    method.label(),
                    method.assumes(),
                    evidence.tried,
                    evidence.checked,
                    evidence.ahead,
                    format(evidence.score)
                ),
                Some((partner, partner_score, partner_weight)) => {
                    let partner = ForecastMethod::Chosen(partner);
                    format!(
                        "Forecast by {} ({}), combined with {} ({}). Of {} methods tried, these two \
                         forecast the last {} periods {} period(s) ahead best (average errors {} and {}; \
                         {ALLOWANCE}), so each counts in proportion to its accuracy. What each assumes: \
                         {}, {}; {}, {}.",
                        method.label(),
                        share(evidence.weight),
                        partner.label(),
                        share(partner_weight),
                        evidence.tried,
                        evidence.checked,
                        evidence.ahead,
                        format(evidence.score),
                        format(partner_score),
                        method.label(),
                        method.assumes(),
                        partner.label(),
                        partner.assumes()
                    )
                }
            },
            None => format!(
                "Forecast by {}: {} (too little unbroken history to compare methods).",
                method.label(),
                method.assumes()
            ),
        }
    }
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
        interval: Some((value - half_width, value + half_width)),
        ..Forecast::bare(ForecastMethod::LinearTrend, value)
    })
}

/// The forecast for the end of `at`'s year from `values` (each period's own figure, one per period of `at`'s
/// frequency: see [`own_figures`](crate::domain::maths::aggregation::own_figures)), or `None`
/// when `at` is the last period of its year (the outcome is known) or the history allows no method.
/// `summary` says how a snapshot measure's year is summed up (its last period, or the mean of its
/// periods).
pub fn forecast_year_end(
    values: &BTreeMap<Period, f64>,
    at: Period,
    measure: MeasureType,
    summary: SnapshotSummary,
) -> Option<Forecast> {
    let periods_in_year = usize::from(at.frequency().periods_per_year());
    let remaining = periods_in_year - usize::from(at.index());
    if remaining == 0 {
        return None;
    }
    let year_end = match (measure, summary) {
        // A year to date as published comes here as each period's own figure: its year end is their total.
        (MeasureType::Cumulative | MeasureType::YearToDate, _) => YearEnd::Total,
        (MeasureType::Snapshot, SnapshotSummary::Mean) => YearEnd::Mean,
        (MeasureType::Snapshot, SnapshotSummary::Latest) => YearEnd::LastPeriod,
    };
    let history = unbroken_history(values, at);
    let season_length = if at.frequency() == Frequency::Annual {
        1
    } else {
        periods_in_year
    };
    let reach = match year_end {
        YearEnd::LastPeriod => Reach::Point(remaining),
        YearEnd::Total | YearEnd::Mean => Reach::Sum(remaining),
    };
    let so_far = || {
        let sum = year_to_date(values, at, MeasureType::Cumulative);
        sum.value.filter(|_| sum.is_complete())
    };
    let ahead = forecast_ahead(&history, season_length, reach);
    match (year_end, ahead) {
        (YearEnd::LastPeriod, ahead) => ahead,
        (YearEnd::Total, Some(rest)) => Some(rest.shifted(so_far()?, 1.0)),
        (YearEnd::Mean, Some(rest)) => Some(rest.shifted(so_far()?, periods_in_year as f64)),
        (YearEnd::Total, None) => run_rates(values, at, so_far()?),
        (YearEnd::Mean, None) => run_rate(so_far()?, usize::from(at.index()), periods_in_year)
            .map(|total| Forecast::bare(ForecastMethod::RunRate, total / periods_in_year as f64)),
    }
}

/// The forecast `reach` ahead of `history` (one value per period, oldest first, seasons of
/// `season_length`, 1 for none) by the method that forecast the recent past best; with too little
/// history for that, a point `reach` ahead comes from the straight line through the last 12 values and a
/// sum has no forecast. The KPI page's, the scorecard's and the backtest's one way in.
pub fn forecast_ahead(history: &[f64], season_length: usize, reach: Reach) -> Option<Forecast> {
    if let Some(choice) = choose(history, season_length, reach) {
        return chosen(&choice, reach);
    }
    match reach {
        Reach::Point(h) => linear_trend(&history[history.len().saturating_sub(12)..], h),
        Reach::Sum(_) => None,
    }
}

/// What a KPI's year-end figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearEnd {
    /// The value in the year's last period.
    LastPeriod,
    /// The year's total.
    Total,
    /// The mean of the year's periods.
    Mean,
}

/// The forecast `reach` ahead by `choice`'s methods, with their intervals.
fn chosen(choice: &Choice, reach: Reach) -> Option<Forecast> {
    let outlook = choice.outlook(reach);
    let best = choice.methods.first()?;
    Some(Forecast {
        method: ForecastMethod::Chosen(best.method),
        value: outlook.value,
        interval: Some(outlook.interval_95),
        interval_80: Some(outlook.interval_80),
        evidence: Some(ChoiceEvidence {
            tried: choice.tried,
            checked: choice.checked,
            ahead: choice.checked_reach.periods(),
            score: best.score,
            weight: best.weight,
            partner: choice.methods.get(1).map(|m| (m.method, m.score, m.weight)),
        }),
    })
}

/// A cumulative measure's year total from the year to date `so_far`: the seasonal run-rate when last
/// year is complete, else the run-rate.
fn run_rates(values: &BTreeMap<Period, f64>, at: Period, so_far: f64) -> Option<Forecast> {
    let periods_in_year = at.frequency().periods_per_year();
    let last_year = at.same_period_last_year().and_then(|same| {
        let ytd = year_to_date(values, same, MeasureType::Cumulative);
        let year_end = Period::new(same.frequency(), same.year(), periods_in_year)?;
        let full = year_to_date(values, year_end, MeasureType::Cumulative);
        if !(ytd.is_complete() && full.is_complete()) {
            return None;
        }
        Some((ytd.value?, full.value?))
    });
    if let Some(value) = last_year.and_then(|(ytd, full)| seasonal_run_rate(so_far, ytd, full)) {
        return Some(Forecast::bare(ForecastMethod::SeasonalRunRate, value));
    }
    run_rate(
        so_far,
        usize::from(at.index()),
        usize::from(periods_in_year),
    )
    .map(|value| Forecast::bare(ForecastMethod::RunRate, value))
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

    /// A year's pattern: Apr 10, May 12, … repeated exactly, so seasonal naive forecasts the past perfectly.
    const PATTERN: [f64; 12] = [
        10.0, 12.0, 15.0, 11.0, 9.0, 8.0, 14.0, 16.0, 13.0, 10.0, 7.0, 11.0,
    ];

    fn repeated(months: usize) -> Vec<f64> {
        (0..months).map(|t| PATTERN[t % 12]).collect()
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
    fn year_end_forecast_for_a_cumulative_measure_without_history_uses_the_run_rate() {
        let values = months_from("Apr 2024", &[10.0, 12.0, 8.0]);
        let forecast = forecast_year_end(
            &values,
            Period::parse("Jun 2024").unwrap(),
            MeasureType::Cumulative,
            SnapshotSummary::Latest,
        )
        .unwrap();
        assert_eq!(forecast.method, ForecastMethod::RunRate);
        assert_eq!(forecast.value, 120.0);
        assert_eq!(forecast.evidence, None);
    }

    #[test]
    fn year_end_forecast_uses_last_years_shape_when_it_is_complete() {
        let mut last_year = vec![5.0; 12];
        last_year[..3].copy_from_slice(&[10.0, 10.0, 10.0]); // 30 by June, 75 in all
        let mut all = last_year.clone();
        all.extend([12.0, 12.0, 12.0]);
        let values = months_from("Apr 2023", &all);
        // Fifteen months leave too few past forecasts nine months ahead to compare methods.
        let forecast = forecast_year_end(
            &values,
            Period::parse("Jun 2024").unwrap(),
            MeasureType::Cumulative,
            SnapshotSummary::Latest,
        )
        .unwrap();
        assert_eq!(forecast.method, ForecastMethod::SeasonalRunRate);
        assert!((forecast.value - 36.0 * 75.0 / 30.0).abs() < 1e-9);
    }

    #[test]
    fn a_repeating_year_is_forecast_by_seasonal_naive_on_every_basis() {
        // Two and a half years (Apr 2022 to Sep 2024) of an exactly repeating year: seasonal naive forecast
        // the past without error, so it is chosen, and each remaining month is the same month last year.
        let values = months_from("Apr 2022", &repeated(30));
        let at = Period::parse("Sep 2024").unwrap();
        let snapshot =
            forecast_year_end(&values, at, MeasureType::Snapshot, SnapshotSummary::Latest).unwrap();
        assert_eq!(
            snapshot.method,
            ForecastMethod::Chosen(Method::SeasonalNaive)
        );
        // March is the pattern's twelfth month: 11.
        assert_eq!(snapshot.value, 11.0);
        assert_eq!(snapshot.evidence.unwrap().score, 0.0);
        // Six months to go (Oct–Mar): 6 methods tried (naive, seasonal naive, smoothing, damped trend,
        // and, every value being positive, Holt–Winters with additive and with proportional seasons),
        // each checked 6 months ahead.
        let evidence = snapshot.evidence.unwrap();
        assert_eq!((evidence.tried, evidence.ahead), (6, 6));
        // Cumulative: Apr–Sep 10 + 12 + 15 + 11 + 9 + 8 = 65 so far, Oct–Mar 14 + 16 + 13 + 10 + 7 + 11 = 71
        // to come: 136.
        let total = forecast_year_end(
            &values,
            at,
            MeasureType::Cumulative,
            SnapshotSummary::Latest,
        )
        .unwrap();
        assert_eq!(total.value, 136.0);
        // The mean of the year's months: 136 / 12 = 11.333….
        let mean =
            forecast_year_end(&values, at, MeasureType::Snapshot, SnapshotSummary::Mean).unwrap();
        assert!((mean.value - 136.0 / 12.0).abs() < 1e-12);
    }

    #[test]
    fn the_explanation_names_the_method_and_its_evidence() {
        let values = months_from("Apr 2022", &repeated(30));
        let at = Period::parse("Sep 2024").unwrap();
        let forecast =
            forecast_year_end(&values, at, MeasureType::Snapshot, SnapshotSummary::Latest).unwrap();
        assert_eq!(
            forecast.how_made(|v| format!("{v:.1}")),
            "Forecast by seasonal naive: each period repeats the same period a year earlier. Of 6 \
             methods tried, it forecast the last 13 periods 6 period(s) ahead with the smallest average \
             error (0.0; recent forecasts count most, and methods that fit more values to the history must \
             do better)."
        );
    }

    #[test]
    fn there_is_nothing_to_forecast_at_the_year_end() {
        let values = months_from("Apr 2024", &[1.0; 12]);
        assert_eq!(
            forecast_year_end(
                &values,
                Period::parse("Mar 2025").unwrap(),
                MeasureType::Snapshot,
                SnapshotSummary::Latest,
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
            SnapshotSummary::Latest,
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
            value in -1e6..1e6f64, length in 30usize..48, horizon in 1usize..12
        ) {
            let series = vec![value; length];
            let chosen = choose(&series, 12, Reach::Point(horizon)).unwrap();
            prop_assert!(close(chosen.outlook(Reach::Point(horizon)).value, value));
            let line = linear_trend(&series, horizon).unwrap();
            prop_assert!(close(line.value, value));
        }
    }
}
