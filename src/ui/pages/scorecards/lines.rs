//! The scorecard as the table shows it: each row's cells as text, owned, so the page can keep them in a
//! signal. Plain Rust: formatting only, every judgement comes from the domain.

use crate::domain::kpi::mdc_icons::MdcIcons;
use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::RagStatus;
use crate::domain::scorecard::engine::ScorecardRow;
use crate::ui::components::direction_mark::MovementText;

/// One row of the scorecard table.
#[derive(Clone, Debug, PartialEq)]
pub struct ScorecardLine {
    /// KPI id.
    pub id: String,
    /// KPI name.
    pub name: String,
    /// Balanced-scorecard perspective.
    pub perspective: &'static str,
    /// Metric category.
    pub category: &'static str,
    /// Reporting frequency.
    pub frequency: &'static str,
    /// The period shown.
    pub period: String,
    /// The latest period with a value.
    pub last_updated: String,
    /// The target, formatted, or a dash.
    pub target: String,
    /// Direction for improvement.
    pub direction: &'static str,
    /// Performance in the period (the year to date for a cumulative KPI).
    pub current: String,
    /// Performance in the previous period.
    pub previous: String,
    /// Change since the previous period.
    pub change: Option<MovementText>,
    /// The RAG rating.
    pub rating: Rating,
    /// The trend over recent periods.
    pub trend: Option<MovementText>,
    /// The year-end forecast's value, with its RAG against the year-end target when there is one to rate
    /// against.
    pub forecast: Option<(Option<RagStatus>, String)>,
    /// The Making Data Count icons (none below the values SPC needs).
    pub mdc: Option<MdcIcons>,
    /// Commentary for the period.
    pub commentary: String,
    /// Green now but trending worse.
    pub green_but_declining: bool,
    /// Red without an open action.
    pub needs_action_plan: bool,
}

const DASH: &str = "–";

impl ScorecardLine {
    /// The line for a scorecard row.
    pub fn of(row: &ScorecardRow<'_>) -> Self {
        let kpi = row.kpi();
        let a = &row.assessment;
        let format = |value: f64| kpi.unit.format(value, kpi.decimals);
        let or_dash = |value: Option<f64>| value.map_or_else(|| DASH.to_owned(), format);
        let current = a.shown_value(DASH);
        Self {
            id: kpi.id.to_string(),
            name: kpi.name.clone(),
            perspective: kpi.perspective.label(),
            category: kpi.category.label(),
            frequency: kpi.frequency.label(),
            period: a.period.to_string(),
            last_updated: row
                .last_updated
                .map_or_else(|| "No data".to_owned(), |p| p.to_string()),
            target: or_dash(a.target.map(|t| t.value)),
            direction: kpi.polarity.label(),
            current,
            previous: or_dash(a.previous_value),
            change: a.change.map(|c| MovementText {
                movement: c.movement,
                direction: c.direction,
                detail: signed(c.difference, &format),
            }),
            rating: a.rating.clone(),
            trend: a.trend.map(|t| MovementText {
                movement: t.movement,
                direction: t.direction,
                detail: format!("over {} periods", t.points),
            }),
            forecast: a
                .forecast()
                .map(|forecast| (a.forecast_rag(), format(forecast.value))),
            mdc: row.mdc,
            commentary: row.commentary().to_owned(),
            green_but_declining: a.green_but_declining,
            needs_action_plan: row.needs_action_plan(),
        }
    }
}

/// The header of a scorecard exported as CSV: the Cambridgeshire PMF's Appendix C columns, with the KPI id and the period
/// shown, the Making Data Count icons in words, and the forecast.
const CSV_HEADER: [&str; 19] = [
    "Perspective",
    "KPI id",
    "KPI",
    "Metric category",
    "Reporting frequency",
    "Period shown",
    "Last updated",
    "Target",
    "Direction for improvement",
    "Performance (current period)",
    "Performance (previous period)",
    "Change in performance",
    "RAG rating",
    "Trend analysis",
    "Variation (SPC)",
    "Assurance (SPC)",
    "Forecast RAG (year end)",
    "Flags",
    "Comments / commentary",
];

fn movement_words(movement: &Option<MovementText>) -> String {
    movement.as_ref().map_or_else(String::new, |m| {
        format!("{} ({})", m.direction.label(), m.detail)
    })
}

/// The scorecard as shown, as CSV a spreadsheet opens (formula injection neutralised by the writer).
pub fn lines_to_csv(lines: &[ScorecardLine]) -> String {
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            let flags: Vec<&str> = [
                (l.needs_action_plan, "Red without an action plan"),
                (l.green_but_declining, "Green but declining"),
            ]
            .into_iter()
            .filter_map(|(on, text)| on.then_some(text))
            .collect();
            vec![
                l.perspective.to_owned(),
                l.id.clone(),
                l.name.clone(),
                l.category.to_owned(),
                l.frequency.to_owned(),
                l.period.clone(),
                l.last_updated.clone(),
                l.target.clone(),
                l.direction.to_owned(),
                l.current.clone(),
                l.previous.clone(),
                movement_words(&l.change),
                l.rating.label(),
                movement_words(&l.trend),
                l.mdc
                    .map_or_else(String::new, |m| m.variation.short_label()),
                l.mdc
                    .and_then(|m| m.assurance)
                    .map_or("", |a| a.short_label())
                    .to_owned(),
                l.forecast
                    .as_ref()
                    .map_or_else(String::new, |(status, value)| match status {
                        Some(status) => format!("{} (forecast {value})", status.label()),
                        None => format!("Forecast {value}"),
                    }),
                flags.join("; "),
                l.commentary.clone(),
            ]
        })
        .collect();
    crate::storage::csv::write(&CSV_HEADER, &rows)
}

/// A difference with its sign: `+2.1%`, `-340`, `0`.
fn signed(difference: f64, format: &impl Fn(f64) -> String) -> String {
    let text = format(difference);
    if difference > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::model::workspace::PerformanceIndex;
    use crate::domain::scorecard::engine::{ScorecardScope, scorecard};

    #[test]
    fn every_row_of_the_demo_reads_without_gaps() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let workspace = demo_workspace(today);
        let index = PerformanceIndex::new(&workspace.measurements);
        let rows = scorecard(&workspace, &index, &ScorecardScope::Organisation, today);
        let lines: Vec<ScorecardLine> = rows.iter().map(ScorecardLine::of).collect();
        assert!(
            lines
                .iter()
                .all(|l| !l.name.is_empty() && !l.current.is_empty())
        );
        assert!(
            lines
                .iter()
                .any(|l| l.change.as_ref().is_some_and(|c| c.detail.starts_with('+')))
        );
        // Every cumulative KPI with a value in its period shows its year to date beside it, and no other KPI
        // does (the demo has both kinds).
        let mut cumulative = 0;
        for (row, line) in rows.iter().zip(&lines) {
            let expected = row.kpi().measure.adds_up() && row.assessment.value.is_some();
            cumulative += usize::from(expected);
            assert_eq!(
                line.current.contains("year to date"),
                expected,
                "{}: {}",
                line.name,
                line.current
            );
        }
        assert!(
            cumulative > 0 && cumulative < lines.len(),
            "{cumulative} of {}",
            lines.len()
        );
        assert!(lines.iter().any(|l| l.forecast.is_some()));
    }

    #[test]
    fn a_forecast_shows_without_a_year_end_target_and_is_rated_only_with_one() {
        use crate::domain::basics::period::Period;
        use crate::domain::basics::unit::Unit;
        use crate::domain::model::framework::Framework;
        use crate::domain::model::kpi::Target;
        use crate::domain::model::kpi::tests::sample_kpi;
        use crate::domain::model::measurement::Measurement;
        use crate::domain::model::workspace::Workspace;
        use crate::domain::scorecard::engine::scorecard_row;

        let year = crate::domain::basics::period::FinancialYear::starting(2026).unwrap();
        let mut workspace = Workspace::new(Framework::new("Testshire", year));
        let mut kpi = sample_kpi("k1");
        kpi.unit = Unit::Count;
        kpi.decimals = 0;
        workspace.kpis.push(kpi.clone());
        // April to September 2026: 10, 20, … 60, a straight line rising 10 a month; six more months to March
        // take it to 60 + 6 × 10 = 120.
        for (month, value) in ["Apr", "May", "Jun", "Jul", "Aug", "Sep"].iter().zip(1..) {
            let period = Period::parse(&format!("{month} 2026")).unwrap();
            workspace.measurements.push(Measurement::new(
                kpi.id.clone(),
                period,
                f64::from(value) * 10.0,
            ));
        }
        let as_at = NaiveDate::from_ymd_opt(2026, 10, 10).unwrap();
        let line = |workspace: &Workspace| {
            let index = PerformanceIndex::new(&workspace.measurements);
            ScorecardLine::of(&scorecard_row(workspace, &index, &workspace.kpis[0], as_at).unwrap())
        };
        assert_eq!(line(&workspace).forecast, Some((None, "120".to_owned())));
        // A year-end target of 100: 120 is at or above it, green.
        workspace.kpis[0].targets.push(Target {
            period: Period::parse("2026/27").unwrap(),
            value: 100.0,
        });
        assert_eq!(
            line(&workspace).forecast,
            Some((Some(RagStatus::Green), "120".to_owned()))
        );
    }

    #[test]
    fn the_csv_has_a_row_per_line_that_reads_back_with_every_column() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let workspace = demo_workspace(today);
        let index = PerformanceIndex::new(&workspace.measurements);
        let rows = scorecard(&workspace, &index, &ScorecardScope::Organisation, today);
        let mut lines: Vec<ScorecardLine> = rows.iter().map(ScorecardLine::of).collect();
        lines[0].commentary = "=HYPERLINK(\"http://example.com\")".to_owned();
        let csv = lines_to_csv(&lines);
        let table = crate::storage::csv::read(csv.as_bytes()).unwrap();
        assert_eq!(table.header, CSV_HEADER);
        assert_eq!(table.rows.len(), lines.len());
        let first = &table.rows[0].1;
        assert_eq!(first[1], lines[0].id);
        assert_eq!(first[12], lines[0].rating.label());
        assert!(
            first[18].starts_with("'="),
            "a formula is neutralised: {}",
            first[18]
        );
    }
}
