//! The page shown for an address the app does not know.

use leptos::prelude::*;

use crate::ui::address::served_path::link;
use crate::ui::area::Area;
use crate::ui::browser::page_title::use_page_title;

/// "Page not found", with a way back to the overview.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_title("Page not found");
    view! {
        <h1 data-testid="page-heading">"Page not found"</h1>
        <p>"If you typed the web address, check it is correct. If you followed a link, it may be out of date."</p>
        <p>
            <a href=link(&Area::Overview.path()) data-testid="back-to-overview">
                "Go to the overview"
            </a>
        </p>
    }
}
