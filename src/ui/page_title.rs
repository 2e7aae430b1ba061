//! The document title, kept in step with the page shown (WCAG 2.4.2, page titled).

use leptos::prelude::*;

/// Sets `document.title` to "`page` – `council`" while the calling page is shown.
pub fn use_page_title(page: &'static str, council: &'static str) {
    Effect::new(move |_| document().set_title(&format!("{page} – {council}")));
}
