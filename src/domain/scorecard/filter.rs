//! Narrowing and ordering a scorecard: the filters people use in a meeting (directorate, ambition, committee,
//! level, perspective, RAG, frequency, PMF component), a text search, sorting by any column, and the summary
//! strip above the table (how many of each RAG and status, and the change since the previous period).

use crate::domain::basics::shared_sort::SharedSort;
use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::{AmbitionId, CommitteeId, DirectorateId};
use crate::domain::basics::period::Frequency;
use crate::domain::kpi::rollup::RagCounts;
use crate::domain::maths::rag::RagStatus;
use crate::domain::maths::trend::Direction;
use crate::domain::model::kpi::{KpiLevel, Perspective, PmfComponent};
use crate::domain::scorecard::detached_row::DetachedRow;

/// The RAG filter: a status, or one of the flags people look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RagFilter {
    /// Rated red.
    Red,
    /// Rated amber.
    Amber,
    /// Rated green.
    Green,
    /// Not rated (a special status, no data or no target).
    NotRated,
    /// Green now but trending worse.
    GreenButDeclining,
    /// Red with no open action.
    NeedsActionPlan,
}

impl RagFilter {
    /// Every choice, in the order the filter lists them.
    pub const ALL: [RagFilter; 6] = [
        RagFilter::Red,
        RagFilter::Amber,
        RagFilter::Green,
        RagFilter::NotRated,
        RagFilter::GreenButDeclining,
        RagFilter::NeedsActionPlan,
    ];

    /// The choice in words.
    pub const fn label(self) -> &'static str {
        match self {
            RagFilter::Red => "Red",
            RagFilter::Amber => "Amber",
            RagFilter::Green => "Green",
            RagFilter::NotRated => "Not rated",
            RagFilter::GreenButDeclining => "Green but declining",
            RagFilter::NeedsActionPlan => "Red without an action plan",
        }
    }

    fn matches(self, entry: &DetachedRow) -> bool {
        match self {
            RagFilter::Red => entry.status() == Some(RagStatus::Red),
            RagFilter::Amber => entry.status() == Some(RagStatus::Amber),
            RagFilter::Green => entry.status() == Some(RagStatus::Green),
            RagFilter::NotRated => entry.status().is_none(),
            RagFilter::GreenButDeclining => entry.green_but_declining,
            RagFilter::NeedsActionPlan => entry.needs_action_plan,
        }
    }
}

/// What a scorecard is narrowed to. Every field left empty lets every row through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScorecardFilter {
    /// KPIs of this directorate.
    pub directorate: Option<DirectorateId>,
    /// KPIs serving this ambition.
    pub ambition: Option<AmbitionId>,
    /// KPIs assigned to this committee.
    pub committee: Option<CommitteeId>,
    /// KPIs at this level.
    pub level: Option<KpiLevel>,
    /// KPIs in this balanced-scorecard perspective.
    pub perspective: Option<Perspective>,
    /// KPIs with this RAG or flag.
    pub rag: Option<RagFilter>,
    /// KPIs reported this often.
    pub frequency: Option<Frequency>,
    /// KPIs in this PMF component.
    pub component: Option<PmfComponent>,
    /// Words that must all appear in the KPI's id, name, definition, source or commentary (any case).
    pub search: String,
}

impl ScorecardFilter {
    /// Whether `entry` passes every filter.
    pub fn matches(&self, entry: &DetachedRow) -> bool {
        let kpi = &entry.kpi;
        wanted(&self.directorate, entry.directorate.as_ref())
            && self
                .ambition
                .as_ref()
                .is_none_or(|a| kpi.ambitions.contains(a))
            && self
                .committee
                .as_ref()
                .is_none_or(|c| kpi.committees.contains(c))
            && wanted(&self.level, Some(&kpi.level))
            && wanted(&self.perspective, Some(&kpi.perspective))
            && wanted(&self.frequency, Some(&kpi.frequency))
            && wanted(&self.component, kpi.component.as_ref())
            && self.rag.is_none_or(|rag| rag.matches(entry))
            && self.matches_search(entry)
    }

    fn matches_search(&self, entry: &DetachedRow) -> bool {
        self.search
            .to_lowercase()
            .split_whitespace()
            .all(|word| entry.search_text.contains(word))
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Whether an optional filter lets `value` through: an empty filter lets everything through.
fn wanted<T: PartialEq>(filter: &Option<T>, value: Option<&T>) -> bool {
    filter.is_none() || filter.as_ref() == value
}

/// A column a scorecard can be sorted by (the Cambridgeshire PMF, Appendix C, plus the forecast).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortColumn {
    /// The order KPIs are kept in.
    #[default]
    Register,
    /// Balanced-scorecard perspective.
    Perspective,
    /// KPI name.
    Kpi,
    /// Metric category.
    Category,
    /// Reporting frequency.
    Frequency,
    /// The latest period with a value.
    LastUpdated,
    /// The target.
    Target,
    /// Direction for improvement.
    Direction,
    /// Performance in the reporting period.
    Current,
    /// Performance in the previous period.
    Previous,
    /// Change since the previous period: worsening first.
    Change,
    /// RAG: red first, then amber, green, and the unrated.
    Rag,
    /// Trend: worsening first.
    Trend,
    /// Forecast RAG: red first.
    Forecast,
}

/// Red first, then amber, then green.
fn rag_rank(status: RagStatus) -> u8 {
    match status {
        RagStatus::Red => 0,
        RagStatus::Amber => 1,
        RagStatus::Green => 2,
    }
}

/// Worsening first, then no change, then improving.
fn direction_rank(direction: Direction) -> u8 {
    match direction {
        Direction::Worsening => 0,
        Direction::Stable => 1,
        Direction::Improving => 2,
    }
}

/// Compares two optional keys: `descending` reverses the order of the present ones, and a missing one sorts
/// last either way round (a KPI without data never tops a list).
fn missing_last<T>(
    a: Option<T>,
    b: Option<T>,
    descending: bool,
    compare: impl Fn(&T, &T) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => compare(&b, &a),
        (Some(a), Some(b)) => compare(&a, &b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The positions in `entries` of those `filter` lets through, ordered by `column` and keeping the register
/// order among equals. `descending` reverses the column's natural order (for RAG, green first); entries with
/// nothing in the column stay last.
pub fn arrange(
    entries: &[DetachedRow],
    filter: &ScorecardFilter,
    column: SortColumn,
    descending: bool,
) -> Vec<usize> {
    let mut kept: Vec<usize> = (0..entries.len())
        .filter(|&i| filter.matches(&entries[i]))
        .collect();
    kept.shared_sort_by(|&a, &b| compare(&entries[a], &entries[b], column, descending));
    kept
}

/// How two entries compare in `column`.
fn compare(a: &DetachedRow, b: &DetachedRow, column: SortColumn, descending: bool) -> Ordering {
    let text = |a: &str, b: &str| {
        let ordering = a.to_lowercase().cmp(&b.to_lowercase());
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    };
    let number =
        |a: Option<f64>, b: Option<f64>| missing_last(a, b, descending, |a, b| a.total_cmp(b));
    let rank = |a: Option<u8>, b: Option<u8>| missing_last(a, b, descending, Ord::cmp);
    let (ka, kb) = (&a.kpi, &b.kpi);
    match column {
        SortColumn::Register => Ordering::Equal,
        SortColumn::Perspective => text(ka.perspective.label(), kb.perspective.label()),
        SortColumn::Kpi => text(&ka.name, &kb.name),
        SortColumn::Category => text(ka.category.label(), kb.category.label()),
        SortColumn::Frequency => {
            missing_last(Some(ka.frequency), Some(kb.frequency), descending, Ord::cmp)
        }
        SortColumn::LastUpdated => {
            missing_last(a.last_updated, b.last_updated, !descending, Ord::cmp)
        }
        SortColumn::Target => number(a.target, b.target),
        SortColumn::Direction => text(ka.polarity.label(), kb.polarity.label()),
        SortColumn::Current => number(a.value, b.value),
        SortColumn::Previous => number(a.previous_value, b.previous_value),
        SortColumn::Change => rank(a.change.map(direction_rank), b.change.map(direction_rank)),
        SortColumn::Rag => rank(a.status().map(rag_rank), b.status().map(rag_rank)),
        SortColumn::Trend => rank(a.trend.map(direction_rank), b.trend.map(direction_rank)),
        SortColumn::Forecast => rank(a.forecast_rag.map(rag_rank), b.forecast_rag.map(rag_rank)),
    }
}

/// The summary strip: counts now and at the previous period, and the flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScorecardSummary {
    /// Each rating and status now.
    pub now: RagCounts,
    /// Each rating at every KPI's previous period, for "change since last period".
    pub previous: RagCounts,
    /// Green but trending worse.
    pub green_but_declining: usize,
    /// Red with no open action.
    pub needs_action_plan: usize,
}

/// Counts `entries` for the summary strip.
pub fn summarise(entries: &[&DetachedRow]) -> ScorecardSummary {
    ScorecardSummary {
        now: RagCounts::from_ratings(entries.iter().map(|e| &e.rating)),
        previous: RagCounts::from_ratings(
            entries.iter().filter_map(|e| e.previous_rating.as_ref()),
        ),
        green_but_declining: entries.iter().filter(|e| e.green_but_declining).count(),
        needs_action_plan: entries.iter().filter(|e| e.needs_action_plan).count(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::model::workspace::{PerformanceIndex, Workspace};
    use crate::domain::scorecard::engine::{ScorecardScope, scorecard};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    /// The demo's organisational scorecard as entries, with the workspace it came from.
    fn entries() -> (Workspace, Vec<DetachedRow>) {
        let workspace = demo_workspace(today());
        let index = PerformanceIndex::new(&workspace.measurements);
        let entries = scorecard(&workspace, &index, &ScorecardScope::Organisation, today())
            .iter()
            .map(|row| DetachedRow::of(row, &workspace, &index))
            .collect();
        (workspace, entries)
    }

    fn arranged<'a>(
        entries: &'a [DetachedRow],
        filter: &ScorecardFilter,
        column: SortColumn,
        descending: bool,
    ) -> Vec<&'a DetachedRow> {
        arrange(entries, filter, column, descending)
            .into_iter()
            .map(|i| &entries[i])
            .collect()
    }

    #[test]
    fn an_empty_filter_lets_everything_through_in_register_order() {
        let (_, entries) = entries();
        let filter = ScorecardFilter::default();
        assert!(filter.is_empty());
        let order = arrange(&entries, &filter, SortColumn::Register, false);
        assert_eq!(order, (0..entries.len()).collect::<Vec<_>>());
    }

    #[test]
    fn each_filter_keeps_only_matching_entries() {
        let (workspace, entries) = entries();
        let directorate = workspace.directorates[1].id.clone();
        let filter = ScorecardFilter {
            directorate: Some(directorate.clone()),
            ..Default::default()
        };
        let kept = arranged(&entries, &filter, SortColumn::Register, false);
        assert!(!kept.is_empty() && kept.len() < entries.len());
        assert!(
            kept.iter()
                .all(|e| e.directorate == Some(directorate.clone()))
        );

        for rag in RagFilter::ALL {
            let filter = ScorecardFilter {
                rag: Some(rag),
                ..Default::default()
            };
            let expected = entries.iter().filter(|e| rag.matches(e)).count();
            assert_eq!(
                arrange(&entries, &filter, SortColumn::Register, false).len(),
                expected,
                "{rag:?}"
            );
        }
        let red = ScorecardFilter {
            rag: Some(RagFilter::Red),
            ..Default::default()
        };
        let reds = arranged(&entries, &red, SortColumn::Register, false);
        assert!(!reds.is_empty());
        assert!(reds.iter().all(|e| e.status() == Some(RagStatus::Red)));
    }

    #[test]
    fn search_needs_every_word_in_any_case() {
        let (_, entries) = entries();
        let first = entries[0].kpi.name.clone();
        let words: Vec<&str> = first.split_whitespace().take(2).collect();
        let filter = ScorecardFilter {
            search: words.join("  ").to_uppercase(),
            ..Default::default()
        };
        assert!(filter.matches(&entries[0]));
        let nothing = ScorecardFilter {
            search: format!("{} zzzz-not-there", words[0]),
            ..Default::default()
        };
        assert!(!entries.iter().any(|e| nothing.matches(e)));
    }

    #[test]
    fn sorting_by_rag_puts_red_first_and_keeps_register_order_among_equals() {
        let (_, entries) = entries();
        let all = ScorecardFilter::default();
        let order = arrange(&entries, &all, SortColumn::Rag, false);
        let ranks: Vec<u8> = order
            .iter()
            .map(|&i| entries[i].status().map_or(3, rag_rank))
            .collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
        let reds: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| entries[i].status() == Some(RagStatus::Red))
            .collect();
        assert!(reds.windows(2).all(|w| w[0] < w[1]), "a stable sort");
        let descending = arranged(&entries, &all, SortColumn::Rag, true);
        assert_eq!(descending[0].status(), Some(RagStatus::Green));
        assert_eq!(
            descending.last().unwrap().status(),
            None,
            "the unrated stay last"
        );
    }

    #[test]
    fn sorting_by_a_number_leaves_missing_values_last_both_ways() {
        let (_, entries) = entries();
        for descending in [false, true] {
            let sorted = arranged(
                &entries,
                &ScorecardFilter::default(),
                SortColumn::Current,
                descending,
            );
            let values: Vec<Option<f64>> = sorted.iter().map(|e| e.value).collect();
            let first_missing = values
                .iter()
                .position(Option::is_none)
                .unwrap_or(values.len());
            assert!(values[first_missing..].iter().all(Option::is_none));
            let present: Vec<f64> = values[..first_missing].iter().map(|v| v.unwrap()).collect();
            assert!(present.windows(2).all(|w| if descending {
                w[0] >= w[1]
            } else {
                w[0] <= w[1]
            }));
        }
    }

    #[test]
    fn the_summary_counts_every_entry_once() {
        let (_, entries) = entries();
        let all: Vec<&DetachedRow> = entries.iter().collect();
        let summary = summarise(&all);
        assert_eq!(summary.now.total(), entries.len());
        assert_eq!(
            summary.needs_action_plan,
            entries.iter().filter(|e| e.needs_action_plan).count()
        );
        assert!(summary.now.overridden >= 1, "the demo has overrides");
        assert!(summary.previous.rated() > 0);
    }
}
