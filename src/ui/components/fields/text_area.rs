//! A labelled box for a few lines of text (commentary, findings, a list typed one a line), bound to a signal.

use leptos::prelude::*;

use super::field_row::{Around, field_row};

/// A text area `rows` lines high, with its label; `id` is also its test id.
#[component]
pub fn TextArea(
    id: &'static str,
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    rows: u8,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    field_row(id, Around::field(label, hint, error), |described| {
        view! {
            <textarea id=id class="app-textarea" rows=rows data-testid=id
                aria-describedby=described.by aria-invalid=described.invalid
                prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))></textarea>
        }
        .into_any()
    })
}
