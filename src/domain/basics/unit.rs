//! The unit a KPI is measured in: how its values are computed from a numerator and denominator, formatted
//! in en-GB, and which values are plausible.

use serde::{Deserialize, Serialize};

use super::unit_label::UnitLabel;

/// A KPI's unit of measurement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Unit {
    /// A percentage, 0 to 100.
    Percent,
    /// A count of things.
    Count,
    /// Pounds sterling.
    Pounds,
    /// A number of days.
    Days,
    /// A rate per so many (e.g. per 10,000 population).
    RatePer {
        /// The base of the rate.
        per: u32,
    },
    /// A score on a scale of the KPI's own.
    Score,
    /// A weight in tonnes (waste collected, carbon emitted).
    Tonnes,
    /// A weight in kilograms.
    Kilograms,
    /// A time in hours.
    Hours,
    /// A time in minutes (response times).
    Minutes,
    /// A time in weeks (waiting times).
    Weeks,
    /// A unit of the council's own, shown after each figure ("412 kg per household").
    Custom {
        /// What follows each figure.
        label: UnitLabel,
    },
}

impl Unit {
    /// A value from a numerator and denominator (× 100 for a percentage, × the base for a rate).
    /// `None` when the denominator is zero or either number is not finite.
    pub fn from_fraction(self, numerator: f64, denominator: f64) -> Option<f64> {
        let ratio = numerator / denominator;
        let scale = match self {
            Unit::Percent => 100.0,
            Unit::RatePer { per } => f64::from(per),
            _ => 1.0,
        };
        (denominator != 0.0 && ratio.is_finite()).then_some(ratio * scale)
    }

    /// The values that make sense for the unit: a percentage from 0 to 100; counts, rates, weights and
    /// times not below 0; pounds, scores and a unit of the council's own anything.
    pub fn plausible_range(self) -> (f64, f64) {
        match self {
            Unit::Percent => (0.0, 100.0),
            Unit::Count
            | Unit::Days
            | Unit::RatePer { .. }
            | Unit::Tonnes
            | Unit::Kilograms
            | Unit::Hours
            | Unit::Minutes
            | Unit::Weeks => (0.0, f64::INFINITY),
            Unit::Pounds | Unit::Score | Unit::Custom { .. } => (f64::NEG_INFINITY, f64::INFINITY),
        }
    }

    /// The value formatted for people, with `decimals` places and thousands separated by commas:
    /// `85.2%`, `1,234`, `£12,500`, `-£300`, `14 days`, `3.4 per 1,000`, `1,250 tonnes`, `12.5 kg`,
    /// `412 kg per household`.
    pub fn format(self, value: f64, decimals: u8) -> String {
        if !value.is_finite() {
            return "not a number".to_owned();
        }
        let number = group_thousands(value.abs(), decimals);
        let sign = if value < 0.0 && number.chars().any(|c| c.is_ascii_digit() && c != '0') {
            "-"
        } else {
            ""
        };
        match self {
            Unit::Percent => format!("{sign}{number}%"),
            Unit::Count | Unit::Score => format!("{sign}{number}"),
            Unit::Pounds => format!("{sign}£{number}"),
            Unit::RatePer { per } => {
                format!("{sign}{number} per {}", group_thousands(f64::from(per), 0))
            }
            Unit::Kilograms => format!("{sign}{number} kg"),
            Unit::Custom { label } => format!("{sign}{number} {label}"),
            Unit::Days | Unit::Tonnes | Unit::Hours | Unit::Minutes | Unit::Weeks => {
                let (one, many) = self.counted_as();
                let word = if number == "1" { one } else { many };
                format!("{sign}{number} {word}")
            }
        }
    }

    /// A time or weight's word for one and for several (`day`, `days`); empty for other units.
    const fn counted_as(self) -> (&'static str, &'static str) {
        match self {
            Unit::Days => ("day", "days"),
            Unit::Tonnes => ("tonne", "tonnes"),
            Unit::Hours => ("hour", "hours"),
            Unit::Minutes => ("minute", "minutes"),
            Unit::Weeks => ("week", "weeks"),
            _ => ("", ""),
        }
    }

    /// Every kind of unit, in the order a form offers them (a rate with no base and a unit of the council's
    /// own with no label yet: the form asks for them).
    pub const KINDS: [Unit; 12] = [
        Unit::Percent,
        Unit::Count,
        Unit::Pounds,
        Unit::Days,
        Unit::Weeks,
        Unit::Hours,
        Unit::Minutes,
        Unit::Tonnes,
        Unit::Kilograms,
        Unit::RatePer { per: 0 },
        Unit::Score,
        Unit::Custom {
            label: UnitLabel::UNSET,
        },
    ];

    /// The unit's kind as the file format and a form's choice write it: `percent`, `count`, `pounds`,
    /// `days`, `weeks`, `hours`, `minutes`, `tonnes`, `kilograms`, `rate_per`, `score` or `custom` (a rate's
    /// base and a custom unit's label aside).
    pub const fn kind(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Pounds => "pounds",
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Hours => "hours",
            Unit::Minutes => "minutes",
            Unit::Tonnes => "tonnes",
            Unit::Kilograms => "kilograms",
            Unit::RatePer { .. } => "rate_per",
            Unit::Score => "score",
            Unit::Custom { .. } => "custom",
        }
    }

    /// The unit of kind `kind` (see [`Unit::kind`]); a rate is per `per`, a unit of the council's own is
    /// labelled `label`.
    pub fn of_kind(kind: &str, per: u32, label: UnitLabel) -> Option<Unit> {
        Self::KINDS
            .into_iter()
            .find(|unit| unit.kind() == kind)
            .map(|unit| match unit {
                Unit::RatePer { .. } => Unit::RatePer { per },
                Unit::Custom { .. } => Unit::Custom { label },
                unit => unit,
            })
    }

    /// The unit's name as shown in a KPI's definition.
    pub fn label(self) -> String {
        match self {
            Unit::Percent => "Percentage".to_owned(),
            Unit::Count => "Number".to_owned(),
            Unit::Pounds => "Pounds (£)".to_owned(),
            Unit::Days => "Days".to_owned(),
            Unit::Weeks => "Weeks".to_owned(),
            Unit::Hours => "Hours".to_owned(),
            Unit::Minutes => "Minutes".to_owned(),
            Unit::Tonnes => "Tonnes".to_owned(),
            Unit::Kilograms => "Kilograms (kg)".to_owned(),
            Unit::RatePer { per } => format!("Rate per {}", group_thousands(f64::from(per), 0)),
            Unit::Score => "Score".to_owned(),
            Unit::Custom { label } => label.to_string(),
        }
    }
}

/// A number as people and spreadsheets write it: `85.2`, `85.2%`, `£1,234.50`, `1 234`; where commas are
/// decimal separators (`decimal_comma`, as semicolon-separated CSV from a European Excel writes them), `85,2`.
/// Empty is no value. Anything that is not a finite number is refused with a message quoting it, so NaN and
/// infinity never enter a workspace, and neither does a figure beyond [`LARGEST_FIGURE`].
pub fn parse_number(text: &str, decimal_comma: bool) -> Result<Option<f64>, String> {
    let value = parse_any_number(text, decimal_comma)?;
    match value.and_then(out_of_range) {
        Some(problem) => Err(format!("\"{}\" {problem}", text.trim())),
        None => Ok(value),
    }
}

/// The largest size of figure the app holds, a thousand million million: far beyond any council's figures
/// (a county's budget is about 10^9 pounds), and small enough that sums, differences and chart scales stay
/// exact enough and finite. Values, targets, benchmarks and ranges outside ±this are refused.
pub const LARGEST_FIGURE: f64 = 1e15;

/// Why `value` is not a figure the app holds, or `None` when it is.
pub fn out_of_range(value: f64) -> Option<&'static str> {
    (!value.is_finite() || value.abs() > LARGEST_FIGURE).then_some(
        "is outside the range of figures the app holds: from -1,000,000,000,000,000 to \
         1,000,000,000,000,000",
    )
}

/// The number in `text`, whatever its size.
fn parse_any_number(text: &str, decimal_comma: bool) -> Result<Option<f64>, String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, '%' | '£' | ' ' | '\u{a0}'))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    // Where commas are decimal separators, one comma after every dot makes the dots thousands separators:
    // "1.234,5" is 1234.5.
    let comma_is_decimal = decimal_comma
        && cleaned.matches(',').count() == 1
        && cleaned
            .rfind('.')
            .is_none_or(|dot| cleaned.find(',').is_some_and(|comma| dot < comma));
    let normalised = if comma_is_decimal {
        cleaned.replace('.', "").replace(',', ".")
    } else {
        cleaned.replace(',', "")
    };
    match normalised.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(format!("\"{}\" is not a number", text.trim())),
    }
}

/// `value` (not negative) rounded to `decimals` places with commas between thousands.
pub fn group_thousands(value: f64, decimals: u8) -> String {
    let text = format!("{value:.*}", usize::from(decimals));
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::with_capacity(text.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

#[cfg(test)]
mod tests {
    #[test]
    fn figures_beyond_a_thousand_million_million_are_refused_with_the_range() {
        // 10^15 itself is allowed; 1.7e308 (near f64's largest) and -2e15 are not.
        assert_eq!(parse_number("1000000000000000", false), Ok(Some(1e15)));
        let refused = parse_number("1.7e308", false).unwrap_err();
        assert_eq!(
            refused,
            "\"1.7e308\" is outside the range of figures the app holds: from -1,000,000,000,000,000 to \
             1,000,000,000,000,000"
        );
        assert!(parse_number("-2e15", false).is_err());
        assert_eq!(out_of_range(-1e15), None);
        assert!(out_of_range(f64::NAN).is_some());
    }

    #[test]
    fn numbers_are_read_as_people_write_them_and_never_as_nan() {
        assert_eq!(parse_number(" 85.2% ", false), Ok(Some(85.2)));
        assert_eq!(parse_number("£1,234.50", false), Ok(Some(1234.5)));
        assert_eq!(parse_number("1 234", false), Ok(Some(1234.0)));
        assert_eq!(parse_number("85,2", true), Ok(Some(85.2)));
        assert_eq!(parse_number("1,234", false), Ok(Some(1234.0)));
        assert_eq!(parse_number("", false), Ok(None));
        for bad in ["NaN", "inf", "-infinity", "1e999", "twelve", "1.2.3"] {
            assert!(parse_number(bad, false).is_err(), "{bad}");
        }
        assert_eq!(
            parse_number("NaN", false),
            Err("\"NaN\" is not a number".to_owned())
        );
    }

    use super::*;

    #[test]
    fn values_from_a_numerator_and_denominator() {
        assert_eq!(Unit::Percent.from_fraction(45.0, 60.0), Some(75.0));
        assert_eq!(
            Unit::RatePer { per: 10_000 }.from_fraction(12.0, 60_000.0),
            Some(2.0)
        );
        assert_eq!(Unit::Count.from_fraction(1.0, 0.0), None);
    }

    #[test]
    fn values_are_formatted_the_british_way() {
        assert_eq!(Unit::Percent.format(85.24, 1), "85.2%");
        assert_eq!(Unit::Count.format(1_234_567.0, 0), "1,234,567");
        assert_eq!(Unit::Pounds.format(-300.0, 0), "-£300");
        assert_eq!(Unit::Pounds.format(12_500.5, 2), "£12,500.50");
        assert_eq!(Unit::Days.format(1.0, 0), "1 day");
        assert_eq!(Unit::Days.format(14.0, 0), "14 days");
        assert_eq!(Unit::RatePer { per: 1000 }.format(3.44, 1), "3.4 per 1,000");
        assert_eq!(Unit::Tonnes.format(1250.0, 0), "1,250 tonnes");
        assert_eq!(Unit::Tonnes.format(1.0, 0), "1 tonne");
        assert_eq!(Unit::Kilograms.format(12.46, 1), "12.5 kg");
        assert_eq!(Unit::Hours.format(1.0, 0), "1 hour");
        assert_eq!(
            Unit::Hours.format(1.0, 1),
            "1.0 hours",
            "one to a place is not one"
        );
        assert_eq!(Unit::Minutes.format(45.0, 0), "45 minutes");
        assert_eq!(Unit::Weeks.format(18.0, 0), "18 weeks");
        let own = Unit::Custom {
            label: UnitLabel::new("kg per household").unwrap(),
        };
        assert_eq!(own.format(-412.0, 0), "-412 kg per household");
        assert_eq!(own.label(), "kg per household");
        assert_eq!(
            Unit::Count.format(-0.01, 0),
            "0",
            "no minus sign on a value that rounds to zero"
        );
        assert_eq!(Unit::Count.format(f64::NAN, 0), "not a number");
    }

    #[test]
    fn plausible_ranges() {
        assert_eq!(Unit::Percent.plausible_range(), (0.0, 100.0));
        assert_eq!(Unit::Days.plausible_range().0, 0.0);
        assert_eq!(Unit::Pounds.plausible_range().0, f64::NEG_INFINITY);
        assert_eq!(Unit::Weeks.plausible_range(), (0.0, f64::INFINITY));
    }

    #[test]
    fn a_units_kind_is_its_name_in_the_file_and_reads_back() {
        for unit in Unit::KINDS {
            let written = serde_json::to_value(unit).unwrap();
            assert_eq!(written["kind"], unit.kind());
            assert_eq!(Unit::of_kind(unit.kind(), 0, UnitLabel::UNSET), Some(unit));
        }
        assert_eq!(
            Unit::of_kind("rate_per", 1000, UnitLabel::UNSET),
            Some(Unit::RatePer { per: 1000 })
        );
        assert_eq!(Unit::of_kind("furlongs", 1, UnitLabel::UNSET), None);
        let label = UnitLabel::new("visits per 1,000 population").unwrap();
        let own = Unit::of_kind("custom", 0, label).unwrap();
        let written = serde_json::to_string(&own).unwrap();
        assert_eq!(
            written,
            r#"{"kind":"custom","label":"visits per 1,000 population"}"#
        );
        assert_eq!(serde_json::from_str::<Unit>(&written).unwrap(), own);
    }

    #[test]
    fn where_commas_are_decimal_dots_before_the_comma_group_thousands() {
        assert_eq!(parse_number("1.234,5", true), Ok(Some(1234.5)));
        assert_eq!(parse_number("1.234.567,25", true), Ok(Some(1_234_567.25)));
        assert_eq!(parse_number("85,2", true), Ok(Some(85.2)));
        // A dot after the comma is the English way round: the comma groups thousands.
        assert_eq!(parse_number("1,234.5", true), Ok(Some(1234.5)));
        assert_eq!(parse_number("1,234.5", false), Ok(Some(1234.5)));
    }
}
