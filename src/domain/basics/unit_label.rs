//! A unit's own label ("kg per household", "visits per 1,000 population"): short text kept inline, so a
//! [`Unit`](super::unit::Unit) stays a plain value that is copied, not shared.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Most bytes a label holds (40 plain letters; fewer accented letters or symbols, which take more).
const CAPACITY: usize = 64;

/// Most characters a label may have.
pub const MOST_CHARACTERS: usize = 40;

/// The label of a unit of the council's own: trimmed, with a letter in it (any character beyond ASCII counts
/// as one: "m²", "°C"), on one line, at most [`MOST_CHARACTERS`] characters.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnitLabel {
    length: u8,
    bytes: [u8; CAPACITY],
}

impl UnitLabel {
    /// No label yet: a form's choice of "a unit of the council's own" before the label is typed. Never
    /// saved: [`UnitLabel::new`] refuses an empty label, and so does reading one from a file.
    pub const UNSET: UnitLabel = UnitLabel {
        length: 0,
        bytes: [0; CAPACITY],
    };

    /// The label `text` names, trimmed; or why it cannot be one, in words.
    pub fn new(text: &str) -> Result<UnitLabel, String> {
        let text = text.trim();
        // Unicode's letter tables would cost every first visit a few KB for labels that are nearly always
        // plain English, so any character beyond ASCII counts as a letter.
        if !text
            .chars()
            .any(|c| c.is_ascii_alphabetic() || !c.is_ascii())
        {
            return Err(if text.is_empty() {
                "A unit of the council's own needs a label, such as \"kg per household\"".to_owned()
            } else {
                format!(
                    "\"{text}\" cannot label a unit: it needs a word, such as \"kg per household\""
                )
            });
        }
        if text.chars().any(char::is_control) {
            return Err(
                "A unit's label is one line of text, with no line break or tab in it".to_owned(),
            );
        }
        if text.chars().count() > MOST_CHARACTERS || text.len() > CAPACITY {
            return Err(format!(
                "\"{text}\" is too long for a unit's label: keep it to {MOST_CHARACTERS} characters \
                 (fewer with accented letters or symbols)"
            ));
        }
        let mut bytes = [0; CAPACITY];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        Ok(UnitLabel {
            length: u8::try_from(text.len()).unwrap_or(u8::MAX),
            bytes,
        })
    }

    /// The label as text.
    pub fn as_str(&self) -> &str {
        // Made only from whole text by `new`, so always valid.
        std::str::from_utf8(&self.bytes[..usize::from(self.length)]).unwrap_or_default()
    }
}

impl fmt::Debug for UnitLabel {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), formatter)
    }
}

impl fmt::Display for UnitLabel {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

impl Serialize for UnitLabel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for UnitLabel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        UnitLabel::new(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_kept_trimmed_and_reads_back() {
        let label = UnitLabel::new("  visits per 1,000 population ").unwrap();
        assert_eq!(label.as_str(), "visits per 1,000 population");
        let written = serde_json::to_string(&label).unwrap();
        assert_eq!(written, "\"visits per 1,000 population\"");
        assert_eq!(serde_json::from_str::<UnitLabel>(&written).unwrap(), label);
        // Two-byte letters count as one character each: 40 of them is 80 bytes, over the 64 held.
        assert_eq!(UnitLabel::new("m²").unwrap().as_str(), "m²");
    }

    #[test]
    fn labels_that_cannot_be_kept_are_refused_in_words() {
        assert_eq!(
            UnitLabel::new(" ").unwrap_err(),
            "A unit of the council's own needs a label, such as \"kg per household\""
        );
        assert_eq!(
            UnitLabel::new("1,000").unwrap_err(),
            "\"1,000\" cannot label a unit: it needs a word, such as \"kg per household\""
        );
        assert_eq!(
            UnitLabel::new("kg\nper home").unwrap_err(),
            "A unit's label is one line of text, with no line break or tab in it"
        );
        // 41 characters, one over.
        let long = "a".repeat(41);
        assert!(
            UnitLabel::new(&long)
                .unwrap_err()
                .contains("keep it to 40 characters")
        );
        assert!(UnitLabel::new(&"a".repeat(40)).is_ok());
        assert!(UnitLabel::new(&"é".repeat(40)).is_err(), "80 bytes");
    }
}
