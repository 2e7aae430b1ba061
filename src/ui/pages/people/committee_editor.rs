//! Adding a committee or changing one: its name, its kind and its chair (a current councillor), with the
//! committees listed as they stand.

use leptos::prelude::*;

use crate::domain::basics::ids::CommitteeId;
use crate::domain::model::golden_thread::CommitteeKind;
use crate::domain::model::workspace::Workspace;
use crate::domain::thread::committee_form::{CommitteeField, CommitteeForm, save_committee};
use crate::storage::collection::Collection;
use crate::ui::address::value_code::code;
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{Choice, PersonSelect, Select, TextField, Who, coded};
use crate::ui::components::item_changes::ItemChanges;
use crate::ui::state::use_app_state;

/// The committee with id `id` as the form shows it; a blank form for a new one (`id` empty) or one gone.
fn form_of(workspace: &Workspace, id: &str) -> CommitteeForm {
    workspace
        .committees
        .iter()
        .find(|c| c.id.as_str() == id)
        .map_or_else(CommitteeForm::blank, CommitteeForm::of)
}

/// Each committee as the list shows it: name, kind and chair.
fn listed(workspace: &Workspace) -> Vec<(String, &'static str, String)> {
    workspace
        .committees
        .iter()
        .map(|c| {
            let chair = c
                .chair
                .as_ref()
                .and_then(|id| workspace.person(id))
                .map_or_else(|| "No chair yet".to_owned(), |p| p.name.clone());
            (c.name.clone(), c.kind.label(), chair)
        })
        .collect()
}

/// The committees form and list.
#[component]
pub fn CommitteeEditor() -> impl IntoView {
    let state = use_app_state();
    let chosen = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(code(&CommitteeKind::PolicyAndService).unwrap_or_default());
    let chair = RwSignal::new(String::new());
    let problems = FieldProblems::<CommitteeField>::new();
    let saved = RwSignal::new(None::<String>);
    let loaded = StoredValue::new(CommitteeForm::blank());
    let load = move |id: &str| {
        let form = state.session.with_untracked(|s| form_of(s.current(), id));
        name.set(form.name.clone());
        kind.set(code(&form.kind).unwrap_or_default());
        chair.set(form.chair.clone());
        loaded.set_value(form);
        problems.clear();
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = CommitteeForm {
            name: name.get_untracked(),
            kind: CommitteeKind::ALL
                .into_iter()
                .find(|k| code(k).as_deref() == Some(kind.get_untracked().as_str()))
                .unwrap_or(CommitteeKind::PolicyAndService),
            chair: chair.get_untracked(),
        };
        let id = chosen.get_untracked();
        let committee = CommitteeId::new(id.as_str()).ok();
        let outcome = state.session.try_update(|s| {
            let form = typed.rebased(&loaded.get_value(), &form_of(s.current(), &id));
            s.edit(|w| save_committee(w, committee.as_ref(), &form))
        });
        match outcome {
            Some(Ok(saved_id)) => {
                load(saved_id.as_str());
                chosen.set(saved_id.to_string());
                saved.set(Some(format!("Saved {}.", name.get_untracked())));
            }
            Some(Err(found)) => {
                saved.set(None);
                problems.show(found);
            }
            None => {}
        }
    };
    let committees = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .committees
                .iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect::<Vec<Choice>>()
        })
    });
    let rows = Memo::new(move |_| state.session.with(|s| listed(s.current())));
    view! {
        <section class="app-section" aria-labelledby="committee-heading" data-testid="committee-form">
            <h2 id="committee-heading">"Committees"</h2>
            <table class="app-table app-table--compact" data-testid="committee-list">
                <caption class="app-table__caption">"The council's committees and their chairs"</caption>
                <thead><tr><th scope="col">"Committee"</th><th scope="col">"Kind"</th><th scope="col">"Chair"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(name, kind, chair)| view! {
                        <tr><th scope="row">{name}</th><td>{kind}</td><td>{chair}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <Select id="committee-choose" label="Committee" none="A new committee" choices=committees value=chosen
                on_change=move |id: String| {
                    load(&id);
                    chosen.set(id);
                    saved.set(None);
                } />
            <ErrorSummary test_id="committee-problems" problems=problems.summary(|field| match field {
                CommitteeField::Name => "committee-name",
                CommitteeField::Chair => "committee-chair",
            }) />
            <form on:submit=save novalidate>
                <TextField id="committee-name" label="Name of the committee" value=name error=problems.error(CommitteeField::Name) />
                <Select id="committee-kind" label="Kind" choices=coded(CommitteeKind::ALL, |k| k.label().to_owned()) bind=kind />
                <PersonSelect id="committee-chair" label="Chair" none="No chair yet" bind=chair who=Who::Councillors
                    error=problems.error(CommitteeField::Chair) />
                <button type="submit" class="app-button app-button--secondary" data-testid="committee-save">"Save the committee"</button>
            </form>
            {move || saved.get().map(|m| view! { <p class="app-notice" role="status" data-testid="committee-saved">{m}</p> })}
            <ItemChanges list=Collection::Committees.name() key=chosen nested=true />
        </section>
    }
}
