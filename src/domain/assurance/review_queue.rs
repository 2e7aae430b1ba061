//! What is one person's to review now (the roles framework, the performance protocol and the Cambridgeshire PMF, appendices D and E): the risks they own whose
//! review is due, their open actions, the figures they are responsible for that are not yet entered or
//! submitted, the figures awaiting their approval as head of service or director, red KPIs in their area
//! without an action plan, audit follow-ups in their name, and — for the Governance and Performance Team — a
//! quarter whose audit sample is due to be drawn. Most pressing first.

use crate::domain::basics::shared_sort::SharedSort;
use chrono::{Days, NaiveDate};

use crate::domain::basics::ids::{AuditId, KpiId, PersonId, RiskId};
use crate::domain::basics::period::reporting_period;
use crate::domain::basics::period::{Frequency, Period};
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::measurement::ValidationState;
use crate::domain::model::risk::ReviewStatus;
use crate::domain::model::workspace::{PerformanceIndex, Workspace};
use crate::domain::scorecard::engine::scorecard_row;

/// How far ahead a date counts as "now".
pub const LOOK_AHEAD_DAYS: u64 = 30;

/// The role whose holders draw the quarterly audit sample (the Cambridgeshire PMF).
const AUDIT_ROLE_NAME: &str = "Governance and Performance Team";

/// What a duty concerns, for a link to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DutySubject {
    /// A KPI.
    Kpi(KpiId),
    /// A risk.
    Risk(RiskId),
    /// An audit.
    Audit(AuditId),
    /// The audit page, to draw a new sample.
    NewAudit,
}

/// One thing to review or do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duty {
    /// What to do, in words.
    pub what: String,
    /// By when, if there is a date.
    pub due: Option<NaiveDate>,
    /// Past its date.
    pub overdue: bool,
    /// What it concerns.
    pub subject: DutySubject,
}

fn duty(what: String, due: Option<NaiveDate>, today: NaiveDate, subject: DutySubject) -> Duty {
    Duty {
        overdue: due.is_some_and(|d| d < today),
        what,
        due,
        subject,
    }
}

/// Whether `person` heads the service or directorate `kpi` belongs to.
fn approves(workspace: &Workspace, kpi: &KpiDefinition, person: &PersonId) -> bool {
    let heads_service = workspace
        .service_of_kpi(kpi)
        .and_then(|id| workspace.services.iter().find(|s| &s.id == id))
        .is_some_and(|s| s.head.as_ref() == Some(person));
    let directs = workspace
        .directorate_of_kpi(kpi)
        .and_then(|id| workspace.directorates.iter().find(|d| &d.id == id))
        .is_some_and(|d| d.director.as_ref() == Some(person));
    heads_service || directs
}

/// Everything that is `person`'s to review on `today`: overdue first, then by date, undated last.
pub fn review_queue(
    workspace: &Workspace,
    index: &PerformanceIndex<'_>,
    person: &PersonId,
    today: NaiveDate,
) -> Vec<Duty> {
    let horizon = today + Days::new(LOOK_AHEAD_DAYS);
    let timings = &workspace.framework.calendar;
    let mut duties = Vec::new();
    for risk in workspace
        .risks
        .iter()
        .filter(|r| r.closed.is_none() && r.owner.as_ref() == Some(person))
    {
        let due = match risk.review_status(&workspace.framework, today) {
            ReviewStatus::Overdue { due, .. } => due,
            ReviewStatus::DueIn { due, .. } if due <= horizon => due,
            ReviewStatus::DueIn { .. } => continue,
        };
        duties.push(duty(
            format!("Review the risk \u{201c}{}\u{201d}", risk.title),
            Some(due),
            today,
            DutySubject::Risk(risk.id.clone()),
        ));
    }
    for action in workspace.actions.iter().filter(|a| {
        a.status.is_open() && a.owner.as_ref() == Some(person) && a.due.is_none_or(|d| d <= horizon)
    }) {
        let subject = match (&action.kpi, &action.risk) {
            (Some(kpi), _) => DutySubject::Kpi(kpi.clone()),
            (None, Some(risk)) => DutySubject::Risk(risk.clone()),
            (None, None) => continue,
        };
        duties.push(duty(
            format!("Complete the action \u{201c}{}\u{201d}", action.title),
            action.due,
            today,
            subject,
        ));
    }
    for kpi in workspace.kpis.iter().filter(|k| k.status.is_live()) {
        let Some(period) = reporting_period(kpi.frequency, today) else {
            continue;
        };
        let figure_due = figure_due(timings, period);
        let history = index.history(&kpi.id);
        let state = history
            .get(&period)
            .filter(|m| m.resolved_value(kpi.unit).is_some())
            .map(|m| m.validation.state);
        let responsible =
            kpi.owner.as_ref() == Some(person) || kpi.data_coordinator.as_ref() == Some(person);
        let subject = || DutySubject::Kpi(kpi.id.clone());
        match state {
            None | Some(ValidationState::Draft) if responsible => duties.push(duty(
                format!(
                    "{} the figure for {} ({period})",
                    if state.is_none() {
                        "Enter and submit"
                    } else {
                        "Submit"
                    },
                    kpi.name
                ),
                Some(figure_due),
                today,
                subject(),
            )),
            Some(ValidationState::Submitted) if approves(workspace, kpi, person) => {
                duties.push(duty(
                    format!("Approve the figure for {} ({period})", kpi.name),
                    Some(figure_due),
                    today,
                    subject(),
                ));
            }
            _ => {}
        }
        if approves(workspace, kpi, person)
            && scorecard_row(workspace, index, kpi, today)
                .is_some_and(|row| row.status() == Some(RagStatus::Red) && row.needs_action_plan())
        {
            duties.push(duty(
                format!("Agree an action plan for {}, which is red", kpi.name),
                None,
                today,
                subject(),
            ));
        }
    }
    if let Some(me) = workspace.person(person) {
        for audit in &workspace.audits {
            for audited in &audit.sample {
                if let Some(follow_up) = audited.follow_up.as_ref().filter(|f| {
                    f.done.is_none() && f.owner.trim().eq_ignore_ascii_case(me.name.trim())
                }) {
                    duties.push(duty(
                        format!("Audit follow-up: {}", follow_up.action),
                        Some(follow_up.due),
                        today,
                        DutySubject::Audit(audit.id.clone()),
                    ));
                }
            }
        }
        let draws_audits = me.roles.iter().any(|r| {
            workspace
                .roles
                .iter()
                .any(|role| &role.id == r && role.name == AUDIT_ROLE_NAME)
        });
        if let Some(quarter) =
            reporting_period(Frequency::Quarterly, today).filter(|_| draws_audits)
        {
            let draw_by = timings.working_days_after(quarter.end_date(), timings.audit_sample);
            if !workspace.audits.iter().any(|a| a.quarter == quarter) && draw_by <= horizon {
                duties.push(duty(
                    format!("Draw the KPI audit sample for {quarter}"),
                    Some(draw_by),
                    today,
                    DutySubject::NewAudit,
                ));
            }
        }
    }
    duties.shared_sort_by(|a, b| {
        (!a.overdue, a.due.is_none(), a.due, &a.what).cmp(&(
            !b.overdue,
            b.due.is_none(),
            b.due,
            &b.what,
        ))
    });
    duties
}

/// When the figure for `period` is due: the framework's working days after the month it ends in.
fn figure_due(
    timings: &crate::domain::basics::calendar_timings::CalendarTimings,
    period: Period,
) -> NaiveDate {
    timings.working_days_after(period.end_date(), timings.data_due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::assurance::audit_entry::{AuditDraw, draw_audit};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    #[test]
    fn a_risk_owner_sees_the_reviews_due_and_the_queue_is_overdue_first() {
        let workspace = demo_workspace(today());
        let index = PerformanceIndex::new(&workspace.measurements);
        let framework = &workspace.framework;
        let owner = workspace
            .risks
            .iter()
            .filter(|r| r.closed.is_none())
            .find(|r| {
                matches!(
                    r.review_status(framework, today()),
                    ReviewStatus::Overdue { .. }
                )
            })
            .and_then(|r| r.owner.clone())
            .expect("the demo has an overdue risk review with an owner");
        let queue = review_queue(&workspace, &index, &owner, today());
        let risks: Vec<&RiskId> = queue
            .iter()
            .filter_map(|d| match &d.subject {
                DutySubject::Risk(id) if d.what.starts_with("Review") => Some(id),
                _ => None,
            })
            .collect();
        let expected: Vec<&RiskId> = workspace
            .risks
            .iter()
            .filter(|r| r.closed.is_none() && r.owner.as_ref() == Some(&owner))
            .filter(|r| r.next_review_due(framework) <= today() + Days::new(LOOK_AHEAD_DAYS))
            .map(|r| &r.id)
            .collect();
        assert_eq!(risks.len(), expected.len());
        assert!(expected.iter().all(|id| risks.contains(id)));
        assert!(queue[0].overdue);
        let first_not_overdue = queue.iter().position(|d| !d.overdue).unwrap_or(queue.len());
        assert!(queue[first_not_overdue..].iter().all(|d| !d.overdue));
    }

    #[test]
    fn a_missing_figure_goes_to_its_officer_and_a_submitted_one_to_the_head_of_service() {
        let mut workspace = demo_workspace(today());
        let kpi = workspace
            .kpis
            .iter()
            .find(|k| {
                k.status.is_live()
                    && k.frequency == Frequency::Monthly
                    && k.data_coordinator.is_some()
                    && workspace
                        .service_of_kpi(k)
                        .and_then(|s| workspace.services.iter().find(|x| &x.id == s))
                        .is_some_and(|s| s.head.is_some() && s.head != k.data_coordinator)
            })
            .unwrap()
            .clone();
        let period = reporting_period(Frequency::Monthly, today()).unwrap();
        let head = workspace
            .services
            .iter()
            .find(|s| Some(&s.id) == workspace.service_of_kpi(&kpi))
            .and_then(|s| s.head.clone())
            .unwrap();
        let coordinator = kpi.data_coordinator.clone().unwrap();
        let mentions = |queue: &[Duty], verb: &str| {
            queue
                .iter()
                .any(|d| d.what.starts_with(verb) && d.subject == DutySubject::Kpi(kpi.id.clone()))
        };
        workspace
            .measurements
            .retain(|m| !(m.kpi == kpi.id && m.period == period));
        {
            let index = PerformanceIndex::new(&workspace.measurements);
            assert!(mentions(
                &review_queue(&workspace, &index, &coordinator, today()),
                "Enter and submit"
            ));
            assert!(!mentions(
                &review_queue(&workspace, &index, &head, today()),
                "Approve"
            ));
        }
        let mut submitted =
            crate::domain::model::measurement::Measurement::new(kpi.id.clone(), period, 1.0);
        submitted.validation.state = ValidationState::Submitted;
        workspace.measurements.push(submitted);
        let index = PerformanceIndex::new(&workspace.measurements);
        assert!(!mentions(
            &review_queue(&workspace, &index, &coordinator, today()),
            "Enter"
        ));
        let for_head = review_queue(&workspace, &index, &head, today());
        assert!(mentions(&for_head, "Approve"));
        let approval = for_head
            .iter()
            .find(|d| {
                d.what.starts_with("Approve") && d.subject == DutySubject::Kpi(kpi.id.clone())
            })
            .unwrap();
        assert_eq!(
            approval.due,
            Some(
                workspace
                    .framework
                    .calendar
                    .working_days_after(period.end_date(), 10)
            )
        );
    }

    #[test]
    fn the_audit_team_is_asked_to_draw_until_the_quarter_is_drawn() {
        let mut workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 20).unwrap());
        let day = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
        let auditor = workspace
            .people
            .iter()
            .find(|p| {
                p.roles.iter().any(|r| {
                    workspace
                        .roles
                        .iter()
                        .any(|role| &role.id == r && role.name == AUDIT_ROLE_NAME)
                })
            })
            .map(|p| p.id.clone())
            .expect("the demo has someone in the Governance and Performance Team");
        let asked = |w: &Workspace| {
            let index = PerformanceIndex::new(&w.measurements);
            review_queue(w, &index, &auditor, day)
                .iter()
                .any(|d| d.subject == DutySubject::NewAudit)
        };
        assert!(asked(&workspace));
        let quarter = reporting_period(Frequency::Quarterly, day).unwrap();
        draw_audit(
            &mut workspace,
            &AuditDraw {
                quarter,
                seed: 1,
                per_committee: 1,
                drawn_by: "GPT".into(),
            },
            day,
        )
        .unwrap();
        assert!(!asked(&workspace));
    }
}
