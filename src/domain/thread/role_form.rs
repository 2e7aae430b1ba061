//! A role as the roles form holds it: its name, whether officers or councillors hold it, and its
//! responsibilities one to a line. [`save_role`] adds a role or changes one, checking the whole form first.

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::RoleId;
use crate::domain::basics::typed_text::one_line;
use crate::domain::model::golden_thread::{Role, RoleHolder};
use crate::domain::model::workspace::Workspace;
use crate::domain::rebase::take_changed;
use crate::domain::thread::record_slot::{NO_LETTER, Slot, name_taken, new_id, put, slot_of};

/// What the roles form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleForm {
    /// The role's name.
    pub name: String,
    /// Held by officers or by councillors.
    pub holder: RoleHolder,
    /// Its responsibilities, one to a line.
    pub responsibilities: String,
}

/// The field of the form a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoleField {
    /// [`RoleForm::name`].
    Name,
    /// [`RoleForm::holder`].
    Holder,
}

/// A problem with the form, against its field.
pub type RoleProblem = FieldProblem<RoleField>;

impl RoleForm {
    /// The form showing `role` as it is.
    pub fn of(role: &Role) -> Self {
        Self {
            name: role.name.clone(),
            holder: role.holder,
            responsibilities: role.responsibilities.join("\n"),
        }
    }

    /// An empty form for a new officers' role.
    pub fn blank() -> Self {
        Self {
            name: String::new(),
            holder: RoleHolder::Officer,
            responsibilities: String::new(),
        }
    }
}

impl RoleForm {
    /// This form, typed over `loaded`, applied to `current` (the role now): only what was changed is written.
    pub fn rebased(&self, loaded: &RoleForm, current: &RoleForm) -> RoleForm {
        let mut merged = current.clone();
        take_changed!(merged, self, loaded; name, holder, responsibilities);
        merged
    }
}

/// Saves `form` as the role with id `id`, or as a new role when `id` is `None`; returns its id. Nothing
/// changes when there is a problem: every problem is returned, against its field.
pub fn save_role(
    workspace: &mut Workspace,
    id: Option<&RoleId>,
    form: &RoleForm,
) -> Result<RoleId, Vec<RoleProblem>> {
    let roles = &workspace.roles;
    let slot = slot_of(
        roles.iter().map(|r| r.id.as_str()),
        id.map(RoleId::as_str),
        "role",
    )
    .map_err(|gone| vec![RoleProblem::new(RoleField::Name, gone)])?;
    let mut problems = Vec::new();
    let name = one_line(&form.name);
    if name.is_empty() {
        problems.push(RoleProblem::new(RoleField::Name, "Give the role's name."));
    } else if name_taken(roles.iter().map(|r| r.name.as_str()), slot, &name) {
        problems.push(RoleProblem::new(
            RoleField::Name,
            format!("There is already a role called {name}."),
        ));
    }
    if let Some(id) = id {
        let holders_of_other_kind: Vec<&str> = workspace
            .people
            .iter()
            .filter(|p| p.roles.contains(id) && p.councillor != (form.holder == RoleHolder::Member))
            .map(|p| p.name.as_str())
            .collect();
        if !holders_of_other_kind.is_empty() {
            problems.push(RoleProblem::new(
                RoleField::Holder,
                format!(
                    "{} {} this role: take it from them on the people list before giving it to {}.",
                    holders_of_other_kind.join(", "),
                    if holders_of_other_kind.len() == 1 {
                        "holds"
                    } else {
                        "hold"
                    },
                    form.holder.plural()
                ),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let responsibilities: Vec<String> = form
        .responsibilities
        .lines()
        .map(one_line)
        .filter(|line| !line.is_empty())
        .collect();
    let id = match slot {
        Slot::At(at) => workspace.roles[at].id.clone(),
        Slot::New => new_id(workspace.roles.iter().map(|r| r.id.as_str()), "role", &name)
            .ok_or_else(|| vec![RoleProblem::new(RoleField::Name, NO_LETTER)])?,
    };
    let role = Role {
        id: id.clone(),
        name,
        holder: form.holder,
        responsibilities,
    };
    put(&mut workspace.roles, slot, role);
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    #[test]
    fn a_role_is_added_with_one_responsibility_a_line_and_renamed_later() {
        let mut workspace = hand_drawn();
        let form = RoleForm {
            name: " Data   co-ordinator ".to_owned(),
            holder: RoleHolder::Officer,
            responsibilities: "Enter the figures\n\n  Check them  \n".to_owned(),
        };
        let id = save_role(&mut workspace, None, &form).unwrap();
        assert_eq!(id.as_str(), "role-data-co-ordinator");
        assert_eq!(
            workspace.roles[0].responsibilities,
            ["Enter the figures", "Check them"]
        );
        let renamed = RoleForm {
            name: "Data lead".to_owned(),
            ..RoleForm::of(&workspace.roles[0])
        };
        assert_eq!(save_role(&mut workspace, Some(&id), &renamed), Ok(id));
        assert_eq!(workspace.roles[0].name, "Data lead");
    }

    #[test]
    fn a_role_cannot_change_hands_while_held_by_the_other_kind_and_a_name_is_not_used_twice() {
        let mut workspace = hand_drawn();
        let id = save_role(
            &mut workspace,
            None,
            &RoleForm {
                name: "Data lead".to_owned(),
                ..RoleForm::blank()
            },
        )
        .unwrap();
        workspace.people[2].roles.push(id.clone()); // Ann, an officer
        let before = workspace.clone();
        let problems = save_role(
            &mut workspace,
            Some(&id),
            &RoleForm {
                name: "DATA LEAD".to_owned(),
                holder: RoleHolder::Member,
                responsibilities: String::new(),
            },
        )
        .unwrap_err();
        // Its own name in other capitals is fine; Ann holding it is not.
        assert_eq!(
            problems,
            [RoleProblem::new(
                RoleField::Holder,
                "Ann holds this role: take it from them on the people list before giving it to councillors."
            )]
        );
        let twin = save_role(
            &mut workspace,
            None,
            &RoleForm {
                name: "data lead".to_owned(),
                ..RoleForm::blank()
            },
        )
        .unwrap_err();
        assert_eq!(twin[0].message, "There is already a role called data lead.");
        assert_eq!(workspace, before);
    }
}
