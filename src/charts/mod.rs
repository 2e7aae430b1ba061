//! Charts as pure functions from domain data to a `charming::Chart` (an ECharts option). They are tested
//! natively by reading the option back as JSON; components only render, update and dispose them. Every chart
//! has a data table and a one-sentence summary beside it on the page, so nothing rests on the picture.

pub mod benchmark_chart;
pub mod spc_chart;
pub mod trend_chart;
