//! Components shared by more than one page.

pub mod chart_option;
pub mod data_table;
pub mod direction_mark;
pub mod echart;
mod echarts_script;
pub mod error_summary;
pub mod field_problems;
pub mod fields;
pub mod file_picker;
pub mod item_changes;
pub mod kpi_link;
pub mod mdc_marks;
pub mod outcome_message;
pub mod overdue_flag;
pub mod rag_badge;
pub mod risk_table;
pub mod rule_fields;
mod site_footer;
mod site_header;
pub mod skip_link;
mod status_banner;
mod who_am_i;

pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use status_banner::StatusBanner;
