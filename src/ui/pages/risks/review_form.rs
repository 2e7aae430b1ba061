//! Recording a review of one risk: what the risk is (description, owner, mitigations, escalation criteria,
//! the KPIs and ambitions it bears on), its history so far, then the date, who, what was concluded and the
//! likelihood and impact now. The domain checks the draft whole; a refusal changes nothing.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use super::risk_edit_page::edit_href;
use crate::domain::basics::ids::RiskId;
use crate::domain::model::golden_thread::Ambition;
use crate::domain::model::risk::RiskReview;
use crate::domain::risks::review_entry::{ReviewDraft, record_review};
use crate::ui::address::served_path::link;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::fields::{Choice, DateField, PersonOrBodySelect, Select, TextField};
use crate::ui::components::kpi_link::kpi_link;
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::state::use_app_state;

/// What the form needs of the risk, owned.
#[derive(Clone, Debug, PartialEq)]
struct Reviewed {
    title: String,
    description: String,
    owner: String,
    mitigations: Vec<String>,
    escalation: String,
    kpis: Vec<(String, String)>,
    ambitions: Vec<String>,
    likelihood: u8,
    impact: u8,
    history: Vec<RiskReview>,
}

/// A score from 1 to 5, chosen.
fn score_select(id: &'static str, label: &'static str, value: RwSignal<u8>) -> impl IntoView {
    let choices: Vec<Choice> = (1..=5u8).map(|n| (n.to_string(), n.to_string())).collect();
    view! {
        <Select id=id label=label choices=choices value=Signal::derive(move || value.get().to_string())
            on_change=move |chosen: String| value.set(chosen.parse().unwrap_or(0)) />
    }
}

/// A review so far, as a row.
fn review_row(review: RiskReview) -> Row {
    Row::new(vec![
        review.date.format("%-d %b %Y").to_string().into_any(),
        review.by.into_any(),
        review.residual.to_string().into_any(),
        review.note.into_any(),
    ])
}

/// The review form for `risk`; `close` hides it.
#[component]
pub fn ReviewForm(risk: RiskId, close: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let id = risk.clone();
    let edit_id = risk.clone();
    let reviewed = Memo::new(move |_| {
        state.session.with(|s| {
            let w = s.current();
            w.risks
                .iter()
                .find(|r| r.id == id && r.closed.is_none())
                .map(|r| Reviewed {
                    title: r.title.clone(),
                    description: r.description.clone(),
                    owner: r
                        .owner
                        .as_ref()
                        .and_then(|p| w.person(p))
                        .map_or_else(|| "Not named".to_owned(), |p| p.name.clone()),
                    mitigations: r.mitigations.clone(),
                    escalation: r.escalation_criteria.clone(),
                    kpis: r
                        .kpis
                        .iter()
                        .filter_map(|k| w.kpi(k))
                        .map(|k| (k.id.to_string(), k.name.clone()))
                        .collect(),
                    ambitions: r
                        .ambitions
                        .iter()
                        .filter_map(|a| w.ambitions.iter().find(|x| &x.id == a))
                        .map(Ambition::label)
                        .collect(),
                    likelihood: r.residual.likelihood.get(),
                    impact: r.residual.impact.get(),
                    history: r.reviews.clone(),
                })
        })
    });
    let date = RwSignal::new(today.to_string());
    let by = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let likelihood = RwSignal::new(reviewed.get_untracked().map_or(3, |r| r.likelihood));
    let impact = RwSignal::new(reviewed.get_untracked().map_or(3, |r| r.impact));
    let outcome = RwSignal::new(Outcome::None);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let draft = ReviewDraft {
            date: NaiveDate::parse_from_str(&date.get_untracked(), "%Y-%m-%d").ok(),
            by: by.get_untracked(),
            note: note.get_untracked(),
            likelihood: likelihood.get_untracked(),
            impact: impact.get_untracked(),
        };
        let result = state
            .session
            .try_update(|s| s.edit(|w| record_review(w, &risk, &draft, today)));
        outcome.set(result.map(|r| match r {
            Ok(band) => {
                note.set(String::new());
                Ok(format!(
                    "Review recorded: the risk is now {} and its next review date has moved on.",
                    band.label().to_lowercase()
                ))
            }
            Err(problem) => Err(problem.to_string()),
        }));
    };
    view! {
        <section class="app-section" aria-labelledby="review-heading" data-testid="review-form-section">
            {move || reviewed.get().map(|r| view! {
                <h2 id="review-heading" tabindex="-1">{format!("Review: {}", r.title)}</h2>
                <dl class="app-risk-facts" data-testid="risk-details">
                    {(!r.description.is_empty()).then(|| view! { <dt>"The risk"</dt><dd>{r.description.clone()}</dd> })}
                    <dt>"Owner"</dt><dd>{r.owner.clone()}</dd>
                    <dt>"Mitigations"</dt>
                    <dd>{if r.mitigations.is_empty() {
                        view! { "None recorded" }.into_any()
                    } else {
                        view! { <ul class="app-duties">{r.mitigations.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul> }.into_any()
                    }}</dd>
                    <dt>"When to escalate, and when to accept"</dt>
                    <dd>{if r.escalation.is_empty() { "None recorded".to_owned() } else { r.escalation.clone() }}</dd>
                    <dt>"KPIs it bears on"</dt>
                    <dd>{if r.kpis.is_empty() {
                        view! { "None linked" }.into_any()
                    } else {
                        view! { <ul class="app-duties">{r.kpis.iter().map(|(id, name)| view! { <li>{kpi_link(id, name.clone())}</li> }).collect_view()}</ul> }.into_any()
                    }}</dd>
                    <dt>"Ambitions it threatens"</dt>
                    <dd>{if r.ambitions.is_empty() { "None linked".to_owned() } else { r.ambitions.join("; ") }}</dd>
                </dl>
                <p><a data-testid="risk-edit-link" href=link(&edit_href(&Some(edit_id.clone())))>
                    "Change this risk: its title, owner, scores, mitigations or links, or close it"</a></p>
                <DataTable test_id="review-history" caption=format!("Reviews so far ({})", r.history.len())
                    columns=vec![Column::row_heading("Date"), Column::text("By"), Column::text("Residual"), Column::text("Note")]
                    rows={let history = r.history.clone(); move || history.iter().rev().cloned().map(review_row).collect()} layout=Layout::COMPACT />
            })}
            <form class="app-subform" on:submit=save novalidate data-testid="review-form">
                <div class="app-inline-controls">
                    <DateField id="review-date" label="Date of the review" value=date />
                    {score_select("review-likelihood", "Likelihood now (1 to 5)", likelihood)}
                    {score_select("review-impact", "Impact now (1 to 5)", impact)}
                </div>
                <PersonOrBodySelect id="review-by" label="Reviewed by (a person, team or committee)" bind=by />
                <TextField id="review-note" label="What was concluded" value=note />
                <div class="app-button-group">
                    <button type="submit" class="app-button" data-testid="review-save">"Record the review"</button>
                    <button type="button" class="app-button app-button--secondary" data-testid="review-close" on:click=move |_| close.run(())>"Close"</button>
                </div>
                <OutcomeMessage outcome=outcome test_id="review-outcome" />
            </form>
        </section>
    }
}
