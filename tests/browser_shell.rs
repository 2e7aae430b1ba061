//! Browser tests of the app shell: header, navigation, routing, not-found page and the panic banner.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{document, mount_app_at, storage};
use pmf::demo::DEMO_COUNCIL_NAME;
use pmf::ui::area::Area;
use pmf::ui::browser::panic_banner::{PANIC_BANNER_ID, show_panic_banner};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn header_names_the_council_and_links_every_area() {
    storage().clear().unwrap();
    let app = mount_app_at("/").await;
    assert_eq!(app.text_of("[data-testid=council-name]"), DEMO_COUNCIL_NAME);
    assert_eq!(app.count("nav[aria-label=Main] a"), Area::ALL.len() as u32);
    for area in Area::ALL {
        let link = format!("[data-testid={}]", area.nav_test_id());
        assert_eq!(app.text_of(&link), area.label());
        assert_eq!(app.attribute_of(&link, "href"), Some(area.path()));
    }
}

#[wasm_bindgen_test]
async fn each_area_route_renders_its_heading_and_marks_its_link_current() {
    for area in Area::ALL {
        let app = mount_app_at(&area.path()).await;
        assert_eq!(
            app.text_of("[data-testid=page-heading]"),
            area.label(),
            "at {}",
            area.path()
        );
        assert_eq!(
            app.count("nav a[aria-current=page]"),
            1,
            "exactly one current link at {}",
            area.path()
        );
        let link = format!("[data-testid={}]", area.nav_test_id());
        assert_eq!(
            app.attribute_of(&link, "aria-current").as_deref(),
            Some("page")
        );
        assert!(
            document().title().starts_with(area.label()),
            "title {:?} at {}",
            document().title(),
            area.path()
        );
    }
}

#[wasm_bindgen_test]
async fn an_unknown_route_shows_page_not_found() {
    let app = mount_app_at("/no/such/page").await;
    assert_eq!(app.text_of("[data-testid=page-heading]"), "Page not found");
    assert_eq!(app.count("nav a[aria-current=page]"), 0);
}

#[wasm_bindgen_test]
fn the_panic_banner_shows_once_and_never_interprets_the_message_as_html() {
    let hostile = "<img src=x onerror=\"window.__pwned=1\"> explode";
    show_panic_banner(hostile);
    show_panic_banner("a second panic");

    let banners = document()
        .query_selector_all(&format!("#{PANIC_BANNER_ID}"))
        .unwrap();
    assert_eq!(banners.length(), 1);
    let banner = document().get_element_by_id(PANIC_BANNER_ID).unwrap();
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        banner
            .query_selector("pre")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        hostile
    );
    assert!(banner.query_selector("img").unwrap().is_none());
    banner.remove();
}
