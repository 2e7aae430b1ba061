//! Adding an action to the KPI's action plan: what will be done, how we will know, who owns it and by
//! when. A thin action is added with advice on what would make it SMART; one without a title is refused.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::actions::action_entry::{ActionDraft, add_action};
use crate::domain::basics::ids::{KpiId, PersonId};
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
    let error = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<(String, Vec<String>)>);
    let people = Memo::new(move |_| {
        state.session.with(|s| {
            let mut people: Vec<(String, String)> = s
                .current()
                .people
                .iter()
                .filter(|p| !p.councillor)
                .map(|p| (p.id.to_string(), format!("{} ({})", p.name, p.job_title)))
                .collect();
            people.sort_by(|a, b| a.1.cmp(&b.1));
            people
        })
    });
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let draft = ActionDraft {
            title: title.get_untracked(),
            measure: measure.get_untracked(),
            owner: PersonId::try_from(owner.get_untracked()).ok(),
            due: NaiveDate::parse_from_str(&due.get_untracked(), "%Y-%m-%d").ok(),
        };
        let result = state
            .session
            .try_update(|s| s.edit(|w| add_action(w, &kpi.get_value(), &draft)));
        match result {
            Some(Ok((_, gaps))) => {
                error.set(None);
                outcome.set(Some((
                    draft.title.trim().to_owned(),
                    gaps.into_iter().map(|g| g.advice.to_owned()).collect(),
                )));
                for field in [title, measure, owner, due] {
                    field.set(String::new());
                }
            }
            Some(Err(problem)) => {
                outcome.set(None);
                error.set(Some(problem.to_string()));
            }
            None => {}
        }
    };
    view! {
        <form class="app-subform" on:submit=add novalidate data-testid="add-action">
            <h3>"Add an action"</h3>
            <div class="app-field" class:app-field--error=move || error.with(Option::is_some)>
                <label class="app-label" for="action-title">"What will be done"</label>
                {move || error.get().map(|m| view! {
                    <p class="app-field-error" id="action-title-error"><span class="app-visually-hidden">"Error: "</span>{m}</p>
                })}
                <input id="action-title" class="app-input" type="text" data-testid="action-title"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=move || error.with(Option::is_some).then_some("action-title-error")
                    prop:value=move || title.get() on:input=move |e| title.set(event_target_value(&e)) />
            </div>
            <div class="app-field">
                <label class="app-label" for="action-measure">"How we will know it is done"</label>
                <input id="action-measure" class="app-input" type="text" data-testid="action-measure"
                    prop:value=move || measure.get() on:input=move |e| measure.set(event_target_value(&e)) />
            </div>
            <div class="app-inline-controls">
                <div class="app-field">
                    <label class="app-label" for="action-owner">"Owner"</label>
                    <select id="action-owner" class="app-select" data-testid="action-owner"
                        prop:value=move || owner.get() on:change=move |e| owner.set(event_target_value(&e))>
                        <option value="">"Not yet known"</option>
                        {move || people.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="app-field">
                    <label class="app-label" for="action-due">"Due"</label>
                    <input id="action-due" class="app-input app-input--medium" type="date" data-testid="action-due"
                        prop:value=move || due.get() on:input=move |e| due.set(event_target_value(&e)) />
                </div>
            </div>
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
