//! Recording the five audit checks for one KPI drawn: an outcome for each (a group of radio buttons under
//! the framework's own wording), the findings, any follow-up with its owner and due date, and who checked
//! when. The domain checks the record whole; a refusal changes nothing.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::assurance::audit_entry::{CheckRecord, record_checks};
use crate::domain::basics::ids::{AuditId, KpiId};
use crate::domain::model::audit::{AuditCheck, CheckOutcome};
use crate::ui::address::value_code::code;
use crate::ui::components::fields::{DateField, PersonSelect, RecordedAs, TextArea, TextField};
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::state::use_app_state;

/// What the form starts from: the KPI's name and anything recorded before.
#[derive(Clone, Debug, PartialEq)]
struct Recorded {
    name: String,
    outcomes: BTreeMap<AuditCheck, CheckOutcome>,
    findings: String,
    follow_up: (String, String, String),
    checked_by: String,
}

/// One check's radio group.
fn check_group(
    check: AuditCheck,
    outcomes: RwSignal<BTreeMap<AuditCheck, CheckOutcome>>,
) -> impl IntoView {
    let check_code = code(&check).unwrap_or_default();
    let name = format!("check-{check_code}");
    view! {
        <fieldset class="app-check" data-testid=name.clone()>
            <legend>{format!("{}: {}", check.label(), check.question())}</legend>
            <div class="app-radios">
                {CheckOutcome::ALL.map(|outcome| {
                    let id = format!("{name}-{}", code(&outcome).unwrap_or_default());
                    view! {
                        <label for=id>
                            <input type="radio" id=id.clone() name=name.clone() value=code(&outcome).unwrap_or_default()
                                prop:checked=move || outcomes.with(|m| m.get(&check) == Some(&outcome))
                                on:change=move |_| outcomes.update(|m| { m.insert(check, outcome); }) />
                            {outcome.label()}
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// The checks form for `kpi` in `audit`; `close` hides it.
#[component]
pub fn AuditChecksForm(audit: AuditId, kpi: KpiId, close: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let (audit_id, kpi_id) = (audit.clone(), kpi.clone());
    let recorded = state.session.with_untracked(|s| {
        let w = s.current();
        let audited = w
            .audits
            .iter()
            .find(|a| a.id == audit_id)?
            .sample
            .iter()
            .find(|a| a.kpi == kpi_id)?;
        let follow_up = audited
            .follow_up
            .as_ref()
            .map_or_else(Default::default, |f| {
                (f.action.clone(), f.owner.clone(), f.due.to_string())
            });
        Some(Recorded {
            name: w
                .kpi(&kpi_id)
                .map_or_else(|| kpi_id.to_string(), |k| k.name.clone()),
            outcomes: audited.checks.clone(),
            findings: audited.findings.clone(),
            follow_up,
            checked_by: audited.checked_by.clone(),
        })
    });
    let Some(recorded) = recorded else {
        return view! { <p class="app-error-text" role="alert">"That KPI is not in this audit's sample."</p> }
            .into_any();
    };
    let outcomes = RwSignal::new(recorded.outcomes);
    let findings = RwSignal::new(recorded.findings);
    let action = RwSignal::new(recorded.follow_up.0);
    let owner = RwSignal::new(recorded.follow_up.1);
    let due = RwSignal::new(recorded.follow_up.2);
    let by = RwSignal::new(recorded.checked_by);
    let on = RwSignal::new(today.to_string());
    let outcome = RwSignal::new(Outcome::None);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let date = |text: String| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
        let Some(checked_on) = date(on.get_untracked()) else {
            outcome.set(Some(Err("Enter the date of the checks.".to_owned())));
            return;
        };
        let record = CheckRecord {
            outcomes: outcomes.get_untracked(),
            findings: findings.get_untracked(),
            follow_up_action: action.get_untracked(),
            follow_up_owner: owner.get_untracked(),
            follow_up_due: date(due.get_untracked()),
            checked_by: by.get_untracked(),
            checked_on,
        };
        let result = state
            .session
            .try_update(|s| s.edit(|w| record_checks(w, &audit, &kpi, &record, today)));
        outcome.set(result.map(|r| {
            r.map(|()| "Checks recorded.".to_owned())
                .map_err(|problem| problem.to_string())
        }));
    };
    view! {
        <section class="app-section" aria-labelledby="checks-heading" data-testid="audit-checks-section">
            <h3 id="checks-heading" tabindex="-1">{format!("Checks: {}", recorded.name)}</h3>
            <form class="app-subform" on:submit=save novalidate data-testid="audit-checks-form">
                {AuditCheck::ALL.map(|check| check_group(check, outcomes)).collect_view()}
                <TextArea id="audit-findings" label="Findings" value=findings rows=3 hint="Required when a check is partly or not met." />
                <TextField id="audit-follow-up" label="Follow-up: what must be done" value=action />
                <div class="app-inline-controls">
                    <PersonSelect id="audit-follow-up-owner" label="Follow-up owner" none="Not yet known" bind=owner recorded=RecordedAs::Name />
                    <DateField id="audit-follow-up-due" label="Follow-up due" value=due />
                </div>
                <div class="app-inline-controls">
                    <PersonSelect id="audit-checked-by" label="Checked by" none="Choose…" bind=by recorded=RecordedAs::Name />
                    <DateField id="audit-checked-on" label="Date of the checks" value=on />
                </div>
                <div class="app-button-group">
                    <button type="submit" class="app-button" data-testid="audit-checks-save">"Record the checks"</button>
                    <button type="button" class="app-button app-button--secondary" data-testid="audit-checks-close" on:click=move |_| close.run(())>"Close"</button>
                </div>
                <OutcomeMessage outcome=outcome test_id="audit-checks-outcome" />
            </form>
        </section>
    }
    .into_any()
}
