//! Saved data that could not be read, kept aside: download it for repair, or let it go.

use leptos::prelude::*;

use crate::storage::local::BrowserStore;
use crate::storage::stored_workspace::{discard_recovery, recovery};
use crate::ui::browser::download::{download_text, file_name};

/// Saved data that could not be read and was kept aside: download it or let it go.
#[component]
pub fn KeptAside() -> impl IntoView {
    let kept = RwSignal::new(recovery(&BrowserStore).ok().flatten());
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        if let Some(text) = kept.get_untracked() {
            let result = download_text(
                &file_name("unreadable", "workspace", "json"),
                "application/json",
                &text,
            );
            message.set(result.err().map(|e| format!("The download failed: {e}")));
        }
    };
    let discard = move |_| match discard_recovery(&mut BrowserStore) {
        Ok(()) => kept.set(None),
        Err(error) => message.set(Some(format!("It could not be deleted: {error}"))),
    };
    view! {
        <Show when=move || kept.with(Option::is_some)>
            <section class="app-section" aria-labelledby="kept-heading" data-testid="kept-aside">
                <h2 id="kept-heading">"Data kept aside"</h2>
                <p>
                    "A saved workspace could not be read. It has been kept exactly as it was, so you or a colleague \
                     can repair it."
                </p>
                <div class="app-button-group">
                    <button type="button" class="app-button" data-testid="download-kept" on:click=download>
                        "Download the unreadable data"
                    </button>
                    <button type="button" class="app-button app-button--secondary" on:click=discard>
                        "Delete it"
                    </button>
                </div>
                {move || message.get().map(|m| view! { <p class="app-error-text" role="alert">{m}</p> })}
            </section>
        </Show>
    }
}
