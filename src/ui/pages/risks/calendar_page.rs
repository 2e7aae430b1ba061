//! The reporting calendar page: the next twelve months of the framework's dates — figures due, leadership
//! scorecards, committee reports, KPI audits, risk reviews, target setting and the framework review — as a
//! table, narrowed by kind, and downloadable as an `.ics` file for any calendar.

use chrono::{Days, Utc};
use leptos::prelude::*;

use crate::domain::assurance::reporting_calendar::{CalendarEvent, EventKind, reporting_calendar};
use crate::storage::ics::to_ics;
use crate::ui::browser::download::{download_text, file_name};
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::data_table::{Column, DataTable, Row};
use crate::ui::components::fields::Select;
use crate::ui::state::use_app_state;

use super::timings_form::TimingsForm;

/// The page's title and heading.
const TITLE: &str = "Reporting calendar";

/// How far ahead the page looks.
const DAYS_AHEAD: u64 = 365;

/// The calendar page.
/// A date of the calendar, as a row.
fn event_row(e: CalendarEvent) -> Row {
    Row::new(vec![
        e.date.format("%a %-d %b %Y").to_string().into_any(),
        e.title.into_any(),
        e.kind.label().into_any(),
        e.detail.into_any(),
    ])
    .test_id("calendar-row")
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    use_page_title(TITLE);
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let kind = RwSignal::new(None::<EventKind>);
    let events = Memo::new(move |_| {
        let chosen = kind.get();
        state.session.with(|s| {
            reporting_calendar(s.current(), today, today + Days::new(DAYS_AHEAD))
                .into_iter()
                .filter(|e| chosen.is_none_or(|k| e.kind == k))
                .collect::<Vec<CalendarEvent>>()
        })
    });
    let failure = RwSignal::new(None::<String>);
    let download = move |_| {
        let council = state
            .session
            .with_untracked(|s| s.current().framework.council_name.clone());
        let text = events.with_untracked(|e| to_ics(&council, e, Utc::now()));
        let result = download_text(
            &file_name(&council, "reporting-calendar", "ics"),
            "text/calendar;charset=utf-8",
            &text,
        );
        failure.set(result.err().map(|e| format!("The download failed: {e}")));
    };
    let kind_code = |k: EventKind| format!("{k:?}");
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">{move || state.session.with(|s| {
            let t = &s.current().framework.calendar;
            format!(
                "The framework's dates for the next twelve months, derived from its cycles: figures due {} working days after each month, the leadership team's scorecard {} working days after it, committee reports {} weeks after each quarter, the KPI audit sample {} working days after it, every open risk's next review, and the annual target setting and framework review. Working days skip weekends and the {} bank holidays recorded.",
                t.data_due, t.leadership_meeting, t.committee_weeks, t.audit_sample, t.bank_holidays.len()
            )
        })}</p>
        <TimingsForm />
        <div class="app-inline-controls">
            <Select id="calendar-kind" label="Show" none="Every date"
                choices={EventKind::ALL.map(|k| (kind_code(k), k.label().to_owned())).to_vec()}
                value=Signal::derive(move || kind.get().map(kind_code).unwrap_or_default())
                on_change=move |chosen: String| kind.set(EventKind::ALL.into_iter().find(|k| kind_code(*k) == chosen)) />
        </div>
        <div class="app-button-group">
            <button type="button" class="app-button app-button--secondary" data-testid="calendar-download" on:click=download>
                "Download these dates (.ics)"
            </button>
        </div>
        {move || failure.get().map(|m| view! { <p class="app-error-text" role="alert">{m}</p> })}
        <DataTable test_id="calendar-table" caption=move || format!("The next twelve months: {} dates", events.with(Vec::len))
            columns=vec![Column::text("Date"), Column::row_heading("What"), Column::text("Kind"), Column::text("Who and why")]
            rows=move || events.get().into_iter().map(event_row).collect() />
    }
}
