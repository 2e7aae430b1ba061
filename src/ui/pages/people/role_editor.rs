//! Adding a role or changing one: its name, whether officers or councillors hold it, and its responsibilities.

use leptos::prelude::*;

use crate::domain::basics::ids::RoleId;
use crate::domain::model::golden_thread::RoleHolder;
use crate::domain::model::workspace::Workspace;
use crate::domain::thread::role_form::{RoleField, RoleForm, save_role};
use crate::storage::collection::Collection;
use crate::ui::address::value_code::code;
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{Choice, Select, TextArea, TextField, coded};
use crate::ui::components::item_changes::ItemChanges;
use crate::ui::state::use_app_state;

/// The role with id `id` as the form shows it; a blank form for a new role (`id` empty) or one gone.
fn form_of(workspace: &Workspace, id: &str) -> RoleForm {
    workspace
        .roles
        .iter()
        .find(|r| r.id.as_str() == id)
        .map_or_else(RoleForm::blank, RoleForm::of)
}

/// The roles form.
#[component]
pub fn RoleEditor() -> impl IntoView {
    let state = use_app_state();
    let chosen = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let holder = RwSignal::new(code(&RoleHolder::Officer).unwrap_or_default());
    let duties = RwSignal::new(String::new());
    let problems = FieldProblems::<RoleField>::new();
    let saved = RwSignal::new(None::<String>);
    let loaded = StoredValue::new(RoleForm::blank());
    let load = move |id: &str| {
        let form = state.session.with_untracked(|s| form_of(s.current(), id));
        name.set(form.name.clone());
        holder.set(code(&form.holder).unwrap_or_default());
        duties.set(form.responsibilities.clone());
        loaded.set_value(form);
        problems.clear();
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = RoleForm {
            name: name.get_untracked(),
            holder: RoleHolder::ALL
                .into_iter()
                .find(|h| code(h).as_deref() == Some(holder.get_untracked().as_str()))
                .unwrap_or(RoleHolder::Officer),
            responsibilities: duties.get_untracked(),
        };
        let id = chosen.get_untracked();
        let role = RoleId::new(id.as_str()).ok();
        let outcome = state.session.try_update(|s| {
            let form = typed.rebased(&loaded.get_value(), &form_of(s.current(), &id));
            s.edit(|w| save_role(w, role.as_ref(), &form))
        });
        match outcome {
            Some(Ok(saved_id)) => {
                load(saved_id.as_str());
                chosen.set(saved_id.to_string());
                saved.set(Some(format!("Saved the role {}.", name.get_untracked())));
            }
            Some(Err(found)) => {
                saved.set(None);
                problems.show(found);
            }
            None => {}
        }
    };
    let roles = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .roles
                .iter()
                .map(|r| (r.id.to_string(), r.name.clone()))
                .collect::<Vec<Choice>>()
        })
    });
    let holders = coded(RoleHolder::ALL, |h| format!("Held by {}", h.plural()));
    view! {
        <section class="app-section" aria-labelledby="role-heading" data-testid="role-form">
            <h2 id="role-heading">"Roles"</h2>
            <Select id="role-choose" label="Role" none="A new role" choices=roles value=chosen
                on_change=move |id: String| {
                    load(&id);
                    chosen.set(id);
                    saved.set(None);
                } />
            <ErrorSummary test_id="role-problems" problems=problems.summary(|field| match field {
                RoleField::Name => "role-name",
                RoleField::Holder => "role-holder",
            }) />
            <form on:submit=save novalidate>
                <TextField id="role-name" label="Name of the role" value=name error=problems.error(RoleField::Name) />
                <Select id="role-holder" label="Who holds it" choices=holders bind=holder error=problems.error(RoleField::Holder) />
                <TextArea id="role-responsibilities" label="Responsibilities, one to a line" value=duties rows=4 />
                <button type="submit" class="app-button app-button--secondary" data-testid="role-save">"Save the role"</button>
            </form>
            {move || saved.get().map(|m| view! { <p class="app-notice" role="status" data-testid="role-saved">{m}</p> })}
            <ItemChanges list=Collection::Roles.name() key=chosen nested=true />
        </section>
    }
}
