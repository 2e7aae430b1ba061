//! The node chosen in the tree: where it sits (breadcrumbs), its RAG roll-up, how it contributes to the
//! ambitions (or, for an ambition, everything that delivers it), and the KPIs, plans and risks that hang
//! there, with a way into its scorecard.

use std::collections::HashMap;

use chrono::Utc;
use leptos::prelude::*;

use super::ThreadPlace;
use crate::domain::basics::ids::KpiId;
use crate::domain::kpi::rating::Rating;
use crate::domain::kpi::rollup::RagCounts;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::golden_thread::ThreadNode;
use crate::domain::thread::tree::{ThreadItem, ThreadTreeNode, actions_at, plans_at, risks_at};
use crate::storage::change_recorder::SETTINGS_LIST;
use crate::storage::collection::Collection;
use crate::ui::address::query::encode;
use crate::ui::address::served_path::link;
use crate::ui::area::Area;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::kpi_link::kpi_link;
use crate::ui::components::overdue_flag::dated;
use crate::ui::components::rag_badge::{RagBadge, RagStatusBadge};
use crate::ui::components::risk_table::{RiskLine, RiskTable};
use crate::ui::pages::item_changes_path;
use crate::ui::state::use_app_state;

/// A step of a path: the node's key and name.
type Step = (String, String);

/// A KPI counted at the node.
#[derive(Clone, Debug, PartialEq)]
struct KpiLine {
    id: String,
    name: String,
    level: &'static str,
    rating: Option<Rating>,
}

/// An open action on a KPI counted at the node.
#[derive(Clone, Debug, PartialEq)]
struct ActionLine {
    title: String,
    kpi_id: String,
    kpi_name: String,
    due: String,
    status: &'static str,
    overdue: bool,
}

/// Everything the panel shows, owned.
#[derive(Clone, Debug, PartialEq)]
struct Detail {
    key: String,
    kind: &'static str,
    name: String,
    breadcrumbs: Vec<Step>,
    counts: RagCounts,
    summary: Option<RagStatus>,
    /// For anything below an ambition: each place it holds on the thread, from the ambition down.
    contributes: Vec<Vec<Step>>,
    /// For the vision or an ambition: how many of each kind deliver it.
    delivered_by: Vec<(usize, &'static str)>,
    kpis: Vec<KpiLine>,
    plans: Vec<String>,
    risks: Vec<RiskLine>,
    actions: Vec<ActionLine>,
    scorecard: Option<(String, String)>,
    /// Where its changes are recorded: the list and the item's key (its changes are in the change log).
    recorded_as: (&'static str, String),
}

/// The list and key under which the change history records `item`: the vision is one of the settings.
fn recorded_as(item: &ThreadItem) -> (&'static str, String) {
    match item {
        ThreadItem::Node(ThreadNode::Council) => (SETTINGS_LIST, SETTINGS_LIST.to_owned()),
        ThreadItem::Node(ThreadNode::Ambition(id)) => {
            (Collection::Ambitions.name(), id.to_string())
        }
        ThreadItem::Node(ThreadNode::Directorate(id)) => {
            (Collection::Directorates.name(), id.to_string())
        }
        ThreadItem::Node(ThreadNode::Service(id)) => (Collection::Services.name(), id.to_string()),
        ThreadItem::Node(ThreadNode::Team(id)) => (Collection::Teams.name(), id.to_string()),
        ThreadItem::Node(ThreadNode::Person(id)) => (Collection::People.name(), id.to_string()),
        ThreadItem::Objective(id) => (Collection::Objectives.name(), id.to_string()),
    }
}

fn steps(path: &[&ThreadTreeNode]) -> Vec<Step> {
    path.iter()
        .map(|n| (n.key.clone(), n.name.clone()))
        .collect()
}

fn scorecard_link(node: &ThreadTreeNode) -> Option<(String, String)> {
    let path = Area::Scorecards.path();
    match &node.item {
        ThreadItem::Node(ThreadNode::Council) => {
            Some((path, "Open the organisational scorecard".to_owned()))
        }
        ThreadItem::Node(ThreadNode::Ambition(id)) => Some((
            format!("{path}?ambition={}", encode(id.as_str())),
            "Open the organisational scorecard for this ambition".to_owned(),
        )),
        ThreadItem::Node(ThreadNode::Directorate(id)) => Some((
            format!("{path}?scope={}", encode(&format!("directorate:{id}"))),
            "Open this directorate's scorecard".to_owned(),
        )),
        _ => None,
    }
}

/// A KPI counted at the node, as a row.
fn kpi_row(k: KpiLine) -> Row {
    let rating = match k.rating {
        Some(rating) => view! { <RagBadge rating=rating /> }.into_any(),
        None => view! { <span class="app-muted">"Not yet due"</span> }.into_any(),
    };
    Row::new(vec![kpi_link(&k.id, k.name), k.level.into_any(), rating])
}

/// An open action on a KPI counted at the node, as a row.
fn action_row(a: ActionLine) -> Row {
    Row::new(vec![
        a.title.into_any(),
        kpi_link(&a.kpi_id, a.kpi_name),
        dated(a.due, a.overdue, None),
        a.status.into_any(),
    ])
}

/// The details panel.
#[component]
pub fn NodeDetail(
    tree: Memo<ThreadTreeNode>,
    ratings: Memo<HashMap<KpiId, Rating>>,
    selected: Memo<String>,
    go: Callback<ThreadPlace>,
) -> impl IntoView {
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let detail = Memo::new(move |_| {
        let key = selected.get();
        tree.with(|tree| {
            ratings.with(|ratings| {
                state.session.with(|session| {
                    let workspace = session.current();
                    let node = tree.find(&key)?;
                    let counts = node.rollup(ratings);
                    let below_ambition = tree.path_to(&key).len() > 2;
                    Some(Detail {
                        key: key.clone(),
                        kind: node.item.kind(),
                        name: node.name.clone(),
                        breadcrumbs: steps(&tree.path_to(&key)),
                        counts,
                        summary: counts.summary(&workspace.framework.rollup),
                        contributes: if below_ambition {
                            tree.occurrences(&node.item)
                                .iter()
                                .map(|n| steps(&tree.path_to(&n.key)[1..]))
                                .collect()
                        } else {
                            Vec::new()
                        },
                        delivered_by: if below_ambition {
                            Vec::new()
                        } else {
                            node.delivered_by()
                        },
                        kpis: node
                            .kpis
                            .iter()
                            .filter_map(|id| workspace.kpi(id))
                            .map(|k| KpiLine {
                                id: k.id.to_string(),
                                name: k.name.clone(),
                                level: k.level.label(),
                                rating: ratings.get(&k.id).cloned(),
                            })
                            .collect(),
                        plans: plans_at(workspace, node)
                            .iter()
                            .map(|p| p.title.clone())
                            .collect(),
                        risks: risks_at(workspace, node)
                            .iter()
                            .map(|r| RiskLine::of(r, workspace, today))
                            .collect(),
                        actions: actions_at(workspace, node)
                            .iter()
                            .map(|a| {
                                let kpi = a.kpi.as_ref().and_then(|k| workspace.kpi(k));
                                ActionLine {
                                    title: a.title.clone(),
                                    kpi_id: kpi.map_or_else(String::new, |k| k.id.to_string()),
                                    kpi_name: kpi.map_or_else(String::new, |k| k.name.clone()),
                                    due: a.due.map_or_else(
                                        || "No date".to_owned(),
                                        |d| d.format("%-d %b %Y").to_string(),
                                    ),
                                    status: a.status.label(),
                                    overdue: a.is_overdue(today),
                                }
                            })
                            .collect(),
                        scorecard: scorecard_link(node),
                        recorded_as: recorded_as(&node.item),
                    })
                })
            })
        })
    });
    // A step of a trail is a real link (it can be opened elsewhere); within the page it moves the tree.
    let link_to = move |key: String| {
        move |event: web_sys::MouseEvent| {
            event.prevent_default();
            go.run(ThreadPlace {
                node: Some(key.clone()),
                search: String::new(),
            });
        }
    };
    let crumb_trail = move |trail: Vec<Step>| {
        let last = trail.len().saturating_sub(1);
        trail
            .into_iter()
            .enumerate()
            .map(|(i, (key, name))| {
                let href = ThreadPlace {
                    node: Some(key.clone()),
                    search: String::new(),
                }
                .href();
                view! {
                    <li>
                        {if i == last {
                            view! { <span aria-current="location">{name}</span> }.into_any()
                        } else {
                            view! { <a href=link(&href) on:click=link_to(key)>{name}</a> }.into_any()
                        }}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="app-thread__detail" aria-labelledby="thread-detail-heading" data-testid="thread-detail">
            {move || detail.get().map(|d| {
                let Detail { key: _, kind, name, breadcrumbs, counts, summary, contributes, delivered_by, kpis, plans, risks, actions, scorecard, recorded_as } = d;
                view! {
                    <nav aria-label="Where this sits" class="app-breadcrumbs" data-testid="thread-breadcrumbs">
                        <ol>{crumb_trail(breadcrumbs)}</ol>
                    </nav>
                    <p class="app-thread__kind">{kind}</p>
                    <h2 id="thread-detail-heading" data-testid="thread-detail-name">{name}</h2>
                    <p data-testid="thread-rollup">
                        <RagStatusBadge status=summary none_label="Not rated" />
                        " " {counts.describe()}
                    </p>
                    <p class="app-hint" data-testid="thread-basis">
                        "Counted here: every live KPI at every level linked at or below this point, each at its latest period. \
                         The organisational scorecard and the overview count only the corporate and strategic KPIs, so their figures can differ."
                    </p>
                    {scorecard.map(|(href, label)| view! { <p><a href=link(&href) data-testid="thread-scorecard-link">{label}</a></p> })}
                    {(!contributes.is_empty()).then(|| view! {
                        <h3>"How does this contribute?"</h3>
                        <ul class="app-thread__paths" data-testid="thread-contributes">
                            {contributes.into_iter().map(|path| view! {
                                <li><ol class="app-breadcrumbs__inline">{crumb_trail(path)}</ol></li>
                            }).collect_view()}
                        </ul>
                    })}
                    {(!delivered_by.is_empty()).then(|| view! {
                        <h3>"Delivered by"</h3>
                        <ul data-testid="thread-delivered-by">
                            {delivered_by.into_iter().map(|(count, kind)| {
                                let kind = kind.to_lowercase();
                                view! { <li>{if count == 1 { format!("1 {kind}") } else { format!("{count} {kind}s") }}</li> }
                            }).collect_view()}
                        </ul>
                    })}
                    <DataTable test_id="thread-kpis" caption=format!("KPIs counted here ({})", kpis.len())
                        columns=vec![Column::row_heading("KPI"), Column::text("Level"), Column::text("RAG rating")]
                        rows=move || kpis.iter().cloned().map(kpi_row).collect() layout=Layout::COMPACT />
                    <h3>"Plans"</h3>
                    {if plans.is_empty() {
                        view! { <p class="app-muted">"No plan is recorded here."</p> }.into_any()
                    } else {
                        view! { <ul data-testid="thread-plans">{plans.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> }.into_any()
                    }}
                    <DataTable test_id="thread-actions" caption=format!("Open actions on these KPIs ({})", actions.len())
                        columns=vec![Column::row_heading("Action"), Column::text("KPI"), Column::text("Due"), Column::text("Status")]
                        rows=move || actions.iter().cloned().map(action_row).collect() layout=Layout::COMPACT />
                    <RiskTable caption=format!("Open risks ({})", risks.len()) risks=risks test_id="thread-risks" />
                    <p><a href=link(&item_changes_path(recorded_as.0, &recorded_as.1)) data-testid="thread-changes">
                        {format!("Who changed this {} and when", kind.to_lowercase())}
                    </a></p>
                }
            })}
        </section>
    }
}
