//! Choosing a forecasting method by evidence: every method the history allows is fitted, then each
//! forecasts the recent past from where it stood at the time — the same distance ahead as the year-end
//! forecast needs, or the nearest shorter distance the history allows (a rolling-origin check, Tashman
//! 2000). Each method's mean absolute error (recent forecasts counting more, [`RECENCY`]) is scaled by
//! Akaike's final-prediction-error factor √((n + k) / (n − k)), k the values it estimates (parameters and
//! starting states), because a fitted model's errors on the history it was fitted to flatter it. The two
//! best methods are combined, weighted by the inverse of their scaled errors: on the backtest
//! (`benches/forecast_backtest.rs`) that beat choosing the single best at every horizon. With less than
//! a year of past forecasts to judge by (at least [`THIN_EVIDENCE`]) the best is combined half and half with the
//! benchmark (seasonal naive, or naive without seasons) instead. Simpler methods are tried first and keep
//! a tie. The interval comes from the combination's own errors in the check ([`Choice::outlook`]).

use std::ops::RangeInclusive;

use crate::domain::maths::forecast::fitted::{Fitted, Outlook, Z_80, Z_95};
use crate::domain::maths::forecast::smoothing::{Form, Model, Parameters, States, TrendForm};

/// How many of the most recent forecast origins the check uses at most.
const CHECK_ORIGINS: usize = 24;

/// How much each past forecast's error counts against the one after it.
const RECENCY: f64 = 0.85;

/// The fewest checked forecasts a choice rests on.
const FEWEST_CHECKS: usize = 3;

/// With fewer checked forecasts than this, or than a year's periods, the evidence is thin: the best
/// method is combined half and half with the benchmark, whose errors early in a history often include a
/// first year unlike the rest.
const THIN_EVIDENCE: usize = 4;

/// How many checked forecasts the models' own spread counts as when it is mixed with the spread of the
/// errors in the check: a few, so a short check cannot make the interval implausibly narrow.
const MODEL_SPREAD_WORTH: f64 = 6.0;

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

    /// The same kind of reach, `periods` ahead.
    pub const fn with_periods(self, periods: usize) -> Self {
        match self {
            Reach::Point(_) => Reach::Point(periods),
            Reach::Sum(_) => Reach::Sum(periods),
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
    /// Its errors (actual − forecast) in the check, oldest first.
    pub errors: Vec<f64>,
    /// Its complexity factor, (n + k) / (n − k): how much its errors on the history it was fitted to
    /// understate its errors to come, as a ratio of variances.
    pub complexity: f64,
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
    /// How far ahead the check looked: the reach asked for, or the nearest shorter one the history
    /// allows three forecasts of.
    pub checked_reach: Reach,
}

impl Choice {
    /// The combined forecast `reach` ahead: each method's forecast, weighted. Where the check looked
    /// the same distance ahead, the interval is the forecast ± z·σ, σ² mixing the variance of the
    /// combination's own errors in the check (times the methods' complexity factors, weighted) with the
    /// variance the models' own intervals imply, the latter counting as [`MODEL_SPREAD_WORTH`] checked
    /// forecasts; otherwise it is the methods' interval bounds, weighted.
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
        if reach == self.checked_reach {
            let model_spread = (combined.interval_95.1 - combined.interval_95.0) / (2.0 * Z_95);
            let checked = self.checked as f64;
            let spread = ((checked * self.check_variance()
                + MODEL_SPREAD_WORTH * model_spread * model_spread)
                / (checked + MODEL_SPREAD_WORTH))
                .sqrt();
            let around = |z: f64| (combined.value - z * spread, combined.value + z * spread);
            if spread.is_finite() {
                combined.interval_80 = around(Z_80);
                combined.interval_95 = around(Z_95);
            }
        }
        combined
    }

    /// The mean square of the combination's errors in the check, times the methods' complexity
    /// factors (weighted).
    fn check_variance(&self) -> f64 {
        let combined_error = |i: usize| -> f64 {
            self.methods
                .iter()
                .map(|m| m.weight * m.errors.get(i).copied().unwrap_or(f64::NAN))
                .sum()
        };
        let mean_square = (0..self.checked)
            .map(|i| combined_error(i).powi(2))
            .sum::<f64>()
            / self.checked as f64;
        let complexity: f64 = self.methods.iter().map(|m| m.weight * m.complexity).sum();
        mean_square * complexity
    }
}

/// The two methods with the smallest scaled error forecasting the recent past `reach` ahead (or, when
/// the history is too short for three such forecasts, the nearest shorter reach it allows, at least
/// half as far), fitted to `values` (one per period, oldest first, seasons of `season_length`) and
/// weighted; `None` when the history is too short to check any method on three forecasts that far.
pub fn choose(values: &[f64], season_length: usize, reach: Reach) -> Option<Choice> {
    let nearest = reach.periods().div_ceil(2).max(1);
    let (checked_reach, window) = (nearest..=reach.periods()).rev().find_map(|periods| {
        let shorter = reach.with_periods(periods);
        Some((shorter, check_window(values.len(), season_length, shorter)?))
    })?;
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
            let errors = check_errors(values, &fitted, checked_reach, window.clone());
            let complexity = (n + k) / (n - k);
            let score = recent_weighted_mean(&errors) * complexity.sqrt();
            score.is_finite().then_some((
                score,
                ChosenMethod {
                    method,
                    fitted,
                    score,
                    weight: 0.0,
                    errors,
                    complexity,
                },
            ))
        })
        .collect();
    // The two smallest, found in order without a sort (a sort's code is large in the browser's
    // download); the simpler method, tried first, keeps a tie. On thin evidence the benchmark is the
    // second.
    let thin = checked < season_length.max(THIN_EVIDENCE);
    let benchmark = if season_length > 1 && values.len() > season_length {
        Method::SeasonalNaive
    } else {
        Method::Naive
    };
    let mut best_two: Vec<(f64, ChosenMethod)> = Vec::with_capacity(2);
    for _ in 0..2 {
        let best_is_other = best_two.first().is_some_and(|(_, m)| m.method != benchmark);
        let benchmark_at = scored.iter().position(|(_, m)| m.method == benchmark);
        if let (true, true, Some(i)) = (thin, best_is_other, benchmark_at) {
            best_two.push(scored.remove(i));
            continue;
        }
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
        .map(|(scaled, _)| {
            if first == 0.0 || thin {
                1.0
            } else {
                1.0 / scaled
            }
        })
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
        checked_reach,
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
        let start = States {
            level: values[0],
            trend: 0.0,
            seasonal: vec![0.0],
        };
        found.push((
            Method::Naive,
            Fitted::fixed(values, Model::naive(), &start, 1),
        ));
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
        // The interval is centred on the combined forecast, the 80 % one inside the 95 % one.
        let centre = (outlook.interval_95.0 + outlook.interval_95.1) / 2.0;
        assert!((centre - outlook.value).abs() < 1e-9);
        assert!(outlook.interval_80.0 > outlook.interval_95.0);
        assert!(outlook.interval_80.1 < outlook.interval_95.1);
    }

    /// A choice of naive alone over 10, 12, 11, 13 (one-step errors 2, −1, 2: σ² = 9 / 3 = 3), with the
    /// given errors in a check that looked `checked_reach` ahead.
    fn naive_choice(errors: Vec<f64>, checked_reach: Reach) -> Choice {
        let start = States {
            level: 10.0,
            trend: 0.0,
            seasonal: vec![0.0],
        };
        let fitted = Fitted::fixed(&[10.0, 12.0, 11.0, 13.0], Model::naive(), &start, 1).unwrap();
        Choice {
            checked: errors.len(),
            methods: vec![ChosenMethod {
                method: Method::Naive,
                fitted,
                score: 1.0,
                weight: 1.0,
                errors,
                complexity: 1.5,
            }],
            tried: 1,
            checked_reach,
        }
    }

    #[test]
    fn the_interval_mixes_the_errors_in_the_check_with_the_models_spread() {
        // Checked two ahead with errors 1, −2, 2: mean square 9 / 3 = 3, times the complexity factor 1.5
        // = 4.5. The model's two-step variance is σ² × 2 = 6. Mixed, the model counting as six checked
        // forecasts: (3 × 4.5 + 6 × 6) / (3 + 6) = 49.5 / 9 = 5.5, σ = √5.5 = 2.345208. Naive forecasts
        // the last value, 13: 95 % interval 13 ± 1.959964 × 2.345208 = 13 ± 4.596524.
        let outlook = naive_choice(vec![1.0, -2.0, 2.0], Reach::Point(2)).outlook(Reach::Point(2));
        assert!((outlook.value - 13.0).abs() < 1e-12);
        assert!(
            (outlook.interval_95.0 - (13.0 - 4.596524)).abs() < 1e-5,
            "{outlook:?}"
        );
        assert!(
            (outlook.interval_95.1 - (13.0 + 4.596524)).abs() < 1e-5,
            "{outlook:?}"
        );
        // 80 %: 13 ± 1.281552 × 2.345208 = 13 ± 3.005506.
        assert!(
            (outlook.interval_80.1 - (13.0 + 3.005506)).abs() < 1e-5,
            "{outlook:?}"
        );
        // Checked only one ahead: the model's own interval, 13 ± 1.959964 × √6 = 13 ± 4.800904.
        let outlook = naive_choice(vec![1.0, -2.0, 2.0], Reach::Point(1)).outlook(Reach::Point(2));
        assert!(
            (outlook.interval_95.1 - (13.0 + 4.800904)).abs() < 1e-5,
            "{outlook:?}"
        );
    }

    #[test]
    fn a_reach_too_far_for_the_history_is_checked_at_the_nearest_it_allows() {
        // 24 months, 12 ahead: forecasts from origin 11 (after a full season) reach value 23 only, one
        // forecast; 10 ahead, origins 11 to 13 reach values 21 to 23: three, enough.
        let values: Vec<f64> = (0..24)
            .map(|t| 100.0 + (t % 12) as f64 + 0.5 * t as f64)
            .collect();
        let choice = choose(&values, 12, Reach::Point(12)).unwrap();
        assert_eq!(choice.checked_reach, Reach::Point(10));
        assert_eq!(choice.checked, 3);
        // Never nearer than half way: 15 months, 9 ahead would need a check 1 ahead, too near.
        assert!(choose(&values[..15], 12, Reach::Sum(9)).is_none());
    }

    #[test]
    fn on_thin_evidence_the_best_is_combined_half_and_half_with_the_benchmark() {
        // 30 months of a steady rise with a small season, 6 ahead: origins 11 to 23, 13 forecasts, is
        // not thin; 24 months: origins 11 to 17, 7 forecasts, is. A trend method forecasts the rise
        // best, and seasonal naive (the benchmark) takes the other half.
        let values: Vec<f64> = (0..30)
            .map(|t| 100.0 + 2.0 * t as f64 + [0.0, 1.0, -1.0][t % 3])
            .collect();
        let thin = choose(&values[..24], 12, Reach::Point(6)).unwrap();
        assert_eq!(thin.checked, 7);
        assert_eq!(thin.methods[1].method, Method::SeasonalNaive);
        assert_eq!((thin.methods[0].weight, thin.methods[1].weight), (0.5, 0.5));
        let enough = choose(&values, 12, Reach::Point(6)).unwrap();
        assert_eq!(enough.checked, 13);
        assert!(
            enough.methods[0].weight > 0.5,
            "{:?}",
            enough.methods[0].weight
        );
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
