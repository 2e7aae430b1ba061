//! What the change history says, for people: each field change as a line in words (change_line), the
//! changes about one item, or a KPI and its figures (item_changes), and the workspace-wide log with its filters
//! (change_log).

pub mod change_line;
pub mod change_log;
pub mod item_changes;
