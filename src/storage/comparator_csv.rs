//! A comparator file as LG Inform and ONS downloads have it: one row per area and period, with the area's name,
//! its code, the period and the value. The columns are found by their headings ("Area name", "Area code",
//! "Period", "Value" and the other wordings those downloads use); rows whose value is suppressed or missing
//! ("", "-", ".", "..", ":", "*", "c", "x", "n/a", ONS's "[c]", "[x]", "[z]", "[low]") are left out and counted; every other problem is reported at its
//! line, and a file with any is refused whole.

use super::csv;
use crate::domain::basics::period::{Frequency, Period};
use crate::domain::basics::unit::parse_number;

/// An area of the file: its name and code (either may be empty, not both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Area {
    /// The area's name ("Suffolk").
    pub name: String,
    /// Its code ("E10000029").
    pub code: String,
}

impl Area {
    /// The authority a comparator value is recorded for: the area's name, or its code when it has none.
    pub fn authority(&self) -> String {
        if self.name.is_empty() {
            self.code.clone()
        } else {
            self.name.clone()
        }
    }

    /// The area as a person reads it: "Suffolk (E10000029)".
    pub fn label(&self) -> String {
        match (self.name.is_empty(), self.code.is_empty()) {
            (false, false) => format!("{} ({})", self.name, self.code),
            (false, true) => self.name.clone(),
            _ => self.code.clone(),
        }
    }
}

/// One value of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparatorValue {
    /// The area, as its place in [`ComparatorFile::areas`].
    pub area: usize,
    /// The period.
    pub period: Period,
    /// The value.
    pub value: f64,
}

/// A comparator file read.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparatorFile {
    /// Every area, in the order first met.
    pub areas: Vec<Area>,
    /// Every value.
    pub values: Vec<ComparatorValue>,
    /// How many rows had no value (suppressed or missing) and were left out.
    pub left_out: usize,
}

/// The headings each column is recognised by (lower case, spaces and punctuation as one space).
const NAME: [&str; 8] = [
    "area name",
    "area",
    "authority",
    "local authority",
    "geography",
    "geography name",
    "la name",
    "name",
];
const CODE: [&str; 7] = [
    "area code",
    "code",
    "geography code",
    "ons code",
    "la code",
    "gss code",
    "ecode",
];
const PERIOD: [&str; 7] = [
    "period",
    "time period",
    "time",
    "year",
    "date",
    "financial year",
    "period label",
];
const VALUE: [&str; 5] = ["value", "obs value", "observation", "data value", "figure"];
/// What LG Inform and ONS write where a value is suppressed, not available or not applicable.
const NO_VALUE: [&str; 16] = [
    "", "-", ".", "..", ":", "*", "c", "x", "z", "n/a", "na", "[c]", "[x]", "[z]", "[low]", "[u]",
];

/// A heading as the lists above hold it.
fn plain(heading: &str) -> String {
    heading
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "a monthly", "an annual": a frequency's adjective with its article.
fn with_article(label: &str) -> String {
    let adjective = label.to_lowercase();
    let article = if adjective.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {adjective}")
}

/// Reads a comparator file for a KPI reported at `frequency`, or returns every problem.
pub fn read_comparators(bytes: &[u8], frequency: Frequency) -> Result<ComparatorFile, Vec<String>> {
    let table = csv::read(bytes).map_err(|error| vec![error.to_string()])?;
    let headings: Vec<String> = table.header.iter().map(|h| plain(h)).collect();
    let find = |names: &[&str]| headings.iter().position(|h| names.contains(&h.as_str()));
    let (name, code, period, value) = (find(&NAME), find(&CODE), find(&PERIOD), find(&VALUE));
    let mut problems = Vec::new();
    if name.is_none() && code.is_none() {
        problems.push("No column names the areas: give one headed \u{201c}Area name\u{201d} or \u{201c}Area code\u{201d}.".to_owned());
    }
    if period.is_none() {
        problems.push(
            "No column holds the periods: give one headed \u{201c}Period\u{201d}.".to_owned(),
        );
    }
    let Some(value) = value else {
        problems
            .push("No column holds the values: give one headed \u{201c}Value\u{201d}.".to_owned());
        return Err(problems);
    };
    let Some(period) = period else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    // A semicolon-separated file is as a European Excel saves it, with decimal commas.
    let decimal_comma = table.separator == ';';
    let mut file = ComparatorFile {
        areas: Vec::new(),
        values: Vec::new(),
        left_out: 0,
    };
    for (line, cells) in &table.rows {
        let cell = |at: Option<usize>| at.and_then(|at| cells.get(at)).map_or("", |c| c.trim());
        let typed = cell(Some(value));
        if NO_VALUE.contains(&typed.to_lowercase().as_str()) {
            file.left_out += 1;
            continue;
        }
        let area = Area {
            name: cell(name).to_owned(),
            code: cell(code).to_owned(),
        };
        if area.name.is_empty() && area.code.is_empty() {
            problems.push(format!("Line {line}: the row names no area."));
            continue;
        }
        let read_period = match Period::parse(cell(Some(period))) {
            Ok(found) if found.frequency() == frequency => Ok(found),
            Ok(found) => Err(format!(
                "Line {line}: \u{201c}{}\u{201d} is {} period; this KPI is reported {}, so its comparators are for its own periods.",
                cell(Some(period)),
                with_article(found.frequency().label()),
                frequency.label().to_lowercase()
            )),
            Err(error) => Err(format!("Line {line}: {error}.")),
        };
        let read_value = match parse_number(typed, decimal_comma) {
            Ok(Some(figure)) => Ok(figure),
            Ok(None) => Err(format!("Line {line}: the value is empty.")),
            Err(problem) => Err(format!("Line {line}: the value {problem}.")),
        };
        match (read_period, read_value) {
            (Ok(period), Ok(value)) => {
                let area = match file.areas.iter().position(|known| known == &area) {
                    Some(at) => at,
                    None => {
                        file.areas.push(area);
                        file.areas.len() - 1
                    }
                };
                file.values.push(ComparatorValue {
                    area,
                    period,
                    value,
                });
            }
            (period, value) => problems.extend(period.err().into_iter().chain(value.err())),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if file.values.is_empty() {
        return Err(vec!["The file holds no values.".to_owned()]);
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_lg_inform_download_is_read_with_its_suppressed_values_left_out() {
        let text = "\u{feff}Area code,Area name,Period,Value\r\n\
                    E10000029,Suffolk,2025/26 Q2,81.5\r\n\
                    E10000020,Norfolk,2025/26 Q2,-\r\n\
                    E10000016,Kent,2025/26 Q2,[C]\r\n\
                    E10000003,Cambridgeshire,2025/26 Q2,77\r\n\
                    E10000029,Suffolk,2025/26 Q1,80\r\n";
        let file = read_comparators(text.as_bytes(), Frequency::Quarterly).unwrap();
        // Norfolk's value is suppressed ("-") and so is Kent's (ONS's "[c]", any case): left out, and with them the
        // areas.
        assert_eq!(
            file.areas.iter().map(Area::label).collect::<Vec<_>>(),
            ["Suffolk (E10000029)", "Cambridgeshire (E10000003)"]
        );
        assert_eq!(file.left_out, 2);
        assert_eq!(file.values.len(), 3);
        assert_eq!(file.values[2].area, 0, "Suffolk again");
        assert_eq!(file.values[1].value, 77.0);
    }

    #[test]
    fn an_ons_style_file_with_geography_and_time_headings_and_decimal_commas_is_read() {
        // Semicolon separated, as a European Excel saves CSV: 12,5 is twelve and a half.
        let text = "Geography;Geography code;Time;Observation\nSuffolk;E10000029;Apr 2026;12,5\n";
        let file = read_comparators(text.as_bytes(), Frequency::Monthly).unwrap();
        assert_eq!(file.values[0].period, Period::parse("Apr 2026").unwrap());
        assert_eq!(file.values[0].value, 12.5);
    }

    #[test]
    fn every_problem_is_named_at_its_line_and_nothing_is_read() {
        let text = "Area name,Period,Value\nSuffolk,2025/26,80\nNorfolk,sometime,81\n,2025/26 Q1,3\nEssex,2025/26 Q1,lots\n";
        let problems = read_comparators(text.as_bytes(), Frequency::Quarterly).unwrap_err();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert_eq!(
            problems[0],
            "Line 2: \u{201c}2025/26\u{201d} is an annual period; this KPI is reported quarterly, so its comparators are for its own periods."
        );
        assert!(problems[1].starts_with("Line 3: "), "{problems:?}");
        assert_eq!(problems[2], "Line 4: the row names no area.");
        assert!(
            problems[3].starts_with("Line 5: the value \"lots\""),
            "{problems:?}"
        );
    }

    #[test]
    fn a_file_without_the_columns_says_which_are_missing() {
        let problems =
            read_comparators(b"Council,When\nSuffolk,2025/26\n", Frequency::Annual).unwrap_err();
        assert_eq!(
            problems,
            [
                "No column names the areas: give one headed \u{201c}Area name\u{201d} or \u{201c}Area code\u{201d}.",
                "No column holds the periods: give one headed \u{201c}Period\u{201d}.",
                "No column holds the values: give one headed \u{201c}Value\u{201d}.",
            ]
        );
    }
}
