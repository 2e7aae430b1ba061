//! A KPI against its comparator group: the bar chart, the sentence that sums it up, and the ranked table.

use leptos::prelude::*;

use crate::charts::benchmark_chart::{benchmark_chart, benchmark_summary, ranked};
use crate::domain::kpi::history::HistoryPoint;
use crate::domain::model::benchmark::{BenchmarkComparison, latest_comparison};
use crate::domain::model::kpi::KpiDefinition;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::echart::EChart;
use crate::ui::state::use_app_state;

/// The benchmarking section for a KPI and its history; absent when there are no benchmark values for a
/// period the history holds.
#[component]
pub fn BenchmarkSection(
    history: Memo<Option<(KpiDefinition, Vec<HistoryPoint>)>>,
) -> impl IntoView {
    let state = use_app_state();
    let comparison = Memo::new(move |_| {
        history.with(|h| {
            let (kpi, points) = h.as_ref()?;
            let ours = |period| {
                points
                    .iter()
                    .find(|p| p.period == period)
                    .and_then(|p| p.value)
            };
            state.session.with(|s| {
                let w = s.current();
                let benchmarks: Vec<_> = w.benchmarks.iter().filter(|b| b.kpi == kpi.id).collect();
                let comparison = latest_comparison(&benchmarks, kpi.polarity, ours)?;
                Some((kpi.clone(), comparison, w.framework.council_name.clone()))
            })
        })
    });
    let chart = Signal::derive(move || {
        comparison.with(|c| {
            c.as_ref()
                .map_or_else(charming::Chart::new, |(kpi, comparison, council)| {
                    benchmark_chart(comparison, council, kpi)
                })
        })
    });
    let summary = Signal::derive(move || {
        comparison.with(|c| {
            c.as_ref()
                .map(|(kpi, comparison, council)| benchmark_summary(comparison, council, kpi))
                .unwrap_or_default()
        })
    });
    view! {
        <Show when=move || comparison.with(Option::is_some)>
            <section aria-labelledby="benchmark-heading" class="app-section" data-testid="benchmark">
                <h2 id="benchmark-heading">"Benchmarking"</h2>
                <EChart id="kpi-benchmark-chart" chart=chart summary=summary height=300 />
                {move || comparison.get().map(|(kpi, comparison, council)| view! {
                    <BenchmarkTable kpi=kpi comparison=comparison council=council />
                })}
            </section>
        </Show>
    }
}

/// Every authority ranked, best first, the council marked.
#[component]
fn BenchmarkTable(
    kpi: KpiDefinition,
    comparison: BenchmarkComparison,
    council: String,
) -> impl IntoView {
    let rows: Vec<(usize, String, String, bool)> = ranked(&comparison, &council)
        .into_iter()
        .enumerate()
        .map(|(i, (authority, value, ours))| {
            (i + 1, authority, kpi.unit.format(value, kpi.decimals), ours)
        })
        .collect();
    let row = |(rank, authority, value, ours): (usize, String, String, bool)| {
        let authority = if ours {
            view! { <strong>{authority}</strong> }.into_any()
        } else {
            authority.into_any()
        };
        Row::new(vec![rank.into_any(), authority, value.into_any()]).highlighted(ours)
    };
    let columns = vec![
        Column::number("Rank"),
        Column::row_heading("Authority"),
        Column::number("Value"),
    ];
    view! {
        <DataTable test_id="benchmark-table" caption=format!("{}, {}: best first", comparison.group, comparison.period)
            columns=columns rows=move || rows.iter().cloned().map(row).collect() layout=Layout::COMPACT />
    }
}
