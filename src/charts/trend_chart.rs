//! A KPI's trend chart: the rated values, the target as a step line, and the same period last year, over
//! the periods its page shows.

use charming::Chart;
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisType, LineStyle, LineStyleType, Step, Symbol, Tooltip, Trigger};
use charming::series::Line;

use crate::domain::kpi::KpiDefinition;
use crate::domain::kpi_history::HistoryPoint;
use crate::domain::unit::Unit;

/// Colours for the three lines, each also told apart by its line style and named in the legend.
const ACTUAL_COLOUR: &str = "#1d3557";
const TARGET_COLOUR: &str = "#0b0c0c";
const LAST_YEAR_COLOUR: &str = "#6f777b";

/// The trend chart over `points`, with values in `unit`.
pub fn trend_chart(unit: Unit, points: &[HistoryPoint]) -> Chart {
    let labels: Vec<String> = points.iter().map(|p| p.period.to_string()).collect();
    let series = |pick: fn(&HistoryPoint) -> Option<f64>| -> Vec<Option<f64>> {
        points.iter().map(pick).collect()
    };
    Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top("0"))
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .bottom("3%")
                .top("40")
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Category).data(labels))
        .y_axis(Axis::new().type_(AxisType::Value).name(unit.label()))
        .series(
            Line::new()
                .name("Actual")
                .data(series(|p| p.rated_value))
                .symbol(Symbol::Circle)
                .line_style(LineStyle::new().width(3).color(ACTUAL_COLOUR))
                .item_style(charming::element::ItemStyle::new().color(ACTUAL_COLOUR)),
        )
        .series(
            Line::new()
                .name("Target")
                .data(series(|p| p.target))
                .step(Step::Middle)
                .symbol(Symbol::None)
                .line_style(
                    LineStyle::new()
                        .type_(LineStyleType::Dashed)
                        .width(2)
                        .color(TARGET_COLOUR),
                )
                .item_style(charming::element::ItemStyle::new().color(TARGET_COLOUR)),
        )
        .series(
            Line::new()
                .name("Same period last year")
                .data(series(|p| p.last_year))
                .symbol(Symbol::None)
                .line_style(
                    LineStyle::new()
                        .type_(LineStyleType::Dotted)
                        .width(2)
                        .color(LAST_YEAR_COLOUR),
                )
                .item_style(charming::element::ItemStyle::new().color(LAST_YEAR_COLOUR)),
        )
}

/// One sentence that says what the trend chart shows: the latest value against its target and rating, the
/// change since the previous period, and the same period last year.
pub fn trend_summary(kpi: &KpiDefinition, points: &[HistoryPoint]) -> String {
    let format = |value: f64| kpi.unit.format(value, kpi.decimals);
    let Some((latest, earlier)) = points.split_last() else {
        return format!("{} has no periods to show yet.", kpi.name);
    };
    let Some(value) = latest.rated_value else {
        return format!("{} has no value for {} yet.", kpi.name, latest.period);
    };
    let target = latest
        .target
        .map(|t| format!(" against a target of {}", format(t)))
        .unwrap_or_default();
    let previous = earlier
        .last()
        .and_then(|p| Some((p.period, p.rated_value?)))
        .map(|(period, before)| format!("; {} in {period}", format(before)))
        .unwrap_or_default();
    let last_year = latest
        .last_year
        .map(|before| format!("; {} in the same period last year", format(before)))
        .unwrap_or_default();
    format!(
        "{}: {} in {}{target} ({}){previous}{last_year}.",
        kpi.name,
        format(value),
        latest.period,
        latest.rating.label().to_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use serde_json::Value;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::assessment::reporting_period;
    use crate::domain::kpi_history::kpi_history;
    use crate::domain::workspace::PerformanceIndex;

    #[test]
    fn the_chart_holds_the_same_numbers_as_the_history() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let workspace = demo_workspace(today);
        let index = PerformanceIndex::new(&workspace.measurements);
        let kpi = &workspace.kpis[0];
        let latest = reporting_period(kpi.frequency, today).unwrap();
        let points = kpi_history(kpi, &index, latest, &workspace.framework);
        let option = serde_json::to_value(trend_chart(kpi.unit, &points)).unwrap();
        assert_eq!(option["animation"], Value::Bool(false));
        let names: Vec<&str> = option["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Actual", "Target", "Same period last year"]);
        let actual = option["series"][0]["data"].as_array().unwrap();
        assert_eq!(actual.len(), points.len());
        for (value, point) in actual.iter().zip(&points) {
            assert_eq!(value.as_f64(), point.rated_value, "{}", point.period);
        }
        let labels = option["xAxis"]["data"].as_array().unwrap();
        assert_eq!(
            labels.last().unwrap().as_str(),
            Some(latest.to_string().as_str())
        );
        let last_year: Vec<Option<f64>> = option["series"][2]["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(Value::as_f64)
            .collect();
        assert_eq!(
            last_year,
            points.iter().map(|p| p.last_year).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_summary_reads_the_latest_value_against_target_and_the_comparisons() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let workspace = demo_workspace(today);
        let index = PerformanceIndex::new(&workspace.measurements);
        let kpi = &workspace.kpis[0];
        let latest = reporting_period(kpi.frequency, today).unwrap();
        let points = kpi_history(kpi, &index, latest, &workspace.framework);
        let last = points.last().unwrap();
        let format = |v: f64| kpi.unit.format(v, kpi.decimals);
        let expected = format!(
            "{}: {} in {} against a target of {} ({}); {} in {}; {} in the same period last year.",
            kpi.name,
            format(last.rated_value.unwrap()),
            last.period,
            format(last.target.unwrap()),
            last.rating.label().to_lowercase(),
            format(points[points.len() - 2].rated_value.unwrap()),
            points[points.len() - 2].period,
            format(last.last_year.unwrap()),
        );
        assert_eq!(trend_summary(kpi, &points), expected);
        assert_eq!(
            trend_summary(kpi, &[]),
            format!("{} has no periods to show yet.", kpi.name)
        );
    }
}
