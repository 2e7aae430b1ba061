//! The quarterly KPI audit's records (the Cambridgeshire PMF, "Reviewing and auditing KPIs"): the sample drawn
//! for a quarter with its seed, and for each KPI drawn the five checks, their findings and follow-ups. Drawing
//! the sample and recording checks are in `assurance`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::{AuditId, CommitteeId, KpiId};
use crate::domain::basics::period::Period;

/// One of the five things the audit confirms about a KPI (the Cambridgeshire PMF, "Reviewing and auditing KPIs").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditCheck {
    /// It is accurately calculated.
    Calculated,
    /// It is accurately and reliably reported to the relevant committee, in line with the framework.
    Reported,
    /// Effective remedial action is taken where performance is lower than expected.
    RemedialAction,
    /// It is relevant, aligned to the strategic framework and useful for decision makers.
    Relevant,
    /// It is used effectively to inform on outputs and support strategic decisions.
    UsedForDecisions,
}

impl AuditCheck {
    /// The five checks, in the seed's order.
    pub const ALL: [AuditCheck; 5] = [
        AuditCheck::Calculated,
        AuditCheck::Reported,
        AuditCheck::RemedialAction,
        AuditCheck::Relevant,
        AuditCheck::UsedForDecisions,
    ];

    /// A short name for a table heading.
    pub const fn label(self) -> &'static str {
        match self {
            AuditCheck::Calculated => "Calculation",
            AuditCheck::Reported => "Reporting",
            AuditCheck::RemedialAction => "Remedial action",
            AuditCheck::Relevant => "Relevance",
            AuditCheck::UsedForDecisions => "Use in decisions",
        }
    }

    /// What the auditor confirms, in the framework's words.
    pub const fn question(self) -> &'static str {
        match self {
            AuditCheck::Calculated => "The KPI is accurately calculated.",
            AuditCheck::Reported => {
                "The KPI is accurately and reliably reported to the relevant committee in line with the framework."
            }
            AuditCheck::RemedialAction => {
                "Effective remedial action is taken where performance is lower than expected."
            }
            AuditCheck::Relevant => {
                "The KPI is relevant, aligned to the strategic framework, and useful for decision makers."
            }
            AuditCheck::UsedForDecisions => {
                "The KPI is used effectively to inform on outputs and support strategic decisions."
            }
        }
    }
}

/// What the auditor found for one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckOutcome {
    /// Confirmed.
    Met,
    /// Confirmed with reservations.
    PartlyMet,
    /// Not confirmed.
    NotMet,
    /// Does not apply (for example remedial action for a KPI on target).
    NotApplicable,
}

impl CheckOutcome {
    /// Every outcome, in the order a form offers them.
    pub const ALL: [CheckOutcome; 4] = [
        CheckOutcome::Met,
        CheckOutcome::PartlyMet,
        CheckOutcome::NotMet,
        CheckOutcome::NotApplicable,
    ];

    /// The outcome in words.
    pub const fn label(self) -> &'static str {
        match self {
            CheckOutcome::Met => "Met",
            CheckOutcome::PartlyMet => "Partly met",
            CheckOutcome::NotMet => "Not met",
            CheckOutcome::NotApplicable => "Not applicable",
        }
    }

    /// Partly or not met: the audit must say what it found and what follows.
    pub const fn is_concern(self) -> bool {
        matches!(self, CheckOutcome::PartlyMet | CheckOutcome::NotMet)
    }
}

/// What must happen after a concern, by whom and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// What is to be done.
    pub action: String,
    /// Who does it.
    pub owner: String,
    /// By when.
    pub due: NaiveDate,
    /// When it was confirmed done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
}

impl FollowUp {
    /// Not done and past its due date on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done.is_none() && self.due < today
    }
}

/// One KPI in an audit's sample and what the audit found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditedKpi {
    /// The KPI.
    pub kpi: KpiId,
    /// The committee it was drawn for.
    pub committee: CommitteeId,
    /// The outcome of each check, once recorded.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: BTreeMap<AuditCheck, CheckOutcome>,
    /// What the auditor found.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub findings: String,
    /// What follows from the findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    /// Who recorded the checks.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub checked_by: String,
    /// When the checks were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_on: Option<NaiveDate>,
}

impl AuditedKpi {
    /// A KPI just drawn, not yet checked.
    pub fn drawn(committee: CommitteeId, kpi: KpiId) -> Self {
        Self {
            kpi,
            committee,
            checks: BTreeMap::new(),
            findings: String::new(),
            follow_up: None,
            checked_by: String::new(),
            checked_on: None,
        }
    }

    /// Whether the checks have been recorded.
    pub fn is_checked(&self) -> bool {
        self.checked_on.is_some()
    }

    /// How many checks were partly or not met.
    pub fn concerns(&self) -> usize {
        self.checks.values().filter(|o| o.is_concern()).count()
    }
}

/// One quarter's audit: the draw and what was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiAudit {
    /// Stable id.
    pub id: AuditId,
    /// The quarter audited.
    pub quarter: Period,
    /// The seed the sample was drawn from.
    pub seed: u32,
    /// How many KPIs were drawn from each committee.
    pub per_committee: u8,
    /// When the sample was drawn.
    pub drawn_on: NaiveDate,
    /// Who drew it.
    pub drawn_by: String,
    /// The KPIs drawn, committee by committee.
    pub sample: Vec<AuditedKpi>,
}

/// How far an audit has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AuditProgress {
    /// KPIs in the sample.
    pub sampled: usize,
    /// KPIs whose checks are recorded.
    pub checked: usize,
    /// KPIs with at least one check partly or not met.
    pub with_concerns: usize,
    /// Follow-ups not yet done.
    pub open_follow_ups: usize,
    /// Follow-ups not done and past due.
    pub overdue_follow_ups: usize,
}

impl KpiAudit {
    /// How far the audit has got on `today`.
    pub fn progress(&self, today: NaiveDate) -> AuditProgress {
        let open: Vec<&FollowUp> = self
            .sample
            .iter()
            .filter_map(|a| a.follow_up.as_ref())
            .filter(|f| f.done.is_none())
            .collect();
        AuditProgress {
            sampled: self.sample.len(),
            checked: self.sample.iter().filter(|a| a.is_checked()).count(),
            with_concerns: self.sample.iter().filter(|a| a.concerns() > 0).count(),
            open_follow_ups: open.len(),
            overdue_follow_ups: open.iter().filter(|f| f.is_overdue(today)).count(),
        }
    }
}
