//! Merging two saves of one workspace against the version both started from: what another tab saved
//! ("theirs") and what this tab changed since ("mine"). Items are matched by stable identity, as in the
//! import's merge ([`super::merge`]); an item or field changed on one side only takes that side's change, so
//! both tabs' work is kept. Only the same field changed differently on both sides is a conflict: this side's
//! value is kept and the other is reported, so the person can choose it instead. The result is validated.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::collection::Collection;
use super::diff::{KeyedItems, item_label, list_label};
use super::import_error::Problem;
use super::merge::SETTINGS;
use super::validate::validate;
use crate::domain::model::workspace::Workspace;

/// The field name a conflict uses when a whole item was removed on one side and changed on the other.
pub const WHOLE_ITEM: &str = "";

/// One field that both sides changed, differently, since the version they share.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldConflict {
    /// The list the item is in ([`SETTINGS`] for the framework settings).
    pub list: String,
    /// The item's identity in its list.
    pub key: String,
    /// How people know the item.
    pub label: String,
    /// The field, as written in the file ([`WHOLE_ITEM`] when one side removed the item).
    pub field: String,
    /// The value kept (this side's; `null` if the item is gone).
    pub kept: Value,
    /// The other side's value (`null` if the other side removed the item).
    pub other: Value,
}

impl FieldConflict {
    /// Where the conflict is, in words: "KPIs, kpi-1 — Missed bins: target".
    pub fn place(&self) -> String {
        let field = if self.field == WHOLE_ITEM {
            "the whole item".to_owned()
        } else {
            self.field.replace('_', " ")
        };
        format!("{}, {}: {field}", list_label(&self.list), self.label)
    }
}

/// A merged workspace and the conflicts resolved to this side.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreeWayMerge {
    /// Both sides' changes.
    pub merged: Workspace,
    /// Fields both sides changed differently; `merged` holds this side's value of each.
    pub conflicts: Vec<FieldConflict>,
}

/// Merges `mine` and `theirs`, both descended from `base`. On a merge that breaks the file's rules (one
/// side removed what the other now refers to) every problem is returned and nothing is merged.
pub fn merge_three_way(
    base: &Workspace,
    mine: &Workspace,
    theirs: &Workspace,
) -> Result<ThreeWayMerge, Vec<Problem>> {
    let (base, mine, theirs) = (
        KeyedItems::of(base),
        KeyedItems::of(mine),
        KeyedItems::of(theirs),
    );
    let mut conflicts = Vec::new();
    let mut settings = Vec::new();
    let framework = merge_item(
        Some(&base.framework),
        Some(&mine.framework),
        Some(&theirs.framework),
        &mut settings,
    )
    .unwrap_or(Value::Null);
    conflicts.extend(
        settings
            .into_iter()
            .map(|(field, kept, other)| FieldConflict {
                list: SETTINGS.to_owned(),
                key: SETTINGS.to_owned(),
                label: "Framework settings".to_owned(),
                field,
                kept,
                other,
            }),
    );
    let mut merged = Map::new();
    merged.insert(SETTINGS.to_owned(), framework);
    for name in Collection::ALL.map(Collection::name) {
        let by_key = |items: &'_ [(String, Value)]| -> HashMap<String, Value> {
            items.iter().cloned().collect()
        };
        let (base_items, mine_items) = (by_key(&base.lists[name]), by_key(&mine.lists[name]));
        let theirs_items = by_key(&theirs.lists[name]);
        let mut seen = HashSet::new();
        let order = theirs.lists[name]
            .iter()
            .chain(&mine.lists[name])
            .map(|(key, _)| key)
            .filter(|key| seen.insert(key.as_str()));
        let mut items = Vec::new();
        for key in order {
            let mut found = Vec::new();
            let item = merge_item(
                base_items.get(key),
                mine_items.get(key),
                theirs_items.get(key),
                &mut found,
            );
            if let Some(item) = &item {
                let label = item_label(key, item);
                conflicts.extend(found.into_iter().map(|(field, kept, other)| FieldConflict {
                    list: name.to_owned(),
                    key: key.clone(),
                    label: label.clone(),
                    field,
                    kept,
                    other,
                }));
            }
            items.extend(item);
        }
        merged.insert(name.to_owned(), Value::Array(items));
    }
    let merged = validate(Value::Object(merged))?;
    Ok(ThreeWayMerge { merged, conflicts })
}

/// A conflicting field: its name, the value kept and the other side's.
type Found = (String, Value, Value);

/// One item (or the settings) merged; `None` when it is removed. A side that left the item as it was takes
/// the other side's version; when both changed an object, each field is merged the same way.
fn merge_item(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    conflicts: &mut Vec<Found>,
) -> Option<Value> {
    if mine == base {
        return theirs.cloned();
    }
    if theirs == base || mine == theirs {
        return mine.cloned();
    }
    match (mine, theirs) {
        (Some(Value::Object(mine)), Some(Value::Object(theirs))) => {
            let empty = Map::new();
            let base = match base {
                Some(Value::Object(base)) => base,
                _ => &empty,
            };
            let mut merged = Map::new();
            let mut seen = HashSet::new();
            for field in mine.keys().chain(theirs.keys()).chain(base.keys()) {
                if !seen.insert(field.as_str()) {
                    continue;
                }
                let (b, m, t) = (base.get(field), mine.get(field), theirs.get(field));
                let value = if m == b {
                    t
                } else if t == b || m == t {
                    m
                } else {
                    conflicts.push((
                        field.clone(),
                        m.cloned().unwrap_or(Value::Null),
                        t.cloned().unwrap_or(Value::Null),
                    ));
                    m
                };
                if let Some(value) = value {
                    merged.insert(field.clone(), value.clone());
                }
            }
            Some(Value::Object(merged))
        }
        // Removed on one side and changed on the other: the change is kept, so nothing is lost.
        (kept @ Some(_), other) | (other @ None, kept @ Some(_)) => {
            let kept = kept.cloned();
            conflicts.push((
                WHOLE_ITEM.to_owned(),
                kept.clone().unwrap_or(Value::Null),
                other.cloned().unwrap_or(Value::Null),
            ));
            kept
        }
        (None, None) => None,
    }
}

/// `workspace` with a conflict resolved to the other side's value: the field set (or removed, when the
/// other side had none), or the whole item put back or removed. The result is validated.
pub fn use_other(
    workspace: &Workspace,
    conflict: &FieldConflict,
) -> Result<Workspace, Vec<Problem>> {
    let mut items = KeyedItems::of(workspace);
    let set_field = |item: &mut Value| {
        if let Value::Object(fields) = item {
            match &conflict.other {
                Value::Null => fields.remove(&conflict.field),
                other => fields.insert(conflict.field.clone(), other.clone()),
            };
        }
    };
    if conflict.list == SETTINGS {
        set_field(&mut items.framework);
    } else if let Some(list) = Collection::named(&conflict.list)
        .and_then(|collection| items.lists.get_mut(collection.name()))
    {
        let position = list.iter().position(|(key, _)| *key == conflict.key);
        match (position, conflict.field == WHOLE_ITEM, &conflict.other) {
            (Some(at), true, Value::Null) => {
                list.remove(at);
            }
            (Some(at), true, other) => list[at].1 = other.clone(),
            (Some(at), false, _) => set_field(&mut list[at].1),
            (None, _, Value::Null) => {}
            (None, true, other) => list.push((conflict.key.clone(), other.clone())),
            (None, false, _) => {}
        }
    }
    validate(items.into_value())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::ids::LessonId;
    use crate::domain::basics::period::Period;
    use chrono::NaiveDate;

    fn demo() -> Workspace {
        demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 15).unwrap())
    }

    /// The demo's first measurement of `kpi` with a value, and its period.
    fn first_value(workspace: &Workspace, kpi: &str) -> (usize, Period) {
        let at = workspace
            .measurements
            .iter()
            .position(|m| m.kpi.as_str() == kpi && m.value.is_some())
            .expect("the demo has values");
        (at, workspace.measurements[at].period)
    }

    #[test]
    fn changes_to_different_items_from_both_sides_are_both_kept() {
        let base = demo();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.kpis[0].name = "Renamed here".to_owned();
        theirs.kpis[1].name = "Renamed there".to_owned();
        let merge = merge_three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(merge.merged.kpis[0].name, "Renamed here");
        assert_eq!(merge.merged.kpis[1].name, "Renamed there");
        assert!(merge.conflicts.is_empty());
    }

    #[test]
    fn different_fields_of_one_item_from_both_sides_are_both_kept() {
        let base = demo();
        let kpi = base.kpis[0].id.as_str().to_owned();
        let (at, _) = first_value(&base, &kpi);
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.measurements[at].value = Some(74.0);
        theirs.measurements[at].commentary = "Written in the other tab".to_owned();
        let merge = merge_three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(merge.merged.measurements[at].value, Some(74.0));
        assert_eq!(
            merge.merged.measurements[at].commentary,
            "Written in the other tab"
        );
        assert!(merge.conflicts.is_empty());
    }

    #[test]
    fn the_same_field_changed_on_both_sides_keeps_mine_and_reports_theirs() {
        let base = demo();
        let kpi = base.kpis[0].id.as_str().to_owned();
        let (at, period) = first_value(&base, &kpi);
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.measurements[at].value = Some(74.0);
        theirs.measurements[at].value = Some(72.5);
        let merge = merge_three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(merge.merged.measurements[at].value, Some(74.0));
        assert_eq!(merge.conflicts.len(), 1);
        let conflict = &merge.conflicts[0];
        assert_eq!(conflict.list, "measurements");
        assert_eq!(conflict.key, format!("{kpi} {}", period.code()));
        assert_eq!(conflict.field, "value");
        assert_eq!(conflict.kept, serde_json::json!(74.0));
        assert_eq!(conflict.other, serde_json::json!(72.5));
        assert_eq!(
            conflict.place(),
            format!("Measurements, {kpi} {}: value", period.code())
        );
        // Choosing theirs puts 72.5 in, and nothing else changes.
        let resolved = use_other(&merge.merged, conflict).unwrap();
        let mut expected = mine.clone();
        expected.measurements[at].value = Some(72.5);
        assert_eq!(resolved, expected);
    }

    #[test]
    fn additions_on_both_sides_are_both_kept_theirs_first() {
        let base = demo();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        let mut added_here = base.lessons[0].clone();
        added_here.id = LessonId::new("lesson-here").unwrap();
        let mut added_there = base.lessons[0].clone();
        added_there.id = LessonId::new("lesson-there").unwrap();
        mine.lessons.push(added_here);
        theirs.lessons.push(added_there);
        let merge = merge_three_way(&base, &mine, &theirs).unwrap();
        let ids: Vec<&str> = merge.merged.lessons.iter().map(|l| l.id.as_str()).collect();
        let n = base.lessons.len();
        assert_eq!(ids.len(), n + 2);
        assert_eq!(&ids[n..], ["lesson-there", "lesson-here"]);
    }

    #[test]
    fn a_removal_on_one_side_is_kept_unless_the_other_side_changed_the_item() {
        let base = demo();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        let removed = theirs.lessons.remove(0);
        // Unchanged here: the removal stands.
        let merge = merge_three_way(&base, &mine, &theirs).unwrap();
        assert!(merge.merged.lessons.iter().all(|l| l.id != removed.id));
        assert!(merge.conflicts.is_empty());
        // Changed here: the change is kept and the removal reported.
        mine.lessons[0].title = "Changed here".to_owned();
        let merge = merge_three_way(&base, &mine, &theirs).unwrap();
        let kept = merge.merged.lessons.iter().find(|l| l.id == removed.id);
        assert_eq!(kept.map(|l| l.title.as_str()), Some("Changed here"));
        assert_eq!(merge.conflicts.len(), 1);
        assert_eq!(merge.conflicts[0].field, WHOLE_ITEM);
        assert_eq!(merge.conflicts[0].other, Value::Null);
        // Choosing theirs removes it again.
        let resolved = use_other(&merge.merged, &merge.conflicts[0]).unwrap();
        assert!(resolved.lessons.iter().all(|l| l.id != removed.id));
    }

    #[test]
    fn a_merge_that_breaks_the_rules_is_refused_with_its_problems() {
        let base = demo();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        // There: every measurement of the first KPI and the KPI itself removed; here: a new value for it.
        let kpi = base.kpis[0].id.clone();
        theirs.measurements.retain(|m| m.kpi != kpi);
        theirs.actions.retain(|a| a.kpi.as_ref() != Some(&kpi));
        theirs.benchmarks.retain(|b| b.kpi != kpi);
        theirs.kpis.remove(0);
        let (at, _) = first_value(&base, kpi.as_str());
        mine.measurements[at].value = Some(1.0);
        let problems = merge_three_way(&base, &mine, &theirs).unwrap_err();
        assert!(
            problems.iter().any(|p| p.message.contains(kpi.as_str())),
            "{problems:?}"
        );
    }

    #[test]
    fn merging_when_one_side_changed_nothing_gives_the_other_side() {
        let base = demo();
        let mut theirs = base.clone();
        theirs.framework.council_name = "Their council".to_owned();
        theirs.lessons.pop();
        let merge = merge_three_way(&base, &base, &theirs).unwrap();
        assert_eq!(merge.merged, theirs);
        let merge = merge_three_way(&base, &theirs, &base).unwrap();
        assert_eq!(merge.merged, theirs);
    }

    #[test]
    fn settings_changed_on_both_sides_merge_field_by_field() {
        let base = demo();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.framework.council_name = "Mine".to_owned();
        theirs.framework.vision = "Their vision".to_owned();
        let merge = merge_three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(merge.merged.framework.council_name, "Mine");
        assert_eq!(merge.merged.framework.vision, "Their vision");
        theirs.framework.council_name = "Theirs".to_owned();
        let merge = merge_three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(merge.conflicts.len(), 1);
        assert_eq!(
            merge.conflicts[0].place(),
            "Settings, Framework settings: council name"
        );
    }
}
