//! A RAG rating as text, icon and colour together (never colour alone, WCAG 1.4.1): a cross in a circle for
//! red, an exclamation in a triangle for amber, a tick in a circle for green, a dash for anything not rated.
//! An override says so and carries its reason.

use leptos::prelude::*;

use crate::domain::rag::RagStatus;
use crate::domain::rating::Rating;

/// The shape that tells the status apart without colour.
#[component]
pub fn RagIcon(status: Option<RagStatus>) -> impl IntoView {
    let shape = match status {
        Some(RagStatus::Red) => view! {
            <circle cx="8" cy="8" r="7" />
            <path d="M5 5l6 6M11 5l-6 6" class="app-rag__mark" />
        }
        .into_any(),
        Some(RagStatus::Amber) => view! {
            <path d="M8 1.5L15 14.5H1z" />
            <path d="M8 6v4M8 11.5v1.2" class="app-rag__mark" />
        }
        .into_any(),
        Some(RagStatus::Green) => view! {
            <circle cx="8" cy="8" r="7" />
            <path d="M4.5 8.3l2.3 2.3 4.7-4.9" class="app-rag__mark" />
        }
        .into_any(),
        None => view! {
            <circle cx="8" cy="8" r="7" />
            <path d="M5 8h6" class="app-rag__mark" />
        }
        .into_any(),
    };
    view! {
        <svg class="app-rag__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            {shape}
        </svg>
    }
}

/// The CSS modifier for a status.
fn modifier(status: Option<RagStatus>) -> &'static str {
    match status {
        Some(RagStatus::Red) => "app-rag app-rag--red",
        Some(RagStatus::Amber) => "app-rag app-rag--amber",
        Some(RagStatus::Green) => "app-rag app-rag--green",
        None => "app-rag app-rag--none",
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
