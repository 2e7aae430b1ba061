//! The scorecard table: the Cambridgeshire PMF's Appendix C columns plus the forecast, every header a sort button, the
//! RAG as text, icon and colour, arrows with words, and the flags a meeting looks for.

use leptos::prelude::*;

use super::Shown;
use super::lines::ScorecardLine;
use crate::domain::scorecard::filter::SortColumn;
use crate::ui::address::served_path::link;
use crate::ui::address::value_code::code;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row, Sorting};
use crate::ui::components::direction_mark::MovementOrNone;
use crate::ui::components::rag_badge::{RagBadge, RagStatusBadge};
use crate::ui::pages::scorecards::view::ScorecardView;

/// The columns, in order, with their headings (the Cambridgeshire PMF, Appendix C).
const COLUMNS: [(SortColumn, &str); 14] = [
    (SortColumn::Perspective, "Perspective"),
    (SortColumn::Kpi, "KPI"),
    (SortColumn::Category, "Metric category"),
    (SortColumn::Frequency, "Reporting frequency"),
    (SortColumn::LastUpdated, "Last updated"),
    (SortColumn::Target, "Target"),
    (SortColumn::Direction, "Direction for improvement"),
    (SortColumn::Current, "Performance (current period)"),
    (SortColumn::Previous, "Performance (previous period)"),
    (SortColumn::Change, "Change in performance"),
    (SortColumn::Rag, "RAG rating"),
    (SortColumn::Trend, "Trend analysis"),
    (SortColumn::Forecast, "Forecast RAG (year end)"),
    (SortColumn::Register, "Comments / commentary"),
];

/// The table's columns: sortable headings but the commentary.
fn columns() -> Vec<Column> {
    COLUMNS
        .into_iter()
        .map(|(column, heading)| {
            let shaped = match column {
                SortColumn::Kpi => Column::row_heading(heading).with_class("app-scorecard__kpi"),
                SortColumn::Target | SortColumn::Current | SortColumn::Previous => {
                    Column::number(heading)
                }
                SortColumn::Register => {
                    Column::text(heading).with_class("app-scorecard__commentary")
                }
                _ => Column::text(heading),
            };
            if column == SortColumn::Register {
                shaped
            } else {
                shaped.sortable(format!("sort-{}", code(&column).unwrap_or_default()))
            }
        })
        .collect()
}

/// One KPI's row.
fn row(line: ScorecardLine) -> Row {
    let ScorecardLine {
        id,
        name,
        perspective,
        category,
        frequency,
        period,
        last_updated,
        target,
        direction,
        current,
        previous,
        change,
        rating,
        trend,
        forecast,
        commentary,
        green_but_declining,
        needs_action_plan,
    } = line;
    let kpi = view! {
        <a class="app-scorecard__name" href=link(&crate::ui::routes::kpi_path(&id)) data-testid="kpi-link">{name}</a>
        <span class="app-scorecard__id">{id.clone()}</span>
    };
    let rag = view! {
        <RagBadge rating=rating />
        {needs_action_plan.then(|| view! { <span class="app-flag" data-testid="flag-no-action">"No action plan"</span> })}
    };
    let trend = view! {
        <MovementOrNone movement=trend />
        {green_but_declining.then(|| view! { <span class="app-flag" data-testid="flag-declining">"Green but declining"</span> })}
    };
    let forecast = match forecast {
        Some((status, value)) => view! {
            <RagStatusBadge status=Some(status) none_label="" />
            <span class="app-scorecard__period">"forecast " {value}</span>
        }
        .into_any(),
        None => view! { <span class="app-muted">"No forecast"</span> }.into_any(),
    };
    Row::new(vec![
        perspective.into_any(),
        kpi.into_any(),
        category.into_any(),
        frequency.into_any(),
        last_updated.into_any(),
        target.into_any(),
        direction.into_any(),
        view! { {current} <span class="app-scorecard__period">{period}</span> }.into_any(),
        previous.into_any(),
        view! { <MovementOrNone movement=change /> }.into_any(),
        rag.into_any(),
        trend.into_any(),
        forecast,
        commentary.into_any(),
    ])
    .test_id("scorecard-row")
    .data("data-kpi", id)
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
                COLUMNS
                    .iter()
                    .position(|(column, _)| *column == v.sort)
                    .map(|index| (index, v.descending))
            })
        }),
        choose: Callback::new(move |index: usize| {
            let Some((column, _)) = COLUMNS.get(index) else {
                return;
            };
            let mut next = view.get_untracked();
            next.descending = next.sort == *column && !next.descending;
            next.sort = *column;
            apply.run(next);
        }),
    };
    let caption =
        move || shown.with(|s| format!("{}: {} of {} KPIs", s.title, s.lines.len(), s.total));
    let rows = move || {
        let limit = limit.get();
        shown.with(|s| {
            s.lines
                .iter()
                .take(limit)
                .map(|line| row(line.clone()).key(format!("{line:?}")))
                .collect()
        })
    };
    view! {
        // Keyed by everything a row shows, so filtering and sorting move or drop existing rows instead of
        // rebuilding the table, and a row whose figures change is drawn again.
        <DataTable test_id="scorecard-table" caption=caption columns=columns() rows=rows keyed=true layout=Layout::WIDE class="app-scorecard" sorting=sorting
            empty=Empty::below("scorecard-empty", "No KPI matches these filters. Clear the filters or the search to see them all.") />
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
