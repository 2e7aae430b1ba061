//! What the app works out about one KPI: its rating and roll-ups, its assessment at a period, its history,
//! data-quality notes, its life cycle, recording a period's figures and signing them off, and editing its definition and targets.

pub mod assessment;
pub mod benchmark_entry;
pub mod cycle;
pub mod data_quality;
pub mod history;
pub mod kpi_form;
pub mod mdc_icons;
pub mod measurement_entry;
pub mod rating;
pub mod rollup;
pub mod signoff_step;
pub mod target_profile;
