//! Adding or changing a plan on "Manage the framework": the council plan, a directorate's, service's or team's
//! business plan, or an individual's appraisal plan; whose it is, the years it covers and the ambitions it
//! delivers. Saved whole by `domain::thread::plan_form::save_plan`, every problem in a summary linked to its field.

use leptos::prelude::*;

use crate::domain::basics::ids::PlanId;
use crate::domain::model::golden_thread::PlanLevel;
use crate::domain::model::workspace::Workspace;
use crate::domain::thread::plan_form::{PlanField, PlanForm, save_plan};
use crate::storage::collection::Collection;
use crate::ui::address::value_code::code;
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{
    CheckList, Choice, RecordedAs, Select, TextField, Who, Width, coded, person_choices,
};
use crate::ui::components::item_changes::ItemChanges;
use crate::ui::state::use_app_state;

/// The levels a plan is written at, in the order they are offered.
const LEVELS: [PlanLevel; 5] = [
    PlanLevel::Corporate,
    PlanLevel::Directorate,
    PlanLevel::Service,
    PlanLevel::Team,
    PlanLevel::Individual,
];

/// A level in words.
fn level_words(level: &PlanLevel) -> String {
    match level {
        PlanLevel::Corporate => "The council plan",
        PlanLevel::Directorate => "A directorate plan",
        PlanLevel::Service => "A service plan",
        PlanLevel::Team => "A team plan",
        PlanLevel::Individual => "An individual's appraisal plan",
    }
    .to_owned()
}

/// The parts of the thread a plan at `level` can belong to.
fn owner_choices(workspace: &Workspace, level: PlanLevel) -> Vec<Choice> {
    let named = |id: String, name: &str| (id, name.to_owned());
    match level {
        PlanLevel::Corporate => Vec::new(),
        PlanLevel::Directorate => workspace
            .directorates
            .iter()
            .filter(|d| d.active)
            .map(|d| named(d.id.to_string(), &d.name))
            .collect(),
        PlanLevel::Service => workspace
            .services
            .iter()
            .filter(|s| s.active)
            .map(|s| named(s.id.to_string(), &s.name))
            .collect(),
        PlanLevel::Team => workspace
            .teams
            .iter()
            .filter(|t| t.active)
            .map(|t| named(t.id.to_string(), &t.name))
            .collect(),
        PlanLevel::Individual => person_choices(workspace, Who::Anyone, RecordedAs::Id, ""),
    }
}

/// The plan with id `id` as the form shows it; a blank form for a new one (`id` empty) or one gone.
fn form_of(workspace: &Workspace, id: &str) -> PlanForm {
    workspace
        .plans
        .iter()
        .find(|p| p.id.as_str() == id)
        .map_or_else(
            || PlanForm::blank(workspace.framework.current_year),
            PlanForm::of,
        )
}

/// The plans form.
#[component]
pub fn PlansForm() -> impl IntoView {
    let state = use_app_state();
    let chosen = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let level = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let ambitions = RwSignal::new(Vec::<String>::new());
    let problems = FieldProblems::<PlanField>::new();
    let saved = RwSignal::new(None::<String>);
    let loaded = StoredValue::new(None::<PlanForm>);
    let read_level = move || {
        LEVELS
            .into_iter()
            .find(|l| code(l).as_deref() == Some(level.get().as_str()))
            .unwrap_or(PlanLevel::Service)
    };
    let load = move |id: &str| {
        let form = state.session.with_untracked(|s| form_of(s.current(), id));
        title.set(form.title.clone());
        level.set(code(&form.level).unwrap_or_default());
        owner.set(form.owner.clone());
        from.set(form.from.clone());
        to.set(form.to.clone());
        ambitions.set(form.ambitions.clone());
        loaded.set_value(Some(form));
        problems.clear();
    };
    load("");
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = PlanForm {
            title: title.get_untracked(),
            level: untrack(read_level),
            owner: owner.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
            ambitions: ambitions.get_untracked(),
        };
        let id = chosen.get_untracked();
        let plan = PlanId::new(id.as_str()).ok();
        let shown = loaded.get_value().unwrap_or_else(|| typed.clone());
        let outcome = state.session.try_update(|s| {
            let form = typed.rebased(&shown, &form_of(s.current(), &id));
            s.edit(|w| save_plan(w, plan.as_ref(), &form))
        });
        match outcome {
            Some(Ok(saved_id)) => {
                saved.set(Some(format!("Saved {}.", title.get_untracked().trim())));
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
    let plans = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .plans
                .iter()
                .map(|p| {
                    (
                        p.id.to_string(),
                        format!("{} ({} to {})", p.title, p.from, p.to),
                    )
                })
                .collect::<Vec<Choice>>()
        })
    });
    let owners = Signal::derive(move || {
        let level = read_level();
        state.session.with(|s| owner_choices(s.current(), level))
    });
    let ambition_choices = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .ambitions
                .iter()
                .map(|a| (a.id.to_string(), a.label()))
                .collect::<Vec<Choice>>()
        })
    });
    view! {
        <section class="app-subform" aria-labelledby="plans-heading" data-testid="plans-form">
            <h2 id="plans-heading">"Plans"</h2>
            <Select id="plan-choose" label="Plan" none="A new plan" choices=plans value=chosen
                on_change=move |id: String| {
                    load(&id);
                    chosen.set(id);
                    saved.set(None);
                } />
            <ErrorSummary test_id="plan-problems" problems=problems.summary(|field| match field {
                PlanField::Title => "plan-title",
                PlanField::Owner => "plan-owner",
                PlanField::Years => "plan-from",
                PlanField::Ambitions => "plan-ambitions",
            }) />
            <form on:submit=save novalidate>
                <TextField id="plan-title" label="Title" value=title error=problems.error(PlanField::Title) />
                <Select id="plan-level" label="Kind of plan" choices=coded(LEVELS, level_words) value=level
                    on_change=move |chosen: String| {
                        level.set(chosen);
                        owner.set(String::new());
                    } />
                <Show when=move || !owners.with(Vec::is_empty)>
                    <Select id="plan-owner" label="Whose plan" none="Choose…" choices=owners bind=owner
                        error=problems.error(PlanField::Owner) />
                </Show>
                <div class="app-inline-controls">
                    <TextField id="plan-from" label="First year" value=from width=Width::Short hint="Written like 2026/27."
                        error=problems.error(PlanField::Years) />
                    <TextField id="plan-to" label="Last year" value=to width=Width::Short />
                </div>
                <CheckList id="plan-ambitions" legend="The ambitions it delivers" choices=ambition_choices chosen=ambitions
                    test_id="plan-ambition" error=problems.error(PlanField::Ambitions) />
                <button type="submit" class="app-button app-button--secondary" data-testid="plan-save">"Save the plan"</button>
            </form>
            {move || saved.get().map(|m| view! { <p class="app-notice" role="status" data-testid="plan-saved">{m}</p> })}
            <ItemChanges list=Collection::Plans.name() key=chosen nested=true />
        </section>
    }
}
