//! A KPI's SPC view (an XmR chart): the values with special-cause points marked, the mean and the process
//! limits, the target, and the variation and assurance judgements in words.

use charming::Chart;
use charming::component::Axis;
use charming::datatype::DataPointItem;
use charming::element::{AxisType, ItemStyle, LineStyle, LineStyleType, Symbol};

use charming::series::Line;

use super::{base_chart, level_line};

use crate::domain::kpi::history::HistoryPoint;
use crate::domain::maths::aggregation::MeasureType;
use crate::domain::maths::rag::Polarity;
use crate::domain::maths::spc::{Side, SpcError, SpcSettings, XmrChart};
use crate::domain::model::kpi::KpiDefinition;

/// Colours after NHS "Making Data Count": improvement blue, concern orange, common cause grey. Each special
/// point is also a larger, different symbol and is named in the table, so colour is never the only cue.
const IMPROVEMENT: &str = "#1d70b8";
const CONCERN: &str = "#b35a00";
const COMMON: &str = "#505a5f";
const LIMITS: &str = "#6f777b";
const TARGET: &str = "#0b0c0c";

/// The SPC analysis of a KPI's history, with the chart and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct SpcView {
    /// The periods with values, oldest first, as labels.
    pub periods: Vec<String>,
    /// The analysis.
    pub xmr: XmrChart,
    /// The variation judgement in words.
    pub variation: String,
    /// The assurance judgement in words, when there is a target and the KPI is not "maintain".
    pub assurance: Option<&'static str>,
    /// One sentence that says what the chart shows.
    pub summary: String,
}

/// Whether a special cause on `side` is an improvement for a KPI of `polarity` (`None` when neither is).
fn is_improvement(side: Side, polarity: Polarity) -> Option<bool> {
    match polarity {
        Polarity::Maintain => None,
        Polarity::HigherIsBetter => Some(side == Side::High),
        Polarity::LowerIsBetter => Some(side == Side::Low),
    }
}

/// The target SPC compares with: the latest period's, except for a cumulative KPI, whose targets are
/// year-to-date totals and so not comparable with one period's value.
pub fn spc_target(kpi: &KpiDefinition, points: &[HistoryPoint]) -> Option<f64> {
    match kpi.measure {
        MeasureType::Snapshot => points.last().and_then(|p| p.target),
        MeasureType::Cumulative => None,
    }
}

/// Analyses each period's own value in `points` (never a year to date, whose sawtooth is not a process) with the
/// framework's SPC `settings`; periods without a value are left out.
pub fn spc_view(
    kpi: &KpiDefinition,
    points: &[HistoryPoint],
    settings: &SpcSettings,
) -> Result<SpcView, SpcError> {
    let valued: Vec<(&HistoryPoint, f64)> =
        points.iter().filter_map(|p| Some((p, p.value?))).collect();
    let values: Vec<f64> = valued.iter().map(|(_, v)| *v).collect();
    let xmr = XmrChart::analyse(&values, settings)?;
    let format = |value: f64| kpi.unit.format(value, kpi.decimals);
    let target = spc_target(kpi, points);
    let variation = xmr.variation(kpi.polarity).label();
    let assurance = target
        .and_then(|t| xmr.assurance(t, kpi.polarity))
        .map(|a| a.label());
    let summary = format!(
        "{}: an XmR chart of {} values{}, mean {}, process limits {} to {}. {}.{}",
        kpi.name,
        values.len(),
        if xmr.trial_limits {
            " (trial limits: fewer than 20 values)"
        } else {
            ""
        },
        format(xmr.mean),
        format(xmr.lower_limit),
        format(xmr.upper_limit),
        variation,
        assurance.map(|a| format!(" {a}.")).unwrap_or_default(),
    );
    Ok(SpcView {
        periods: valued.iter().map(|(p, _)| p.period.to_string()).collect(),
        xmr,
        variation,
        assurance,
        summary,
    })
}

/// The XmR chart of `view`, with the target line when there is one.
pub fn spc_chart(kpi: &KpiDefinition, view: &SpcView, target: Option<f64>) -> Chart {
    let xmr = &view.xmr;
    let points: Vec<DataPointItem> = xmr
        .points
        .iter()
        .map(|point| {
            let colour = match point
                .special_cause_side()
                .map(|side| is_improvement(side, kpi.polarity))
            {
                None => COMMON,
                Some(Some(true)) => IMPROVEMENT,
                Some(_) => CONCERN,
            };
            DataPointItem::new(point.value).item_style(ItemStyle::new().color(colour))
        })
        .collect();
    let count = xmr.points.len();
    let mut chart = base_chart(view.periods.clone(), 40)
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(kpi.unit.label())
                .scale(true),
        )
        .series(
            Line::new()
                .name("Value")
                .data(points)
                .symbol(Symbol::Circle)
                .symbol_size(8)
                .line_style(LineStyle::new().width(2).color(COMMON))
                .item_style(ItemStyle::new().color(COMMON)),
        )
        .series(level_line(
            "Mean",
            xmr.mean,
            count,
            (LineStyleType::Solid, 2),
            LIMITS,
        ))
        .series(level_line(
            "Upper process limit",
            xmr.upper_limit,
            count,
            (LineStyleType::Dashed, 1),
            LIMITS,
        ))
        .series(level_line(
            "Lower process limit",
            xmr.lower_limit,
            count,
            (LineStyleType::Dashed, 1),
            LIMITS,
        ));
    if let Some(target) = target {
        chart = chart.series(level_line(
            "Target",
            target,
            count,
            (LineStyleType::Dotted, 2),
            TARGET,
        ));
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::history::{HistoryPoint, demo_history};

    /// The first of `points`, one a value, carrying `values` and no target.
    fn with_values(points: Vec<HistoryPoint>, values: &[f64]) -> Vec<HistoryPoint> {
        points
            .into_iter()
            .zip(values)
            .map(|(point, &value)| HistoryPoint {
                value: Some(value),
                rated_value: Some(value),
                target: None,
                ..point
            })
            .collect()
    }

    #[test]
    fn the_spc_chart_holds_the_analysis_and_the_summary_says_what_it_shows() {
        let (kpi, points) = demo_history(|k| k.id.as_str() == "skpi-ahc-assess");
        let kpi = &kpi;
        // Six months of a % KPI with one decimal, values set by hand, no target.
        let values = [10.0, 12.0, 11.0, 13.0, 12.0, 14.0];
        let points = with_values(points, &values);
        let view = spc_view(kpi, &points, &SpcSettings::default()).unwrap();
        // Worked by hand: mean 72 / 6 = 12.0; moving ranges 2, 1, 2, 1, 2, so MR̄ = 8 / 5 = 1.6; process limits
        // 12 ± 2.66 × 1.6 = 12 ± 4.256, that is 7.744 and 16.256 (7.7% and 16.3% to one decimal). Six values
        // are fewer than the twenty that firm limits need.
        assert!(
            view.summary.starts_with(&format!(
                "{}: an XmR chart of 6 values (trial limits: fewer than 20 values), mean 12.0%, process limits \
                 7.7% to 16.3%. ",
                kpi.name
            )),
            "{}",
            view.summary
        );
        assert_eq!(
            spc_target(kpi, &points),
            None,
            "no target, so no target line"
        );
        let option = serde_json::to_value(spc_chart(kpi, &view, None)).unwrap();
        let series = option["series"].as_array().unwrap();
        let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            [
                "Value",
                "Mean",
                "Upper process limit",
                "Lower process limit"
            ]
        );
        let plotted: Vec<f64> = series[0]["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["value"].as_f64().unwrap())
            .collect();
        assert_eq!(plotted, values);
        let level = |i: usize| series[i]["data"][0].as_f64().unwrap();
        assert!((level(1) - 12.0).abs() < 1e-9);
        assert!((level(2) - 16.256).abs() < 1e-9);
        assert!((level(3) - 7.744).abs() < 1e-9);
    }

    #[test]
    fn the_frameworks_spc_settings_decide_what_is_a_special_cause() {
        let (kpi, points) = demo_history(|k| k.id.as_str() == "skpi-ahc-assess");
        // Six rising values then a fall: a run of six increases is a trend when the framework's trend run is 6,
        // and not under the default run of 7 (src/domain/maths/spc.rs).
        let values = [10.0, 10.5, 11.0, 11.5, 12.0, 12.5, 11.0];
        let points = with_values(points, &values);
        let trends = |settings: &SpcSettings| {
            let view = spc_view(&kpi, &points, settings).unwrap();
            view.xmr
                .points
                .iter()
                .filter(|p| {
                    p.signals
                        .iter()
                        .any(|s| s.rule == crate::domain::maths::spc::SpecialCauseRule::Trend)
                })
                .count()
        };
        assert_eq!(trends(&SpcSettings::default()), 0);
        let six = SpcSettings {
            trend_run: 6,
            ..SpcSettings::default()
        };
        assert_eq!(trends(&six), 6, "the six rising points are the trend");
    }

    #[test]
    fn a_cumulative_kpi_is_analysed_on_each_period_without_its_year_to_date_target() {
        let (kpi, points) = demo_history(|k| k.measure == MeasureType::Cumulative);
        let kpi = &kpi;
        let view = spc_view(kpi, &points, &SpcSettings::default()).unwrap();
        let own: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
        assert_eq!(
            view.xmr.points.iter().map(|p| p.value).collect::<Vec<_>>(),
            own
        );
        assert_eq!(spc_target(kpi, &points), None);
        assert_eq!(view.assurance, None);
    }

    #[test]
    fn special_cause_points_are_coloured_by_what_they_mean() {
        assert_eq!(
            is_improvement(Side::High, Polarity::HigherIsBetter),
            Some(true)
        );
        assert_eq!(
            is_improvement(Side::High, Polarity::LowerIsBetter),
            Some(false)
        );
        assert_eq!(is_improvement(Side::Low, Polarity::Maintain), None);
    }
}
