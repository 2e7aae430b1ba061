//! A KPI against its comparator group: one bar per authority, best first, the council's bar marked and
//! named "(this council)", and the group median as a line; with a one-sentence summary of rank and quartile.

use charming::Chart;
use charming::component::Axis;
use charming::datatype::DataPointItem;
use charming::element::{AxisType, ItemStyle, LineStyleType};
use charming::series::Bar;

use super::{base_chart, level_line};

use crate::domain::model::benchmark::BenchmarkComparison;
use crate::domain::model::kpi::KpiDefinition;

const OURS: &str = "#1d3557";
const OTHERS: &str = "#b1b4b6";
const MEDIAN: &str = "#0b0c0c";

/// Every authority with its value, best first, the council among them under `council`'s name.
pub fn ranked(comparison: &BenchmarkComparison, council: &str) -> Vec<(String, f64, bool)> {
    let mut all: Vec<(String, f64, bool)> = comparison
        .others
        .iter()
        .map(|(a, v)| (a.clone(), *v, false))
        .collect();
    all.insert(
        comparison.position.rank - 1,
        (format!("{council} (this council)"), comparison.ours, true),
    );
    all
}

/// The bar chart of the comparison.
pub fn benchmark_chart(
    comparison: &BenchmarkComparison,
    council: &str,
    kpi: &KpiDefinition,
) -> Chart {
    let rows = ranked(comparison, council);
    let bars: Vec<DataPointItem> = rows
        .iter()
        .map(|(_, value, ours)| {
            DataPointItem::new(*value).item_style(ItemStyle::new().color(if *ours {
                OURS
            } else {
                OTHERS
            }))
        })
        .collect();
    let count = rows.len();
    base_chart(rows.into_iter().map(|(name, ..)| name).collect(), 40)
        .y_axis(Axis::new().type_(AxisType::Value).name(kpi.unit.label()))
        .series(Bar::new().name(comparison.group.clone()).data(bars))
        .series(level_line(
            "Group median",
            comparison.position.median,
            count,
            (LineStyleType::Dashed, 2),
            MEDIAN,
        ))
}

/// "In Q4 2025/26 Wealdshire ranked 3rd of 11 in CIPFA nearest neighbours (second quartile); 71.0% against a
/// group median of 70.2%."
pub fn benchmark_summary(
    comparison: &BenchmarkComparison,
    council: &str,
    kpi: &KpiDefinition,
) -> String {
    let format = |value: f64| kpi.unit.format(value, kpi.decimals);
    let quartile = ["top", "second", "third", "bottom"]
        [usize::from(comparison.position.quartile.clamp(1, 4)) - 1];
    format!(
        "In {} {council} ranked {} of {} in {} ({quartile} quartile): {} against a group median of {}.",
        comparison.period,
        ordinal(comparison.position.rank),
        comparison.position.of,
        comparison.group,
        format(comparison.ours),
        format(comparison.position.median),
    )
}

/// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st …
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::kpi::assessment::assess;
    use crate::domain::model::benchmark::latest_comparison;
    use crate::domain::model::workspace::PerformanceIndex;

    #[test]
    fn ordinals_read_as_english() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            words,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"
            ]
        );
    }

    #[test]
    fn the_chart_ranks_the_council_among_its_group_and_the_summary_agrees() {
        let workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        let index = PerformanceIndex::new(&workspace.measurements);
        let (kpi, comparison) = workspace
            .kpis
            .iter()
            .find_map(|kpi| {
                let benchmarks: Vec<_> = workspace
                    .benchmarks
                    .iter()
                    .filter(|b| b.kpi == kpi.id)
                    .collect();
                let history = index.history(&kpi.id);
                let ours = |p| assess(kpi, &history, p, &workspace.framework).value;
                Some((kpi, latest_comparison(&benchmarks, kpi.polarity, ours)?))
            })
            .expect("the demo has benchmarked KPIs");
        let rows = ranked(&comparison, "Wealdshire");
        assert_eq!(rows.len(), comparison.position.of);
        assert!(
            rows[comparison.position.rank - 1].2,
            "the council sits at its rank"
        );
        let option = serde_json::to_value(benchmark_chart(&comparison, "Wealdshire", kpi)).unwrap();
        assert_eq!(
            option["series"][0]["data"].as_array().unwrap().len(),
            rows.len()
        );
        let summary = benchmark_summary(&comparison, "Wealdshire", kpi);
        assert!(
            summary.contains(&format!(
                "ranked {} of {}",
                ordinal(comparison.position.rank),
                comparison.position.of
            )),
            "{summary}"
        );
    }
}
