//! Choosing the scorecard's columns: a checkbox for each column that can be hidden, "all columns" and "the key
//! columns", the choice kept in the address (so Back undoes it and a copied link shows the same columns).

use leptos::prelude::*;

use crate::ui::pages::scorecards::columns::{ScorecardColumn, ShownColumns};
use crate::ui::pages::scorecards::view::ScorecardView;

/// The column chooser, folded away until opened.
#[component]
pub fn ColumnChooser(view: Memo<ScorecardView>, apply: Callback<ScorecardView>) -> impl IntoView {
    let set = move |columns: ShownColumns| {
        let mut next = view.get_untracked();
        next.columns = columns;
        apply.run(next);
    };
    let summary = move || {
        view.with(|v| {
            format!(
                "Columns: {} of {} shown",
                v.columns.columns().len(),
                ScorecardColumn::ALL.len()
            )
        })
    };
    let boxes = ScorecardColumn::ALL
        .into_iter()
        .filter(|c| !c.always_shown())
        .map(|column| {
            view! {
                <label class="app-check">
                    <input type="checkbox" data-testid=format!("column-{}", column.code())
                        prop:checked=move || view.with(|v| v.columns.shows(column))
                        on:change=move |_| set(view.with_untracked(|v| v.columns.toggled(column))) />
                    " " {column.heading()}
                </label>
            }
        })
        .collect_view();
    view! {
        <details class="app-columns" data-testid="column-chooser">
            <summary>{summary}</summary>
            <fieldset class="app-columns__list">
                <legend>"Columns to show (the KPI and its RAG rating are always shown; the CSV has every column)"</legend>
                {boxes}
            </fieldset>
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary" data-testid="columns-all"
                    on:click=move |_| set(ShownColumns::all())>"Show every column"</button>
                <button type="button" class="app-button app-button--secondary" data-testid="columns-key"
                    on:click=move |_| set(ShownColumns::default())>"Show the key columns"</button>
            </div>
        </details>
    }
}
