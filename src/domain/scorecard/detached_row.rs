//! A scorecard row detached from the workspace: the KPI and the judgements filtering, sorting and the summary
//! strip read, owned, so a page assesses a scorecard once per period and then narrows and reorders it as
//! often as people type or click without assessing anything again.

use crate::domain::basics::ids::DirectorateId;
use crate::domain::basics::period::Period;
use crate::domain::kpi::assessment::assess;
use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::RagStatus;
use crate::domain::maths::trend::Direction;
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::workspace::{PerformanceIndex, Workspace};
use crate::domain::scorecard::engine::ScorecardRow;

/// One KPI on a scorecard, as filters, sorting and the summary see it.
#[derive(Clone, Debug, PartialEq)]
pub struct DetachedRow {
    /// The KPI's definition.
    pub kpi: KpiDefinition,
    /// The directorate it belongs to.
    pub directorate: Option<DirectorateId>,
    /// The latest period with a value, up to the reporting period.
    pub last_updated: Option<Period>,
    /// The target's value.
    pub target: Option<f64>,
    /// Performance in the reporting period.
    pub value: Option<f64>,
    /// Performance in the previous period.
    pub previous_value: Option<f64>,
    /// What the change since the previous period means.
    pub change: Option<Direction>,
    /// The RAG rating.
    pub rating: Rating,
    /// The rating at the previous period, for "change since last period" (none before the first period).
    pub previous_rating: Option<Rating>,
    /// What the trend over recent periods means.
    pub trend: Option<Direction>,
    /// The forecast's RAG against the year-end target.
    pub forecast_rag: Option<RagStatus>,
    /// Green now but trending worse.
    pub green_but_declining: bool,
    /// Red with no open action.
    pub needs_action_plan: bool,
    /// Id, name, definition, source and commentary in lower case, for the text search.
    pub search_text: String,
}

impl DetachedRow {
    /// The entry for `row`, with the KPI's rating at the previous period assessed from `index`.
    pub fn of(row: &ScorecardRow<'_>, workspace: &Workspace, index: &PerformanceIndex<'_>) -> Self {
        let kpi = row.kpi();
        let a = &row.assessment;
        let previous_rating = a.period.previous().map(|period| {
            assess(kpi, &index.history(&kpi.id), period, &workspace.framework).rating
        });
        let search_text = [
            kpi.id.as_str(),
            &kpi.name,
            &kpi.definition,
            &kpi.source,
            row.commentary(),
        ]
        .join("\n")
        .to_lowercase();
        Self {
            kpi: kpi.clone(),
            directorate: row.directorate.cloned(),
            last_updated: row.last_updated,
            target: a.target.map(|t| t.value),
            value: a.value,
            previous_value: a.previous_value,
            change: a.change.map(|c| c.direction),
            rating: a.rating.clone(),
            previous_rating,
            trend: a.trend.map(|t| t.direction),
            forecast_rag: a.forecast_rag(),
            green_but_declining: a.green_but_declining,
            needs_action_plan: row.needs_action_plan(),
            search_text,
        }
    }

    /// The RAG status, if rated.
    pub fn status(&self) -> Option<RagStatus> {
        self.rating.status()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::scorecard::engine::{ScorecardScope, scorecard};

    #[test]
    fn an_entry_carries_the_rows_judgements_and_the_previous_rating() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let workspace = demo_workspace(today);
        let index = PerformanceIndex::new(&workspace.measurements);
        let rows = scorecard(&workspace, &index, &ScorecardScope::Organisation, today);
        for row in &rows {
            let entry = DetachedRow::of(row, &workspace, &index);
            assert_eq!(entry.kpi.id, row.kpi().id);
            assert_eq!(entry.status(), row.status());
            assert_eq!(entry.needs_action_plan, row.needs_action_plan());
            assert_eq!(entry.value, row.assessment.value);
            let previous = row.assessment.period.previous().unwrap();
            let expected = assess(
                row.kpi(),
                &index.history(&row.kpi().id),
                previous,
                &workspace.framework,
            );
            assert_eq!(entry.previous_rating, Some(expected.rating));
            assert!(entry.search_text.contains(&row.kpi().name.to_lowercase()));
        }
    }
}
