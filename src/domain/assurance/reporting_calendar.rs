//! The reporting calendar, derived from the framework (the roles framework, the performance protocol, the Cambridgeshire PMF, the eight-part PMF): each month's figures due
//! from data co-ordinators and the Corporate Leadership Team's organisational scorecard; each quarter's
//! report to every committee that scrutinises KPIs and the KPI audit sample drawn after the cycle; the
//! annual target setting and framework review; and every open risk's next review. The timings and the bank
//! holidays that working days skip are the framework's own ([`crate::domain::basics::calendar_timings`]).

use crate::domain::basics::shared_sort::SharedSort;
use chrono::{Datelike, Days, NaiveDate};

use crate::domain::basics::period::{FinancialYear, Frequency, Period};
use crate::domain::model::golden_thread::CommitteeKind;
use crate::domain::model::workspace::Workspace;

/// What kind of date it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// Figures due from data co-ordinators.
    DataDue,
    /// The leadership team's monthly scorecard.
    LeadershipScorecard,
    /// A committee's quarterly performance report.
    CommitteeReport,
    /// The quarterly KPI audit sample.
    KpiAudit,
    /// A risk's next review.
    RiskReview,
    /// Targets set for the coming years.
    TargetSetting,
    /// The framework reviewed and approved.
    FrameworkReview,
}

impl EventKind {
    /// Every kind, in the order a filter lists them.
    pub const ALL: [EventKind; 7] = [
        EventKind::DataDue,
        EventKind::LeadershipScorecard,
        EventKind::CommitteeReport,
        EventKind::KpiAudit,
        EventKind::RiskReview,
        EventKind::TargetSetting,
        EventKind::FrameworkReview,
    ];

    /// The kind in words.
    pub const fn label(self) -> &'static str {
        match self {
            EventKind::DataDue => "Figures due",
            EventKind::LeadershipScorecard => "Leadership scorecard",
            EventKind::CommitteeReport => "Committee report",
            EventKind::KpiAudit => "KPI audit",
            EventKind::RiskReview => "Risk review",
            EventKind::TargetSetting => "Target setting",
            EventKind::FrameworkReview => "Framework review",
        }
    }
}

/// A date in the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// The day.
    pub date: NaiveDate,
    /// What kind of date.
    pub kind: EventKind,
    /// What happens: "Adults and Health Committee: Q2 2026/27 performance report".
    pub title: String,
    /// Who does it, and from what.
    pub detail: String,
}

/// Every date of the calendar from `from` to `to` (both included), in date order (then by kind).
pub fn reporting_calendar(
    workspace: &Workspace,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<CalendarEvent> {
    let timings = &workspace.framework.calendar;
    let mut events = Vec::new();
    let first_year = FinancialYear::containing(from - Days::new(120));
    let last_year = FinancialYear::containing(to);
    let years: Vec<FinancialYear> = match (first_year, last_year) {
        (Some(first), Some(last)) => {
            std::iter::successors(Some(first), |y| FinancialYear::starting(y.start_year() + 1))
                .take_while(|y| *y <= last)
                .collect()
        }
        _ => Vec::new(),
    };
    let committees: Vec<_> = workspace
        .committees
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                CommitteeKind::PolicyAndService | CommitteeKind::StrategyResourcesAndPerformance
            )
        })
        .collect();
    for year in &years {
        for index in 1..=12 {
            let Some(month) = Period::new(Frequency::Monthly, *year, index) else {
                continue;
            };
            let end = month.end_date();
            events.push(CalendarEvent {
                date: timings.working_days_after(end, timings.data_due),
                kind: EventKind::DataDue,
                title: format!("Figures for {month} due"),
                detail: "Data co-ordinators enter and sign off the month's values, with commentary, variance \
                         explanations and action plans for red KPIs."
                    .to_owned(),
            });
            events.push(CalendarEvent {
                date: timings.working_days_after(end, timings.leadership_meeting),
                kind: EventKind::LeadershipScorecard,
                title: format!("Corporate Leadership Team: organisational scorecard for {month}"),
                detail: "The leadership team scrutinises the organisational scorecard monthly."
                    .to_owned(),
            });
        }
        for index in 1..=4 {
            let Some(quarter) = Period::new(Frequency::Quarterly, *year, index) else {
                continue;
            };
            let end = quarter.end_date();
            for committee in &committees {
                events.push(CalendarEvent {
                    date: timings
                        .working_day_from(end + Days::new(7 * u64::from(timings.committee_weeks))),
                    kind: EventKind::CommitteeReport,
                    title: format!("{}: {quarter} performance report", committee.name),
                    detail: "The quarterly report of the KPIs assigned to the committee, for democratic scrutiny."
                        .to_owned(),
                });
            }
            events.push(CalendarEvent {
                date: timings.working_days_after(end, timings.audit_sample),
                kind: EventKind::KpiAudit,
                title: format!("KPI audit sample for {quarter}"),
                detail: "A random selection of KPIs from each committee is audited for quality and accuracy."
                    .to_owned(),
            });
        }
        let next = FinancialYear::starting(year.start_year() + 1)
            .map_or_else(String::new, |n| n.to_string());
        if let Some(date) = NaiveDate::from_ymd_opt(year.first_day().year() + 1, 1, 31) {
            events.push(CalendarEvent {
                date: timings.working_day_from(date),
                kind: EventKind::TargetSetting,
                title: format!("Targets set for {next} and the two years after"),
                detail: "Performance is reviewed annually and SMART targets set for the next three years.".to_owned(),
            });
        }
        if let Some(date) = NaiveDate::from_ymd_opt(year.first_day().year(), 6, 30) {
            events.push(CalendarEvent {
                date: timings.working_day_from(date),
                kind: EventKind::FrameworkReview,
                title: format!("Performance Management Framework reviewed for {year}"),
                detail: "The framework and the KPI suite are reviewed and approved annually."
                    .to_owned(),
            });
        }
    }
    events.extend(
        workspace
            .risks
            .iter()
            .filter(|r| r.closed.is_none())
            .map(|risk| CalendarEvent {
                date: risk.next_review_due(&workspace.framework),
                kind: EventKind::RiskReview,
                title: format!("Review of the risk \u{201c}{}\u{201d}", risk.title),
                detail: format!(
                    "{} register; residual score {}.",
                    risk.level.label(),
                    risk.residual.score()
                ),
            }),
    );
    events.retain(|e| e.date >= from && e.date <= to);
    events.shared_sort_by(|a, b| (a.date, a.kind, &a.title).cmp(&(b.date, b.kind, &b.title)));
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_year_holds_every_monthly_quarterly_and_annual_date() {
        let workspace = demo_workspace(day(2026, 11, 22));
        let events = reporting_calendar(&workspace, day(2026, 4, 1), day(2027, 3, 31));
        let count = |kind| events.iter().filter(|e| e.kind == kind).count();
        // Figures for March 2026 fall in April 2026; those for March 2027 in April 2027, outside.
        assert_eq!(count(EventKind::DataDue), 12);
        assert_eq!(count(EventKind::LeadershipScorecard), 12);
        let reporting_committees = workspace
            .committees
            .iter()
            .filter(|c| {
                matches!(
                    c.kind,
                    CommitteeKind::PolicyAndService
                        | CommitteeKind::StrategyResourcesAndPerformance
                )
            })
            .count();
        assert!(reporting_committees >= 2);
        // Q4 of 2025/26 reports in May 2026; Q4 2026/27 in May 2027, outside: still four a year.
        assert_eq!(count(EventKind::CommitteeReport), 4 * reporting_committees);
        assert_eq!(count(EventKind::KpiAudit), 4);
        assert_eq!(count(EventKind::TargetSetting), 1);
        assert_eq!(count(EventKind::FrameworkReview), 1);
        assert!(
            events.windows(2).all(|w| w[0].date <= w[1].date),
            "in date order"
        );
        let october = events
            .iter()
            .find(|e| e.kind == EventKind::LeadershipScorecard && e.title.contains("Oct 2026"))
            .unwrap();
        assert_eq!(
            october.date,
            workspace
                .framework
                .calendar
                .working_days_after(day(2026, 10, 31), 15)
        );
        let q2 = events
            .iter()
            .find(|e| e.kind == EventKind::CommitteeReport && e.title.contains("Q2 2026/27"))
            .unwrap();
        assert_eq!(q2.date, day(2026, 9, 30) + Days::new(56));
    }

    #[test]
    fn no_date_falls_on_a_weekend_or_a_bank_holiday() {
        // Before every date moved to working days, the demo's risk reviews fell on Saturday 28 November 2026
        // among others, and target setting on Sunday 31 January 2027.
        let workspace = demo_workspace(day(2026, 11, 22));
        let events = reporting_calendar(&workspace, day(2026, 11, 22), day(2030, 12, 31));
        assert!(events.iter().any(|e| e.kind == EventKind::RiskReview));
        for event in events {
            assert!(
                workspace.framework.calendar.is_working_day(event.date),
                "{} ({}) is not a working day",
                event.date,
                event.title
            );
        }
    }

    #[test]
    fn open_risks_bring_their_next_review() {
        let workspace = demo_workspace(day(2026, 11, 22));
        let events = reporting_calendar(&workspace, day(2020, 1, 1), day(2030, 12, 31));
        let reviews: Vec<&CalendarEvent> = events
            .iter()
            .filter(|e| e.kind == EventKind::RiskReview)
            .collect();
        let open: Vec<_> = workspace
            .risks
            .iter()
            .filter(|r| r.closed.is_none())
            .collect();
        assert_eq!(reviews.len(), open.len());
        for risk in open {
            assert!(
                reviews
                    .iter()
                    .any(|e| e.date == risk.next_review_due(&workspace.framework)
                        && e.title.contains(&risk.title))
            );
        }
    }
}
