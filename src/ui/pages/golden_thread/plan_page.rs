//! The plan on a page (the 2020 PMF refresh): the vision, every ambition with its roll-up and headline strategic KPIs,
//! and the top strategic risks, laid out to print on one sheet of A4 (see `style/print.css`).

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::model::workspace::PerformanceIndex;
use crate::domain::scorecard::engine::ratings_as_at;
use crate::domain::thread::plan_on_a_page::{PageLimits, plan_on_a_page};
use crate::domain::thread::tree::thread_tree;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::kpi_link::kpi_link;
use crate::ui::components::rag_badge::RagStatusBadge;
use crate::ui::components::risk_table::{RiskLine, RiskTable};
use crate::ui::pages::scorecards::default_as_at;
use crate::ui::state::use_app_state;

/// The page's title and heading.
const TITLE: &str = "Plan on a page";

/// An ambition on the page, owned.
#[derive(Clone, Debug, PartialEq)]
struct AmbitionBlock {
    name: String,
    summary: Option<crate::domain::maths::rag::RagStatus>,
    counts: String,
    headlines: Vec<(String, String, Option<crate::domain::maths::rag::RagStatus>)>,
    more: usize,
}

/// Everything the page shows, owned.
#[derive(Clone, Debug, PartialEq)]
struct Page {
    council: String,
    vision: String,
    ambitions: Vec<AmbitionBlock>,
    risks: Vec<RiskLine>,
    more_risks: usize,
}

/// The plan on a page.
#[component]
pub fn PlanOnAPagePage() -> impl IntoView {
    use_page_title(TITLE);
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let as_at = default_as_at(today);
    let page = Memo::new(move |_| {
        state.session.with(|session| {
            let workspace = session.current();
            let index = PerformanceIndex::new(&workspace.measurements);
            let ratings = ratings_as_at(workspace, &index, as_at);
            let tree = thread_tree(workspace);
            let plan = plan_on_a_page(workspace, &tree, &ratings, PageLimits::default());
            let rule = workspace.framework.rollup;
            Page {
                council: workspace.framework.council_name.clone(),
                vision: plan.vision,
                ambitions: plan
                    .ambitions
                    .into_iter()
                    .map(|a| AmbitionBlock {
                        name: a.name,
                        summary: a.counts.summary(&rule),
                        counts: a.counts.describe(),
                        headlines: a
                            .headlines
                            .into_iter()
                            .map(|h| (h.id.to_string(), h.name, h.rating.and_then(|r| r.status())))
                            .collect(),
                        more: a.more,
                    })
                    .collect(),
                risks: plan
                    .risks
                    .iter()
                    .map(|r| RiskLine::of(r, workspace, today))
                    .collect(),
                more_risks: plan.more_risks,
            }
        })
    });
    let print = move |_| {
        // Printing can only fail if the browser has no print support; the page is still there to read.
        let _ = window().print();
    };
    view! {
        <article class="app-plan" data-testid="plan-on-a-page">
            {move || {
                let Page { council, vision, ambitions, risks, more_risks } = page.get();
                view! {
                    <header class="app-plan__header">
                        <p class="app-plan__council">{council}</p>
                        <h1 data-testid="page-heading">{TITLE}</h1>
                        <p class="app-plan__as-at">{format!("Performance as at {}", as_at.format("%-d %B %Y"))}</p>
                    </header>
                    <section class="app-plan__vision" aria-labelledby="plan-vision-heading">
                        <h2 id="plan-vision-heading">"Our vision"</h2>
                        <p data-testid="plan-vision">{vision}</p>
                    </section>
                    <section aria-labelledby="plan-ambitions-heading">
                        <h2 id="plan-ambitions-heading">"Our ambitions and how they are doing"</h2>
                        <ol class="app-plan__ambitions">
                            {ambitions.into_iter().map(|a| view! {
                                <li class="app-plan__ambition" data-testid="plan-ambition">
                                    <h3>{a.name}</h3>
                                    <p class="app-plan__rollup"><RagStatusBadge status=a.summary none_label="Not rated" /> " " {a.counts}</p>
                                    <ul class="app-plan__kpis">
                                        {a.headlines.into_iter().map(|(id, name, status)| view! {
                                            <li>
                                                <RagStatusBadge status=status none_label="Not rated" />
                                                " " {kpi_link(&id, name)}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                    {(a.more > 0).then(|| view! {
                                        <p class="app-plan__more">{format!("and {} more strategic KPI{}", a.more, if a.more == 1 { "" } else { "s" })}</p>
                                    })}
                                </li>
                            }).collect_view()}
                        </ol>
                    </section>
                    <section aria-labelledby="plan-risks-heading">
                        <h2 id="plan-risks-heading">"Top strategic risks"</h2>
                        <RiskTable
                            caption={if more_risks > 0 { format!("The highest residual scores ({more_risks} more on the strategic register)") } else { "The strategic register by residual score".to_owned() }}
                            risks=risks
                            test_id="plan-risks"
                        />
                    </section>
                }
            }}
            <div class="app-button-group app-plan__actions">
                <button type="button" class="app-button" data-testid="plan-print" on:click=print>"Print this page"</button>
            </div>
        </article>
    }
}
