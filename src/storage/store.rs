//! What the app needs of a key-value store such as the browser's local storage, so that saving, loading and
//! two tabs sharing one storage are plain Rust, tested natively against [`MemoryStore`]. The browser's own
//! storage is `super::local::BrowserStore`.

use std::collections::BTreeMap;
use std::fmt;

/// Why the storage could not be used.
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
                 here on the page, and the app tries again every few seconds and after every change: free some \
                 space, or export the workspace now to keep them."
            ),
            StorageError::Failed(reason) => write!(
                f,
                "Your latest changes could not be saved ({reason}). They are still here on the page, and the app \
                 tries again every few seconds: export the workspace to keep them."
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

/// A store of text values by key, as local storage is.
pub trait KeyValueStore {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Puts `value` under `key`; on failure the old value stays.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key` and its value.
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
}

/// A store in memory with an optional capacity in UTF-16 code units (keys and values, as browsers count),
/// for tests of saving, of a full storage and of several tabs sharing one storage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    values: BTreeMap<String, String>,
    capacity: Option<usize>,
}

impl MemoryStore {
    /// An empty store with no limit.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the most the store holds, in UTF-16 code units; `None` for no limit.
    pub fn set_capacity(&mut self, capacity: Option<usize>) {
        self.capacity = capacity;
    }

    /// The UTF-16 code units held.
    pub fn used(&self) -> usize {
        self.values.iter().map(|(k, v)| units(k) + units(v)).sum()
    }
}

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.values.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(capacity) = self.capacity {
            let replaced = self
                .values
                .get(key)
                .map_or(0, |old| units(key) + units(old));
            if self.used() - replaced + units(key) + units(value) > capacity {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.values.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.values.remove(key);
        Ok(())
    }
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
    fn messages_say_the_work_is_still_on_the_page_and_will_be_tried_again() {
        let full = StorageError::QuotaExceeded.to_string();
        assert!(full.contains("still here on the page"), "{full}");
        assert!(full.contains("tries again"), "{full}");
        assert!(full.contains("export the workspace now"), "{full}");
    }

    #[test]
    fn a_memory_store_refuses_what_would_pass_its_capacity_and_keeps_the_old_value() {
        let mut store = MemoryStore::new();
        // "key" (3 units) + "abcd" (4 units) = 7 units held.
        store.set("key", "abcd").unwrap();
        store.set_capacity(Some(10));
        // Replacing "abcd" by seven characters makes 3 + 7 = 10 units: exactly full, allowed.
        store.set("key", "abcdefg").unwrap();
        // Eight characters would make 11 units: refused, and the seven stay.
        assert_eq!(
            store.set("key", "abcdefgh"),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.get("key").unwrap().as_deref(), Some("abcdefg"));
        // A character outside the Basic Multilingual Plane is two UTF-16 units, as browsers count it.
        store.remove("key").unwrap();
        store.set("k", "😀😀😀😀").unwrap(); // 1 + 8 = 9 units
        assert_eq!(store.used(), 9);
        assert_eq!(
            store.set("k", "😀😀😀😀😀"),
            Err(StorageError::QuotaExceeded)
        );
    }
}
