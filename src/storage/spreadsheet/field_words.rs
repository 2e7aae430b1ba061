//! The words councils put in a register's cells for which way is better, how often, the unit and the RAG
//! status: "Higher is better", "Up", "Yes" (under "Higher is better?"); "Quarterly", "Q"; "%", "£", "Number";
//! "R", "Amber". Each read into the app's value, or a message that says what is accepted.

use crate::domain::basics::period::Frequency;
use crate::domain::basics::unit::Unit;
use crate::domain::basics::unit_label::UnitLabel;
use crate::domain::maths::aggregation::MeasureType;
use crate::domain::maths::rag::{Polarity, RagStatus};

/// The cell's text, lower case, without punctuation around it.
fn plain(text: &str) -> String {
    text.trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '%' && c != '£')
        .trim()
        .to_lowercase()
}

/// Which way is better.
pub fn read_polarity(text: &str) -> Result<Polarity, String> {
    match plain(text).as_str() {
        "higher is better" | "higher" | "high" | "up" | "increase" | "bigger is better"
        | "more is better" | "yes" | "y" | "↑" | "high is good" | "higher is good" => {
            Ok(Polarity::HigherIsBetter)
        }
        "lower is better" | "lower" | "low" | "down" | "decrease" | "smaller is better"
        | "less is better" | "no" | "n" | "↓" | "low is good" | "lower is good" => {
            Ok(Polarity::LowerIsBetter)
        }
        "maintain" | "stable" | "within range" | "on target" | "neither" | "↔" => {
            Ok(Polarity::Maintain)
        }
        _ => Err(format!(
            "\"{}\" does not say which way is better: write Higher is better, Lower is better or Maintain",
            text.trim()
        )),
    }
}

/// How often the KPI is reported.
pub fn read_frequency(text: &str) -> Result<Frequency, String> {
    match plain(text).as_str() {
        "monthly" | "month" | "m" | "every month" => Ok(Frequency::Monthly),
        "quarterly" | "quarter" | "q" | "every quarter" => Ok(Frequency::Quarterly),
        "half-yearly" | "half yearly" | "six-monthly" | "six monthly" | "biannual" | "h" => {
            Ok(Frequency::HalfYearly)
        }
        "annual" | "annually" | "yearly" | "year" | "a" | "y" | "every year" => {
            Ok(Frequency::Annual)
        }
        "termly" | "term" | "each term" => Ok(Frequency::Termly),
        _ => Err(format!(
            "\"{}\" is not a reporting frequency: write Monthly, Quarterly, Half-yearly, Annual or Termly",
            text.trim()
        )),
    }
}

/// The unit: one the app knows by its usual words, a rate ("per 1,000"), or else a unit of the council's own
/// labelled with the cell's text ("kg per household"), which the import says back.
pub fn read_unit(text: &str) -> Result<Unit, String> {
    let plain = plain(text);
    let rate = plain
        .strip_prefix("rate per ")
        .or_else(|| plain.strip_prefix("per "))
        .map(|per| per.replace([',', ' '], ""));
    if let Some(per) = rate
        && let Ok(per) = per.parse::<u32>()
        && per > 0
    {
        return Ok(Unit::RatePer { per });
    }
    match plain.as_str() {
        "%" | "percent" | "percentage" | "per cent" | "pct" => Ok(Unit::Percent),
        "£" | "pounds" | "gbp" | "£s" | "money" | "cost" => Ok(Unit::Pounds),
        "number" | "count" | "no" | "#" | "numeric" | "people" | "total" => Ok(Unit::Count),
        "days" | "day" => Ok(Unit::Days),
        "weeks" | "week" | "wks" => Ok(Unit::Weeks),
        "hours" | "hour" | "hrs" | "hr" => Ok(Unit::Hours),
        "minutes" | "minute" | "mins" | "min" => Ok(Unit::Minutes),
        "tonnes" | "tonne" | "tons" | "t" => Ok(Unit::Tonnes),
        // "Kilograms (kg)", as a KPI's definition shows it, reaches here without its closing bracket.
        "kilograms" | "kilograms (kg" | "kilogram" | "kg" | "kgs" => Ok(Unit::Kilograms),
        "score" | "points" | "index" => Ok(Unit::Score),
        _ => UnitLabel::new(text)
            .map(|label| Unit::Custom { label })
            .map_err(|why| {
                format!(
                    "{why}. The units the app knows are %, £, number, days, weeks, hours, minutes, tonnes, kg, \
                     score and rates such as per 1,000"
                )
            }),
    }
}

/// Whether figures stand alone, add up (each the period's own, summed by the app), or are published already
/// added up (each the year's total so far). Under a "Cumulative?" heading, yes and no.
pub fn read_measure(text: &str) -> Result<MeasureType, String> {
    match plain(text).as_str() {
        "snapshot" | "point in time" | "latest" | "no" | "n" | "not cumulative"
        | "non-cumulative" => Ok(MeasureType::Snapshot),
        "cumulative" | "yes" | "y" | "sum" | "summed" | "adds up" => Ok(MeasureType::Cumulative),
        "year to date" | "ytd" | "to date" | "ytd as published" | "cumulative (ytd"
        | "cumulative ytd" => Ok(MeasureType::YearToDate),
        _ => Err(format!(
            "\"{}\" does not say how the figures add up: write Snapshot (each figure stands alone), Cumulative \
             (each figure is the period's own, added up through the year) or Year to date (each figure is \
             already the year's total so far)",
            text.trim()
        )),
    }
}

/// The council's published RAG status; `None` for a cell that publishes none ("n/a", "Not rated", blank).
pub fn read_status(text: &str) -> Result<Option<RagStatus>, String> {
    match plain(text).as_str() {
        "red" | "r" => Ok(Some(RagStatus::Red)),
        "amber" | "a" | "amber/red" | "yellow" => Ok(Some(RagStatus::Amber)),
        "green" | "g" | "amber/green" | "blue" | "on target" => Ok(Some(RagStatus::Green)),
        "" | "n/a" | "na" | "not rated" | "no target" | "data only" | "baseline" | "-" => Ok(None),
        _ => Err(format!(
            "\"{}\" is not a RAG status: write Red, Amber or Green (R, A, G), or n/a",
            text.trim()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_a_register_are_read() {
        assert_eq!(
            read_polarity("Higher is better"),
            Ok(Polarity::HigherIsBetter)
        );
        assert_eq!(read_polarity(" down "), Ok(Polarity::LowerIsBetter));
        assert_eq!(
            read_polarity("Yes"),
            Ok(Polarity::HigherIsBetter),
            "under \"Higher is better?\""
        );
        assert_eq!(read_frequency("Quarterly"), Ok(Frequency::Quarterly));
        assert_eq!(read_frequency("M"), Ok(Frequency::Monthly));
        assert_eq!(read_unit("%"), Ok(Unit::Percent));
        assert_eq!(read_unit("£"), Ok(Unit::Pounds));
        assert_eq!(read_unit("Number"), Ok(Unit::Count));
        assert_eq!(
            read_unit("Rate per 100,000"),
            Ok(Unit::RatePer { per: 100_000 })
        );
        assert_eq!(read_unit("Tonnes"), Ok(Unit::Tonnes));
        assert_eq!(read_unit("Kilograms (kg)"), Ok(Unit::Kilograms));
        assert_eq!(read_unit("hrs"), Ok(Unit::Hours));
        assert_eq!(read_unit("Minutes"), Ok(Unit::Minutes));
        assert_eq!(read_unit("weeks"), Ok(Unit::Weeks));
        assert_eq!(
            read_unit(" kg per household "),
            Ok(Unit::Custom {
                label: UnitLabel::new("kg per household").unwrap()
            }),
            "a unit of the council's own, labelled as the sheet writes it"
        );
        assert_eq!(read_measure("Snapshot"), Ok(MeasureType::Snapshot));
        assert_eq!(
            read_measure("Yes"),
            Ok(MeasureType::Cumulative),
            "under \"Cumulative?\""
        );
        assert_eq!(
            read_measure("Cumulative (YTD)"),
            Ok(MeasureType::YearToDate)
        );
        assert_eq!(read_measure("year to date"), Ok(MeasureType::YearToDate));
        assert!(
            read_measure("sometimes")
                .unwrap_err()
                .starts_with("\"sometimes\" does not say how")
        );
        assert_eq!(read_status("R"), Ok(Some(RagStatus::Red)));
        assert_eq!(read_status("Amber"), Ok(Some(RagStatus::Amber)));
        assert_eq!(read_status("Not rated"), Ok(None));
    }

    #[test]
    fn what_is_not_understood_says_what_is_accepted() {
        assert_eq!(
            read_unit("1,000"),
            Err("\"1,000\" cannot label a unit: it needs a word, such as \"kg per household\". The units the app \
                 knows are %, £, number, days, weeks, hours, minutes, tonnes, kg, score and rates such as per 1,000"
                .to_owned())
        );
        assert_eq!(
            read_polarity("sideways"),
            Err("\"sideways\" does not say which way is better: write Higher is better, Lower is better or Maintain"
                .to_owned())
        );
        assert!(
            read_frequency("fortnightly")
                .unwrap_err()
                .starts_with("\"fortnightly\" is not a reporting frequency")
        );
        assert!(
            read_status("Purple")
                .unwrap_err()
                .starts_with("\"Purple\" is not a RAG status")
        );
    }
}
