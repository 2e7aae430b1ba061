//! The demo council must be a valid workspace that looks real: every RAG status and special status,
//! green-but-declining cases, overrides, action plans for reds, risks due and overdue, benchmarks.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use pmf::demo::{DEMO_COUNCIL_NAME, demo_workspace};
use pmf::domain::basics::period::reporting_period;
use pmf::domain::kpi::assessment::{KpiAssessment, assess};
use pmf::domain::kpi::rating::{NotRated, Rating};
use pmf::domain::maths::rag::RagStatus;
use pmf::domain::model::kpi::KpiStatus;
use pmf::domain::model::risk::ReviewStatus;
use pmf::domain::model::workspace::{PerformanceIndex, Workspace};
use pmf::storage::envelope::to_file;
use pmf::storage::restore::restore;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Each KPI at its latest reporting period as at `as_at`.
fn latest<'a>(
    workspace: &'a Workspace,
    index: &PerformanceIndex<'a>,
    as_at: NaiveDate,
) -> Vec<KpiAssessment<'a>> {
    workspace
        .kpis
        .iter()
        .filter_map(|kpi| {
            let period = reporting_period(kpi.frequency, as_at)?;
            Some(assess(
                kpi,
                &index.history(&kpi.id),
                period,
                &workspace.framework,
            ))
        })
        .collect()
}

fn status_of(rows: &[KpiAssessment], id: &str) -> Option<RagStatus> {
    rows.iter()
        .find(|r| r.kpi.id.as_str() == id)
        .and_then(|r| r.rating.status())
}

#[test]
fn the_demo_is_a_valid_workspace_file() {
    let workspace = demo_workspace(day("2026-11-22"));
    let file = to_file(&workspace, "2026-11-22T09:00:00Z".parse().unwrap(), "0.1.0");
    let restored = restore(file.as_bytes()).unwrap_or_else(|error| panic!("{error}"));
    assert!(
        restored.workspace == workspace,
        "the demo does not survive export and import"
    );
    assert_eq!(workspace.framework.council_name, DEMO_COUNCIL_NAME);
}

#[test]
fn the_demo_is_the_same_every_time() {
    assert_eq!(
        demo_workspace(day("2025-06-10")),
        demo_workspace(day("2025-06-10"))
    );
}

#[test]
fn the_demo_has_the_shape_of_a_county_council() {
    let workspace = demo_workspace(day("2026-11-22"));
    assert_eq!(workspace.ambitions.len(), 7);
    assert_eq!(workspace.directorates.len(), 5);
    assert_eq!(workspace.committees.len(), 8);
    let strategic = workspace
        .kpis
        .iter()
        .filter(|k| k.level == pmf::domain::model::kpi::KpiLevel::Strategic)
        .count();
    assert!(
        strategic >= 40,
        "about ten SKPIs per directorate, found {strategic}"
    );
    assert!(
        workspace.measurements.len() > 1500,
        "three years of values, found {}",
        workspace.measurements.len()
    );
    let first = workspace
        .measurements
        .iter()
        .map(|m| m.period.start_date())
        .min()
        .unwrap();
    assert_eq!(
        first,
        day("2023-04-01"),
        "history starts three financial years before the current one"
    );
    assert!(
        !workspace.benchmarks.is_empty()
            && !workspace.lessons.is_empty()
            && !workspace.objectives.is_empty()
    );
}

#[test]
fn every_status_appears_whatever_the_month() {
    for month in 1..=12 {
        let as_at = NaiveDate::from_ymd_opt(2025, month, 15).unwrap();
        let workspace = demo_workspace(as_at);
        let index = PerformanceIndex::new(&workspace.measurements);
        let rows = latest(&workspace, &index, as_at);
        for wanted in RagStatus::ALL {
            assert!(
                rows.iter().any(|r| r.rating.status() == Some(wanted)),
                "{as_at}: no {wanted}"
            );
        }
        for special in [
            KpiStatus::Baseline,
            KpiStatus::Contextual,
            KpiStatus::InDevelopment,
            KpiStatus::Retired,
        ] {
            assert!(
                rows.iter()
                    .any(|r| r.rating == Rating::NotRated(NotRated::Status(special))),
                "{as_at}: no {special:?}"
            );
        }
        assert!(
            rows.iter().any(|r| r.green_but_declining),
            "{as_at}: no green-but-declining KPI"
        );
        assert!(
            rows.iter()
                .any(|r| matches!(r.rating, Rating::Overridden { .. })),
            "{as_at}: no override"
        );
        assert!(
            rows.iter()
                .any(|r| r.rating == Rating::NotRated(NotRated::NoValue)),
            "{as_at}: no late return"
        );
        assert!(
            rows.iter().any(|r| r.forecast_rag().is_some()),
            "{as_at}: no forecast"
        );
        assert_eq!(
            status_of(&rows, "skpi-ahc-assess"),
            Some(RagStatus::Red),
            "{as_at}"
        );
        assert_eq!(
            status_of(&rows, "skpi-ps-potholes"),
            Some(RagStatus::Red),
            "{as_at}"
        );
        assert_eq!(
            status_of(&rows, "corp-fr-budget"),
            Some(RagStatus::Red),
            "{as_at}: zero-target tolerance"
        );
        assert_eq!(
            status_of(&rows, "skpi-ps-homes"),
            Some(RagStatus::Amber),
            "{as_at}: cumulative year to date"
        );
        assert_eq!(
            status_of(&rows, "skpi-ahc-reable"),
            Some(RagStatus::Green),
            "{as_at}"
        );
    }
}

#[test]
fn red_kpis_have_action_plans_but_one_so_the_gap_shows() {
    let as_at = day("2026-11-22");
    let workspace = demo_workspace(as_at);
    let index = PerformanceIndex::new(&workspace.measurements);
    let reds: Vec<&str> = latest(&workspace, &index, as_at)
        .iter()
        .filter(|r| {
            matches!(r.rating, Rating::Computed(_)) && r.rating.status() == Some(RagStatus::Red)
        })
        .map(|r| r.kpi.id.as_str())
        .collect();
    let without: Vec<&&str> = reds
        .iter()
        .filter(|id| {
            !workspace
                .actions
                .iter()
                .any(|a| a.kpi.as_ref().map(|k| k.as_str()) == Some(**id))
        })
        .collect();
    assert_eq!(without, vec![&"skpi-cef-swvacancy"]);
    assert!(workspace.actions.iter().any(|a| a.is_overdue(as_at)));
}

#[test]
fn risks_are_on_every_register_and_some_reviews_are_overdue() {
    let as_at = day("2026-11-22");
    let workspace = demo_workspace(as_at);
    for level in [
        pmf::domain::model::risk::RiskLevel::Strategic,
        pmf::domain::model::risk::RiskLevel::Directorate,
        pmf::domain::model::risk::RiskLevel::Operational,
    ] {
        assert!(
            workspace.risks.iter().any(|r| r.level == level),
            "{level:?}"
        );
    }
    let overdue = workspace
        .risks
        .iter()
        .filter(|r| {
            matches!(
                r.review_status(&workspace.framework, as_at),
                ReviewStatus::Overdue { .. }
            )
        })
        .count();
    assert!(
        (2..workspace.risks.len() / 2).contains(&overdue),
        "{overdue} overdue"
    );
}
