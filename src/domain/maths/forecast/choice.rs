//! Choosing a forecasting method by evidence: every method the history allows is fitted, then each
//! forecasts the recent past from where it stood at the time — the same distance ahead as the year-end
//! forecast needs (a rolling-origin check, Tashman 2000). Each method's mean absolute error (recent
//! forecasts counting more, [`RECENCY`]) is scaled by
//! Akaike's final-prediction-error factor √((n + k) / (n − k)), k the values it estimates (parameters and
//! starting states), because a fitted model's errors on the history it was fitted to flatter it. The two
//! best methods are combined, weighted by the inverse of their scaled errors: on the backtest
//! (`benches/forecast_backtest.rs`) that beat choosing the single best at every horizon. Simpler methods
//! are tried first and keep a tie.

use std::ops::RangeInclusive;

use crate::domain::maths::forecast::fitted::{Fitted, Outlook};
use crate::domain::maths::forecast::smoothing::{Form, Model, Parameters, States, TrendForm};

/// How many of the most recent forecast origins the check uses at most.
const CHECK_ORIGINS: usize = 24;

/// How much each past forecast's error counts against the one after it.
const RECENCY: f64 = 0.85;

/// The fewest checked forecasts a choice rests on.
const FEWEST_CHECKS: usize = 3;

/// What the year-end figure needs from a forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The value this many periods ahead.
    Point(usize),
    /// The sum of the values over the next this many periods.
    Sum(usize),
}

impl Reach {
    /// How many periods ahead it looks.
    pub const fn periods(self) -> usize {
        match self {
            Reach::Point(h) | Reach::Sum(h) => h,
        }
    }
}

/// A method the choice considers, simplest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// The latest value carries on.
    Naive,
    /// Each period repeats the same period a season earlier.
    SeasonalNaive,
    /// The line from the first value to the latest carries on.
    Drift,
    /// Simple exponential smoothing: a level that follows the values, no trend or season.
    Smoothing,
    /// Holt's method with a damped trend.
    DampedTrend,
    /// Holt–Winters (additive) with a damped trend.
    DampedSeasonal,
    /// Holt–Winters with a damped trend and seasons in proportion to the level (additive on the
    /// logarithms of positive values).
    ProportionalSeasonal,
}

impl Method {
    /// How many values the method estimates from the history with seasons of `season_length`:
    /// smoothing parameters, plus starting states the heuristic sets (level, trend, all but one seasonal
    /// term).
    pub const fn estimated(self, season_length: usize) -> usize {
        match self {
            Method::Naive | Method::SeasonalNaive => 0,
            Method::Drift => 1,
            Method::Smoothing => 2,
            Method::DampedTrend => 5,
            Method::DampedSeasonal | Method::ProportionalSeasonal => 6 + season_length - 1,
        }
    }
}

/// One method in a choice, fitted, with its share of the forecast.
#[derive(Clone, Debug, PartialEq)]
pub struct ChosenMethod {
    /// The method.
    pub method: Method,
    /// The model fitted to the whole history.
    pub fitted: Fitted,
    /// What it is judged and weighted by: its mean absolute error over the check, recent forecasts
    /// counting more, times the complexity factor.
    pub score: f64,
    /// Its share of the combined forecast, 0 to 1.
    pub weight: f64,
}

/// The methods chosen (the best, and the runner-up where there is one), with the evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The best method, then the runner-up.
    pub methods: Vec<ChosenMethod>,
    /// How many forecasts the check compared.
    pub checked: usize,
    /// How many methods were tried.
    pub tried: usize,
}

impl Choice {
    /// The combined forecast `reach` ahead: each method's forecast and interval bounds, weighted.
    pub fn outlook(&self, reach: Reach) -> Outlook {
        let mut combined = Outlook {
            value: 0.0,
            interval_80: (0.0, 0.0),
            interval_95: (0.0, 0.0),
        };
        for chosen in &self.methods {
            let w = chosen.weight;
            let own = chosen.fitted.outlook(reach);
            combined.value += w * own.value;
            combined.interval_80.0 += w * own.interval_80.0;
            combined.interval_80.1 += w * own.interval_80.1;
            combined.interval_95.0 += w * own.interval_95.0;
            combined.interval_95.1 += w * own.interval_95.1;
        }
        combined
    }
}

/// The two methods with the smallest scaled error forecasting the recent past `reach` ahead, fitted to
/// `values` (one per period, oldest first, seasons of `season_length`) and weighted; `None` when the
/// history is too short to check any method on three forecasts.
pub fn choose(values: &[f64], season_length: usize, reach: Reach) -> Option<Choice> {
    let window = check_window(values.len(), season_length, reach)?;
    let candidates = candidates(values, season_length);
    let tried = candidates.len();
    let checked = window.clone().count();
    let n = values.len() as f64;
    let mut scored: Vec<(f64, ChosenMethod)> = candidates
        .into_iter()
        .filter_map(|(method, fitted)| {
            let k = method.estimated(season_length) as f64;
            if n <= k {
                return None;
            }
            let error = recent_weighted_mean(&check_errors(values, &fitted, reach, window.clone()));
            let score = error * ((n + k) / (n - k)).sqrt();
            score.is_finite().then_some((
                score,
                ChosenMethod {
                    method,
                    fitted,
                    score,
                    weight: 0.0,
                },
            ))
        })
        .collect();
    // The two smallest, found in order without a sort (a sort's code is large in the browser's
    // download); the simpler method, tried first, keeps a tie.
    let mut best_two: Vec<(f64, ChosenMethod)> = Vec::with_capacity(2);
    for _ in 0..2 {
        let smallest =
            scored
                .iter()
                .enumerate()
                .fold(
                    None,
                    |found: Option<(usize, f64)>, (i, (error, _))| match found {
                        Some((_, least)) if least <= *error => found,
                        _ => Some((i, *error)),
                    },
                );
        if let Some((i, _)) = smallest {
            best_two.push(scored.remove(i));
        }
    }
    let mut scored = best_two;
    let first = scored.first()?.0;
    if first == 0.0 {
        // A method that forecast the past without error takes it all.
        scored.truncate(1);
    }
    let inverse: Vec<f64> = scored
        .iter()
        .map(|(scaled, _)| if first == 0.0 { 1.0 } else { 1.0 / scaled })
        .collect();
    let total: f64 = inverse.iter().sum();
    let methods = scored
        .into_iter()
        .zip(inverse)
        .map(|((_, method), inverse)| ChosenMethod {
            weight: inverse / total,
            ..method
        })
        .collect();
    Some(Choice {
        methods,
        checked,
        tried,
    })
}

/// The mean of the errors' sizes, each counting 0.85 times as much as the one after it, so recent
/// forecasts count more: a change of course shows in the choice within months.
fn recent_weighted_mean(errors: &[f64]) -> f64 {
    let (sum, weights, _) =
        errors
            .iter()
            .rev()
            .fold((0.0, 0.0, 1.0), |(sum, weights, weight), error| {
                (
                    sum + weight * error.abs(),
                    weights + weight,
                    weight * RECENCY,
                )
            });
    sum / weights
}

/// The forecast origins the check uses (forecasts made after value t): the most recent, at most 24,
/// whose reach lies within the history, none before a full season (seasonal naive needs one);
/// `None` when fewer than three.
pub fn check_window(n: usize, season_length: usize, reach: Reach) -> Option<RangeInclusive<usize>> {
    let first = season_length.max(1) - 1;
    let last = n.checked_sub(reach.periods() + 1)?;
    let from = first.max(last.saturating_sub(CHECK_ORIGINS - 1));
    (last >= from && last - from + 1 >= FEWEST_CHECKS).then_some(from..=last)
}

/// The errors (actual − forecast) of `fitted`'s forecasts `reach` ahead from each origin in `window`,
/// the model running over `values` with its fitted parameters.
pub fn check_errors(
    values: &[f64],
    fitted: &Fitted,
    reach: Reach,
    window: RangeInclusive<usize>,
) -> Vec<f64> {
    let model = fitted.model;
    let forecast =
        |states: &States, t: usize, h: usize| fitted.from_scale(model.point(states, t, h));
    let mut errors = Vec::with_capacity(window.clone().count());
    model.filter(&fitted.on_scale(values), &fitted.initial, |t, _, states| {
        if !window.contains(&t) {
            return;
        }
        errors.push(match reach {
            Reach::Point(h) => values[t + h] - forecast(states, t, h),
            Reach::Sum(h) => (1..=h)
                .map(|i| values[t + i] - forecast(states, t, i))
                .sum(),
        });
    });
    errors
}

/// Every method `values` allows, simplest first, each fitted.
pub fn candidates(values: &[f64], season_length: usize) -> Vec<(Method, Fitted)> {
    let n = values.len();
    let plain = |trend| Form {
        trend,
        season_length: 1,
    };
    let fixed = |trend, season_length, alpha, beta, gamma| Model {
        form: Form {
            trend,
            season_length,
        },
        parameters: Parameters {
            alpha,
            beta,
            gamma,
            phi: 1.0,
        },
    };
    let mut found = Vec::new();
    if n >= 2 {
        let naive = fixed(TrendForm::None, 1, 1.0, 0.0, 0.0);
        let start = States {
            level: values[0],
            trend: 0.0,
            seasonal: vec![0.0],
        };
        found.push((Method::Naive, Fitted::fixed(values, naive, &start, 1)));
    }
    if season_length > 1 && n > season_length {
        let seasonal_naive = fixed(TrendForm::None, season_length, 0.0, 0.0, 1.0);
        let start = States {
            level: 0.0,
            trend: 0.0,
            seasonal: values[..season_length].to_vec(),
        };
        found.push((
            Method::SeasonalNaive,
            Fitted::fixed(values, seasonal_naive, &start, season_length),
        ));
    }
    if n >= 3 {
        let slope = (values[n - 1] - values[0]) / (n - 1) as f64;
        let drift = fixed(TrendForm::Linear, 1, 1.0, 0.0, 0.0);
        let start = States {
            level: values[0] - slope,
            trend: slope,
            seasonal: vec![0.0],
        };
        found.push((Method::Drift, Fitted::fixed(values, drift, &start, 1)));
    }
    found.push((
        Method::Smoothing,
        Fitted::estimate(values, plain(TrendForm::None)),
    ));
    found.push((
        Method::DampedTrend,
        Fitted::estimate(values, plain(TrendForm::Damped)),
    ));
    if season_length > 1 {
        let form = Form {
            trend: TrendForm::Damped,
            season_length,
        };
        found.push((Method::DampedSeasonal, Fitted::estimate(values, form)));
        found.push((
            Method::ProportionalSeasonal,
            Fitted::estimate_on_logarithms(values, form),
        ));
    }
    found
        .into_iter()
        .filter_map(|(method, fitted)| Some((method, fitted?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_errors_count_more() {
        // Errors 2, −1, 4 (oldest first) weigh 0.85², 0.85 and 1: (0.7225 × 2 + 0.85 × 1 + 1 × 4) /
        // (0.7225 + 0.85 + 1) = 6.295 / 2.5725 = 2.447036….
        let mean = recent_weighted_mean(&[2.0, -1.0, 4.0]);
        assert!((mean - 6.295 / 2.5725).abs() < 1e-12, "{mean}");
    }

    #[test]
    fn the_check_uses_the_most_recent_origins_after_a_season() {
        // 40 months, 6 ahead: forecasts from origin 33 reach value 39, the last; the 24 before that start at
        // 10, but seasonal naive needs a season first, so 11 to 33: 23 origins.
        assert_eq!(check_window(40, 12, Reach::Point(6)), Some(11..=33));
        // 60 months: the most recent 24, origins 29 to 52.
        assert_eq!(check_window(60, 12, Reach::Sum(7)), Some(29..=52));
        // 15 months, 3 ahead: origins 11 only — too few to choose by.
        assert_eq!(check_window(15, 12, Reach::Point(3)), None);
    }

    #[test]
    fn the_two_best_share_the_forecast_by_accuracy() {
        // Noisy seasonal demand: no method is perfect, so two are combined.
        let values: Vec<f64> = (0..48)
            .map(|t| {
                100.0
                    + 0.3 * t as f64
                    + [0.0, 5.0, 9.0, 4.0, -2.0, -6.0][t % 6]
                    + [1.5, -2.0, 0.5][t % 3]
            })
            .collect();
        let choice = choose(&values, 12, Reach::Point(4)).unwrap();
        assert_eq!(choice.methods.len(), 2);
        let [best, runner_up] = [&choice.methods[0], &choice.methods[1]];
        assert!((best.weight + runner_up.weight - 1.0).abs() < 1e-12);
        assert!(best.weight >= runner_up.weight);
        // The combined forecast and its bounds are the weighted means of the two methods' own.
        let outlook = choice.outlook(Reach::Point(4));
        let (a, b) = (
            best.fitted.outlook(Reach::Point(4)),
            runner_up.fitted.outlook(Reach::Point(4)),
        );
        let mix = |x: f64, y: f64| best.weight * x + runner_up.weight * y;
        assert!((outlook.value - mix(a.value, b.value)).abs() < 1e-9);
        assert!((outlook.interval_95.0 - mix(a.interval_95.0, b.interval_95.0)).abs() < 1e-9);
        assert!(outlook.interval_80.0 > outlook.interval_95.0);
        assert!(outlook.interval_80.1 < outlook.interval_95.1);
    }

    #[test]
    fn proportional_seasons_need_positive_values() {
        let mut values: Vec<f64> = (0..36).map(|t| 50.0 + (t % 12) as f64).collect();
        let form = Form {
            trend: TrendForm::Damped,
            season_length: 12,
        };
        assert!(Fitted::estimate_on_logarithms(&values, form).is_some());
        values[5] = 0.0;
        assert!(Fitted::estimate_on_logarithms(&values, form).is_none());
        let tried: Vec<Method> = candidates(&values, 12)
            .into_iter()
            .map(|(m, _)| m)
            .collect();
        assert!(!tried.contains(&Method::ProportionalSeasonal));
        assert!(tried.contains(&Method::DampedSeasonal));
    }

    #[test]
    fn proportional_seasons_follow_swings_that_grow_with_the_level() {
        // A level growing 2 % a month with seasonal factors 0.8 … 1.2: on the logarithms this is an exact
        // straight line plus a fixed season, so the model forecasts it almost exactly.
        let factors = [0.8, 0.9, 1.0, 1.1, 1.2, 1.1, 1.0, 0.9, 0.8, 0.9, 1.0, 1.2];
        let series: Vec<f64> = (0..48)
            .map(|t| 100.0 * 1.02f64.powi(t) * factors[t as usize % 12])
            .collect();
        let form = Form {
            trend: TrendForm::Damped,
            season_length: 12,
        };
        let fitted = Fitted::estimate_on_logarithms(&series[..42], form).unwrap();
        let additive = Fitted::estimate(&series[..42], form).unwrap();
        let mut errors = (0.0, 0.0);
        for h in 1..=6 {
            let expected = series[41 + h];
            // Damping bends the growth a little: within 3 % over six months.
            assert!(
                (fitted.point(h) / expected - 1.0).abs() < 0.03,
                "h = {h}: {} vs {expected}",
                fitted.point(h)
            );
            errors.0 += (fitted.point(h) - expected).abs();
            errors.1 += (additive.point(h) - expected).abs();
        }
        assert!(
            errors.0 < errors.1,
            "proportional seasons {} vs additive {}",
            errors.0,
            errors.1
        );
        // The interval is turned back from the logarithms: wider above than below.
        let outlook = fitted.outlook(Reach::Point(6));
        assert!(
            outlook.interval_95.1 - outlook.value >= outlook.value - outlook.interval_95.0,
            "{outlook:?}"
        );
    }
}
