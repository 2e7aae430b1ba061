//! The seventeen lists a workspace holds, in one place: their names in the file, what people call them,
//! whether their items carry ids, how a reference to one of their items is worded, and how many a workspace
//! has. Validation, the import preview, both merges and the Data page's counts read this list.

use crate::domain::model::workspace::Workspace;

/// One of the lists of a workspace file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Collection {
    /// The corporate ambitions.
    Ambitions,
    /// Directorates.
    Directorates,
    /// Services.
    Services,
    /// Teams.
    Teams,
    /// People.
    People,
    /// Roles and their responsibilities.
    Roles,
    /// Committees.
    Committees,
    /// Plans.
    Plans,
    /// Individual objectives.
    Objectives,
    /// KPI definitions.
    Kpis,
    /// Measurements: a KPI's figures for a period.
    Measurements,
    /// Risks.
    Risks,
    /// Actions.
    Actions,
    /// Benchmark values.
    Benchmarks,
    /// Lessons learnt.
    Lessons,
    /// Quarterly KPI audits.
    Audits,
    /// The change history.
    History,
}

impl Collection {
    /// Every list, in the order a file holds and validation checks them.
    pub const ALL: [Collection; 17] = [
        Collection::Ambitions,
        Collection::Directorates,
        Collection::Services,
        Collection::Teams,
        Collection::People,
        Collection::Roles,
        Collection::Committees,
        Collection::Plans,
        Collection::Objectives,
        Collection::Kpis,
        Collection::Measurements,
        Collection::Risks,
        Collection::Actions,
        Collection::Benchmarks,
        Collection::Lessons,
        Collection::Audits,
        Collection::History,
    ];

    /// The list's name in the file.
    pub const fn name(self) -> &'static str {
        match self {
            Collection::Ambitions => "ambitions",
            Collection::Directorates => "directorates",
            Collection::Services => "services",
            Collection::Teams => "teams",
            Collection::People => "people",
            Collection::Roles => "roles",
            Collection::Committees => "committees",
            Collection::Plans => "plans",
            Collection::Objectives => "objectives",
            Collection::Kpis => "kpis",
            Collection::Measurements => "measurements",
            Collection::Risks => "risks",
            Collection::Actions => "actions",
            Collection::Benchmarks => "benchmarks",
            Collection::Lessons => "lessons",
            Collection::Audits => "audits",
            Collection::History => "history",
        }
    }

    /// The list as people call it.
    pub const fn label(self) -> &'static str {
        match self {
            Collection::Ambitions => "Ambitions",
            Collection::Directorates => "Directorates",
            Collection::Services => "Services",
            Collection::Teams => "Teams",
            Collection::People => "People",
            Collection::Roles => "Roles",
            Collection::Committees => "Committees",
            Collection::Plans => "Plans",
            Collection::Objectives => "Objectives",
            Collection::Kpis => "KPIs",
            Collection::Measurements => "Measurements",
            Collection::Risks => "Risks",
            Collection::Actions => "Actions",
            Collection::Benchmarks => "Benchmark values",
            Collection::Lessons => "Lessons learnt",
            Collection::Audits => "KPI audits",
            Collection::History => "Change history",
        }
    }

    /// How a reference to one of the list's items is worded: "the KPI".
    pub const fn item_noun(self) -> &'static str {
        match self {
            Collection::Ambitions => "the ambition",
            Collection::Directorates => "the directorate",
            Collection::Services => "the service",
            Collection::Teams => "the team",
            Collection::People => "the person",
            Collection::Roles => "the role",
            Collection::Committees => "the committee",
            Collection::Plans => "the plan",
            Collection::Objectives => "the objective",
            Collection::Kpis => "the KPI",
            Collection::Measurements => "the measurement",
            Collection::Risks => "the risk",
            Collection::Actions => "the action",
            Collection::Benchmarks => "the benchmark value",
            Collection::Lessons => "the lesson",
            Collection::Audits => "the audit",
            Collection::History => "the change record",
        }
    }

    /// Whether the list's items carry an `id` unique within it (measurements and benchmark values are
    /// known by what they are about instead).
    pub const fn has_ids(self) -> bool {
        !matches!(self, Collection::Measurements | Collection::Benchmarks)
    }

    /// The list called `name` in the file, if there is one.
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// How many items `workspace` holds in the list.
    pub fn count(self, workspace: &Workspace) -> usize {
        let w = workspace;
        match self {
            Collection::Ambitions => w.ambitions.len(),
            Collection::Directorates => w.directorates.len(),
            Collection::Services => w.services.len(),
            Collection::Teams => w.teams.len(),
            Collection::People => w.people.len(),
            Collection::Roles => w.roles.len(),
            Collection::Committees => w.committees.len(),
            Collection::Plans => w.plans.len(),
            Collection::Objectives => w.objectives.len(),
            Collection::Kpis => w.kpis.len(),
            Collection::Measurements => w.measurements.len(),
            Collection::Risks => w.risks.len(),
            Collection::Actions => w.actions.len(),
            Collection::Benchmarks => w.benchmarks.len(),
            Collection::Lessons => w.lessons.len(),
            Collection::Audits => w.audits.len(),
            Collection::History => w.history.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use chrono::NaiveDate;
    use serde_json::Value;
    use std::collections::HashSet;

    #[test]
    fn the_list_is_exactly_the_lists_a_workspace_file_holds() {
        let workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 15).unwrap());
        let Value::Object(file) = serde_json::to_value(&workspace).unwrap() else {
            panic!("a workspace is an object");
        };
        let in_file: HashSet<&str> = file
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "framework")
            .collect();
        let listed: HashSet<&str> = Collection::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(in_file, listed);
        for collection in Collection::ALL {
            assert_eq!(Collection::named(collection.name()), Some(collection));
            let items = file[collection.name()].as_array().unwrap();
            assert_eq!(collection.count(&workspace), items.len(), "{collection:?}");
            // The demo has items of every list, so each list's ids (or their absence) can be checked.
            assert_eq!(
                items[0].get("id").is_some(),
                collection.has_ids(),
                "{collection:?}"
            );
        }
        assert_eq!(Collection::named("framework"), None);
    }
}
