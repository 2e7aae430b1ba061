//! CSV as spreadsheets save it: comma or semicolon separated, quoted fields (with doubled quotes and line
//! breaks inside), CRLF or LF line ends, UTF-8 with or without a byte-order mark. Written CSV neutralises
//! formula injection: a cell whose first character other than white space is `=`, `+`, `-` or `@` (or their
//! full-width forms `＝`, `＋`, `－`, `＠`), or that starts with a tab or a carriage return, and is not simply
//! a number, gets a leading apostrophe so a spreadsheet shows it as text. Leading white space is no
//! protection: LibreOffice Calc 7.4, measured here, evaluates ` =1+1` as a formula when its CSV import's
//! "Trim spaces" option is on (it evaluated only a plain `=` in every other case, full-width signs never).
//! Excel could not be measured here; the full-width forms and the other signs are neutralised for it and
//! for spreadsheets in East Asian locales, at the cost of an apostrophe on a harmless cell.

use std::fmt;

/// A CSV file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field is never closed.
    UnclosedQuote {
        /// The line the field starts on, from 1.
        line: usize,
    },
    /// The file holds binary data (a NUL byte): a PDF, an image or a workbook, not CSV text.
    NotText,
    /// The file has no header row.
    Empty,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::UnclosedQuote { line } => {
                write!(
                    f,
                    "A quoted value that starts on line {line} is never closed with a \"."
                )
            }
            CsvError::NotText => write!(
                f,
                "The file is not CSV text: it holds binary data, as a PDF, an image or an Excel workbook does. In \
                 Excel use Save As, \"CSV UTF-8 (Comma delimited)\"."
            ),
            CsvError::Empty => write!(
                f,
                "The file is empty: it needs a header row and at least one row."
            ),
        }
    }
}

impl std::error::Error for CsvError {}

/// A parsed CSV file: the header and the rows, each with the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvTable {
    /// The separator found: `,` or `;`.
    pub separator: char,
    /// The header row.
    pub header: Vec<String>,
    /// The data rows with the line each starts on (from 1); blank rows are skipped.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads CSV bytes: UTF-8 with or without a byte-order mark, or else Windows-1252 as older Excel saves it.
/// The separator is whichever of comma, semicolon and tab the header row uses most.
pub fn read(bytes: &[u8]) -> Result<CsvTable, CsvError> {
    if bytes.contains(&0) {
        return Err(CsvError::NotText);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => std::borrow::Cow::Owned(super::windows_1252::decode(bytes)),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let first_line = text.lines().next().unwrap_or_default();
    let separator = [',', ';', '\t']
        .into_iter()
        .max_by_key(|s| (first_line.matches(*s).count(), *s == ','))
        .unwrap_or(',');
    let mut records = parse_records(text, separator)?.into_iter();
    let (_, header) = records.next().ok_or(CsvError::Empty)?;
    let header: Vec<String> = header.into_iter().map(|h| h.trim().to_owned()).collect();
    if header.iter().all(String::is_empty) {
        return Err(CsvError::Empty);
    }
    let rows = records
        .filter(|(_, fields)| fields.iter().any(|f| !f.trim().is_empty()))
        .collect();
    Ok(CsvTable {
        separator,
        header,
        rows,
    })
}

fn parse_records(text: &str, separator: char) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (in_quotes, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => in_quotes = false,
            (true, '\n') => {
                line += 1;
                field.push('\n');
            }
            (true, _) => field.push(c),
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                in_quotes = true;
                quote_line = line;
            }
            (false, c) if c == separator => fields.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                fields.push(std::mem::take(&mut field));
                records.push((record_line, std::mem::take(&mut fields)));
                line += 1;
                record_line = line;
            }
            (false, _) => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError::UnclosedQuote { line: quote_line });
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push((record_line, fields));
    }
    Ok(records)
}

/// Writes rows as CSV (comma separated, CRLF line ends, as Excel expects), quoting where needed and
/// neutralising formula injection.
pub fn write(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let escaped: Vec<String> = cells.map(escape_cell).collect();
        out.push_str(&escaped.join(","));
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// One cell, made safe: formula-like text prefixed with an apostrophe, then quoted if it needs to be.
pub fn escape_cell(cell: &str) -> String {
    let is_number = cell.parse::<f64>().is_ok_and(f64::is_finite) && !cell.starts_with('+');
    let safe = if formula_like(cell) && !is_number {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if safe.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// Whether a spreadsheet might read `cell` as a formula: it starts with a tab or carriage return, or its
/// first character after any white space starts a formula.
fn formula_like(cell: &str) -> bool {
    cell.starts_with(['\t', '\r']) || cell.trim_start().starts_with(FORMULA_STARTS)
}

/// Undoes [`escape_cell`]'s apostrophe, so a file written by the app reads back exactly.
pub fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_quotes_and_line_breaks_as_excel_writes_them() {
        let text = "KPI,Period,Value,Commentary\r\nk-1,Apr 2024,85.2,\"Up, after \"\"winter\"\" dip\"\r\nk-2,Apr 2024,3,\"two\nlines\"\r\n";
        let table = read(text.as_bytes()).unwrap();
        assert_eq!(table.separator, ',');
        assert_eq!(table.header, vec!["KPI", "Period", "Value", "Commentary"]);
        assert_eq!(
            table.rows[0],
            (
                2,
                vec![
                    "k-1".into(),
                    "Apr 2024".into(),
                    "85.2".into(),
                    "Up, after \"winter\" dip".into()
                ]
            )
        );
        assert_eq!(table.rows[1].1[3], "two\nlines");
    }

    #[test]
    fn semicolons_a_byte_order_mark_and_blank_rows() {
        let text = "\u{feff}KPI;Period;Value\n;;\nk-1;2024-04;85,2\n";
        let table = read(text.as_bytes()).unwrap();
        assert_eq!(table.separator, ';');
        assert_eq!(table.header[0], "KPI");
        assert_eq!(
            table.rows,
            vec![(3, vec!["k-1".into(), "2024-04".into(), "85,2".into()])]
        );
    }

    #[test]
    fn unreadable_files_say_why() {
        assert_eq!(
            read(b"a,b\n1,\"open").unwrap_err(),
            CsvError::UnclosedQuote { line: 2 }
        );
        assert_eq!(read(b"").unwrap_err(), CsvError::Empty);
        assert_eq!(read(b"%PDF-1.7\n\x00\x01").unwrap_err(), CsvError::NotText);
    }

    #[test]
    fn older_excel_csv_and_tab_separated_text_are_read() {
        // Windows-1252, as older Excel saves CSV: "£" is the byte 0xA3, "’" 0x92.
        let table = read(b"Indicator,Target\nCouncil\x92s spend,\"\xa31,200\"\n").unwrap();
        assert_eq!(table.rows[0].1, ["Council’s spend", "£1,200"]);
        let tabs = read(b"Indicator\tActual\nHomes, new\t19,625\n").unwrap();
        assert_eq!(
            (tabs.separator, tabs.rows[0].1.clone()),
            ('\t', vec!["Homes, new".to_owned(), "19,625".to_owned()])
        );
    }

    #[test]
    fn formulas_are_neutralised_but_numbers_are_not() {
        assert_eq!(
            escape_cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(escape_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(escape_cell("+44 1234"), "'+44 1234");
        assert_eq!(escape_cell("-12.5"), "-12.5");
        assert_eq!(escape_cell("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
        assert_eq!(escape_cell("plain"), "plain");
        // White space before the formula does not disarm it, nor does a full-width sign.
        assert_eq!(escape_cell(" =1+1"), "' =1+1");
        assert_eq!(escape_cell("\t=1+1"), "'\t=1+1");
        assert_eq!(escape_cell("  @SUM(A1)"), "'  @SUM(A1)");
        assert_eq!(escape_cell(" -2+3"), "' -2+3");
        assert_eq!(escape_cell("＝1+1"), "'＝1+1");
        assert_eq!(escape_cell("＋44"), "'＋44");
        assert_eq!(
            escape_cell("a = b"),
            "a = b",
            "an equals sign inside is harmless"
        );
        assert_eq!(unescape_cell("' =1+1"), " =1+1");
        assert_eq!(unescape_cell("'＝1"), "＝1");
        assert_eq!(unescape_cell("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unescape_cell("'quoted"), "'quoted");
    }

    #[test]
    fn written_csv_reads_back() {
        let rows = vec![vec![
            "k-1".to_owned(),
            "a \"quoted\", text\nacross lines".to_owned(),
        ]];
        let text = write(&["KPI", "Commentary"], &rows);
        let table = read(text.as_bytes()).unwrap();
        assert_eq!(table.rows[0].1, rows[0]);
    }
}
