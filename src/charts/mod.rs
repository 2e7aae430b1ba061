//! Charts as pure functions from domain data to a `charming::Chart` (an ECharts option). They are tested
//! natively by reading the option back as JSON; components only render, update and dispose them. Every chart
//! has a data table and a one-sentence summary beside it on the page, so nothing rests on the picture.

pub mod benchmark_chart;
pub mod risk_heat_map;
pub mod spc_chart;
pub mod thread_chart;
pub mod trend_chart;

use charming::Chart;
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisType, ItemStyle, LineStyle, LineStyleType, Symbol, Tooltip, Trigger};
use charming::series::Line;

use crate::domain::maths::rag::RagStatus;

/// The fill for a RAG status in charts (the app's RAG colours), grey when there is none.
pub(crate) fn rag_fill(status: Option<RagStatus>) -> &'static str {
    match status {
        Some(RagStatus::Red) => "#d4351c",
        Some(RagStatus::Amber) => "#f47738",
        Some(RagStatus::Green) => "#00703c",
        None => "#b1b4b6",
    }
}

/// The settings every chart shares: no animation (steady for reduced motion and for tests), a tooltip for
/// the whole category, the legend on top with `legend_room` pixels kept for it, and `categories` along the
/// bottom. Each chart adds its own value axis and series.
pub(crate) fn base_chart(categories: Vec<String>, legend_room: u32) -> Chart {
    Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top("0"))
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .bottom("3%")
                .top(legend_room.to_string())
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Category).data(categories))
}

/// A line without point markers, drawn `width` wide in `style` and `colour`, with the same colour in its
/// legend and tooltip marker.
pub(crate) fn plain_line(
    name: impl Into<String>,
    data: Vec<Option<f64>>,
    style: LineStyleType,
    width: u32,
    colour: &str,
) -> Line {
    Line::new()
        .name(name)
        .data(data)
        .symbol(Symbol::None)
        .line_style(LineStyle::new().type_(style).width(width).color(colour))
        .item_style(ItemStyle::new().color(colour))
}

/// A flat line at `value` across `count` categories: a mean, a process limit, a median, a target.
pub(crate) fn level_line(
    name: impl Into<String>,
    value: f64,
    count: usize,
    (style, width): (LineStyleType, u32),
    colour: &str,
) -> Line {
    plain_line(name, vec![Some(value); count], style, width, colour)
}
