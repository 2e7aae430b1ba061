//! The spreadsheet template offered on the Data page: one heading for every field the import reads, each
//! worded so that the import recognises it with no mapping step. A council fills in the rows it has (a
//! register, targets, a quarter's figures, or all three at once) and imports the sheet as it is.

use super::headings::Field;
use super::sheet_out::{CellOut, SheetOut};

/// The template's columns, in order: the heading and the field the import reads it as.
pub const TEMPLATE_COLUMNS: [(&str, Field); 13] = [
    ("KPI reference", Field::KpiId),
    ("KPI name", Field::Name),
    ("Definition", Field::Definition),
    ("Responsible officer", Field::Owner),
    ("Data source", Field::Source),
    ("Unit", Field::Unit),
    ("Polarity", Field::Polarity),
    ("Frequency", Field::Frequency),
    ("How figures add up", Field::Measure),
    ("Period", Field::Period),
    ("Target", Field::Target),
    ("Actual", Field::Value),
    ("Commentary", Field::Commentary),
];

/// The template's example row, showing how each cell may be written (delete it, or overwrite it with the
/// council's first KPI).
const EXAMPLE: [&str; 13] = [
    "HOU-01",
    "Net additional homes delivered",
    "Net additional dwellings completed in the period",
    "Head of Housing Delivery",
    "Planning monitoring system",
    "number",
    "Higher is better",
    "Quarterly",
    "Cumulative",
    "2025/26 Q1",
    "250",
    "231",
    "Two large sites delayed by the contractor",
];

/// The template's headings.
fn headings() -> Vec<String> {
    TEMPLATE_COLUMNS
        .iter()
        .map(|(heading, _)| (*heading).to_owned())
        .collect()
}

/// The template as CSV text: the heading row and the example row.
pub fn template_csv() -> String {
    format!("{}\r\n{}\r\n", headings().join(","), EXAMPLE.join(","))
}

/// The template as a sheet to write as a workbook: the headings and the example row, its figures as numbers.
pub fn template_sheet() -> SheetOut {
    let example = EXAMPLE
        .iter()
        .map(|cell| {
            cell.parse::<f64>()
                .map_or_else(|_| CellOut::Text((*cell).to_owned()), CellOut::Number)
        })
        .collect();
    SheetOut {
        name: "KPIs".to_owned(),
        headings: headings(),
        rows: vec![example],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::period::FinancialYear;
    use crate::domain::maths::aggregation::MeasureType;
    use crate::domain::model::framework::Framework;
    use crate::domain::model::workspace::Workspace;
    use crate::storage::spreadsheet::headings::{ColumnRole, guess_roles};
    use crate::storage::spreadsheet::plan::plan;
    use crate::storage::spreadsheet::sheet::Sheet;

    #[test]
    fn every_template_heading_is_recognised_as_its_field_so_no_mapping_is_needed() {
        let sheet = Sheet::from_csv("template.csv", template_csv().as_bytes()).unwrap();
        let expected: Vec<ColumnRole> = TEMPLATE_COLUMNS
            .iter()
            .map(|&(_, field)| ColumnRole::Field { field })
            .collect();
        assert_eq!(guess_roles(&sheet.headings), expected);
    }

    #[test]
    fn the_templates_example_row_imports_with_no_problem() {
        let sheet = Sheet::from_csv("template.csv", template_csv().as_bytes()).unwrap();
        let workspace = Workspace::new(Framework::new(
            "Anyshire",
            FinancialYear::starting(2025).unwrap(),
        ));
        let import = plan(&sheet, &guess_roles(&sheet.headings), &workspace);
        assert_eq!(import.problems, []);
        // One KPI, one figure (231 for Q1 2025/26), as the example row says.
        assert_eq!(import.kpis.len(), 1);
        assert_eq!(import.kpis[0].name, "Net additional homes delivered");
        // Homes delivered in each quarter, added up through the year.
        assert_eq!(import.kpis[0].measure, MeasureType::Cumulative);
        assert_eq!(import.measurements.len(), 1);
    }
}
