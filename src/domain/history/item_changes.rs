//! The changes about one item: any item by its list and identity, and a KPI with its figures, sign-offs and
//! comparator values.

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::basics::shared_sort::SharedSort;
use crate::domain::model::change_record::ChangeRecord;

/// Whether `record` is about `kpi`: the KPI itself, or one of its measurements or comparator values (whose
/// keys start with the KPI's id).
pub fn is_about_kpi(record: &ChangeRecord, kpi: &KpiId) -> bool {
    match record.list.as_str() {
        "kpis" => record.key == kpi.as_str(),
        "measurements" | "benchmarks" => record
            .key
            .split_once(' ')
            .is_some_and(|(id, _)| id == kpi.as_str()),
        _ => false,
    }
}

/// The period a measurement record is about, if it is one.
pub fn measurement_period(record: &ChangeRecord) -> Option<Period> {
    if record.list != "measurements" {
        return None;
    }
    let (_, period) = record.key.split_once(' ')?;
    Period::parse(period).ok()
}

/// Every change about `kpi`, newest first.
pub fn changes_about_kpi<'a>(history: &'a [ChangeRecord], kpi: &KpiId) -> Vec<&'a ChangeRecord> {
    let mut found: Vec<&ChangeRecord> = history.iter().filter(|r| is_about_kpi(r, kpi)).collect();
    newest_first(&mut found);
    found
}

/// Every change to the item `key` of `list` ("framework" for the settings), newest first.
pub fn changes_of_item<'a>(
    history: &'a [ChangeRecord],
    list: &str,
    key: &str,
) -> Vec<&'a ChangeRecord> {
    let mut found: Vec<&ChangeRecord> = history
        .iter()
        .filter(|r| r.list == list && r.key == key)
        .collect();
    newest_first(&mut found);
    found
}

/// Whether a measurement record's period lies within `span` (a quarter, say).
pub fn measurement_within(record: &ChangeRecord, span: Period) -> bool {
    measurement_period(record)
        .is_some_and(|p| p.start_date() >= span.start_date() && p.end_date() <= span.end_date())
}

/// Orders records newest first; records of the same moment (one change's several items) in the reverse of
/// the order they were added, so the list reads back in time.
pub fn newest_first(records: &mut [&ChangeRecord]) {
    records.reverse();
    records.shared_sort_by(|a, b| b.at.cmp(&a.at));
}
