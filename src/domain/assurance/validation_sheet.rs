//! Validation sheets (the performance protocol): for one directorate and one monthly cycle, every KPI whose figure is due —
//! monthly KPIs every month, quarterly ones at a quarter end, annual ones at the year end — with whether its
//! value is entered, submitted and approved, and whether a variance from target still lacks an explanation or
//! a red KPI lacks an action plan. Heads of service approve the sheet only when nothing is missing.

use chrono::NaiveDate;

use crate::domain::basics::ids::DirectorateId;
use crate::domain::basics::period::{Frequency, Period};
use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::measurement::ValidationState;
use crate::domain::model::workspace::{PerformanceIndex, Workspace};
use crate::domain::scorecard::engine::{ScorecardScope, scorecard_row};

/// Where a KPI's figure for the cycle stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SheetState {
    /// No value entered.
    NoValue,
    /// Entered, not yet submitted.
    Draft,
    /// Submitted, awaiting approval.
    Submitted,
    /// Approved.
    Approved,
}

impl SheetState {
    /// The state in words.
    pub const fn label(self) -> &'static str {
        match self {
            SheetState::NoValue => "No value",
            SheetState::Draft => "Draft",
            SheetState::Submitted => "Submitted",
            SheetState::Approved => "Approved",
        }
    }
}

/// One KPI on a validation sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow<'a> {
    /// The KPI.
    pub kpi: &'a KpiDefinition,
    /// The period whose figure is due in the cycle.
    pub period: Period,
    /// Entered, submitted, approved.
    pub state: SheetState,
    /// Its rating for the period.
    pub rating: Rating,
    /// Off target (amber or red) with no variance explanation.
    pub needs_variance_explanation: bool,
    /// Red with no open action linked.
    pub needs_action_plan: bool,
}

impl SheetRow<'_> {
    /// Approved, explained and planned: nothing left to do.
    pub fn is_complete(&self) -> bool {
        self.state == SheetState::Approved
            && !self.needs_variance_explanation
            && !self.needs_action_plan
    }
}

/// A sheet's totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SheetCounts {
    /// KPIs due.
    pub due: usize,
    /// Without a value.
    pub no_value: usize,
    /// Entered but not submitted.
    pub draft: usize,
    /// Awaiting approval.
    pub submitted: usize,
    /// Approved.
    pub approved: usize,
    /// Off target without a variance explanation.
    pub missing_explanation: usize,
    /// Red without an action plan.
    pub missing_action_plan: usize,
    /// Nothing left to do.
    pub complete: usize,
}

impl SheetCounts {
    /// The totals of `rows`.
    pub fn of(rows: &[SheetRow<'_>]) -> Self {
        let state = |s: SheetState| rows.iter().filter(|r| r.state == s).count();
        Self {
            due: rows.len(),
            no_value: state(SheetState::NoValue),
            draft: state(SheetState::Draft),
            submitted: state(SheetState::Submitted),
            approved: state(SheetState::Approved),
            missing_explanation: rows.iter().filter(|r| r.needs_variance_explanation).count(),
            missing_action_plan: rows.iter().filter(|r| r.needs_action_plan).count(),
            complete: rows.iter().filter(|r| r.is_complete()).count(),
        }
    }
}

/// The period of `kpi`'s frequency whose figure falls due in `month`: the one ending on the month's last day.
pub fn due_in(kpi: &KpiDefinition, month: Period) -> Option<Period> {
    let end = month.end_date();
    Period::containing(kpi.frequency, end).filter(|p| p.end_date() == end)
}

/// The validation sheet of `directorate` for the monthly cycle `month`, in the register's order.
pub fn validation_sheet<'a>(
    workspace: &'a Workspace,
    index: &PerformanceIndex<'a>,
    directorate: &DirectorateId,
    month: Period,
) -> Vec<SheetRow<'a>> {
    let scope = ScorecardScope::Directorate(directorate.clone());
    workspace
        .kpis
        .iter()
        .filter(|kpi| scope.includes(workspace, kpi))
        .filter_map(|kpi| {
            let period = due_in(kpi, month)?;
            let row = scorecard_row(workspace, index, kpi, period.end_date())?;
            let measurement = row.assessment.measurement;
            let state = match measurement {
                Some(m) if m.resolved_value(kpi.unit).is_some() => match m.validation.state {
                    ValidationState::Draft => SheetState::Draft,
                    ValidationState::Submitted => SheetState::Submitted,
                    ValidationState::Approved => SheetState::Approved,
                },
                _ => SheetState::NoValue,
            };
            let off_target = matches!(row.status(), Some(RagStatus::Amber | RagStatus::Red));
            let explained = measurement.is_some_and(|m| !m.variance_explanation.trim().is_empty());
            Some(SheetRow {
                kpi,
                period,
                state,
                needs_variance_explanation: off_target && !explained,
                needs_action_plan: row.needs_action_plan(),
                rating: row.assessment.rating,
            })
        })
        .collect()
}

/// The monthly cycles a sheet can be drawn for on `today`: every month from the start of the previous
/// financial year to the latest that has ended, newest first.
pub fn sheet_months(today: NaiveDate) -> Vec<Period> {
    let Some(latest) = Period::containing(Frequency::Monthly, today).and_then(Period::previous)
    else {
        return Vec::new();
    };
    let first = latest.year().start_year().saturating_sub(1);
    std::iter::successors(Some(latest), |m| m.previous())
        .take_while(|m| m.year().start_year() >= first)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::period::FinancialYear;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn month(calendar_year: i32, month: u32) -> Period {
        Period::calendar_month(calendar_year, month).unwrap()
    }

    #[test]
    fn a_kpi_is_due_in_the_month_its_period_ends() {
        let workspace = demo_workspace(today());
        let of = |frequency: Frequency| {
            workspace
                .kpis
                .iter()
                .find(|k| k.frequency == frequency)
                .unwrap()
        };
        let monthly = of(Frequency::Monthly);
        let quarterly = of(Frequency::Quarterly);
        let annual = of(Frequency::Annual);
        assert_eq!(due_in(monthly, month(2026, 10)), Some(month(2026, 10)));
        assert_eq!(due_in(quarterly, month(2026, 10)), None);
        let q2 = Period::new(
            Frequency::Quarterly,
            FinancialYear::starting(2026).unwrap(),
            2,
        );
        assert_eq!(due_in(quarterly, month(2026, 9)), q2);
        assert_eq!(due_in(annual, month(2026, 9)), None);
        assert_eq!(
            due_in(annual, month(2027, 3)),
            Some(
                Period::new(Frequency::Annual, FinancialYear::starting(2026).unwrap(), 1).unwrap()
            )
        );
    }

    #[test]
    fn the_sheet_flags_what_is_missing_and_counts_agree_with_the_rows() {
        let mut workspace = demo_workspace(today());
        let directorate = workspace.directorates[0].id.clone();
        let september = month(2026, 9);
        let rows = {
            let index = PerformanceIndex::new(&workspace.measurements);
            validation_sheet(&workspace, &index, &directorate, september)
                .into_iter()
                .map(|r| {
                    (
                        r.kpi.id.clone(),
                        r.period,
                        r.state,
                        r.needs_variance_explanation,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert!(rows.len() >= 3, "{rows:?}");
        for (kpi, period, ..) in &rows {
            let definition = workspace.kpi(kpi).unwrap();
            assert_eq!(workspace.directorate_of_kpi(definition), Some(&directorate));
            assert_eq!(period.end_date(), september.end_date());
        }
        // Take the first KPI's value away and blank every explanation: the sheet must notice both.
        let (first, first_period, ..) = rows[0].clone();
        workspace
            .measurements
            .retain(|m| !(m.kpi == first && m.period == first_period));
        for m in &mut workspace.measurements {
            m.variance_explanation.clear();
        }
        let index = PerformanceIndex::new(&workspace.measurements);
        let sheet = validation_sheet(&workspace, &index, &directorate, september);
        assert_eq!(sheet[0].state, SheetState::NoValue);
        assert!(!sheet[0].is_complete());
        for row in &sheet {
            let off = matches!(row.rating.status(), Some(RagStatus::Amber | RagStatus::Red));
            assert_eq!(row.needs_variance_explanation, off, "{}", row.kpi.id);
            if row.needs_action_plan {
                assert_eq!(row.rating.status(), Some(RagStatus::Red));
            }
        }
        let counts = SheetCounts::of(&sheet);
        assert_eq!(counts.due, sheet.len());
        assert_eq!(
            counts.no_value + counts.draft + counts.submitted + counts.approved,
            counts.due
        );
        assert!(counts.no_value >= 1);
        assert_eq!(
            counts.missing_explanation,
            sheet
                .iter()
                .filter(|r| r.needs_variance_explanation)
                .count()
        );
        assert!(counts.complete <= counts.approved);
    }

    #[test]
    fn sheets_can_be_drawn_back_to_the_previous_year() {
        let months = sheet_months(today());
        assert_eq!(months[0], month(2026, 10));
        assert_eq!(*months.last().unwrap(), month(2025, 4));
        assert_eq!(months.len(), 19);
    }
}
