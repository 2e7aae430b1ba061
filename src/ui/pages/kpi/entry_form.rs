//! Recording a period's figures on the KPI page: value, commentary, variance explanation and an override
//! with its reason, then the sign-off (draft → submitted → approved, with who and when). Problems are listed
//! in a summary that links to each field and shown beside the field (the GOV.UK error pattern).

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::kpi::measurement_entry::{Entry, EntryField, Recorded, entry_for, record};
use crate::domain::kpi::signoff_step::{SignoffStep, take_step};
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::measurement::ValidationState;
use crate::ui::address::value_code::{code, decode};
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{
    Choice, PersonSelect, RecordedAs, Select, TextArea, TextField, Width,
};
use crate::ui::state::use_app_state;

/// The input each field's problems point at.
fn input_id(field: EntryField) -> &'static str {
    match field {
        EntryField::Value => "entry-value",
        EntryField::Numerator => "entry-numerator",
        EntryField::Denominator => "entry-denominator",
        EntryField::VarianceExplanation => "entry-variance",
        EntryField::OverrideReason => "entry-override-reason",
        EntryField::By => "entry-by",
    }
}

/// The sign-off state of the measurement and who did what, in words.
fn signoff_words(
    workspace: &crate::domain::model::workspace::Workspace,
    kpi: &KpiId,
    period: Period,
) -> (Option<ValidationState>, String) {
    match workspace
        .measurements
        .iter()
        .find(|m| &m.kpi == kpi && m.period == period)
    {
        None => (None, "Nothing recorded yet.".to_owned()),
        Some(m) => {
            let v = &m.validation;
            let who = |s: &Option<crate::domain::model::measurement::Signoff>, what: &str| {
                s.as_ref()
                    .map(|s| format!(" {what} by {} on {}.", s.by, s.at.format("%-d %b %Y")))
                    .unwrap_or_default()
            };
            (
                Some(v.state),
                format!(
                    "{}.{}{}",
                    v.state.label(),
                    who(&v.submitted, "Submitted"),
                    who(&v.approved, "Approved")
                ),
            )
        }
    }
}

/// The data-entry form for the KPI with id `id`, over `periods` (newest first).
#[component]
pub fn EntryForm(id: KpiId, periods: Vec<Period>) -> impl IntoView {
    let state = use_app_state();
    let period = RwSignal::new(periods.first().copied());
    let kpi = StoredValue::new(id);
    let value = RwSignal::new(String::new());
    let numerator = RwSignal::new(String::new());
    let denominator = RwSignal::new(String::new());
    let commentary = RwSignal::new(String::new());
    let variance = RwSignal::new(String::new());
    let quality_note = RwSignal::new(String::new());
    let override_status = RwSignal::new(None::<RagStatus>);
    let override_reason = RwSignal::new(String::new());
    let by = state.author_field();
    let problems = FieldProblems::<EntryField>::new();
    let message = RwSignal::new(None::<String>);
    // What the form was filled with, so a save writes only what the person changed (see `Entry::rebased`).
    let loaded = StoredValue::new(Entry::default());
    let load = move |chosen: Option<Period>| {
        let Some(chosen) = chosen else { return };
        let entry = state
            .session
            .with_untracked(|s| entry_for(s.current(), &kpi.get_value(), chosen));
        loaded.set_value(entry.clone());
        value.set(entry.value);
        numerator.set(entry.numerator);
        denominator.set(entry.denominator);
        commentary.set(entry.commentary);
        variance.set(entry.variance_explanation);
        quality_note.set(entry.data_quality_note);
        override_status.set(entry.override_status);
        override_reason.set(entry.override_reason);
        problems.clear();
    };
    load(period.get_untracked());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(chosen) = period.get_untracked() else {
            return;
        };
        let typed = Entry {
            value: value.get_untracked(),
            numerator: numerator.get_untracked(),
            denominator: denominator.get_untracked(),
            commentary: commentary.get_untracked(),
            variance_explanation: variance.get_untracked(),
            data_quality_note: quality_note.get_untracked(),
            override_status: override_status.get_untracked(),
            override_reason: override_reason.get_untracked(),
        };
        let result = state.session.try_update(|s| {
            let current = entry_for(s.current(), &kpi.get_value(), chosen);
            let entry = typed.rebased(&loaded.get_value(), &current);
            let outcome = s.edit(|w| {
                record(
                    w,
                    &kpi.get_value(),
                    chosen,
                    &entry,
                    &by.get_untracked(),
                    Utc::now(),
                )
            });
            (entry, outcome)
        });
        match result {
            Some((entry, Ok(recorded))) => {
                loaded.set_value(entry);
                problems.clear();
                message.set(Some(match recorded {
                    Recorded::Added => format!("Recorded {chosen} as a draft."),
                    Recorded::Updated => format!("Recorded the changes to {chosen}; it is a draft again until submitted and approved."),
                    Recorded::Unchanged => format!("Nothing changed for {chosen}."),
                }));
            }
            Some((_, Err(found))) => {
                message.set(None);
                problems.show(found);
            }
            None => {}
        }
    };
    let signoff = Memo::new(move |_| {
        let chosen = period.get()?;
        Some(
            state
                .session
                .with(|s| signoff_words(s.current(), &kpi.get_value(), chosen)),
        )
    });
    let step = move |step: SignoffStep| {
        let Some(chosen) = period.get_untracked() else {
            return;
        };
        let name = by.get_untracked();
        if name.trim().is_empty() {
            problems.show_one(
                EntryField::By,
                "choose who you are: sign-off records who did it",
            );
            return;
        }
        let id = kpi.get_value();
        let outcome = state
            .session
            .try_update(|s| s.edit(|w| take_step(w, &id, chosen, step, name.trim(), Utc::now())));
        match outcome {
            Some(Ok(flag)) => {
                problems.clear();
                message.set(flag.or_else(|| signoff.get_untracked().map(|(_, words)| words)));
            }
            Some(Err(problem)) => problems.show(vec![problem]),
            None => {}
        }
    };
    let error = move |field: EntryField| problems.error(field);
    let period_choices: Vec<Choice> = periods.iter().map(|p| (p.code(), p.to_string())).collect();
    let override_choices: Vec<Choice> = RagStatus::ALL
        .into_iter()
        .map(|s| (code(&s).unwrap_or_default(), s.label().to_owned()))
        .collect();
    view! {
        <section aria-labelledby="entry-heading" class="app-section" data-testid="entry-form">
            <h2 id="entry-heading">"Record a value"</h2>
            <ErrorSummary test_id="entry-problems" problems=problems.summary(input_id) />
            <form on:submit=save novalidate>
                <Select id="entry-period" label="Period" choices=period_choices
                    value=Signal::derive(move || period.get().map(|p| p.code()).unwrap_or_default())
                    on_change=move |chosen: String| {
                        let chosen = Period::parse(&chosen).ok();
                        period.set(chosen);
                        message.set(None);
                        load(chosen);
                    } />
                <TextField id="entry-value" label="Value" value=value width=Width::Short inputmode="decimal"
                    hint="A number, as you would type it in a spreadsheet: 85.2, 85.2% or £1,234. Leave it empty if there is no figure and say why in the commentary."
                    error=error(EntryField::Value) />
                <fieldset class="app-conflict">
                    <legend>"Or the value as a fraction"</legend>
                    <p class="app-hint">"For a percentage or a rate, the two counts it is worked out from (412 of 480 is 85.8%): \
                        the KPI's unit turns them into the value, and both are kept. Leave the value above empty."</p>
                    <div class="app-inline-controls">
                        <TextField id="entry-numerator" label="Numerator" value=numerator width=Width::Short inputmode="decimal"
                            error=error(EntryField::Numerator) />
                        <TextField id="entry-denominator" label="Denominator" value=denominator width=Width::Short inputmode="decimal"
                            error=error(EntryField::Denominator) />
                    </div>
                </fieldset>
                <TextArea id="entry-commentary" label="Commentary" value=commentary rows=3 />
                <TextArea id="entry-variance" label="Variance explanation" value=variance rows=2
                    hint="Needed before an amber or red figure is submitted: why performance differs from the target."
                    error=error(EntryField::VarianceExplanation) />
                <TextArea id="entry-quality-note" label="Note on the data's quality" value=quality_note rows=2
                    hint="Anything a reader should know about this figure: an estimate, a change of source, a known gap." />
                <Select id="entry-override" label="Set the RAG rating by hand" choices=override_choices
                    hint="Only when the calculated rating is misleading. The reason is shown wherever the rating is."
                    none="No: use the calculated rating"
                    value=Signal::derive(move || override_status.get().and_then(|s| code(&s)).unwrap_or_default())
                    on_change=move |chosen: String| override_status.set(decode(&chosen)) />
                <TextArea id="entry-override-reason" label="Reason for setting it by hand" value=override_reason rows=2
                    error=error(EntryField::OverrideReason) />
                <PersonSelect id="entry-by" label="Who you are (recorded with an override and with each sign-off)" none="Choose yourself…"
                    bind=by recorded=RecordedAs::Name error=error(EntryField::By) />
                <div class="app-button-group">
                    <button type="submit" class="app-button" data-testid="entry-save">"Save"</button>
                </div>
            </form>
            {move || message.get().map(|m| view! { <p class="app-notice" role="status" data-testid="entry-saved">{m}</p> })}
            <h3>"Sign-off"</h3>
            <p data-testid="entry-signoff">{move || signoff.get().map(|(_, words)| words).unwrap_or_default()}</p>
            <div class="app-button-group">
                <Show when=move || signoff.get().and_then(|(state, _)| state) == Some(ValidationState::Draft)>
                    <button type="button" class="app-button app-button--secondary" data-testid="entry-submit"
                        on:click=move |_| step(SignoffStep::Submit)>
                        "Submit for approval"
                    </button>
                </Show>
                <Show when=move || signoff.get().and_then(|(state, _)| state) == Some(ValidationState::Submitted)>
                    <button type="button" class="app-button app-button--secondary" data-testid="entry-approve"
                        on:click=move |_| step(SignoffStep::Approve)>
                        "Approve"
                    </button>
                </Show>
                <Show when=move || matches!(signoff.get().and_then(|(state, _)| state), Some(ValidationState::Submitted | ValidationState::Approved))>
                    <button type="button" class="app-button app-button--secondary" data-testid="entry-reopen"
                        on:click=move |_| step(SignoffStep::Reopen)>
                        "Return to draft"
                    </button>
                </Show>
            </div>
        </section>
    }
}
