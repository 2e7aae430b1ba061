//! The browser's local storage: the only module that touches it. [`BrowserStore`] is the
//! [`KeyValueStore`] that [`super::stored_workspace`] loads from and saves to; it reads the browser's own
//! exception so a full storage is told apart from any other failure.

use wasm_bindgen::JsCast;

use super::store::{KeyValueStore, StorageError, classify};

/// This site's local storage.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserStore;

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|error| exception(&error))?
        .ok_or(StorageError::Unavailable)
}

fn exception(error: &wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(dom) => classify(&dom.name(), dom.code(), &dom.message()),
        None => StorageError::Failed(
            error
                .as_string()
                .unwrap_or_else(|| "unknown error".to_owned()),
        ),
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        storage()?.get_item(key).map_err(|error| exception(&error))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        storage()?
            .set_item(key, value)
            .map_err(|error| exception(&error))
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        storage()?
            .remove_item(key)
            .map_err(|error| exception(&error))
    }
}
