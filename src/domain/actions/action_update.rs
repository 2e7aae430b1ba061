//! Moving an action on, as the monthly update does: what will be done and how we will know, its owner, due date,
//! status, progress so far and the risk it mitigates. [`update_action`] checks the whole form and reports every
//! problem against its field; what the action still lacks to be SMART comes back as advice.

use chrono::NaiveDate;

use crate::domain::actions::smart::{SmartGap, check_action};
use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::{ActionId, RiskId};
use crate::domain::basics::typed_text::one_line;
use crate::domain::model::action::{Action, ActionStatus, missing_for_smart};
use crate::domain::model::workspace::Workspace;
use crate::domain::rebase::take_changed;

/// What the action form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionForm {
    /// What will be done.
    pub title: String,
    /// How we will know it is done.
    pub measure: String,
    /// The owner's id, or empty.
    pub owner: String,
    /// When it is due (`YYYY-MM-DD`), or empty.
    pub due: String,
    /// Where it stands.
    pub status: ActionStatus,
    /// Progress so far.
    pub progress: String,
    /// The id of the risk it mitigates, or empty.
    pub risk: String,
    /// Why it has no owner or due date, when it lacks one.
    pub open_ended_reason: String,
}

/// The field of the form a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionField {
    /// [`ActionForm::title`].
    Title,
    /// [`ActionForm::owner`].
    Owner,
    /// [`ActionForm::due`].
    Due,
    /// [`ActionForm::risk`].
    Risk,
    /// [`ActionForm::open_ended_reason`].
    OpenEndedReason,
}

/// A problem with the form, against its field.
pub type ActionProblem = FieldProblem<ActionField>;

impl ActionForm {
    /// The form showing `action` as it is.
    pub fn of(action: &Action) -> Self {
        Self {
            title: action.title.clone(),
            measure: action.measure.clone(),
            owner: action
                .owner
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            due: action
                .due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            status: action.status,
            progress: action.progress.clone(),
            risk: action
                .risk
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            open_ended_reason: action.open_ended_reason.clone(),
        }
    }

    /// This form, typed over `loaded`, applied to `current` (the action now): only what was changed is written.
    pub fn rebased(&self, loaded: &ActionForm, current: &ActionForm) -> ActionForm {
        let mut merged = current.clone();
        take_changed!(merged, self, loaded; title, measure, owner, due, status, progress, risk, open_ended_reason);
        merged
    }
}

/// Saves `form` as the action with id `id`; returns what it still lacks to be SMART. Nothing changes when there
/// is a problem: every problem is returned, against its field.
pub fn update_action(
    workspace: &mut Workspace,
    id: &ActionId,
    form: &ActionForm,
) -> Result<Vec<SmartGap>, Vec<ActionProblem>> {
    let Some(at) = workspace.actions.iter().position(|a| &a.id == id) else {
        return Err(vec![ActionProblem::new(
            ActionField::Title,
            "This action is no longer in the workspace (another tab may have changed it).",
        )]);
    };
    let before = &workspace.actions[at];
    let mut problems = Vec::new();
    let title = one_line(&form.title);
    if title.is_empty() {
        problems.push(ActionProblem::new(
            ActionField::Title,
            "Say what will be done: the action needs a title.",
        ));
    }
    let owner = match form.owner.trim() {
        "" => None,
        typed => match workspace.people.iter().find(|p| p.id.as_str() == typed) {
            Some(person) if !person.active && before.owner.as_ref() != Some(&person.id) => {
                problems.push(ActionProblem::new(
                    ActionField::Owner,
                    format!(
                        "{} has left: choose an owner who is still here.",
                        person.name
                    ),
                ));
                None
            }
            Some(person) => Some(person.id.clone()),
            None => {
                problems.push(ActionProblem::new(
                    ActionField::Owner,
                    "The owner chosen is no longer among the people: choose again.",
                ));
                None
            }
        },
    };
    let due = match form.due.trim() {
        "" => None,
        typed => match NaiveDate::parse_from_str(typed, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                problems.push(ActionProblem::new(
                    ActionField::Due,
                    "Give the date it is due as a date, or leave it blank.",
                ));
                None
            }
        },
    };
    let risk: Option<RiskId> = match form.risk.trim() {
        "" => None,
        typed => match workspace.risks.iter().find(|r| r.id.as_str() == typed) {
            Some(found) => Some(found.id.clone()),
            None => {
                problems.push(ActionProblem::new(
                    ActionField::Risk,
                    "The risk chosen is no longer on a register: choose again.",
                ));
                None
            }
        },
    };
    // A blank owner or date, not one refused above, is what SMART asks for.
    if form.status.is_open()
        && let Some(missing) = missing_for_smart(
            !form.owner.trim().is_empty(),
            !form.due.trim().is_empty(),
            &form.open_ended_reason,
        )
    {
        problems.push(ActionProblem::new(
            ActionField::OpenEndedReason,
            format!("An open action needs an owner and a due date: choose {missing}, or say why it has none."),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let action = &mut workspace.actions[at];
    action.title = title;
    action.measure = form.measure.trim().to_owned();
    action.owner = owner;
    action.due = due;
    action.status = form.status;
    action.progress = form.progress.trim().to_owned();
    action.risk = risk;
    action.open_ended_reason = form.open_ended_reason.trim().to_owned();
    Ok(check_action(action))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()
    }

    fn first_open(workspace: &Workspace) -> Action {
        workspace
            .actions
            .iter()
            .find(|a| a.status.is_open())
            .unwrap()
            .clone()
    }

    #[test]
    fn the_monthly_update_moves_an_action_on_and_links_its_risk() {
        let mut workspace = demo_workspace(today());
        let action = first_open(&workspace);
        let risk = workspace.risks[0].id.clone();
        let form = ActionForm {
            status: ActionStatus::InProgress,
            progress: "  Two of three care homes reopened to admissions. ".to_owned(),
            risk: risk.to_string(),
            due: "2026-12-31".to_owned(),
            ..ActionForm::of(&action)
        };
        update_action(&mut workspace, &action.id, &form).unwrap();
        let after = workspace
            .actions
            .iter()
            .find(|a| a.id == action.id)
            .unwrap();
        assert_eq!(after.status, ActionStatus::InProgress);
        assert_eq!(
            after.progress,
            "Two of three care homes reopened to admissions."
        );
        assert_eq!(after.risk, Some(risk));
        assert_eq!(after.due, NaiveDate::from_ymd_opt(2026, 12, 31));
    }

    #[test]
    fn an_open_action_needs_an_owner_and_a_due_date_or_the_reason_it_has_none() {
        let mut workspace = demo_workspace(today());
        let action = first_open(&workspace);
        let mut form = ActionForm {
            owner: String::new(),
            due: String::new(),
            ..ActionForm::of(&action)
        };
        let problems = update_action(&mut workspace, &action.id, &form).unwrap_err();
        assert_eq!(
            problems,
            [ActionProblem::new(
                ActionField::OpenEndedReason,
                "An open action needs an owner and a due date: choose an owner and a due date, or say why it has none."
            )]
        );
        form.open_ended_reason =
            "Waiting for the new service manager to start in January".to_owned();
        update_action(&mut workspace, &action.id, &form).unwrap();
        // A completed action needs neither.
        let done = ActionForm {
            status: ActionStatus::Completed,
            open_ended_reason: String::new(),
            ..form
        };
        assert!(update_action(&mut workspace, &action.id, &done).is_ok());
    }

    #[test]
    fn every_fault_is_reported_at_once_and_nothing_changes() {
        let mut workspace = demo_workspace(today());
        let before = workspace.clone();
        let action = first_open(&workspace);
        let form = ActionForm {
            title: "  ".to_owned(),
            owner: "p-nobody".to_owned(),
            due: "31/12/2026".to_owned(),
            risk: "risk-gone".to_owned(),
            ..ActionForm::of(&action)
        };
        let problems = update_action(&mut workspace, &action.id, &form).unwrap_err();
        let fields: Vec<ActionField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                ActionField::Title,
                ActionField::Owner,
                ActionField::Due,
                ActionField::Risk
            ]
        );
        assert_eq!(workspace, before);
    }
}
