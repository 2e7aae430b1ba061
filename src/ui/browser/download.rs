//! Saving files to the user's computer: a Blob and a temporary link, no server involved.

use chrono::Utc;
use wasm_bindgen::JsCast;

use crate::domain::model::workspace::Workspace;
use crate::storage::envelope::to_file;

/// Offers `text` as a download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    download(filename, mime, &wasm_bindgen::JsValue::from_str(text))
}

/// Offers `text` as a CSV download named `filename`, with the byte-order mark Excel needs to read it as UTF-8
/// (without it, Excel shows "£" as "Â£"). Every CSV the app offers goes through here.
pub fn download_csv(filename: &str, text: &str) -> Result<(), String> {
    download_text(
        filename,
        "text/csv;charset=utf-8",
        &format!("\u{feff}{text}"),
    )
}

/// Offers `bytes` (a workbook) as a download named `filename`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download(filename, mime, &js_sys::Uint8Array::from(bytes))
}

/// Offers `part`, a string or a byte array, as a download named `filename`.
fn download(filename: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    let describe = |error: wasm_bindgen::JsValue| format!("{error:?}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.set_rel("noopener");
    let body = document.body().ok_or("no body")?;
    body.append_child(&link).map_err(describe)?;
    link.click();
    link.remove();
    web_sys::Url::revoke_object_url(&url).map_err(describe)?;
    Ok(())
}

/// `text` in lower case with every run of other characters than ASCII letters and digits made one `-`.
pub fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A file name from the council's name, what the file holds and today's date:
/// `wealdshire-county-council-workspace-2025-01-31.json`, `wealdshire-county-council-reporting-calendar-2025-01-31.ics`.
pub fn file_name(council: &str, suffix: &str, extension: &str) -> String {
    let slug = slug(council);
    let slug = if slug.is_empty() {
        "workspace".to_owned()
    } else {
        slug
    };
    format!(
        "{slug}-{}-{}.{extension}",
        self::slug(suffix),
        Utc::now().format("%Y-%m-%d")
    )
}

/// Downloads the whole workspace as a file a colleague can import.
pub fn export_workspace(workspace: &Workspace) -> Result<(), String> {
    let text = to_file(workspace, Utc::now(), env!("CARGO_PKG_VERSION"));
    download_text(
        &file_name(&workspace.framework.council_name, "workspace", "json"),
        "application/json",
        &text,
    )
}
