//! Letting the browser paint between the steps of long work, so progress shows and input is handled.

use wasm_bindgen_futures::JsFuture;

/// Resolves on the next turn of the browser's event loop (after it has had the chance to paint).
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            // A window that cannot set a timer cannot paint either: carry on at once.
            if window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
            {
                return;
            }
        }
        let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
    });
    // The promise only ever resolves.
    let _ = JsFuture::from(promise).await;
}
