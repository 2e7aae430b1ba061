//! Reports for committees and the council at a glance: the front page's overview, the performance report, its tables, and the presentation slides.

pub mod council_overview;
pub mod kpi_register;
pub mod performance_report;
pub mod presentation;
pub mod report_table;
