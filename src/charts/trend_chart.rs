//! A KPI's trend chart: the rated values, the target as a step line, and the same period last year, over
//! the periods its page shows.

use charming::Chart;
use charming::component::Axis;
use charming::element::{
    AreaStyle, AxisType, ItemStyle, LineStyle, LineStyleType, Step, Symbol, Tooltip, Trigger,
};
use charming::series::Line;

use super::{base_chart, plain_line};
use crate::domain::basics::period::Period;
use crate::domain::basics::unit::Unit;
use crate::domain::kpi::history::HistoryPoint;
use crate::domain::maths::rag::Polarity;
use crate::domain::model::kpi::KpiDefinition;

/// Colours for the three lines, each also told apart by its line style and named in the legend.
const ACTUAL_COLOUR: &str = "#1d3557";
const TARGET_COLOUR: &str = "#0b0c0c";
const LAST_YEAR_COLOUR: &str = "#6f777b";
const FORECAST_COLOUR: &str = "#4c2c92";

/// A year-end forecast to draw after the latest value.
#[derive(Clone, Debug, PartialEq)]
pub struct YearEndForecast {
    /// The periods left in the year, the last of which the forecast is for.
    pub periods: Vec<Period>,
    /// The forecast.
    pub value: f64,
    /// Its interval, when the method gives one.
    pub interval: Option<(f64, f64)>,
}

/// Light fills for the RAG zones behind the lines; the table under the chart carries each rating in words.
const ZONES: [(&str, &str); 3] = [
    ("Red zone", "rgba(212, 53, 28, 0.12)"),
    ("Amber zone", "rgba(255, 191, 0, 0.25)"),
    ("Green zone", "rgba(0, 112, 60, 0.10)"),
];

/// A round top for the value axis a little above `highest`: 100 for percentages that stay within it,
/// otherwise the next multiple of a fifth of the order of magnitude (102.9 → 120, 4,310 → 4,400).
fn nice_top(highest: f64, unit: Unit) -> f64 {
    if highest <= 0.0 || !highest.is_finite() {
        return 1.0;
    }
    if unit == Unit::Percent && highest <= 100.0 {
        return 100.0;
    }
    let step = 10f64.powf(highest.log10().floor()) / 5.0;
    ((highest * 1.02) / step).ceil() * step
}

/// The stacked heights of the three zones at each point (worst zone first for higher-is-better KPIs, best
/// first for lower-is-better), up to `top`; `None` when the bands cannot be drawn (a maintain KPI, or values
/// below zero, where stacking from zero would mislead).
fn zone_heights(
    points: &[HistoryPoint],
    polarity: Polarity,
    top: f64,
) -> Option<[Vec<Option<f64>>; 3]> {
    if polarity == Polarity::Maintain || points.iter().all(|p| p.edges.is_none()) {
        return None;
    }
    let below_zero = points.iter().any(|p| {
        p.rated_value.is_some_and(|v| v < 0.0)
            || p.edges
                .is_some_and(|e| e.green_edge < 0.0 || e.amber_edge < 0.0)
    });
    if below_zero {
        return None;
    }
    let mut zones: [Vec<Option<f64>>; 3] = Default::default();
    for point in points {
        let heights = point.edges.map(|e| {
            let (low, high) = if e.amber_edge <= e.green_edge {
                (e.amber_edge, e.green_edge)
            } else {
                (e.green_edge, e.amber_edge)
            };
            [low, high - low, (top - high).max(0.0)]
        });
        for (zone, height) in zones.iter_mut().enumerate() {
            height.push(heights.map(|h| h[zone]));
        }
    }
    Some(zones)
}

/// The trend chart over `points`, with values in `unit`: RAG zones behind the actual values, the target,
/// the same period last year, and the year-end forecast with its range.
pub fn trend_chart(
    unit: Unit,
    polarity: Polarity,
    points: &[HistoryPoint],
    forecast: Option<&YearEndForecast>,
) -> Chart {
    let extra = forecast.map_or(0, |f| f.periods.len());
    let mut labels: Vec<String> = points.iter().map(|p| p.period.to_string()).collect();
    labels.extend(
        forecast
            .iter()
            .flat_map(|f| f.periods.iter().map(Period::to_string)),
    );
    let series = |pick: fn(&HistoryPoint) -> Option<f64>| -> Vec<Option<f64>> {
        points
            .iter()
            .map(pick)
            .chain(std::iter::repeat_n(None, extra))
            .collect()
    };
    let highest = points
        .iter()
        .flat_map(|p| {
            [
                p.rated_value,
                p.target,
                p.last_year,
                p.edges.map(|e| e.green_edge.max(e.amber_edge)),
            ]
        })
        .flatten()
        .chain(
            forecast
                .iter()
                .flat_map(|f| [Some(f.value), f.interval.map(|i| i.1)])
                .flatten(),
        )
        .fold(0.0_f64, f64::max);
    let top = nice_top(highest, unit);
    let mut chart = base_chart(labels, 60);
    let zones = zone_heights(points, polarity, top);
    let y_axis = Axis::new().type_(AxisType::Value).name(unit.label());
    // Stacked zones start from zero and end at `top`, so the axis must show exactly that range.
    chart = chart.y_axis(if zones.is_some() {
        y_axis.min(0).max(top)
    } else {
        y_axis
    });
    if let Some(zones) = zones {
        let order = if polarity == Polarity::HigherIsBetter {
            [0, 1, 2]
        } else {
            [2, 1, 0]
        };
        for (heights, zone) in zones.into_iter().zip(order) {
            let (name, fill) = ZONES[zone];
            chart = chart.series(
                Line::new()
                    .name(name)
                    .data(
                        heights
                            .into_iter()
                            .chain(std::iter::repeat_n(None, extra))
                            .collect::<Vec<_>>(),
                    )
                    .stack("zones")
                    .symbol(Symbol::None)
                    .silent(true)
                    // A zone's value is its height, which means nothing to a reader: keep it out of the
                    // tooltip, which lists the actual, target and last year for the period.
                    .tooltip(Tooltip::new().trigger(Trigger::None))
                    .line_style(LineStyle::new().width(0))
                    .area_style(AreaStyle::new().color(fill))
                    .item_style(ItemStyle::new().color(fill)),
            );
        }
    }
    chart = chart
        .series(
            Line::new()
                .name("Actual")
                .data(series(|p| p.rated_value))
                .symbol(Symbol::Circle)
                .line_style(LineStyle::new().width(3).color(ACTUAL_COLOUR))
                .item_style(ItemStyle::new().color(ACTUAL_COLOUR)),
        )
        .series(
            plain_line(
                "Target",
                series(|p| p.target),
                LineStyleType::Dashed,
                2,
                TARGET_COLOUR,
            )
            .step(Step::Middle),
        )
        .series(plain_line(
            "Same period last year",
            series(|p| p.last_year),
            LineStyleType::Dotted,
            2,
            LAST_YEAR_COLOUR,
        ));
    if let (Some(forecast), Some(latest)) = (forecast, points.last().and_then(|p| p.rated_value)) {
        let path = |end: f64| -> Vec<Option<f64>> {
            let mut data = vec![None; points.len() + extra];
            data[points.len() - 1] = Some(latest);
            if let Some(last) = data.last_mut() {
                *last = Some(end);
            }
            data
        };
        chart = chart.series(
            plain_line(
                "Forecast (year end)",
                path(forecast.value),
                LineStyleType::Dashed,
                2,
                FORECAST_COLOUR,
            )
            .connect_nulls(true)
            .symbol(Symbol::Diamond),
        );
        if let Some((low, high)) = forecast.interval {
            for (name, end) in [
                ("Forecast range (low)", low),
                ("Forecast range (high)", high),
            ] {
                chart = chart.series(
                    plain_line(name, path(end), LineStyleType::Dotted, 1, FORECAST_COLOUR)
                        .connect_nulls(true),
                );
            }
        }
    }
    chart
}

/// One sentence that says what the trend chart shows: the latest value against its target and rating, the
/// change since the previous period, and the same period last year.
pub fn trend_summary(
    kpi: &KpiDefinition,
    points: &[HistoryPoint],
    forecast: Option<&YearEndForecast>,
) -> String {
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
    let ahead = forecast
        .and_then(|f| {
            let range = f
                .interval
                .map(|(low, high)| format!(", likely between {} and {}", format(low), format(high)))
                .unwrap_or_default();
            Some(format!(
                "; forecast {} for {}{range}",
                format(f.value),
                f.periods.last()?
            ))
        })
        .unwrap_or_default();
    format!(
        "{}: {} in {}{target} ({}){previous}{last_year}{ahead}.",
        kpi.name,
        format(value),
        latest.period,
        latest.rating.label().to_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::domain::kpi::history::demo_history;

    #[test]
    fn the_chart_holds_the_same_numbers_as_the_history() {
        let (kpi, points) = demo_history(|_| true);
        let (kpi, latest) = (&kpi, points.last().unwrap().period);
        let option =
            serde_json::to_value(trend_chart(kpi.unit, kpi.polarity, &points, None)).unwrap();
        assert_eq!(option["animation"], Value::Bool(false));
        let names: Vec<&str> = option["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert!(
            names.ends_with(&["Actual", "Target", "Same period last year"]),
            "{names:?}"
        );
        let series =
            |name: &str| &option["series"][names.iter().position(|n| *n == name).unwrap()]["data"];
        let actual = series("Actual").as_array().unwrap();
        assert_eq!(actual.len(), points.len());
        for (value, point) in actual.iter().zip(&points) {
            assert_eq!(value.as_f64(), point.rated_value, "{}", point.period);
        }
        let labels = option["xAxis"]["data"].as_array().unwrap();
        assert_eq!(
            labels.last().unwrap().as_str(),
            Some(latest.to_string().as_str())
        );
        let last_year: Vec<Option<f64>> = series("Same period last year")
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
    fn rag_zones_sit_behind_the_values_and_the_forecast_runs_to_the_year_end() {
        let (kpi, points) = demo_history(|k| k.id.as_str() == "skpi-ahc-assess");
        let (kpi, latest) = (&kpi, points.last().unwrap().period);
        let forecast = YearEndForecast {
            periods: crate::domain::kpi::history::rest_of_year(latest),
            value: 80.0,
            interval: Some((75.0, 85.0)),
        };
        let option = serde_json::to_value(trend_chart(
            kpi.unit,
            kpi.polarity,
            &points,
            Some(&forecast),
        ))
        .unwrap();
        let series = option["series"].as_array().unwrap();
        let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            [
                "Red zone",
                "Amber zone",
                "Green zone",
                "Actual",
                "Target",
                "Same period last year",
                "Forecast (year end)",
                "Forecast range (low)",
                "Forecast range (high)"
            ]
        );
        for zone in &series[..3] {
            assert_eq!(
                zone["tooltip"]["trigger"], "none",
                "zone heights stay out of the tooltip"
            );
        }
        assert!(series[3..].iter().all(|s| s.get("tooltip").is_none()));
        let edges = points[0].edges.unwrap();
        assert_eq!(
            series[0]["data"][0].as_f64(),
            Some(edges.amber_edge),
            "red up to the amber edge"
        );
        assert!(
            (series[1]["data"][0].as_f64().unwrap() - (edges.green_edge - edges.amber_edge)).abs()
                < 1e-9
        );
        let forecast_data = series[6]["data"].as_array().unwrap();
        assert_eq!(forecast_data.len(), points.len() + forecast.periods.len());
        assert_eq!(
            forecast_data[points.len() - 1].as_f64(),
            points.last().unwrap().rated_value
        );
        assert_eq!(forecast_data.last().unwrap().as_f64(), Some(80.0));
        assert!(
            option["yAxis"].is_object(),
            "one value axis: {}",
            option["yAxis"]
        );
        assert_eq!(option["yAxis"]["min"].as_f64(), Some(0.0));
        let summary = trend_summary(kpi, &points, Some(&forecast));
        assert!(
            summary.ends_with("; forecast 80.0% for Mar 2027, likely between 75.0% and 85.0%."),
            "{summary}"
        );
    }

    #[test]
    fn the_axis_top_is_a_round_number_above_the_data() {
        assert_eq!(nice_top(93.5, Unit::Percent), 100.0);
        assert_eq!(nice_top(102.9, Unit::Count), 120.0);
        assert_eq!(nice_top(4_310.0, Unit::Count), 4_400.0);
        assert_eq!(nice_top(0.0, Unit::Count), 1.0);
    }

    #[test]
    fn the_summary_reads_the_latest_value_against_target_and_the_comparisons() {
        let (kpi, points) = demo_history(|_| true);
        let kpi = &kpi;
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
        assert_eq!(trend_summary(kpi, &points, None), expected);
        assert_eq!(
            trend_summary(kpi, &[], None),
            format!("{} has no periods to show yet.", kpi.name)
        );
    }
}
