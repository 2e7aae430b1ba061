//! Adding an action to a KPI's action plan, and moving an action on: the new action gets a fresh id and
//! starts "not started"; what it lacks to be SMART is returned as advice rather than refused, because a
//! partly formed action in the plan is better than none — but an action with no title is refused.

use chrono::NaiveDate;

use crate::domain::actions::smart::{SmartGap, check_action};
use crate::domain::basics::ids::{ActionId, KpiId, PersonId};
use crate::domain::model::action::{Action, ActionStatus, missing_for_smart};
use crate::domain::model::workspace::Workspace;

/// What someone typed for a new action.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionDraft {
    /// What will be done.
    pub title: String,
    /// How we will know it is done.
    pub measure: String,
    /// Who owns it.
    pub owner: Option<PersonId>,
    /// When it is due.
    pub due: Option<NaiveDate>,
    /// Why it has no owner or due date, when it lacks one.
    pub open_ended_reason: String,
}

/// Why an action could not be added or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionEntryError {
    /// The title is empty.
    NoTitle,
    /// No owner or no due date, and no reason given: what is missing.
    NotTimeBound(&'static str),
    /// The KPI, owner or action is not in the workspace.
    Unknown(&'static str),
}

impl std::fmt::Display for ActionEntryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActionEntryError::NoTitle => {
                write!(f, "Say what will be done: the action needs a title")
            }
            ActionEntryError::NotTimeBound(missing) => write!(
                f,
                "An action needs an owner and a due date: choose {missing}, or say why it has none"
            ),
            ActionEntryError::Unknown(what) => {
                write!(f, "The {what} is no longer in the workspace")
            }
        }
    }
}

/// The first free id of the form `act-<kpi>-<n>`.
fn fresh_id(workspace: &Workspace, kpi: &KpiId) -> Result<ActionId, ActionEntryError> {
    (1..)
        .map(|n| format!("act-{kpi}-{n}"))
        .find(|candidate| !workspace.actions.iter().any(|a| a.id.as_str() == candidate))
        .and_then(|text| ActionId::try_from(text).ok())
        .ok_or(ActionEntryError::Unknown("KPI"))
}

/// Adds `draft` to `kpi`'s action plan; returns the new id and what it lacks to be SMART.
pub fn add_action(
    workspace: &mut Workspace,
    kpi: &KpiId,
    draft: &ActionDraft,
) -> Result<(ActionId, Vec<SmartGap>), ActionEntryError> {
    if draft.title.trim().is_empty() {
        return Err(ActionEntryError::NoTitle);
    }
    if workspace.kpi(kpi).is_none() {
        return Err(ActionEntryError::Unknown("KPI"));
    }
    if let Some(missing) = missing_for_smart(
        draft.owner.is_some(),
        draft.due.is_some(),
        &draft.open_ended_reason,
    ) {
        return Err(ActionEntryError::NotTimeBound(missing));
    }
    if let Some(owner) = &draft.owner
        && !workspace.people.iter().any(|p| &p.id == owner)
    {
        return Err(ActionEntryError::Unknown("owner"));
    }
    let action = Action {
        id: fresh_id(workspace, kpi)?,
        title: draft.title.trim().to_owned(),
        measure: draft.measure.trim().to_owned(),
        owner: draft.owner.clone(),
        due: draft.due,
        status: ActionStatus::NotStarted,
        kpi: Some(kpi.clone()),
        risk: None,
        progress: String::new(),
        open_ended_reason: draft.open_ended_reason.trim().to_owned(),
    };
    let gaps = check_action(&action);
    let id = action.id.clone();
    workspace.actions.push(action);
    Ok((id, gaps))
}

/// Sets an action's status.
pub fn set_status(
    workspace: &mut Workspace,
    id: &ActionId,
    status: ActionStatus,
) -> Result<(), ActionEntryError> {
    let action = workspace
        .actions
        .iter_mut()
        .find(|a| &a.id == id)
        .ok_or(ActionEntryError::Unknown("action"))?;
    action.status = status;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::actions::smart::SmartElement;
    use crate::storage::envelope::to_file;
    use crate::storage::restore::restore;

    fn setup() -> (Workspace, KpiId) {
        let workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        let kpi = workspace.kpis[0].id.clone();
        (workspace, kpi)
    }

    #[test]
    fn an_action_joins_the_plan_with_a_fresh_id_and_the_workspace_stays_valid() {
        let (mut workspace, kpi) = setup();
        let owner = workspace.people[0].id.clone();
        let draft = ActionDraft {
            title: "Recruit two agency social workers for the duty team".to_owned(),
            measure: "Both in post".to_owned(),
            owner: Some(owner),
            due: NaiveDate::from_ymd_opt(2027, 1, 31),
            open_ended_reason: String::new(),
        };
        let (first, gaps) = add_action(&mut workspace, &kpi, &draft).unwrap();
        assert!(gaps.is_empty(), "{gaps:?}");
        let (second, _) = add_action(&mut workspace, &kpi, &draft).unwrap();
        assert_ne!(first, second);
        assert_eq!(first.as_str(), format!("act-{kpi}-1"));
        let added = workspace.actions.iter().find(|a| a.id == first).unwrap();
        assert_eq!(
            (added.status, added.kpi.as_ref()),
            (ActionStatus::NotStarted, Some(&kpi))
        );
        let at = chrono::Utc::now();
        assert!(
            restore(to_file(&workspace, at, "test").as_bytes()).is_ok(),
            "the workspace still validates"
        );
    }

    #[test]
    fn a_thin_action_is_added_with_advice_and_an_empty_one_is_refused() {
        let (mut workspace, kpi) = setup();
        let mut thin = ActionDraft {
            title: "Fix it".to_owned(),
            ..ActionDraft::default()
        };
        // No owner and no due date: refused until a reason is recorded.
        assert_eq!(
            add_action(&mut workspace, &kpi, &thin),
            Err(ActionEntryError::NotTimeBound("an owner and a due date"))
        );
        thin.open_ended_reason = "Owner to be agreed at the November leadership meeting".to_owned();
        let (_, gaps) = add_action(&mut workspace, &kpi, &thin).unwrap();
        let elements: Vec<SmartElement> = gaps.iter().map(|g| g.element).collect();
        assert_eq!(
            elements,
            [
                SmartElement::Specific,
                SmartElement::Measurable,
                SmartElement::Achievable,
                SmartElement::TimeBound
            ]
        );
        let before = workspace.actions.len();
        assert_eq!(
            add_action(&mut workspace, &kpi, &ActionDraft::default()),
            Err(ActionEntryError::NoTitle)
        );
        assert_eq!(workspace.actions.len(), before);
    }

    #[test]
    fn an_actions_status_moves_on() {
        let (mut workspace, _) = setup();
        let id = workspace.actions[0].id.clone();
        set_status(&mut workspace, &id, ActionStatus::Completed).unwrap();
        assert_eq!(workspace.actions[0].status, ActionStatus::Completed);
        let missing = ActionId::new("no-such-action").unwrap();
        assert_eq!(
            set_status(&mut workspace, &missing, ActionStatus::Completed),
            Err(ActionEntryError::Unknown("action"))
        );
    }
}
