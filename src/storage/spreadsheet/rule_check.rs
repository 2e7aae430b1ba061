//! "Check our rule", for a KPI whose published status differs from the app's rating: the RAG rule the app
//! applied, in words; how far the figure is off target on that rule's basis; and what would have to be true for
//! the app to agree with the council: a tolerance that ends elsewhere, or the other direction of "better".
//! This is how a council finds the tolerance it really uses.

use super::reconcile::Difference;
use crate::domain::kpi::assessment::assess;
use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::{GapBasis, Polarity, RagRule, RagStatus};
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::workspace::{PerformanceIndex, Workspace};

/// The sentences that explain the app's rating of `difference` beside the council's, in plain English.
pub fn check_rule(workspace: &Workspace, difference: &Difference) -> Vec<String> {
    let Some(kpi) = workspace.kpi(&difference.kpi) else {
        return vec!["This KPI is no longer in the workspace.".to_owned()];
    };
    let index = PerformanceIndex::new(&workspace.measurements);
    let assessment = assess(
        kpi,
        &index.history(&kpi.id),
        difference.period,
        &workspace.framework,
    );
    let rule = kpi.effective_rule(&workspace.framework.rag_rule);
    let whose = if kpi.rag_rule.is_some() {
        "This KPI's own rule"
    } else {
        "The council's rule in this app"
    };
    let mut said = vec![format!("{whose}: {}.", rule_in_words(rule, kpi.polarity))];
    let (gap, value, target) = match (&assessment.rating, assessment.value, assessment.target) {
        (Rating::Computed(rated), Some(value), Some(target)) => (rated, value, target.value),
        (Rating::Overridden { status, reason, .. }, _, _) => {
            said.push(format!(
                "An override already reports {}: {reason}",
                status.label()
            ));
            return said;
        }
        (rating, _, _) => {
            said.push(format!(
                "The app does not rate this figure: {}.",
                rating.label()
            ));
            return said;
        }
    };
    let shown = |number: f64| kpi.unit.format(number, kpi.decimals);
    let off = gap_words(rule, kpi, gap.off_target_by);
    said.push(format!(
        "{} against a target of {} is {off}: {}{}.",
        shown(value),
        shown(target),
        gap.status.label(),
        if gap.softened_by_year_on_year {
            " (red made amber because it improved on the same period last year)"
        } else {
            ""
        }
    ));
    if let Some(needed) = tolerance_needed(difference.council, gap.status, &off) {
        said.push(needed);
    }
    let other_way = match kpi.polarity {
        Polarity::HigherIsBetter => Some((Polarity::LowerIsBetter, "lower")),
        Polarity::LowerIsBetter => Some((Polarity::HigherIsBetter, "higher")),
        Polarity::Maintain => None,
    };
    if let Some((flipped, words)) = other_way
        && rule
            .assess(value, target, flipped, assessment.rated_last_year)
            .is_some_and(|other| other.status == difference.council)
    {
        said.push(format!(
            "If {words} were better for this KPI, the app would rate it {}, as the council did: check which way \
             is better (the sheet's \"Good is\" column, or the KPI's definition).",
            difference.council.label()
        ));
    }
    said
}

/// The rule for a KPI of `polarity`, in words.
fn rule_in_words(rule: &RagRule, polarity: Polarity) -> String {
    let band = |within: f64| match rule.basis {
        GapBasis::RelativeToTarget => format!("{}%", trimmed(within)),
        GapBasis::Absolute => format!("{} units", trimmed(within)),
    };
    if polarity == Polarity::Maintain {
        return format!(
            "green within {} either side of the target, amber within {}, red further off",
            band(rule.maintain_green_within),
            band(rule.amber_within)
        );
    }
    let green = if rule.green_within > 0.0 {
        format!(
            "green on target or up to {} short of it",
            band(rule.green_within)
        )
    } else {
        "green on target or better".to_owned()
    };
    format!(
        "{green}, amber up to {} short of the target, red further off",
        band(rule.amber_within)
    )
}

/// How far off target, in the rule's terms: "5.0% short of target", "on target or better".
fn gap_words(rule: &RagRule, kpi: &KpiDefinition, off_target_by: f64) -> String {
    if off_target_by <= 0.0 {
        return "on target or better".to_owned();
    }
    let direction = if kpi.polarity == Polarity::Maintain {
        "away from"
    } else {
        "short of"
    };
    match rule.basis {
        GapBasis::RelativeToTarget => format!("{off_target_by:.1}% {direction} target"),
        GapBasis::Absolute => format!(
            "{} {direction} target",
            kpi.unit.format(off_target_by, kpi.decimals)
        ),
    }
}

/// What the rule's bands would have to be for the app to give the council's status, when a tolerance could.
fn tolerance_needed(council: RagStatus, ours: RagStatus, off: &str) -> Option<String> {
    let sentence = match (council, ours) {
        (RagStatus::Green, RagStatus::Amber | RagStatus::Red) => {
            format!("For Green, the council's green band would have to reach {off}.")
        }
        (RagStatus::Amber, RagStatus::Red) => {
            format!("For Amber, the council's amber band would have to reach {off}.")
        }
        (RagStatus::Red, RagStatus::Amber) => {
            format!("For Red, the council's amber band would have to end before {off}.")
        }
        (RagStatus::Amber, RagStatus::Green) if off != "on target or better" => {
            format!("For Amber, the council's green band would have to end before {off}.")
        }
        _ => return None,
    };
    Some(sentence)
}

/// A tolerance as people write it: 10, 2.5.
fn trimmed(number: f64) -> String {
    let text = format!("{number:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::period::FinancialYear;
    use crate::domain::model::framework::Framework;
    use crate::storage::spreadsheet::headings::guess_roles;
    use crate::storage::spreadsheet::plan::{apply, plan};
    use crate::storage::spreadsheet::reconcile::differences;
    use crate::storage::spreadsheet::sheet::Sheet;

    /// A council's quarter imported into an empty workspace with the default rule (green on target or better,
    /// amber up to 10% short), and the differences with what it published.
    fn checked(csv: &str) -> Vec<Vec<String>> {
        let mut workspace = Workspace::new(Framework::new(
            "Anyshire",
            FinancialYear::starting(2024).unwrap(),
        ));
        let sheet = Sheet::from_csv("q3.csv", csv.as_bytes()).unwrap();
        let import = plan(&sheet, &guess_roles(&sheet.headings), &workspace);
        apply(&mut workspace, &import);
        differences(&workspace, &import.published)
            .iter()
            .map(|difference| check_rule(&workspace, difference))
            .collect()
    }

    #[test]
    fn a_tighter_council_tolerance_is_found_from_the_gap() {
        // 76.0 against 80: (80 - 76) / 80 = 5.0% short, amber on the default rule; the council said red.
        let checks = checked(
            "Indicator,Quarter,Good is,Target,Actual,Status\n\
             Residents satisfied,Q3 2024/25,High,80%,76.0%,Red\n",
        );
        assert_eq!(
            checks,
            [[
                "The council's rule in this app: green on target or better, amber up to 10% short of the target, \
                 red further off."
                    .to_owned(),
                "76.0% against a target of 80.0% is 5.0% short of target: Amber.".to_owned(),
                "For Red, the council's amber band would have to end before 5.0% short of target.".to_owned(),
            ]]
        );
    }

    #[test]
    fn a_kpi_rated_the_wrong_way_round_is_pointed_out() {
        // No "Good is" column, so higher is better by default: 65 against 50 is green. Lower is better for
        // missed collections: 30% over, red, as the council published.
        let checks = checked(
            "Indicator,Quarter,Target,Actual,Status\n\
             Missed bin collections,Q3 2024/25,50,65,Red\n",
        );
        assert_eq!(checks.len(), 1);
        assert_eq!(
            checks[0][1],
            "65 against a target of 50 is on target or better: Green."
        );
        assert_eq!(
            checks[0][2],
            "If lower were better for this KPI, the app would rate it Red, as the council did: check which way is \
             better (the sheet's \"Good is\" column, or the KPI's definition)."
        );
        assert_eq!(
            checks[0].len(),
            3,
            "no tolerance makes a figure on target red"
        );
    }

    #[test]
    fn a_looser_council_tolerance_is_found_too() {
        // 17 against 20: 15.0% short, red on the default rule; the council said amber.
        let checks = checked(
            "Indicator,Quarter,Good is,Target,Actual,Status\n\
             Volunteers recruited,Q3 2024/25,High,20,17,Amber\n",
        );
        assert_eq!(
            checks[0][2],
            "For Amber, the council's amber band would have to reach 15.0% short of target."
        );
    }
}
