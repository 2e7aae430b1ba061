//! The exceptions: the KPIs on a scorecard that need a reader's attention, and why. One rule for the
//! performance report, its slides and the overview page: red, forecast to miss the year-end target, green but
//! declining, and data-quality warnings a committee needs to know about.

use std::collections::BTreeMap;

use crate::domain::basics::period::Period;
use crate::domain::kpi::data_quality::{DataQualityWarning, check};
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::framework::Framework;
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::measurement::Measurement;
use crate::domain::scorecard::detached_row::DetachedRow;

/// Why a KPI is an exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExceptionReason {
    /// Rated red.
    Red,
    /// Forecast to miss the year-end target (red against it).
    ForecastRed,
    /// Green now but trending worse.
    GreenButDeclining,
    /// The data has gaps, is late or is not believable.
    DataQuality,
}

impl ExceptionReason {
    /// The reason in words.
    pub const fn label(self) -> &'static str {
        match self {
            ExceptionReason::Red => "Red",
            ExceptionReason::ForecastRed => "Forecast to miss the year-end target",
            ExceptionReason::GreenButDeclining => "Green but declining",
            ExceptionReason::DataQuality => "Data-quality warning",
        }
    }
}

/// The data-quality warnings about `kpi` at `period` that a committee needs to know about, in words (not the
/// chart notes about too few values for a trend or SPC).
pub fn reportable_warnings(
    kpi: &KpiDefinition,
    history: &BTreeMap<Period, &Measurement>,
    period: Period,
    framework: &Framework,
) -> Vec<String> {
    check(kpi, history, period, framework)
        .iter()
        .filter(|w| {
            !matches!(
                w,
                DataQualityWarning::TooFewForTrend { .. } | DataQualityWarning::TooFewForSpc { .. }
            )
        })
        .map(|w| w.message(kpi))
        .collect()
}

/// Why the KPI of `entry` is an exception, most serious first (empty when it is not one), given whether it
/// has a reportable data-quality warning.
pub fn exception_reasons(entry: &DetachedRow, has_data_warning: bool) -> Vec<ExceptionReason> {
    let red = entry.status() == Some(RagStatus::Red);
    [
        (red, ExceptionReason::Red),
        (
            entry.forecast_rag == Some(RagStatus::Red) && !red,
            ExceptionReason::ForecastRed,
        ),
        (
            entry.green_but_declining,
            ExceptionReason::GreenButDeclining,
        ),
        (has_data_warning, ExceptionReason::DataQuality),
    ]
    .into_iter()
    .filter_map(|(applies, reason)| applies.then_some(reason))
    .collect()
}
