//! Which cells of an OpenDocument sheet hold percentages. An `.ods` file keeps a percentage as its fraction
//! with the value type `percentage` (`office:value="0.852"` shown as 85.2%); calamine reads the fraction and
//! drops the type, so this reads the sheet's cell types from `content.xml` itself, positioned as calamine
//! positions its cells (rows and columns from 0, repeated rows and cells counted out).

use std::io::{BufReader, Cursor};

use quick_xml::Reader;
use quick_xml::escape::unescape;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

/// The most rows and columns counted out from repeats: a sheet's own limits, as calamine caps them.
const MOST_ROWS: u32 = 1_048_576;
const MOST_COLUMNS: u32 = 16_384;

/// The most percentage cells noted: more than a sheet the import accepts can hold (50,000 rows of 40
/// columns), so that a file repeating one cell a million times cannot fill the browser's memory.
const MOST_CELLS: usize = 2_000_000;

/// The (row, column) of every cell of the sheet named `sheet` whose value type is a percentage, in order (row by
/// row, left to right: look one up with a binary search); empty when the workbook cannot be read this way
/// (calamine has already read its values, so nothing is lost but the type).
pub fn percentage_cells(workbook: &[u8], sheet: &str) -> Vec<(u32, u32)> {
    let mut found = Vec::new();
    let Ok(mut zip) = ZipArchive::new(Cursor::new(workbook)) else {
        return found;
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return found;
    };
    let mut reader = Reader::from_reader(BufReader::new(content));
    reader.config_mut().expand_empty_elements = true;
    let mut buffer = Vec::new();
    // Within the sheet wanted: the next row's number, the next cell's column in the current row, and the
    // columns of the current row's percentage cells, noted for every row it stands for when it ends.
    let mut within = false;
    let mut depth = 0_u32;
    let (mut row, mut column) = (0_u32, 0_u32);
    let mut row_repeats = 1_u32;
    let mut percent_columns: Vec<(u32, u32)> = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buffer) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(element) if element.name().as_ref() == "table:table" => {
                if within {
                    depth += 1;
                } else if attribute(&element, "table:name").as_deref() == Some(sheet) {
                    within = true;
                }
            }
            Event::End(element) if within && element.name().as_ref() == "table:table" => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            Event::Start(element) if within && depth == 0 => match element.name().as_ref() {
                "table:table-row" => {
                    column = 0;
                    row_repeats = repeats(&element, "table:number-rows-repeated");
                    percent_columns.clear();
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let next =
                        column.saturating_add(repeats(&element, "table:number-columns-repeated"));
                    if attribute(&element, "office:value-type").as_deref() == Some("percentage") {
                        percent_columns.push((column, next.min(MOST_COLUMNS)));
                    }
                    column = next;
                }
                _ => {}
            },
            Event::End(element)
                if within && depth == 0 && element.name().as_ref() == "table:table-row" =>
            {
                'noting: for line in row..row.saturating_add(row_repeats).min(MOST_ROWS) {
                    for &(first, end) in &percent_columns {
                        for at in first..end {
                            if found.len() >= MOST_CELLS {
                                break 'noting;
                            }
                            found.push((line, at));
                        }
                    }
                }
                row = row.saturating_add(row_repeats);
            }
            _ => {}
        }
        buffer.clear();
    }
    found
}

/// The value of the attribute `name` of `element`, unescaped; `None` when it has none. Read from the
/// element's text (`name="value"` or `name='value'`), as calamine reads its attributes.
fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    let mut rest = element.attributes_raw();
    loop {
        let (key, after) = rest.split_once('=')?;
        let after = after.trim_start();
        let quote = after.chars().next()?;
        let (value, tail) = after.get(1..)?.split_once(quote)?;
        if key.trim() == name {
            return unescape(value).ok().map(|value| value.into_owned());
        }
        rest = tail;
    }
}

/// How many times an element stands repeated (its `name` attribute, 1 when absent or unreadable).
fn repeats(element: &BytesStart<'_>, name: &str) -> u32 {
    attribute(element, name)
        .and_then(|count| count.parse().ok())
        .filter(|count| *count > 0)
        .unwrap_or(1)
}
