//! "How does this contribute?": the ways up from a KPI through the team, service and directorate it counts
//! at to each ambition it serves and the vision, each step a link into the golden thread.

use leptos::prelude::*;

use crate::domain::basics::ids::KpiId;
use crate::domain::thread::tree::thread_tree;
use crate::ui::address::served_path::link;
use crate::ui::pages::ThreadPlace;
use crate::ui::state::use_app_state;

/// The KPI's paths up the golden thread.
#[component]
pub fn KpiContribution(id: Memo<String>) -> impl IntoView {
    let state = use_app_state();
    let paths = Memo::new(move |_| {
        state.session.with(|s| {
            let Ok(id) = KpiId::try_from(id.get()) else {
                return Vec::new();
            };
            let tree = thread_tree(s.current());
            tree.paths_of_kpi(&id)
                .iter()
                .map(|path| {
                    path.iter()
                        .map(|n| (n.key.clone(), n.name.clone()))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="contribution-heading" class="app-section" data-testid="kpi-contribution">
            <h2 id="contribution-heading">"How does this contribute?"</h2>
            {move || {
                let paths = paths.get();
                if paths.is_empty() {
                    view! {
                        <p>"This KPI serves no corporate ambition yet, so it is not on the golden thread. Link it to the ambitions it serves in its definition."</p>
                    }.into_any()
                } else {
                    view! {
                        <p>"From the vision, through each ambition it serves, down to where it is delivered:"</p>
                        <ul class="app-thread__paths">
                            {paths.into_iter().map(|path| view! {
                                <li data-testid="kpi-contribution-path">
                                    <ol class="app-breadcrumbs__inline">
                                        {path.into_iter().map(|(key, name)| {
                                            let href = ThreadPlace { node: Some(key), search: String::new() }.href();
                                            view! { <li><a href=link(&href)>{name}</a></li> }
                                        }).collect_view()}
                                    </ol>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
