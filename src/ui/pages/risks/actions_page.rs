//! Action plans across the framework: the red KPIs still without an open action (the Cambridgeshire PMF expects one for
//! each), and every open action with its KPI, owner, due date, overdue flag and what it lacks to be SMART.

use chrono::Utc;
use leptos::prelude::*;

use super::action_update_form::ActionUpdateForm;
use crate::domain::actions::overview::action_overview;
use crate::domain::actions::smart::check_action;
use crate::domain::model::workspace::PerformanceIndex;
use crate::domain::scorecard::engine::ratings_as_at;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::kpi_link::kpi_link;
use crate::ui::components::overdue_flag::dated;
use crate::ui::pages::scorecards::default_as_at;
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
    let red_caption = move || {
        format!(
            "Red KPIs without an action plan ({})",
            overview.with(|o| o.red_without_plan.len())
        )
    };
    let open_caption = move || {
        overview.with(|o| format!("Open actions ({}), {} overdue", o.open.len(), o.overdue))
    };
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">"Every red KPI needs an action plan. These are the red KPIs still without one, and every open action across the framework, overdue first. Add actions on each KPI's page; update them below."</p>
        <DataTable test_id="red-without-plan" caption=red_caption columns=red_columns() rows=move || overview.with(|o| o.red_without_plan.iter().cloned().map(red_row).collect())
            layout=Layout::COMPACT />
        <DataTable test_id="open-actions" caption=open_caption columns=open_columns() rows=move || overview.with(|o| o.open.iter().cloned().map(open_row).collect()) />
        <ActionUpdateForm />
    }
}

/// The columns of the red KPIs without a plan.
fn red_columns() -> Vec<Column> {
    vec![Column::row_heading("KPI"), Column::text("What to do")]
}

/// A red KPI without a plan, as a row.
fn red_row((id, name): (String, String)) -> Row {
    Row::new(vec![
        kpi_link(&id, name),
        "Add an action plan on its page".into_any(),
    ])
}

/// The columns of the open actions.
fn open_columns() -> Vec<Column> {
    vec![
        Column::row_heading("Action"),
        Column::text("KPI"),
        Column::text("Owner"),
        Column::text("Due"),
        Column::text("Status"),
        Column::text("SMART"),
    ]
}

/// An open action, as a row.
fn open_row(a: ActionLine) -> Row {
    let smart = if a.smart_gaps == 0 {
        "SMART".to_owned()
    } else {
        format!("{} to add", a.smart_gaps)
    };
    Row::new(vec![
        a.title.into_any(),
        a.kpi.map(|(id, name)| kpi_link(&id, name)).into_any(),
        a.owner.into_any(),
        dated(a.due, a.overdue, Some("action-overdue")),
        a.status.into_any(),
        smart.into_any(),
    ])
    .test_id("open-action")
}
