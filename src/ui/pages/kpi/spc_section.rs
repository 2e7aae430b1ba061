//! A KPI's statistical process control view: the XmR chart, whether the latest value is a special cause and
//! whether the process can meet the target, in words, and the table of values, moving ranges and the
//! special-cause rules each point meets. With fewer values than SPC needs, the run-chart rules in words instead.

use leptos::prelude::*;

use crate::charts::spc_chart::{SpcAnalysis, SpcView, spc_analysis, spc_chart, spc_target};
use crate::domain::kpi::history::HistoryPoint;
use crate::domain::model::kpi::KpiDefinition;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::echart::EChart;
use crate::ui::components::mdc_marks::{AssuranceMark, MdcKey, VariationMark, Words};
use crate::ui::state::use_app_state;

/// The SPC section for a KPI and its history.
#[component]
pub fn SpcSection(history: Memo<Option<(KpiDefinition, Vec<HistoryPoint>)>>) -> impl IntoView {
    let state = use_app_state();
    let analysis = Memo::new(move |_| {
        let settings = state.session.with(|s| s.current().framework.spc);
        history.with(|h| {
            let (kpi, points) = h.as_ref()?;
            let target = spc_target(kpi, points);
            Some((
                kpi.clone(),
                spc_analysis(kpi, points, &settings).map_err(|e| e.to_string()),
                target,
            ))
        })
    });
    let chart = Signal::derive(move || {
        analysis.with(|a| match a {
            Some((kpi, Ok(SpcAnalysis::Xmr(view)), target)) => spc_chart(kpi, view, *target),
            _ => charming::Chart::new(),
        })
    });
    let summary = Signal::derive(move || {
        analysis.with(|a| match a {
            Some((_, Ok(SpcAnalysis::Xmr(view)), _)) => view.summary.clone(),
            _ => String::new(),
        })
    });
    view! {
        <section aria-labelledby="spc-heading" class="app-section" data-testid="spc">
            <h2 id="spc-heading">"Statistical process control"</h2>
            {move || match analysis.get() {
                Some((_, Ok(SpcAnalysis::RunChart(sentence)), _)) => view! { <p data-testid="spc-run-chart">{sentence}</p> }.into_any(),
                Some((kpi, Ok(SpcAnalysis::Xmr(view)), _)) => view! {
                    <ul class="app-spc__judgements" data-testid="spc-judgements">
                        <li><VariationMark icon=view.icons.variation words=Words::Full /></li>
                        {view.icons.assurance.map(|a| view! { <li><AssuranceMark icon=a words=Words::Full /></li> })}
                    </ul>
                    <MdcKey />
                    <EChart id="kpi-spc-chart" chart=chart summary=summary height=300 />
                    <SpcTable kpi=kpi view=view />
                }.into_any(),
                Some((_, Err(reason), _)) => view! { <p data-testid="spc-unavailable">{format!("No SPC chart: {reason}.")}</p> }.into_any(),
                None => ().into_any(),
            }}
        </section>
    }
}

/// The values behind the SPC chart, newest first.
#[component]
fn SpcTable(kpi: KpiDefinition, view: SpcView) -> impl IntoView {
    let format = move |value: f64| kpi.unit.format(value, kpi.decimals);
    let rows: Vec<(String, String, String, String)> = view
        .periods
        .iter()
        .zip(&view.xmr.points)
        .rev()
        .map(|(period, point)| {
            let rules: Vec<&str> = point.signals.iter().map(|s| s.rule.label()).collect();
            (
                period.clone(),
                format(point.value),
                point.moving_range.map_or_else(|| "–".to_owned(), format),
                if rules.is_empty() {
                    "None".to_owned()
                } else {
                    rules.join("; ")
                },
            )
        })
        .collect();
    let row = |(period, value, range, rules): (String, String, String, String)| {
        Row::new(vec![
            period.into_any(),
            value.into_any(),
            range.into_any(),
            rules.into_any(),
        ])
    };
    let columns = vec![
        Column::row_heading("Period"),
        Column::number("Value"),
        Column::number("Moving range"),
        Column::text("Special cause"),
    ];
    let caption = format!(
        "SPC values, newest first: mean {}, process limits {} to {}",
        format(view.xmr.mean),
        format(view.xmr.lower_limit),
        format(view.xmr.upper_limit)
    );
    view! { <DataTable test_id="spc-table" caption=caption columns=columns rows=move || rows.iter().cloned().map(row).collect() layout=Layout::WIDE /> }
}
