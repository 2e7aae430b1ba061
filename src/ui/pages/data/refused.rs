//! Why a file was refused, with every problem and where it is; nothing has changed.

use leptos::prelude::*;

use crate::storage::import_error::{ImportError, Problem};

/// The most problems listed; a line says how many more there are.
const PROBLEMS_SHOWN: usize = 200;

/// Every problem, each with where it is.
#[component]
pub fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    let hidden = problems.len().saturating_sub(PROBLEMS_SHOWN);
    view! {
        <ul class="app-problem-list" data-testid="problems">
            {problems
                .into_iter()
                .take(PROBLEMS_SHOWN)
                .map(|p| view! { <li><code>{p.path}</code> ": " {p.message}</li> })
                .collect_view()}
        </ul>
        {(hidden > 0).then(|| view! { <p>"… and " {hidden} " more."</p> })}
    }
}

/// A refused file or merge: the reason, every problem, and the reassurance that nothing changed.
#[component]
pub fn ImportRefused(name: String, error: ImportError) -> impl IntoView {
    let (summary, problems) = match error {
        ImportError::Invalid(problems) => (
            format!(
                "{name} has {} problem{}:",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ),
            problems,
        ),
        other => (format!("{name}: {other}"), Vec::new()),
    };
    view! {
        <div class="app-banner app-banner--error" role="alert" data-testid="import-refused">
            <h3>"This cannot be imported"</h3>
            <p data-testid="import-error">{summary}</p>
            {(!problems.is_empty()).then(|| view! { <ProblemList problems=problems /> })}
            <p>"Nothing has changed: your workspace is as it was."</p>
        </div>
    }
}
