//! The lessons-learnt log (the Cambridgeshire PMF: lessons are captured and shared with partners).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::{KpiId, LessonId, RiskId};

/// A lesson learnt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable id.
    pub id: LessonId,
    /// A short title.
    pub title: String,
    /// When it was recorded.
    pub date: NaiveDate,
    /// What happened.
    pub what_happened: String,
    /// What we learnt and will do differently.
    pub learning: String,
    /// Who recorded it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub raised_by: String,
    /// KPIs it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<KpiId>,
    /// Risks it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<RiskId>,
    /// Whether it has been shared with partners.
    #[serde(default)]
    pub shared_with_partners: bool,
}
