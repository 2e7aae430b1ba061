//! The SMART check: what an objective or action lacks to be Specific, Measurable, Achievable, Relevant
//! and Time-bound (the 2020 PMF refresh and the Cambridgeshire PMF).

use crate::domain::model::action::Action;
use crate::domain::model::golden_thread::Objective;

/// The fewest words that make a statement specific enough ("Improve performance" is not).
pub const MIN_SPECIFIC_WORDS: usize = 4;

/// A SMART quality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SmartElement {
    /// Says exactly what will be done.
    Specific,
    /// Says how success is measured.
    Measurable,
    /// Has what makes it achievable: an owner or stated support.
    Achievable,
    /// Linked to the ambitions, KPIs or risks it serves.
    Relevant,
    /// Has a date.
    TimeBound,
}

/// A SMART quality that is missing, and what would supply it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmartGap {
    /// The quality.
    pub element: SmartElement,
    /// What to add, in plain English.
    pub advice: &'static str,
}

fn gaps(checks: [(SmartElement, bool, &'static str); 5]) -> Vec<SmartGap> {
    checks
        .into_iter()
        .filter(|(_, present, _)| !present)
        .map(|(element, _, advice)| SmartGap { element, advice })
        .collect()
}

fn is_specific(text: &str) -> bool {
    text.split_whitespace().count() >= MIN_SPECIFIC_WORDS
}

/// What an individual objective lacks.
pub fn check_objective(objective: &Objective) -> Vec<SmartGap> {
    gaps([
        (
            SmartElement::Specific,
            is_specific(&objective.title),
            "say exactly what will be done, in a full sentence",
        ),
        (
            SmartElement::Measurable,
            !objective.measure.trim().is_empty() || !objective.kpis.is_empty(),
            "say how success will be measured, or link a KPI",
        ),
        (
            SmartElement::Achievable,
            !objective.achievable.trim().is_empty(),
            "record the resources or support that make it achievable",
        ),
        (
            SmartElement::Relevant,
            !objective.ambitions.is_empty() || !objective.kpis.is_empty(),
            "link the ambition or KPI it contributes to",
        ),
        (
            SmartElement::TimeBound,
            objective.due.is_some(),
            "set a due date",
        ),
    ])
}

/// What an action lacks.
pub fn check_action(action: &Action) -> Vec<SmartGap> {
    gaps([
        (
            SmartElement::Specific,
            is_specific(&action.title),
            "say exactly what will be done, in a full sentence",
        ),
        (
            SmartElement::Measurable,
            !action.measure.trim().is_empty(),
            "say how we will know it is done",
        ),
        (
            SmartElement::Achievable,
            action.owner.is_some(),
            "name an owner",
        ),
        (
            SmartElement::Relevant,
            action.kpi.is_some() || action.risk.is_some(),
            "link the KPI or risk it addresses",
        ),
        (
            SmartElement::TimeBound,
            action.due.is_some(),
            "set a due date",
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::ids::{ActionId, AmbitionId, KpiId, ObjectiveId, PersonId};
    use crate::domain::model::action::ActionStatus;

    fn vague_action() -> Action {
        Action {
            id: ActionId::new("a1").unwrap(),
            title: "Improve performance".to_owned(),
            measure: String::new(),
            owner: None,
            due: None,
            status: ActionStatus::NotStarted,
            kpi: None,
            risk: None,
            progress: String::new(),
            open_ended_reason: String::new(),
        }
    }

    #[test]
    fn a_vague_action_misses_every_element() {
        let elements: Vec<_> = check_action(&vague_action())
            .into_iter()
            .map(|g| g.element)
            .collect();
        assert_eq!(
            elements,
            vec![
                SmartElement::Specific,
                SmartElement::Measurable,
                SmartElement::Achievable,
                SmartElement::Relevant,
                SmartElement::TimeBound
            ]
        );
    }

    #[test]
    fn a_smart_action_passes_and_overdue_is_open_and_late() {
        let mut action = vague_action();
        action.title = "Recruit six agency social workers to the east locality team".to_owned();
        action.measure = "Six starters confirmed by HR".to_owned();
        action.owner = Some(PersonId::new("p-1").unwrap());
        action.due = Some("2024-09-30".parse().unwrap());
        action.kpi = Some(KpiId::new("k1").unwrap());
        assert!(check_action(&action).is_empty());
        assert!(action.is_overdue("2024-10-01".parse().unwrap()));
        assert!(!action.is_overdue("2024-09-30".parse().unwrap()));
        action.status = ActionStatus::Completed;
        assert!(!action.is_overdue("2024-10-01".parse().unwrap()));
    }

    #[test]
    fn an_objective_names_what_it_lacks() {
        let objective = Objective {
            id: ObjectiveId::new("o1").unwrap(),
            person: PersonId::new("p-1").unwrap(),
            title: "Process all new assessment referrals within 28 days".to_owned(),
            measure: String::new(),
            achievable: "Weekly supervision".to_owned(),
            ambitions: vec![AmbitionId::new("amb-4").unwrap()],
            kpis: vec![],
            due: None,
        };
        let gaps = check_objective(&objective);
        let elements: Vec<_> = gaps.iter().map(|g| g.element).collect();
        assert_eq!(
            elements,
            vec![SmartElement::Measurable, SmartElement::TimeBound]
        );
        assert_eq!(gaps[1].advice, "set a due date");
    }
}
