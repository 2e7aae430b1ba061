//! A sheet written as an Excel workbook (.xlsx) with `rust_xlsxwriter`: the headings bold, frozen and
//! filterable, figures as numbers, each column as wide as its longest cell. Used for the template and the
//! register export, from a module of their own (`src/ui/pages/data/workbook_on_demand.rs`).

use rust_xlsxwriter::{Format, Workbook};

use super::sheet_out::{CellOut, SheetOut};

/// The widest a column is made, in characters: longer text wraps in the cell when opened.
const WIDEST: usize = 60;

/// The workbook's bytes, or why it could not be written, in plain English.
pub fn workbook_bytes(sheet: &SheetOut) -> Result<Vec<u8>, String> {
    let problem =
        |error: rust_xlsxwriter::XlsxError| format!("the workbook could not be written ({error})");
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(&sheet.name).map_err(problem)?;
    let bold = Format::new().set_bold();
    for (column, heading) in (0u16..).zip(&sheet.headings) {
        worksheet
            .write_string_with_format(0, column, heading, &bold)
            .map_err(problem)?;
    }
    for (row, cells) in (1u32..).zip(&sheet.rows) {
        for (column, cell) in (0u16..).zip(cells) {
            match cell {
                CellOut::Text(text) => {
                    worksheet.write_string(row, column, text).map_err(problem)?;
                }
                CellOut::Number(number) => {
                    worksheet
                        .write_number(row, column, *number)
                        .map_err(problem)?;
                }
                CellOut::Empty => {}
            }
        }
    }
    for (column, heading) in (0u16..).zip(&sheet.headings) {
        let longest = sheet
            .rows
            .iter()
            .filter_map(|cells| cells.get(usize::from(column)))
            .map(|cell| match cell {
                CellOut::Text(text) => text.chars().count(),
                CellOut::Number(number) => number.to_string().len(),
                CellOut::Empty => 0,
            })
            .chain([heading.chars().count()])
            .max()
            .unwrap_or(8);
        let width = u32::try_from(longest.clamp(8, WIDEST) + 2).unwrap_or(10);
        worksheet
            .set_column_width(column, f64::from(width))
            .map_err(problem)?;
    }
    let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
    let last_column = u16::try_from(sheet.headings.len().saturating_sub(1)).unwrap_or(0);
    worksheet.set_freeze_panes(1, 0).map_err(problem)?;
    worksheet
        .autofilter(0, 0, last_row, last_column)
        .map_err(problem)?;
    workbook.save_to_buffer().map_err(problem)
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
        // The example's target and actual, written as numbers, read as their digits.
        assert_eq!(sheets[0].rows[0].cells[9..11], ["250", "231"]);
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
}
