//! Which field a spreadsheet column holds, worked out from its heading as councils write it ("Indicator",
//! "Outturn", "Responsible officer", "RAG status", "Target 2024/25"), or, for a sheet with a column per period,
//! which period ("Q1 2024/25", "Apr-24"). The person sees the result and can change any column.

use serde::{Deserialize, Serialize};

use super::period_forms::read_period;
use crate::domain::basics::period::Period;

/// A field a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The KPI's reference ("PI code", "Ref").
    KpiId,
    /// The KPI's name ("Indicator", "Measure", "PI").
    Name,
    /// What the KPI measures and how it is worked out.
    Definition,
    /// The period a row's figures are for ("Quarter", "Month").
    Period,
    /// The figure for the period ("Actual", "Outturn", "Result").
    Value,
    /// The target ("Target", "Target 2024/25").
    Target,
    /// The previous period's figure as the council printed it.
    Previous,
    /// The council's own published RAG status ("Status", "RAG").
    PublishedStatus,
    /// Which way is better ("Polarity", "Good is", "Higher is better").
    Polarity,
    /// Who answers for the KPI ("Responsible officer", "Lead").
    Owner,
    /// The unit ("%", "number", "£").
    Unit,
    /// How often it is reported.
    Frequency,
    /// Commentary on the period's figure.
    Commentary,
    /// The directorate it belongs to.
    Directorate,
    /// The service that reports it.
    Service,
    /// Where the figures come from.
    Source,
    /// Whether its figures stand alone, add up, or are published already added up ("Cumulative?").
    Measure,
}

impl Field {
    /// Every field, in the order the mapping lists them.
    pub const ALL: [Self; 17] = [
        Self::KpiId,
        Self::Name,
        Self::Definition,
        Self::Period,
        Self::Value,
        Self::Target,
        Self::Previous,
        Self::PublishedStatus,
        Self::Polarity,
        Self::Owner,
        Self::Unit,
        Self::Frequency,
        Self::Commentary,
        Self::Directorate,
        Self::Service,
        Self::Source,
        Self::Measure,
    ];

    /// The field in words, as the mapping shows it.
    pub const fn label(self) -> &'static str {
        match self {
            Self::KpiId => "KPI reference",
            Self::Name => "KPI name",
            Self::Definition => "Definition",
            Self::Period => "Period",
            Self::Value => "Value (actual)",
            Self::Target => "Target",
            Self::Previous => "Previous value",
            Self::PublishedStatus => "The council's RAG status",
            Self::Polarity => "Which way is better",
            Self::Owner => "Responsible officer",
            Self::Unit => "Unit",
            Self::Frequency => "Reporting frequency",
            Self::Commentary => "Commentary",
            Self::Directorate => "Directorate",
            Self::Service => "Service",
            Self::Source => "Data source",
            Self::Measure => "Snapshot, cumulative or year to date",
        }
    }

    /// The headings councils use for the field, each as [`words`] leaves it.
    const fn headings(self) -> &'static [&'static str] {
        match self {
            Self::KpiId => &[
                "kpi id",
                "kpi ref",
                "kpi reference",
                "kpi code",
                "pi code",
                "pi ref",
                "pi reference",
                "indicator code",
                "indicator ref",
                "measure code",
                "measure id",
                "ref",
                "reference",
                "code",
                "id",
            ],
            Self::Name => &[
                "indicator",
                "indicator name",
                "performance indicator",
                "measure",
                "measure name",
                "pi",
                "pi name",
                "pi title",
                "kpi",
                "kpi name",
                "kpi title",
                "name",
                "title",
                "description",
                "key performance indicator",
                "metric",
            ],
            Self::Definition => &[
                "definition",
                "kpi definition",
                "pi definition",
                "what it measures",
                "how it is calculated",
            ],
            Self::Period => &[
                "quarter",
                "month",
                "period",
                "year",
                "reporting period",
                "period covered",
                "date",
                "reporting month",
                "reporting quarter",
                "financial year",
            ],
            Self::Value => &[
                "actual",
                "actuals",
                "outturn",
                "result",
                "value",
                "performance",
                "current",
                "current performance",
                "current value",
                "actual performance",
                "this period",
                "latest",
                "latest value",
                "figure",
            ],
            Self::Target => &[
                "target",
                "targets",
                "annual target",
                "year end target",
                "target value",
                "goal",
            ],
            Self::Previous => &[
                "previous",
                "previous period",
                "previous quarter",
                "previous month",
                "previous value",
                "last period",
                "last quarter",
                "last month",
                "prior period",
                "prior quarter",
            ],
            Self::PublishedStatus => &[
                "status",
                "rag",
                "rag status",
                "rag rating",
                "rating",
                "performance status",
                "traffic light",
            ],
            Self::Polarity => &[
                "polarity",
                "good is",
                "good performance is",
                "direction",
                "direction of improvement",
                "higher is better",
                "lower is better",
                "is higher better",
                "better if",
            ],
            Self::Owner => &[
                "owner",
                "lead",
                "lead officer",
                "responsible officer",
                "accountable officer",
                "officer",
                "responsible",
                "kpi owner",
                "pi owner",
            ],
            Self::Unit => &["unit", "units", "unit of measure", "measure type", "format"],
            Self::Frequency => &[
                "frequency",
                "reporting frequency",
                "how often",
                "reported",
                "collection frequency",
            ],
            Self::Commentary => &[
                "commentary",
                "comment",
                "comments",
                "narrative",
                "notes",
                "note",
                "explanation",
            ],
            Self::Directorate => &["directorate", "department"],
            Self::Service => &["service", "service area", "team"],
            Self::Source => &["source", "data source", "system", "source system"],
            Self::Measure => &[
                "how figures add up",
                "cumulative",
                "cumulative or snapshot",
                "snapshot or cumulative",
                "measure kind",
                "calculation type",
                "aggregation",
            ],
        }
    }
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum ColumnRole {
    /// One field of every row.
    Field {
        /// The field.
        field: Field,
    },
    /// The values of one period, in a sheet with a column per period.
    ValuesFor {
        /// The period.
        period: Period,
    },
    /// Nothing the app reads.
    Ignored,
}

/// A heading reduced to its words: lower case, punctuation gone, and the qualifiers that say which year or
/// quarter ("2024/25", "Q3", "YTD", "year to date", "cumulative") left out, so that "Target 2024/25" reads as
/// "target" and "Year to date actual" as "actual". A heading that is nothing but qualifiers keeps them.
pub fn words(heading: &str) -> String {
    let all: Vec<String> = heading
        .to_lowercase()
        .replace("year to date", "ytd")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let qualifier = |w: &String| {
        w.chars().all(|c| c.is_ascii_digit())
            || matches!(
                w.as_str(),
                "q1" | "q2" | "q3" | "q4" | "ytd" | "cumulative" | "fy" | "the" | "of"
            )
    };
    let kept: Vec<&String> = all.iter().filter(|w| !qualifier(w)).collect();
    if kept.is_empty() {
        all.join(" ")
    } else {
        kept.into_iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Whether a heading says its figures are years to date as published: "YTD Actual", "Year to date outturn",
/// "Cumulative actual".
pub fn says_year_to_date(heading: &str) -> bool {
    let lower = heading.to_lowercase().replace("year to date", "ytd");
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word == "ytd" || word == "cumulative")
}

/// The field a heading names, if any.
pub fn field_of(heading: &str) -> Option<Field> {
    let words = words(heading);
    Field::ALL
        .into_iter()
        .find(|field| field.headings().contains(&words.as_str()))
}

/// What each column holds, from the headings alone: a heading that is a period is that period's values; the
/// first column naming a field holds it, and a later column naming the same field is left out (the person
/// can choose it instead).
pub fn guess_roles(headings: &[String]) -> Vec<ColumnRole> {
    let mut taken = Vec::new();
    headings
        .iter()
        .map(|heading| {
            if let Some(field) = field_of(heading) {
                if taken.contains(&field) {
                    return ColumnRole::Ignored;
                }
                taken.push(field);
                return ColumnRole::Field { field };
            }
            match read_period(heading) {
                Ok(period) => ColumnRole::ValuesFor { period },
                Err(_) => ColumnRole::Ignored,
            }
        })
        .collect()
}

/// The kinds of sheet councils keep; one sheet may be several at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetShape {
    /// One row per KPI: names and definitions.
    Register,
    /// Targets, per period or per year.
    Targets,
    /// One row per KPI per period with its value.
    Measurements,
    /// One row per KPI with a column per period.
    MeasurementsByColumn,
    /// The published scorecard: one row per KPI per period with target, actual, previous and the council's status.
    PublishedScorecard,
}

impl SheetShape {
    /// The shape in words.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Register => "a KPI register (one row per KPI)",
            Self::Targets => "targets",
            Self::Measurements => "measurements (one row per KPI per period)",
            Self::MeasurementsByColumn => "measurements (one row per KPI, a column per period)",
            Self::PublishedScorecard => {
                "a published scorecard (target, actual and the council's status)"
            }
        }
    }
}

/// What a sheet holds, from what its columns hold. Nothing when no column names a KPI.
pub fn shapes(roles: &[ColumnRole]) -> Vec<SheetShape> {
    let has = |field: Field| roles.contains(&ColumnRole::Field { field });
    if !has(Field::Name) && !has(Field::KpiId) {
        return Vec::new();
    }
    let by_column = roles
        .iter()
        .any(|r| matches!(r, ColumnRole::ValuesFor { .. }));
    let register_fields = [
        Field::Definition,
        Field::Owner,
        Field::Unit,
        Field::Frequency,
        Field::Polarity,
        Field::Directorate,
        Field::Service,
        Field::Source,
    ];
    let mut found = Vec::new();
    if register_fields.into_iter().any(has)
        || !(has(Field::Value) || has(Field::Target) || by_column)
    {
        found.push(SheetShape::Register);
    }
    if has(Field::Target) {
        found.push(SheetShape::Targets);
    }
    if has(Field::Value) && has(Field::Period) {
        found.push(if has(Field::PublishedStatus) || has(Field::Previous) {
            SheetShape::PublishedScorecard
        } else {
            SheetShape::Measurements
        });
    }
    if by_column {
        found.push(SheetShape::MeasurementsByColumn);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(headings: &[&str]) -> Vec<ColumnRole> {
        guess_roles(&headings.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>())
    }

    fn field(field: Field) -> ColumnRole {
        ColumnRole::Field { field }
    }

    #[test]
    fn headings_councils_write_name_their_fields() {
        let cases = [
            ("Indicator", Field::Name),
            ("Measure", Field::Name),
            ("PI", Field::Name),
            ("KPI name", Field::Name),
            ("Description", Field::Name),
            ("Actual", Field::Value),
            ("Outturn", Field::Value),
            ("Result", Field::Value),
            ("Value", Field::Value),
            ("Performance", Field::Value),
            ("Q3 Actual", Field::Value),
            ("Quarter", Field::Period),
            ("Month", Field::Period),
            ("Period", Field::Period),
            ("Year", Field::Period),
            ("Polarity", Field::Polarity),
            ("Good is", Field::Polarity),
            ("Direction", Field::Polarity),
            ("Higher is better?", Field::Polarity),
            ("Responsible officer", Field::Owner),
            ("Lead", Field::Owner),
            ("Owner", Field::Owner),
            ("Status", Field::PublishedStatus),
            ("RAG", Field::PublishedStatus),
            ("RAG Status", Field::PublishedStatus),
            ("Target 2024/25", Field::Target),
            ("TARGET", Field::Target),
            ("Previous quarter", Field::Previous),
            ("PI Code", Field::KpiId),
            ("Ref.", Field::KpiId),
            ("Comments", Field::Commentary),
        ];
        for (heading, expected) in cases {
            assert_eq!(field_of(heading), Some(expected), "{heading}");
        }
        for unknown in ["", "Direction of travel", "Benchmark", "Q3"] {
            assert_eq!(field_of(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn a_published_scorecard_is_recognised_from_its_headings() {
        // Headings like a council's quarterly scorecard (Indicator, Target, Actual, Previous, Status, Quarter).
        let found = roles(&[
            "Indicator",
            "Quarter",
            "Target",
            "Actual",
            "Previous",
            "Status",
            "Comments",
        ]);
        assert_eq!(
            found,
            [
                field(Field::Name),
                field(Field::Period),
                field(Field::Target),
                field(Field::Value),
                field(Field::Previous),
                field(Field::PublishedStatus),
                field(Field::Commentary),
            ]
        );
        assert_eq!(
            shapes(&found),
            [SheetShape::Targets, SheetShape::PublishedScorecard]
        );
    }

    #[test]
    fn a_column_per_period_is_read_as_that_periods_values() {
        let found = roles(&[
            "PI Code",
            "Indicator",
            "Q1 2024/25",
            "Q2 2024/25",
            "Notes on method",
        ]);
        assert_eq!(found[0], field(Field::KpiId));
        assert_eq!(found[1], field(Field::Name));
        assert_eq!(
            found[2],
            ColumnRole::ValuesFor {
                period: Period::parse("2024/25 Q1").unwrap()
            }
        );
        assert_eq!(
            found[3],
            ColumnRole::ValuesFor {
                period: Period::parse("2024/25 Q2").unwrap()
            }
        );
        assert_eq!(found[4], ColumnRole::Ignored);
        assert_eq!(shapes(&found), [SheetShape::MeasurementsByColumn]);
    }

    #[test]
    fn the_first_column_naming_a_field_holds_it() {
        let found = roles(&["Indicator", "Target 2023/24", "Target 2024/25"]);
        assert_eq!(
            found,
            [
                field(Field::Name),
                field(Field::Target),
                ColumnRole::Ignored
            ]
        );
    }

    #[test]
    fn a_register_holds_definitions_and_a_sheet_without_a_kpi_column_holds_nothing() {
        let register = roles(&[
            "KPI name",
            "Definition",
            "Lead officer",
            "Frequency",
            "Good is",
        ]);
        assert_eq!(shapes(&register), [SheetShape::Register]);
        assert_eq!(shapes(&roles(&["Quarter", "Actual"])), []);
    }
}
