//! The accessibility statement (required of UK public bodies by the Public Sector Bodies (Websites and Mobile
//! Applications) (No. 2) Accessibility Regulations 2018), in the structure of the GOV.UK model statement: how
//! accessible the tool is, what to do if something is not, how to report a problem, the enforcement
//! procedure, the technical compliance status, known limitations, and how it was tested.

use leptos::prelude::*;

use crate::ui::browser::page_title::use_page_title;
use crate::ui::state::use_app_state;

/// The page's title and heading.
const TITLE: &str = "Accessibility statement";

/// The accessibility statement.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    use_page_title(TITLE);
    let council = use_app_state().council_name();
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">{move || format!(
            "This statement applies to the Performance Management Framework tool as {} uses it: the scorecards, golden thread, risks and actions, reports and data pages, and the reports it exports.",
            council.get()
        )}</p>

        <h2>"Using this tool"</h2>
        <p>"We want as many people as possible to be able to use this tool. You should be able to:"</p>
        <ul>
            <li>"change colours, contrast levels and fonts using your browser or operating system settings"</li>
            <li>"zoom in up to 400%: text reflows, and wide tables scroll sideways inside the page"</li>
            <li>"do everything with a keyboard alone, with the focus always visible"</li>
            <li>"use it with a screen reader: every control is labelled, every table has a caption and headers, and changes are announced"</li>
            <li>"read every RAG rating as a word and a shape as well as a colour"</li>
            <li>"read every chart as a table of the same figures"</li>
            <li>"print any report, or save it as a PDF, without the navigation"</li>
        </ul>
        <p>"AbilityNet has advice on making your device easier to use if you have a disability."</p>

        <h2>"How accessible this tool is"</h2>
        <p>"We know some parts are not fully accessible:"</p>
        <ul>
            <li>"the interactive charts (heat map, golden-thread sunburst and trend charts) are drawn on a canvas, which screen readers cannot explore point by point: the table beside or below each chart carries the same figures"</li>
            <li>"presentation mode covers the whole screen; press Escape or use “Back to the report” to leave it"</li>
            <li>"text that colleagues type into the framework (commentary, findings, lessons) is shown as they wrote it, so its plain English depends on them"</li>
        </ul>

        <h2>"Feedback and contact information"</h2>
        <p>{move || format!(
            "If you need information from this tool in a different format, such as accessible PDF, large print, easy read or audio, contact {}'s performance team or its accessibility contact. Say which page or report you need, and we will consider your request and get back to you within 10 working days.",
            council.get()
        )}</p>

        <h2>"Reporting accessibility problems"</h2>
        <p>"We are always looking to improve. If you find a problem not listed on this page, or think we are not meeting the accessibility requirements, contact the performance team with the page address, what you were trying to do and the device and assistive technology you use."</p>

        <h2>"Enforcement procedure"</h2>
        <p>"The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the “accessibility regulations”). If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS). In Northern Ireland, contact the Equality Commission for Northern Ireland (ECNI)."</p>

        <h2>"Technical information about this tool’s accessibility"</h2>
        <p>"We are committed to making this tool accessible, in accordance with the accessibility regulations."</p>
        <h3>"Compliance status"</h3>
        <p>"This tool is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the chart limitation listed above, for which an equivalent table is always provided."</p>

        <h2>"What we are doing to improve accessibility"</h2>
        <p>"Every page is checked automatically against WCAG 2.2 A and AA (axe-core) each time the tool is changed, including pages opened from imported files and the reports it exports; changes that add a violation are not released. Keyboard-only journeys through the main tasks are tested the same way."</p>

        <h2>"Preparation of this accessibility statement"</h2>
        <p>"This statement was prepared on 30 November 2026. The tool was last tested on 30 November 2026, by automated checks (axe-core in headless Chromium) on every page, keyboard-only journeys through the main tasks, and printing under print emulation."</p>
    }
}
