//! The change history: every kind of change appends exactly the records it should, in the name of the person
//! at the keyboard; a refused change records nothing; merging joins histories without doubling; the history
//! travels in the file. Expected records are worked out by hand from the demo council as at 15 October 2026.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use pmf::demo::demo_workspace;
use pmf::domain::actions::action_update::{ActionForm, update_action};
use pmf::domain::actions::lesson_entry::{LessonDraft, add_lesson};
use pmf::domain::assurance::audit_entry::{AuditDraw, draw_audit};
use pmf::domain::basics::ids::KpiId;
use pmf::domain::basics::period::Period;
use pmf::domain::kpi::measurement_entry::{Entry, entry_for, record};
use pmf::domain::kpi::signoff_step::{SignoffStep, take_step};
use pmf::domain::maths::rag::RagStatus;
use pmf::domain::model::change_record::{ChangeRecord, ChangeWay, FieldChange};
use pmf::domain::model::golden_thread::ThreadNode;
use pmf::domain::model::workspace::Workspace;
use pmf::domain::risks::review_entry::{ReviewDraft, record_review};
use pmf::domain::risks::risk_form::{RiskForm, save_risk};
use pmf::domain::thread::structure_edit::{StructureEdit, apply_edit};
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

/// The one record a change added, after checking it is the only one and is Jo's, made here at `at()`.
fn only_record(session: &Session, before: usize) -> &ChangeRecord {
    let records = added(session, before);
    assert_eq!(records.len(), 1, "{records:#?}");
    let record = &records[0];
    assert_eq!(
        (record.by.as_str(), record.how, record.at),
        ("Jo Smith", ChangeWay::Edited, at())
    );
    record
}

/// The record a second entry adds to a draft: Jo enters 99 for the first KPI for March 2027 (a period with no
/// figure yet, so no sign-off can be undone), then `second`, made from that first entry. Returns the record
/// and the KPI's id.
fn second_entry_on_a_draft(second: impl FnOnce(Entry) -> Entry) -> (ChangeRecord, KpiId) {
    let workspace = demo();
    let id = workspace.kpis[0].id.clone();
    let period = Period::parse("Mar 2027").unwrap();
    let mut session = jo(workspace);
    let first = Entry {
        value: "99".to_owned(),
        ..Entry::default()
    };
    session
        .edit_at(at(), |w| record(w, &id, period, &first, "Jo Smith", at()))
        .unwrap();
    let before = session.current().history.len();
    let second = second(first);
    session
        .edit_at(at(), |w| record(w, &id, period, &second, "Jo Smith", at()))
        .unwrap();
    (only_record(&session, before).clone(), id)
}

#[test]
fn an_override_records_its_status_reason_and_who_set_it() {
    let (record, id) = second_entry_on_a_draft(|first| Entry {
        override_status: Some(RagStatus::Red),
        override_reason: "The return was incomplete.".to_owned(),
        ..first
    });
    assert_eq!(record.key, format!("{id} 2027-03"));
    // The override, a new field of the figure, in its fields' alphabetical order.
    assert_eq!(
        record.fields,
        vec![
            field("rag_override.at", None, Some(json!("2026-12-03T14:05:00Z"))),
            field("rag_override.by", None, Some(json!("Jo Smith"))),
            field(
                "rag_override.reason",
                None,
                Some(json!("The return was incomplete."))
            ),
            field("rag_override.status", None, Some(json!("red"))),
        ]
    );
}

#[test]
fn commentary_and_a_variance_explanation_added_to_a_figure_record_just_those() {
    let (record, _) = second_entry_on_a_draft(|first| Entry {
        commentary: "Two new starters.".to_owned(),
        variance_explanation: "Below target while the new starters train.".to_owned(),
        ..first
    });
    assert_eq!(
        record.fields,
        vec![
            field("commentary", None, Some(json!("Two new starters."))),
            field(
                "variance_explanation",
                None,
                Some(json!("Below target while the new starters train."))
            ),
        ]
    );
}

#[test]
fn a_risk_saved_from_its_form_records_the_mitigations_it_changed() {
    let workspace = demo();
    let today = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let risk = workspace
        .risks
        .iter()
        .find(|r| r.closed.is_none())
        .unwrap()
        .clone();
    let mut session = jo(workspace);
    let before = session.current().history.len();
    let form = RiskForm {
        mitigations: "Discharge to assess beds\n  Weekly system call  ".to_owned(),
        ..RiskForm::of(&risk)
    };
    session
        .edit_at(at(), |w| save_risk(w, Some(&risk.id), &form, today))
        .unwrap();
    let record = only_record(&session, before);
    assert_eq!(
        (record.list.as_str(), record.key.as_str()),
        ("risks", risk.id.as_str())
    );
    // The mitigations, a line each and trimmed, replace the old list (left out of the file when empty).
    let old = (!risk.mitigations.is_empty()).then(|| json!(risk.mitigations));
    assert_eq!(
        record.fields,
        vec![field(
            "mitigations",
            old,
            Some(json!(["Discharge to assess beds", "Weekly system call"]))
        )]
    );
}

#[test]
fn a_risk_review_records_the_review_by_its_date_and_the_residual_it_set() {
    let workspace = demo();
    let today = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let risk = workspace
        .risks
        .iter()
        .find(|r| r.closed.is_none() && r.reviews.iter().all(|v| v.date < today))
        .unwrap()
        .clone();
    let mut session = jo(workspace);
    let before = session.current().history.len();
    let draft = ReviewDraft {
        date: Some(today),
        by: "Jo Smith".to_owned(),
        note: "Fewer delays since the new rota.".to_owned(),
        likelihood: 2,
        impact: 3,
    };
    session
        .edit_at(at(), |w| record_review(w, &risk.id, &draft, today))
        .unwrap();
    let record = only_record(&session, before);
    assert_eq!(
        (record.list.as_str(), record.key.as_str()),
        ("risks", risk.id.as_str())
    );
    // The risk's residual score becomes the review's (each part recorded only if it moved), then the review
    // itself, known by its date.
    let mut expected = Vec::new();
    let (old_impact, old_likelihood) = (
        serde_json::to_value(risk.residual.impact).unwrap(),
        serde_json::to_value(risk.residual.likelihood).unwrap(),
    );
    if old_impact != json!(3) {
        expected.push(field("residual.impact", Some(old_impact), Some(json!(3))));
    }
    if old_likelihood != json!(2) {
        expected.push(field(
            "residual.likelihood",
            Some(old_likelihood),
            Some(json!(2)),
        ));
    }
    expected.extend([
        field("reviews[2026-10-15].by", None, Some(json!("Jo Smith"))),
        field("reviews[2026-10-15].date", None, Some(json!("2026-10-15"))),
        field(
            "reviews[2026-10-15].note",
            None,
            Some(json!("Fewer delays since the new rota.")),
        ),
        field("reviews[2026-10-15].residual.impact", None, Some(json!(3))),
        field(
            "reviews[2026-10-15].residual.likelihood",
            None,
            Some(json!(2)),
        ),
    ]);
    assert_eq!(record.fields, expected);
}

#[test]
fn an_action_updated_records_only_the_progress_that_changed() {
    let workspace = demo();
    let action = workspace.actions[0].clone();
    let mut session = jo(workspace);
    let before = session.current().history.len();
    let form = ActionForm {
        progress: "Half the homes visited.".to_owned(),
        ..ActionForm::of(&action)
    };
    session
        .edit_at(at(), |w| update_action(w, &action.id, &form))
        .unwrap();
    let record = only_record(&session, before);
    assert_eq!(
        (record.list.as_str(), record.key.as_str()),
        ("actions", action.id.as_str())
    );
    let old = (!action.progress.is_empty()).then(|| json!(action.progress));
    assert_eq!(
        record.fields,
        vec![field(
            "progress",
            old,
            Some(json!("Half the homes visited."))
        )]
    );
}

#[test]
fn a_lesson_added_records_each_of_its_fields_from_nothing() {
    let mut session = jo(demo());
    let before = session.current().history.len();
    let today = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let draft = LessonDraft {
        title: "Late returns".to_owned(),
        what_happened: "Two returns came in after the deadline.".to_owned(),
        learning: "Remind co-ordinators a week ahead.".to_owned(),
        raised_by: "Jo Smith".to_owned(),
        kpi: None,
        risk: None,
    };
    let id = session
        .edit_at(at(), |w| add_lesson(w, &draft, today))
        .unwrap();
    let record = only_record(&session, before);
    assert_eq!(
        (record.list.as_str(), record.key.as_str()),
        ("lessons", id.as_str())
    );
    // Every field it is written with, alphabetically; not yet shared with partners.
    assert_eq!(
        record.fields,
        vec![
            field("date", None, Some(json!("2026-10-15"))),
            field("id", None, Some(json!(id.as_str()))),
            field(
                "learning",
                None,
                Some(json!("Remind co-ordinators a week ahead."))
            ),
            field("raised_by", None, Some(json!("Jo Smith"))),
            field("shared_with_partners", None, Some(json!(false))),
            field("title", None, Some(json!("Late returns"))),
            field(
                "what_happened",
                None,
                Some(json!("Two returns came in after the deadline."))
            ),
        ]
    );
}

#[test]
fn an_audit_drawn_records_the_new_audit_with_who_drew_it() {
    let mut session = jo(demo());
    let before = session.current().history.len();
    let today = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let quarter = Period::parse("Q2 2026/27").unwrap();
    let draw = AuditDraw {
        quarter,
        seed: 12345,
        per_committee: 2,
        drawn_by: "Jo Smith".to_owned(),
    };
    let id = session
        .edit_at(at(), |w| draw_audit(w, &draw, today))
        .unwrap();
    let record = only_record(&session, before);
    assert_eq!(
        (record.list.as_str(), record.key.as_str()),
        ("audits", id.as_str())
    );
    let of = |name: &str| record.fields.iter().find(|f| f.field == name).cloned();
    assert_eq!(
        of("drawn_by"),
        Some(field("drawn_by", None, Some(json!("Jo Smith"))))
    );
    assert_eq!(of("seed"), Some(field("seed", None, Some(json!(12345)))));
    assert_eq!(
        of("quarter"),
        Some(field(
            "quarter",
            None,
            Some(serde_json::to_value(quarter).unwrap())
        ))
    );
    assert!(record.fields.iter().all(|f| f.before.is_none()));
}

#[test]
fn a_directorate_renamed_records_its_name_from_what_to_what() {
    let workspace = demo();
    let directorate = workspace.directorates[0].clone();
    let mut session = jo(workspace);
    let before = session.current().history.len();
    let rename = StructureEdit::Rename {
        node: ThreadNode::Directorate(directorate.id.clone()),
        name: "People and Communities".to_owned(),
    };
    session.edit_at(at(), |w| apply_edit(w, &rename)).unwrap();
    let record = only_record(&session, before);
    assert_eq!(
        (record.list.as_str(), record.key.as_str()),
        ("directorates", directorate.id.as_str())
    );
    assert_eq!(
        record.fields,
        vec![field(
            "name",
            Some(json!(directorate.name)),
            Some(json!("People and Communities"))
        )]
    );
}

#[test]
fn a_file_imported_records_each_change_as_imported_from_it() {
    let workspace = demo();
    let mut session = jo(workspace.clone());
    let before = session.current().history.len();
    let mut updated = workspace;
    let m = &mut updated.measurements[0];
    let (key, old) = (
        format!(
            "{} {}",
            m.kpi,
            serde_json::to_value(m.period).unwrap().as_str().unwrap()
        ),
        m.value,
    );
    m.value = Some(12.5);
    session.import(updated, "returns.csv", at());
    let records = added(&session, before);
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(
        (record.by.as_str(), record.how, record.key.as_str()),
        ("Jo Smith", ChangeWay::Imported, key.as_str())
    );
    assert_eq!(
        record.how_made(),
        "imported from \u{201c}returns.csv\u{201d}"
    );
    assert_eq!(
        record.fields[0],
        field("value", old.map(|v| json!(v)), Some(json!(12.5)))
    );
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
