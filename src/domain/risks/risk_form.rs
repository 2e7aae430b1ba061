//! A risk as the risk form holds it: what it is, the register it is on and who owns it, its inherent, residual
//! and target scores, its mitigations and escalation criteria, when it was opened (and closed), and the KPIs and
//! ambitions it bears on. [`save_risk`] adds a risk or changes one, checking the whole form first and reporting
//! every problem against its field. An open risk's residual score moves only by a review, so its history says
//! why; a new risk's is its first assessment.

use chrono::NaiveDate;

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::{DirectorateId, RiskId};
use crate::domain::basics::typed_text::one_line;
use crate::domain::model::risk::{Risk, RiskAssessment, RiskLevel};
use crate::domain::model::workspace::Workspace;
use crate::domain::rebase::take_changed;
use crate::domain::thread::record_slot::{NO_LETTER, Slot, known_ids, new_id, put, slot_of};

/// What the risk form holds. Scores are (likelihood, impact), each 1 to 5 (0: not chosen).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskForm {
    /// A short title.
    pub title: String,
    /// Cause, event and effect.
    pub description: String,
    /// The register it is on.
    pub level: RiskLevel,
    /// The id of the directorate whose register holds it, or empty.
    pub directorate: String,
    /// The id of the risk owner, or empty.
    pub owner: String,
    /// Before any mitigation.
    pub inherent: (u8, u8),
    /// With the mitigations in place: a new risk's first assessment (an open risk's moves by review).
    pub residual: (u8, u8),
    /// Where the council aims to bring it.
    pub target: (u8, u8),
    /// What is being done about it, one to a line.
    pub mitigations: String,
    /// When it is escalated, and when it can be accepted.
    pub escalation: String,
    /// When it was first recorded (`YYYY-MM-DD`).
    pub opened: String,
    /// When it was closed (`YYYY-MM-DD`), or empty while it is open.
    pub closed: String,
    /// The ids of the KPIs whose performance bears on it.
    pub kpis: Vec<String>,
    /// The ids of the ambitions it threatens.
    pub ambitions: Vec<String>,
}

/// The field of the form a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RiskField {
    /// [`RiskForm::title`].
    Title,
    /// [`RiskForm::directorate`].
    Directorate,
    /// [`RiskForm::owner`].
    Owner,
    /// The three scores.
    Scores,
    /// [`RiskForm::opened`].
    Opened,
    /// [`RiskForm::closed`].
    Closed,
    /// [`RiskForm::kpis`] and [`RiskForm::ambitions`].
    Links,
}

/// A problem with the form, against its field.
pub type RiskProblem = FieldProblem<RiskField>;

fn pair(assessment: RiskAssessment) -> (u8, u8) {
    (assessment.likelihood.get(), assessment.impact.get())
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

impl RiskForm {
    /// The form showing `risk` as it is.
    pub fn of(risk: &Risk) -> Self {
        Self {
            title: risk.title.clone(),
            description: risk.description.clone(),
            level: risk.level,
            directorate: risk
                .directorate
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            owner: risk
                .owner
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            inherent: pair(risk.inherent),
            residual: pair(risk.residual),
            target: pair(risk.target),
            mitigations: risk.mitigations.join("\n"),
            escalation: risk.escalation_criteria.clone(),
            opened: date_text(Some(risk.opened)),
            closed: date_text(risk.closed),
            kpis: risk.kpis.iter().map(ToString::to_string).collect(),
            ambitions: risk.ambitions.iter().map(ToString::to_string).collect(),
        }
    }

    /// An empty form for a new directorate risk opened on `today`.
    pub fn blank(today: NaiveDate) -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            level: RiskLevel::Directorate,
            directorate: String::new(),
            owner: String::new(),
            inherent: (0, 0),
            residual: (0, 0),
            target: (0, 0),
            mitigations: String::new(),
            escalation: String::new(),
            opened: date_text(Some(today)),
            closed: String::new(),
            kpis: Vec::new(),
            ambitions: Vec::new(),
        }
    }

    /// This form, typed over `loaded`, applied to `current` (the risk now): only what was changed is written.
    pub fn rebased(&self, loaded: &RiskForm, current: &RiskForm) -> RiskForm {
        let mut merged = current.clone();
        take_changed!(merged, self, loaded;
            title, description, level, directorate, owner, inherent, residual, target, mitigations,
            escalation, opened, closed, kpis, ambitions,
        );
        merged
    }
}

/// A date as typed, or what is wrong with it: `what` names it ("the date it was opened").
fn typed_date(typed: &str, what: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    match NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d") {
        Ok(date) if date <= today => Ok(date),
        Ok(_) => Err(format!("Give {what}: today or earlier.")),
        Err(_) => Err(format!("Give {what} as a date.")),
    }
}

/// The scores in words for a message: "3 × 4 = 12".
fn score_words(assessment: RiskAssessment) -> String {
    format!(
        "{} × {} = {}",
        assessment.likelihood.get(),
        assessment.impact.get(),
        assessment.score()
    )
}

/// Saves `form` as the risk with id `id`, or as a new risk when `id` is `None`, on `today`; returns its id.
/// Nothing changes when there is a problem: every problem is returned, against its field.
pub fn save_risk(
    workspace: &mut Workspace,
    id: Option<&RiskId>,
    form: &RiskForm,
    today: NaiveDate,
) -> Result<RiskId, Vec<RiskProblem>> {
    let risks = &workspace.risks;
    let slot = slot_of(
        risks.iter().map(|r| r.id.as_str()),
        id.map(RiskId::as_str),
        "risk",
    )
    .map_err(|gone| vec![RiskProblem::new(RiskField::Title, gone)])?;
    let before = match slot {
        Slot::At(at) => Some(risks[at].clone()),
        Slot::New => None,
    };
    let mut problems = Vec::new();
    let mut problem = |field, message: String| problems.push(RiskProblem::new(field, message));

    let title = one_line(&form.title);
    let twin = risks.iter().enumerate().any(|(at, r)| {
        slot != Slot::At(at) && r.closed.is_none() && r.title.eq_ignore_ascii_case(&title)
    });
    if title.is_empty() {
        problem(RiskField::Title, "Give the risk a short title.".to_owned());
    } else if twin {
        problem(
            RiskField::Title,
            format!(
                "An open risk is already called \u{201c}{title}\u{201d}: give this one a title of its own."
            ),
        );
    }

    let had =
        |now: Option<&DirectorateId>| before.as_ref().and_then(|r| r.directorate.as_ref()) == now;
    let directorate = match form.directorate.trim() {
        "" if form.level == RiskLevel::Strategic => None,
        "" => {
            problem(
                RiskField::Directorate,
                format!(
                    "Choose the directorate whose {} register holds it.",
                    form.level.label().to_ascii_lowercase()
                ),
            );
            None
        }
        typed => match workspace
            .directorates
            .iter()
            .find(|d| d.id.as_str() == typed)
        {
            Some(found) if found.active || had(Some(&found.id)) => Some(found.id.clone()),
            Some(found) => {
                problem(
                    RiskField::Directorate,
                    format!(
                        "{} has been retired: choose a current directorate.",
                        found.name
                    ),
                );
                None
            }
            None => {
                problem(
                    RiskField::Directorate,
                    "That directorate is no longer in the framework: choose another.".to_owned(),
                );
                None
            }
        },
    };

    let owner = match form.owner.trim() {
        "" => None,
        typed => match workspace.people.iter().find(|p| p.id.as_str() == typed) {
            None => {
                problem(
                    RiskField::Owner,
                    "The owner chosen is no longer among the people: choose again.".to_owned(),
                );
                None
            }
            Some(person) if person.councillor => {
                problem(
                    RiskField::Owner,
                    format!("{} is a councillor: an officer owns a risk.", person.name),
                );
                None
            }
            Some(person)
                if !person.active
                    && before.as_ref().and_then(|r| r.owner.as_ref()) != Some(&person.id) =>
            {
                problem(
                    RiskField::Owner,
                    format!(
                        "{} has left: choose an owner who is still here.",
                        person.name
                    ),
                );
                None
            }
            Some(person) => Some(person.id.clone()),
        },
    };

    let assess = |(likelihood, impact): (u8, u8)| RiskAssessment::new(likelihood, impact);
    let residual_now = before
        .as_ref()
        .filter(|r| r.closed.is_none() && !r.reviews.is_empty());
    let scores = (
        assess(form.inherent),
        residual_now
            .map(|r| r.residual)
            .or_else(|| assess(form.residual)),
        assess(form.target),
    );
    let (inherent, residual, target) = match scores {
        (Some(inherent), Some(residual), Some(target)) => {
            if residual.score() > inherent.score() {
                problem(
                    RiskField::Scores,
                    format!(
                        "The residual score ({}) is above the inherent score ({}): with its mitigations in place a risk is no worse than without them.",
                        score_words(residual),
                        score_words(inherent)
                    ),
                );
            }
            if target.score() > residual.score() {
                problem(
                    RiskField::Scores,
                    format!(
                        "The target score ({}) is above the residual score ({}): the target is where mitigation brings the risk, no higher.",
                        score_words(target),
                        score_words(residual)
                    ),
                );
            }
            (Some(inherent), Some(residual), Some(target))
        }
        _ => {
            problem(
                RiskField::Scores,
                "Score the likelihood and impact of each assessment (inherent, residual and target) from 1 to 5."
                    .to_owned(),
            );
            (None, None, None)
        }
    };

    let opened = typed_date(&form.opened, "the date it was opened", today)
        .map_err(|message| problem(RiskField::Opened, message))
        .ok();
    let closed = match form.closed.trim() {
        "" => None,
        typed => match typed_date(typed, "the date it was closed", today) {
            Ok(closed) if opened.is_some_and(|opened| closed < opened) => {
                problem(
                    RiskField::Closed,
                    "A risk cannot be closed before it was opened.".to_owned(),
                );
                None
            }
            Ok(closed) => Some(closed),
            Err(message) => {
                problem(RiskField::Closed, message);
                None
            }
        },
    };

    let (kpis, all_kpis) = known_ids(&workspace.kpis, &form.kpis, |k| &k.id);
    let (ambitions, all_ambitions) = known_ids(&workspace.ambitions, &form.ambitions, |a| &a.id);
    if !(all_kpis && all_ambitions) {
        problem(
            RiskField::Links,
            "A KPI or ambition chosen is no longer in the framework: choose again.".to_owned(),
        );
    }

    let (Some(inherent), Some(residual), Some(target), Some(opened)) =
        (inherent, residual, target, opened)
    else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let id = match &before {
        Some(risk) => risk.id.clone(),
        None => new_id(
            workspace.risks.iter().map(|r| r.id.as_str()),
            "risk",
            &title,
        )
        .ok_or_else(|| vec![RiskProblem::new(RiskField::Title, NO_LETTER)])?,
    };
    let risk = Risk {
        id: id.clone(),
        title,
        description: form.description.trim().to_owned(),
        level: form.level,
        directorate,
        owner,
        inherent,
        residual,
        target,
        mitigations: form
            .mitigations
            .lines()
            .map(one_line)
            .filter(|line| !line.is_empty())
            .collect(),
        escalation_criteria: form.escalation.trim().to_owned(),
        opened,
        reviews: before.map(|r| r.reviews).unwrap_or_default(),
        kpis,
        ambitions,
        closed,
    };
    put(&mut workspace.risks, slot, risk);
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn filled() -> RiskForm {
        RiskForm {
            title: "  Winter   pressures on discharge ".to_owned(),
            directorate: "dir-ahc".to_owned(),
            owner: "p-okafor".to_owned(),
            inherent: (4, 5),
            residual: (3, 4),
            target: (2, 4),
            mitigations: "Discharge to assess beds\n\n  Weekly system call ".to_owned(),
            ..RiskForm::blank(today())
        }
    }

    #[test]
    fn a_new_risk_is_added_to_its_directorate_register_with_its_first_assessment() {
        let mut workspace = demo_workspace(today());
        let id = save_risk(&mut workspace, None, &filled(), today()).unwrap();
        assert_eq!(id.as_str(), "risk-winter-pressures-on-discharge");
        let risk = workspace.risks.iter().find(|r| r.id == id).unwrap();
        assert_eq!(risk.title, "Winter pressures on discharge");
        // 3 × 4 = 12: the residual score the register bands.
        assert_eq!(risk.residual.score(), 12);
        assert_eq!(
            risk.mitigations,
            ["Discharge to assess beds", "Weekly system call"]
        );
        assert_eq!(risk.opened, today());
        assert!(risk.reviews.is_empty());
    }

    #[test]
    fn every_fault_is_reported_at_once_and_nothing_changes() {
        let mut workspace = demo_workspace(today());
        let before = workspace.clone();
        let councillor = workspace
            .people
            .iter()
            .find(|p| p.councillor)
            .unwrap()
            .id
            .to_string();
        let form = RiskForm {
            directorate: String::new(),
            owner: councillor,
            inherent: (2, 3),
            residual: (3, 4),
            target: (4, 4),
            opened: "2099-01-01".to_owned(),
            closed: "yesterday".to_owned(),
            ..filled()
        };
        let problems = save_risk(&mut workspace, None, &form, today()).unwrap_err();
        let fields: Vec<RiskField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                RiskField::Directorate,
                RiskField::Owner,
                RiskField::Scores,
                RiskField::Scores,
                RiskField::Opened,
                RiskField::Closed
            ]
        );
        // 3 × 4 = 12 against 2 × 3 = 6; 4 × 4 = 16 against 12.
        assert_eq!(
            problems[2].message,
            "The residual score (3 × 4 = 12) is above the inherent score (2 × 3 = 6): with its mitigations in place a risk is no worse than without them."
        );
        assert_eq!(
            problems[3].message,
            "The target score (4 × 4 = 16) is above the residual score (3 × 4 = 12): the target is where mitigation brings the risk, no higher."
        );
        assert_eq!(workspace, before);
    }

    #[test]
    fn an_open_reviewed_risks_residual_moves_only_by_review_and_it_can_be_closed() {
        let mut workspace = demo_workspace(today());
        let reviewed = workspace
            .risks
            .iter()
            .find(|r| r.closed.is_none() && !r.reviews.is_empty())
            .unwrap()
            .clone();
        let mut form = RiskForm::of(&reviewed);
        form.residual = (1, 1);
        form.target = (1, 1);
        form.closed = "2026-11-20".to_owned();
        save_risk(&mut workspace, Some(&reviewed.id), &form, today()).unwrap();
        let after = workspace
            .risks
            .iter()
            .find(|r| r.id == reviewed.id)
            .unwrap();
        assert_eq!(
            after.residual, reviewed.residual,
            "the review's residual stands"
        );
        assert_eq!(after.reviews, reviewed.reviews);
        assert_eq!(after.closed, NaiveDate::from_ymd_opt(2026, 11, 20));
    }

    #[test]
    fn a_strategic_risk_needs_no_directorate_and_an_open_title_is_not_used_twice() {
        let mut workspace = demo_workspace(today());
        let strategic = RiskForm {
            level: RiskLevel::Strategic,
            directorate: String::new(),
            ..filled()
        };
        assert!(save_risk(&mut workspace, None, &strategic, today()).is_ok());
        let problems = save_risk(&mut workspace, None, &strategic, today()).unwrap_err();
        assert_eq!(
            problems[0].message,
            "An open risk is already called \u{201c}Winter pressures on discharge\u{201d}: give this one a title of its own."
        );
    }
}
