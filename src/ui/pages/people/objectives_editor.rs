//! A person's SMART objectives, the golden thread's last link: the ones set so far, and a form to add one or
//! change one (what will be done, how success is measured, what makes it achievable, the ambitions and KPIs it
//! serves, when it is due), saved whole by `domain::thread::objective_form::save_objective`.

use crate::domain::basics::shared_sort::SharedSort;
use leptos::prelude::*;

use crate::domain::basics::ids::{ObjectiveId, PersonId};
use crate::domain::model::workspace::Workspace;
use crate::domain::thread::objective_form::{
    ObjectiveField, ObjectiveForm, save_objective, smart_advice,
};
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{CheckList, Choice, DateField, Select, TextField};
use crate::ui::state::use_app_state;

/// The objective with id `id` as the form shows it; a blank form for a new one (`id` empty) or one gone.
fn form_of(workspace: &Workspace, id: &str) -> ObjectiveForm {
    workspace
        .objectives
        .iter()
        .find(|o| o.id.as_str() == id)
        .map(ObjectiveForm::of)
        .unwrap_or_default()
}

/// The form's controls, each bound to a signal.
#[derive(Clone, Copy)]
struct Fields {
    title: RwSignal<String>,
    measure: RwSignal<String>,
    achievable: RwSignal<String>,
    ambitions: RwSignal<Vec<String>>,
    kpis: RwSignal<Vec<String>>,
    due: RwSignal<String>,
}

impl Fields {
    fn show(self, form: &ObjectiveForm) {
        self.title.set(form.title.clone());
        self.measure.set(form.measure.clone());
        self.achievable.set(form.achievable.clone());
        self.ambitions.set(form.ambitions.clone());
        self.kpis.set(form.kpis.clone());
        self.due.set(form.due.clone());
    }

    fn read(self) -> ObjectiveForm {
        ObjectiveForm {
            title: self.title.get_untracked(),
            measure: self.measure.get_untracked(),
            achievable: self.achievable.get_untracked(),
            ambitions: self.ambitions.get_untracked(),
            kpis: self.kpis.get_untracked(),
            due: self.due.get_untracked(),
        }
    }
}

/// The objectives of the person with id `person`.
#[component]
pub fn ObjectivesEditor(person: String) -> impl IntoView {
    let state = use_app_state();
    let Ok(person) = PersonId::new(person) else {
        return ().into_any();
    };
    let person = StoredValue::new(person);
    let chosen = RwSignal::new(String::new());
    let text = || RwSignal::new(String::new());
    let fields = Fields {
        title: text(),
        measure: text(),
        achievable: text(),
        ambitions: RwSignal::new(Vec::new()),
        kpis: RwSignal::new(Vec::new()),
        due: text(),
    };
    let problems = FieldProblems::<ObjectiveField>::new();
    let saved = RwSignal::new(None::<String>);
    let loaded = StoredValue::new(ObjectiveForm::default());
    let load = move |id: &str| {
        let form = state.session.with_untracked(|s| form_of(s.current(), id));
        fields.show(&form);
        loaded.set_value(form);
        problems.clear();
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = fields.read();
        let id = chosen.get_untracked();
        let objective = ObjectiveId::new(id.as_str()).ok();
        let outcome = state.session.try_update(|s| {
            let form = typed.rebased(&loaded.get_value(), &form_of(s.current(), &id));
            s.edit(|w| save_objective(w, &person.get_value(), objective.as_ref(), &form))
        });
        match outcome {
            Some(Ok(saved_id)) => {
                let advice = smart_advice(&typed);
                saved.set(Some(if advice.is_empty() {
                    "Saved: it is SMART.".to_owned()
                } else {
                    format!("Saved. To make it SMART: {}.", advice.join("; "))
                }));
                load(saved_id.as_str());
                chosen.set(saved_id.to_string());
            }
            Some(Err(found)) => {
                saved.set(None);
                problems.show(found);
            }
            None => {}
        }
    };
    let objectives = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .objectives
                .iter()
                .filter(|o| o.person == person.get_value())
                .map(|o| (o.id.to_string(), o.title.clone()))
                .collect::<Vec<Choice>>()
        })
    });
    let ambitions = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .ambitions
                .iter()
                .map(|a| (a.id.to_string(), a.label()))
                .collect::<Vec<Choice>>()
        })
    });
    // The KPIs the person owns or supplies come first: the ones an objective most often serves.
    let kpis = Signal::derive(move || {
        state.session.with(|s| {
            let me = Some(person.get_value());
            let mut kpis: Vec<(bool, Choice)> = s
                .current()
                .kpis
                .iter()
                .filter(|k| k.status.is_live())
                .map(|k| {
                    let mine = k.owner == me || k.data_coordinator == me;
                    (!mine, (k.id.to_string(), k.name.clone()))
                })
                .collect();
            kpis.shared_sort_by_key(|(theirs, _)| *theirs);
            kpis.into_iter()
                .map(|(_, choice)| choice)
                .collect::<Vec<Choice>>()
        })
    });
    view! {
        <div class="app-subform" data-testid="objectives-form">
            <h3>"Objectives"</h3>
            <Select id="objective-choose" label="Objective" none="A new objective" choices=objectives value=chosen
                on_change=move |id: String| {
                    load(&id);
                    chosen.set(id);
                    saved.set(None);
                } />
            <ErrorSummary test_id="objective-problems" problems=problems.summary(|field| match field {
                ObjectiveField::Title => "objective-title",
                ObjectiveField::Links => "objective-ambitions",
                ObjectiveField::Due => "objective-due",
            }) />
            <form on:submit=save novalidate>
                <TextField id="objective-title" label="Specific: what will be done" value=fields.title
                    error=problems.error(ObjectiveField::Title) />
                <TextField id="objective-measure" label="Measurable: how success will be measured" value=fields.measure />
                <TextField id="objective-achievable" label="Achievable: the support or resources that make it so" value=fields.achievable />
                <CheckList id="objective-ambitions" legend="Relevant: the ambitions it serves" choices=ambitions
                    chosen=fields.ambitions test_id="objective-ambition" error=problems.error(ObjectiveField::Links) />
                <CheckList id="objective-kpis" legend="Relevant: the KPIs it contributes to (theirs first)" choices=kpis
                    chosen=fields.kpis test_id="objective-kpi" />
                <DateField id="objective-due" label="Time-bound: when it is due" value=fields.due
                    error=problems.error(ObjectiveField::Due) />
                <button type="submit" class="app-button app-button--secondary" data-testid="objective-save">"Save the objective"</button>
            </form>
            {move || saved.get().map(|m| view! { <p class="app-notice" role="status" data-testid="objective-saved">{m}</p> })}
        </div>
    }
    .into_any()
}
