//! How well the app's forecasts do on real and generated monthly series: a rolling-origin backtest.
//!
//! Run with `cargo bench --bench forecast_backtest`. For every series in `benches/forecast/series/`
//! (sources in `benches/forecast/SOURCES.md`) it forecasts 3, 6 and 12 months ahead from many origins
//! with the app's own `forecast_ahead` (as the KPI page calls it for a snapshot KPI), and with the
//! naive and seasonal naive benchmarks, then prints MASE, MAPE and the 80 % / 95 % interval coverage
//! beside statsmodels' damped Holt–Winters and ETS(A,Ad,A) from `benches/forecast/baseline_statsmodels.csv`
//! (made once by `benches/forecast/make_fixtures.py` under the same protocol).
//!
//! Protocol: m = 12; origins o = 24, 24 + step, … ≤ n − 12 with step = ⌈(n − 35) / 60⌉; the training data
//! are the first o values; the target is value o + h − 1; MASE divides each absolute error by the
//! training data's in-sample seasonal-naive mean absolute error.
//! A benchmark, not a test: it asserts nothing and prints numbers for `docs/methods.md`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Instant;

use pmf::domain::maths::forecast::choice::Reach;
use pmf::domain::maths::forecast::forecast_ahead;

const SEASON: usize = 12;
const FIRST_ORIGIN: usize = 24;
const HORIZONS: [usize; 3] = [3, 6, 12];

/// One method's forecast of one target: the value and, where given, the 80 % and 95 % intervals.
struct Outcome {
    value: f64,
    interval_80: Option<(f64, f64)>,
    interval_95: Option<(f64, f64)>,
}

/// The running scores of one method on one series at one horizon.
#[derive(Default, Clone)]
struct Score {
    scaled_errors: f64,
    percentage_errors: f64,
    percentages: usize,
    inside_80: usize,
    inside_95: usize,
    with_interval: usize,
    forecasts: usize,
}

impl Score {
    fn add(&mut self, actual: f64, outcome: &Outcome, scale: f64) {
        let error = (actual - outcome.value).abs();
        self.scaled_errors += error / scale;
        if actual != 0.0 {
            self.percentage_errors += 100.0 * error / actual.abs();
            self.percentages += 1;
        }
        if let (Some(i80), Some(i95)) = (outcome.interval_80, outcome.interval_95) {
            self.with_interval += 1;
            self.inside_80 += usize::from(i80.0 <= actual && actual <= i80.1);
            self.inside_95 += usize::from(i95.0 <= actual && actual <= i95.1);
        }
        self.forecasts += 1;
    }

    fn mase(&self) -> f64 {
        self.scaled_errors / self.forecasts as f64
    }

    fn mape(&self) -> f64 {
        self.percentage_errors / self.percentages.max(1) as f64
    }

    fn coverage(&self) -> Option<(f64, f64)> {
        (self.with_interval > 0).then(|| {
            let n = self.with_interval as f64;
            (self.inside_80 as f64 / n, self.inside_95 as f64 / n)
        })
    }
}

fn read_series(path: &Path) -> Vec<f64> {
    fs::read_to_string(path)
        .expect("a series file")
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(1)?.trim().parse().ok())
        .collect()
}

/// statsmodels' scores: (series, method, h) → (MASE, cover80, cover95).
type Baseline = BTreeMap<(String, String, usize), (f64, Option<f64>, Option<f64>)>;

fn read_baseline(path: &Path) -> Baseline {
    let Ok(text) = fs::read_to_string(path) else {
        return Baseline::new();
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let (Some(series), Some(method), Some(h), Some(mase)) = (
        column("series"),
        column("method"),
        column("h"),
        column("mase"),
    ) else {
        return Baseline::new();
    };
    let (c80, c95) = (column("cover80"), column("cover95"));
    lines
        .filter_map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let share = |c: Option<usize>| c.and_then(|i| cells.get(i)?.parse().ok());
            Some((
                (
                    cells.get(series)?.to_string(),
                    cells.get(method)?.to_string(),
                    cells.get(h)?.parse().ok()?,
                ),
                (cells.get(mase)?.parse().ok()?, share(c80), share(c95)),
            ))
        })
        .collect()
}

/// The origins of the protocol for a series of `n` values.
fn origins(n: usize) -> Vec<usize> {
    let Some(last) = n.checked_sub(SEASON) else {
        return vec![];
    };
    if last < FIRST_ORIGIN {
        return vec![];
    }
    let count = last - FIRST_ORIGIN + 1;
    let step = count.div_ceil(60);
    (FIRST_ORIGIN..=last).step_by(step).collect()
}

/// The naive forecast h ahead, with σ√h intervals from the training data's one-step differences.
fn naive(train: &[f64], h: usize) -> Outcome {
    let steps: Vec<f64> = train.windows(2).map(|w| w[1] - w[0]).collect();
    let sigma = root_mean_square(&steps) * (h as f64).sqrt();
    around(*train.last().expect("training data"), sigma)
}

/// The seasonal naive forecast h ahead, with σ√(⌊(h − 1)/m⌋ + 1) intervals from the seasonal differences.
fn seasonal_naive(train: &[f64], h: usize) -> Outcome {
    let o = train.len();
    let differences: Vec<f64> = (SEASON..o).map(|t| train[t] - train[t - SEASON]).collect();
    let sigma = root_mean_square(&differences) * (((h - 1) / SEASON + 1) as f64).sqrt();
    around(train[o - SEASON + (h - 1) % SEASON], sigma)
}

fn root_mean_square(values: &[f64]) -> f64 {
    (values.iter().map(|v| v * v).sum::<f64>() / values.len() as f64).sqrt()
}

fn around(value: f64, sigma: f64) -> Outcome {
    Outcome {
        value,
        interval_80: Some((value - 1.281_552 * sigma, value + 1.281_552 * sigma)),
        interval_95: Some((value - 1.959_964 * sigma, value + 1.959_964 * sigma)),
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/forecast");
    let mut files: Vec<_> = fs::read_dir(root.join("series"))
        .expect("benches/forecast/series")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    let baseline = read_baseline(&root.join("baseline_statsmodels.csv"));
    // (method, h) → per-series scores.
    let mut all: BTreeMap<(&str, usize), Vec<(String, Score)>> = BTreeMap::new();
    let mut chosen: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut app_calls = 0u32;
    let mut app_time = std::time::Duration::ZERO;
    for file in &files {
        let name = file
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .to_string();
        let series = read_series(file);
        let mut scores: BTreeMap<(&str, usize), Score> = BTreeMap::new();
        for o in origins(series.len()) {
            let train = &series[..o];
            let scale = (SEASON..o)
                .map(|t| (train[t] - train[t - SEASON]).abs())
                .sum::<f64>()
                / (o - SEASON) as f64;
            for h in HORIZONS {
                let actual = series[o + h - 1];
                let started = Instant::now();
                let app = forecast_ahead(train, SEASON, Reach::Point(h));
                app_time += started.elapsed();
                app_calls += 1;
                let app = app.map_or_else(
                    || seasonal_naive(train, h),
                    |f| {
                        *chosen.entry(f.method.label()).or_default() += 1;
                        Outcome {
                            value: f.value,
                            interval_80: f.interval_80,
                            interval_95: f.interval,
                        }
                    },
                );
                for (method, outcome) in [
                    ("app", app),
                    ("naive", naive(train, h)),
                    ("snaive", seasonal_naive(train, h)),
                ] {
                    scores
                        .entry((method, h))
                        .or_default()
                        .add(actual, &outcome, scale);
                }
            }
        }
        for ((method, h), score) in scores {
            all.entry((method, h))
                .or_default()
                .push((name.clone(), score));
        }
    }
    println!(
        "Rolling-origin backtest, {} series, horizons {HORIZONS:?} months",
        files.len()
    );
    println!(
        "(MASE; app coverage of its 80 % / 95 % intervals; statsmodels from baseline_statsmodels.csv)\n"
    );
    for h in HORIZONS {
        println!("h = {h}");
        println!(
            "  {:<28} {:>7} {:>7} {:>9} {:>7} {:>7} {:>13} {:>7}",
            "series", "app", "naive", "snaive", "dampHW", "ETS", "app cover", "app/sn"
        );
        let rows = &all[&("app", h)];
        let mut means = [0.0f64; 5];
        for (i, (name, app)) in rows.iter().enumerate() {
            let naive = &all[&("naive", h)][i].1;
            let snaive = &all[&("snaive", h)][i].1;
            let statsmodels = |method: &str| {
                baseline
                    .get(&(name.clone(), method.to_owned(), h))
                    .map(|b| b.0)
            };
            let damped = statsmodels("damped_hw").unwrap_or(f64::NAN);
            let ets = statsmodels("ets_aada").unwrap_or(f64::NAN);
            let cover = app
                .coverage()
                .map_or_else(String::new, |(a, b)| format!("{a:.2} / {b:.2}"));
            let row = [app.mase(), naive.mase(), snaive.mase(), damped, ets];
            for (sum, value) in means.iter_mut().zip(row) {
                *sum += value / rows.len() as f64;
            }
            println!(
                "  {name:<28} {:>7.3} {:>7.3} {:>9.3} {:>7.3} {:>7.3} {cover:>13} {:>7.2}",
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[0] / row[2]
            );
        }
        let coverage: Vec<(f64, f64)> = rows.iter().filter_map(|(_, s)| s.coverage()).collect();
        let mean_cover = |pick: fn(&(f64, f64)) -> f64| {
            coverage.iter().map(pick).sum::<f64>() / coverage.len().max(1) as f64
        };
        println!(
            "  {:<28} {:>7.3} {:>7.3} {:>9.3} {:>7.3} {:>7.3} {:>13} {:>7.2}",
            "MEAN",
            means[0],
            means[1],
            means[2],
            means[3],
            means[4],
            format!("{:.2} / {:.2}", mean_cover(|c| c.0), mean_cover(|c| c.1)),
            means[0] / means[2]
        );
        let mape: f64 = rows.iter().map(|(_, s)| s.mape()).sum::<f64>() / rows.len() as f64;
        println!("  app mean MAPE {mape:.1} %");
        let behind: Vec<String> = rows
            .iter()
            .zip(&all[&("snaive", h)])
            .map(|((name, app), (_, snaive))| (name, app.mase() / snaive.mase()))
            .filter(|(_, ratio)| *ratio > 1.1)
            .map(|(name, ratio)| format!("{name} ({ratio:.3})"))
            .collect();
        println!(
            "  more than 10 % worse than seasonal naive: {}\n",
            if behind.is_empty() {
                "none".to_owned()
            } else {
                behind.join(", ")
            }
        );
    }
    println!("Methods the app chose (forecasts): {chosen:?}");
    println!(
        "Cost: {app_calls} forecasts in {:.1} ms, {:.0} µs each (native, release)",
        app_time.as_secs_f64() * 1e3,
        app_time.as_secs_f64() * 1e6 / f64::from(app_calls)
    );
}
