//! A labelled date field bound to a signal holding the date as the browser gives it (YYYY-MM-DD, or empty).

use leptos::prelude::*;

use super::field_row::{Around, Input, field_row, input};

/// A date input with its label; `id` is also its test id.
#[component]
pub fn DateField(
    id: &'static str,
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let date = Input {
        kind: "date",
        class: "app-input app-input--medium",
        ..Input::default()
    };
    field_row(id, Around::field(label, hint, error), |described| {
        input(id, date, value, described)
    })
}
