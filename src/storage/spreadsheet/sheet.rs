//! A sheet as the spreadsheet import reads it, whatever file it came from: its name, its heading row and the
//! rows below, every cell as the text the spreadsheet shows, each row with the number the spreadsheet gives it.

use serde::{Deserialize, Serialize};

use crate::storage::csv::{self, CsvError};

/// The most rows a sheet may have: a council's register and five years of monthly returns fit many times
/// over, and a larger sheet is refused with this number rather than read slowly.
pub const MAX_ROWS: usize = 50_000;

/// One row below the headings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetRow {
    /// Its number as the spreadsheet shows it (the heading row is row 1).
    pub number: usize,
    /// Its cells, one a column (short rows are padded with empty cells).
    pub cells: Vec<String>,
}

/// A sheet of text cells (serialised only to pass from the spreadsheet reader's worker to the page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// What a person should know about how the sheet was read (formulas, cells showing an error), in plain
    /// English.
    pub remarks: Vec<String>,
}

/// Why a sheet cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// The CSV itself is broken.
    Csv(CsvError),
    /// A workbook protected with a password (an encrypted file).
    Protected,
    /// An Excel 97–2003 workbook (.xls).
    OldExcel,
    /// A zip archive that is neither an Excel nor an OpenDocument workbook, or one too damaged to read.
    DamagedWorkbook,
    /// A workbook whose sheets are all empty.
    EmptyWorkbook,
    /// Headings in merged cells.
    MergedHeadings {
        /// The row the merged cells start in, as the spreadsheet numbers it.
        row: usize,
        /// The columns they span, in letters ("C to F").
        columns: String,
    },
    /// A file that is not a spreadsheet at all.
    NotASpreadsheet {
        /// What it is, in words ("a PDF document").
        kind: &'static str,
    },
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
            Self::Protected => f.write_str(
                "the workbook is protected with a password, so it cannot be read. Open it in Excel, remove the \
                 password (File, Info, Protect Workbook, Encrypt with Password, and clear it), save it, and choose \
                 it again.",
            ),
            Self::OldExcel => f.write_str(
                "this is an Excel 97-2003 workbook (.xls), which the import does not read. Open it in Excel and use \
                 Save As, \"Excel Workbook (.xlsx)\"; then choose that file.",
            ),
            Self::DamagedWorkbook => f.write_str(
                "this file is a zip archive but not an Excel (.xlsx) or OpenDocument (.ods) workbook, or it is \
                 damaged. Open it in Excel or LibreOffice Calc, save it as .xlsx, and choose it again.",
            ),
            Self::EmptyWorkbook => f.write_str(
                "no sheet of this workbook has a row of headings with rows below it. Put the headings (Indicator, \
                 Target, Actual, Quarter…) in one row at the top of a sheet, and choose the file again.",
            ),
            Self::MergedHeadings { row, columns } => write!(
                f,
                "the headings in row {row}, columns {columns}, are merged cells. The import needs one heading for \
                 each column, all in one row: unmerge them, give each column its own heading (for example \
                 \"Actual Q3 2024/25\"), and choose the file again."
            ),
            Self::NotASpreadsheet { kind } => write!(
                f,
                "this is {kind}, not a spreadsheet. Choose the council's sheet as .xlsx, .ods or .csv."
            ),
            Self::TooManyRows { rows } => write!(
                f,
                "The sheet has {rows} rows; the most the import reads is {MAX_ROWS}. Split it into smaller sheets."
            ),
        }
    }
}

impl Sheet {
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
            remarks: Vec::new(),
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
