//! The workspace-wide change log: every record, newest first, filtered by person, dates, how the change
//! came about, what kind of item it touched and directorate.

use chrono::NaiveDate;

use super::item_changes::{is_about_kpi, measurement_within, newest_first};
use crate::domain::basics::ids::{DirectorateId, KpiId};
use crate::domain::basics::period::Period;
use crate::domain::basics::shared_sort::SharedSort;
use crate::domain::model::change_record::{ChangeRecord, ChangeWay};
use crate::domain::model::workspace::Workspace;

/// What the log is narrowed to; every part left `None` lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogFilter {
    /// Changes by this person (by name, as recorded).
    pub person: Option<String>,
    /// Changes on or after this day.
    pub from: Option<NaiveDate>,
    /// Changes on or before this day.
    pub to: Option<NaiveDate>,
    /// Changes made this way.
    pub how: Option<ChangeWay>,
    /// Changes to items of this list ("kpis", "measurements", "framework", …).
    pub list: Option<String>,
    /// Changes to KPIs, figures, comparator values and risks of this directorate, and to the directorate.
    pub directorate: Option<DirectorateId>,
    /// Changes about this KPI: its definition and targets, its figures and their sign-off, its comparator
    /// values.
    pub kpi: Option<KpiId>,
    /// Changes to figures for periods within this one (a quarter being audited, say).
    pub figures_within: Option<Period>,
    /// Changes to the item with this key (with `list`, one item: a directorate, a team, …).
    pub item: Option<String>,
}

impl LogFilter {
    /// Whether `record` passes.
    fn passes(&self, record: &ChangeRecord, workspace: &Workspace) -> bool {
        let day = record.at.date_naive();
        self.person.as_ref().is_none_or(|p| &record.by == p)
            && self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
            && self.how.is_none_or(|how| record.how == how)
            && self.list.as_ref().is_none_or(|list| &record.list == list)
            && self
                .directorate
                .as_ref()
                .is_none_or(|d| directorate_of(record, workspace).as_ref() == Some(d))
            && self
                .kpi
                .as_ref()
                .is_none_or(|kpi| is_about_kpi(record, kpi))
            && self
                .figures_within
                .is_none_or(|span| measurement_within(record, span))
            && self.item.as_ref().is_none_or(|key| &record.key == key)
    }
}

/// The directorate a record's item belongs to: a KPI's (for the KPI, its figures and comparator values), a
/// risk's, a service's, or the directorate itself.
pub fn directorate_of(record: &ChangeRecord, workspace: &Workspace) -> Option<DirectorateId> {
    let id = record.key.split(' ').next().unwrap_or_default();
    match record.list.as_str() {
        "kpis" | "measurements" | "benchmarks" => workspace
            .kpi(&KpiId::new(id).ok()?)
            .and_then(|k| k.directorate.clone()),
        "risks" => workspace
            .risks
            .iter()
            .find(|r| r.id.as_str() == id)
            .and_then(|r| r.directorate.clone()),
        "services" => workspace
            .services
            .iter()
            .find(|s| s.id.as_str() == id)
            .map(|s| s.directorate.clone()),
        "directorates" => DirectorateId::new(id).ok(),
        _ => None,
    }
}

/// The records that pass `filter`, newest first.
pub fn change_log<'a>(workspace: &'a Workspace, filter: &LogFilter) -> Vec<&'a ChangeRecord> {
    let mut found: Vec<&ChangeRecord> = workspace
        .history
        .iter()
        .filter(|record| filter.passes(record, workspace))
        .collect();
    newest_first(&mut found);
    found
}

/// The people named in the history, in name order, each once (for the person filter).
pub fn people_in_history(workspace: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = workspace
        .history
        .iter()
        .map(|record| record.by.clone())
        .filter(|name| !name.is_empty())
        .collect();
    names.shared_sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::demo::demo_workspace;

    fn record(id: &str, day: u32, by: &str, how: ChangeWay, list: &str, key: &str) -> ChangeRecord {
        ChangeRecord {
            id: id.to_owned(),
            at: Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap(),
            by: by.to_owned(),
            how,
            source: None,
            list: list.to_owned(),
            key: key.to_owned(),
            label: key.to_owned(),
            fields: vec![],
        }
    }

    /// The demo council with four records of its own: a figure of an Adults KPI (2 Nov, Jo, edited), a
    /// risk of Place (5 Nov, Sam, imported), the settings (9 Nov, Jo, merged), the same KPI (9 Nov, Sam).
    fn council() -> Workspace {
        let mut workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let adults_kpi = workspace
            .kpis
            .iter()
            .find(|k| {
                k.directorate
                    .as_ref()
                    .is_some_and(|d| d.as_str() == "dir-ahc")
            })
            .unwrap()
            .id
            .to_string();
        let place_risk = workspace
            .risks
            .iter()
            .find(|r| {
                r.directorate
                    .as_ref()
                    .is_some_and(|d| d.as_str() != "dir-ahc")
            })
            .unwrap()
            .id
            .to_string();
        workspace.history = vec![
            record(
                "a",
                2,
                "Jo Smith",
                ChangeWay::Edited,
                "measurements",
                &format!("{adults_kpi} 2026-09"),
            ),
            record(
                "b",
                5,
                "Sam Patel",
                ChangeWay::Imported,
                "risks",
                &place_risk,
            ),
            record(
                "c",
                9,
                "Jo Smith",
                ChangeWay::Merged,
                "framework",
                "framework",
            ),
            record("d", 9, "Sam Patel", ChangeWay::Edited, "kpis", &adults_kpi),
        ];
        workspace
    }

    fn ids(found: &[&ChangeRecord]) -> Vec<String> {
        found.iter().map(|r| r.id.clone()).collect()
    }

    #[test]
    fn the_log_is_newest_first_and_each_filter_narrows_it() {
        let workspace = council();
        // 9 Nov twice (d added after c, so d first), then 5 Nov, then 2 Nov.
        assert_eq!(
            ids(&change_log(&workspace, &LogFilter::default())),
            ["d", "c", "b", "a"]
        );
        let jo = LogFilter {
            person: Some("Jo Smith".to_owned()),
            ..LogFilter::default()
        };
        assert_eq!(ids(&change_log(&workspace, &jo)), ["c", "a"]);
        let from_5th_to_8th = LogFilter {
            from: NaiveDate::from_ymd_opt(2026, 11, 5),
            to: NaiveDate::from_ymd_opt(2026, 11, 8),
            ..LogFilter::default()
        };
        assert_eq!(ids(&change_log(&workspace, &from_5th_to_8th)), ["b"]);
        let edited = LogFilter {
            how: Some(ChangeWay::Edited),
            ..LogFilter::default()
        };
        assert_eq!(ids(&change_log(&workspace, &edited)), ["d", "a"]);
        let settings = LogFilter {
            list: Some("framework".to_owned()),
            ..LogFilter::default()
        };
        assert_eq!(ids(&change_log(&workspace, &settings)), ["c"]);
        let that_risk = LogFilter {
            list: Some("risks".to_owned()),
            item: workspace.history.get(1).map(|r| r.key.clone()),
            ..LogFilter::default()
        };
        assert_eq!(ids(&change_log(&workspace, &that_risk)), ["b"]);
        // The Adults KPI and its figure are Adults and Health's; the risk is another directorate's, the
        // settings nobody's.
        let adults = LogFilter {
            directorate: DirectorateId::new("dir-ahc").ok(),
            ..LogFilter::default()
        };
        assert_eq!(ids(&change_log(&workspace, &adults)), ["d", "a"]);
        let jo_adults = LogFilter {
            person: Some("Jo Smith".to_owned()),
            ..adults
        };
        assert_eq!(ids(&change_log(&workspace, &jo_adults)), ["a"]);
        // The Adults KPI's own changes: its figure and its definition; its figures within 2026/27 Q2
        // (July to September), the September figure only.
        let adults_kpi = workspace.history[3].key.clone();
        let about = LogFilter {
            kpi: KpiId::new(adults_kpi).ok(),
            ..LogFilter::default()
        };
        assert_eq!(ids(&change_log(&workspace, &about)), ["d", "a"]);
        let quarter = LogFilter {
            figures_within: Period::parse("2026/27 Q2").ok(),
            ..about.clone()
        };
        assert_eq!(ids(&change_log(&workspace, &quarter)), ["a"]);
        let next_quarter = LogFilter {
            figures_within: Period::parse("2026/27 Q3").ok(),
            ..about
        };
        assert!(change_log(&workspace, &next_quarter).is_empty());
        assert_eq!(people_in_history(&workspace), ["Jo Smith", "Sam Patel"]);
    }
}
