//! Reports for committees: the performance report, its tables, and the presentation slides.

pub mod kpi_register;
pub mod performance_report;
pub mod presentation;
pub mod report_table;
