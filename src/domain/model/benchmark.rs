//! Benchmarking against a comparator group (the 2020 PMF refresh and the Cambridgeshire PMF; CIPFA nearest neighbours, regional and
//! national figures, LG Inform).
//!
//! Rank: 1 is best, read through the direction for improvement; tied values share the better rank
//! ("1, 2, 2, 4"). Quartile by rank: rank r of n is in quartile ⌈4r / n⌉, so quartile 1 is the best quarter.
//! The group's quartile values use linear interpolation between closest ranks, as Excel's QUARTILE.INC,
//! so an officer can reproduce them in a spreadsheet.

use crate::domain::basics::shared_sort::SharedSort;
use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::maths::rag::Polarity;

/// One authority's value of a KPI in a comparator group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkValue {
    /// The KPI it compares with.
    pub kpi: KpiId,
    /// The period of the value.
    pub period: Period,
    /// The comparator group, e.g. "CIPFA nearest neighbours".
    pub group: String,
    /// The authority, e.g. "Suffolk".
    pub authority: String,
    /// Its value.
    pub value: f64,
}

/// Where the council stands in its comparator group.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BenchmarkPosition {
    /// 1 is best.
    pub rank: usize,
    /// How many authorities, the council included.
    pub of: usize,
    /// 1 is the best quarter, 4 the worst.
    pub quartile: u8,
    /// The group's median (the council included).
    pub median: f64,
    /// The group's lower quartile value (25th percentile, QUARTILE.INC).
    pub lower_quartile: f64,
    /// The group's upper quartile value (75th percentile, QUARTILE.INC).
    pub upper_quartile: f64,
}

/// The council's position given its value and the other authorities' values. `None` for a maintain KPI
/// (no better direction) or non-finite values.
pub fn position(ours: f64, others: &[f64], polarity: Polarity) -> Option<BenchmarkPosition> {
    if polarity == Polarity::Maintain || !ours.is_finite() || others.iter().any(|v| !v.is_finite())
    {
        return None;
    }
    let better = |value: f64| match polarity {
        Polarity::HigherIsBetter => value > ours,
        _ => value < ours,
    };
    let rank = 1 + others.iter().filter(|v| better(**v)).count();
    let of = others.len() + 1;
    let quartile = (4 * rank).div_ceil(of) as u8;
    let mut all: Vec<f64> = others.to_vec();
    all.push(ours);
    all.shared_sort_by(f64::total_cmp);
    Some(BenchmarkPosition {
        rank,
        of,
        quartile,
        median: percentile_inclusive(&all, 0.5),
        lower_quartile: percentile_inclusive(&all, 0.25),
        upper_quartile: percentile_inclusive(&all, 0.75),
    })
}

/// The `p` percentile of sorted values by linear interpolation between closest ranks (QUARTILE.INC).
fn percentile_inclusive(sorted: &[f64], p: f64) -> f64 {
    let position = p * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    sorted[below] + (position - below as f64) * (sorted[above] - sorted[below])
}

/// The council beside its comparator group at the latest period the group has values for.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchmarkComparison {
    /// The period compared.
    pub period: Period,
    /// The comparator group ("CIPFA nearest neighbours").
    pub group: String,
    /// The council's value.
    pub ours: f64,
    /// Every other authority and its value, best first.
    pub others: Vec<(String, f64)>,
    /// Where the council stands.
    pub position: BenchmarkPosition,
}

/// The comparison for a KPI of `polarity` from its `benchmarks` (any order), with `ours_at` giving the
/// council's own value for a period. `None` without benchmark values, without our value for their latest
/// period, or for a maintain KPI.
pub fn latest_comparison(
    benchmarks: &[&BenchmarkValue],
    polarity: Polarity,
    ours_at: impl Fn(Period) -> Option<f64>,
) -> Option<BenchmarkComparison> {
    let period = benchmarks.iter().map(|b| b.period).max()?;
    let group = benchmarks
        .iter()
        .filter(|b| b.period == period)
        .map(|b| b.group.clone())
        .min()?;
    let mut others: Vec<(String, f64)> = benchmarks
        .iter()
        .filter(|b| b.period == period && b.group == group)
        .map(|b| (b.authority.clone(), b.value))
        .collect();
    let ours = ours_at(period)?;
    let values: Vec<f64> = others.iter().map(|(_, v)| *v).collect();
    let position = position(ours, &values, polarity)?;
    others.shared_sort_by(|a, b| match polarity {
        Polarity::LowerIsBetter => a.1.total_cmp(&b.1),
        _ => b.1.total_cmp(&a.1),
    });
    Some(BenchmarkComparison {
        period,
        group,
        ours,
        others,
        position,
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_latest_comparison_uses_the_newest_period_and_sorts_best_first() {
        let value = |period: &str, authority: &str, value: f64| BenchmarkValue {
            kpi: KpiId::new("k").unwrap(),
            period: Period::parse(period).unwrap(),
            group: "Neighbours".to_owned(),
            authority: authority.to_owned(),
            value,
        };
        let all = [
            value("2024/25 Q4", "Old", 99.0),
            value("2025/26 Q4", "A", 70.0),
            value("2025/26 Q4", "B", 90.0),
            value("2025/26 Q4", "C", 80.0),
        ];
        let refs: Vec<&BenchmarkValue> = all.iter().collect();
        let comparison =
            latest_comparison(&refs, Polarity::HigherIsBetter, |_| Some(85.0)).unwrap();
        assert_eq!(comparison.period.to_string(), "Q4 2025/26");
        assert_eq!(
            comparison
                .others
                .iter()
                .map(|(a, _)| a.as_str())
                .collect::<Vec<_>>(),
            ["B", "C", "A"]
        );
        assert_eq!((comparison.position.rank, comparison.position.of), (2, 4));
        assert!(latest_comparison(&refs, Polarity::HigherIsBetter, |_| None).is_none());
        assert!(latest_comparison(&[], Polarity::HigherIsBetter, |_| Some(1.0)).is_none());
    }

    use super::*;

    const NEIGHBOURS: [f64; 15] = [
        61.0, 64.5, 66.0, 67.2, 68.0, 69.9, 70.0, 71.3, 72.0, 73.5, 74.1, 75.0, 77.8, 79.0, 82.4,
    ];

    #[test]
    fn rank_and_quartile_among_fifteen_nearest_neighbours() {
        let found = position(74.0, &NEIGHBOURS, Polarity::HigherIsBetter).unwrap();
        // Five neighbours are higher: rank 6 of 16, quartile ⌈24 / 16⌉ = 2.
        assert_eq!((found.rank, found.of, found.quartile), (6, 16, 2));
        // 16 values; the median is the mean of the 8th and 9th: (71.3 + 72.0) / 2.
        assert!((found.median - 71.65).abs() < 1e-9);
        // QUARTILE.INC: position 0.25 × 15 = 3.75 → 67.2 + 0.75 × (68.0 − 67.2) = 67.8.
        assert!((found.lower_quartile - 67.8).abs() < 1e-9);
    }

    #[test]
    fn lower_is_better_reverses_the_rank() {
        let found = position(74.0, &NEIGHBOURS, Polarity::LowerIsBetter).unwrap();
        assert_eq!((found.rank, found.quartile), (11, 3));
    }

    #[test]
    fn ties_share_the_better_rank() {
        let found = position(70.0, &[70.0, 80.0], Polarity::HigherIsBetter).unwrap();
        assert_eq!(found.rank, 2);
    }

    #[test]
    fn the_best_and_worst_are_in_quartiles_one_and_four() {
        assert_eq!(
            position(90.0, &NEIGHBOURS, Polarity::HigherIsBetter)
                .unwrap()
                .quartile,
            1
        );
        assert_eq!(
            position(10.0, &NEIGHBOURS, Polarity::HigherIsBetter)
                .unwrap()
                .quartile,
            4
        );
        assert_eq!(position(10.0, &NEIGHBOURS, Polarity::Maintain), None);
    }
}
