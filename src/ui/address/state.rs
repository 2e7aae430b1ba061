//! A page's view kept in the address: read from the query string, and written back by replacing the current
//! history entry (no new entry per keystroke, no jump to the top), so a copied link opens the same view.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

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
        navigate(
            &href(&next),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
    (view, apply)
}
