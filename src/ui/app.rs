//! The root component: the page layout and the router.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, ParamSegment, StaticSegment};

use crate::ui::address::served_path::served_under;
use crate::ui::browser::service_worker;
use crate::ui::browser::yield_now::yield_to_browser;
use crate::ui::components::skip_link::MAIN_CONTENT_ID;
use crate::ui::components::{SiteFooter, SiteHeader, SkipLink, StatusBanner};
use crate::ui::on_demand_pages::{
    AccessibilityRoute, ActionsRoute, AuditRoute, CalendarRoute, ChangeLogRoute, DataRoute,
    HelpRoute, KpiEditRoute, LessonsRoute, PeopleRoute, PlanOnAPageRoute, PresentRoute,
    RegisterRoute, ReportsRoute, RisksRoute, RolesRoute, SettingsRoute, StructureRoute,
    ValidationRoute,
};
use crate::ui::pages::{GoldenThreadPage, KpiPage, NotFoundPage, OverviewPage, ScorecardsPage};
use crate::ui::routes::Page;
use crate::ui::state::AppState;

/// Starts the app: loads the saved workspace (on a first visit, generates the demo council, from its own module), then draws the
/// page in the next task. Loading and the first drawing are the longest work the app does; with a turn of the
/// event loop between them the browser can handle input, instead of freezing for both at once.
pub fn start() {
    // Leptos's own executor starts with the mount, so this first step runs on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let state = AppState::load().await;
        yield_to_browser().await;
        leptos::mount::mount_to_body(move || view! { <App state /> });
    });
}

/// The whole app for `state`: skip link, header, the routed page and the footer.
#[component]
pub fn App(
    /// The workspace and save status, loaded before the first drawing.
    state: AppState,
) -> impl IntoView {
    provide_context(state);
    state.start_autosave();
    state.watch_other_tabs();
    let update = service_worker::register();
    // True while the router gets the next page ready: for a page not yet opened, while its module downloads.
    let (opening, set_opening) = signal(false);
    view! {
        <Router base=served_under() set_is_routing=set_opening>
            <SkipLink />
            <SiteHeader />
            <main id=MAIN_CONTENT_ID class="app-main" tabindex="-1">
                <StatusBanner />
                {move || update.get().map(|registration| view! {
                    <div class="app-banner app-banner--warning" role="status" data-testid="update-available">
                        <p>"A new version of this tool has been downloaded. Reload to use it; your work is kept."</p>
                        <button type="button" class="app-button" data-testid="update-reload"
                            on:click=move |_| service_worker::update(&registration)>"Reload with the new version"</button>
                    </div>
                })}
                {move || opening.get().then(|| view! {
                    <p class="app-opening" data-testid="page-opening">"Opening the page…"</p>
                })}
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment(Page::Overview.section()) view=OverviewPage />
                    <Route path=StaticSegment(Page::Scorecards.section()) view=ScorecardsPage />
                    <Route
                        path=(StaticSegment(Page::Kpi.section()), StaticSegment(Page::Kpi.subpage()), ParamSegment("id"))
                        view=KpiPage
                    />
                    <Route
                        path=(StaticSegment(Page::KpiEdit.section()), StaticSegment(Page::KpiEdit.subpage()), ParamSegment("id"))
                        view={Lazy::<KpiEditRoute>::new()}
                    />
                    <Route
                        path=(StaticSegment(Page::Register.section()), StaticSegment(Page::Register.subpage()))
                        view={Lazy::<RegisterRoute>::new()}
                    />
                    <Route path=StaticSegment(Page::GoldenThread.section()) view=GoldenThreadPage />
                    <Route path=(StaticSegment(Page::Plan.section()), StaticSegment(Page::Plan.subpage())) view={Lazy::<PlanOnAPageRoute>::new()} />
                    <Route
                        path=(StaticSegment(Page::Structure.section()), StaticSegment(Page::Structure.subpage()))
                        view={Lazy::<StructureRoute>::new()}
                    />
                    <Route
                        path=(StaticSegment(Page::Settings.section()), StaticSegment(Page::Settings.subpage()))
                        view={Lazy::<SettingsRoute>::new()}
                    />
                    <Route
                        path=(StaticSegment(Page::People.section()), StaticSegment(Page::People.subpage()))
                        view={Lazy::<PeopleRoute>::new()}
                    />
                    <Route path=StaticSegment(Page::Risks.section()) view={Lazy::<RisksRoute>::new()} />
                    <Route
                        path=(StaticSegment(Page::Calendar.section()), StaticSegment(Page::Calendar.subpage()))
                        view={Lazy::<CalendarRoute>::new()}
                    />
                    <Route
                        path=(StaticSegment(Page::Lessons.section()), StaticSegment(Page::Lessons.subpage()))
                        view={Lazy::<LessonsRoute>::new()}
                    />
                    <Route
                        path=(StaticSegment(Page::Actions.section()), StaticSegment(Page::Actions.subpage()))
                        view={Lazy::<ActionsRoute>::new()}
                    />
                    <Route path=(StaticSegment(Page::Audit.section()), StaticSegment(Page::Audit.subpage())) view={Lazy::<AuditRoute>::new()} />
                    <Route
                        path=(StaticSegment(Page::Validation.section()), StaticSegment(Page::Validation.subpage()))
                        view={Lazy::<ValidationRoute>::new()}
                    />
                    <Route path=(StaticSegment(Page::Roles.section()), StaticSegment(Page::Roles.subpage())) view={Lazy::<RolesRoute>::new()} />
                    <Route path=StaticSegment(Page::Reports.section()) view={Lazy::<ReportsRoute>::new()} />
                    <Route
                        path=(StaticSegment(Page::Present.section()), StaticSegment(Page::Present.subpage()))
                        view={Lazy::<PresentRoute>::new()}
                    />
                    <Route path=StaticSegment(Page::Data.section()) view={Lazy::<DataRoute>::new()} />
                    <Route
                        path=(StaticSegment(Page::ChangeLog.section()), StaticSegment(Page::ChangeLog.subpage()))
                        view={Lazy::<ChangeLogRoute>::new()}
                    />
                    <Route path=StaticSegment(Page::Help.section()) view={Lazy::<HelpRoute>::new()} />
                    <Route path=StaticSegment(Page::Accessibility.section()) view={Lazy::<AccessibilityRoute>::new()} />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}
