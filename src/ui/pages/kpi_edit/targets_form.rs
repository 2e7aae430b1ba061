//! The KPI editor's targets: for the current, the next or one of the three earlier financial years, the
//! year-end target and a target for
//! each period (the profile), typed or written by a quick fill (the same each period, a straight line to the
//! year end, last year's figures plus a percentage), saved in one step by `set_targets`.

use leptos::prelude::*;

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::{FinancialYear, Frequency, Period};
use crate::domain::basics::unit::parse_number;
use crate::domain::kpi::target_profile::{
    QuickFill, TargetCell, TargetsForm, fill, set_targets, targets_form,
};
use crate::domain::model::workspace::PerformanceIndex;
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{Choice, Select, TextField, Width};
use crate::ui::state::use_app_state;

/// The input a target's problems point at.
fn cell_id(cell: TargetCell) -> String {
    match cell {
        TargetCell::YearEnd => "kpi-targets-year-end".to_owned(),
        TargetCell::Period(at) => format!("kpi-targets-period-{at}"),
    }
}

/// The KPI editor's targets form for the KPI with id `id`.
#[component]
pub fn TargetsEditor(id: KpiId) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(id);
    let this_year = state
        .session
        .with_untracked(|s| s.current().framework.current_year);
    // The three years before the current one (a council moving in sets the targets its history was rated
    // against), the current year first among the choices, and the next.
    let start = this_year.start_year();
    let years: Vec<FinancialYear> = [
        start,
        start.saturating_add(1),
        start.saturating_sub(1),
        start.saturating_sub(2),
        start.saturating_sub(3),
    ]
    .into_iter()
    .filter_map(FinancialYear::starting)
    .collect();
    let year = RwSignal::new(this_year);
    let year_end = RwSignal::new(String::new());
    let periods = RwSignal::new(Vec::<(Period, String)>::new());
    let percent = RwSignal::new(String::new());
    let problems = FieldProblems::<TargetCell>::new();
    let note = RwSignal::new(None::<String>);
    let load = move |chosen: FinancialYear| {
        let form = state.session.with_untracked(|s| {
            s.current()
                .kpi(&id.get_value())
                .map(|kpi| targets_form(kpi, chosen))
        });
        if let Some(form) = form {
            year_end.set(form.year_end);
            periods.set(form.periods);
        }
        problems.clear();
        note.set(None);
    };
    load(this_year);
    // The periods follow the KPI's frequency: when the definition form changes it, the profile is drawn again.
    let frequency = Memo::new(move |_| {
        state
            .session
            .with(|s| s.current().kpi(&id.get_value()).map(|kpi| kpi.frequency))
    });
    Effect::new(move |shown: Option<Option<Frequency>>| {
        let now = frequency.get();
        if shown.is_some_and(|shown| shown != now) {
            load(year.get_untracked());
        }
        now
    });
    let form = move || TargetsForm {
        year: year.get_untracked(),
        year_end: year_end.get_untracked(),
        periods: periods.get_untracked(),
    };
    let quick_fill = move |how: QuickFill| {
        let filled = state.session.with_untracked(|s| {
            let workspace = s.current();
            let kpi = workspace.kpi(&id.get_value())?;
            let index = PerformanceIndex::new(&workspace.measurements);
            Some(fill(kpi, &index.history(&kpi.id), &form(), how))
        });
        problems.clear();
        match filled {
            Some(Ok(filled)) => {
                // A period the fill has nothing for keeps what was typed in it.
                periods.update(|p| {
                    for ((_, typed), value) in p.iter_mut().zip(filled.periods) {
                        if !value.is_empty() {
                            *typed = value;
                        }
                    }
                });
                note.set(Some(filled.note.unwrap_or_else(|| {
                    "The profile is filled in: check it, then save the targets.".to_owned()
                })));
            }
            Some(Err(reason)) => {
                note.set(None);
                problems.show_one(TargetCell::YearEnd, reason);
            }
            None => {}
        }
    };
    let last_year_plus = move |_| match parse_number(&percent.get_untracked(), false) {
        Ok(Some(by)) => quick_fill(QuickFill::LastYearPlus(by)),
        Ok(None) => quick_fill(QuickFill::LastYearPlus(0.0)),
        Err(problem) => problems.show_one(
            TargetCell::YearEnd,
            format!("The percentage to add: {problem}."),
        ),
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = form();
        let outcome = state
            .session
            .try_update(|s| s.edit(|w| set_targets(w, &id.get_value(), &typed)));
        match outcome {
            Some(Ok(count)) => {
                problems.clear();
                note.set(Some(format!(
                    "Saved {count} target{} for {}.",
                    if count == 1 { "" } else { "s" },
                    typed.year
                )));
            }
            Some(Err(found)) => {
                note.set(None);
                problems.show(found);
            }
            None => {}
        }
    };
    let error = move |cell: TargetCell| problems.error(cell);
    let summary = problems.summary(cell_id);
    let year_choices: Vec<Choice> = years
        .iter()
        .map(|y| (y.start_year().to_string(), y.to_string()))
        .collect();
    view! {
        <section class="app-section" aria-labelledby="kpi-targets-heading" data-testid="kpi-targets">
            <h2 id="kpi-targets-heading">"Targets"</h2>
            <ErrorSummary test_id="kpi-targets-problems" problems=summary />
            <form on:submit=save novalidate>
                <Select id="kpi-targets-year" label="Financial year" choices=year_choices
                    value=Signal::derive(move || year.get().start_year().to_string())
                    on_change=move |chosen: String| {
                        if let Some(chosen) = chosen.parse().ok().and_then(FinancialYear::starting) {
                            year.set(chosen);
                            load(chosen);
                        }
                    } />
                <TextField id="kpi-targets-year-end" label=Signal::derive(move || format!("Year-end target for {}", year.get()))
                    value=year_end width=Width::Short inputmode="decimal" error=error(TargetCell::YearEnd)
                    hint="For a cumulative KPI, the total by the end of the year." />
                <Show when=move || periods.with(|p| !p.is_empty())>
                    <div class="app-button-group" data-testid="kpi-targets-quick-fill">
                        <button type="button" class="app-button app-button--secondary" data-testid="kpi-targets-fill-same"
                            on:click=move |_| quick_fill(QuickFill::SameEachPeriod)>"The same each period"</button>
                        <button type="button" class="app-button app-button--secondary" data-testid="kpi-targets-fill-line"
                            on:click=move |_| quick_fill(QuickFill::StraightLine)>"A straight line to the year end"</button>
                    </div>
                    <div class="app-inline-controls">
                        <TextField id="kpi-targets-percent" label="Last year's figures plus (%)" value=percent width=Width::Short
                            inputmode="decimal" hint="A negative percentage for less." />
                        <button type="button" class="app-button app-button--secondary" data-testid="kpi-targets-fill-last-year"
                            on:click=last_year_plus>"Fill from last year"</button>
                    </div>
                    <table class="app-table app-table--compact" data-testid="kpi-targets-profile">
                        <caption class="app-table__caption">{move || format!("Target for each period of {}", year.get())}</caption>
                        <thead><tr><th scope="col">"Period"</th><th scope="col">"Target"</th></tr></thead>
                        <tbody>
                            <For each=move || periods.with(|p| p.iter().map(|(period, _)| *period).enumerate().collect::<Vec<_>>())
                                key=|(_, period)| *period
                                children=move |(at, period)| {
                                    let input_id = cell_id(TargetCell::Period(at));
                                    let error_id = format!("{input_id}-error");
                                    let problem = error(TargetCell::Period(at));
                                    view! {
                                        <tr>
                                            <th scope="row"><label for=input_id.clone()>{period.to_string()}</label></th>
                                            <td>
                                                {move || problem.get().map(|message| view! {
                                                    <p class="app-field-error" id=error_id.clone()>
                                                        <span class="app-visually-hidden">"Error: "</span>{message}
                                                    </p>
                                                })}
                                                <input id=input_id class="app-input app-input--short" type="text" inputmode="decimal"
                                                    data-testid="kpi-targets-period"
                                                    aria-invalid=move || problem.get().map(|_| "true")
                                                    aria-describedby=move || problem.get().map(|_| format!("kpi-targets-period-{at}-error"))
                                                    prop:value=move || periods.with(|p| p.get(at).map(|(_, typed)| typed.clone()).unwrap_or_default())
                                                    on:input=move |e| {
                                                        let typed = event_target_value(&e);
                                                        periods.update(|p| if let Some(cell) = p.get_mut(at) { cell.1 = typed; });
                                                    } />
                                            </td>
                                        </tr>
                                    }
                                } />
                        </tbody>
                    </table>
                </Show>
                <div class="app-button-group">
                    <button type="submit" class="app-button" data-testid="kpi-targets-save">"Save the targets"</button>
                </div>
            </form>
            {move || note.get().map(|m| view! { <p class="app-notice" role="status" data-testid="kpi-targets-note">{m}</p> })}
        </section>
    }
}
