//! The KPI cycle (the Cambridgeshire PMF, "Cambridgeshire's KPI cycle"): officers propose a KPI; it is approved — it is then
//! "agreed, but data collection and target setting are in development" — or rejected; it goes live (active,
//! or tracked as baseline or contextual); and in time it is retired and, the cycle being circular, replaced
//! by a better one. SKPIs "link directly to our corporate ambitions", so one is only proposed with the
//! ambitions it serves. Every step records who took it, when and why, on the KPI itself; retiring changes
//! the status only, so the KPI's history stays.

use std::fmt;

use chrono::NaiveDate;

use crate::domain::basics::ids::{AmbitionId, KpiId, ServiceId, fresh_id};
use crate::domain::basics::period::Frequency;
use crate::domain::basics::typed_text::one_line;
use crate::domain::basics::unit::Unit;
use crate::domain::maths::rag::Polarity;
use crate::domain::model::kpi::{KpiDefinition, KpiLevel, KpiStatus, StatusChange};
use crate::domain::model::workspace::Workspace;

/// A step of the cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CycleStep {
    /// A proposed KPI is agreed: it is in development until data and a target are in place.
    Approve,
    /// A proposed KPI is not taken forward (it is kept, retired, with the reason).
    Reject,
    /// It starts reporting with this status: active, baseline or contextual.
    GoLive(KpiStatus),
    /// It stops being reported; its history is kept.
    Retire,
}

impl CycleStep {
    /// Every step, in the order a form lists them.
    pub const ALL: [CycleStep; 6] = [
        CycleStep::Approve,
        CycleStep::Reject,
        CycleStep::GoLive(KpiStatus::Active),
        CycleStep::GoLive(KpiStatus::Baseline),
        CycleStep::GoLive(KpiStatus::Contextual),
        CycleStep::Retire,
    ];

    /// The step in words.
    pub const fn label(self) -> &'static str {
        match self {
            CycleStep::Approve => "Approve",
            CycleStep::Reject => "Reject",
            CycleStep::GoLive(KpiStatus::Baseline) => "Start tracking as a baseline",
            CycleStep::GoLive(KpiStatus::Contextual) => "Start tracking as contextual",
            CycleStep::GoLive(_) => "Go live with a target and RAG rating",
            CycleStep::Retire => "Retire",
        }
    }

    /// The status the step leads to.
    pub const fn leads_to(self) -> KpiStatus {
        match self {
            CycleStep::Approve => KpiStatus::InDevelopment,
            CycleStep::Reject | CycleStep::Retire => KpiStatus::Retired,
            CycleStep::GoLive(status) => status,
        }
    }

    /// Whether the step can be taken from `status`.
    pub fn allowed_from(self, status: KpiStatus) -> bool {
        use KpiStatus::{Active, Baseline, Contextual, InDevelopment, Proposed, Retired};
        match self {
            CycleStep::Approve | CycleStep::Reject => status == Proposed,
            CycleStep::GoLive(to) => {
                matches!(to, Active | Baseline | Contextual)
                    && matches!(status, InDevelopment | Active | Baseline | Contextual)
                    && status != to
            }
            CycleStep::Retire => !matches!(status, Proposed | Retired),
        }
    }
}

/// The steps open to a KPI with `status`.
pub fn steps_from(status: KpiStatus) -> Vec<CycleStep> {
    CycleStep::ALL
        .into_iter()
        .filter(|step| step.allowed_from(status))
        .collect()
}

/// Why a proposal or a step was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CycleRefused {
    /// The KPI has no name.
    NoName,
    /// A current KPI already has the name.
    NameTaken(String),
    /// An SKPI must serve at least one ambition.
    SkpiWithoutAmbition,
    /// Nobody is named as taking the step.
    NoOneNamed,
    /// Rejecting or retiring needs a reason.
    NoReason,
    /// The step does not follow from the KPI's status.
    NotNow {
        /// The KPI's status.
        status: KpiStatus,
        /// The step asked for.
        step: CycleStep,
    },
    /// What the proposal or step refers to is not in the framework.
    NotFound(&'static str),
}

impl fmt::Display for CycleRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CycleRefused::NoName => f.write_str("Give the KPI a name."),
            CycleRefused::NameTaken(name) => {
                write!(f, "A current KPI is already called \u{201c}{name}\u{201d}.")
            }
            CycleRefused::SkpiWithoutAmbition => f.write_str(
                "A strategic KPI links directly to the corporate ambitions: choose at least one it serves.",
            ),
            CycleRefused::NoOneNamed => f.write_str("Say who is taking this step."),
            CycleRefused::NoReason => f.write_str("Give the reason: it is kept with the KPI's history."),
            CycleRefused::NotNow { status, step } => write!(
                f,
                "A KPI that is {} cannot be taken to \u{201c}{}\u{201d}.",
                status.label().to_lowercase(),
                step.label().to_lowercase()
            ),
            CycleRefused::NotFound(what) => write!(f, "That {what} is not in the framework, or is retired."),
        }
    }
}

impl std::error::Error for CycleRefused {}

/// A new KPI as officers propose it: what it measures and where it belongs. The rest of its definition
/// (targets, committees, source) is filled in while it is in development.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiProposal {
    /// Its name as it will be reported.
    pub name: String,
    /// What it measures and how.
    pub definition: String,
    /// Strategic, corporate, operational or individual.
    pub level: KpiLevel,
    /// The service that will report it.
    pub service: ServiceId,
    /// The ambitions it serves.
    pub ambitions: Vec<AmbitionId>,
    /// How often it is reported.
    pub frequency: Frequency,
    /// Which way is better.
    pub polarity: Polarity,
    /// Its unit.
    pub unit: Unit,
}

/// Who took a step, when and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Who took it (a name or a body: "CLT", "Adults and Health Committee").
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Why (needed to reject or retire).
    pub note: String,
}

/// Adds a proposed KPI to the register; returns its id.
pub fn propose(
    workspace: &mut Workspace,
    proposal: &KpiProposal,
    decision: &Decision,
) -> Result<KpiId, CycleRefused> {
    let name = one_line(&proposal.name);
    if name.is_empty() {
        return Err(CycleRefused::NoName);
    }
    let by = one_line(&decision.by);
    if by.is_empty() {
        return Err(CycleRefused::NoOneNamed);
    }
    if workspace
        .kpis
        .iter()
        .any(|k| k.status != KpiStatus::Retired && k.name.trim().eq_ignore_ascii_case(&name))
    {
        return Err(CycleRefused::NameTaken(name));
    }
    if !workspace
        .services
        .iter()
        .any(|s| s.id == proposal.service && s.active)
    {
        return Err(CycleRefused::NotFound("service"));
    }
    if let Some(_unknown) = proposal
        .ambitions
        .iter()
        .find(|a| !workspace.ambitions.iter().any(|x| &x.id == *a))
    {
        return Err(CycleRefused::NotFound("ambition"));
    }
    if proposal.level == KpiLevel::Strategic && proposal.ambitions.is_empty() {
        return Err(CycleRefused::SkpiWithoutAmbition);
    }
    let taken: Vec<&str> = workspace.kpis.iter().map(|k| k.id.as_str()).collect();
    let id: KpiId = fresh_id("kpi", &name, &taken).ok_or(CycleRefused::NoName)?;
    workspace.kpis.push(KpiDefinition {
        definition: one_line(&proposal.definition),
        level: proposal.level,
        frequency: proposal.frequency,
        polarity: proposal.polarity,
        unit: proposal.unit,
        decimals: 1,
        status: KpiStatus::Proposed,
        ambitions: proposal.ambitions.clone(),
        service: Some(proposal.service.clone()),
        status_changes: vec![StatusChange {
            from: None,
            to: KpiStatus::Proposed,
            by,
            on: decision.on,
            note: one_line(&decision.note),
        }],
        ..KpiDefinition::named(id.clone(), name)
    });
    Ok(id)
}

/// Takes `step` for `kpi`, recording the decision on it.
pub fn take_step(
    workspace: &mut Workspace,
    kpi: &KpiId,
    step: CycleStep,
    decision: &Decision,
) -> Result<KpiStatus, CycleRefused> {
    let by = one_line(&decision.by);
    let note = one_line(&decision.note);
    let found = workspace
        .kpis
        .iter_mut()
        .find(|k| &k.id == kpi)
        .ok_or(CycleRefused::NotFound("KPI"))?;
    if !step.allowed_from(found.status) {
        return Err(CycleRefused::NotNow {
            status: found.status,
            step,
        });
    }
    if by.is_empty() {
        return Err(CycleRefused::NoOneNamed);
    }
    if matches!(step, CycleStep::Reject | CycleStep::Retire) && note.is_empty() {
        return Err(CycleRefused::NoReason);
    }
    let to = step.leads_to();
    found.status_changes.push(StatusChange {
        from: Some(found.status),
        to,
        by,
        on: decision.on,
        note,
    });
    found.status = to;
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    fn decision(by: &str, note: &str) -> Decision {
        Decision {
            by: by.to_owned(),
            on: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            note: note.to_owned(),
        }
    }

    fn proposal(name: &str, level: KpiLevel, ambitions: &[&str]) -> KpiProposal {
        KpiProposal {
            name: name.to_owned(),
            definition: "Counted monthly".to_owned(),
            level,
            service: ServiceId::new("s1").unwrap(),
            ambitions: ambitions
                .iter()
                .map(|a| AmbitionId::new(*a).unwrap())
                .collect(),
            frequency: Frequency::Monthly,
            polarity: Polarity::HigherIsBetter,
            unit: Unit::Percent,
        }
    }

    #[test]
    fn a_proposal_joins_the_register_as_proposed_with_who_and_when() {
        let mut w = hand_drawn();
        let id = propose(
            &mut w,
            &proposal(" Road  casualties ", KpiLevel::Operational, &[]),
            &decision("Hal", "From the road safety review"),
        )
        .unwrap();
        assert_eq!(id.as_str(), "kpi-road-casualties");
        let kpi = w.kpi(&id).unwrap();
        assert_eq!(
            (kpi.name.as_str(), kpi.status),
            ("Road casualties", KpiStatus::Proposed)
        );
        assert_eq!(kpi.status_changes.len(), 1);
        assert_eq!(kpi.status_changes[0].from, None);
        assert_eq!(kpi.status_changes[0].by, "Hal");
        let again = propose(
            &mut w,
            &proposal("road casualties", KpiLevel::Operational, &[]),
            &decision("Hal", ""),
        );
        assert_eq!(
            again,
            Err(CycleRefused::NameTaken("road casualties".to_owned()))
        );
    }

    #[test]
    fn an_skpi_is_only_proposed_with_the_ambitions_it_serves() {
        let mut w = hand_drawn();
        let before = w.clone();
        assert_eq!(
            propose(
                &mut w,
                &proposal("Trees planted", KpiLevel::Strategic, &[]),
                &decision("Hal", "")
            ),
            Err(CycleRefused::SkpiWithoutAmbition)
        );
        assert_eq!(
            propose(
                &mut w,
                &proposal("Trees planted", KpiLevel::Strategic, &["nope"]),
                &decision("Hal", "")
            ),
            Err(CycleRefused::NotFound("ambition"))
        );
        assert_eq!(
            propose(
                &mut w,
                &proposal("Trees planted", KpiLevel::Strategic, &["a1"]),
                &decision(" ", "")
            ),
            Err(CycleRefused::NoOneNamed)
        );
        assert_eq!(w, before, "refusals change nothing");
        assert!(
            propose(
                &mut w,
                &proposal("Trees planted", KpiLevel::Strategic, &["a1"]),
                &decision("Hal", "")
            )
            .is_ok()
        );
    }

    #[test]
    fn the_cycle_runs_proposed_approved_live_retired_and_keeps_each_step() {
        let mut w = hand_drawn();
        let id = propose(
            &mut w,
            &proposal("Road casualties", KpiLevel::Operational, &[]),
            &decision("Hal", ""),
        )
        .unwrap();
        assert_eq!(
            steps_from(KpiStatus::Proposed),
            [CycleStep::Approve, CycleStep::Reject]
        );
        assert_eq!(
            take_step(
                &mut w,
                &id,
                CycleStep::GoLive(KpiStatus::Active),
                &decision("CLT", "")
            ),
            Err(CycleRefused::NotNow {
                status: KpiStatus::Proposed,
                step: CycleStep::GoLive(KpiStatus::Active)
            })
        );
        assert_eq!(
            take_step(&mut w, &id, CycleStep::Approve, &decision("CLT", "")),
            Ok(KpiStatus::InDevelopment)
        );
        assert_eq!(
            take_step(
                &mut w,
                &id,
                CycleStep::GoLive(KpiStatus::Active),
                &decision("Place Committee", "")
            ),
            Ok(KpiStatus::Active)
        );
        assert_eq!(
            take_step(&mut w, &id, CycleStep::Retire, &decision("CLT", "")),
            Err(CycleRefused::NoReason)
        );
        assert_eq!(
            take_step(
                &mut w,
                &id,
                CycleStep::Retire,
                &decision("CLT", "Replaced by a rate per 100,000")
            ),
            Ok(KpiStatus::Retired)
        );
        assert!(steps_from(KpiStatus::Retired).is_empty());
        let changes: Vec<(Option<KpiStatus>, KpiStatus)> = w
            .kpi(&id)
            .unwrap()
            .status_changes
            .iter()
            .map(|c| (c.from, c.to))
            .collect();
        assert_eq!(
            changes,
            [
                (None, KpiStatus::Proposed),
                (Some(KpiStatus::Proposed), KpiStatus::InDevelopment),
                (Some(KpiStatus::InDevelopment), KpiStatus::Active),
                (Some(KpiStatus::Active), KpiStatus::Retired),
            ]
        );
    }

    #[test]
    fn a_rejected_proposal_is_kept_retired_with_its_reason() {
        let mut w = hand_drawn();
        let id = propose(
            &mut w,
            &proposal("Road casualties", KpiLevel::Operational, &[]),
            &decision("Hal", ""),
        )
        .unwrap();
        assert_eq!(
            take_step(&mut w, &id, CycleStep::Reject, &decision("CLT", "")),
            Err(CycleRefused::NoReason)
        );
        take_step(
            &mut w,
            &id,
            CycleStep::Reject,
            &decision("CLT", "Duplicates k1"),
        )
        .unwrap();
        let kpi = w.kpi(&id).unwrap();
        assert_eq!(kpi.status, KpiStatus::Retired);
        assert_eq!(kpi.status_changes.last().unwrap().note, "Duplicates k1");
    }

    #[test]
    fn every_status_has_a_way_forward_but_retired() {
        for status in [
            KpiStatus::Proposed,
            KpiStatus::InDevelopment,
            KpiStatus::Active,
            KpiStatus::Baseline,
            KpiStatus::Contextual,
        ] {
            assert!(!steps_from(status).is_empty(), "{status:?}");
            assert!(steps_from(status).iter().all(|s| s.leads_to() != status));
        }
    }
}
