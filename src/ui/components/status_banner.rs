//! Banners about the workspace's safety: a failed save, a change made in another tab, and data that could
//! not be read at start-up. Never silent (see the Data issue: Excalidraw lost work to silent failures).

use leptos::prelude::*;

use crate::ui::area::Area;
use crate::ui::download::export_workspace;
use crate::ui::served_path::link;
use crate::ui::state::{SaveStatus, StartupNotice, use_app_state};

/// The banners, shown above the page when there is something to say.
#[component]
pub fn StatusBanner() -> impl IntoView {
    let state = use_app_state();
    let export = move |_| {
        let result = state
            .session
            .with_untracked(|s| export_workspace(s.current()));
        if let Err(error) = result {
            web_sys::console::error_1(&error.into());
        }
    };
    let reload = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        {move || match state.save_status.get() {
            SaveStatus::Failed(error) => Some(view! {
                <div class="app-banner app-banner--error" role="alert" data-testid="save-failed">
                    <p>{error.to_string()}</p>
                    <button type="button" class="app-button" on:click=export>"Export the workspace"</button>
                </div>
            }.into_any()),
            SaveStatus::PausedForOtherTab => Some(view! {
                <div class="app-banner app-banner--warning" role="alert" data-testid="changed-elsewhere">
                    <p>
                        "This workspace was changed in another tab. Saving here is paused so neither version is lost."
                    </p>
                    <div class="app-button-group">
                        <button type="button" class="app-button" on:click=reload>
                            "Load the other tab's version"
                        </button>
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| state.keep_this_version()>
                            "Keep this tab's version"
                        </button>
                        <button type="button" class="app-button app-button--secondary" on:click=export>
                            "Export this tab's version"
                        </button>
                    </div>
                </div>
            }.into_any()),
            SaveStatus::SavedWithoutUndo => Some(view! {
                <div class="app-banner app-banner--warning" role="status" data-testid="saved-without-undo">
                    <p>
                        "Your work is saved, but the browser's storage for this site has no room left for the copy                          kept to undo the last import. Undo last import works until you close or reload this page."
                    </p>
                </div>
            }.into_any()),
            SaveStatus::Saved | SaveStatus::Pending => None,
        }}
        {move || state.startup_notice.get().map(|notice| {
            let message = match notice {
                StartupNotice::Unreadable(error) => format!(
                    "Your saved workspace could not be read, so the demo council is shown. Nothing is lost: the \
                     saved data has been kept aside and can be downloaded from the Data page. ({error})"
                ),
                StartupNotice::StorageUnavailable(error) => error.to_string(),
            };
            view! {
                <div class="app-banner app-banner--warning" role="alert" data-testid="startup-notice">
                    <p>{message}</p>
                    <p><a href=link(&Area::Data.path())>"Go to the Data page"</a></p>
                </div>
            }
        })}
    }
}
