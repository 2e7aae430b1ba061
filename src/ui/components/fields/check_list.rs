//! A labelled group of checkboxes bound to the list of values ticked: the ambitions a KPI serves, the
//! committees it goes to.

use leptos::prelude::*;

use super::select::Choice;

/// A fieldset with `legend` and a checkbox for each of `choices` (each with the test id `test_id`), ticked
/// when its value is in `chosen`; ticking adds it, unticking takes it out. `error`, when there is one, is shown
/// under the legend, with the id `{id}-error`, and the first checkbox has the id `id` for the error summary to
/// link to.
#[component]
pub fn CheckList(
    id: &'static str,
    #[prop(into)] legend: TextProp,
    #[prop(into)] choices: Signal<Vec<Choice>>,
    chosen: RwSignal<Vec<String>>,
    test_id: &'static str,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let problem = move || error.and_then(|e| e.get());
    view! {
        <fieldset class="app-conflict" class:app-field--error=move || problem().is_some()
            aria-describedby=move || problem().map(|_| format!("{id}-error"))>
            <legend>{move || legend.get()}</legend>
            {move || problem().map(|message| view! {
                <p class="app-field-error" id=format!("{id}-error")>
                    <span class="app-visually-hidden">"Error: "</span>{message}
                </p>
            })}
            {move || choices.get().into_iter().enumerate().map(|(at, (value, label))| {
                let ticked = value.clone();
                let toggled = value.clone();
                view! {
                    <label class="app-check">
                        <input type="checkbox" value=value data-testid=test_id id=(at == 0).then_some(id)
                            prop:checked=move || chosen.with(|c| c.contains(&ticked))
                            on:change=move |_| chosen.update(|c| {
                                if let Some(at) = c.iter().position(|x| x == &toggled) {
                                    c.remove(at);
                                } else {
                                    c.push(toggled.clone());
                                }
                            }) />
                        " " {label}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
