//! A date with the "Overdue" flag beside it when it has passed: how every table shows an action's due date or a
//! risk's next review.

use leptos::prelude::*;

/// `date` in words, flagged "Overdue" when `overdue`; `test_id` names the flag for tests.
pub fn dated(date: String, overdue: bool, test_id: Option<&'static str>) -> AnyView {
    view! {
        {date}
        {overdue.then(|| view! { " " <span class="app-flag" data-testid=test_id>"Overdue"</span> })}
    }
    .into_any()
}
