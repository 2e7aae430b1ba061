//! Where a KPI is in the KPI cycle (the Cambridgeshire PMF): its status, every step it has taken with who, when and why,
//! and a form to take the next one (approve or reject a proposal, go live, retire).

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::basics::ids::KpiId;
use crate::domain::kpi::cycle::{CycleStep, Decision, steps_from, take_step};
use crate::domain::model::kpi::StatusChange;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row};
use crate::ui::components::fields::{Select, TextField};
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::state::use_app_state;

/// The step as a form value, and back.
fn step_code(step: CycleStep) -> String {
    format!("{step:?}")
}

/// The KPI's cycle: status, history and the next step.
#[component]
pub fn CycleSection(id: Memo<String>) -> impl IntoView {
    let state = use_app_state();
    let kpi = Memo::new(move |_| KpiId::try_from(id.get()).ok());
    let current = Memo::new(move |_| {
        let kpi = kpi.get()?;
        state.session.with(|s| {
            s.current()
                .kpi(&kpi)
                .map(|k| (k.status, k.status_changes.clone()))
        })
    });
    let step = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::None);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(kpi) = kpi.get_untracked() else {
            return;
        };
        let status = current.with_untracked(|c| c.as_ref().map(|(s, _)| *s));
        let chosen = status.and_then(|s| {
            steps_from(s)
                .into_iter()
                .find(|candidate| step_code(*candidate) == step.get_untracked())
        });
        let Some(chosen) = chosen else {
            outcome.set(Some(Err("Choose the step to take.".to_owned())));
            return;
        };
        let decision = Decision {
            by: by.get_untracked(),
            on: Utc::now().date_naive(),
            note: note.get_untracked(),
        };
        let result = state
            .session
            .try_update(|s| s.edit(|w| take_step(w, &kpi, chosen, &decision)));
        outcome.set(match result {
            Some(Ok(to)) => {
                step.set(String::new());
                note.set(String::new());
                Some(Ok(format!(
                    "Done: the KPI is now {}.",
                    to.label().to_lowercase()
                )))
            }
            Some(Err(refused)) => Some(Err(refused.to_string())),
            None => None,
        });
    };
    let history_row = |change: StatusChange| {
        Row::new(vec![
            change.on.format("%-d %b %Y").to_string().into_any(),
            change
                .from
                .map_or_else(
                    || "Proposed".to_owned(),
                    |from| format!("{} → {}", from.label(), change.to.label()),
                )
                .into_any(),
            change.by.into_any(),
            change.note.into_any(),
        ])
    };
    let history_columns = || {
        vec![
            Column::row_heading("Date"),
            Column::text("Change"),
            Column::text("By"),
            Column::text("Why"),
        ]
    };
    view! {
        <section aria-labelledby="cycle-heading" class="app-section" data-testid="kpi-cycle">
            <h2 id="cycle-heading">"KPI cycle"</h2>
            {move || current.get().map(|(status, changes)| {
                let steps = steps_from(status);
                view! {
                    <p data-testid="kpi-status">"Status: " <strong>{status.label()}</strong></p>
                    <DataTable test_id="kpi-status-history" caption="Status history" columns=history_columns() rows=move || changes.iter().cloned().map(history_row).collect() layout=Layout::COMPACT
                        empty=Empty::instead("kpi-status-none", "No steps recorded: it was set up before the cycle was kept here.") />
                    {(!steps.is_empty()).then(|| view! {
                        <form class="app-subform" on:submit=submit novalidate data-testid="kpi-cycle-form">
                            <h3>"Take the next step"</h3>
                            <Select id="cycle-step" label="Step" none="Choose…" bind=step
                                choices={steps.into_iter().map(|s| (step_code(s), s.label().to_owned())).collect::<Vec<_>>()} />
                            <TextField id="cycle-by" label="Decided by (a person or a body: CLT, a committee)" value=by />
                            <TextField id="cycle-note" label="Why (needed to reject or retire)" value=note />
                            <button type="submit" class="app-button app-button--secondary" data-testid="cycle-submit">"Record the step"</button>
                        </form>
                    })}
                }
            })}
            <OutcomeMessage outcome=outcome test_id="cycle-outcome" />
        </section>
    }
}
