//! Action plans: SMART actions with an owner and due date, linked to the KPI or risk they address
//! (the Cambridgeshire PMF: every red KPI needs an action plan).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::{ActionId, KpiId, PersonId, RiskId};

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Agreed, not started.
    NotStarted,
    /// Under way.
    InProgress,
    /// Done.
    Completed,
    /// Stopped without being done.
    Cancelled,
}

impl ActionStatus {
    /// Every status, in the order an action moves through them.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Completed,
        ActionStatus::Cancelled,
    ];

    /// The status's name.
    pub const fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Completed => "Completed",
            ActionStatus::Cancelled => "Cancelled",
        }
    }

    /// Whether the action is still to be done.
    pub const fn is_open(self) -> bool {
        matches!(self, ActionStatus::NotStarted | ActionStatus::InProgress)
    }
}

/// An action in an action plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Stable id.
    pub id: ActionId,
    /// Specific: what will be done.
    pub title: String,
    /// Measurable: how we will know it is done.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measure: String,
    /// Achievable: who owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonId>,
    /// Time-bound: when it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Where it stands.
    pub status: ActionStatus,
    /// Relevant: the KPI it improves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<KpiId>,
    /// Relevant: the risk it mitigates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskId>,
    /// The latest progress update.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub progress: String,
    /// Why it has no owner or no due date, when it lacks one: an open action needs both, or a reason recorded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub open_ended_reason: String,
}

/// What an open action lacks to be saved without `reason`, if anything: "an owner", "a due date" or both, when
/// it has not got them and no reason is given.
pub fn missing_for_smart(has_owner: bool, has_due: bool, reason: &str) -> Option<&'static str> {
    if !reason.trim().is_empty() {
        return None;
    }
    match (has_owner, has_due) {
        (true, true) => None,
        (false, true) => Some("an owner"),
        (true, false) => Some("a due date"),
        (false, false) => Some("an owner and a due date"),
    }
}

impl Action {
    /// Open and past its due date on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }
}
