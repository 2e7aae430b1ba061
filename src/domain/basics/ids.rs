//! Stable string identifiers, one newtype per kind of thing, so a KPI id can never stand in for a risk id.
//!
//! Ids travel between colleagues in workspace files and must survive merges, so they are validated on the
//! way in: 1 to 64 characters, ASCII letters, digits, `-`, `_` or `.`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest id accepted, in characters.
pub const MAX_ID_LENGTH: usize = 64;

/// Why a string is not a valid id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdError {
    /// The id is empty.
    Empty,
    /// The id is longer than [`MAX_ID_LENGTH`].
    TooLong {
        /// Its length in characters.
        length: usize,
    },
    /// The id holds a character other than an ASCII letter, digit, `-`, `_` or `.`.
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its position, counting from 1.
        position: usize,
    },
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Empty => write!(f, "an id cannot be empty"),
            IdError::TooLong { length } => {
                write!(
                    f,
                    "an id can be at most {MAX_ID_LENGTH} characters long, this one has {length}"
                )
            }
            IdError::InvalidCharacter {
                character,
                position,
            } => write!(
                f,
                "an id may hold only letters, digits, '-', '_' and '.', but character {position} is {character:?}"
            ),
        }
    }
}

impl std::error::Error for IdError {}

/// Checks a raw string against the id rules.
pub fn validate_id(raw: &str) -> Result<(), IdError> {
    if raw.is_empty() {
        return Err(IdError::Empty);
    }
    let length = raw.chars().count();
    if length > MAX_ID_LENGTH {
        return Err(IdError::TooLong { length });
    }
    match raw
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        Some((index, character)) => Err(IdError::InvalidCharacter {
            character,
            position: index + 1,
        }),
        None => Ok(()),
    }
}

/// A new id made from a name: `<prefix>-<words of the name>` (lower case, at most six words, anything but
/// letters and digits a hyphen), then `-2`, `-3`, … until it is not in `taken`. `None` only if the id rules
/// refuse it (a prefix that breaks them).
pub fn fresh_id<T: TryFrom<String>>(prefix: &str, name: &str, taken: &[&str]) -> Option<T> {
    let words: Vec<String> = name
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(6)
        .map(str::to_owned)
        .collect();
    let mut base = prefix.to_owned();
    for word in words {
        base = format!("{base}-{word}");
    }
    let base: String = base.chars().take(MAX_ID_LENGTH - 4).collect();
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .and_then(|id| T::try_from(id).ok())
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Validates `raw` and wraps it.
            pub fn new(raw: impl Into<String>) -> Result<Self, IdError> {
                let raw = raw.into();
                validate_id(&raw)?;
                Ok(Self(raw))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(raw: String) -> Result<Self, IdError> {
                Self::new(raw)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// A corporate ambition (priority or outcome).
    AmbitionId
);
string_id!(
    /// A directorate.
    DirectorateId
);
string_id!(
    /// A service within a directorate.
    ServiceId
);
string_id!(
    /// A team within a service.
    TeamId
);
string_id!(
    /// A person: an officer or a councillor.
    PersonId
);
string_id!(
    /// A role people hold (head of service, data co-ordinator, portfolio holder, …).
    RoleId
);
string_id!(
    /// An individual's SMART objective.
    ObjectiveId
);
string_id!(
    /// A committee of the council.
    CommitteeId
);
string_id!(
    /// A plan (corporate, directorate, service, team or individual).
    PlanId
);
string_id!(
    /// A key performance indicator.
    KpiId
);
string_id!(
    /// A risk on a register.
    RiskId
);
string_id!(
    /// An action in an action plan.
    ActionId
);
string_id!(
    /// An entry in the lessons-learnt log.
    LessonId
);
string_id!(
    /// A quarterly KPI audit.
    AuditId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_id_is_made_from_the_name_and_is_never_taken() {
        let id: ServiceId = fresh_id("svc", "  Street  Lighting & Signs ", &[]).unwrap();
        assert_eq!(id.as_str(), "svc-street-lighting-signs");
        let next: ServiceId = fresh_id(
            "svc",
            "Street lighting, signs",
            &["svc-street-lighting-signs"],
        )
        .unwrap();
        assert_eq!(next.as_str(), "svc-street-lighting-signs-2");
        let bare: ServiceId = fresh_id("svc", "£ — ?", &[]).unwrap();
        assert_eq!(bare.as_str(), "svc");
        let long: ServiceId = fresh_id("svc", &"abcdefghij ".repeat(6), &[]).unwrap();
        assert!(long.as_str().len() <= MAX_ID_LENGTH - 4);
    }

    #[test]
    fn accepts_letters_digits_and_separators() {
        assert_eq!(
            KpiId::new("SKPI-ahc.01_a").unwrap().as_str(),
            "SKPI-ahc.01_a"
        );
    }

    #[test]
    fn rejects_empty_long_and_odd_ids_with_the_reason() {
        assert_eq!(KpiId::new(""), Err(IdError::Empty));
        assert_eq!(
            KpiId::new("x".repeat(65)),
            Err(IdError::TooLong { length: 65 })
        );
        assert_eq!(
            KpiId::new("kpi 7"),
            Err(IdError::InvalidCharacter {
                character: ' ',
                position: 4
            })
        );
        assert!(
            IdError::InvalidCharacter {
                character: '<',
                position: 1
            }
            .to_string()
            .contains("character 1 is '<'")
        );
    }

    #[test]
    fn ids_serialise_as_plain_strings_and_are_validated_when_read() {
        let id = RiskId::new("r-1").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"r-1\"");
        assert_eq!(serde_json::from_str::<RiskId>("\"r-1\"").unwrap(), id);
        let error = serde_json::from_str::<RiskId>("\"r 1\"")
            .unwrap_err()
            .to_string();
        assert!(error.contains("character 2"), "{error}");
    }
}
