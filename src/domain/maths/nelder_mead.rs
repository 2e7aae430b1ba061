//! The Nelder–Mead downhill simplex: minimises a function of a few unbounded variables without
//! derivatives. Used to fit the forecasting models' smoothing parameters (see `forecast::fit`).
//!
//! The standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½) of Nelder and Mead
//! (1965), as Lagarias et al. (1998) state them; the search stops when the simplex's values agree within
//! `tolerance` or after `max_evaluations` calls of the function.

/// Where the search ended: the best point found and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Minimum {
    /// The best point.
    pub point: Vec<f64>,
    /// The function's value there.
    pub value: f64,
}

/// How long the search may run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchLimits {
    /// The first simplex's step along each axis from the start.
    pub step: f64,
    /// Stop when the worst and best values differ by no more than this (absolute, plus the same
    /// relative to the best).
    pub tolerance: f64,
    /// Stop after this many calls of the function.
    pub max_evaluations: usize,
}

/// Minimises `f` from `start`. A non-finite value counts as worse than any finite one, so `f` may
/// return `f64::INFINITY` for points it refuses.
pub fn minimise(f: impl Fn(&[f64]) -> f64, start: &[f64], limits: SearchLimits) -> Minimum {
    let n = start.len();
    let value_of = |point: &[f64]| {
        let value = f(point);
        if value.is_finite() {
            value
        } else {
            f64::INFINITY
        }
    };
    let mut simplex: Vec<(Vec<f64>, f64)> = Vec::with_capacity(n + 1);
    simplex.push((start.to_vec(), value_of(start)));
    for axis in 0..n {
        let mut point = start.to_vec();
        point[axis] += limits.step;
        let value = value_of(&point);
        simplex.push((point, value));
    }
    let mut evaluations = n + 1;
    let mut centroid = vec![0.0; n];
    let along = |from: &[f64], to: &[f64], factor: f64| -> Vec<f64> {
        from.iter()
            .zip(to)
            .map(|(a, b)| a + factor * (b - a))
            .collect()
    };
    while evaluations < limits.max_evaluations {
        let (best_at, second_worst_at, worst_at) = ranks(&simplex);
        let best = simplex[best_at].1;
        let worst = simplex[worst_at].1;
        if (worst - best).abs() <= limits.tolerance * (1.0 + best.abs()) {
            break;
        }
        centroid.iter_mut().for_each(|c| *c = 0.0);
        for (point, _) in simplex
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != worst_at)
            .map(|(_, vertex)| vertex)
        {
            for (c, x) in centroid.iter_mut().zip(point) {
                *c += x / n as f64;
            }
        }
        let second_worst = simplex[second_worst_at].1;
        // Reflect the worst point through the centroid of the others.
        let reflected = along(&centroid, &simplex[worst_at].0, -1.0);
        let reflected_value = value_of(&reflected);
        evaluations += 1;
        if reflected_value < best {
            let expanded = along(&centroid, &simplex[worst_at].0, -2.0);
            let expanded_value = value_of(&expanded);
            evaluations += 1;
            simplex[worst_at] = if expanded_value < reflected_value {
                (expanded, expanded_value)
            } else {
                (reflected, reflected_value)
            };
            continue;
        }
        if reflected_value < second_worst {
            simplex[worst_at] = (reflected, reflected_value);
            continue;
        }
        // Contract towards the better of the worst point and its reflection.
        let (toward, toward_value) = if reflected_value < worst {
            (reflected, reflected_value)
        } else {
            (simplex[worst_at].0.clone(), worst)
        };
        let contracted = along(&centroid, &toward, 0.5);
        let contracted_value = value_of(&contracted);
        evaluations += 1;
        if contracted_value < toward_value {
            simplex[worst_at] = (contracted, contracted_value);
            continue;
        }
        // Shrink every point towards the best.
        let best_point = simplex[best_at].0.clone();
        for (i, (point, value)) in simplex.iter_mut().enumerate() {
            if i != best_at {
                *point = along(&best_point, point, 0.5);
                *value = value_of(point);
            }
        }
        evaluations += n;
    }
    let (best_at, _, _) = ranks(&simplex);
    let (point, value) = simplex.swap_remove(best_at);
    Minimum { point, value }
}

/// The positions of the best, the second-worst and the worst vertex (ties: the earliest is better), found
/// by one pass rather than a sort (a sort's code is large in the browser's download).
fn ranks(simplex: &[(Vec<f64>, f64)]) -> (usize, usize, usize) {
    let mut best = 0;
    let mut worst = 0;
    for (i, (_, value)) in simplex.iter().enumerate() {
        if *value < simplex[best].1 {
            best = i;
        }
        if *value >= simplex[worst].1 {
            worst = i;
        }
    }
    let mut second_worst = best;
    for (i, (_, value)) in simplex.iter().enumerate() {
        if i != worst && *value >= simplex[second_worst].1 {
            second_worst = i;
        }
    }
    (best, second_worst, worst)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: SearchLimits = SearchLimits {
        step: 0.5,
        tolerance: 1e-12,
        max_evaluations: 2_000,
    };

    #[test]
    fn it_finds_the_bottom_of_a_bowl() {
        // (x − 3)² + 2(y + 1)² is least, 0, at (3, −1).
        let bowl = |p: &[f64]| (p[0] - 3.0).powi(2) + 2.0 * (p[1] + 1.0).powi(2);
        let found = minimise(bowl, &[0.0, 0.0], LIMITS);
        assert!((found.point[0] - 3.0).abs() < 1e-4, "{:?}", found.point);
        assert!((found.point[1] + 1.0).abs() < 1e-4, "{:?}", found.point);
        assert!(found.value < 1e-8);
    }

    #[test]
    fn it_finds_the_rosenbrock_valley_floor() {
        // Rosenbrock's banana: (1 − x)² + 100(y − x²)², least at (1, 1).
        let banana = |p: &[f64]| (1.0 - p[0]).powi(2) + 100.0 * (p[1] - p[0] * p[0]).powi(2);
        let found = minimise(banana, &[-1.2, 1.0], LIMITS);
        assert!((found.point[0] - 1.0).abs() < 1e-3, "{:?}", found.point);
        assert!((found.point[1] - 1.0).abs() < 1e-3, "{:?}", found.point);
    }

    #[test]
    fn refused_points_are_avoided() {
        // x² refused below x = 1: the least allowed value is at the boundary.
        let walled = |p: &[f64]| if p[0] < 1.0 { f64::NAN } else { p[0] * p[0] };
        let found = minimise(walled, &[4.0], LIMITS);
        assert!(
            found.point[0] >= 1.0 && found.point[0] < 1.01,
            "{:?}",
            found.point
        );
    }
}
