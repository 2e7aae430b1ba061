//! The root component: the page layout and the router.

use leptos::prelude::*;
use leptos_router::StaticSegment;
use leptos_router::components::{Route, Router, Routes};

use crate::demo::DEMO_COUNCIL_NAME;
use crate::ui::area::Area;
use crate::ui::components::skip_link::MAIN_CONTENT_ID;
use crate::ui::components::{SiteFooter, SiteHeader, SkipLink};
use crate::ui::pages::{AreaPlaceholder, HelpPage, NotFoundPage};

/// The whole app: skip link, header, the routed page and the footer.
#[component]
pub fn App() -> impl IntoView {
    let placeholder = |area: Area| move || view! { <AreaPlaceholder area=area /> };
    view! {
        <Router>
            <SkipLink />
            <SiteHeader council=DEMO_COUNCIL_NAME />
            <main id=MAIN_CONTENT_ID class="app-main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment(Area::Overview.slug()) view=placeholder(Area::Overview) />
                    <Route path=StaticSegment(Area::Scorecards.slug()) view=placeholder(Area::Scorecards) />
                    <Route
                        path=StaticSegment(Area::GoldenThread.slug())
                        view=placeholder(Area::GoldenThread)
                    />
                    <Route
                        path=StaticSegment(Area::RisksAndActions.slug())
                        view=placeholder(Area::RisksAndActions)
                    />
                    <Route path=StaticSegment(Area::Reports.slug()) view=placeholder(Area::Reports) />
                    <Route path=StaticSegment(Area::Data.slug()) view=placeholder(Area::Data) />
                    <Route path=StaticSegment(Area::Help.slug()) view=HelpPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}
