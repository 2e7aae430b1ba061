//! A RAG rating as text, icon and colour together (never colour alone, WCAG 1.4.1): a cross in a circle for
//! red, an exclamation in a triangle for amber, a tick in a circle for green, a dash for anything not rated.
//! An override says so and carries its reason.

use leptos::prelude::*;

use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::RagStatus;
use crate::render::rag_icon::{modifier, shapes};

/// The shape that tells the status apart without colour.
#[component]
pub fn RagIcon(status: Option<RagStatus>) -> impl IntoView {
    view! {
        <svg class="app-rag__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"
            inner_html=shapes(status)></svg>
    }
}

/// A rating: icon, words and colour; an override also shows who set it and why.
#[component]
pub fn RagBadge(rating: Rating) -> impl IntoView {
    let status = rating.status();
    let override_note = match &rating {
        Rating::Overridden {
            reason,
            by,
            computed,
            ..
        } => Some(format!(
            "Set by {by}{}: {reason}",
            computed
                .map(|c| format!(" (calculated {})", c.label().to_lowercase()))
                .unwrap_or_default()
        )),
        _ => None,
    };
    view! {
        <span class=modifier(status) data-testid="rag">
            <RagIcon status=status />
            <span class="app-rag__label">{rating.label()}</span>
        </span>
        {override_note.map(|note| view! { <span class="app-rag__reason" data-testid="rag-override">{note}</span> })}
    }
}

/// A plain status (a forecast RAG, say), with the same icon, words and colour.
#[component]
pub fn RagStatusBadge(
    status: Option<RagStatus>,
    #[prop(into)] none_label: String,
) -> impl IntoView {
    view! {
        <span class=modifier(status)>
            <RagIcon status=status />
            <span class="app-rag__label">{status.map_or(none_label, |s| s.label().to_owned())}</span>
        </span>
    }
}
