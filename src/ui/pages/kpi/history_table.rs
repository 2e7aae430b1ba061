//! The table behind the trend chart: the same figures, period by period, newest first, with the rating in
//! words and icon, last year's figure, the commentary and where the sign-off stands.

use leptos::prelude::*;

use crate::domain::basics::unit::Unit;
use crate::domain::kpi::history::HistoryPoint;
use crate::ui::components::rag_badge::RagBadge;

/// The history table for a KPI named `name`.
#[component]
pub fn HistoryTable(
    name: String,
    points: Vec<HistoryPoint>,
    unit: Unit,
    decimals: u8,
) -> impl IntoView {
    let show = move |value: Option<f64>| {
        value.map_or_else(|| "–".to_owned(), |v| unit.format(v, decimals))
    };
    let rows = points
        .into_iter()
        .rev()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{p.period.to_string()}</th>
                    <td class="app-table__number">{show(p.rated_value)}</td>
                    <td class="app-table__number">{show(p.target)}</td>
                    <td><RagBadge rating=p.rating /></td>
                    <td class="app-table__number">{show(p.last_year)}</td>
                    <td>{p.validation.map_or("–", |v| v.label())}</td>
                    <td>{p.commentary}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-scroll" role="region" aria-labelledby="history-caption" tabindex="0">
            <table class="app-table" data-testid="history-table">
                <caption id="history-caption" class="app-table__caption">{format!("{name}: the figures in the chart, newest first")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Period"</th>
                        <th scope="col" class="app-table__number">"Actual"</th>
                        <th scope="col" class="app-table__number">"Target"</th>
                        <th scope="col">"RAG"</th>
                        <th scope="col" class="app-table__number">"Same period last year"</th>
                        <th scope="col">"Sign-off"</th>
                        <th scope="col">"Commentary"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
