//! The golden thread as a tree, changes to the framework's structure, and the plan on a page.

pub mod plan_on_a_page;
pub mod structure_edit;
pub mod tree;
