//! What a person chose a column holds, remembered in the council's settings for the next sheet: a role's
//! code as a file writes it, the roles of a new sheet's columns (as remembered where its heading was seen,
//! else as its heading suggests), and the memory updated on import.

use super::headings::{ColumnRole, Field, guess_roles};
use super::period_forms::read_period;
use crate::domain::model::remembered_column::RememberedColumn;

/// The code of a column of one period's values.
const PERIOD_VALUES: &str = "period-values";

impl ColumnRole {
    /// The role's code: a field's name ("value"), "period-values", or "" for a column not imported.
    pub fn code(self) -> String {
        match self {
            Self::Field { field } => field_code(field),
            Self::ValuesFor { .. } => PERIOD_VALUES.to_owned(),
            Self::Ignored => String::new(),
        }
    }

    /// The role `code` stands for in the column headed `heading` ("period-values" needs a heading that names a
    /// period); an unknown code is a column not imported.
    pub fn from_code(code: &str, heading: &str) -> Self {
        if code == PERIOD_VALUES {
            return read_period(heading).map_or(Self::Ignored, |period| Self::ValuesFor { period });
        }
        Field::ALL
            .into_iter()
            .find(|field| field_code(*field) == code)
            .map_or(Self::Ignored, |field| Self::Field { field })
    }
}

/// A field's code: its name as a file writes it ("value", "kpi_id").
fn field_code(field: Field) -> String {
    match serde_json::to_value(field) {
        Ok(serde_json::Value::String(code)) => code,
        _ => String::new(),
    }
}

/// Whether two headings are the same for remembering: case and surrounding spaces aside.
fn same_heading(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// What each of `headings` holds: as `remembered` says for a heading seen before, else as the headings
/// suggest (a field remembered for one column is not also guessed for another).
pub fn roles_for(headings: &[String], remembered: &[RememberedColumn]) -> Vec<ColumnRole> {
    let chosen: Vec<Option<ColumnRole>> = headings
        .iter()
        .map(|heading| {
            remembered
                .iter()
                .find(|column| same_heading(&column.heading, heading))
                .map(|column| ColumnRole::from_code(&column.holds, heading))
        })
        .collect();
    let taken: Vec<Field> = chosen
        .iter()
        .filter_map(|role| match role {
            Some(ColumnRole::Field { field }) => Some(*field),
            _ => None,
        })
        .collect();
    chosen
        .into_iter()
        .zip(guess_roles(headings))
        .map(|(chosen, guessed)| match (chosen, guessed) {
            (Some(chosen), _) => chosen,
            (None, ColumnRole::Field { field }) if taken.contains(&field) => ColumnRole::Ignored,
            (None, guessed) => guessed,
        })
        .collect()
}

/// Remembers, for each of `headings`, what `roles` says it holds where that is not what its heading suggests,
/// and forgets a heading whose column is now read as its heading suggests. Says whether anything changed.
pub fn remember(
    memory: &mut Vec<RememberedColumn>,
    headings: &[String],
    roles: &[ColumnRole],
) -> bool {
    let before = memory.clone();
    for ((heading, role), guessed) in headings.iter().zip(roles).zip(guess_roles(headings)) {
        if heading.trim().is_empty() {
            continue;
        }
        let seen = memory
            .iter()
            .position(|column| same_heading(&column.heading, heading));
        let chosen = (*role != guessed).then(|| role.code());
        match (seen, chosen) {
            (Some(index), Some(holds)) => memory[index].holds = holds,
            (Some(index), None) => {
                memory.remove(index);
            }
            (None, Some(holds)) => memory.push(RememberedColumn {
                heading: heading.trim().to_owned(),
                holds,
            }),
            (None, None) => {}
        }
    }
    *memory != before
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(words: &[&str]) -> Vec<String> {
        words.iter().map(|word| (*word).to_owned()).collect()
    }

    #[test]
    fn a_column_chosen_once_is_read_the_same_way_next_time() {
        let sheet = headings(&["Indicator", "Outcome", "Actual", "Q3 2024/25", "Notes"]);
        // "Outcome" is no heading the import knows; the person says it holds the value, and that "Actual" (a
        // figure the council restates) and the Q3 column are not imported.
        let mut roles = guess_roles(&sheet);
        roles[1] = ColumnRole::Field {
            field: Field::Value,
        };
        roles[2] = ColumnRole::Ignored;
        roles[3] = ColumnRole::Ignored;
        let mut memory = Vec::new();
        assert!(remember(&mut memory, &sheet, &roles));
        assert_eq!(
            memory,
            [
                RememberedColumn {
                    heading: "Outcome".into(),
                    holds: "value".into()
                },
                RememberedColumn {
                    heading: "Actual".into(),
                    holds: String::new()
                },
                RememberedColumn {
                    heading: "Q3 2024/25".into(),
                    holds: String::new()
                },
            ]
        );
        // Next month's sheet, its headings in another order and case: read as chosen, with nothing to choose.
        let next = headings(&["OUTCOME ", "Indicator", "Actual"]);
        assert_eq!(
            roles_for(&next, &memory),
            [
                ColumnRole::Field {
                    field: Field::Value
                },
                ColumnRole::Field { field: Field::Name },
                ColumnRole::Ignored,
            ]
        );
        // Importing it as it was read changes nothing more.
        let as_read = roles_for(&next, &memory);
        assert!(!remember(&mut memory, &next, &as_read));
        // Choosing "Actual" as the value again forgets what was remembered for it.
        let mut roles = roles_for(&next, &memory);
        roles[0] = ColumnRole::Ignored;
        roles[2] = ColumnRole::Field {
            field: Field::Value,
        };
        assert!(remember(&mut memory, &next, &roles));
        assert_eq!(
            memory,
            [RememberedColumn {
                heading: "Q3 2024/25".into(),
                holds: String::new()
            }]
        );
    }

    #[test]
    fn a_remembered_field_is_not_guessed_for_a_second_column() {
        let memory = [RememberedColumn {
            heading: "Outturn 2".into(),
            holds: "value".into(),
        }];
        // "Actual" would be guessed as the value, but the remembered column holds it.
        assert_eq!(
            roles_for(&headings(&["Actual", "Outturn 2"]), &memory),
            [
                ColumnRole::Ignored,
                ColumnRole::Field {
                    field: Field::Value
                }
            ]
        );
    }

    #[test]
    fn every_role_goes_to_its_code_and_back() {
        for field in Field::ALL {
            let role = ColumnRole::Field { field };
            assert_eq!(ColumnRole::from_code(&role.code(), "any"), role);
        }
        let q3 = ColumnRole::from_code("period-values", "Q3 2024/25");
        assert!(matches!(q3, ColumnRole::ValuesFor { .. }));
        assert_eq!(q3.code(), "period-values");
        assert_eq!(
            ColumnRole::from_code("period-values", "Notes"),
            ColumnRole::Ignored
        );
        assert_eq!(
            ColumnRole::from_code("nonsense", "Notes"),
            ColumnRole::Ignored
        );
        assert_eq!(ColumnRole::Ignored.code(), "");
    }
}
