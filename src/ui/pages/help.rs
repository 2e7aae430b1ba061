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
        <h2>"Who changed what"</h2>
        <p>
            "The first time you open the tool in a browser it asks who you are (\u{201c}Who are you?\u{201d} at the top \
             of every page, where you can change it). Every change you make, every file you import or merge and every \
             sign-off is then recorded in your name, with when, from what and how, in the workspace's change history: \
             on each KPI's page, under each risk, action, person, committee, role, plan and audit where it is \
             changed and in the framework settings, linked from each part of the golden thread, each lesson and \
             the KPI audit, and in the change history on \
             the Data page. The history travels in the workspace file."
        </p>
        <p>
            "This is a record of who did what, not security: there are no passwords, and anyone using the same \
             browser can say they are someone else. Keep the workspace file where only the right people can change it."
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
