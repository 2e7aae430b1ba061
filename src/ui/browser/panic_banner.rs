//! A panic hook that replaces a frozen page with a visible, plain-English error banner.

use std::panic::PanicHookInfo;
use wasm_bindgen::JsCast;

/// The `id` of the banner element, so it is shown once however many panics follow.
pub const PANIC_BANNER_ID: &str = "app-panic-banner";

/// Installs the hook: every panic is logged to the console and announced in a banner.
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo| {
        let details = info.to_string();
        web_sys::console::error_1(&details.clone().into());
        show_panic_banner(&details);
    }));
}

/// Puts the error banner at the top of the page (once), with the technical details folded away.
///
/// Text is set with `textContent`, never parsed as HTML: the message may quote user data.
pub fn show_panic_banner(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(PANIC_BANNER_ID).is_some() {
        return;
    }
    let Some(body) = document.body() else {
        return;
    };
    let build = || -> Result<web_sys::Element, wasm_bindgen::JsValue> {
        let banner = document.create_element("div")?;
        banner.set_id(PANIC_BANNER_ID);
        banner.set_class_name("app-panic-banner");
        banner.set_attribute("role", "alert")?;
        banner.set_attribute("data-testid", "panic-banner")?;

        let heading = document.create_element("h2")?;
        heading.set_text_content(Some("Something went wrong and the app has stopped"));
        let advice = document.create_element("p")?;
        advice.set_text_content(Some(
            "Work saved before this moment is kept in this browser. Reload the page to carry on. \
             If it happens again, export your data from the Data page and report the details below.",
        ));
        let fold = document.create_element("details")?;
        let summary = document.create_element("summary")?;
        summary.set_text_content(Some("Technical details"));
        let pre = document.create_element("pre")?;
        pre.set_text_content(Some(details));
        fold.append_child(&summary)?;
        fold.append_child(&pre)?;

        banner.append_child(&heading)?;
        banner.append_child(&advice)?;
        banner.append_child(&fold)?;
        Ok(banner)
    };
    if let Ok(banner) = build() {
        let first = body.first_child();
        let _ = body.insert_before(banner.unchecked_ref(), first.as_ref());
    }
}
