//! The browser's local storage: the only module that touches it. One key for the workspace, one for the
//! restore point an import keeps, and recovery keys where unreadable data is kept aside, never overwritten.

use std::fmt;

use chrono::{DateTime, Utc};
use wasm_bindgen::JsCast;

use super::envelope::{MAX_FILE_BYTES, to_compact};
use super::import_error::ImportError;
use super::packed::{pack, unpack};
use super::restore::{Restored, restore};
use crate::domain::workspace::Workspace;

/// The workspace the app is working on.
pub const WORKSPACE_KEY: &str = "council-pmf.workspace";
/// The workspace as it was before the last import, for "Undo last import".
pub const RESTORE_POINT_KEY: &str = "council-pmf.restore-point";
/// Stored data that could not be read, kept aside for download. Never written over.
pub const RECOVERY_KEY: &str = "council-pmf.recovery";

/// Why local storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no local storage (private browsing in some browsers, or storage turned off).
    Unavailable,
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// Any other failure, with the browser's own words.
    Failed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(
                f,
                "This browser is not letting the app save anything (storage may be turned off, or this is a \
                 private window). Your work stays on this page until you close it: export it to keep it."
            ),
            StorageError::QuotaExceeded => write!(
                f,
                "The browser's storage for this site is full, so your latest changes are not saved. They are still \
                 here on the page: export the workspace now to keep them."
            ),
            StorageError::Failed(reason) => write!(
                f,
                "Your latest changes could not be saved ({reason}). They are still here on the page: export the \
                 workspace to keep them."
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// Names a browser's storage exception: Chromium's `QuotaExceededError`, Firefox's
/// `NS_ERROR_DOM_QUOTA_REACHED` and Safari's code 22 all mean the storage is full.
pub fn classify(name: &str, code: u16, message: &str) -> StorageError {
    if name == "QuotaExceededError"
        || name == "NS_ERROR_DOM_QUOTA_REACHED"
        || code == 22
        || code == 1014
    {
        StorageError::QuotaExceeded
    } else if name == "SecurityError" {
        StorageError::Unavailable
    } else {
        StorageError::Failed(if message.is_empty() {
            name.to_owned()
        } else {
            message.to_owned()
        })
    }
}

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

fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(|error| exception(&error))
}

fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?
        .set_item(key, value)
        .map_err(|error| exception(&error))
}

fn remove(key: &str) -> Result<(), StorageError> {
    storage()?
        .remove_item(key)
        .map_err(|error| exception(&error))
}

/// What was found in storage at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet: a first visit.
    Nothing,
    /// A saved workspace and, if an import can be undone, the restore point.
    Workspace {
        /// The workspace.
        restored: Box<Restored>,
        /// The workspace before the last import.
        restore_point: Option<Box<Workspace>>,
    },
    /// Saved data that could not be read; it has been kept aside under [`RECOVERY_KEY`].
    Unreadable(ImportError),
}

/// Reads the saved workspace. Unreadable data is copied to [`RECOVERY_KEY`] (unless something is already
/// kept there) before anything else happens, so no later save can lose it.
pub fn load() -> Result<Loaded, StorageError> {
    let Some(text) = read(WORKSPACE_KEY)? else {
        return Ok(Loaded::Nothing);
    };
    match restore_stored(&text) {
        Ok(restored) => {
            let restore_point = read(RESTORE_POINT_KEY)?
                .and_then(|point| restore_stored(&point).ok())
                .map(|point| Box::new(point.workspace));
            Ok(Loaded::Workspace {
                restored: Box::new(restored),
                restore_point,
            })
        }
        Err(error) => {
            if read(RECOVERY_KEY)?.is_none() {
                write(RECOVERY_KEY, &text)?;
            }
            remove(WORKSPACE_KEY)?;
            Ok(Loaded::Unreadable(error))
        }
    }
}

/// Stored text through the one restore path, unpacked first (see [`super::packed`]).
fn restore_stored(text: &str) -> Result<Restored, ImportError> {
    restore(&unpack(text, MAX_FILE_BYTES)?)
}

/// What a save wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The text written for the workspace, so the caller can tell its own writes from another tab's.
    pub text: String,
    /// False when the workspace was saved but there was no room left for the restore point, which was
    /// cleared rather than left stale: undo then works only while the page stays open.
    pub restore_point_kept: bool,
}

/// Saves the workspace, packed, then the restore point (or clears it). The workspace comes first: when the
/// quota holds it but not both, the work is safe and only the undo copy is lost (see [`Saved`]).
pub fn save(
    workspace: &Workspace,
    restore_point: Option<&Workspace>,
    now: DateTime<Utc>,
    app_version: &str,
) -> Result<Saved, StorageError> {
    let text = pack(&to_compact(workspace, now, app_version));
    write(WORKSPACE_KEY, &text)?;
    let restore_point_kept = match restore_point {
        Some(point) => match write(
            RESTORE_POINT_KEY,
            &pack(&to_compact(point, now, app_version)),
        ) {
            Ok(()) => true,
            Err(StorageError::QuotaExceeded) => {
                remove(RESTORE_POINT_KEY)?;
                false
            }
            Err(other) => return Err(other),
        },
        None => {
            remove(RESTORE_POINT_KEY)?;
            true
        }
    };
    Ok(Saved {
        text,
        restore_point_kept,
    })
}

/// The data kept aside because it could not be read, if any.
pub fn recovery() -> Result<Option<String>, StorageError> {
    read(RECOVERY_KEY)
}

/// Forgets the data kept aside (after the user has downloaded it).
pub fn discard_recovery() -> Result<(), StorageError> {
    remove(RECOVERY_KEY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browsers_quota_error_is_recognised() {
        assert_eq!(
            classify("QuotaExceededError", 22, "quota"),
            StorageError::QuotaExceeded
        );
        assert_eq!(
            classify("NS_ERROR_DOM_QUOTA_REACHED", 1014, ""),
            StorageError::QuotaExceeded
        );
        assert_eq!(
            classify("Error", 22, ""),
            StorageError::QuotaExceeded,
            "Safari reports code 22"
        );
        assert_eq!(
            classify("SecurityError", 18, "denied"),
            StorageError::Unavailable
        );
        assert_eq!(
            classify("InvalidStateError", 11, "closed"),
            StorageError::Failed("closed".to_owned())
        );
    }

    #[test]
    fn messages_say_the_work_is_still_on_the_page() {
        assert!(
            StorageError::QuotaExceeded
                .to_string()
                .contains("export the workspace now")
        );
    }
}
