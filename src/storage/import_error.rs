//! Why a file or stored workspace could not be read, in plain English, with where the problem is.

use std::fmt;

use crate::domain::basics::unit::group_thousands;

/// One problem found while validating a workspace: where it is (a JSON path) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, e.g. `workspace.measurements[12].kpi`.
    pub path: String,
    /// What is wrong, in plain English.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why a workspace could not be restored. Nothing is replaced when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is empty (or only white space).
    Empty,
    /// The file is larger than the limit.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// The byte at which the text stops being UTF-8, counting from 0.
        byte_offset: usize,
    },
    /// The file is UTF-16 text (it starts with a UTF-16 byte-order mark).
    Utf16,
    /// The text is not JSON.
    NotJson {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// What is wrong there.
        reason: String,
    },
    /// Arrays or objects are nested deeper than any workspace needs.
    TooDeeplyNested,
    /// The JSON is not an object.
    NotAnObject {
        /// What it is instead ("an array", "a number", …).
        found: &'static str,
    },
    /// The JSON is an object but not a workspace file.
    NotAWorkspace {
        /// Why not.
        reason: String,
    },
    /// The file was written by a newer version of the app.
    NewerSchema {
        /// The file's schema version.
        file: u64,
        /// The newest this app reads.
        supported: u32,
    },
    /// The file's contents break the rules: every problem found.
    Invalid(Vec<Problem>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "The file is empty."),
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "The file is {} bytes ({} MB); the largest workspace file accepted is {} bytes ({} MB).",
                group_thousands(*bytes as f64, 0),
                megabytes(*bytes),
                group_thousands(*limit as f64, 0),
                megabytes(*limit)
            ),
            ImportError::NotUtf8 { byte_offset } => write!(
                f,
                "The file is not UTF-8 text (byte {byte_offset} is not valid UTF-8). Workspace files are JSON \
                 saved as UTF-8; a spreadsheet should be saved as CSV UTF-8 and imported as CSV."
            ),
            ImportError::Utf16 => write!(
                f,
                "The file is saved as UTF-16 text. Save it as UTF-8 (in most editors: Save As, encoding \
                 UTF-8) and import it again."
            ),
            ImportError::NotJson {
                line,
                column,
                reason,
            } => {
                write!(
                    f,
                    "The file is not valid JSON: {reason} at line {line}, column {column}."
                )
            }
            ImportError::TooDeeplyNested => write!(
                f,
                "The file nests lists and objects more than 128 levels deep, which no workspace file does."
            ),
            ImportError::NotAnObject { found } => write!(
                f,
                "The file holds {found}, but a workspace file is a JSON object with \"format\", \
                 \"schema_version\" and \"workspace\"."
            ),
            ImportError::NotAWorkspace { reason } => {
                write!(f, "This is not a workspace file: {reason}.")
            }
            ImportError::NewerSchema { file, supported } => write!(
                f,
                "This file was saved by a newer version of the app (file format version {file}); this version \
                 reads format versions up to {supported}. Open it in the newer version, or ask the sender to \
                 update this one."
            ),
            ImportError::Invalid(problems) => {
                write!(
                    f,
                    "The file has {} problem{}:",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                )?;
                for problem in problems {
                    write!(f, "\n- {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Bytes in binary megabytes to two places: 64.00, 64.01.
fn megabytes(bytes: usize) -> String {
    format!("{:.2}", bytes as f64 / (1024.0 * 1024.0))
}
