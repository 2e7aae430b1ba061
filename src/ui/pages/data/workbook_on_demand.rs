//! Writing an Excel workbook (the template, the register export), from a module of its own: the writer
//! (`rust_xlsxwriter` and zip) is fetched the first time a person asks for a workbook, not with the Data page.
//!
//! With the cargo feature `split` the writing is a Leptos `#[lazy]` function, which `.ci/split-wasm.mjs` puts in
//! its own module; without it (the wasm-bindgen-test tier) it is the same writing, called directly.

use crate::storage::spreadsheet::sheet_out::SheetOut;
use crate::storage::spreadsheet::xlsx_writer::workbook_bytes;

/// The media type of an .xlsx workbook.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `sheet` as an .xlsx workbook's bytes, written by the module that holds the workbook writer.
#[cfg(feature = "split")]
#[leptos::lazy]
pub fn write_workbook_on_demand(sheet: SheetOut) -> Result<Vec<u8>, String> {
    workbook_bytes(&sheet)
}

/// `sheet` as an .xlsx workbook's bytes.
#[cfg(not(feature = "split"))]
pub async fn write_workbook_on_demand(sheet: SheetOut) -> Result<Vec<u8>, String> {
    workbook_bytes(&sheet)
}
