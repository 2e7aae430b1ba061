//! The file envelope: what a workspace file says about itself, around the workspace.
//!
//! ```json
//! { "format": "council-pmf-workspace", "schema_version": 1, "exported_at": "2025-01-31T09:00:00Z",
//!   "app_version": "0.1.0", "workspace": { … } }
//! ```

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::pretty_json::indent;
use crate::domain::model::workspace::Workspace;

/// The value of the envelope's `format` field.
pub const FORMAT: &str = "council-pmf-workspace";
/// The schema version this app writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 2;
/// The largest file accepted, in bytes (64 MiB: about 2,500 KPIs with five years of monthly values and
/// commentary; a 1,000-KPI, five-year workspace is about 27 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The envelope's fields, in the order they are written.
pub const ENVELOPE_FIELDS: [&str; 5] = [
    "format",
    "schema_version",
    "exported_at",
    "app_version",
    "workspace",
];

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    schema_version: u32,
    exported_at: DateTime<Utc>,
    app_version: &'a str,
    workspace: &'a Workspace,
}

/// The workspace as a file a colleague can import: indented JSON in the envelope (the compact text,
/// indented: see [`super::pretty_json`]).
pub fn to_file(workspace: &Workspace, exported_at: DateTime<Utc>, app_version: &str) -> String {
    indent(&to_compact(workspace, exported_at, app_version))
}

/// The workspace in the envelope as compact JSON, for storage.
pub fn to_compact(workspace: &Workspace, exported_at: DateTime<Utc>, app_version: &str) -> String {
    serde_json::to_string(&envelope(workspace, exported_at, app_version))
        .expect("a workspace always serialises: every key is a string and every number finite")
}

fn envelope<'a>(
    workspace: &'a Workspace,
    exported_at: DateTime<Utc>,
    app_version: &'a str,
) -> Envelope<'a> {
    Envelope {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        exported_at,
        app_version,
        workspace,
    }
}
