//! A report's tables as plain rows of cells, so the page, the standalone HTML file and the CSV download
//! print the same figures. A rating cell keeps its status beside its words, for the icon and colour.

use super::performance_report::PerformanceReport;
use super::rag::RagStatus;
use super::trend::Direction;

/// One cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A rating: its status (none when not rated) and its words.
    Rating(Option<RagStatus>, String),
}

impl Cell {
    /// The cell's words, as a CSV file holds them.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(text) | Cell::Rating(_, text) => text,
        }
    }
}

/// A table with its caption and column headings; the first column names the row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportTable {
    /// What the table holds.
    pub caption: String,
    /// Column headings.
    pub header: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

impl ReportTable {
    /// The rows as text, for CSV.
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text().to_owned()).collect())
            .collect()
    }
}

fn direction(direction: Option<Direction>) -> Cell {
    Cell::Text(direction.map_or("—", Direction::label).to_owned())
}

/// The RAG counts.
pub fn summary_table(report: &PerformanceReport) -> ReportTable {
    let c = &report.counts;
    let not_rated = c.total() - c.rated();
    ReportTable {
        caption: format!("KPIs by rating, {}", report.quarter),
        header: vec!["Rating", "KPIs"],
        rows: [
            (Some(RagStatus::Red), "Red", c.red),
            (Some(RagStatus::Amber), "Amber", c.amber),
            (Some(RagStatus::Green), "Green", c.green),
            (None, "Not rated", not_rated),
        ]
        .into_iter()
        .map(|(status, label, n)| {
            vec![
                Cell::Rating(status, label.to_owned()),
                Cell::Text(n.to_string()),
            ]
        })
        .collect(),
    }
}

/// The exceptions, most serious first.
pub fn exceptions_table(report: &PerformanceReport) -> ReportTable {
    ReportTable {
        caption: format!(
            "Exceptions, {}: why each KPI is here and its action plan",
            report.quarter
        ),
        header: vec!["KPI", "Why", "Rating", "Value", "Target", "Open actions"],
        rows: report
            .exceptions()
            .into_iter()
            .map(|l| {
                vec![
                    Cell::Text(l.kpi.name.clone()),
                    Cell::Text(
                        l.reasons
                            .iter()
                            .map(|r| r.label())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                    Cell::Rating(l.rating.status(), l.rating.label()),
                    Cell::Text(l.value.clone()),
                    Cell::Text(l.target.clone()),
                    Cell::Text(if l.actions.is_empty() {
                        "None".to_owned()
                    } else {
                        l.actions.len().to_string()
                    }),
                ]
            })
            .collect(),
    }
}

/// Every KPI in register order.
pub fn scorecard_table(report: &PerformanceReport) -> ReportTable {
    ReportTable {
        caption: format!("Full scorecard, {}", report.quarter),
        header: vec![
            "KPI", "Period", "Value", "Target", "Rating", "Change", "Trend", "Forecast",
        ],
        rows: report
            .lines
            .iter()
            .map(|l| {
                vec![
                    Cell::Text(l.kpi.name.clone()),
                    Cell::Text(l.period.to_string()),
                    Cell::Text(l.value.clone()),
                    Cell::Text(l.target.clone()),
                    Cell::Rating(l.rating.status(), l.rating.label()),
                    direction(l.change),
                    direction(l.trend),
                    match l.forecast {
                        Some(status) => Cell::Rating(Some(status), status.label().to_owned()),
                        None => Cell::Text("—".to_owned()),
                    },
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::performance_report::performance_report;
    use crate::domain::period::{FinancialYear, Frequency, Period};
    use crate::domain::scorecard::ScorecardScope;
    use crate::domain::workspace::PerformanceIndex;

    #[test]
    fn the_tables_carry_every_line_and_the_counts() {
        let workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        let index = PerformanceIndex::new(&workspace.measurements);
        let quarter = Period::new(
            Frequency::Quarterly,
            FinancialYear::starting(2026).unwrap(),
            2,
        )
        .unwrap();
        let report = performance_report(&workspace, &index, &ScorecardScope::Organisation, quarter);
        let full = scorecard_table(&report);
        assert_eq!(full.rows.len(), report.lines.len());
        assert!(full.rows.iter().all(|r| r.len() == full.header.len()));
        let exceptions = exceptions_table(&report);
        assert_eq!(exceptions.rows.len(), report.exceptions().len());
        let summary = summary_table(&report);
        let total: usize = summary
            .rows
            .iter()
            .map(|r| r[1].text().parse::<usize>().unwrap())
            .sum();
        assert_eq!(total, report.lines.len());
        assert_eq!(
            summary.text_rows()[0],
            ["Red", &report.counts.red.to_string()]
        );
    }
}
