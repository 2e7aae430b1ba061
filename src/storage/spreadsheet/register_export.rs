//! The council's KPI register, targets and values as one sheet in the template's shape (`template.rs`): a row
//! for each KPI and period it has a target or a figure for, the KPI's register fields on every row, written in
//! words the import reads back. Exported and imported again, it changes nothing; filled in and imported, it
//! updates the KPIs it names.

use super::headings::Field;
use super::sheet_out::{CellOut, SheetOut};
use super::template::TEMPLATE_COLUMNS;
use crate::domain::basics::period::Period;
use crate::domain::basics::unit::Unit;
use crate::domain::maths::aggregation::MeasureType;
use crate::domain::maths::rag::Polarity;
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::measurement::Measurement;
use crate::domain::model::workspace::{PerformanceIndex, Workspace};

/// The register, targets and values of every KPI in `workspace`, one row a KPI and period.
pub fn register_sheet(workspace: &Workspace) -> SheetOut {
    let index = PerformanceIndex::new(&workspace.measurements);
    let mut rows = Vec::new();
    for kpi in &workspace.kpis {
        let history = index.history(&kpi.id);
        // The target periods in the order the KPI keeps them, so that importing the sheet again keeps that
        // order; then the periods with a figure and no target, oldest first.
        let mut periods: Vec<Period> = kpi.targets.iter().map(|target| target.period).collect();
        let measured: Vec<Period> = history
            .keys()
            .filter(|period| !periods.contains(period))
            .copied()
            .collect();
        periods.extend(measured);
        if periods.is_empty() {
            rows.push(row(workspace, kpi, None, None, None));
        }
        for period in periods {
            let target = kpi
                .targets
                .iter()
                .find(|t| t.period == period)
                .map(|t| t.value);
            let measurement = history.get(&period).copied();
            rows.push(row(workspace, kpi, Some(period), target, measurement));
        }
    }
    SheetOut {
        name: "KPIs".to_owned(),
        headings: TEMPLATE_COLUMNS
            .iter()
            .map(|(heading, _)| (*heading).to_owned())
            .collect(),
        rows,
    }
}

/// One row: the KPI's register fields, and the period's target and figure.
fn row(
    workspace: &Workspace,
    kpi: &KpiDefinition,
    period: Option<Period>,
    target: Option<f64>,
    measurement: Option<&Measurement>,
) -> Vec<CellOut> {
    let text = |value: &str| {
        if value.is_empty() {
            CellOut::Empty
        } else {
            CellOut::Text(value.to_owned())
        }
    };
    let number = |value: Option<f64>| value.map_or(CellOut::Empty, CellOut::Number);
    TEMPLATE_COLUMNS
        .iter()
        .map(|(_, field)| match field {
            Field::KpiId => text(kpi.id.as_str()),
            Field::Name => text(&kpi.name),
            Field::Definition => text(&kpi.definition),
            Field::Owner => text(
                kpi.owner
                    .as_ref()
                    .and_then(|owner| workspace.person(owner))
                    .map_or("", |person| person.name.as_str()),
            ),
            Field::Source => text(&kpi.source),
            Field::Unit => text(&unit_words(kpi.unit)),
            Field::Measure => text(measure_words(kpi.measure)),
            Field::Polarity => text(polarity_words(kpi.polarity)),
            Field::Frequency => text(kpi.frequency.label()),
            Field::Period => {
                period.map_or(CellOut::Empty, |period| CellOut::Text(period.to_string()))
            }
            Field::Target => number(target),
            Field::Value => number(measurement.and_then(|m| m.value)),
            Field::Commentary => text(measurement.map_or("", |m| m.commentary.as_str())),
            _ => CellOut::Empty,
        })
        .collect()
}

/// A unit as the import reads it.
fn unit_words(unit: Unit) -> String {
    match unit {
        Unit::Pounds => "£".to_owned(),
        other => other.label(),
    }
}

/// How a KPI's figures add up, as the import reads it.
const fn measure_words(measure: MeasureType) -> &'static str {
    match measure {
        MeasureType::Snapshot => "Snapshot",
        MeasureType::Cumulative => "Cumulative",
        MeasureType::YearToDate => "Year to date",
    }
}

/// Which way is better, as the import reads it.
const fn polarity_words(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::HigherIsBetter => "Higher is better",
        Polarity::LowerIsBetter => "Lower is better",
        Polarity::Maintain => "Maintain",
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::storage::spreadsheet::headings::guess_roles;
    use crate::storage::spreadsheet::plan::{apply, plan};
    use crate::storage::spreadsheet::sheet::{Sheet, SheetRow};

    /// The sheet as the import would read it back from a spreadsheet: every cell as its text.
    fn as_read(sheet: &SheetOut) -> Sheet {
        Sheet {
            name: sheet.name.clone(),
            headings: sheet.headings.clone(),
            rows: sheet
                .rows
                .iter()
                .enumerate()
                .map(|(index, cells)| SheetRow {
                    number: index + 2,
                    cells: cells
                        .iter()
                        .map(|cell| match cell {
                            CellOut::Text(text) => text.clone(),
                            CellOut::Number(number) => {
                                crate::storage::spreadsheet::workbook::figure_text(*number)
                            }
                            CellOut::Empty => String::new(),
                        })
                        .collect(),
                })
                .collect(),
            decimal_comma: false,
            remarks: Vec::new(),
        }
    }

    #[test]
    fn the_demo_councils_register_exported_and_imported_again_changes_nothing() {
        let mut workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let sheet = as_read(&register_sheet(&workspace));
        let import = plan(&sheet, &guess_roles(&sheet.headings), &workspace);
        assert_eq!(import.problems, [], "every exported row reads back");
        let before = workspace.clone();
        let imported = apply(&mut workspace, &import);

        assert_eq!(
            (
                imported.kpis_added,
                imported.kpis_updated,
                imported.measurements.added,
                imported.measurements.updated
            ),
            (0, 0, 0, 0)
        );
        assert!(
            !imported.columns_remembered,
            "the template's headings need no choosing"
        );
        assert_eq!(workspace, before);
    }
}
