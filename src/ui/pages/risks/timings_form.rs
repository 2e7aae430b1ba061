//! Editing the framework's calendar timings: working days until figures are due and until the leadership
//! scorecard, weeks until committees take the quarterly report, working days until the audit sample, and
//! the bank holidays working days skip. Checked whole before the framework changes.

use leptos::prelude::*;

use crate::domain::basics::calendar_timings::CalendarTimings;
use crate::ui::components::fields::{NumberField, TextArea};
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::state::use_app_state;

/// The timings form, inside a disclosure.
#[component]
pub fn TimingsForm() -> impl IntoView {
    let state = use_app_state();
    let current = state
        .session
        .with_untracked(|s| s.current().framework.calendar.clone());
    let data_due = RwSignal::new(current.data_due.to_string());
    let meeting = RwSignal::new(current.leadership_meeting.to_string());
    let weeks = RwSignal::new(current.committee_weeks.to_string());
    let audit = RwSignal::new(current.audit_sample.to_string());
    let holidays = RwSignal::new(
        current
            .bank_holidays
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let outcome = RwSignal::new(Outcome::None);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let number = |what: &str, value: RwSignal<String>| {
            value
                .get_untracked()
                .trim()
                .parse::<u32>()
                .map_err(|_| format!("{what} must be a whole number."))
        };
        let read = || -> Result<CalendarTimings, String> {
            let timings = CalendarTimings {
                data_due: number("Working days until figures are due", data_due)?,
                leadership_meeting: number("Working days until the leadership scorecard", meeting)?,
                committee_weeks: number("Weeks until committees take the report", weeks)?,
                audit_sample: number("Working days until the audit sample is drawn", audit)?,
                bank_holidays: CalendarTimings::parse_holidays(&holidays.get_untracked())
                    .map_err(|p| p.to_string())?,
            };
            timings.check().map_err(|p| p.to_string())?;
            Ok(timings)
        };
        outcome.set(Some(read().and_then(|timings| {
            let holidays = timings.bank_holidays.len();
            state
                .session
                .try_update(|s| s.edit(|w| w.framework.calendar = timings))
                .map(|()| format!("Timings saved, with {holidays} bank holidays: every date below follows them."))
                .ok_or_else(|| "The workspace could not be changed.".to_owned())
        })));
    };
    view! {
        <details class="app-details" data-testid="timings">
            <summary>"Change the timings and bank holidays"</summary>
            <form class="app-subform" on:submit=save novalidate data-testid="timings-form">
                <div class="app-inline-controls">
                    <NumberField id="timings-data-due" label="Working days after a month until figures are due" value=data_due min=1 />
                    <NumberField id="timings-meeting" label="Working days after a month until the leadership scorecard" value=meeting min=1 />
                    <NumberField id="timings-weeks" label="Weeks after a quarter until committees take the report" value=weeks min=1 />
                    <NumberField id="timings-audit" label="Working days after a quarter until the audit sample" value=audit min=1 />
                </div>
                <TextArea id="timings-holidays" label="Bank holidays" value=holidays rows=6
                    hint="One date per line, as YYYY-MM-DD. Working days skip these and weekends." />
                <button type="submit" class="app-button app-button--secondary" data-testid="timings-save">"Save the timings"</button>
                <OutcomeMessage outcome=outcome test_id="timings-outcome" />
            </form>
        </details>
    }
}
