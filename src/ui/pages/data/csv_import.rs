//! Measurements from a spreadsheet: choose a CSV saved from Excel, see which rows are ready and every
//! problem with its line, then apply the good rows. Applying keeps a restore point, like any import.

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::refused::ProblemList;
use crate::domain::model::workspace::Workspace;
use crate::storage::csv_measurements::{Applied, CsvImport, apply, read};
use crate::storage::import_error::Problem;
use crate::ui::browser::yield_now::yield_to_browser;
use crate::ui::components::file_picker::{FilePicker, read_bytes};
use crate::ui::state::use_app_state;

/// Where a CSV import stands.
#[derive(Clone)]
enum CsvStep {
    Idle,
    Reading(String),
    /// Checked: the workspace with the good rows applied, what applying did, and the rows left out.
    Checked {
        name: String,
        updated: Box<Workspace>,
        applied: Applied,
        problems: Vec<Problem>,
    },
    Failed(String),
    Done(String),
}

/// The CSV measurement import section.
#[component]
pub fn CsvImportSection() -> impl IntoView {
    let state = use_app_state();
    let step = RwSignal::new(CsvStep::Idle);
    let open = Callback::new(move |file: web_sys::File| {
        let name = file.name();
        step.set(CsvStep::Reading(name.clone()));
        spawn_local(async move {
            let bytes = match read_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(reason) => {
                    step.set(CsvStep::Failed(format!(
                        "{name} could not be read ({reason})."
                    )));
                    return;
                }
            };
            yield_to_browser().await;
            let Some(checked) = state.session.try_with_untracked(|s| {
                read(&bytes, s.current()).map(|CsvImport { rows, problems }| {
                    let mut updated = s.current().clone();
                    let applied = apply(&mut updated, &rows);
                    (updated, applied, problems)
                })
            }) else {
                return;
            };
            step.set(match checked {
                Ok((updated, applied, problems)) => CsvStep::Checked {
                    name,
                    updated: Box::new(updated),
                    applied,
                    problems,
                },
                Err(error) => CsvStep::Failed(format!("{name}: {error}")),
            });
        });
    });
    let confirm = move |_| {
        if let CsvStep::Checked {
            name,
            updated,
            applied,
            ..
        } = step.get_untracked()
        {
            state
                .session
                .update(|s| s.import(*updated, &name, Utc::now()));
            step.set(CsvStep::Done(format!(
                "{name}: {} measurement{} added and {} updated (updated ones return to draft for sign-off).",
                applied.added,
                if applied.added == 1 { "" } else { "s" },
                applied.updated
            )));
        }
    };
    view! {
        <section class="app-section" aria-labelledby="csv-heading">
            <h2 id="csv-heading">"Import measurements from a spreadsheet"</h2>
            <p>
                "A CSV saved from Excel with columns KPI (id or exact name), Period (e.g. \"Apr 2025\", \"2025/26 Q1\"), \
                 Value and, if you like, Commentary. Comma or semicolon separated, with or without a byte-order mark."
            </p>
            <FilePicker
                id="csv-file"
                label="Choose a CSV file, or drop it here"
                accept=".csv,text/csv"
                test_id="csv-file"
                on_file=open
            />
            <div aria-live="polite">
                {move || match step.get() {
                    CsvStep::Idle => ().into_any(),
                    CsvStep::Reading(name) => view! { <p role="status">"Checking " {name} "…"</p> }.into_any(),
                    CsvStep::Checked { name, applied, problems, .. } => {
                        let ready = applied.added + applied.updated;
                        view! {
                            <div class="app-preview" data-testid="csv-preview">
                                <h3>"What " {name} " would change"</h3>
                                <p data-testid="csv-summary">
                                    {applied.added} " new, " {applied.updated} " changed, " {applied.unchanged}
                                    " the same as now; " {problems.len()} " row" {if problems.len() == 1 { "" } else { "s" }}
                                    " with problems, which will be left out."
                                </p>
                                {(!problems.is_empty()).then(|| view! { <ProblemList problems=problems /> })}
                                <div class="app-button-group">
                                    {(ready > 0).then(|| view! {
                                        <button type="button" class="app-button" data-testid="confirm-csv" on:click=confirm>
                                            "Apply " {ready} " row" {if ready == 1 { "" } else { "s" }}
                                        </button>
                                    })}
                                    <button type="button" class="app-button app-button--secondary" on:click=move |_| step.set(CsvStep::Idle)>
                                        "Cancel"
                                    </button>
                                </div>
                            </div>
                        }.into_any()
                    }
                    CsvStep::Failed(message) => view! {
                        <div class="app-banner app-banner--error" role="alert" data-testid="csv-refused">
                            <p>{message}</p>
                            <p>"Nothing has changed."</p>
                        </div>
                    }.into_any(),
                    CsvStep::Done(message) => view! {
                        <p class="app-notice" role="status" data-testid="csv-done">{message}</p>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}
