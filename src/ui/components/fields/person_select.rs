//! Choosing a person from the council's people, never typing a name: who owns, approves, reviews or checks.
//! Only people who have not left are offered, but whoever is chosen already stays on offer, so showing a form
//! never loses what it holds.

use crate::domain::basics::shared_sort::SharedSort;
use leptos::prelude::*;

use super::select::{Choice, Select};
use crate::domain::model::golden_thread::Person;
use crate::domain::model::workspace::Workspace;
use crate::ui::state::use_app_state;

/// Which people may be chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Who {
    /// Anyone.
    #[default]
    Anyone,
    /// Officers only (owners, co-ordinators, leads).
    Officers,
    /// Councillors only (chairs).
    Councillors,
}

impl Who {
    fn admits(self, person: &Person) -> bool {
        match self {
            Who::Anyone => true,
            Who::Officers => !person.councillor,
            Who::Councillors => person.councillor,
        }
    }
}

/// How the field records the person chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RecordedAs {
    /// By their id (an owner, a chair: a reference that follows a change of name).
    #[default]
    Id,
    /// By their name as it is now (a sign-off, a review: a record of who did it).
    Name,
}

/// A person's name with their job title, as they are offered: "Ann Baker, Head of Highways".
pub fn person_words(person: &Person) -> String {
    if person.job_title.is_empty() {
        person.name.clone()
    } else {
        format!("{}, {}", person.name, person.job_title)
    }
}

/// The people `who` admits who have not left, in name order, each as (what is recorded, words); and `keep`
/// (what the field holds now) first if it is not among them.
pub fn person_choices(
    workspace: &Workspace,
    who: Who,
    recorded: RecordedAs,
    keep: &str,
) -> Vec<Choice> {
    let value = |person: &Person| match recorded {
        RecordedAs::Id => person.id.to_string(),
        RecordedAs::Name => person.name.clone(),
    };
    let mut people: Vec<&Person> = workspace
        .people
        .iter()
        .filter(|p| p.active && who.admits(p))
        .collect();
    people.shared_sort_by(|a, b| a.name.cmp(&b.name));
    let mut choices: Vec<Choice> = people
        .into_iter()
        .map(|p| (value(p), person_words(p)))
        .collect();
    if !keep.is_empty() && !choices.iter().any(|(value, _)| value == keep) {
        let words = workspace
            .people
            .iter()
            .find(|p| value(p) == keep)
            .map_or_else(|| keep.to_owned(), |p| format!("{} (has left)", p.name));
        choices.insert(0, (keep.to_owned(), words));
    }
    choices
}

/// A select of the council's people bound to `bind` (the person's id, or name if `recorded` says so); `none`
/// is the words of choosing nobody ("Choose…", "Not set").
#[component]
pub fn PersonSelect(
    id: &'static str,
    #[prop(into)] label: TextProp,
    bind: RwSignal<String>,
    none: &'static str,
    #[prop(optional)] who: Who,
    #[prop(optional)] recorded: RecordedAs,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let state = use_app_state();
    let choices = Signal::derive(move || {
        let keep = bind.get();
        state
            .session
            .with(|s| person_choices(s.current(), who, recorded, &keep))
    });
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    view! { <Select id=id label=label none=none choices=choices bind=bind error=error /> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    #[test]
    fn leavers_are_not_offered_unless_already_chosen_and_names_come_in_order() {
        let mut workspace = hand_drawn();
        workspace.people[3].active = false; // Bob has left.
        let words = |choices: Vec<Choice>| choices.into_iter().map(|(_, w)| w).collect::<Vec<_>>();
        assert_eq!(
            words(person_choices(
                &workspace,
                Who::Officers,
                RecordedAs::Id,
                ""
            )),
            ["Ann", "Dee", "Hal"]
        );
        assert_eq!(
            words(person_choices(
                &workspace,
                Who::Councillors,
                RecordedAs::Id,
                "p-bob"
            )),
            ["Bob (has left)", "Cllr Cole"]
        );
        // A name recorded before the people list had it is kept as it was.
        assert_eq!(
            person_choices(&workspace, Who::Anyone, RecordedAs::Name, "J. Smith")[0],
            ("J. Smith".to_owned(), "J. Smith".to_owned())
        );
    }
}
