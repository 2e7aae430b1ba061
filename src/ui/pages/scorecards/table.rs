//! The scorecard table: the Cambridgeshire PMF's Appendix C columns plus the forecast, every header a sort button, the
//! RAG as text, icon and colour, arrows with words, and the flags a meeting looks for.

use leptos::prelude::*;

use super::Shown;
use super::lines::ScorecardLine;
use crate::domain::scorecard::filter::SortColumn;
use crate::ui::address::served_path::link;
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

/// A column heading that sorts by its column, and says how it is sorted.
#[component]
fn SortHeading(
    column: SortColumn,
    label: &'static str,
    view: Memo<ScorecardView>,
    apply: Callback<ScorecardView>,
) -> impl IntoView {
    let sortable = column != SortColumn::Register;
    let state = move || view.with(|v| (v.sort == column).then_some(v.descending));
    let aria_sort = move || match state() {
        Some(false) => Some("ascending"),
        Some(true) => Some("descending"),
        None => None,
    };
    let sort = move |_| {
        let mut next = view.get_untracked();
        next.descending = next.sort == column && !next.descending;
        next.sort = column;
        apply.run(next);
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            {if sortable {
                view! {
                    <button type="button" class="app-sort" data-testid=format!("sort-{}", crate::ui::address::value_code::code(&column).unwrap_or_default()) on:click=sort>
                        {label}
                        <span class="app-sort__mark" aria-hidden="true">
                            {move || match state() { Some(false) => " ▲", Some(true) => " ▼", None => "" }}
                        </span>
                    </button>
                }.into_any()
            } else {
                view! { <span>{label}</span> }.into_any()
            }}
        </th>
    }
}

/// One KPI's row.
fn row(line: ScorecardLine) -> impl IntoView {
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
    let kpi_attribute = id.clone();
    view! {
        <tr data-testid="scorecard-row" data-kpi=kpi_attribute>
            <td>{perspective}</td>
            <th scope="row" class="app-scorecard__kpi">
                <a class="app-scorecard__name" href=link(&crate::ui::routes::kpi_path(&id)) data-testid="kpi-link">{name}</a>
                <span class="app-scorecard__id">{id}</span>
            </th>
            <td>{category}</td>
            <td>{frequency}</td>
            <td>{last_updated}</td>
            <td class="app-table__number">{target}</td>
            <td>{direction}</td>
            <td class="app-table__number">
                {current}
                <span class="app-scorecard__period">{period}</span>
            </td>
            <td class="app-table__number">{previous}</td>
            <td><MovementOrNone movement=change /></td>
            <td>
                <RagBadge rating=rating />
                {needs_action_plan.then(|| view! { <span class="app-flag" data-testid="flag-no-action">"No action plan"</span> })}
            </td>
            <td>
                <MovementOrNone movement=trend />
                {green_but_declining.then(|| view! { <span class="app-flag" data-testid="flag-declining">"Green but declining"</span> })}
            </td>
            <td>
                {match forecast {
                    Some((status, value)) => view! {
                        <RagStatusBadge status=Some(status) none_label="" />
                        <span class="app-scorecard__period">"forecast " {value}</span>
                    }.into_any(),
                    None => view! { <span class="app-muted">"No forecast"</span> }.into_any(),
                }}
            </td>
            <td class="app-scorecard__commentary">{commentary}</td>
        </tr>
    }
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
    let headings = COLUMNS
        .into_iter()
        .map(|(column, label)| view! { <SortHeading column=column label=label view=view apply=apply /> })
        .collect_view();
    view! {
        <div class="app-table-scroll" role="region" aria-labelledby="scorecard-caption" tabindex="0">
            <table class="app-table app-scorecard" data-testid="scorecard-table">
                <caption id="scorecard-caption" class="app-table__caption">
                    {move || shown.with(|s| format!("{}: {} of {} KPIs", s.title, s.lines.len(), s.total))}
                </caption>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>
                    // Keyed by everything a row shows, so filtering and sorting move or drop existing rows
                    // instead of rebuilding the table, and a row whose figures change is redrawn.
                    <For
                        each=move || {
                            let limit = limit.get();
                            shown.with(|s| s.lines.iter().take(limit).map(|line| (format!("{line:?}"), line.clone())).collect::<Vec<_>>())
                        }
                        key=|(key, _)| key.clone()
                        children=|(_, line)| row(line)
                    />
                </tbody>
            </table>
        </div>
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
        <Show when=move || shown.with(|s| s.lines.is_empty())>
            <p data-testid="scorecard-empty">"No KPI matches these filters. Clear the filters or the search to see them all."</p>
        </Show>
    }
}
