//! Figures as people type them into spreadsheets, each reading said back: "19,625" read as 19625, "£1.2m" as
//! 1200000, "85.2%" as 85.2, "(1,234)" as -1234, and "n/a", "-", "TBC", "not available" as no value.

use crate::domain::basics::unit::parse_number;

/// What a cell holds, read as a figure.
#[derive(Clone, Debug, PartialEq)]
pub enum CellFigure {
    /// A figure, and how it was read when the cell is not written as the plain number.
    Figure {
        /// The figure.
        value: f64,
        /// "'19,625' read as 19625", when the cell was written some other way than the plain number.
        reading: Option<String>,
    },
    /// No figure: an empty cell, or one of the words that say there is none ("n/a", "TBC").
    NoValue {
        /// "'n/a' read as no value", when the cell was not empty.
        reading: Option<String>,
    },
    /// Not a figure, with why, in plain English.
    NotAFigure(String),
}

/// What councils write for "no figure".
const NO_VALUE: [&str; 16] = [
    "n/a",
    "na",
    "n a",
    "-",
    "–",
    "—",
    "tbc",
    "tba",
    "tbd",
    "not available",
    "not yet available",
    "no data",
    "..",
    "x",
    "*",
    "awaiting data",
];

/// Multipliers written after a figure ("£1.2m", "3.4k", "2bn").
const SCALES: [(&str, f64); 7] = [
    ("million", 1e6),
    ("thousand", 1e3),
    ("bn", 1e9),
    ("billion", 1e9),
    ("mn", 1e6),
    ("m", 1e6),
    ("k", 1e3),
];

/// `lower` without the words a figure's unit is shown with after it, as every view shows them ("14 days",
/// "1 day", "3.4 per 1,000", "1,250 tonnes", "12.5 kg", "45 minutes"): they say the unit, not the value.
fn without_unit_words(lower: &str) -> &str {
    let lower = lower.trim_end();
    if let Some((number, per)) = lower.rsplit_once(" per ")
        && per.replace(',', "").trim().parse::<u32>().is_ok()
    {
        return number.trim_end();
    }
    [
        " days", " day", " weeks", " week", " wks", " hours", " hour", " hrs", " minutes",
        " minute", " mins", " min", " tonnes", " tonne", " kg",
    ]
    .iter()
    .find_map(|word| lower.strip_suffix(word))
    .map_or(lower, str::trim_end)
}

/// The figure in `text`; `decimal_comma` when the file writes decimals with a comma (85,2).
pub fn read_figure(text: &str, decimal_comma: bool) -> CellFigure {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return CellFigure::NoValue { reading: None };
    }
    if NO_VALUE.contains(&trimmed.to_lowercase().as_str()) {
        return CellFigure::NoValue {
            reading: Some(format!("'{trimmed}' read as no value")),
        };
    }
    let (negative, body) = match trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, trimmed),
    };
    let lower = body.to_lowercase();
    let lower = without_unit_words(&lower);
    let (digits, scale) = SCALES
        .iter()
        .find_map(|(suffix, factor)| {
            let number = lower.strip_suffix(suffix)?.trim_end();
            number
                .ends_with(|c: char| c.is_ascii_digit() || c == '.')
                .then_some((number.to_owned(), *factor))
        })
        .unwrap_or((lower.to_owned(), 1.0));
    match parse_number(&digits, decimal_comma) {
        Ok(Some(number)) => {
            let value = if negative { -number } else { number } * scale;
            match crate::domain::basics::unit::out_of_range(value) {
                Some(problem) => CellFigure::NotAFigure(format!("\"{trimmed}\" {problem}")),
                None => {
                    let plain = format!("{value}");
                    CellFigure::Figure {
                        value,
                        reading: (plain != trimmed).then(|| format!("'{trimmed}' read as {plain}")),
                    }
                }
            }
        }
        Ok(None) => CellFigure::NoValue {
            reading: Some(format!("'{trimmed}' read as no value")),
        },
        Err(message) if !message.ends_with("is not a number") => CellFigure::NotAFigure(message),
        Err(_) => CellFigure::NotAFigure(format!(
            "\"{trimmed}\" is not a figure: write a number such as 19625, 19,625, 85.2%, £1.2m or (1,234), \
             or n/a for none"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(text: &str) -> (f64, Option<String>) {
        match read_figure(text, false) {
            CellFigure::Figure { value, reading } => (value, reading),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn a_figure_shown_with_its_units_words_is_read_as_the_figure() {
        assert_eq!(
            figure("14 days"),
            (14.0, Some("'14 days' read as 14".to_owned()))
        );
        assert_eq!(figure("1 day").0, 1.0);
        assert_eq!(
            figure("3.4 per 1,000"),
            (3.4, Some("'3.4 per 1,000' read as 3.4".to_owned()))
        );
        assert_eq!(
            figure("1,250 tonnes"),
            (1250.0, Some("'1,250 tonnes' read as 1250".to_owned()))
        );
        assert_eq!(
            figure("12.5 kg"),
            (12.5, Some("'12.5 kg' read as 12.5".to_owned()))
        );
        assert_eq!(figure("45 mins").0, 45.0);
        // "per" with no number after it is not a rate's words.
        assert!(matches!(
            read_figure("3.4 per week", false),
            CellFigure::NotAFigure(_)
        ));
    }

    #[test]
    fn figures_as_people_write_them_are_read_and_said_back() {
        assert_eq!(
            figure("19,625"),
            (19_625.0, Some("'19,625' read as 19625".to_owned()))
        );
        assert_eq!(
            figure("85.2%"),
            (85.2, Some("'85.2%' read as 85.2".to_owned()))
        );
        assert_eq!(
            figure("£1.2m"),
            (1_200_000.0, Some("'£1.2m' read as 1200000".to_owned()))
        );
        assert_eq!(figure("£1.2 million").0, 1_200_000.0);
        assert_eq!(figure("3.4k").0, 3_400.0);
        assert_eq!(figure("2bn").0, 2e9);
        assert_eq!(
            figure("(1,234)"),
            (-1_234.0, Some("'(1,234)' read as -1234".to_owned()))
        );
        assert_eq!(figure("-3.5"), (-3.5, None));
        assert_eq!(
            figure("42"),
            (42.0, None),
            "a plain number needs no reading"
        );
        assert_eq!(figure(" 42 "), (42.0, None));
    }

    #[test]
    fn a_decimal_comma_is_read_when_the_file_uses_it() {
        assert_eq!(
            read_figure("85,2", true),
            CellFigure::Figure {
                value: 85.2,
                reading: Some("'85,2' read as 85.2".to_owned())
            }
        );
        assert_eq!(
            figure("85,2").0,
            852.0,
            "without the decimal comma a comma separates thousands"
        );
    }

    #[test]
    fn the_words_for_no_figure_are_no_value() {
        for word in ["n/a", "N/A", "-", "TBC", "not available", "No data"] {
            assert_eq!(
                read_figure(word, false),
                CellFigure::NoValue {
                    reading: Some(format!("'{word}' read as no value"))
                }
            );
        }
        assert_eq!(
            read_figure("", false),
            CellFigure::NoValue { reading: None }
        );
    }

    #[test]
    fn what_is_not_a_figure_says_so_with_the_forms_accepted() {
        assert_eq!(
            read_figure("about 40", false),
            CellFigure::NotAFigure(
                "\"about 40\" is not a figure: write a number such as 19625, 19,625, 85.2%, £1.2m or (1,234), or n/a \
                 for none"
                    .to_owned()
            )
        );
        assert!(
            matches!(read_figure("9e99", false), CellFigure::NotAFigure(m) if m.contains("outside the range"))
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::basics::unit::Unit;
    use crate::storage::spreadsheet::workbook::figure_text;

    /// A figure as the app holds one for a unit shown to `decimals` places: a whole number of hundredths,
    /// thousandths… up to a billion, either sign.
    fn figure(decimals: u8) -> impl Strategy<Value = f64> {
        let scale = 10f64.powi(i32::from(decimals));
        (-1_000_000_000i64..=1_000_000_000).prop_map(move |units| units as f64 / scale)
    }

    fn unit() -> impl Strategy<Value = Unit> {
        prop_oneof![
            Just(Unit::Percent),
            Just(Unit::Count),
            Just(Unit::Pounds),
            Just(Unit::Days),
            Just(Unit::Weeks),
            Just(Unit::Hours),
            Just(Unit::Minutes),
            Just(Unit::Tonnes),
            Just(Unit::Kilograms),
            Just(Unit::Score),
            (1u32..=100_000).prop_map(|per| Unit::RatePer { per }),
        ]
    }

    fn read(text: &str) -> Option<f64> {
        match read_figure(text, false) {
            CellFigure::Figure { value, .. } => Some(value),
            _ => None,
        }
    }

    proptest! {
        /// What every view shows ("19,625", "85.2%", "£1,234.50", "-3.5") reads back as the figure shown.
        #[test]
        fn a_figure_formatted_as_the_app_shows_it_reads_back(
            (decimals, value) in (0u8..=2).prop_flat_map(|d| (Just(d), figure(d))),
            unit in unit(),
        ) {
            let shown = unit.format(value, decimals);
            prop_assert_eq!(read(&shown), Some(value), "{} read back", shown);
        }

        /// A number cell of a workbook, read as its digits, reads back as the number the spreadsheet keeps
        /// (15 significant digits).
        #[test]
        fn a_number_cell_reads_back_to_fifteen_significant_digits(value in -1e15f64..1e15) {
            let kept: f64 = format!("{value:.14e}").parse().unwrap();
            prop_assert_eq!(read(&figure_text(value)), Some(kept));
        }

        #[test]
        fn a_figure_written_with_thousands_separators_reads_back(whole in 0u64..10_000_000_000, pence in 0u32..100) {
            // Formatting a value as a council's spreadsheet prints it, then reading it, gives the value back.
            let value = whole as f64 + f64::from(pence) / 100.0;
            let printed = crate::domain::basics::unit::Unit::Pounds.format(value, 2);
            match read_figure(&printed, false) {
                CellFigure::Figure { value: read, .. } => prop_assert!((read - value).abs() < 1e-6, "{} read as {}", printed, read),
                other => prop_assert!(false, "{}: {:?}", printed, other),
            }
        }
    }
}
