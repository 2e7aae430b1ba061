//! The short text a value is written as in an address or a form control: its serde name (`"red"`,
//! `"in_development"`, an id, a period code), and back. Plain Rust, no browser.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The code a value is written with: its serde name, if it serialises as a string.
pub fn code<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value).ok()? {
        serde_json::Value::String(text) => Some(text),
        _ => None,
    }
}

/// The value a code stands for, if it is one.
pub fn decode<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::period::Period;
    use crate::domain::model::action::ActionStatus;

    #[test]
    fn a_value_and_its_code_go_both_ways() {
        assert_eq!(
            code(&ActionStatus::InProgress).as_deref(),
            Some("in_progress")
        );
        assert_eq!(
            decode::<ActionStatus>("in_progress"),
            Some(ActionStatus::InProgress)
        );
        let period = Period::parse("Q2 2026/27").unwrap();
        assert_eq!(decode::<Period>(&code(&period).unwrap()), Some(period));
        assert_eq!(decode::<ActionStatus>("nonsense"), None);
    }
}
