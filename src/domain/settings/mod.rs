//! The framework's own settings changed from forms: the council, its vision and reporting year, and the rules
//! every calculation follows (RAG, trend, SPC, roll-up), each checked whole before anything changes, with a
//! preview of what a new RAG rule would do to the ratings.

pub mod framework_form;
pub mod review_cycle_form;
pub mod rule_form;
pub mod rule_preview;
