//! A chart's options as the JavaScript object ECharts takes, worked out from a `charming::Chart`. The code that
//! turns every kind of chart into that object is large (about 60 KB before compression, most of it charming's
//! serialisation), and only pages with a chart need it, so it is a module of its own, fetched with the first
//! chart, while ECharts itself loads (`echarts_script`).
//!
//! With the cargo feature `split` this is a Leptos `#[lazy]` function, which `.ci/split-wasm.mjs` puts in its
//! own module; without it (the wasm-bindgen-test tier) the same work is done directly.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The options of the chart in `chart`, or why they could not be made, in words.
#[cfg(feature = "split")]
#[leptos::lazy]
pub async fn chart_option(chart: Signal<charming::Chart>) -> Result<JsValue, &'static str> {
    option_of(chart)
}

/// The options of the chart in `chart`, or why they could not be made, in words.
#[cfg(not(feature = "split"))]
pub async fn chart_option(chart: Signal<charming::Chart>) -> Result<JsValue, &'static str> {
    option_of(chart)
}

fn option_of(chart: Signal<charming::Chart>) -> Result<JsValue, &'static str> {
    chart
        .try_with_untracked(serde_wasm_bindgen::to_value)
        .ok_or("the chart is no longer on the page")?
        .map_err(|_| "its options could not be made")
}
