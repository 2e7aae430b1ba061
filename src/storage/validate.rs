//! Validation: a workspace's JSON becomes a [`Workspace`], or every problem is reported with its JSON path
//! and a plain-English reason — not only the first.
//!
//! Three layers, all collected before anything is refused: fields the format does not have; each item's own
//! shape (types, required fields, ids, periods, scores), one problem per item; and the links between items
//! (duplicate ids, references to things that do not exist, periods of the wrong frequency, inconsistent rules).

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::collection::Collection;
use super::import_error::Problem;
use super::item_reading::read_item;
use crate::domain::basics::period::Frequency;
use crate::domain::basics::unit::out_of_range;
use crate::domain::maths::rag::RagRule;
use crate::domain::model::framework::Framework;
use crate::domain::model::golden_thread::ThreadNode;
use crate::domain::model::workspace::Workspace;

const ROOT: &str = "workspace";

/// Turns a workspace's JSON into a [`Workspace`], or returns every problem found.
pub fn validate(value: Value) -> Result<Workspace, Vec<Problem>> {
    let Value::Object(map) = value else {
        return Err(vec![Problem::new(
            ROOT,
            format!(
                "must be an object holding the framework and its lists, not {}",
                describe_value(&value)
            ),
        )]);
    };
    let mut problems = Vec::new();
    for key in map
        .keys()
        .filter(|k| *k != "framework" && Collection::named(k).is_none())
    {
        problems.push(Problem::new(
            format!("{ROOT}.{key}"),
            format!(
                "is not part of a workspace (it holds \"framework\" and the lists {})",
                Collection::ALL.map(Collection::name).join(", ")
            ),
        ));
    }
    let mut set_aside = Vec::new();
    let framework = match map.get("framework") {
        Some(value) => {
            let reading = read_item::<Framework>(
                value,
                &format!("{ROOT}.framework"),
                "framework",
                &mut problems,
            );
            set_aside.extend(reading.set_aside);
            reading.item
        }
        None => {
            problems.push(Problem::new(
                format!("{ROOT}.framework"),
                "is required but missing",
            ));
            None
        }
    };
    let mut positions = HashMap::new();
    let mut lists = Lists {
        map: &map,
        problems: &mut problems,
        positions: &mut positions,
        set_aside: &mut set_aside,
    };
    let mut workspace = Workspace::new(framework.clone().unwrap_or_else(placeholder_framework));
    workspace.ambitions = lists.parse("ambitions");
    workspace.directorates = lists.parse("directorates");
    workspace.services = lists.parse("services");
    workspace.teams = lists.parse("teams");
    workspace.people = lists.parse("people");
    workspace.roles = lists.parse("roles");
    workspace.committees = lists.parse("committees");
    workspace.plans = lists.parse("plans");
    workspace.objectives = lists.parse("objectives");
    workspace.kpis = lists.parse("kpis");
    workspace.measurements = lists.parse("measurements");
    workspace.risks = lists.parse("risks");
    workspace.actions = lists.parse("actions");
    workspace.benchmarks = lists.parse("benchmarks");
    workspace.lessons = lists.parse("lessons");
    workspace.audits = lists.parse("audits");
    workspace.history = lists.parse("history");

    let raw = RawIndex::new(&map, positions, &mut problems);
    let before_links = problems.len();
    check_links(&workspace, &raw, &mut problems);
    // A field set aside holds a placeholder: what the checks between items say about it is not so.
    let mut index = 0;
    problems.retain(|problem| {
        index += 1;
        index <= before_links || !set_aside.iter().any(|aside| touches(&problem.path, aside))
    });
    if framework.is_some() && problems.is_empty() {
        Ok(workspace)
    } else {
        Err(problems)
    }
}

/// Only used to carry on checking the lists when the framework itself is unreadable.
fn placeholder_framework() -> Framework {
    Framework::new(
        String::new(),
        crate::domain::basics::period::FinancialYear::starting(2000)
            .expect("2000 is a supported year"),
    )
}

/// Each list's items with the position they had in the file, so problems found later can name their path.
struct RawIndex {
    /// For each list, each kept item's position in the file.
    positions: HashMap<&'static str, Vec<usize>>,
    /// For each list with ids, every id written in the file (valid items or not), so a reference to an item
    /// that failed its own checks is not reported a second time as unknown.
    ids: HashMap<&'static str, HashSet<String>>,
}

impl RawIndex {
    /// Indexes the ids written in the file, reporting duplicates; `positions` comes from [`parse_list`].
    fn new(
        map: &Map<String, Value>,
        positions: HashMap<&'static str, Vec<usize>>,
        problems: &mut Vec<Problem>,
    ) -> Self {
        let mut ids = HashMap::new();
        for name in Collection::ALL
            .into_iter()
            .filter(|c| c.has_ids())
            .map(Collection::name)
        {
            let items = map
                .get(name)
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let mut first_use: HashMap<&str, usize> = HashMap::new();
            for (index, id) in items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| Some((i, item.get("id")?.as_str()?)))
            {
                if let Some(&first) = first_use.get(id) {
                    problems.push(Problem::new(
                        format!("{ROOT}.{name}[{index}].id"),
                        format!("the id \"{id}\" is already used by {ROOT}.{name}[{first}]"),
                    ));
                } else {
                    first_use.insert(id, index);
                }
            }
            ids.insert(name, first_use.into_keys().map(str::to_owned).collect());
        }
        Self { positions, ids }
    }

    /// The path of the `nth` valid item of a list.
    fn path(&self, list: &'static str, nth: usize) -> String {
        format!("{ROOT}.{list}[{}]", self.positions[list][nth])
    }

    fn has(&self, list: &'static str, id: &str) -> bool {
        self.ids[list].contains(id)
    }
}

/// Where the lists are read from and what reading them finds.
struct Lists<'a> {
    map: &'a Map<String, Value>,
    problems: &'a mut Vec<Problem>,
    /// For each list, where each kept item stood in the file, so problems found later can name their path.
    positions: &'a mut HashMap<&'static str, Vec<usize>>,
    /// Every field set aside while reading (see [`read_item`]).
    set_aside: &'a mut Vec<String>,
}

impl Lists<'_> {
    /// Reads the list `name` item by item, every problem of every item reported.
    fn parse<T: DeserializeOwned>(&mut self, name: &'static str) -> Vec<T> {
        let path = format!("{ROOT}.{name}");
        let kept = self.positions.entry(name).or_default();
        match self.map.get(name) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(index, item)| {
                    let reading = read_item(item, &format!("{path}[{index}]"), name, self.problems);
                    self.set_aside.extend(reading.set_aside);
                    let parsed = reading.item?;
                    kept.push(index);
                    Some(parsed)
                })
                .collect(),
            Some(other) => {
                self.problems.push(Problem::new(
                    path,
                    format!("must be a list, not {}", describe_value(other)),
                ));
                Vec::new()
            }
        }
    }
}

/// Whether a problem at `path` is about the field set aside at `aside`: the same field, a part of it, or
/// the item or field that holds it.
fn touches(path: &str, aside: &str) -> bool {
    let within = |inner: &str, outer: &str| {
        inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    };
    within(path, aside) || within(aside, path)
}

fn describe_value(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Checks every link between items, adding a problem for each broken one.
fn check_links(workspace: &Workspace, raw: &RawIndex, problems: &mut Vec<Problem>) {
    for collection in Collection::ALL {
        for n in 0..collection.count(workspace) {
            for (field, target, id) in references(workspace, collection, n) {
                if !raw.has(target.name(), id) {
                    problems.push(Problem::new(
                        format!("{}.{field}", raw.path(collection.name(), n)),
                        format!(
                            "refers to {} \"{id}\", which is not in the file",
                            target.item_noun()
                        ),
                    ));
                }
            }
        }
    }
    for (n, audit) in workspace.audits.iter().enumerate() {
        if audit.quarter.frequency() != Frequency::Quarterly {
            problems.push(Problem::new(
                format!("{}.quarter", raw.path("audits", n)),
                format!("must be a quarter, not {}", audit.quarter),
            ));
        }
    }
    check_measurements(workspace, raw, problems);
    check_rules_and_targets(workspace, raw, problems);
}

/// A reference from an item to another: the field it is in (after the item's path), the list it refers
/// to, and the id.
type Reference<'a> = (String, Collection, &'a str);

/// The references of one item, as they are gathered.
#[derive(Default)]
struct References<'a>(Vec<Reference<'a>>);

impl<'a> References<'a> {
    /// The reference in `field`, if it is set.
    fn to(&mut self, field: &str, target: Collection, id: Option<&'a impl AsRef<str>>) {
        if let Some(id) = id {
            self.0.push((field.to_owned(), target, id.as_ref()));
        }
    }

    /// Each reference in the list `field`.
    fn each_to(&mut self, field: &str, target: Collection, ids: &'a [impl AsRef<str>]) {
        for (i, id) in ids.iter().enumerate() {
            self.0.push((format!("{field}[{i}]"), target, id.as_ref()));
        }
    }
}

/// Every reference the `n`th item of `collection` makes. A measurement's KPI is checked with the
/// measurement's other rules ([`check_measurements`]).
fn references(workspace: &Workspace, collection: Collection, n: usize) -> Vec<Reference<'_>> {
    use Collection as C;
    let w = workspace;
    let mut r = References::default();
    match collection {
        C::Ambitions | C::Roles | C::Measurements | C::History => {}
        C::Directorates => r.to("director", C::People, w.directorates[n].director.as_ref()),
        C::Services => {
            let service = &w.services[n];
            r.to("directorate", C::Directorates, Some(&service.directorate));
            r.to("head", C::People, service.head.as_ref());
        }
        C::Teams => {
            let team = &w.teams[n];
            r.to("service", C::Services, Some(&team.service));
            r.to("manager", C::People, team.manager.as_ref());
        }
        C::People => {
            let person = &w.people[n];
            r.to("team", C::Teams, person.team.as_ref());
            r.each_to("roles", C::Roles, &person.roles);
        }
        C::Committees => r.to("chair", C::People, w.committees[n].chair.as_ref()),
        C::Plans => {
            let plan = &w.plans[n];
            let owner = match &plan.owner {
                ThreadNode::Council => None,
                ThreadNode::Ambition(id) => Some((C::Ambitions, id.as_str())),
                ThreadNode::Directorate(id) => Some((C::Directorates, id.as_str())),
                ThreadNode::Service(id) => Some((C::Services, id.as_str())),
                ThreadNode::Team(id) => Some((C::Teams, id.as_str())),
                ThreadNode::Person(id) => Some((C::People, id.as_str())),
            };
            if let Some((target, id)) = owner {
                r.0.push(("owner".to_owned(), target, id));
            }
            r.each_to("ambitions", C::Ambitions, &plan.ambitions);
        }
        C::Objectives => {
            let objective = &w.objectives[n];
            r.to("person", C::People, Some(&objective.person));
            r.each_to("ambitions", C::Ambitions, &objective.ambitions);
            r.each_to("kpis", C::Kpis, &objective.kpis);
        }
        C::Kpis => {
            let kpi = &w.kpis[n];
            r.each_to("ambitions", C::Ambitions, &kpi.ambitions);
            r.each_to("committees", C::Committees, &kpi.committees);
            r.to("directorate", C::Directorates, kpi.directorate.as_ref());
            r.to("service", C::Services, kpi.service.as_ref());
            r.to("team", C::Teams, kpi.team.as_ref());
            r.to("owner", C::People, kpi.owner.as_ref());
            r.to("data_coordinator", C::People, kpi.data_coordinator.as_ref());
        }
        C::Risks => {
            let risk = &w.risks[n];
            r.to("directorate", C::Directorates, risk.directorate.as_ref());
            r.to("owner", C::People, risk.owner.as_ref());
            r.each_to("kpis", C::Kpis, &risk.kpis);
            r.each_to("ambitions", C::Ambitions, &risk.ambitions);
        }
        C::Actions => {
            let action = &w.actions[n];
            r.to("owner", C::People, action.owner.as_ref());
            r.to("kpi", C::Kpis, action.kpi.as_ref());
            r.to("risk", C::Risks, action.risk.as_ref());
        }
        C::Benchmarks => r.to("kpi", C::Kpis, Some(&w.benchmarks[n].kpi)),
        C::Lessons => {
            let lesson = &w.lessons[n];
            r.each_to("kpis", C::Kpis, &lesson.kpis);
            r.each_to("risks", C::Risks, &lesson.risks);
        }
        C::Audits => {
            for (i, audited) in w.audits[n].sample.iter().enumerate() {
                r.to(&format!("sample[{i}].kpi"), C::Kpis, Some(&audited.kpi));
                r.to(
                    &format!("sample[{i}].committee"),
                    C::Committees,
                    Some(&audited.committee),
                );
            }
        }
    }
    r.0
}

/// Each measurement's KPI must exist, its period must be of the KPI's frequency, a KPI has one value per
/// period, and a fraction cannot divide by zero.
fn check_measurements(workspace: &Workspace, raw: &RawIndex, problems: &mut Vec<Problem>) {
    // The first KPI with an id is the one the file means; a duplicate is reported on its own.
    let mut kpis: HashMap<&str, &crate::domain::model::kpi::KpiDefinition> = HashMap::new();
    for kpi in &workspace.kpis {
        kpis.entry(kpi.id.as_str()).or_insert(kpi);
    }
    let mut seen: HashMap<(&str, crate::domain::basics::period::Period), usize> = HashMap::new();
    for (n, measurement) in workspace.measurements.iter().enumerate() {
        let path = raw.path("measurements", n);
        let kpi_id = measurement.kpi.as_str();
        if !raw.has("kpis", kpi_id) {
            problems.push(Problem::new(
                format!("{path}.kpi"),
                format!("is a value for the KPI \"{kpi_id}\", which is not in the file"),
            ));
        } else if let Some(kpi) = kpis.get(kpi_id)
            && measurement.period.frequency() != kpi.frequency
        {
            problems.push(Problem::new(
                format!("{path}.period"),
                format!(
                    "\"{}\" is a {} period, but the KPI \"{kpi_id}\" is reported {}",
                    measurement.period.code(),
                    frequency_adjective(measurement.period.frequency()),
                    kpi.frequency.label().to_lowercase()
                ),
            ));
        }
        if let Some(first) = seen.insert((kpi_id, measurement.period), n) {
            problems.push(Problem::new(
                path.clone(),
                format!(
                    "is a second value for \"{kpi_id}\" in {} (the first is {})",
                    measurement.period,
                    raw.path("measurements", first)
                ),
            ));
        }
        for (field, figure) in [
            ("value", measurement.value),
            ("numerator", measurement.numerator),
            ("denominator", measurement.denominator),
        ] {
            figure_in_range(format!("{path}.{field}"), figure, problems);
        }
        if measurement.value.is_none() && measurement.denominator == Some(0.0) {
            problems.push(Problem::new(
                format!("{path}.denominator"),
                "is zero, so the value cannot be worked out",
            ));
        }
    }
}

/// A figure as a file would write it, shortest first: "1.7e308", "-2000000000000000".
fn written_figure(figure: f64) -> String {
    let text = Value::from(figure).to_string().replace("e+", "e");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

/// A problem at `path` when `figure` is beyond what the app holds ([`out_of_range`]).
fn figure_in_range(path: String, figure: Option<f64>, problems: &mut Vec<Problem>) {
    if let Some(problem) = figure.and_then(out_of_range) {
        problems.push(Problem::new(
            path,
            format!(
                "{problem}; found {}",
                written_figure(figure.unwrap_or_default())
            ),
        ));
    }
}

fn frequency_adjective(frequency: Frequency) -> &'static str {
    match frequency {
        Frequency::Monthly => "monthly",
        Frequency::Quarterly => "quarterly",
        Frequency::HalfYearly => "half-yearly",
        Frequency::Annual => "annual",
        Frequency::Termly => "termly",
    }
}

/// RAG rules must be consistent; targets must be for the KPI's own periods or whole years; a plausible range
/// must run upwards; a plan must not end before it starts.
fn check_rules_and_targets(workspace: &Workspace, raw: &RawIndex, problems: &mut Vec<Problem>) {
    if let Err(problem) = workspace.framework.risk.bands.check() {
        problems.push(Problem::new(
            format!("{ROOT}.framework.risk.bands"),
            problem,
        ));
    }
    if let Err(problem) = workspace.framework.calendar.check() {
        problems.push(Problem::new(
            format!("{ROOT}.framework.calendar"),
            problem.to_string(),
        ));
    }
    let mut rule_problems = |path: String, rule: &RagRule| {
        for message in rule.problems() {
            problems.push(Problem::new(path.clone(), message));
        }
    };
    rule_problems(
        format!("{ROOT}.framework.rag_rule"),
        &workspace.framework.rag_rule,
    );
    for (n, kpi) in workspace.kpis.iter().enumerate() {
        if let Some(rule) = &kpi.rag_rule {
            rule_problems(format!("{}.rag_rule", raw.path("kpis", n)), rule);
        }
    }
    for (n, kpi) in workspace.kpis.iter().enumerate() {
        let path = raw.path("kpis", n);
        for (i, target) in kpi.targets.iter().enumerate() {
            figure_in_range(
                format!("{path}.targets[{i}].value"),
                Some(target.value),
                problems,
            );
            let frequency = target.period.frequency();
            if frequency != kpi.frequency && frequency != Frequency::Annual {
                problems.push(Problem::new(
                    format!("{path}.targets[{i}].period"),
                    format!(
                        "\"{}\" is a {} period; targets of a {} KPI are for its own periods or a whole year",
                        target.period.code(),
                        frequency_adjective(frequency),
                        frequency_adjective(kpi.frequency)
                    ),
                ));
            }
        }
        if let Some((min, max)) = kpi.plausible_range {
            figure_in_range(format!("{path}.plausible_range[0]"), Some(min), problems);
            figure_in_range(format!("{path}.plausible_range[1]"), Some(max), problems);
        }
        if let Some((min, max)) = kpi.plausible_range
            && min > max
        {
            problems.push(Problem::new(
                format!("{path}.plausible_range"),
                format!("runs from {min} down to {max}; put the lower value first"),
            ));
        }
    }
    for (n, benchmark) in workspace.benchmarks.iter().enumerate() {
        figure_in_range(
            format!("{}.value", raw.path("benchmarks", n)),
            Some(benchmark.value),
            problems,
        );
    }
    for (n, plan) in workspace.plans.iter().enumerate() {
        if plan.to < plan.from {
            problems.push(Problem::new(
                format!("{}.to", raw.path("plans", n)),
                format!("{} is before the plan starts in {}", plan.to, plan.from),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({
            "framework": { "council_name": "Test County Council", "current_year": "2024/25" },
            "kpis": [{
                "id": "k-1", "name": "Calls answered in 15 seconds", "level": "strategic",
                "perspective": "residents", "category": "local_authority", "frequency": "monthly",
                "polarity": "higher_is_better", "unit": { "kind": "percent" }, "measure": "snapshot",
                "status": "active", "timing": "lagging"
            }],
            "measurements": [{ "kpi": "k-1", "period": "2024-04", "value": 81.5 }]
        })
    }

    fn problems(value: Value) -> Vec<Problem> {
        validate(value).unwrap_err()
    }

    #[test]
    fn a_minimal_workspace_is_valid() {
        let workspace = validate(minimal()).unwrap();
        assert_eq!(workspace.framework.council_name, "Test County Council");
        assert_eq!(workspace.measurements[0].value, Some(81.5));
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let mut value = minimal();
        value["measurements"] = json!([
            { "kpi": "k-99", "period": "2024-04", "value": 1 },
            { "kpi": "k-1", "period": "2024/25 Q1", "value": 1 },
            { "kpi": "k-1", "period": "2024-05", "value": "eighty" },
        ]);
        let found = problems(value);
        assert_eq!(
            found,
            vec![
                Problem::new(
                    "workspace.measurements[2].value",
                    "must be a number, not the text \"eighty\""
                ),
                Problem::new(
                    "workspace.measurements[0].kpi",
                    "is a value for the KPI \"k-99\", which is not in the file"
                ),
                Problem::new(
                    "workspace.measurements[1].period",
                    "\"2024/25 Q1\" is a quarterly period, but the KPI \"k-1\" is reported monthly"
                ),
            ]
        );
    }

    #[test]
    fn missing_and_unknown_fields_and_bad_choices_are_named() {
        let mut value = minimal();
        value["kpis"][0].as_object_mut().unwrap().remove("name");
        value["framework"]["colour"] = json!("blue");
        value["measurements"][0]["comentary"] = json!("typo");
        value["kpis"].as_array_mut().unwrap().push(json!({
            "id": "k-2", "name": "x", "level": "strategic", "perspective": "residents",
            "category": "local_authority", "frequency": "monthy", "polarity": "higher_is_better",
            "unit": { "kind": "percent" }, "measure": "snapshot", "status": "active", "timing": "lagging"
        }));
        let found = problems(value);
        let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "workspace.framework.colour",
                "workspace.kpis[0].name",
                "workspace.kpis[1].frequency",
                "workspace.measurements[0].comentary",
            ]
        );
        assert_eq!(found[1].message, "is required but missing");
        assert!(
            found[2]
                .message
                .starts_with("\"monthy\" is not one of monthly, quarterly"),
            "{}",
            found[2].message
        );
        assert!(
            found[3]
                .message
                .starts_with("is not a field here (the fields are kpi, period"),
            "{}",
            found[3].message
        );
    }

    #[test]
    fn duplicate_ids_name_the_first_use() {
        let mut value = minimal();
        let copy = value["kpis"][0].clone();
        value["kpis"].as_array_mut().unwrap().push(copy);
        let found = problems(value);
        assert_eq!(
            found,
            vec![Problem::new(
                "workspace.kpis[1].id",
                "the id \"k-1\" is already used by workspace.kpis[0]"
            )]
        );
    }

    #[test]
    fn a_reference_to_an_item_with_its_own_problem_is_not_reported_twice() {
        let mut value = minimal();
        value["kpis"][0]["polarity"] = json!("sideways");
        let found = problems(value);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "workspace.kpis[0].polarity");
    }

    #[test]
    fn two_values_for_one_period_are_refused() {
        let mut value = minimal();
        value["measurements"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "kpi": "k-1", "period": "Apr 2024", "value": 2 }));
        let found = problems(value);
        assert_eq!(
            found,
            vec![Problem::new(
                "workspace.measurements[1]",
                "is a second value for \"k-1\" in Apr 2024 (the first is workspace.measurements[0])"
            )]
        );
    }

    #[test]
    fn the_workspace_must_be_an_object_with_a_framework() {
        assert_eq!(
            problems(json!([1, 2])),
            vec![Problem::new(
                "workspace",
                "must be an object holding the framework and its lists, not a list"
            )]
        );
        assert_eq!(
            problems(json!({})),
            vec![Problem::new(
                "workspace.framework",
                "is required but missing"
            )]
        );
        let found = problems(
            json!({ "framework": { "council_name": "A", "current_year": "2024/25" }, "kpis": {} }),
        );
        assert_eq!(
            found,
            vec![Problem::new(
                "workspace.kpis",
                "must be a list, not an object"
            )]
        );
    }

    #[test]
    fn inconsistent_rules_targets_and_ranges_are_reported() {
        let mut value = minimal();
        value["framework"]["rag_rule"] = json!({ "green_within": 20, "amber_within": 10 });
        value["kpis"][0]["targets"] =
            json!([{ "period": "2024/25 Q1", "value": 80 }, { "period": "2024/25", "value": 80 }]);
        value["kpis"][0]["plausible_range"] = json!([100, 0]);
        let found = problems(value);
        let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "workspace.framework.rag_rule",
                "workspace.kpis[0].targets[0].period",
                "workspace.kpis[0].plausible_range"
            ]
        );
    }
}
