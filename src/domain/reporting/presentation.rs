//! A report as slides for presenting to councillors: a title, the summary, then ambition by ambition (each
//! with its roll-up and its KPIs' ratings) the exceptions under it, one KPI a slide with a large chart. KPIs
//! that serve no ambition come last, under "Other KPIs".

use crate::domain::basics::shared_sort::SharedSort;
use crate::domain::kpi::rollup::RagCounts;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::workspace::Workspace;
use crate::domain::reporting::performance_report::{PerformanceReport, ReportLine};

/// One slide.
#[derive(Clone, Debug, PartialEq)]
pub enum Slide {
    /// The report's title.
    Title {
        /// "Adults and Health Committee: performance report, Q2 2026/27".
        title: String,
        /// The council.
        council: String,
    },
    /// The summary sentences and counts.
    Summary {
        /// The sentences.
        sentences: Vec<String>,
        /// RAG counts.
        counts: RagCounts,
    },
    /// An ambition and its KPIs in the report.
    Ambition {
        /// "Ambition 2: Health care" or "Other KPIs".
        title: String,
        /// Its KPIs' RAG counts.
        counts: RagCounts,
        /// Its KPIs, worst first.
        kpis: Vec<ReportLine>,
    },
    /// One exception.
    Kpi(Box<ReportLine>),
}

fn group(title: String, mut kpis: Vec<ReportLine>, slides: &mut Vec<Slide>) {
    if kpis.is_empty() {
        return;
    }
    kpis.shared_sort_by_key(|l| RagStatus::concern_rank(l.rating.status()));
    let exceptions: Vec<ReportLine> = kpis.iter().filter(|l| l.is_exception()).cloned().collect();
    slides.push(Slide::Ambition {
        title,
        counts: RagCounts::from_ratings(kpis.iter().map(|l| &l.rating)),
        kpis,
    });
    slides.extend(exceptions.into_iter().map(|l| Slide::Kpi(Box::new(l))));
}

/// The slides for `report`. A KPI serving several ambitions appears under each.
pub fn slides(report: &PerformanceReport, workspace: &Workspace) -> Vec<Slide> {
    let mut slides = vec![
        Slide::Title {
            title: report.title(),
            council: report.council.clone(),
        },
        Slide::Summary {
            sentences: report.summary(),
            counts: report.counts,
        },
    ];
    let mut ambitions: Vec<_> = workspace.ambitions.iter().collect();
    ambitions.shared_sort_by_key(|a| a.number);
    for ambition in ambitions {
        let kpis: Vec<ReportLine> = report
            .lines
            .iter()
            .filter(|l| l.kpi.ambitions.contains(&ambition.id))
            .cloned()
            .collect();
        group(ambition.label(), kpis, &mut slides);
    }
    let others: Vec<ReportLine> = report
        .lines
        .iter()
        .filter(|l| {
            !l.kpi
                .ambitions
                .iter()
                .any(|a| workspace.ambitions.iter().any(|x| &x.id == a))
        })
        .cloned()
        .collect();
    group("Other KPIs".to_owned(), others, &mut slides);
    slides
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::basics::ids::CommitteeId;
    use crate::domain::reporting::performance_report::demo_q2_report;
    use crate::domain::scorecard::engine::ScorecardScope;

    #[test]
    fn every_kpi_appears_under_its_ambitions_and_every_exception_has_a_slide() {
        let scope = ScorecardScope::Committee(CommitteeId::new("com-ah").unwrap());
        let (workspace, report) =
            demo_q2_report(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), &scope);
        let deck = slides(&report, &workspace);
        assert!(matches!(deck[0], Slide::Title { .. }));
        assert!(matches!(deck[1], Slide::Summary { .. }));
        for line in &report.lines {
            let groups = deck
                .iter()
                .filter(|s| matches!(s, Slide::Ambition { kpis, .. } if kpis.iter().any(|k| k.kpi.id == line.kpi.id)))
                .count();
            assert_eq!(groups, line.kpi.ambitions.len().max(1), "{}", line.kpi.id);
        }
        for exception in report.exceptions() {
            assert!(
                deck.iter()
                    .any(|s| matches!(s, Slide::Kpi(l) if l.kpi.id == exception.kpi.id))
            );
        }
        for slide in &deck {
            if let Slide::Ambition { kpis, counts, .. } = slide {
                assert_eq!(counts.total(), kpis.len());
                let order: Vec<Option<RagStatus>> =
                    kpis.iter().map(|l| l.rating.status()).collect();
                let expected = [
                    Some(RagStatus::Red),
                    Some(RagStatus::Amber),
                    Some(RagStatus::Green),
                    None,
                ];
                let positions: Vec<usize> = order
                    .iter()
                    .map(|s| expected.iter().position(|e| e == s).unwrap())
                    .collect();
                assert!(
                    positions.windows(2).all(|w| w[0] <= w[1]),
                    "worst first: {order:?}"
                );
            }
        }
    }
}
