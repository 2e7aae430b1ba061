//! The demo council's KPI audit history: the quarter before the latest one that has ended, drawn twenty
//! working days after it ended from a published seed, with the checks recorded, one concern followed up and
//! one follow-up still open. The latest quarter is left for the user to draw.

use chrono::{Days, NaiveDate};

use crate::domain::assurance::kpi_audit::draw_sample;
use crate::domain::basics::ids::AuditId;
use crate::domain::basics::period::{Frequency, Period};
use crate::domain::model::audit::{AuditCheck, AuditedKpi, CheckOutcome, FollowUp, KpiAudit};
use crate::domain::model::workspace::Workspace;

/// The seed the demo's audit was drawn from.
const SEED: u32 = 271_828;

/// Adds the demo's audit to `workspace` as it stands on `as_at`.
pub(super) fn add(workspace: &mut Workspace, as_at: NaiveDate) {
    let Some(quarter) = Period::containing(Frequency::Quarterly, as_at)
        .and_then(Period::previous)
        .and_then(Period::previous)
    else {
        return;
    };
    let timings = &workspace.framework.calendar;
    let drawn_on = timings.working_days_after(quarter.end_date(), timings.audit_sample);
    let checked_on = (drawn_on + Days::new(10)).min(as_at);
    let mut sample: Vec<AuditedKpi> = draw_sample(workspace, quarter, SEED, 2)
        .into_iter()
        .map(|(committee, kpi)| AuditedKpi::drawn(committee, kpi))
        .collect();
    let last = sample.len().saturating_sub(1);
    for (n, audited) in sample.iter_mut().enumerate().take(last) {
        audited.checks = AuditCheck::ALL
            .into_iter()
            .map(|c| (c, CheckOutcome::Met))
            .collect();
        audited.checked_by = "Priya Shah".to_owned();
        audited.checked_on = Some(checked_on);
        match n {
            1 => {
                audited
                    .checks
                    .insert(AuditCheck::RemedialAction, CheckOutcome::PartlyMet);
                audited.findings =
                    "The action plan for the red quarter had no dates or owner.".to_owned();
                audited.follow_up = Some(FollowUp {
                    action: "Head of service to add owners and dates to the action plan".to_owned(),
                    owner: "Head of service".to_owned(),
                    due: checked_on + Days::new(28),
                    done: Some((checked_on + Days::new(21)).min(as_at)),
                });
            }
            2 => {
                audited
                    .checks
                    .insert(AuditCheck::Calculated, CheckOutcome::NotMet);
                audited.findings =
                    "The denominator counted cases closed before the quarter began.".to_owned();
                audited.follow_up = Some(FollowUp {
                    action: "Recalculate the quarter and correct the committee report".to_owned(),
                    owner: "Data co-ordinator".to_owned(),
                    due: as_at + Days::new(14),
                    done: None,
                });
            }
            _ => {}
        }
    }
    workspace.audits.push(KpiAudit {
        id: AuditId::new("audit-demo").expect("a valid id"),
        quarter,
        seed: SEED,
        per_committee: 2,
        drawn_on: drawn_on.min(as_at),
        drawn_by: "Governance and Performance Team".to_owned(),
        sample,
    });
}
