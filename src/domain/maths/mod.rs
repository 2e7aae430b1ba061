//! The performance mathematics, independent of any one record: RAG rules, trends, aggregation over
//! periods, forecasts, SPC (XmR charts) and run charts.

pub mod aggregation;
pub mod forecast;
pub mod nelder_mead;
pub mod rag;
pub mod run_chart;
pub mod spc;
pub mod trend;
