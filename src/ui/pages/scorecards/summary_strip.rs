//! The strip above the scorecard: how many KPIs are red, amber and green and how that moved since each KPI's
//! previous period, what is not rated and why, the overrides, and the two flags that need attention. Each
//! count narrows the table to those KPIs.

use leptos::prelude::*;

use super::Shown;
use crate::domain::kpi::rollup::movement_since;
use crate::domain::maths::rag::RagStatus;
use crate::domain::scorecard::filter::RagFilter;
use crate::ui::components::rag_badge::RagIcon;
use crate::ui::pages::scorecards::view::ScorecardView;

/// The summary strip.
#[component]
pub fn SummaryStrip(
    shown: Memo<Shown>,
    view: Memo<ScorecardView>,
    apply: Callback<ScorecardView>,
) -> impl IntoView {
    let toggle = move |filter: RagFilter| {
        let mut next = view.get_untracked();
        next.filter.rag = (next.filter.rag != Some(filter)).then_some(filter);
        apply.run(next);
    };
    let pressed =
        move |filter: RagFilter| move || view.with(|v| v.filter.rag == Some(filter)).to_string();
    let rag_item = move |status: RagStatus, filter: RagFilter| {
        view! {
            <li class="app-summary__item">
                <button type="button" class="app-summary__button" data-testid=format!("summary-{}", status.label().to_lowercase())
                    aria-pressed=pressed(filter) on:click=move |_| toggle(filter)>
                    <span class=format!("app-rag app-rag--{}", status.label().to_lowercase())>
                        <RagIcon status=Some(status) />
                        <span class="app-summary__count">{move || shown.with(|s| s.summary.now.of(status))}</span>
                        " " {status.label()}
                    </span>
                    <span class="app-summary__change">
                        {move || shown.with(|s| movement_since(s.summary.now.of(status), s.summary.previous.of(status)))}
                    </span>
                </button>
            </li>
        }
    };
    let flag_item = move |filter: RagFilter, count: fn(&Shown) -> usize| {
        view! {
            <li class="app-summary__item">
                <button type="button" class="app-summary__button" data-testid=format!("summary-{}", crate::ui::address::value_code::code(&filter).unwrap_or_default())
                    aria-pressed=pressed(filter) on:click=move |_| toggle(filter)>
                    <span class="app-summary__count">{move || shown.with(count)}</span>
                    " " {filter.label().to_lowercase()}
                </button>
            </li>
        }
    };
    let not_rated = move || {
        shown.with(|s| {
            let n = &s.summary.now;
            [
                ("baseline", n.baseline),
                ("contextual", n.contextual),
                ("in development", n.in_development),
                ("no data or no target", n.no_data),
            ]
            .into_iter()
            .filter(|(_, count)| *count > 0)
            .map(|(what, count)| format!("{count} {what}"))
            .collect::<Vec<_>>()
            .join(", ")
        })
    };
    view! {
        <section class="app-summary" aria-labelledby="summary-heading" data-testid="scorecard-summary">
            <h3 id="summary-heading" class="app-visually-hidden">"Summary"</h3>
            <p class="app-summary__lead" data-testid="summary-shown">
                {move || shown.with(|s| format!("Showing {} of {} KPIs", s.lines.len(), s.total))}
                {move || shown.with(|s| {
                    let overridden = s.summary.now.overridden;
                    (overridden > 0).then(|| format!("; {overridden} RAG {} set by hand", if overridden == 1 { "rating" } else { "ratings" }))
                })}
                "."
            </p>
            <ul class="app-summary__list">
                {rag_item(RagStatus::Red, RagFilter::Red)}
                {rag_item(RagStatus::Amber, RagFilter::Amber)}
                {rag_item(RagStatus::Green, RagFilter::Green)}
                {flag_item(RagFilter::NeedsActionPlan, |s| s.summary.needs_action_plan)}
                {flag_item(RagFilter::GreenButDeclining, |s| s.summary.green_but_declining)}
            </ul>
            <p class="app-summary__not-rated">
                {move || {
                    let text = not_rated();
                    if text.is_empty() { String::new() } else { format!("Not rated: {text}.") }
                }}
            </p>
        </section>
    }
}
