//! Banners about the workspace's safety: a failed save, a change made in another tab, and data that could
//! not be read at start-up. Never silent (see the Data issue: Excalidraw lost work to silent failures).

use leptos::prelude::*;

use crate::storage::merge::shown_whole;
use crate::storage::three_way_merge::FieldConflict;
use crate::ui::address::served_path::link;
use crate::ui::area::Area;
use crate::ui::browser::download::export_workspace;
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
    view! {
        {move || match state.save_status.get() {
            SaveStatus::Failed(error) => Some(view! {
                <div class="app-banner app-banner--error" role="alert" data-testid="save-failed">
                    <p>{error.to_string()}</p>
                    <div class="app-button-group">
                        <button type="button" class="app-button" on:click=export>"Export the workspace"</button>
                        <button type="button" class="app-button app-button--secondary" data-testid="save-retry"
                            on:click=move |_| state.save_now()>"Try to save again now"</button>
                    </div>
                </div>
            }.into_any()),
            SaveStatus::CannotMerge(problems) => Some(view! {
                <div class="app-banner app-banner--warning" role="alert" data-testid="changed-elsewhere">
                    <p>
                        "This workspace was changed in another tab in a way that cannot be combined with the \
                         changes made here, so neither is saved over the other yet. Choose which version to keep; \
                         export this tab's version first if you need both."
                    </p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                    <div class="app-button-group">
                        <button type="button" class="app-button" on:click=move |_| state.load_other_version()>
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
        <SaveConflicts />
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

/// The fields this tab and another changed differently: both values, and a choice for each.
#[component]
fn SaveConflicts() -> impl IntoView {
    let state = use_app_state();
    let row = move |(index, conflict): (usize, FieldConflict)| {
        view! {
            <li data-testid="save-conflict">
                <p><strong>{conflict.place()}</strong></p>
                <dl class="app-conflict__values">
                    <dt>"Kept"</dt>
                    <dd data-testid="conflict-kept">{shown_whole(&conflict.kept)}</dd>
                    <dt>"The other version"</dt>
                    <dd data-testid="conflict-other">{shown_whole(&conflict.other)}</dd>
                </dl>
                <div class="app-button-group">
                    <button type="button" class="app-button app-button--secondary" data-testid="conflict-use-other"
                        on:click=move |_| state.resolve_conflict(index, true)>"Use the other version"</button>
                    <button type="button" class="app-button app-button--secondary" data-testid="conflict-keep"
                        on:click=move |_| state.resolve_conflict(index, false)>"Keep this one"</button>
                </div>
            </li>
        }
    };
    move || {
        let conflicts = state.conflicts.get();
        (!conflicts.is_empty()).then(|| view! {
            <section class="app-banner app-banner--warning" role="alert" aria-labelledby="save-conflicts-heading"
                data-testid="save-conflicts">
                <h2 id="save-conflicts-heading">"Changed in two tabs at once"</h2>
                <p>
                    "These were changed differently in two tabs before either saw the other's change. One value \
                     is kept; nothing is lost until you choose."
                </p>
                <ul>{conflicts.into_iter().enumerate().map(row).collect_view()}</ul>
            </section>
        })
    }
}
