//! Moving in from a spreadsheet: choose a council's own sheet (a KPI register, targets, returns or its published
//! scorecard), see what each column was taken to hold beside its first values and change any of it, see what
//! importing would add and change, every reading said back and every problem at its row and column, then
//! import. Afterwards, every KPI where the council's published status differs from the app's rating. The
//! reading and planning are `storage::spreadsheet`; this section only wires them to the page.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::sheets_on_demand::read_sheets_on_demand;
use crate::domain::kpi::measurement_entry::{EntryField, entry_for, record};
use crate::storage::spreadsheet::column_memory::roles_for;
use crate::storage::spreadsheet::headings::{ColumnRole, Field, shapes};
use crate::storage::spreadsheet::period_forms::read_period;
use crate::storage::spreadsheet::plan::{CellNote, Imported, Preview, plan};
use crate::storage::spreadsheet::reconcile::{Difference, differences};
use crate::storage::spreadsheet::rule_check::check_rule;
use crate::storage::spreadsheet::sheet::Sheet;
use crate::storage::spreadsheet::template::{template_csv, template_sheet};
use crate::storage::spreadsheet::xlsx_writer::{XLSX_TYPE, workbook_bytes};
use crate::ui::address::value_code::code;
use crate::ui::browser::download::{download_bytes, download_csv};
use crate::ui::browser::yield_now::yield_to_browser;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{PersonSelect, RecordedAs, Select, TextArea};
use crate::ui::components::file_picker::{FilePicker, read_bytes};
use crate::ui::state::use_app_state;

/// The most notes of one kind listed; a line says how many more there are.
const NOTES_SHOWN: usize = 200;
/// How many of a column's values the mapping shows.
const SAMPLES: usize = 3;

/// Where a spreadsheet import stands.
#[derive(Clone)]
enum Step {
    Idle,
    Reading(String),
    /// Read: every sheet of the file that holds anything, and the one chosen.
    Mapping {
        sheets: Arc<Vec<Sheet>>,
        chosen: usize,
    },
    Refused(String),
    Done {
        message: String,
        differences: Vec<Difference>,
    },
}

/// The spreadsheet import section of the Data page.
#[component]
pub fn SpreadsheetImportSection() -> impl IntoView {
    let state = use_app_state();
    let step = RwSignal::new(Step::Idle);
    // What each column of the chosen sheet holds: as remembered from earlier imports or as its heading
    // suggests, then as the person chooses. One signal for the section, so that it outlives the views of the
    // step that sets it (choosing another sheet redraws them).
    let roles = RwSignal::new(Vec::<ColumnRole>::new());
    // The chosen file's name, which the change history records the import as coming from.
    let file_name = StoredValue::new(String::new());
    let mapping = move |sheets: Arc<Vec<Sheet>>, chosen: usize| {
        let remembered = state
            .session
            .with_untracked(|s| s.current().framework.spreadsheet_columns.clone());
        roles.set(roles_for(&sheets[chosen].headings, &remembered));
        Step::Mapping { sheets, chosen }
    };
    let open = Callback::new(move |file: web_sys::File| {
        let name = file.name();
        file_name.set_value(name.clone());
        step.set(Step::Reading(name.clone()));
        spawn_local(async move {
            let read = match read_bytes(&file).await {
                Ok(bytes) => {
                    let read = read_sheets_on_demand(name.clone(), bytes).await;
                    // The preview is worked out as the columns are drawn: a task of its own.
                    yield_to_browser().await;
                    read.map_err(|reason| format!("{name}: {reason}"))
                }
                Err(reason) => Err(format!("{name} could not be read ({reason}).")),
            };
            step.set(match read {
                Ok(sheets) => mapping(Arc::new(sheets), 0),
                Err(message) => Step::Refused(message),
            });
        });
    });
    let import = move |preview: Arc<Preview>| {
        let Preview { import, outcome } = Arc::unwrap_or_clone(preview);
        let Some((updated, imported)) = outcome else {
            return;
        };
        let differences = differences(&updated, &import.published);
        let source = file_name.get_value();
        state
            .session
            .update(|s| s.import(updated, &source, Utc::now()));
        step.set(Step::Done {
            message: done_message(imported),
            differences,
        });
    };
    let download_template = move |_| {
        if let Err(reason) = download_csv("kpi-import-template.csv", &template_csv()) {
            step.set(Step::Refused(format!(
                "The template could not be downloaded ({reason})."
            )));
        }
    };
    let download_workbook_template = move |_| {
        let downloaded = workbook_bytes(&template_sheet())
            .and_then(|bytes| download_bytes("kpi-import-template.xlsx", XLSX_TYPE, &bytes));
        if let Err(reason) = downloaded {
            step.set(Step::Refused(format!(
                "The template could not be downloaded ({reason})."
            )));
        }
    };
    view! {
        <section class="app-section" aria-labelledby="spreadsheet-heading">
            <h2 id="spreadsheet-heading">"Import from a spreadsheet"</h2>
            <p>
                "Your council's KPI register, targets, returns or published scorecard: an Excel workbook (.xlsx), \
                 an OpenDocument spreadsheet (.ods) or a CSV file (comma, semicolon or tab separated). The columns \
                 are recognised from their headings (Indicator, Target, Actual, Quarter, Status…); you see what \
                 each was taken to hold, and what the import would add and change, before anything changes. \
                 Importing next quarter's sheet updates the same KPIs."
            </p>
            <p>
                <button type="button" class="app-button app-button--secondary" data-testid="spreadsheet-template-download"
                    on:click=download_template>"Download the template (CSV)"</button>
                " "
                <button type="button" class="app-button app-button--secondary" data-testid="spreadsheet-template-download-xlsx"
                    on:click=download_workbook_template>"Download the template (Excel)"</button>
                " Its headings are recognised as they are, and its example row shows how each cell may be written."
            </p>
            <FilePicker
                id="spreadsheet-file"
                label="Choose a spreadsheet (.xlsx, .ods or .csv), or drop it here"
                accept=".xlsx,.xlsm,.ods,.csv,.tsv,.txt,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
                test_id="spreadsheet-import-file"
                on_file=open
            />
            <div aria-live="polite">
                {move || match step.get() {
                    Step::Idle => ().into_any(),
                    Step::Reading(name) => view! { <p role="status">"Reading " {name} "…"</p> }.into_any(),
                    Step::Mapping { sheets, chosen } => {
                        let sheet = Arc::new(sheets[chosen].clone());
                        let preview = worked_out_preview(sheet.clone(), roles);
                        view! {
                            <SheetChoice sheets=sheets chosen=chosen
                                on_choose=Callback::new(move |(sheets, chosen)| step.set(mapping(sheets, chosen))) />
                            <Mapping sheet=sheet.clone() roles=roles />
                            {move || match preview.get() {
                                Some(preview) => view! {
                                    <PreviewOf preview=preview on_import=Callback::new(import)
                                        on_cancel=Callback::new(move |()| step.set(Step::Idle)) />
                                }.into_any(),
                                None => view! {
                                    <p role="status" data-testid="spreadsheet-working">"Working out what importing would do…"</p>
                                }.into_any(),
                            }}
                        }.into_any()
                    }
                    Step::Refused(message) => view! {
                        <div class="app-banner app-banner--error" role="alert" data-testid="spreadsheet-refused">
                            <p>{message}</p>
                            <p>"Nothing has changed."</p>
                        </div>
                    }.into_any(),
                    Step::Done { message, differences } => view! {
                        <p class="app-notice" role="status" data-testid="spreadsheet-done">{message}</p>
                        <Reconcile differences=differences />
                    }.into_any(),
                }}
            </div>
        </section>
    }
}

/// Which sheet of a workbook to import, when it has more than one, and what to know about how the chosen one
/// was read.
#[component]
fn SheetChoice(
    sheets: Arc<Vec<Sheet>>,
    chosen: usize,
    on_choose: Callback<(Arc<Vec<Sheet>>, usize)>,
) -> impl IntoView {
    let remarks = sheets[chosen].remarks.clone();
    let choices: Vec<(String, String)> = sheets
        .iter()
        .enumerate()
        .map(|(index, sheet)| {
            let rows = counted(sheet.rows.len(), "row", "rows");
            (index.to_string(), format!("{} ({rows})", sheet.name))
        })
        .collect();
    let several = choices.len() > 1;
    let choose = Callback::new(move |value: String| {
        if let Ok(index) = value.parse::<usize>() {
            on_choose.run((sheets.clone(), index));
        }
    });
    view! {
        {several.then(|| view! {
            <Select id="spreadsheet-sheet" label="Sheet to import" value=chosen.to_string() on_change=choose
                choices=choices hint="The workbook has more than one sheet with headings and rows." />
        })}
        {(!remarks.is_empty()).then(|| view! {
            <ul data-testid="spreadsheet-remarks">
                {remarks.into_iter().map(|remark| view! { <li>{remark}</li> }).collect_view()}
            </ul>
        })}
    }
}

/// "1 KPI added, …", for the message after importing.
fn done_message(imported: Imported) -> String {
    format!(
        "Imported: {}, {} updated; {}, {} updated. Updated figures return to draft for sign-off; \
         \"Undo last import\" takes it all back.",
        counted(imported.kpis_added, "KPI added", "KPIs added"),
        imported.kpis_updated,
        counted(imported.measurements.added, "figure added", "figures added"),
        imported.measurements.updated,
    ) + if imported.columns_remembered {
        " What you chose the columns hold is remembered for the next sheet with these headings."
    } else {
        ""
    }
}

/// "1 KPI" or "3 KPIs".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Every column of the sheet: its heading, its first values, and what it holds, which the person can change.
#[component]
fn Mapping(sheet: Arc<Sheet>, roles: RwSignal<Vec<ColumnRole>>) -> impl IntoView {
    let columns = vec![
        Column::row_heading("Column"),
        Column::text("First values"),
        Column::text("Holds"),
    ];
    let described = move || {
        let shapes = shapes(&roles.get());
        if shapes.is_empty() {
            "No column names the KPIs yet: choose the column that holds each KPI's name or reference.".to_owned()
        } else {
            let words: Vec<&str> = shapes.iter().map(|shape| shape.label()).collect();
            format!("This sheet holds {}.", words.join("; "))
        }
    };
    let name = sheet.name.clone();
    let rows = move || {
        sheet
            .headings
            .iter()
            .enumerate()
            .map(|(index, heading)| {
                let samples: Vec<&str> = sheet
                    .rows
                    .iter()
                    .filter_map(|row| row.cells.get(index).map(|c| c.trim()))
                    .filter(|cell| !cell.is_empty())
                    .take(SAMPLES)
                    .collect();
                let period = read_period(heading).ok();
                let mut choices: Vec<(String, String)> = Field::ALL
                    .into_iter()
                    .map(|field| (code(&field).unwrap_or_default(), field.label().to_owned()))
                    .collect();
                if let Some(period) = period {
                    choices.push(("period-values".to_owned(), format!("Values for {period}")));
                }
                let label = if heading.trim().is_empty() {
                    format!("Column {}", index + 1)
                } else {
                    heading.clone()
                };
                let value = Signal::derive(move || {
                    roles.with(|r| r.get(index).copied().map(ColumnRole::code).unwrap_or_default())
                });
                let heading_for_role = heading.clone();
                let choose = Callback::new(move |chosen: String| {
                    roles.update(|r| {
                        if let Some(role) = r.get_mut(index) {
                            *role = ColumnRole::from_code(&chosen, &heading_for_role);
                        }
                    });
                });
                Row::new(vec![
                    label.clone().into_any(),
                    samples.join(" · ").into_any(),
                    view! {
                        <Select id=format!("spreadsheet-column-{index}") test_id="spreadsheet-column"
                            label=format!("What \"{label}\" holds") label_hidden=true class="app-field app-field--in-table"
                            value=value on_change=choose choices=choices none="Not imported" />
                    }
                    .into_any(),
                ])
                .data("data-column", heading.clone())
            })
            .collect()
    };
    view! {
        <div class="app-preview" data-testid="spreadsheet-mapping">
            <h3>"What each column of " {name} " holds"</h3>
            <p data-testid="spreadsheet-shapes">{described}</p>
            <DataTable test_id="spreadsheet-columns" caption="Columns, their first values, and what the import reads them as"
                columns=columns rows=rows layout=Layout::COMPACT />
        </div>
    }
}

/// What importing would do, every reading and problem, and the buttons to import or cancel.
/// What importing `sheet` with its columns as `roles` would do, worked out again whenever the columns or the
/// workspace change: `None` while it is being worked out. The plan, its application to a copy of the
/// workspace and the drawing of the preview each run as a task of their own, so that a long sheet never
/// holds the page for one long task; a newer change makes an older working-out stop where it is.
fn worked_out_preview(
    sheet: Arc<Sheet>,
    roles: RwSignal<Vec<ColumnRole>>,
) -> ReadSignal<Option<Arc<Preview>>> {
    let state = use_app_state();
    let (preview, set_preview) = signal(None::<Arc<Preview>>);
    let latest = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let chosen = roles.get();
        state.session.track();
        let this = latest.get_value() + 1;
        latest.set_value(this);
        set_preview.set(None);
        let sheet = sheet.clone();
        spawn_local(async move {
            let still_latest = move || latest.try_get_value() == Some(this);
            yield_to_browser().await;
            if !still_latest() {
                return;
            }
            let import = state
                .session
                .with_untracked(|s| plan(&sheet, &chosen, s.current()));
            yield_to_browser().await;
            if !still_latest() {
                return;
            }
            let worked_out = state
                .session
                .with_untracked(|s| Preview::of(import, s.current()));
            yield_to_browser().await;
            if still_latest() {
                set_preview.set(Some(Arc::new(worked_out)));
            }
        });
    });
    preview
}

#[component]
fn PreviewOf(
    preview: Arc<Preview>,
    on_import: Callback<Arc<Preview>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let import = &preview.import;
    let new_kpis = import.new_kpis.len();
    let summary = match &preview.outcome {
        Some((_, imported)) => format!(
            "Importing would add {} and update {}; {}, {} changed and {} the same as now.",
            counted(imported.kpis_added, "KPI", "KPIs"),
            counted(imported.kpis_updated, "KPI", "KPIs"),
            counted(imported.measurements.added, "new figure", "new figures"),
            imported.measurements.updated,
            imported.measurements.unchanged,
        ),
        None => format!(
            "{} to put right before anything can be imported; nothing has changed.",
            counted(import.problems.len(), "problem", "problems")
        ),
    };
    let ready = preview.outcome.is_some();
    view! {
        <div class="app-preview" data-testid="spreadsheet-preview">
            <h3>"What importing would do"</h3>
            <p data-testid="spreadsheet-summary">{summary}</p>
            {(!import.problems.is_empty()).then(|| view! {
                <Notes test_id="spreadsheet-problems" heading="Problems" notes=import.problems.clone() />
            })}
            {(new_kpis > 0).then(|| view! {
                <p>"New KPIs are given the defaults listed in the readings below for what the sheet does not say; \
                    review them on each KPI's page."</p>
            })}
            {(!import.readings.is_empty()).then(|| view! {
                <details>
                    <summary>"How cells were read (" {import.readings.len()} ")"</summary>
                    <Notes test_id="spreadsheet-readings" heading="Readings" notes=import.readings.clone() />
                </details>
            })}
            <div class="app-button-group">
                {ready.then(|| view! {
                    <button type="button" class="app-button" data-testid="spreadsheet-confirm"
                        on:click=move |_| on_import.run(preview.clone())>"Import"</button>
                })}
                <button type="button" class="app-button app-button--secondary" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </div>
    }
}

/// A list of cell notes, each with its row and column, at most [`NOTES_SHOWN`] of them.
#[component]
fn Notes(test_id: &'static str, heading: &'static str, notes: Vec<CellNote>) -> impl IntoView {
    let hidden = notes.len().saturating_sub(NOTES_SHOWN);
    view! {
        <ul class="app-problem-list" data-testid=test_id aria-label=heading>
            {notes.into_iter().take(NOTES_SHOWN).map(|note| view! { <li>{note.to_string()}</li> }).collect_view()}
        </ul>
        {(hidden > 0).then(|| view! { <p>"… and " {hidden} " more."</p> })}
    }
}

/// Every KPI and period where the council's published status differs from the app's rating, each with a way to
/// record the council's status as an override of that figure's rating, with a reason.
#[component]
fn Reconcile(differences: Vec<Difference>) -> impl IntoView {
    if differences.is_empty() {
        return view! {
            <p data-testid="reconcile-agrees">"Where the sheet published a status, the app's rating agrees with it."</p>
        }
        .into_any();
    }
    let differences = Arc::new(differences);
    // The difference whose override is being recorded, and those already recorded.
    let choosing = RwSignal::new(None::<usize>);
    let recorded = RwSignal::new(Vec::<usize>::new());
    // The difference whose rating is being explained.
    let checking = RwSignal::new(None::<usize>);
    let state = use_app_state();
    let columns = vec![
        Column::row_heading("KPI"),
        Column::text("Period"),
        Column::text("The council's status"),
        Column::text("The app's rating"),
        Column::number("Value"),
        Column::number("Target"),
        Column::number("Sheet row"),
        Column::text("Our rule"),
        Column::text("Override"),
    ];
    let listed = differences.clone();
    let explained = differences.clone();
    let rows = move || {
        listed
            .iter()
            .enumerate()
            .map(|(index, d)| {
                let action = if recorded.with(|r| r.contains(&index)) {
                    "Recorded as an override".into_any()
                } else {
                    view! {
                        <button type="button" class="app-button app-button--secondary"
                            data-testid="reconcile-override" on:click=move |_| choosing.set(Some(index))>
                            "Record " {d.council.label()} " as an override"
                        </button>
                    }
                    .into_any()
                };
                Row::new(vec![
                    d.name.clone().into_any(),
                    d.period.to_string().into_any(),
                    d.council.label().into_any(),
                    d.ours.clone().into_any(),
                    d.value.clone().into_any(),
                    d.target.clone().into_any(),
                    d.row.into_any(),
                    view! {
                        <button type="button" class="app-button app-button--secondary" data-testid="reconcile-check-rule"
                            aria-expanded=move || (checking.get() == Some(index)).to_string()
                            on:click=move |_| checking.update(|c| *c = if *c == Some(index) { None } else { Some(index) })>
                            "Check our rule"
                        </button>
                    }
                    .into_any(),
                    action,
                ])
                .test_id("reconcile-row")
                .data("data-kpi", d.kpi.to_string())
            })
            .collect()
    };
    let on_recorded = Callback::new(move |index: usize| {
        recorded.update(|r| r.push(index));
        choosing.set(None);
    });
    view! {
        <div class="app-preview">
            <h3>"Where the council's status and the app's rating differ"</h3>
            <p>
                "The app rates each figure by its target and the council's RAG rule. Where they differ, the council \
                 may use another tolerance (check the rule in the framework's settings), a figure or target may have \
                 been entered differently, or the council's status may be a judgement: record it as an override, \
                 with the reason, and every view reports it as one."
            </p>
            <DataTable test_id="reconcile-list" caption="KPIs whose published status differs from the app's rating"
                columns=columns rows=rows layout=Layout::WIDE_COMPACT />
            {move || checking.get().and_then(|index| explained.get(index)).map(|difference| {
                let sentences = state.session.with(|s| check_rule(s.current(), difference));
                view! {
                    <div class="app-notice" role="status" data-testid="reconcile-rule-check">
                        <h4>{format!("{}, {}: how the app rated it", difference.name, difference.period)}</h4>
                        {sentences.into_iter().map(|sentence| view! { <p>{sentence}</p> }).collect_view()}
                    </div>
                }
            })}
            {move || choosing.get().and_then(|index| differences.get(index).cloned().map(|difference| view! {
                <OverrideForm index difference on_recorded on_cancel=Callback::new(move |()| choosing.set(None)) />
            }))}
        </div>
    }
    .into_any()
}

/// Records the council's published status for one KPI and period as an override of the app's rating: the
/// reason (required, and offered from the sheet) and who records it, checked as any entry of a figure is.
#[component]
fn OverrideForm(
    index: usize,
    difference: Difference,
    on_recorded: Callback<usize>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let state = use_app_state();
    let reason = RwSignal::new(format!(
        "The council published {} for this period (sheet row {}).",
        difference.council.label(),
        difference.row
    ));
    let by = state.author_field();
    let problems = FieldProblems::<EntryField>::new();
    let error = move |field: EntryField| problems.error(field);
    let kpi = difference.kpi.clone();
    let period = difference.period;
    let status = difference.council;
    let record_it = move |_| {
        let outcome = state.session.try_update(|s| {
            let mut entry = entry_for(s.current(), &kpi, period);
            entry.override_status = Some(status);
            entry.override_reason = reason.get_untracked();
            s.edit(|w| record(w, &kpi, period, &entry, &by.get_untracked(), Utc::now()))
        });
        match outcome {
            Some(Ok(_)) => on_recorded.run(index),
            Some(Err(found)) => problems.show(found),
            None => {}
        }
    };
    view! {
        <form class="app-form" data-testid="reconcile-override-form" on:submit=move |e| e.prevent_default()>
            <h4>"Record " {status.label()} " for " {difference.name.clone()} ", " {period.to_string()} " as an override"</h4>
            {move || error(EntryField::Value).get().map(|m| view! { <p class="app-error-text" role="alert">{m}</p> })}
            <TextArea id="reconcile-reason" label="Why the council's status stands" value=reason rows=2
                error=error(EntryField::OverrideReason) />
            <PersonSelect id="reconcile-by" label="Who you are (recorded with the override)" none="Choose yourself…"
                bind=by recorded=RecordedAs::Name error=error(EntryField::By) />
            <div class="app-button-group">
                <button type="submit" class="app-button" data-testid="reconcile-override-confirm" on:click=record_it>
                    "Record the override"
                </button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}
