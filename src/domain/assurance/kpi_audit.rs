//! The quarterly KPI audit (the Cambridgeshire PMF): after each quarterly cycle the Governance and Performance Team choose
//! a random selection of KPIs from each policy and service committee and test five things about each one.
//! The selection is drawn from a seed that is shown and stored, so anyone can draw it again from the same
//! register and get the same KPIs — the sample cannot be quietly chosen.

use crate::domain::basics::shared_sort::SharedSort;
use std::collections::HashSet;

use crate::domain::basics::ids::{CommitteeId, KpiId};
use crate::domain::basics::period::Period;
use crate::domain::basics::seeded_random::SplitMix;
use crate::domain::model::audit::KpiAudit;
use crate::domain::model::golden_thread::CommitteeKind;
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::workspace::Workspace;

impl KpiAudit {
    /// Whether drawing again from the stored seed gives the same KPIs from the register as it is now (it
    /// differs only if KPIs or committees have changed since the draw).
    pub fn redraws_the_same(&self, workspace: &Workspace) -> bool {
        let stored: Vec<(&CommitteeId, &KpiId)> =
            self.sample.iter().map(|a| (&a.committee, &a.kpi)).collect();
        let again = draw_sample(workspace, self.quarter, self.seed, self.per_committee);
        stored.len() == again.len()
            && stored
                .iter()
                .zip(&again)
                .all(|((c, k), (c2, k2))| *c == c2 && *k == k2)
    }
}

/// The committees whose KPIs are sampled: every policy and service committee, in id order.
pub fn audited_committees(workspace: &Workspace) -> Vec<&CommitteeId> {
    let mut committees: Vec<&CommitteeId> = workspace
        .committees
        .iter()
        .filter(|c| c.kind == CommitteeKind::PolicyAndService)
        .map(|c| &c.id)
        .collect();
    committees.shared_sort();
    committees
}

/// The KPIs that can be drawn for `committee`: live, reported to the committee, and among `reported` (those
/// with a value in the quarter, see [`reported_in`]). In id order, so storage order never changes a draw.
pub fn eligible<'a>(
    workspace: &'a Workspace,
    committee: &CommitteeId,
    reported: &HashSet<&KpiId>,
) -> Vec<&'a KpiDefinition> {
    let mut kpis: Vec<&KpiDefinition> = workspace
        .kpis_for_committee(committee)
        .into_iter()
        .filter(|k| k.status.is_live() && reported.contains(&k.id))
        .collect();
    kpis.shared_sort_by(|a, b| a.id.cmp(&b.id));
    kpis
}

/// The KPIs with a value for a period ending within `quarter`.
pub fn reported_in(workspace: &Workspace, quarter: Period) -> HashSet<&KpiId> {
    let (start, end) = (quarter.start_date(), quarter.end_date());
    workspace
        .measurements
        .iter()
        .filter(|m| (start..=end).contains(&m.period.end_date()))
        .filter(|m| {
            workspace
                .kpi(&m.kpi)
                .is_some_and(|k| m.resolved_value(k.unit).is_some())
        })
        .map(|m| &m.kpi)
        .collect()
}

/// Draws up to `per_committee` KPIs from each audited committee with `seed`: the same register, quarter,
/// seed and size always give the same sample. A KPI reported to two committees is drawn at most once.
pub fn draw_sample(
    workspace: &Workspace,
    quarter: Period,
    seed: u32,
    per_committee: u8,
) -> Vec<(CommitteeId, KpiId)> {
    let reported = reported_in(workspace, quarter);
    let mut drawn: HashSet<KpiId> = HashSet::new();
    let mut sample = Vec::new();
    for committee in audited_committees(workspace) {
        let mut pool: Vec<&KpiId> = eligible(workspace, committee, &reported)
            .into_iter()
            .map(|k| &k.id)
            .filter(|id| !drawn.contains(*id))
            .collect();
        let mut random = SplitMix::new(u64::from(seed), committee.as_str());
        let take = usize::from(per_committee).min(pool.len());
        // A partial Fisher–Yates shuffle: the first `take` places end up a uniform random selection.
        for place in 0..take {
            let pick = place + random.below(pool.len() - place);
            pool.swap(place, pick);
        }
        for kpi in &pool[..take] {
            drawn.insert((*kpi).clone());
            sample.push((committee.clone(), (*kpi).clone()));
        }
    }
    sample
}

/// Every audit, newest quarter first.
pub fn newest_first(workspace: &Workspace) -> Vec<&KpiAudit> {
    let mut audits: Vec<&KpiAudit> = workspace.audits.iter().collect();
    audits.shared_sort_by(|a, b| b.quarter.cmp(&a.quarter).then(b.drawn_on.cmp(&a.drawn_on)));
    audits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::ids::AuditId;
    use crate::domain::basics::period::{FinancialYear, Frequency};
    use crate::domain::model::audit::{AuditCheck, AuditedKpi, CheckOutcome, FollowUp};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn q2() -> Period {
        Period::new(
            Frequency::Quarterly,
            FinancialYear::starting(2026).unwrap(),
            2,
        )
        .unwrap()
    }

    #[test]
    fn the_same_seed_draws_the_same_sample_and_another_seed_usually_does_not() {
        let workspace = demo_workspace(today());
        let first = draw_sample(&workspace, q2(), 20_261_130, 2);
        assert_eq!(first, draw_sample(&workspace, q2(), 20_261_130, 2));
        let differing = (1..=20)
            .filter(|s| draw_sample(&workspace, q2(), *s, 2) != first)
            .count();
        assert!(
            differing >= 18,
            "{differing} of 20 seeds drew another sample"
        );
    }

    #[test]
    fn storage_order_does_not_change_the_draw() {
        let workspace = demo_workspace(today());
        let mut shuffled = workspace.clone();
        shuffled.kpis.reverse();
        shuffled.committees.reverse();
        shuffled.measurements.reverse();
        assert_eq!(
            draw_sample(&workspace, q2(), 77, 3),
            draw_sample(&shuffled, q2(), 77, 3)
        );
    }

    #[test]
    fn each_committee_gives_its_share_of_reported_live_kpis_and_none_twice() {
        let workspace = demo_workspace(today());
        let reported = reported_in(&workspace, q2());
        let sample = draw_sample(&workspace, q2(), 5, 2);
        let committees = audited_committees(&workspace);
        assert!(committees.len() >= 5);
        let mut seen = HashSet::new();
        for (committee, kpi) in &sample {
            assert!(committees.contains(&committee));
            let definition = workspace.kpi(kpi).unwrap();
            assert!(definition.committees.contains(committee));
            assert!(definition.status.is_live());
            assert!(reported.contains(kpi), "{kpi} had no value in Q2");
            assert!(seen.insert(kpi.clone()), "{kpi} drawn twice");
        }
        for committee in committees {
            let available = eligible(&workspace, committee, &reported).len();
            let drawn = sample.iter().filter(|(c, _)| c == committee).count();
            assert!(drawn <= 2 && drawn <= available);
            if available >= 4 {
                assert_eq!(drawn, 2, "{committee}");
            }
        }
    }

    #[test]
    fn a_draw_can_be_checked_against_the_register_later() {
        let mut workspace = demo_workspace(today());
        let drawn = draw_sample(&workspace, q2(), 9, 2);
        let audit = KpiAudit {
            id: AuditId::new("audit-q2").unwrap(),
            quarter: q2(),
            seed: 9,
            per_committee: 2,
            drawn_on: today(),
            drawn_by: "Governance and Performance Team".into(),
            sample: drawn
                .iter()
                .map(|(c, k)| AuditedKpi::drawn(c.clone(), k.clone()))
                .collect(),
        };
        assert!(audit.redraws_the_same(&workspace));
        let (_, first) = &drawn[0];
        workspace
            .kpis
            .iter_mut()
            .find(|k| &k.id == first)
            .unwrap()
            .committees
            .clear();
        assert!(!audit.redraws_the_same(&workspace));
    }

    #[test]
    fn progress_counts_checks_concerns_and_follow_ups() {
        let workspace = demo_workspace(today());
        let drawn = draw_sample(&workspace, q2(), 1, 1);
        let mut sample: Vec<AuditedKpi> = drawn
            .into_iter()
            .map(|(c, k)| AuditedKpi::drawn(c, k))
            .collect();
        sample[0].checks = AuditCheck::ALL
            .into_iter()
            .map(|c| (c, CheckOutcome::Met))
            .collect();
        sample[0].checked_on = Some(today());
        sample[1].checks = AuditCheck::ALL
            .into_iter()
            .map(|c| (c, CheckOutcome::NotMet))
            .collect();
        sample[1].checked_on = Some(today());
        sample[1].follow_up = Some(FollowUp {
            action: "Recalculate".into(),
            owner: "Data co-ordinator".into(),
            due: today() - chrono::Days::new(1),
            done: None,
        });
        let audit = KpiAudit {
            id: AuditId::new("audit-q2").unwrap(),
            quarter: q2(),
            seed: 1,
            per_committee: 1,
            drawn_on: today(),
            drawn_by: "GPT".into(),
            sample,
        };
        let progress = audit.progress(today());
        assert_eq!(progress.checked, 2);
        assert_eq!(progress.with_concerns, 1);
        assert_eq!(progress.open_follow_ups, 1);
        assert_eq!(progress.overdue_follow_ups, 1);
        assert_eq!(audit.sample[1].concerns(), 5);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::domain::basics::period::{FinancialYear, Frequency};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn q2() -> Period {
        Period::new(
            Frequency::Quarterly,
            FinancialYear::starting(2026).unwrap(),
            2,
        )
        .unwrap()
    }

    static DEMO: std::sync::LazyLock<Workspace> =
        std::sync::LazyLock::new(|| demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()));

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_seed_and_size_draws_reproducibly_within_bounds(seed in any::<u32>(), size in 1u8..6) {
            let workspace = &*DEMO;
            let sample = draw_sample(workspace, q2(), seed, size);
            prop_assert_eq!(&sample, &draw_sample(workspace, q2(), seed, size));
            let unique: HashSet<&KpiId> = sample.iter().map(|(_, k)| k).collect();
            prop_assert_eq!(unique.len(), sample.len());
            for committee in audited_committees(workspace) {
                prop_assert!(sample.iter().filter(|(c, _)| c == committee).count() <= usize::from(size));
            }
        }
    }
}
