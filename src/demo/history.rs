//! The demo council's change history: each live KPI's latest figure as its data co-ordinator entered it,
//! recorded by the same comparison that records every edit in the app, so the KPI pages and the change log
//! have something true to show.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveTime};

use crate::domain::basics::period::Period;
use crate::domain::model::workspace::Workspace;
use crate::storage::change_recorder::{Attribution, record_changes};

/// Days after a period's end that its figure was entered.
const ENTERED_AFTER_DAYS: i64 = 6;

/// Records each KPI's latest figure as entered by its data co-ordinator, a week after its period ended.
pub fn add(workspace: &mut Workspace) {
    let mut latest: BTreeMap<_, Period> = BTreeMap::new();
    for measurement in &workspace.measurements {
        let period = latest
            .entry(measurement.kpi.clone())
            .or_insert(measurement.period);
        *period = (*period).max(measurement.period);
    }
    // One change per co-ordinator and period: what they entered together.
    let mut entries: BTreeMap<(String, Period), Vec<_>> = BTreeMap::new();
    for kpi in workspace.kpis.iter().filter(|k| k.status.is_live()) {
        let (Some(period), Some(person)) = (
            latest.get(&kpi.id),
            kpi.data_coordinator
                .as_ref()
                .and_then(|id| workspace.person(id)),
        ) else {
            continue;
        };
        entries
            .entry((person.name.clone(), *period))
            .or_default()
            .push(kpi.id.clone());
    }
    // Each entry is recorded against the workspace without the other figures, which it leaves as they were:
    // the same records, without turning every figure of five years into JSON for each entry (that was 40 of
    // the generator's 41 ms).
    let figures = std::mem::take(&mut workspace.measurements);
    for ((name, period), kpis) in entries {
        workspace.measurements.clear();
        let before = workspace.clone();
        workspace.measurements = figures
            .iter()
            .filter(|m| m.period == period && kpis.contains(&m.kpi))
            .cloned()
            .collect();
        let at = (period.end_date() + Duration::days(ENTERED_AFTER_DAYS))
            .and_time(NaiveTime::from_hms_opt(10, 0, 0).expect("10:00 is a time"))
            .and_utc();
        record_changes(&before, workspace, &Attribution::edited(&name, at));
    }
    workspace.measurements = figures;
}
