//! The Data page: what the workspace holds, export, import with a preview before anything changes, undo,
//! starting again, and data kept aside because it could not be read.

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::demo::demo_workspace;
use crate::domain::framework::Framework;
use crate::domain::period::FinancialYear;
use crate::domain::workspace::Workspace;
use crate::storage::csv_measurements;
use crate::storage::diff::{WorkspaceDiff, diff, list_label};
use crate::storage::import_error::ImportError;
use crate::storage::local;
use crate::storage::restore::{Restored, restore};
use crate::ui::area::Area;
use crate::ui::download::{download_text, export_workspace, file_name};
use crate::ui::page_title::use_page_title;
use crate::ui::state::use_app_state;

/// The most problems listed for a refused file; the count says how many more there are.
const PROBLEMS_SHOWN: usize = 200;

/// Where an import stands.
#[derive(Clone)]
enum ImportStep {
    /// Nothing chosen yet.
    Idle,
    /// Reading the chosen file.
    Reading(String),
    /// Read and valid: what it would change.
    Preview {
        name: String,
        restored: Box<Restored>,
        changes: WorkspaceDiff,
    },
    /// Refused: why.
    Refused { name: String, error: ImportError },
    /// Imported.
    Done(String),
}

/// The Data page.
#[component]
pub fn DataPage() -> impl IntoView {
    use_page_title(Area::Data.label());
    view! {
        <h1 data-testid="page-heading">{Area::Data.label()}</h1>
        <p class="app-lead">{Area::Data.purpose()}</p>
        <WorkspaceSummary />
        <ImportWorkspace />
        <UndoImport />
        <StartAgain />
        <KeptAside />
    }
}

/// What the workspace holds, whether it is saved, and the exports.
#[component]
fn WorkspaceSummary() -> impl IntoView {
    let state = use_app_state();
    let counts = move || {
        state.session.with(|s| {
            let w = s.current();
            [
                ("KPIs", w.kpis.len()),
                ("Measurements", w.measurements.len()),
                ("Risks", w.risks.len()),
                ("Actions", w.actions.len()),
                ("People", w.people.len()),
            ]
        })
    };
    let message = RwSignal::new(None::<String>);
    let export_json = move |_| {
        let result = state
            .session
            .with_untracked(|s| export_workspace(s.current()));
        message.set(result.err().map(|e| format!("The export failed: {e}")));
    };
    let export_csv = move |_| {
        let result = state.session.with_untracked(|s| {
            let workspace = s.current();
            download_text(
                &file_name(&workspace.framework.council_name, "measurements", "csv"),
                "text/csv;charset=utf-8",
                &format!("\u{feff}{}", csv_measurements::export(workspace)),
            )
        });
        message.set(result.err().map(|e| format!("The export failed: {e}")));
    };
    view! {
        <section class="app-section" aria-labelledby="workspace-heading">
            <h2 id="workspace-heading">"This workspace"</h2>
            <table class="app-table app-table--compact" data-testid="workspace-counts">
                <caption class="app-table__caption">"What the workspace holds"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Kind"</th>
                        <th scope="col" class="app-table__number">"Count"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        counts()
                            .into_iter()
                            .map(|(kind, count)| {
                                view! {
                                    <tr>
                                        <th scope="row">{kind}</th>
                                        <td class="app-table__number">{count}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <div class="app-button-group">
                <button type="button" class="app-button" data-testid="export-workspace" on:click=export_json>
                    "Export the workspace (JSON)"
                </button>
                <button type="button" class="app-button app-button--secondary" data-testid="export-measurements" on:click=export_csv>
                    "Export measurements (CSV)"
                </button>
            </div>
            {move || message.get().map(|m| view! { <p class="app-error-text" role="alert">{m}</p> })}
        </section>
    }
}

async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Import a colleague's workspace file: choose or drop it, see what it would change, then replace.
#[component]
fn ImportWorkspace() -> impl IntoView {
    let state = use_app_state();
    let step = RwSignal::new(ImportStep::Idle);
    let dragging = RwSignal::new(false);
    let open = move |file: web_sys::File| {
        let name = file.name();
        step.set(ImportStep::Reading(name.clone()));
        spawn_local(async move {
            let outcome = match read_bytes(file).await {
                Ok(bytes) => restore(&bytes),
                Err(reason) => Err(ImportError::NotAWorkspace {
                    reason: format!("the browser could not read it ({reason})"),
                }),
            };
            step.set(match outcome {
                Ok(restored) => {
                    let changes = state
                        .session
                        .with_untracked(|s| diff(s.current(), &restored.workspace));
                    ImportStep::Preview {
                        name,
                        restored: Box::new(restored),
                        changes,
                    }
                }
                Err(error) => ImportStep::Refused { name, error },
            });
        });
    };
    let on_choose = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open(file);
        }
        input.set_value("");
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        if let Some(file) = event
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|files| files.get(0))
        {
            open(file);
        }
    };
    let replace = move |_| {
        if let ImportStep::Preview { name, restored, .. } = step.get_untracked() {
            state
                .session
                .update(|session| session.replace(restored.workspace));
            step.set(ImportStep::Done(name));
        }
    };
    view! {
        <section class="app-section" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import a workspace file"</h2>
            <p>
                "Open a file a colleague exported. You will see what it would change before anything happens, and \
                 your current workspace is kept so the import can be undone."
            </p>
            <div
                class="app-drop-zone"
                class:app-drop-zone--active=move || dragging.get()
                data-testid="drop-zone"
                on:dragover=move |event: leptos::ev::DragEvent| {
                    event.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label class="app-label" for="import-file">"Choose a workspace file (.json), or drop it here"</label>
                <input
                    id="import-file"
                    class="app-file-input"
                    type="file"
                    accept=".json,application/json"
                    data-testid="import-file"
                    on:change=on_choose
                />
            </div>
            <div aria-live="polite">
                {move || match step.get() {
                    ImportStep::Idle => ().into_any(),
                    ImportStep::Reading(name) => view! { <p role="status">"Reading " {name} "…"</p> }.into_any(),
                    ImportStep::Preview { name, restored, changes } => view! {
                        <ImportPreview name=name restored=*restored changes=changes />
                        <div class="app-button-group">
                            <button type="button" class="app-button" data-testid="confirm-replace" on:click=replace>
                                "Replace my workspace with this file"
                            </button>
                            <button
                                type="button"
                                class="app-button app-button--secondary"
                                data-testid="cancel-import"
                                on:click=move |_| step.set(ImportStep::Idle)
                            >
                                "Cancel"
                            </button>
                        </div>
                    }.into_any(),
                    ImportStep::Refused { name, error } => view! { <ImportRefused name=name error=error /> }.into_any(),
                    ImportStep::Done(name) => view! {
                        <p class="app-notice" role="status" data-testid="import-done">
                            "Imported " {name} ". If this was a mistake, use Undo last import below."
                        </p>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}

/// What a valid file holds and what importing it would change.
#[component]
fn ImportPreview(name: String, restored: Restored, changes: WorkspaceDiff) -> impl IntoView {
    let framework = restored.workspace.framework.clone();
    let exported = restored
        .exported_at
        .map(|at| format!(", exported on {}", at.format("%-d %B %Y at %H:%M")))
        .unwrap_or_default();
    let rows: Vec<_> = changes
        .lists
        .into_iter()
        .filter(|(_, c)| !c.is_empty() || c.unchanged > 0)
        .map(|(list, c)| {
            view! {
                <tr>
                    <th scope="row">{list_label(list)}</th>
                    <td class="app-table__number">{c.added.len()}</td>
                    <td class="app-table__number">{c.changed.len()}</td>
                    <td class="app-table__number">{c.removed.len()}</td>
                    <td class="app-table__number">{c.unchanged}</td>
                </tr>
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
            <table class="app-table" data-testid="import-changes">
                <caption class="app-table__caption">"What importing this file would change"</caption>
                <thead>
                    <tr>
                        <th scope="col">"List"</th>
                        <th scope="col" class="app-table__number">"New"</th>
                        <th scope="col" class="app-table__number">"Changed"</th>
                        <th scope="col" class="app-table__number">"Removed"</th>
                        <th scope="col" class="app-table__number">"Unchanged"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Why a file was refused, with every problem; nothing has changed.
#[component]
fn ImportRefused(name: String, error: ImportError) -> impl IntoView {
    let (summary, problems) = match &error {
        ImportError::Invalid(problems) => (
            format!(
                "{name} has {} problem{}:",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ),
            problems.clone(),
        ),
        other => (other.to_string(), Vec::new()),
    };
    let hidden = problems.len().saturating_sub(PROBLEMS_SHOWN);
    view! {
        <div class="app-banner app-banner--error" role="alert" data-testid="import-refused">
            <h3>"This file cannot be imported"</h3>
            <p data-testid="import-error">{summary}</p>
            {(!problems.is_empty()).then(|| view! {
                <ul class="app-problem-list" data-testid="import-problems">
                    {problems
                        .into_iter()
                        .take(PROBLEMS_SHOWN)
                        .map(|p| view! { <li><code>{p.path}</code> ": " {p.message}</li> })
                        .collect_view()}
                </ul>
            })}
            {(hidden > 0).then(|| view! { <p>"… and " {hidden} " more."</p> })}
            <p>"Nothing has changed: your workspace is as it was."</p>
        </div>
    }
}

/// Undo the last import, when there is one.
#[component]
fn UndoImport() -> impl IntoView {
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

/// Reset to the demo council or start empty (both can be undone like an import).
#[component]
fn StartAgain() -> impl IntoView {
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
                    on:click=move |_| replace_with(demo_workspace(today()), "The demo council is loaded.")
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

/// Saved data that could not be read and was kept aside: download it or let it go.
#[component]
fn KeptAside() -> impl IntoView {
    let kept = RwSignal::new(local::recovery().ok().flatten());
    let download = move |_| {
        if let Some(text) = kept.get_untracked() {
            let _ = download_text(
                &file_name("unreadable", "workspace", "json"),
                "application/json",
                &text,
            );
        }
    };
    let discard = move |_| {
        if local::discard_recovery().is_ok() {
            kept.set(None);
        }
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
            </section>
        </Show>
    }
}

/// The element an event happened on.
fn event_target<T: JsCast>(event: &leptos::ev::Event) -> T {
    event
        .target()
        .expect("a change event has a target")
        .unchecked_into()
}
