//! The page for an area that is not built yet: it says so plainly and what the area will hold.

use leptos::prelude::*;

use crate::ui::area::Area;
use crate::ui::browser::page_title::use_page_title;

/// A page that names its area, says it is being built and what it will be for.
#[component]
pub fn AreaPlaceholder(
    /// The area this page stands in for.
    area: Area,
) -> impl IntoView {
    use_page_title(area.label());
    view! {
        <h1 data-testid="page-heading">{area.label()}</h1>
        <p class="app-lead">{area.purpose()}</p>
        <div class="app-notice" role="status" data-testid="not-built-notice">
            <p>"This area is not built yet. It is on the way in a coming release."</p>
        </div>
    }
}
