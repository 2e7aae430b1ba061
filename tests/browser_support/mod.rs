//! Shared helpers for the browser tests (compiled into each browser test crate with `mod`).
// Each browser test crate compiles this module and uses a different subset of it.
#![allow(dead_code)]

use leptos::mount::mount_to;
use leptos::prelude::view;
use pmf::ui::App;
use pmf::ui::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

/// The page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The page's local storage.
pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The workspace saved under `key`, read back the way the app reads it (unpacked, then restored).
pub fn saved_workspace(key: &str) -> Result<pmf::domain::model::workspace::Workspace, String> {
    let text = storage()
        .get_item(key)
        .unwrap()
        .ok_or_else(|| format!("nothing is saved under {key}"))?;
    let bytes = pmf::storage::packed::unpack(&text, usize::MAX).map_err(|e| e.to_string())?;
    pmf::storage::restore::restore(&bytes)
        .map(|restored| restored.workspace)
        .map_err(|e| e.to_string())
}

/// Waits `ms` milliseconds: one turn of polling in [`wait_until`].
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits until `condition` holds, checking every 20 ms; panics naming `what` after 10 seconds.
pub async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..500 {
        if condition() {
            return;
        }
        pause(20).await;
    }
    panic!("waited 10 s for {what}");
}

/// Saves `session` to local storage as a tab that has read nothing would, and returns what it did.
pub fn save_as_another_tab(
    session: &mut pmf::storage::session::Session,
) -> pmf::storage::stored_workspace::Synced {
    let mut copy = pmf::storage::stored_workspace::TabCopy::new();
    let mut store = pmf::storage::local::BrowserStore;
    // Reading first tells the copy the stored revision, so `session` is written over it, not merged.
    pmf::storage::stored_workspace::load(&mut store, &mut copy).expect("storage can be read");
    pmf::storage::stored_workspace::sync(
        &mut store,
        &mut copy,
        session,
        chrono::Utc::now(),
        "test",
        42,
    )
    .expect("the test's save succeeds")
}

/// Moves the browser to `path` (without loading), mounts the whole app in a fresh container and waits for
/// the first render. Dropping the returned guard unmounts the app and removes the container.
pub async fn mount_app_at(path: &str) -> MountedApp {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let state = AppState::load().await;
    let handle = mount_to(container.clone(), move || view! { <App state /> });
    leptos::task::tick().await;
    MountedApp {
        container,
        _handle: Box::new(handle),
    }
}

/// The app mounted by [`mount_app_at`].
pub struct MountedApp {
    container: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl MountedApp {
    /// The first element matching `selector`, if any.
    pub fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.container.query_selector(selector).unwrap()
    }

    /// The text of the first element matching `selector`, or a panic naming the selector.
    pub fn text_of(&self, selector: &str) -> String {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .text_content()
            .unwrap_or_default()
    }

    /// How many elements match `selector`.
    pub fn count(&self, selector: &str) -> u32 {
        self.container
            .query_selector_all(selector)
            .unwrap()
            .length()
    }

    /// The value of `attribute` on the first element matching `selector`.
    pub fn attribute_of(&self, selector: &str, attribute: &str) -> Option<String> {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .get_attribute(attribute)
    }

    /// Clicks the first element matching `selector` and lets the app react.
    pub async fn click(&self, selector: &str) {
        let element: HtmlElement = self
            .find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into();
        element.click();
        leptos::task::tick().await;
    }
}

impl Drop for MountedApp {
    fn drop(&mut self) {
        self.container.remove();
    }
}
