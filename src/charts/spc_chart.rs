//! A KPI's SPC view (an XmR chart): the values with special-cause points marked, the mean and the process
//! limits, the target, and the variation and assurance judgements in words.

use charming::Chart;
use charming::component::Axis;
use charming::datatype::DataPointItem;
use charming::element::{AxisType, ItemStyle, LineStyle, LineStyleType, Symbol};

use charming::series::Line;

use super::{base_chart, level_line};

use crate::domain::kpi::history::HistoryPoint;
use crate::domain::kpi::mdc_icons::{MdcIcons, target_for_spc};
use crate::domain::maths::rag::Polarity;
use crate::domain::maths::run_chart::RunChart;
use crate::domain::maths::spc::{
    ChartRecommendation, MIN_POINTS_FOR_SPC, Side, SpcError, SpcSettings, XmrChart,
};
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
    /// The Making Data Count icons: variation, and assurance when there is a target and the KPI is not
    /// "maintain".
    pub icons: MdcIcons,
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
    points.last().and_then(|p| target_for_spc(kpi, p.period))
}

/// What the SPC section shows: an XmR chart, or, with fewer values than SPC needs, the run-chart rules in words
/// (the one rule for both: [`ChartRecommendation::for_points`], which the data-quality warning follows too).
#[derive(Clone, Debug, PartialEq)]
pub enum SpcAnalysis {
    /// Enough values for an XmR chart.
    Xmr(SpcView),
    /// Too few: the run-chart rules, in one sentence.
    RunChart(String),
}

/// The SPC analysis of each period's own value in `points`: an XmR chart from [`MIN_POINTS_FOR_SPC`] values,
/// the run-chart rules below that.
pub fn spc_analysis(
    kpi: &KpiDefinition,
    points: &[HistoryPoint],
    settings: &SpcSettings,
) -> Result<SpcAnalysis, SpcError> {
    let values: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
    if ChartRecommendation::for_points(values.len()) != ChartRecommendation::RunChart {
        return spc_view(kpi, points, settings).map(SpcAnalysis::Xmr);
    }
    let run = RunChart::analyse(&values).ok_or(SpcError::TooFewPoints { got: 0 })?;
    let signal = if run.has_signal() {
        "a sign of non-random variation"
    } else {
        "no sign of non-random variation"
    };
    Ok(SpcAnalysis::RunChart(format!(
        "Only {} value(s): SPC needs {MIN_POINTS_FOR_SPC}, so the run-chart rules are applied instead. Median {}; \
         the longest run on one side of it is {} (more than {} would signal); it is crossed {} time(s) (fewer \
         than {} would signal): {signal}.",
        values.len(),
        kpi.unit.format(run.median, kpi.decimals),
        run.longest_run,
        run.longest_run_limit,
        run.crossings,
        run.crossings_limit,
    )))
}

/// Analyses each period's own value in `points` (never a year to date, whose sawtooth is not a process) with the
/// framework's SPC `settings`; periods without a value are left out.
fn spc_view(
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
    let icons = MdcIcons {
        variation: xmr.variation(kpi.polarity),
        assurance: target.and_then(|t| xmr.assurance(t, kpi.polarity)),
    };
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
        icons.variation.label(),
        icons
            .assurance
            .map(|a| format!(" {}.", a.label()))
            .unwrap_or_default(),
    );
    Ok(SpcView {
        periods: valued.iter().map(|(p, _)| p.period.to_string()).collect(),
        xmr,
        icons,
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
    use crate::domain::maths::aggregation::MeasureType;

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
    fn below_thirteen_values_the_run_chart_rules_stand_in_for_the_xmr_chart() {
        let (kpi, points) = demo_history(|k| k.id.as_str() == "skpi-ahc-assess");
        let nine: Vec<f64> = (1..=9).map(f64::from).collect();
        let analysis = spc_analysis(
            &kpi,
            &with_values(points.clone(), &nine),
            &SpcSettings::default(),
        );
        // Worked by hand: 1 … 9 has median 5; the eight other values are four below then four above it, so the
        // longest run is 4 against round(log₂ 8 + 3) = 6, and the median is crossed once; the fewest crossings
        // chance allows in 8 points is the 5th percentile of Binomial(7, ½): P(0) = 1/128 < 5%, P(≤ 1) =
        // 8/128 ≥ 5%, so 1. Neither rule signals.
        assert_eq!(
            analysis,
            Ok(SpcAnalysis::RunChart(
                "Only 9 value(s): SPC needs 13, so the run-chart rules are applied instead. Median 5.0%; the \
                 longest run on one side of it is 4 (more than 6 would signal); it is crossed 1 time(s) (fewer \
                 than 1 would signal): no sign of non-random variation."
                    .to_owned()
            ))
        );
        let thirteen: Vec<f64> = (1..=13).map(f64::from).collect();
        assert!(matches!(
            spc_analysis(&kpi, &with_values(points, &thirteen), &SpcSettings::default()),
            Ok(SpcAnalysis::Xmr(view)) if view.xmr.points.len() == 13
        ));
    }

    #[test]
    fn the_spc_chart_holds_the_analysis_and_the_summary_says_what_it_shows() {
        let (mut kpi, points) = demo_history(|k| k.id.as_str() == "skpi-ahc-assess");
        kpi.targets.clear();
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
        assert_eq!(view.icons.assurance, None);
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

    #[test]
    fn the_scorecard_and_the_kpi_pages_spc_chart_agree_for_every_demo_kpi() {
        use crate::domain::kpi::history::kpi_history;
        use crate::domain::model::workspace::PerformanceIndex;
        use crate::domain::scorecard::engine::{ScorecardScope, scorecard};
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let workspace = crate::demo::demo_workspace(today);
        let index = PerformanceIndex::new(&workspace.measurements);
        let rows = scorecard(&workspace, &index, &ScorecardScope::Organisation, today);
        let mut with_icons = 0;
        for row in &rows {
            let kpi = row.kpi();
            let points = kpi_history(kpi, &index, row.assessment.period, &workspace.framework);
            let page = match spc_analysis(kpi, &points, &workspace.framework.spc) {
                Ok(SpcAnalysis::Xmr(view)) => Some(view.icons),
                _ => None,
            };
            assert_eq!(row.mdc, page, "{}", kpi.id);
            with_icons += usize::from(page.is_some());
        }
        assert!(
            with_icons > 0 && with_icons < rows.len(),
            "{with_icons} of {}",
            rows.len()
        );
    }
}
