//! The 5×5 risk matrix as a heat map: impact along the bottom, likelihood up the side, each cell coloured by
//! the band of its score (likelihood × impact) and labelled with how many risks sit in it. A click names
//! the cell, which opens its risks; the matrix table on the page carries the same counts.

use charming::Chart;
use charming::component::{Axis, Grid, VisualMap, VisualMapPiece, VisualMapType};
use charming::datatype::DataFrame;
use charming::element::{AxisType, ItemStyle, Label, NameLocation, Tooltip, Trigger};
use charming::series::Heatmap;

use super::rag_fill;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::risk::RiskBands;
use crate::domain::risks::register::{HeatMap, Stage};

/// The heat map of `map`, read at `stage`, with cells coloured by `bands`.
pub fn risk_heat_map(map: &HeatMap, bands: &RiskBands) -> Chart {
    let scale: Vec<String> = (1..=5).map(|n| n.to_string()).collect();
    let data: Vec<Vec<i64>> = (1..=5u8)
        .flat_map(|likelihood| {
            (1..=5u8).map(move |impact| {
                vec![
                    i64::from(impact - 1),
                    i64::from(likelihood - 1),
                    map.count(likelihood, impact) as i64,
                    i64::from(likelihood * impact),
                ]
            })
        })
        .collect();
    Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .grid(Grid::new().left("60").right("20").top("20").bottom("50"))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(scale.clone())
                .name("Impact")
                .name_location(NameLocation::Center)
                .name_gap(30),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(scale)
                .name("Likelihood")
                .name_location(NameLocation::Center)
                .name_gap(35),
        )
        .visual_map(
            VisualMap::new()
                .type_(VisualMapType::Piecewise)
                .dimension(3)
                .show(false)
                .pieces(vec![
                    VisualMapPiece::new()
                        .lte(f64::from(bands.green_max))
                        .color(rag_fill(Some(RagStatus::Green))),
                    VisualMapPiece::new()
                        .gt(f64::from(bands.green_max))
                        .lte(f64::from(bands.amber_max))
                        .color(rag_fill(Some(RagStatus::Amber))),
                    VisualMapPiece::new()
                        .gt(f64::from(bands.amber_max))
                        .color(rag_fill(Some(RagStatus::Red))),
                ]),
        )
        .series(
            Heatmap::new()
                .name("Risks")
                .label(Label::new().show(true).color("#ffffff").font_size(16))
                .item_style(ItemStyle::new().border_color("#ffffff").border_width(2))
                .data(
                    data.into_iter()
                        .map(|cell| cell.into_iter().map(Into::into).collect::<DataFrame>())
                        .collect(),
                ),
        )
}

/// One sentence for the chart: how many risks, and how many in each band.
pub fn heat_map_summary(map: &HeatMap, bands: &RiskBands, stage: Stage) -> String {
    let mut by_band = [0usize; 3];
    for likelihood in 1..=5u8 {
        for impact in 1..=5u8 {
            let slot = match bands.band(likelihood * impact) {
                RagStatus::Red => 0,
                RagStatus::Amber => 1,
                RagStatus::Green => 2,
            };
            by_band[slot] += map.count(likelihood, impact);
        }
    }
    format!(
        "The 5×5 matrix of {} scores: {} risks, {} in red cells, {} in amber and {} in green.",
        stage.label().to_lowercase(),
        map.total(),
        by_band[0],
        by_band[1],
        by_band[2]
    )
}

/// The cell a click on the chart names: ECharts gives the clicked item's value, `[impact index, likelihood
/// index, count, score]`, as text.
pub fn cell_of_click(values: &[String]) -> Option<(u8, u8)> {
    let index = |at: usize| -> Option<u8> {
        let n: u8 = values.get(at)?.parse().ok()?;
        (n < 5).then_some(n + 1)
    };
    Some((index(1)?, index(0)?))
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::demo::demo_workspace;

    #[test]
    fn every_cell_is_drawn_with_its_count_and_score() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let workspace = demo_workspace(today);
        let map = HeatMap::of(
            workspace.risks.iter().filter(|r| r.closed.is_none()),
            Stage::Residual,
        );
        let bands = RiskBands::default();
        let option: Value = serde_json::from_str(&risk_heat_map(&map, &bands).to_string()).unwrap();
        let data = option["series"][0]["data"].as_array().unwrap();
        assert_eq!(data.len(), 25);
        let total: i64 = data.iter().map(|cell| cell[2].as_i64().unwrap()).sum();
        assert_eq!(total as usize, map.total());
        let corner = data.iter().find(|c| c[0] == 4 && c[1] == 4).unwrap();
        assert_eq!(corner[3], 25, "likelihood 5 × impact 5");
        let pieces = option["visualMap"][0]["pieces"]
            .as_array()
            .unwrap_or_else(|| option["visualMap"]["pieces"].as_array().unwrap());
        assert_eq!(pieces.len(), 3);
        assert_eq!(
            option["visualMap"].get(0).unwrap_or(&option["visualMap"])["dimension"],
            3
        );
    }

    #[test]
    fn the_summary_counts_the_risks_by_the_band_of_their_cell() {
        let mut map = HeatMap::default();
        map.cells[4][4] = 2; // 25: red
        map.cells[1][2] = 1; // 2 × 3 = 6: green
        map.cells[2][3] = 3; // 3 × 4 = 12: amber
        assert_eq!(
            heat_map_summary(&map, &RiskBands::default(), Stage::Residual),
            "The 5×5 matrix of residual scores: 6 risks, 2 in red cells, 3 in amber and 1 in green."
        );
    }

    #[test]
    fn a_click_names_its_cell() {
        let values = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(cell_of_click(&values(&["2", "3", "1", "12"])), Some((4, 3)));
        assert_eq!(cell_of_click(&values(&["5", "0"])), None);
        assert_eq!(cell_of_click(&[]), None);
    }
}
