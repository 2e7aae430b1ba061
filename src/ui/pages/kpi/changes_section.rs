//! The KPI's change history (`kpi-history`): who entered or changed each of its figures, its sign-offs, its
//! targets and definition, when, from what and how, newest first.

use leptos::prelude::*;

use crate::domain::basics::ids::KpiId;
use crate::domain::history::change_line::KnownNames;
use crate::domain::history::item_changes::{changes_about_kpi, measurement_period};
use crate::domain::model::change_record::ChangeRecord;
use crate::ui::address::served_path::link;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row};
use crate::ui::routes::Page;
use crate::ui::state::use_app_state;

/// How many lines are shown before "Show every change".
const FIRST_SHOWN: usize = 20;

/// What a record of the KPI is about, in words: the period of a figure, or the definition.
fn about(record: &ChangeRecord) -> String {
    match (record.list.as_str(), measurement_period(record)) {
        (_, Some(period)) => period.to_string(),
        ("benchmarks", _) => "Comparator value".to_owned(),
        _ => "Definition and targets".to_owned(),
    }
}

/// The KPI's changes, newest first.
#[component]
pub fn ChangesSection(id: Memo<String>) -> impl IntoView {
    let state = use_app_state();
    let show_all = RwSignal::new(false);
    let lines = Memo::new(move |_| {
        let Ok(kpi) = KpiId::try_from(id.get()) else {
            return Vec::new();
        };
        state.session.with(|s| {
            let workspace = s.current();
            let names = KnownNames::of(workspace);
            changes_about_kpi(&workspace.history, &kpi)
                .into_iter()
                .flat_map(|record| {
                    let about = about(record);
                    names
                        .record_lines(record)
                        .into_iter()
                        .map(move |line| (about.clone(), line))
                })
                .collect::<Vec<_>>()
        })
    });
    let columns = vec![
        Column::row_heading("When"),
        Column::text("Period or part"),
        Column::text("Field"),
        Column::text("From \u{2192} to"),
        Column::text("Who"),
        Column::text("How"),
    ];
    let rows = move || {
        let shown = if show_all.get() {
            usize::MAX
        } else {
            FIRST_SHOWN
        };
        lines.with(|lines| {
            lines
                .iter()
                .take(shown)
                .map(|(about, line)| {
                    Row::new(vec![
                        line.when.clone().into_any(),
                        about.clone().into_any(),
                        line.field.clone().into_any(),
                        line.from_to().into_any(),
                        line.who.clone().into_any(),
                        line.how.clone().into_any(),
                    ])
                })
                .collect()
        })
    };
    let hidden = move || lines.with(Vec::len).saturating_sub(FIRST_SHOWN);
    view! {
        <section aria-labelledby="kpi-history-heading" class="app-section" data-testid="kpi-history">
            <h2 id="kpi-history-heading">"Change history"</h2>
            <p>
                "Who entered or changed this KPI's figures, sign-offs, targets and definition, when, from what and how. "
                <a href=link(&Page::ChangeLog.path())>"Every change to the workspace"</a>
            </p>
            <DataTable test_id="kpi-history-table" caption="Changes to this KPI, newest first"
                columns=columns rows=rows layout=Layout::WIDE
                empty=Empty::instead("kpi-history-empty",
                    "No change to this KPI has been recorded yet. From now on, every change is recorded here with who made it.") />
            <Show when=move || !show_all.get() && hidden() != 0>
                <button type="button" class="app-button app-button--secondary" data-testid="kpi-history-all"
                    on:click=move |_| show_all.set(true)>
                    {move || format!("Show {} older change{}", hidden(), if hidden() == 1 { "" } else { "s" })}
                </button>
            </Show>
        </section>
    }
}
