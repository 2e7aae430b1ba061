//! How often each risk register is reviewed, as the review cycles form holds it: a fixed number of weeks (the
//! strategic register's eight-week cycle) or by band (red, amber and green risks every so many months).
//! [`edit_review_cycles`] checks all three registers' cycles before the framework changes.

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::model::risk::{ReviewCycle, RiskLevel};
use crate::domain::model::workspace::Workspace;

/// One register's cycle as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CycleForm {
    /// By band (true) or every so many weeks (false).
    pub by_band: bool,
    /// Weeks between reviews, when not by band.
    pub weeks: String,
    /// Months between reviews of a red risk, by band.
    pub red_months: String,
    /// Months between reviews of an amber risk, by band.
    pub amber_months: String,
    /// Months between reviews of a green risk, by band.
    pub green_months: String,
}

/// The three registers' cycles, in [`RiskLevel`] order: strategic, directorate, operational.
pub type ReviewCyclesForm = [CycleForm; 3];

/// A problem with the form, against the register it is about.
pub type CycleProblem = FieldProblem<RiskLevel>;

/// The registers, in the form's order.
pub const REGISTERS: [RiskLevel; 3] = [
    RiskLevel::Strategic,
    RiskLevel::Directorate,
    RiskLevel::Operational,
];

impl CycleForm {
    /// The form showing `cycle`; the fields of the other kind hold its defaults.
    pub fn of(cycle: ReviewCycle) -> Self {
        let by_band = |red: u32, amber: u32, green: u32| {
            (red.to_string(), amber.to_string(), green.to_string())
        };
        let (red_months, amber_months, green_months) = match cycle {
            ReviewCycle::ByBand {
                red_months,
                amber_months,
                green_months,
            } => by_band(red_months, amber_months, green_months),
            ReviewCycle::EveryWeeks { .. } => by_band(3, 6, 12),
        };
        Self {
            by_band: matches!(cycle, ReviewCycle::ByBand { .. }),
            weeks: match cycle {
                ReviewCycle::EveryWeeks { weeks } => weeks.to_string(),
                ReviewCycle::ByBand { .. } => "8".to_owned(),
            },
            red_months,
            amber_months,
            green_months,
        }
    }

    /// The cycle typed, or what is wrong with it.
    fn cycle(&self) -> Result<ReviewCycle, String> {
        let number = |typed: &str, what: &str, most: u32| match typed.trim().parse::<u32>() {
            Ok(n) if (1..=most).contains(&n) => Ok(n),
            _ => Err(format!(
                "{what} is a whole number from 1 to {most}, not \u{201c}{}\u{201d}",
                typed.trim()
            )),
        };
        if !self.by_band {
            return number(&self.weeks, "the weeks between reviews", 52)
                .map(|weeks| ReviewCycle::EveryWeeks { weeks });
        }
        let red = number(&self.red_months, "a red risk's months between reviews", 24)?;
        let amber = number(
            &self.amber_months,
            "an amber risk's months between reviews",
            24,
        )?;
        let green = number(
            &self.green_months,
            "a green risk's months between reviews",
            24,
        )?;
        if red > amber || amber > green {
            return Err(format!(
                "a worse risk is reviewed at least as often: red every {red}, amber every {amber} and green every {green} months does not"
            ));
        }
        Ok(ReviewCycle::ByBand {
            red_months: red,
            amber_months: amber,
            green_months: green,
        })
    }
}

/// The form showing the framework's review cycles.
pub fn review_cycles_form(workspace: &Workspace) -> ReviewCyclesForm {
    REGISTERS.map(|level| CycleForm::of(workspace.framework.risk.cycle(level)))
}

/// Saves `form` as the framework's review cycles. Nothing changes when there is a problem: every problem is
/// returned, against its register.
pub fn edit_review_cycles(
    workspace: &mut Workspace,
    form: &ReviewCyclesForm,
) -> Result<(), Vec<CycleProblem>> {
    let mut cycles = Vec::new();
    let mut problems = Vec::new();
    for (level, typed) in REGISTERS.into_iter().zip(form) {
        match typed.cycle() {
            Ok(cycle) => cycles.push(cycle),
            Err(message) => problems.push(CycleProblem::new(
                level,
                format!(
                    "The {} register: {message}.",
                    level.label().to_ascii_lowercase()
                ),
            )),
        }
    }
    let [strategic, directorate, operational] = cycles[..] else {
        return Err(problems);
    };
    let risk = &mut workspace.framework.risk;
    risk.strategic_review = strategic;
    risk.directorate_review = directorate;
    risk.operational_review = operational;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    #[test]
    fn the_defaults_read_back_and_a_six_weekly_strategic_cycle_is_saved() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        let mut form = review_cycles_form(&workspace);
        // The defaults: strategic every 8 weeks, the others by band 3, 6 and 12 months.
        assert_eq!((form[0].by_band, form[0].weeks.as_str()), (false, "8"));
        assert_eq!(form[1].amber_months, "6");
        edit_review_cycles(&mut workspace, &form).unwrap();
        assert_eq!(workspace, before);
        form[0].weeks = "6".to_owned();
        edit_review_cycles(&mut workspace, &form).unwrap();
        assert_eq!(
            workspace.framework.risk.strategic_review,
            ReviewCycle::EveryWeeks { weeks: 6 }
        );
    }

    #[test]
    fn every_register_with_a_fault_is_named_and_nothing_changes() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        let mut form = review_cycles_form(&workspace);
        form[0].weeks = "0".to_owned();
        form[2].red_months = "12".to_owned();
        let problems = edit_review_cycles(&mut workspace, &form).unwrap_err();
        assert_eq!(
            problems,
            [
                CycleProblem::new(
                    RiskLevel::Strategic,
                    "The strategic register: the weeks between reviews is a whole number from 1 to 52, not \u{201c}0\u{201d}."
                ),
                CycleProblem::new(
                    RiskLevel::Operational,
                    "The operational register: a worse risk is reviewed at least as often: red every 12, amber every 6 and green every 12 months does not."
                ),
            ]
        );
        assert_eq!(workspace, before);
    }
}
