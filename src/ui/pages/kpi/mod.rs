//! A KPI's page: where it stands, its trend chart with the table of the same figures and a one-sentence
//! summary, its definition and place in the golden thread, data-quality warnings, and the actions and risks
//! linked to it.

mod action_form;
mod benchmark_section;
mod changes_section;
mod contribution;
mod cycle_section;
mod definition;
mod entry_form;
mod history_table;
mod links;
mod spc_section;
mod working_sections;

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::charts::trend_chart::{YearEndForecast, trend_chart, trend_summary};
use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::{Period, reporting_period};
use crate::domain::kpi::data_quality::check;
use crate::domain::kpi::history::{HistoryPoint, kpi_history, rest_of_year};
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::workspace::PerformanceIndex;
use crate::domain::scorecard::engine::{as_at_for, scorecard_row};
use crate::ui::address::served_path::link;
use crate::ui::address::value_code::decode;
use crate::ui::area::Area;
use crate::ui::components::data_table::NamesAndValues;
use crate::ui::components::direction_mark::MovementOrNone;
use crate::ui::components::echart::EChart;
use crate::ui::components::rag_badge::{RagBadge, RagStatusBadge};
use crate::ui::pages::scorecards::lines::ScorecardLine;
use crate::ui::routes::{kpi_edit_path, kpi_path};
use crate::ui::state::use_app_state;
use benchmark_section::BenchmarkSection;
use contribution::KpiContribution;
use definition::KpiDefinitionList;
use history_table::HistoryTable;
use spc_section::SpcSection;
use working_sections::working_sections_on_demand;

/// What the page shows about the KPI now.
#[derive(Clone, Debug, PartialEq)]
struct Position {
    kpi: KpiDefinition,
    forecast: Option<YearEndForecast>,
    /// How the year-end forecast was made and why, in a sentence.
    forecast_method: Option<String>,
    line: ScorecardLine,
    points: Vec<HistoryPoint>,
    summary: String,
    warnings: Vec<String>,
}

/// The latest position in a small table: the figures, the movement and the forecast.
#[component]
fn PositionTable(line: ScorecardLine) -> impl IntoView {
    let forecast = match line.forecast {
        Some((Some(status), value)) => {
            view! { {value} " " <RagStatusBadge status=Some(status) none_label="" /> }.into_any()
        }
        Some((None, value)) => view! {
            {value}
            <span class="app-muted" data-testid="forecast-unrated">" (no year-end target to rate it against)"</span>
        }
        .into_any(),
        None => view! { <span class="app-muted">"No forecast"</span> }.into_any(),
    };
    let rows = vec![
        ("Actual", line.current.into_any()),
        ("Target", line.target.into_any()),
        ("Previous period", line.previous.into_any()),
        (
            "Change",
            view! { <MovementOrNone movement=line.change /> }.into_any(),
        ),
        (
            "Trend",
            view! { <MovementOrNone movement=line.trend /> }.into_any(),
        ),
        ("Forecast for the year end", forecast),
        ("Last updated", line.last_updated.into_any()),
        ("Commentary", line.commentary.into_any()),
    ];
    view! {
        <NamesAndValues test_id="kpi-position" caption=format!("Position in {}", line.period) rows=rows />
    }
}

/// The KPI page.
#[component]
pub fn KpiPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let today = Utc::now().date_naive();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // A scorecard drawn up for a past period opens the KPI as at that period (`?period=2025-26-q3`).
    let query = use_query_map();
    let chosen = Memo::new(move |_| {
        query
            .read()
            .get("period")
            .and_then(|code| decode::<Period>(&code))
    });
    let as_at = Memo::new(move |_| chosen.get().map_or(today, |p| as_at_for(p, today)));
    let position = Memo::new(move |_| {
        let id = KpiId::try_from(id.get()).ok()?;
        state.session.with(|session| {
            let workspace = session.current();
            let kpi = workspace.kpi(&id)?;
            let index = PerformanceIndex::new(&workspace.measurements);
            let as_at = as_at.get();
            let latest = reporting_period(kpi.frequency, as_at)?;
            let points = kpi_history(kpi, &index, latest, &workspace.framework);
            let history = index.history(&kpi.id);
            let row = scorecard_row(workspace, &index, kpi, as_at)?;
            let forecast_method = row
                .assessment
                .forecast()
                .map(|f| f.how_made(|v| kpi.unit.format(v, kpi.decimals)));
            let forecast = row.assessment.forecast().and_then(|f| {
                let periods = rest_of_year(latest);
                (!periods.is_empty()).then_some(YearEndForecast {
                    periods,
                    value: f.value,
                    interval: f.interval,
                })
            });
            Some(Position {
                kpi: kpi.clone(),
                line: ScorecardLine::of(&row),
                summary: trend_summary(kpi, &points, forecast.as_ref()),
                warnings: check(kpi, &history, latest, &workspace.framework)
                    .iter()
                    .map(|w| w.message(kpi))
                    .collect(),
                points,
                forecast,
                forecast_method,
            })
        })
    });
    let title = Signal::derive(move || {
        position.with(|p| {
            p.as_ref()
                .map_or_else(|| "KPI not found".to_owned(), |p| p.kpi.name.clone())
        })
    });
    let council = state.council_name();
    let chart = Signal::derive(move || {
        position.with(|p| {
            p.as_ref().map_or_else(charming::Chart::new, |p| {
                trend_chart(p.kpi.unit, p.kpi.polarity, &p.points, p.forecast.as_ref())
            })
        })
    });
    let summary = Signal::derive(move || {
        position.with(|p| p.as_ref().map(|p| p.summary.clone()).unwrap_or_default())
    });
    // The periods a value can be recorded for, newest first.
    let periods = Memo::new(move |_| {
        position.with(|p| {
            p.as_ref()
                .map(|p| p.points.iter().rev().map(|point| point.period).collect())
        })
    });
    // The KPI and its history, for the sections that chart it again (SPC, benchmarking).
    let history = Memo::new(move |_| {
        position.with(|p| p.as_ref().map(|p| (p.kpi.clone(), p.points.clone())))
    });
    Effect::new(move |_| document().set_title(&format!("{} – {}", title.get(), council.get())));
    view! {
        <p><a href=link(&Area::Scorecards.path()) data-testid="back-to-scorecards">"Back to the scorecards"</a></p>
        <Show
            when=move || position.with(Option::is_some)
            fallback=move || view! {
                <h1 data-testid="page-heading">"KPI not found"</h1>
                <p data-testid="kpi-missing">"This workspace has no KPI with the id " <code>{id.get()}</code> "."</p>
            }
        >
            <h1 data-testid="page-heading">{move || position.with(|p| p.as_ref().map(|p| p.kpi.name.clone()))}</h1>
            <p class="app-lead">
                {move || position.with(|p| p.as_ref().map(|p| {
                    let kpi = &p.kpi;
                    view! {
                        <span class="app-kpi__id">{kpi.id.to_string()}</span>
                        {format!(" · {} · {} · {}", kpi.level.label(), kpi.status.label(), kpi.frequency.label())}
                    }
                }))}
            </p>
            <p>
                <a href=move || link(&kpi_edit_path(&id.get())) data-testid="kpi-edit-link">"Edit this KPI and its targets"</a>
            </p>
            {move || chosen.get().map(|period| view! {
                <p class="app-notice" data-testid="kpi-as-at">
                    {format!("As at {} ({period}, the period chosen on the scorecard). ", as_at.get().format("%-d %B %Y"))}
                    <a href=move || link(&kpi_path(&id.get()))>"See where it stands now"</a>
                </p>
            })}
            <section aria-labelledby="position-heading" class="app-section">
                <h2 id="position-heading">"Where it stands"</h2>
                {move || position.get().map(|p| view! {
                    <p class="app-kpi__rating" data-testid="kpi-rating"><RagBadge rating=p.line.rating.clone() /></p>
                    <PositionTable line=p.line.clone() />
                    {p.forecast_method.clone().map(|how| view! {
                        <p class="app-muted" data-testid="forecast-method">{how}</p>
                    })}
                    {(!p.warnings.is_empty()).then(|| view! {
                        <div class="app-notice" data-testid="data-quality">
                            <h3>"Data quality"</h3>
                            <ul>{p.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                        </div>
                    })}
                })}
            </section>
            <section aria-labelledby="trend-heading" class="app-section" data-testid="trend">
                <h2 id="trend-heading">"Trend"</h2>
                <EChart id="kpi-trend-chart" chart=chart summary=summary height=320 />
                {move || position.get().map(|p| view! {
                    <HistoryTable name=p.kpi.name.clone() points=p.points.clone() unit=p.kpi.unit decimals=p.kpi.decimals />
                })}
            </section>
            <SpcSection history=history />
            <BenchmarkSection history=history />
            <KpiDefinitionList id=id />
            <KpiContribution id=id />
            <Suspense fallback=|| ()>
                {move || Suspend::new(working_sections_on_demand(id, periods, today))}
            </Suspense>
        </Show>
    }
}
