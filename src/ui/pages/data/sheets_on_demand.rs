//! Reading a chosen spreadsheet file, from a module of its own: the workbook reader (`calamine`, zip and XML)
//! is fetched the first time a person chooses a file to import as a spreadsheet, not with the Data page. A
//! workbook is read one pass over one sheet at a time, the browser free to respond between passes.
//!
//! With the cargo feature `split` the reading is a Leptos `#[lazy]` function, which `.ci/split-wasm.mjs` puts in
//! its own module; without it (the wasm-bindgen-test tier) it is the same reading, called directly.

use crate::storage::spreadsheet::open::{OpenedFile, open_file};
use crate::storage::spreadsheet::sheet::{Sheet, SheetError};
use crate::ui::browser::yield_now::yield_to_browser;

/// The sheets of the file called `name`, read by the module that holds the workbook reader.
#[cfg(feature = "split")]
#[leptos::lazy]
pub async fn read_sheets_on_demand(name: String, bytes: Vec<u8>) -> Result<Vec<Sheet>, SheetError> {
    read_in_passes(&name, &bytes).await
}

/// The sheets of the file called `name`.
#[cfg(not(feature = "split"))]
pub async fn read_sheets_on_demand(name: String, bytes: Vec<u8>) -> Result<Vec<Sheet>, SheetError> {
    read_in_passes(&name, &bytes).await
}

/// Reads the file, yielding to the browser after each pass over a workbook's sheet.
async fn read_in_passes(name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, SheetError> {
    match open_file(name, bytes)? {
        OpenedFile::Sheets(sheets) => Ok(sheets),
        OpenedFile::Workbook(mut reading) => {
            while !reading.advance()? {
                yield_to_browser().await;
            }
            reading.finish()
        }
    }
}
