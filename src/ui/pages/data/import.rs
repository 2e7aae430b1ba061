//! Importing a colleague's workspace file: choose or drop it, watch it being checked, see what it would
//! change and every conflict, then replace or merge. Nothing changes until the user confirms.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::conflicts::ConflictChooser;
use super::refused::ImportRefused;
use crate::storage::diff::{ItemRef, WorkspaceDiff, list_label};
use crate::storage::import_error::ImportError;
use crate::storage::merge::{Conflict, Side, compare};
use crate::storage::restore::{Restored, restore};
use crate::ui::browser::yield_now::yield_to_browser;
use crate::ui::components::data_table::{Column, DataTable, Row};
use crate::ui::components::file_picker::{FilePicker, read_bytes};
use crate::ui::state::use_app_state;

/// The steps of checking a file, as the progress bar counts them.
const STEPS: [&str; 3] = [
    "Reading the file",
    "Checking every item in it",
    "Comparing it with your workspace",
];

/// Where an import stands.
#[derive(Clone)]
enum ImportStep {
    /// Nothing chosen yet.
    Idle,
    /// Working on the chosen file: which of [`STEPS`] is under way.
    Working { name: String, step: usize },
    /// Read and valid: what it would change.
    /// (Shared, so showing the step does not copy the file's workspace.)
    Preview(Arc<Preview>),
    /// Refused: why.
    Refused { name: String, error: ImportError },
    /// Done: what was done.
    Done(String),
}

/// A valid file and what importing it would do.
#[derive(Clone)]
struct Preview {
    name: String,
    restored: Restored,
    changes: WorkspaceDiff,
    conflicts: Vec<Conflict>,
}

/// The import section of the Data page.
#[component]
pub fn ImportWorkspace() -> impl IntoView {
    let state = use_app_state();
    let step = RwSignal::new(ImportStep::Idle);
    let open = Callback::new(move |file: web_sys::File| {
        let name = file.name();
        step.set(ImportStep::Working {
            name: name.clone(),
            step: 0,
        });
        spawn_local(async move {
            let bytes = read_bytes(&file).await;
            step.set(ImportStep::Working {
                name: name.clone(),
                step: 1,
            });
            yield_to_browser().await;
            let restored = bytes
                .map_err(|reason| ImportError::NotAWorkspace {
                    reason: format!("the browser could not read it ({reason})"),
                })
                .and_then(|bytes| restore(&bytes));
            let restored = match restored {
                Ok(restored) => restored,
                Err(error) => {
                    step.set(ImportStep::Refused { name, error });
                    return;
                }
            };
            step.set(ImportStep::Working {
                name: name.clone(),
                step: 2,
            });
            yield_to_browser().await;
            let Some((changes, conflicts)) = state
                .session
                .try_with_untracked(|s| compare(s.current(), &restored.workspace))
            else {
                return;
            };
            step.set(ImportStep::Preview(Arc::new(Preview {
                name,
                restored,
                changes,
                conflicts,
            })));
        });
    });
    let replace = move |_| {
        if let ImportStep::Preview(preview) = step.get_untracked() {
            let incoming = preview.restored.workspace.clone();
            state.session.update(|session| session.replace(incoming));
            step.set(ImportStep::Done(format!(
                "Your workspace was replaced by {}.",
                preview.name
            )));
        }
    };
    let merge = Callback::new(move |choices: HashMap<(String, String), Side>| {
        let ImportStep::Preview(preview) = step.get_untracked() else {
            return;
        };
        let choose = |list: &str, key: &str| {
            choices
                .get(&(list.to_owned(), key.to_owned()))
                .copied()
                .unwrap_or(Side::Mine)
        };
        let outcome = state.session.try_update(|session| {
            session.merge(
                &preview.restored.workspace,
                &preview.name,
                Utc::now(),
                choose,
            )
        });
        step.set(match outcome {
            Some(Ok(())) => {
                ImportStep::Done(format!("{} was merged into your workspace.", preview.name))
            }
            Some(Err(error)) => ImportStep::Refused {
                name: format!("The merge of {}", preview.name),
                error,
            },
            None => ImportStep::Idle,
        });
    });
    let cancel = Callback::new(move |()| step.set(ImportStep::Idle));
    view! {
        <section class="app-section" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import a workspace file"</h2>
            <p>
                "Open a file a colleague exported. You will see what it would change before anything happens, and \
                 your current workspace is kept so the import can be undone."
            </p>
            <FilePicker
                id="import-file"
                label="Choose a workspace file (.json), or drop it here"
                accept=".json,application/json"
                test_id="import-file"
                on_file=open
            />
            <div aria-live="polite">
                {move || match step.get() {
                    ImportStep::Idle => ().into_any(),
                    ImportStep::Working { name, step } => view! {
                        <div role="status" data-testid="import-progress">
                            <label for="import-progress-bar">
                                {name} ": step " {step + 1} " of " {STEPS.len()} ", " {STEPS[step].to_lowercase()} "…"
                            </label>
                            <progress id="import-progress-bar" max=STEPS.len() value=step></progress>
                        </div>
                    }.into_any(),
                    ImportStep::Preview(preview) => {
                        let conflicts = preview.conflicts.clone();
                        view! {
                            <ImportPreview preview=preview />
                            <div class="app-button-group">
                                <button type="button" class="app-button" data-testid="confirm-replace" on:click=replace>
                                    "Replace my workspace with this file"
                                </button>
                            </div>
                            <ConflictChooser conflicts=conflicts on_merge=merge on_cancel=cancel />
                        }.into_any()
                    }
                    ImportStep::Refused { name, error } => view! { <ImportRefused name=name error=error /> }.into_any(),
                    ImportStep::Done(message) => view! {
                        <p class="app-notice" role="status" data-testid="import-done">
                            {message} " If this was a mistake, use Undo last import below."
                        </p>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}

/// What a valid file holds and what importing it would change.
#[component]
fn ImportPreview(preview: Arc<Preview>) -> impl IntoView {
    let name = preview.name.clone();
    let framework = preview.restored.workspace.framework.clone();
    let changes = preview.changes.clone();
    let exported = preview
        .restored
        .exported_at
        .map(|at| format!(", exported on {}", at.format("%-d %B %Y at %H:%M")))
        .unwrap_or_default();
    let lists: Vec<_> = changes
        .lists
        .into_iter()
        .filter(|(_, c)| !c.is_empty() || c.unchanged > 0)
        .collect();
    let rows: Vec<(&'static str, [usize; 4])> = lists
        .iter()
        .map(|(list, c)| {
            let counts = [c.added.len(), c.changed.len(), c.removed.len(), c.unchanged];
            (list_label(list), counts)
        })
        .collect();
    let row = |(list, counts): (&'static str, [usize; 4])| {
        Row::new(
            std::iter::once(list.into_any())
                .chain(counts.map(IntoAny::into_any))
                .collect(),
        )
    };
    let columns = vec![
        Column::row_heading("List"),
        Column::number("New"),
        Column::number("Changed"),
        Column::number("Removed"),
        Column::number("Unchanged"),
    ];
    let details: Vec<_> = lists
        .into_iter()
        .filter(|(_, c)| !c.is_empty())
        .map(|(list, c)| {
            let groups = [
                ("New", c.added),
                ("Changed", c.changed),
                ("Removed", c.removed),
            ]
            .into_iter()
            .filter(|(_, items)| !items.is_empty())
            .map(|(what, items)| view! { <ItemNames what=what items=items /> })
            .collect_view();
            view! {
                <details class="app-details" data-testid="import-change-details">
                    <summary>{list_label(list)} " in detail"</summary>
                    {groups}
                </details>
            }
        })
        .collect();
    view! {
        <div class="app-preview" data-testid="import-preview">
            <h3>"What " {name} " holds"</h3>
            <p data-testid="import-council">
                "The framework of " <strong>{framework.council_name}</strong> " for " {framework.current_year.to_string()} {exported} "."
            </p>
            {changes.settings_changed.then(|| view! { <p>"Its settings (name, vision, year or rules) differ from yours."</p> })}
            <DataTable test_id="import-changes" caption="What replacing your workspace with this file would change"
                columns=columns rows=move || rows.iter().cloned().map(row).collect() />
            {details}
        </div>
    }
}

/// The most items named under one heading of the detail; a line says how many more there are.
const ITEMS_NAMED: usize = 100;

/// The items under one heading ("New", "Changed", "Removed") of one list.
#[component]
fn ItemNames(what: &'static str, items: Vec<ItemRef>) -> impl IntoView {
    let more = items.len().saturating_sub(ITEMS_NAMED);
    view! {
        <h4 class="app-details__heading">{what} " (" {items.len()} ")"</h4>
        <ul class="app-item-list">
            {items.into_iter().take(ITEMS_NAMED).map(|item| view! { <li>{item.label}</li> }).collect_view()}
        </ul>
        {(more > 0).then(|| view! { <p>"… and " {more} " more."</p> })}
    }
}
