//! A sheet as the spreadsheet import reads it, whatever file it came from: its name, its heading row and the
//! rows below, every cell as the text the spreadsheet shows, each row with the number the spreadsheet gives it.

use crate::storage::csv::{self, CsvError};

/// The most rows a sheet may have: a council's register and five years of monthly returns fit many times
/// over, and a larger sheet is refused with this number rather than read slowly.
pub const MAX_ROWS: usize = 50_000;

/// One row below the headings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRow {
    /// Its number as the spreadsheet shows it (the heading row is row 1).
    pub number: usize,
    /// Its cells, one a column (short rows are padded with empty cells).
    pub cells: Vec<String>,
}

/// A sheet of text cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name (a CSV file's name).
    pub name: String,
    /// The heading row.
    pub headings: Vec<String>,
    /// The rows below it, blank rows left out.
    pub rows: Vec<SheetRow>,
    /// Whether figures are written with a decimal comma (a semicolon-separated file, as a European Excel
    /// saves one).
    pub decimal_comma: bool,
}

/// Why a sheet cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// The CSV itself is broken.
    Csv(CsvError),
    /// An Excel or OpenDocument workbook (a zip archive), which is not read yet.
    Workbook,
    /// More rows than [`MAX_ROWS`].
    TooManyRows {
        /// How many rows the sheet has.
        rows: usize,
    },
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Csv(problem) => problem.fmt(f),
            Self::Workbook => f.write_str(
                "this is an Excel or OpenDocument workbook, which the import cannot read yet. Open it, choose the \
                 sheet, and use Save As, \"CSV UTF-8 (Comma delimited)\"; then choose that file.",
            ),
            Self::TooManyRows { rows } => write!(
                f,
                "The sheet has {rows} rows; the most the import reads is {MAX_ROWS}. Split it into smaller sheets."
            ),
        }
    }
}

/// The first bytes of a zip archive, which is what .xlsx and .ods workbooks are.
const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";

impl Sheet {
    /// The sheet in a file called `name`: a CSV file; a workbook is refused with what to do instead.
    pub fn from_file(name: &str, bytes: &[u8]) -> Result<Self, SheetError> {
        if bytes.starts_with(ZIP_SIGNATURE) {
            return Err(SheetError::Workbook);
        }
        Self::from_csv(name, bytes)
    }

    /// The sheet of a CSV file called `name`.
    pub fn from_csv(name: &str, bytes: &[u8]) -> Result<Self, SheetError> {
        let table = csv::read(bytes).map_err(SheetError::Csv)?;
        if table.rows.len() > MAX_ROWS {
            return Err(SheetError::TooManyRows {
                rows: table.rows.len(),
            });
        }
        let width = table.header.len();
        let rows = table
            .rows
            .into_iter()
            .map(|(line, mut cells)| {
                if cells.len() < width {
                    cells.resize(width, String::new());
                }
                SheetRow {
                    number: line,
                    cells,
                }
            })
            .collect();
        Ok(Self {
            name: name.to_owned(),
            headings: table.header,
            rows,
            decimal_comma: table.separator == ';',
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_becomes_a_sheet_with_the_rows_numbered_as_the_spreadsheet_shows_them() {
        let sheet = Sheet::from_csv(
            "q3.csv",
            b"Indicator,Actual\nHomes,\"19,625\"\n\nRecycling\n",
        )
        .unwrap();
        assert_eq!(sheet.headings, ["Indicator", "Actual"]);
        assert_eq!(
            sheet.rows,
            [
                SheetRow {
                    number: 2,
                    cells: vec!["Homes".to_owned(), "19,625".to_owned()]
                },
                SheetRow {
                    number: 4,
                    cells: vec!["Recycling".to_owned(), String::new()]
                },
            ]
        );
        assert!(!sheet.decimal_comma);
        assert!(
            Sheet::from_csv("eu.csv", b"Indicator;Actual\nHomes;85,2\n")
                .unwrap()
                .decimal_comma
        );
    }

    #[test]
    fn a_workbook_is_refused_with_what_to_do_instead() {
        let refused = Sheet::from_file("register.xlsx", b"PK\x03\x04\x14\x00\x06\x00").unwrap_err();
        assert_eq!(refused, SheetError::Workbook);
        assert!(refused.to_string().contains("Save As"), "{refused}");
        assert!(Sheet::from_file("q3.csv", b"Indicator\nHomes\n").is_ok());
    }

    #[test]
    fn a_sheet_over_the_row_limit_is_refused_with_both_numbers() {
        let mut csv = String::from("Indicator,Actual\n");
        for i in 0..=MAX_ROWS {
            csv.push_str(&format!("K{i},1\n"));
        }
        let refused = Sheet::from_csv("big.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "The sheet has 50001 rows; the most the import reads is 50000. Split it into smaller sheets."
        );
    }
}
