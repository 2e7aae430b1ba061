//! The table behind the trend chart: the same figures, period by period, newest first, with the rating in
//! words and icon, last year's figure, the commentary and where the sign-off stands.

use leptos::prelude::*;

use crate::domain::basics::unit::Unit;
use crate::domain::kpi::history::HistoryPoint;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
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
    let row = move |p: HistoryPoint| {
        Row::new(vec![
            p.period.to_string().into_any(),
            show(p.rated_value).into_any(),
            show(p.target).into_any(),
            view! { <RagBadge rating=p.rating /> }.into_any(),
            show(p.last_year).into_any(),
            p.validation.map_or("–", |v| v.label()).into_any(),
            p.commentary.into_any(),
        ])
    };
    let columns = vec![
        Column::row_heading("Period"),
        Column::number("Actual"),
        Column::number("Target"),
        Column::text("RAG"),
        Column::number("Same period last year"),
        Column::text("Sign-off"),
        Column::text("Commentary"),
    ];
    let newest_first: Vec<HistoryPoint> = points.into_iter().rev().collect();
    view! {
        <DataTable test_id="history-table" caption=format!("{name}: the figures in the chart, newest first")
            columns=columns rows=move || newest_first.iter().cloned().map(row).collect() layout=Layout::WIDE />
    }
}
