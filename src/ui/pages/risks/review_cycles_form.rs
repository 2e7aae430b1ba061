//! Changing how often each risk register is reviewed: every so many weeks, or by band (red, amber and green
//! risks every so many months). Checked whole by `domain::settings::review_cycle_form` before the framework
//! changes; every register's next review dates follow at once.

use leptos::prelude::*;

use crate::domain::settings::review_cycle_form::{
    CycleForm, REGISTERS, edit_review_cycles, review_cycles_form,
};
use crate::ui::components::fields::{TextField, Width};
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::state::use_app_state;

/// One register's cycle, bound to signals.
#[derive(Clone, Copy)]
struct CycleFields {
    by_band: RwSignal<bool>,
    weeks: RwSignal<String>,
    red: RwSignal<String>,
    amber: RwSignal<String>,
    green: RwSignal<String>,
}

impl CycleFields {
    fn new(form: &CycleForm) -> Self {
        Self {
            by_band: RwSignal::new(form.by_band),
            weeks: RwSignal::new(form.weeks.clone()),
            red: RwSignal::new(form.red_months.clone()),
            amber: RwSignal::new(form.amber_months.clone()),
            green: RwSignal::new(form.green_months.clone()),
        }
    }

    fn read(self) -> CycleForm {
        CycleForm {
            by_band: self.by_band.get_untracked(),
            weeks: self.weeks.get_untracked(),
            red_months: self.red.get_untracked(),
            amber_months: self.amber.get_untracked(),
            green_months: self.green.get_untracked(),
        }
    }
}

/// Each register's control ids, in [`REGISTERS`] order: by band, weeks, red, amber and green months.
const IDS: [[&str; 5]; 3] = [
    [
        "cycle-strategic-by-band",
        "cycle-strategic-weeks",
        "cycle-strategic-red",
        "cycle-strategic-amber",
        "cycle-strategic-green",
    ],
    [
        "cycle-directorate-by-band",
        "cycle-directorate-weeks",
        "cycle-directorate-red",
        "cycle-directorate-amber",
        "cycle-directorate-green",
    ],
    [
        "cycle-operational-by-band",
        "cycle-operational-weeks",
        "cycle-operational-red",
        "cycle-operational-amber",
        "cycle-operational-green",
    ],
];

/// The review cycles form, inside a disclosure.
#[component]
pub fn ReviewCyclesForm() -> impl IntoView {
    let state = use_app_state();
    let shown = state
        .session
        .with_untracked(|s| review_cycles_form(s.current()));
    let fields = shown.each_ref().map(CycleFields::new);
    let outcome = RwSignal::new(Outcome::None);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = fields.map(CycleFields::read);
        let result = state
            .session
            .try_update(|s| s.edit(|w| edit_review_cycles(w, &typed)));
        outcome.set(result.map(|r| {
            match r {
                Ok(()) => Ok(
                    "Review cycles saved: every risk's next review date follows them.".to_owned(),
                ),
                Err(problems) => Err(problems
                    .into_iter()
                    .map(|p| p.message)
                    .collect::<Vec<_>>()
                    .join(" ")),
            }
        }));
    };
    view! {
        <details class="app-details" data-testid="review-cycles">
            <summary>"Change how often each register is reviewed"</summary>
            <form class="app-subform" on:submit=save novalidate data-testid="review-cycles-form">
                {REGISTERS.into_iter().zip(fields).zip(IDS).map(|((level, f), [by_band, weeks, red, amber, green])| {
                    let code = level.label().to_ascii_lowercase();
                    view! {
                        <fieldset class="app-conflict">
                            <legend>{format!("The {code} register")}</legend>
                            <label class="app-check">
                                <input type="checkbox" data-testid=by_band prop:checked=move || f.by_band.get()
                                    on:change=move |_| f.by_band.update(|on| *on = !*on) />
                                " By band: red, amber and green risks every so many months"
                            </label>
                            <Show when=move || !f.by_band.get()>
                                <TextField id=weeks label="Weeks between reviews" value=f.weeks width=Width::Short inputmode="numeric" />
                            </Show>
                            <Show when=move || f.by_band.get()>
                                <div class="app-inline-controls">
                                    <TextField id=red label="Red: months" value=f.red width=Width::Short inputmode="numeric" />
                                    <TextField id=amber label="Amber: months" value=f.amber width=Width::Short inputmode="numeric" />
                                    <TextField id=green label="Green: months" value=f.green width=Width::Short inputmode="numeric" />
                                </div>
                            </Show>
                        </fieldset>
                    }
                }).collect_view()}
                <button type="submit" class="app-button app-button--secondary" data-testid="review-cycles-save">"Save the review cycles"</button>
                <OutcomeMessage outcome=outcome test_id="review-cycles-outcome" />
            </form>
        </details>
    }
}
