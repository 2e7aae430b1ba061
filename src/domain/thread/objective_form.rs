//! An individual's SMART objective as the objectives form holds it: what will be done, how success is measured,
//! what makes it achievable, the ambitions and KPIs it serves, and when it is due. [`save_objective`] adds an
//! objective to a person or changes one, checking the whole form first; what it still lacks to be SMART is not
//! refused but said, as the appraisal conversation would.

use chrono::NaiveDate;

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::{ObjectiveId, PersonId};
use crate::domain::basics::typed_text::one_line;
use crate::domain::model::golden_thread::Objective;
use crate::domain::model::workspace::Workspace;
use crate::domain::rebase::take_changed;
use crate::domain::thread::record_slot::{NO_LETTER, Slot, known_ids, new_id, put, slot_of};

/// What the objectives form holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectiveForm {
    /// Specific: what will be done.
    pub title: String,
    /// Measurable: how success will be measured.
    pub measure: String,
    /// Achievable: the resources or support that make it achievable.
    pub achievable: String,
    /// Relevant: the ids of the ambitions it serves.
    pub ambitions: Vec<String>,
    /// Relevant: the ids of the KPIs it contributes to.
    pub kpis: Vec<String>,
    /// Time-bound: when it is due (`YYYY-MM-DD`), or empty.
    pub due: String,
}

/// The field of the form a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectiveField {
    /// [`ObjectiveForm::title`].
    Title,
    /// [`ObjectiveForm::ambitions`] and [`ObjectiveForm::kpis`].
    Links,
    /// [`ObjectiveForm::due`].
    Due,
}

/// A problem with the form, against its field.
pub type ObjectiveProblem = FieldProblem<ObjectiveField>;

impl ObjectiveForm {
    /// The form showing `objective` as it is.
    pub fn of(objective: &Objective) -> Self {
        Self {
            title: objective.title.clone(),
            measure: objective.measure.clone(),
            achievable: objective.achievable.clone(),
            ambitions: objective
                .ambitions
                .iter()
                .map(ToString::to_string)
                .collect(),
            kpis: objective.kpis.iter().map(ToString::to_string).collect(),
            due: objective
                .due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        }
    }

    /// This form, typed over `loaded`, applied to `current` (the objective now): only what was changed is
    /// written.
    pub fn rebased(&self, loaded: &ObjectiveForm, current: &ObjectiveForm) -> ObjectiveForm {
        let mut merged = current.clone();
        take_changed!(merged, self, loaded; title, measure, achievable, ambitions, kpis, due);
        merged
    }
}

/// What an objective still lacks to be SMART, in words; empty when it has all five.
pub fn smart_advice(form: &ObjectiveForm) -> Vec<&'static str> {
    [
        (
            form.measure.trim().is_empty(),
            "say how success will be measured",
        ),
        (
            form.achievable.trim().is_empty(),
            "say what support or resources make it achievable",
        ),
        (
            form.ambitions.is_empty() && form.kpis.is_empty(),
            "link it to an ambition or KPI it serves",
        ),
        (form.due.trim().is_empty(), "give the date it is due"),
    ]
    .into_iter()
    .filter_map(|(missing, advice)| missing.then_some(advice))
    .collect()
}

/// Saves `form` as `person`'s objective with id `id`, or as a new one when `id` is `None`; returns its id.
/// Nothing changes when there is a problem: every problem is returned, against its field.
pub fn save_objective(
    workspace: &mut Workspace,
    person: &PersonId,
    id: Option<&ObjectiveId>,
    form: &ObjectiveForm,
) -> Result<ObjectiveId, Vec<ObjectiveProblem>> {
    let objectives = &workspace.objectives;
    let slot = slot_of(
        objectives.iter().map(|o| o.id.as_str()),
        id.map(ObjectiveId::as_str),
        "objective",
    )
    .map_err(|gone| vec![ObjectiveProblem::new(ObjectiveField::Title, gone)])?;
    let Some(owner) = workspace.person(person) else {
        return Err(vec![ObjectiveProblem::new(
            ObjectiveField::Title,
            "This person is no longer in the workspace (another tab may have changed it).",
        )]);
    };
    let mut problems = Vec::new();
    let title = one_line(&form.title);
    if title.is_empty() {
        problems.push(ObjectiveProblem::new(
            ObjectiveField::Title,
            "Say what will be done: the objective needs a title.",
        ));
    }
    let (ambitions, all_ambitions) = known_ids(&workspace.ambitions, &form.ambitions, |a| &a.id);
    let (kpis, all_kpis) = known_ids(&workspace.kpis, &form.kpis, |k| &k.id);
    if !(all_ambitions && all_kpis) {
        problems.push(ObjectiveProblem::new(
            ObjectiveField::Links,
            "An ambition or KPI chosen is no longer in the framework: choose again.",
        ));
    }
    let due = match form.due.trim() {
        "" => None,
        typed => match NaiveDate::parse_from_str(typed, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                problems.push(ObjectiveProblem::new(
                    ObjectiveField::Due,
                    "Give the date it is due as a date, or leave it blank.",
                ));
                None
            }
        },
    };
    if !owner.active && slot == Slot::New {
        problems.push(ObjectiveProblem::new(
            ObjectiveField::Title,
            format!(
                "{} has left: objectives are set for people still here.",
                owner.name
            ),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let id = match slot {
        Slot::At(at) => objectives[at].id.clone(),
        Slot::New => new_id(objectives.iter().map(|o| o.id.as_str()), "obj", &title)
            .ok_or_else(|| vec![ObjectiveProblem::new(ObjectiveField::Title, NO_LETTER)])?,
    };
    let objective = Objective {
        id: id.clone(),
        person: person.clone(),
        title,
        measure: form.measure.trim().to_owned(),
        achievable: form.achievable.trim().to_owned(),
        ambitions,
        kpis,
        due,
    };
    put(&mut workspace.objectives, slot, objective);
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    fn id<T: TryFrom<String>>(text: &str) -> T
    where
        T::Error: std::fmt::Debug,
    {
        T::try_from(text.to_owned()).unwrap()
    }

    #[test]
    fn an_objective_is_set_for_a_person_and_serves_the_thread() {
        let mut workspace = hand_drawn();
        let form = ObjectiveForm {
            title: " Cut road deaths near schools ".to_owned(),
            measure: "Casualties within 500 m of a school".to_owned(),
            ambitions: vec!["a1".to_owned()],
            kpis: vec!["k1".to_owned()],
            due: "2027-03-31".to_owned(),
            ..ObjectiveForm::default()
        };
        // One thing short of SMART: nothing says what makes it achievable.
        assert_eq!(
            smart_advice(&form),
            ["say what support or resources make it achievable"]
        );
        let new = save_objective(&mut workspace, &id("p-ann"), None, &form).unwrap();
        assert_eq!(new.as_str(), "obj-cut-road-deaths-near-schools");
        let saved = workspace.objectives.iter().find(|o| o.id == new).unwrap();
        assert_eq!(saved.title, "Cut road deaths near schools");
        assert_eq!(saved.person, id::<PersonId>("p-ann"));
        assert_eq!(saved.due, NaiveDate::from_ymd_opt(2027, 3, 31));
    }

    #[test]
    fn every_fault_is_reported_at_once_and_nothing_changes() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        let form = ObjectiveForm {
            title: String::new(),
            kpis: vec!["k-gone".to_owned()],
            due: "next March".to_owned(),
            ..ObjectiveForm::default()
        };
        let problems = save_objective(&mut workspace, &id("p-ann"), None, &form).unwrap_err();
        let fields: Vec<ObjectiveField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                ObjectiveField::Title,
                ObjectiveField::Links,
                ObjectiveField::Due
            ]
        );
        assert_eq!(workspace, before);
    }
}
