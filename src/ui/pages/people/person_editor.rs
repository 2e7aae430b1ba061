//! Adding a person or changing one: name, job title, team, councillor or not, and the roles they hold; and,
//! for someone chosen, their objectives and recording that they have left (or are back).

use crate::domain::basics::shared_sort::SharedSort;
use leptos::prelude::*;

use super::leaving_form::LeavingForm;
use super::objectives_editor::ObjectivesEditor;
use crate::domain::basics::ids::PersonId;
use crate::domain::model::workspace::Workspace;
use crate::domain::thread::person_form::{PersonField, PersonForm, save_person, team_choices};
use crate::storage::collection::Collection;
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{CheckList, Choice, Select, TextField, person_words};
use crate::ui::components::item_changes::ItemChanges;
use crate::ui::state::use_app_state;

/// The control each field's problems point at.
fn control_id(field: PersonField) -> &'static str {
    match field {
        PersonField::Name => "person-name",
        PersonField::Team => "person-team",
        PersonField::Roles => "person-roles",
    }
}

/// Everyone, to choose whom to change: current people by name, then those who have left.
fn everyone(workspace: &Workspace) -> Vec<Choice> {
    let mut people: Vec<(bool, Choice)> = workspace
        .people
        .iter()
        .map(|p| {
            let words = if p.active {
                person_words(p)
            } else {
                format!("{} (has left)", p.name)
            };
            (!p.active, (p.id.to_string(), words))
        })
        .collect();
    people.shared_sort_by_cached_key(|(left, (_, words))| (*left, words.to_ascii_lowercase()));
    people.into_iter().map(|(_, choice)| choice).collect()
}

/// The person with id `id` as the form shows them; a blank form for someone new (`id` empty) or gone.
fn form_of(workspace: &Workspace, id: &str) -> PersonForm {
    workspace
        .people
        .iter()
        .find(|p| p.id.as_str() == id)
        .map(PersonForm::of)
        .unwrap_or_default()
}

/// The form's controls, each bound to a signal.
#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    job_title: RwSignal<String>,
    team: RwSignal<String>,
    roles: RwSignal<Vec<String>>,
    councillor: RwSignal<bool>,
}

impl Fields {
    fn show(self, form: &PersonForm) {
        self.name.set(form.name.clone());
        self.job_title.set(form.job_title.clone());
        self.team.set(form.team.clone());
        self.roles.set(form.roles.clone());
        self.councillor.set(form.councillor);
    }

    fn read(self) -> PersonForm {
        PersonForm {
            name: self.name.get_untracked(),
            job_title: self.job_title.get_untracked(),
            team: self.team.get_untracked(),
            roles: self.roles.get_untracked(),
            councillor: self.councillor.get_untracked(),
        }
    }
}

/// The person form.
#[component]
pub fn PersonEditor() -> impl IntoView {
    let state = use_app_state();
    let chosen = RwSignal::new(String::new());
    let fields = Fields {
        name: RwSignal::new(String::new()),
        job_title: RwSignal::new(String::new()),
        team: RwSignal::new(String::new()),
        roles: RwSignal::new(Vec::new()),
        councillor: RwSignal::new(false),
    };
    let problems = FieldProblems::<PersonField>::new();
    let saved = RwSignal::new(None::<String>);
    // What the form was filled with, so a save writes only what the person changed.
    let loaded = StoredValue::new(PersonForm::default());
    let load = move |id: &str| {
        let form = state.session.with_untracked(|s| form_of(s.current(), id));
        fields.show(&form);
        loaded.set_value(form);
        problems.clear();
    };
    let choose = move |id: String| {
        load(&id);
        chosen.set(id);
        saved.set(None);
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = fields.read();
        let id = chosen.get_untracked();
        let person = PersonId::new(id.as_str()).ok();
        let outcome = state.session.try_update(|s| {
            let form = typed.rebased(&loaded.get_value(), &form_of(s.current(), &id));
            s.edit(|w| save_person(w, person.as_ref(), &form))
        });
        match outcome {
            Some(Ok(saved_id)) => {
                let name = state.session.with_untracked(|s| {
                    s.current()
                        .person(&saved_id)
                        .map(|p| p.name.clone())
                        .unwrap_or_default()
                });
                load(saved_id.as_str());
                chosen.set(saved_id.to_string());
                saved.set(Some(if person.is_some() {
                    format!("Saved {name}.")
                } else {
                    format!("Added {name}: they can now be chosen wherever a person is named.")
                }));
            }
            Some(Err(found)) => {
                saved.set(None);
                problems.show(found);
            }
            None => {}
        }
    };
    let people = Signal::derive(move || state.session.with(|s| everyone(s.current())));
    let teams = Signal::derive(move || {
        state.session.with(|s| {
            team_choices(s.current())
                .into_iter()
                .map(|(id, words)| (id.to_string(), words))
                .collect::<Vec<Choice>>()
        })
    });
    let roles = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .roles
                .iter()
                .map(|r| {
                    (
                        r.id.to_string(),
                        format!("{} (held by {})", r.name, r.holder.plural()),
                    )
                })
                .collect::<Vec<Choice>>()
        })
    });
    let is_new = move || chosen.with(String::is_empty);
    view! {
        <section class="app-section" aria-labelledby="person-heading" data-testid="person-form">
            <h2 id="person-heading">"Add or change a person"</h2>
            <Select id="person-choose" label="Person" none="Someone new" choices=people value=chosen
                on_change=move |id: String| choose(id) />
            <ErrorSummary test_id="person-problems" problems=problems.summary(control_id) />
            <form on:submit=save novalidate>
                <TextField id="person-name" label="Full name" value=fields.name error=problems.error(PersonField::Name) />
                <TextField id="person-job-title" label="Job title" value=fields.job_title />
                <label class="app-check">
                    <input type="checkbox" data-testid="person-councillor" prop:checked=move || fields.councillor.get()
                        on:change=move |_| fields.councillor.update(|on| *on = !*on) />
                    " An elected member (councillor)"
                </label>
                <Select id="person-team" label="Team" none="No team (a councillor, or a leader above team level)"
                    choices=teams bind=fields.team error=problems.error(PersonField::Team) />
                <CheckList id="person-roles" legend="Roles they hold" choices=roles chosen=fields.roles
                    test_id="person-role" error=problems.error(PersonField::Roles) />
                <div class="app-button-group">
                    <button type="submit" class="app-button" data-testid="person-save">
                        {move || if is_new() { "Add the person" } else { "Save the person" }}
                    </button>
                </div>
            </form>
            {move || saved.get().map(|m| view! { <p class="app-notice" role="status" data-testid="person-saved">{m}</p> })}
            {move || (!is_new()).then(|| view! {
                <ObjectivesEditor person=chosen.get() />
                <LeavingForm person=chosen.get() />
            })}
            <ItemChanges list=Collection::People.name() key=chosen nested=true />
        </section>
    }
}
