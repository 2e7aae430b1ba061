//! The document title, kept in step with the page shown (WCAG 2.4.2, page titled).

use leptos::prelude::*;

use crate::ui::state::use_app_state;

/// Sets `document.title` to "`page` – council name" while the calling page is shown.
pub fn use_page_title(page: &'static str) {
    let council = use_app_state().council_name();
    Effect::new(move |_| document().set_title(&format!("{page} – {}", council.get())));
}
