//! The risk registers as people read them (the roles framework, the 2020 PMF refresh, the eight-part PMF): the open risks of a level or directorate,
//! narrowed by band, by review status or by a cell of the 5×5 matrix, highest residual score first; the
//! heat map of how many risks sit in each cell; and how many reviews are overdue or coming up.

use crate::domain::basics::shared_sort::SharedSort;
use chrono::NaiveDate;

use crate::domain::basics::ids::DirectorateId;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::framework::Framework;
use crate::domain::model::risk::{ReviewStatus, Risk, RiskAssessment, RiskLevel};
use crate::domain::model::workspace::Workspace;

/// Which assessment a view reads: before mitigation, now, or where the council aims to be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Before any mitigation.
    Inherent,
    /// Now, with the mitigations in place.
    #[default]
    Residual,
    /// Where the council aims to bring it.
    Target,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 3] = [Stage::Inherent, Stage::Residual, Stage::Target];

    /// The stage in words.
    pub const fn label(self) -> &'static str {
        match self {
            Stage::Inherent => "Inherent",
            Stage::Residual => "Residual",
            Stage::Target => "Target",
        }
    }

    /// The risk's assessment at this stage.
    pub fn of(self, risk: &Risk) -> RiskAssessment {
        match self {
            Stage::Inherent => risk.inherent,
            Stage::Residual => risk.residual,
            Stage::Target => risk.target,
        }
    }
}

/// What the register is narrowed to; every field left empty lets every open risk through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RiskFilter {
    /// Risks on this register.
    pub level: Option<RiskLevel>,
    /// Risks of this directorate.
    pub directorate: Option<DirectorateId>,
    /// Risks whose residual score is in this band.
    pub band: Option<RagStatus>,
    /// Only risks whose review is overdue.
    pub overdue: bool,
    /// Only risks in this cell (likelihood, impact) of the residual matrix.
    pub cell: Option<(u8, u8)>,
}

impl RiskFilter {
    /// Whether `risk` (open or not) passes every filter on `today`.
    pub fn matches(&self, risk: &Risk, framework: &Framework, today: NaiveDate) -> bool {
        let residual = risk.residual;
        self.level.is_none_or(|level| risk.level == level)
            && self
                .directorate
                .as_ref()
                .is_none_or(|d| risk.directorate.as_ref() == Some(d))
            && self
                .band
                .is_none_or(|band| risk.band(&framework.risk) == band)
            && (!self.overdue
                || matches!(
                    risk.review_status(framework, today),
                    ReviewStatus::Overdue { .. }
                ))
            && self.cell.is_none_or(|(likelihood, impact)| {
                residual.likelihood.get() == likelihood && residual.impact.get() == impact
            })
    }
}

/// The open risks `filter` lets through, highest residual score first, then the review due soonest.
pub fn register<'a>(
    workspace: &'a Workspace,
    filter: &RiskFilter,
    today: NaiveDate,
) -> Vec<&'a Risk> {
    let framework = &workspace.framework;
    let mut risks: Vec<&Risk> = workspace
        .risks
        .iter()
        .filter(|r| r.closed.is_none() && filter.matches(r, framework, today))
        .collect();
    risks.shared_sort_by_key(|r| {
        (
            std::cmp::Reverse(r.residual.score()),
            r.next_review_due(framework),
        )
    });
    risks
}

/// How many risks sit in each cell of the 5×5 matrix: `cells[likelihood - 1][impact - 1]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeatMap {
    /// The counts, by likelihood then impact.
    pub cells: [[usize; 5]; 5],
}

impl HeatMap {
    /// The map of `risks` at `stage`.
    pub fn of<'a>(risks: impl IntoIterator<Item = &'a Risk>, stage: Stage) -> Self {
        let mut map = Self::default();
        for risk in risks {
            let assessment = stage.of(risk);
            map.cells[usize::from(assessment.likelihood.get() - 1)]
                [usize::from(assessment.impact.get() - 1)] += 1;
        }
        map
    }

    /// The count in the cell of `likelihood` and `impact` (1 to 5 each; 0 outside the matrix).
    pub fn count(&self, likelihood: u8, impact: u8) -> usize {
        let index = |n: u8| usize::from(n).checked_sub(1).filter(|i| *i < 5);
        match (index(likelihood), index(impact)) {
            (Some(l), Some(i)) => self.cells[l][i],
            _ => 0,
        }
    }

    /// Every risk counted.
    pub fn total(&self) -> usize {
        self.cells.iter().flatten().sum()
    }
}

/// How the reviews stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReviewCounts {
    /// Reviews past their due date.
    pub overdue: usize,
    /// Reviews due in the next 30 days (today included).
    pub due_soon: usize,
}

/// Counts the reviews of the open risks in `risks` on `today`.
pub fn review_counts<'a>(
    risks: impl IntoIterator<Item = &'a Risk>,
    framework: &Framework,
    today: NaiveDate,
) -> ReviewCounts {
    let mut counts = ReviewCounts::default();
    for risk in risks.into_iter().filter(|r| r.closed.is_none()) {
        match risk.review_status(framework, today) {
            ReviewStatus::Overdue { .. } => counts.overdue += 1,
            ReviewStatus::DueIn { days, .. } if days <= 30 => counts.due_soon += 1,
            ReviewStatus::DueIn { .. } => {}
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn the_register_lists_open_risks_highest_score_first() {
        let workspace = demo_workspace(today());
        let all = register(&workspace, &RiskFilter::default(), today());
        let open = workspace
            .risks
            .iter()
            .filter(|r| r.closed.is_none())
            .count();
        assert_eq!(all.len(), open);
        let scores: Vec<u8> = all.iter().map(|r| r.residual.score()).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn each_filter_narrows_to_what_it_names() {
        let workspace = demo_workspace(today());
        let settings = &workspace.framework.risk;
        let strategic = RiskFilter {
            level: Some(RiskLevel::Strategic),
            ..Default::default()
        };
        let listed = register(&workspace, &strategic, today());
        assert!(!listed.is_empty() && listed.iter().all(|r| r.level == RiskLevel::Strategic));
        let red = RiskFilter {
            band: Some(RagStatus::Red),
            ..Default::default()
        };
        assert!(
            register(&workspace, &red, today())
                .iter()
                .all(|r| r.band(settings) == RagStatus::Red)
        );
        let first = listed[0];
        let cell = (first.residual.likelihood.get(), first.residual.impact.get());
        let in_cell = RiskFilter {
            cell: Some(cell),
            ..Default::default()
        };
        let found = register(&workspace, &in_cell, today());
        assert!(found.iter().any(|r| r.id == first.id));
        let map = HeatMap::of(
            workspace.risks.iter().filter(|r| r.closed.is_none()),
            Stage::Residual,
        );
        assert_eq!(
            found.len(),
            map.count(cell.0, cell.1),
            "a cell opens the risks it counts"
        );
        let overdue = RiskFilter {
            overdue: true,
            ..Default::default()
        };
        assert_eq!(
            register(&workspace, &overdue, today()).len(),
            review_counts(&workspace.risks, &workspace.framework, today()).overdue
        );
    }

    #[test]
    fn the_heat_map_counts_each_risk_once_in_its_cell() {
        let workspace = demo_workspace(today());
        let open: Vec<&Risk> = workspace
            .risks
            .iter()
            .filter(|r| r.closed.is_none())
            .collect();
        for stage in Stage::ALL {
            let map = HeatMap::of(open.iter().copied(), stage);
            assert_eq!(map.total(), open.len());
            for risk in &open {
                let a = stage.of(risk);
                assert!(map.count(a.likelihood.get(), a.impact.get()) >= 1);
            }
        }
        let map = HeatMap::of(open.iter().copied(), Stage::Residual);
        assert_eq!(
            (map.count(0, 3), map.count(6, 1)),
            (0, 0),
            "outside the matrix"
        );
    }

    #[test]
    fn reviews_are_overdue_after_their_due_date_and_soon_within_thirty_days() {
        let mut workspace = demo_workspace(today());
        let framework = workspace.framework.clone();
        let risk = &mut workspace.risks[0];
        risk.closed = None;
        risk.reviews.clear();
        let due = risk.next_review_due(&framework);
        let just = |day: NaiveDate| review_counts([&*risk], &framework, day);
        assert_eq!(
            just(due),
            ReviewCounts {
                overdue: 0,
                due_soon: 1
            }
        );
        assert_eq!(
            just(due + chrono::Days::new(1)),
            ReviewCounts {
                overdue: 1,
                due_soon: 0
            }
        );
        assert_eq!(just(due - chrono::Days::new(31)), ReviewCounts::default());
    }
}
