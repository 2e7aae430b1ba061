//! The framework's own settings: the council, its vision, the reporting year and the rules every
//! calculation follows. The financial year always starts on 1 April (see [`crate::domain::basics::period`]).

use serde::{Deserialize, Serialize};

use crate::domain::basics::calendar_timings::CalendarTimings;
use crate::domain::basics::period::FinancialYear;
use crate::domain::maths::rag::RagRule;
use crate::domain::maths::rag::RollupRule;
use crate::domain::maths::spc::SpcSettings;
use crate::domain::maths::trend::TrendRule;
use crate::domain::model::remembered_column::RememberedColumn;
use crate::domain::model::risk::RiskSettings;

/// A council's framework settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// The council's name, shown on every page and report.
    pub council_name: String,
    /// The vision at the top of the golden thread.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vision: String,
    /// The financial year being reported.
    pub current_year: FinancialYear,
    /// The RAG rule (default: the Cambridgeshire PMF's).
    #[serde(default)]
    pub rag_rule: RagRule,
    /// How trends are judged.
    #[serde(default)]
    pub trend_rule: TrendRule,
    /// SPC rule settings.
    #[serde(default)]
    pub spc: SpcSettings,
    /// Risk matrix bands and review cycles.
    #[serde(default)]
    pub risk: RiskSettings,
    /// How a node's RAG counts become one summary status.
    #[serde(default)]
    pub rollup: RollupRule,
    /// When the reporting cycle's deadlines fall, and the bank holidays they skip.
    #[serde(default)]
    pub calendar: CalendarTimings,
    /// The columns of the council's spreadsheets whose meaning a person chose when importing, so that the
    /// next sheet with the same headings is read the same way.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spreadsheet_columns: Vec<RememberedColumn>,
}

impl Framework {
    /// A framework with the given name and year and every rule at its default.
    pub fn new(council_name: impl Into<String>, current_year: FinancialYear) -> Self {
        Self {
            council_name: council_name.into(),
            vision: String::new(),
            current_year,
            rag_rule: RagRule::default(),
            trend_rule: TrendRule::default(),
            spc: SpcSettings::default(),
            risk: RiskSettings::default(),
            rollup: RollupRule::default(),
            calendar: CalendarTimings::default(),
            spreadsheet_columns: Vec::new(),
        }
    }
}
