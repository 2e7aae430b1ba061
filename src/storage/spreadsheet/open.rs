//! A file a person chose to import as a spreadsheet, whatever it turns out to be: a workbook (.xlsx or .ods,
//! known by its first bytes, not its name), a CSV or tab-separated text file, or something else, refused with
//! what it is.

use super::sheet::{Sheet, SheetError};
use super::workbook::read_workbook;

/// The first bytes of a zip archive, which is what .xlsx and .ods workbooks are.
const ZIP: &[u8] = b"PK\x03\x04";
/// The first bytes of an OLE compound file: an Excel 97–2003 workbook, or an .xlsx with a password.
const COMPOUND: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Files people rename or choose by mistake, by their first bytes.
const NOT_SPREADSHEETS: [(&[u8], &str); 5] = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a picture (PNG)"),
    (b"\xFF\xD8\xFF", "a picture (JPEG)"),
    (b"GIF8", "a picture (GIF)"),
    (b"{\\rtf", "a Rich Text document"),
];
/// The byte-order marks of UTF-16 text, which holds zero bytes and is still text.
const UTF16_MARKS: [&[u8]; 2] = [b"\xFF\xFE", b"\xFE\xFF"];

/// The sheets in the file called `name`: every sheet of a workbook that holds anything, or the one sheet of a
/// CSV file; anything else refused, said for what it is.
pub fn read_sheets(name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, SheetError> {
    if bytes.starts_with(ZIP) {
        return read_workbook(bytes, false);
    }
    if bytes.starts_with(COMPOUND) {
        return read_workbook(bytes, true);
    }
    if let Some((_, kind)) = NOT_SPREADSHEETS
        .iter()
        .find(|(start, _)| bytes.starts_with(start))
    {
        return Err(SheetError::NotASpreadsheet { kind });
    }
    let text = UTF16_MARKS.iter().any(|mark| bytes.starts_with(mark))
        || !bytes.iter().take(4096).any(|&byte| byte == 0);
    if !text {
        return Err(SheetError::NotASpreadsheet {
            kind: "a file of another kind (it is not text)",
        });
    }
    Sheet::from_csv(name, bytes).map(|sheet| vec![sheet])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_by_what_it_holds_not_what_it_is_called() {
        let csv = read_sheets("register.xlsx", b"Indicator,Actual\nHomes,1\n").unwrap();
        assert_eq!(csv[0].headings, ["Indicator", "Actual"]);
        assert_eq!(
            read_sheets("scorecard.xlsx", b"%PDF-1.7\n%\xE2\xE3")
                .unwrap_err()
                .to_string(),
            "this is a PDF document, not a spreadsheet. Choose the council's sheet as .xlsx, .ods or .csv."
        );
        assert_eq!(
            read_sheets("logo.xlsx", b"\x89PNG\r\n\x1a\n").unwrap_err(),
            SheetError::NotASpreadsheet {
                kind: "a picture (PNG)"
            }
        );
        assert_eq!(
            read_sheets("data.xlsx", b"\x00\x01\x02binary").unwrap_err(),
            SheetError::NotASpreadsheet {
                kind: "a file of another kind (it is not text)"
            }
        );
        assert_eq!(
            read_sheets("broken.xlsx", b"PK\x03\x04\x14\x00\x06\x00").unwrap_err(),
            SheetError::DamagedWorkbook
        );
    }
}
