//! The KPI register page (`/scorecards/register`): every KPI, live or not, with its level, status, place, owner,
//! source and frequency; searched, narrowed by level and status, sorted by any column, each linked to its page and
//! its editor; the rows shown downloaded as CSV or Excel.

use leptos::prelude::*;

use crate::domain::model::kpi::{KpiLevel, KpiStatus};
use crate::domain::reporting::kpi_register::{
    RegisterColumn, RegisterFilter, RegisterLine, register_lines,
};
use crate::storage::csv;
use crate::storage::spreadsheet::sheet_out::{CellOut, SheetOut};
use crate::storage::spreadsheet::xlsx_writer::{XLSX_TYPE, workbook_bytes};
use crate::ui::address::served_path::link;
use crate::ui::address::value_code::decode;
use crate::ui::browser::download::{download_bytes, download_csv, file_name};
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row, Sorting};
use crate::ui::components::fields::{Select, TextField, coded};
use crate::ui::routes::{kpi_edit_path, kpi_path};
use crate::ui::state::use_app_state;

const LEVELS: [KpiLevel; 4] = [
    KpiLevel::Strategic,
    KpiLevel::Corporate,
    KpiLevel::Operational,
    KpiLevel::Individual,
];
const STATUSES: [KpiStatus; 6] = [
    KpiStatus::Proposed,
    KpiStatus::InDevelopment,
    KpiStatus::Active,
    KpiStatus::Baseline,
    KpiStatus::Contextual,
    KpiStatus::Retired,
];

/// The register's lines as a sheet to download.
fn register_sheet(lines: &[RegisterLine]) -> SheetOut {
    SheetOut {
        name: "KPI register".to_owned(),
        headings: RegisterColumn::ALL
            .iter()
            .map(|c| c.heading().to_owned())
            .collect(),
        rows: lines
            .iter()
            .map(|line| {
                RegisterColumn::ALL
                    .iter()
                    .map(|column| CellOut::Text(column.text(line)))
                    .collect()
            })
            .collect(),
    }
}

/// The KPI register page.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let state = use_app_state();
    let search = RwSignal::new(String::new());
    let level = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let sorted = RwSignal::new(None::<(usize, bool)>);
    let message = RwSignal::new(None::<String>);
    let council = state.council_name();
    Effect::new(move |_| document().set_title(&format!("KPI register – {}", council.get())));
    let lines = Memo::new(move |_| {
        let filter = RegisterFilter {
            search: search.get(),
            level: decode(&level.get()),
            status: decode(&status.get()),
        };
        let sort = sorted
            .get()
            .and_then(|(at, descending)| RegisterColumn::ALL.get(at).map(|c| (*c, descending)));
        state
            .session
            .with(|s| register_lines(s.current(), &filter, sort))
    });
    let sorting = Sorting {
        by: sorted.into(),
        choose: Callback::new(move |at: usize| {
            sorted.update(|s| {
                *s = match *s {
                    Some((by, descending)) if by == at => Some((at, !descending)),
                    _ => Some((at, false)),
                }
            });
        }),
    };
    let columns: Vec<Column> = RegisterColumn::ALL
        .iter()
        .map(|column| {
            let heading = column.heading();
            let test_id = format!("register-sort-{}", heading.to_lowercase());
            match column {
                RegisterColumn::Name => Column::row_heading(heading),
                _ => Column::text(heading),
            }
            .sortable(test_id)
        })
        .chain([Column::text("Edit")])
        .collect();
    let row = |line: RegisterLine| {
        let cells = RegisterColumn::ALL
            .iter()
            .map(|column| match column {
                RegisterColumn::Name => view! { <a href=link(&kpi_path(&line.id))>{line.name.clone()}</a> }.into_any(),
                column => column.text(&line).into_any(),
            })
            .chain([view! {
                <a href=link(&kpi_edit_path(&line.id)) aria-label=format!("Edit {}", line.name)>"Edit"</a>
            }
            .into_any()])
            .collect();
        Row::new(cells)
            .key(line.id.clone())
            .test_id("register-row")
            .data("data-kpi", line.id.clone())
    };
    let report = move |result: Result<(), String>| {
        message.set(
            result
                .err()
                .map(|reason| format!("The register could not be downloaded ({reason}).")),
        );
    };
    let name = move |extension: &str| {
        state.session.with_untracked(|s| {
            file_name(
                &s.current().framework.council_name,
                "kpi-register",
                extension,
            )
        })
    };
    let offer_csv = move |_| {
        let sheet = lines.with_untracked(|l| register_sheet(l));
        let headings: Vec<&str> = sheet.headings.iter().map(String::as_str).collect();
        let rows: Vec<Vec<String>> = sheet
            .rows
            .iter()
            .map(|cells| {
                cells
                    .iter()
                    .map(|cell| match cell {
                        CellOut::Text(text) => text.clone(),
                        CellOut::Number(number) => number.to_string(),
                        CellOut::Empty => String::new(),
                    })
                    .collect()
            })
            .collect();
        report(download_csv(&name("csv"), &csv::write(&headings, &rows)));
    };
    let download_xlsx = move |_| {
        let sheet = lines.with_untracked(|l| register_sheet(l));
        report(
            workbook_bytes(&sheet)
                .and_then(|bytes| download_bytes(&name("xlsx"), XLSX_TYPE, &bytes)),
        );
    };
    view! {
        <h1 data-testid="page-heading">"KPI register"</h1>
        <p class="app-lead">"Every KPI of the framework, live or not: search it, narrow it and sort it, open a KPI or edit it, and download the rows shown."</p>
        <div class="app-inline-controls">
            <TextField id="register-search" label="Search" value=search hint="Words from the reference, name, definition, source, owner, directorate or service." />
            <Select id="register-level" label="Level" none="All levels" bind=level
                choices=coded(LEVELS, |l| l.label().to_owned()) />
            <Select id="register-status" label="Status" none="All statuses" bind=status
                choices=coded(STATUSES, |s| s.label().to_owned()) />
        </div>
        <p data-testid="register-count" role="status">{move || lines.with(|l| match l.len() {
            1 => "1 KPI".to_owned(),
            n => format!("{n} KPIs"),
        })}</p>
        <div class="app-button-group">
            <button type="button" class="app-button app-button--secondary" data-testid="register-download-csv" on:click=offer_csv>
                "Download these KPIs (CSV)"
            </button>
            <button type="button" class="app-button app-button--secondary" data-testid="register-download-xlsx" on:click=download_xlsx>
                "Download these KPIs (Excel)"
            </button>
        </div>
        {move || message.get().map(|m| view! { <p class="app-error-text" role="alert">{m}</p> })}
        <DataTable test_id="kpi-register" caption="The KPI register" columns=columns keyed=true layout=Layout::WIDE_COMPACT
            sorting=sorting empty=Empty::below("register-empty", "No KPI matches the search.")
            rows=move || lines.get().into_iter().map(row).collect() />
    }
}
