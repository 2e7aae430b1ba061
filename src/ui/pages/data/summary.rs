//! What the workspace holds and the exports: the whole workspace, one directorate's or committee's part
//! for a colleague to work on and send back, every measurement as CSV, and the KPI register with its targets
//! and values as an Excel workbook in the import template's shape.

use chrono::Utc;
use leptos::prelude::*;

use crate::storage::collection::Collection;
use crate::storage::csv_measurements;
use crate::storage::envelope::to_file;
use crate::storage::spreadsheet::register_export::register_sheet;
use crate::storage::spreadsheet::xlsx_writer::{XLSX_TYPE, workbook_bytes};
use crate::storage::subset::{Scope, subset};
use crate::ui::browser::download::{
    download_bytes, download_csv, download_text, export_workspace, file_name,
};
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::fields::{Choice, Select};
use crate::ui::state::use_app_state;

/// The counts, the save state and the exports.
#[component]
pub fn WorkspaceSummary() -> impl IntoView {
    let state = use_app_state();
    let counts = move || {
        state.session.with(|s| {
            [
                Collection::Kpis,
                Collection::Measurements,
                Collection::Risks,
                Collection::Actions,
                Collection::People,
            ]
            .map(|collection| (collection.label(), collection.count(s.current())))
            .to_vec()
        })
    };
    let row =
        |(kind, count): (&'static str, usize)| Row::new(vec![kind.into_any(), count.into_any()]);
    let message = RwSignal::new(None::<String>);
    let report = move |result: Result<(), String>| {
        message.set(result.err().map(|e| format!("The export failed: {e}")));
    };
    let export_json = move |_| {
        report(
            state
                .session
                .with_untracked(|s| export_workspace(s.current())),
        )
    };
    let export_csv = move |_| {
        report(state.session.with_untracked(|s| {
            let workspace = s.current();
            download_csv(
                &file_name(&workspace.framework.council_name, "measurements", "csv"),
                &csv_measurements::export(workspace),
            )
        }))
    };
    let export_register = move |_| {
        let (sheet, name) = state.session.with_untracked(|s| {
            let workspace = s.current();
            (
                register_sheet(workspace),
                file_name(
                    &workspace.framework.council_name,
                    "kpis-targets-values",
                    "xlsx",
                ),
            )
        });
        report(workbook_bytes(&sheet).and_then(|bytes| download_bytes(&name, XLSX_TYPE, &bytes)));
    };
    view! {
        <section class="app-section" aria-labelledby="workspace-heading">
            <h2 id="workspace-heading">"This workspace"</h2>
            <DataTable test_id="workspace-counts" caption="What the workspace holds"
                columns=vec![Column::row_heading("Kind"), Column::number("Count")] rows=move || counts().into_iter().map(row).collect() layout=Layout::COMPACT />
            <div class="app-button-group">
                <button type="button" class="app-button" data-testid="export-workspace" on:click=export_json>
                    "Export the workspace (JSON)"
                </button>
                <button type="button" class="app-button app-button--secondary" data-testid="export-measurements" on:click=export_csv>
                    "Export measurements (CSV)"
                </button>
                <button type="button" class="app-button app-button--secondary" data-testid="export-register-xlsx" on:click=export_register>
                    "Export KPIs, targets and values (Excel)"
                </button>
            </div>
            <PartExport report=Callback::new(report) />
            {move || message.get().map(|m| view! { <p class="app-error-text" role="alert">{m}</p> })}
        </section>
    }
}

/// Export one directorate's or one committee's part.
#[component]
fn PartExport(report: Callback<Result<(), String>>) -> impl IntoView {
    let state = use_app_state();
    let choice = RwSignal::new(String::new());
    let choices = move |kind: &'static str| {
        Signal::derive(move || {
            state.session.with(|s| {
                let w = s.current();
                let items: Vec<(String, String)> = match kind {
                    "directorate" => w
                        .directorates
                        .iter()
                        .map(|d| (d.id.to_string(), d.name.clone()))
                        .collect(),
                    _ => w
                        .committees
                        .iter()
                        .map(|c| (c.id.to_string(), c.name.clone()))
                        .collect(),
                };
                items
                    .into_iter()
                    .map(|(id, name)| (format!("{kind}:{id}"), name))
                    .collect::<Vec<Choice>>()
            })
        })
    };
    let export = move |_| {
        let chosen = choice.get_untracked();
        let result = state.session.with_untracked(|s| {
            let workspace = s.current();
            let (scope, name) = match chosen.split_once(':') {
                Some(("directorate", id)) => {
                    let found = workspace.directorates.iter().find(|d| d.id.as_str() == id);
                    found.map(|d| (Scope::Directorate(d.id.clone()), d.name.clone()))
                }
                Some(("committee", id)) => {
                    let found = workspace.committees.iter().find(|c| c.id.as_str() == id);
                    found.map(|c| (Scope::Committee(c.id.clone()), c.name.clone()))
                }
                _ => None,
            }
            .ok_or_else(|| "choose a directorate or committee first".to_owned())?;
            let part = subset(workspace, &scope);
            download_text(
                &file_name(
                    &format!("{} {name}", workspace.framework.council_name),
                    "workspace",
                    "json",
                ),
                "application/json",
                &to_file(&part, Utc::now(), env!("CARGO_PKG_VERSION")),
            )
        });
        report.run(result);
    };
    view! {
        <div class="app-inline-controls">
            <Select id="part-export" label="Export one directorate or committee for a colleague to merge back" none="Choose…"
                bind=choice
                groups=vec![("Directorates", choices("directorate")), ("Committees", choices("committee"))] />
            <button type="button" class="app-button app-button--secondary" data-testid="export-part" on:click=export>
                "Export this part (JSON)"
            </button>
        </div>
    }
}
