//! ECharts loads on first use, so pages without a chart (the scorecard, the data page…) never wait for it.
//! `index.html` names the bundle in an inert `<script id="echarts-bundle" type="text/x-echarts">`: Trunk
//! hashes it and adds its integrity, the service worker keeps it for offline use, and the browser neither
//! fetches nor runs it. The first chart copies its address and integrity into a real script element.

use std::cell::RefCell;

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The inert element that names the bundle.
const BUNDLE_ID: &str = "echarts-bundle";

thread_local! {
    /// The load under way or done, shared by every chart on the page.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Whether the ECharts global is there: without it the renderer would throw instead of returning an error.
fn echarts_defined() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("echarts")).unwrap_or(false)
}

/// Adds the bundle's script element; the promise settles when it has run or failed to load.
fn start_loading() -> Promise {
    Promise::new(&mut |resolve, reject| {
        let added = (|| {
            let document = web_sys::window()?.document()?;
            let bundle = document.get_element_by_id(BUNDLE_ID)?;
            let script = document.create_element("script").ok()?;
            for name in ["src", "integrity"] {
                if let Some(value) = bundle.get_attribute(name) {
                    script.set_attribute(name, &value).ok()?;
                }
            }
            script
                .add_event_listener_with_callback("load", &resolve)
                .ok()?;
            script
                .add_event_listener_with_callback("error", &reject)
                .ok()?;
            document.head()?.append_child(&script).ok()
        })();
        if added.is_none() {
            // No bundle on this page (the browser tests' pages have none) or no document to add it to.
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("no ECharts bundle"));
        }
    })
}

/// Resolves once ECharts is ready, loading it the first time; false when it cannot be loaded (offline
/// before the first visit finished, or a page without the bundle). A failed load is tried again next time.
pub async fn echarts_ready() -> bool {
    if echarts_defined() {
        return true;
    }
    let loading = LOADING.with(|slot| slot.borrow_mut().get_or_insert_with(start_loading).clone());
    let loaded = JsFuture::from(loading).await.is_ok() && echarts_defined();
    if !loaded {
        LOADING.with(|slot| slot.borrow_mut().take());
    }
    loaded
}
