//! One stable sort for the whole app.
//!
//! Every `sort_by` on a new element type or with a new comparator compiles its own copy of the standard
//! library's sort (driftsort with its quicksort and small-sort parts: several kilobytes each in the browser's
//! download; 33 copies were measured in the release module). These methods sort the items' positions through
//! one copy, comparing the items through a reference to the comparator, then move the items into that order by
//! following the permutation's cycles. The order is the standard library's stable order.

use std::cmp::Ordering;

/// Stable sorting through the one shared sort routine.
pub trait SharedSort<T> {
    /// Sorts stably by `compare`, as `slice::sort_by` does.
    fn shared_sort_by(&mut self, compare: impl Fn(&T, &T) -> Ordering);

    /// Sorts stably by `key`, as `slice::sort_by_key` does.
    fn shared_sort_by_key<K: Ord>(&mut self, key: impl Fn(&T) -> K);

    /// Sorts stably by `key`, working each item's key out once, as `slice::sort_by_cached_key` does.
    fn shared_sort_by_cached_key<K: Ord>(&mut self, key: impl Fn(&T) -> K);

    /// Sorts stably in the items' own order, as `slice::sort` does.
    fn shared_sort(&mut self)
    where
        T: Ord;
}

impl<T> SharedSort<T> for [T] {
    fn shared_sort_by(&mut self, compare: impl Fn(&T, &T) -> Ordering) {
        let order = sorted_positions(self.len(), &|a, b| compare(&self[a], &self[b]));
        permute(self, &order);
    }

    fn shared_sort_by_key<K: Ord>(&mut self, key: impl Fn(&T) -> K) {
        self.shared_sort_by(|a, b| key(a).cmp(&key(b)));
    }

    fn shared_sort_by_cached_key<K: Ord>(&mut self, key: impl Fn(&T) -> K) {
        let keys: Vec<K> = self.iter().map(key).collect();
        let order = sorted_positions(self.len(), &|a, b| keys[a].cmp(&keys[b]));
        permute(self, &order);
    }

    fn shared_sort(&mut self)
    where
        T: Ord,
    {
        self.shared_sort_by(T::cmp);
    }
}

/// The positions `0..n` in stable sorted order under `compare` (which compares the items at two positions):
/// the one place the standard library's sort is compiled for.
fn sorted_positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Puts `items` in `order` (position `i` takes the item that was at `order[i]`), swapping along each cycle.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        if placed[start] {
            continue;
        }
        let mut at = start;
        loop {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        pairs.shared_sort_by_key(|p| p.0);
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn every_way_agrees_with_the_standard_librarys_stable_sort() {
        // A fixed scramble with repeats, long enough for several permutation cycles.
        let items: Vec<(u8, usize)> = (0..200).map(|i| (((i * 37) % 11) as u8, i)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|p| p.0);
        let mut by_key = items.clone();
        by_key.shared_sort_by_key(|p| p.0);
        let mut by = items.clone();
        by.shared_sort_by(|a, b| a.0.cmp(&b.0));
        let mut cached = items.clone();
        cached.shared_sort_by_cached_key(|p| p.0);
        assert_eq!(by_key, expected);
        assert_eq!(by, expected);
        assert_eq!(cached, expected);
        let mut plain: Vec<String> = ["pear", "apple", "fig", "apple"].map(String::from).to_vec();
        plain.shared_sort();
        assert_eq!(plain, ["apple", "apple", "fig", "pear"]);
    }
}
