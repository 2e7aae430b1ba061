//! A page's view kept in the address: read from the query string, and written back so a copied link opens the
//! same view and Back undoes a choice. A choice (a filter, a sort, a scope, a period, a node) adds a history
//! entry; typing in a search box replaces the current one (no entry per keystroke). Neither jumps to the top.

use crate::domain::basics::shared_sort::SharedSort;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::ui::address::query::parse_query;

/// The query parameter every page's search box writes.
const SEARCH: &str = "q";

/// Whether going from the query `from` to the query `to` changes only the search typed.
fn only_search_changes(from: &str, to: &str) -> bool {
    let without_search = |query: &str| {
        let mut pairs: Vec<(String, String)> = parse_query(query)
            .into_iter()
            .filter(|(key, _)| key != SEARCH)
            .collect();
        pairs.shared_sort();
        pairs
    };
    without_search(from) == without_search(to)
}

/// The view read from the address by `from_query`, and a callback that puts a new view at `href(view)`.
pub fn use_address_state<T>(
    from_query: fn(&str) -> T,
    href: fn(&T) -> String,
) -> (Memo<T>, Callback<T>)
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let location = use_location();
    let navigate = use_navigate();
    let view = Memo::new(move |_| from_query(&location.search.get()));
    let apply = Callback::new(move |next: T| {
        let target = href(&next);
        let query = target.split_once('?').map_or("", |(_, query)| query);
        let current = location.search.get_untracked();
        navigate(
            &target,
            NavigateOptions {
                replace: only_search_changes(current.trim_start_matches('?'), query),
                scroll: false,
                ..Default::default()
            },
        );
    });
    (view, apply)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_a_search_replaces_and_any_other_choice_adds_to_history() {
        assert!(only_search_changes("rag=red&q=car", "rag=red&q=care"));
        assert!(only_search_changes("", "q=c"));
        assert!(!only_search_changes("rag=red", "rag=amber"));
        assert!(!only_search_changes("q=care", "q=care&sort=rag"));
        assert!(
            only_search_changes("sort=rag&rag=red", "rag=red&sort=rag"),
            "order does not matter"
        );
    }
}
