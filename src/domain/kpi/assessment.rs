//! A KPI's position at a period, as a scorecard row needs it: value, target, RAG, change since the previous
//! period, trend, the green-but-declining flag, and the year-end forecast, worked out only when asked for.

use std::cell::OnceCell;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::basics::period::{Period, reporting_period};
use crate::domain::kpi::rating::{Rating, RatingInput, rate};
use crate::domain::kpi::rollup::RagCounts;
use crate::domain::maths::aggregation::{MeasureType, own_figures, year_to_date};
use crate::domain::maths::forecast::{Forecast, forecast_year_end};
use crate::domain::maths::rag::{RagRule, RagStatus};
use crate::domain::maths::trend::{Change, Trend, change, is_green_but_declining, trend};
use crate::domain::model::framework::Framework;
use crate::domain::model::kpi::KpiStatus;
use crate::domain::model::kpi::{AppliedTarget, KpiDefinition};
use crate::domain::model::measurement::Measurement;
use crate::domain::model::workspace::PerformanceIndex;

/// Everything about a KPI at one period. The year-end forecast, the costliest part (a choice among six
/// methods, each checked on the KPI's history), is worked out the first time [`KpiAssessment::forecast`] is
/// asked for: roll-ups, validation sheets and a KPI's history rate many periods and never look at it.
#[derive(Clone, Debug)]
pub struct KpiAssessment<'a> {
    /// The KPI.
    pub kpi: &'a KpiDefinition,
    /// The period assessed.
    pub period: Period,
    /// Its measurement, if any.
    pub measurement: Option<&'a Measurement>,
    /// Its value, if any.
    pub value: Option<f64>,
    /// For a cumulative measure, the year to date at the period (what it is rated on).
    pub year_to_date: Option<f64>,
    /// The target that applies.
    pub target: Option<AppliedTarget>,
    /// The previous period's value.
    pub previous_value: Option<f64>,
    /// What was rated in the same period last year (its value, or its year to date for a cumulative KPI).
    pub rated_last_year: Option<f64>,
    /// The RAG rating.
    pub rating: Rating,
    /// Change since the previous period.
    pub change: Option<Change>,
    /// Trend over the recent periods.
    pub trend: Option<Trend>,
    /// Green now but trending worse (the Cambridgeshire PMF).
    pub green_but_declining: bool,
    /// Each period's own figure up to the period assessed: what the forecast is made from.
    values: BTreeMap<Period, f64>,
    /// The council's RAG rule (a KPI's own rule, where it has one, rates its forecast instead).
    council_rule: &'a RagRule,
    /// The forecast, once asked for.
    forecast: OnceCell<Option<Forecast>>,
}

impl KpiAssessment<'_> {
    /// The forecast for the end of the period's year (none at the year end or without enough history).
    pub fn forecast(&self) -> Option<Forecast> {
        *self.forecast.get_or_init(|| {
            forecast_year_end(
                &self.values,
                self.period,
                self.kpi.measure,
                self.kpi.snapshot_summary,
            )
        })
    }

    /// The RAG the forecast would get against the year-end target: the leading signal. Only an active KPI's
    /// forecast is rated.
    pub fn forecast_rag(&self) -> Option<RagStatus> {
        if self.kpi.status != KpiStatus::Active {
            return None;
        }
        let year_end = self.kpi.year_end_target(self.period.year())?;
        self.kpi
            .effective_rule(self.council_rule)
            .assess(self.forecast()?.value, year_end, self.kpi.polarity, None)
            .map(|a| a.status)
    }

    /// The figure as every view shows it, `missing` where there is none: the period's value, and for a
    /// cumulative KPI its year to date beside it, the figure it is rated on ("151 (year to date 821)").
    pub fn shown_value(&self, missing: &str) -> String {
        let format = |value: f64| self.kpi.unit.format(value, self.kpi.decimals);
        let value = self.value.map_or_else(|| missing.to_owned(), format);
        match self.year_to_date {
            Some(so_far) => format!("{value} (year to date {})", format(so_far)),
            None => value,
        }
    }
}

/// Assesses `kpi` at `period` from its `history` (its measurements by period).
pub fn assess<'a>(
    kpi: &'a KpiDefinition,
    history: &BTreeMap<Period, &'a Measurement>,
    period: Period,
    framework: &'a Framework,
) -> KpiAssessment<'a> {
    let measurement = history.get(&period).copied();
    // Each period's own figure (worked out from the published years to date for that measure): what is
    // shown as the period's value, compared with the period before, and trended and forecast.
    let values: BTreeMap<Period, f64> = history
        .range(..=period)
        .filter(|(p, _)| p.frequency() == kpi.frequency)
        .filter_map(|(p, m)| Some((*p, m.resolved_value(kpi.unit)?)))
        .filter_map(own_figures(kpi.measure))
        .collect();
    let value_at = |p: Period| values.get(&p).copied();
    let value = value_at(period);
    let target = kpi.target_for(period);
    let previous_value = period.previous().and_then(value_at);
    // A measure that adds up is rated on its year to date against a year-to-date target: the figure as
    // published, or the sum of the year's own figures so far.
    let stored_at = |p: Period| history.get(&p).and_then(|m| m.resolved_value(kpi.unit));
    let year_to_date_at = |p: Period| match kpi.measure {
        MeasureType::YearToDate => stored_at(p),
        _ => year_to_date(&values, p, MeasureType::Cumulative).value,
    };
    let (year_to_date, rated, rated_last_year) = match kpi.measure {
        MeasureType::Snapshot => (
            None,
            value,
            period.same_period_last_year().and_then(value_at),
        ),
        MeasureType::Cumulative | MeasureType::YearToDate => {
            // A cumulative KPI's year to date needs this period's figure; a published one is that figure.
            let so_far = stored_at(period).and(year_to_date_at(period));
            (
                so_far,
                so_far,
                period.same_period_last_year().and_then(year_to_date_at),
            )
        }
    };
    let input = RatingInput {
        actual: rated,
        last_year: rated_last_year,
        judgement: measurement.and_then(|m| m.rag_override.as_ref()),
    };
    let rating = rate(kpi, period, input, &framework.rag_rule);
    let change = match (value, previous_value) {
        (Some(current), Some(previous)) => {
            change(current, previous, kpi.polarity, target.map(|t| t.value))
        }
        _ => None,
    };
    let series: Vec<f64> = values.values().copied().collect();
    let trend = trend(
        &series,
        kpi.polarity,
        target.map(|t| t.value),
        &framework.trend_rule,
    );
    KpiAssessment {
        kpi,
        period,
        measurement,
        value,
        year_to_date,
        target,
        previous_value,
        rated_last_year,
        green_but_declining: is_green_but_declining(rating.status(), trend.as_ref()),
        rating,
        change,
        trend,
        values,
        council_rule: &framework.rag_rule,
        forecast: OnceCell::new(),
    }
}

/// The RAG counts of `kpis` as at `as_at`, each at its own latest reporting period. Retired KPIs are left out.
pub fn rollup<'a>(
    kpis: impl IntoIterator<Item = &'a KpiDefinition>,
    index: &PerformanceIndex<'a>,
    as_at: NaiveDate,
    framework: &Framework,
) -> RagCounts {
    let ratings: Vec<Rating> = kpis
        .into_iter()
        .filter_map(|kpi| {
            let period = reporting_period(kpi.frequency, as_at)?;
            Some(assess(kpi, &index.history(&kpi.id), period, framework).rating)
        })
        .collect();
    RagCounts::from_ratings(&ratings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::ids::{AmbitionId, DirectorateId, ServiceId};
    use crate::domain::basics::period::FinancialYear;
    use crate::domain::basics::period::Frequency;
    use crate::domain::maths::rag::RagStatus;
    use crate::domain::maths::trend::Direction;
    use crate::domain::model::golden_thread::{Service, ThreadNode};
    use crate::domain::model::kpi::tests::sample_kpi;
    use crate::domain::model::kpi::{KpiStatus, Target};
    use crate::domain::model::workspace::Workspace;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn p(text: &str) -> Period {
        Period::parse(text).unwrap()
    }

    fn framework() -> Framework {
        Framework::new(
            "Test County Council",
            FinancialYear::starting(2024).unwrap(),
        )
    }

    /// A workspace with three KPIs in one directorate (one through its service) and monthly values.
    fn workspace() -> Workspace {
        let mut workspace = Workspace::new(framework());
        let directorate = DirectorateId::new("dir-a").unwrap();
        let service = ServiceId::new("svc-a").unwrap();
        workspace.services.push(Service {
            id: service.clone(),
            name: "Service A".to_owned(),
            directorate: directorate.clone(),
            head: None,
            active: true,
        });
        let ambition = AmbitionId::new("amb-1").unwrap();
        for (id, values, target) in [
            (
                "green-declining",
                [96.0, 95.0, 93.0, 92.0, 91.0, 90.5],
                90.0,
            ),
            ("amber", [80.0, 81.0, 82.0, 83.0, 84.0, 85.0], 90.0),
            ("red", [60.0, 62.0, 61.0, 63.0, 62.0, 64.0], 90.0),
        ] {
            let mut kpi = sample_kpi(id);
            kpi.targets = vec![Target {
                period: p("2024/25"),
                value: target,
            }];
            if id == "red" {
                kpi.service = Some(service.clone());
            } else {
                kpi.directorate = Some(directorate.clone());
                kpi.ambitions = vec![ambition.clone()];
            }
            let mut period = p("Apr 2024");
            for value in values {
                workspace
                    .measurements
                    .push(Measurement::new(kpi.id.clone(), period, value));
                period = period.next().unwrap();
            }
            workspace.kpis.push(kpi);
        }
        let mut baseline = sample_kpi("baseline");
        baseline.status = KpiStatus::Baseline;
        baseline.directorate = Some(directorate);
        workspace.kpis.push(baseline);
        workspace
    }

    #[test]
    fn an_assessment_has_every_scorecard_column() {
        let workspace = workspace();
        let index = PerformanceIndex::new(&workspace.measurements);
        let kpi = workspace
            .kpi(&crate::domain::basics::ids::KpiId::new("green-declining").unwrap())
            .unwrap();
        let row = assess(
            kpi,
            &index.history(&kpi.id),
            p("Sep 2024"),
            &workspace.framework,
        );
        assert_eq!(row.value, Some(90.5));
        assert_eq!(row.previous_value, Some(91.0));
        assert_eq!(row.target.unwrap().value, 90.0);
        assert_eq!(row.rating.status(), Some(RagStatus::Green));
        assert_eq!(row.change.unwrap().direction, Direction::Worsening);
        assert_eq!(row.trend.unwrap().direction, Direction::Worsening);
        assert!(row.green_but_declining);
        // Six falling months: the linear trend carries 90.5 below the 90 target by March → forecast amber.
        let forecast = row.forecast().unwrap();
        assert_eq!(
            forecast.method,
            crate::domain::maths::forecast::ForecastMethod::LinearTrend
        );
        assert!(forecast.value < 90.0);
        assert_eq!(row.forecast_rag(), Some(RagStatus::Amber));
    }

    #[test]
    fn a_cumulative_kpi_is_rated_on_its_year_to_date() {
        let mut homes = sample_kpi("homes");
        homes.measure = crate::domain::maths::aggregation::MeasureType::Cumulative;
        homes.frequency = Frequency::Quarterly;
        homes.unit = crate::domain::basics::unit::Unit::Count;
        homes.targets = vec![Target {
            period: p("2024/25"),
            value: 400.0,
        }];
        let measurements = [
            Measurement::new(homes.id.clone(), p("2023/24 Q2"), 70.0),
            Measurement::new(homes.id.clone(), p("2023/24 Q1"), 60.0),
            Measurement::new(homes.id.clone(), p("2024/25 Q1"), 90.0),
            Measurement::new(homes.id.clone(), p("2024/25 Q2"), 110.0),
        ];
        let history = measurements.iter().map(|m| (m.period, m)).collect();
        let framework = framework();
        let row = assess(&homes, &history, p("2024/25 Q2"), &framework);
        // 90 + 110 = 200 against 400 × 2/4 = 200: on target, although Q2's own 110 is below 200.
        assert_eq!(row.year_to_date, Some(200.0));
        assert_eq!(row.rating.status(), Some(RagStatus::Green));
    }

    #[test]
    fn a_cumulative_kpis_year_to_date_runs_from_april_across_the_new_calendar_year() {
        let mut visits = sample_kpi("visits");
        visits.measure = crate::domain::maths::aggregation::MeasureType::Cumulative;
        visits.frequency = Frequency::Monthly;
        visits.unit = crate::domain::basics::unit::Unit::Count;
        visits.targets = vec![Target {
            period: p("2024/25"),
            value: 132.0,
        }];
        // Ten visits a month from April 2024 to February 2025, and ten in March 2024 (the year before).
        let months = [
            "Mar 2024", "Apr 2024", "May 2024", "Jun 2024", "Jul 2024", "Aug 2024", "Sep 2024",
            "Oct 2024", "Nov 2024", "Dec 2024", "Jan 2025", "Feb 2025",
        ];
        let measurements: Vec<Measurement> = months
            .iter()
            .map(|m| Measurement::new(visits.id.clone(), p(m), 10.0))
            .collect();
        let history = measurements.iter().map(|m| (m.period, m)).collect();
        let framework = framework();
        let row = assess(&visits, &history, p("Feb 2025"), &framework);
        // February 2025 is the eleventh month of 2024/25: the year to date is April to February, 11 × 10 = 110
        // (not January and February alone, 20, nor anything of March 2024). The target by then is 132 × 11/12 =
        // 121, and 110 is (121 − 110) / 121 = 9.1% short: within 10%, amber.
        assert_eq!(row.year_to_date, Some(110.0));
        assert_eq!(row.target.map(|t| t.value), Some(121.0));
        assert_eq!(row.rating.status(), Some(RagStatus::Amber));
    }

    #[test]
    fn the_frameworks_trend_rule_decides_the_trend() {
        let kpi = sample_kpi("kpi");
        let months = [
            "Apr 2024", "May 2024", "Jun 2024", "Jul 2024", "Aug 2024", "Sep 2024",
        ];
        let values = [10.0, 10.0, 10.0, 10.0, 12.0, 14.0];
        let measurements: Vec<Measurement> = months
            .iter()
            .zip(values)
            .map(|(m, v)| Measurement::new(kpi.id.clone(), p(m), v))
            .collect();
        let history = measurements.iter().map(|m| (m.period, m)).collect();
        // Mean 66 / 6 = 11; Σ(x − 2.5)(y − 11) = 2.5 + 1.5 + 0.5 − 0.5 + 1.5 + 7.5 = 13 over Σ(x − 2.5)² = 17.5: a
        // slope of 0.743, so 3.71 across the window, 33.8% of the mean. Beyond the default 5%: improving (higher is
        // better). A framework asking for 50% sees no trend.
        let council = framework();
        let default = assess(&kpi, &history, p("Sep 2024"), &council);
        assert_eq!(
            default.trend.map(|t| t.direction),
            Some(Direction::Improving)
        );
        let mut strict = framework();
        strict.trend_rule.min_relative_change = 0.5;
        let strict = assess(&kpi, &history, p("Sep 2024"), &strict);
        assert_eq!(strict.trend.map(|t| t.direction), Some(Direction::Stable));
    }

    #[test]
    fn a_directorate_rolls_up_its_own_and_its_services_kpis() {
        let workspace = workspace();
        let index = PerformanceIndex::new(&workspace.measurements);
        let node = ThreadNode::Directorate(DirectorateId::new("dir-a").unwrap());
        let kpis = workspace.kpis_for(&node);
        assert_eq!(
            kpis.len(),
            4,
            "three active KPIs, one through its service, and a baseline one"
        );
        let counts = rollup(kpis, &index, day("2024-10-15"), &workspace.framework);
        assert_eq!(
            (counts.green, counts.amber, counts.red, counts.baseline),
            (1, 1, 1, 1)
        );
        // (1 + 0.5) / 3 = 0.5 → Amber.
        assert_eq!(
            counts.summary(&workspace.framework.rollup),
            Some(RagStatus::Amber)
        );
    }

    #[test]
    fn an_ambition_rolls_up_the_kpis_that_serve_it() {
        let workspace = workspace();
        let index = PerformanceIndex::new(&workspace.measurements);
        let node = ThreadNode::Ambition(AmbitionId::new("amb-1").unwrap());
        let counts = rollup(
            workspace.kpis_for(&node),
            &index,
            day("2024-10-15"),
            &workspace.framework,
        );
        assert_eq!((counts.green, counts.amber, counts.red), (1, 1, 0));
    }

    #[test]
    fn a_kpi_with_no_value_for_the_period_counts_as_no_data() {
        let workspace = workspace();
        let index = PerformanceIndex::new(&workspace.measurements);
        let counts = rollup(
            &workspace.kpis,
            &index,
            day("2024-11-15"),
            &workspace.framework,
        );
        assert_eq!((counts.no_data, counts.baseline), (3, 1));
    }
}
