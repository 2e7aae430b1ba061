//! The footer on every page: where the data lives and which version is running.

use leptos::prelude::*;

use crate::ui::address::served_path::link;
use crate::ui::area::Area;
use crate::ui::routes::Page;

/// The site footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="app-footer">
            <p>
                "Your data is kept in this browser and leaves it only when you export a file. "
                <a href=link(&Area::Help.path())>"About this tool"</a>
                " · "
                <a href=link(&Page::Accessibility.path()) data-testid="accessibility-link">"Accessibility statement"</a>
            </p>
            <p class="app-footer__version">"Version " {env!("CARGO_PKG_VERSION")}</p>
        </footer>
    }
}
