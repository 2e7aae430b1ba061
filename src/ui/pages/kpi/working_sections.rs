//! The sections of a KPI's page that people work in rather than read — recording a value and signing it off,
//! the change history, the KPI cycle, the action plan and linked risks — drawn from a module of their own,
//! fetched as the page opens, so a councillor opening a link to a KPI waits only for what shows where it
//! stands. Every edit on the page is made here, so the recording of changes is fetched with them.
//!
//! With the cargo feature `split` the sections come from a Leptos `#[lazy]` function, which
//! `.ci/split-wasm.mjs` puts in its own module; without it (the wasm-bindgen-test tier) the same sections are
//! drawn directly.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::changes_section::ChangesSection;
use super::cycle_section::CycleSection;
use super::entry_form::EntryForm;
use super::links::LinkedActionsAndRisks;
use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;

/// The working sections of the page of the KPI `id`, whose periods (newest first) are `periods`, drawn by
/// the module that holds them.
#[cfg(feature = "split")]
#[leptos::lazy]
pub async fn working_sections_on_demand(
    id: Memo<String>,
    periods: Memo<Option<Vec<Period>>>,
    today: NaiveDate,
) -> AnyView {
    working_sections(id, periods, today)
}

/// The working sections of the page of the KPI `id`.
#[cfg(not(feature = "split"))]
pub async fn working_sections_on_demand(
    id: Memo<String>,
    periods: Memo<Option<Vec<Period>>>,
    today: NaiveDate,
) -> AnyView {
    working_sections(id, periods, today)
}

fn working_sections(
    id: Memo<String>,
    periods: Memo<Option<Vec<Period>>>,
    today: NaiveDate,
) -> AnyView {
    view! {
        // The form is drawn again only for another KPI, not after each save (which changes the periods'
        // figures, not which periods there are), so what it says after a save stays.
        {move || {
            let kpi = KpiId::try_from(id.get()).ok()?;
            let periods = periods.get_untracked()?;
            Some(view! { <EntryForm id=kpi periods=periods /> })
        }}
        <ChangesSection id=id />
        <CycleSection id=id />
        <LinkedActionsAndRisks id=id today=today />
    }
    .into_any()
}
