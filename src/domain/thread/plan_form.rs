//! A plan as the plans form holds it: the council plan, a directorate's, a service's or a team's business plan,
//! or an individual's appraisal plan, whose it is, the years it covers and the ambitions it delivers.
//! [`save_plan`] adds a plan or changes one, checking the whole form first.

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::{DirectorateId, PersonId, PlanId, ServiceId, TeamId};
use crate::domain::basics::period::FinancialYear;
use crate::domain::basics::typed_text::one_line;
use crate::domain::model::golden_thread::{Plan, PlanLevel, ThreadNode};
use crate::domain::model::workspace::Workspace;
use crate::domain::rebase::take_changed;
use crate::domain::thread::record_slot::{
    NO_LETTER, Slot, known_ids, name_taken, new_id, put, slot_of,
};

/// What the plans form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanForm {
    /// Its title.
    pub title: String,
    /// The level it is written at.
    pub level: PlanLevel,
    /// The id of the directorate, service, team or person whose plan it is (empty for the council plan).
    pub owner: String,
    /// The first financial year it covers, as typed ("2026/27").
    pub from: String,
    /// The last financial year it covers, as typed.
    pub to: String,
    /// The ids of the ambitions it delivers.
    pub ambitions: Vec<String>,
}

/// The field of the form a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanField {
    /// [`PlanForm::title`].
    Title,
    /// [`PlanForm::owner`].
    Owner,
    /// [`PlanForm::from`] and [`PlanForm::to`].
    Years,
    /// [`PlanForm::ambitions`].
    Ambitions,
}

/// A problem with the form, against its field.
pub type PlanProblem = FieldProblem<PlanField>;

/// The longest span a plan may cover, in years: a council plan runs four or five.
const LONGEST: u16 = 10;

impl PlanForm {
    /// The form showing `plan` as it is.
    pub fn of(plan: &Plan) -> Self {
        let owner = match &plan.owner {
            ThreadNode::Council => String::new(),
            ThreadNode::Ambition(id) => id.to_string(),
            ThreadNode::Directorate(id) => id.to_string(),
            ThreadNode::Service(id) => id.to_string(),
            ThreadNode::Team(id) => id.to_string(),
            ThreadNode::Person(id) => id.to_string(),
        };
        Self {
            title: plan.title.clone(),
            level: plan.level,
            owner,
            from: plan.from.to_string(),
            to: plan.to.to_string(),
            ambitions: plan.ambitions.iter().map(ToString::to_string).collect(),
        }
    }

    /// An empty form for a service plan of `year` alone.
    pub fn blank(year: FinancialYear) -> Self {
        Self {
            title: String::new(),
            level: PlanLevel::Service,
            owner: String::new(),
            from: year.to_string(),
            to: year.to_string(),
            ambitions: Vec::new(),
        }
    }

    /// This form, typed over `loaded`, applied to `current` (the plan now): only what was changed is written.
    pub fn rebased(&self, loaded: &PlanForm, current: &PlanForm) -> PlanForm {
        let mut merged = current.clone();
        take_changed!(merged, self, loaded; title, level, owner, from, to, ambitions);
        merged
    }
}

/// The part of the thread whose plan it is, for a plan at `level` owned by the id `owner`, or what is wrong.
fn owner_node(workspace: &Workspace, level: PlanLevel, owner: &str) -> Result<ThreadNode, String> {
    let missing = |what: &str| format!("Choose the {what} whose plan it is.");
    let found = |exists: bool, node: ThreadNode, what: &str| {
        if exists {
            Ok(node)
        } else if owner.is_empty() {
            Err(missing(what))
        } else {
            Err(format!("That {what} is no longer current: choose another."))
        }
    };
    match level {
        PlanLevel::Corporate => Ok(ThreadNode::Council),
        PlanLevel::Directorate => {
            let exists = workspace
                .directorates
                .iter()
                .any(|d| d.active && d.id.as_str() == owner);
            let id = DirectorateId::new(owner).map_err(|_| missing("directorate"))?;
            found(exists, ThreadNode::Directorate(id), "directorate")
        }
        PlanLevel::Service => {
            let exists = workspace
                .services
                .iter()
                .any(|s| s.active && s.id.as_str() == owner);
            let id = ServiceId::new(owner).map_err(|_| missing("service"))?;
            found(exists, ThreadNode::Service(id), "service")
        }
        PlanLevel::Team => {
            let exists = workspace
                .teams
                .iter()
                .any(|t| t.active && t.id.as_str() == owner);
            let id = TeamId::new(owner).map_err(|_| missing("team"))?;
            found(exists, ThreadNode::Team(id), "team")
        }
        PlanLevel::Individual => {
            let exists = workspace
                .people
                .iter()
                .any(|p| p.active && p.id.as_str() == owner);
            let id = PersonId::new(owner).map_err(|_| missing("person"))?;
            found(exists, ThreadNode::Person(id), "person")
        }
    }
}

/// Saves `form` as the plan with id `id`, or as a new plan when `id` is `None`; returns its id. Nothing changes
/// when there is a problem: every problem is returned, against its field.
pub fn save_plan(
    workspace: &mut Workspace,
    id: Option<&PlanId>,
    form: &PlanForm,
) -> Result<PlanId, Vec<PlanProblem>> {
    let plans = &workspace.plans;
    let slot = slot_of(
        plans.iter().map(|p| p.id.as_str()),
        id.map(PlanId::as_str),
        "plan",
    )
    .map_err(|gone| vec![PlanProblem::new(PlanField::Title, gone)])?;
    let mut problems = Vec::new();
    let title = one_line(&form.title);
    if title.is_empty() {
        problems.push(PlanProblem::new(
            PlanField::Title,
            "Give the plan its title.",
        ));
    } else if name_taken(plans.iter().map(|p| p.title.as_str()), slot, &title) {
        problems.push(PlanProblem::new(
            PlanField::Title,
            format!("There is already a plan called \u{201c}{title}\u{201d}."),
        ));
    }
    let owner = owner_node(workspace, form.level, form.owner.trim())
        .map_err(|message| problems.push(PlanProblem::new(PlanField::Owner, message)))
        .ok();
    let year = |typed: &str, which: &str| {
        FinancialYear::parse(typed.trim()).map_err(|_| {
            format!(
                "The {which} year is a financial year written like 2026/27, not \u{201c}{}\u{201d}.",
                typed.trim()
            )
        })
    };
    let years = match (year(&form.from, "first"), year(&form.to, "last")) {
        (Ok(from), Ok(to)) if to < from => Err(vec![
            "The last year cannot come before the first.".to_owned(),
        ]),
        (Ok(from), Ok(to)) if to.start_year() - from.start_year() >= LONGEST => Err(vec![format!(
            "A plan covers at most {LONGEST} years; {from} to {to} is more."
        )]),
        (Ok(from), Ok(to)) => Ok((from, to)),
        (from, to) => Err([from.err(), to.err()].into_iter().flatten().collect()),
    };
    let years = years
        .map_err(|messages| {
            for message in messages {
                problems.push(PlanProblem::new(PlanField::Years, message));
            }
        })
        .ok();
    let (ambitions, all_ambitions) = known_ids(&workspace.ambitions, &form.ambitions, |a| &a.id);
    if !all_ambitions {
        problems.push(PlanProblem::new(
            PlanField::Ambitions,
            "An ambition chosen is no longer in the framework: choose again.",
        ));
    }
    let (Some(owner), Some((from, to))) = (owner, years) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let id = match slot {
        Slot::At(at) => plans[at].id.clone(),
        Slot::New => new_id(plans.iter().map(|p| p.id.as_str()), "plan", &title)
            .ok_or_else(|| vec![PlanProblem::new(PlanField::Title, NO_LETTER)])?,
    };
    let plan = Plan {
        id: id.clone(),
        title,
        level: form.level,
        owner,
        from,
        to,
        ambitions,
    };
    put(&mut workspace.plans, slot, plan);
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    #[test]
    fn a_service_plan_is_added_for_its_service_and_years() {
        let mut workspace = hand_drawn();
        let form = PlanForm {
            title: "Highways business plan".to_owned(),
            owner: "s1".to_owned(),
            from: "2026/27".to_owned(),
            to: "2028/29".to_owned(),
            ambitions: vec!["a1".to_owned()],
            ..PlanForm::blank(FinancialYear::starting(2026).unwrap())
        };
        let id = save_plan(&mut workspace, None, &form).unwrap();
        let plan = workspace.plans.iter().find(|p| p.id == id).unwrap();
        assert_eq!(
            plan.owner,
            ThreadNode::Service(ServiceId::new("s1").unwrap())
        );
        assert_eq!(
            (plan.from.to_string(), plan.to.to_string()),
            ("2026/27".to_owned(), "2028/29".to_owned())
        );
    }

    #[test]
    fn every_fault_is_reported_at_once_and_nothing_changes() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        // "People plan" is hand_drawn's plan already; no team chosen; the years the wrong way round.
        let form = PlanForm {
            title: "people PLAN".to_owned(),
            level: PlanLevel::Team,
            owner: String::new(),
            from: "2027/28".to_owned(),
            to: "2026/27".to_owned(),
            ambitions: vec![],
        };
        let problems = save_plan(&mut workspace, None, &form).unwrap_err();
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "There is already a plan called \u{201c}people PLAN\u{201d}.",
                "Choose the team whose plan it is.",
                "The last year cannot come before the first.",
            ]
        );
        assert_eq!(workspace, before);
    }

    #[test]
    fn the_council_plan_needs_no_owner_and_a_typo_in_a_year_is_named() {
        let mut workspace = hand_drawn();
        let form = PlanForm {
            title: "Council plan".to_owned(),
            level: PlanLevel::Corporate,
            to: "2030/31".to_owned(),
            ..PlanForm::blank(FinancialYear::starting(2026).unwrap())
        };
        assert!(save_plan(&mut workspace, None, &form).is_ok());
        let typo = PlanForm {
            title: "Another".to_owned(),
            from: "2026/72".to_owned(),
            ..form
        };
        let problems = save_plan(&mut workspace, None, &typo).unwrap_err();
        assert_eq!(
            problems[0].message,
            "The first year is a financial year written like 2026/27, not \u{201c}2026/72\u{201d}."
        );
    }
}
