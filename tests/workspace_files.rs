//! Workspace files end to end, natively: the documented example, every malformed fixture, replace and undo,
//! merge, and the export → import round trip.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use pmf::domain::model::workspace::Workspace;
use pmf::storage::diff::diff;
use pmf::storage::envelope::{MAX_FILE_BYTES, SCHEMA_VERSION, to_compact, to_file};
use pmf::storage::import_error::ImportError;
use pmf::storage::merge::{Side, conflicts};
use pmf::storage::restore::restore;
use pmf::storage::session::Session;

fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The complete example in docs/file-format.md, exactly as written there.
fn documented_example() -> String {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/file-format.md"))
        .unwrap();
    let after_marker = doc
        .split("<!-- example-workspace -->")
        .nth(1)
        .expect("the example marker");
    let block = after_marker
        .split("```json")
        .nth(1)
        .expect("a json block after the marker");
    block.split("```").next().unwrap().to_owned()
}

fn example_workspace() -> Workspace {
    restore(documented_example().as_bytes()).unwrap().workspace
}

fn exported_at() -> DateTime<Utc> {
    "2025-02-01T08:00:00Z".parse().unwrap()
}

#[test]
fn the_documented_example_loads() {
    let restored = restore(documented_example().as_bytes()).unwrap();
    assert_eq!(restored.schema_version, 1);
    assert_eq!(restored.app_version.as_deref(), Some("0.1.0"));
    let workspace = restored.workspace;
    assert_eq!(
        workspace.framework.council_name,
        "Wealdshire County Council"
    );
    assert_eq!(
        (
            workspace.kpis.len(),
            workspace.measurements.len(),
            workspace.risks.len()
        ),
        (2, 4, 1)
    );
    let november = &workspace.measurements[1];
    assert_eq!(
        november.resolved_value(workspace.kpis[0].unit),
        Some(151.0 / 198.0 * 100.0)
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let bytes = fs::read(fixture_dir("valid/with-byte-order-mark.json")).unwrap();
    assert_eq!(restore(&bytes).unwrap().workspace, example_workspace());
}

#[test]
fn an_exported_file_reads_back_as_the_same_workspace() {
    let workspace = example_workspace();
    for text in [
        to_file(&workspace, exported_at(), "0.1.0"),
        to_compact(&workspace, exported_at(), "0.1.0"),
    ] {
        let restored = restore(text.as_bytes()).unwrap();
        assert_eq!(restored.workspace, workspace);
        assert_eq!(restored.exported_at, Some(exported_at()));
    }
}

/// Every released schema version keeps a fixture file (`tests/fixtures/migrations/schema-N.json`) that must
/// load, through every migration step after it, for as long as the app exists.
#[test]
fn a_file_at_every_released_schema_version_still_loads() {
    for version in 1..=SCHEMA_VERSION {
        let path = format!("tests/fixtures/migrations/schema-{version}.json");
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{path} is missing: {e}"));
        let restored = restore(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            !restored.workspace.kpis.is_empty(),
            "{path} holds a framework"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let bytes = vec![b' '; MAX_FILE_BYTES + 1];
    assert_eq!(
        restore(&bytes),
        Err(ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES
        })
    );
    // 64 MiB is 67,108,864 bytes, one more is 67,108,865; at two decimals both are 64.00 MB, so the bytes
    // are what tell them apart.
    assert_eq!(
        restore(&bytes).unwrap_err().to_string(),
        "The file is 67,108,865 bytes (64.00 MB); the largest workspace file accepted is 67,108,864 bytes \
         (64.00 MB)."
    );
    // 64.01 MiB = 64.01 × 1,048,576 = 67,119,350 bytes (rounded down).
    let bytes = vec![b' '; 67_119_350];
    assert!(
        restore(&bytes)
            .unwrap_err()
            .to_string()
            .starts_with("The file is 67,119,350 bytes (64.01 MB);")
    );
}

/// Each malformed fixture and what its message must say. `restore` reads bytes and returns a new workspace,
/// so a refused file cannot touch the one in use; the browser tests check the stored copy too. Paths are listed for files whose contents break
/// the rules; every problem must be reported, not only the first.
const MALFORMED: &[(&str, &str, &[&str])] = &[
    ("01-empty.json", "The file is empty.", &[]),
    ("02-only-whitespace.json", "The file is empty.", &[]),
    (
        "03-not-utf8.json",
        "not UTF-8 text (byte 200 is not valid UTF-8)",
        &[],
    ),
    ("04-utf16.json", "saved as UTF-16 text", &[]),
    (
        "05-truncated.json",
        "the file ends too soon, as if it was cut off",
        &[],
    ),
    (
        "06-trailing-comma.json",
        "there is a comma before a closing bracket at line 1",
        &[],
    ),
    (
        "07-nan-value.json",
        "NaN and Infinity are not numbers JSON can hold",
        &[],
    ),
    (
        "08-infinity-value.json",
        "NaN and Infinity are not numbers JSON can hold",
        &[],
    ),
    ("09-deeply-nested.json", "more than 128 levels deep", &[]),
    (
        "10-array-at-top.json",
        "The file holds a list (a JSON array)",
        &[],
    ),
    ("11-number-at-top.json", "The file holds a number", &[]),
    ("12-text-at-top.json", "The file holds a piece of text", &[]),
    (
        "13-no-format.json",
        "it has no \"format\": \"council-pmf-workspace\" field",
        &[],
    ),
    (
        "14-another-format.json",
        "its \"format\" is \"excalidraw\"",
        &[],
    ),
    (
        "15-newer-schema.json",
        "newer version of the app (file format version 3); this version reads format versions up to 2",
        &[],
    ),
    (
        "16-schema-version-as-text.json",
        "\"schema_version\" is missing or not a whole number",
        &[],
    ),
    (
        "17-schema-version-zero.json",
        "\"schema_version\" starts at 1",
        &[],
    ),
    ("18-no-workspace.json", "it has no \"workspace\" field", &[]),
    (
        "19-workspace-is-a-list.json",
        "must be an object holding the framework and its lists, not a list",
        &["workspace"],
    ),
    (
        "20-no-framework.json",
        "is required but missing",
        &["workspace.framework"],
    ),
    (
        "21-measurement-for-unknown-kpi.json",
        "is a value for the KPI \"k-99\", which is not in the file",
        &["workspace.measurements[3].kpi"],
    ),
    (
        "22-duplicate-kpi-id.json",
        "the id \"kpi-asc-assess\" is already used by workspace.kpis[0]",
        &["workspace.kpis[1].id", "workspace.measurements[3].kpi"],
    ),
    (
        "23-period-of-wrong-frequency.json",
        "\"2024/25 Q3\" is a quarterly period, but the KPI \"kpi-asc-assess\" is reported monthly",
        &["workspace.measurements[0].period"],
    ),
    (
        "24-value-not-a-number.json",
        "must be a number, not the text \"86.2%\"",
        &["workspace.measurements[0].value"],
    ),
    (
        "25-impossible-period.json",
        "a year has 4 quarterly periods",
        &["workspace.measurements[3].period"],
    ),
    (
        "26-id-with-a-space.json",
        "character 4 is ' '",
        &[
            "workspace.ambitions[0].id",
            "workspace.plans[0].ambitions[0]",
            "workspace.kpis[0].ambitions[0]",
        ],
    ),
    (
        "27-likelihood-out-of-range.json",
        "must be a whole number from 1 to 5; found 6",
        &["workspace.risks[0].residual.likelihood"],
    ),
    (
        "28-unknown-polarity.json",
        "\"upwards\" is not one of higher_is_better, lower_is_better, maintain",
        &["workspace.kpis[0].polarity"],
    ),
    (
        "29-kpi-without-a-name.json",
        "is required but missing",
        &["workspace.kpis[1].name"],
    ),
    (
        "30-misspelt-field.json",
        "is not a field here (the fields are kpi, period, value",
        &["workspace.measurements[1].comentary"],
    ),
    (
        "31-two-values-for-one-month.json",
        "is a second value for \"kpi-asc-assess\" in Oct 2024 (the first is workspace.measurements[0])",
        &["workspace.measurements[4]"],
    ),
    (
        "32-unreadable-export-date.json",
        "must be a date and time",
        &["exported_at"],
    ),
    (
        "33-unknown-envelope-field.json",
        "is not part of a workspace file",
        &["password"],
    ),
    (
        "34-plan-ends-before-it-starts.json",
        "2023/24 is before the plan starts in 2024/25",
        &["workspace.plans[0].to"],
    ),
    (
        "35-inconsistent-rag-rule.json",
        "the green tolerance cannot be wider than the amber band",
        &["workspace.framework.rag_rule"],
    ),
    (
        "36-denominator-zero.json",
        "is zero, so the value cannot be worked out",
        &["workspace.measurements[1].denominator"],
    ),
    (
        "37-several-problems.json",
        "The file has 3 problems",
        &[
            "workspace.kpis[0].unit.kind",
            "workspace.actions[0].owner",
            "workspace.measurements[0].kpi",
        ],
    ),
    (
        "38-unknown-reference-to-a-person.json",
        "refers to the person \"p-ghost\"",
        &["workspace.directorates[0].director"],
    ),
    (
        "39-negative-target-period.json",
        "targets of a monthly KPI are for its own periods or a whole year",
        &["workspace.kpis[0].targets[1].period"],
    ),
    (
        "40-list-where-object-expected.json",
        "must be text or an object, not 0",
        &["workspace.framework.rag_rule[0]"],
    ),
    (
        "41-three-bad-scores-in-one-risk.json",
        "The file has 3 problems",
        &[
            "workspace.risks[0].inherent.likelihood",
            "workspace.risks[0].residual.impact",
            "workspace.risks[0].target.likelihood",
        ],
    ),
    (
        "42-audit-with-five-faults.json",
        "The file has 5 problems",
        &[
            "workspace.audits[0].drawn_on",
            "workspace.audits[0].quarter",
            "workspace.audits[0].seed",
            "workspace.audits[0].sample[0].kpi",
            "workspace.audits[0].sample[0].committee",
        ],
    ),
    (
        "43-likelihood-of-300.json",
        "must be a whole number from 1 to 5; found 300",
        &["workspace.risks[0].residual.likelihood"],
    ),
    (
        "44-figures-beyond-the-range.json",
        "is outside the range of figures the app holds: from -1,000,000,000,000,000 to 1,000,000,000,000,000; \
         found 1.7e308",
        &[
            "workspace.measurements[0].value",
            "workspace.kpis[0].targets[0].value",
        ],
    ),
    (
        "45-format-written-twice.json",
        "the field \"format\" is written twice in one object, so which value is meant is unclear at line 3",
        &[],
    ),
];

/// The messages of every fault in one item, each saying where, what was found and what is expected.
#[test]
fn several_faults_in_one_item_are_each_reported_with_what_was_found() {
    let messages = |file: &str| -> Vec<String> {
        let bytes = fs::read(fixture_dir("malformed").join(file)).unwrap();
        match restore(&bytes) {
            Err(ImportError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
            other => panic!("{file}: {other:?}"),
        }
    };
    assert_eq!(
        messages("41-three-bad-scores-in-one-risk.json"),
        [
            "workspace.risks[0].inherent.likelihood: must be a whole number from 1 to 5; found 6",
            "workspace.risks[0].residual.impact: must be a whole number from 1 to 5; found 0",
            "workspace.risks[0].target.likelihood: must be a whole number, not the text \"high\"",
        ]
    );
    assert_eq!(
        messages("42-audit-with-five-faults.json"),
        // An item's own fields are checked in the order of their names, then its links.
        [
            "workspace.audits[0].drawn_on: must be a date written as YYYY-MM-DD, such as \"2025-03-31\"; \
             found \"2025-02-30\"",
            "workspace.audits[0].quarter: \"2024/25 Q9\" is not a period: a year has 4 quarterly periods",
            "workspace.audits[0].seed: must be a whole number from 0 to 4,294,967,295, not 4294967296",
            "workspace.audits[0].sample[0].kpi: refers to the KPI \"kpi-ghost\", which is not in the file",
            "workspace.audits[0].sample[0].committee: refers to the committee \"com-ghost\", which is not in \
             the file",
        ]
    );
}

#[test]
fn every_malformed_file_gives_its_own_message() {
    let on_disk: usize = fs::read_dir(fixture_dir("malformed")).unwrap().count();
    assert_eq!(
        on_disk,
        MALFORMED.len(),
        "every fixture file has an expectation"
    );
    assert!(MALFORMED.len() >= 30);
    for (file, message, paths) in MALFORMED {
        let bytes = fs::read(fixture_dir("malformed").join(file)).unwrap();
        let error = match restore(&bytes) {
            Ok(_) => panic!("{file} was accepted"),
            Err(error) => error,
        };
        let text = error.to_string();
        assert!(
            text.contains(message),
            "{file}: {text:?} does not say {message:?}"
        );
        let found: Vec<&str> = match &error {
            ImportError::Invalid(problems) => problems.iter().map(|p| p.path.as_str()).collect(),
            _ => Vec::new(),
        };
        assert_eq!(found, *paths, "{file}: problem paths");
    }
}

#[test]
fn replace_then_undo_restores_the_workspace_exactly() {
    let original = example_workspace();
    let mut session = Session::new(original.clone());
    assert!(!session.undo_import(), "nothing to undo yet");
    let mut incoming = original.clone();
    incoming.framework.council_name = "Another Council".to_owned();
    incoming.kpis.truncate(1);
    incoming
        .measurements
        .retain(|m| m.kpi == incoming.kpis[0].id);
    incoming.actions.clear();
    session.replace(incoming.clone());
    assert_eq!(session.current(), &incoming);
    assert!(session.undo_import());
    assert_eq!(session.current(), &original);
}

#[test]
fn the_preview_lists_what_is_new_changed_and_removed() {
    let current = example_workspace();
    let mut incoming = current.clone();
    incoming.kpis[0].name = "Assessments in 28 days".to_owned();
    incoming.lessons.clear();
    incoming
        .measurements
        .push(pmf::domain::model::measurement::Measurement::new(
            incoming.kpis[0].id.clone(),
            pmf::domain::basics::period::Period::parse("Jan 2025").unwrap(),
            84.0,
        ));
    let found = diff(&current, &incoming);
    let list = |name: &str| &found.lists.iter().find(|(n, _)| *n == name).unwrap().1;
    assert_eq!(
        list("kpis").changed[0].label,
        "kpi-asc-assess — Assessments in 28 days"
    );
    assert_eq!(list("kpis").unchanged, 1);
    assert_eq!(list("measurements").added[0].key, "kpi-asc-assess 2025-01");
    assert_eq!(list("lessons").removed[0].key, "lesson-discharge");
    assert!(!found.settings_changed);
    assert!(diff(&current, &current).is_empty());
}

#[test]
fn a_conflict_shows_each_differing_field_side_by_side_in_words() {
    let current = example_workspace();
    let mut incoming = current.clone();
    incoming.measurements[0].commentary = "x".repeat(500);
    incoming.measurements[0].variance_explanation = "Theirs".to_owned();
    let found = conflicts(&current, &incoming);
    assert_eq!(found.len(), 1);
    let differences = found[0].differences();
    let fields: Vec<&str> = differences.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(fields, vec!["commentary", "variance explanation"]);
    assert_eq!(
        differences[0].theirs.chars().count(),
        161,
        "long values are cut with an ellipsis"
    );
    assert!(differences[0].theirs.ends_with('…'));
    assert_eq!(differences[1].theirs, "Theirs");
    assert_eq!(
        differences[1].mine,
        if current.measurements[0].variance_explanation.is_empty() {
            "(none)".to_owned()
        } else {
            current.measurements[0].variance_explanation.clone()
        },
        "a field one side leaves out reads (none)"
    );
}

#[test]
fn merging_keeps_both_sides_and_resolves_conflicts_per_item() {
    let current = example_workspace();
    let mut incoming = current.clone();
    incoming.kpis[0].name = "Theirs".to_owned();
    incoming.kpis[1].name = "Theirs too".to_owned();
    incoming
        .measurements
        .push(pmf::domain::model::measurement::Measurement::new(
            incoming.kpis[0].id.clone(),
            pmf::domain::basics::period::Period::parse("Jan 2025").unwrap(),
            84.0,
        ));
    let mut mine = current.clone();
    mine.lessons.clear();
    let found = conflicts(&mine, &incoming);
    assert_eq!(
        found.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(),
        vec!["kpi-asc-assess", "kpi-asc-reviews"]
    );
    let differences = found[0].differences();
    assert_eq!(differences.len(), 1, "only the name differs");
    assert_eq!(differences[0].field, "name");
    assert_eq!(differences[0].mine, current.kpis[0].name);
    assert_eq!(differences[0].theirs, "Theirs");

    let mut session = Session::new(mine.clone());
    session
        .merge(&incoming, "colleague.json", chrono::Utc::now(), |_, key| {
            if key == "kpi-asc-assess" {
                Side::Theirs
            } else {
                Side::Mine
            }
        })
        .unwrap();
    let merged = session.current();
    assert_eq!(merged.kpis[0].name, "Theirs");
    assert_eq!(merged.kpis[1].name, current.kpis[1].name);
    assert_eq!(merged.measurements.len(), current.measurements.len() + 1);
    assert_eq!(merged.lessons.len(), 1, "an item only they have is added");
    assert!(session.undo_import());
    assert_eq!(session.current(), &mine);
}

mod round_trip {
    use super::*;
    use pmf::domain::basics::ids::KpiId;
    use pmf::domain::basics::period::{FinancialYear, Frequency, Period};
    use pmf::domain::basics::unit::Unit;
    use pmf::domain::maths::aggregation::{MeasureType, SnapshotSummary};
    use pmf::domain::maths::rag::Polarity;
    use pmf::domain::model::framework::Framework;
    use pmf::domain::model::kpi::{
        IndicatorTiming, KpiDefinition, KpiLevel, KpiStatus, MetricCategory, Perspective, Target,
    };
    use pmf::domain::model::measurement::Measurement;
    use proptest::prelude::*;

    fn kpi(index: usize, frequency: Frequency, name: String, target: f64) -> KpiDefinition {
        KpiDefinition {
            id: KpiId::new(format!("k-{index}")).unwrap(),
            name,
            definition: String::new(),
            level: KpiLevel::Operational,
            perspective: Perspective::Residents,
            category: MetricCategory::LocalAuthority,
            source: String::new(),
            frequency,
            polarity: [
                Polarity::HigherIsBetter,
                Polarity::LowerIsBetter,
                Polarity::Maintain,
            ][index % 3],
            unit: [Unit::Percent, Unit::Count, Unit::RatePer { per: 1000 }][index % 3],
            decimals: (index % 3) as u8,
            measure: if index.is_multiple_of(2) {
                MeasureType::Snapshot
            } else {
                MeasureType::Cumulative
            },
            snapshot_summary: SnapshotSummary::Latest,
            status: KpiStatus::Active,
            timing: IndicatorTiming::Lagging,
            component: None,
            ambitions: vec![],
            directorate: None,
            service: None,
            team: None,
            owner: None,
            data_coordinator: None,
            committees: vec![],
            targets: vec![Target {
                period: Period::new(Frequency::Annual, FinancialYear::starting(2024).unwrap(), 1)
                    .unwrap(),
                value: target,
            }],
            rag_rule: None,
            plausible_range: None,
            status_changes: vec![],
            defaulted: vec![],
        }
    }

    fn workspace() -> impl Strategy<Value = Workspace> {
        let kpi_spec = (0..Frequency::ALL.len(), "\\PC{0,40}", -1e9..1e9f64);
        let values = prop::collection::vec(
            (
                // Any figure the app holds: up to ±10^15, with small ones as often as large.
                prop_oneof![-1e15..=1e15f64, -1000.0..1000.0f64],
                "\\PC{0,60}",
            ),
            0..15,
        );
        (".{1,40}", prop::collection::vec((kpi_spec, values), 0..6)).prop_map(|(council, specs)| {
            let mut workspace = Workspace::new(Framework::new(
                council,
                FinancialYear::starting(2024).unwrap(),
            ));
            for (index, ((frequency, name, target), values)) in specs.into_iter().enumerate() {
                let definition = kpi(index, Frequency::ALL[frequency], name, target);
                let mut period = Period::new(
                    definition.frequency,
                    FinancialYear::starting(2022).unwrap(),
                    1,
                )
                .unwrap();
                for (value, commentary) in values {
                    let mut measurement = Measurement::new(definition.id.clone(), period, value);
                    measurement.commentary = commentary;
                    workspace.measurements.push(measurement);
                    period = period.next().unwrap();
                }
                workspace.kpis.push(definition);
            }
            workspace
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn export_then_import_is_the_identity(workspace in workspace()) {
            let file = to_file(&workspace, exported_at(), "0.1.0");
            let restored = restore(file.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(restored.workspace, workspace);
        }
    }
}
