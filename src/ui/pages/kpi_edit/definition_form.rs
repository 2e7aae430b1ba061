//! The KPI editor's definition form: every field of the KPI a person sets, each problem in a summary that links
//! to its field and beside the field, saved in one step by `edit_kpi`. A form left open while another tab saved
//! writes back only what was changed in it (`KpiForm::rebased`).

use leptos::prelude::*;

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Frequency;
use crate::domain::basics::typed_text::one_line;
use crate::domain::basics::unit::Unit;
use crate::domain::basics::unit_label::UnitLabel;
use crate::domain::kpi::kpi_form::{KpiField, KpiForm, edit_kpi};
use crate::domain::maths::aggregation::{MeasureType, SnapshotSummary};
use crate::domain::maths::rag::{Polarity, RagRule};
use crate::domain::model::kpi::{
    IndicatorTiming, KpiLevel, MetricCategory, Perspective, PmfComponent,
};
use crate::domain::model::workspace::Workspace;
use crate::domain::settings::rule_form::RuleForm;
use crate::ui::address::value_code::{code, decode};
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{
    CheckList, Choice, PersonSelect, Select, TextArea, TextField, Who, Width, coded,
};
use crate::ui::components::rule_fields::{RuleFieldIds, RuleFields, RuleSignals};
use crate::ui::state::use_app_state;

/// The ids of the KPI's own rule's fields.
const RULE_IDS: RuleFieldIds = RuleFieldIds {
    basis: "kpi-edit-rule-basis",
    green: "kpi-edit-rule-green",
    amber: "kpi-edit-rule-amber",
    maintain: "kpi-edit-rule-maintain",
    zero_green: "kpi-edit-rule-zero-green",
    zero_amber: "kpi-edit-rule-zero-amber",
    year_on_year: "kpi-edit-rule-year-on-year",
};

/// The control each field's problems point at.
fn control_id(field: KpiField) -> &'static str {
    match field {
        KpiField::Name => "kpi-edit-name",
        KpiField::Owner => "kpi-edit-owner",
        KpiField::DataCoordinator => "kpi-edit-coordinator",
        KpiField::Team => "kpi-edit-team",
        KpiField::Frequency => "kpi-edit-frequency",
        KpiField::Unit => "kpi-edit-unit",
        KpiField::RatePer => "kpi-edit-rate-per",
        KpiField::UnitLabel => "kpi-edit-unit-label",
        KpiField::Decimals => "kpi-edit-decimals",
        KpiField::Ambitions => "kpi-edit-ambitions",
        KpiField::Committees => "kpi-edit-committees",
        KpiField::PlausibleRange => "kpi-edit-plausible-low",
        KpiField::Rule => "kpi-edit-own-rule",
    }
}

/// The form's controls, each bound to a signal: choices hold their codes, typed fields their text.
#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    definition: RwSignal<String>,
    source: RwSignal<String>,
    owner: RwSignal<String>,
    coordinator: RwSignal<String>,
    level: RwSignal<String>,
    perspective: RwSignal<String>,
    category: RwSignal<String>,
    component: RwSignal<String>,
    timing: RwSignal<String>,
    frequency: RwSignal<String>,
    polarity: RwSignal<String>,
    unit: RwSignal<String>,
    rate_per: RwSignal<String>,
    unit_label: RwSignal<String>,
    decimals: RwSignal<String>,
    measure: RwSignal<String>,
    summary: RwSignal<String>,
    team: RwSignal<String>,
    ambitions: RwSignal<Vec<String>>,
    committees: RwSignal<Vec<String>>,
    low: RwSignal<String>,
    high: RwSignal<String>,
    own_rule: RwSignal<bool>,
    rule: RuleSignals,
}

/// The ids in `list`, as the form's checkboxes hold them.
fn ids<T: ToString>(list: &[T]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

/// The values the ticked `codes` stand for.
fn listed<T: serde::de::DeserializeOwned>(codes: RwSignal<Vec<String>>) -> Vec<T> {
    codes
        .get_untracked()
        .into_iter()
        .filter_map(|id| decode(&id))
        .collect()
}

/// The code of an optional value: empty for none.
fn code_of<T: serde::Serialize>(value: Option<&T>) -> String {
    value.and_then(code).unwrap_or_default()
}

impl Fields {
    fn new() -> Self {
        let text = || RwSignal::new(String::new());
        Self {
            name: text(),
            definition: text(),
            source: text(),
            owner: text(),
            coordinator: text(),
            level: text(),
            perspective: text(),
            category: text(),
            component: text(),
            timing: text(),
            frequency: text(),
            polarity: text(),
            unit: text(),
            rate_per: text(),
            unit_label: text(),
            decimals: text(),
            measure: text(),
            summary: text(),
            team: text(),
            ambitions: RwSignal::new(Vec::new()),
            committees: RwSignal::new(Vec::new()),
            low: text(),
            high: text(),
            own_rule: RwSignal::new(false),
            rule: RuleSignals::new(),
        }
    }

    /// Shows `form`; while the KPI follows the framework's rule, the rule's fields show `framework_rule`.
    fn show(self, form: &KpiForm, framework_rule: &RagRule) {
        self.name.set(form.name.clone());
        self.definition.set(form.definition.clone());
        self.source.set(form.source.clone());
        self.owner.set(code_of(form.owner.as_ref()));
        self.coordinator
            .set(code_of(form.data_coordinator.as_ref()));
        self.level.set(code_of(Some(&form.level)));
        self.perspective.set(code_of(Some(&form.perspective)));
        self.category.set(code_of(Some(&form.category)));
        self.component.set(code_of(form.component.as_ref()));
        self.timing.set(code_of(Some(&form.timing)));
        self.frequency.set(code_of(Some(&form.frequency)));
        self.polarity.set(code_of(Some(&form.polarity)));
        self.unit.set(form.unit.kind().to_owned());
        self.rate_per.set(form.rate_per.clone());
        self.unit_label.set(form.unit_label.clone());
        self.decimals.set(form.decimals.clone());
        self.measure.set(code_of(Some(&form.measure)));
        self.summary.set(code_of(Some(&form.snapshot_summary)));
        self.team.set(code_of(form.team.as_ref()));
        self.ambitions.set(ids(&form.ambitions));
        self.committees.set(ids(&form.committees));
        self.low.set(form.plausible_low.clone());
        self.high.set(form.plausible_high.clone());
        self.own_rule.set(form.own_rule.is_some());
        let rule = form
            .own_rule
            .clone()
            .unwrap_or_else(|| RuleForm::of(framework_rule));
        self.rule.show(&rule);
    }

    /// What the form says, over `shown` (the KPI as it was shown) for any choice that does not decode.
    fn read(self, shown: &KpiForm) -> KpiForm {
        fn chosen<T: serde::de::DeserializeOwned + Clone>(
            signal: RwSignal<String>,
            otherwise: &T,
        ) -> T {
            decode(&signal.get_untracked()).unwrap_or_else(|| otherwise.clone())
        }
        KpiForm {
            name: self.name.get_untracked(),
            definition: self.definition.get_untracked(),
            source: self.source.get_untracked(),
            owner: decode(&self.owner.get_untracked()),
            data_coordinator: decode(&self.coordinator.get_untracked()),
            level: chosen(self.level, &shown.level),
            perspective: chosen(self.perspective, &shown.perspective),
            category: chosen(self.category, &shown.category),
            component: decode(&self.component.get_untracked()),
            timing: chosen(self.timing, &shown.timing),
            frequency: chosen(self.frequency, &shown.frequency),
            polarity: chosen(self.polarity, &shown.polarity),
            unit: Unit::of_kind(&self.unit.get_untracked(), 0, UnitLabel::UNSET)
                .unwrap_or(shown.unit),
            rate_per: self.rate_per.get_untracked(),
            unit_label: self.unit_label.get_untracked(),
            decimals: self.decimals.get_untracked(),
            measure: chosen(self.measure, &shown.measure),
            snapshot_summary: chosen(self.summary, &shown.snapshot_summary),
            team: decode(&self.team.get_untracked()),
            ambitions: listed(self.ambitions),
            committees: listed(self.committees),
            plausible_low: self.low.get_untracked(),
            plausible_high: self.high.get_untracked(),
            own_rule: self.own_rule.get_untracked().then(|| self.rule.read()),
        }
    }
}

/// The KPI's form as the workspace holds it now, and the framework's rule.
fn current(workspace: &Workspace, id: &KpiId) -> Option<(KpiForm, RagRule)> {
    let kpi = workspace.kpi(id)?;
    Some((KpiForm::of(kpi), workspace.framework.rag_rule))
}

/// The KPI editor's definition form for the KPI with id `id`.
#[component]
pub fn DefinitionForm(id: KpiId) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(id);
    let fields = Fields::new();
    let problems = FieldProblems::<KpiField>::new();
    let saved = RwSignal::new(None::<String>);
    // What the form was filled with, so a save writes only what the person changed.
    let loaded = StoredValue::new(None::<KpiForm>);
    if let Some((form, rule)) = state
        .session
        .with_untracked(|s| current(s.current(), &id.get_value()))
    {
        fields.show(&form, &rule);
        loaded.set_value(Some(form));
    }
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(shown) = loaded.get_value() else {
            return;
        };
        let typed = untrack(|| fields.read(&shown));
        let outcome = state.session.try_update(|s| {
            let (now, _) = current(s.current(), &id.get_value())?;
            let form = typed.rebased(&shown, &now);
            let result = s.edit(|w| edit_kpi(w, &id.get_value(), &form));
            Some((form, result))
        });
        match outcome.flatten() {
            Some((form, Ok(()))) => {
                problems.clear();
                saved.set(Some(format!("Saved {}.", one_line(&form.name))));
                // Shown again as saved, so a change another tab made is on the form, not undone by the next save.
                if let Some((now, rule)) = state
                    .session
                    .with_untracked(|s| current(s.current(), &id.get_value()))
                {
                    fields.show(&now, &rule);
                    loaded.set_value(Some(now));
                }
            }
            Some((_, Err(found))) => {
                saved.set(None);
                problems.show(found);
            }
            None => {
                saved.set(None);
                problems.show_one(
                    KpiField::Name,
                    "This KPI is no longer in the workspace (another tab may have removed it).",
                );
            }
        }
    };
    let error = move |field: KpiField| problems.error(field);
    let summary = problems.summary(control_id);
    let from_workspace = move |list: fn(&Workspace) -> Vec<Choice>| {
        Signal::derive(move || state.session.with(|s| list(s.current())))
    };
    let ambitions = from_workspace(|w| {
        w.ambitions
            .iter()
            .map(|a| (a.id.to_string(), a.label()))
            .collect()
    });
    let committees = from_workspace(|w| {
        w.committees
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect()
    });
    let teams = Signal::derive(move || {
        state.session.with(|s| {
            let w = s.current();
            let service = w
                .kpi(&id.get_value())
                .and_then(|kpi| w.service_of_kpi(kpi))
                .cloned();
            w.teams
                .iter()
                .filter(|t| t.active && Some(&t.service) == service.as_ref())
                .map(|t| (t.id.to_string(), t.name.clone()))
                .collect::<Vec<Choice>>()
        })
    });
    let choices = |values: Vec<Choice>| Signal::derive(move || values.clone());
    view! {
        <section class="app-section" aria-labelledby="kpi-edit-heading" data-testid="kpi-edit">
            <h2 id="kpi-edit-heading">"Definition"</h2>
            <ErrorSummary test_id="kpi-edit-problems" problems=summary />
            <form on:submit=save novalidate>
                <TextField id="kpi-edit-name" label="Name, as it is reported" value=fields.name error=error(KpiField::Name) />
                <TextArea id="kpi-edit-definition" label="Definition: what it measures, how it is calculated and what counts" value=fields.definition rows=3 />
                <TextField id="kpi-edit-source" label="Data source (system or return)" value=fields.source />
                <PersonSelect id="kpi-edit-owner" label="Responsible officer" none="Not set" bind=fields.owner who=Who::Officers
                    error=error(KpiField::Owner) />
                <PersonSelect id="kpi-edit-coordinator" label="Data co-ordinator (supplies its figures)" none="Not set"
                    bind=fields.coordinator who=Who::Officers error=error(KpiField::DataCoordinator) />
                <div class="app-inline-controls">
                    <Select id="kpi-edit-level" label="Level" bind=fields.level
                        choices=choices(coded([KpiLevel::Strategic, KpiLevel::Corporate, KpiLevel::Operational, KpiLevel::Individual], |l| l.label().to_owned())) />
                    <Select id="kpi-edit-perspective" label="Perspective" bind=fields.perspective
                        choices=choices(coded([Perspective::Residents, Perspective::Corporate, Perspective::Financial, Perspective::Partners], |p| p.label().to_owned())) />
                    <Select id="kpi-edit-category" label="Metric category" bind=fields.category
                        choices=choices(coded([MetricCategory::CentralGovernment, MetricCategory::LocalAuthority, MetricCategory::Partner, MetricCategory::Survey], |c| c.label().to_owned())) />
                    <Select id="kpi-edit-timing" label="Leading or lagging" bind=fields.timing
                        choices=choices(coded([IndicatorTiming::Leading, IndicatorTiming::Lagging], |t| t.label().to_owned())) />
                </div>
                <Select id="kpi-edit-component" label="The PMF component it evidences" none="None" bind=fields.component
                    choices=choices(coded(PmfComponent::ALL, |c| c.label().to_owned())) />
                <div class="app-inline-controls">
                    <Select id="kpi-edit-frequency" label="Reported" bind=fields.frequency error=error(KpiField::Frequency)
                        choices=choices(coded(Frequency::ALL, |f| f.label().to_owned())) />
                    <Select id="kpi-edit-polarity" label="Better when" bind=fields.polarity
                        choices=choices(coded([Polarity::HigherIsBetter, Polarity::LowerIsBetter, Polarity::Maintain], |p| p.label().to_owned())) />
                    <Select id="kpi-edit-measure" label="Measure" bind=fields.measure
                        choices=choices(coded([MeasureType::Snapshot, MeasureType::Cumulative, MeasureType::YearToDate], |m| m.label().to_owned())) />
                </div>
                <div class="app-inline-controls">
                    <Select id="kpi-edit-summary" label="A snapshot over a longer period is" bind=fields.summary
                        choices=choices(vec![
                            (code_of(Some(&SnapshotSummary::Latest)), "Its latest value".to_owned()),
                            (code_of(Some(&SnapshotSummary::Mean)), "The mean of its periods".to_owned()),
                        ]) />
                    <Select id="kpi-edit-team" label="Owned by the team" none="No team (the service as a whole)"
                        choices=teams bind=fields.team error=error(KpiField::Team) />
                </div>
                <div class="app-inline-controls">
                    <Select id="kpi-edit-unit" label="Unit" bind=fields.unit error=error(KpiField::Unit)
                        choices=choices(Unit::KINDS.into_iter().map(|u| (u.kind().to_owned(), match u {
                            Unit::RatePer { .. } => "Rate per …".to_owned(),
                            Unit::Custom { .. } => "A unit of the council's own …".to_owned(),
                            unit => unit.label(),
                        })).collect()) />
                    <Show when=move || fields.unit.with(|u| u == Unit::RatePer { per: 0 }.kind())>
                        <TextField id="kpi-edit-rate-per" label="Per how many" value=fields.rate_per width=Width::Short
                            inputmode="numeric" error=error(KpiField::RatePer) />
                    </Show>
                    <Show when=move || fields.unit.with(|u| u == Unit::Custom { label: UnitLabel::UNSET }.kind())>
                        <TextField id="kpi-edit-unit-label" label="Shown after each figure (e.g. kg per household)"
                            value=fields.unit_label error=error(KpiField::UnitLabel) />
                    </Show>
                    <TextField id="kpi-edit-decimals" label="Decimal places shown" value=fields.decimals width=Width::Short
                        inputmode="numeric" error=error(KpiField::Decimals) />
                </div>
                <CheckList id="kpi-edit-ambitions" legend="The ambitions it serves (a strategic KPI needs at least one)"
                    choices=ambitions chosen=fields.ambitions test_id="kpi-edit-ambition" error=error(KpiField::Ambitions) />
                <CheckList id="kpi-edit-committees" legend="The committees it is reported to"
                    choices=committees chosen=fields.committees test_id="kpi-edit-committee" error=error(KpiField::Committees) />
                <fieldset class="app-conflict">
                    <legend>"Believable values (blank for the unit's own range)"</legend>
                    <div class="app-inline-controls">
                        <TextField id="kpi-edit-plausible-low" label="Lowest" value=fields.low width=Width::Short
                            inputmode="decimal" error=error(KpiField::PlausibleRange) />
                        <TextField id="kpi-edit-plausible-high" label="Highest" value=fields.high width=Width::Short inputmode="decimal" />
                    </div>
                </fieldset>
                <fieldset class="app-conflict">
                    <legend>"RAG rule"</legend>
                    <label class="app-check">
                        <input type="checkbox" id="kpi-edit-own-rule" data-testid="kpi-edit-own-rule"
                            prop:checked=move || fields.own_rule.get()
                            on:change=move |_| fields.own_rule.update(|on| *on = !*on) />
                        " A rule of its own, instead of the council's"
                    </label>
                    {move || error(KpiField::Rule).get().map(|message| view! {
                        <p class="app-field-error"><span class="app-visually-hidden">"Error: "</span>{message}</p>
                    })}
                    <Show when=move || fields.own_rule.get()>
                        <RuleFields ids=RULE_IDS rule=fields.rule />
                    </Show>
                </fieldset>
                <div class="app-button-group">
                    <button type="submit" class="app-button" data-testid="kpi-edit-save">"Save the definition"</button>
                </div>
            </form>
            {move || saved.get().map(|m| view! { <p class="app-notice" role="status" data-testid="kpi-edit-saved">{m}</p> })}
        </section>
    }
}
