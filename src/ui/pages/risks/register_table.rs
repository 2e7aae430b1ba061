//! The register as a table: each open risk with its register, owner, the three assessments with their bands,
//! its next review (overdue flagged), and a way to record a review.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::view::RiskView;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::risk::{ReviewStatus, Risk, RiskAssessment};
use crate::domain::model::workspace::Workspace;
use crate::ui::components::rag_badge::RagStatusBadge;

/// A score with its band, owned.
type Scored = (u8, RagStatus);

/// A risk as a row of the register, owned.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisterLine {
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

impl RegisterLine {
    /// The row for `risk` on `today`.
    pub fn of(risk: &Risk, workspace: &Workspace, today: NaiveDate) -> Self {
        let settings = &workspace.framework.risk;
        let scored = |a: RiskAssessment| (a.score(), settings.bands.band(a.score()));
        let directorate = risk
            .directorate
            .as_ref()
            .and_then(|d| workspace.directorates.iter().find(|x| &x.id == d))
            .map(|d| format!(" ({})", d.name))
            .unwrap_or_default();
        let (next_review, overdue) = match risk.review_status(settings, today) {
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

fn scored_cell((score, band): Scored) -> impl IntoView {
    view! { <td class="app-table__number">{score} " " <RagStatusBadge status=Some(band) none_label="" /></td> }
}

/// The register table.
#[component]
pub fn RegisterTable(
    lines: Memo<Vec<RegisterLine>>,
    view: Memo<RiskView>,
    apply: Callback<RiskView>,
) -> impl IntoView {
    let review = move |id: String| {
        let mut next = view.get_untracked();
        next.review = crate::domain::basics::ids::RiskId::try_from(id).ok();
        apply.run(next);
    };
    view! {
        <div class="app-table-scroll" role="region" aria-labelledby="register-caption" tabindex="0">
            <table class="app-table" data-testid="risk-register">
                <caption id="register-caption" class="app-table__caption">
                    {move || format!("Risk register: {} open risks, highest residual score first", lines.with(Vec::len))}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Risk"</th>
                        <th scope="col">"Register"</th>
                        <th scope="col">"Owner"</th>
                        <th scope="col">"Inherent"</th>
                        <th scope="col">"Residual"</th>
                        <th scope="col">"Target"</th>
                        <th scope="col">"Next review"</th>
                        <th scope="col">"Review"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || lines.get().into_iter().map(|line| {
                        let id = line.id.clone();
                        let title = line.title.clone();
                        view! {
                            <tr data-testid="risk-row" data-risk=line.id.clone()>
                                <th scope="row">{line.title}</th>
                                <td>{line.register}</td>
                                <td>{line.owner}</td>
                                {scored_cell(line.inherent)}
                                {scored_cell(line.residual)}
                                {scored_cell(line.target)}
                                <td>
                                    {line.next_review}
                                    {line.overdue.then(|| view! { " " <span class="app-flag" data-testid="review-overdue">"Overdue"</span> })}
                                </td>
                                <td>
                                    <button type="button" class="app-button app-button--secondary" data-testid="record-review"
                                        aria-label=format!("Record a review of {title}") on:click=move |_| review(id.clone())>
                                        "Record a review"
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Show when=move || lines.with(Vec::is_empty)>
            <p data-testid="register-empty">"No open risk matches these filters."</p>
        </Show>
    }
}
