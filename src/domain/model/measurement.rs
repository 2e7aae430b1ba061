//! A KPI's value for one period, with its commentary, any manual RAG override and its validation
//! (the performance protocol's validation sheet: value, variance explanation, approval; the Cambridgeshire PMF's commentary box).

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::basics::unit::Unit;
use crate::domain::maths::rag::RagStatus;

/// A RAG status set by hand, with the reason and who set it. It wins over the computed status and is always
/// reported as an override (councils sometimes publish a judgement no rule produces).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RagOverride {
    /// The status to report.
    pub status: RagStatus,
    /// Why the computed status does not stand.
    pub reason: String,
    /// Who made the judgement.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// Where a measurement is in its sign-off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidationState {
    /// Being prepared by the responsible officer.
    #[default]
    Draft,
    /// Submitted for approval.
    Submitted,
    /// Approved by the head of service.
    Approved,
}

impl ValidationState {
    /// The state's name.
    pub const fn label(self) -> &'static str {
        match self {
            ValidationState::Draft => "Draft",
            ValidationState::Submitted => "Submitted",
            ValidationState::Approved => "Approved",
        }
    }
}

/// Who did something, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signoff {
    /// Who.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// A measurement's sign-off.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Validation {
    /// Draft, submitted or approved.
    #[serde(default)]
    pub state: ValidationState,
    /// Who submitted it, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Signoff>,
    /// Who approved it, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Signoff>,
}

/// Why a sign-off step was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkflowError {
    /// Only a draft can be submitted.
    NotADraft(ValidationState),
    /// Only a submitted measurement can be approved.
    NotSubmitted(ValidationState),
    /// A measurement without a value cannot be submitted.
    NoValue,
    /// The person who submitted a value cannot also approve it: a second person checks every figure.
    ApproverIsSubmitter,
}

impl fmt::Display for WorkflowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkflowError::NotADraft(state) => {
                write!(
                    f,
                    "only a draft can be submitted; this one is {}",
                    state.label().to_lowercase()
                )
            }
            WorkflowError::NotSubmitted(state) => {
                write!(
                    f,
                    "only a submitted value can be approved; this one is {}",
                    state.label().to_lowercase()
                )
            }
            WorkflowError::NoValue => write!(f, "enter a value before submitting"),
            WorkflowError::ApproverIsSubmitter => {
                write!(
                    f,
                    "you submitted this figure, so someone else must approve it: the performance protocol \
                     asks a second person to check every figure before it is reported"
                )
            }
        }
    }
}

impl std::error::Error for WorkflowError {}

/// A KPI's value for one period and everything said about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// The KPI.
    pub kpi: KpiId,
    /// The period.
    pub period: Period,
    /// The value, when entered directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The numerator, when the value is a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    /// The denominator, when the value is a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
    /// Commentary: updates, context and, for a red KPI, the action plan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub commentary: String,
    /// Why performance differs from target.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub variance_explanation: String,
    /// Caveats about the data (estimates, late returns, changes of definition).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data_quality_note: String,
    /// A RAG status set by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag_override: Option<RagOverride>,
    /// Sign-off.
    #[serde(default, skip_serializing_if = "is_draft_without_signoff")]
    pub validation: Validation,
}

impl Measurement {
    /// A draft measurement with a value and nothing else.
    pub fn new(kpi: KpiId, period: Period, value: f64) -> Self {
        Self {
            kpi,
            period,
            value: Some(value),
            numerator: None,
            denominator: None,
            commentary: String::new(),
            variance_explanation: String::new(),
            data_quality_note: String::new(),
            rag_override: None,
            validation: Validation::default(),
        }
    }

    /// The value: as entered, or computed from the numerator and denominator in the KPI's unit.
    pub fn resolved_value(&self, unit: Unit) -> Option<f64> {
        self.value
            .or_else(|| unit.from_fraction(self.numerator?, self.denominator?))
    }

    /// Submits a draft that has a value.
    pub fn submit(&mut self, unit: Unit, by: &str, at: DateTime<Utc>) -> Result<(), WorkflowError> {
        if self.validation.state != ValidationState::Draft {
            return Err(WorkflowError::NotADraft(self.validation.state));
        }
        if self.resolved_value(unit).is_none() {
            return Err(WorkflowError::NoValue);
        }
        self.validation.state = ValidationState::Submitted;
        self.validation.submitted = Some(Signoff {
            by: by.to_owned(),
            at,
        });
        Ok(())
    }

    /// Approves a submitted measurement; the approver must not be the submitter.
    pub fn approve(&mut self, by: &str, at: DateTime<Utc>) -> Result<(), WorkflowError> {
        if self.validation.state != ValidationState::Submitted {
            return Err(WorkflowError::NotSubmitted(self.validation.state));
        }
        if self
            .validation
            .submitted
            .as_ref()
            .is_some_and(|s| s.by.trim().eq_ignore_ascii_case(by.trim()))
        {
            return Err(WorkflowError::ApproverIsSubmitter);
        }
        self.validation.state = ValidationState::Approved;
        self.validation.approved = Some(Signoff {
            by: by.to_owned(),
            at,
        });
        Ok(())
    }

    /// Returns the measurement to draft (after an edit, or when the approver sends it back).
    pub fn reopen(&mut self) {
        self.validation = Validation::default();
    }
}

fn is_draft_without_signoff(validation: &Validation) -> bool {
    *validation == Validation::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Measurement {
        Measurement::new(
            KpiId::new("k1").unwrap(),
            Period::parse("Apr 2024").unwrap(),
            82.5,
        )
    }

    fn when() -> DateTime<Utc> {
        "2024-05-10T09:30:00Z".parse().unwrap()
    }

    #[test]
    fn a_value_can_come_from_a_numerator_and_denominator() {
        let mut measurement = sample();
        measurement.value = None;
        assert_eq!(measurement.resolved_value(Unit::Percent), None);
        measurement.numerator = Some(33.0);
        measurement.denominator = Some(40.0);
        assert_eq!(measurement.resolved_value(Unit::Percent), Some(82.5));
    }

    #[test]
    fn draft_then_submitted_then_approved_with_who_and_when() {
        let mut measurement = sample();
        measurement
            .submit(Unit::Percent, "Mel Johnson", when())
            .unwrap();
        assert_eq!(measurement.validation.state, ValidationState::Submitted);
        assert_eq!(
            measurement.approve("mel johnson ", when()),
            Err(WorkflowError::ApproverIsSubmitter)
        );
        measurement.approve("Keith Fletcher", when()).unwrap();
        assert_eq!(measurement.validation.state, ValidationState::Approved);
        assert_eq!(
            measurement.validation.approved.as_ref().unwrap().by,
            "Keith Fletcher"
        );
        assert_eq!(
            measurement.submit(Unit::Percent, "Mel Johnson", when()),
            Err(WorkflowError::NotADraft(ValidationState::Approved))
        );
        measurement.reopen();
        assert_eq!(measurement.validation, Validation::default());
    }

    #[test]
    fn steps_out_of_order_are_refused_with_a_reason() {
        let mut measurement = sample();
        let refused = measurement.approve("Keith Fletcher", when()).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "only a submitted value can be approved; this one is draft"
        );
        measurement.value = None;
        assert_eq!(
            measurement.submit(Unit::Percent, "Mel", when()),
            Err(WorkflowError::NoValue)
        );
    }

    #[test]
    fn a_plain_draft_is_stored_compactly() {
        let json = serde_json::to_string(&sample()).unwrap();
        assert_eq!(json, r#"{"kpi":"k1","period":"2024-04","value":82.5}"#);
        assert_eq!(
            serde_json::from_str::<Measurement>(&json).unwrap(),
            sample()
        );
    }
}
