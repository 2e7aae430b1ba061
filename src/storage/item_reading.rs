//! Reading one item of a workspace file and reporting every problem it has, not only the first.
//!
//! serde stops at an item's first bad field. So after each problem is recorded the field is set aside —
//! removed when it is not a field of the format at all, otherwise replaced by the same field of a valid
//! specimen item (`specimens.json`, one of each kind, checked by a test) — and the item is read again, until
//! it reads or nothing more can be set aside. The paths set aside are returned, so the checks between items
//! do not report those fields a second time ("refers to an unknown KPI" for a placeholder id).

use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use serde_path_to_error::Segment;

use super::import_error::Problem;

/// A valid item of each kind, keyed like the workspace: `framework` and each list's name.
const SPECIMENS: &str = include_str!("specimens.json");

/// More problems than any item has fields: past this the item is given up on.
const MOST_PROBLEMS_PER_ITEM: usize = 64;

/// One step into a JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// An item read as far as it could be: the item (with placeholders where fields were set aside) unless it
/// could not be read at all, and the full paths of the fields set aside.
pub(crate) struct ItemReading<T> {
    /// The item, if it could be read with the bad fields set aside.
    pub item: Option<T>,
    /// Where fields were set aside, as full paths (`workspace.risks[0].residual.likelihood`).
    pub set_aside: Vec<String>,
}

/// Reads `value` as a `T` found at `path`, adding a problem for each bad field. `kind` names its specimen
/// (`framework` or a list's name).
pub(crate) fn read_item<T: DeserializeOwned>(
    value: &Value,
    path: &str,
    kind: &str,
    problems: &mut Vec<Problem>,
) -> ItemReading<T> {
    let mut current = value.clone();
    let mut set_aside: Vec<Vec<Step>> = Vec::new();
    let specimen = specimens().get(kind);
    let full = |steps: &[Step]| format!("{path}{}", written(steps));
    let reading = |item, set_aside: &[Vec<Step>]| ItemReading {
        item,
        set_aside: set_aside.iter().map(|steps| full(steps)).collect(),
    };
    for _ in 0..MOST_PROBLEMS_PER_ITEM {
        let error = match serde_path_to_error::deserialize::<_, T>(&current) {
            Ok(item) => return reading(Some(item), &set_aside),
            Err(error) => error,
        };
        let at = steps_of(error.path());
        let message = error.into_inner().to_string();
        let (target, fix) = match between(&message, "missing field `", "`") {
            Some(field) => (child(&at, Step::Key(field.to_owned())), Fix::Replace),
            None if message.starts_with("unknown field `") => (at, Fix::Remove),
            None => (at, Fix::Replace),
        };
        if set_aside.contains(&target) {
            // The placeholder did not read either: nothing more can be learnt from this item.
            return reading(None, &set_aside);
        }
        problems.push(Problem::new(
            full(&target),
            plain_english(&message, value_at(value, &target)),
        ));
        let mended = match fix {
            Fix::Remove => remove_at(&mut current, &target),
            Fix::Replace => replace_from_specimen(&mut current, specimen, &target, &mut set_aside),
        };
        set_aside.push(target);
        if !mended {
            return reading(None, &set_aside);
        }
    }
    reading(None, &set_aside)
}

/// How a bad field is set aside.
enum Fix {
    /// It is not a field of the format: take it out.
    Remove,
    /// It is a field of the format: put the specimen's value in its place.
    Replace,
}

fn specimens() -> &'static Map<String, Value> {
    static PARSED: OnceLock<Map<String, Value>> = OnceLock::new();
    PARSED.get_or_init(|| serde_json::from_str(SPECIMENS).expect("specimens.json is JSON"))
}

fn steps_of(path: &serde_path_to_error::Path) -> Vec<Step> {
    let mut steps = Vec::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => steps.push(Step::Index(*index)),
            Segment::Map { key } => steps.push(Step::Key(key.clone())),
            Segment::Enum { variant } => steps.push(Step::Key(variant.clone())),
            // Past an unknown step the path means nothing: the field set aside is the one before it.
            Segment::Unknown => break,
        }
    }
    steps
}

fn child(steps: &[Step], step: Step) -> Vec<Step> {
    let mut longer = steps.to_vec();
    longer.push(step);
    longer
}

/// `steps` as written after an item's path: `.residual.likelihood`, `.targets[1].period`.
fn written(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|step| match step {
            Step::Key(key) => format!(".{key}"),
            Step::Index(index) => format!("[{index}]"),
        })
        .collect()
}

fn value_at<'a>(value: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    steps.iter().try_fold(value, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(index) => value.get(index),
    })
}

/// The specimen's value for `steps`; a list in the specimen holds one element, which stands for every
/// position.
fn specimen_at<'a>(specimen: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    steps.iter().try_fold(specimen, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(_) => value.get(0),
    })
}

fn remove_at(value: &mut Value, steps: &[Step]) -> bool {
    let Some((Step::Key(last), parent)) = steps.split_last() else {
        return false;
    };
    match value_at_mut(value, parent) {
        Some(Value::Object(map)) => map.remove(last).is_some(),
        _ => false,
    }
}

fn value_at_mut<'a>(value: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    steps.iter().try_fold(value, |value, step| match step {
        Step::Key(key) => value.get_mut(key),
        Step::Index(index) => value.get_mut(*index),
    })
}

/// Puts the specimen's value at `steps`, or, where the specimen has nothing there (another variant of
/// an enum, say), at the nearest enclosing field it has, which is then set aside too.
fn replace_from_specimen(
    value: &mut Value,
    specimen: Option<&Value>,
    steps: &[Step],
    set_aside: &mut Vec<Vec<Step>>,
) -> bool {
    let Some(specimen) = specimen else {
        return false;
    };
    for length in (1..=steps.len()).rev() {
        let (at, enclosing) = (&steps[..length], length < steps.len());
        let Some(replacement) = specimen_at(specimen, at) else {
            continue;
        };
        let Some((last, parent)) = at.split_last() else {
            return false;
        };
        let placed = match (value_at_mut(value, parent), last) {
            (Some(Value::Object(map)), Step::Key(key)) => {
                map.insert(key.clone(), replacement.clone());
                true
            }
            (Some(Value::Array(items)), Step::Index(index)) if *index < items.len() => {
                items[*index] = replacement.clone();
                true
            }
            _ => false,
        };
        if placed && enclosing {
            set_aside.push(at.to_vec());
        }
        return placed;
    }
    false
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.split_once(start)?.1;
    Some(rest.split_once(end)?.0)
}

/// The words chrono uses when a date or time does not parse.
const DATE_ERRORS: [&str; 6] = [
    "input is out of range",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "input is not enough for unique date and time",
    "no possible date and time matching input",
];

/// Rewrites serde's and the app's messages for people, with the value found where the message lacks it:
/// "invalid type: string \"x\", expected f64" becomes "must be a number, not the text \"x\"".
pub(crate) fn plain_english(message: &str, found: Option<&Value>) -> String {
    if between(message, "missing field `", "`").is_some() {
        return "is required but missing".to_owned();
    }
    if message.starts_with("unknown field `") {
        let expected = message
            .split_once("expected ")
            .map(|(_, rest)| list_of(rest))
            .unwrap_or_default();
        return format!("is not a field here (the fields are {expected})");
    }
    if let Some(variant) = between(message, "unknown variant `", "`") {
        let expected = message
            .split_once("expected ")
            .map(|(_, rest)| list_of(rest))
            .unwrap_or_default();
        return format!("\"{variant}\" is not one of {expected}");
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            return format!(
                "must be {}, not {}",
                expected_kind(expected),
                found_kind(found)
            );
        }
    }
    if DATE_ERRORS.contains(&message) {
        return date_message(found);
    }
    match found.filter(|value| !value.is_object() && !value.is_array()) {
        Some(value) if !message.contains(&shown(value)) => {
            format!("{message}; found {}", shown(value))
        }
        _ => message.to_owned(),
    }
}

/// A date or a date and time that did not parse: the form expected, and what was found.
fn date_message(found: Option<&Value>) -> String {
    let text = found.and_then(Value::as_str).unwrap_or_default();
    let expected = if text.contains('T') {
        "a date and time written as YYYY-MM-DDThh:mm:ssZ, such as \"2025-03-31T09:00:00Z\""
    } else {
        "a date written as YYYY-MM-DD, such as \"2025-03-31\""
    };
    match found {
        Some(value) => format!("must be {expected}; found {}", shown(value)),
        None => format!("must be {expected}"),
    }
}

/// A found value as the message quotes it: text in double quotes, anything else as written.
fn shown(value: &Value) -> String {
    value.to_string()
}

/// "one of `a`, `b`" or "`a` or `b`" → "a, b".
fn list_of(text: &str) -> String {
    text.trim_start_matches("one of ")
        .replace(" or ", ", ")
        .replace('`', "")
        .trim_end_matches('.')
        .to_owned()
}

fn expected_kind(expected: &str) -> String {
    match expected {
        "f64" | "f32" => "a number".to_owned(),
        "u8" => "a whole number from 0 to 255".to_owned(),
        "u16" => "a whole number from 0 to 65,535".to_owned(),
        "u32" => "a whole number from 0 to 4,294,967,295".to_owned(),
        "u64" | "usize" => "a whole number from 0 upwards".to_owned(),
        "i32" | "i64" => "a whole number".to_owned(),
        "a boolean" => "true or false".to_owned(),
        "a sequence" | "a tuple of size 2" => "a list".to_owned(),
        "a string" | "a borrowed string" => "text".to_owned(),
        "string or map" => "text or an object".to_owned(),
        other if other.starts_with("struct ") || other == "a map" => "an object".to_owned(),
        "internally tagged enum Unit" => "an object naming its kind, such as {\"kind\": \"percent\"} (the \
                                          kinds are percent, count, pounds, days, weeks, hours, minutes, \
                                          tonnes, kilograms, score, rate_per with its \"per\", and custom \
                                          with its \"label\")"
            .to_owned(),
        "internally tagged enum ReviewCycle" => "an object naming its cycle, such as {\"cycle\": \
                                                 \"every_weeks\", \"weeks\": 8} or {\"cycle\": \"by_band\", \
                                                 \"red_months\": 3, \"amber_months\": 6, \"green_months\": 12}"
            .to_owned(),
        "adjacently tagged enum ThreadNode" => "an object naming a level and an id, such as {\"level\": \
                                                \"directorate\", \"id\": \"dir-ahc\"} (or {\"level\": \
                                                \"council\"})"
            .to_owned(),
        other if other.contains("tagged enum") => "an object".to_owned(),
        other => other.to_owned(),
    }
}

fn found_kind(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(number) = found.strip_prefix(prefix) {
            return number.replace('`', "");
        }
    }
    match found {
        "map" => "an object".to_owned(),
        "sequence" => "a list".to_owned(),
        "null" => "null (empty)".to_owned(),
        other => other.replace('`', ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::action::Action;
    use crate::domain::model::audit::KpiAudit;
    use crate::domain::model::benchmark::BenchmarkValue;
    use crate::domain::model::framework::Framework;
    use crate::domain::model::golden_thread::{
        Ambition, Committee, Directorate, Objective, Person, Plan, Role, Service, Team,
    };
    use crate::domain::model::kpi::KpiDefinition;
    use crate::domain::model::lesson::Lesson;
    use crate::domain::model::measurement::Measurement;
    use crate::domain::model::risk::Risk;
    use serde_json::json;

    fn reads_cleanly<T: DeserializeOwned>(kind: &str) {
        let mut problems = Vec::new();
        let reading = read_item::<T>(&specimens()[kind], kind, kind, &mut problems);
        assert!(
            problems.is_empty() && reading.item.is_some(),
            "the {kind} specimen no longer reads: {problems:?}"
        );
    }

    #[test]
    fn every_specimen_is_a_valid_item_of_its_kind() {
        reads_cleanly::<Framework>("framework");
        reads_cleanly::<Ambition>("ambitions");
        reads_cleanly::<Directorate>("directorates");
        reads_cleanly::<Service>("services");
        reads_cleanly::<Team>("teams");
        reads_cleanly::<Person>("people");
        reads_cleanly::<Role>("roles");
        reads_cleanly::<Committee>("committees");
        reads_cleanly::<Plan>("plans");
        reads_cleanly::<Objective>("objectives");
        reads_cleanly::<KpiDefinition>("kpis");
        reads_cleanly::<Measurement>("measurements");
        reads_cleanly::<Risk>("risks");
        reads_cleanly::<Action>("actions");
        reads_cleanly::<BenchmarkValue>("benchmarks");
        reads_cleanly::<Lesson>("lessons");
        reads_cleanly::<KpiAudit>("audits");
        assert_eq!(specimens().len(), 17, "the framework and the 16 lists");
    }

    #[test]
    fn a_unit_of_the_councils_own_without_a_word_is_refused_in_words() {
        let mut kpi = specimens()["kpis"].clone();
        kpi["unit"] = json!({ "kind": "custom", "label": "  " });
        let mut problems = Vec::new();
        read_item::<KpiDefinition>(&kpi, "workspace.kpis[0]", "kpis", &mut problems);
        let found: Vec<String> = problems.iter().map(Problem::to_string).collect();
        assert_eq!(
            found,
            [
                "workspace.kpis[0].unit: A unit of the council's own needs a label, such as \"kg per household\""
            ]
        );
    }

    #[test]
    fn a_missing_field_an_unknown_one_and_a_bad_value_in_one_item_are_all_reported() {
        // An id with a space, a misspelt "numbr" (so "number" is missing too) and no "title": four problems,
        // in the order serde meets them (fields in name order, then missing fields in declaration order).
        let item = json!({ "id": "amb 1", "numbr": 3 });
        let mut problems = Vec::new();
        let reading =
            read_item::<Ambition>(&item, "workspace.ambitions[0]", "ambitions", &mut problems);
        let found: Vec<String> = problems.iter().map(Problem::to_string).collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(
            found[0].starts_with("workspace.ambitions[0].id: "),
            "{found:?}"
        );
        assert!(
            found[0].contains("\"amb 1\""),
            "the id found is quoted: {found:?}"
        );
        assert!(
            found[1].starts_with("workspace.ambitions[0].numbr: is not a field here"),
            "{found:?}"
        );
        assert_eq!(
            found[2],
            "workspace.ambitions[0].number: is required but missing"
        );
        assert_eq!(
            found[3],
            "workspace.ambitions[0].title: is required but missing"
        );
        assert!(reading.item.is_some(), "read with placeholders");
        assert_eq!(
            reading.set_aside,
            [
                "workspace.ambitions[0].id",
                "workspace.ambitions[0].numbr",
                "workspace.ambitions[0].number",
                "workspace.ambitions[0].title",
            ]
        );
    }

    #[test]
    fn an_item_that_is_not_an_object_is_reported_once_and_given_up() {
        let mut problems = Vec::new();
        let reading = read_item::<Ambition>(
            &json!(7),
            "workspace.ambitions[0]",
            "ambitions",
            &mut problems,
        );
        assert!(reading.item.is_none());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "workspace.ambitions[0]: must be an object, not 7"
        );
    }
}
