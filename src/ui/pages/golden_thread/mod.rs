//! The golden-thread page: the tree from the vision through the ambitions to the directorates, services,
//! teams, people and objectives that deliver them, each with its RAG roll-up; the node chosen opens beside
//! the tree with its KPIs, plans, risks and the paths it contributes by. The chosen node and the search
//! live in the address, so a link opens the same place.

mod node_detail;
mod overview;
mod plan_page;
mod plans_form;
mod propose_form;
mod structure_page;
mod tree_view;

use std::collections::HashSet;

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::model::workspace::PerformanceIndex;
use crate::domain::scorecard::engine::ratings_as_at;
use crate::domain::thread::tree::thread_tree;
use crate::ui::address::query::{address, parse_query};
use crate::ui::address::served_path::link;
use crate::ui::address::state::use_address_state;
use crate::ui::area::Area;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::pages::scorecards::default_as_at;
use crate::ui::routes::Page;
use crate::ui::state::use_app_state;
use node_detail::NodeDetail;
use overview::ThreadOverview;
pub use plan_page::PlanOnAPagePage;
pub use structure_page::StructurePage;
use tree_view::ThreadTreeView;

/// Where the page is: the node chosen and the tree search, as the address holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThreadPlace {
    /// The key of the node chosen (the vision when none).
    pub node: Option<String>,
    /// The tree search.
    pub search: String,
}

impl ThreadPlace {
    /// Reads `?node=…&q=…`; anything else is ignored.
    pub fn from_query(query: &str) -> Self {
        let mut place = Self::default();
        for (key, value) in parse_query(query) {
            match key.as_str() {
                "node" => place.node = Some(value).filter(|v| !v.is_empty()),
                "q" => place.search = value,
                _ => {}
            }
        }
        place
    }

    /// The address of this place on the golden-thread page.
    pub fn href(&self) -> String {
        address(
            &Area::GoldenThread.path(),
            [
                ("node", self.node.clone()),
                (
                    "q",
                    Some(self.search.clone()).filter(|q| !q.trim().is_empty()),
                ),
            ],
        )
    }
}

/// The golden-thread page.
#[component]
pub fn GoldenThreadPage() -> impl IntoView {
    use_page_title(Area::GoldenThread.label());
    let state = use_app_state();
    let (place, go) = use_address_state(ThreadPlace::from_query, ThreadPlace::href);
    let today = Utc::now().date_naive();
    let tree = Memo::new(move |_| state.session.with(|s| thread_tree(s.current())));
    let ratings = Memo::new(move |_| {
        state.session.with(|s| {
            let workspace = s.current();
            let index = PerformanceIndex::new(&workspace.measurements);
            ratings_as_at(workspace, &index, default_as_at(today))
        })
    });
    let selected = Memo::new(move |_| {
        let key = place.with(|p| p.node.clone());
        tree.with(|tree| {
            key.filter(|k| tree.find(k).is_some())
                .unwrap_or_else(|| tree.key.clone())
        })
    });
    // The chosen node's ancestors start open, so a link lands with the node in view.
    let expanded = RwSignal::new(HashSet::new());
    Effect::new(move |_| {
        let key = selected.get();
        let path: Vec<String> =
            tree.with(|t| t.path_to(&key).iter().map(|n| n.key.clone()).collect());
        expanded.update(|open: &mut HashSet<String>| open.extend(path));
    });
    view! {
        <h1 data-testid="page-heading">{Area::GoldenThread.label()}</h1>
        <p class="app-lead">{Area::GoldenThread.purpose()}</p>
        <ul class="app-link-list">
            <li><a href=link(&Page::Plan.path()) data-testid="plan-link">"The plan on a page: the vision, the ambitions and their headline KPIs, and the top risks, ready to print"</a></li>
            <li><a href=link(&Page::Structure.path()) data-testid="structure-link">"Manage the framework: add, rename, move and retire ambitions, directorates, services, teams and KPIs"</a></li>
            <li><a href=link(&Page::Settings.path()) data-testid="settings-link">"Framework settings: the council, its reporting year, and the RAG, trend, SPC and roll-up rules"</a></li>
            <li><a href=link(&Page::People.path()) data-testid="people-link">"People, roles and committees: add and change them, and hand over what a leaver answers for"</a></li>
        </ul>
        <div class="app-thread">
            <ThreadTreeView tree=tree ratings=ratings place=place selected=selected expanded=expanded go=go />
            <NodeDetail tree=tree ratings=ratings selected=selected go=go />
        </div>
        <ThreadOverview tree=tree ratings=ratings go=go />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_reads_back_from_its_address() {
        let place = ThreadPlace {
            node: Some("vision/ambition-amb-3/directorate-dir-ahc".to_owned()),
            search: "road & safety".to_owned(),
        };
        let href = place.href();
        let query = href.split_once('?').unwrap().1;
        assert_eq!(ThreadPlace::from_query(query), place);
        assert_eq!(ThreadPlace::default().href(), "/golden-thread");
        assert_eq!(
            ThreadPlace::from_query("?node=&other=1"),
            ThreadPlace::default()
        );
    }
}
