//! The golden thread as a sunburst: the vision at the centre, the ambitions around it, then the directorates
//! and services that deliver each, every segment sized by the KPIs counted there and coloured by its RAG
//! roll-up. Clicking a segment opens that node; the roll-up table and the tree carry the same facts as text.

use std::collections::HashMap;

use charming::Chart;
use charming::element::{ItemStyle, Label, Tooltip, Trigger};
use charming::series::{Sunburst, SunburstLevel, SunburstNode};

use super::rag_fill;
use crate::domain::basics::ids::KpiId;
use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::RagStatus;
use crate::domain::maths::rag::RollupRule;
use crate::domain::model::golden_thread::ThreadNode;
use crate::domain::thread::tree::{ThreadItem, ThreadTreeNode};

/// How many rings are drawn: the vision, the ambitions, the directorates and the services.
const RINGS: usize = 4;

/// The name a segment carries: short enough to sit in a ring ("Vision", "Ambition 3", a directorate's name).
pub fn segment_name(node: &ThreadTreeNode) -> String {
    match &node.item {
        ThreadItem::Node(ThreadNode::Council) => "Vision".to_owned(),
        ThreadItem::Node(ThreadNode::Ambition(_)) => node
            .name
            .split_once(':')
            .map_or_else(|| node.name.clone(), |(number, _)| number.to_owned()),
        _ => node.name.clone(),
    }
}

fn segment(
    node: &ThreadTreeNode,
    depth: usize,
    ratings: &HashMap<KpiId, Rating>,
    rule: &RollupRule,
) -> SunburstNode {
    let status = node.rollup(ratings).summary(rule);
    let drawn = SunburstNode::new(segment_name(node)).item_style(
        ItemStyle::new()
            .color(rag_fill(status))
            .border_color("#ffffff")
            .border_width(1),
    );
    if depth + 1 < RINGS && !node.children.is_empty() {
        drawn.children(
            node.children
                .iter()
                .map(|child| segment(child, depth + 1, ratings, rule))
                .collect(),
        )
    } else {
        // Sized by the KPIs counted there; a node on the thread by a plan alone still shows.
        drawn.value(node.kpis.len().max(1) as f64)
    }
}

/// The sunburst of `tree`, coloured by each node's roll-up under `rule`.
pub fn thread_sunburst(
    tree: &ThreadTreeNode,
    ratings: &HashMap<KpiId, Rating>,
    rule: &RollupRule,
) -> Chart {
    let label = |show: bool| Label::new().show(show).color("#ffffff");
    Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .series(
            Sunburst::new()
                .radius(("0", "95%"))
                .levels(vec![
                    SunburstLevel::new(),
                    SunburstLevel::new().label(label(true)),
                    SunburstLevel::new().label(label(true)),
                    SunburstLevel::new().label(label(false)),
                    SunburstLevel::new().label(label(false)),
                ])
                .data(vec![segment(tree, 0, ratings, rule)]),
        )
}

/// One sentence for the chart: what it draws and how the ambitions stand.
pub fn thread_summary(
    tree: &ThreadTreeNode,
    ratings: &HashMap<KpiId, Rating>,
    rule: &RollupRule,
) -> String {
    let mut by_status = [0usize; 4];
    for ambition in &tree.children {
        let slot = usize::from(RagStatus::concern_rank(
            ambition.rollup(ratings).summary(rule),
        ));
        by_status[slot] += 1;
    }
    let words: Vec<String> = ["red", "amber", "green", "not rated"]
        .iter()
        .zip(by_status)
        .filter(|(_, count)| *count > 0)
        .map(|(label, count)| format!("{count} {label}"))
        .collect();
    format!(
        "The golden thread as rings: the vision at the centre, then {} ambitions, the directorates and the \
         services that deliver them, each coloured by its roll-up. Ambitions: {}.",
        tree.children.len(),
        if words.is_empty() {
            "none yet".to_owned()
        } else {
            words.join(", ")
        }
    )
}

/// The key of the node a click on the chart names: `names` are the segment names from the centre out
/// (ECharts starts them with its own unnamed root, which is skipped).
pub fn key_at(tree: &ThreadTreeNode, names: &[String]) -> Option<String> {
    let start = names.iter().take_while(|n| n.is_empty()).count();
    let (first, rest) = names[start..].split_first()?;
    if *first != segment_name(tree) {
        return None;
    }
    let mut node = tree;
    for name in rest {
        node = node.children.iter().find(|c| &segment_name(c) == name)?;
    }
    Some(node.key.clone())
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::domain::thread::tree::tests::{hand_drawn, hand_ratings};
    use crate::domain::thread::tree::thread_tree;

    fn option() -> Value {
        let tree = thread_tree(&hand_drawn());
        let chart = thread_sunburst(&tree, &hand_ratings(), &RollupRule::default());
        serde_json::from_str(&chart.to_string()).unwrap()
    }

    #[test]
    fn the_rings_run_from_the_vision_to_the_services_coloured_by_roll_up() {
        let option = option();
        let series = &option["series"][0];
        assert_eq!(series["type"], "sunburst");
        let vision = &series["data"][0];
        assert_eq!(vision["name"], "Vision");
        assert_eq!(
            vision["itemStyle"]["color"], "#f47738",
            "vision amber: (1 + 0.5) / 3"
        );
        let ambitions: Vec<&str> = vision["children"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert_eq!(ambitions, ["Ambition 1", "Ambition 2"]);
        let a2 = &vision["children"][1];
        assert_eq!(
            a2["itemStyle"]["color"], "#d4351c",
            "ambition 2 red: 0.5 / 2"
        );
        let place = &a2["children"][0];
        assert_eq!(place["name"], "Place");
        let waste = &place["children"][1];
        assert_eq!(waste["name"], "Waste");
        assert_eq!(
            waste["value"], 1.0,
            "one KPI counted, and the services are the outer ring"
        );
        assert!(waste.get("children").is_none());
        let people = &a2["children"][1];
        assert_eq!(
            (people["value"].as_f64(), &people["itemStyle"]["color"]),
            (Some(1.0), &Value::from(rag_fill(None))),
            "on the thread by a plan alone: shown, grey"
        );
    }

    #[test]
    fn a_click_names_a_node_by_its_segments() {
        let tree = thread_tree(&hand_drawn());
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            key_at(&tree, &names(&["Vision", "Ambition 2", "Place", "Waste"])).as_deref(),
            Some("vision/ambition-a2/directorate-d1/service-s2")
        );
        assert_eq!(
            key_at(&tree, &names(&["Vision"])).as_deref(),
            Some("vision")
        );
        assert_eq!(key_at(&tree, &names(&["Vision", "Ambition 9"])), None);
        assert_eq!(key_at(&tree, &[]), None);
    }

    #[test]
    fn the_summary_counts_the_ambitions_by_roll_up() {
        let tree = thread_tree(&hand_drawn());
        let summary = thread_summary(&tree, &hand_ratings(), &RollupRule::default());
        assert!(summary.contains("then 2 ambitions"), "{summary}");
        assert!(summary.ends_with("Ambitions: 1 red, 1 amber."), "{summary}");
    }
}
