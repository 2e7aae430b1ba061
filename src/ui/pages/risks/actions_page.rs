//! Action plans across the framework: the red KPIs still without an open action (the Cambridgeshire PMF expects one for
//! each), and every open action with its KPI, owner, due date, overdue flag and what it lacks to be SMART.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::actions::overview::action_overview;
use crate::domain::actions::smart::check_action;
use crate::domain::model::workspace::PerformanceIndex;
use crate::domain::scorecard::engine::ratings_as_at;
use crate::ui::address::served_path::link;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::pages::scorecards::default_as_at;
use crate::ui::routes::kpi_path;
use crate::ui::state::use_app_state;

/// The page's title and heading.
const TITLE: &str = "Action plans";

/// An open action, owned.
#[derive(Clone, Debug, PartialEq)]
struct ActionLine {
    title: String,
    kpi: Option<(String, String)>,
    owner: String,
    due: String,
    status: &'static str,
    overdue: bool,
    smart_gaps: usize,
}

/// What the page shows, owned.
#[derive(Clone, Debug, PartialEq)]
struct Overview {
    red_without_plan: Vec<(String, String)>,
    open: Vec<ActionLine>,
    overdue: usize,
}

/// The action-plans page.
#[component]
pub fn ActionsPage() -> impl IntoView {
    use_page_title(TITLE);
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let overview = Memo::new(move |_| {
        state.session.with(|s| {
            let w = s.current();
            let index = PerformanceIndex::new(&w.measurements);
            let ratings = ratings_as_at(w, &index, default_as_at(today));
            let o = action_overview(w, &ratings, today);
            Overview {
                red_without_plan: o
                    .red_without_plan
                    .iter()
                    .map(|k| (k.id.to_string(), k.name.clone()))
                    .collect(),
                open: o
                    .open
                    .iter()
                    .map(|a| ActionLine {
                        title: a.title.clone(),
                        kpi: a
                            .kpi
                            .as_ref()
                            .and_then(|k| w.kpi(k))
                            .map(|k| (k.id.to_string(), k.name.clone())),
                        owner: a
                            .owner
                            .as_ref()
                            .and_then(|o| w.person(o))
                            .map_or_else(|| "No owner".to_owned(), |p| p.name.clone()),
                        due: a.due.map_or_else(
                            || "No date".to_owned(),
                            |d| d.format("%-d %b %Y").to_string(),
                        ),
                        status: a.status.label(),
                        overdue: a.is_overdue(today),
                        smart_gaps: check_action(a).len(),
                    })
                    .collect(),
                overdue: o.overdue,
            }
        })
    });
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">"Every red KPI needs an action plan. These are the red KPIs still without one, and every open action across the framework, overdue first. Add or change actions on each KPI's page."</p>
        {move || {
            let Overview { red_without_plan, open, overdue } = overview.get();
            view! {
                <table class="app-table app-table--compact" data-testid="red-without-plan">
                    <caption class="app-table__caption">{format!("Red KPIs without an action plan ({})", red_without_plan.len())}</caption>
                    <thead><tr><th scope="col">"KPI"</th><th scope="col">"What to do"</th></tr></thead>
                    <tbody>
                        {red_without_plan.into_iter().map(|(id, name)| view! {
                            <tr>
                                <th scope="row"><a href=link(&kpi_path(&id))>{name}</a></th>
                                <td>"Add an action plan on its page"</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <table class="app-table" data-testid="open-actions">
                    <caption class="app-table__caption">{format!("Open actions ({}), {overdue} overdue", open.len())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Action"</th>
                            <th scope="col">"KPI"</th>
                            <th scope="col">"Owner"</th>
                            <th scope="col">"Due"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"SMART"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {open.into_iter().map(|a| view! {
                            <tr data-testid="open-action">
                                <th scope="row">{a.title}</th>
                                <td>{a.kpi.map(|(id, name)| view! { <a href=link(&kpi_path(&id))>{name}</a> })}</td>
                                <td>{a.owner}</td>
                                <td>{a.due} {a.overdue.then(|| view! { " " <span class="app-flag" data-testid="action-overdue">"Overdue"</span> })}</td>
                                <td>{a.status}</td>
                                <td>{if a.smart_gaps == 0 { "SMART".to_owned() } else { format!("{} to add", a.smart_gaps) }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
        }}
    }
}
