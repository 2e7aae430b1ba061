//! The shapes that tell RAG statuses apart without colour (WCAG 1.4.1): a cross in a circle for red, an
//! exclamation in a triangle for amber, a tick in a circle for green, a dash for anything not rated. One
//! definition for the app's badges and for reports exported as HTML.

use crate::domain::maths::rag::RagStatus;

/// The inner markup of a 16×16 icon for `status`.
pub const fn shapes(status: Option<RagStatus>) -> &'static str {
    match status {
        Some(RagStatus::Red) => {
            r#"<circle cx="8" cy="8" r="7"/><path d="M5 5l6 6M11 5l-6 6" class="app-rag__mark"/>"#
        }
        Some(RagStatus::Amber) => {
            r#"<path d="M8 1.5L15 14.5H1z"/><path d="M8 6v4M8 11.5v1.2" class="app-rag__mark"/>"#
        }
        Some(RagStatus::Green) => {
            r#"<circle cx="8" cy="8" r="7"/><path d="M4.5 8.3l2.3 2.3 4.7-4.9" class="app-rag__mark"/>"#
        }
        None => r#"<circle cx="8" cy="8" r="7"/><path d="M5 8h6" class="app-rag__mark"/>"#,
    }
}

/// The class that colours a badge for `status`.
pub const fn modifier(status: Option<RagStatus>) -> &'static str {
    match status {
        Some(RagStatus::Red) => "app-rag app-rag--red",
        Some(RagStatus::Amber) => "app-rag app-rag--amber",
        Some(RagStatus::Green) => "app-rag app-rag--green",
        None => "app-rag app-rag--none",
    }
}

/// A whole badge as HTML: icon, words (escaped by the caller) and colour class.
pub fn badge_html(status: Option<RagStatus>, escaped_label: &str) -> String {
    format!(
        r#"<span class="{}"><svg class="app-rag__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">{}</svg> <span class="app-rag__label">{escaped_label}</span></span>"#,
        modifier(status),
        shapes(status)
    )
}
