//! A labelled one-line text field bound to a signal: the form row every editing form uses.

use leptos::prelude::*;

use super::field_row::{Around, Input, field_row, input};

/// How wide a one-line field is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Width {
    /// As wide as the form.
    #[default]
    Full,
    /// About a name's width.
    Medium,
    /// About a figure's width.
    Short,
}

impl Width {
    /// The input's classes.
    pub(super) fn classes(self) -> &'static str {
        match self {
            Self::Full => "app-input",
            Self::Medium => "app-input app-input--medium",
            Self::Short => "app-input app-input--short",
        }
    }
}

/// A text input with its label; `id` is also its test id. `inputmode` and `autocomplete` are passed to the
/// browser (a figure's keypad, a person's name).
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] width: Width,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let text = Input {
        kind: "text",
        class: width.classes(),
        inputmode,
        autocomplete,
        ..Input::default()
    };
    field_row(id, Around::field(label, hint, error), |described| {
        input(id, text, value, described)
    })
}
