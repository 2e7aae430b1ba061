//! Part of a workspace as a file of its own — one directorate's or one committee's KPIs with everything they
//! need — that a colleague can work on and send back to be merged.
//!
//! The structure (ambitions, directorates, services, teams, people, roles, committees and plans) travels
//! whole: it is small, and it is what every reference points at. Of the performance content, the subset
//! holds the KPIs in scope with their measurements and benchmarks, the risks, actions, objectives and lessons
//! linked to them, the KPI audits whose whole sample is in scope, and — so that every reference still resolves — anything those link to in turn. Items are
//! copied unchanged, so merging the subset back into the workspace it came from changes nothing. The change
//! history keeps the records about what the part holds.

use std::collections::HashSet;

use crate::domain::basics::ids::{CommitteeId, DirectorateId, KpiId, RiskId};
use crate::domain::model::change_record::ChangeRecord;
use crate::domain::model::golden_thread::ThreadNode;
use crate::domain::model::workspace::Workspace;

/// Which part of the workspace to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A directorate's KPIs (its own and those of its services and teams) and its risks.
    Directorate(DirectorateId),
    /// The KPIs reported to a committee.
    Committee(CommitteeId),
}

/// The part of `workspace` in `scope`, as a workspace that validates on its own.
pub fn subset(workspace: &Workspace, scope: &Scope) -> Workspace {
    let mut kpis: HashSet<KpiId> = match scope {
        Scope::Directorate(id) => workspace.kpis_for(&ThreadNode::Directorate(id.clone())),
        Scope::Committee(id) => workspace.kpis_for_committee(id),
    }
    .into_iter()
    .map(|k| k.id.clone())
    .collect();
    let mut risks: HashSet<RiskId> = workspace
        .risks
        .iter()
        .filter(|r| matches!(scope, Scope::Directorate(id) if r.directorate.as_ref() == Some(id)))
        .map(|r| r.id.clone())
        .collect();
    loop {
        let before = (kpis.len(), risks.len());
        for risk in &workspace.risks {
            if risks.contains(&risk.id) || risk.kpis.iter().any(|k| kpis.contains(k)) {
                risks.insert(risk.id.clone());
                kpis.extend(risk.kpis.iter().cloned());
            }
        }
        for action in &workspace.actions {
            if action_in(action, &kpis, &risks) {
                kpis.extend(action.kpi.iter().cloned());
                risks.extend(action.risk.iter().cloned());
            }
        }
        for objective in &workspace.objectives {
            if objective.kpis.iter().any(|k| kpis.contains(k)) {
                kpis.extend(objective.kpis.iter().cloned());
            }
        }
        for lesson in &workspace.lessons {
            if lesson_in(lesson, &kpis, &risks) {
                kpis.extend(lesson.kpis.iter().cloned());
                risks.extend(lesson.risks.iter().cloned());
            }
        }
        if (kpis.len(), risks.len()) == before {
            break;
        }
    }
    let mut part = workspace.clone();
    part.kpis.retain(|k| kpis.contains(&k.id));
    part.measurements.retain(|m| kpis.contains(&m.kpi));
    part.benchmarks.retain(|b| kpis.contains(&b.kpi));
    part.risks.retain(|r| risks.contains(&r.id));
    part.actions.retain(|a| action_in(a, &kpis, &risks));
    part.objectives
        .retain(|o| o.kpis.iter().any(|k| kpis.contains(k)));
    part.lessons.retain(|l| lesson_in(l, &kpis, &risks));
    part.audits
        .retain(|a| a.sample.iter().all(|s| kpis.contains(&s.kpi)));
    let mut history = std::mem::take(&mut part.history);
    history.retain(|record| record_in(record, &part));
    part.history = history;
    part
}

/// Whether a change record is about something the part holds: the settings and the structure (kept whole),
/// or an item of the other lists still in the part (a KPI's records by its id, which its figures' and
/// comparator values' keys start with).
fn record_in(record: &ChangeRecord, part: &Workspace) -> bool {
    let id = record.key.split(' ').next().unwrap_or_default();
    let p = part;
    match record.list.as_str() {
        "kpis" | "measurements" | "benchmarks" => p.kpis.iter().any(|k| k.id.as_str() == id),
        "risks" => p.risks.iter().any(|r| r.id.as_str() == id),
        "actions" => p.actions.iter().any(|a| a.id.as_str() == id),
        "objectives" => p.objectives.iter().any(|o| o.id.as_str() == id),
        "lessons" => p.lessons.iter().any(|l| l.id.as_str() == id),
        "audits" => p.audits.iter().any(|a| a.id.as_str() == id),
        _ => true,
    }
}

fn action_in(
    action: &crate::domain::model::action::Action,
    kpis: &HashSet<KpiId>,
    risks: &HashSet<RiskId>,
) -> bool {
    action.kpi.as_ref().is_some_and(|k| kpis.contains(k))
        || action.risk.as_ref().is_some_and(|r| risks.contains(r))
}

fn lesson_in(
    lesson: &crate::domain::model::lesson::Lesson,
    kpis: &HashSet<KpiId>,
    risks: &HashSet<RiskId>,
) -> bool {
    lesson.kpis.iter().any(|k| kpis.contains(k)) || lesson.risks.iter().any(|r| risks.contains(r))
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::demo::demo_workspace;
    use crate::storage::envelope::to_file;
    use crate::storage::merge::{Side, merge};
    use crate::storage::restore::restore;

    fn demo() -> Workspace {
        demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap())
    }

    fn every_scope(workspace: &Workspace) -> Vec<Scope> {
        let directorates = workspace
            .directorates
            .iter()
            .map(|d| Scope::Directorate(d.id.clone()));
        let committees = workspace
            .committees
            .iter()
            .map(|c| Scope::Committee(c.id.clone()));
        directorates.chain(committees).collect()
    }

    #[test]
    fn a_part_keeps_the_change_records_of_what_it_holds() {
        let workspace = demo();
        let directorate = workspace.directorates[0].id.clone();
        let part = subset(&workspace, &Scope::Directorate(directorate));
        // Every record in the part is about one of its KPIs' figures (the demo records only figures entered).
        let kpi_of = |r: &ChangeRecord| r.key.split(' ').next().unwrap().to_owned();
        assert!(!part.history.is_empty());
        assert!(
            part.history
                .iter()
                .all(|r| part.kpis.iter().any(|k| k.id.as_str() == kpi_of(r)))
        );
        // And every record of the whole about one of its KPIs is kept.
        let expected = workspace
            .history
            .iter()
            .filter(|r| part.kpis.iter().any(|k| k.id.as_str() == kpi_of(r)))
            .count();
        assert_eq!(part.history.len(), expected);
        assert!(part.history.len() < workspace.history.len());
    }

    #[test]
    fn every_subset_is_a_file_that_imports_on_its_own() {
        let workspace = demo();
        let at = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        for scope in every_scope(&workspace) {
            let part = subset(&workspace, &scope);
            let restored = restore(to_file(&part, at, "test").as_bytes())
                .unwrap_or_else(|e| panic!("{scope:?}: {e}"));
            assert!(restored.workspace == part, "{scope:?} round-trips");
        }
    }

    #[test]
    fn merging_a_subset_back_changes_nothing() {
        let workspace = demo();
        for scope in every_scope(&workspace) {
            let part = subset(&workspace, &scope);
            let merged = merge(&workspace, &part, |_, _| Side::Theirs).unwrap();
            assert!(merged == workspace, "{scope:?}");
        }
    }

    #[test]
    fn a_directorate_subset_holds_its_kpis_and_risks_and_not_the_others() {
        let workspace = demo();
        let directorate = workspace.directorates[0].id.clone();
        let own: HashSet<&KpiId> = workspace
            .kpis_for(&ThreadNode::Directorate(directorate.clone()))
            .into_iter()
            .map(|k| &k.id)
            .collect();
        let part = subset(&workspace, &Scope::Directorate(directorate.clone()));
        let held: HashSet<&KpiId> = part.kpis.iter().map(|k| &k.id).collect();
        assert!(own.is_subset(&held));
        assert!(
            held.len() < workspace.kpis.len(),
            "other directorates' KPIs stay out"
        );
        assert!(
            part.measurements.iter().all(|m| held.contains(&m.kpi)),
            "only measurements of KPIs it holds"
        );
        assert!(
            workspace
                .risks
                .iter()
                .filter(|r| r.directorate.as_ref() == Some(&directorate))
                .all(|r| part.risks.iter().any(|p| p.id == r.id)),
            "the directorate's risks"
        );
        assert_eq!(
            part.directorates, workspace.directorates,
            "the structure travels whole"
        );
    }

    #[test]
    fn a_committee_subset_holds_the_kpis_reported_to_it() {
        let workspace = demo();
        let committee = workspace
            .committees
            .iter()
            .find(|c| !workspace.kpis_for_committee(&c.id).is_empty())
            .expect("a committee with KPIs")
            .id
            .clone();
        let part = subset(&workspace, &Scope::Committee(committee.clone()));
        assert!(
            workspace
                .kpis_for_committee(&committee)
                .iter()
                .all(|k| part.kpis.iter().any(|p| p.id == k.id))
        );
        assert!(part.kpis.len() < workspace.kpis.len());
    }
}
