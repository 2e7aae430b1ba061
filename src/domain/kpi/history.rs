//! A KPI's recent history, period by period, as its page charts and tables it: the value it is rated on
//! (the year to date for a cumulative KPI), the target, the rating, the same period last year and the
//! commentary. One list feeds both the chart and the table behind it, so they always agree.

use crate::domain::basics::period::Period;
use crate::domain::kpi::assessment::assess;
use crate::domain::kpi::rating::Rating;
use crate::domain::maths::rag::RagEdges;
use crate::domain::model::framework::Framework;
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::measurement::ValidationState;
use crate::domain::model::workspace::PerformanceIndex;

/// How many financial years of history a KPI page shows: this year and the two before.
pub const YEARS_SHOWN: usize = 3;

/// One period of a KPI's history.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryPoint {
    /// The period.
    pub period: Period,
    /// The value rated: the period's value, or the year to date for a cumulative KPI.
    pub rated_value: Option<f64>,
    /// The period's own value (the same as `rated_value` for a snapshot KPI).
    pub value: Option<f64>,
    /// The target that applies.
    pub target: Option<f64>,
    /// Where the rating changes against that target, for RAG bands (none for maintain KPIs).
    pub edges: Option<RagEdges>,
    /// The rating.
    pub rating: Rating,
    /// The rated value in the same period last year.
    pub last_year: Option<f64>,
    /// Commentary.
    pub commentary: String,
    /// Where its sign-off stands, when there is a measurement.
    pub validation: Option<ValidationState>,
}

/// Every period of `kpi`'s frequency from the start of the year [`YEARS_SHOWN`] − 1 years before `latest`'s
/// up to `latest`, oldest first.
pub fn kpi_history(
    kpi: &KpiDefinition,
    index: &PerformanceIndex<'_>,
    latest: Period,
    framework: &Framework,
) -> Vec<HistoryPoint> {
    let history = index.history(&kpi.id);
    let first_year = latest
        .year()
        .start_year()
        .saturating_sub(YEARS_SHOWN as u16 - 1);
    let mut periods: Vec<Period> = std::iter::successors(Some(latest), |p| p.previous())
        .take_while(|p| p.year().start_year() >= first_year)
        .collect();
    periods.reverse();
    periods
        .into_iter()
        .map(|period| {
            let assessment = assess(kpi, &history, period, framework);
            HistoryPoint {
                period,
                rated_value: assessment.year_to_date.or(assessment.value),
                value: assessment.value,
                target: assessment.target.map(|t| t.value),
                edges: assessment.target.and_then(|t| {
                    kpi.effective_rule(&framework.rag_rule)
                        .edges(t.value, kpi.polarity)
                }),
                rating: assessment.rating,
                last_year: assessment.rated_last_year,
                commentary: assessment
                    .measurement
                    .map(|m| m.commentary.clone())
                    .unwrap_or_default(),
                validation: assessment.measurement.map(|m| m.validation.state),
            }
        })
        .collect()
}

/// The periods after `latest` to the end of its financial year, where a year-end forecast is drawn.
pub fn rest_of_year(latest: Period) -> Vec<Period> {
    std::iter::successors(latest.next(), |p| p.next())
        .take_while(|p| p.year() == latest.year())
        .collect()
}

/// The first demo KPI that `pick` accepts and its history as at 22 November 2026, for the tests of
/// everything drawn from a history.
#[cfg(test)]
pub(crate) fn demo_history(
    pick: impl Fn(&KpiDefinition) -> bool,
) -> (KpiDefinition, Vec<HistoryPoint>) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let workspace = crate::demo::demo_workspace(today);
    let index = PerformanceIndex::new(&workspace.measurements);
    let kpi = workspace
        .kpis
        .iter()
        .find(|k| pick(k))
        .expect("the demo has such a KPI")
        .clone();
    let latest = crate::domain::basics::period::reporting_period(kpi.frequency, today)
        .expect("a reporting period");
    let points = kpi_history(&kpi, &index, latest, &workspace.framework);
    (kpi, points)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::period::Frequency;
    use crate::domain::maths::aggregation::MeasureType;

    #[test]
    fn three_years_of_a_monthly_kpi_up_to_the_latest_month() {
        let (_, points) = demo_history(|k| k.frequency == Frequency::Monthly);
        // As at 22 November 2026 the latest month ended is October 2026; the history starts with the
        // financial year two before the current one: April 2024 to March 2026 is 24 months, April to
        // October 2026 seven more.
        assert_eq!(points.first().unwrap().period.to_string(), "Apr 2024");
        assert_eq!(points.last().unwrap().period.to_string(), "Oct 2026");
        assert_eq!(points.len(), 24 + 7);
        let a_year_on = &points[12];
        assert_eq!(
            a_year_on.last_year, points[0].rated_value,
            "last year's value lines up"
        );
    }

    #[test]
    fn the_rest_of_the_year_runs_to_march() {
        let rest = rest_of_year(Period::parse("Oct 2026").unwrap());
        let names: Vec<String> = rest.iter().map(Period::to_string).collect();
        assert_eq!(
            names,
            ["Nov 2026", "Dec 2026", "Jan 2027", "Feb 2027", "Mar 2027"]
        );
        assert!(rest_of_year(Period::parse("Mar 2027").unwrap()).is_empty());
    }

    #[test]
    fn a_cumulative_kpi_is_charted_on_its_year_to_date() {
        let (_, points) = demo_history(|k| {
            k.measure == MeasureType::Cumulative && k.frequency == Frequency::Monthly
        });
        let latest = points.last().unwrap().period;
        let this_year: Vec<&HistoryPoint> = points
            .iter()
            .filter(|p| p.period.year() == latest.year())
            .collect();
        let sum: f64 = this_year.iter().filter_map(|p| p.value).sum();
        let last = this_year.last().unwrap().rated_value.unwrap();
        assert!(
            (last - sum).abs() < 1e-6,
            "the year to date is the sum of the months: {last} vs {sum}"
        );
    }
}
