//! A problem with what a form holds, against the field it is about: every editing command returns all of
//! its problems this way, so the form can list them above itself and show each beside its field.

/// A problem with a form, against its field (`F`: the form's own list of fields).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem<F> {
    /// Which field.
    pub field: F,
    /// What to do about it, in plain English.
    pub message: String,
}

impl<F> FieldProblem<F> {
    /// The problem `message` with `field`.
    pub fn new(field: F, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}
