//! An item's change history where the item is edited (a risk, an action, a person, a committee, a role, a
//! plan, an audit, the framework's settings): when, which field from what to what, who and how, newest first
//! (`item-history`).

use leptos::prelude::*;

use crate::domain::history::change_line::KnownNames;
use crate::domain::history::item_changes::changes_of_item;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row};
use crate::ui::state::use_app_state;

/// The changes to the item `key` of `list` ("framework" for the settings); nothing while `key` is empty.
/// `nested` puts its heading a level down, for a section within a section.
#[component]
pub fn ItemChanges(
    #[prop(into)] list: Signal<&'static str>,
    #[prop(into)] key: Signal<String>,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    let state = use_app_state();
    let lines = Memo::new(move |_| {
        let (list, key) = (list.get(), key.get());
        state.session.with(|s| {
            let workspace = s.current();
            KnownNames::of(workspace).lines(changes_of_item(&workspace.history, list, &key))
        })
    });
    let columns = vec![
        Column::row_heading("When (UTC)"),
        Column::text("Field"),
        Column::text("From \u{2192} to"),
        Column::text("Who"),
        Column::text("How"),
    ];
    let rows = move || {
        lines.with(|lines| {
            lines
                .iter()
                .map(|line| {
                    Row::new(vec![
                        line.when.clone().into_any(),
                        line.field.clone().into_any(),
                        line.from_to().into_any(),
                        line.who.clone().into_any(),
                        line.how.clone().into_any(),
                    ])
                })
                .collect()
        })
    };
    // Several may share a page (the people page's person, committee and role), each about its own list.
    let heading_id = format!("{}-history-heading", list.get_untracked());
    let labelled_by = heading_id.clone();
    let heading = move || {
        if nested {
            view! { <h3 id=heading_id.clone()>"Change history"</h3> }.into_any()
        } else {
            view! { <h2 id=heading_id.clone()>"Change history"</h2> }.into_any()
        }
    };
    view! {
        <Show when=move || key.with(|k| !k.is_empty())>
            <section class="app-section" aria-labelledby=labelled_by.clone() data-testid="item-history">
                {heading.clone()}
                <DataTable test_id="item-history-table" caption="Changes to it, newest first" columns=columns.clone()
                    rows=rows layout=Layout::WIDE
                    empty=Empty::instead("item-history-empty", "No change to it has been recorded yet.") />
            </section>
        </Show>
    }
}
