//! What a new council RAG rule would do before it is saved: every current KPI that follows the council's rule,
//! rated at its latest reporting period under the rule in force and under the new one (the same assessment the
//! scorecards use), and those whose status would change, with a sentence counting them ("This change turns 3
//! greens amber and 1 amber red."). A KPI with a rule of its own, or a rating set by hand, keeps its status.

use crate::domain::basics::shared_sort::SharedSort;
use chrono::NaiveDate;

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::reporting_period;
use crate::domain::kpi::assessment::assess;
use crate::domain::maths::rag::{RagRule, RagStatus};
use crate::domain::model::workspace::{PerformanceIndex, Workspace};

/// A KPI whose status the new rule would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusShift {
    /// The KPI.
    pub kpi: KpiId,
    /// Its name.
    pub name: String,
    /// Its status under the rule in force (none: not rated).
    pub from: Option<RagStatus>,
    /// Its status under the new rule.
    pub to: Option<RagStatus>,
}

/// Every current KPI whose status at its latest reporting period as at `as_at` would change if the council's
/// rule were `rule`, in the workspace's order.
pub fn rule_preview(workspace: &Workspace, rule: &RagRule, as_at: NaiveDate) -> Vec<StatusShift> {
    let index = PerformanceIndex::new(&workspace.measurements);
    let mut changed = workspace.framework.clone();
    changed.rag_rule = *rule;
    workspace
        .kpis
        .iter()
        .filter(|kpi| kpi.status.is_live() && kpi.rag_rule.is_none())
        .filter_map(|kpi| {
            let period = reporting_period(kpi.frequency, as_at)?;
            let history = index.history(&kpi.id);
            let from = assess(kpi, &history, period, &workspace.framework)
                .rating
                .status();
            let to = assess(kpi, &history, period, &changed).rating.status();
            (from != to).then(|| StatusShift {
                kpi: kpi.id.clone(),
                name: kpi.name.clone(),
                from,
                to,
            })
        })
        .collect()
}

/// The shifts counted in a sentence: "This change turns 3 greens amber and 1 amber red.", or that it changes no
/// rating.
pub fn shift_summary(shifts: &[StatusShift]) -> String {
    if shifts.is_empty() {
        return "This change leaves every rating as it is.".to_owned();
    }
    let word = |status: Option<RagStatus>| status.map_or("not rated", |s| s.label());
    let mut counts: Vec<(Option<RagStatus>, Option<RagStatus>, usize)> = Vec::new();
    for shift in shifts {
        match counts
            .iter_mut()
            .find(|(from, to, _)| (*from, *to) == (shift.from, shift.to))
        {
            Some((_, _, count)) => *count += 1,
            None => counts.push((shift.from, shift.to, 1)),
        }
    }
    // Worst outcome first: the changes to red, then to amber, then to green.
    counts.shared_sort_by_key(|(from, to, _)| {
        (RagStatus::concern_rank(*to), RagStatus::concern_rank(*from))
    });
    let parts: Vec<String> = counts
        .iter()
        .map(|(from, to, count)| {
            let from = word(*from).to_lowercase();
            let plural = if *count == 1 || from == "not rated" {
                ""
            } else {
                "s"
            };
            format!("{count} {from}{plural} {}", word(*to).to_lowercase())
        })
        .collect();
    let listed = match parts.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    format!("This change turns {listed}.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::scorecard::engine::ratings_as_at;

    fn shift(from: Option<RagStatus>, to: Option<RagStatus>) -> StatusShift {
        StatusShift {
            kpi: KpiId::new("k").unwrap(),
            name: "K".to_owned(),
            from,
            to,
        }
    }

    #[test]
    fn the_sentence_counts_each_change_worst_outcome_first() {
        use RagStatus::{Amber, Green, Red};
        let shifts = [
            shift(Some(Green), Some(Amber)),
            shift(Some(Amber), Some(Red)),
            shift(Some(Green), Some(Amber)),
            shift(Some(Green), Some(Amber)),
            shift(Some(Red), Some(Green)),
        ];
        assert_eq!(
            shift_summary(&shifts),
            "This change turns 1 amber red, 3 greens amber and 1 red green."
        );
        assert_eq!(
            shift_summary(&shifts[..1]),
            "This change turns 1 green amber."
        );
        assert_eq!(
            shift_summary(&[]),
            "This change leaves every rating as it is."
        );
    }

    #[test]
    fn a_kpi_five_percent_short_turns_red_when_amber_stops_at_four_percent() {
        use crate::domain::basics::period::Period;
        use crate::domain::model::kpi::Target;
        use crate::domain::model::measurement::Measurement;
        use crate::domain::thread::tree::tests::hand_drawn;
        let mut workspace = hand_drawn();
        let period = |code: &str| Period::parse(code).unwrap();
        for (at, actual) in [(0, 76.0), (1, 79.0)] {
            let kpi = &mut workspace.kpis[at];
            kpi.targets = vec![Target {
                period: period("2026/27"),
                value: 80.0,
            }];
            workspace.measurements.push(Measurement::new(
                kpi.id.clone(),
                period("Sep 2026"),
                actual,
            ));
        }
        // k1: (80 − 76) / 80 = 5% short, amber within the council's 10% and red beyond 4%. k2: 1.25% short,
        // amber either way.
        let four = RagRule {
            amber_within: 4.0,
            ..RagRule::default()
        };
        let as_at = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
        assert_eq!(
            rule_preview(&workspace, &four, as_at),
            [StatusShift {
                kpi: KpiId::new("k1").unwrap(),
                name: "KPI k1".to_owned(),
                from: Some(RagStatus::Amber),
                to: Some(RagStatus::Red),
            }]
        );
    }

    #[test]
    fn the_preview_is_what_the_scorecards_show_once_the_rule_is_saved() {
        let as_at = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
        let mut workspace = demo_workspace(as_at);
        // Amber only within 2% of target, instead of 10%.
        let strict = RagRule {
            amber_within: 2.0,
            ..workspace.framework.rag_rule
        };
        let shifts = rule_preview(&workspace, &strict, as_at);
        let index = PerformanceIndex::new(&workspace.measurements);
        let before = ratings_as_at(&workspace, &index, as_at);
        drop(index);
        let mut saved = workspace.clone();
        saved.framework.rag_rule = strict;
        let index = PerformanceIndex::new(&saved.measurements);
        let after = ratings_as_at(&saved, &index, as_at);
        let mut expected: Vec<&KpiId> = after
            .iter()
            .filter(|(kpi, rating)| before.get(*kpi).map(|r| r.status()) != Some(rating.status()))
            .map(|(kpi, _)| kpi)
            .collect();
        expected.sort();
        let mut previewed: Vec<&KpiId> = shifts.iter().map(|s| &s.kpi).collect();
        previewed.sort();
        assert_eq!(previewed, expected);
        // A narrower amber band can only turn ambers red.
        assert!(!shifts.is_empty());
        assert!(
            shifts
                .iter()
                .all(|s| (s.from, s.to) == (Some(RagStatus::Amber), Some(RagStatus::Red)))
        );
        // A KPI with a rule of its own is not moved by the council's.
        let own = shifts[0].kpi.clone();
        workspace
            .kpis
            .iter_mut()
            .find(|k| k.id == own)
            .unwrap()
            .rag_rule = Some(workspace.framework.rag_rule);
        assert!(
            rule_preview(&workspace, &strict, as_at)
                .iter()
                .all(|s| s.kpi != own)
        );
    }
}
