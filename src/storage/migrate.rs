//! Numbered, append-only migrations of the workspace JSON, one pure step per schema version.
//!
//! A file at schema version *n* passes through steps *n*, *n + 1*, … until it reaches
//! [`SCHEMA_VERSION`]. Steps are never edited once released: a change to the format adds a step, raises
//! [`SCHEMA_VERSION`] and keeps the fixture file of every released version, `tests/fixtures/migrations/schema-N.json`, which
//! must keep loading (`tests/workspace_files.rs`).

use serde_json::Value;

use super::envelope::SCHEMA_VERSION;
use super::import_error::ImportError;

/// One step: rewrites a workspace at schema version `from` into version `from + 1`.
pub struct Migration {
    /// The version this step reads.
    pub from: u32,
    /// What the step changes, for the changelog and the tests.
    pub describes: &'static str,
    /// The step itself.
    pub apply: fn(Value) -> Result<Value, ImportError>,
}

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    describes: "adds the change history (\"history\"); a file written before it has none, so it loads with \
                an empty history",
    apply: with_empty_history,
}];

/// Version 1 to 2: the workspace gains an optional `history` list. A version 1 file had no history, and
/// an absent list reads as empty, so the workspace passes through as it is.
fn with_empty_history(workspace: Value) -> Result<Value, ImportError> {
    Ok(workspace)
}

/// Brings `workspace` from `version` up to [`SCHEMA_VERSION`]. A newer version is refused, naming both.
pub fn migrate(mut workspace: Value, version: u64) -> Result<Value, ImportError> {
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerSchema {
            file: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == 0 {
        return Err(ImportError::NotAWorkspace {
            reason: "\"schema_version\" starts at 1".to_owned(),
        });
    }
    for step in MIGRATIONS
        .iter()
        .filter(|step| u64::from(step.from) >= version)
    {
        workspace = (step.apply)(workspace)?;
    }
    Ok(workspace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migrations_are_numbered_without_gaps_up_to_the_current_version() {
        for (index, step) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                step.from,
                index as u32 + 1,
                "step {index} ({})",
                step.describes
            );
        }
        assert_eq!(MIGRATIONS.len() as u32 + 1, SCHEMA_VERSION);
    }

    #[test]
    fn a_newer_version_is_refused_naming_both_versions() {
        let refused = migrate(Value::Null, 7).unwrap_err();
        assert_eq!(
            refused,
            ImportError::NewerSchema {
                file: 7,
                supported: SCHEMA_VERSION
            }
        );
        let message = refused.to_string();
        assert!(
            message.contains("version 7") && message.contains(&format!("up to {SCHEMA_VERSION}"))
        );
    }

    #[test]
    fn the_current_version_passes_through_unchanged() {
        let workspace = serde_json::json!({ "framework": { "council_name": "A" } });
        assert_eq!(
            migrate(workspace.clone(), u64::from(SCHEMA_VERSION)).unwrap(),
            workspace
        );
    }
}
