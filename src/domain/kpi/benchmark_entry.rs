//! Recording a KPI's comparator values: one typed in, or many from a comparator file, each an authority's value
//! for a period in a named group ("CIPFA nearest neighbours"). A value for the same group, period and authority
//! replaces the one there; the council's own figure is never a comparator (it comes from its measurements).
//! Everything is checked before anything changes.

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::basics::typed_text::one_line;
use crate::domain::basics::unit::out_of_range;
use crate::domain::model::benchmark::BenchmarkValue;
use crate::domain::model::workspace::Workspace;

/// One authority's value for a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparator {
    /// The authority ("Suffolk").
    pub authority: String,
    /// The period.
    pub period: Period,
    /// Its value.
    pub value: f64,
}

/// What recording did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComparatorsRecorded {
    /// Values new to the group.
    pub added: usize,
    /// Values that replaced one for the same authority and period.
    pub replaced: usize,
}

/// Records `values` for KPI `kpi` in the group `group`. Nothing changes when there is a problem: every problem
/// is returned, in plain English.
pub fn record_comparators(
    workspace: &mut Workspace,
    kpi: &KpiId,
    group: &str,
    values: &[Comparator],
) -> Result<ComparatorsRecorded, Vec<String>> {
    let mut problems = Vec::new();
    let group = one_line(group);
    if group.is_empty() {
        problems.push("Name the comparator group (\u{201c}CIPFA nearest neighbours\u{201d}, \u{201c}Shire counties\u{201d}).".to_owned());
    }
    match workspace.kpi(kpi) {
        None => problems.push(format!(
            "There is no KPI with the id {kpi} in this workspace."
        )),
        Some(definition) => {
            for value in values {
                if value.period.frequency() != definition.frequency {
                    problems.push(format!(
                        "{} is not a period of this KPI, which is reported {}.",
                        value.period,
                        definition.frequency.label().to_lowercase()
                    ));
                }
            }
        }
    }
    for value in values {
        let authority = value.authority.trim();
        if authority.is_empty() {
            problems.push(format!(
                "Name the authority whose value for {} is {}.",
                value.period, value.value
            ));
        } else if authority.eq_ignore_ascii_case(workspace.framework.council_name.trim()) {
            problems.push(format!(
                "{authority} is this council: its own figure comes from its measurements, not from the comparators."
            ));
        }
        if let Some(problem) = out_of_range(value.value) {
            problems.push(format!(
                "{authority}'s value for {} {problem}.",
                value.period
            ));
        }
    }
    if values.is_empty() {
        problems.push("There are no values to record.".to_owned());
    }
    if !problems.is_empty() {
        problems.dedup();
        return Err(problems);
    }
    let mut recorded = ComparatorsRecorded {
        added: 0,
        replaced: 0,
    };
    for value in values {
        let authority = value.authority.trim().to_owned();
        let same = |b: &&mut BenchmarkValue| {
            &b.kpi == kpi
                && b.group == group
                && b.period == value.period
                && b.authority == authority
        };
        match workspace.benchmarks.iter_mut().find(same) {
            Some(existing) => {
                existing.value = value.value;
                recorded.replaced += 1;
            }
            None => {
                workspace.benchmarks.push(BenchmarkValue {
                    kpi: kpi.clone(),
                    period: value.period,
                    group: group.clone(),
                    authority,
                    value: value.value,
                });
                recorded.added += 1;
            }
        }
    }
    Ok(recorded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    fn value(authority: &str, period: &str, value: f64) -> Comparator {
        Comparator {
            authority: authority.to_owned(),
            period: Period::parse(period).unwrap(),
            value,
        }
    }

    #[test]
    fn values_are_added_and_a_second_file_for_the_same_period_replaces_them() {
        let mut workspace = hand_drawn();
        let k1 = KpiId::new("k1").unwrap();
        let first = [
            value("Suffolk", "Sep 2026", 81.5),
            value("Norfolk", "Sep 2026", 77.0),
        ];
        assert_eq!(
            record_comparators(&mut workspace, &k1, " Shire  counties ", &first),
            Ok(ComparatorsRecorded {
                added: 2,
                replaced: 0
            })
        );
        let again = [
            value("Suffolk", "Sep 2026", 82.0),
            value("Essex", "Sep 2026", 79.0),
        ];
        assert_eq!(
            record_comparators(&mut workspace, &k1, "Shire counties", &again),
            Ok(ComparatorsRecorded {
                added: 1,
                replaced: 1
            })
        );
        let suffolk: Vec<f64> = workspace
            .benchmarks
            .iter()
            .filter(|b| b.authority == "Suffolk")
            .map(|b| b.value)
            .collect();
        assert_eq!(suffolk, [82.0]);
        assert_eq!(workspace.benchmarks.len(), 3);
        assert!(
            workspace
                .benchmarks
                .iter()
                .all(|b| b.group == "Shire counties")
        );
    }

    #[test]
    fn every_problem_is_named_and_nothing_changes() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        let k1 = KpiId::new("k1").unwrap();
        let values = [
            value("Testshire", "Sep 2026", 80.0),
            value("Suffolk", "2026/27 Q2", 80.0),
            value(" ", "Sep 2026", 70.0),
        ];
        let problems = record_comparators(&mut workspace, &k1, "", &values).unwrap_err();
        assert_eq!(
            problems,
            [
                "Name the comparator group (\u{201c}CIPFA nearest neighbours\u{201d}, \u{201c}Shire counties\u{201d}).",
                "Q2 2026/27 is not a period of this KPI, which is reported monthly.",
                "Testshire is this council: its own figure comes from its measurements, not from the comparators.",
                "Name the authority whose value for Sep 2026 is 70.",
            ]
        );
        assert_eq!(workspace, before);
    }
}
