//! A performance report as HTML: the body the report page shows, and the same body as a standalone file to
//! publish on the council's website — one document with its styles inside, charts as static SVG beside a
//! table of their values, no script and no request for anything. Every text from the workspace is escaped.

use chrono::NaiveDate;

use super::escape::{css_string, escape};
use super::line_chart::{LineChart, line_chart_svg};
use super::mdc_icon::mdc_html;
use super::rag_icon::badge_html;
use crate::domain::reporting::performance_report::{PerformanceReport, ReportLine};
use crate::domain::reporting::report_table::{
    Cell, ReportTable, exceptions_table, kpi_actions_table, kpi_values_table, scorecard_table,
    summary_table,
};

/// The report's own styles and the RAG badges': linked by the app and written into a standalone file.
const REPORT_CSS: &str = concat!(
    include_str!("../../style/rag.css"),
    include_str!("../../style/mdc.css"),
    include_str!("../../style/report.css")
);

/// A heading at `level` (clamped to 1–6) with `text` already escaped.
fn heading(level: u8, id: &str, escaped: &str) -> String {
    let level = level.clamp(1, 6);
    if id.is_empty() {
        format!("<h{level}>{escaped}</h{level}>")
    } else {
        format!(r#"<h{level} id="{id}">{escaped}</h{level}>"#)
    }
}

/// A table with its caption and scoped headers.
pub fn table_html(table: &ReportTable, test_id: &str) -> String {
    let head: String = table
        .header
        .iter()
        .map(|h| format!(r#"<th scope="col">{}</th>"#, escape(h)))
        .collect();
    let body: String = table
        .rows
        .iter()
        .map(|row| {
            let cells: String = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let content = match cell {
                        Cell::Text(text) => escape(text),
                        Cell::Rating(status, label) => badge_html(*status, &escape(label)),
                        Cell::Mdc(Some(icons), _) => mdc_html(*icons),
                        Cell::Mdc(None, label) => escape(label),
                    };
                    if i == 0 {
                        format!(r#"<th scope="row">{content}</th>"#)
                    } else {
                        format!("<td>{content}</td>")
                    }
                })
                .collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    format!(
        r#"<table class="app-report__table" data-testid="{test_id}"><caption>{}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"#,
        escape(&table.caption)
    )
}

fn paragraph_block(level: u8, title: &str, text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!("{}<p>{}</p>", heading(level, "", title), escape(text))
    }
}

/// A KPI's recent values as a static SVG chart: its accessible title and the `<svg>` (empty with no values).
pub fn kpi_chart(line: &ReportLine) -> (String, String) {
    let kpi = &line.kpi;
    let format = |v: f64| kpi.unit.format(v, kpi.decimals);
    let points: Vec<(String, f64)> = line
        .history
        .iter()
        .map(|(p, v)| (p.to_string(), *v))
        .collect();
    let title = format!("{}: the last {} values", kpi.name, points.len());
    let svg = line_chart_svg(&LineChart {
        title: &title,
        points: &points,
        target: line.target_value,
        format: &format,
    });
    (title, svg)
}

fn exception_html(line: &ReportLine, level: u8, n: usize) -> String {
    let kpi = &line.kpi;
    let format = |v: f64| kpi.unit.format(v, kpi.decimals);
    let (chart_title, chart) = kpi_chart(line);
    let figure = if chart.is_empty() {
        String::new()
    } else {
        format!(
            r#"<figure class="app-report__figure">{chart}<figcaption>{}{}</figcaption>{}</figure>"#,
            escape(&chart_title),
            line.target_value
                .map(|t| format!("; the dashed line is the target, {}", escape(&format(t))))
                .unwrap_or_default(),
            table_html(&kpi_values_table(line), "report-chart-values")
        )
    };
    let facts = [
        ("Value", escape(&line.value)),
        ("Target", escape(&line.target)),
        (
            "Rating",
            badge_html(line.rating.status(), &escape(&line.rating.label())),
        ),
        (
            "Why it is here",
            escape(
                &line
                    .reasons
                    .iter()
                    .map(|r| r.label())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        ),
    ]
    .iter()
    .map(|(term, value)| format!("<dt>{term}</dt><dd>{value}</dd>"))
    .collect::<String>();
    let warnings = if line.data_quality.is_empty() {
        String::new()
    } else {
        format!(
            "{}<ul>{}</ul>",
            heading(level + 1, "", "Data quality"),
            line.data_quality
                .iter()
                .map(|w| format!("<li>{}</li>", escape(w)))
                .collect::<String>()
        )
    };
    let actions = if line.actions.is_empty() {
        format!(
            "{}<p>No open action is recorded{}.</p>",
            heading(level + 1, "", "Action plan"),
            if line.rating.status() == Some(crate::domain::maths::rag::RagStatus::Red) {
                ": a red KPI needs an action plan"
            } else {
                ""
            }
        )
    } else {
        let table = kpi_actions_table(line);
        format!(
            "{}{}",
            heading(level + 1, "", "Action plan"),
            table_html(&table, "report-actions")
        )
    };
    format!(
        r#"<section class="app-report__exception" aria-labelledby="exception-{n}" data-testid="report-exception">{}<dl class="app-report__facts">{facts}</dl>{figure}{}{}{warnings}{actions}</section>"#,
        heading(level, &format!("exception-{n}"), &escape(&kpi.name)),
        paragraph_block(level + 1, "Commentary", &line.commentary),
        paragraph_block(
            level + 1,
            "Why performance differs from target",
            &line.variance_explanation
        ),
    )
}

/// The report's body with its top heading at `level` (1 in a file of its own, 2 under a page's heading).
pub fn report_body(report: &PerformanceReport, level: u8, prepared: NaiveDate) -> String {
    let summary: String = report
        .summary()
        .iter()
        .map(|s| format!("<p>{}</p>", escape(s)))
        .collect();
    let exceptions: String = report
        .exceptions()
        .iter()
        .enumerate()
        .map(|(n, line)| exception_html(line, level + 2, n + 1))
        .collect();
    format!(
        concat!(
            r#"<article class="app-report" aria-labelledby="report-title" data-testid="report">"#,
            r#"<header class="app-report__head"><p class="app-report__council">{council}</p>{title}"#,
            r#"<p>{period}. Prepared on {prepared}.</p></header>"#,
            r#"<section class="app-report__section" aria-labelledby="report-summary" data-testid="report-summary">{summary_heading}{summary}{summary_table}</section>"#,
            r#"<section class="app-report__section" aria-labelledby="report-exceptions" data-testid="report-exceptions">{exceptions_heading}{exceptions_table}{exceptions}</section>"#,
            r#"<section class="app-report__section" aria-labelledby="report-scorecard" data-testid="report-scorecard">{scorecard_heading}{scorecard_table}</section>"#,
            "</article>"
        ),
        council = escape(&report.council),
        title = heading(level, "report-title", &escape(&report.title())),
        period = escape(&report.quarter.long_label()),
        prepared = prepared.format("%-d %B %Y"),
        summary_heading = heading(level + 1, "report-summary", "Summary"),
        summary = summary,
        summary_table = table_html(&summary_table(report), "report-summary-table"),
        exceptions_heading = heading(level + 1, "report-exceptions", "Exceptions"),
        exceptions_table = table_html(&exceptions_table(report), "report-exceptions-table"),
        exceptions = exceptions,
        scorecard_heading = heading(level + 1, "report-scorecard", "Full scorecard"),
        scorecard_table = table_html(&scorecard_table(report), "report-scorecard-table"),
    )
}

/// What a printed page's running head says: council, audience and quarter.
pub fn running_head(report: &PerformanceReport) -> String {
    format!(
        "{} · {} · {}",
        report.council, report.audience, report.quarter
    )
}

/// The report as a document of its own: styles inside, no script, nothing to fetch.
pub fn standalone_report(report: &PerformanceReport, prepared: NaiveDate) -> String {
    format!(
        concat!(
            "<!DOCTYPE html>\n",
            r#"<html lang="en-GB" style="--running-head: {running}"><head><meta charset="utf-8">"#,
            r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#,
            r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#,
            "<title>{title}</title><style>{css}</style></head>",
            r#"<body class="app-report-page"><main>{body}</main></body></html>"#,
            "\n"
        ),
        running = escape(&css_string(&running_head(report))),
        title = escape(&format!("{} — {}", report.title(), report.council)),
        css = REPORT_CSS,
        body = report_body(report, 1, prepared),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::period::{FinancialYear, Frequency, Period};
    use crate::domain::model::workspace::PerformanceIndex;
    use crate::domain::reporting::performance_report::performance_report;
    use crate::domain::scorecard::engine::ScorecardScope;

    fn report(
        mutate: impl FnOnce(&mut crate::domain::model::workspace::Workspace),
    ) -> PerformanceReport {
        let mut workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        mutate(&mut workspace);
        let index = PerformanceIndex::new(&workspace.measurements);
        let quarter = Period::new(
            Frequency::Quarterly,
            FinancialYear::starting(2026).unwrap(),
            2,
        )
        .unwrap();
        performance_report(&workspace, &index, &ScorecardScope::Organisation, quarter)
    }

    #[test]
    fn the_standalone_file_holds_every_section_and_nothing_to_fetch_or_run() {
        let report = report(|_| {});
        let html = standalone_report(&report, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert!(html.starts_with("<!DOCTYPE html>"));
        for needle in [
            "<h1 id=\"report-title\">",
            ">Summary</h2>",
            ">Exceptions</h2>",
            ">Full scorecard</h2>",
            "<svg class=\"app-chart\"",
        ] {
            assert!(html.contains(needle), "{needle}");
        }
        assert_eq!(
            html.matches(r#"data-testid="report-exception""#).count(),
            report.exceptions().len()
        );
        let lower = html.to_lowercase();
        for forbidden in ["<script", "src=", "href=", "url(", "@import"] {
            assert!(!lower.contains(forbidden), "{forbidden}");
        }
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<caption>").count()
        );
    }

    #[test]
    fn text_from_the_workspace_is_never_markup() {
        let payload = r#"<script>alert(1)</script><img src=x onerror=alert(2)>"#;
        let report = report(|w| {
            w.framework.council_name = payload.to_owned();
            for kpi in &mut w.kpis {
                kpi.name = format!("{payload} {}", kpi.name);
            }
            for m in &mut w.measurements {
                m.commentary = payload.to_owned();
            }
        });
        let html = standalone_report(&report, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn a_cumulative_kpi_shows_its_year_to_date_in_the_standalone_file() {
        // Carers' assessments at Q2 2026/27: September's 151 and the year to date 128 + 121 + 136 + 137 + 148 +
        // 151 = 821, rated against 1,770 × 6/12 = 885 (performance_report's test works these out).
        let report = report(|_| {});
        let html = standalone_report(&report, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert!(
            html.contains("<td>151 (year to date 821)</td><td>885</td>"),
            "the carers' row"
        );
    }
}
