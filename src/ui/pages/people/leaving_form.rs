//! Recording that a person has left: what they still answer for, handed to the person chosen to take it over;
//! or, for someone who has left, bringing them back.

use leptos::prelude::*;

use crate::domain::basics::ids::PersonId;
use crate::domain::thread::person_handover::{
    duties, duty_summary, reinstate_person, retire_person,
};
use crate::ui::components::fields::PersonSelect;
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::state::use_app_state;

/// The leaving form for the person with id `person`.
#[component]
pub fn LeavingForm(person: String) -> impl IntoView {
    let state = use_app_state();
    let Ok(id) = PersonId::new(person) else {
        return ().into_any();
    };
    let id = StoredValue::new(id);
    let successor = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::None);
    // The person's name, whether they are here, and what they answer for now.
    let now = Memo::new(move |_| {
        state.session.with(|s| {
            let w = s.current();
            w.person(&id.get_value()).map(|p| {
                (
                    p.name.clone(),
                    p.active,
                    duty_summary(&duties(w, &id.get_value())),
                )
            })
        })
    });
    let leave = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let next = PersonId::new(successor.get_untracked()).ok();
        let result = state
            .session
            .try_update(|s| s.edit(|w| retire_person(w, &id.get_value(), next.as_ref())));
        outcome.set(match result {
            Some(Ok(handed)) if handed.is_empty() => {
                Some(Ok("Recorded as having left.".to_owned()))
            }
            Some(Ok(handed)) => Some(Ok(format!(
                "Recorded as having left; handed over: {}.",
                duty_summary(&handed)
            ))),
            Some(Err(problems)) => Some(Err(problems.join(" "))),
            None => None,
        });
    };
    let reinstate = move |_| {
        let result = state
            .session
            .try_update(|s| s.edit(|w| reinstate_person(w, &id.get_value())));
        outcome.set(result.map(|r| r.map(|()| "Back on the people list.".to_owned())));
    };
    view! {
        <div class="app-subform" data-testid="person-leaving">
            {move || now.get().map(|(name, active, answers_for)| if active {
                view! {
                    <form on:submit=leave novalidate>
                        <h3>{format!("If {name} leaves")}</h3>
                        <p data-testid="person-duties">{if answers_for.is_empty() {
                            format!("{name} answers for nothing that would need handing over.")
                        } else {
                            format!("{name} is {answers_for}. Everything passes to the person chosen here.")
                        }}</p>
                        <PersonSelect id="person-successor" label="Handed over to" none="No one" bind=successor />
                        <button type="submit" class="app-button app-button--secondary" data-testid="person-leave">
                            {format!("Record that {name} has left")}
                        </button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <h3>{format!("{name} has left")}</h3>
                    <p>"They are kept for the records that name them, and offered nowhere new."</p>
                    <button type="button" class="app-button app-button--secondary" data-testid="person-reinstate" on:click=reinstate>
                        {format!("Bring {name} back")}
                    </button>
                }.into_any()
            })}
            <OutcomeMessage outcome=outcome test_id="person-leaving-outcome" />
        </div>
    }
    .into_any()
}
