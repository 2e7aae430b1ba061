//! The golden thread as an ARIA tree (WAI-ARIA tree view pattern): one tab stop, arrow keys, Home and End,
//! `*` and type-ahead, Enter or Space to open a node's details, and a search that narrows the tree to the
//! matches and the way down to them. Each row carries its RAG roll-up as text, icon and colour.

use std::collections::{HashMap, HashSet};

use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos::tachys::view::add_attr::AddAnyAttr;
use wasm_bindgen::JsCast;

use super::ThreadPlace;
use crate::domain::basics::ids::KpiId;
use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::RagStatus;
use crate::domain::thread::tree::ThreadTreeNode;
use crate::ui::components::rag_badge::RagStatusBadge;
use crate::ui::state::use_app_state;
use crate::ui::tree_navigation::{TreeKey, TreeMove, VisibleRow, on_key, visible_rows};

/// The element id of a row (keys hold `/`, which ids may, but selectors then need escaping).
fn dom_id(key: &str) -> String {
    format!("thread-{}", key.replace('/', "--"))
}

/// A row as drawn: where it sits, what it is, and its roll-up.
#[derive(Clone, Debug, PartialEq)]
struct DrawnRow {
    row: VisibleRow,
    kind: &'static str,
    summary: Option<RagStatus>,
}

fn focus_row(key: &str) {
    if let Some(element) = document()
        .get_element_by_id(&dom_id(key))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Focusing an element that is there cannot fail in a way the user could act on.
        let _ = element.focus();
    }
}

/// The tree, with its search box.
#[component]
pub fn ThreadTreeView(
    tree: Memo<ThreadTreeNode>,
    ratings: Memo<HashMap<KpiId, Rating>>,
    place: Memo<ThreadPlace>,
    selected: Memo<String>,
    expanded: RwSignal<HashSet<String>>,
    go: Callback<ThreadPlace>,
) -> impl IntoView {
    let state = use_app_state();
    let rule = Memo::new(move |_| state.session.with(|s| s.current().framework.rollup));
    let matches = Memo::new(move |_| place.with(|p| tree.with(|t| t.search(&p.search))));
    let rows = Memo::new(move |_| {
        tree.with(|tree| {
            ratings.with(|ratings| {
                let rule = rule.get();
                expanded.with(|open| {
                    matches.with(|only| {
                        visible_rows(tree, open, only.as_ref())
                            .into_iter()
                            .map(|row| {
                                let node = tree.find(&row.key);
                                DrawnRow {
                                    kind: node.map_or("", |n| n.item.kind()),
                                    summary: node.and_then(|n| n.rollup(ratings).summary(&rule)),
                                    row,
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                })
            })
        })
    });
    let focused = RwSignal::new(None::<String>);
    // The focus is on the chosen node, unless it has been moved; a row that is gone hands it back.
    let tab_stop = Memo::new(move |_| {
        let wanted = focused.get().unwrap_or_else(|| selected.get());
        rows.with(|rows| {
            if rows.iter().any(|r| r.row.key == wanted) {
                wanted
            } else {
                rows.first().map(|r| r.row.key.clone()).unwrap_or_default()
            }
        })
    });
    let choose = move |key: String| {
        let mut next = place.get_untracked();
        next.node = Some(key);
        go.run(next);
    };
    let toggle = move |key: &str| {
        expanded.update(|open| {
            if !open.remove(key) {
                open.insert(key.to_owned());
            }
        });
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let key = event.key();
        let current = tab_stop.get_untracked();
        if key == "Enter" || key == " " {
            event.prevent_default();
            choose(current);
            return;
        }
        let Some(tree_key) = TreeKey::from_key(&key) else {
            return;
        };
        event.prevent_default();
        let step = rows.with_untracked(|rows| {
            let visible: Vec<VisibleRow> = rows.iter().map(|r| r.row.clone()).collect();
            let at = visible.iter().position(|r| r.key == current).unwrap_or(0);
            on_key(&visible, at, tree_key)
        });
        match step {
            TreeMove::Focus(key) => {
                focused.set(Some(key.clone()));
                focus_row(&key);
            }
            TreeMove::Expand(keys) => expanded.update(|open| open.extend(keys)),
            TreeMove::Collapse(key) => {
                expanded.update(|open| {
                    open.remove(&key);
                });
            }
            TreeMove::Stay => {}
        }
    };
    let on_search = move |event: web_sys::Event| {
        let mut next = place.get_untracked();
        next.search = event_target_value(&event);
        focused.set(None);
        go.run(next);
    };
    view! {
        <section class="app-thread__tree" aria-labelledby="thread-tree-heading">
            <h2 id="thread-tree-heading" class="app-thread__heading">"From the vision to individual objectives"</h2>
            <div class="app-field">
                <label class="app-label" for="thread-search">"Search the golden thread"</label>
                <input id="thread-search" class="app-input" type="search" data-testid="thread-search"
                    aria-describedby="thread-search-result"
                    prop:value=move || place.with(|p| p.search.clone()) on:input=on_search />
                <p id="thread-search-result" class="app-hint" aria-live="polite" data-testid="thread-search-result">
                    {move || matches.with(|m| match m {
                        None => "Type part of a name: the tree narrows to the matches and the way down to them.".to_owned(),
                        Some(keys) if keys.is_empty() => "Nothing on the golden thread matches the search.".to_owned(),
                        Some(_) => format!("{} rows shown.", rows.with(Vec::len)),
                    })}
                </p>
            </div>
            <p class="app-hint" id="thread-tree-keys">
                "Arrow keys move and open or close, Home and End jump, a letter finds the next name, Enter opens the details."
            </p>
            <ul class="app-tree" role="tree" aria-labelledby="thread-tree-heading" aria-describedby="thread-tree-keys"
                data-testid="thread-tree" on:keydown=on_keydown>
                <For
                    each=move || rows.get()
                    // Opening or closing a row must not redraw it, or the focus would be lost with it.
                    key=|drawn| format!("{}|{}|{}|{}|{:?}", drawn.row.key, drawn.row.level, drawn.row.position, drawn.row.siblings, drawn.summary)
                    children=move |drawn| {
                        let DrawnRow { row, kind, summary } = drawn;
                        let key = row.key.clone();
                        let is_selected = {
                            let key = key.clone();
                            move || (selected.get() == key).to_string()
                        };
                        let tab_index = {
                            let key = key.clone();
                            move || if tab_stop.get() == key { 0 } else { -1 }
                        };
                        let on_click = {
                            let key = key.clone();
                            let has_children = row.has_children;
                            move |_| {
                                focused.set(Some(key.clone()));
                                if has_children {
                                    toggle(&key);
                                }
                                choose(key.clone());
                            }
                        };
                        let open = {
                            let key = key.clone();
                            Memo::new(move |_| rows.with(|rows| rows.iter().any(|r| r.row.key == key && r.row.expanded)))
                        };
                        let has_children = row.has_children;
                        let aria_expanded = move || has_children.then(|| open.get().to_string());
                        let mark = move || match (has_children, open.get()) {
                            (false, _) => "",
                            (true, false) => "▸",
                            (true, true) => "▾",
                        };
                        view! {
                            <li role="treeitem" class="app-tree__item" id=dom_id(&key) data-testid="thread-node"
                                data-key=key.clone()
                                aria-posinset=row.position aria-setsize=row.siblings
                                aria-expanded=aria_expanded
                                aria-selected=is_selected tabindex=tab_index
                                style=format!("--tree-level: {}", row.level - 1)
                                on:click=on_click>
                                <span class="app-tree__toggle" aria-hidden="true">{mark}</span>
                                <span class="app-tree__kind">{kind}</span>
                                <span class="app-tree__name">{row.name}</span>
                                <RagStatusBadge status=summary none_label="Not rated" />
                            </li>
                        }
                        // tachys has no typed `aria-level`; it is set as a plain attribute.
                        .add_any_attr(custom_attribute("aria-level", row.level.to_string()))
                    }
                />
            </ul>
        </section>
    }
}
