//! A short table of risks — title, register, owner, residual score with its band — wherever risks hang: a
//! node of the golden thread, the plan on a page.

use leptos::prelude::*;

use crate::domain::maths::rag::RagStatus;
use crate::domain::model::risk::Risk;
use crate::domain::model::workspace::Workspace;
use crate::ui::components::rag_badge::RagStatusBadge;

/// A risk as the table shows it, owned.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskLine {
    title: String,
    register: &'static str,
    owner: String,
    score: u8,
    band: RagStatus,
}

impl RiskLine {
    /// The line for `risk`, its owner named and its band from the framework's settings.
    pub fn of(risk: &Risk, workspace: &Workspace) -> Self {
        Self {
            title: risk.title.clone(),
            register: risk.level.label(),
            owner: risk
                .owner
                .as_ref()
                .and_then(|o| workspace.person(o))
                .map_or_else(|| "No owner".to_owned(), |p| p.name.clone()),
            score: risk.residual.score(),
            band: risk.band(&workspace.framework.risk),
        }
    }
}

/// The table, under `caption`.
#[component]
pub fn RiskTable(caption: String, risks: Vec<RiskLine>, test_id: &'static str) -> impl IntoView {
    view! {
        <table class="app-table app-table--compact" data-testid=test_id>
            <caption class="app-table__caption">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Risk"</th>
                    <th scope="col">"Register"</th>
                    <th scope="col">"Owner"</th>
                    <th scope="col">"Residual score"</th>
                </tr>
            </thead>
            <tbody>
                {risks.into_iter().map(|r| view! {
                    <tr>
                        <th scope="row">{r.title}</th>
                        <td>{r.register}</td>
                        <td>{r.owner}</td>
                        <td>{r.score} " " <RagStatusBadge status=Some(r.band) none_label="" /></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
