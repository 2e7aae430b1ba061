//! Help and about: what the tool is, where the data lives, how to use it with a keyboard.

use leptos::prelude::*;

use crate::ui::area::Area;
use crate::ui::browser::page_title::use_page_title;

/// The help and about page.
#[component]
pub fn HelpPage() -> impl IntoView {
    use_page_title(Area::Help.label());
    view! {
        <h1 data-testid="page-heading">{Area::Help.label()}</h1>
        <p class="app-lead">
            "This tool holds a council's Performance Management Framework: the golden thread from the vision \
             and corporate ambitions down to teams and individuals, the KPI register, performance period by \
             period, balanced scorecards, risks and action plans."
        </p>
        <h2>"Where your data is kept"</h2>
        <p>
            "Everything runs in this browser. Nothing is sent to a server: your framework is stored in this \
             browser's local storage and moves between colleagues only as files you export and import."
        </p>
        <h2>"Using the keyboard"</h2>
        <ul>
            <li>"Tab moves to the next link or control, Shift and Tab to the previous one."</li>
            <li>"The first Tab on any page offers a link that skips the navigation."</li>
            <li>"Enter follows a link or presses a button."</li>
        </ul>
        <h2>"Version"</h2>
        <p data-testid="app-version">{env!("CARGO_PKG_VERSION")}</p>
    }
}
