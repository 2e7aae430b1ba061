//! The council's performance at a glance, for the front page: the organisational scorecard's RAG counts for
//! the whole council, each ambition and each directorate with the counts at each KPI's previous period; the
//! exceptions, worst first; and what is due (the latest month's validation sheets, risk reviews overdue or due
//! within 30 days, the next committee reports).
//!
//! Every count comes from the one scorecard engine and the scorecard's own summary: an ambition's or a
//! directorate's counts are those of the organisational scorecard narrowed to it, so the figures equal the
//! scorecard page that each links to, for the same date.

use crate::domain::basics::shared_sort::SharedSort;
use chrono::{Days, NaiveDate};

use crate::domain::assurance::reporting_calendar::{CalendarEvent, EventKind, reporting_calendar};
use crate::domain::assurance::review_queue::LOOK_AHEAD_DAYS;
use crate::domain::assurance::validation_sheet::{SheetCounts, sheet_months, validation_sheet};
use crate::domain::basics::ids::{AmbitionId, DirectorateId, KpiId, RiskId};
use crate::domain::basics::period::Period;
use crate::domain::kpi::rating::Rating;
use crate::domain::model::risk::ReviewStatus;
use crate::domain::model::workspace::{PerformanceIndex, Workspace};
use crate::domain::scorecard::detached_row::DetachedRow;
use crate::domain::scorecard::engine::{ScorecardScope, scorecard};
use crate::domain::scorecard::exceptions::{
    ExceptionReason, exception_reasons, reportable_warnings,
};
use crate::domain::scorecard::filter::{ScorecardFilter, ScorecardSummary, summarise};

/// How far ahead the committee reports listed reach.
const COMMITTEE_DAYS: u64 = 120;

/// One ambition's or directorate's share of the organisational scorecard.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupCounts<Id> {
    /// The ambition or directorate.
    pub id: Id,
    /// Its name as every page shows it.
    pub name: String,
    /// The counts of its KPIs on the organisational scorecard, now and at each KPI's previous period.
    pub summary: ScorecardSummary,
}

/// A KPI that needs attention.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewException {
    /// The KPI.
    pub kpi: KpiId,
    /// Its name.
    pub name: String,
    /// The directorate it belongs to (empty when none).
    pub directorate: String,
    /// The period it is shown at.
    pub period: Period,
    /// Its rating.
    pub rating: Rating,
    /// The figure as every view shows it (with the year to date of a cumulative KPI).
    pub value: String,
    /// Its target, formatted ("—" when none).
    pub target: String,
    /// Why it is an exception, most serious first.
    pub reasons: Vec<ExceptionReason>,
}

/// A directorate's validation sheet for the month.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationProgress {
    /// The directorate.
    pub directorate: DirectorateId,
    /// Its name.
    pub name: String,
    /// The sheet's totals.
    pub counts: SheetCounts,
}

/// A risk whose review is overdue or due soon.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskReviewDue {
    /// The risk.
    pub risk: RiskId,
    /// Its title.
    pub title: String,
    /// Its owner's name (empty when no one is named).
    pub owner: String,
    /// When the review is due.
    pub due: NaiveDate,
    /// Past its date.
    pub overdue: bool,
}

/// The council at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct CouncilOverview {
    /// The date the scorecard is drawn up as at.
    pub as_at: NaiveDate,
    /// The whole organisational scorecard.
    pub council: ScorecardSummary,
    /// Each ambition's KPIs on it, in the council plan's order.
    pub ambitions: Vec<GroupCounts<AmbitionId>>,
    /// Each directorate's KPIs on it.
    pub directorates: Vec<GroupCounts<DirectorateId>>,
    /// The exceptions, worst first (red, forecast red, green but declining, data quality), then in register
    /// order.
    pub exceptions: Vec<OverviewException>,
    /// The month whose validation sheets are due, if one has ended.
    pub validation_month: Option<Period>,
    /// Each directorate's sheet for that month.
    pub validation: Vec<ValidationProgress>,
    /// Open risks whose review is overdue or due within 30 days, overdue first, then by date.
    pub risk_reviews: Vec<RiskReviewDue>,
    /// The committee reports due in the next four months, by date.
    pub committee_reports: Vec<CalendarEvent>,
}

/// The overview as at `as_at` (the scorecard's date), with what is due counted from `today`.
pub fn council_overview(
    workspace: &Workspace,
    index: &PerformanceIndex<'_>,
    as_at: NaiveDate,
    today: NaiveDate,
) -> CouncilOverview {
    let rows = scorecard(workspace, index, &ScorecardScope::Organisation, as_at);
    let entries: Vec<DetachedRow> = rows
        .iter()
        .map(|row| DetachedRow::of(row, workspace, index))
        .collect();
    let counts_where = |filter: ScorecardFilter| {
        let kept: Vec<&DetachedRow> = entries.iter().filter(|e| filter.matches(e)).collect();
        summarise(&kept)
    };
    let ambitions = workspace
        .ambitions
        .iter()
        .map(|a| GroupCounts {
            id: a.id.clone(),
            name: a.label(),
            summary: counts_where(ScorecardFilter {
                ambition: Some(a.id.clone()),
                ..ScorecardFilter::default()
            }),
        })
        .collect();
    let directorates = workspace
        .directorates
        .iter()
        .filter(|d| d.active)
        .map(|d| GroupCounts {
            id: d.id.clone(),
            name: d.name.clone(),
            summary: counts_where(ScorecardFilter {
                directorate: Some(d.id.clone()),
                ..ScorecardFilter::default()
            }),
        })
        .collect();
    let mut exceptions: Vec<OverviewException> = rows
        .iter()
        .zip(&entries)
        .filter_map(|(row, entry)| {
            let kpi = row.kpi();
            let a = &row.assessment;
            let warned =
                !reportable_warnings(kpi, &index.history(&kpi.id), a.period, &workspace.framework)
                    .is_empty();
            let reasons = exception_reasons(entry, warned);
            (!reasons.is_empty()).then(|| OverviewException {
                kpi: kpi.id.clone(),
                name: kpi.name.clone(),
                directorate: directorate_name(workspace, entry.directorate.as_ref()),
                period: a.period,
                rating: a.rating.clone(),
                value: a.shown_value("—"),
                target: entry
                    .target
                    .map_or_else(|| "—".to_owned(), |t| kpi.unit.format(t, kpi.decimals)),
                reasons,
            })
        })
        .collect();
    // A stable sort keeps the register's order within each reason.
    exceptions.shared_sort_by_key(|e| e.reasons.first().copied());
    let validation_month = sheet_months(today).first().copied();
    let validation = validation_month
        .map(|month| {
            workspace
                .directorates
                .iter()
                .filter(|d| d.active)
                .map(|d| ValidationProgress {
                    directorate: d.id.clone(),
                    name: d.name.clone(),
                    counts: SheetCounts::of(&validation_sheet(workspace, index, &d.id, month)),
                })
                .filter(|p| p.counts.due > 0)
                .collect()
        })
        .unwrap_or_default();
    CouncilOverview {
        as_at,
        council: summarise(&entries.iter().collect::<Vec<_>>()),
        ambitions,
        directorates,
        exceptions,
        validation_month,
        validation,
        risk_reviews: risk_reviews_due(workspace, today),
        committee_reports: reporting_calendar(workspace, today, today + Days::new(COMMITTEE_DAYS))
            .into_iter()
            .filter(|e| e.kind == EventKind::CommitteeReport)
            .collect(),
    }
}

fn directorate_name(workspace: &Workspace, id: Option<&DirectorateId>) -> String {
    id.and_then(|id| workspace.directorates.iter().find(|d| &d.id == id))
        .map(|d| d.name.clone())
        .unwrap_or_default()
}

/// Open risks whose review is overdue or due within the look-ahead, overdue first, then by date.
fn risk_reviews_due(workspace: &Workspace, today: NaiveDate) -> Vec<RiskReviewDue> {
    let horizon = today + Days::new(LOOK_AHEAD_DAYS);
    let mut due: Vec<RiskReviewDue> = workspace
        .risks
        .iter()
        .filter(|r| r.closed.is_none())
        .filter_map(|risk| {
            let (due, overdue) = match risk.review_status(&workspace.framework, today) {
                ReviewStatus::Overdue { due, .. } => (due, true),
                ReviewStatus::DueIn { due, .. } if due <= horizon => (due, false),
                ReviewStatus::DueIn { .. } => return None,
            };
            Some(RiskReviewDue {
                risk: risk.id.clone(),
                title: risk.title.clone(),
                owner: risk
                    .owner
                    .as_ref()
                    .and_then(|p| workspace.person(p))
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                due,
                overdue,
            })
        })
        .collect();
    due.shared_sort_by_key(|r| (!r.overdue, r.due));
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::period::FinancialYear;
    use crate::domain::kpi::rollup::RagCounts;
    use crate::domain::model::framework::Framework;
    use crate::domain::model::golden_thread::{Ambition, Directorate};
    use crate::domain::model::kpi::tests::sample_kpi;
    use crate::domain::model::kpi::{KpiLevel, Target};
    use crate::domain::model::measurement::Measurement;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn period(text: &str) -> Period {
        Period::parse(text).unwrap()
    }

    /// Two ambitions, two directorates and five monthly KPIs (higher is better, in percent) with figures for
    /// September and October 2026 and a target of 80 in each month, under the default rule (green at or above
    /// target, amber up to 10% below it, red beyond):
    /// - k1: directorate A, ambition 1; Sep 70 (12.5% below: red), Oct 85 (green);
    /// - k2: directorate A, ambitions 1 and 2; Sep 78 (2.5% below: amber), Oct 60 (25% below: red);
    /// - k3: directorate B, ambition 2; Sep 85 (green), Oct 75 (6.25% below: amber);
    /// - k4: directorate B, ambition 2, but operational: not on the organisational scorecard (Oct 10);
    /// - k5: directorate B, ambition 2, corporate, no target: not rated, and a data-quality warning.
    fn council() -> Workspace {
        let year = FinancialYear::starting(2026).unwrap();
        let mut workspace = Workspace::new(Framework::new("Testshire", year));
        for (number, id) in [(1, "amb-1"), (2, "amb-2")] {
            workspace.ambitions.push(Ambition {
                id: AmbitionId::new(id).unwrap(),
                number,
                title: format!("Title {number}"),
                description: String::new(),
            });
        }
        for (id, name) in [("dir-a", "Alpha"), ("dir-b", "Beta")] {
            workspace.directorates.push(Directorate {
                id: DirectorateId::new(id).unwrap(),
                name: name.to_owned(),
                director: None,
                active: true,
            });
        }
        let kpis = [
            (
                "k1",
                "dir-a",
                &["amb-1"][..],
                KpiLevel::Strategic,
                true,
                70.0,
                85.0,
            ),
            (
                "k2",
                "dir-a",
                &["amb-1", "amb-2"],
                KpiLevel::Strategic,
                true,
                78.0,
                60.0,
            ),
            (
                "k3",
                "dir-b",
                &["amb-2"],
                KpiLevel::Strategic,
                true,
                85.0,
                75.0,
            ),
            (
                "k4",
                "dir-b",
                &["amb-2"],
                KpiLevel::Operational,
                true,
                10.0,
                10.0,
            ),
            (
                "k5",
                "dir-b",
                &["amb-2"],
                KpiLevel::Corporate,
                false,
                50.0,
                50.0,
            ),
        ];
        for (id, directorate, ambitions, level, targeted, september, october) in kpis {
            let mut kpi = sample_kpi(id);
            kpi.directorate = Some(DirectorateId::new(directorate).unwrap());
            kpi.ambitions = ambitions
                .iter()
                .map(|a| AmbitionId::new(*a).unwrap())
                .collect();
            kpi.level = level;
            if targeted {
                kpi.targets = ["Sep 2026", "Oct 2026"]
                    .map(|p| Target {
                        period: period(p),
                        value: 80.0,
                    })
                    .to_vec();
            }
            for (month, value) in [("Sep 2026", september), ("Oct 2026", october)] {
                workspace
                    .measurements
                    .push(Measurement::new(kpi.id.clone(), period(month), value));
            }
            workspace.kpis.push(kpi);
        }
        workspace
    }

    fn overview(workspace: &Workspace) -> CouncilOverview {
        let index = PerformanceIndex::new(&workspace.measurements);
        council_overview(workspace, &index, day("2026-10-31"), day("2026-11-15"))
    }

    /// (red, amber, green, not rated) of `counts`.
    fn rag(counts: &RagCounts) -> (usize, usize, usize, usize) {
        (counts.red, counts.amber, counts.green, counts.not_rated())
    }

    #[test]
    fn the_council_counts_the_organisational_scorecard_now_and_at_each_previous_period() {
        let overview = overview(&council());
        // k1..k3 and k5 (k4 is operational). October: k2 red, k3 amber, k1 green, k5 not rated;
        // September: k1 red, k2 amber, k3 green, k5 not rated.
        assert_eq!(rag(&overview.council.now), (1, 1, 1, 1));
        assert_eq!(rag(&overview.council.previous), (1, 1, 1, 1));
    }

    #[test]
    fn each_ambition_and_directorate_counts_its_own_kpis_on_the_scorecard() {
        let overview = overview(&council());
        let ambitions: Vec<_> = overview
            .ambitions
            .iter()
            .map(|g| {
                (
                    g.name.as_str(),
                    rag(&g.summary.now),
                    rag(&g.summary.previous),
                )
            })
            .collect();
        // Ambition 1 holds k1 and k2: now green and red; in September red and amber. Ambition 2 holds k2, k3
        // and k5 (not k4, which is operational): now red, amber and not rated; in September amber, green and
        // not rated. k2 serves both, so it counts once in each.
        assert_eq!(
            ambitions,
            [
                ("Ambition 1: Title 1", (1, 0, 1, 0), (1, 1, 0, 0)),
                ("Ambition 2: Title 2", (1, 1, 0, 1), (0, 1, 1, 1)),
            ]
        );
        let directorates: Vec<_> = overview
            .directorates
            .iter()
            .map(|g| (g.name.as_str(), rag(&g.summary.now)))
            .collect();
        // Alpha: k1 green, k2 red. Beta: k3 amber, k5 not rated (k4 is operational).
        assert_eq!(
            directorates,
            [("Alpha", (1, 0, 1, 0)), ("Beta", (0, 1, 0, 1))]
        );
    }

    #[test]
    fn the_exceptions_come_worst_first_with_their_figures() {
        let overview = overview(&council());
        let exceptions: Vec<_> = overview
            .exceptions
            .iter()
            .map(|e| {
                (
                    e.kpi.as_str(),
                    e.directorate.as_str(),
                    e.value.as_str(),
                    e.target.as_str(),
                    e.reasons.clone(),
                )
            })
            .collect();
        // k2 is red at 60.0% against 80.0%; k5 has no target (a warning a committee needs); k1 (green and
        // improving) and k3 (amber) are no exceptions, and k4 is not on the scorecard though red.
        assert_eq!(
            exceptions,
            [
                ("k2", "Alpha", "60.0%", "80.0%", vec![ExceptionReason::Red]),
                (
                    "k5",
                    "Beta",
                    "50.0%",
                    "—",
                    vec![ExceptionReason::DataQuality]
                ),
            ]
        );
    }

    #[test]
    fn a_retired_directorate_is_left_out() {
        let mut workspace = council();
        workspace.directorates[1].active = false;
        let names: Vec<String> = overview(&workspace)
            .directorates
            .into_iter()
            .map(|g| g.name)
            .collect();
        assert_eq!(names, ["Alpha"]);
    }

    #[test]
    fn the_months_sheets_count_what_is_due_in_each_directorate() {
        let overview = overview(&council());
        // On 15 November the latest month ended is October; every KPI is monthly, so each directorate's
        // KPIs are due (Alpha: k1, k2; Beta: k3, k4, k5: a directorate's sheet holds its operational KPIs),
        // none approved yet.
        assert_eq!(overview.validation_month, Some(period("Oct 2026")));
        let sheets: Vec<_> = overview
            .validation
            .iter()
            .map(|v| (v.name.as_str(), v.counts.due, v.counts.complete))
            .collect();
        assert_eq!(sheets, [("Alpha", 2, 0), ("Beta", 3, 0)]);
    }

    #[test]
    fn risk_reviews_and_committee_reports_are_in_order() {
        let today = day("2026-11-22");
        let workspace = crate::demo::demo_workspace(today);
        let index = PerformanceIndex::new(&workspace.measurements);
        let overview = council_overview(&workspace, &index, day("2026-10-31"), today);
        let horizon = today + Days::new(LOOK_AHEAD_DAYS);
        assert!(
            !overview.risk_reviews.is_empty(),
            "the demo has reviews due"
        );
        for review in &overview.risk_reviews {
            assert_eq!(review.overdue, review.due < today, "{}", review.title);
            assert!(review.due <= horizon, "{}", review.title);
        }
        let keys: Vec<_> = overview
            .risk_reviews
            .iter()
            .map(|r| (!r.overdue, r.due))
            .collect();
        assert!(keys.is_sorted(), "overdue first, then by date");
        let open_due = workspace
            .risks
            .iter()
            .filter(|r| r.closed.is_none())
            .filter(|r| r.next_review_due(&workspace.framework) <= horizon)
            .count();
        assert_eq!(overview.risk_reviews.len(), open_due);
        assert!(!overview.committee_reports.is_empty());
        assert!(
            overview
                .committee_reports
                .iter()
                .all(|e| e.kind == EventKind::CommitteeReport && e.date >= today)
        );
    }
}
