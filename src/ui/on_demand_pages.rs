//! The pages that are not in the first download. Each is a route drawn from its own WebAssembly module,
//! fetched the first time the page is opened (and kept by the service worker for offline use), so the first
//! page a person opens waits only for the app's shell, its storage and the pages people most often open first:
//! the scorecards, a KPI's page and the golden thread (links to those are what councillors are sent; a page
//! opened first from its own module waits for its shared chunks too, many small requests, which measured
//! worse than having it in the first download: docs/performance.md).
//!
//! With the cargo feature `split` (the release and served builds: `index.html` turns it on, and
//! `.ci/split-wasm.mjs` splits the module after cargo), each route is a Leptos `#[lazy_route]`. Without it (the
//! wasm-bindgen-test tier, whose unsplit module could not run split code) the same routes are drawn from the
//! one module, through the same `Lazy` route type, so both builds take one path through the router. (The
//! attribute wants `view` written as a plain function and makes it async; without it the trait wants it async.)

use leptos::prelude::*;
use leptos_router::LazyRoute;
#[cfg(feature = "split")]
use leptos_router::lazy_route;

use crate::ui::pages::{
    AccessibilityPage, ActionsPage, AuditPage, CalendarPage, ChangeLogPage, DataPage,
    FrameworkSettingsPage, HelpPage, KpiEditPage, LessonsPage, PeoplePage, PlanOnAPagePage,
    PresentPage, RegisterPage, ReportsPage, RisksPage, RolesPage, StructurePage, ValidationPage,
};

/// Declares, for each page component, a route type that draws it from its own module.
macro_rules! on_demand_pages {
    ($($route:ident draws $page:ident;)*) => {$(
        #[doc = concat!("The route that draws [`", stringify!($page), "`], from its own module.")]
        pub struct $route;

        #[cfg(feature = "split")]
        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }

        #[cfg(not(feature = "split"))]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    )*};
}

on_demand_pages! {
    KpiEditRoute draws KpiEditPage;
    SettingsRoute draws FrameworkSettingsPage;
    PeopleRoute draws PeoplePage;
    RegisterRoute draws RegisterPage;
    PlanOnAPageRoute draws PlanOnAPagePage;
    StructureRoute draws StructurePage;
    RisksRoute draws RisksPage;
    CalendarRoute draws CalendarPage;
    LessonsRoute draws LessonsPage;
    ActionsRoute draws ActionsPage;
    AuditRoute draws AuditPage;
    ValidationRoute draws ValidationPage;
    RolesRoute draws RolesPage;
    ReportsRoute draws ReportsPage;
    PresentRoute draws PresentPage;
    DataRoute draws DataPage;
    ChangeLogRoute draws ChangeLogPage;
    HelpRoute draws HelpPage;
    AccessibilityRoute draws AccessibilityPage;
}
