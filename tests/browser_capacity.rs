//! Browser test of how much the browser's local storage holds: the 1,000-KPI, five-year workspace (every
//! value with commentary) is saved with its restore point and read back whole, and the space left beside it
//! is measured, so the README's statement of the largest workspace that fits rests on a measurement.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{save_as_another_tab, storage};
use chrono::Utc;
use pmf::demo::scaled_workspace;
use pmf::storage::local::BrowserStore;
use pmf::storage::session::Session;
use pmf::storage::stored_workspace::{Loaded, Synced, TabCopy, WORKSPACE_KEY, load};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The most UTF-16 code units (of the kind packing writes) that `set_item` accepts under a fresh key.
fn room_left() -> usize {
    let probe = "council-pmf.capacity-probe";
    let (mut fits, mut fails) = (0usize, 64 * 1024 * 1024);
    while fails - fits > 1024 {
        let middle = (fits + fails) / 2;
        if storage()
            .set_item(probe, &"\u{0800}".repeat(middle))
            .is_ok()
        {
            fits = middle;
        } else {
            fails = middle;
        }
        storage().remove_item(probe).unwrap();
    }
    fits
}

#[wasm_bindgen_test]
fn a_thousand_kpis_with_five_years_of_monthly_commentary_fit_twice_over() {
    storage().clear().unwrap();
    let today = Utc::now().date_naive();
    let workspace = scaled_workspace(1_000, 60, today);
    assert!(workspace.kpis.len() >= 1_000);
    let mut session = Session::with_restore_point(workspace.clone(), Some(workspace.clone()));
    let saved = save_as_another_tab(&mut session);
    assert!(
        matches!(
            saved,
            Synced::Saved {
                restore_point_kept: true,
                ..
            }
        ),
        "the workspace and its restore point are saved: {saved:?}"
    );
    let Ok(Loaded::Workspace(loaded)) = load(&mut BrowserStore, &mut TabCopy::new()) else {
        panic!("the saved workspace loads");
    };
    assert!(
        *loaded.current() == workspace,
        "the workspace reads back whole"
    );
    assert!(
        loaded.restore_point() == Some(&workspace),
        "the restore point reads back whole"
    );
    let text = storage().get_item(WORKSPACE_KEY).unwrap().unwrap();
    let used = 2 * text.encode_utf16().count();
    let left = room_left();
    storage().clear().unwrap();
    console_log!(
        "1,000 KPIs x 60 months: {} code units each for the workspace and its restore point; {} more fit \
         beside them; the workspace alone uses {:.0}% of the {} units this browser holds",
        used / 2,
        left,
        100.0 * (used / 2) as f64 / (used + left) as f64,
        used + left
    );
    assert!(left > 0);
}
