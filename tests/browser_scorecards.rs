//! Browser test of a large scorecard: with 1,000 KPIs the table draws 100 rows at a time and "Show more"
//! and "Show all" draw the rest.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{mount_app_at, save_as_another_tab, storage};
use chrono::Utc;
use pmf::demo::scaled_workspace;
use pmf::storage::session::Session;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_long_scorecard_draws_a_hundred_rows_at_a_time() {
    storage().clear().unwrap();
    let workspace = scaled_workspace(1_000, 7, Utc::now().date_naive());
    save_as_another_tab(&mut Session::new(workspace));
    let app = mount_app_at("/scorecards").await;
    let shown = app.text_of("[data-testid=summary-shown]");
    let rows = app.count("[data-testid=scorecard-row]");
    let drawn_note = app.text_of("[data-testid=rows-drawn]");
    app.click("[data-testid=show-more-rows]").await;
    let after_more = app.count("[data-testid=scorecard-row]");
    app.click("[data-testid=show-all-rows]").await;
    let after_all = app.count("[data-testid=scorecard-row]");
    storage().clear().unwrap();
    let total: u32 = shown
        .split_whitespace()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count in {shown:?}"));
    assert!(total > 200, "{shown}");
    assert_eq!(rows, 100);
    assert_eq!(
        drawn_note,
        format!("The first 100 of {total} rows are shown.")
    );
    assert_eq!(after_more, 200);
    assert_eq!(after_all, total);
}
