//! The scorecard table: the Cambridgeshire PMF's Appendix C columns plus the Making Data Count icons and the forecast, every header a sort button, the
//! RAG as text, icon and colour, arrows with words, and the flags a meeting looks for.

use leptos::prelude::*;

use super::Shown;
use super::lines::ScorecardLine;
use crate::domain::basics::period::Period;
use crate::domain::kpi::mdc_icons::MdcIcons;
use crate::domain::scorecard::filter::SortColumn;
use crate::ui::address::served_path::link;
use crate::ui::address::value_code::code;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row, Sorting};
use crate::ui::components::direction_mark::MovementOrNone;
use crate::ui::components::mdc_marks::{AssuranceMark, VariationMark, Words};
use crate::ui::components::rag_badge::{RagBadge, RagStatusBadge};
use crate::ui::pages::scorecards::view::ScorecardView;
use crate::ui::routes::kpi_path_at;

/// The columns, in order, with their headings (the Cambridgeshire PMF, Appendix C, with the Making Data Count
/// icons and the forecast) and the sort each heading chooses (none for the icons and the commentary).
const COLUMNS: [(Option<SortColumn>, &str); 15] = [
    (Some(SortColumn::Perspective), "Perspective"),
    (Some(SortColumn::Kpi), "KPI"),
    (Some(SortColumn::Category), "Metric category"),
    (Some(SortColumn::Frequency), "Reporting frequency"),
    (Some(SortColumn::LastUpdated), "Last updated"),
    (Some(SortColumn::Target), "Target"),
    (Some(SortColumn::Direction), "Direction for improvement"),
    (Some(SortColumn::Current), "Performance (current period)"),
    (Some(SortColumn::Previous), "Performance (previous period)"),
    (Some(SortColumn::Change), "Change in performance"),
    (Some(SortColumn::Rag), "RAG rating"),
    (Some(SortColumn::Trend), "Trend analysis"),
    (None, "Variation and assurance (SPC)"),
    (Some(SortColumn::Forecast), "Forecast RAG (year end)"),
    (None, "Comments / commentary"),
];

/// The table's columns: sortable headings but the icons and the commentary.
fn columns() -> Vec<Column> {
    COLUMNS
        .into_iter()
        .map(|(column, heading)| {
            let shaped = match column {
                Some(SortColumn::Kpi) => {
                    Column::row_heading(heading).with_class("app-scorecard__kpi")
                }
                Some(SortColumn::Target | SortColumn::Current | SortColumn::Previous) => {
                    Column::number(heading)
                }
                None if heading.starts_with("Comments") => {
                    Column::text(heading).with_class("app-scorecard__commentary")
                }
                _ => Column::text(heading),
            };
            match column {
                Some(column) => {
                    shaped.sortable(format!("sort-{}", code(&column).unwrap_or_default()))
                }
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

/// One KPI's row; its link opens the KPI's page at the period `chosen` for the scorecard, if one is.
fn row(line: ScorecardLine, chosen: Option<Period>) -> Row {
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
        mdc,
        forecast,
        commentary,
        green_but_declining,
        needs_action_plan,
    } = line;
    let kpi = view! {
        <a class="app-scorecard__name" href=link(&kpi_path_at(&id, chosen)) data-testid="kpi-link">{name}</a>
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
        mdc_cell(mdc),
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
                    .position(|(column, _)| *column == Some(v.sort))
                    .map(|index| (index, v.descending))
            })
        }),
        choose: Callback::new(move |index: usize| {
            let Some((Some(column), _)) = COLUMNS.get(index) else {
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
        let period = view.with(|v| v.period);
        shown.with(|s| {
            s.lines
                .iter()
                .take(limit)
                .map(|line| row(line.clone(), period).key(format!("{line:?}{period:?}")))
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
