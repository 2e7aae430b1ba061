//! A KPI's recent values as a static SVG line chart, for reports that must read with no script: the line,
//! a dot per value, a dashed target line, and the lowest and highest values labelled. It names itself for
//! screen readers; the values are also given as a table beside it.

use super::escape::escape;

/// Width and height of the drawing, in SVG units.
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;
/// Room for the axis labels on the left and the period labels below.
const LEFT: f64 = 56.0;
const BOTTOM: f64 = 22.0;
const TOP: f64 = 8.0;
const RIGHT: f64 = 8.0;

/// What to draw.
#[derive(Clone, Copy)]
pub struct LineChart<'a> {
    /// What the chart shows, for its accessible name: "Delayed discharges, last 8 months".
    pub title: &'a str,
    /// The points, oldest first: a short label for the period and the value.
    pub points: &'a [(String, f64)],
    /// The target, drawn as a dashed line.
    pub target: Option<f64>,
    /// Formats a value for the axis labels.
    pub format: &'a dyn Fn(f64) -> String,
}

/// The chart as an `<svg>` element (an empty string when there are no points).
pub fn line_chart_svg(chart: &LineChart<'_>) -> String {
    let values: Vec<f64> = chart.points.iter().map(|(_, v)| *v).collect();
    if values.is_empty() {
        return String::new();
    }
    let mut low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let mut high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if let Some(target) = chart.target {
        low = low.min(target);
        high = high.max(target);
    }
    if (high - low).abs() < f64::EPSILON {
        low -= 1.0;
        high += 1.0;
    }
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let x = |i: usize| {
        if values.len() == 1 {
            LEFT + plot_width / 2.0
        } else {
            LEFT + plot_width * i as f64 / (values.len() - 1) as f64
        }
    };
    let y = |v: f64| TOP + plot_height * (high - v) / (high - low);
    let line: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v)))
        .collect();
    let dots: String = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!(r#"<circle cx="{:.1}" cy="{:.1}" r="3"/>"#, x(i), y(*v)))
        .collect();
    let target = chart.target.map_or_else(String::new, |t| {
        format!(
            r#"<line class="app-chart__target" x1="{LEFT}" x2="{:.1}" y1="{:.1}" y2="{:.1}"/>"#,
            WIDTH - RIGHT,
            y(t),
            y(t)
        )
    });
    let first = chart.points.first().map_or("", |(l, _)| l.as_str());
    let last = chart.points.last().map_or("", |(l, _)| l.as_str());
    let baseline = HEIGHT - BOTTOM;
    format!(
        concat!(
            r#"<svg class="app-chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{title}">"#,
            r#"<line class="app-chart__axis" x1="{left}" x2="{left}" y1="{top}" y2="{base}"/>"#,
            r#"<line class="app-chart__axis" x1="{left}" x2="{right}" y1="{base}" y2="{base}"/>"#,
            r#"<text x="{lx}" y="{hy}" text-anchor="end">{high}</text>"#,
            r#"<text x="{lx}" y="{ly}" text-anchor="end">{low}</text>"#,
            r#"<text x="{left}" y="{py}">{first}</text>"#,
            r#"<text x="{right}" y="{py}" text-anchor="end">{last}</text>"#,
            "{target}",
            r#"<polyline class="app-chart__line" points="{line}"/>"#,
            r#"<g class="app-chart__dots">{dots}</g>"#,
            "</svg>"
        ),
        w = WIDTH,
        h = HEIGHT,
        title = escape(chart.title),
        left = LEFT,
        right = WIDTH - RIGHT,
        top = TOP,
        base = baseline,
        lx = LEFT - 4.0,
        hy = TOP + 8.0,
        ly = baseline,
        py = HEIGHT - 6.0,
        high = escape(&(chart.format)(high)),
        low = escape(&(chart.format)(low)),
        first = escape(first),
        last = escape(last),
        target = target,
        line = line.join(" "),
        dots = dots,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(v: f64) -> String {
        format!("{v:.0}%")
    }

    #[test]
    fn the_chart_draws_every_point_inside_the_plot_and_names_itself() {
        let points: Vec<(String, f64)> = [("Apr", 60.0), ("May", 70.0), ("Jun", 65.0)]
            .iter()
            .map(|(l, v)| ((*l).to_owned(), *v))
            .collect();
        let svg = line_chart_svg(&LineChart {
            title: "Reviews <on time>",
            points: &points,
            target: Some(80.0),
            format: &format,
        });
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"aria-label="Reviews &lt;on time&gt;""#));
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("app-chart__target"));
        assert!(
            svg.contains(">80%<") && svg.contains(">60%<"),
            "the axis runs from the lowest value to the target"
        );
        let numbers: Vec<f64> = svg
            .split(['"', ',', ' '])
            .filter_map(|t| t.parse::<f64>().ok())
            .collect();
        assert!(numbers.iter().all(|n| (0.0..=WIDTH).contains(n)));
    }

    #[test]
    fn one_point_or_a_flat_line_still_draws_and_no_points_draws_nothing() {
        let one = vec![("Q1".to_owned(), 5.0)];
        let svg = line_chart_svg(&LineChart {
            title: "One",
            points: &one,
            target: None,
            format: &format,
        });
        assert_eq!(svg.matches("<circle").count(), 1);
        assert!(!svg.contains("NaN"));
        assert_eq!(
            line_chart_svg(&LineChart {
                title: "None",
                points: &[],
                target: None,
                format: &format
            }),
            ""
        );
    }
}
