//! Run-chart rules for short series (Anhøj), used instead of SPC below about 13 points.
//!
//! With n useful observations (points not on the median):
//! - an unusually long run: the longest run on one side of the median is longer than round(log₂(n) + 3);
//! - unusually few crossings: the median is crossed fewer times than the 5th percentile of
//!   Binomial(n − 1, 0.5).
//!
//! Either signal means non-random variation.

use crate::domain::basics::stats::median;

/// The run-chart analysis of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct RunChart {
    /// The centre line.
    pub median: f64,
    /// Points not on the median.
    pub useful_points: usize,
    /// The longest run of useful points on one side of the median.
    pub longest_run: usize,
    /// The longest run expected by chance: round(log₂(n) + 3).
    pub longest_run_limit: usize,
    /// How many times consecutive useful points cross the median.
    pub crossings: usize,
    /// The fewest crossings expected by chance: the 5th percentile of Binomial(n − 1, 0.5).
    pub crossings_limit: usize,
}

impl RunChart {
    /// Analyses `values` (oldest first, all finite); `None` with no finite values.
    pub fn analyse(values: &[f64]) -> Option<Self> {
        let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        let median = median(&finite)?;
        let sides: Vec<bool> = finite
            .iter()
            .filter(|v| **v != median)
            .map(|v| *v > median)
            .collect();
        let useful_points = sides.len();
        let mut longest_run = usize::from(useful_points > 0);
        let mut current_run = longest_run;
        let mut crossings = 0;
        for pair in sides.windows(2) {
            if pair[0] == pair[1] {
                current_run += 1;
                longest_run = longest_run.max(current_run);
            } else {
                crossings += 1;
                current_run = 1;
            }
        }
        Some(Self {
            median,
            useful_points,
            longest_run,
            longest_run_limit: longest_run_limit(useful_points),
            crossings,
            crossings_limit: crossings_limit(useful_points),
        })
    }

    /// An unusually long run on one side of the median.
    pub fn has_long_run(&self) -> bool {
        self.useful_points > 0 && self.longest_run > self.longest_run_limit
    }

    /// Unusually few crossings of the median.
    pub fn has_few_crossings(&self) -> bool {
        self.useful_points > 1 && self.crossings < self.crossings_limit
    }

    /// Whether either rule finds non-random variation.
    pub fn has_signal(&self) -> bool {
        self.has_long_run() || self.has_few_crossings()
    }
}

/// round(log₂(n) + 3), the longest run expected by chance in `n` useful points.
pub fn longest_run_limit(n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    ((n as f64).log2() + 3.0).round() as usize
}

/// The 5th percentile of Binomial(n − 1, 0.5): the fewest crossings expected by chance in `n` useful points.
pub fn crossings_limit(n: usize) -> usize {
    if n < 2 {
        return 0;
    }
    let trials = n - 1;
    // Sum the probabilities in log space: 0.5^trials underflows beyond about 1,000 trials.
    let mut log_probability = trials as f64 * 0.5f64.ln();
    let mut cumulative = 0.0;
    for k in 0..=trials {
        cumulative += log_probability.exp();
        if cumulative >= 0.05 {
            return k;
        }
        log_probability += ((trials - k) as f64).ln() - ((k + 1) as f64).ln();
    }
    trials
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_match_anhoej_published_table() {
        // Anhøj & Olesen (2014), table 1: n → (longest run, fewest crossings).
        for (n, run, crossings) in [
            (10, 6, 2),
            (12, 7, 3),
            (20, 7, 6),
            (24, 8, 8),
            (30, 8, 10),
            (40, 8, 14),
        ] {
            assert_eq!(longest_run_limit(n), run, "longest run for n = {n}");
            assert_eq!(crossings_limit(n), crossings, "crossings for n = {n}");
        }
    }

    #[test]
    fn a_random_looking_series_has_no_signal() {
        let chart =
            RunChart::analyse(&[5.0, 7.0, 4.0, 6.0, 8.0, 3.0, 6.0, 4.0, 7.0, 5.0, 6.0, 4.0])
                .unwrap();
        assert!(!chart.has_signal(), "{chart:?}");
    }

    #[test]
    fn a_long_run_above_the_median_is_a_signal() {
        let lows = [1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0];
        let highs = [8.0, 9.0, 8.0, 9.0, 8.0, 9.0, 8.0, 9.0];
        let chart = RunChart::analyse(&[lows, highs].concat()).unwrap();
        // Median 5; runs of 8 against a limit of round(log2(16) + 3) = 7.
        assert_eq!(
            (chart.median, chart.longest_run, chart.longest_run_limit),
            (5.0, 8, 7)
        );
        assert!(chart.has_long_run());
    }

    #[test]
    fn points_on_the_median_are_not_useful() {
        let chart = RunChart::analyse(&[1.0, 5.0, 5.0, 5.0, 9.0]).unwrap();
        assert_eq!(
            (chart.median, chart.useful_points, chart.crossings),
            (5.0, 2, 1)
        );
    }

    #[test]
    fn few_crossings_are_a_signal() {
        let values = [1.0, 1.5, 2.0, 1.0, 1.5, 2.0, 8.0, 9.0, 8.5, 9.0, 8.0, 9.5];
        let chart = RunChart::analyse(&values).unwrap();
        assert_eq!(chart.crossings, 1);
        assert!(chart.has_few_crossings());
    }

    #[test]
    fn large_series_do_not_underflow() {
        assert!(crossings_limit(5000) > 2400);
    }
}
