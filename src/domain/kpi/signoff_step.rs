//! Signing off a recorded figure (the performance protocol): submitting it for approval, approving it, or
//! returning it to draft. The protocol's rules are checked here, where every way in shares them: an off-target
//! figure (amber or red) is not submitted without a variance explanation; a red figure with no open action plan
//! is submitted but flagged, so the approver sees it; no one approves their own submission.

use chrono::{DateTime, Utc};

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::kpi::assessment::assess;
use crate::domain::kpi::measurement_entry::{EntryField, EntryProblem};
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::workspace::{PerformanceIndex, Workspace};

/// A step in a figure's sign-off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignoffStep {
    /// Submit a draft for approval.
    Submit,
    /// Approve a submitted figure.
    Approve,
    /// Return a submitted or approved figure to draft.
    Reopen,
}

/// What a step left for the person to know: a flag on a red figure submitted with no action plan.
pub type StepFlag = Option<String>;

/// Takes `step` on `kpi`'s figure for `period`, by the person named `by`, at `at`. Refused, with the field the
/// person must change, when the rules forbid it; nothing changes then.
pub fn take_step(
    workspace: &mut Workspace,
    kpi: &KpiId,
    period: Period,
    step: SignoffStep,
    by: &str,
    at: DateTime<Utc>,
) -> Result<StepFlag, EntryProblem> {
    let refuse = |field: EntryField, message: String| EntryProblem::new(field, message);
    let definition = workspace.kpi(kpi).cloned().ok_or_else(|| {
        refuse(
            EntryField::By,
            "this KPI is no longer in the workspace".to_owned(),
        )
    })?;
    let index = PerformanceIndex::new(&workspace.measurements);
    let status = assess(
        &definition,
        &index.history(kpi),
        period,
        &workspace.framework,
    )
    .rating
    .status();
    let has_action_plan = workspace
        .actions
        .iter()
        .any(|a| a.status.is_open() && a.kpi.as_ref() == Some(kpi));
    let measurement = workspace
        .measurements
        .iter_mut()
        .find(|m| &m.kpi == kpi && m.period == period)
        .ok_or_else(|| {
            refuse(
                EntryField::Value,
                "save a value for this period first".to_owned(),
            )
        })?;
    match step {
        SignoffStep::Submit => {
            if let Some(off @ (RagStatus::Amber | RagStatus::Red)) = status
                && measurement.variance_explanation.trim().is_empty()
            {
                return Err(refuse(
                    EntryField::VarianceExplanation,
                    format!(
                        "this figure is {} against its target: explain the variance (why performance differs \
                         from the target) and save before submitting it",
                        off.label().to_lowercase()
                    ),
                ));
            }
            measurement
                .submit(definition.unit, by, at)
                .map_err(|e| refuse(EntryField::By, e.to_string()))?;
            Ok((status == Some(RagStatus::Red) && !has_action_plan).then(|| {
                "Submitted, and flagged for the approver: this figure is red and the KPI has no open action \
                 plan. Add one under \u{201c}Actions\u{201d} below."
                    .to_owned()
            }))
        }
        SignoffStep::Approve => {
            measurement
                .approve(by, at)
                .map_err(|e| refuse(EntryField::By, e.to_string()))?;
            Ok(None)
        }
        SignoffStep::Reopen => {
            measurement.reopen();
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::basics::ids::ActionId;
    use crate::domain::basics::period::FinancialYear;
    use crate::domain::model::action::{Action, ActionStatus};
    use crate::domain::model::framework::Framework;
    use crate::domain::model::kpi::Target;
    use crate::domain::model::kpi::tests::sample_kpi;
    use crate::domain::model::measurement::{Measurement, ValidationState};

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 10, 5, 9, 0, 0).unwrap()
    }

    fn october() -> Period {
        Period::parse("Oct 2026").unwrap()
    }

    /// One monthly KPI (higher is better, target 80 in October 2026) with October's figure `value`. Under the
    /// default rule 80 or more is green, 72 to 80 (within 10%) amber, below 72 red.
    fn council(value: f64) -> Workspace {
        let year = FinancialYear::starting(2026).unwrap();
        let mut workspace = Workspace::new(Framework::new("Testshire", year));
        let mut kpi = sample_kpi("k1");
        kpi.targets.push(Target {
            period: october(),
            value: 80.0,
        });
        workspace.kpis.push(kpi.clone());
        workspace
            .measurements
            .push(Measurement::new(kpi.id, october(), value));
        workspace
    }

    fn k1() -> KpiId {
        KpiId::new("k1").unwrap()
    }

    fn state(workspace: &Workspace) -> ValidationState {
        workspace.measurements[0].validation.state
    }

    fn submit(workspace: &mut Workspace) -> Result<StepFlag, EntryProblem> {
        take_step(
            workspace,
            &k1(),
            october(),
            SignoffStep::Submit,
            "Mel Johnson",
            at(),
        )
    }

    #[test]
    fn an_off_target_figure_needs_a_variance_explanation_before_it_is_submitted() {
        // 75 is 6.25% short of 80: amber.
        let mut workspace = council(75.0);
        let refused = submit(&mut workspace).unwrap_err();
        assert_eq!(refused.field, EntryField::VarianceExplanation);
        assert!(
            refused
                .message
                .starts_with("this figure is amber against its target"),
            "{}",
            refused.message
        );
        assert_eq!(state(&workspace), ValidationState::Draft, "nothing changed");
        workspace.measurements[0].variance_explanation = "Two assessors on leave".to_owned();
        assert_eq!(submit(&mut workspace), Ok(None));
        assert_eq!(state(&workspace), ValidationState::Submitted);
    }

    #[test]
    fn an_on_target_figure_is_submitted_without_an_explanation() {
        // 85 is above 80: green.
        let mut workspace = council(85.0);
        assert_eq!(submit(&mut workspace), Ok(None));
        assert_eq!(state(&workspace), ValidationState::Submitted);
    }

    #[test]
    fn a_red_figure_without_an_action_plan_is_submitted_and_flagged() {
        // 60 is 25% short of 80: red.
        let mut workspace = council(60.0);
        workspace.measurements[0].variance_explanation = "Market failure".to_owned();
        let flag = submit(&mut workspace).unwrap();
        assert!(flag.is_some_and(|f| f.contains("no open action plan")));
        assert_eq!(state(&workspace), ValidationState::Submitted);
        // With an open action linked to the KPI there is nothing to flag.
        let mut planned = council(60.0);
        planned.measurements[0].variance_explanation = "Market failure".to_owned();
        planned.actions.push(Action {
            id: ActionId::new("a1").unwrap(),
            title: "Recover the backlog".to_owned(),
            measure: String::new(),
            owner: None,
            due: None,
            status: ActionStatus::InProgress,
            kpi: Some(k1()),
            risk: None,
            progress: String::new(),
            open_ended_reason: String::new(),
        });
        assert_eq!(submit(&mut planned), Ok(None));
    }

    #[test]
    fn approving_ones_own_submission_is_refused_with_the_reason() {
        let mut workspace = council(85.0);
        submit(&mut workspace).unwrap();
        let refused = take_step(
            &mut workspace,
            &k1(),
            october(),
            SignoffStep::Approve,
            "mel johnson",
            at(),
        )
        .unwrap_err();
        assert_eq!(
            (refused.field, refused.message.as_str()),
            (
                EntryField::By,
                "you submitted this figure, so someone else must approve it: the performance protocol asks a \
                 second person to check every figure before it is reported"
            )
        );
        assert_eq!(state(&workspace), ValidationState::Submitted);
        let approved = take_step(
            &mut workspace,
            &k1(),
            october(),
            SignoffStep::Approve,
            "Keith Fletcher",
            at(),
        );
        assert_eq!(approved, Ok(None));
        assert_eq!(state(&workspace), ValidationState::Approved);
    }
}
