//! The change history: every kind of change appends exactly the records it should, in the name of the person
//! at the keyboard; a refused change records nothing; merging joins histories without doubling; the history
//! travels in the file. Expected records are worked out by hand from the demo council as at 15 October 2026.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use pmf::demo::demo_workspace;
use pmf::domain::basics::period::Period;
use pmf::domain::kpi::measurement_entry::{Entry, entry_for, record};
use pmf::domain::kpi::signoff_step::{SignoffStep, take_step};
use pmf::domain::model::change_record::{ChangeRecord, ChangeWay, FieldChange};
use pmf::domain::model::workspace::Workspace;
use pmf::storage::envelope::to_file;
use pmf::storage::merge::Side;
use pmf::storage::restore::restore;
use pmf::storage::session::Session;
use proptest::prelude::*;
use serde_json::{Value, json};

fn demo() -> Workspace {
    demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap())
}

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 14, 5, 0).unwrap()
}

/// A session on `workspace` with Jo Smith at the keyboard.
fn jo(workspace: Workspace) -> Session {
    let mut session = Session::new(workspace);
    session.set_author("Jo Smith");
    session
}

/// The records a change added.
fn added(session: &Session, before: usize) -> &[ChangeRecord] {
    &session.current().history[before..]
}

fn field(name: &str, before: Option<Value>, after: Option<Value>) -> FieldChange {
    FieldChange {
        field: name.to_owned(),
        before,
        after,
    }
}

#[test]
fn a_value_entered_for_a_new_period_is_one_record_of_each_field_from_nothing() {
    let workspace = demo();
    let id = workspace.kpis[0].id.clone();
    // A period after the demo's last figures: nothing is recorded for it yet.
    let period = Period::parse("Mar 2027").unwrap();
    assert!(
        workspace
            .measurements
            .iter()
            .all(|m| !(m.kpi == id && m.period == period))
    );
    let name = workspace.kpis[0].name.clone();
    let mut session = jo(workspace);
    let before = session.current().history.len();
    let entry = Entry {
        value: "74.0".to_owned(),
        commentary: "Two new starters.".to_owned(),
        ..Entry::default()
    };
    session
        .edit_at(at(), |w| record(w, &id, period, &entry, "Jo Smith", at()))
        .unwrap();
    let records = added(&session, before);
    assert_eq!(records.len(), 1, "one item changed: one record");
    let r = &records[0];
    assert_eq!(
        (r.by.as_str(), r.how, r.at),
        ("Jo Smith", ChangeWay::Edited, at())
    );
    assert_eq!(r.list, "measurements");
    assert_eq!(r.key, format!("{id} 2027-03"));
    assert_eq!(r.label, format!("{id} — {name}, 2027-03"));
    assert_eq!(r.how_made(), "edited here");
    // The new measurement's fields in alphabetical order, each from nothing: commentary, kpi, period, value
    // (a new figure is a draft, and a draft's validation is left out of the file).
    assert_eq!(
        r.fields,
        vec![
            field("commentary", None, Some(json!("Two new starters."))),
            field("kpi", None, Some(json!(id.as_str()))),
            field("period", None, Some(json!("2027-03"))),
            field("value", None, Some(json!(74.0))),
        ]
    );
}

#[test]
fn a_value_changed_records_from_what_to_what_and_the_sign_off_it_undid() {
    let workspace = demo();
    // The first KPI's figure for September 2026, approved in the demo.
    let id = workspace.kpis[0].id.clone();
    let period = Period::parse("Sep 2026").unwrap();
    let old = workspace
        .measurements
        .iter()
        .find(|m| m.kpi == id && m.period == period)
        .unwrap()
        .clone();
    let old_value = old.value.unwrap();
    let mut session = jo(workspace);
    let before = session.current().history.len();
    let mut entry = entry_for(session.current(), &id, period);
    let new_value = old_value + 1.5;
    entry.value = new_value.to_string();
    session
        .edit_at(at(), |w| record(w, &id, period, &entry, "Jo Smith", at()))
        .unwrap();
    let records = added(&session, before);
    assert_eq!(records.len(), 1);
    let changed: Vec<&str> = records[0].fields.iter().map(|f| f.field.as_str()).collect();
    // The value, and the sign-off it undoes: a changed figure goes back to draft, so the approval and the
    // submission go and the state (written only when not a draft) goes with them.
    assert_eq!(changed[0], "value");
    assert_eq!(
        records[0].fields[0],
        field("value", Some(json!(old_value)), Some(json!(new_value)))
    );
    assert!(
        changed[1..].iter().all(|f| f.starts_with("validation")),
        "{changed:?}"
    );
    assert!(
        records[0].fields[1..].iter().all(|f| f.after.is_none()),
        "the sign-off is gone: {:?}",
        records[0].fields
    );
}

#[test]
fn a_refused_change_records_nothing() {
    let workspace = demo();
    let id = workspace.kpis[0].id.clone();
    let mut session = jo(workspace);
    let before = session.current().history.len();
    let entry = Entry {
        value: "not a number".to_owned(),
        ..Entry::default()
    };
    let period = Period::parse("Mar 2027").unwrap();
    assert!(
        session
            .edit_at(at(), |w| record(w, &id, period, &entry, "Jo Smith", at()))
            .is_err()
    );
    assert_eq!(session.current().history.len(), before);
}

#[test]
fn each_sign_off_step_is_a_record_of_its_state_and_who_signed() {
    let workspace = demo();
    let id = workspace.kpis[0].id.clone();
    let period = Period::parse("Mar 2027").unwrap();
    let mut session = jo(workspace);
    let entry = Entry {
        value: "99".to_owned(),
        ..Entry::default()
    };
    session
        .edit_at(at(), |w| record(w, &id, period, &entry, "Jo Smith", at()))
        .unwrap();
    let before = session.current().history.len();
    session
        .edit_at(at(), |w| {
            take_step(w, &id, period, SignoffStep::Submit, "Jo Smith", at())
        })
        .unwrap();
    let submitted = added(&session, before);
    assert_eq!(submitted.len(), 1);
    assert_eq!(
        submitted[0].fields,
        vec![
            field("validation.state", None, Some(json!("submitted"))),
            field(
                "validation.submitted.at",
                None,
                Some(json!("2026-12-03T14:05:00Z"))
            ),
            field("validation.submitted.by", None, Some(json!("Jo Smith"))),
        ]
    );
    // Jo cannot approve her own submission: refused, and nothing recorded.
    let before = session.current().history.len();
    let refused = session
        .edit_at(at(), |w| {
            take_step(w, &id, period, SignoffStep::Approve, "Jo Smith", at())
        })
        .unwrap_err();
    assert_eq!(
        refused.message,
        "you submitted this figure, so someone else must approve it: the performance protocol asks a \
         second person to check every figure before it is reported"
    );
    assert_eq!(session.current().history.len(), before);
}

#[test]
fn a_kpi_renamed_and_a_target_changed_record_only_what_changed() {
    let workspace = demo();
    let mut session = jo(workspace);
    let before = session.current().history.len();
    let old_name = session.current().kpis[1].name.clone();
    let target = session.current().kpis[1].targets[0];
    let code = target.period.to_string();
    session.edit_at(at(), |w| {
        w.kpis[1].name = "Renamed".to_owned();
        w.kpis[1].targets[0].value = target.value + 5.0;
    });
    let records = added(&session, before);
    assert_eq!(records.len(), 1);
    let id = session.current().kpis[1].id.as_str().to_owned();
    assert_eq!(records[0].label, format!("{id} — Renamed"));
    assert_eq!(
        records[0].fields,
        vec![
            field("name", Some(json!(old_name)), Some(json!("Renamed"))),
            field(
                &format!(
                    "targets[{}].value",
                    serde_json::to_value(target.period)
                        .unwrap()
                        .as_str()
                        .unwrap()
                ),
                Some(json!(target.value)),
                Some(json!(target.value + 5.0))
            ),
        ],
        "{code}"
    );
}

#[test]
fn a_setting_changed_is_a_record_of_the_framework() {
    let mut session = jo(demo());
    let before = session.current().history.len();
    let old = session.current().framework.council_name.clone();
    session.edit_at(at(), |w| {
        w.framework.council_name = "Eastshire Council".to_owned()
    });
    let records = added(&session, before);
    assert_eq!(records.len(), 1);
    assert_eq!(
        (records[0].list.as_str(), records[0].label.as_str()),
        ("framework", "Framework settings")
    );
    assert_eq!(
        records[0].fields,
        vec![field(
            "council_name",
            Some(json!(old)),
            Some(json!("Eastshire Council"))
        )]
    );
}

#[test]
fn an_item_added_and_one_removed_are_a_record_each() {
    let mut session = jo(demo());
    let before = session.current().history.len();
    let lesson = session.current().lessons[0].clone();
    session.edit_at(at(), |w| {
        w.lessons.remove(0);
    });
    let records = added(&session, before);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].key, lesson.id.as_str());
    assert!(
        records[0]
            .fields
            .iter()
            .all(|f| f.before.is_some() && f.after.is_none())
    );
    // Fields in alphabetical order: the date comes first.
    assert_eq!(
        records[0].fields[0],
        field("date", Some(json!(lesson.date.to_string())), None)
    );
    assert!(
        records[0]
            .fields
            .contains(&field("id", Some(json!(lesson.id.as_str())), None))
    );
}

#[test]
fn merging_a_colleagues_file_joins_the_histories_once_and_records_what_it_brought() {
    let base = demo();
    let mut colleague = jo(base.clone());
    colleague.set_author("Sam Patel");
    colleague.edit_at(at(), |w| w.kpis[2].name = "Sam's name".to_owned());
    let theirs = colleague.current().clone();
    let theirs_record = theirs.history.last().unwrap().clone();
    assert_eq!(theirs_record.by, "Sam Patel");

    let mut mine = jo(base.clone());
    let before = mine.current().history.len();
    let later = at() + chrono::Duration::hours(1);
    mine.merge(&theirs, "sam.json", later, |_, _| Side::Theirs)
        .unwrap();
    let records = added(&mine, before);
    // Sam's own record joins, and the merge records what it changed here, as merged from sam.json by Jo.
    assert_eq!(records.len(), 2, "{records:#?}");
    assert!(records.contains(&theirs_record));
    let merged = records.iter().find(|r| r.how == ChangeWay::Merged).unwrap();
    assert_eq!(
        (merged.by.as_str(), merged.source.as_deref()),
        ("Jo Smith", Some("sam.json"))
    );
    assert_eq!(merged.how_made(), "merged from \u{201c}sam.json\u{201d}");
    assert_eq!(merged.fields[0].after, Some(json!("Sam's name")));

    // The same file again brings nothing new: not Sam's record twice, and no second merge record.
    let count = mine.current().history.len();
    mine.merge(&theirs, "sam.json", later, |_, _| Side::Theirs)
        .unwrap();
    assert_eq!(mine.current().history.len(), count);
}

#[test]
fn the_history_travels_in_the_file_and_a_version_1_file_loads_with_none() {
    let mut session = jo(demo());
    session.edit_at(at(), |w| w.kpis[0].name = "In the file".to_owned());
    let text = to_file(session.current(), at(), "test");
    let restored = restore(text.as_bytes()).unwrap();
    assert_eq!(restored.workspace.history, session.current().history);

    let version_1 = std::fs::read("tests/fixtures/migrations/schema-1.json").unwrap();
    let restored = restore(&version_1).unwrap();
    assert_eq!(restored.schema_version, 1);
    assert!(restored.workspace.history.is_empty());
}

#[test]
fn an_unnamed_person_is_recorded_as_not_having_said() {
    let mut session = Session::new(demo());
    let before = session.current().history.len();
    session.edit_at(at(), |w| w.kpis[0].name = "Renamed".to_owned());
    let record = &session.current().history[before];
    assert_eq!(record.by, "");
    assert_eq!(record.who(), "someone who had not said who they were");
}

/// Applies a record's fields backwards (each field set to its `before`) to the workspace's JSON.
fn reverse(workspace: &Workspace, record: &ChangeRecord) -> Workspace {
    let mut value = serde_json::to_value(workspace).unwrap();
    let list = value[&record.list].as_array_mut().unwrap();
    let item = list
        .iter_mut()
        .find(|m| {
            format!(
                "{} {}",
                m["kpi"].as_str().unwrap(),
                m["period"].as_str().unwrap()
            ) == record.key
        })
        .unwrap();
    for change in &record.fields {
        let mut target = &mut *item;
        let path: Vec<&str> = change.field.split('.').collect();
        for part in &path[..path.len() - 1] {
            target = target
                .as_object_mut()
                .unwrap()
                .entry(*part)
                .or_insert(json!({}));
        }
        let object = target.as_object_mut().unwrap();
        match &change.before {
            Some(before) => object.insert(path[path.len() - 1].to_owned(), before.clone()),
            None => object.remove(path[path.len() - 1]),
        };
    }
    // Undoing the change removes the record of it too.
    value["history"].as_array_mut().unwrap().pop();
    serde_json::from_value(value).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// For any value edit of any demo figure, setting each recorded field back to its `before` gives the
    /// workspace as it was.
    #[test]
    fn applying_a_value_edit_record_backwards_restores_the_workspace(
        pick in 0usize..10_000, delta in -50.0f64..50.0, commentary in "[a-z ]{0,12}",
    ) {
        let workspace = demo();
        let m = &workspace.measurements[pick % workspace.measurements.len()];
        let (id, period) = (m.kpi.clone(), m.period);
        let mut session = jo(workspace.clone());
        let mut entry = entry_for(session.current(), &id, period);
        let value = (m.value.unwrap_or(0.0) + delta).abs().round();
        entry.value = value.to_string();
        entry.commentary = commentary;
        let outcome = session.edit_at(at(), |w| record(w, &id, period, &entry, "Jo Smith", at()));
        prop_assume!(outcome.is_ok());
        prop_assume!(session.current().history.len() > workspace.history.len());
        let record = session.current().history.last().unwrap().clone();
        prop_assert_eq!(reverse(session.current(), &record), workspace);
    }
}
