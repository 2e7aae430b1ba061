//! Assurance: the quarterly KPI audit, validation sheets, what each person has to review, and the
//! reporting calendar.

pub mod audit_entry;
pub mod kpi_audit;
pub mod reporting_calendar;
pub mod review_queue;
pub mod validation_sheet;
