//! How large a workspace fits in the browser's local storage, and what saving and loading it costs.
//!
//! Run with `cargo bench --bench storage_size`. It builds the demo council grown to several sizes (up to
//! 2,000 KPIs with 60 monthly values each, every value with commentary), and prints for each the compact
//! JSON size, the packed size in UTF-16 code units (what browsers count against their quota of about five
//! million per site), the ratio between them, and the time to serialise, pack, unpack and restore.
//! A benchmark, not a test: it asserts nothing and prints numbers for the README and for comparison.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use pmf::demo::scaled_workspace;
use pmf::storage::envelope::to_compact;
use pmf::storage::packed::{pack, unpack};
use pmf::storage::restore::restore;

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
}
