//! A labelled drop-down list: its choices (optionally in groups, optionally after a "none" choice), the value
//! shown, and what choosing does.

use leptos::prelude::*;

use super::field_row::{Around, field_row};
use crate::ui::address::value_code::code;

/// One choice: the value it stands for, and the words shown.
pub type Choice = (String, String);

/// A choice for each of `values`, each standing for its code (as the address and the file write it) and shown
/// in the words `words` gives it.
pub fn coded<T: serde::Serialize>(
    values: impl IntoIterator<Item = T>,
    words: impl Fn(&T) -> String,
) -> Vec<Choice> {
    values
        .into_iter()
        .map(|value| (code(&value).unwrap_or_default(), words(&value)))
        .collect()
}

/// The choices as options, the one matching `value` selected from the start.
fn options(choices: Vec<Choice>, value: Signal<String>) -> impl IntoView {
    let current = value.get_untracked();
    choices
        .into_iter()
        .map(|(choice, words)| {
            let selected = choice == current;
            view! { <option value=choice selected=selected>{words}</option> }
        })
        .collect_view()
}

/// A select with its label. `id` is also its test id unless `test_id` is given (a select repeated on every row of a
/// table has one test id and an id apiece). `none` is a first choice with the empty value ("All registers",
/// "Choose…"); `groups` follow `choices`, each under its heading. It shows `value` and choosing calls `on_change`
/// with the value chosen; or, given `bind`, it shows that signal and choosing sets it.
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] value: Signal<String>,
    #[prop(optional, into)] on_change: Option<Callback<String>>,
    #[prop(optional)] bind: Option<RwSignal<String>>,
    #[prop(optional, into)] choices: Signal<Vec<Choice>>,
    #[prop(optional)] none: Option<&'static str>,
    #[prop(optional)] groups: Vec<(&'static str, Signal<Vec<Choice>>)>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] label_hidden: bool,
    #[prop(optional)] test_id: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let around = Around {
        label_hidden,
        class: class.unwrap_or("app-field"),
        ..Around::field(label, hint, error)
    };
    let test_id = test_id.map_or_else(|| id.clone(), str::to_owned);
    let value = bind.map_or(value, Signal::from);
    let choose = move |chosen: String| match (bind, on_change) {
        (Some(bound), _) => bound.set(chosen),
        (None, Some(on_change)) => on_change.run(chosen),
        (None, None) => {}
    };
    let control_id = id.clone();
    field_row(&id, around, move |described| {
        view! {
            <select id=control_id class="app-select" data-testid=test_id aria-describedby=described.by aria-invalid=described.invalid
                prop:value=move || value.get() on:change=move |e| choose(event_target_value(&e))>
                {none.map(|words| view! { <option value="">{words}</option> })}
                {move || options(choices.get(), value)}
                {groups.into_iter().map(|(heading, choices)| view! {
                    <optgroup label=heading>{move || options(choices.get(), value)}</optgroup>
                }).collect_view()}
            </select>
        }
        .into_any()
    })
}
