//! The problems a form's save found, held for the form: each field shows its own beside it, and the error
//! summary lists them all, each pointing at its control.

use leptos::prelude::*;

use crate::domain::basics::field_problem::FieldProblem;
use crate::ui::components::error_summary::sentence;

/// The problems of a form whose fields are `F`.
pub struct FieldProblems<F: Send + Sync + 'static> {
    list: RwSignal<Vec<FieldProblem<F>>>,
}

impl<F: Send + Sync + 'static> Clone for FieldProblems<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Send + Sync + 'static> Copy for FieldProblems<F> {}

impl<F: Copy + PartialEq + Send + Sync + 'static> FieldProblems<F> {
    /// No problems yet.
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
        }
    }

    /// Shows `found` in place of what was shown.
    pub fn show(self, found: Vec<FieldProblem<F>>) {
        self.list.set(found);
    }

    /// Shows the one problem `message`, against `field`.
    pub fn show_one(self, field: F, message: impl Into<String>) {
        self.list.set(vec![FieldProblem::new(field, message)]);
    }

    /// Shows none.
    pub fn clear(self) {
        self.list.set(Vec::new());
    }

    /// What is wrong with `field`, every problem with it in one sentence or more; none while it is right.
    pub fn error(self, field: F) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.list.with(|problems| {
                let messages: Vec<String> = problems
                    .iter()
                    .filter(|p| p.field == field)
                    .map(|p| sentence(&p.message))
                    .collect();
                (!messages.is_empty()).then(|| messages.join(" "))
            })
        })
    }

    /// Every problem for the error summary, each with the id of the control `control` says it is about.
    pub fn summary<S: Into<String>>(
        self,
        control: impl Fn(F) -> S + Send + Sync + 'static,
    ) -> Signal<Vec<(String, String)>> {
        Signal::derive(move || {
            self.list.with(|problems| {
                problems
                    .iter()
                    .map(|p| (control(p.field).into(), p.message.clone()))
                    .collect()
            })
        })
    }
}

impl<F: Copy + PartialEq + Send + Sync + 'static> Default for FieldProblems<F> {
    fn default() -> Self {
        Self::new()
    }
}
