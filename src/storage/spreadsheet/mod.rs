//! Moving in from spreadsheets: a council's KPI register, targets and returns read from its own sheets. This
//! folder reads: a sheet's cells ([`sheet`]), what each column holds from its heading ([`headings`]), the
//! periods ([`period_forms`]) and figures ([`cell_figure`]) as councils print them, each reading said back.

pub mod cell_figure;
pub mod field_words;
pub mod headings;
pub mod period_forms;
pub mod plan;
pub mod reconcile;
pub mod sheet;
