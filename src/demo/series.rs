//! A demo KPI's values: level, yearly change, seasonality and noise, period by period, from the first year
//! of the history to the latest period that has ended.

use std::f64::consts::PI;

use chrono::{Datelike, NaiveDate};

use super::kpis::{Outcome, Spec};
use crate::domain::basics::period::reporting_period;
use crate::domain::basics::period::{FinancialYear, Period};
use crate::domain::basics::seeded_random::SplitMix;
use crate::domain::basics::unit::Unit;
use crate::domain::maths::rag::Polarity;

/// Seeds the noise; change it and every demo value changes.
const SEED: u64 = 2024;
/// Periods at the end of a declining series that fall.
const DECLINE_PERIODS: usize = 7;

/// The month of the financial year (1 = April) at the middle of a period.
fn financial_month(period: Period) -> f64 {
    let start = period.start_date();
    let days = (period.end_date() - start).num_days();
    let middle = start + chrono::Days::new(u64::try_from(days / 2).unwrap_or(0));
    f64::from((middle.month() + 12 - 4) % 12 + 1)
}

/// Rounds to the KPI's decimal places.
pub(super) fn round_to(value: f64, decimals: u8) -> f64 {
    let scale = 10f64.powi(i32::from(decimals));
    (value * scale).round() / scale
}

/// The KPI's values from the start of `first_year` to the latest period ended by `as_at`.
pub(super) fn values(
    spec: &Spec,
    first_year: FinancialYear,
    as_at: NaiveDate,
) -> Vec<(Period, f64)> {
    if spec.outcome == Outcome::InDevelopment {
        return Vec::new();
    }
    let (Some(first), Some(last)) = (
        Period::new(spec.frequency, first_year, 1),
        reporting_period(spec.frequency, as_at),
    ) else {
        return Vec::new();
    };
    let periods: Vec<Period> = std::iter::successors(Some(first), |p| p.next())
        .take_while(|p| *p <= last)
        .collect();
    let mut random = SplitMix::new(SEED, spec.id);
    let start = first.start_date();
    let (low, high) = spec.unit.plausible_range();
    let worse = if spec.polarity == Polarity::LowerIsBetter {
        1.0
    } else {
        -1.0
    };
    let count = periods.len();
    let mut values: Vec<(Period, f64)> = periods
        .into_iter()
        .enumerate()
        .map(|(index, period)| {
            let years = (period.start_date() - start).num_days() as f64 / 365.25;
            let season = (2.0 * PI * (financial_month(period) - f64::from(spec.peak)) / 12.0).cos();
            let mut level = 1.0 + spec.yearly * years + spec.season * season;
            if spec.outcome == Outcome::GreenDeclining {
                let into_decline = (index + DECLINE_PERIODS).saturating_sub(count) as f64;
                level += worse * 0.02 * into_decline;
            }
            let noisy = spec.base * level * (1.0 + spec.noise * random.normal());
            let value = round_to(noisy.clamp(low, high), spec.decimals);
            (
                period,
                if matches!(spec.unit, Unit::Pounds) {
                    value.max(0.0)
                } else {
                    value
                },
            )
        })
        .collect();
    if spec.outcome == Outcome::Retired {
        let retired_from = FinancialYear::starting(first_year.start_year() + 3);
        values.retain(|(period, _)| Some(period.year()) < retired_from);
    }
    if spec.late {
        values.pop();
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_middle_month_of_each_kind_of_period() {
        assert_eq!(financial_month(Period::parse("Apr 2024").unwrap()), 1.0);
        assert_eq!(financial_month(Period::parse("2024/25 Q3").unwrap()), 8.0);
        assert_eq!(
            financial_month(Period::parse("2024/25").unwrap()),
            6.0,
            "30 September"
        );
    }

    #[test]
    fn rounding_to_decimal_places() {
        assert_eq!(round_to(85.249, 1), 85.2);
        assert_eq!(round_to(1234.5, 0), 1235.0);
    }
}
