//! The one restore path every source goes through — a file, local storage, the demo council:
//! bytes → text → JSON → envelope → migrate → validate → [`Workspace`].

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::envelope::{ENVELOPE_FIELDS, FORMAT, MAX_FILE_BYTES};
use super::import_error::{ImportError, Problem};
use super::migrate::migrate;
use super::strict_json;
use super::validate::validate;
use crate::domain::model::workspace::Workspace;

/// A workspace read back, with what its envelope said.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// The workspace, migrated to the current schema and validated.
    pub workspace: Workspace,
    /// The schema version the source was written at.
    pub schema_version: u64,
    /// When it was exported, if the envelope says.
    pub exported_at: Option<DateTime<Utc>>,
    /// The app version that wrote it, if the envelope says.
    pub app_version: Option<String>,
}

/// Restores a workspace from the bytes of a file or a stored value. Nothing outside is touched: on any
/// error the caller's current workspace stays as it was.
pub fn restore(bytes: &[u8]) -> Result<Restored, ImportError> {
    let text = decode(bytes)?;
    let value = parse_json(text)?;
    let Value::Object(mut envelope) = value else {
        return Err(ImportError::NotAnObject {
            found: kind_of(&value),
        });
    };
    match envelope.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(Value::String(other)) => {
            return Err(ImportError::NotAWorkspace {
                reason: format!("its \"format\" is \"{other}\", not \"{FORMAT}\""),
            });
        }
        _ => {
            return Err(ImportError::NotAWorkspace {
                reason: format!("it has no \"format\": \"{FORMAT}\" field"),
            });
        }
    }
    let schema_version = envelope
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| ImportError::NotAWorkspace {
            reason: "its \"schema_version\" is missing or not a whole number".to_owned(),
        })?;
    let workspace = envelope
        .remove("workspace")
        .ok_or_else(|| ImportError::NotAWorkspace {
            reason: "it has no \"workspace\" field".to_owned(),
        })?;
    let migrated = migrate(workspace, schema_version)?;

    let mut problems: Vec<Problem> = envelope
        .keys()
        .filter(|key| !ENVELOPE_FIELDS.contains(&key.as_str()))
        .map(|key| {
            Problem::new(
                key.clone(),
                format!(
                    "is not part of a workspace file (the fields are {})",
                    ENVELOPE_FIELDS.join(", ")
                ),
            )
        })
        .collect();
    let exported_at = match envelope.get("exported_at") {
        None => None,
        Some(value) => match value
            .as_str()
            .and_then(|text| text.parse::<DateTime<Utc>>().ok())
        {
            Some(at) => Some(at),
            None => {
                problems.push(Problem::new(
                    "exported_at",
                    "must be a date and time such as \"2025-01-31T09:00:00Z\"",
                ));
                None
            }
        },
    };
    let app_version = match envelope.get("app_version") {
        None => None,
        Some(Value::String(version)) => Some(version.clone()),
        Some(_) => {
            problems.push(Problem::new(
                "app_version",
                "must be text such as \"0.1.0\"",
            ));
            None
        }
    };
    match validate(migrated) {
        Ok(workspace) if problems.is_empty() => Ok(Restored {
            workspace,
            schema_version,
            exported_at,
            app_version,
        }),
        Ok(_) => Err(ImportError::Invalid(problems)),
        Err(more) => {
            problems.extend(more);
            Err(ImportError::Invalid(problems))
        }
    }
}

/// Bytes to text: a size cap, a UTF-8 check and a byte-order mark dropped.
fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Utf16);
    }
    let text = std::str::from_utf8(bytes).map_err(|error| ImportError::NotUtf8 {
        byte_offset: error.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

fn parse_json(text: &str) -> Result<Value, ImportError> {
    strict_json::parse(text).map_err(|error| {
        let message = error.to_string();
        if message.starts_with("recursion limit exceeded") {
            return ImportError::TooDeeplyNested;
        }
        let (line, column) = (error.line(), error.column());
        let at_error = text
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|l| l.get(column.saturating_sub(1)..))
            .unwrap_or_default();
        let reason = if ["NaN", "Infinity", "-Infinity"]
            .iter()
            .any(|token| at_error.starts_with(token))
        {
            "NaN and Infinity are not numbers JSON can hold; write a number or leave the value out"
                .to_owned()
        } else {
            json_reason(message.split(" at line ").next().unwrap_or(&message))
        };
        ImportError::NotJson {
            line,
            column,
            reason,
        }
    })
}

/// serde_json's parse errors in plain English.
fn json_reason(message: &str) -> String {
    let plain = if message.starts_with("EOF while parsing") {
        "the file ends too soon, as if it was cut off"
    } else if message == "trailing comma" {
        "there is a comma before a closing bracket"
    } else if message == "expected value" {
        "a value is missing or is not JSON (text needs double quotes)"
    } else if message == "key must be a string" {
        "a field name is not in double quotes"
    } else if message.starts_with("control character") {
        "text holds a control character (such as a raw line break) that must be escaped"
    } else if message == "trailing characters" {
        "there is more after the end of the JSON"
    } else {
        message
    };
    plain.to_owned()
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a piece of text",
        Value::Array(_) => "a list (a JSON array)",
        Value::Object(_) => "an object",
    }
}
