//! The pure domain core: the framework model and the performance mathematics.
//!
//! Nothing here touches the browser (no leptos, web-sys, js-sys, gloo, wasm-bindgen or charming), so all of
//! it is tested natively with `cargo test`.

pub mod action;
pub mod action_entry;
pub mod action_overview;
pub mod aggregation;
pub mod assessment;
pub mod audit_entry;
pub mod benchmark;
pub mod calendar_timings;
pub mod data_quality;
pub mod forecast;
pub mod framework;
pub mod golden_thread;
pub mod ids;
pub mod kpi;
pub mod kpi_audit;
pub mod kpi_cycle;
pub mod kpi_history;
pub mod lesson;
pub mod lesson_entry;
pub mod measurement;
pub mod measurement_entry;
pub mod performance_report;
pub mod period;
pub mod plan_on_a_page;
pub mod presentation;
pub mod rag;
pub mod rating;
pub mod report_table;
pub mod reporting_calendar;
pub mod review_queue;
pub mod risk;
pub mod risk_register;
pub mod risk_review_entry;
pub mod rollup;
pub mod run_chart;
pub mod scorecard;
pub mod scorecard_entry;
pub mod scorecard_filter;
pub mod seeded_random;
pub mod smart;
pub mod spc;
pub mod stats;
pub mod structure_edit;
pub mod thread_tree;
pub mod trend;
pub mod unit;
pub mod validation_sheet;
pub mod workspace;
