//! An ECharts chart from a pure `charming::Chart`: initialised once the element exists and ECharts has loaded
//! (on first use, see `echarts_script`), updated when the chart changes, resized with the window, and
//! disposed with the component. The chart is decorative for assistive technology (its summary is its label);
//! the table beside it carries the data.

use charming::WasmRenderer;
use charming::renderer::Echarts;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::echarts_script::echarts_ready;

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

/// What a click event names: for a tree-like chart (a sunburst) the names from the centre down to the item;
/// otherwise the clicked item's value, each part as text (a heat-map cell: `[x, y, count, …]`).
fn clicked_path(params: &JsValue) -> Vec<String> {
    let field = |name: &str| js_sys::Reflect::get(params, &JsValue::from_str(name)).ok();
    if let Some(path) = field("treePathInfo").and_then(|p| p.dyn_into::<js_sys::Array>().ok()) {
        return path
            .iter()
            .filter_map(|step| {
                js_sys::Reflect::get(&step, &JsValue::from_str("name"))
                    .ok()?
                    .as_string()
            })
            .collect();
    }
    field("value")
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .map(|values| {
            values
                .iter()
                .filter_map(|v| v.as_f64().map(|n| n.to_string()).or_else(|| v.as_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// Calls `handler` on every click on `echarts`; the listener lives as long as the returned closure.
fn listen_for_clicks(
    echarts: &Echarts,
    handler: Callback<Vec<String>>,
) -> Option<Closure<dyn Fn(JsValue)>> {
    let instance: &JsValue = echarts.as_ref();
    let on = js_sys::Reflect::get(instance, &JsValue::from_str("on")).ok()?;
    let on = on.dyn_ref::<js_sys::Function>()?;
    let listener = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let path = clicked_path(&params);
        if !path.is_empty() {
            handler.run(path);
        }
    });
    on.call2(instance, &JsValue::from_str("click"), listener.as_ref())
        .ok()?;
    Some(listener)
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
    /// Called on a click with what it names (see `clicked_path`).
    #[prop(optional)]
    on_click: Option<Callback<Vec<String>>>,
) -> impl IntoView {
    let instance = StoredValue::new_local(None::<Echarts>);
    let click_listener = StoredValue::new_local(None::<Closure<dyn Fn(JsValue)>>);
    let failure = RwSignal::new(None::<String>);
    let library_ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if echarts_ready().await {
            library_ready.try_set(true);
        } else {
            failure.try_set(Some(
                "The chart could not be drawn (the charting library did not load); the table below has the same figures.".to_owned(),
            ));
        }
    });
    // The chart is read in place, never cloned: a chart's options are large, and cloning them is code too.
    Effect::new(move |_| {
        let ready = library_ready.get();
        chart.with(|option| {
            if !ready {
                return;
            }
            let updated = instance.with_value(|existing| {
                existing
                    .as_ref()
                    .map(|echarts| WasmRenderer::update(echarts, option))
                    .is_some()
            });
            if !updated {
                match WasmRenderer::new_opt(None, Some(height)).render(id, option) {
                    Ok(echarts) => {
                        if let Some(handler) = on_click {
                            click_listener.set_value(listen_for_clicks(&echarts, handler));
                        }
                        instance.set_value(Some(echarts));
                    }
                    Err(error) => failure.set(Some(format!("The chart could not be drawn ({error:?}); the table below has the same figures."))),
                }
            }
        });
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
        click_listener.set_value(None);
    });
    view! {
        <figure class="app-chart">
            <div id=id class="app-chart__canvas" style=format!("height: {height}px") role="img" aria-label=move || summary.get() data-testid="chart"></div>
            <figcaption class="app-chart__caption" data-testid="chart-summary">{move || summary.get()}</figcaption>
            {move || failure.get().map(|message| view! { <p class="app-error-text" role="alert">{message}</p> })}
        </figure>
    }
}
