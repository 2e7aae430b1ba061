//! Adding an action to the KPI's action plan: what will be done, how we will know, who owns it and by
//! when. A thin action is added with advice on what would make it SMART; one without a title is refused, and
//! so is one without an owner or a due date unless the reason is recorded.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::actions::action_entry::{ActionDraft, ActionEntryError, add_action};
use crate::domain::basics::ids::{KpiId, PersonId};
use crate::ui::components::fields::{DateField, PersonSelect, TextField, Who};
use crate::ui::state::use_app_state;

/// The form that adds an action for the KPI with id `kpi`.
#[component]
pub fn AddActionForm(kpi: KpiId) -> impl IntoView {
    let state = use_app_state();
    let kpi = StoredValue::new(kpi);
    let title = RwSignal::new(String::new());
    let measure = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let open_ended = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let open_ended_error = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<(String, Vec<String>)>);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let draft = ActionDraft {
            title: title.get_untracked(),
            measure: measure.get_untracked(),
            owner: PersonId::try_from(owner.get_untracked()).ok(),
            due: NaiveDate::parse_from_str(&due.get_untracked(), "%Y-%m-%d").ok(),
            open_ended_reason: open_ended.get_untracked(),
        };
        let result = state
            .session
            .try_update(|s| s.edit(|w| add_action(w, &kpi.get_value(), &draft)));
        match result {
            Some(Ok((_, gaps))) => {
                error.set(None);
                open_ended_error.set(None);
                outcome.set(Some((
                    draft.title.trim().to_owned(),
                    gaps.into_iter().map(|g| g.advice.to_owned()).collect(),
                )));
                for field in [title, measure, owner, due, open_ended] {
                    field.set(String::new());
                }
            }
            Some(Err(problem)) => {
                outcome.set(None);
                let (this, other) = match problem {
                    ActionEntryError::NotTimeBound(_) => (open_ended_error, error),
                    ActionEntryError::NoTitle | ActionEntryError::Unknown(_) => {
                        (error, open_ended_error)
                    }
                };
                this.set(Some(problem.to_string()));
                other.set(None);
            }
            None => {}
        }
    };
    view! {
        <form class="app-subform" on:submit=add novalidate data-testid="add-action">
            <h3>"Add an action"</h3>
            <TextField id="action-title" label="What will be done" value=title error=error />
            <TextField id="action-measure" label="How we will know it is done" value=measure />
            <div class="app-inline-controls">
                <PersonSelect id="action-owner" label="Owner" none="Not yet known" bind=owner who=Who::Officers />
                <DateField id="action-due" label="Due" value=due />
            </div>
            <TextField id="action-open-ended" label="If it has no owner or due date yet, why not"
                hint="An action needs an owner and a due date (SMART), or the reason it has none." value=open_ended
                error=open_ended_error />
            <button type="submit" class="app-button app-button--secondary" data-testid="action-add">"Add to the action plan"</button>
            {move || outcome.get().map(|(added, advice)| view! {
                <div class="app-notice" role="status" data-testid="action-added">
                    <p>"Added: " {added} "."</p>
                    {(!advice.is_empty()).then(|| view! {
                        <p>"To make it SMART: " {advice.join("; ")} "."</p>
                    })}
                </div>
            })}
        </form>
    }
}
