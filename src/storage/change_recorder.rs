//! Recording changes in the history. Every way a workspace changes (an edit on any page, a spreadsheet or
//! CSV import, a merge) passes through [`record_changes`], which compares the workspace before and after and
//! appends one [`ChangeRecord`] for each item that differs, with each field from what to what. Being one
//! comparison rather than a line in every command, no command can forget to record, and a command added
//! later is recorded too.
//!
//! Lists are compared as typed values first, so an unchanged list costs one equality check; within a
//! changed list only the stretch between the first and the last item that differ is turned into JSON.
//! Items are matched by their identity in the file ([`item_key`]), fields by name, a field within a field
//! (the framework's RAG rule, a measurement's sign-off) by its path, and a list of items that each carry an
//! `id`, a `period` (a KPI's targets) or a `date` (a risk's reviews) item by item.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

use super::collection::Collection;
use super::diff::{item_key, item_label};
use crate::domain::model::change_record::{ChangeRecord, ChangeWay, FieldChange};
use crate::domain::model::workspace::Workspace;

/// The list name a record about the framework settings carries.
pub const SETTINGS_LIST: &str = "framework";

/// Who made a change, when and how: what every record of one change shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// When.
    pub at: DateTime<Utc>,
    /// Who, by name (empty when they have not said).
    pub by: String,
    /// How.
    pub how: ChangeWay,
    /// The file an import or merge came from.
    pub source: Option<String>,
}

impl Attribution {
    /// A change made on a page of the app by `by`, at `at`.
    pub fn edited(by: &str, at: DateTime<Utc>) -> Self {
        Self {
            at,
            by: by.to_owned(),
            how: ChangeWay::Edited,
            source: None,
        }
    }

    /// The same person and moment, for a change that came from the file `source` in the way `how`.
    pub fn from_file(mut self, how: ChangeWay, source: &str) -> Self {
        self.how = how;
        self.source = Some(source.to_owned());
        self
    }
}

/// Appends to `after`'s history a record of every item that differs from `before` (the history itself
/// aside), attributed to `attribution`. Returns how many records were added.
pub fn record_changes(
    before: &Workspace,
    after: &mut Workspace,
    attribution: &Attribution,
) -> usize {
    let mut items = Vec::new();
    let (old, new) = (to_text(&before.framework), to_text(&after.framework));
    if old != new {
        items.push(ChangedItem {
            list: SETTINGS_LIST,
            key: SETTINGS_LIST.to_owned(),
            before: Some(from_text(&old)),
            after: Some(from_text(&new)),
        });
    }
    for collection in Collection::ALL {
        if let Some((old, new)) = differing_stretch(collection, before, after) {
            match_items(collection.name(), old, new, &mut items);
        }
    }
    let first = after.history.len();
    for item in items {
        let mut fields = Vec::new();
        field_changes("", item.before.as_ref(), item.after.as_ref(), &mut fields);
        if fields.is_empty() {
            continue;
        }
        let label = label(
            item.list,
            &item.key,
            item.after.as_ref().or(item.before.as_ref()),
            after,
            before,
        );
        let sequence = after.history.len() - first;
        let mut record = ChangeRecord {
            id: String::new(),
            at: attribution.at,
            by: attribution.by.clone(),
            how: attribution.how,
            source: attribution.source.clone(),
            list: item.list.to_owned(),
            key: item.key,
            label,
            fields,
        };
        record.id = record_id(&record, sequence);
        after.history.push(record);
    }
    after.history.len() - first
}

/// One item that differs: its list, identity and JSON on each side (absent where it is new or gone).
struct ChangedItem {
    list: &'static str,
    key: String,
    before: Option<Value>,
    after: Option<Value>,
}

/// A record as compact JSON text: the one way the app serialises (see `pretty_json`), so no second
/// serialiser is compiled in for every record type.
fn to_text(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("every record serialises: keys are text and numbers finite")
}

fn from_text(text: &str) -> Value {
    serde_json::from_str(text).expect("what serde_json writes it reads")
}

/// The stretch of a list between the first and the last item that differ, as JSON on each side; `None`
/// when the list is the same. The lists that grow large (figures, KPIs, comparator values) are compared as
/// typed values, the rest by their text.
fn differing_stretch(
    collection: Collection,
    before: &Workspace,
    after: &Workspace,
) -> Option<(Vec<Value>, Vec<Value>)> {
    use Collection as C;
    let (b, a) = (before, after);
    match collection {
        C::Measurements => typed_stretch(&b.measurements, &a.measurements),
        C::Kpis => typed_stretch(&b.kpis, &a.kpis),
        C::Benchmarks => typed_stretch(&b.benchmarks, &a.benchmarks),
        C::Ambitions => text_stretch(&b.ambitions, &a.ambitions),
        C::Directorates => text_stretch(&b.directorates, &a.directorates),
        C::Services => text_stretch(&b.services, &a.services),
        C::Teams => text_stretch(&b.teams, &a.teams),
        C::People => text_stretch(&b.people, &a.people),
        C::Roles => text_stretch(&b.roles, &a.roles),
        C::Committees => text_stretch(&b.committees, &a.committees),
        C::Plans => text_stretch(&b.plans, &a.plans),
        C::Objectives => text_stretch(&b.objectives, &a.objectives),
        C::Risks => text_stretch(&b.risks, &a.risks),
        C::Actions => text_stretch(&b.actions, &a.actions),
        C::Lessons => text_stretch(&b.lessons, &a.lessons),
        C::Audits => text_stretch(&b.audits, &a.audits),
        // The history records changes; it is not itself recorded.
        C::History => None,
    }
}

/// [`differing_stretch`] of a list compared item by item as typed values: only the items from the first
/// that differs to the last are turned into JSON.
fn typed_stretch<T: PartialEq + Serialize>(
    before: &[T],
    after: &[T],
) -> Option<(Vec<Value>, Vec<Value>)> {
    let (start, end) = same_ends(before.len(), after.len(), |i, j| before[i] == after[j])?;
    let json = |items: &[T]| items.iter().map(|item| from_text(&to_text(item))).collect();
    Some((
        json(&before[start..before.len() - end]),
        json(&after[start..after.len() - end]),
    ))
}

/// [`differing_stretch`] of a list compared by its text.
fn text_stretch<T: Serialize>(before: &[T], after: &[T]) -> Option<(Vec<Value>, Vec<Value>)> {
    let (old, new) = (to_text(&before), to_text(&after));
    if old == new {
        return None;
    }
    let items = |text: &str| match from_text(text) {
        Value::Array(items) => items,
        _ => Vec::new(),
    };
    let (old, new) = (items(&old), items(&new));
    let (start, end) = same_ends(old.len(), new.len(), |i, j| old[i] == new[j])?;
    Some((
        old[start..old.len() - end].to_vec(),
        new[start..new.len() - end].to_vec(),
    ))
}

/// How many items two lists share at their start and, after that, at their end, given whether the `i`th
/// item of the first equals the `j`th of the second; `None` when the lists are the same.
fn same_ends(
    before: usize,
    after: usize,
    equal: impl Fn(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    let start = (0..before.min(after)).take_while(|&i| equal(i, i)).count();
    if start == before && start == after {
        return None;
    }
    let end = (1..=(before - start).min(after - start))
        .take_while(|&k| equal(before - k, after - k))
        .count();
    Some((start, end))
}

/// Matches the items of two stretches of `list` by identity: each one changed, removed or added.
fn match_items(list: &'static str, old: Vec<Value>, new: Vec<Value>, items: &mut Vec<ChangedItem>) {
    let keyed = |values: Vec<Value>| -> Vec<(String, Value)> {
        values
            .into_iter()
            .map(|value| (item_key(list, &value), value))
            .collect()
    };
    let mut new = keyed(new);
    for (key, value) in keyed(old) {
        let position = new.iter().position(|(k, _)| *k == key);
        let after = position.map(|p| new.remove(p).1);
        if after.as_ref() != Some(&value) {
            items.push(ChangedItem {
                list,
                key,
                before: Some(value),
                after,
            });
        }
    }
    // What is left of the new stretch was added, in the order it was added.
    items.extend(new.into_iter().map(|(key, value)| ChangedItem {
        list,
        key,
        before: None,
        after: Some(value),
    }));
}

/// Each field that differs between two values of one field (`path`; "" for the whole item), recursing into
/// objects and into lists whose items are each known by an `id`, a `period` or a `date`.
fn field_changes(
    path: &str,
    before: Option<&Value>,
    after: Option<&Value>,
    out: &mut Vec<FieldChange>,
) {
    if before == after {
        return;
    }
    let join = |name: &str| {
        if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    if let (Some(old), Some(new)) = (as_fields(before), as_fields(after))
        && !(old.is_empty() && new.is_empty())
    {
        let names = new
            .keys()
            .chain(old.keys().filter(|name| !new.contains_key(*name)));
        for name in names {
            field_changes(&join(name), old.get(name), new.get(name), out);
        }
        return;
    }
    if let (Some(old), Some(new)) = (as_keyed_list(before), as_keyed_list(after)) {
        let names = new.iter().map(|(key, _)| key).chain(
            old.iter()
                .map(|(key, _)| key)
                .filter(|key| !new.iter().any(|(k, _)| k == *key)),
        );
        for key in names {
            field_changes(
                &format!("{path}[{key}]"),
                keyed_item(&old, key),
                keyed_item(&new, key),
                out,
            );
        }
        return;
    }
    out.push(FieldChange {
        field: path.to_owned(),
        before: before.cloned(),
        after: after.cloned(),
    });
}

fn keyed_item<'a>(list: &[(String, &'a Value)], key: &str) -> Option<&'a Value> {
    list.iter().find(|(k, _)| k == key).map(|(_, value)| *value)
}

/// The fields of a value that is an object or absent (absent has none).
fn as_fields(value: Option<&Value>) -> Option<Map<String, Value>> {
    match value {
        None => Some(Map::new()),
        Some(Value::Object(map)) => Some(map.clone()),
        Some(_) => None,
    }
}

/// A list whose items each carry a distinct `id`, `period` or `date` (a risk's reviews), keyed by it (absent
/// is an empty list).
fn as_keyed_list(value: Option<&Value>) -> Option<Vec<(String, &Value)>> {
    let items = match value {
        None => return Some(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return None,
    };
    let name = ["id", "period", "date"].into_iter().find(|name| {
        items
            .first()
            .is_some_and(|item| item.get(*name).is_some_and(Value::is_string))
    })?;
    let keyed: Vec<(String, &Value)> = items
        .iter()
        .map(|item| Some((item.get(name)?.as_str()?.to_owned(), item)))
        .collect::<Option<_>>()?;
    let distinct: HashSet<&str> = keyed.iter().map(|(key, _)| key.as_str()).collect();
    (distinct.len() == keyed.len()).then_some(keyed)
}

/// How people know the item: the settings, a measurement or comparator value by its KPI's name and period,
/// anything else by its id and name or title.
fn label(
    list: &str,
    key: &str,
    item: Option<&Value>,
    after: &Workspace,
    before: &Workspace,
) -> String {
    if list == SETTINGS_LIST {
        return "Framework settings".to_owned();
    }
    let Some(item) = item else {
        return key.to_owned();
    };
    if matches!(list, "measurements" | "benchmarks") {
        let kpi = item.get("kpi").and_then(Value::as_str).unwrap_or_default();
        let period = item
            .get("period")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let name = [after, before]
            .iter()
            .find_map(|w| w.kpis.iter().find(|k| k.id.as_str() == kpi))
            .map(|k| k.name.as_str())
            .unwrap_or(kpi);
        return format!("{kpi} — {name}, {period}");
    }
    item_label(key, item)
}

/// A stable id made from everything the record says and its place among the records of one change
/// (FNV-1a, 64 bits): the same record from the same file is recognised when the file is merged again.
fn record_id(record: &ChangeRecord, sequence: usize) -> String {
    let text = serde_json::to_string(record).expect("a record serialises");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes().chain(sequence.to_le_bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("change-{hash:016x}")
}
