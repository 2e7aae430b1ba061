//! Merging a file instead of replacing: the items both sides hold differently, side by side, each with a
//! choice of mine or theirs, and a choice for all at once.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::storage::diff::list_label;
use crate::storage::merge::{Conflict, Side};
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};

/// How many conflicts are listed at first, and how many more each "Show more" adds.
const FIRST_SHOWN: usize = 50;

/// The merge choices and the button that merges.
#[component]
pub fn ConflictChooser(
    /// Every item both sides hold differently.
    conflicts: Vec<Conflict>,
    /// Merges with the choices, keyed by (list, key); an item not in the map keeps mine.
    on_merge: Callback<HashMap<(String, String), Side>>,
    /// Leaves the import without changing anything.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let total = conflicts.len();
    let choices = RwSignal::new(vec![Side::Mine; total]);
    let set_all = move |side: Side| choices.set(vec![side; total]);
    let keys: Vec<(String, String)> = conflicts
        .iter()
        .map(|c| (c.list.to_owned(), c.key.clone()))
        .collect();
    let merge = move |_| {
        let chosen = choices.get_untracked();
        on_merge.run(keys.iter().cloned().zip(chosen).collect());
    };
    let taking_theirs = move || choices.with(|c| c.iter().filter(|s| **s == Side::Theirs).count());
    let conflicts = StoredValue::new(conflicts);
    let shown = RwSignal::new(FIRST_SHOWN.min(total));
    let listed = move || {
        conflicts.with_value(|all| {
            all.iter()
                .take(shown.get())
                .enumerate()
                .map(|(index, conflict)| view! { <ConflictItem index=index conflict=conflict.clone() choices=choices /> })
                .collect_view()
        })
    };
    view! {
        <section class="app-merge" aria-labelledby="merge-heading" data-testid="merge">
            <h3 id="merge-heading">"Or merge it into your workspace"</h3>
            <p>
                "Merging keeps everything only you have, adds everything only the file has, and for items you both \
                 have but differently keeps the version you choose."
            </p>
            {if total == 0 {
                view! { <p data-testid="no-conflicts">"No item differs between your workspace and the file: merging only adds."</p> }.into_any()
            } else {
                view! {
                    <p data-testid="conflict-count">
                        {total} {if total == 1 { " item differs" } else { " items differ" }}
                        ". Choose which version to keep for each, or for all of them. Until you choose, yours is kept."
                    </p>
                    <div class="app-button-group">
                        <button type="button" class="app-button app-button--secondary" data-testid="keep-mine-all" on:click=move |_| set_all(Side::Mine)>
                            "Keep mine for all"
                        </button>
                        <button type="button" class="app-button app-button--secondary" data-testid="take-theirs-all" on:click=move |_| set_all(Side::Theirs)>
                            "Take theirs for all"
                        </button>
                    </div>
                    <div data-testid="conflicts">{listed}</div>
                    <Show when=move || { shown.get() < total }>
                        <button
                            type="button"
                            class="app-button app-button--secondary"
                            data-testid="show-more-conflicts"
                            on:click=move |_| shown.update(|n| *n = (*n + FIRST_SHOWN).min(total))
                        >
                            "Show " {move || FIRST_SHOWN.min(total - shown.get())} " more of " {total}
                        </button>
                    </Show>
                }.into_any()
            }}
            <div class="app-button-group">
                <button type="button" class="app-button" data-testid="confirm-merge" on:click=merge>
                    {move || match taking_theirs() {
                        0 => "Merge into my workspace".to_owned(),
                        n => format!("Merge into my workspace, taking theirs for {n}"),
                    }}
                </button>
                <button type="button" class="app-button app-button--secondary" data-testid="cancel-import" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </section>
    }
}

/// One conflicting item: its differing fields side by side and the choice between them.
#[component]
fn ConflictItem(index: usize, conflict: Conflict, choices: RwSignal<Vec<Side>>) -> AnyView {
    let name = format!("conflict-{index}");
    let chosen = move |side: Side| choices.with(|c| c[index] == side);
    let choose = move |side: Side| choices.update(|c| c[index] = side);
    let rows: Vec<(String, String, String)> = conflict
        .differences()
        .into_iter()
        .map(|d| (d.field.to_string(), d.mine, d.theirs))
        .collect();
    let row = |(field, mine, theirs): (String, String, String)| {
        Row::new(vec![field.into_any(), mine.into_any(), theirs.into_any()])
    };
    let columns = vec![
        Column::row_heading("Field"),
        Column::text("Mine"),
        Column::text("Theirs"),
    ];
    view! {
        <fieldset class="app-conflict" data-testid="conflict">
            <legend>{list_label(conflict.list)} ": " {conflict.label.clone()}</legend>
            <DataTable test_id="conflict-fields" caption="How the two versions differ" columns=columns rows=move || rows.iter().cloned().map(row).collect()
                layout=Layout::COMPACT />
            <div class="app-radios">
                <label>
                    <input type="radio" name=name.clone() data-testid="keep-mine" prop:checked=move || chosen(Side::Mine) on:change=move |_| choose(Side::Mine) />
                    " Keep mine"
                </label>
                <label>
                    <input type="radio" name=name data-testid="take-theirs" prop:checked=move || chosen(Side::Theirs) on:change=move |_| choose(Side::Theirs) />
                    " Take theirs"
                </label>
            </div>
        </fieldset>
    }
    .into_any()
}
