//! Carrying out a quarterly KPI audit (the Cambridgeshire PMF): drawing the sample for a quarter that has ended, recording
//! the five checks for each KPI drawn with the findings and any follow-up, and confirming a follow-up done.
//! Each step is checked whole before anything changes.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use crate::domain::assurance::kpi_audit::draw_sample;
use crate::domain::basics::ids::{AuditId, KpiId, fresh_id};
use crate::domain::basics::period::{Frequency, Period};
use crate::domain::model::audit::{AuditCheck, AuditedKpi, CheckOutcome, FollowUp, KpiAudit};
use crate::domain::model::workspace::Workspace;

/// The most KPIs a draw takes from one committee.
pub const MAX_PER_COMMITTEE: u8 = 10;

/// A draw as the form gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditDraw {
    /// The quarter to audit.
    pub quarter: Period,
    /// The seed: any whole number from 0 to 4,294,967,295.
    pub seed: u32,
    /// KPIs per committee, 1 to [`MAX_PER_COMMITTEE`].
    pub per_committee: u8,
    /// Who draws it.
    pub drawn_by: String,
}

/// The five checks for one KPI as the form gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckRecord {
    /// The outcome of each check answered.
    pub outcomes: BTreeMap<AuditCheck, CheckOutcome>,
    /// What the auditor found.
    pub findings: String,
    /// What must follow, if anything.
    pub follow_up_action: String,
    /// Who does it.
    pub follow_up_owner: String,
    /// By when.
    pub follow_up_due: Option<NaiveDate>,
    /// Who checked.
    pub checked_by: String,
    /// When.
    pub checked_on: NaiveDate,
}

/// Why an audit step was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditProblem {
    /// The period chosen is not a quarter.
    NotAQuarter,
    /// The quarter has not ended yet.
    QuarterNotEnded(Period),
    /// The quarter already has an audit.
    AlreadyAudited(Period),
    /// The number per committee is out of range.
    SampleSize,
    /// No one named as drawing the sample, or checking.
    NoName,
    /// No committee has a KPI reported in the quarter.
    NothingToSample(Period),
    /// No audit has that id.
    UnknownAudit,
    /// The KPI is not in the audit's sample.
    NotInSample,
    /// A check was left unanswered.
    Unanswered(AuditCheck),
    /// A concern was recorded without findings.
    NoFindings,
    /// A concern was recorded without a follow-up.
    NoFollowUp,
    /// A follow-up without an owner or due date.
    IncompleteFollowUp,
    /// The date is in the future or before the sample was drawn.
    DateOutOfRange,
    /// The follow-up is due before the checks were made.
    DueBeforeCheck,
    /// The KPI has no follow-up to confirm.
    NoFollowUpToClose,
}

impl fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditProblem::NotAQuarter => f.write_str("Choose a quarter to audit."),
            AuditProblem::QuarterNotEnded(q) => {
                write!(f, "{q} has not ended yet: the sample is drawn after the quarterly cycle.")
            }
            AuditProblem::AlreadyAudited(q) => write!(
                f,
                "{q} already has an audit; open it from the history to carry on with it."
            ),
            AuditProblem::SampleSize => write!(
                f,
                "Draw between 1 and {MAX_PER_COMMITTEE} KPIs from each committee."
            ),
            AuditProblem::NoName => f.write_str("Say who is doing this."),
            AuditProblem::NothingToSample(q) => write!(
                f,
                "No policy and service committee has a KPI with a value in {q}, so there is nothing to sample."
            ),
            AuditProblem::UnknownAudit => f.write_str("That audit is no longer in the workspace."),
            AuditProblem::NotInSample => f.write_str("That KPI is not in this audit's sample."),
            AuditProblem::Unanswered(check) => write!(
                f,
                "Record an outcome for every check; \"{}\" has none.",
                check.label()
            ),
            AuditProblem::NoFindings => {
                f.write_str("A check partly or not met needs findings: say what was found.")
            }
            AuditProblem::NoFollowUp => f.write_str(
                "A check partly or not met needs a follow-up: say what must be done, by whom and by when.",
            ),
            AuditProblem::IncompleteFollowUp => {
                f.write_str("A follow-up needs an owner and a due date.")
            }
            AuditProblem::DateOutOfRange => f.write_str(
                "The date of the checks cannot be in the future or before the sample was drawn.",
            ),
            AuditProblem::DueBeforeCheck => {
                f.write_str("The follow-up cannot be due before the checks were made.")
            }
            AuditProblem::NoFollowUpToClose => f.write_str("That KPI has no follow-up to confirm."),
        }
    }
}

impl std::error::Error for AuditProblem {}

/// Draws the sample for `draw.quarter` on `today` and adds the audit; returns its id.
pub fn draw_audit(
    workspace: &mut Workspace,
    draw: &AuditDraw,
    today: NaiveDate,
) -> Result<AuditId, AuditProblem> {
    let quarter = draw.quarter;
    if quarter.frequency() != Frequency::Quarterly {
        return Err(AuditProblem::NotAQuarter);
    }
    if quarter.end_date() >= today {
        return Err(AuditProblem::QuarterNotEnded(quarter));
    }
    if workspace.audits.iter().any(|a| a.quarter == quarter) {
        return Err(AuditProblem::AlreadyAudited(quarter));
    }
    if !(1..=MAX_PER_COMMITTEE).contains(&draw.per_committee) {
        return Err(AuditProblem::SampleSize);
    }
    if draw.drawn_by.trim().is_empty() {
        return Err(AuditProblem::NoName);
    }
    let sample = draw_sample(workspace, quarter, draw.seed, draw.per_committee);
    if sample.is_empty() {
        return Err(AuditProblem::NothingToSample(quarter));
    }
    let taken: Vec<&str> = workspace.audits.iter().map(|a| a.id.as_str()).collect();
    let id: AuditId =
        fresh_id("audit", &quarter.code(), &taken).ok_or(AuditProblem::NotAQuarter)?;
    workspace.audits.push(KpiAudit {
        id: id.clone(),
        quarter,
        seed: draw.seed,
        per_committee: draw.per_committee,
        drawn_on: today,
        drawn_by: draw.drawn_by.trim().to_owned(),
        sample: sample
            .into_iter()
            .map(|(committee, kpi)| AuditedKpi::drawn(committee, kpi))
            .collect(),
    });
    Ok(id)
}

/// Records the checks for `kpi` in audit `audit` (replacing any recorded before).
pub fn record_checks(
    workspace: &mut Workspace,
    audit: &AuditId,
    kpi: &KpiId,
    record: &CheckRecord,
    today: NaiveDate,
) -> Result<(), AuditProblem> {
    let found = workspace
        .audits
        .iter_mut()
        .find(|a| &a.id == audit)
        .ok_or(AuditProblem::UnknownAudit)?;
    let drawn_on = found.drawn_on;
    let audited = found
        .sample
        .iter_mut()
        .find(|a| &a.kpi == kpi)
        .ok_or(AuditProblem::NotInSample)?;
    if let Some(check) = AuditCheck::ALL
        .into_iter()
        .find(|c| !record.outcomes.contains_key(c))
    {
        return Err(AuditProblem::Unanswered(check));
    }
    if record.checked_by.trim().is_empty() {
        return Err(AuditProblem::NoName);
    }
    if record.checked_on > today || record.checked_on < drawn_on {
        return Err(AuditProblem::DateOutOfRange);
    }
    let concern = record.outcomes.values().any(|o| o.is_concern());
    if concern && record.findings.trim().is_empty() {
        return Err(AuditProblem::NoFindings);
    }
    let action = record.follow_up_action.trim();
    if concern && action.is_empty() {
        return Err(AuditProblem::NoFollowUp);
    }
    let follow_up = if action.is_empty() {
        None
    } else {
        let (Some(due), false) = (
            record.follow_up_due,
            record.follow_up_owner.trim().is_empty(),
        ) else {
            return Err(AuditProblem::IncompleteFollowUp);
        };
        if due < record.checked_on {
            return Err(AuditProblem::DueBeforeCheck);
        }
        Some(FollowUp {
            action: action.to_owned(),
            owner: record.follow_up_owner.trim().to_owned(),
            due,
            done: None,
        })
    };
    audited.checks = record.outcomes.clone();
    audited.findings = record.findings.trim().to_owned();
    audited.follow_up = follow_up;
    audited.checked_by = record.checked_by.trim().to_owned();
    audited.checked_on = Some(record.checked_on);
    Ok(())
}

/// Confirms the follow-up for `kpi` in audit `audit` done on `today`.
pub fn complete_follow_up(
    workspace: &mut Workspace,
    audit: &AuditId,
    kpi: &KpiId,
    today: NaiveDate,
) -> Result<(), AuditProblem> {
    let follow_up = workspace
        .audits
        .iter_mut()
        .find(|a| &a.id == audit)
        .ok_or(AuditProblem::UnknownAudit)?
        .sample
        .iter_mut()
        .find(|a| &a.kpi == kpi)
        .ok_or(AuditProblem::NotInSample)?
        .follow_up
        .as_mut()
        .filter(|f| f.done.is_none())
        .ok_or(AuditProblem::NoFollowUpToClose)?;
    follow_up.done = Some(today);
    Ok(())
}

/// The ended quarters from the previous financial year to `today` that have no audit yet, newest first.
pub fn quarters_to_audit(workspace: &Workspace, today: NaiveDate) -> Vec<Period> {
    let Some(latest) = Period::containing(Frequency::Quarterly, today).and_then(Period::previous)
    else {
        return Vec::new();
    };
    std::iter::successors(Some(latest), |q| q.previous())
        .take(8)
        .filter(|q| !workspace.audits.iter().any(|a| a.quarter == *q))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::period::FinancialYear;
    use chrono::Days;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn quarter(year: u16, index: u8) -> Period {
        Period::new(
            Frequency::Quarterly,
            FinancialYear::starting(year).unwrap(),
            index,
        )
        .unwrap()
    }

    fn draw(q: Period) -> AuditDraw {
        AuditDraw {
            quarter: q,
            seed: 4_021,
            per_committee: 2,
            drawn_by: "Governance and Performance Team".into(),
        }
    }

    fn all(outcome: CheckOutcome) -> BTreeMap<AuditCheck, CheckOutcome> {
        AuditCheck::ALL.into_iter().map(|c| (c, outcome)).collect()
    }

    fn record(outcomes: BTreeMap<AuditCheck, CheckOutcome>) -> CheckRecord {
        CheckRecord {
            outcomes,
            checked_by: "Priya Shah".into(),
            checked_on: today(),
            ..CheckRecord::default()
        }
    }

    fn unaudited() -> Workspace {
        let mut workspace = demo_workspace(today());
        workspace.audits.clear();
        workspace
    }

    #[test]
    fn drawing_stores_the_seed_and_a_sample_that_redraws_the_same() {
        let mut workspace = unaudited();
        let id = draw_audit(&mut workspace, &draw(quarter(2025, 4)), today()).unwrap();
        assert_eq!(id.as_str(), "audit-2025-26-q4");
        let audit = &workspace.audits[0];
        assert_eq!(audit.seed, 4_021);
        assert_eq!(audit.drawn_on, today());
        assert!(!audit.sample.is_empty());
        assert!(audit.sample.iter().all(|a| !a.is_checked()));
        assert_eq!(
            audit
                .sample
                .iter()
                .map(|a| (a.committee.clone(), a.kpi.clone()))
                .collect::<Vec<_>>(),
            draw_sample(&workspace, quarter(2025, 4), 4_021, 2)
        );
        assert!(audit.redraws_the_same(&workspace));
    }

    #[test]
    fn a_draw_that_cannot_be_made_is_refused_and_changes_nothing() {
        let mut workspace = unaudited();
        draw_audit(&mut workspace, &draw(quarter(2026, 1)), today()).unwrap();
        let before = workspace.clone();
        let month = Period::new(
            Frequency::Monthly,
            FinancialYear::starting(2026).unwrap(),
            3,
        )
        .unwrap();
        let cases = [
            (draw(month), AuditProblem::NotAQuarter),
            (
                draw(quarter(2026, 3)),
                AuditProblem::QuarterNotEnded(quarter(2026, 3)),
            ),
            (
                draw(quarter(2026, 1)),
                AuditProblem::AlreadyAudited(quarter(2026, 1)),
            ),
            (
                AuditDraw {
                    per_committee: 0,
                    ..draw(quarter(2026, 2))
                },
                AuditProblem::SampleSize,
            ),
            (
                AuditDraw {
                    per_committee: MAX_PER_COMMITTEE + 1,
                    ..draw(quarter(2026, 2))
                },
                AuditProblem::SampleSize,
            ),
            (
                AuditDraw {
                    drawn_by: " ".into(),
                    ..draw(quarter(2026, 2))
                },
                AuditProblem::NoName,
            ),
            (
                draw(quarter(2019, 1)),
                AuditProblem::NothingToSample(quarter(2019, 1)),
            ),
        ];
        for (bad, problem) in cases {
            assert_eq!(draw_audit(&mut workspace, &bad, today()), Err(problem));
        }
        assert_eq!(workspace, before);
    }

    #[test]
    fn checks_with_a_concern_need_findings_and_a_dated_follow_up() {
        let mut workspace = unaudited();
        let id = draw_audit(&mut workspace, &draw(quarter(2026, 2)), today()).unwrap();
        let kpi = workspace.audits[0].sample[0].kpi.clone();
        let before = workspace.clone();
        let mut missing_one = all(CheckOutcome::Met);
        missing_one.remove(&AuditCheck::Relevant);
        let mut concern = all(CheckOutcome::Met);
        concern.insert(AuditCheck::Calculated, CheckOutcome::NotMet);
        let with_findings = CheckRecord {
            findings: "The denominator included closed cases".into(),
            ..record(concern.clone())
        };
        let cases = [
            (
                record(missing_one),
                AuditProblem::Unanswered(AuditCheck::Relevant),
            ),
            (record(concern.clone()), AuditProblem::NoFindings),
            (with_findings.clone(), AuditProblem::NoFollowUp),
            (
                CheckRecord {
                    follow_up_action: "Recalculate Q2".into(),
                    follow_up_owner: "Data co-ordinator".into(),
                    ..with_findings.clone()
                },
                AuditProblem::IncompleteFollowUp,
            ),
            (
                CheckRecord {
                    follow_up_action: "Recalculate Q2".into(),
                    follow_up_owner: "Data co-ordinator".into(),
                    follow_up_due: Some(today() - Days::new(1)),
                    ..with_findings.clone()
                },
                AuditProblem::DueBeforeCheck,
            ),
            (
                CheckRecord {
                    checked_on: today() + Days::new(1),
                    ..record(all(CheckOutcome::Met))
                },
                AuditProblem::DateOutOfRange,
            ),
            (
                CheckRecord {
                    checked_by: String::new(),
                    ..record(all(CheckOutcome::Met))
                },
                AuditProblem::NoName,
            ),
        ];
        for (bad, problem) in cases {
            assert_eq!(
                record_checks(&mut workspace, &id, &kpi, &bad, today()),
                Err(problem)
            );
        }
        assert_eq!(
            record_checks(
                &mut workspace,
                &id,
                &KpiId::new("not-drawn").unwrap(),
                &record(all(CheckOutcome::Met)),
                today()
            ),
            Err(AuditProblem::NotInSample)
        );
        assert_eq!(workspace, before);

        let good = CheckRecord {
            follow_up_action: "Recalculate Q2".into(),
            follow_up_owner: "Data co-ordinator".into(),
            follow_up_due: Some(today() + Days::new(14)),
            ..with_findings
        };
        record_checks(&mut workspace, &id, &kpi, &good, today()).unwrap();
        let audited = &workspace.audits[0].sample[0];
        assert!(audited.is_checked());
        assert_eq!(audited.concerns(), 1);
        assert_eq!(
            audited.checks[&AuditCheck::Calculated],
            CheckOutcome::NotMet
        );
        let progress = workspace.audits[0].progress(today() + Days::new(15));
        assert_eq!(
            (
                progress.checked,
                progress.open_follow_ups,
                progress.overdue_follow_ups
            ),
            (1, 1, 1)
        );
        complete_follow_up(&mut workspace, &id, &kpi, today() + Days::new(15)).unwrap();
        assert_eq!(
            workspace.audits[0]
                .progress(today() + Days::new(15))
                .open_follow_ups,
            0
        );
        assert_eq!(
            complete_follow_up(&mut workspace, &id, &kpi, today()),
            Err(AuditProblem::NoFollowUpToClose)
        );
    }

    #[test]
    fn quarters_to_audit_are_the_ended_ones_without_an_audit() {
        let mut workspace = unaudited();
        let open = quarters_to_audit(&workspace, today());
        assert_eq!(open[0], quarter(2026, 2));
        assert_eq!(open.len(), 8);
        assert!(open.iter().all(|q| q.end_date() < today()));
        draw_audit(&mut workspace, &draw(quarter(2026, 2)), today()).unwrap();
        assert_eq!(quarters_to_audit(&workspace, today())[0], quarter(2026, 1));
    }
}
