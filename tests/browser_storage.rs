//! Browser tests of local storage: first visit, autosave, unreadable data kept aside, a full quota that
//! frees up again, and another tab's save taken up. Each test starts from empty storage and waits on
//! conditions, never for a fixed time.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{mount_app_at, save_as_another_tab, saved_workspace, storage, wait_until};
use pmf::demo::DEMO_COUNCIL_NAME;
use pmf::storage::session::Session;
use pmf::storage::stored_workspace::{
    RECOVERY_KEY, RESTORE_POINT_KEY, REVISION_KEY, WORKSPACE_KEY,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The council name saved in local storage, if a readable workspace is saved.
fn saved_council() -> Option<String> {
    saved_workspace(WORKSPACE_KEY)
        .ok()
        .map(|workspace| workspace.framework.council_name)
}

#[wasm_bindgen_test]
async fn a_first_visit_opens_the_demo_and_saves_it() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    assert_eq!(app.text_of("[data-testid=council-name]"), DEMO_COUNCIL_NAME);
    wait_until("the demo to be saved", || {
        saved_council().as_deref() == Some(DEMO_COUNCIL_NAME)
    })
    .await;
    wait_until("the header to say it is saved", || {
        app.text_of("[data-testid=save-state]") == "All changes saved"
    })
    .await;
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
    wait_until("a readable workspace to be saved again", || {
        saved_council().is_some()
    })
    .await;
    assert_eq!(
        storage().get_item(RECOVERY_KEY).unwrap().as_deref(),
        Some(broken)
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

/// Removes what [`fill_storage`] wrote.
fn free_storage() {
    let keys: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|key| key.starts_with("filler-"))
        .collect();
    for key in keys {
        storage().remove_item(&key).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_keeps_the_work_and_saves_it_once_space_is_freed() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    wait_until("the demo to be saved", || saved_council().is_some()).await;
    app.click("[data-testid=start-empty]").await;
    wait_until("the empty workspace to be saved", || {
        saved_council().as_deref() == Some("Your council")
    })
    .await;
    let small = storage().get_item(WORKSPACE_KEY).unwrap().unwrap();
    fill_storage();
    // The demo council is far larger than the empty workspace it replaces, so it cannot be saved.
    app.click("[data-testid=reset-demo]").await;
    wait_until("the failure to be reported", || {
        app.find("[data-testid=save-failed]").is_some()
    })
    .await;
    let message = app.text_of("[data-testid=save-failed]");
    let header = app.text_of("[data-testid=save-state]");
    let stored = storage().get_item(WORKSPACE_KEY).unwrap();
    let council = app.text_of("[data-testid=council-name]");
    free_storage();
    assert!(
        message.contains("storage for this site is full"),
        "{message}"
    );
    assert_eq!(header, "Not saved", "nothing says saved while it is not");
    assert_eq!(council, DEMO_COUNCIL_NAME, "the change is kept on the page");
    assert_eq!(
        stored.as_deref(),
        Some(small.as_str()),
        "the saved copy is left whole, not half-written"
    );
    // Space is free again: the app's own retry saves the change, with no further click.
    wait_until("the retry to save the demo", || {
        saved_council().as_deref() == Some(DEMO_COUNCIL_NAME)
    })
    .await;
    wait_until("the banner to go", || {
        app.find("[data-testid=save-failed]").is_none()
    })
    .await;
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn another_tabs_save_is_taken_up_by_a_tab_with_no_changes() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    wait_until("the demo to be saved", || saved_council().is_some()).await;
    // Another tab renames the council and saves.
    let mut elsewhere = Session::new(saved_workspace(WORKSPACE_KEY).unwrap());
    elsewhere.edit(|w| w.framework.council_name = "Renamed in another tab".to_owned());
    save_as_another_tab(&mut elsewhere);
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(REVISION_KEY));
    init.set_new_value(storage().get_item(REVISION_KEY).unwrap().as_deref());
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(event.unchecked_ref())
        .unwrap();
    wait_until("this tab to show the other tab's save", || {
        app.text_of("[data-testid=council-name]") == "Renamed in another tab"
    })
    .await;
    assert_eq!(
        saved_council().as_deref(),
        Some("Renamed in another tab"),
        "nothing was written back over it"
    );
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn with_no_room_for_the_undo_copy_the_work_is_saved_and_undo_still_works_on_the_page() {
    storage().clear().unwrap();
    let app = mount_app_at("/data").await;
    wait_until("the demo to be saved", || saved_council().is_some()).await;
    fill_storage();
    // The empty workspace frees less room than the demo council, now the undo copy, needs.
    app.click("[data-testid=start-empty]").await;
    wait_until("the missing undo copy to be reported", || {
        app.find("[data-testid=saved-without-undo]").is_some()
    })
    .await;
    let banner = app.text_of("[data-testid=saved-without-undo]");
    let saved = saved_council();
    let restore_point_left = storage().get_item(RESTORE_POINT_KEY).unwrap();
    app.click("[data-testid=undo-import]").await;
    let council_after_undo = app.text_of("[data-testid=council-name]");
    storage().clear().unwrap();
    assert!(
        banner.contains("Undo last import works until you close"),
        "{banner}"
    );
    assert_eq!(saved.as_deref(), Some("Your council"), "the work is saved");
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
    wait_until("the demo to be saved", || saved_council().is_some()).await;
    app.click("[data-testid=start-empty]").await;
    let event = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    let saved = saved_council();
    storage().clear().unwrap();
    assert_eq!(
        saved.as_deref(),
        Some("Your council"),
        "saved at once, not 400 ms later"
    );
}
