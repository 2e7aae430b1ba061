//! Undo the last import: the workspace as it was before the last replace, merge or CSV import.

use leptos::prelude::*;

use crate::ui::state::use_app_state;

/// Undo the last import, when there is one.
#[component]
pub fn UndoImport() -> impl IntoView {
    let state = use_app_state();
    let can_undo = move || state.session.with(|s| s.restore_point().is_some());
    let message = RwSignal::new(None::<&'static str>);
    let undo = move |_| {
        let undone = state
            .session
            .try_update(|s| s.undo_import())
            .unwrap_or(false);
        message.set(Some(if undone {
            "The last import was undone."
        } else {
            "There is no import to undo."
        }));
    };
    view! {
        <section class="app-section" aria-labelledby="undo-heading">
            <h2 id="undo-heading">"Undo"</h2>
            <Show
                when=can_undo
                fallback=|| view! { <p>"There is no import to undo."</p> }
            >
                <p>"Your workspace as it was before the last import is kept."</p>
                <button type="button" class="app-button" data-testid="undo-import" on:click=undo>
                    "Undo last import"
                </button>
            </Show>
            {move || message.get().map(|m| view! { <p role="status" data-testid="undo-message">{m}</p> })}
        </section>
    }
}
