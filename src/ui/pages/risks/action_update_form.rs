//! The monthly update of an action: one chosen from the open actions (or any, to reopen one), then what will be
//! done, how we will know, its owner, due date, status, progress so far and the risk it mitigates. Saved whole by
//! `domain::actions::action_update::update_action`, every problem in a summary linked to its field.

use crate::domain::basics::shared_sort::SharedSort;
use leptos::prelude::*;

use crate::domain::actions::action_update::{ActionField, ActionForm, update_action};
use crate::domain::basics::ids::ActionId;
use crate::domain::model::action::ActionStatus;
use crate::domain::model::workspace::Workspace;
use crate::storage::collection::Collection;
use crate::ui::address::value_code::code;
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{
    Choice, DateField, PersonSelect, Select, TextArea, TextField, Who, coded,
};
use crate::ui::components::item_changes::ItemChanges;
use crate::ui::state::use_app_state;

/// The action with id `id` as the form shows it, if it is still there.
fn form_of(workspace: &Workspace, id: &str) -> Option<ActionForm> {
    workspace
        .actions
        .iter()
        .find(|a| a.id.as_str() == id)
        .map(ActionForm::of)
}

/// The control each field's problems point at.
fn control_id(field: ActionField) -> &'static str {
    match field {
        ActionField::Title => "action-edit-title",
        ActionField::Owner => "action-edit-owner",
        ActionField::Due => "action-edit-due",
        ActionField::Risk => "action-edit-risk",
        ActionField::OpenEndedReason => "action-edit-open-ended",
    }
}

/// The form's controls, each bound to a signal.
#[derive(Clone, Copy)]
struct Fields {
    title: RwSignal<String>,
    measure: RwSignal<String>,
    owner: RwSignal<String>,
    due: RwSignal<String>,
    status: RwSignal<String>,
    progress: RwSignal<String>,
    risk: RwSignal<String>,
    open_ended_reason: RwSignal<String>,
}

impl Fields {
    fn show(self, form: &ActionForm) {
        self.title.set(form.title.clone());
        self.measure.set(form.measure.clone());
        self.owner.set(form.owner.clone());
        self.due.set(form.due.clone());
        self.status.set(code(&form.status).unwrap_or_default());
        self.progress.set(form.progress.clone());
        self.risk.set(form.risk.clone());
        self.open_ended_reason.set(form.open_ended_reason.clone());
    }

    fn read(self) -> ActionForm {
        ActionForm {
            title: self.title.get_untracked(),
            measure: self.measure.get_untracked(),
            owner: self.owner.get_untracked(),
            due: self.due.get_untracked(),
            status: ActionStatus::ALL
                .into_iter()
                .find(|s| code(s).as_deref() == Some(self.status.get_untracked().as_str()))
                .unwrap_or(ActionStatus::NotStarted),
            progress: self.progress.get_untracked(),
            risk: self.risk.get_untracked(),
            open_ended_reason: self.open_ended_reason.get_untracked(),
        }
    }
}

/// The action update form.
#[component]
pub fn ActionUpdateForm() -> impl IntoView {
    let state = use_app_state();
    let chosen = RwSignal::new(String::new());
    let text = || RwSignal::new(String::new());
    let fields = Fields {
        title: text(),
        measure: text(),
        owner: text(),
        due: text(),
        status: text(),
        progress: text(),
        risk: text(),
        open_ended_reason: text(),
    };
    let problems = FieldProblems::<ActionField>::new();
    let saved = RwSignal::new(None::<String>);
    let loaded = StoredValue::new(None::<ActionForm>);
    let load = move |id: &str| {
        let form = state.session.with_untracked(|s| form_of(s.current(), id));
        if let Some(form) = &form {
            fields.show(form);
        }
        loaded.set_value(form);
        problems.clear();
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (Some(shown), Ok(id)) = (loaded.get_value(), ActionId::new(chosen.get_untracked()))
        else {
            return;
        };
        let typed = fields.read();
        let outcome = state.session.try_update(|s| {
            let now = form_of(s.current(), id.as_str()).unwrap_or_else(|| shown.clone());
            let form = typed.rebased(&shown, &now);
            s.edit(|w| update_action(w, &id, &form))
        });
        match outcome {
            Some(Ok(gaps)) => {
                let advice: Vec<&str> = gaps.iter().map(|g| g.advice).collect();
                saved.set(Some(if advice.is_empty() {
                    "Saved.".to_owned()
                } else {
                    format!("Saved. To make it SMART: {}.", advice.join("; "))
                }));
                load(id.as_str());
            }
            Some(Err(found)) => {
                saved.set(None);
                problems.show(found);
            }
            None => {}
        }
    };
    let actions = Signal::derive(move || {
        state.session.with(|s| {
            let w = s.current();
            let mut open: Vec<(bool, Choice)> = w
                .actions
                .iter()
                .map(|a| {
                    (
                        !a.status.is_open(),
                        (
                            a.id.to_string(),
                            format!("{} ({})", a.title, a.status.label()),
                        ),
                    )
                })
                .collect();
            open.shared_sort_by_key(|(closed, _)| *closed);
            open.into_iter()
                .map(|(_, choice)| choice)
                .collect::<Vec<Choice>>()
        })
    });
    let risks = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .risks
                .iter()
                .filter(|r| r.closed.is_none())
                .map(|r| (r.id.to_string(), r.title.clone()))
                .collect::<Vec<Choice>>()
        })
    });
    let error = move |field: ActionField| problems.error(field);
    view! {
        <section class="app-section" aria-labelledby="action-edit-heading" data-testid="action-edit">
            <h2 id="action-edit-heading">"Update an action"</h2>
            <Select id="action-edit-choose" label="Action" none="Choose an action…" choices=actions value=chosen
                on_change=move |id: String| {
                    load(&id);
                    chosen.set(id);
                    saved.set(None);
                } />
            <Show when=move || chosen.with(|c| !c.is_empty())>
                <ErrorSummary test_id="action-edit-problems" problems=problems.summary(control_id) />
                <form on:submit=save novalidate>
                    <TextField id="action-edit-title" label="What will be done" value=fields.title error=error(ActionField::Title) />
                    <TextField id="action-edit-measure" label="How we will know it is done" value=fields.measure />
                    <div class="app-inline-controls">
                        <PersonSelect id="action-edit-owner" label="Owner" none="Not yet known" bind=fields.owner who=Who::Officers
                            error=error(ActionField::Owner) />
                        <DateField id="action-edit-due" label="Due" value=fields.due error=error(ActionField::Due) />
                        <Select id="action-edit-status" label="Status" choices=coded(ActionStatus::ALL, |s| s.label().to_owned())
                            bind=fields.status />
                    </div>
                    <TextField id="action-edit-open-ended" label="If it has no owner or due date, why not"
                        hint="An open action needs an owner and a due date (SMART), or the reason it has none."
                        value=fields.open_ended_reason error=error(ActionField::OpenEndedReason) />
                    <TextArea id="action-edit-progress" label="Progress so far" value=fields.progress rows=3 />
                    <Select id="action-edit-risk" label="The risk it mitigates" none="None" choices=risks bind=fields.risk
                        error=error(ActionField::Risk) />
                    <button type="submit" class="app-button" data-testid="action-edit-save">"Save the action"</button>
                </form>
            </Show>
            {move || saved.get().map(|m| view! { <p class="app-notice" role="status" data-testid="action-edit-saved">{m}</p> })}
            <ItemChanges list=Collection::Actions.name() key=chosen nested=true />
        </section>
    }
}
