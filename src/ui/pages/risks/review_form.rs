//! Recording a review of one risk: what the risk is (description, owner, mitigations, escalation criteria,
//! the KPIs and ambitions it bears on), its history so far, then the date, who, what was concluded and the
//! likelihood and impact now. The domain checks the draft whole; a refusal changes nothing.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::basics::ids::RiskId;
use crate::domain::model::golden_thread::Ambition;
use crate::domain::model::risk::RiskReview;
use crate::domain::risks::review_entry::{ReviewDraft, record_review};
use crate::ui::address::served_path::link;
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::components::text_field::TextField;
use crate::ui::routes::kpi_path;
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

fn score_select(id: &'static str, label: &'static str, value: RwSignal<u8>) -> impl IntoView {
    view! {
        <div class="app-field">
            <label class="app-label" for=id>{label}</label>
            <select id=id class="app-select" data-testid=id
                prop:value=move || value.get().to_string()
                on:change=move |e| value.set(event_target_value(&e).parse().unwrap_or(0))>
                {(1..=5u8).map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// The review form for `risk`; `close` hides it.
#[component]
pub fn ReviewForm(risk: RiskId, close: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let id = risk.clone();
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
                        view! { <ul class="app-duties">{r.kpis.iter().map(|(id, name)| view! { <li><a href=link(&kpi_path(id))>{name.clone()}</a></li> }).collect_view()}</ul> }.into_any()
                    }}</dd>
                    <dt>"Ambitions it threatens"</dt>
                    <dd>{if r.ambitions.is_empty() { "None linked".to_owned() } else { r.ambitions.join("; ") }}</dd>
                </dl>
                <table class="app-table app-table--compact" data-testid="review-history">
                    <caption class="app-table__caption">{format!("Reviews so far ({})", r.history.len())}</caption>
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"By"</th><th scope="col">"Residual"</th><th scope="col">"Note"</th></tr></thead>
                    <tbody>
                        {r.history.iter().rev().map(|review| view! {
                            <tr>
                                <th scope="row">{review.date.format("%-d %b %Y").to_string()}</th>
                                <td>{review.by.clone()}</td>
                                <td>{review.residual.to_string()}</td>
                                <td>{review.note.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <form class="app-subform" on:submit=save novalidate data-testid="review-form">
                <div class="app-inline-controls">
                    <div class="app-field">
                        <label class="app-label" for="review-date">"Date of the review"</label>
                        <input id="review-date" class="app-input app-input--medium" type="date" data-testid="review-date"
                            prop:value=move || date.get() on:input=move |e| date.set(event_target_value(&e)) />
                    </div>
                    {score_select("review-likelihood", "Likelihood now (1 to 5)", likelihood)}
                    {score_select("review-impact", "Impact now (1 to 5)", impact)}
                </div>
                <TextField id="review-by" label="Reviewed by" value=by />
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
