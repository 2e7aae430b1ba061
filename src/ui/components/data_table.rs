//! The one table every page draws: a caption, column headings scoped to their columns, the cell that names each
//! row as its row heading, numbers aligned right, optionally headings that sort, and what it says when there is
//! no row. Pages say what the columns are and how one item becomes a row; this draws the rest the same way
//! everywhere.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

/// How a column's cells are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CellKind {
    /// Words, aligned left.
    Text,
    /// A figure, aligned right so that digits line up.
    Number,
    /// The cell that names its row (`<th scope="row">`).
    RowHeading,
}

/// A column: its heading, how its cells are drawn and, in a sortable table, the test id of its sort button.
#[derive(Clone, Debug)]
pub struct Column {
    heading: String,
    kind: CellKind,
    class: Option<&'static str>,
    sort_id: Option<String>,
}

impl Column {
    fn new(heading: impl Into<String>, kind: CellKind) -> Self {
        Self {
            heading: heading.into(),
            kind,
            class: None,
            sort_id: None,
        }
    }

    /// A column of words.
    pub fn text(heading: impl Into<String>) -> Self {
        Self::new(heading, CellKind::Text)
    }

    /// A column of figures, aligned right.
    pub fn number(heading: impl Into<String>) -> Self {
        Self::new(heading, CellKind::Number)
    }

    /// The column whose cell names the row, read out by screen readers with every other cell of the row.
    pub fn row_heading(heading: impl Into<String>) -> Self {
        Self::new(heading, CellKind::RowHeading)
    }

    /// Adds a class to every cell of the column.
    #[must_use]
    pub fn with_class(mut self, class: &'static str) -> Self {
        self.class = Some(class);
        self
    }

    /// Makes the heading a sort button with the test id `test_id` (in a table given a [`Sorting`]).
    #[must_use]
    pub fn sortable(mut self, test_id: impl Into<String>) -> Self {
        self.sort_id = Some(test_id.into());
        self
    }

    fn cell_class(&self) -> Option<String> {
        let base = (self.kind == CellKind::Number).then_some("app-table__number");
        match (base, self.class) {
            (Some(base), Some(extra)) => Some(format!("{base} {extra}")),
            (base, extra) => base.or(extra).map(str::to_owned),
        }
    }
}

/// One row: its cells in column order, and what names it to tests and scripts.
pub struct Row {
    key: String,
    cells: Vec<AnyView>,
    test_id: Option<&'static str>,
    data: Option<(&'static str, String)>,
    highlighted: bool,
}

impl Row {
    /// A row of `cells`, one a column.
    pub fn new(cells: Vec<AnyView>) -> Self {
        Self {
            key: String::new(),
            cells,
            test_id: None,
            data: None,
            highlighted: false,
        }
    }

    /// Gives the row the key it is matched by in a keyed table: anything that changes when what it shows does.
    #[must_use]
    pub fn key(mut self, key: String) -> Self {
        self.key = key;
        self
    }

    /// Gives the row the test id `test_id`.
    #[must_use]
    pub fn test_id(mut self, test_id: &'static str) -> Self {
        self.test_id = Some(test_id);
        self
    }

    /// Gives the row the attribute `name` (a `data-` attribute) set to `value`, such as the id of its item.
    #[must_use]
    pub fn data(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.data = Some((name, value.into()));
        self
    }

    /// Marks the row out from the others (the council's own row among its comparators).
    #[must_use]
    pub fn highlighted(mut self, on: bool) -> Self {
        self.highlighted = on;
        self
    }
}

/// How a sortable table is sorted, and what choosing a heading does: `by` is the index of the column sorted by and
/// whether the order is descending; choosing a sortable heading calls `choose` with its column's index.
#[derive(Clone, Copy)]
pub struct Sorting {
    /// The column sorted by and whether descending, if any.
    pub by: Signal<Option<(usize, bool)>>,
    /// Called with the index of the heading chosen.
    pub choose: Callback<usize>,
}

/// What a table with no row says, and whether the table is left out then.
#[derive(Clone, Debug)]
pub struct Empty {
    test_id: &'static str,
    message: String,
    table_hidden: bool,
}

impl Empty {
    /// Says `message` below the table's headings.
    pub fn below(test_id: &'static str, message: impl Into<String>) -> Self {
        Self {
            test_id,
            message: message.into(),
            table_hidden: false,
        }
    }

    /// Says `message` instead of the table.
    pub fn instead(test_id: &'static str, message: impl Into<String>) -> Self {
        Self {
            test_id,
            message: message.into(),
            table_hidden: true,
        }
    }
}

/// Optional parts of a table's look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// Tighter cells, for short tables beside other content.
    pub compact: bool,
    /// In a region that scrolls sideways on narrow screens and can be scrolled from the keyboard.
    pub scrolls: bool,
    /// The column headings are for screen readers only (a two-column table of names and values).
    pub headings_hidden: bool,
}

impl Layout {
    const fn of(compact: bool, scrolls: bool, headings_hidden: bool) -> Self {
        Self {
            compact,
            scrolls,
            headings_hidden,
        }
    }

    /// Tighter cells.
    pub const COMPACT: Self = Self::of(true, false, false);
    /// A wide table that scrolls sideways.
    pub const WIDE: Self = Self::of(false, true, false);
    /// A wide table of tight cells that scrolls sideways.
    pub const WIDE_COMPACT: Self = Self::of(true, true, false);
    /// A table of names and values, its headings for screen readers only.
    pub const NAMES_AND_VALUES: Self = Self::of(true, false, true);
}

/// The table with the test id `test_id`, under `caption`, of the rows `rows` gives (it is called again when what
/// it reads changes). If `keyed`, rows are matched by their keys ([`Row::key`]) when they change, so a sorted or
/// filtered table moves its rows instead of drawing them again (worth it for long tables).
#[component]
pub fn DataTable<F>(
    test_id: &'static str,
    #[prop(into)] caption: TextProp,
    columns: Vec<Column>,
    rows: F,
    #[prop(optional)] keyed: bool,
    #[prop(optional)] layout: Layout,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] sorting: Option<Sorting>,
    #[prop(optional)] empty: Option<Empty>,
) -> impl IntoView
where
    F: Fn() -> Vec<Row> + Send + Sync + 'static,
{
    let parts = Parts {
        test_id,
        caption,
        columns: columns.into(),
        layout,
        class,
        sorting,
    };
    table(parts, Arc::new(rows), keyed, empty)
}

/// The rows of a table as they are now.
type RowsOf = Arc<dyn Fn() -> Vec<Row> + Send + Sync>;

/// What a table is besides its rows.
#[derive(Clone)]
struct Parts {
    test_id: &'static str,
    caption: TextProp,
    columns: Arc<[Column]>,
    layout: Layout,
    class: Option<&'static str>,
    sorting: Option<Sorting>,
}

/// What a table with no row says, drawn.
fn empty_message(empty: &Empty) -> AnyView {
    view! { <p data-testid=empty.test_id>{empty.message.clone()}</p> }.into_any()
}

/// The table of `rows`, matched by key if `keyed`, and what it says when it has none.
fn table(parts: Parts, rows: RowsOf, keyed: bool, empty: Option<Empty>) -> AnyView {
    if keyed {
        // Rows are matched by key, so the table stays put and only the body changes; the count says whether
        // the table is empty.
        let count = RwSignal::new(0_usize);
        let columns = Arc::clone(&parts.columns);
        let each = move || {
            let rows = rows();
            count.set(rows.len());
            rows
        };
        let body = view! {
            <For each=each key=|row| row.key.clone() children=move |row| drawn_row(&columns, row) />
        }
        .into_any();
        let message = move || {
            empty
                .as_ref()
                .filter(|_| count.get() == 0)
                .map(empty_message)
        };
        view! { {table_frame(parts, body)} {message} }.into_any()
    } else {
        (move || {
            let rows = rows();
            match &empty {
                Some(empty) if rows.is_empty() && empty.table_hidden => empty_message(empty),
                _ => {
                    let message = empty
                        .as_ref()
                        .filter(|_| rows.is_empty())
                        .map(empty_message);
                    let body = rows
                        .into_iter()
                        .map(|row| drawn_row(&parts.columns, row))
                        .collect_view()
                        .into_any();
                    view! { {table_frame(parts.clone(), body)} {message} }.into_any()
                }
            }
        })
        .into_any()
    }
}

/// A table of names and their values (a KPI's position: actual, target, previous period …), each name the
/// heading of its row; the column headings are for screen readers only.
#[component]
pub fn NamesAndValues(
    test_id: &'static str,
    #[prop(into)] caption: TextProp,
    rows: Vec<(&'static str, AnyView)>,
) -> impl IntoView {
    let columns: Arc<[Column]> = [Column::row_heading("Name"), Column::text("Value")].into();
    let body = rows
        .into_iter()
        .map(|(name, value)| drawn_row(&columns, Row::new(vec![name.into_any(), value])))
        .collect_view()
        .into_any();
    let parts = Parts {
        test_id,
        caption,
        columns,
        layout: Layout::NAMES_AND_VALUES,
        class: None,
        sorting: None,
    };
    table_frame(parts, body)
}

/// The table: caption, headings and `body`, in a scrolling region if the layout says so.
fn table_frame(parts: Parts, body: AnyView) -> AnyView {
    let Parts {
        test_id,
        caption,
        columns,
        layout,
        class,
        sorting,
    } = parts;
    let caption_id = format!("{test_id}-caption");
    let mut classes = String::from("app-table");
    if layout.compact {
        classes.push_str(" app-table--compact");
    }
    if let Some(class) = class {
        classes.push(' ');
        classes.push_str(class);
    }
    let headings = columns
        .iter()
        .enumerate()
        .map(|(index, column)| heading(index, column, sorting))
        .collect_view();
    let table = view! {
        <table class=classes data-testid=test_id>
            <caption id=layout.scrolls.then(|| caption_id.clone()) class="app-table__caption">{move || caption.get()}</caption>
            <thead class:app-visually-hidden=layout.headings_hidden>
                <tr>{headings}</tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    };
    if layout.scrolls {
        view! {
            <div class="app-table-scroll" role="region" aria-labelledby=caption_id tabindex="0">{table}</div>
        }
        .into_any()
    } else {
        table.into_any()
    }
}

/// A column's heading: a sort button when the table sorts by it.
fn heading(index: usize, column: &Column, sorting: Option<Sorting>) -> AnyView {
    let class = (column.kind == CellKind::Number).then_some("app-table__number");
    let label = column.heading.clone();
    match (sorting, column.sort_id.clone()) {
        (Some(sorting), Some(sort_id)) => {
            let state = move || {
                sorting
                    .by
                    .get()
                    .and_then(|(by, descending)| (by == index).then_some(descending))
            };
            let aria_sort = move || {
                state().map(|descending| {
                    if descending {
                        "descending"
                    } else {
                        "ascending"
                    }
                })
            };
            let mark = move || match state() {
                Some(false) => " ▲",
                Some(true) => " ▼",
                None => "",
            };
            view! {
                <th scope="col" class=class aria-sort=aria_sort>
                    <button type="button" class="app-sort" data-testid=sort_id on:click=move |_| sorting.choose.run(index)>
                        {label}
                        <span class="app-sort__mark" aria-hidden="true">{mark}</span>
                    </button>
                </th>
            }
            .into_any()
        }
        _ => view! { <th scope="col" class=class>{label}</th> }.into_any(),
    }
}

/// A row's cells, each drawn as its column says.
fn drawn_row(columns: &[Column], row: Row) -> AnyView {
    let cells = row
        .cells
        .into_iter()
        .zip(columns)
        .map(|(cell, column)| {
            let class = column.cell_class();
            if column.kind == CellKind::RowHeading {
                view! { <th scope="row" class=class>{cell}</th> }.into_any()
            } else {
                view! { <td class=class>{cell}</td> }.into_any()
            }
        })
        .collect_view();
    let class = row.highlighted.then_some("app-table__row--ours");
    let drawn = view! { <tr class=class data-testid=row.test_id>{cells}</tr> };
    match row.data {
        Some((name, value)) => drawn.add_any_attr(custom_attribute(name, value)).into_any(),
        None => drawn.into_any(),
    }
}
