//! A KPI's NHS "Making Data Count" icons at a period: the variation icon (common cause, or a special cause that
//! is an improvement or a concern, high or low) and the assurance icon (consistently passing, consistently
//! failing, hit and miss). Worked from the same series, rule and target as the KPI page's SPC chart: each
//! period's own value of the KPI's frequency over the years the page shows, the framework's SPC settings, and
//! the period's target (none for a cumulative KPI, whose targets are year-to-date totals). Below the values SPC
//! needs there is no icon, as there is no XmR chart.

use std::collections::BTreeMap;

use crate::domain::basics::period::Period;
use crate::domain::kpi::history::YEARS_SHOWN;
use crate::domain::maths::aggregation::{MeasureType, own_figures};
use crate::domain::maths::spc::{
    AssuranceIcon, ChartRecommendation, SpcSettings, VariationIcon, XmrChart,
};
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::measurement::Measurement;

/// The two icons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MdcIcons {
    /// What the latest value says about variation.
    pub variation: VariationIcon,
    /// Whether the process can meet the target (none without a target, or for a "maintain" KPI).
    pub assurance: Option<AssuranceIcon>,
}

/// The SPC series of `kpi` up to `latest`: each period's own value of its frequency (a year to date as
/// published turned into each period's own figure), oldest first, over the years a KPI page shows.
pub fn spc_series(
    kpi: &KpiDefinition,
    history: &BTreeMap<Period, &Measurement>,
    latest: Period,
) -> Vec<f64> {
    let first_year = latest
        .year()
        .start_year()
        .saturating_sub(YEARS_SHOWN as u16 - 1);
    history
        .range(..=latest)
        .filter(|(p, _)| p.frequency() == kpi.frequency && p.year().start_year() >= first_year)
        .filter_map(|(p, m)| Some((*p, m.resolved_value(kpi.unit)?)))
        .filter_map(own_figures(kpi.measure))
        .map(|(_, value)| value)
        .collect()
}

/// The target SPC compares with at `latest`: the period's, except for a cumulative KPI.
pub fn target_for_spc(kpi: &KpiDefinition, latest: Period) -> Option<f64> {
    match kpi.measure {
        MeasureType::Snapshot => kpi.target_for(latest).map(|t| t.value),
        MeasureType::Cumulative | MeasureType::YearToDate => None,
    }
}

/// The icons for `kpi` at `latest`, or none with fewer values than SPC needs.
pub fn mdc_icons(
    kpi: &KpiDefinition,
    history: &BTreeMap<Period, &Measurement>,
    latest: Period,
    settings: &SpcSettings,
) -> Option<MdcIcons> {
    let values = spc_series(kpi, history, latest);
    if ChartRecommendation::for_points(values.len()) == ChartRecommendation::RunChart {
        return None;
    }
    let chart = XmrChart::analyse(&values, settings).ok()?;
    Some(MdcIcons {
        variation: chart.variation(kpi.polarity),
        assurance: target_for_spc(kpi, latest).and_then(|t| chart.assurance(t, kpi.polarity)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::maths::rag::Polarity;
    use crate::domain::maths::spc::Side;
    use crate::domain::model::kpi::Target;
    use crate::domain::model::kpi::tests::sample_kpi;

    /// Twelve months alternating 50 and 52 from April 2025, then 60 in April 2026.
    fn measurements(kpi: &KpiDefinition) -> Vec<Measurement> {
        let mut period = Period::parse("Apr 2025").unwrap();
        let mut out = Vec::new();
        for index in 0..13 {
            let value = match index {
                12 => 60.0,
                i if i % 2 == 0 => 50.0,
                _ => 52.0,
            };
            out.push(Measurement::new(kpi.id.clone(), period, value));
            period = period.next().unwrap();
        }
        out
    }

    fn icons_with_target(polarity: Polarity, target: Option<f64>) -> Option<MdcIcons> {
        let mut kpi = sample_kpi("k1");
        kpi.polarity = polarity;
        let latest = Period::parse("Apr 2026").unwrap();
        kpi.targets = target
            .map(|value| Target {
                period: latest,
                value,
            })
            .into_iter()
            .collect();
        let recorded = measurements(&kpi);
        let history: BTreeMap<Period, &Measurement> =
            recorded.iter().map(|m| (m.period, m)).collect();
        mdc_icons(&kpi, &history, latest, &SpcSettings::default())
    }

    #[test]
    fn a_last_value_above_the_limits_is_a_special_cause_read_through_the_polarity() {
        // Worked by hand: mean (6 × 50 + 6 × 52 + 60) / 13 = 672 / 13 = 51.69; eleven moving ranges of 2 and one
        // of 8 (52 → 60), mean 30 / 12 = 2.5; upper limit 51.69 + 2.66 × 2.5 = 58.34, lower 45.04. 60 is above.
        let higher = icons_with_target(Polarity::HigherIsBetter, None).unwrap();
        assert_eq!(higher.variation, VariationIcon::Improvement(Side::High));
        assert_eq!(higher.assurance, None, "no target, no assurance");
        let lower = icons_with_target(Polarity::LowerIsBetter, None).unwrap();
        assert_eq!(lower.variation, VariationIcon::Concern(Side::High));
    }

    #[test]
    fn the_target_against_the_limits_gives_the_assurance() {
        // Limits 45.04 to 58.34 (above): a target of 40 is always beaten, 70 never reached, 50 sometimes.
        let assurance = |target| {
            icons_with_target(Polarity::HigherIsBetter, Some(target))
                .unwrap()
                .assurance
        };
        assert_eq!(assurance(40.0), Some(AssuranceIcon::ConsistentlyPasses));
        assert_eq!(assurance(70.0), Some(AssuranceIcon::ConsistentlyFails));
        assert_eq!(assurance(50.0), Some(AssuranceIcon::HitAndMiss));
    }

    #[test]
    fn fewer_than_thirteen_values_give_no_icon() {
        let kpi = sample_kpi("k1");
        let recorded = measurements(&kpi);
        let twelve: BTreeMap<Period, &Measurement> =
            recorded[..12].iter().map(|m| (m.period, m)).collect();
        let latest = Period::parse("Mar 2026").unwrap();
        assert_eq!(
            mdc_icons(&kpi, &twelve, latest, &SpcSettings::default()),
            None
        );
    }
}
