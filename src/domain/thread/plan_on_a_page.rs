//! The plan on a page (the 2020 PMF refresh: "a new plan on a page … pulled together a number of items"): the vision, each
//! ambition with its roll-up and its headline strategic KPIs, and the top strategic risks — what a councillor
//! or a new member of staff reads first, on one sheet of A4.

use crate::domain::basics::shared_sort::SharedSort;
use std::collections::HashMap;

use crate::domain::basics::ids::KpiId;
use crate::domain::kpi::rating::Rating;
use crate::domain::kpi::rollup::RagCounts;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::kpi::KpiLevel;
use crate::domain::model::risk::Risk;
use crate::domain::model::workspace::Workspace;
use crate::domain::thread::tree::{ThreadTreeNode, risks_at};

/// How much fits on the page: headline KPIs per ambition, and risks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageLimits {
    /// Headline KPIs shown for each ambition.
    pub kpis_per_ambition: usize,
    /// Strategic risks shown.
    pub risks: usize,
}

impl Default for PageLimits {
    fn default() -> Self {
        Self {
            kpis_per_ambition: 4,
            risks: 5,
        }
    }
}

/// A headline KPI: its id, name and current rating (none before its first reporting period).
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    /// The KPI's id.
    pub id: KpiId,
    /// Its name.
    pub name: String,
    /// Its current rating.
    pub rating: Option<Rating>,
}

/// An ambition as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct AmbitionOnPage {
    /// Its key in the golden-thread tree.
    pub key: String,
    /// "Ambition 3: …".
    pub name: String,
    /// The roll-up of every KPI serving it.
    pub counts: RagCounts,
    /// Its strategic KPIs, worst first, up to the limit.
    pub headlines: Vec<Headline>,
    /// Strategic KPIs left off for room.
    pub more: usize,
}

/// The whole page.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanOnAPage<'a> {
    /// The vision.
    pub vision: String,
    /// The ambitions, in number order.
    pub ambitions: Vec<AmbitionOnPage>,
    /// The open strategic risks, highest residual score first, up to the limit.
    pub risks: Vec<&'a Risk>,
    /// Open strategic risks left off for room.
    pub more_risks: usize,
}

/// Red first, then amber, green, and the unrated last.
fn concern(rating: Option<&Rating>) -> u8 {
    RagStatus::concern_rank(rating.and_then(Rating::status))
}

/// Draws up the page from the golden-thread `tree` (from its root, the vision) and each KPI's current rating.
pub fn plan_on_a_page<'a>(
    workspace: &'a Workspace,
    tree: &ThreadTreeNode,
    ratings: &HashMap<KpiId, Rating>,
    limits: PageLimits,
) -> PlanOnAPage<'a> {
    let ambitions = tree
        .children
        .iter()
        .map(|ambition| {
            let mut strategic: Vec<Headline> = ambition
                .kpis
                .iter()
                .filter_map(|id| workspace.kpi(id))
                .filter(|k| k.level == KpiLevel::Strategic)
                .map(|k| Headline {
                    id: k.id.clone(),
                    name: k.name.clone(),
                    rating: ratings.get(&k.id).cloned(),
                })
                .collect();
            strategic.shared_sort_by_key(|h| concern(h.rating.as_ref()));
            let more = strategic.len().saturating_sub(limits.kpis_per_ambition);
            strategic.truncate(limits.kpis_per_ambition);
            AmbitionOnPage {
                key: ambition.key.clone(),
                name: ambition.name.clone(),
                counts: ambition.rollup(ratings),
                headlines: strategic,
                more,
            }
        })
        .collect();
    let mut risks = risks_at(workspace, tree);
    let more_risks = risks.len().saturating_sub(limits.risks);
    risks.truncate(limits.risks);
    PlanOnAPage {
        vision: tree.name.clone(),
        ambitions,
        risks,
        more_risks,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::model::risk::RiskLevel;
    use crate::domain::model::workspace::PerformanceIndex;
    use crate::domain::scorecard::engine::ratings_as_at;
    use crate::domain::thread::tree::thread_tree;

    #[test]
    fn each_ambition_shows_its_strategic_kpis_worst_first_within_the_limit() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let workspace = demo_workspace(today);
        let index = PerformanceIndex::new(&workspace.measurements);
        let ratings = ratings_as_at(&workspace, &index, today);
        let tree = thread_tree(&workspace);
        let limits = PageLimits {
            kpis_per_ambition: 2,
            risks: 3,
        };
        let page = plan_on_a_page(&workspace, &tree, &ratings, limits);
        assert_eq!(page.vision, workspace.framework.vision);
        assert_eq!(page.ambitions.len(), workspace.ambitions.len());
        for (ambition, node) in page.ambitions.iter().zip(&tree.children) {
            let strategic: Vec<&KpiId> = node
                .kpis
                .iter()
                .filter(|id| {
                    workspace
                        .kpi(id)
                        .is_some_and(|k| k.level == KpiLevel::Strategic)
                })
                .collect();
            assert_eq!(ambition.headlines.len() + ambition.more, strategic.len());
            assert!(ambition.headlines.len() <= 2);
            let ranks: Vec<u8> = ambition
                .headlines
                .iter()
                .map(|h| concern(h.rating.as_ref()))
                .collect();
            assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "worst first");
            // Nothing left off is worse than what is shown.
            let worst_left_off = strategic
                .iter()
                .filter(|id| !ambition.headlines.iter().any(|h| &h.id == **id))
                .map(|id| concern(ratings.get(*id)))
                .min();
            if let (Some(left), Some(shown)) = (worst_left_off, ranks.last()) {
                assert!(left >= *shown);
            }
            assert_eq!(ambition.counts, node.rollup(&ratings));
        }
        assert!(
            page.ambitions.iter().any(|a| a.more > 0),
            "the limit bites in the demo"
        );
        assert_eq!(page.risks.len(), 3);
        assert!(page.risks.iter().all(|r| r.level == RiskLevel::Strategic));
        let open_strategic = workspace
            .risks
            .iter()
            .filter(|r| r.level == RiskLevel::Strategic && r.closed.is_none())
            .count();
        assert_eq!(page.risks.len() + page.more_risks, open_strategic);
    }
}
