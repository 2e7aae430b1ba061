//! A RAG rule as a form holds it, for the council's rule (the framework settings) and a KPI's own (the KPI
//! editor): the basis and the year-on-year switch as chosen, the bands as typed, and the rule they make or every
//! problem with them.

use crate::domain::basics::unit::parse_number;
use crate::domain::maths::rag::{AbsoluteBands, GapBasis, RagRule};

/// A RAG rule as a form holds it: the basis and the switch as chosen, the bands as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleForm {
    /// Relative to the target, or in the KPI's units.
    pub basis: GapBasis,
    /// Off target by at most this is still green.
    pub green_within: String,
    /// Off target by at most this is amber; beyond it, red.
    pub amber_within: String,
    /// For a maintain KPI: within this either side of the target is green.
    pub maintain_green_within: String,
    /// A zero target: off by at most this many units is green.
    pub zero_green_within: String,
    /// A zero target: off by at most this many units is amber.
    pub zero_amber_within: String,
    /// Red only if not improved on the same period last year.
    pub year_on_year_test: bool,
}

impl RuleForm {
    /// The form showing `rule`.
    pub fn of(rule: &RagRule) -> Self {
        Self {
            basis: rule.basis,
            green_within: rule.green_within.to_string(),
            amber_within: rule.amber_within.to_string(),
            maintain_green_within: rule.maintain_green_within.to_string(),
            zero_green_within: rule.zero_target.green_within.to_string(),
            zero_amber_within: rule.zero_target.amber_within.to_string(),
            year_on_year_test: rule.year_on_year_test,
        }
    }

    /// The rule the form says, or every problem with it (each a sentence naming the band).
    pub fn rule(&self) -> Result<RagRule, Vec<String>> {
        let mut problems = Vec::new();
        let mut band = |typed: &str, what: &str| match parse_number(typed, false) {
            Ok(Some(value)) => value,
            Ok(None) => {
                problems.push(format!("Give the {what}."));
                0.0
            }
            Err(problem) => {
                problems.push(format!("The {what}: {problem}."));
                0.0
            }
        };
        let rule = RagRule {
            basis: self.basis,
            green_within: band(&self.green_within, "green tolerance"),
            amber_within: band(&self.amber_within, "amber band"),
            maintain_green_within: band(&self.maintain_green_within, "maintain band"),
            zero_target: AbsoluteBands {
                green_within: band(&self.zero_green_within, "green tolerance for a zero target"),
                amber_within: band(&self.zero_amber_within, "amber band for a zero target"),
            },
            year_on_year_test: self.year_on_year_test,
        };
        if problems.is_empty() {
            let sound = rule.problems();
            if sound.is_empty() {
                return Ok(rule);
            }
            problems.extend(sound.into_iter().map(|p| format!("The rule: {p}.")));
        }
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_whose_amber_band_is_inside_its_green_tolerance_is_refused() {
        let form = RuleForm {
            green_within: "12".to_owned(),
            amber_within: "10".to_owned(),
            ..RuleForm::of(&RagRule::default())
        };
        let problems = form.rule().unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("The rule: "), "{problems:?}");
    }

    #[test]
    fn every_band_that_is_not_a_number_is_named_and_a_sound_rule_is_made() {
        let form = RuleForm {
            green_within: "".to_owned(),
            amber_within: "ten".to_owned(),
            ..RuleForm::of(&RagRule::default())
        };
        assert_eq!(
            form.rule().unwrap_err(),
            [
                "Give the green tolerance.",
                "The amber band: \"ten\" is not a number."
            ]
        );
        let form = RuleForm {
            green_within: "2".to_owned(),
            amber_within: "15".to_owned(),
            ..RuleForm::of(&RagRule::default())
        };
        let rule = form.rule().unwrap();
        assert_eq!((rule.green_within, rule.amber_within), (2.0, 15.0));
        assert_eq!(RuleForm::of(&rule), form);
    }
}
