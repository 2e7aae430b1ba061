//! The KPI register: every KPI of the workspace, live or not, one line each with what a performance officer looks
//! it up by (reference, name, level, status, directorate, service, owner, source, frequency), narrowed by a search
//! and a level and status, and sorted by any column.

use crate::domain::basics::shared_sort::SharedSort;
use std::cmp::Ordering;

use crate::domain::model::kpi::{KpiLevel, KpiStatus};
use crate::domain::model::workspace::Workspace;

/// One KPI in the register, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterLine {
    /// The KPI's id (its reference).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its level.
    pub level: KpiLevel,
    /// Its status in the KPI cycle.
    pub status: KpiStatus,
    /// Its directorate's name, or empty.
    pub directorate: String,
    /// Its service's name, or empty.
    pub service: String,
    /// Its owner's name, or empty.
    pub owner: String,
    /// Its data source, or empty.
    pub source: String,
    /// How often it is reported, in words.
    pub frequency: &'static str,
    /// What a search looks in, in lower case.
    search_text: String,
}

/// A column of the register, to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegisterColumn {
    /// The reference.
    Reference,
    /// The name.
    Name,
    /// The level, strategic first.
    Level,
    /// The status, in the order of the KPI cycle.
    Status,
    /// The directorate.
    Directorate,
    /// The service.
    Service,
    /// The owner.
    Owner,
    /// The source.
    Source,
    /// The frequency.
    Frequency,
}

impl RegisterColumn {
    /// Every column, in the order the register shows them.
    pub const ALL: [Self; 9] = [
        Self::Reference,
        Self::Name,
        Self::Level,
        Self::Status,
        Self::Directorate,
        Self::Service,
        Self::Owner,
        Self::Source,
        Self::Frequency,
    ];

    /// The column's heading.
    pub const fn heading(self) -> &'static str {
        match self {
            Self::Reference => "Reference",
            Self::Name => "KPI",
            Self::Level => "Level",
            Self::Status => "Status",
            Self::Directorate => "Directorate",
            Self::Service => "Service",
            Self::Owner => "Owner",
            Self::Source => "Source",
            Self::Frequency => "Frequency",
        }
    }

    /// The column's words for `line`.
    pub fn text(self, line: &RegisterLine) -> String {
        match self {
            Self::Reference => line.id.clone(),
            Self::Name => line.name.clone(),
            Self::Level => line.level.label().to_owned(),
            Self::Status => line.status.label().to_owned(),
            Self::Directorate => line.directorate.clone(),
            Self::Service => line.service.clone(),
            Self::Owner => line.owner.clone(),
            Self::Source => line.source.clone(),
            Self::Frequency => line.frequency.to_owned(),
        }
    }

    fn compare(self, a: &RegisterLine, b: &RegisterLine) -> Ordering {
        match self {
            Self::Level => a.level.cmp(&b.level),
            Self::Status => status_rank(a.status).cmp(&status_rank(b.status)),
            column => column
                .text(a)
                .to_lowercase()
                .cmp(&column.text(b).to_lowercase()),
        }
    }
}

/// Where a status comes in the KPI cycle: proposed, in development, live (active, baseline, contextual), retired.
const fn status_rank(status: KpiStatus) -> u8 {
    match status {
        KpiStatus::Proposed => 0,
        KpiStatus::InDevelopment => 1,
        KpiStatus::Active => 2,
        KpiStatus::Baseline => 3,
        KpiStatus::Contextual => 4,
        KpiStatus::Retired => 5,
    }
}

/// What narrows the register.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegisterFilter {
    /// Words that must all appear in the reference, name, definition, source, owner, directorate or service.
    pub search: String,
    /// Only KPIs at this level.
    pub level: Option<KpiLevel>,
    /// Only KPIs with this status.
    pub status: Option<KpiStatus>,
}

impl RegisterFilter {
    fn matches(&self, line: &RegisterLine) -> bool {
        self.level.is_none_or(|level| level == line.level)
            && self.status.is_none_or(|status| status == line.status)
            && self
                .search
                .to_lowercase()
                .split_whitespace()
                .all(|word| line.search_text.contains(word))
    }
}

/// Every KPI of `workspace` that `filter` lets through, sorted by `sort` (a column, and whether descending; by
/// default in the workspace's order), ties kept in the workspace's order.
pub fn register_lines(
    workspace: &Workspace,
    filter: &RegisterFilter,
    sort: Option<(RegisterColumn, bool)>,
) -> Vec<RegisterLine> {
    let name_of = |found: Option<&String>| found.cloned().unwrap_or_default();
    let mut lines: Vec<RegisterLine> = workspace
        .kpis
        .iter()
        .map(|kpi| {
            let directorate = name_of(workspace.directorate_of_kpi(kpi).and_then(|id| {
                workspace
                    .directorates
                    .iter()
                    .find(|d| &d.id == id)
                    .map(|d| &d.name)
            }));
            let service = name_of(workspace.service_of_kpi(kpi).and_then(|id| {
                workspace
                    .services
                    .iter()
                    .find(|s| &s.id == id)
                    .map(|s| &s.name)
            }));
            let owner = name_of(
                kpi.owner
                    .as_ref()
                    .and_then(|id| workspace.person(id))
                    .map(|p| &p.name),
            );
            let search_text = [
                kpi.id.as_str(),
                &kpi.name,
                &kpi.definition,
                &kpi.source,
                &owner,
                &directorate,
                &service,
            ]
            .join(" ")
            .to_lowercase();
            RegisterLine {
                id: kpi.id.to_string(),
                name: kpi.name.clone(),
                level: kpi.level,
                status: kpi.status,
                directorate,
                service,
                owner,
                source: kpi.source.clone(),
                frequency: kpi.frequency.label(),
                search_text,
            }
        })
        .filter(|line| filter.matches(line))
        .collect();
    if let Some((column, descending)) = sort {
        lines.shared_sort_by(|a, b| {
            let order = column.compare(a, b);
            if descending { order.reverse() } else { order }
        });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::ids::PersonId;
    use crate::domain::thread::tree::tests::hand_drawn;

    fn ids(lines: &[RegisterLine]) -> Vec<&str> {
        lines.iter().map(|l| l.id.as_str()).collect()
    }

    #[test]
    fn every_kpi_is_listed_live_or_not_with_its_place_and_owner() {
        let workspace = hand_drawn();
        let lines = register_lines(&workspace, &RegisterFilter::default(), None);
        // The five KPIs of the hand-drawn framework, k5 retired among them.
        assert_eq!(ids(&lines), ["k1", "k2", "k3", "k4", "k5"]);
        assert_eq!(lines[4].status, KpiStatus::Retired);
        // k1: Highways (s1) in Place (d1), owned by Ann.
        assert_eq!(
            (
                lines[0].directorate.as_str(),
                lines[0].service.as_str(),
                lines[0].owner.as_str()
            ),
            ("Place", "Highways", "Ann")
        );
        assert_eq!(lines[0].frequency, "Monthly");
    }

    #[test]
    fn a_search_needs_every_word_and_the_level_and_status_narrow_it() {
        let mut workspace = hand_drawn();
        workspace.kpis[2].owner = Some(PersonId::new("p-bob").unwrap());
        workspace.kpis[2].level = KpiLevel::Operational;
        let search = |words: &str| RegisterFilter {
            search: words.to_owned(),
            ..RegisterFilter::default()
        };
        // k3 is Waste's (s2), owned by Bob now.
        assert_eq!(
            ids(&register_lines(&workspace, &search("BOB waste"), None)),
            ["k3"]
        );
        assert_eq!(
            ids(&register_lines(&workspace, &search("bob highways"), None)),
            Vec::<&str>::new()
        );
        let operational = RegisterFilter {
            level: Some(KpiLevel::Operational),
            ..RegisterFilter::default()
        };
        assert_eq!(ids(&register_lines(&workspace, &operational, None)), ["k3"]);
        let retired = RegisterFilter {
            status: Some(KpiStatus::Retired),
            ..RegisterFilter::default()
        };
        assert_eq!(ids(&register_lines(&workspace, &retired, None)), ["k5"]);
    }

    #[test]
    fn sorting_by_a_column_keeps_ties_in_the_workspaces_order() {
        let mut workspace = hand_drawn();
        workspace.kpis[3].status = KpiStatus::Proposed;
        // By status in the cycle's order: proposed k4, then the active k1, k2, k3 as they stand, retired k5.
        let by_status = register_lines(
            &workspace,
            &RegisterFilter::default(),
            Some((RegisterColumn::Status, false)),
        );
        assert_eq!(ids(&by_status), ["k4", "k1", "k2", "k3", "k5"]);
        // By service, descending: Waste (k3, k5) before Highways (k1, k2, k4).
        let by_service = register_lines(
            &workspace,
            &RegisterFilter::default(),
            Some((RegisterColumn::Service, true)),
        );
        assert_eq!(ids(&by_service), ["k3", "k5", "k1", "k2", "k4"]);
    }
}
