//! Action plans and the lessons-learnt log: recording them, the SMART checklist, and the overview.

pub mod action_entry;
pub mod action_update;
pub mod lesson_entry;
pub mod overview;
pub mod smart;
