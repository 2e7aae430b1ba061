//! Reading a chosen spreadsheet file, from a module of its own: the page's side of the spreadsheet reader's
//! worker (starting it, sending the file, turning its answer back into sheets: `ui/browser/sheet_worker.rs`)
//! is fetched the first time a person chooses a file to import as a spreadsheet, not with the Data page; the
//! workbook reader itself (`calamine`, zip and XML) is only in the worker, which reads off the page's thread.
//!
//! With the cargo feature `split` this is a Leptos `#[lazy]` function, which `.ci/split-wasm.mjs` puts in its
//! own module; without it (the wasm-bindgen-test tier) it is the same function, called directly.

use crate::storage::spreadsheet::sheet::Sheet;
use crate::ui::browser::sheet_worker::read_sheets_in_worker;

/// The sheets of the file called `name`, read in the worker; what is wrong, in words, when they cannot be.
#[cfg(feature = "split")]
#[leptos::lazy]
pub async fn read_sheets_on_demand(name: String, bytes: Vec<u8>) -> Result<Vec<Sheet>, String> {
    read_sheets_in_worker(&name, bytes).await
}

/// The sheets of the file called `name`, read in the worker; what is wrong, in words, when they cannot be.
#[cfg(not(feature = "split"))]
pub async fn read_sheets_on_demand(name: String, bytes: Vec<u8>) -> Result<Vec<Sheet>, String> {
    read_sheets_in_worker(&name, bytes).await
}
