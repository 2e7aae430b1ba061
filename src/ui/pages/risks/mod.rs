//! The risks page (the roles framework, the 2020 PMF refresh, the eight-part PMF): the open risks of every register with how their reviews stand,
//! filters kept in the address, the 5×5 heat map whose cells open their risks, the register, and recording
//! a review.

mod action_update_form;
mod actions_page;
mod audit_checks_form;
mod audit_page;
mod audit_view;
mod bands_form;
mod calendar_page;
mod lessons_page;
mod matrix;
mod review_cycles_form;
mod review_form;
mod risk_edit_page;
mod roles_page;
mod timings_form;
mod validation_page;
mod view;

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::domain::maths::rag::RagStatus;
use crate::domain::model::risk::RiskLevel;
use crate::domain::risks::register::{HeatMap, RiskFilter, Stage, register, review_counts};
use crate::ui::address::served_path::link;
use crate::ui::address::state::use_address_state;
use crate::ui::address::value_code::{code, decode};
use crate::ui::area::Area;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::fields::{Select, coded};
use crate::ui::components::risk_table::{RiskLine, RiskRegisterTable};
use crate::ui::routes::Page;
use crate::ui::state::use_app_state;
pub use actions_page::ActionsPage;
pub use audit_page::AuditPage;
use bands_form::BandsForm;
pub use calendar_page::CalendarPage;
pub use lessons_page::LessonsPage;
use matrix::RiskMatrix;
use review_cycles_form::ReviewCyclesForm;
use review_form::ReviewForm;
use risk_edit_page::RiskEditPage;
pub use roles_page::RolesPage;
pub use validation_page::ValidationPage;
pub use view::RiskView;

const LEVELS: [RiskLevel; 3] = [
    RiskLevel::Strategic,
    RiskLevel::Directorate,
    RiskLevel::Operational,
];

/// The filters above the heat map and register.
#[component]
fn RiskFilters(view: Memo<RiskView>, apply: Callback<RiskView>) -> impl IntoView {
    let state = use_app_state();
    let directorates = Memo::new(move |_| {
        state.session.with(|s| {
            s.current()
                .directorates
                .iter()
                .filter(|d| d.active)
                .map(|d| (d.id.to_string(), d.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let update = move |change: &dyn Fn(&mut RiskFilter)| {
        let mut next = view.get_untracked();
        change(&mut next.filter);
        apply.run(next);
    };
    view! {
        <div class="app-inline-controls" data-testid="risk-filters">
            <Select id="risk-level" label="Register" none="All registers" choices=coded(LEVELS, |l| l.label().to_owned())
                value=Signal::derive(move || view.with(|v| v.filter.level.as_ref().and_then(code).unwrap_or_default()))
                on_change=move |chosen: String| update(&|f| f.level = decode(&chosen)) />
            <Select id="risk-directorate" label="Directorate" none="All directorates" choices=directorates
                value=Signal::derive(move || view.with(|v| v.filter.directorate.as_ref().map(ToString::to_string).unwrap_or_default()))
                on_change=move |chosen: String| update(&|f| f.directorate = chosen.clone().try_into().ok()) />
            <Select id="risk-band" label="Residual band" none="Any band" choices=coded(RagStatus::ALL, |b| b.label().to_owned())
                value=Signal::derive(move || view.with(|v| v.filter.band.as_ref().and_then(code).unwrap_or_default()))
                on_change=move |chosen: String| update(&|f| f.band = decode(&chosen)) />
            <div class="app-field app-radios">
                <label>
                    <input type="checkbox" data-testid="risk-overdue" prop:checked=move || view.with(|v| v.filter.overdue)
                        on:change=move |e| { let on = event_target_checked(&e); update(&|f| f.overdue = on); } />
                    " Only reviews overdue"
                </label>
            </div>
        </div>
        {move || view.with(|v| v.filter.cell).map(|(l, i)| view! {
            <p data-testid="risk-cell-filter">
                {format!("Showing the cell likelihood {l} × impact {i}. ")}
                <button type="button" class="app-link-button" on:click=move |_| update(&|f| f.cell = None)>"Show every cell"</button>
            </p>
        })}
    }
}

/// The risks page: the registers, or, with `?edit=` in the address, the form that adds a risk (`new`) or changes
/// one (its id).
#[component]
pub fn RisksPage() -> impl IntoView {
    let query = use_location().query;
    let editing = Memo::new(move |_| query.with(|q| q.get("edit").is_some()));
    move || {
        if editing.get() {
            view! { <RiskEditPage /> }.into_any()
        } else {
            view! { <RiskRegisterPage /> }.into_any()
        }
    }
}

/// The risk registers: the summary, filters, heat map, score bands and register.
#[component]
fn RiskRegisterPage() -> impl IntoView {
    use_page_title(Area::RisksAndActions.label());
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let (view, apply) = use_address_state(RiskView::from_query, RiskView::href);
    let counts = Memo::new(move |_| {
        state.session.with(|s| {
            let w = s.current();
            let open = w.risks.iter().filter(|r| r.closed.is_none()).count();
            (open, review_counts(&w.risks, &w.framework, today))
        })
    });
    let bands = Memo::new(move |_| state.session.with(|s| s.current().framework.risk.bands));
    let map = Memo::new(move |_| {
        let filter = view.with(|v| RiskFilter {
            cell: None,
            ..v.filter.clone()
        });
        state
            .session
            .with(|s| HeatMap::of(register(s.current(), &filter, today), Stage::Residual))
    });
    let lines = Memo::new(move |_| {
        let filter = view.with(|v| v.filter.clone());
        state.session.with(|s| {
            let w = s.current();
            register(w, &filter, today)
                .into_iter()
                .map(|r| RiskLine::of(r, w, today))
                .collect::<Vec<_>>()
        })
    });
    let show_overdue = move |_| {
        let mut next = RiskView::default();
        next.filter.overdue = true;
        apply.run(next);
    };
    // Its own memo, so changing a filter leaves an open review form (and what is typed in it) alone.
    let reviewing = Memo::new(move |_| view.with(|v| v.review.clone()));
    let review = Callback::new(move |id: String| {
        let mut next = view.get_untracked();
        next.review = crate::domain::basics::ids::RiskId::try_from(id).ok();
        apply.run(next);
    });
    let close = Callback::new(move |()| {
        let mut next = view.get_untracked();
        next.review = None;
        apply.run(next);
    });
    view! {
        <h1 data-testid="page-heading">{Area::RisksAndActions.label()}</h1>
        <p class="app-lead">{Area::RisksAndActions.purpose()}</p>
        <ul class="app-link-list">
            <li><a href=link(&risk_edit_page::edit_href(&None)) data-testid="risk-add-link">"Add a risk to the strategic register, a directorate's or a service's"</a></li>
            <li><a href=link(&Page::Calendar.path()) data-testid="calendar-link">"The reporting calendar: every date of the framework's cycles for the next twelve months, to download for your calendar"</a></li>
            <li><a href=link(&Page::Actions.path()) data-testid="actions-link">"Action plans: red KPIs still without one, and every open action, overdue first"</a></li>
            <li><a href=link(&Page::Roles.path()) data-testid="roles-link">"Roles and responsibilities: who does what, and what is waiting for each person now"</a></li>
            <li><a href=link(&Page::Validation.path()) data-testid="validation-link">"Validation sheets: each directorate's figures for the month, submitted, approved, explained and planned"</a></li>
            <li><a href=link(&Page::Audit.path()) data-testid="audit-link">"Quarterly KPI audit: draw a reproducible sample, record the five checks and follow them up"</a></li>
            <li><a href=link(&Page::Lessons.path()) data-testid="lessons-link">"Lessons learnt: what went well or badly, and what is shared with partners"</a></li>
        </ul>
        <ul class="app-summary__list" data-testid="risk-summary">
            <li class="app-summary__item" data-testid="risks-open">{move || format!("{} open risks", counts.get().0)}</li>
            <li class="app-summary__item">
                <button type="button" class="app-summary__button" data-testid="reviews-overdue" on:click=show_overdue>
                    {move || format!("{} reviews overdue", counts.get().1.overdue)}
                </button>
            </li>
            <li class="app-summary__item" data-testid="reviews-due-soon">{move || format!("{} due in the next 30 days", counts.get().1.due_soon)}</li>
        </ul>
        <RiskFilters view=view apply=apply />
        {move || reviewing.get().map(|risk| view! { <ReviewForm risk=risk close=close /> })}
        <RiskMatrix map=map bands=bands view=view apply=apply />
        <BandsForm />
        <ReviewCyclesForm />
        <RiskRegisterTable risks=lines review=review />
    }
}
