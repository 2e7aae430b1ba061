//! Writes the demo council grown to N KPIs (M monthly values each, every value with commentary; 7 by default,
//! enough for the latest value, the previous one and a trend) to standard output in the packed form the app
//! keeps in local storage, for `benches/scorecards.mjs`.
//!
//! `cargo run --release --example bench_workspace -- 1000 7 > workspace.txt`; add `file` as a third argument
//! for the exported JSON file instead (for `benches/import.mjs`).

use chrono::Utc;
use pmf::demo::scaled_workspace;
use pmf::storage::envelope::{to_compact, to_file};
use pmf::storage::packed::pack;

fn main() {
    let kpis: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000);
    let months: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(7);
    let now = Utc::now();
    let workspace = scaled_workspace(kpis, months, now.date_naive());
    if std::env::args().nth(3).as_deref() == Some("file") {
        print!("{}", to_file(&workspace, now, "bench"));
    } else {
        print!("{}", pack(&to_compact(&workspace, now, "bench")));
    }
}
