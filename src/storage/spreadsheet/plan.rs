//! What importing a sheet would do, worked out whole before anything changes: the KPIs it adds or updates (matched
//! by reference, else by name, so next month's sheet updates the same KPIs), the figures and targets it records,
//! the council's published statuses, every reading said back and every problem with its row and column.

use crate::domain::basics::shared_sort::SharedSort;
use std::collections::{HashMap, HashSet};

use super::cell_figure::{CellFigure, read_figure};
use super::column_memory::remember;
use super::field_words::{read_frequency, read_measure, read_polarity, read_status, read_unit};
use super::headings::{ColumnRole, Field, says_year_to_date};
use super::named_records::{Found, find_directorate, find_person, find_service};
use super::period_forms::read_period;
use super::sheet::{Sheet, SheetRow};
use crate::domain::basics::ids::{KpiId, fresh_id};
use crate::domain::basics::period::{FinancialYear, Frequency, Period};
use crate::domain::basics::unit::Unit;
use crate::domain::maths::aggregation::MeasureType;
use crate::domain::maths::rag::{Polarity, RagStatus};
use crate::domain::model::kpi::{DefaultedField, KpiDefinition, Target};
use crate::domain::model::workspace::Workspace;
use crate::storage::csv_measurements::{self, MeasurementRow};

/// Something said about one cell: how it was read, or what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellNote {
    /// The row, as the spreadsheet numbers it.
    pub row: usize,
    /// The column's heading.
    pub column: String,
    /// What is said, in plain English.
    pub note: String,
}

impl std::fmt::Display for CellNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Row {}, column \"{}\": {}",
            self.row, self.column, self.note
        )
    }
}

/// The council's own RAG status for a KPI and period, as its sheet published it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedStatus {
    /// The KPI.
    pub kpi: KpiId,
    /// The period.
    pub period: Period,
    /// The status.
    pub status: RagStatus,
    /// The row it came from.
    pub row: usize,
}

/// What importing a sheet would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetImport {
    /// Every KPI the sheet names, as it will be after the import.
    pub kpis: Vec<KpiDefinition>,
    /// Which of them are new.
    pub new_kpis: Vec<KpiId>,
    /// The figures to record.
    pub measurements: Vec<MeasurementRow>,
    /// The council's published statuses, to reconcile with the app's ratings.
    pub published: Vec<PublishedStatus>,
    /// How cells were read where they were not written plainly, and the defaults given to new KPIs.
    pub readings: Vec<CellNote>,
    /// Every problem; while there is one, nothing is imported.
    pub problems: Vec<CellNote>,
    /// The sheet's headings, and what the person said each column holds: remembered on import.
    pub headings: Vec<String>,
    /// What each column holds.
    pub roles: Vec<ColumnRole>,
}

/// The defaults a new KPI gets for what a council's sheet does not say (documented in
/// docs/spreadsheet-import.md): each is said back so that someone reviews it.
const DEFAULTS: &str = "level Corporate (on the organisational scorecard), perspective Residents, category local \
                        authority, a snapshot measure, live, lagging";

/// The sheet's column for each field, and its periods' columns.
struct Columns<'a> {
    headings: &'a [String],
    fields: HashMap<Field, usize>,
    periods: Vec<(usize, Period)>,
}

impl Columns<'_> {
    fn cell<'r>(&self, row: &'r SheetRow, field: Field) -> Option<&'r str> {
        let text = row.cells.get(*self.fields.get(&field)?)?.trim();
        (!text.is_empty()).then_some(text)
    }

    fn heading_at(&self, column: usize) -> String {
        self.headings.get(column).cloned().unwrap_or_default()
    }

    fn heading(&self, field: Field) -> String {
        self.fields
            .get(&field)
            .and_then(|&i| self.headings.get(i))
            .cloned()
            .unwrap_or_default()
    }
}

/// The plan for importing `sheet`, whose columns hold `roles`, into `workspace`.
pub fn plan(sheet: &Sheet, roles: &[ColumnRole], workspace: &Workspace) -> SheetImport {
    let mut columns = Columns {
        headings: &sheet.headings,
        fields: HashMap::new(),
        periods: Vec::new(),
    };
    for (index, role) in roles.iter().enumerate() {
        match role {
            ColumnRole::Field { field } => {
                columns.fields.entry(*field).or_insert(index);
            }
            ColumnRole::ValuesFor { period } => columns.periods.push((index, *period)),
            ColumnRole::Ignored => {}
        }
    }
    let mut import = SheetImport {
        headings: sheet.headings.clone(),
        roles: roles.to_vec(),
        ..SheetImport::default()
    };
    if !columns.fields.contains_key(&Field::Name) && !columns.fields.contains_key(&Field::KpiId) {
        import.problems.push(CellNote {
            row: 1,
            column: String::new(),
            note: "no column names the KPIs: choose the column that holds each KPI's name or reference".to_owned(),
        });
        return import;
    }
    let mut planner = Planner::new(workspace, sheet, columns);
    for row in &sheet.rows {
        planner.read_row(row);
    }
    planner.finish(import)
}

/// The plan being built, row by row.
struct Planner<'a> {
    workspace: &'a Workspace,
    columns: Columns<'a>,
    decimal_comma: bool,
    /// The KPIs named so far, and what each is known by (its id, its name in lower case).
    kpis: Vec<KpiDefinition>,
    new_kpis: Vec<KpiId>,
    /// The indices of the new KPIs among `kpis`.
    is_new: HashSet<usize>,
    known_as: HashMap<String, usize>,
    /// The register rows each KPI was named on, to find a KPI named twice in a register.
    register_rows: HashMap<usize, usize>,
    measurements: Vec<MeasurementRow>,
    published: Vec<PublishedStatus>,
    readings: Vec<CellNote>,
    problems: Vec<CellNote>,
    /// Whether a value cell showed % or £: the unit of new KPIs when no column gives it.
    units_seen: HashMap<usize, Unit>,
    decimals_seen: HashMap<usize, u8>,
    /// The new KPIs whose frequency a period has settled: the first period a new KPI's rows give.
    frequency_settled: HashSet<usize>,
    /// The KPIs and fields whose owner, directorate or service has been looked up, so that a KPI on several
    /// rows is said back once.
    looked_up: HashSet<(usize, Field)>,
}

impl<'a> Planner<'a> {
    fn new(workspace: &'a Workspace, sheet: &Sheet, columns: Columns<'a>) -> Self {
        Self {
            workspace,
            columns,
            decimal_comma: sheet.decimal_comma,
            kpis: Vec::new(),
            new_kpis: Vec::new(),
            is_new: HashSet::new(),
            known_as: HashMap::new(),
            register_rows: HashMap::new(),
            measurements: Vec::new(),
            published: Vec::new(),
            readings: Vec::new(),
            problems: Vec::new(),
            units_seen: HashMap::new(),
            decimals_seen: HashMap::new(),
            frequency_settled: HashSet::new(),
            looked_up: HashSet::new(),
        }
    }

    fn problem(&mut self, row: usize, column: String, note: String) {
        self.problems.push(CellNote { row, column, note });
    }

    fn reading(&mut self, row: usize, column: String, note: String) {
        self.readings.push(CellNote { row, column, note });
    }

    /// The KPI a row names: one of the plan's, one of the workspace's (by reference, else by name), or a new one.
    fn kpi_of(&mut self, row: &SheetRow) -> Option<usize> {
        let id = self.columns.cell(row, Field::KpiId).map(str::to_owned);
        let name = self.columns.cell(row, Field::Name).map(str::to_owned);
        if id.is_none() && name.is_none() {
            let column = self.columns.heading(Field::Name);
            self.problem(
                row.number,
                column,
                "the row names no KPI: give its name or reference".to_owned(),
            );
            return None;
        }
        let keys: Vec<String> = id
            .iter()
            .map(|id| format!("id:{id}"))
            .chain(name.iter().map(|n| format!("name:{}", n.to_lowercase())))
            .collect();
        if let Some(&known) = keys.iter().find_map(|k| self.known_as.get(k)) {
            return Some(known);
        }
        let existing = id
            .as_deref()
            .and_then(|id| self.workspace.kpis.iter().find(|k| k.id.as_str() == id))
            .or_else(|| {
                name.as_deref().and_then(|name| {
                    self.workspace
                        .kpis
                        .iter()
                        .find(|k| k.name.trim().eq_ignore_ascii_case(name))
                })
            });
        let kpi = match existing {
            Some(kpi) => kpi.clone(),
            None => {
                let Some(name) = name.clone() else {
                    let column = self.columns.heading(Field::Name);
                    self.problem(
                        row.number,
                        column,
                        format!(
                            "the reference \"{}\" is not a KPI of this workspace, and the row gives no name to add it by",
                            id.unwrap_or_default()
                        ),
                    );
                    return None;
                };
                let kpi_id = match id.as_deref() {
                    Some(id) => match KpiId::new(id) {
                        Ok(kpi_id) => kpi_id,
                        Err(problem) => {
                            let column = self.columns.heading(Field::KpiId);
                            self.problem(
                                row.number,
                                column,
                                format!("the reference \"{id}\" {problem}"),
                            );
                            return None;
                        }
                    },
                    None => {
                        let taken: Vec<&str> = self
                            .workspace
                            .kpis
                            .iter()
                            .map(|k| k.id.as_str())
                            .chain(self.kpis.iter().map(|k| k.id.as_str()))
                            .collect();
                        fresh_id("kpi", &name, &taken)?
                    }
                };
                self.new_kpis.push(kpi_id.clone());
                self.is_new.insert(self.kpis.len());
                let column = self.columns.heading(Field::Name);
                self.reading(
                    row.number,
                    column,
                    format!("\"{name}\" is a new KPI ({kpi_id}): {DEFAULTS}; please review them on its page"),
                );
                let mut kpi = KpiDefinition {
                    defaulted: DefaultedField::ALL.to_vec(),
                    ..KpiDefinition::named(kpi_id, name)
                };
                let value_heading = self.columns.heading(Field::Value);
                if says_year_to_date(&value_heading) {
                    KpiSetting::Measure(MeasureType::YearToDate).set(&mut kpi);
                    self.reading(
                        row.number,
                        value_heading.clone(),
                        format!(
                            "\"{}\" holds years to date as published, so the KPI is rated on each figure as it \
                             is, not added up again",
                            value_heading.trim()
                        ),
                    );
                }
                kpi
            }
        };
        let index = self.kpis.len();
        self.known_as.insert(format!("id:{}", kpi.id), index);
        self.known_as
            .insert(format!("name:{}", kpi.name.trim().to_lowercase()), index);
        for key in keys {
            self.known_as.insert(key, index);
        }
        self.kpis.push(kpi);
        Some(index)
    }

    /// Reads one of the register's fields in `row` into the KPI at `index`.
    fn read_definition(&mut self, row: &SheetRow, index: usize) {
        type Reader = fn(&str) -> Result<KpiSetting, String>;
        let readers: [(Field, Reader); 5] = [
            (Field::Polarity, |t| {
                read_polarity(t).map(KpiSetting::Polarity)
            }),
            (Field::Frequency, |t| {
                read_frequency(t).map(KpiSetting::Frequency)
            }),
            (Field::Unit, |t| read_unit(t).map(KpiSetting::Unit)),
            (Field::Measure, |t| read_measure(t).map(KpiSetting::Measure)),
            (Field::Definition, |t| {
                Ok(KpiSetting::Definition(t.to_owned()))
            }),
        ];
        for (field, reader) in readers {
            let Some(text) = self.columns.cell(row, field) else {
                continue;
            };
            match reader(text) {
                Ok(setting) => {
                    if let KpiSetting::Unit(Unit::Custom { label }) = &setting {
                        let column = self.columns.heading(field);
                        let note = format!(
                            "'{label}' read as a unit of the council's own, shown after each figure"
                        );
                        self.reading(row.number, column, note);
                    }
                    setting.set(&mut self.kpis[index]);
                }
                Err(problem) => {
                    let column = self.columns.heading(field);
                    self.problem(row.number, column, problem);
                }
            }
        }
        if let Some(source) = self.columns.cell(row, Field::Source) {
            self.kpis[index].source = source.to_owned();
        }
        self.read_named_records(row, index);
    }

    /// The owner, service and directorate `row` names, found among the workspace's people and structure
    /// (once for each KPI); one not found is said back and left as it was.
    fn read_named_records(&mut self, row: &SheetRow, index: usize) {
        for field in [Field::Owner, Field::Service, Field::Directorate] {
            let Some(text) = self.columns.cell(row, field).map(str::to_owned) else {
                continue;
            };
            if !self.looked_up.insert((index, field)) {
                continue;
            }
            let kpi = &mut self.kpis[index];
            let note = match field {
                Field::Owner => match find_person(self.workspace, &text) {
                    Found::One(person, note) => {
                        kpi.owner = Some(person);
                        note
                    }
                    Found::NotFound(why) => Some(why),
                },
                Field::Service => match find_service(self.workspace, &text) {
                    Found::One(service, note) => {
                        kpi.service = Some(service);
                        note
                    }
                    Found::NotFound(why) => Some(why),
                },
                // A KPI hangs under a directorate directly only when no service says where it belongs.
                _ if kpi.service.is_some() => None,
                _ => match find_directorate(self.workspace, &text) {
                    Found::One(directorate, note) => {
                        kpi.directorate = Some(directorate);
                        note
                    }
                    Found::NotFound(why) => Some(why),
                },
            };
            if let Some(note) = note {
                let column = self.columns.heading(field);
                self.reading(row.number, column, note);
            }
        }
    }

    /// A figure in `row`'s cell at `column`, with its reading noted; `None` when there is none or it is wrong.
    fn figure(&mut self, row: &SheetRow, column: usize) -> Option<Option<f64>> {
        let text = row.cells.get(column)?;
        let heading = self.columns.heading_at(column);
        match read_figure(text, self.decimal_comma) {
            CellFigure::Figure { value, reading } => {
                if let Some(reading) = reading {
                    self.reading(row.number, heading, reading);
                }
                Some(Some(value))
            }
            CellFigure::NoValue { reading } => {
                if let Some(reading) = reading {
                    self.reading(row.number, heading, reading);
                }
                Some(None)
            }
            CellFigure::NotAFigure(problem) => {
                self.problem(row.number, heading, problem);
                None
            }
        }
    }

    /// Notes the unit and places a value cell shows, for a new KPI with no unit column.
    fn notice_written_form(&mut self, index: usize, text: &str) {
        let text = text.trim();
        let unit = if text.ends_with('%') {
            Some(Unit::Percent)
        } else if text.starts_with('£') || text.starts_with("-£") {
            Some(Unit::Pounds)
        } else {
            None
        };
        if let Some(unit) = unit {
            self.units_seen.entry(index).or_insert(unit);
        }
        let decimal = if self.decimal_comma { ',' } else { '.' };
        let places = text
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .rsplit_once(decimal)
            .map_or(0, |(_, after)| {
                after.chars().filter(char::is_ascii_digit).count()
            });
        let seen = self.decimals_seen.entry(index).or_insert(0);
        *seen = (*seen).max(u8::try_from(places.min(2)).unwrap_or(2));
    }

    /// Whether `period` is one the KPI at `index` reports; a problem at `column` if not. A new KPI with no
    /// frequency column is reported as often as the first period its rows give.
    fn fits(&mut self, row: usize, column: String, index: usize, period: Period) -> bool {
        if self.is_new.contains(&index)
            && !self.columns.fields.contains_key(&Field::Frequency)
            && self.frequency_settled.insert(index)
        {
            KpiSetting::Frequency(period.frequency()).set(&mut self.kpis[index]);
        }
        let kpi = &self.kpis[index];
        if period.frequency() == kpi.frequency {
            return true;
        }
        let kind = period.frequency().label().to_lowercase();
        let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let note = format!(
            "{period} is {article} {kind} period, but \"{}\" is reported {}",
            kpi.name,
            kpi.frequency.label().to_lowercase()
        );
        self.problem(row, column, note);
        false
    }

    fn read_row(&mut self, row: &SheetRow) {
        let Some(index) = self.kpi_of(row) else {
            return;
        };
        self.read_definition(row, index);
        let period_text = self.columns.cell(row, Field::Period).map(str::to_owned);
        let period = match &period_text {
            Some(text) => match read_period(text) {
                Ok(period) => {
                    if period.to_string() != *text {
                        let column = self.columns.heading(Field::Period);
                        self.reading(row.number, column, format!("'{text}' read as {period}"));
                    }
                    let column = self.columns.heading(Field::Period);
                    // A financial year with only a target on the row is the KPI's year-end target, however
                    // often the KPI is reported.
                    let year_end_target = period.frequency() == Frequency::Annual
                        && [Field::Value, Field::Commentary]
                            .into_iter()
                            .all(|field| self.columns.cell(row, field).is_none());
                    (year_end_target || self.fits(row.number, column, index, period))
                        .then_some(period)
                }
                Err(problem) => {
                    let column = self.columns.heading(Field::Period);
                    self.problem(row.number, column, problem);
                    None
                }
            },
            None => None,
        };
        if period_text.is_none()
            && !self.columns.fields.contains_key(&Field::Period)
            && let Some(first) = self.register_rows.insert(index, row.number)
        {
            let column = self.columns.heading(Field::Name);
            let note = format!(
                "\"{}\" is named on row {first} too: name each KPI once",
                self.kpis[index].name
            );
            self.problem(row.number, column, note);
        }
        self.read_figures(row, index, period);
        for at in 0..self.columns.periods.len() {
            let (column, period) = self.columns.periods[at];
            let heading = self.columns.heading_at(column);
            if !self.fits(row.number, heading, index, period) {
                continue;
            }
            if let Some(text) = row.cells.get(column) {
                self.notice_written_form(index, text);
            }
            if let Some(Some(value)) = self.figure(row, column) {
                self.measurements.push(MeasurementRow {
                    line: row.number,
                    kpi: self.kpis[index].id.clone(),
                    period,
                    value: Some(value),
                    commentary: None,
                });
            }
        }
    }

    /// The value, target, status and commentary of a row for `period`.
    fn read_figures(&mut self, row: &SheetRow, index: usize, period: Option<Period>) {
        let value_column = self.columns.fields.get(&Field::Value).copied();
        let value = match value_column {
            Some(column) => {
                if let Some(text) = row.cells.get(column) {
                    self.notice_written_form(index, text);
                }
                self.figure(row, column).flatten()
            }
            None => None,
        };
        let commentary = self.columns.cell(row, Field::Commentary).map(str::to_owned);
        if let (Some(period), true) = (period, value.is_some() || commentary.is_some()) {
            self.measurements.push(MeasurementRow {
                line: row.number,
                kpi: self.kpis[index].id.clone(),
                period,
                value,
                commentary,
            });
        }
        if let Some(column) = self.columns.fields.get(&Field::Target).copied()
            && let Some(Some(target)) = self.figure(row, column)
        {
            // Without a period column, the year the heading names ("Target 2025/26"), else the current year.
            let year = year_in_heading(&self.columns.heading_at(column))
                .unwrap_or(self.workspace.framework.current_year);
            let target_period = period.or_else(|| Period::new(Frequency::Annual, year, 1));
            if let Some(target_period) = target_period {
                let targets = &mut self.kpis[index].targets;
                targets.retain(|t| t.period != target_period);
                targets.push(Target {
                    period: target_period,
                    value: target,
                });
            }
        }
        if let Some(text) = self.columns.cell(row, Field::PublishedStatus) {
            match read_status(text) {
                Ok(Some(status)) => {
                    if let Some(period) = period {
                        self.published.push(PublishedStatus {
                            kpi: self.kpis[index].id.clone(),
                            period,
                            status,
                            row: row.number,
                        });
                    }
                }
                Ok(None) => {}
                Err(problem) => {
                    let column = self.columns.heading(Field::PublishedStatus);
                    self.problem(row.number, column, problem);
                }
            }
        }
    }

    fn finish(mut self, mut import: SheetImport) -> SheetImport {
        for (index, kpi) in self.kpis.iter_mut().enumerate() {
            if !self.is_new.contains(&index) {
                continue;
            }
            if self.columns.fields.contains_key(&Field::Unit) {
                continue;
            }
            if let Some(unit) = self.units_seen.get(&index) {
                KpiSetting::Unit(*unit).set(kpi);
            }
            kpi.decimals = self.decimals_seen.get(&index).copied().unwrap_or(0);
        }
        import.kpis = self.kpis;
        import.new_kpis = self.new_kpis;
        import.measurements = self.measurements;
        import.published = self.published;
        import.readings.append(&mut self.readings);
        import.problems.append(&mut self.problems);
        // Row by row, and left to right within a row, as a person reads the sheet.
        let headings = self.columns.headings;
        let place = |note: &CellNote| (note.row, headings.iter().position(|h| *h == note.column));
        import.readings.shared_sort_by_key(place);
        import.problems.shared_sort_by_key(place);
        import
    }
}

/// The financial year a heading names, as in "Target 2025/26" or "2025-26 target".
fn year_in_heading(heading: &str) -> Option<FinancialYear> {
    heading.split_whitespace().find_map(|word| {
        FinancialYear::parse(word.trim_matches(|c: char| !c.is_ascii_digit())).ok()
    })
}

/// A field of a KPI's definition read from a register's cell.
enum KpiSetting {
    Polarity(Polarity),
    Frequency(Frequency),
    Unit(Unit),
    Measure(MeasureType),
    Definition(String),
}

impl KpiSetting {
    /// Sets the field the sheet gave, which is then no longer a default to review.
    fn set(self, kpi: &mut KpiDefinition) {
        let settled = match self {
            Self::Polarity(polarity) => {
                kpi.polarity = polarity;
                DefaultedField::Polarity
            }
            Self::Frequency(frequency) => {
                kpi.frequency = frequency;
                DefaultedField::Frequency
            }
            Self::Unit(unit) => {
                kpi.unit = unit;
                DefaultedField::Unit
            }
            Self::Measure(measure) => {
                kpi.measure = measure;
                DefaultedField::Measure
            }
            Self::Definition(definition) => {
                kpi.definition = definition;
                return;
            }
        };
        kpi.defaulted.retain(|field| *field != settled);
    }
}

/// What importing did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// New KPIs.
    pub kpis_added: usize,
    /// KPIs whose definition or targets changed.
    pub kpis_updated: usize,
    /// What happened to the figures.
    pub measurements: csv_measurements::Applied,
    /// Whether what the person chose the columns hold was remembered for the next sheet.
    pub columns_remembered: bool,
}

/// Applies a plan with no problems to `workspace`.
pub fn apply(workspace: &mut Workspace, import: &SheetImport) -> Imported {
    let mut imported = Imported::default();
    for kpi in &import.kpis {
        match workspace.kpis.iter_mut().find(|k| k.id == kpi.id) {
            Some(existing) if existing != kpi => {
                *existing = kpi.clone();
                imported.kpis_updated += 1;
            }
            Some(_) => {}
            None => {
                workspace.kpis.push(kpi.clone());
                imported.kpis_added += 1;
            }
        }
    }
    imported.measurements = csv_measurements::apply(workspace, &import.measurements);
    imported.columns_remembered = remember(
        &mut workspace.framework.spreadsheet_columns,
        &import.headings,
        &import.roles,
    );
    imported
}

/// What importing a sheet would do, worked out before anything changes.
#[derive(Clone, Debug)]
pub struct Preview {
    /// The plan: KPIs, figures, published statuses, readings and problems.
    pub import: SheetImport,
    /// When the plan has no problem: the workspace as importing would leave it, and what importing did.
    pub outcome: Option<(Workspace, Imported)>,
}

impl Preview {
    /// What `import`, planned against `workspace`, would do: applied to a copy of the workspace when it has no
    /// problem. Kept apart from the planning so that a page can let the browser breathe between the two.
    pub fn of(import: SheetImport, workspace: &Workspace) -> Preview {
        let outcome = import.problems.is_empty().then(|| {
            let mut updated = workspace.clone();
            let imported = apply(&mut updated, &import);
            (updated, imported)
        });
        Preview { import, outcome }
    }
}

/// What importing `sheet`, whose columns hold `roles`, would do to `workspace`: the plan, applied to a copy of
/// the workspace when it has no problem.
pub fn preview(sheet: &Sheet, roles: &[ColumnRole], workspace: &Workspace) -> Preview {
    Preview::of(plan(sheet, roles, workspace), workspace)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::basics::period::FinancialYear;
    use crate::domain::kpi::assessment::assess;
    use crate::domain::model::framework::Framework;
    use crate::domain::model::workspace::PerformanceIndex;
    use crate::domain::scorecard::engine::{ScorecardScope, scorecard};
    use crate::storage::spreadsheet::headings::guess_roles;

    /// A council's quarterly scorecard, as its spreadsheet saves it.
    const SCORECARD: &str = "Indicator,Quarter,Target,Actual,Previous,Status,Comments\n\
        Homes delivered,Q3 2024/25,\"1,000\",\"1,050\",980,Green,Ahead of plan\n\
        Missed bin collections,Q3 2024/25,50,65,55,Red,Crew shortages\n\
        Residents satisfied with the council,Q3 2024/25,80%,76.0%,78.0%,Amber,\n";

    fn council() -> Workspace {
        Workspace::new(Framework::new(
            "Anyshire",
            FinancialYear::starting(2024).unwrap(),
        ))
    }

    fn planned(csv: &str, workspace: &Workspace) -> SheetImport {
        let sheet = Sheet::from_csv("scorecard.csv", csv.as_bytes()).unwrap();
        plan(&sheet, &guess_roles(&sheet.headings), workspace)
    }

    fn ids(import: &SheetImport) -> Vec<&str> {
        import.kpis.iter().map(|k| k.id.as_str()).collect()
    }

    #[test]
    fn a_councils_quarterly_scorecard_becomes_rated_kpis_on_the_organisational_scorecard() {
        let mut workspace = council();
        let import = planned(SCORECARD, &workspace);
        assert_eq!(import.problems, []);
        assert_eq!(
            ids(&import),
            [
                "kpi-homes-delivered",
                "kpi-missed-bin-collections",
                "kpi-residents-satisfied-with-the-council"
            ]
        );
        assert_eq!(import.new_kpis.len(), 3);
        let homes = &import.kpis[0];
        let q3 = Period::parse("2024/25 Q3").unwrap();
        assert_eq!(
            (homes.frequency, homes.unit, homes.decimals),
            (Frequency::Quarterly, Unit::Count, 0)
        );
        assert_eq!(
            homes.targets,
            [Target {
                period: q3,
                value: 1000.0
            }]
        );
        // "76.0%" and "80%": a percentage, shown to one place.
        let satisfied = &import.kpis[2];
        assert_eq!((satisfied.unit, satisfied.decimals), (Unit::Percent, 1));
        assert_eq!(
            import
                .measurements
                .iter()
                .map(|m| (m.line, m.value))
                .collect::<Vec<_>>(),
            [(2, Some(1050.0)), (3, Some(65.0)), (4, Some(76.0))]
        );
        assert_eq!(
            import.measurements[1].commentary.as_deref(),
            Some("Crew shortages")
        );
        assert_eq!(
            import
                .published
                .iter()
                .map(|p| (p.row, p.status))
                .collect::<Vec<_>>(),
            [
                (2, RagStatus::Green),
                (3, RagStatus::Red),
                (4, RagStatus::Amber)
            ]
        );
        let readings: Vec<String> = import.readings.iter().map(ToString::to_string).collect();
        assert!(
            readings.contains(&"Row 2, column \"Actual\": '1,050' read as 1050".to_owned()),
            "{readings:?}"
        );
        assert!(readings.contains(&"Row 4, column \"Target\": '80%' read as 80".to_owned()));

        let imported = apply(&mut workspace, &import);
        assert_eq!((imported.kpis_added, imported.measurements.added), (3, 3));
        let as_at = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        let index = PerformanceIndex::new(&workspace.measurements);
        let rows = scorecard(&workspace, &index, &ScorecardScope::Organisation, as_at);
        let rated: Vec<Option<RagStatus>> =
            rows.iter().map(|r| r.assessment.rating.status()).collect();
        // Homes 1,050 against 1,000: on target, green. Bins 65 against 50, rated higher-is-better by default (the
        // sheet does not say), so green, where the council published red: the reconcile step shows that.
        // Satisfaction 76.0% against 80%: (80 − 76) / 80 = 5% short, within the default 10%: amber.
        assert_eq!(
            rated,
            [
                Some(RagStatus::Green),
                Some(RagStatus::Green),
                Some(RagStatus::Amber)
            ]
        );
    }

    #[test]
    fn a_scorecard_published_year_to_date_is_rated_on_its_figures_not_added_up_again() {
        let mut workspace = council();
        // Homes delivered, published to date: 240 by Q1 against 250, 520 by Q2 against 500; the year's
        // target is 1,000 (the register's "Target 2024/25" would give it; here the Q4 to-date target does).
        let csv = "Indicator,Quarter,YTD Target,Year to date actual\n\
            Homes delivered,Q1 2024/25,250,240\n\
            Homes delivered,Q2 2024/25,500,520\n\
            Homes delivered,Q4 2024/25,\"1,000\",\n";
        let import = planned(csv, &workspace);
        assert_eq!(import.problems, []);
        assert_eq!(import.kpis[0].measure, MeasureType::YearToDate);
        assert!(!import.kpis[0].defaulted.contains(&DefaultedField::Measure));
        let readings: Vec<String> = import.readings.iter().map(ToString::to_string).collect();
        assert!(
            readings.contains(
                &"Row 2, column \"Year to date actual\": \"Year to date actual\" holds years to date as \
                  published, so the KPI is rated on each figure as it is, not added up again"
                    .to_owned()
            ),
            "{readings:?}"
        );
        apply(&mut workspace, &import);
        let index = PerformanceIndex::new(&workspace.measurements);
        let kpi = &workspace.kpis[0];
        let q2 = Period::parse("2024/25 Q2").unwrap();
        let at_q2 = assess(kpi, &index.history(&kpi.id), q2, &workspace.framework);
        // Rated on 520 to date against 500 to date: 4% over, green. Summed again it would be 760.
        // Q2's own figure is 520 − 240 = 280, and Q1's is its to-date 240.
        assert_eq!(at_q2.year_to_date, Some(520.0));
        assert_eq!(at_q2.rating.status(), Some(RagStatus::Green));
        assert_eq!(
            (at_q2.value, at_q2.previous_value),
            (Some(280.0), Some(240.0))
        );
        assert_eq!(at_q2.shown_value("–"), "280 (year to date 520)");
    }

    #[test]
    fn a_preview_applies_a_sound_plan_to_a_copy_and_a_faulty_one_to_nothing() {
        let workspace = council();
        let sheet = Sheet::from_csv("scorecard.csv", SCORECARD.as_bytes()).unwrap();
        let sound = preview(&sheet, &guess_roles(&sheet.headings), &workspace);
        let (updated, imported) = sound.outcome.expect("a plan with no problem is applied");
        // The sheet's three KPIs and their three figures, on the copy only.
        assert_eq!((imported.kpis_added, imported.measurements.added), (3, 3));
        assert_eq!((updated.kpis.len(), workspace.kpis.len()), (3, 0));

        let faulty = Sheet::from_csv(
            "faulty.csv",
            b"Indicator,Quarter,Actual\nHomes,Q5 2024/25,1\n",
        )
        .unwrap();
        let refused = preview(&faulty, &guess_roles(&faulty.headings), &workspace);
        assert_eq!(refused.import.problems.len(), 1);
        assert!(refused.outcome.is_none());
    }

    #[test]
    fn a_new_kpis_fields_the_sheet_did_not_settle_are_marked_defaulted() {
        let sheet = Sheet::from_csv(
            "q3.csv",
            b"Indicator,Quarter,Good is,Actual\n\
              Homes delivered,Q3 2024/25,High,1050\n\
              Residents satisfied,Q3 2024/25,High,76.0%\n",
        )
        .unwrap();
        let import = plan(&sheet, &guess_roles(&sheet.headings), &council());
        use DefaultedField as F;
        // Both: which way is better from "Good is", quarterly from the period; level, perspective, category,
        // measure, status and timing are the documented defaults. Homes' plain 1050 says no unit (a count by
        // default); satisfaction's "76.0%" makes it a percentage.
        let never_in_a_sheet = [
            F::Level,
            F::Perspective,
            F::Category,
            F::Measure,
            F::Status,
            F::Timing,
        ];
        assert_eq!(
            import.kpis[0].defaulted,
            [never_in_a_sheet.as_slice(), &[F::Unit]].concat()
        );
        assert_eq!(import.kpis[1].defaulted, never_in_a_sheet);
    }

    #[test]
    fn owners_and_services_are_found_in_the_workspace_and_an_unknown_one_said_once() {
        let workspace = crate::demo::demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let person = &workspace.people[3];
        let service = &workspace.services[2];
        let csv = format!(
            "Indicator,Quarter,Actual,Lead,Service\n\
             Homes delivered,Q1 2026/27,10,{},{}\n\
             Pothole repairs,Q1 2026/27,5,Pat Unknown,\n\
             Pothole repairs,Q2 2026/27,6,Pat Unknown,\n",
            person.name, service.name
        );
        let import = planned(&csv, &workspace);
        assert_eq!(import.problems, []);
        assert_eq!(import.kpis[0].owner.as_ref(), Some(&person.id));
        assert_eq!(import.kpis[0].service.as_ref(), Some(&service.id));
        assert_eq!(import.kpis[1].owner, None);
        let unknown: Vec<&CellNote> = import
            .readings
            .iter()
            .filter(|note| note.note.contains("Pat Unknown"))
            .collect();
        // Two rows name the same KPI and the same unknown lead: said once, at the first.
        assert_eq!(unknown.len(), 1);
        assert_eq!((unknown[0].row, unknown[0].column.as_str()), (3, "Lead"));
    }

    #[test]
    fn the_same_sheet_imported_again_changes_nothing() {
        let mut workspace = council();
        let first = planned(SCORECARD, &workspace);
        apply(&mut workspace, &first);
        let second = planned(SCORECARD, &workspace);
        let again = apply(&mut workspace, &second);
        // Three KPIs and three figures, every one as the first import left it.
        assert_eq!((again.kpis_added, again.kpis_updated), (0, 0));
        assert_eq!(
            (
                again.measurements.added,
                again.measurements.updated,
                again.measurements.unchanged
            ),
            (0, 0, 3)
        );
    }

    #[test]
    fn next_quarters_sheet_updates_the_same_kpis_and_adds_no_duplicate() {
        let mut workspace = council();
        let first = planned(SCORECARD, &workspace);
        apply(&mut workspace, &first);
        let next = "Indicator,Quarter,Actual\n\
            HOMES DELIVERED,Jan-Mar 2025,\"1,120\"\n\
            Missed bin collections,Q4 2024/25,48\n\
            Missed bin collections,Q3 2024/25,64\n";
        let import = planned(next, &workspace);
        assert_eq!(import.problems, []);
        assert_eq!(import.new_kpis, []);
        assert_eq!(
            import.readings[0].to_string(),
            "Row 2, column \"Quarter\": 'Jan-Mar 2025' read as Q4 2024/25"
        );
        let imported = apply(&mut workspace, &import);
        assert_eq!(
            workspace.kpis.len(),
            3,
            "matched by name, whatever its case"
        );
        assert_eq!(
            (imported.measurements.added, imported.measurements.updated),
            (2, 1)
        );
        assert_eq!(workspace.measurements.len(), 5);
    }

    #[test]
    fn every_problem_is_reported_with_its_row_and_column_and_nothing_else_stops_it() {
        let workspace = council();
        let csv = "Indicator,Quarter,Actual,Status,Good is\n\
            Homes delivered,Q3 2024/25,about 40,Purple,Up\n\
            Homes delivered,Dec 2024,12,Green,Up\n\
            ,Q3 2024/25,5,,\n\
            Recycling rate,Spring 2024,n/a,,sideways\n";
        let problems: Vec<String> = planned(csv, &workspace)
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "Row 2, column \"Actual\": \"about 40\" is not a figure: write a number such as 19625, 19,625, 85.2%, \
                 £1.2m or (1,234), or n/a for none".to_owned(),
                "Row 2, column \"Status\": \"Purple\" is not a RAG status: write Red, Amber or Green (R, A, G), or n/a".to_owned(),
                "Row 3, column \"Quarter\": Dec 2024 is a monthly period, but \"Homes delivered\" is reported quarterly".to_owned(),
                "Row 4, column \"Indicator\": the row names no KPI: give its name or reference".to_owned(),
                format!("Row 5, column \"Quarter\": \"Spring 2024\" is not a period this app reads: {}", super::super::period_forms::ACCEPTED),
                "Row 5, column \"Good is\": \"sideways\" does not say which way is better: write Higher is better, \
                 Lower is better or Maintain".to_owned(),
            ]
        );
    }

    #[test]
    fn a_sheet_with_a_column_per_period_records_each_periods_value() {
        let workspace = council();
        let csv = "PI Code,Indicator,Q1 2024/25,Q2 2024/25,Q3 2024/25\n\
            HOU01,Homes delivered,240,255,n/a\n";
        let import = planned(csv, &workspace);
        assert_eq!(import.problems, []);
        assert_eq!(
            ids(&import),
            ["HOU01"],
            "the council's own reference becomes the id"
        );
        assert_eq!(
            import
                .measurements
                .iter()
                .map(|m| (m.period.to_string(), m.value))
                .collect::<Vec<_>>(),
            [
                ("Q1 2024/25".to_owned(), Some(240.0)),
                ("Q2 2024/25".to_owned(), Some(255.0))
            ]
        );
    }

    #[test]
    fn a_register_names_each_kpi_once() {
        let workspace = council();
        let csv = "KPI name,Definition,Frequency,Good is,Unit\n\
            Homes delivered,Net additional homes,Annual,Higher is better,Number\n\
            Missed bins,Per 100k collections,Monthly,Lower is better,Rate per 100000\n\
            homes delivered,Again,Annual,Up,Number\n";
        let import = planned(csv, &workspace);
        let bins = &import.kpis[1];
        assert_eq!(
            (bins.frequency, bins.polarity, bins.unit),
            (
                Frequency::Monthly,
                Polarity::LowerIsBetter,
                Unit::RatePer { per: 100_000 }
            )
        );
        assert_eq!(
            import
                .problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "Row 4, column \"KPI name\": \"Homes delivered\" is named on row 2 too: name each KPI once"
            ]
        );
    }

    #[test]
    fn a_registers_weights_times_and_own_units_are_kept_and_said_back() {
        let workspace = council();
        let csv = "KPI name,Frequency,Unit\n\
            Waste collected,Monthly,Tonnes\n\
            Residual waste,Quarterly,kg per household\n\
            Time to answer,Monthly,mins\n";
        let import = planned(csv, &workspace);
        assert_eq!(import.problems, []);
        let units: Vec<String> = import
            .kpis
            .iter()
            .map(|k| k.unit.format(412.0, 0))
            .collect();
        assert_eq!(units, ["412 tonnes", "412 kg per household", "412 minutes"]);
        let readings: Vec<String> = import.readings.iter().map(ToString::to_string).collect();
        assert!(
            readings.contains(
                &"Row 3, column \"Unit\": 'kg per household' read as a unit of the council's own, shown after \
                  each figure"
                    .to_owned()
            ),
            "{readings:?}"
        );
        assert!(
            import
                .kpis
                .iter()
                .all(|k| !k.defaulted.contains(&DefaultedField::Unit)),
            "each unit was given, none defaulted"
        );
    }

    #[test]
    fn a_registers_target_is_for_the_year_its_heading_names() {
        // The council's current year is 2024/25; the register's target column says 2025/26.
        let workspace = council();
        let csv = "KPI name,Target 2025/26\nHomes delivered,\"1,100\"\nRecycling rate,\n";
        let import = planned(csv, &workspace);
        assert_eq!(import.problems, []);
        let year = |start| {
            Period::new(
                Frequency::Annual,
                FinancialYear::starting(start).unwrap(),
                1,
            )
            .unwrap()
        };
        assert_eq!(
            import.kpis[0].targets,
            [Target {
                period: year(2025),
                value: 1100.0
            }]
        );
        assert_eq!(import.kpis[1].targets, [], "an empty target cell sets none");
        let plain = planned("KPI name,Target\nHomes delivered,900\n", &workspace);
        assert_eq!(
            plain.kpis[0].targets,
            [Target {
                period: year(2024),
                value: 900.0
            }],
            "else the current year"
        );
    }
}
