//! The quarterly KPI audit page (the Cambridgeshire PMF): draw a reproducible random sample for a quarter that has ended
//! (the seed shown, stored and reusable), the audit history with how far each audit has got, and the audit
//! opened — each KPI drawn with its five checks, findings and follow-up, and a form to record them.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::assurance::audit_entry::{
    AuditDraw, MAX_PER_COMMITTEE, complete_follow_up, draw_audit, quarters_to_audit,
};
use crate::domain::assurance::kpi_audit::newest_first;
use crate::domain::basics::ids::{AuditId, KpiId};
use crate::domain::basics::period::Period;
use crate::domain::model::audit::{AuditCheck, AuditProgress, KpiAudit};
use crate::domain::model::workspace::Workspace;
use crate::storage::collection::Collection;
use crate::ui::address::served_path::link;
use crate::ui::address::state::use_address_state;
use crate::ui::address::value_code::{code, decode};
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::fields::{
    NumberField, PersonOrBodySelect, Select, TextField, Width, coded,
};
use crate::ui::components::item_changes::ItemChanges;
use crate::ui::components::kpi_link::kpi_link;
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::pages::change_log_path;
use crate::ui::state::use_app_state;

use super::audit_checks_form::AuditChecksForm;
use super::audit_view::AuditView;

/// The page's title and heading.
const TITLE: &str = "Quarterly KPI audit";

fn day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// An audit as the history table shows it, owned.
#[derive(Clone, Debug, PartialEq)]
struct HistoryLine {
    id: AuditId,
    quarter: String,
    drawn: String,
    seed: u32,
    progress: AuditProgress,
}

/// A KPI drawn, as the opened audit's table shows it, owned.
#[derive(Clone, Debug, PartialEq)]
struct SampleLine {
    kpi: KpiId,
    name: String,
    committee: String,
    outcomes: Vec<&'static str>,
    findings: String,
    follow_up: Option<(String, String, bool)>,
    checked: String,
}

/// The opened audit, owned.
#[derive(Clone, Debug, PartialEq)]
struct Opened {
    id: AuditId,
    quarter: Period,
    title: String,
    drawn: String,
    reproducible: bool,
    lines: Vec<SampleLine>,
}

fn opened(workspace: &Workspace, audit: &KpiAudit, today: NaiveDate) -> Opened {
    let lines = audit
        .sample
        .iter()
        .map(|a| {
            let follow_up = a.follow_up.as_ref().map(|f| {
                let state = match f.done {
                    Some(done) => format!("done {}", day(done)),
                    None if f.is_overdue(today) => format!("overdue since {}", day(f.due)),
                    None => format!("due {}", day(f.due)),
                };
                (
                    format!("{} ({}, {state})", f.action, f.owner),
                    f.action.clone(),
                    f.done.is_none(),
                )
            });
            SampleLine {
                kpi: a.kpi.clone(),
                name: workspace
                    .kpi(&a.kpi)
                    .map_or_else(|| a.kpi.to_string(), |k| k.name.clone()),
                committee: workspace
                    .committees
                    .iter()
                    .find(|c| c.id == a.committee)
                    .map_or_else(|| a.committee.to_string(), |c| c.name.clone()),
                outcomes: AuditCheck::ALL
                    .iter()
                    .map(|c| a.checks.get(c).map_or("Not checked", |o| o.label()))
                    .collect(),
                findings: a.findings.clone(),
                follow_up,
                checked: match a.checked_on {
                    Some(on) => format!("{} on {}", a.checked_by, day(on)),
                    None => "Not yet".to_owned(),
                },
            }
        })
        .collect();
    Opened {
        id: audit.id.clone(),
        quarter: audit.quarter,
        title: format!("{} audit", audit.quarter),
        drawn: format!(
            "Drawn on {} by {} from seed {}: {} KPI{} from each policy and service committee.",
            day(audit.drawn_on),
            audit.drawn_by,
            audit.seed,
            audit.per_committee,
            if audit.per_committee == 1 { "" } else { "s" }
        ),
        reproducible: audit.redraws_the_same(workspace),
        lines,
    }
}

/// A random seed for a new draw (shown, and editable to reproduce someone else's).
fn random_seed() -> String {
    // Math.random is in [0, 1): the product stays below u32::MAX, so the cast never saturates.
    ((js_sys::Math::random() * f64::from(u32::MAX)) as u32).to_string()
}

/// The form that draws a new sample.
#[component]
fn DrawForm(apply: Callback<AuditView>) -> impl IntoView {
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let quarters = Memo::new(move |_| {
        state
            .session
            .with(|s| quarters_to_audit(s.current(), today))
    });
    let quarter = RwSignal::new(
        quarters
            .get_untracked()
            .first()
            .and_then(code)
            .unwrap_or_default(),
    );
    let size = RwSignal::new("2".to_owned());
    let seed = RwSignal::new(random_seed());
    let by = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::None);
    let draw = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(chosen) = decode::<Period>(&quarter.get_untracked()) else {
            outcome.set(Some(Err("Choose a quarter to audit.".to_owned())));
            return;
        };
        let Ok(seed_value) = seed.get_untracked().trim().parse::<u32>() else {
            outcome.set(Some(Err(
                "The seed must be a whole number from 0 to 4294967295.".to_owned(),
            )));
            return;
        };
        let Ok(per_committee) = size.get_untracked().trim().parse::<u8>() else {
            outcome.set(Some(Err(format!(
                "Draw between 1 and {MAX_PER_COMMITTEE} KPIs from each committee."
            ))));
            return;
        };
        let request = AuditDraw {
            quarter: chosen,
            seed: seed_value,
            per_committee,
            drawn_by: by.get_untracked(),
        };
        let result = state
            .session
            .try_update(|s| s.edit(|w| draw_audit(w, &request, today)));
        outcome.set(result.map(|r| match r {
            Ok(id) => {
                apply.run(AuditView {
                    audit: Some(id),
                    kpi: None,
                });
                seed.set(random_seed());
                quarter.set(quarters.get_untracked().first().and_then(code).unwrap_or_default());
                Ok(format!(
                    "Sample drawn for {chosen} from seed {seed_value}. Anyone can draw it again from that seed."
                ))
            }
            Err(problem) => Err(problem.to_string()),
        }));
    };
    view! {
        <form class="app-subform" on:submit=draw novalidate data-testid="audit-draw-form">
            <h2>"Draw a sample"</h2>
            <p class="app-hint">"The seed decides the sample. Keep the one offered, or type the seed of an earlier draw to reproduce it."</p>
            <div class="app-inline-controls">
                <Select id="audit-quarter" label="Quarter" bind=quarter
                    choices=Signal::derive(move || coded(quarters.get(), ToString::to_string)) />
                <NumberField id="audit-size" label="KPIs per committee" value=size min=1 max=u32::from(MAX_PER_COMMITTEE) />
                <TextField id="audit-seed" label="Seed" value=seed width=Width::Medium inputmode="numeric" />
            </div>
            <PersonOrBodySelect id="audit-drawn-by" label="Drawn by (a person or team)" bind=by />
            <button type="submit" class="app-button app-button--secondary" data-testid="audit-draw">"Draw the sample"</button>
            <OutcomeMessage outcome=outcome test_id="audit-draw-outcome" />
        </form>
    }
}

/// The history of audits, newest first.
#[component]
fn AuditHistory(lines: Memo<Vec<HistoryLine>>, apply: Callback<AuditView>) -> impl IntoView {
    let caption = move || format!("Audit history: {} audits", lines.with(Vec::len));
    let columns = vec![
        Column::row_heading("Quarter"),
        Column::text("Drawn"),
        Column::text("Seed"),
        Column::text("Checked"),
        Column::text("With concerns"),
        Column::text("Open follow-ups"),
    ];
    let row = move |line: HistoryLine| {
        let p = line.progress;
        let id = line.id.clone();
        let open = view! {
            <button type="button" class="app-link-button" data-testid="audit-open"
                on:click=move |_| apply.run(AuditView { audit: Some(id.clone()), kpi: None })>
                {line.quarter}
            </button>
        };
        let follow_ups = if p.overdue_follow_ups > 0 {
            format!("{} ({} overdue)", p.open_follow_ups, p.overdue_follow_ups)
        } else {
            p.open_follow_ups.to_string()
        };
        Row::new(vec![
            open.into_any(),
            line.drawn.into_any(),
            line.seed.to_string().into_any(),
            format!("{} of {}", p.checked, p.sampled).into_any(),
            p.with_concerns.to_string().into_any(),
            follow_ups.into_any(),
        ])
        .test_id("audit-history-row")
    };
    view! {
        <h2>"Audit history"</h2>
        <DataTable test_id="audit-history" caption=caption columns=columns rows=move || lines.get().into_iter().map(row).collect() />
    }
}

/// The opened audit's columns: the KPI, its committee, the five checks, findings, follow-up and when checked.
fn sample_columns() -> Vec<Column> {
    [Column::row_heading("KPI"), Column::text("Committee")]
        .into_iter()
        .chain(AuditCheck::ALL.map(|c| Column::text(c.label())))
        .chain([
            Column::text("Findings"),
            Column::text("Follow-up"),
            Column::text("Checked"),
        ])
        .collect()
}

/// The audit page.
#[component]
pub fn AuditPage() -> impl IntoView {
    use_page_title(TITLE);
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let (view, apply) = use_address_state(AuditView::from_query, AuditView::href);
    let history = Memo::new(move |_| {
        state.session.with(|s| {
            newest_first(s.current())
                .into_iter()
                .map(|a| HistoryLine {
                    id: a.id.clone(),
                    quarter: a.quarter.to_string(),
                    drawn: format!("{} by {}", day(a.drawn_on), a.drawn_by),
                    seed: a.seed,
                    progress: a.progress(today),
                })
                .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| {
        let chosen = view.with(|v| v.audit.clone());
        state.session.with(|s| {
            let w = s.current();
            let audits = newest_first(w);
            let audit = match chosen {
                Some(id) => audits.into_iter().find(|a| a.id == id),
                None => audits.into_iter().next(),
            };
            audit.map(|a| opened(w, a, today))
        })
    });
    let follow_up_outcome = RwSignal::new(Outcome::None);
    let confirm = move |audit: AuditId, kpi: KpiId, name: String| {
        let result = state
            .session
            .try_update(|s| s.edit(|w| complete_follow_up(w, &audit, &kpi, today)));
        follow_up_outcome.set(result.map(|r| {
            r.map(|()| format!("Follow-up for {name} confirmed done."))
                .map_err(|problem| problem.to_string())
        }));
    };
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">"After each quarterly cycle a random selection of KPIs from each policy and service committee is audited: is each accurately calculated and reported, is remedial action effective, is it relevant, and is it used in decisions?"</p>
        <DrawForm apply=apply />
        <AuditHistory lines=history apply=apply />
        {move || shown.get().map(|audit| {
            let audit_id = audit.id.clone();
            let quarter = audit.quarter;
            let sample_row = move |line: SampleLine| {
                let (a1, a2) = (audit_id.clone(), audit_id.clone());
                let (k1, k2) = (line.kpi.clone(), line.kpi.clone());
                let name = line.name.clone();
                let follow_up = line.follow_up.map(|(text, action, open)| view! {
                    {text}
                    {open.then(|| view! {
                        " "
                        <button type="button" class="app-link-button" data-testid="audit-follow-up-done"
                            aria-label=format!("Confirm done: {action}")
                            on:click=move |_| confirm(a1.clone(), k1.clone(), name.clone())>
                            "Confirm done"
                        </button>
                    })}
                });
                let checked = view! {
                    {line.checked} " "
                    <button type="button" class="app-link-button" data-testid="audit-record"
                        aria-label=format!("Record checks: {}", line.name)
                        on:click=move |_| apply.run(AuditView { audit: Some(a2.clone()), kpi: Some(k2.clone()) })>
                        "Record checks"
                    </button>
                    " "
                    <a href=link(&change_log_path(&line.kpi, quarter)) data-testid="audit-kpi-changes"
                        aria-label=format!("Who changed its figures: {} for {quarter}", line.name)>
                        "Who changed its figures"
                    </a>
                };
                let cells = [kpi_link(line.kpi.as_str(), line.name.clone()), line.committee.into_any()]
                    .into_iter()
                    .chain(line.outcomes.into_iter().map(IntoAny::into_any))
                    .chain([line.findings.into_any(), follow_up.into_any(), checked.into_any()])
                    .collect();
                Row::new(cells).test_id("audit-sample-row")
            };
            view! {
                <section class="app-section" aria-labelledby="audit-heading" data-testid="audit-opened">
                    <h2 id="audit-heading">{audit.title.clone()}</h2>
                    <p data-testid="audit-drawn">{audit.drawn.clone()}</p>
                    <p data-testid="audit-reproducible">{if audit.reproducible {
                        "Drawing again from this seed gives the same sample."
                    } else {
                        "Drawing again from this seed now gives a different sample: KPIs or committees have changed since the draw."
                    }}</p>
                    <DataTable test_id="audit-sample" caption=format!("{}: the KPIs drawn and the five checks", audit.title)
                        columns=sample_columns() rows=move || audit.lines.iter().cloned().map(sample_row.clone()).collect() layout=Layout::WIDE_COMPACT />
                    <OutcomeMessage outcome=follow_up_outcome test_id="audit-follow-up-outcome" />
                    <ItemChanges list=Collection::Audits.name() key=audit.id.to_string() nested=true />
                </section>
            }
        })}
        {move || {
            let (audit, kpi) = view.with(|v| (v.audit.clone(), v.kpi.clone()));
            match (audit, kpi) {
                (Some(audit), Some(kpi)) => {
                    let back = audit.clone();
                    Some(view! {
                        <AuditChecksForm audit=audit kpi=kpi
                            close=Callback::new(move |()| apply.run(AuditView { audit: Some(back.clone()), kpi: None })) />
                    })
                }
                _ => None,
            }
        }}
    }
}
