//! How large a workspace fits in the browser's local storage, and what saving and loading it costs.
//!
//! Run with `cargo bench --bench storage_size`. It builds the demo council grown to several sizes (up to
//! 2,000 KPIs with 60 monthly values each, every value with commentary), and prints for each the compact
//! JSON size, the packed size in UTF-16 code units (what browsers count against their quota of about five
//! million per site), the ratio between them, and the time to serialise, pack, unpack and restore.
//! Then the change history: a year of monthly entry and sign-off on 1,000 KPIs (each month a new figure for
//! every KPI entered with commentary, submitted by its co-ordinator and approved by its owner, recorded by
//! the same comparison every edit in the app goes through), and how much it adds to the stored size; and
//! what recording one edit costs on that workspace (copying it, comparing, writing the records).
//! A benchmark, not a test: it asserts nothing and prints numbers for the README and for comparison.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use pmf::demo::scaled_workspace;
use pmf::domain::basics::period::Period;
use pmf::domain::model::measurement::Measurement;
use pmf::domain::model::workspace::Workspace;
use pmf::storage::change_recorder::{Attribution, record_changes};
use pmf::storage::envelope::to_compact;
use pmf::storage::packed::{pack, unpack};
use pmf::storage::restore::restore;
use pmf::storage::session::Session;

/// Chromium's, Firefox's and Safari's local storage quota per site, in UTF-16 code units (5 MiB).
const QUOTA_UNITS: usize = 5 * 1024 * 1024;

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let result = black_box(work());
    (result, started.elapsed())
}

fn main() {
    let as_at = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    println!(
        "{:>6} {:>8} {:>12} {:>12} {:>7} {:>7} {:>9} {:>9} {:>9} {:>9}",
        "KPIs",
        "values",
        "JSON bytes",
        "packed units",
        "ratio",
        "quota",
        "serialise",
        "pack",
        "unpack",
        "restore"
    );
    for kpis in [70, 250, 500, 1_000, 2_000] {
        let workspace = scaled_workspace(kpis, 60, as_at);
        let (json, serialise) = timed(|| to_compact(&workspace, now, "bench"));
        let (packed, pack_time) = timed(|| pack(&json));
        let (unpacked, unpack_time) =
            timed(|| unpack(&packed, usize::MAX).expect("unpacks").into_owned());
        let (restored, restore_time) = timed(|| restore(&unpacked).expect("restores"));
        assert!(
            restored.workspace == workspace,
            "the round trip changed the workspace"
        );
        let units = packed.encode_utf16().count();
        println!(
            "{:>6} {:>8} {:>12} {:>12} {:>6.1}% {:>6.1}% {:>8.0}ms {:>7.0}ms {:>7.0}ms {:>7.0}ms",
            workspace.kpis.len(),
            workspace.measurements.len(),
            json.len(),
            units,
            100.0 * (units * 2) as f64 / json.len() as f64,
            100.0 * units as f64 / QUOTA_UNITS as f64,
            serialise.as_secs_f64() * 1e3,
            pack_time.as_secs_f64() * 1e3,
            unpack_time.as_secs_f64() * 1e3,
            restore_time.as_secs_f64() * 1e3,
        );
    }
    println!("ratio: packed bytes (2 per unit) / JSON bytes; quota: share of 5 Mi code units");
    history_growth(as_at, now);
}

/// The packed size of `workspace`, in UTF-16 code units.
fn packed_units(workspace: &Workspace, now: chrono::DateTime<Utc>) -> usize {
    pack(&to_compact(workspace, now, "bench"))
        .encode_utf16()
        .count()
}

/// A year of monthly entry and sign-off on 1,000 KPIs, recorded; its stored size; the cost of one edit.
fn history_growth(as_at: NaiveDate, now: chrono::DateTime<Utc>) {
    let mut workspace = scaled_workspace(1_000, 60, as_at);
    let without = packed_units(&workspace, now);
    let history_before = workspace.history.len();
    // The twelve months of the next financial year, April 2027 to March 2028: a figure for every KPI each
    // month, entered with its commentary, submitted and approved.
    let months: Vec<Period> = (4u32..=15)
        .filter_map(|m| Period::calendar_month(2027 + ((m - 1) / 12) as i32, (m - 1) % 12 + 1))
        .collect();
    assert_eq!(months.len(), 12);
    let kpis: Vec<_> = workspace
        .kpis
        .iter()
        .map(|k| (k.id.clone(), k.unit))
        .collect();
    let units: std::collections::HashMap<_, _> = kpis.iter().cloned().collect();
    let (_, year) = timed(|| {
        for (month, period) in months.iter().enumerate() {
            let at = now + chrono::Duration::days(30 * month as i64);
            let step = |workspace: &mut Workspace, by: &str, change: &dyn Fn(&mut Workspace)| {
                let before = workspace.clone();
                change(workspace);
                record_changes(&before, workspace, &Attribution::edited(by, at));
            };
            step(&mut workspace, "Data co-ordinator", &|w| {
                for (number, (kpi, _)) in kpis.iter().enumerate() {
                    let mut m = Measurement::new(kpi.clone(), *period, (number % 97) as f64 + 0.5);
                    m.commentary =
                        format!("Entered for month {month}: on track, two new starters.");
                    w.measurements.push(m);
                }
            });
            step(&mut workspace, "Data co-ordinator", &|w| {
                for m in w.measurements.iter_mut().filter(|m| m.period == *period) {
                    let _ = m.submit(units[&m.kpi], "Data co-ordinator", at);
                }
            });
            step(&mut workspace, "KPI owner", &|w| {
                for m in w.measurements.iter_mut().filter(|m| m.period == *period) {
                    let _ = m.approve("KPI owner", at);
                }
            });
        }
    });
    let records = workspace.history.len() - history_before;
    let fields: usize = workspace.history[history_before..]
        .iter()
        .map(|r| r.fields.len())
        .sum();
    let with = packed_units(&workspace, now);
    let figures_only = {
        let mut stripped = workspace.clone();
        stripped.history.truncate(history_before);
        packed_units(&stripped, now)
    };
    println!(
        "\nchange history: a year of monthly entry and sign-off on {} KPIs: {records} records, {fields} field changes",
        workspace.kpis.len()
    );
    println!(
        "  stored: {without} units before the year; {figures_only} with its figures; {with} with their history too \
         (the history +{:.1}%); {:.1}% of the quota",
        100.0 * (with - figures_only) as f64 / figures_only as f64,
        100.0 * with as f64 / QUOTA_UNITS as f64
    );
    println!(
        "  recording the year (36 changes of 1,000 figures each): {:.1}s",
        year.as_secs_f64()
    );
    let kpi = workspace.kpis[0].id.clone();
    let mut session = Session::new(workspace);
    session.set_author("Bench");
    let (_, one_edit) = timed(|| {
        session.edit_at(now, |w| {
            if let Some(m) = w.measurements.iter_mut().find(|m| m.kpi == kpi) {
                m.commentary.push_str(" One more word.");
            }
        })
    });
    println!(
        "  one edit on this workspace, recorded (copy, compare, record): {:.0}ms",
        one_edit.as_secs_f64() * 1e3
    );
}
