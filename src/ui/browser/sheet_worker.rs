//! The spreadsheet reader's web worker, both ends. Reading a workbook is a few passes over every cell, each
//! a single call into the workbook reader that takes 100 to 400 ms on a 5,000-row sheet, too long for one task
//! of the page; in a worker the page stays free to respond, and a file that stops the reader part way ends
//! the worker, not the page.
//!
//! The page starts the worker (from the script named by index.html's [`WORKER_SCRIPT_META`]: Trunk builds it
//! from `src/bin/sheet_reader.rs` and `.ci/name-worker.mjs` names it), waits for its first message (it is ready: a message sent before then would be
//! lost), sends the file's name and bytes, and receives the sheets, or why they cannot be read, as JSON.

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::storage::spreadsheet::open::read_sheets;
use crate::storage::spreadsheet::sheet::Sheet;

/// index.html's element naming the script that starts the worker (its name carries a hash of its content).
const WORKER_SCRIPT_META: &str = "meta[name=\"pmf-sheet-reader\"]";

/// What the worker answers: the sheets, or why they cannot be read, in words.
type Reply = Result<Vec<Sheet>, String>;

/// The sheets of the file called `name`, read in the worker; what is wrong, in words, when they cannot be.
pub async fn read_sheets_in_worker(name: &str, bytes: Vec<u8>) -> Reply {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let script = worker_script().ok_or_else(not_started)?;
    let worker = Worker::new_with_options(&script, &options).map_err(|_| not_started())?;
    let reply = exchange(&worker, name, bytes).await;
    worker.terminate();
    reply
}

/// The address of the script that starts the worker, from index.html.
fn worker_script() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(WORKER_SCRIPT_META)
        .ok()??
        .get_attribute("content")
}

/// Waits for the worker to be ready, sends it the file and waits for its answer.
async fn exchange(worker: &Worker, name: &str, bytes: Vec<u8>) -> Reply {
    next_message(worker).await.map_err(|_| not_started())?;
    let buffer = Uint8Array::from(bytes.as_slice()).buffer();
    let request = Array::of2(&JsValue::from_str(name), &buffer);
    worker
        .post_message_with_transfer(&request, &Array::of1(&buffer))
        .map_err(|_| not_started())?;
    let answer = next_message(worker).await.map_err(|_| stopped())?;
    answer
        .as_string()
        .and_then(|json| serde_json::from_str::<Reply>(&json).ok())
        .unwrap_or_else(|| Err(stopped()))
}

/// The data of the worker's next message, or the error event if it fails first.
async fn next_message(worker: &Worker) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
        worker.set_onmessageerror(Some(&reject));
    });
    let event: MessageEvent = JsFuture::from(promise).await?.unchecked_into();
    Ok(event.data())
}

/// Why there are no sheets when the worker could not be started.
fn not_started() -> String {
    "the spreadsheet reader could not be started. Reload the page and choose the file again."
        .to_owned()
}

/// Why there are no sheets when the worker stopped while reading.
fn stopped() -> String {
    "the file stopped the spreadsheet reader part way, so it may be damaged. Open it in Excel or LibreOffice, \
     save it again as .xlsx, and choose that file."
        .to_owned()
}

/// Inside the worker: answers each message (the file's name and bytes) with its sheets as JSON, after saying
/// it is ready.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request: Array = event.data().unchecked_into();
        let name = request.get(0).as_string().unwrap_or_default();
        let bytes = Uint8Array::new(&request.get(1)).to_vec();
        let reply: Reply = read_sheets(&name, &bytes).map_err(|problem| problem.to_string());
        let json = serde_json::to_string(&reply).unwrap_or_default();
        // The page waits for this answer; if it cannot be sent the page's error handler says so.
        let _ = replies.post_message(&JsValue::from_str(&json));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page wants it: the handler with it.
    on_message.forget();
    let _ = scope.post_message(&JsValue::NULL);
}
