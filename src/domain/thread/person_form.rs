//! A person as the people form holds them: name, job title, team, roles and whether they are a councillor.
//! [`save_person`] adds a person or changes one, checking the whole form first and reporting every problem
//! against its field; nothing changes while there is one.

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::{PersonId, RoleId, TeamId};
use crate::domain::basics::typed_text::one_line;
use crate::domain::model::golden_thread::{Person, RoleHolder};
use crate::domain::model::workspace::Workspace;
use crate::domain::rebase::take_changed;
use crate::domain::thread::record_slot::{NO_LETTER, Slot, name_taken, new_id, put, slot_of};

/// What the people form holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonForm {
    /// Their full name.
    pub name: String,
    /// Their job title.
    pub job_title: String,
    /// The id of their team, or empty for none (a councillor, or a leader above team level).
    pub team: String,
    /// The ids of the roles they hold.
    pub roles: Vec<String>,
    /// Whether they are an elected member.
    pub councillor: bool,
}

/// The field of the form a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonField {
    /// [`PersonForm::name`].
    Name,
    /// [`PersonForm::team`].
    Team,
    /// [`PersonForm::roles`].
    Roles,
}

/// A problem with the form, against its field.
pub type PersonProblem = FieldProblem<PersonField>;

impl PersonForm {
    /// The form showing `person` as they are.
    pub fn of(person: &Person) -> Self {
        Self {
            name: person.name.clone(),
            job_title: person.job_title.clone(),
            team: person
                .team
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            roles: person.roles.iter().map(ToString::to_string).collect(),
            councillor: person.councillor,
        }
    }
}

impl PersonForm {
    /// This form, typed over `loaded` (what it showed), applied to `current` (the person now): a form left open
    /// while another tab saved writes back only what was changed in it.
    pub fn rebased(&self, loaded: &PersonForm, current: &PersonForm) -> PersonForm {
        let mut merged = current.clone();
        take_changed!(merged, self, loaded; name, job_title, team, roles, councillor);
        merged
    }
}

/// Saves `form` as the person with id `id`, or as a new person when `id` is `None`; returns their id.
/// Nothing changes when there is a problem: every problem is returned, against its field.
pub fn save_person(
    workspace: &mut Workspace,
    id: Option<&PersonId>,
    form: &PersonForm,
) -> Result<PersonId, Vec<PersonProblem>> {
    let mut problems = Vec::new();
    let people = &workspace.people;
    let slot = slot_of(
        people.iter().map(|p| p.id.as_str()),
        id.map(PersonId::as_str),
        "person",
    )
    .map_err(|gone| vec![PersonProblem::new(PersonField::Name, gone)])?;
    let before = match slot {
        Slot::At(at) => Some(people[at].clone()),
        Slot::New => None,
    };
    let name = one_line(&form.name);
    if name.is_empty() {
        problems.push(PersonProblem::new(
            PersonField::Name,
            "Give the person's full name.",
        ));
    } else if name_taken(people.iter().map(|p| p.name.as_str()), slot, &name) {
        problems.push(PersonProblem::new(
            PersonField::Name,
            format!(
                "Someone is already called {name}: add what tells them apart (a middle initial), as sign-offs and reviews are recorded by name."
            ),
        ));
    }
    let team = match form.team.trim() {
        "" => None,
        typed => match workspace.teams.iter().find(|t| t.id.as_str() == typed) {
            Some(team)
                if !team.active
                    && before.as_ref().and_then(|p| p.team.as_ref()) != Some(&team.id) =>
            {
                problems.push(PersonProblem::new(
                    PersonField::Team,
                    format!("{} has been retired: choose a current team.", team.name),
                ));
                None
            }
            Some(team) => Some(team.id.clone()),
            None => {
                problems.push(PersonProblem::new(
                    PersonField::Team,
                    "That team is no longer in the workspace: choose another.",
                ));
                None
            }
        },
    };
    if form.councillor && team.is_some() {
        problems.push(PersonProblem::new(
            PersonField::Team,
            "A councillor is not placed in an officer team: choose no team, or untick councillor.",
        ));
    }
    let mut roles: Vec<RoleId> = Vec::new();
    for typed in &form.roles {
        let Some(role) = workspace.roles.iter().find(|r| r.id.as_str() == typed) else {
            problems.push(PersonProblem::new(
                PersonField::Roles,
                "One of the roles chosen is no longer in the workspace: choose again.",
            ));
            continue;
        };
        let wanted = if form.councillor {
            RoleHolder::Member
        } else {
            RoleHolder::Officer
        };
        if role.holder != wanted {
            problems.push(PersonProblem::new(
                PersonField::Roles,
                format!(
                    "{} is a role for {}, and {} {}.",
                    role.name,
                    role.holder.plural(),
                    if name.is_empty() {
                        "this person"
                    } else {
                        &name
                    },
                    if form.councillor {
                        "is a councillor"
                    } else {
                        "is not marked a councillor"
                    }
                ),
            ));
        }
        if !roles.contains(&role.id) {
            roles.push(role.id.clone());
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let job_title = match one_line(&form.job_title) {
        title if title.is_empty() && form.councillor => "Councillor".to_owned(),
        title => title,
    };
    let person = Person {
        id: match &before {
            Some(person) => person.id.clone(),
            None => new_id(workspace.people.iter().map(|p| p.id.as_str()), "p", &name)
                .ok_or_else(|| vec![PersonProblem::new(PersonField::Name, NO_LETTER)])?,
        },
        name,
        job_title,
        team,
        roles,
        councillor: form.councillor,
        active: before.as_ref().is_none_or(|p| p.active),
    };
    let id = person.id.clone();
    put(&mut workspace.people, slot, person);
    Ok(id)
}

/// The teams a person may be placed in: every current team, as (id, "Team, Service").
pub fn team_choices(workspace: &Workspace) -> Vec<(TeamId, String)> {
    workspace
        .teams
        .iter()
        .filter(|t| t.active)
        .map(|t| {
            let service = workspace
                .services
                .iter()
                .find(|s| s.id == t.service)
                .map(|s| s.name.as_str())
                .unwrap_or_default();
            let words = if service.is_empty() {
                t.name.clone()
            } else {
                format!("{} ({service})", t.name)
            };
            (t.id.clone(), words)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::golden_thread::Role;
    use crate::domain::thread::tree::tests::hand_drawn;

    fn with_roles() -> Workspace {
        let mut workspace = hand_drawn();
        let role = |id: &str, name: &str, holder| Role {
            id: RoleId::new(id).unwrap(),
            name: name.to_owned(),
            holder,
            responsibilities: vec![],
        };
        workspace.roles = vec![
            role("r-coord", "Data co-ordinator", RoleHolder::Officer),
            role("r-member", "Lead member", RoleHolder::Member),
        ];
        workspace
    }

    #[test]
    fn a_new_person_gets_an_id_from_their_name_and_lands_in_their_team() {
        let mut workspace = with_roles();
        let form = PersonForm {
            name: "  Grace   Okafor ".to_owned(),
            job_title: "Performance officer".to_owned(),
            team: "t1".to_owned(),
            roles: vec!["r-coord".to_owned(), "r-coord".to_owned()],
            councillor: false,
        };
        let id = save_person(&mut workspace, None, &form).unwrap();
        assert_eq!(id.as_str(), "p-grace-okafor");
        let person = workspace.person(&id).unwrap();
        assert_eq!(person.name, "Grace Okafor");
        assert_eq!(person.team.as_ref().unwrap().as_str(), "t1");
        // The role chosen twice is held once.
        assert_eq!(person.roles.len(), 1);
        assert!(person.active);
    }

    #[test]
    fn a_person_moved_to_another_team_keeps_their_id_and_a_councillor_without_a_title_is_called_councillor()
     {
        let mut workspace = with_roles();
        let ann = PersonId::new("p-ann").unwrap();
        let mut form = PersonForm::of(workspace.person(&ann).unwrap());
        form.team = String::new();
        form.councillor = true;
        form.roles = vec!["r-member".to_owned()];
        assert_eq!(
            save_person(&mut workspace, Some(&ann), &form),
            Ok(ann.clone())
        );
        let person = workspace.person(&ann).unwrap();
        assert_eq!(
            (
                person.team.clone(),
                person.councillor,
                person.job_title.as_str()
            ),
            (None, true, "Councillor")
        );
    }

    #[test]
    fn every_fault_is_reported_at_once_and_nothing_changes() {
        let mut workspace = with_roles();
        let before = workspace.clone();
        // A name already taken (whatever its case), a councillor in an officer team, an officer-only role for a
        // councillor and a role that has gone: four problems, three fields.
        let form = PersonForm {
            name: "ann".to_owned(),
            job_title: String::new(),
            team: "t1".to_owned(),
            roles: vec!["r-coord".to_owned(), "r-gone".to_owned()],
            councillor: true,
        };
        let problems = save_person(&mut workspace, None, &form).unwrap_err();
        let fields: Vec<PersonField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                PersonField::Name,
                PersonField::Team,
                PersonField::Roles,
                PersonField::Roles
            ]
        );
        assert_eq!(
            problems[2].message,
            "Data co-ordinator is a role for officers, and ann is a councillor."
        );
        assert_eq!(workspace, before);
    }

    #[test]
    fn a_retired_team_is_refused_for_a_newcomer_but_kept_for_someone_already_in_it() {
        let mut workspace = with_roles();
        workspace.teams[0].active = false;
        let ann = PersonId::new("p-ann").unwrap();
        let kept = PersonForm::of(workspace.person(&ann).unwrap());
        assert!(save_person(&mut workspace, Some(&ann), &kept).is_ok());
        let newcomer = PersonForm {
            name: "Cy".to_owned(),
            team: "t1".to_owned(),
            ..PersonForm::default()
        };
        let problems = save_person(&mut workspace, None, &newcomer).unwrap_err();
        assert_eq!(
            problems[0].message,
            "Road safety has been retired: choose a current team."
        );
    }

    #[test]
    fn a_blank_name_is_refused() {
        let mut workspace = with_roles();
        let problems = save_person(&mut workspace, None, &PersonForm::default()).unwrap_err();
        assert_eq!(
            problems,
            [PersonProblem::new(
                PersonField::Name,
                "Give the person's full name."
            )]
        );
    }

    #[test]
    fn a_form_left_open_writes_back_only_what_was_changed_in_it() {
        let workspace = with_roles();
        let ann = workspace.person(&PersonId::new("p-ann").unwrap()).unwrap();
        let loaded = PersonForm::of(ann);
        // Another tab gave Ann a job title; this form changed only her team.
        let current = PersonForm {
            job_title: "Road safety officer".to_owned(),
            ..loaded.clone()
        };
        let typed = PersonForm {
            team: String::new(),
            ..loaded.clone()
        };
        let merged = typed.rebased(&loaded, &current);
        assert_eq!(
            (merged.job_title.as_str(), merged.team.as_str()),
            ("Road safety officer", "")
        );
    }
}
