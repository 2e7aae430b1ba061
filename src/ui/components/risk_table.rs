//! The one table of risks: each risk with its register, owner and scores with their bands. The register page
//! shows every assessment, the next review (overdue flagged) and a way to record a review; wherever else risks
//! hang (a node of the golden thread, the plan on a page) the short form shows the residual score alone.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::maths::rag::RagStatus;
use crate::domain::model::risk::{ReviewStatus, Risk, RiskAssessment};
use crate::domain::model::workspace::Workspace;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row};
use crate::ui::components::overdue_flag::dated;
use crate::ui::components::rag_badge::RagStatusBadge;

/// A score with its band.
type Scored = (u8, RagStatus);

/// A risk as a row of the table, owned.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskLine {
    /// The risk's id.
    pub id: String,
    title: String,
    register: String,
    owner: String,
    inherent: Scored,
    residual: Scored,
    target: Scored,
    next_review: String,
    overdue: bool,
}

impl RiskLine {
    /// The line for `risk` on `today`, its owner named and its bands from the framework's settings.
    pub fn of(risk: &Risk, workspace: &Workspace, today: NaiveDate) -> Self {
        let settings = &workspace.framework.risk;
        let scored = |a: RiskAssessment| (a.score(), settings.bands.band(a.score()));
        let directorate = risk
            .directorate
            .as_ref()
            .and_then(|d| workspace.directorates.iter().find(|x| &x.id == d))
            .map(|d| format!(" ({})", d.name))
            .unwrap_or_default();
        let (next_review, overdue) = match risk.review_status(&workspace.framework, today) {
            ReviewStatus::Overdue { days, due } => (
                format!("{} ({days} days overdue)", due.format("%-d %b %Y")),
                true,
            ),
            ReviewStatus::DueIn { due, .. } => (due.format("%-d %b %Y").to_string(), false),
        };
        Self {
            id: risk.id.to_string(),
            title: risk.title.clone(),
            register: format!("{}{directorate}", risk.level.label()),
            owner: risk
                .owner
                .as_ref()
                .and_then(|o| workspace.person(o))
                .map_or_else(|| "No owner".to_owned(), |p| p.name.clone()),
            inherent: scored(risk.inherent),
            residual: scored(risk.residual),
            target: scored(risk.target),
            next_review,
            overdue,
        }
    }
}

/// A score and its band, as a cell shows them.
fn scored((score, band): Scored) -> AnyView {
    view! { {score} " " <RagStatusBadge status=Some(band) none_label="" /> }.into_any()
}

/// The short form: risk, register, owner and residual score, under `caption`.
#[component]
pub fn RiskTable(
    #[prop(into)] caption: TextProp,
    #[prop(into)] risks: Signal<Vec<RiskLine>>,
    test_id: &'static str,
) -> impl IntoView {
    let columns = vec![
        Column::row_heading("Risk"),
        Column::text("Register"),
        Column::text("Owner"),
        Column::number("Residual score"),
    ];
    let row = |line: RiskLine| {
        Row::new(vec![
            line.title.into_any(),
            line.register.into_any(),
            line.owner.into_any(),
            scored(line.residual),
        ])
    };
    view! { <DataTable test_id=test_id caption=caption columns=columns rows=move || risks.get().into_iter().map(row).collect() layout=Layout::COMPACT /> }
}

/// The register: every assessment, the next review and a button to record one, which calls `review` with the
/// risk's id.
#[component]
pub fn RiskRegisterTable(
    #[prop(into)] risks: Signal<Vec<RiskLine>>,
    review: Callback<String>,
) -> impl IntoView {
    let caption = move || {
        format!(
            "Risk register: {} open risks, highest residual score first",
            risks.with(Vec::len)
        )
    };
    let columns = vec![
        Column::row_heading("Risk"),
        Column::text("Register"),
        Column::text("Owner"),
        Column::number("Inherent"),
        Column::number("Residual"),
        Column::number("Target"),
        Column::text("Next review"),
        Column::text("Review"),
    ];
    let row = move |line: RiskLine| {
        let (id, title) = (line.id.clone(), line.title.clone());
        let next_review = dated(line.next_review, line.overdue, Some("review-overdue"));
        let button = view! {
            <button type="button" class="app-button app-button--secondary" data-testid="record-review"
                aria-label=format!("Record a review of {title}") on:click=move |_| review.run(id.clone())>
                "Record a review"
            </button>
        };
        Row::new(vec![
            line.title.into_any(),
            line.register.into_any(),
            line.owner.into_any(),
            scored(line.inherent),
            scored(line.residual),
            scored(line.target),
            next_review,
            button.into_any(),
        ])
        .test_id("risk-row")
        .data("data-risk", line.id)
    };
    view! {
        <DataTable test_id="risk-register" caption=caption columns=columns rows=move || risks.get().into_iter().map(row).collect() layout=Layout::WIDE
            empty=Empty::below("register-empty", "No open risk matches these filters.") />
    }
}
