//! The golden thread as a tree, changes to the framework's structure, its people, roles and committees, and
//! the plan on a page.

pub mod committee_form;
pub mod objective_form;
pub mod person_form;
pub mod person_handover;
pub mod plan_form;
pub mod plan_on_a_page;
pub mod record_slot;
pub mod role_form;
pub mod structure_edit;
pub mod tree;
