//! What an incoming workspace would change: items new, changed and removed, matched by stable identity
//! (ids; a measurement by KPI and period; a benchmark by KPI, period, group and authority).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::collection::Collection;
use crate::domain::model::workspace::Workspace;

/// One item, as the preview names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRef {
    /// Its identity within its list.
    pub key: String,
    /// How people know it: the id with the name or title.
    pub label: String,
}

/// The changes to one list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListChanges {
    /// Items only in the incoming workspace.
    pub added: Vec<ItemRef>,
    /// Items in both that differ.
    pub changed: Vec<ItemRef>,
    /// Items only in the current workspace.
    pub removed: Vec<ItemRef>,
    /// Items identical in both.
    pub unchanged: usize,
}

impl ListChanges {
    /// True when nothing differs.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Everything an incoming workspace would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspaceDiff {
    /// Whether the framework settings (name, vision, year, rules) differ.
    pub settings_changed: bool,
    /// Each list's changes, in [`Collection::ALL`] order.
    pub lists: Vec<(&'static str, ListChanges)>,
}

impl WorkspaceDiff {
    /// True when the two workspaces are the same.
    pub fn is_empty(&self) -> bool {
        !self.settings_changed && self.lists.iter().all(|(_, changes)| changes.is_empty())
    }
}

/// The items of each list of a workspace as JSON, keyed by identity, in file order.
pub(crate) struct KeyedItems {
    pub(crate) framework: Value,
    pub(crate) lists: HashMap<&'static str, Vec<(String, Value)>>,
}

impl KeyedItems {
    pub(crate) fn of(workspace: &Workspace) -> Self {
        let Value::Object(mut map) =
            // Through the compact text, the one way the app serialises a workspace (see `pretty_json`).
            serde_json::from_str(&serde_json::to_string(workspace).expect("a workspace is always JSON"))
                .expect("what serde_json writes it reads")
        else {
            unreachable!("a workspace serialises as an object")
        };
        let framework = map.remove("framework").unwrap_or(Value::Null);
        let lists = Collection::ALL
            .map(Collection::name)
            .into_iter()
            .map(|name| {
                let items = match map.remove(name) {
                    Some(Value::Array(items)) => items,
                    _ => Vec::new(),
                };
                (
                    name,
                    items
                        .into_iter()
                        .map(|item| (item_key(name, &item), item))
                        .collect(),
                )
            })
            .collect();
        Self { framework, lists }
    }

    /// The workspace's JSON again: the framework, then the lists in [`Collection::ALL`] order.
    pub(crate) fn into_value(mut self) -> Value {
        let mut map = Map::new();
        map.insert("framework".to_owned(), self.framework);
        for name in Collection::ALL.map(Collection::name) {
            let items = self.lists.remove(name).unwrap_or_default();
            map.insert(
                name.to_owned(),
                Value::Array(items.into_iter().map(|(_, item)| item).collect()),
            );
        }
        Value::Object(map)
    }
}

/// The identity of an item of `list`.
pub(crate) fn item_key(list: &str, item: &Value) -> String {
    let text = |field: &str| {
        item.get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    match list {
        "measurements" => format!("{} {}", text("kpi"), text("period")),
        "benchmarks" => format!(
            "{} {} {} {}",
            text("kpi"),
            text("period"),
            text("group"),
            text("authority")
        ),
        _ => text("id"),
    }
}

/// How people know an item: its key with its name or title where it has one.
pub(crate) fn item_label(key: &str, item: &Value) -> String {
    match ["name", "title"]
        .iter()
        .find_map(|field| item.get(*field).and_then(Value::as_str))
    {
        Some(name) => format!("{key} — {name}"),
        None => key.to_owned(),
    }
}

/// A list's name as people read it ("Settings" for the framework settings).
pub fn list_label(list: &str) -> &'static str {
    match Collection::named(list) {
        Some(collection) => collection.label(),
        None if list == "framework" => "Settings",
        None => "Other",
    }
}

/// Compares the current workspace with an incoming one.
pub fn diff(current: &Workspace, incoming: &Workspace) -> WorkspaceDiff {
    diff_keyed(&KeyedItems::of(current), &KeyedItems::of(incoming))
}

/// [`diff`] of workspaces already keyed (keying is the costly part on large workspaces).
pub(crate) fn diff_keyed(mine: &KeyedItems, theirs: &KeyedItems) -> WorkspaceDiff {
    let lists = Collection::ALL
        .map(Collection::name)
        .into_iter()
        .map(|name| {
            let old = &mine.lists[name];
            let new = &theirs.lists[name];
            let old_by_key: HashMap<&str, &Value> =
                old.iter().map(|(k, v)| (k.as_str(), v)).collect();
            let new_by_key: HashMap<&str, &Value> =
                new.iter().map(|(k, v)| (k.as_str(), v)).collect();
            let reference = |key: &str, item: &Value| ItemRef {
                key: key.to_owned(),
                label: item_label(key, item),
            };
            let mut changes = ListChanges::default();
            for (key, item) in new {
                match old_by_key.get(key.as_str()) {
                    None => changes.added.push(reference(key, item)),
                    Some(previous) if *previous != item => {
                        changes.changed.push(reference(key, item))
                    }
                    Some(_) => changes.unchanged += 1,
                }
            }
            for (key, item) in old {
                if !new_by_key.contains_key(key.as_str()) {
                    changes.removed.push(reference(key, item));
                }
            }
            (name, changes)
        })
        .collect();
    WorkspaceDiff {
        settings_changed: mine.framework != theirs.framework,
        lists,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::ids::ActionId;

    fn changes<'a>(diff: &'a WorkspaceDiff, list: &str) -> &'a ListChanges {
        &diff.lists.iter().find(|(name, _)| *name == list).unwrap().1
    }

    fn keys(items: &[ItemRef]) -> Vec<&str> {
        items.iter().map(|i| i.key.as_str()).collect()
    }

    #[test]
    fn a_workspace_compared_with_itself_changes_nothing() {
        let workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let same = diff(&workspace, &workspace);
        assert!(same.is_empty());
        assert_eq!(changes(&same, "risks").unchanged, workspace.risks.len());
    }

    #[test]
    fn each_list_names_what_is_new_changed_and_removed_and_counts_the_rest() {
        let mine = demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let mut theirs = mine.clone();
        theirs.risks[2].title = "Renamed".to_owned();
        let removed = theirs.lessons.remove(0);
        let mut added = theirs.actions[0].clone();
        added.id = ActionId::new("act-new").unwrap();
        theirs.actions.push(added);
        let found = diff(&mine, &theirs);
        assert!(!found.settings_changed);
        let risks = changes(&found, "risks");
        assert_eq!(keys(&risks.changed), [mine.risks[2].id.as_str()]);
        assert_eq!(risks.unchanged, mine.risks.len() - 1);
        assert_eq!(
            keys(&changes(&found, "lessons").removed),
            [removed.id.as_str()]
        );
        let actions = changes(&found, "actions");
        assert_eq!(keys(&actions.added), ["act-new"]);
        assert_eq!(actions.unchanged, mine.actions.len());
        assert!(changes(&found, "kpis").is_empty());

        theirs.framework.council_name = "Another council".to_owned();
        assert!(diff(&mine, &theirs).settings_changed);
    }
}
