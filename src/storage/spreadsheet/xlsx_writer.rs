//! A sheet written as an Excel workbook (.xlsx): the headings bold, frozen and filterable, figures as numbers,
//! each column as wide as its longest cell. Used for the template and the register export.
//!
//! The package is the few parts SpreadsheetML needs (content types, relationships, workbook, styles, one
//! worksheet with its text inline), zipped by [`ZipPackage`]. `rust_xlsxwriter` wrote these until its module
//! was measured at 165 KB gzip for five of its features; this writer adds a few KB to the Data page.

use std::fmt::Write as _;

use super::column_letters::column_letters;
use super::sheet_out::{CellOut, SheetOut};
use super::zip_package::ZipPackage;

/// The media type of an .xlsx workbook.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The widest a column is made, in characters: longer text runs on under the next cells.
const WIDEST: usize = 60;
/// The most characters a spreadsheet cell holds.
const CELL_CHARACTERS: usize = 32_767;
/// The most rows and columns a worksheet has.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
/// The most characters in a sheet's name.
const NAME_CHARACTERS: usize = 31;

const XML_HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NAMESPACE: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIP_NAMESPACE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The workbook's bytes, or every reason it could not be written, in plain English.
pub fn workbook_bytes(sheet: &SheetOut) -> Result<Vec<u8>, String> {
    let problems = sheet_problems(sheet);
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let name = sheet_name(&sheet.name);
    let last_cell = format!(
        "{}{}",
        column_letters(sheet.headings.len().max(1) - 1),
        sheet.rows.len() + 1
    );
    let mut package = ZipPackage::new();
    package.add("[Content_Types].xml", content_types().as_bytes())?;
    package.add("_rels/.rels", package_relationships().as_bytes())?;
    package.add(
        "xl/workbook.xml",
        workbook_part(&name, &last_cell).as_bytes(),
    )?;
    package.add(
        "xl/_rels/workbook.xml.rels",
        workbook_relationships().as_bytes(),
    )?;
    package.add("xl/styles.xml", STYLES.as_bytes())?;
    package.add(
        "xl/worksheets/sheet1.xml",
        worksheet_part(sheet, &last_cell).as_bytes(),
    )?;
    package.finish()
}

/// What in `sheet` a spreadsheet cannot hold, each at its row and column.
fn sheet_problems(sheet: &SheetOut) -> Vec<String> {
    let mut problems = Vec::new();
    if sheet.rows.len() + 1 > MAX_ROWS {
        problems.push(format!(
            "the sheet has {} rows and a spreadsheet holds at most {MAX_ROWS}",
            sheet.rows.len() + 1
        ));
    }
    let widest = sheet
        .rows
        .iter()
        .map(Vec::len)
        .chain([sheet.headings.len()])
        .max()
        .unwrap_or(0);
    if widest > MAX_COLUMNS {
        problems.push(format!(
            "the sheet has {widest} columns and a spreadsheet holds at most {MAX_COLUMNS}"
        ));
    }
    let rows = std::iter::once(
        sheet
            .headings
            .iter()
            .map(|heading| CellOut::Text(heading.clone()))
            .collect::<Vec<_>>(),
    )
    .chain(sheet.rows.iter().cloned());
    for (row, cells) in (1usize..).zip(rows) {
        for (column, cell) in cells.iter().enumerate() {
            if let CellOut::Text(text) = cell
                && text.chars().count() > CELL_CHARACTERS
            {
                problems.push(format!(
                    "the text in row {row}, column {}, has {} characters and a spreadsheet cell holds at most {CELL_CHARACTERS}",
                    column_letters(column),
                    text.chars().count()
                ));
            }
        }
    }
    problems
}

/// `name` as Excel allows a sheet to be named: at most 31 characters, none of `[ ] : * ? / \\`, not blank.
fn sheet_name(name: &str) -> String {
    let allowed: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(NAME_CHARACTERS)
        .collect();
    let trimmed = allowed.trim().trim_matches('\'');
    if trimmed.is_empty() {
        "Sheet1".to_owned()
    } else {
        trimmed.to_owned()
    }
}

fn content_types() -> String {
    let mut xml = XML_HEADER.to_owned();
    xml.push_str("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
    xml.push_str("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
    xml.push_str("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
    let overrides = [
        ("/xl/workbook.xml", "sheet.main"),
        ("/xl/worksheets/sheet1.xml", "worksheet"),
        ("/xl/styles.xml", "styles"),
    ];
    for (part, kind) in overrides {
        let _ = write!(
            xml,
            "<Override PartName=\"{part}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml\"/>"
        );
    }
    xml.push_str("</Types>");
    xml
}

fn package_relationships() -> String {
    relationships(&[(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "xl/workbook.xml",
    )])
}

fn workbook_relationships() -> String {
    relationships(&[
        (
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
            "worksheets/sheet1.xml",
        ),
        (
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
            "styles.xml",
        ),
    ])
}

/// A relationships part: each (type, target) numbered rId1, rId2…
fn relationships(targets: &[(&str, &str)]) -> String {
    let mut xml = format!("{XML_HEADER}<Relationships xmlns=\"{PACKAGE_RELATIONSHIPS}\">");
    for (number, (kind, target)) in (1..).zip(targets) {
        let _ = write!(
            xml,
            "<Relationship Id=\"rId{number}\" Type=\"{kind}\" Target=\"{target}\"/>"
        );
    }
    xml.push_str("</Relationships>");
    xml
}

/// The workbook part: its one sheet, and the filter's range as Excel names it.
fn workbook_part(name: &str, last_cell: &str) -> String {
    let quoted = name.replace('\'', "''");
    let last = last_cell.trim_start_matches(|c: char| c.is_ascii_uppercase());
    let last_column = &last_cell[..last_cell.len() - last.len()];
    format!(
        "{XML_HEADER}<workbook xmlns=\"{MAIN_NAMESPACE}\" xmlns:r=\"{RELATIONSHIP_NAMESPACE}\">\
         <bookViews><workbookView/></bookViews><sheets>\
         <sheet name=\"{}\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>\
         <definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">{}</definedName>\
         </definedNames></workbook>",
        escaped(name),
        escaped(&format!("'{quoted}'!$A$1:${last_column}${last}"))
    )
}

/// The styles part: the default font, and the same font bold for the headings (cell style 1).
const STYLES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
    "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>",
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>"
);

/// The worksheet part: the heading row frozen and filterable, column widths, every cell.
fn worksheet_part(sheet: &SheetOut, last_cell: &str) -> String {
    let mut xml = format!(
        "{XML_HEADER}<worksheet xmlns=\"{MAIN_NAMESPACE}\" xmlns:r=\"{RELATIONSHIP_NAMESPACE}\">\
         <dimension ref=\"A1:{last_cell}\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">\
         <pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>\
         <selection pane=\"bottomLeft\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
    );
    if !sheet.headings.is_empty() {
        xml.push_str("<cols>");
        for column in 0..sheet.headings.len() {
            let _ = write!(
                xml,
                "<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"/>",
                column + 1,
                column_width(sheet, column)
            );
        }
        xml.push_str("</cols>");
    }
    xml.push_str("<sheetData>");
    let headings = sheet
        .headings
        .iter()
        .map(|heading| CellOut::Text(heading.clone()));
    write_row(&mut xml, 1, headings, true);
    for (row, cells) in (2usize..).zip(&sheet.rows) {
        write_row(&mut xml, row, cells.iter().cloned(), false);
    }
    let _ = write!(
        xml,
        "</sheetData><autoFilter ref=\"A1:{last_cell}\"/>\
         <pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
    );
    xml
}

/// A column as wide as its longest cell (at least 8 characters, at most [`WIDEST`]), with a little room.
fn column_width(sheet: &SheetOut, column: usize) -> usize {
    sheet
        .rows
        .iter()
        .filter_map(|cells| cells.get(column))
        .map(|cell| match cell {
            CellOut::Text(text) => text.chars().count(),
            CellOut::Number(number) => number.to_string().len(),
            CellOut::Empty => 0,
        })
        .chain(sheet.headings.get(column).map(|h| h.chars().count()))
        .max()
        .unwrap_or(0)
        .clamp(8, WIDEST)
        + 2
}

/// One row of cells; an empty cell, or a figure that is not a finite number, is left out.
fn write_row(xml: &mut String, row: usize, cells: impl Iterator<Item = CellOut>, bold: bool) {
    let _ = write!(xml, "<row r=\"{row}\">");
    let style = if bold { " s=\"1\"" } else { "" };
    for (column, cell) in cells.enumerate() {
        let reference = format!("{}{row}", column_letters(column));
        match cell {
            CellOut::Text(text) => {
                let _ = write!(
                    xml,
                    "<c r=\"{reference}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    escaped(&text)
                );
            }
            CellOut::Number(number) if number.is_finite() => {
                let _ = write!(xml, "<c r=\"{reference}\"{style}><v>{number}</v></c>");
            }
            CellOut::Number(_) | CellOut::Empty => {}
        }
    }
    xml.push_str("</row>");
}

/// `text` as XML character data: the five markup characters as entities, and the control characters XML
/// cannot carry (and an underscore that would read as one) in SpreadsheetML's `_xHHHH_` form.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let characters: Vec<char> = text.chars().collect();
    for (index, &c) in characters.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '_' if looks_escaped(&characters[index..]) => out.push_str("_x005F_"),
            // A carriage return would read back as a line feed (XML folds line ends): it goes as `_x000D_`.
            '\t' | '\n' => out.push(c),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "_x{:04X}_", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `rest` starts `_xHHHH_`, which a spreadsheet would read as an escaped character.
fn looks_escaped(rest: &[char]) -> bool {
    rest.len() >= 7
        && rest[1] == 'x'
        && rest[2..6].iter().all(char::is_ascii_hexdigit)
        && rest[6] == '_'
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::storage::spreadsheet::column_memory::roles_for;
    use crate::storage::spreadsheet::headings::ColumnRole;
    use crate::storage::spreadsheet::open::read_sheets;
    use crate::storage::spreadsheet::plan::preview;
    use crate::storage::spreadsheet::register_export::register_sheet;
    use crate::storage::spreadsheet::template::template_sheet;

    #[test]
    fn the_template_workbook_reads_back_with_every_column_recognised_and_its_figures_as_numbers() {
        let bytes = workbook_bytes(&template_sheet()).unwrap();
        let sheets = read_sheets("kpi-import-template.xlsx", &bytes).unwrap();
        let roles = roles_for(&sheets[0].headings, &[]);
        assert!(
            roles
                .iter()
                .all(|role| matches!(role, ColumnRole::Field { .. })),
            "{roles:?}"
        );
        // The example's target and actual (columns K and L), written as numbers, read as their digits.
        assert_eq!(sheets[0].rows[0].cells[10..12], ["250", "231"]);
    }

    #[test]
    fn the_register_written_as_a_workbook_and_read_back_changes_nothing() {
        let workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let exported = register_sheet(&workspace);
        let bytes = workbook_bytes(&exported).unwrap();
        let sheets = read_sheets("register.xlsx", &bytes).unwrap();
        assert_eq!(sheets.len(), 1);
        let sheet = &sheets[0];
        assert_eq!(sheet.headings, exported.headings);
        assert_eq!(sheet.rows.len(), exported.rows.len());
        let checked = preview(sheet, &roles_for(&sheet.headings, &[]), &workspace);
        assert_eq!(checked.import.problems, []);
        let (after, imported) = checked.outcome.expect("no problem");
        assert_eq!(
            (imported.kpis_added, imported.kpis_updated),
            (0, 0),
            "every KPI reads back as it is"
        );
        assert_eq!(
            (imported.measurements.added, imported.measurements.updated),
            (0, 0)
        );
        assert_eq!(after, workspace);
    }

    #[test]
    fn markup_characters_control_characters_and_lookalike_escapes_read_back_as_written() {
        // Each text is one a KPI name could hold; read back through the workbook reader it is unchanged.
        let texts = [
            "Fish & chips <served> \"hot\" 'n' ready",
            "Tab\there, line\nbreak, carriage\r\nreturn",
            "Bell\u{7} and form feed\u{c}",
            "literal _x0041_ stays literal",
            "  spaces kept  ",
            "Ünïcödé – “quotes” £€",
        ];
        let sheet = SheetOut {
            name: "Texts".to_owned(),
            headings: vec!["Row".to_owned(), "Text".to_owned()],
            rows: (1..)
                .zip(texts)
                .map(|(row, text)| {
                    vec![CellOut::Number(row.into()), CellOut::Text(text.to_owned())]
                })
                .collect(),
        };
        let bytes = workbook_bytes(&sheet).unwrap();
        let read = read_sheets("texts.xlsx", &bytes).unwrap();
        let cells: Vec<&str> = read[0]
            .rows
            .iter()
            .map(|row| row.cells[1].as_str())
            .collect();
        assert_eq!(cells, texts);
    }

    #[test]
    fn a_sheet_name_excel_would_refuse_is_made_one_it_accepts() {
        assert_eq!(sheet_name("Q1 [draft]: a/b?"), "Q1 -draft-- a-b-");
        // 31 characters at most.
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
        assert_eq!(sheet_name("'quoted'"), "quoted");
        assert_eq!(sheet_name("   "), "Sheet1");
    }

    #[test]
    fn every_cell_too_long_for_a_spreadsheet_is_named_at_once_and_nothing_is_written() {
        let long = "y".repeat(CELL_CHARACTERS + 1);
        let sheet = SheetOut {
            name: "Long".to_owned(),
            headings: vec!["A".to_owned(), "B".to_owned()],
            rows: vec![
                vec![CellOut::Empty, CellOut::Text(long.clone())],
                vec![CellOut::Text(long), CellOut::Number(1.0)],
            ],
        };
        let problem = workbook_bytes(&sheet).unwrap_err();
        // Row 1 is the headings, so the first data row is row 2: B2, then A3.
        assert_eq!(
            problem,
            "the text in row 2, column B, has 32768 characters and a spreadsheet cell holds at most 32767; \
             the text in row 3, column A, has 32768 characters and a spreadsheet cell holds at most 32767"
        );
    }

    #[test]
    fn figures_read_back_as_numbers_and_a_figure_that_is_not_finite_is_left_empty() {
        let sheet = SheetOut {
            name: "Figures".to_owned(),
            headings: vec!["Value".to_owned(), "Note".to_owned()],
            rows: [0.1 + 0.2, -42.0, 1.5e-7, 12_345_678.9, f64::NAN]
                .into_iter()
                .map(|number| vec![CellOut::Number(number), CellOut::Text("n".to_owned())])
                .collect(),
        };
        let bytes = workbook_bytes(&sheet).unwrap();
        let read = read_sheets("figures.xlsx", &bytes).unwrap();
        let cells: Vec<&str> = read[0]
            .rows
            .iter()
            .map(|row| row.cells[0].as_str())
            .collect();
        // Shown to 15 significant digits, as a spreadsheet shows them: 0.1 + 0.2 is 0.3; NaN left empty.
        assert_eq!(cells, ["0.3", "-42", "0.00000015", "12345678.9", ""]);
    }
}
