//! Moving in from spreadsheets: a council's KPI register, targets and returns read from its own sheets, checked
//! whole before anything changes. [`open`] tells a workbook from a CSV file and refuses anything else;
//! [`workbook`] reads .xlsx and .ods sheets; [`sheet`] holds a sheet's cells; [`headings`] works out what each column holds
//! from its heading, and [`column_memory`] remembers what a person chose instead; [`period_forms`], [`cell_figure`] and [`field_words`] read periods, figures and words as
//! councils print them, each reading said back; [`plan`] turns a sheet into the KPIs, figures and targets to
//! record, with every problem at its row and column, and applies it; [`reconcile`] lists where the council's
//! published RAG differs from the app's rating; [`template`] is the sheet offered to fill in. The rules and defaults are in docs/spreadsheet-import.md.

pub mod cell_figure;
pub mod column_letters;
pub mod column_memory;
pub mod field_words;
pub mod headings;
pub mod named_records;
pub mod ods_percentages;
pub mod open;
pub mod period_forms;
pub mod plan;
pub mod reconcile;
pub mod register_export;
pub mod rule_check;
pub mod sheet;
pub mod sheet_out;
pub mod template;
pub mod workbook;
pub mod xlsx_writer;
pub mod zip_package;
