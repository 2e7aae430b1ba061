//! A column of a council's own spreadsheet whose meaning a person chose when importing it, remembered in the
//! workspace so that next month's sheet with the same heading is read the same way without choosing again.

use serde::{Deserialize, Serialize};

/// A spreadsheet column's heading and what the person said it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RememberedColumn {
    /// The heading as the sheet wrote it ("Outcome").
    pub heading: String,
    /// What the column holds, as the spreadsheet import codes it: a field ("value", "name", "target"…),
    /// "period-values" for a column of one period's values, or "" for a column not imported.
    pub holds: String,
}
