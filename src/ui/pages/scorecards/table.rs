//! The scorecard table: the Cambridgeshire PMF's Appendix C columns plus the Making Data Count icons and the forecast, every header a sort button, the
//! RAG as text, icon and colour, arrows with words, and the flags a meeting looks for.

use leptos::prelude::*;

use super::Shown;
use super::lines::ScorecardLine;
use crate::domain::basics::period::Period;
use crate::domain::kpi::mdc_icons::MdcIcons;
use crate::domain::maths::rag::RagStatus;
use crate::domain::scorecard::filter::SortColumn;
use crate::ui::address::served_path::link;
use crate::ui::address::value_code::code;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row, Sorting};
use crate::ui::components::direction_mark::MovementOrNone;
use crate::ui::components::mdc_marks::{AssuranceMark, VariationMark, Words};
use crate::ui::components::rag_badge::{RagBadge, RagStatusBadge};
use crate::ui::pages::scorecards::column_chooser::ColumnChooser;
use crate::ui::pages::scorecards::columns::{ScorecardColumn, ShownColumns};
use crate::ui::pages::scorecards::view::ScorecardView;
use crate::ui::routes::kpi_path_at;

/// The table's columns for `shown`: sortable headings but the icons and the commentary.
fn columns(shown: &ShownColumns) -> Vec<Column> {
    shown
        .columns()
        .iter()
        .map(|&column| {
            let heading = column.heading();
            let shaped = match column {
                ScorecardColumn::Sorted(SortColumn::Kpi) => {
                    Column::row_heading(heading).with_class("app-scorecard__kpi")
                }
                ScorecardColumn::Sorted(
                    SortColumn::Target | SortColumn::Current | SortColumn::Previous,
                ) => Column::number(heading),
                ScorecardColumn::Commentary => {
                    Column::text(heading).with_class("app-scorecard__commentary")
                }
                _ => Column::text(heading),
            };
            match column.sort() {
                Some(sort) => shaped.sortable(format!("sort-{}", code(&sort).unwrap_or_default())),
                None => shaped,
            }
        })
        .collect()
}

/// The Making Data Count icons, or why there are none.
fn mdc_cell(mdc: Option<MdcIcons>) -> AnyView {
    match mdc {
        Some(icons) => view! {
            <VariationMark icon=icons.variation words=Words::Short />
            {icons.assurance.map(|a| view! { <AssuranceMark icon=a words=Words::Short /> })}
        }
        .into_any(),
        None => view! { <span class="app-muted">"Too few values"</span> }.into_any(),
    }
}

/// The forecast's value, with its RAG when there is a year-end target.
fn forecast_cell(forecast: Option<(Option<RagStatus>, String)>) -> AnyView {
    match forecast {
        Some((Some(status), value)) => view! {
            <RagStatusBadge status=Some(status) none_label="" />
            <span class="app-scorecard__period">"forecast " {value}</span>
        }
        .into_any(),
        Some((None, value)) => view! {
            <span class="app-scorecard__period">"forecast " {value}</span>
            <span class="app-muted">" (no year-end target to rate it against)"</span>
        }
        .into_any(),
        None => view! { <span class="app-muted">"No forecast"</span> }.into_any(),
    }
}

/// `line`'s cell in `column`; the KPI's link opens its page at the period `chosen` for the scorecard, if one is.
fn cell(column: ScorecardColumn, line: &ScorecardLine, chosen: Option<Period>) -> AnyView {
    let l = line.clone();
    let sorted = match column {
        ScorecardColumn::Spc => return mdc_cell(l.mdc),
        ScorecardColumn::Commentary => return l.commentary.into_any(),
        ScorecardColumn::Sorted(sorted) => sorted,
    };
    match sorted {
        SortColumn::Perspective => l.perspective.into_any(),
        SortColumn::Kpi | SortColumn::Register => view! {
            <a class="app-scorecard__name" href=link(&kpi_path_at(&l.id, chosen)) data-testid="kpi-link">{l.name}</a>
            <span class="app-scorecard__id">{l.id}</span>
        }
        .into_any(),
        SortColumn::Category => l.category.into_any(),
        SortColumn::Frequency => l.frequency.into_any(),
        SortColumn::LastUpdated => l.last_updated.into_any(),
        SortColumn::Target => l.target.into_any(),
        SortColumn::Direction => l.direction.into_any(),
        SortColumn::Current => {
            view! { {l.current} <span class="app-scorecard__period">{l.period}</span> }.into_any()
        }
        SortColumn::Previous => l.previous.into_any(),
        SortColumn::Change => view! { <MovementOrNone movement=l.change /> }.into_any(),
        SortColumn::Rag => view! {
            <RagBadge rating=l.rating />
            {l.needs_action_plan.then(|| view! { <span class="app-flag" data-testid="flag-no-action">"No action plan"</span> })}
        }
        .into_any(),
        SortColumn::Trend => view! {
            <MovementOrNone movement=l.trend />
            {l.green_but_declining.then(|| view! { <span class="app-flag" data-testid="flag-declining">"Green but declining"</span> })}
        }
        .into_any(),
        SortColumn::Forecast => forecast_cell(l.forecast),
    }
}

/// One KPI's row, with the `shown` columns.
fn row(line: &ScorecardLine, chosen: Option<Period>, shown: &ShownColumns) -> Row {
    Row::new(
        shown
            .columns()
            .iter()
            .map(|&column| cell(column, line, chosen))
            .collect(),
    )
    .test_id("scorecard-row")
    .data("data-kpi", line.id.clone())
}

/// How many rows the table draws at first, and how many more each "Show more" adds: drawing is what takes
/// the time in a browser (`benches/scorecards.mjs`), and a meeting reads the top of a sorted list.
const ROWS_AT_A_TIME: usize = 100;

/// The table, in a region that scrolls sideways on narrow screens and can be scrolled from the keyboard.
#[component]
pub fn ScorecardTable(
    shown: Memo<Shown>,
    view: Memo<ScorecardView>,
    apply: Callback<ScorecardView>,
) -> impl IntoView {
    let limit = RwSignal::new(ROWS_AT_A_TIME);
    Effect::new(move |_| {
        view.track();
        limit.set(ROWS_AT_A_TIME);
    });
    let total = move || shown.with(|s| s.lines.len());
    let sorting = Sorting {
        by: Signal::derive(move || {
            view.with(|v| {
                v.columns
                    .columns()
                    .iter()
                    .position(|column| column.sort() == Some(v.sort))
                    .map(|index| (index, v.descending))
            })
        }),
        choose: Callback::new(move |index: usize| {
            let mut next = view.get_untracked();
            let Some(sort) = next.columns.columns().get(index).and_then(|c| c.sort()) else {
                return;
            };
            next.descending = next.sort == sort && !next.descending;
            next.sort = sort;
            apply.run(next);
        }),
    };
    let caption =
        move || shown.with(|s| format!("{}: {} of {} KPIs", s.title, s.lines.len(), s.total));
    let rows = move || {
        let limit = limit.get();
        let (period, shown_columns) = view.with(|v| (v.period, v.columns.clone()));
        shown.with(|s| {
            s.lines
                .iter()
                .take(limit)
                .map(|line| row(line, period, &shown_columns).key(format!("{line:?}{period:?}")))
                .collect()
        })
    };
    // The columns change only when a person chooses: then the table is drawn again with them.
    let shown_columns = Memo::new(move |_| view.with(|v| v.columns.clone()));
    view! {
        // Keyed by everything a row shows, so filtering and sorting move or drop existing rows instead of
        // rebuilding the table, and a row whose figures change is drawn again.
        <ColumnChooser view=view apply=apply />
        {move || {
            let columns = shown_columns.with(columns);
            view! {
                <DataTable test_id="scorecard-table" caption=caption columns=columns rows=rows keyed=true layout=Layout::WIDE class="app-scorecard" sorting=sorting
                    empty=Empty::below("scorecard-empty", "No KPI matches these filters. Clear the filters or the search to see them all.") />
            }
        }}
        <Show when=move || { total() > limit.get() }>
            <p data-testid="rows-drawn">{move || format!("The first {} of {} rows are shown.", limit.get(), total())}</p>
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary" data-testid="show-more-rows"
                    on:click=move |_| limit.update(|n| *n = n.saturating_add(ROWS_AT_A_TIME))>
                    {move || format!("Show {} more", ROWS_AT_A_TIME.min(total().saturating_sub(limit.get())))}
                </button>
                <button type="button" class="app-button app-button--secondary" data-testid="show-all-rows"
                    on:click=move |_| limit.set(usize::MAX)>
                    {move || format!("Show all {}", total())}
                </button>
            </div>
        </Show>
    }
}
