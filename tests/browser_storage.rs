//! Browser tests of local storage: first visit, autosave, unreadable data kept aside, a full quota and a
//! change from another tab. Each test starts from empty storage.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{mount_app_at, saved_workspace, sleep, storage};
use pmf::demo::DEMO_COUNCIL_NAME;
use pmf::storage::local::{RECOVERY_KEY, RESTORE_POINT_KEY, WORKSPACE_KEY};
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
    let saved = saved_workspace(WORKSPACE_KEY).expect("what is saved reads back");
    assert_eq!(saved.framework.council_name, DEMO_COUNCIL_NAME);
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
    assert!(
        saved_workspace(WORKSPACE_KEY).is_ok(),
        "the app saves a readable workspace again"
    );
}

/// Fills what is left of the storage quota, in blocks of shrinking size, to within a character.
fn fill_storage() {
    let mut filler = 0;
    // Down to single characters, so the room left is smaller than anything the app writes.
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1 << 4, 1] {
        let block = "x".repeat(size);
        while storage()
            .set_item(&format!("filler-{filler}"), &block)
            .is_ok()
        {
            filler += 1;
            assert!(filler < 1000, "the quota never filled");
        }
    }
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_and_the_work_stays_on_the_page() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    app.click("[data-testid=start-empty]").await;
    sleep(AFTER_AUTOSAVE_MS).await;
    let small = storage().get_item(WORKSPACE_KEY).unwrap().unwrap();
    fill_storage();
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
    assert_eq!(
        saved_workspace(WORKSPACE_KEY)
            .unwrap()
            .framework
            .council_name,
        DEMO_COUNCIL_NAME,
        "this tab's edit was not saved over the other tab's"
    );
}

#[wasm_bindgen_test]
async fn with_no_room_for_the_undo_copy_the_work_is_saved_and_undo_still_works_on_the_page() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    sleep(AFTER_AUTOSAVE_MS).await;
    fill_storage();
    // The empty workspace frees less room than the demo council, now the undo copy, needs.
    app.click("[data-testid=start-empty]").await;
    sleep(AFTER_AUTOSAVE_MS).await;
    let banner = app
        .find("[data-testid=saved-without-undo]")
        .map(|banner| banner.text_content().unwrap_or_default());
    let saved = saved_workspace(WORKSPACE_KEY);
    let restore_point_left = storage().get_item(RESTORE_POINT_KEY).unwrap();
    app.click("[data-testid=undo-import]").await;
    let council_after_undo = app.text_of("[data-testid=council-name]");
    storage().clear().unwrap();
    assert!(
        banner.is_some_and(|text| text.contains("Undo last import works until you close")),
        "the missing undo copy is reported"
    );
    assert_eq!(
        saved.unwrap().framework.council_name,
        "Your council",
        "the work is saved"
    );
    assert_eq!(
        restore_point_left, None,
        "no stale undo copy is left behind"
    );
    assert_eq!(
        council_after_undo, DEMO_COUNCIL_NAME,
        "undo works on the page"
    );
}

#[wasm_bindgen_test]
async fn a_change_made_just_before_the_page_is_left_is_saved_as_it_goes() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    sleep(AFTER_AUTOSAVE_MS).await;
    app.click("[data-testid=start-empty]").await;
    let event = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    let saved = saved_workspace(WORKSPACE_KEY)
        .unwrap()
        .framework
        .council_name;
    sleep(AFTER_AUTOSAVE_MS).await;
    storage().clear().unwrap();
    assert_eq!(saved, "Your council", "saved at once, not 400 ms later");
}
