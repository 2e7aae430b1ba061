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
//! `id` or a `period` (a KPI's targets) item by item.

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
    if before.framework != after.framework {
        items.push(ChangedItem {
            list: SETTINGS_LIST,
            key: SETTINGS_LIST.to_owned(),
            before: Some(to_json(&before.framework)),
            after: Some(to_json(&after.framework)),
        });
    }
    for collection in Collection::ALL {
        changed_items_of(collection, before, after, &mut items);
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

fn to_json(value: &impl Serialize) -> Value {
    serde_json::to_value(value).expect("every record serialises: keys are text and numbers finite")
}

/// The items of `collection` that differ between the two workspaces.
fn changed_items_of(
    collection: Collection,
    before: &Workspace,
    after: &Workspace,
    items: &mut Vec<ChangedItem>,
) {
    use Collection as C;
    let name = collection.name();
    let (b, a) = (before, after);
    match collection {
        C::Ambitions => changed_items(name, &b.ambitions, &a.ambitions, items),
        C::Directorates => changed_items(name, &b.directorates, &a.directorates, items),
        C::Services => changed_items(name, &b.services, &a.services, items),
        C::Teams => changed_items(name, &b.teams, &a.teams, items),
        C::People => changed_items(name, &b.people, &a.people, items),
        C::Roles => changed_items(name, &b.roles, &a.roles, items),
        C::Committees => changed_items(name, &b.committees, &a.committees, items),
        C::Plans => changed_items(name, &b.plans, &a.plans, items),
        C::Objectives => changed_items(name, &b.objectives, &a.objectives, items),
        C::Kpis => changed_items(name, &b.kpis, &a.kpis, items),
        C::Measurements => changed_items(name, &b.measurements, &a.measurements, items),
        C::Risks => changed_items(name, &b.risks, &a.risks, items),
        C::Actions => changed_items(name, &b.actions, &a.actions, items),
        C::Benchmarks => changed_items(name, &b.benchmarks, &a.benchmarks, items),
        C::Lessons => changed_items(name, &b.lessons, &a.lessons, items),
        C::Audits => changed_items(name, &b.audits, &a.audits, items),
        // The history records changes; it is not itself recorded.
        C::History => {}
    }
}

/// The items of one list that differ, matched by identity. Only the stretch from the first item that
/// differs to the last is turned into JSON.
fn changed_items<T: PartialEq + Serialize>(
    list: &'static str,
    before: &[T],
    after: &[T],
    items: &mut Vec<ChangedItem>,
) {
    if before == after {
        return;
    }
    let same_start = before
        .iter()
        .zip(after)
        .take_while(|(old, new)| old == new)
        .count();
    let (before, after) = (&before[same_start..], &after[same_start..]);
    let same_end = before
        .iter()
        .rev()
        .zip(after.iter().rev())
        .take_while(|(old, new)| old == new)
        .count();
    let keyed = |slice: &[T]| -> Vec<(String, Value)> {
        slice
            .iter()
            .map(|item| {
                let value = to_json(item);
                (item_key(list, &value), value)
            })
            .collect()
    };
    let old = keyed(&before[..before.len() - same_end]);
    let mut new = keyed(&after[..after.len() - same_end]);
    for (key, value) in old {
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
/// objects and into lists whose items are each known by an `id` or a `period`.
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

/// A list whose items each carry a distinct `id` or `period`, keyed by it (absent is an empty list).
fn as_keyed_list(value: Option<&Value>) -> Option<Vec<(String, &Value)>> {
    let items = match value {
        None => return Some(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return None,
    };
    let name = ["id", "period"].into_iter().find(|name| {
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
