//! A labelled one-line text field bound to a signal: the form row every editing form uses.

use leptos::prelude::*;

/// A text input with its label; `id` is also its test id.
#[component]
pub fn TextField(id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="app-field">
            <label class="app-label" for=id>{label}</label>
            <input id=id class="app-input" type="text" data-testid=id
                prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e)) />
        </div>
    }
}
