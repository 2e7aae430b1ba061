//! The change log (`/data/changes`): every change recorded in the workspace, newest first, narrowed by
//! person, dates, how it came about, kind of item and directorate, and downloaded as CSV.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::history::change_line::KnownNames;
use crate::domain::history::change_log::{LogFilter, change_log, people_in_history};
use crate::domain::model::change_record::ChangeWay;
use crate::storage::change_recorder::SETTINGS_LIST;
use crate::storage::collection::Collection;
use crate::storage::csv;
use crate::storage::diff::list_label;
use crate::ui::address::query::encode;
use crate::ui::address::served_path::link;
use crate::ui::address::value_code::{code, decode};
use crate::ui::browser::download::{download_csv, file_name};
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row};
use crate::ui::components::fields::{Choice, DateField, Select, coded};
use crate::ui::routes::Page;
use crate::ui::state::use_app_state;

/// How many lines are drawn at first, and how many more each "Show more" adds.
const PAGE_OF_LINES: usize = 100;

/// The address's names for the filters.
const PERSON: &str = "person";
const FROM: &str = "from";
const TO: &str = "to";
const HOW: &str = "how";
const KIND: &str = "kind";
const DIRECTORATE: &str = "directorate";
const KPI: &str = "kpi";
const FIGURES_WITHIN: &str = "figures-within";
const ITEM: &str = "item";

/// The address of the change log narrowed to the changes to `kpi`'s figures for periods within `span`.
pub fn change_log_path(kpi: &KpiId, span: Period) -> String {
    format!(
        "{}?{KPI}={}&{FIGURES_WITHIN}={}",
        Page::ChangeLog.path(),
        encode(kpi.as_str()),
        encode(&code(&span).unwrap_or_default())
    )
}

/// The address of the change log narrowed to the changes to the item `key` of `list` (a directorate, say).
pub fn item_changes_path(list: &str, key: &str) -> String {
    format!(
        "{}?{KIND}={}&{ITEM}={}",
        Page::ChangeLog.path(),
        encode(list),
        encode(key)
    )
}

/// The log's CSV columns.
const CSV_HEADINGS: [&str; 8] = [
    "When (UTC)",
    "Who",
    "How",
    "Kind",
    "Item",
    "Field",
    "From",
    "To",
];

/// The change log page.
#[component]
pub fn ChangeLogPage() -> impl IntoView {
    use_page_title("Change history");
    let state = use_app_state();
    // The address may narrow the log: a link from the KPI audit names a KPI and a quarter (see
    // `change_log_path`), one from a part of the golden thread the item (`item_changes_path`), and any filter
    // below may be given. The filters follow the address, so "See every change" lifts them.
    let query = use_query_map();
    let asked = move |name: &str| query.with(|q| q.get(name)).unwrap_or_default();
    let person = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let how = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let directorate = RwSignal::new(String::new());
    Effect::new(move |_| {
        for (signal, name) in [
            (person, PERSON),
            (from, FROM),
            (to, TO),
            (how, HOW),
            (kind, KIND),
            (directorate, DIRECTORATE),
        ] {
            signal.set(asked(name));
        }
    });
    let kpi = Memo::new(move |_| KpiId::new(asked(KPI)).ok());
    let figures_within = Memo::new(move |_| decode::<Period>(&asked(FIGURES_WITHIN)));
    let item = Memo::new(move |_| Some(asked(ITEM)).filter(|key| !key.is_empty()));
    let scope = move || {
        if let Some(key) = item.get() {
            // The item as its newest record knew it.
            let label = state.session.with(|s| {
                s.current()
                    .history
                    .iter()
                    .rev()
                    .find(|r| r.key == key && kind.with(|k| &r.list == k))
                    .map_or_else(|| key.clone(), |r| r.label.clone())
            });
            return Some(format!("Only the changes to {label}."));
        }
        let kpi = kpi.get()?;
        let name = state.session.with(|s| {
            s.current()
                .kpi(&kpi)
                .map_or_else(|| kpi.to_string(), |k| k.name.clone())
        });
        Some(match figures_within.get() {
            Some(span) => format!("Only the changes to the figures of {name} for {span}."),
            None => format!("Only the changes about {name}."),
        })
    };
    let shown = RwSignal::new(PAGE_OF_LINES);
    let filter = Memo::new(move |_| {
        let chosen = |signal: RwSignal<String>| Some(signal.get()).filter(|v| !v.is_empty());
        let day =
            |signal: RwSignal<String>| NaiveDate::parse_from_str(&signal.get(), "%Y-%m-%d").ok();
        LogFilter {
            person: chosen(person),
            from: day(from),
            to: day(to),
            how: decode::<ChangeWay>(&how.get()),
            list: chosen(kind),
            directorate: chosen(directorate).and_then(|d| d.try_into().ok()),
            kpi: kpi.get(),
            figures_within: figures_within.get(),
            item: item.get(),
        }
    });
    // Each line with the kind of item, newest first.
    let lines = Memo::new(move |_| {
        filter.with(|filter| {
            state.session.with(|s| {
                let workspace = s.current();
                let names = KnownNames::of(workspace);
                change_log(workspace, filter)
                    .into_iter()
                    .flat_map(|record| {
                        let kind = list_label(&record.list);
                        names
                            .record_lines(record)
                            .into_iter()
                            .map(move |line| (kind, line))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    Effect::new(move |_| {
        filter.track();
        shown.set(PAGE_OF_LINES);
    });
    let people = Signal::derive(move || {
        state.session.with(|s| {
            people_in_history(s.current())
                .into_iter()
                .map(|name| (name.clone(), name))
                .collect::<Vec<Choice>>()
        })
    });
    let ways = coded(ChangeWay::ALL, |w| w.label().to_owned());
    let kinds: Vec<Choice> = std::iter::once((
        SETTINGS_LIST.to_owned(),
        list_label(SETTINGS_LIST).to_owned(),
    ))
    .chain(
        Collection::ALL
            .into_iter()
            .filter(|c| *c != Collection::History)
            .map(|c| (c.name().to_owned(), c.label().to_owned())),
    )
    .collect();
    let directorates = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .directorates
                .iter()
                .map(|d| (d.id.to_string(), d.name.clone()))
                .collect::<Vec<Choice>>()
        })
    });
    let columns = vec![
        Column::row_heading("When (UTC)"),
        Column::text("Who"),
        Column::text("How"),
        Column::text("Item"),
        Column::text("Field"),
        Column::text("From \u{2192} to"),
    ];
    let rows = move || {
        lines.with(|lines| {
            lines
                .iter()
                .take(shown.get())
                .map(|(_, line)| {
                    Row::new(vec![
                        line.when.clone().into_any(),
                        line.who.clone().into_any(),
                        line.how.clone().into_any(),
                        line.item.clone().into_any(),
                        line.field.clone().into_any(),
                        line.from_to().into_any(),
                    ])
                })
                .collect()
        })
    };
    let count = move || {
        let (lines_found, changes) = (
            lines.with(Vec::len),
            filter.with(|f| state.session.with(|s| change_log(s.current(), f).len())),
        );
        format!(
            "{changes} change{} to {lines_found} field{}.",
            if changes == 1 { "" } else { "s" },
            if lines_found == 1 { "" } else { "s" }
        )
    };
    let download = move |_| {
        let rows: Vec<Vec<String>> = lines.with_untracked(|lines| {
            lines
                .iter()
                .map(|(kind, l)| {
                    vec![
                        l.at.clone(),
                        l.who.clone(),
                        l.how.clone(),
                        (*kind).to_owned(),
                        l.item.clone(),
                        l.field.clone(),
                        l.before.clone(),
                        l.after.clone(),
                    ]
                })
                .collect()
        });
        let council = state.council_name().get_untracked();
        if let Err(error) = download_csv(
            &file_name(&council, "change-history", "csv"),
            &csv::write(&CSV_HEADINGS, &rows),
        ) {
            web_sys::console::error_1(&error.into());
        }
    };
    let more = move || lines.with(Vec::len).saturating_sub(shown.get());
    view! {
        <h1 data-testid="page-heading">"Change history"</h1>
        <p class="app-lead">
            "Who changed what, when, from what and how: every edit made in this app and every file imported or merged, \
             in the name of the person at the keyboard (as they said at the top of the page). The history is part of \
             the workspace file, so it travels with it."
        </p>
        {move || scope().map(|words| view! {
            <p class="app-notice" data-testid="change-log-scope">
                {words} " " <a href=link(&Page::ChangeLog.path())>"See every change"</a>
            </p>
        })}
        <form class="app-form app-filters" data-testid="change-log-filters" on:submit=|e| e.prevent_default()>
            <Select id="change-log-person" label="Who" none="Anyone" choices=people bind=person test_id="change-log-person" />
            <DateField id="change-log-from" label="From" value=from />
            <DateField id="change-log-to" label="To" value=to />
            <Select id="change-log-how" label="How" none="Any way" choices=ways bind=how test_id="change-log-how" />
            <Select id="change-log-kind" label="What" none="Anything" choices=kinds bind=kind test_id="change-log-kind" />
            <Select id="change-log-directorate" label="Directorate" none="Any directorate" choices=directorates
                bind=directorate test_id="change-log-directorate" />
        </form>
        <p role="status" data-testid="change-log-count">{count}</p>
        <p>
            <button type="button" class="app-button app-button--secondary" data-testid="change-log-csv" on:click=download>
                "Download these changes (CSV)"
            </button>
        </p>
        <DataTable test_id="change-log" caption="Changes, newest first" columns=columns rows=rows layout=Layout::WIDE
            empty=Empty::instead("change-log-empty", "No recorded change matches these choices.") />
        <Show when=move || more() != 0>
            <button type="button" class="app-button app-button--secondary" data-testid="change-log-more"
                on:click=move |_| shown.update(|n| *n += PAGE_OF_LINES)>
                {move || format!("Show {} more of {} older changes", more().min(PAGE_OF_LINES), more())}
            </button>
        </Show>
    }
}
