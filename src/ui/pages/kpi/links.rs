//! What is being done about a KPI: the actions in its action plan and the risks linked to it.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::action_form::AddActionForm;
use crate::domain::actions::action_entry::set_status;
use crate::domain::basics::ids::{ActionId, KpiId};
use crate::domain::model::action::ActionStatus;
use crate::ui::address::value_code::{code, decode};
use crate::ui::components::data_table::{Column, DataTable, Empty, Row};
use crate::ui::components::fields::{Choice, Select};
use crate::ui::components::overdue_flag::dated;
use crate::ui::state::use_app_state;

/// One action as the table shows it.
#[derive(Clone, Debug, PartialEq)]
struct ActionLine {
    id: String,
    title: String,
    owner: String,
    due: String,
    status: ActionStatus,
    overdue: bool,
    progress: String,
}

/// An action's status, changeable in place.
#[component]
fn StatusSelect(id: String, title: String, status: ActionStatus) -> impl IntoView {
    let state = use_app_state();
    let failure = RwSignal::new(None::<String>);
    let choices: Vec<Choice> = ActionStatus::ALL
        .into_iter()
        .map(|s| (code(&s).unwrap_or_default(), s.label().to_owned()))
        .collect();
    let action = id.clone();
    let change = move |chosen: String| {
        let (Some(chosen), Ok(action)) = (
            decode::<ActionStatus>(&chosen),
            ActionId::try_from(action.clone()),
        ) else {
            return;
        };
        let result = state
            .session
            .try_update(|s| s.edit(|w| set_status(w, &action, chosen)));
        failure.set(result.and_then(Result::err).map(|e| e.to_string()));
    };
    view! {
        <Select id=format!("action-status-{id}") test_id="action-status" label=format!("Status of: {title}") label_hidden=true
            class="app-field app-field--in-table" value=code(&status).unwrap_or_default() on_change=change choices=choices />
        {move || failure.get().map(|m| view! { <p class="app-error-text" role="alert">{m}</p> })}
    }
}

/// The action plan's columns.
fn action_columns() -> Vec<Column> {
    vec![
        Column::row_heading("Action"),
        Column::text("Owner"),
        Column::text("Due"),
        Column::text("Status"),
        Column::text("Progress"),
    ]
}

/// An action as a row, its status changeable in place.
fn action_row(a: ActionLine) -> Row {
    Row::new(vec![
        a.title.clone().into_any(),
        a.owner.into_any(),
        dated(a.due, a.overdue, None),
        view! { <StatusSelect id=a.id title=a.title status=a.status /> }.into_any(),
        a.progress.into_any(),
    ])
}

/// The action plan and linked risks of the KPI with id `id`.
#[component]
pub fn LinkedActionsAndRisks(id: Memo<String>, today: NaiveDate) -> impl IntoView {
    let state = use_app_state();
    let actions = Memo::new(move |_| {
        let Ok(id) = KpiId::try_from(id.get()) else {
            return Vec::new();
        };
        state.session.with(|s| {
            let w = s.current();
            w.actions
                .iter()
                .filter(|a| a.kpi.as_ref() == Some(&id))
                .map(|a| ActionLine {
                    id: a.id.to_string(),
                    title: a.title.clone(),
                    owner: a
                        .owner
                        .as_ref()
                        .and_then(|o| w.person(o))
                        .map_or_else(|| "Not set".to_owned(), |p| p.name.clone()),
                    due: a.due.map_or_else(
                        || "No date".to_owned(),
                        |d| d.format("%-d %b %Y").to_string(),
                    ),
                    status: a.status,
                    overdue: a.is_overdue(today),
                    progress: a.progress.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let risks = Memo::new(move |_| {
        let Ok(id) = KpiId::try_from(id.get()) else {
            return Vec::new();
        };
        state.session.with(|s| {
            s.current()
                .risks
                .iter()
                .filter(|r| r.kpis.contains(&id))
                .map(|r| {
                    format!(
                        "{}: {} (residual score {})",
                        r.id,
                        r.title,
                        r.residual.score()
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="actions-heading" class="app-section">
            <h2 id="actions-heading">"Action plan"</h2>
            <DataTable test_id="kpi-actions" caption="Actions linked to this KPI" columns=action_columns() rows=move || actions.get().into_iter().map(action_row).collect() empty=Empty::instead("no-actions", "No actions are linked to this KPI.") />
            {move || KpiId::try_from(id.get()).ok().map(|kpi| view! { <AddActionForm kpi=kpi /> })}
            <h3>"Linked risks"</h3>
            <Show
                when=move || risks.with(|r| !r.is_empty())
                fallback=|| view! { <p>"No risks are linked to this KPI."</p> }
            >
                <ul data-testid="kpi-risks">{move || risks.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </Show>
        </section>
    }
}
