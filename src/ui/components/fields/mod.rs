//! The form fields every editing form is built from: each a label, an optional hint, the problem with what was
//! entered (when there is one) and the control, wired to a signal, so that every form reads and behaves alike.

mod check_list;
mod date_field;
mod field_row;
mod number_field;
mod person_or_body_select;
mod person_select;
mod select;
mod text_area;
mod text_field;

pub use check_list::CheckList;
pub use date_field::DateField;
pub use number_field::NumberField;
pub use person_or_body_select::PersonOrBodySelect;
pub use person_select::{PersonSelect, RecordedAs, Who, person_choices, person_words};
pub use select::{Choice, Select, coded};
pub use text_area::TextArea;
pub use text_field::{TextField, Width};
