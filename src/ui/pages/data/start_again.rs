//! Starting again: the demo council or an empty workspace, both kept undoable like an import.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::basics::period::FinancialYear;
use crate::domain::model::framework::Framework;
use crate::domain::model::workspace::Workspace;
use crate::ui::demo_on_demand::demo_on_demand;
use crate::ui::state::use_app_state;

/// Reset to the demo council or start empty (both can be undone like an import).
#[component]
pub fn StartAgain() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<&'static str>);
    let replace_with = move |workspace: Workspace, done: &'static str| {
        state.session.update(|s| s.replace(workspace));
        message.set(Some(done));
    };
    let today = move || Utc::now().date_naive();
    let empty = move || {
        let year = FinancialYear::containing(today())
            .unwrap_or_else(|| FinancialYear::starting(2024).expect("a supported year"));
        Workspace::new(Framework::new("Your council", year))
    };
    view! {
        <section class="app-section" aria-labelledby="start-heading">
            <h2 id="start-heading">"Start again"</h2>
            <p>"Either choice keeps your current workspace, so you can undo it."</p>
            <div class="app-button-group">
                <button
                    type="button"
                    class="app-button app-button--secondary"
                    data-testid="reset-demo"
                    on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            replace_with(demo_on_demand(today()).await, "The demo council is loaded.");
                        });
                    }
                >
                    "Reset to the demo council"
                </button>
                <button
                    type="button"
                    class="app-button app-button--secondary"
                    data-testid="start-empty"
                    on:click=move |_| replace_with(empty(), "You have an empty workspace.")
                >
                    "Start with an empty workspace"
                </button>
            </div>
            {move || message.get().map(|m| view! { <p role="status" data-testid="start-message">{m}</p> })}
        </section>
    }
}
