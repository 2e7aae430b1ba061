//! The "skip to main content" link, the first stop for keyboard users (WCAG 2.4.1).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The `id` of the `<main>` element the skip link jumps to.
pub const MAIN_CONTENT_ID: &str = "main-content";

/// A link, visible when focused, that moves focus past the navigation to the main content.
///
/// The router treats every same-origin link as a page change, so the click moves focus itself
/// (and prevents the default, which the router then leaves alone).
#[component]
pub fn SkipLink() -> impl IntoView {
    let focus_main = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        if let Some(main) = document().get_element_by_id(MAIN_CONTENT_ID) {
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    view! {
        <a
            class="app-skip-link"
            href=format!("#{MAIN_CONTENT_ID}")
            data-testid="skip-link"
            on:click=focus_main
        >
            "Skip to main content"
        </a>
    }
}
