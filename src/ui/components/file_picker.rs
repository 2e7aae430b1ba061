//! A file input that also takes a file dropped on it, for every import: the Data page's and a KPI's benchmarks.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled file input inside a drop zone; `on_file` gets the chosen or dropped file.
#[component]
pub fn FilePicker(
    /// The input's id (its label points at it).
    id: &'static str,
    /// What to choose, in words.
    label: &'static str,
    /// The `accept` attribute: extensions and media types.
    accept: &'static str,
    /// The `data-testid` of the input; the drop zone's is this with `-drop` after it.
    test_id: &'static str,
    /// Called with the file.
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let on_choose = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            on_file.run(file);
        }
        input.set_value("");
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        if let Some(file) = event
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|files| files.get(0))
        {
            on_file.run(file);
        }
    };
    view! {
        <div
            class="app-drop-zone"
            class:app-drop-zone--active=move || dragging.get()
            data-testid=format!("{test_id}-drop")
            on:dragover=move |event: leptos::ev::DragEvent| {
                event.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label class="app-label" for=id>{label}</label>
            <input id=id class="app-file-input" type="file" accept=accept data-testid=test_id on:change=on_choose />
        </div>
    }
}

/// The bytes of a chosen file, or the browser's reason it could not be read.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "the browser gave no reason".to_owned())
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
