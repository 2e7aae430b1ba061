//! The council's published RAG beside the app's own rating, for every KPI and period where they differ: how a
//! council finds the tolerance it really uses, or a figure entered wrongly.

use super::plan::PublishedStatus;
use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::kpi::assessment::assess;
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::workspace::{PerformanceIndex, Workspace};

/// A KPI and period where the council's status and the app's rating differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The KPI's id.
    pub kpi: KpiId,
    /// The KPI's name.
    pub name: String,
    /// The period.
    pub period: Period,
    /// What the council published.
    pub council: RagStatus,
    /// The app's rating, in words ("Green", "No data").
    pub ours: String,
    /// The figure rated, as every view shows it.
    pub value: String,
    /// The target, formatted, or "no target".
    pub target: String,
    /// The row of the sheet the status came from.
    pub row: usize,
}

/// Every published status the app's own rating disagrees with, in the sheet's order.
pub fn differences(workspace: &Workspace, published: &[PublishedStatus]) -> Vec<Difference> {
    let index = PerformanceIndex::new(&workspace.measurements);
    published
        .iter()
        .filter_map(|p| {
            let kpi = workspace.kpi(&p.kpi)?;
            let assessment = assess(kpi, &index.history(&kpi.id), p.period, &workspace.framework);
            let ours = assessment.rating.status();
            (ours != Some(p.status)).then(|| Difference {
                kpi: kpi.id.clone(),
                name: kpi.name.clone(),
                period: p.period,
                council: p.status,
                ours: assessment.rating.label(),
                value: assessment.shown_value("no value"),
                target: assessment.target.map_or_else(
                    || "no target".to_owned(),
                    |t| kpi.unit.format(t.value, kpi.decimals),
                ),
                row: p.row,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::period::FinancialYear;
    use crate::domain::model::framework::Framework;
    use crate::storage::spreadsheet::headings::guess_roles;
    use crate::storage::spreadsheet::plan::{apply, plan};
    use crate::storage::spreadsheet::sheet::Sheet;

    #[test]
    fn only_the_kpis_rated_differently_from_the_council_are_listed_with_both_and_the_numbers() {
        let csv = "Indicator,Quarter,Target,Actual,Status\n\
            Homes delivered,Q3 2024/25,\"1,000\",\"1,050\",Green\n\
            Missed bin collections,Q3 2024/25,50,65,Red\n\
            Residents satisfied,Q3 2024/25,80%,76.0%,Amber\n";
        let mut workspace = Workspace::new(Framework::new(
            "Anyshire",
            FinancialYear::starting(2024).unwrap(),
        ));
        let sheet = Sheet::from_csv("q3.csv", csv.as_bytes()).unwrap();
        let import = plan(&sheet, &guess_roles(&sheet.headings), &workspace);
        apply(&mut workspace, &import);
        // Homes: 1,050 against 1,000 is green, as published. Satisfaction: 76.0% against 80.0% is 5% short,
        // amber, as published. Bins: 65 against 50 is green when higher is better (the sheet does not say which
        // way is better, so the default), where the council published red: the one difference.
        assert_eq!(
            differences(&workspace, &import.published),
            [Difference {
                kpi: KpiId::new("kpi-missed-bin-collections").unwrap(),
                name: "Missed bin collections".to_owned(),
                period: Period::parse("Q3 2024/25").unwrap(),
                council: RagStatus::Red,
                ours: "Green".to_owned(),
                value: "65".to_owned(),
                target: "50".to_owned(),
                row: 3,
            }]
        );
    }
}
