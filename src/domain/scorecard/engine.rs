//! Balanced scorecards (the Cambridgeshire PMF, Appendix C): one engine, three views. The organisational scorecard holds the
//! corporate KPIs and every directorate's strategic KPIs (SKPIs), as the leadership team sees it monthly; a
//! directorate scorecard holds that directorate's corporate, strategic and operational KPIs, for its heads of
//! service; a committee scorecard holds the KPIs assigned to that committee, as it sees them quarterly.
//!
//! Each KPI is shown at its own latest reporting period as at a date, so monthly, quarterly and annual KPIs
//! sit side by side: as at 31 October a monthly KPI shows October, a quarterly one Q2 (July to September).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::basics::ids::{CommitteeId, DirectorateId, KpiId};
use crate::domain::basics::period::Period;
use crate::domain::basics::period::reporting_period;
use crate::domain::kpi::assessment::{KpiAssessment, assess};
use crate::domain::kpi::mdc_icons::{MdcIcons, mdc_icons};
use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::golden_thread::ThreadNode;
use crate::domain::model::kpi::{KpiDefinition, KpiLevel};
use crate::domain::model::workspace::{PerformanceIndex, Workspace};

/// Which scorecard.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum ScorecardScope {
    /// Corporate KPIs and every directorate's SKPIs.
    #[default]
    Organisation,
    /// One directorate's corporate, strategic and operational KPIs.
    Directorate(DirectorateId),
    /// The KPIs assigned to one committee.
    Committee(CommitteeId),
}

impl ScorecardScope {
    /// Whether `kpi` belongs on this scorecard (retired KPIs belong on none).
    pub fn includes(&self, workspace: &Workspace, kpi: &KpiDefinition) -> bool {
        if !kpi.status.is_live() {
            return false;
        }
        match self {
            ScorecardScope::Organisation => {
                matches!(kpi.level, KpiLevel::Strategic | KpiLevel::Corporate)
            }
            ScorecardScope::Directorate(id) => {
                kpi.level != KpiLevel::Individual && workspace.directorate_of_kpi(kpi) == Some(id)
            }
            ScorecardScope::Committee(id) => kpi.committees.contains(id),
        }
    }

    /// The scorecard's title: "Organisational scorecard", "Adults and Health scorecard", …
    pub fn title(&self, workspace: &Workspace) -> String {
        match self {
            ScorecardScope::Organisation => "Organisational scorecard".to_owned(),
            ScorecardScope::Directorate(id) => {
                let name = workspace
                    .directorates
                    .iter()
                    .find(|d| &d.id == id)
                    .map_or(id.as_str(), |d| d.name.as_str());
                format!("{name} scorecard")
            }
            ScorecardScope::Committee(id) => {
                let name = workspace
                    .committees
                    .iter()
                    .find(|c| &c.id == id)
                    .map_or(id.as_str(), |c| c.name.as_str());
                format!("{name} scorecard")
            }
        }
    }

    /// The golden-thread node the scope stands for, when it is one (a committee is not).
    pub fn node(&self) -> Option<ThreadNode> {
        match self {
            ScorecardScope::Organisation => Some(ThreadNode::Council),
            ScorecardScope::Directorate(id) => Some(ThreadNode::Directorate(id.clone())),
            ScorecardScope::Committee(_) => None,
        }
    }
}

/// One KPI on a scorecard: its assessment and what the columns and flags need besides.
#[derive(Clone, Debug)]
pub struct ScorecardRow<'a> {
    /// The KPI at its reporting period: values, target, RAG, change, trend, forecast.
    pub assessment: KpiAssessment<'a>,
    /// The directorate it belongs to.
    pub directorate: Option<&'a DirectorateId>,
    /// The latest period with a value, up to the reporting period ("Last updated").
    pub last_updated: Option<Period>,
    /// Whether an open action is linked to the KPI.
    pub has_open_action: bool,
    /// The Making Data Count icons at the period (none below the values SPC needs).
    pub mdc: Option<MdcIcons>,
}

impl ScorecardRow<'_> {
    /// The KPI.
    pub fn kpi(&self) -> &KpiDefinition {
        self.assessment.kpi
    }

    /// The RAG status, if rated.
    pub fn status(&self) -> Option<RagStatus> {
        self.assessment.rating.status()
    }

    /// Red with no open action linked: the Cambridgeshire PMF expects an action plan for every red KPI.
    pub fn needs_action_plan(&self) -> bool {
        self.status() == Some(RagStatus::Red) && !self.has_open_action
    }

    /// The commentary for the period (empty when there is none).
    pub fn commentary(&self) -> &str {
        self.assessment
            .measurement
            .map_or("", |m| m.commentary.as_str())
    }
}

/// The rows of the scorecard for `scope` as at `as_at`, in the workspace's KPI order.
pub fn scorecard<'a>(
    workspace: &'a Workspace,
    index: &PerformanceIndex<'a>,
    scope: &ScorecardScope,
    as_at: NaiveDate,
) -> Vec<ScorecardRow<'a>> {
    workspace
        .kpis
        .iter()
        .filter(|kpi| scope.includes(workspace, kpi))
        .filter_map(|kpi| scorecard_row(workspace, index, kpi, as_at))
        .collect()
}

/// One KPI as a scorecard shows it as at `as_at` (none before its first reporting period can end).
pub fn scorecard_row<'a>(
    workspace: &'a Workspace,
    index: &PerformanceIndex<'a>,
    kpi: &'a KpiDefinition,
    as_at: NaiveDate,
) -> Option<ScorecardRow<'a>> {
    let period = reporting_period(kpi.frequency, as_at)?;
    let history = index.history(&kpi.id);
    let last_updated = history
        .range(..=period)
        .rev()
        .find(|(p, m)| p.frequency() == kpi.frequency && m.resolved_value(kpi.unit).is_some())
        .map(|(p, _)| *p);
    let has_open_action = workspace
        .actions
        .iter()
        .any(|a| a.status.is_open() && a.kpi.as_ref() == Some(&kpi.id));
    Some(ScorecardRow {
        assessment: assess(kpi, &history, period, &workspace.framework),
        directorate: workspace.directorate_of_kpi(kpi),
        last_updated,
        has_open_action,
        mdc: mdc_icons(kpi, &history, period, &workspace.framework.spc),
    })
}

/// Every current KPI's rating as at `as_at`, each at its own latest reporting period (what a roll-up counts).
pub fn ratings_as_at(
    workspace: &Workspace,
    index: &PerformanceIndex<'_>,
    as_at: NaiveDate,
) -> HashMap<KpiId, Rating> {
    workspace
        .kpis
        .iter()
        .filter(|kpi| kpi.status.is_live())
        .filter_map(|kpi| {
            let row = scorecard_row(workspace, index, kpi, as_at)?;
            Some((kpi.id.clone(), row.assessment.rating))
        })
        .collect()
}

/// The date a scorecard is drawn up as at, for a chosen period: its last day, or `today` while it is running.
pub fn as_at_for(period: Period, today: NaiveDate) -> NaiveDate {
    period.end_date().min(today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::period::Frequency;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn the_organisational_scorecard_holds_corporate_kpis_and_skpis_only() {
        let workspace = demo_workspace(today());
        let index = PerformanceIndex::new(&workspace.measurements);
        let rows = scorecard(&workspace, &index, &ScorecardScope::Organisation, today());
        assert!(!rows.is_empty());
        assert!(
            rows.iter()
                .all(|r| matches!(r.kpi().level, KpiLevel::Strategic | KpiLevel::Corporate))
        );
        assert!(rows.iter().all(|r| r.kpi().status.is_live()));
        let expected = workspace
            .kpis
            .iter()
            .filter(|k| k.status.is_live())
            .filter(|k| matches!(k.level, KpiLevel::Strategic | KpiLevel::Corporate))
            .count();
        assert_eq!(rows.len(), expected);
    }

    #[test]
    fn a_directorate_scorecard_holds_its_own_kpis_including_operational_ones() {
        let workspace = demo_workspace(today());
        let index = PerformanceIndex::new(&workspace.measurements);
        let directorate = workspace.directorates[0].id.clone();
        let rows = scorecard(
            &workspace,
            &index,
            &ScorecardScope::Directorate(directorate.clone()),
            today(),
        );
        assert!(rows.iter().all(|r| r.directorate == Some(&directorate)));
        assert!(rows.iter().any(|r| r.kpi().level == KpiLevel::Operational));
    }

    #[test]
    fn a_committee_scorecard_holds_the_kpis_assigned_to_it() {
        let workspace = demo_workspace(today());
        let index = PerformanceIndex::new(&workspace.measurements);
        let committee = workspace.kpis[0].committees[0].clone();
        let rows = scorecard(
            &workspace,
            &index,
            &ScorecardScope::Committee(committee.clone()),
            today(),
        );
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r.kpi().committees.contains(&committee)));
    }

    #[test]
    fn each_kpi_is_shown_at_its_own_latest_reporting_period() {
        let workspace = demo_workspace(today());
        let index = PerformanceIndex::new(&workspace.measurements);
        let as_at = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        let rows = scorecard(&workspace, &index, &ScorecardScope::Organisation, as_at);
        let period_of = |frequency| {
            rows.iter()
                .find(|r| r.kpi().frequency == frequency)
                .map(|r| r.assessment.period.to_string())
        };
        assert_eq!(period_of(Frequency::Monthly).as_deref(), Some("Oct 2026"));
        assert_eq!(
            period_of(Frequency::Quarterly).as_deref(),
            Some("Q2 2026/27")
        );
    }

    #[test]
    fn red_kpis_without_an_open_action_are_flagged() {
        let workspace = demo_workspace(today());
        let index = PerformanceIndex::new(&workspace.measurements);
        let rows = scorecard(&workspace, &index, &ScorecardScope::Organisation, today());
        for row in &rows {
            let open = workspace
                .actions
                .iter()
                .any(|a| a.status.is_open() && a.kpi.as_ref() == Some(&row.kpi().id));
            assert_eq!(
                row.needs_action_plan(),
                row.status() == Some(RagStatus::Red) && !open,
                "{}",
                row.kpi().id
            );
        }
        assert!(rows.iter().any(|r| r.status() == Some(RagStatus::Red)));
    }

    #[test]
    fn a_running_period_is_drawn_up_as_at_today() {
        let year = Period::parse("2026/27").unwrap();
        assert_eq!(as_at_for(year, today()), today());
        let month = Period::parse("Sep 2026").unwrap();
        assert_eq!(
            as_at_for(month, today()),
            NaiveDate::from_ymd_opt(2026, 9, 30).unwrap()
        );
    }

    #[test]
    fn titles_name_the_directorate_or_committee() {
        let workspace = demo_workspace(today());
        let directorate = &workspace.directorates[0];
        assert_eq!(
            ScorecardScope::Directorate(directorate.id.clone()).title(&workspace),
            format!("{} scorecard", directorate.name)
        );
        assert_eq!(
            ScorecardScope::Organisation.title(&workspace),
            "Organisational scorecard"
        );
    }
}
