//! Recording a risk review (the roles framework's cycle): when, who, what was concluded, and the likelihood and impact
//! now. The draft is checked whole before anything changes; the review joins the risk's history and its
//! scores become the residual assessment, which sets the band and so the next due date.

use std::fmt;

use chrono::NaiveDate;

use crate::domain::basics::ids::RiskId;
use crate::domain::basics::typed_text::one_line;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::risk::{RiskAssessment, RiskReview};
use crate::domain::model::workspace::Workspace;

/// A review as the form gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewDraft {
    /// When it was reviewed.
    pub date: Option<NaiveDate>,
    /// Who reviewed it.
    pub by: String,
    /// What was concluded.
    pub note: String,
    /// Likelihood now, 1 to 5.
    pub likelihood: u8,
    /// Impact now, 1 to 5.
    pub impact: u8,
}

/// What is wrong with a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewProblem {
    /// The risk is not on any register, or is closed.
    NotFound,
    /// No date, or a date after today.
    BadDate,
    /// Before the latest review already recorded.
    BeforeLastReview(NaiveDate),
    /// Nobody named.
    NoReviewer,
    /// A score outside 1 to 5.
    BadScore,
}

impl fmt::Display for ReviewProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReviewProblem::NotFound => f.write_str("That risk is not open on any register."),
            ReviewProblem::BadDate => f.write_str("Give the date of the review: today or earlier."),
            ReviewProblem::BeforeLastReview(last) => write!(
                f,
                "The last review recorded is dated {}: a review cannot come before it.",
                last.format("%-d %B %Y")
            ),
            ReviewProblem::NoReviewer => f.write_str("Say who reviewed it."),
            ReviewProblem::BadScore => f.write_str("Score likelihood and impact from 1 to 5."),
        }
    }
}

impl std::error::Error for ReviewProblem {}

/// Records `draft` as a review of `risk` on `today`'s terms; returns the band of the new residual score.
pub fn record_review(
    workspace: &mut Workspace,
    risk: &RiskId,
    draft: &ReviewDraft,
    today: NaiveDate,
) -> Result<RagStatus, ReviewProblem> {
    let settings = workspace.framework.risk;
    let found = workspace
        .risks
        .iter_mut()
        .find(|r| &r.id == risk && r.closed.is_none())
        .ok_or(ReviewProblem::NotFound)?;
    let date = draft
        .date
        .filter(|d| *d <= today)
        .ok_or(ReviewProblem::BadDate)?;
    if let Some(last) = found.reviews.last().map(|r| r.date)
        && date < last
    {
        return Err(ReviewProblem::BeforeLastReview(last));
    }
    let by = one_line(&draft.by);
    if by.is_empty() {
        return Err(ReviewProblem::NoReviewer);
    }
    let residual =
        RiskAssessment::new(draft.likelihood, draft.impact).ok_or(ReviewProblem::BadScore)?;
    found.record_review(RiskReview {
        date,
        by,
        note: draft.note.trim().to_owned(),
        residual,
    });
    Ok(found.band(&settings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::model::risk::ReviewStatus;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn draft(date: NaiveDate) -> ReviewDraft {
        ReviewDraft {
            date: Some(date),
            by: "Audit and Governance Committee".to_owned(),
            note: "Mitigations working".to_owned(),
            likelihood: 2,
            impact: 3,
        }
    }

    #[test]
    fn a_review_resets_the_cycle_and_takes_the_new_scores() {
        let mut workspace = demo_workspace(today());
        let framework = workspace.framework.clone();
        let overdue = workspace
            .risks
            .iter()
            .find(|r| {
                r.closed.is_none()
                    && matches!(
                        r.review_status(&framework, today()),
                        ReviewStatus::Overdue { .. }
                    )
            })
            .expect("the demo has an overdue review")
            .id
            .clone();
        let band = record_review(&mut workspace, &overdue, &draft(today()), today()).unwrap();
        assert_eq!(band, RagStatus::Green, "2 × 3 = 6, green");
        let risk = workspace.risks.iter().find(|r| r.id == overdue).unwrap();
        assert_eq!(risk.residual.score(), 6);
        assert_eq!(risk.last_reviewed(), today());
        assert!(matches!(
            risk.review_status(&framework, today()),
            ReviewStatus::DueIn { .. }
        ));
        assert_eq!(
            risk.reviews.last().unwrap().by,
            "Audit and Governance Committee"
        );
    }

    #[test]
    fn a_bad_draft_is_refused_and_changes_nothing() {
        let mut workspace = demo_workspace(today());
        let risk = workspace
            .risks
            .iter()
            .find(|r| r.closed.is_none())
            .unwrap()
            .id
            .clone();
        let before = workspace.clone();
        let tomorrow = today() + chrono::Days::new(1);
        let cases = [
            (draft(tomorrow), ReviewProblem::BadDate),
            (
                ReviewDraft {
                    date: None,
                    ..draft(today())
                },
                ReviewProblem::BadDate,
            ),
            (
                ReviewDraft {
                    by: "  ".into(),
                    ..draft(today())
                },
                ReviewProblem::NoReviewer,
            ),
            (
                ReviewDraft {
                    likelihood: 6,
                    ..draft(today())
                },
                ReviewProblem::BadScore,
            ),
            (
                ReviewDraft {
                    impact: 0,
                    ..draft(today())
                },
                ReviewProblem::BadScore,
            ),
        ];
        for (bad, problem) in cases {
            assert_eq!(
                record_review(&mut workspace, &risk, &bad, today()),
                Err(problem)
            );
        }
        assert_eq!(
            record_review(
                &mut workspace,
                &RiskId::new("no-such-risk").unwrap(),
                &draft(today()),
                today()
            ),
            Err(ReviewProblem::NotFound)
        );
        assert_eq!(workspace, before);
        record_review(&mut workspace, &risk, &draft(today()), today()).unwrap();
        let earlier = today() - chrono::Days::new(1);
        assert_eq!(
            record_review(&mut workspace, &risk, &draft(earlier), today()),
            Err(ReviewProblem::BeforeLastReview(today()))
        );
    }
}
