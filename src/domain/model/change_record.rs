//! The change history: one record for each item a change touched, saying who made it, when, how (edited
//! here, imported from a file, merged from a colleague's file) and each field from what to what. Records
//! are only ever added; their ids are stable, so merging the same file twice adds nothing twice.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How a change came about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeWay {
    /// Made on a page of the app.
    Edited,
    /// Loaded from a spreadsheet, CSV or other file into the workspace.
    Imported,
    /// Merged in from a colleague's workspace file.
    Merged,
}

impl ChangeWay {
    /// Every way, in the order a filter offers them.
    pub const ALL: [ChangeWay; 3] = [ChangeWay::Edited, ChangeWay::Imported, ChangeWay::Merged];

    /// The way as people read it, with the file's name where there is one: "imported from \"q2.xlsx\"".
    pub fn describe(self, source: Option<&str>) -> String {
        match (self, source) {
            (ChangeWay::Edited, _) => "edited here".to_owned(),
            (ChangeWay::Imported, Some(file)) => format!("imported from \u{201c}{file}\u{201d}"),
            (ChangeWay::Imported, None) => "imported from a file".to_owned(),
            (ChangeWay::Merged, Some(file)) => format!("merged from \u{201c}{file}\u{201d}"),
            (ChangeWay::Merged, None) => "merged from a colleague's file".to_owned(),
        }
    }

    /// The way's name in a filter: "Edited here".
    pub fn label(self) -> &'static str {
        match self {
            ChangeWay::Edited => "Edited here",
            ChangeWay::Imported => "Imported from a file",
            ChangeWay::Merged => "Merged from a colleague's file",
        }
    }
}

/// One field of an item, from what to what. A field the item did not have (a new item, or a value not
/// given before) has no `before`; one it no longer has (a removed item) has no `after`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    /// The field as the file names it; a field within a field is joined by a dot ("targets.Apr 2026").
    pub field: String,
    /// The value before the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    /// The value after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
}

/// Who changed one item, when, how, and each field that changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeRecord {
    /// Stable id, made from what the record says, so the same record is never added twice.
    pub id: String,
    /// When the change was made.
    pub at: DateTime<Utc>,
    /// Who was at the keyboard, by name (empty when they had not said).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// How the change came about.
    pub how: ChangeWay,
    /// The file it came from, for an import or a merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The list the item is in, as the file names it ("framework" for the settings).
    pub list: String,
    /// The item's identity in its list: its id, or for a measurement "KPI id period".
    pub key: String,
    /// How people knew the item when it changed: "kpi-1 — Missed bins".
    pub label: String,
    /// Each field that changed.
    pub fields: Vec<FieldChange>,
}

impl ChangeRecord {
    /// The person's name, or words saying they had not given one.
    pub fn who(&self) -> &str {
        if self.by.trim().is_empty() {
            "someone who had not said who they were"
        } else {
            &self.by
        }
    }

    /// How the change came about, in words.
    pub fn how_made(&self) -> String {
        self.how.describe(self.source.as_deref())
    }
}
