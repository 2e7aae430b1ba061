//! The header on every page: the council's name, whether changes are saved, who is at the keyboard, and the
//! main navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use super::who_am_i::WhoAmI;
use crate::ui::address::served_path::link;
use crate::ui::area::Area;
use crate::ui::state::use_app_state;

/// The site header with the council name and a link to every area.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = use_app_state();
    let council = state.council_name();
    let saving = move || state.save_status.with(|status| status.label());
    view! {
        <header class="app-header">
            <div class="app-header__inner">
                <p class="app-header__council" data-testid="council-name">{council}</p>
                <p class="app-header__product">"Performance Management Framework"</p>
                <p class="app-header__save" role="status" data-testid="save-state">{saving}</p>
                <WhoAmI />
            </div>
            <nav class="app-nav" aria-label="Main">
                <ul class="app-nav__list">
                    {Area::ALL
                        .into_iter()
                        .map(|area| {
                            view! {
                                <li class="app-nav__item">
                                    <A
                                        href=link(&area.path())
                                        exact=area == Area::Overview
                                        attr:class="app-nav__link"
                                        attr:data-testid=area.nav_test_id()
                                    >
                                        {area.label()}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
