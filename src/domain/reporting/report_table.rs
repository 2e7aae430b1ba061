//! A report's tables as plain rows of cells, so the page, the standalone HTML file and the CSV download
//! print the same figures. A rating cell keeps its status beside its words, for the icon and colour.

use crate::domain::kpi::mdc_icons::MdcIcons;
use crate::domain::maths::rag::RagStatus;
use crate::domain::maths::trend::Direction;
use crate::domain::reporting::performance_report::{PerformanceReport, ReportLine};

/// One cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A rating: its status (none when not rated) and its words.
    Rating(Option<RagStatus>, String),
    /// The Making Data Count icons (none below the values SPC needs) and their words.
    Mdc(Option<MdcIcons>, String),
}

impl Cell {
    /// The cell's words, as a CSV file holds them.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(text) | Cell::Rating(_, text) | Cell::Mdc(_, text) => text,
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

/// The icons in words: "Improving (high); Passes the target", or why there are none.
fn mdc_words(icons: Option<MdcIcons>) -> String {
    match icons {
        Some(icons) => std::iter::once(icons.variation.short_label())
            .chain(icons.assurance.map(|a| a.short_label().to_owned()))
            .collect::<Vec<_>>()
            .join("; "),
        None => "Too few values".to_owned(),
    }
}

fn direction(direction: Option<Direction>) -> Cell {
    Cell::Text(direction.map_or("—", Direction::label).to_owned())
}

/// The RAG counts.
pub fn summary_table(report: &PerformanceReport) -> ReportTable {
    let c = &report.counts;
    let not_rated = c.not_rated();
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
            "KPI",
            "Period",
            "Value",
            "Target",
            "Rating",
            "Change",
            "Trend",
            "Variation and assurance (SPC)",
            "Forecast",
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
                    Cell::Mdc(l.mdc, mdc_words(l.mdc)),
                    match l.forecast {
                        Some(status) => Cell::Rating(Some(status), status.label().to_owned()),
                        None => Cell::Text("—".to_owned()),
                    },
                ]
            })
            .collect(),
    }
}

/// One KPI's open actions.
pub fn kpi_actions_table(line: &ReportLine) -> ReportTable {
    ReportTable {
        caption: format!("Action plan for {}", line.kpi.name),
        header: vec!["Action", "Owner", "Due", "Status"],
        rows: line
            .actions
            .iter()
            .map(|a| {
                vec![
                    Cell::Text(a.title.clone()),
                    Cell::Text(if a.owner.is_empty() {
                        "Not named".to_owned()
                    } else {
                        a.owner.clone()
                    }),
                    Cell::Text(a.due.map_or_else(
                        || "No date".to_owned(),
                        |d| d.format("%-d %b %Y").to_string(),
                    )),
                    Cell::Text(if a.overdue {
                        format!("{} (overdue)", a.status)
                    } else {
                        a.status.to_owned()
                    }),
                ]
            })
            .collect(),
    }
}

/// One KPI's recent values, as its chart draws them.
pub fn kpi_values_table(line: &ReportLine) -> ReportTable {
    let kpi = &line.kpi;
    ReportTable {
        caption: format!("{} values", kpi.name),
        header: vec!["Period", "Value"],
        rows: line
            .history
            .iter()
            .map(|(p, v)| {
                vec![
                    Cell::Text(p.to_string()),
                    Cell::Text(kpi.unit.format(*v, kpi.decimals)),
                ]
            })
            .collect(),
    }
}

/// Every exception's rows of `per_kpi`, each row led by the KPI's name.
fn across_exceptions(
    report: &PerformanceReport,
    caption: String,
    per_kpi: fn(&ReportLine) -> ReportTable,
    header: Vec<&'static str>,
) -> ReportTable {
    let rows = report
        .exceptions()
        .into_iter()
        .flat_map(|line| {
            per_kpi(line).rows.into_iter().map(|row| {
                std::iter::once(Cell::Text(line.kpi.name.clone()))
                    .chain(row)
                    .collect()
            })
        })
        .collect();
    ReportTable {
        caption,
        header,
        rows,
    }
}

/// The exceptions' action plans in one table.
pub fn actions_table(report: &PerformanceReport) -> ReportTable {
    across_exceptions(
        report,
        format!("Action plans for the exceptions, {}", report.quarter),
        kpi_actions_table,
        vec!["KPI", "Action", "Owner", "Due", "Status"],
    )
}

/// The values behind the exceptions' charts in one table.
pub fn values_table(report: &PerformanceReport) -> ReportTable {
    across_exceptions(
        report,
        format!("Values behind the exceptions' charts, {}", report.quarter),
        kpi_values_table,
        vec!["KPI", "Period", "Value"],
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::reporting::performance_report::demo_q2_report;
    use crate::domain::scorecard::engine::ScorecardScope;

    #[test]
    fn the_tables_carry_every_line_and_the_counts() {
        let (_, report) = demo_q2_report(
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            &ScorecardScope::Organisation,
        );
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
        let exceptions = report.exceptions();
        let actions = actions_table(&report);
        assert_eq!(
            actions.rows.len(),
            exceptions.iter().map(|l| l.actions.len()).sum::<usize>()
        );
        assert!(actions.rows.iter().all(|r| r.len() == actions.header.len()));
        let values = values_table(&report);
        assert_eq!(
            values.rows.len(),
            exceptions.iter().map(|l| l.history.len()).sum::<usize>()
        );
        assert_eq!(
            kpi_values_table(exceptions[0]).rows.len(),
            exceptions[0].history.len()
        );
    }

    #[test]
    fn a_cumulative_kpis_row_shows_its_year_to_date_against_its_year_to_date_target() {
        let (_, report) = demo_q2_report(
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            &ScorecardScope::Organisation,
        );
        let full = scorecard_table(&report);
        let carers = full
            .text_rows()
            .into_iter()
            .find(|row| row[0] == "Carers' assessments completed")
            .unwrap();
        // Carers' assessments, monthly and cumulative, at Q2 2026/27's end (September 2026): the year to date is
        // Apr 128 + May 121 + Jun 136 + Jul 137 + Aug 148 + Sep 151 = 821. The year-end target for 2026/27 is
        // 1,770, so the target by September, six months of twelve, is 1,770 × 6 / 12 = 885. 821 is
        // (885 − 821) / 885 = 7.2% short: within the default 10%, so amber.
        assert_eq!(
            carers[..5],
            [
                "Carers' assessments completed",
                "Sep 2026",
                "151 (year to date 821)",
                "885",
                "Amber"
            ]
        );
    }
}
