//! The result of a change a form asked for, under the form: a status message when it was made, an alert
//! with the reason when it was refused.

use leptos::prelude::*;

/// What a form's last change came to: `Ok` with what was done, `Err` with why not; `None` before any.
pub type Outcome = Option<Result<String, String>>;

/// Shows `outcome`, announced politely when done and at once when refused.
#[component]
pub fn OutcomeMessage(outcome: RwSignal<Outcome>, test_id: &'static str) -> impl IntoView {
    move || {
        outcome.get().map(|result| match result {
            Ok(text) => {
                view! { <div class="app-notice" role="status" data-testid=test_id>{text}</div> }
                    .into_any()
            }
            Err(text) => {
                view! { <p class="app-error-text" role="alert" data-testid=test_id>{text}</p> }
                    .into_any()
            }
        })
    }
}
