//! The records a workspace file holds: the workspace and its framework settings, the golden thread's
//! parts, KPIs and their measurements, risks, actions, lessons learnt and benchmark values.

pub mod action;
pub mod audit;
pub mod benchmark;
pub mod change_record;
pub mod framework;
pub mod golden_thread;
pub mod kpi;
pub mod lesson;
pub mod measurement;
pub mod remembered_column;
pub mod risk;
pub mod workspace;
