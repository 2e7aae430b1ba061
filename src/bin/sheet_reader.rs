//! The spreadsheet reader's web worker, built by Trunk from index.html's worker link: it reads a chosen
//! file's sheets off the page's thread (`pmf::ui::browser::sheet_worker`).

/// Serves the page's requests to read a file.
#[cfg(target_arch = "wasm32")]
fn main() {
    pmf::ui::browser::sheet_worker::serve();
}

/// Natively there is nothing to serve: the reader runs in a browser's worker.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
