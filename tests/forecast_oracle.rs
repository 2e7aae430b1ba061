//! The app's exponential smoothing against statsmodels as an independent oracle.
//!
//! `tests/fixtures/forecast/oracle.json` was made once by `benches/forecast/make_fixtures.py` (statsmodels
//! 0.15.0; its `how_made` says exactly how): for two series and three models with fixed parameters, the
//! heuristic starting states, the one-step fitted values, the sum of squared errors, the forecasts 1–12
//! ahead and their 80 % and 95 % intervals; and the heuristic starting states on prefixes of two series.
//! The app must agree to within 1e-9 relative (states, fitted values, forecasts) and 1e-7 (intervals).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use pmf::domain::maths::forecast::fitted::Fitted;
use pmf::domain::maths::forecast::initial_states::heuristic_states;
use pmf::domain::maths::forecast::smoothing::{Form, Model, Parameters, TrendForm};
use serde_json::Value;

fn fixture() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forecast/oracle.json");
    serde_json::from_str(&fs::read_to_string(path).expect("the oracle fixture")).expect("JSON")
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_f64().expect("a number"))
        .collect()
}

fn assert_close(found: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (found - expected).abs() <= tolerance * (1.0 + expected.abs()),
        "{what}: the app gives {found}, statsmodels {expected}"
    );
}

fn form_of(model: &str) -> Form {
    match model {
        "hw_damped_additive" => Form {
            trend: TrendForm::Damped,
            season_length: 12,
        },
        "holt_damped" => Form {
            trend: TrendForm::Damped,
            season_length: 1,
        },
        "ses" => Form {
            trend: TrendForm::None,
            season_length: 1,
        },
        other => panic!("an unknown model in the fixture: {other}"),
    }
}

#[test]
fn smoothing_agrees_with_statsmodels() {
    let oracle = fixture();
    let cases = oracle["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 6, "two series × three models");
    for case in cases {
        let name = format!("{} {}", case["series"], case["model"]);
        let data = numbers(&case["data"]);
        let form = form_of(case["model"].as_str().expect("a model name"));
        let given = &case["parameters"];
        let parameter = |key: &str, absent: f64| given[key].as_f64().unwrap_or(absent);
        let model = Model {
            form,
            parameters: Parameters {
                alpha: parameter("alpha", 0.0),
                beta: parameter("beta_error_correction", 0.0),
                gamma: parameter("gamma", 0.0),
                phi: parameter("phi", 1.0),
            },
        };
        let initial = heuristic_states(&data, form).expect("starting states");
        assert_close(
            initial.level,
            case["initial"]["level"].as_f64().expect("a level"),
            1e-9,
            &format!("{name}: starting level"),
        );
        if let Some(trend) = case["initial"]["trend"].as_f64() {
            assert_close(
                initial.trend,
                trend,
                1e-9,
                &format!("{name}: starting trend"),
            );
        }
        if case["initial"]["seasonal"].is_array() {
            // statsmodels lists the seasonal states oldest first: the first applies to data[0], as here.
            for (i, (found, expected)) in initial
                .seasonal
                .iter()
                .zip(numbers(&case["initial"]["seasonal"]))
                .enumerate()
            {
                assert_close(
                    *found,
                    expected,
                    1e-9,
                    &format!("{name}: seasonal state {i}"),
                );
            }
        }
        let mut fitted_values = Vec::new();
        model.filter(&data, &initial, |t, error, _| {
            fitted_values.push(data[t] - error)
        });
        for (t, (found, expected)) in fitted_values
            .iter()
            .zip(numbers(&case["fitted"]))
            .enumerate()
        {
            assert_close(*found, expected, 1e-9, &format!("{name}: fitted value {t}"));
        }
        let fitted = Fitted::fixed(&data, model, &initial, 0).expect("a fit");
        let n = data.len() as f64;
        assert_close(
            fitted.variance * n,
            case["sse"].as_f64().expect("an SSE"),
            1e-9,
            &format!("{name}: sum of squared errors"),
        );
        // statsmodels' σ² divides by n, as the app does.
        assert_eq!(case["sigma2_divisor"], "n");
        let forecasts = numbers(&case["forecast"]);
        let (low95, high95) = (
            numbers(&case["interval95"]["lower"]),
            numbers(&case["interval95"]["upper"]),
        );
        let (low80, high80) = (
            numbers(&case["interval80"]["lower"]),
            numbers(&case["interval80"]["upper"]),
        );
        for h in 1..=12 {
            let point = fitted.point(h);
            assert_close(
                point,
                forecasts[h - 1],
                1e-9,
                &format!("{name}: forecast h = {h}"),
            );
            let spread = fitted.point_spread(h);
            let what = |level: &str| format!("{name}: {level} interval h = {h}");
            assert_close(
                point - 1.959_964 * spread,
                low95[h - 1],
                1e-6,
                &what("95 %"),
            );
            assert_close(
                point + 1.959_964 * spread,
                high95[h - 1],
                1e-6,
                &what("95 %"),
            );
            assert_close(
                point - 1.281_552 * spread,
                low80[h - 1],
                1e-6,
                &what("80 %"),
            );
            assert_close(
                point + 1.281_552 * spread,
                high80[h - 1],
                1e-6,
                &what("80 %"),
            );
        }
    }
}

#[test]
fn the_heuristic_starting_states_agree_with_statsmodels_at_every_length() {
    let oracle = fixture();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/forecast/series");
    let mut compared = 0;
    for case in oracle["heuristic_cases"]
        .as_array()
        .expect("heuristic cases")
    {
        let series = case["series"].as_str().expect("a series name");
        let text = fs::read_to_string(root.join(format!("{series}.csv"))).expect("the series");
        let all: Vec<f64> = text
            .lines()
            .skip(1)
            .filter_map(|line| line.split(',').nth(1)?.parse().ok())
            .collect();
        let n = usize::try_from(case["n"].as_u64().expect("a length")).expect("a length");
        let data = &all[..n];
        for (key, form) in [
            (
                "seasonal_trend",
                Form {
                    trend: TrendForm::Damped,
                    season_length: 12,
                },
            ),
            (
                "trend_only",
                Form {
                    trend: TrendForm::Damped,
                    season_length: 1,
                },
            ),
        ] {
            let expected = &case[key];
            let found = heuristic_states(data, form);
            if expected.get("error").is_some() {
                assert!(
                    found.is_none(),
                    "{series}[..{n}] {key}: statsmodels refuses"
                );
                continue;
            }
            let found = found.unwrap_or_else(|| panic!("{series}[..{n}] {key}: no states"));
            let what = |part: &str| format!("{series}[..{n}] {key}: {part}");
            assert_close(
                found.level,
                expected["level"].as_f64().unwrap(),
                1e-9,
                &what("level"),
            );
            assert_close(
                found.trend,
                expected["trend"].as_f64().unwrap(),
                1e-9,
                &what("trend"),
            );
            if expected["seasonal"].is_array() {
                for (f, e) in found.seasonal.iter().zip(numbers(&expected["seasonal"])) {
                    assert_close(*f, e, 1e-9, &what("seasonal"));
                }
            }
            compared += 1;
        }
    }
    assert!(compared >= 30, "only {compared} comparisons");
}
