//! A committee as the committees form holds it: its name, its kind and its chair. [`save_committee`] adds a
//! committee or changes one, checking the whole form first.

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::CommitteeId;
use crate::domain::basics::typed_text::one_line;
use crate::domain::model::golden_thread::{Committee, CommitteeKind};
use crate::domain::model::workspace::Workspace;
use crate::domain::rebase::take_changed;
use crate::domain::thread::record_slot::{NO_LETTER, Slot, name_taken, new_id, put, slot_of};

/// What the committees form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitteeForm {
    /// The committee's name.
    pub name: String,
    /// What kind of committee it is.
    pub kind: CommitteeKind,
    /// The id of its chair, or empty for none yet.
    pub chair: String,
}

/// The field of the form a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommitteeField {
    /// [`CommitteeForm::name`].
    Name,
    /// [`CommitteeForm::chair`].
    Chair,
}

/// A problem with the form, against its field.
pub type CommitteeProblem = FieldProblem<CommitteeField>;

impl CommitteeForm {
    /// The form showing `committee` as it is.
    pub fn of(committee: &Committee) -> Self {
        Self {
            name: committee.name.clone(),
            kind: committee.kind,
            chair: committee
                .chair
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        }
    }

    /// An empty form for a new policy and service committee.
    pub fn blank() -> Self {
        Self {
            name: String::new(),
            kind: CommitteeKind::PolicyAndService,
            chair: String::new(),
        }
    }
}

impl CommitteeForm {
    /// This form, typed over `loaded`, applied to `current` (the committee now): only what was changed is
    /// written.
    pub fn rebased(&self, loaded: &CommitteeForm, current: &CommitteeForm) -> CommitteeForm {
        let mut merged = current.clone();
        take_changed!(merged, self, loaded; name, kind, chair);
        merged
    }
}

/// Saves `form` as the committee with id `id`, or as a new committee when `id` is `None`; returns its id.
/// Nothing changes when there is a problem: every problem is returned, against its field.
pub fn save_committee(
    workspace: &mut Workspace,
    id: Option<&CommitteeId>,
    form: &CommitteeForm,
) -> Result<CommitteeId, Vec<CommitteeProblem>> {
    let committees = &workspace.committees;
    let slot = slot_of(
        committees.iter().map(|c| c.id.as_str()),
        id.map(CommitteeId::as_str),
        "committee",
    )
    .map_err(|gone| vec![CommitteeProblem::new(CommitteeField::Name, gone)])?;
    let mut problems = Vec::new();
    let name = one_line(&form.name);
    if name.is_empty() {
        problems.push(CommitteeProblem::new(
            CommitteeField::Name,
            "Give the committee's name.",
        ));
    } else if name_taken(committees.iter().map(|c| c.name.as_str()), slot, &name) {
        problems.push(CommitteeProblem::new(
            CommitteeField::Name,
            format!("There is already a committee called {name}."),
        ));
    }
    let before = match slot {
        Slot::At(at) => committees[at].chair.clone(),
        Slot::New => None,
    };
    let chair = match form.chair.trim() {
        "" => None,
        typed => match workspace.people.iter().find(|p| p.id.as_str() == typed) {
            None => {
                problems.push(CommitteeProblem::new(
                    CommitteeField::Chair,
                    "The chair chosen is no longer in the workspace: choose again.",
                ));
                None
            }
            Some(person) if !person.councillor => {
                problems.push(CommitteeProblem::new(
                    CommitteeField::Chair,
                    format!(
                        "{} is not a councillor: committees are chaired by councillors.",
                        person.name
                    ),
                ));
                None
            }
            Some(person) if !person.active && before.as_ref() != Some(&person.id) => {
                problems.push(CommitteeProblem::new(
                    CommitteeField::Chair,
                    format!("{} has left: choose a current councillor.", person.name),
                ));
                None
            }
            Some(person) => Some(person.id.clone()),
        },
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let id = match slot {
        Slot::At(at) => workspace.committees[at].id.clone(),
        Slot::New => new_id(
            workspace.committees.iter().map(|c| c.id.as_str()),
            "com",
            &name,
        )
        .ok_or_else(|| vec![CommitteeProblem::new(CommitteeField::Name, NO_LETTER)])?,
    };
    let committee = Committee {
        id: id.clone(),
        name,
        kind: form.kind,
        chair,
    };
    put(&mut workspace.committees, slot, committee);
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    #[test]
    fn a_committee_is_added_chaired_by_a_councillor_and_changed_later() {
        let mut workspace = hand_drawn();
        let form = CommitteeForm {
            name: "Audit and Governance".to_owned(),
            kind: CommitteeKind::Audit,
            chair: "p-cllr".to_owned(),
        };
        let id = save_committee(&mut workspace, None, &form).unwrap();
        assert_eq!(id.as_str(), "com-audit-and-governance");
        assert_eq!(
            workspace.committees[0].chair.as_ref().unwrap().as_str(),
            "p-cllr"
        );
        let unchaired = CommitteeForm {
            chair: String::new(),
            ..CommitteeForm::of(&workspace.committees[0])
        };
        assert_eq!(
            save_committee(&mut workspace, Some(&id), &unchaired),
            Ok(id)
        );
        assert_eq!(workspace.committees[0].chair, None);
    }

    #[test]
    fn an_officer_chair_and_a_blank_name_are_both_reported_and_nothing_changes() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        let problems = save_committee(
            &mut workspace,
            None,
            &CommitteeForm {
                name: "  ".to_owned(),
                kind: CommitteeKind::Scrutiny,
                chair: "p-ann".to_owned(),
            },
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                CommitteeProblem::new(CommitteeField::Name, "Give the committee's name."),
                CommitteeProblem::new(
                    CommitteeField::Chair,
                    "Ann is not a councillor: committees are chaired by councillors."
                ),
            ]
        );
        assert_eq!(workspace, before);
    }
}
