//! A sheet to write out as a spreadsheet (the template, the register export): its name, headings and rows,
//! each cell text, a number or nothing.

/// A cell of a sheet to write: text, or a number kept as a number so the spreadsheet can add it up.
#[derive(Clone, Debug, PartialEq)]
pub enum CellOut {
    /// Text ("Q1 2025/26", "Higher is better").
    Text(String),
    /// A figure.
    Number(f64),
    /// Nothing.
    Empty,
}

/// A sheet to write: its name, its headings and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetOut {
    /// The sheet's name (at most 31 characters, as Excel allows).
    pub name: String,
    /// The heading row.
    pub headings: Vec<String>,
    /// The rows below it, a cell for each heading.
    pub rows: Vec<Vec<CellOut>>,
}
