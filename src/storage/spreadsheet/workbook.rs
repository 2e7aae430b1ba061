//! Excel (.xlsx) and OpenDocument (.ods) workbooks, read with `calamine` into [`Sheet`]s of text cells that say
//! what the spreadsheet shows: a figure as its digits ("19625", "0.852" formatted as a percentage as "85.2%"),
//! a date as a UK date ("31/12/2024"), a formula as the value the spreadsheet last calculated. Each sheet's
//! heading row is the first that looks like one (a title above it is passed over); cells merged below it take
//! the merged value; what a person should know about the reading (formulas, error cells) is said in the sheet's
//! remarks. Headings in merged cells, a password and a workbook with no data are refused with what to do.

use std::io::Cursor;

use calamine::{Data, Dimensions, Ods, OdsError, Range, Reader, StyleRange, Xlsx, XlsxError};

use super::column_letters::column_letters;
use super::ods_percentages::percentage_cells;
use super::sheet::{MAX_ROWS, Sheet, SheetError, SheetRow};

/// How many rows from the top are searched for the heading row.
const HEADING_SEARCH: usize = 30;

/// The workbook formats read.
enum Book<'a> {
    /// Boxed: an Excel reader is several times the size of an OpenDocument one.
    Xlsx(Box<Xlsx<Cursor<&'a [u8]>>>),
    /// With the workbook's bytes, to read the cell types calamine drops.
    Ods(Ods<Cursor<&'a [u8]>>, &'a [u8]),
}

/// Which cells of a sheet show percentages: Excel's number formats, or OpenDocument's value types.
enum Formats {
    Excel(StyleRange),
    /// The percentage cells, in order (see [`percentage_cells`]).
    OpenDocument(Vec<(u32, u32)>),
}

impl Formats {
    /// Whether the cell at `position` shows a percentage: formatted as one in Excel (its number format has a
    /// `%` outside quotes), or of the percentage type in OpenDocument.
    fn is_percentage(&self, position: (u32, u32)) -> bool {
        match self {
            Self::Excel(styles) => is_percentage_format(styles, position),
            Self::OpenDocument(cells) => cells.binary_search(&position).is_ok(),
        }
    }
}

impl Book<'_> {
    fn sheet_names(&self) -> Vec<String> {
        match self {
            Self::Xlsx(book) => book.sheet_names(),
            Self::Ods(book, _) => book.sheet_names(),
        }
    }

    /// A sheet's cells; none for a sheet without cells (a chart sheet).
    fn values(&mut self, name: &str) -> Option<Range<Data>> {
        match self {
            Self::Xlsx(book) => book.worksheet_range(name).ok(),
            Self::Ods(book, _) => book.worksheet_range(name).ok(),
        }
    }

    fn formulas(&mut self, name: &str) -> Option<Range<String>> {
        match self {
            Self::Xlsx(book) => book.worksheet_formula(name).ok(),
            Self::Ods(book, _) => book.worksheet_formula(name).ok(),
        }
    }

    fn formats(&mut self, name: &str) -> Formats {
        match self {
            Self::Xlsx(book) => Formats::Excel(
                book.worksheet_style(name)
                    .unwrap_or_else(|_| StyleRange::empty()),
            ),
            Self::Ods(_, bytes) => Formats::OpenDocument(percentage_cells(bytes, name)),
        }
    }

    /// A sheet's merged cells, where the format keeps them for the reader.
    fn merged(&mut self, name: &str) -> Vec<Dimensions> {
        match self {
            Self::Xlsx(book) => book.merge_cells_by_sheet_name(name).unwrap_or_default(),
            Self::Ods(..) => Vec::new(),
        }
    }
}

/// The sheets of the workbook in `bytes` that hold anything, or why it cannot be read; a workbook with none
/// is refused. `old_format` says the file is an OLE compound file (what Excel 97–2003 wrote, and what a
/// password turns an `.xlsx` into), so that a workbook that cannot be read is called what it is. Each sheet is
/// read in four passes over its XML (cells, formulas, formats, merged cells), a few hundred milliseconds on a
/// 5,000-row sheet: the app reads in a web worker (`src/bin/sheet_reader.rs`), so the page never waits on it.
pub fn read_workbook(bytes: &[u8], old_format: bool) -> Result<Vec<Sheet>, SheetError> {
    let mut book = match Xlsx::new(Cursor::new(bytes)) {
        Ok(book) => Book::Xlsx(Box::new(book)),
        Err(XlsxError::Password) => return Err(SheetError::Protected),
        Err(_) if old_format => return Err(SheetError::OldExcel),
        Err(_) => match Ods::new(Cursor::new(bytes)) {
            Ok(book) => Book::Ods(book, bytes),
            Err(OdsError::Password) => return Err(SheetError::Protected),
            Err(_) => return Err(SheetError::DamagedWorkbook),
        },
    };
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        // A chart sheet has no cells: it is passed over, as an empty sheet is.
        let Some(values) = book.values(&name) else {
            continue;
        };
        let formulas = book.formulas(&name).unwrap_or_else(Range::empty);
        let formats = book.formats(&name);
        let merged = book.merged(&name);
        if let Some(sheet) = sheet_of(&name, &values, Some(&formulas), &formats, &merged)? {
            sheets.push(sheet);
        }
    }
    if sheets.is_empty() {
        return Err(SheetError::EmptyWorkbook);
    }
    Ok(sheets)
}

/// A cell as the grid holds it while a sheet is read.
struct GridCell {
    text: String,
    /// The error the spreadsheet shows in the cell ("#DIV/0!"), read as empty.
    error: Option<String>,
}

/// One sheet, or `None` when it has no heading row (it is empty, or holds a single line of text).
fn sheet_of(
    name: &str,
    values: &Range<Data>,
    formulas: Option<&Range<String>>,
    formats: &Formats,
    merged: &[Dimensions],
) -> Result<Option<Sheet>, SheetError> {
    let Some((first_row, first_column)) = values.start() else {
        return Ok(None);
    };
    let mut grid: Vec<Vec<GridCell>> = values
        .rows()
        .zip(first_row..)
        .map(|(row, at_row)| {
            row.iter()
                .zip(first_column..)
                .map(|(data, at_column)| grid_cell(data, formats, (at_row, at_column)))
                .collect()
        })
        .collect();
    let Some(heading_index) = heading_row(&grid) else {
        return Ok(None);
    };
    let heading_row_number = first_row as usize + heading_index;
    if let Some(problem) = merged_heading(merged, heading_row_number, first_column, &grid) {
        return Err(problem);
    }
    fill_merged_cells(
        &mut grid,
        merged,
        heading_row_number,
        (first_row, first_column),
    );
    let rows_below = grid.len() - heading_index - 1;
    if rows_below > MAX_ROWS {
        return Err(SheetError::TooManyRows { rows: rows_below });
    }
    let mut grid = grid.into_iter().skip(heading_index);
    let headings: Vec<String> = grid
        .next()
        .unwrap_or_default()
        .into_iter()
        .map(|cell| cell.text.trim().to_owned())
        .collect();
    let mut remarks = Remarks::default();
    let mut rows = Vec::new();
    for (offset, cells) in grid.enumerate() {
        // Rows are numbered as the spreadsheet numbers them: from 1, the heading row's own number first.
        let number = heading_row_number + offset + 2;
        for (index, cell) in cells.iter().enumerate() {
            if let Some(error) = &cell.error {
                remarks.error(error, number, heading_of(&headings, index));
            }
        }
        if cells.iter().all(|cell| cell.text.trim().is_empty()) {
            continue;
        }
        rows.push(SheetRow {
            number,
            cells: cells.into_iter().map(|cell| cell.text).collect(),
        });
    }
    if let Some(formulas) = formulas {
        remarks.formulas(formulas, values, heading_row_number, &headings);
    }
    if formats_made_percentages(values, formats, heading_row_number) {
        remarks.lines.push(
            "Cells formatted as percentages are read as the spreadsheet shows them: 0.852 as 85.2%.".to_owned(),
        );
    }
    Ok(Some(Sheet {
        name: name.to_owned(),
        headings,
        rows,
        decimal_comma: false,
        remarks: remarks.into_lines(),
    }))
}

/// The text the spreadsheet shows for `data`, the cell at absolute `position`.
fn grid_cell(data: &Data, formats: &Formats, position: (u32, u32)) -> GridCell {
    let text = match data {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if formats.is_percentage(position) => {
            format!("{}%", figure_text(number * 100.0))
        }
        Data::Float(number) => figure_text(*number),
        Data::Bool(true) => "TRUE".to_owned(),
        Data::Bool(false) => "FALSE".to_owned(),
        Data::DateTime(moment) => match moment.as_datetime() {
            Some(moment) if moment.time() == chrono::NaiveTime::MIN => {
                moment.format("%d/%m/%Y").to_string()
            }
            Some(moment) => moment.format("%d/%m/%Y %H:%M").to_string(),
            None => figure_text(moment.as_f64()),
        },
        Data::DateTimeIso(text) => match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => date.format("%d/%m/%Y").to_string(),
            Err(_) => text.clone(),
        },
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => {
            return GridCell {
                text: String::new(),
                error: Some(error.to_string()),
            };
        }
    };
    GridCell { text, error: None }
}

/// Whether the cell at `position` is formatted as a percentage (its number format has a `%` outside quotes).
fn is_percentage_format(styles: &StyleRange, position: (u32, u32)) -> bool {
    let Some(format) = styles
        .get(position)
        .and_then(|style| style.number_format.as_ref())
    else {
        return false;
    };
    let mut quoted = false;
    format.format_code.chars().any(|c| {
        if c == '"' {
            quoted = !quoted;
        }
        c == '%' && !quoted
    })
}

/// Whether any figure below the heading row was read as a percentage because of its format.
fn formats_made_percentages(values: &Range<Data>, formats: &Formats, heading_row: usize) -> bool {
    values.cells().any(|(row, column, data)| {
        let (first_row, first_column) = values.start().unwrap_or_default();
        let at = (first_row + row as u32, first_column + column as u32);
        at.0 as usize > heading_row && matches!(data, Data::Float(_)) && formats.is_percentage(at)
    })
}

/// A figure as the spreadsheet shows it in the General format: at most 15 significant digits (what a
/// spreadsheet keeps), so that 0.1 + 0.2 reads "0.3", with no trailing zeros.
pub fn figure_text(number: f64) -> String {
    if !number.is_finite() {
        return String::new();
    }
    let rounded: f64 = format!("{number:.14e}").parse().unwrap_or(number);
    let text = rounded.to_string();
    if text == "-0" { "0".to_owned() } else { text }
}

/// The index in `grid` of the heading row: among the first rows, the first with two or more cells filled and
/// at least half as many as the fullest of them (so a title, a date line or a blank row above is passed over).
fn heading_row(grid: &[Vec<GridCell>]) -> Option<usize> {
    let filled = |row: &Vec<GridCell>| {
        row.iter()
            .filter(|cell| !cell.text.trim().is_empty())
            .count()
    };
    let fullest = grid.iter().take(HEADING_SEARCH).map(filled).max()?;
    grid.iter()
        .take(HEADING_SEARCH)
        .position(|row| filled(row) >= 2 && filled(row) * 2 >= fullest)
}

/// Why headings in merged cells cannot be read: a merged cell across columns in the heading row, or a group
/// heading over some of its columns in the row above.
fn merged_heading(
    merged: &[Dimensions],
    heading_row: usize,
    first_column: u32,
    grid: &[Vec<GridCell>],
) -> Option<SheetError> {
    let last_column = first_column as usize + grid.iter().map(Vec::len).max().unwrap_or(0);
    merged
        .iter()
        .find(|area| {
            let (top, bottom) = (area.start.0 as usize, area.end.0 as usize);
            let across = area.end.1 > area.start.1;
            let in_heading_row = top <= heading_row && heading_row <= bottom && across;
            let group_above = bottom + 1 == heading_row
                && across
                && (area.start.1 > first_column || (area.end.1 as usize) + 1 < last_column);
            in_heading_row || group_above
        })
        .map(|area| SheetError::MergedHeadings {
            row: area.start.0 as usize + 1,
            columns: format!(
                "{} to {}",
                column_letters(area.start.1 as usize),
                column_letters(area.end.1 as usize)
            ),
        })
}

/// Gives every cell of a merged area below the heading row the value of its first cell, as the spreadsheet
/// shows it across the area. `origin` is the absolute row and column of `grid[0][0]`.
fn fill_merged_cells(
    grid: &mut [Vec<GridCell>],
    merged: &[Dimensions],
    heading_row: usize,
    origin: (u32, u32),
) {
    for area in merged
        .iter()
        .filter(|area| area.start.0 as usize > heading_row)
    {
        let at = |row: u32, column: u32| -> Option<(usize, usize)> {
            Some((
                row.checked_sub(origin.0)? as usize,
                column.checked_sub(origin.1)? as usize,
            ))
        };
        let Some((top, left)) = at(area.start.0, area.start.1) else {
            continue;
        };
        let Some(text) = grid
            .get(top)
            .and_then(|row| row.get(left))
            .map(|cell| cell.text.clone())
        else {
            continue;
        };
        for row in area.start.0..=area.end.0 {
            for column in area.start.1..=area.end.1 {
                let cell = at(row, column).and_then(|(r, c)| grid.get_mut(r)?.get_mut(c));
                if let Some(cell) = cell.filter(|cell| cell.text.is_empty()) {
                    cell.text.clone_from(&text);
                }
            }
        }
    }
}

/// The heading of column `index`, or its letters when it has none.
fn heading_of(headings: &[String], index: usize) -> String {
    match headings.get(index) {
        Some(heading) if !heading.is_empty() => format!("'{heading}'"),
        _ => column_letters(index),
    }
}

/// What is said about a sheet's reading, gathered as it is read.
#[derive(Default)]
struct Remarks {
    lines: Vec<String>,
    errors: usize,
    first_error: Option<String>,
}

impl Remarks {
    fn error(&mut self, error: &str, row: usize, column: String) {
        self.errors += 1;
        self.first_error
            .get_or_insert_with(|| format!("{error} at row {row}, column {column}"));
    }

    /// Counts the formulas below the heading row, and those whose value was never saved.
    fn formulas(
        &mut self,
        formulas: &Range<String>,
        values: &Range<Data>,
        heading_row: usize,
        headings: &[String],
    ) {
        let (first_row, first_column) = formulas.start().unwrap_or_default();
        let (value_row, value_column) = values.start().unwrap_or_default();
        let mut count = 0;
        let mut first = None;
        let mut unsaved = 0;
        for (row, column, formula) in formulas.used_cells() {
            let at = (first_row + row as u32, first_column + column as u32);
            if formula.trim().is_empty() || (at.0 as usize) <= heading_row {
                continue;
            }
            count += 1;
            let column_index = at.1.saturating_sub(value_column) as usize;
            first.get_or_insert_with(|| {
                format!(
                    "row {}, column {}: ={}",
                    at.0 + 1,
                    heading_of(headings, column_index),
                    formula.trim_start_matches('=')
                )
            });
            let value =
                at.0.checked_sub(value_row)
                    .zip(at.1.checked_sub(value_column))
                    .and_then(|(r, c)| values.get((r as usize, c as usize)));
            if matches!(value, None | Some(Data::Empty)) {
                unsaved += 1;
            }
        }
        if count == 0 {
            return;
        }
        let first = first.unwrap_or_default();
        self.lines.push(format!(
            "{count} {} formulas (the first at {first}); the values the spreadsheet last calculated were read.",
            if count == 1 { "cell holds" } else { "cells hold" }
        ));
        if unsaved > 0 {
            self.lines.push(format!(
                "{unsaved} of those formulas {} no saved value, so {} empty: open the file in Excel or \
                 LibreOffice Calc, save it, and choose it again.",
                if unsaved == 1 { "has" } else { "have" },
                if unsaved == 1 { "it reads as" } else { "they read as" }
            ));
        }
    }

    fn into_lines(mut self) -> Vec<String> {
        if let Some(first) = self.first_error {
            self.lines.push(format!(
                "{} {} a spreadsheet error (the first, {first}); {} read as empty.",
                self.errors,
                if self.errors == 1 {
                    "cell shows"
                } else {
                    "cells show"
                },
                if self.errors == 1 {
                    "it is"
                } else {
                    "they are"
                }
            ));
        }
        self.lines
    }
}

// The workbooks these tests read are written with native-only dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::io::Write;

    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

    use super::*;
    use crate::storage::spreadsheet::open::read_sheets;

    /// A council's published scorecard as Excel saves it: a title and a blank row above the headings, figures
    /// as numbers, one formatted as a percentage, a date, a formula, a cell showing an error, and a directorate
    /// merged down two rows.
    fn scorecard() -> Vec<u8> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet().set_name("Q3 scorecard").unwrap();
        sheet
            .merge_range(
                0,
                0,
                0,
                5,
                "Corporate scorecard, Q3 2024/25",
                &Format::new(),
            )
            .unwrap();
        for (column, heading) in [
            "Directorate",
            "Indicator",
            "Quarter",
            "Actual",
            "Target",
            "Reported",
        ]
        .iter()
        .enumerate()
        {
            sheet.write_string(2, column as u16, *heading).unwrap();
        }
        sheet
            .merge_range(3, 0, 4, 0, "Place", &Format::new())
            .unwrap();
        sheet.write_string(3, 1, "Homes built").unwrap();
        sheet.write_string(3, 2, "Q3 2024/25").unwrap();
        sheet.write_number(3, 3, 19625.0).unwrap();
        sheet
            .write_formula(3, 4, Formula::new("=D4*0.9").set_result("17662.5"))
            .unwrap();
        let date = ExcelDateTime::from_ymd(2025, 1, 31).unwrap();
        sheet
            .write_datetime_with_format(3, 5, &date, &Format::new().set_num_format("dd/mm/yyyy"))
            .unwrap();
        sheet.write_string(4, 1, "Recycling rate").unwrap();
        sheet.write_string(4, 2, "Q3 2024/25").unwrap();
        sheet
            .write_number_with_format(4, 3, 0.852, &Format::new().set_num_format("0.0%"))
            .unwrap();
        sheet
            .write_formula(4, 4, Formula::new("=1/0").set_result("#DIV/0!"))
            .unwrap();
        book.add_worksheet().set_name("Notes").unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_scorecard_workbook_reads_as_its_cells_show() {
        let sheets = read_sheets("q3.xlsx", &scorecard()).unwrap();
        // The empty "Notes" sheet is passed over.
        assert_eq!(sheets.len(), 1);
        let sheet = &sheets[0];
        assert_eq!(sheet.name, "Q3 scorecard");
        // The title in row 1 and the blank row 2 are passed over: the headings are row 3.
        assert_eq!(
            sheet.headings,
            [
                "Directorate",
                "Indicator",
                "Quarter",
                "Actual",
                "Target",
                "Reported"
            ]
        );
        let rows: Vec<(usize, Vec<&str>)> = sheet
            .rows
            .iter()
            .map(|row| (row.number, row.cells.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            rows,
            [
                // "Place" is merged down rows 4 and 5, so both rows hold it; the target is the formula's value.
                (
                    4,
                    vec![
                        "Place",
                        "Homes built",
                        "Q3 2024/25",
                        "19625",
                        "17662.5",
                        "31/01/2025"
                    ]
                ),
                // 0.852 formatted 0.0% shows as 85.2%; the cell showing #DIV/0! reads as empty.
                (
                    5,
                    vec!["Place", "Recycling rate", "Q3 2024/25", "85.2%", "", ""]
                ),
            ]
        );
        assert_eq!(
            sheet.remarks,
            [
                "2 cells hold formulas (the first at row 4, column 'Target': =D4*0.9); the values the spreadsheet \
                 last calculated were read.",
                "Cells formatted as percentages are read as the spreadsheet shows them: 0.852 as 85.2%.",
                "1 cell shows a spreadsheet error (the first, #DIV/0! at row 5, column 'Target'); it is read as \
                 empty.",
            ]
        );
    }

    #[test]
    fn headings_in_merged_cells_are_refused_with_where_they_are() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Indicator").unwrap();
        sheet.write_string(0, 1, "Owner").unwrap();
        // "2024/25" over the four quarters: a group heading above the row of headings.
        sheet
            .merge_range(0, 2, 0, 5, "2024/25", &Format::new())
            .unwrap();
        for (column, quarter) in ["Q1", "Q2", "Q3", "Q4"].iter().enumerate() {
            sheet.write_string(1, column as u16 + 2, *quarter).unwrap();
        }
        sheet.write_string(2, 0, "Homes built").unwrap();
        let refused = read_sheets("returns.xlsx", &book.save_to_buffer().unwrap()).unwrap_err();
        assert_eq!(
            refused,
            SheetError::MergedHeadings {
                row: 1,
                columns: "C to F".to_owned()
            }
        );
        assert!(refused.to_string().contains("unmerge them"), "{refused}");
    }

    #[test]
    fn a_workbook_of_empty_sheets_is_refused() {
        let mut book = Workbook::new();
        book.add_worksheet();
        book.add_worksheet()
            .write_string(0, 0, "Just a title")
            .unwrap();
        assert_eq!(
            read_sheets("empty.xlsx", &book.save_to_buffer().unwrap()).unwrap_err(),
            SheetError::EmptyWorkbook
        );
    }

    /// The manifest of an OpenDocument spreadsheet; `encrypted` adds what Calc writes for a password.
    fn manifest(encrypted: bool) -> String {
        let encryption = if encrypted {
            r#"<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>"#
        } else {
            ""
        };
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{encryption}</manifest:file-entry>
</manifest:manifest>"#
        )
    }

    /// The `content.xml` of an OpenDocument spreadsheet holding `tables` (its `table:table` elements).
    fn spreadsheet_content(tables: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        )
    }

    /// An OpenDocument spreadsheet as LibreOffice Calc saves one, reduced to what a reader needs.
    fn ods(content: &str, encrypted: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut archive = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        archive.start_file("mimetype", stored).unwrap();
        archive
            .write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        archive.start_file("META-INF/manifest.xml", stored).unwrap();
        archive.write_all(manifest(encrypted).as_bytes()).unwrap();
        archive.start_file("content.xml", stored).unwrap();
        // Calc writes no white space between a table's elements.
        archive
            .write_all(content.replace(">\n<", "><").as_bytes())
            .unwrap();
        archive.finish().unwrap();
        bytes
    }

    #[test]
    fn an_opendocument_sheet_reads_as_its_cells_show() {
        let content = spreadsheet_content(
            r#"<table:table table:name="Register">
<table:table-row><table:table-cell office:value-type="string"><text:p>Indicator</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Month</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Actual</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Homes built</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="2024-12-01"><text:p>01/12/2024</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="19625"><text:p>19,625</text:p></table:table-cell></table:table-row>
</table:table>"#,
        );
        let sheets = read_sheets("register.ods", &ods(&content, false)).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(sheets[0].name, "Register");
        assert_eq!(sheets[0].headings, ["Indicator", "Month", "Actual"]);
        assert_eq!(sheets[0].rows[0].number, 2);
        assert_eq!(
            sheets[0].rows[0].cells,
            ["Homes built", "01/12/2024", "19625"]
        );
        assert_eq!(
            read_sheets("register.ods", &ods(&content, true)).unwrap_err(),
            SheetError::Protected
        );
    }

    #[test]
    fn an_opendocument_percentage_reads_as_it_shows_wherever_repeats_put_it() {
        // A title row, then a blank row repeated twice (rows 2 and 3), the headings on row 4, then two KPIs:
        // the first row's percentage repeated over two columns, the second's after a covered (merged) cell.
        // Calc keeps 85.2% as the fraction 0.852 of type "percentage"; a plain 0.5 stays 0.5.
        let content = spreadsheet_content(
            r#"
<table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="percentage" office:value="0.1"><text:p>10%</text:p></table:table-cell></table:table-row></table:table>
<table:table table:name="Q2 &amp; Q3">
<table:table-row><table:table-cell office:value-type="string"><text:p>Corporate scorecard</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Indicator</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Target</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Actual</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Share</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Satisfied residents</text:p></table:table-cell>
<table:table-cell table:number-columns-repeated="2" office:value-type="percentage" office:value="0.852"><text:p>85.2%</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="0.5"><text:p>0.5</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Calls answered</text:p></table:table-cell>
<table:covered-table-cell/>
<table:table-cell office:value-type="percentage" office:value="0.9"><text:p>90%</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="12"><text:p>12</text:p></table:table-cell></table:table-row>
</table:table>"#,
        );
        let workbook = ods(&content, false);
        // Rows from 0: the first KPI is row 4, the second row 5; columns B to D are 1 to 3.
        assert_eq!(
            percentage_cells(&workbook, "Q2 & Q3"),
            [(4, 1), (4, 2), (5, 2)],
            "in order, for a binary search"
        );
        let sheets = read_sheets("scorecard.ods", &workbook).unwrap();
        // "Notes" holds one cell, no heading row: passed over.
        assert_eq!(sheets.len(), 1);
        let scorecard = &sheets[0];
        assert_eq!(
            scorecard.headings,
            ["Indicator", "Target", "Actual", "Share"]
        );
        assert_eq!(
            scorecard.rows[0].cells,
            ["Satisfied residents", "85.2%", "85.2%", "0.5"]
        );
        assert_eq!(scorecard.rows[1].cells[2], "90%");
        assert!(
            scorecard
                .remarks
                .iter()
                .any(|remark| remark.contains("read as the spreadsheet shows them: 0.852 as 85.2%"))
        );
    }

    #[test]
    fn percentage_cells_of_a_repeated_row_are_noted_row_by_row_in_order() {
        // One row standing for two, with percentages in columns A and C: noted (0, 0), (0, 2), (1, 0), (1, 2),
        // in the order a binary search needs. A name with an apostrophe in single quotes is read too.
        let content = spreadsheet_content(
            r#"<table:table table:name='Council&apos;s KPIs'>
<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="percentage" office:value="0.5"/>
<table:table-cell office:value-type="float" office:value="3"/>
<table:table-cell office:value-type="percentage" office:value="0.25"/></table:table-row>
</table:table>"#,
        );
        assert_eq!(
            percentage_cells(&ods(&content, false), "Council's KPIs"),
            [(0, 0), (0, 2), (1, 0), (1, 2)]
        );
    }

    /// An OLE compound file with one stream called `stream`: the container an Excel 97–2003 workbook is, and
    /// that a password turns an .xlsx into (its stream "EncryptedPackage").
    fn compound_file(stream: &str) -> Vec<u8> {
        const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
        const FREE: u32 = 0xFFFF_FFFF;
        let mut file = vec![0u8; 512 * 3];
        file[..8].copy_from_slice(COMPOUND_SIGNATURE);
        let mut put = |at: usize, bytes: &[u8]| file[at..at + bytes.len()].copy_from_slice(bytes);
        put(0x18, &0x3Eu16.to_le_bytes());
        put(0x1A, &3u16.to_le_bytes());
        put(0x1C, &0xFFFEu16.to_le_bytes());
        put(0x1E, &9u16.to_le_bytes());
        put(0x20, &6u16.to_le_bytes());
        put(0x2C, &1u32.to_le_bytes());
        put(0x30, &1u32.to_le_bytes());
        put(0x38, &4096u32.to_le_bytes());
        put(0x3C, &END_OF_CHAIN.to_le_bytes());
        put(0x44, &END_OF_CHAIN.to_le_bytes());
        // The FAT is sector 0; every other DIFAT entry is free.
        put(0x4C, &0u32.to_le_bytes());
        for entry in 1..109 {
            put(0x4C + entry * 4, &FREE.to_le_bytes());
        }
        // Sector 0, the FAT: itself, then the directory's one sector.
        put(512, &0xFFFF_FFFDu32.to_le_bytes());
        put(516, &END_OF_CHAIN.to_le_bytes());
        for entry in 2..128 {
            put(512 + entry * 4, &FREE.to_le_bytes());
        }
        // Sector 1, the directory: the root, then the stream.
        for (index, (name, kind)) in [("Root Entry", 5u8), (stream, 2u8)].into_iter().enumerate() {
            let at = 1024 + index * 128;
            let utf16: Vec<u8> = name
                .encode_utf16()
                .chain([0])
                .flat_map(u16::to_le_bytes)
                .collect();
            put(at, &utf16);
            put(at + 64, &(utf16.len() as u16).to_le_bytes());
            put(at + 66, &[kind]);
            put(at + 116, &END_OF_CHAIN.to_le_bytes());
        }
        file
    }

    /// The first bytes of an OLE compound file.
    const COMPOUND_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

    #[test]
    fn a_password_and_an_old_excel_file_are_each_refused_with_what_to_do() {
        let protected = read_sheets("q3.xlsx", &compound_file("EncryptedPackage")).unwrap_err();
        assert_eq!(protected, SheetError::Protected);
        assert!(
            protected.to_string().contains("remove the password"),
            "{protected}"
        );
        let old = read_sheets("q3.xls", &compound_file("Workbook")).unwrap_err();
        assert_eq!(old, SheetError::OldExcel);
        assert!(old.to_string().contains("Excel Workbook (.xlsx)"), "{old}");
    }

    #[test]
    fn a_figure_reads_as_a_spreadsheet_shows_it() {
        assert_eq!(figure_text(19625.0), "19625");
        assert_eq!(figure_text(0.1 + 0.2), "0.3");
        assert_eq!(figure_text(85.2), "85.2");
        assert_eq!(figure_text(-0.0), "0");
        assert_eq!(figure_text(1.5e-7), "0.00000015");
        assert_eq!(figure_text(f64::NAN), "");
    }
}
