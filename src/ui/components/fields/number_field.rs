//! A labelled whole-number field bound to a signal: the short numeric row of the settings forms.

use leptos::prelude::*;

use super::field_row::{Around, Input, field_row, input};

/// A number input with its label, from `min` up to `max` if given; `id` is also its test id. The value stays
/// text, so the form can say what is wrong with whatever was typed.
#[component]
pub fn NumberField(
    id: &'static str,
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    min: u32,
    #[prop(optional)] max: Option<u32>,
) -> impl IntoView {
    let number = Input {
        kind: "number",
        class: "app-input app-input--short",
        inputmode: Some("numeric"),
        autocomplete: None,
        range: (Some(min), max),
    };
    field_row(id, Around::field(label, None, None), |described| {
        input(id, number, value, described)
    })
}
