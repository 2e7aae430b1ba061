//! An ECharts chart from a pure `charming::Chart`: initialised once the element exists, updated when the
//! chart changes, resized with the window, and disposed with the component. The chart is decorative for
//! assistive technology (its summary is its label); the table beside it carries the data.

use charming::WasmRenderer;
use charming::renderer::Echarts;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Frees the chart's canvas and listeners.
fn dispose(echarts: &Echarts) {
    let instance: &JsValue = echarts.as_ref();
    if let Ok(dispose) = js_sys::Reflect::get(instance, &JsValue::from_str("dispose"))
        && let Some(dispose) = dispose.dyn_ref::<js_sys::Function>()
    {
        // Disposing a chart that is already gone throws; there is nothing left to free then.
        let _ = dispose.call0(instance);
    }
}

/// A chart in a `div` with `id`, `height` pixels tall, described by `summary`.
#[component]
pub fn EChart(
    /// The element id (unique on the page).
    id: &'static str,
    /// The chart.
    chart: Signal<charming::Chart>,
    /// One sentence that says what the chart shows.
    summary: Signal<String>,
    /// Height in pixels.
    height: u32,
) -> impl IntoView {
    let instance = StoredValue::new_local(None::<Echarts>);
    let failure = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let option = chart.get();
        let updated = instance.with_value(|existing| {
            existing
                .as_ref()
                .map(|echarts| WasmRenderer::update(echarts, &option))
                .is_some()
        });
        if !updated {
            match WasmRenderer::new_opt(None, Some(height)).render(id, &option) {
                Ok(echarts) => instance.set_value(Some(echarts)),
                Err(error) => failure.set(Some(format!("The chart could not be drawn ({error:?}); the table below has the same figures."))),
            }
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.with_value(|existing| {
            if let Some(echarts) = existing {
                echarts.resize(JsValue::UNDEFINED);
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        if let Some(echarts) = instance.try_update_value(Option::take).flatten() {
            dispose(&echarts);
        }
    });
    view! {
        <figure class="app-chart">
            <div id=id class="app-chart__canvas" style=format!("height: {height}px") role="img" aria-label=move || summary.get() data-testid="chart"></div>
            <figcaption class="app-chart__caption" data-testid="chart-summary">{move || summary.get()}</figcaption>
            {move || failure.get().map(|message| view! { <p class="app-error-text" role="alert">{message}</p> })}
        </figure>
    }
}
