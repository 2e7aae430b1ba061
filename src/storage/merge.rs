//! Merging a colleague's workspace into yours by stable identity: items only one side has are kept, items
//! both have and that differ are conflicts, each resolved to mine or theirs. The result is validated again.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::collection::Collection;
use super::diff::{KeyedItems, WorkspaceDiff, diff_keyed, item_label};
use super::import_error::ImportError;
use super::validate::validate;
use crate::domain::model::workspace::Workspace;

/// Which version of a conflicting item to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The current workspace's.
    Mine,
    /// The incoming workspace's.
    Theirs,
}

/// The list name used for the framework settings in conflicts.
pub const SETTINGS: &str = "framework";

/// An item both workspaces hold, differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The list it is in ([`SETTINGS`] for the framework settings).
    pub list: &'static str,
    /// Its identity in the list.
    pub key: String,
    /// How people know it.
    pub label: String,
    /// The current version.
    pub mine: Value,
    /// The incoming version.
    pub theirs: Value,
}

/// One field in which the two versions of a conflicting item differ, each side as people read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDifference {
    /// The field, in words ("variance explanation").
    pub field: String,
    /// The current version's value, or "(none)".
    pub mine: String,
    /// The incoming version's value, or "(none)".
    pub theirs: String,
}

/// The longest value shown in a difference; longer ones end with "…".
const SHOWN_CHARS: usize = 160;

/// A value as people read it: text as it is, "(none)" for nothing, anything else as JSON writes it.
pub fn shown_whole(value: &Value) -> String {
    match value {
        Value::Null => "(none)".to_owned(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// [`shown_whole`], cut to [`SHOWN_CHARS`] for the import preview's list of differences.
fn shown(value: Option<&Value>) -> String {
    let text = shown_whole(value.unwrap_or(&Value::Null));
    if text.chars().count() > SHOWN_CHARS {
        let cut: String = text.chars().take(SHOWN_CHARS).collect();
        format!("{cut}…")
    } else {
        text
    }
}

impl Conflict {
    /// The fields that differ, in the order the current version holds them, then any only theirs has.
    pub fn differences(&self) -> Vec<FieldDifference> {
        let (Value::Object(mine), Value::Object(theirs)) = (&self.mine, &self.theirs) else {
            return vec![FieldDifference {
                field: "value".to_owned(),
                mine: shown(Some(&self.mine)),
                theirs: shown(Some(&self.theirs)),
            }];
        };
        mine.keys()
            .chain(theirs.keys().filter(|k| !mine.contains_key(*k)))
            .filter(|k| mine.get(*k) != theirs.get(*k))
            .map(|k| FieldDifference {
                field: k.replace('_', " "),
                mine: shown(mine.get(k)),
                theirs: shown(theirs.get(k)),
            })
            .collect()
    }
}

/// Every conflict between the current and the incoming workspace, settings first.
pub fn conflicts(current: &Workspace, incoming: &Workspace) -> Vec<Conflict> {
    conflicts_keyed(&KeyedItems::of(current), &KeyedItems::of(incoming))
}

/// What importing `incoming` would change and where it conflicts, keying each workspace once.
pub fn compare(current: &Workspace, incoming: &Workspace) -> (WorkspaceDiff, Vec<Conflict>) {
    let (mine, theirs) = (KeyedItems::of(current), KeyedItems::of(incoming));
    (diff_keyed(&mine, &theirs), conflicts_keyed(&mine, &theirs))
}

fn conflicts_keyed(mine: &KeyedItems, theirs: &KeyedItems) -> Vec<Conflict> {
    let mut found = Vec::new();
    if mine.framework != theirs.framework {
        found.push(Conflict {
            list: SETTINGS,
            key: SETTINGS.to_owned(),
            label: "Framework settings".to_owned(),
            mine: mine.framework.clone(),
            theirs: theirs.framework.clone(),
        });
    }
    for name in Collection::ALL.map(Collection::name) {
        let incoming: HashMap<&str, &Value> = theirs.lists[name]
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        for (key, item) in &mine.lists[name] {
            if let Some(other) = incoming.get(key.as_str())
                && *other != item
            {
                found.push(Conflict {
                    list: name,
                    key: key.clone(),
                    label: item_label(key, item),
                    mine: item.clone(),
                    theirs: (*other).clone(),
                });
            }
        }
    }
    found
}

/// Merges `incoming` into `current`, resolving each conflict with `choose(list, key)`. Items keep the
/// current order, with new items after them in the incoming order. The result is validated; on any problem
/// nothing is returned and the current workspace stays as it was.
pub fn merge(
    current: &Workspace,
    incoming: &Workspace,
    choose: impl Fn(&str, &str) -> Side,
) -> Result<Workspace, ImportError> {
    let mine = KeyedItems::of(current);
    let mut theirs = KeyedItems::of(incoming);
    let mut merged = Map::new();
    let framework = match choose(SETTINGS, SETTINGS) {
        Side::Mine => mine.framework,
        Side::Theirs => theirs.framework,
    };
    merged.insert(SETTINGS.to_owned(), framework);
    for name in Collection::ALL.map(Collection::name) {
        let mut incoming: Vec<(String, Option<Value>)> = theirs
            .lists
            .remove(name)
            .unwrap_or_default()
            .into_iter()
            .map(|(k, v)| (k, Some(v)))
            .collect();
        let position: HashMap<String, usize> = incoming
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect();
        let mut items = Vec::new();
        for (key, item) in mine.lists[name].iter() {
            let other = position.get(key).and_then(|&i| incoming[i].1.take());
            items.push(match other {
                Some(other) if other != *item && choose(name, key) == Side::Theirs => other,
                _ => item.clone(),
            });
        }
        items.extend(incoming.into_iter().filter_map(|(_, item)| item));
        merged.insert(name.to_owned(), Value::Array(items));
    }
    validate(Value::Object(merged)).map_err(ImportError::Invalid)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::ids::{KpiId, RiskId};

    fn mine() -> Workspace {
        demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap())
    }

    fn risk_ids(workspace: &Workspace) -> Vec<String> {
        workspace.risks.iter().map(|r| r.id.to_string()).collect()
    }

    #[test]
    fn new_items_follow_mine_in_their_order_and_nothing_of_mine_is_removed() {
        let mine = mine();
        let mut theirs = mine.clone();
        // They dropped my first risk, reversed the rest and added two new ones, the second before the first.
        let dropped = theirs.risks.remove(0);
        theirs.risks.reverse();
        let new_risk = |id: &str| {
            let mut risk = theirs.risks[0].clone();
            risk.id = RiskId::new(id).unwrap();
            risk
        };
        let (second, first) = (new_risk("risk-new-b"), new_risk("risk-new-a"));
        theirs.risks.insert(0, second);
        theirs.risks.push(first);
        let merged = merge(&mine, &theirs, |_, _| Side::Theirs).unwrap();
        let mut expected = risk_ids(&mine);
        expected.extend(["risk-new-b".to_owned(), "risk-new-a".to_owned()]);
        assert_eq!(risk_ids(&merged), expected);
        assert_eq!(
            merged.risks[0], dropped,
            "a merge never removes an item of mine"
        );
    }

    #[test]
    fn each_conflict_takes_the_side_chosen_for_it() {
        let mine = mine();
        let mut theirs = mine.clone();
        theirs.risks[0].title = "Their title".to_owned();
        theirs.risks[1].title = "Their other title".to_owned();
        let first = theirs.risks[0].id.to_string();
        let merged = merge(&mine, &theirs, |_, key| {
            if key == first {
                Side::Theirs
            } else {
                Side::Mine
            }
        })
        .unwrap();
        assert_eq!(merged.risks[0].title, "Their title");
        assert_eq!(merged.risks[1].title, mine.risks[1].title);
    }

    #[test]
    fn merging_the_same_file_twice_changes_nothing_the_second_time() {
        let mine = mine();
        let mut theirs = mine.clone();
        theirs.risks[0].title = "Their title".to_owned();
        theirs.lessons.clear();
        let mut added = theirs.risks[1].clone();
        added.id = RiskId::new("risk-new").unwrap();
        theirs.risks.push(added);
        for side in [Side::Mine, Side::Theirs] {
            let once = merge(&mine, &theirs, |_, _| side).unwrap();
            let twice = merge(&once, &theirs, |_, _| side).unwrap();
            assert_eq!(twice, once, "merging again, choosing {side:?}");
            assert!(conflicts(&twice, &theirs).len() <= usize::from(side == Side::Mine));
        }
    }

    #[test]
    fn a_merge_that_would_break_the_files_rules_is_refused_and_the_other_choice_is_not() {
        let mine = mine();
        let mut theirs = mine.clone();
        let action = theirs.actions.iter_mut().find(|a| a.kpi.is_some()).unwrap();
        action.kpi = Some(KpiId::new("kpi-nowhere").unwrap());
        let refused = merge(&mine, &theirs, |_, _| Side::Theirs).unwrap_err();
        assert!(
            refused.to_string().contains("kpi-nowhere"),
            "the message names the unknown KPI: {refused}"
        );
        assert_eq!(merge(&mine, &theirs, |_, _| Side::Mine).unwrap(), mine);
    }
}
