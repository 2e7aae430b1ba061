//! The people, directorates and services a council's sheet names, found in the workspace: an owner by name or
//! by job title ("Head of Housing Delivery"), a directorate or service by name, each without regard to case or
//! surrounding spaces. A name that matches none, or more than one, is said back rather than guessed.

use crate::domain::basics::ids::{DirectorateId, PersonId, ServiceId};
use crate::domain::model::workspace::Workspace;

/// What a name in a cell was found to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found<T> {
    /// The one record it names; with a note when it was found other than by its name.
    One(T, Option<String>),
    /// Nothing, or more than one: why, in plain English.
    NotFound(String),
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The one match among `candidates`, or why there is none.
fn only<T: Clone>(matches: &[(T, &str)], text: &str, kind: &str, where_to_add: &str) -> Found<T> {
    match matches {
        [(id, _)] => Found::One(id.clone(), None),
        [] => Found::NotFound(format!(
            "\"{}\" is not one of the workspace's {kind}, so it is left unset: add it on the {where_to_add} page, \
             or correct the cell, and import again",
            text.trim()
        )),
        _ => Found::NotFound(format!(
            "more than one of the workspace's {kind} is called \"{}\", so it is left unset",
            text.trim()
        )),
    }
}

/// The person `text` names: by full name, else by job title.
pub fn find_person(workspace: &Workspace, text: &str) -> Found<PersonId> {
    let by_name: Vec<(PersonId, &str)> = workspace
        .people
        .iter()
        .filter(|person| same(&person.name, text))
        .map(|person| (person.id.clone(), person.name.as_str()))
        .collect();
    if !by_name.is_empty() {
        return only(&by_name, text, "people", "Roles");
    }
    let by_title: Vec<(PersonId, &str)> = workspace
        .people
        .iter()
        .filter(|person| !person.job_title.is_empty() && same(&person.job_title, text))
        .map(|person| (person.id.clone(), person.name.as_str()))
        .collect();
    match only(&by_title, text, "people", "Roles") {
        Found::One(id, _) => {
            let name = by_title.first().map_or("", |(_, name)| *name);
            Found::One(
                id,
                Some(format!(
                    "'{}' read as {name}, the {}",
                    text.trim(),
                    text.trim()
                )),
            )
        }
        not_found => not_found,
    }
}

/// The directorate `text` names.
pub fn find_directorate(workspace: &Workspace, text: &str) -> Found<DirectorateId> {
    by_name(
        workspace
            .directorates
            .iter()
            .map(|d| (&d.id, d.name.as_str())),
        text,
        "directorates",
    )
}

/// The service `text` names.
pub fn find_service(workspace: &Workspace, text: &str) -> Found<ServiceId> {
    by_name(
        workspace.services.iter().map(|s| (&s.id, s.name.as_str())),
        text,
        "services",
    )
}

/// The one of `records` (an id and its name) that `text` names; they are added on the Structure page.
fn by_name<'a, T: Clone + 'a>(
    records: impl Iterator<Item = (&'a T, &'a str)>,
    text: &str,
    kind: &str,
) -> Found<T> {
    let matches: Vec<(T, &str)> = records
        .filter(|(_, name)| same(name, text))
        .map(|(id, name)| (id.clone(), name))
        .collect();
    only(&matches, text, kind, "Structure")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;

    #[test]
    fn people_directorates_and_services_are_found_by_what_a_sheet_calls_them() {
        let workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let person = &workspace.people[0];
        assert_eq!(
            find_person(&workspace, &format!("  {}  ", person.name.to_uppercase())),
            Found::One(person.id.clone(), None)
        );
        let titled = workspace
            .people
            .iter()
            .find(|p| {
                !p.job_title.is_empty()
                    && workspace
                        .people
                        .iter()
                        .filter(|q| q.job_title == p.job_title)
                        .count()
                        == 1
            })
            .unwrap();
        assert_eq!(
            find_person(&workspace, &titled.job_title),
            Found::One(
                titled.id.clone(),
                Some(format!(
                    "'{}' read as {}, the {}",
                    titled.job_title, titled.name, titled.job_title
                ))
            )
        );
        assert_eq!(
            find_person(&workspace, "Nobody Atall"),
            Found::NotFound(
                "\"Nobody Atall\" is not one of the workspace's people, so it is left unset: add it on the Roles \
                 page, or correct the cell, and import again"
                    .to_owned()
            )
        );
        let service = &workspace.services[0];
        assert_eq!(
            find_service(&workspace, &service.name),
            Found::One(service.id.clone(), None)
        );
        let directorate = &workspace.directorates[0];
        assert_eq!(
            find_directorate(&workspace, &directorate.name.to_lowercase()),
            Found::One(directorate.id.clone(), None)
        );
    }

    #[test]
    fn a_name_two_records_share_is_not_guessed() {
        let mut workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let twin_name = workspace.people[0].name.clone();
        workspace.people[1].name = twin_name.clone();
        assert_eq!(
            find_person(&workspace, &twin_name),
            Found::NotFound(format!(
                "more than one of the workspace's people is called \"{twin_name}\", so it is left unset"
            ))
        );
    }
}
