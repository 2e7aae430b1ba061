//! Action plans across the framework (the Cambridgeshire PMF: every red KPI needs one): the red KPIs that have no open
//! action, and every open action with its owner, due date and whether it is overdue, overdue first.

use crate::domain::basics::shared_sort::SharedSort;
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::basics::ids::KpiId;
use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::action::Action;
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::workspace::Workspace;

/// The overview.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionOverview<'a> {
    /// Live KPIs rated red with no open action linked, in register order.
    pub red_without_plan: Vec<&'a KpiDefinition>,
    /// Open actions: overdue first, then by due date (undated last).
    pub open: Vec<&'a Action>,
    /// How many open actions are overdue.
    pub overdue: usize,
}

/// Draws up the overview from each KPI's current rating (`ratings`) on `today`.
pub fn action_overview<'a>(
    workspace: &'a Workspace,
    ratings: &HashMap<KpiId, Rating>,
    today: NaiveDate,
) -> ActionOverview<'a> {
    let has_plan = |kpi: &KpiId| {
        workspace
            .actions
            .iter()
            .any(|a| a.status.is_open() && a.kpi.as_ref() == Some(kpi))
    };
    let red_without_plan = workspace
        .kpis
        .iter()
        .filter(|k| k.status.is_live())
        .filter(|k| ratings.get(&k.id).and_then(Rating::status) == Some(RagStatus::Red))
        .filter(|k| !has_plan(&k.id))
        .collect();
    let mut open: Vec<&Action> = workspace
        .actions
        .iter()
        .filter(|a| a.status.is_open())
        .collect();
    open.shared_sort_by_key(|a| (!a.is_overdue(today), a.due.is_none(), a.due));
    let overdue = open.iter().filter(|a| a.is_overdue(today)).count();
    ActionOverview {
        red_without_plan,
        open,
        overdue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::model::workspace::PerformanceIndex;
    use crate::domain::scorecard::engine::ratings_as_at;

    #[test]
    fn red_kpis_without_an_open_action_are_listed_and_overdue_actions_come_first() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut workspace = demo_workspace(today);
        let index = PerformanceIndex::new(&workspace.measurements);
        let ratings = ratings_as_at(&workspace, &index, today);
        let overview = action_overview(&workspace, &ratings, today);
        assert!(
            !overview.red_without_plan.is_empty(),
            "the demo has red KPIs without a plan"
        );
        for kpi in &overview.red_without_plan {
            assert_eq!(ratings[&kpi.id].status(), Some(RagStatus::Red));
            assert!(
                !workspace
                    .actions
                    .iter()
                    .any(|a| a.status.is_open() && a.kpi.as_ref() == Some(&kpi.id))
            );
        }
        assert_eq!(
            overview.open.len(),
            workspace
                .actions
                .iter()
                .filter(|a| a.status.is_open())
                .count()
        );
        let flags: Vec<bool> = overview.open.iter().map(|a| a.is_overdue(today)).collect();
        assert!(flags.windows(2).all(|w| w[0] >= w[1]), "overdue first");
        assert_eq!(overview.overdue, flags.iter().filter(|f| **f).count());

        // Giving the first of them an action takes it off the list.
        let first = overview.red_without_plan[0].id.clone();
        let count = overview.red_without_plan.len();
        let mut action = workspace.actions[0].clone();
        action.id = crate::domain::basics::ids::ActionId::new("act-new").unwrap();
        action.kpi = Some(first);
        action.status = crate::domain::model::action::ActionStatus::NotStarted;
        workspace.actions.push(action);
        assert_eq!(
            action_overview(&workspace, &ratings, today)
                .red_without_plan
                .len(),
            count - 1
        );
    }
}
