//! Measurements from a spreadsheet: a CSV with a KPI (id or exact name), a period, a value and, optionally,
//! commentary — as saved from Excel. Every row is checked before anything is applied, and every bad row is
//! reported with its line and column.

use std::collections::HashMap;

use super::csv::{self, CsvError, CsvTable};
use super::import_error::Problem;
use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::basics::unit::parse_number;
use crate::domain::model::measurement::Measurement;
use crate::domain::model::workspace::Workspace;

/// Header names recognised for each column, compared ignoring case, spaces and punctuation.
const KPI_HEADERS: [&str; 6] = ["kpi", "kpiid", "id", "kpiname", "name", "indicator"];
const PERIOD_HEADERS: [&str; 4] = ["period", "month", "quarter", "date"];
const VALUE_HEADERS: [&str; 4] = ["value", "actual", "performance", "result"];
const COMMENTARY_HEADERS: [&str; 4] = ["commentary", "comment", "comments", "notes"];

/// One row ready to apply.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasurementRow {
    /// The line of the file it came from.
    pub line: usize,
    /// The KPI it is for.
    pub kpi: KpiId,
    /// The period.
    pub period: Period,
    /// The value, if the row has one.
    pub value: Option<f64>,
    /// The commentary, if the file has that column and the cell is not empty.
    pub commentary: Option<String>,
}

/// The rows that can be applied and the problems with the others.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImport {
    /// Rows ready to apply.
    pub rows: Vec<MeasurementRow>,
    /// Problems, each at "line N, column".
    pub problems: Vec<Problem>,
}

/// What applying rows did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// New measurements.
    pub added: usize,
    /// Existing measurements changed (they return to draft).
    pub updated: usize,
    /// Rows identical to what was there.
    pub unchanged: usize,
}

fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

fn find_column(table: &CsvTable, names: &[&str]) -> Option<usize> {
    table
        .header
        .iter()
        .position(|h| names.contains(&normalise(h).as_str()))
}

/// Reads measurement rows from CSV bytes against the KPIs of `workspace`.
pub fn read(bytes: &[u8], workspace: &Workspace) -> Result<CsvImport, CsvError> {
    let table = csv::read(bytes)?;
    let mut problems = Vec::new();
    let columns = (
        find_column(&table, &KPI_HEADERS),
        find_column(&table, &PERIOD_HEADERS),
        find_column(&table, &VALUE_HEADERS),
    );
    let (Some(kpi_column), Some(period_column), Some(value_column)) = columns else {
        let missing: Vec<&str> = [
            ("KPI", columns.0),
            ("Period", columns.1),
            ("Value", columns.2),
        ]
        .into_iter()
        .filter(|(_, found)| found.is_none())
        .map(|(name, _)| name)
        .collect();
        problems.push(Problem::new(
            "line 1",
            format!(
                "the header row needs columns named KPI, Period and Value (missing: {}); it has {}",
                missing.join(", "),
                table.header.join(", ")
            ),
        ));
        return Ok(CsvImport {
            rows: vec![],
            problems,
        });
    };
    let commentary_column = find_column(&table, &COMMENTARY_HEADERS);
    let by_id: HashMap<&str, &crate::domain::model::kpi::KpiDefinition> =
        workspace.kpis.iter().map(|k| (k.id.as_str(), k)).collect();
    let mut by_name: HashMap<String, Vec<&crate::domain::model::kpi::KpiDefinition>> =
        HashMap::new();
    for kpi in &workspace.kpis {
        by_name
            .entry(kpi.name.trim().to_lowercase())
            .or_default()
            .push(kpi);
    }
    let header = |column: usize| table.header[column].clone();
    let mut seen: HashMap<(KpiId, Period), usize> = HashMap::new();
    let mut rows = Vec::new();
    for (line, fields) in &table.rows {
        let cell = |column: usize| {
            fields
                .get(column)
                .map(|c| csv::unescape_cell(c.trim()))
                .unwrap_or_default()
        };
        let at = |column: usize| format!("line {line}, {}", header(column));
        let reference = cell(kpi_column);
        let kpi = match by_id.get(reference) {
            Some(kpi) => *kpi,
            None => match by_name.get(&reference.to_lowercase()).map(Vec::as_slice) {
                Some([kpi]) => *kpi,
                Some(_) => {
                    problems.push(Problem::new(
                        at(kpi_column),
                        format!("more than one KPI is named \"{reference}\"; use its id"),
                    ));
                    continue;
                }
                None => {
                    problems.push(Problem::new(
                        at(kpi_column),
                        format!("no KPI has the id or name \"{reference}\""),
                    ));
                    continue;
                }
            },
        };
        let period = match Period::parse(cell(period_column)) {
            Ok(period) if period.frequency() == kpi.frequency => period,
            Ok(period) => {
                problems.push(Problem::new(
                    at(period_column),
                    format!(
                        "{period} is not a {} period, and {} is reported that way",
                        kpi.frequency.label().to_lowercase(),
                        kpi.id
                    ),
                ));
                continue;
            }
            Err(error) => {
                problems.push(Problem::new(at(period_column), error.to_string()));
                continue;
            }
        };
        let value = match parse_number(cell(value_column), table.separator == ';') {
            Ok(value) => value,
            Err(message) => {
                problems.push(Problem::new(at(value_column), message));
                continue;
            }
        };
        let commentary = commentary_column
            .map(cell)
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        if value.is_none() && commentary.is_none() {
            problems.push(Problem::new(
                at(value_column),
                "the row has neither a value nor commentary",
            ));
            continue;
        }
        if let Some(first) = seen.insert((kpi.id.clone(), period), *line) {
            problems.push(Problem::new(
                format!("line {line}"),
                format!(
                    "{} already has a value for {period} on line {first}",
                    kpi.id
                ),
            ));
            continue;
        }
        rows.push(MeasurementRow {
            line: *line,
            kpi: kpi.id.clone(),
            period,
            value,
            commentary,
        });
    }
    Ok(CsvImport { rows, problems })
}

/// Applies rows to `workspace`: new periods are added as drafts; a changed value or commentary on an existing
/// one updates it and returns it to draft.
pub fn apply(workspace: &mut Workspace, rows: &[MeasurementRow]) -> Applied {
    let mut applied = Applied::default();
    let mut index: HashMap<(KpiId, Period), usize> = workspace
        .measurements
        .iter()
        .enumerate()
        .map(|(i, m)| ((m.kpi.clone(), m.period), i))
        .collect();
    for row in rows {
        match index.get(&(row.kpi.clone(), row.period)) {
            Some(&i) => {
                let existing = &mut workspace.measurements[i];
                let before = existing.clone();
                if let Some(value) = row.value {
                    existing.value = Some(value);
                    existing.numerator = None;
                    existing.denominator = None;
                }
                if let Some(commentary) = &row.commentary {
                    existing.commentary = commentary.clone();
                }
                if *existing == before {
                    applied.unchanged += 1;
                } else {
                    existing.reopen();
                    applied.updated += 1;
                }
            }
            None => {
                let mut measurement = Measurement::new(row.kpi.clone(), row.period, 0.0);
                measurement.value = row.value;
                measurement.commentary = row.commentary.clone().unwrap_or_default();
                index.insert((row.kpi.clone(), row.period), workspace.measurements.len());
                workspace.measurements.push(measurement);
                applied.added += 1;
            }
        }
    }
    applied
}

/// Every measurement as CSV, in the layout [`read`] accepts, so a file can go out to a spreadsheet and back.
pub fn export(workspace: &Workspace) -> String {
    let names: HashMap<&KpiId, &str> = workspace
        .kpis
        .iter()
        .map(|k| (&k.id, k.name.as_str()))
        .collect();
    let units: HashMap<&KpiId, crate::domain::basics::unit::Unit> =
        workspace.kpis.iter().map(|k| (&k.id, k.unit)).collect();
    let rows: Vec<Vec<String>> = workspace
        .measurements
        .iter()
        .map(|m| {
            vec![
                m.kpi.to_string(),
                names.get(&m.kpi).copied().unwrap_or_default().to_owned(),
                m.period.code(),
                units
                    .get(&m.kpi)
                    .and_then(|unit| m.resolved_value(*unit))
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                m.commentary.clone(),
            ]
        })
        .collect();
    csv::write(
        &["KPI id", "KPI name", "Period", "Value", "Commentary"],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::period::{FinancialYear, Frequency};
    use crate::domain::model::framework::Framework;
    use crate::domain::model::kpi::tests::sample_kpi;

    fn workspace() -> Workspace {
        let mut workspace = Workspace::new(Framework::new(
            "Test",
            FinancialYear::starting(2024).unwrap(),
        ));
        let mut calls = sample_kpi("k-calls");
        calls.name = "Calls answered in 15 seconds".to_owned();
        let mut homes = sample_kpi("k-homes");
        homes.name = "Affordable homes delivered".to_owned();
        homes.frequency = Frequency::Quarterly;
        workspace.kpis = vec![calls, homes];
        workspace.measurements.push(Measurement::new(
            KpiId::new("k-calls").unwrap(),
            Period::parse("Apr 2024").unwrap(),
            80.0,
        ));
        workspace
    }

    #[test]
    fn rows_match_kpis_by_id_or_exact_name_and_values_are_read_as_spreadsheets_write_them() {
        let text = "KPI,Period,Value,Comments\n\
                    k-calls,Apr 2024,81.5%,Better\n\
                    calls answered in 15 seconds,May 2024,82,\n\
                    Affordable homes delivered,2024/25 Q1,\"1,204\",Ahead of plan\n";
        let import = read(text.as_bytes(), &workspace()).unwrap();
        assert_eq!(import.problems, vec![]);
        assert_eq!(import.rows.len(), 3);
        assert_eq!(import.rows[0].value, Some(81.5));
        assert_eq!(import.rows[1].kpi.as_str(), "k-calls");
        assert_eq!(import.rows[1].commentary, None);
        assert_eq!(import.rows[2].value, Some(1204.0));
    }

    #[test]
    fn excel_semicolon_files_use_a_decimal_comma() {
        let import = read(
            "KPI;Period;Value\nk-calls;2024-06;85,2\n".as_bytes(),
            &workspace(),
        )
        .unwrap();
        assert_eq!(import.rows[0].value, Some(85.2));
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_column() {
        let text = "KPI,Period,Value\n\
                    k-nope,Apr 2024,1\n\
                    k-calls,2024/25 Q1,1\n\
                    k-calls,Smarch,1\n\
                    k-calls,Jun 2024,lots\n\
                    k-calls,Jul 2024,\n\
                    k-calls,Aug 2024,1\n\
                    k-calls,Aug 2024,2\n";
        let import = read(text.as_bytes(), &workspace()).unwrap();
        let at: Vec<&str> = import.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            at,
            vec![
                "line 2, KPI",
                "line 3, Period",
                "line 4, Period",
                "line 5, Value",
                "line 6, Value",
                "line 8"
            ]
        );
        assert_eq!(
            import.problems[0].message,
            "no KPI has the id or name \"k-nope\""
        );
        assert_eq!(import.problems[3].message, "\"lots\" is not a number");
        assert_eq!(
            import.problems[5].message,
            "k-calls already has a value for Aug 2024 on line 7"
        );
        assert_eq!(import.rows.len(), 1);
    }

    #[test]
    fn a_header_without_the_needed_columns_says_which_are_missing() {
        let import = read(
            "Indicator,When,Score\nk-calls,Apr 2024,1\n".as_bytes(),
            &workspace(),
        )
        .unwrap();
        assert_eq!(import.problems.len(), 1);
        assert!(
            import.problems[0]
                .message
                .contains("missing: Period, Value"),
            "{}",
            import.problems[0].message
        );
    }

    #[test]
    fn applying_adds_new_periods_and_updates_existing_ones_back_to_draft() {
        let mut workspace = workspace();
        workspace.measurements[0]
            .submit(
                crate::domain::basics::unit::Unit::Percent,
                "A",
                "2024-05-01T00:00:00Z".parse().unwrap(),
            )
            .unwrap();
        let import = read(
            "KPI,Period,Value\nk-calls,Apr 2024,81\nk-calls,May 2024,82\n".as_bytes(),
            &workspace,
        )
        .unwrap();
        let applied = apply(&mut workspace, &import.rows);
        assert_eq!(
            applied,
            Applied {
                added: 1,
                updated: 1,
                unchanged: 0
            }
        );
        assert_eq!(workspace.measurements[0].value, Some(81.0));
        assert_eq!(
            workspace.measurements[0].validation.state,
            crate::domain::model::measurement::ValidationState::Draft
        );
        let again = apply(&mut workspace, &import.rows);
        assert_eq!(
            again,
            Applied {
                added: 0,
                updated: 0,
                unchanged: 2
            }
        );
    }

    #[test]
    fn exported_measurements_read_back() {
        let mut workspace = workspace();
        workspace.measurements[0].commentary = "=cmd, with \"quotes\"".to_owned();
        let text = export(&workspace);
        assert!(text.starts_with("KPI id,KPI name,Period,Value,Commentary\r\n"));
        assert!(
            text.contains("\"'=cmd, with \"\"quotes\"\"\""),
            "formula neutralised: {text}"
        );
        let import = read(text.as_bytes(), &workspace).unwrap();
        assert_eq!(import.problems, vec![]);
        assert_eq!(import.rows[0].value, Some(80.0));
        assert_eq!(
            import.rows[0].commentary.as_deref(),
            Some("=cmd, with \"quotes\"")
        );
    }
}
