//! Adding to the lessons-learnt log (the Cambridgeshire PMF: lessons are captured and shared with partners "to enable a
//! community of learning"), changing a lesson, and marking one shared. A draft is checked whole, every problem
//! reported, before it joins the log or changes a lesson.

use crate::domain::basics::shared_sort::SharedSort;
use std::fmt;

use chrono::NaiveDate;

use crate::domain::basics::ids::{KpiId, LessonId, RiskId, fresh_id};
use crate::domain::model::lesson::Lesson;
use crate::domain::model::workspace::Workspace;

/// A lesson as the form gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LessonDraft {
    /// A short title.
    pub title: String,
    /// What happened.
    pub what_happened: String,
    /// What was learnt and will be done differently.
    pub learning: String,
    /// Who raises it.
    pub raised_by: String,
    /// The KPI it concerns, if any.
    pub kpi: Option<KpiId>,
    /// The risk it concerns, if any.
    pub risk: Option<RiskId>,
}

/// What is missing or wrong in a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonProblem {
    /// No title.
    NoTitle,
    /// Nothing said about what happened.
    NoWhatHappened,
    /// Nothing said about what was learnt.
    NoLearning,
    /// The KPI or risk named is not in the workspace.
    UnknownLink,
    /// No lesson has that id.
    NotFound,
}

impl fmt::Display for LessonProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LessonProblem::NoTitle => "Give the lesson a short title.",
            LessonProblem::NoWhatHappened => "Say what happened.",
            LessonProblem::NoLearning => "Say what was learnt and what will be done differently.",
            LessonProblem::UnknownLink => "The KPI or risk chosen is no longer in the framework.",
            LessonProblem::NotFound => "That lesson is no longer in the log.",
        })
    }
}

impl std::error::Error for LessonProblem {}

fn tidy(text: &str) -> String {
    text.trim().to_owned()
}

impl LessonDraft {
    /// The draft showing `lesson` as it is: the first KPI and risk it concerns.
    pub fn of(lesson: &Lesson) -> Self {
        Self {
            title: lesson.title.clone(),
            what_happened: lesson.what_happened.clone(),
            learning: lesson.learning.clone(),
            raised_by: lesson.raised_by.clone(),
            kpi: lesson.kpis.first().cloned(),
            risk: lesson.risks.first().cloned(),
        }
    }
}

/// Every problem with `draft` in `workspace`, in the order of the form.
fn problems_with(workspace: &Workspace, draft: &LessonDraft) -> Vec<LessonProblem> {
    let required = [
        (&draft.title, LessonProblem::NoTitle),
        (&draft.what_happened, LessonProblem::NoWhatHappened),
        (&draft.learning, LessonProblem::NoLearning),
    ];
    let mut problems: Vec<LessonProblem> = required
        .iter()
        .filter(|(text, _)| text.trim().is_empty())
        .map(|(_, problem)| *problem)
        .collect();
    let kpi_known = draft
        .kpi
        .as_ref()
        .is_none_or(|k| workspace.kpi(k).is_some());
    let risk_known = draft
        .risk
        .as_ref()
        .is_none_or(|r| workspace.risks.iter().any(|x| &x.id == r));
    if !(kpi_known && risk_known) {
        problems.push(LessonProblem::UnknownLink);
    }
    problems
}

/// `links` with its first entry made `chosen` (removed for none); the rest, which the form does not show,
/// kept.
fn with_first<T: Clone + PartialEq>(links: &[T], chosen: Option<&T>) -> Vec<T> {
    let rest = links.iter().skip(1).filter(|link| Some(*link) != chosen);
    chosen.into_iter().chain(rest).cloned().collect()
}

/// Adds `draft` to the log, dated `today`; returns its id. Nothing changes when there is a problem: every
/// problem is returned.
pub fn add_lesson(
    workspace: &mut Workspace,
    draft: &LessonDraft,
    today: NaiveDate,
) -> Result<LessonId, Vec<LessonProblem>> {
    let problems = problems_with(workspace, draft);
    if !problems.is_empty() {
        return Err(problems);
    }
    let taken: Vec<&str> = workspace.lessons.iter().map(|l| l.id.as_str()).collect();
    let id: LessonId =
        fresh_id("lesson", &draft.title, &taken).ok_or_else(|| vec![LessonProblem::NoTitle])?;
    workspace.lessons.push(Lesson {
        id: id.clone(),
        title: tidy(&draft.title),
        date: today,
        what_happened: tidy(&draft.what_happened),
        learning: tidy(&draft.learning),
        raised_by: tidy(&draft.raised_by),
        kpis: draft.kpi.iter().cloned().collect(),
        risks: draft.risk.iter().cloned().collect(),
        shared_with_partners: false,
    });
    Ok(id)
}

/// Changes lesson `id` to say what `draft` says (its date and whether it was shared stand). Nothing changes when
/// there is a problem: every problem is returned.
pub fn change_lesson(
    workspace: &mut Workspace,
    id: &LessonId,
    draft: &LessonDraft,
) -> Result<(), Vec<LessonProblem>> {
    let Some(index) = workspace.lessons.iter().position(|l| &l.id == id) else {
        return Err(vec![LessonProblem::NotFound]);
    };
    let problems = problems_with(workspace, draft);
    if !problems.is_empty() {
        return Err(problems);
    }
    let lesson = &mut workspace.lessons[index];
    lesson.title = tidy(&draft.title);
    lesson.what_happened = tidy(&draft.what_happened);
    lesson.learning = tidy(&draft.learning);
    lesson.raised_by = tidy(&draft.raised_by);
    lesson.kpis = with_first(&lesson.kpis, draft.kpi.as_ref());
    lesson.risks = with_first(&lesson.risks, draft.risk.as_ref());
    Ok(())
}

/// Marks lesson `id` as shared with partners, or not.
pub fn set_shared(
    workspace: &mut Workspace,
    id: &LessonId,
    shared: bool,
) -> Result<(), LessonProblem> {
    let lesson = workspace
        .lessons
        .iter_mut()
        .find(|l| &l.id == id)
        .ok_or(LessonProblem::NotFound)?;
    lesson.shared_with_partners = shared;
    Ok(())
}

/// The log, newest first.
pub fn newest_first(workspace: &Workspace) -> Vec<&Lesson> {
    let mut lessons: Vec<&Lesson> = workspace.lessons.iter().collect();
    lessons.shared_sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    lessons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn draft() -> LessonDraft {
        LessonDraft {
            title: "Winter pressures plan started late".into(),
            what_happened: "Discharges slowed in December".into(),
            learning: "Agree the plan with providers by October".into(),
            raised_by: "Grace Okafor".into(),
            kpi: None,
            risk: None,
        }
    }

    #[test]
    fn a_lesson_joins_the_log_newest_first_and_can_be_shared() {
        let mut workspace = demo_workspace(today());
        let kpi = workspace.kpis[0].id.clone();
        let id = add_lesson(
            &mut workspace,
            &LessonDraft {
                kpi: Some(kpi.clone()),
                ..draft()
            },
            today(),
        )
        .unwrap();
        assert_eq!(id.as_str(), "lesson-winter-pressures-plan-started-late");
        let log = newest_first(&workspace);
        assert_eq!(log[0].id, id);
        assert!(log.windows(2).all(|w| w[0].date >= w[1].date));
        assert_eq!(log[0].kpis, [kpi]);
        assert!(!log[0].shared_with_partners);
        set_shared(&mut workspace, &id, true).unwrap();
        assert!(
            workspace
                .lessons
                .iter()
                .any(|l| l.id == id && l.shared_with_partners)
        );
        let again = add_lesson(&mut workspace, &draft(), today()).unwrap();
        assert_eq!(
            again.as_str(),
            "lesson-winter-pressures-plan-started-late-2"
        );
    }

    #[test]
    fn a_lesson_is_changed_keeping_its_date_sharing_and_the_links_the_form_does_not_show() {
        let mut workspace = demo_workspace(today());
        let (first, second) = (workspace.kpis[0].id.clone(), workspace.kpis[1].id.clone());
        let id = add_lesson(
            &mut workspace,
            &LessonDraft {
                kpi: Some(first.clone()),
                ..draft()
            },
            today(),
        )
        .unwrap();
        let index = workspace.lessons.iter().position(|l| l.id == id).unwrap();
        // A lesson read from a file may concern two KPIs; the form shows the first.
        workspace.lessons[index].kpis.push(second.clone());
        set_shared(&mut workspace, &id, true).unwrap();
        let mut changed = LessonDraft::of(&workspace.lessons[index]);
        assert_eq!(changed.kpi, Some(first.clone()));
        changed.title = " Winter plan agreed too late ".into();
        changed.learning = "Agree it with providers by September".into();
        change_lesson(&mut workspace, &id, &changed).unwrap();
        let lesson = &workspace.lessons[index];
        assert_eq!(
            (lesson.title.as_str(), lesson.learning.as_str()),
            (
                "Winter plan agreed too late",
                "Agree it with providers by September"
            )
        );
        assert_eq!((lesson.date, lesson.shared_with_partners), (today(), true));
        assert_eq!(
            lesson.kpis,
            [first.clone(), second.clone()],
            "the unshown second KPI stays"
        );
        // Choosing no KPI takes away the first only; choosing the second makes it the only one.
        changed.kpi = None;
        change_lesson(&mut workspace, &id, &changed).unwrap();
        assert_eq!(workspace.lessons[index].kpis, [second]);
        let before = workspace.clone();
        changed.what_happened = " ".into();
        changed.learning = String::new();
        assert_eq!(
            change_lesson(&mut workspace, &id, &changed),
            Err(vec![
                LessonProblem::NoWhatHappened,
                LessonProblem::NoLearning
            ])
        );
        assert_eq!(
            change_lesson(&mut workspace, &LessonId::new("nope").unwrap(), &draft()),
            Err(vec![LessonProblem::NotFound])
        );
        assert_eq!(workspace, before);
    }

    #[test]
    fn an_incomplete_draft_is_refused_and_changes_nothing() {
        let mut workspace = demo_workspace(today());
        let before = workspace.clone();
        let cases = [
            (
                LessonDraft {
                    title: " ".into(),
                    ..draft()
                },
                LessonProblem::NoTitle,
            ),
            (
                LessonDraft {
                    what_happened: String::new(),
                    ..draft()
                },
                LessonProblem::NoWhatHappened,
            ),
            (
                LessonDraft {
                    learning: "\n".into(),
                    ..draft()
                },
                LessonProblem::NoLearning,
            ),
            (
                LessonDraft {
                    risk: Some(RiskId::new("no-such-risk").unwrap()),
                    ..draft()
                },
                LessonProblem::UnknownLink,
            ),
        ];
        for (bad, problem) in cases {
            assert_eq!(
                add_lesson(&mut workspace, &bad, today()),
                Err(vec![problem])
            );
        }
        // Every problem at once.
        let empty = LessonDraft {
            risk: Some(RiskId::new("no-such-risk").unwrap()),
            ..LessonDraft::default()
        };
        assert_eq!(
            add_lesson(&mut workspace, &empty, today()),
            Err(vec![
                LessonProblem::NoTitle,
                LessonProblem::NoWhatHappened,
                LessonProblem::NoLearning,
                LessonProblem::UnknownLink
            ])
        );
        assert_eq!(
            set_shared(&mut workspace, &LessonId::new("nope").unwrap(), true),
            Err(LessonProblem::NotFound)
        );
        assert_eq!(workspace, before);
    }
}
