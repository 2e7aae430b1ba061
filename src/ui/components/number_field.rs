//! A labelled whole-number field bound to a signal: the short numeric row of the settings forms.

use leptos::prelude::*;

/// A number input with its label, from `min` up to `max` if given; `id` is also its test id. The value stays
/// text, so the form can say what is wrong with whatever was typed.
#[component]
pub fn NumberField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    min: u32,
    #[prop(optional)] max: Option<u32>,
) -> impl IntoView {
    view! {
        <div class="app-field">
            <label class="app-label" for=id>{label}</label>
            <input id=id class="app-input app-input--short" type="number" min=min max=max inputmode="numeric" data-testid=id
                prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e)) />
        </div>
    }
}
