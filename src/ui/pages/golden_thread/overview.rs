//! The thread at a glance: the sunburst of the vision, ambitions, directorates and services coloured by
//! roll-up (a click opens the node), with the same roll-ups for each ambition in a table beneath it.

use std::collections::HashMap;

use leptos::prelude::*;

use super::ThreadPlace;
use crate::charts::thread_chart::{key_at, thread_summary, thread_sunburst};
use crate::domain::basics::ids::KpiId;
use crate::domain::kpi::rating::Rating;
use crate::domain::kpi::rollup::RagCounts;
use crate::domain::maths::rag::RagStatus;
use crate::domain::thread::tree::ThreadTreeNode;
use crate::ui::address::served_path::link;
use crate::ui::components::data_table::{Column, DataTable, Row};
use crate::ui::components::echart::EChart;
use crate::ui::components::rag_badge::RagStatusBadge;
use crate::ui::state::use_app_state;

/// An ambition's row of the roll-up table.
#[derive(Clone, Debug, PartialEq)]
struct AmbitionRow {
    key: String,
    name: String,
    counts: RagCounts,
    summary: Option<RagStatus>,
}

/// The sunburst and the roll-up table.
#[component]
pub fn ThreadOverview(
    tree: Memo<ThreadTreeNode>,
    ratings: Memo<HashMap<KpiId, Rating>>,
    go: Callback<ThreadPlace>,
) -> impl IntoView {
    let state = use_app_state();
    let rule = Memo::new(move |_| state.session.with(|s| s.current().framework.rollup));
    let chart =
        Signal::derive(move || tree.with(|t| ratings.with(|r| thread_sunburst(t, r, &rule.get()))));
    let summary =
        Signal::derive(move || tree.with(|t| ratings.with(|r| thread_summary(t, r, &rule.get()))));
    let on_click = Callback::new(move |names: Vec<String>| {
        if let Some(key) = tree.with_untracked(|t| key_at(t, &names)) {
            go.run(ThreadPlace {
                node: Some(key),
                search: String::new(),
            });
        }
    });
    let rows = Memo::new(move |_| {
        let rule = rule.get();
        tree.with(|t| {
            ratings.with(|r| {
                t.children
                    .iter()
                    .map(|a| {
                        let counts = a.rollup(r);
                        AmbitionRow {
                            key: a.key.clone(),
                            name: a.name.clone(),
                            counts,
                            summary: counts.summary(&rule),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let columns = vec![
        Column::row_heading("Ambition"),
        Column::text("Roll-up"),
        Column::number("Red"),
        Column::number("Amber"),
        Column::number("Green"),
        Column::number("Not rated"),
    ];
    let row = move |row: AmbitionRow| {
        let place = ThreadPlace {
            node: Some(row.key.clone()),
            search: String::new(),
        };
        let href = place.href();
        let open = move |event: web_sys::MouseEvent| {
            event.prevent_default();
            go.run(place.clone());
        };
        let c = row.counts;
        Row::new(vec![
            view! { <a href=link(&href) on:click=open>{row.name}</a> }.into_any(),
            view! { <RagStatusBadge status=row.summary none_label="Not rated" /> }.into_any(),
            c.red.into_any(),
            c.amber.into_any(),
            c.green.into_any(),
            c.not_rated().into_any(),
        ])
    };
    view! {
        <section class="app-section" aria-labelledby="thread-overview-heading" data-testid="thread-overview">
            <h2 id="thread-overview-heading">"The thread at a glance"</h2>
            <p class="app-hint">"Each ring is a level of the thread; a segment's colour is its RAG roll-up. Click a segment to open it, or use the tree above."</p>
            <EChart id="thread-sunburst" chart=chart summary=summary height=480 on_click=on_click />
            <DataTable test_id="thread-rollup-table" caption="Roll-up for each ambition: the KPIs serving it, by RAG"
                columns=columns rows=move || rows.get().into_iter().map(row).collect() />
        </section>
    }
}
