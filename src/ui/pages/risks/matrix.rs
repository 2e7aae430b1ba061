//! The 5×5 matrix: the ECharts heat map, and the same counts as a table whose cells are buttons, so a
//! keyboard or screen-reader user opens a cell's risks as easily as a click on the chart does.

use leptos::prelude::*;

use super::view::RiskView;
use crate::charts::risk_heat_map::{cell_of_click, heat_map_summary, risk_heat_map};
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::risk::RiskBands;
use crate::domain::risks::register::{HeatMap, Stage};
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::echart::EChart;

/// The chart and the table of `map`; choosing a cell applies it as the register's filter (again: clears it).
#[component]
pub fn RiskMatrix(
    map: Memo<HeatMap>,
    bands: Memo<RiskBands>,
    view: Memo<RiskView>,
    apply: Callback<RiskView>,
) -> impl IntoView {
    let chart = Signal::derive(move || map.with(|m| risk_heat_map(m, &bands.get())));
    let summary =
        Signal::derive(move || map.with(|m| heat_map_summary(m, &bands.get(), Stage::Residual)));
    let choose = move |cell: (u8, u8)| {
        let mut next = view.get_untracked();
        next.filter.cell = (next.filter.cell != Some(cell)).then_some(cell);
        apply.run(next);
    };
    let on_click = Callback::new(move |values: Vec<String>| {
        if let Some(cell) = cell_of_click(&values) {
            choose(cell);
        }
    });
    let cell = move |likelihood: u8, impact: u8| {
        let count = move || map.with(|m| m.count(likelihood, impact));
        let band = move || bands.with(|b| b.band(likelihood * impact));
        let class = move || {
            let band = match band() {
                RagStatus::Red => "red",
                RagStatus::Amber => "amber",
                RagStatus::Green => "green",
            };
            format!("app-matrix__cell app-matrix__cell--{band}")
        };
        let pressed = move || {
            view.with(|v| v.filter.cell == Some((likelihood, impact)))
                .to_string()
        };
        view! {
                <button type="button" class=class aria-pressed=pressed data-testid=format!("matrix-cell-{likelihood}-{impact}")
                    aria-label=move || format!("Likelihood {likelihood}, impact {impact}, score {} ({}): {} risks", likelihood * impact, band().label(), count())
                    on:click=move |_| choose((likelihood, impact))>
                    {count}
                </button>
        }
        .into_any()
    };
    let columns = std::iter::once(Column::row_heading("Likelihood"))
        .chain((1..=5u8).map(|impact| Column::text(format!("Impact {impact}"))))
        .collect();
    let row = move |likelihood: u8| {
        Row::new(
            std::iter::once(format!("Likelihood {likelihood}").into_any())
                .chain((1..=5u8).map(|impact| cell(likelihood, impact)))
                .collect(),
        )
    };
    let likelihoods: Vec<u8> = (1..=5u8).rev().collect();
    view! {
        <section class="app-section" aria-labelledby="matrix-heading" data-testid="risk-matrix">
            <h2 id="matrix-heading">"Heat map"</h2>
            <p class="app-hint">"Each cell counts the open risks at that likelihood and impact now (residual). Choose a cell, on the chart or in the table, to list its risks; choose it again to list them all."</p>
            <div class="app-matrix">
                <EChart id="risk-heat-map" chart=chart summary=summary height=360 on_click=on_click />
                <DataTable test_id="matrix-table" caption="Open risks in each cell: likelihood down the side, impact along the top"
                    columns=columns rows=move || likelihoods.iter().cloned().map(row).collect() layout=Layout::COMPACT class="app-matrix__table" />
            </div>
        </section>
    }
}
