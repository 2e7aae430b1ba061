//! What the workspace holds and the exports: the whole workspace, one directorate's or committee's part
//! for a colleague to work on and send back, and every measurement as CSV.

use chrono::Utc;
use leptos::prelude::*;

use crate::storage::collection::Collection;
use crate::storage::csv_measurements;
use crate::storage::envelope::to_file;
use crate::storage::subset::{Scope, subset};
use crate::ui::browser::download::{download_text, export_workspace, file_name};
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
        })
    };
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
            download_text(
                &file_name(&workspace.framework.council_name, "measurements", "csv"),
                "text/csv;charset=utf-8",
                &format!("\u{feff}{}", csv_measurements::export(workspace)),
            )
        }))
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
    let options = move |kind: &'static str| {
        state.session.with(|s| {
            let w = s.current();
            let rows: Vec<(String, String)> = match kind {
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
            rows.into_iter()
                .map(|(id, name)| view! { <option value=format!("{kind}:{id}")>{name}</option> })
                .collect_view()
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
        <div class="app-field">
            <label class="app-label" for="part-export">"Export one directorate or committee for a colleague to merge back"</label>
            <div class="app-inline-controls">
                <select
                    id="part-export"
                    class="app-select"
                    data-testid="part-export"
                    on:change=move |event| choice.set(event_target_value(&event))
                    prop:value=move || choice.get()
                >
                    <option value="">"Choose…"</option>
                    <optgroup label="Directorates">{move || options("directorate")}</optgroup>
                    <optgroup label="Committees">{move || options("committee")}</optgroup>
                </select>
                <button type="button" class="app-button app-button--secondary" data-testid="export-part" on:click=export>
                    "Export this part (JSON)"
                </button>
            </div>
        </div>
    }
}
