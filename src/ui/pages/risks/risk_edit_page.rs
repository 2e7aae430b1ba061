//! Adding a risk to a register or changing one (`/risks/risk-edit`, `?risk=<id>` to change it): what it is, its
//! register and owner, its inherent, residual and target scores, mitigations, escalation criteria, dates, and
//! the KPIs and ambitions it bears on. Saved whole by `domain::risks::risk_form::save_risk`, every problem in a
//! summary linked to its field.

use chrono::Utc;
use leptos::prelude::*;

use super::LEVELS;
use crate::domain::basics::ids::RiskId;
use crate::domain::model::risk::RiskLevel;
use crate::domain::model::workspace::Workspace;
use crate::domain::risks::risk_form::{RiskField, RiskForm, save_risk};
use crate::storage::collection::Collection;
use crate::ui::address::query::{address, parse_query};
use crate::ui::address::served_path::link;
use crate::ui::address::state::use_address_state;
use crate::ui::address::value_code::code;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{
    CheckList, Choice, DateField, PersonSelect, Select, TextArea, TextField, Who, coded,
};
use crate::ui::components::item_changes::ItemChanges;
use crate::ui::routes::Page;
use crate::ui::state::use_app_state;

/// The risk the address asks to change (`?edit=<id>`); none for a new one (`?edit=new`).
fn risk_from_query(query: &str) -> Option<RiskId> {
    parse_query(query)
        .into_iter()
        .find(|(k, _)| k == "edit")
        .and_then(|(_, v)| RiskId::try_from(v).ok())
        .filter(|id| id.as_str() != NEW)
}

/// The word in the address that asks for a new risk.
const NEW: &str = "new";

/// The address of the form for `risk`, or for a new risk.
pub fn edit_href(risk: &Option<RiskId>) -> String {
    let edit = risk
        .as_ref()
        .map_or_else(|| NEW.to_owned(), ToString::to_string);
    address(&Page::Risks.path(), [("edit", Some(edit))])
}

/// The control each field's problems point at.
fn control_id(field: RiskField) -> &'static str {
    match field {
        RiskField::Title => "risk-title",
        RiskField::Directorate => "risk-directorate",
        RiskField::Owner => "risk-owner",
        RiskField::Scores => "risk-inherent-likelihood",
        RiskField::Opened => "risk-opened",
        RiskField::Closed => "risk-closed",
        RiskField::Links => "risk-kpis",
    }
}

/// The risk with id `risk` as the form shows it, or a blank form for a new one.
fn form_of(workspace: &Workspace, risk: Option<&RiskId>) -> RiskForm {
    risk.and_then(|id| workspace.risks.iter().find(|r| &r.id == id))
        .map_or_else(|| RiskForm::blank(Utc::now().date_naive()), RiskForm::of)
}

/// The form's controls, each bound to a signal.
#[derive(Clone, Copy)]
struct Fields {
    title: RwSignal<String>,
    description: RwSignal<String>,
    level: RwSignal<String>,
    directorate: RwSignal<String>,
    owner: RwSignal<String>,
    scores: [RwSignal<u8>; 6],
    mitigations: RwSignal<String>,
    escalation: RwSignal<String>,
    opened: RwSignal<String>,
    closed: RwSignal<String>,
    kpis: RwSignal<Vec<String>>,
    ambitions: RwSignal<Vec<String>>,
}

impl Fields {
    fn new() -> Self {
        let text = || RwSignal::new(String::new());
        Self {
            title: text(),
            description: text(),
            level: text(),
            directorate: text(),
            owner: text(),
            scores: [0; 6].map(RwSignal::new),
            mitigations: text(),
            escalation: text(),
            opened: text(),
            closed: text(),
            kpis: RwSignal::new(Vec::new()),
            ambitions: RwSignal::new(Vec::new()),
        }
    }

    fn show(self, form: &RiskForm) {
        self.title.set(form.title.clone());
        self.description.set(form.description.clone());
        self.level.set(code(&form.level).unwrap_or_default());
        self.directorate.set(form.directorate.clone());
        self.owner.set(form.owner.clone());
        let [a, b, c, d, e, f] = self.scores;
        for (signal, value) in [
            (a, form.inherent.0),
            (b, form.inherent.1),
            (c, form.residual.0),
            (d, form.residual.1),
            (e, form.target.0),
            (f, form.target.1),
        ] {
            signal.set(value);
        }
        self.mitigations.set(form.mitigations.clone());
        self.escalation.set(form.escalation.clone());
        self.opened.set(form.opened.clone());
        self.closed.set(form.closed.clone());
        self.kpis.set(form.kpis.clone());
        self.ambitions.set(form.ambitions.clone());
    }

    fn read(self) -> RiskForm {
        let [a, b, c, d, e, f] = self.scores.map(|s| s.get_untracked());
        RiskForm {
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            level: LEVELS
                .into_iter()
                .find(|l| code(l).as_deref() == Some(self.level.get_untracked().as_str()))
                .unwrap_or(RiskLevel::Directorate),
            directorate: self.directorate.get_untracked(),
            owner: self.owner.get_untracked(),
            inherent: (a, b),
            residual: (c, d),
            target: (e, f),
            mitigations: self.mitigations.get_untracked(),
            escalation: self.escalation.get_untracked(),
            opened: self.opened.get_untracked(),
            closed: self.closed.get_untracked(),
            kpis: self.kpis.get_untracked(),
            ambitions: self.ambitions.get_untracked(),
        }
    }
}

/// A likelihood or impact from 1 to 5, "Choose…" until one is chosen.
fn score_field(id: &'static str, label: &'static str, value: RwSignal<u8>) -> impl IntoView {
    let choices: Vec<Choice> = (1..=5u8).map(|n| (n.to_string(), n.to_string())).collect();
    view! {
        <Select id=id label=label none="Choose…" choices=choices
            value=Signal::derive(move || match value.get() { 0 => String::new(), n => n.to_string() })
            on_change=move |chosen: String| value.set(chosen.parse().unwrap_or(0)) />
    }
}

/// The KPIs a risk may be linked to: the live KPIs of its directorate (every live KPI for a risk on no
/// directorate's register), and whatever it is linked to already.
fn kpi_choices(workspace: &Workspace, directorate: &str, linked: &[String]) -> Vec<Choice> {
    workspace
        .kpis
        .iter()
        .filter(|k| {
            let here = directorate.is_empty()
                || workspace
                    .directorate_of_kpi(k)
                    .is_some_and(|d| d.as_str() == directorate);
            (k.status.is_live() && here) || linked.iter().any(|l| l == k.id.as_str())
        })
        .map(|k| (k.id.to_string(), k.name.clone()))
        .collect()
}

/// The add-or-change risk page.
#[component]
pub fn RiskEditPage() -> impl IntoView {
    use_page_title("Add or change a risk");
    let state = use_app_state();
    let (chosen, choose) = use_address_state(risk_from_query, edit_href);
    let fields = Fields::new();
    let problems = FieldProblems::<RiskField>::new();
    let saved = RwSignal::new(None::<String>);
    let loaded = StoredValue::new(RiskForm::blank(Utc::now().date_naive()));
    // The form follows the risk in the address (none: a new one).
    Effect::new(move |_| {
        let risk = chosen.get();
        let form = state
            .session
            .with_untracked(|s| form_of(s.current(), risk.as_ref()));
        fields.show(&form);
        loaded.set_value(form);
        problems.clear();
    });
    // An open risk that has been reviewed has its residual score from its latest review.
    let reviewed_residual = Memo::new(move |_| {
        let risk = chosen.get()?;
        state.session.with(|s| {
            s.current()
                .risks
                .iter()
                .find(|r| r.id == risk && r.closed.is_none() && !r.reviews.is_empty())
                .map(|r| r.residual.to_string())
        })
    });
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = fields.read();
        let risk = chosen.get_untracked();
        let today = Utc::now().date_naive();
        let outcome = state.session.try_update(|s| {
            let now = form_of(s.current(), risk.as_ref());
            let form = typed.rebased(&loaded.get_value(), &now);
            s.edit(|w| save_risk(w, risk.as_ref(), &form, today))
        });
        match outcome {
            Some(Ok(id)) => {
                saved.set(Some(format!(
                    "Saved {}.",
                    fields.title.get_untracked().trim()
                )));
                if risk.as_ref() == Some(&id) {
                    let now = state
                        .session
                        .with_untracked(|s| form_of(s.current(), Some(&id)));
                    fields.show(&now);
                    loaded.set_value(now);
                } else {
                    choose.run(Some(id));
                }
            }
            Some(Err(found)) => {
                saved.set(None);
                problems.show(found);
            }
            None => {}
        }
    };
    let directorates = Signal::derive(move || {
        state.session.with(|s| {
            s.current()
                .directorates
                .iter()
                .filter(|d| d.active)
                .map(|d| (d.id.to_string(), d.name.clone()))
                .collect::<Vec<Choice>>()
        })
    });
    let kpis = Signal::derive(move || {
        let directorate = fields.directorate.get();
        let linked = fields.kpis.get();
        state
            .session
            .with(|s| kpi_choices(s.current(), &directorate, &linked))
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
    let heading = move || {
        if chosen.with(Option::is_some) {
            "Change a risk"
        } else {
            "Add a risk"
        }
    };
    let error = move |field: RiskField| problems.error(field);
    view! {
        <h1 data-testid="page-heading">{heading}</h1>
        <p class="app-lead">"A risk on the strategic register, a directorate's or a service's: its scores set its band, and its band when it is next reviewed. Once reviewed, its residual score moves by review, so the history says why."</p>
        <h2>{move || if chosen.with(Option::is_some) { "The risk as it stands" } else { "The new risk" }}</h2>
        <ErrorSummary test_id="risk-edit-problems" problems=problems.summary(control_id) />
        <form on:submit=save novalidate data-testid="risk-edit">
            <TextField id="risk-title" label="Title" value=fields.title error=error(RiskField::Title) />
            <TextArea id="risk-description" label="The risk: cause, event and effect" value=fields.description rows=3 />
            <div class="app-inline-controls">
                <Select id="risk-level" label="Register" choices=coded(LEVELS, |l| l.label().to_owned()) bind=fields.level />
                <Select id="risk-directorate" label="Directorate" none="None (the strategic register)" choices=directorates
                    bind=fields.directorate error=error(RiskField::Directorate) />
            </div>
            <PersonSelect id="risk-owner" label="Risk owner" none="Not yet known" bind=fields.owner who=Who::Officers
                error=error(RiskField::Owner) />
            <fieldset class="app-conflict">
                <legend>"Scores: likelihood and impact, each 1 to 5"</legend>
                {move || error(RiskField::Scores).get().map(|message| view! {
                    <p class="app-field-error"><span class="app-visually-hidden">"Error: "</span>{message}</p>
                })}
                <div class="app-inline-controls">
                    {score_field("risk-inherent-likelihood", "Inherent likelihood", fields.scores[0])}
                    {score_field("risk-inherent-impact", "Inherent impact", fields.scores[1])}
                </div>
                {move || match reviewed_residual.get() {
                    Some(residual) => view! {
                        <p data-testid="risk-residual-by-review">{format!("Residual score now {residual}, from its latest review: record a review to change it.")}</p>
                    }.into_any(),
                    None => view! {
                        <div class="app-inline-controls">
                            {score_field("risk-residual-likelihood", "Residual likelihood", fields.scores[2])}
                            {score_field("risk-residual-impact", "Residual impact", fields.scores[3])}
                        </div>
                    }.into_any(),
                }}
                <div class="app-inline-controls">
                    {score_field("risk-target-likelihood", "Target likelihood", fields.scores[4])}
                    {score_field("risk-target-impact", "Target impact", fields.scores[5])}
                </div>
            </fieldset>
            <TextArea id="risk-mitigations" label="Mitigations, one to a line" value=fields.mitigations rows=4 />
            <TextArea id="risk-escalation" label="When to escalate it, and when it can be accepted" value=fields.escalation rows=2 />
            <div class="app-inline-controls">
                <DateField id="risk-opened" label="Opened" value=fields.opened error=error(RiskField::Opened) />
                <DateField id="risk-closed" label="Closed" value=fields.closed hint="Leave blank while it is open." error=error(RiskField::Closed) />
            </div>
            <CheckList id="risk-kpis" legend="KPIs whose performance bears on it" choices=kpis chosen=fields.kpis
                test_id="risk-kpi" error=error(RiskField::Links) />
            <CheckList id="risk-ambitions" legend="Ambitions it threatens" choices=ambitions chosen=fields.ambitions
                test_id="risk-ambition" />
            <div class="app-button-group">
                <button type="submit" class="app-button" data-testid="risk-save">"Save the risk"</button>
            </div>
        </form>
        {move || saved.get().map(|m| view! {
            <p class="app-notice" role="status" data-testid="risk-saved">
                {m} " " <a href=link(&Page::Risks.path()) data-testid="risk-back">"Back to the risk registers"</a>
            </p>
        })}
        <ItemChanges list=Collection::Risks.name() key=Signal::derive(move || chosen.get().map(|r| r.to_string()).unwrap_or_default()) />
    }
}
