//! The front page: the council's performance at a glance (the organisational scorecard's counts for the council,
//! each ambition and each directorate, with the movement since each KPI's previous period), the exceptions
//! worst first, and what is due. Every figure comes from [`council_overview`], which counts with the scorecard
//! engine, so each count equals the scorecard page it links to.

mod due_soon;
mod exception_list;
mod rag_groups;

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::kpi::rollup::movement_since;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::workspace::PerformanceIndex;
use crate::domain::reporting::council_overview::{CouncilOverview, council_overview};
use crate::ui::address::served_path::link;
use crate::ui::area::Area;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::rag_badge::RagIcon;
use crate::ui::pages::scorecards::default_as_at;
use crate::ui::routes::Page;
use crate::ui::state::use_app_state;
use due_soon::DueSoon;
use exception_list::ExceptionList;
use rag_groups::RagGroups;

/// The overview page.
#[component]
pub fn OverviewPage() -> impl IntoView {
    use_page_title(Area::Overview.label());
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let overview = Memo::new(move |_| {
        state.session.with(|session| {
            let workspace = session.current();
            let index = PerformanceIndex::new(&workspace.measurements);
            council_overview(workspace, &index, default_as_at(today), today)
        })
    });
    let as_at = move || overview.with(|o| o.as_at.format("%-d %B %Y").to_string());
    view! {
        <div class="app-overview" data-testid="overview">
            <h1 data-testid="page-heading">{Area::Overview.label()}</h1>
            <p class="app-lead">
                {move || state.council_name().get()}
                "'s performance at a glance, from the organisational scorecard (corporate and strategic KPIs): each KPI at its latest period as at "
                <span data-testid="overview-as-at">{as_at}</span>
                ", with the change since each KPI's previous period."
            </p>
            <CouncilCounts overview=overview />
            <nav class="app-overview__links" aria-label="Go further">
                <ul>
                    <li><a href=link(&Page::Scorecards.path())>"Scorecards"</a></li>
                    <li><a href=link(&Page::GoldenThread.path())>"The golden thread"</a></li>
                    <li><a href=link(&Page::Reports.path())>"Performance reports"</a></li>
                    <li><a href=link(&Page::Risks.path())>"Risks and actions"</a></li>
                </ul>
            </nav>
            <RagGroups overview=overview />
            <ExceptionList overview=overview />
            <DueSoon overview=overview />
        </div>
    }
}

/// The council's red, amber, green and not-rated counts, each with its movement.
#[component]
fn CouncilCounts(overview: Memo<CouncilOverview>) -> impl IntoView {
    let item = move |status: RagStatus| {
        let class = format!("app-rag app-rag--{}", status.label().to_lowercase());
        view! {
            <li class="app-overview__count" data-testid=format!("overview-{}", status.label().to_lowercase())>
                <span class=class>
                    <RagIcon status=Some(status) />
                    <span class="app-summary__count">{move || overview.with(|o| o.council.now.of(status))}</span>
                    " " {status.label()}
                </span>
                <span class="app-summary__change">
                    {move || overview.with(|o| movement_since(o.council.now.of(status), o.council.previous.of(status)))}
                </span>
            </li>
        }
    };
    view! {
        <section class="app-section" aria-labelledby="overview-council-heading">
            <h2 id="overview-council-heading">"The council"</h2>
            <ul class="app-summary__list" data-testid="overview-council">
                {item(RagStatus::Red)}
                {item(RagStatus::Amber)}
                {item(RagStatus::Green)}
                <li class="app-overview__count" data-testid="overview-not-rated">
                    <span class="app-summary__count">{move || overview.with(|o| o.council.now.not_rated())}</span>
                    " not rated"
                </li>
            </ul>
        </section>
    }
}
