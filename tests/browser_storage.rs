//! Browser tests of local storage: first visit, autosave, unreadable data kept aside, a full quota and a
//! change from another tab. Each test starts from empty storage.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{mount_app_at, sleep, storage};
use pmf::demo::DEMO_COUNCIL_NAME;
use pmf::storage::local::{RECOVERY_KEY, WORKSPACE_KEY};
use pmf::storage::restore::restore;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Longer than the autosave delay.
const AFTER_AUTOSAVE_MS: i32 = 700;

#[wasm_bindgen_test]
async fn a_first_visit_opens_the_demo_and_saves_it() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    assert_eq!(app.text_of("[data-testid=council-name]"), DEMO_COUNCIL_NAME);
    sleep(AFTER_AUTOSAVE_MS).await;
    let saved = storage()
        .get_item(WORKSPACE_KEY)
        .unwrap()
        .expect("the workspace is saved");
    let restored = restore(saved.as_bytes()).expect("what is saved reads back");
    assert_eq!(restored.workspace.framework.council_name, DEMO_COUNCIL_NAME);
}

#[wasm_bindgen_test]
async fn unreadable_saved_data_is_kept_aside_and_never_overwritten() {
    storage().clear().unwrap();
    let broken = "{\"format\": \"council-pmf-workspace\", \"schema_version\": 1, \"workspace\": {\"kpis\": [";
    storage().set_item(WORKSPACE_KEY, broken).unwrap();
    let app = mount_app_at("/data").await;
    assert!(
        app.text_of("[data-testid=startup-notice]")
            .contains("could not be read")
    );
    assert!(
        app.find("[data-testid=kept-aside]").is_some(),
        "the Data page offers the kept data"
    );
    sleep(AFTER_AUTOSAVE_MS).await;
    assert_eq!(
        storage().get_item(RECOVERY_KEY).unwrap().as_deref(),
        Some(broken)
    );
    let saved = storage().get_item(WORKSPACE_KEY).unwrap().unwrap();
    assert!(
        restore(saved.as_bytes()).is_ok(),
        "the app saves a readable workspace again"
    );
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_and_the_work_stays_on_the_page() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    app.click("[data-testid=start-empty]").await;
    sleep(AFTER_AUTOSAVE_MS).await;
    let small = storage().get_item(WORKSPACE_KEY).unwrap().unwrap();
    // Fill what is left of the quota, in blocks of shrinking size.
    let mut filler = 0;
    for size in [1 << 20, 1 << 16, 1 << 10] {
        let block = "x".repeat(size);
        while storage()
            .set_item(&format!("filler-{filler}"), &block)
            .is_ok()
        {
            filler += 1;
            assert!(filler < 1000, "the quota never filled");
        }
    }
    // The demo council is far larger than the empty workspace it replaces, so it cannot be saved.
    app.click("[data-testid=reset-demo]").await;
    sleep(AFTER_AUTOSAVE_MS).await;
    let message = app
        .find("[data-testid=save-failed]")
        .map(|banner| banner.text_content().unwrap_or_default());
    let stored = storage().get_item(WORKSPACE_KEY).unwrap();
    storage().clear().unwrap();
    let message = message.expect("a full storage is reported");
    assert!(
        message.contains("storage for this site is full"),
        "{message}"
    );
    assert_eq!(
        app.text_of("[data-testid=council-name]"),
        DEMO_COUNCIL_NAME,
        "the change is kept on the page"
    );
    assert_eq!(
        stored.as_deref(),
        Some(small.as_str()),
        "the saved copy is left whole, not half-written"
    );
}

#[wasm_bindgen_test]
async fn a_change_from_another_tab_pauses_saving_here() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    sleep(AFTER_AUTOSAVE_MS).await;
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(WORKSPACE_KEY));
    init.set_new_value(Some("written by another tab"));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(event.unchecked_ref())
        .unwrap();
    leptos::task::tick().await;
    assert!(
        app.text_of("[data-testid=changed-elsewhere]")
            .contains("changed in another tab")
    );
    app.click("[data-testid=start-empty]").await;
    sleep(AFTER_AUTOSAVE_MS).await;
    let saved = storage().get_item(WORKSPACE_KEY).unwrap().unwrap();
    let restored = restore(saved.as_bytes()).unwrap();
    assert_eq!(
        restored.workspace.framework.council_name, DEMO_COUNCIL_NAME,
        "this tab's edit was not saved over the other tab's"
    );
}
