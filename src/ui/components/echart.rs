//! An ECharts chart from a pure `charming::Chart`: initialised once the element exists and ECharts has loaded
//! (on first use, see `echarts_script`), updated when the chart changes, resized with the window, and
//! disposed with the component. The chart's options are worked out by a module fetched with the first chart
//! (`chart_option`), so the first page does not wait for that code. The chart is decorative for assistive
//! technology (its summary is its label); the table beside it carries the data.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::chart_option::chart_option;
use super::echarts_script::echarts_ready;

#[wasm_bindgen]
extern "C" {
    /// A chart ECharts has drawn.
    #[wasm_bindgen(js_name = echarts)]
    type Echarts;

    /// Draws an empty chart in `element`, `options.height` pixels tall.
    #[wasm_bindgen(js_namespace = echarts, js_name = init, catch)]
    fn init(
        element: &web_sys::Element,
        theme: JsValue,
        options: &JsValue,
    ) -> Result<Echarts, JsValue>;

    /// Sets what the chart shows.
    #[wasm_bindgen(method, js_name = setOption, catch)]
    fn set_option(this: &Echarts, option: &JsValue) -> Result<(), JsValue>;

    /// Fits the chart to its element again.
    #[wasm_bindgen(method)]
    fn resize(this: &Echarts);
}

/// A chart drawn in the element with `id`, `height` pixels tall.
fn draw(id: &str, height: u32) -> Option<Echarts> {
    let element = web_sys::window()?.document()?.get_element_by_id(id)?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(
        &options,
        &JsValue::from_str("height"),
        &JsValue::from(height),
    )
    .ok()?;
    init(&element, JsValue::NULL, &options).ok()
}

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
    // The chart is read in place by `chart_option`, never cloned: a chart's options are large, and cloning them
    // is code too. Each change is worked out in a task of its own; a later change makes an earlier one stop.
    let latest = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let ready = library_ready.get();
        chart.track();
        if !ready {
            return;
        }
        let this = latest.get_value() + 1;
        latest.set_value(this);
        spawn_local(async move {
            let option = chart_option(chart).await;
            if latest.try_get_value() != Some(this) {
                return;
            }
            let shown = option.and_then(|option| {
                if instance.with_value(Option::is_none) {
                    let echarts = draw(id, height).ok_or("ECharts could not start")?;
                    if let Some(handler) = on_click {
                        click_listener.set_value(listen_for_clicks(&echarts, handler));
                    }
                    instance.set_value(Some(echarts));
                }
                instance.with_value(|echarts| match echarts {
                    Some(echarts) => echarts
                        .set_option(&option)
                        .map_err(|_| "ECharts refused the chart's options"),
                    None => Err("ECharts could not start"),
                })
            });
            if let Err(why) = shown {
                failure.set(Some(format!(
                    "The chart could not be drawn ({why}); the table below has the same figures."
                )));
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.with_value(|existing| {
            if let Some(echarts) = existing {
                echarts.resize();
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
