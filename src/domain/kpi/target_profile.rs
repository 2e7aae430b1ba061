//! A KPI's targets for one financial year as a form holds them: the year-end target and a target for each of
//! its periods (the profile), as typed. Quick fills write the profile for a person from the year-end target or
//! last year's figures; [`set_targets`] checks every figure before the year's targets are replaced.
//!
//! A cumulative KPI's period targets are to date (the year-end target spread through the year is
//! year-end × periods elapsed / periods), as `KpiDefinition::target_for` reads them.

use std::collections::BTreeMap;

use crate::domain::basics::field_problem::FieldProblem;
use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::{FinancialYear, Frequency, Period};
use crate::domain::basics::unit::parse_number;
use crate::domain::maths::aggregation::MeasureType;
use crate::domain::model::kpi::{KpiDefinition, Target};
use crate::domain::model::measurement::Measurement;
use crate::domain::model::workspace::Workspace;

/// One year's targets as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetsForm {
    /// The financial year.
    pub year: FinancialYear,
    /// The year-end target; blank for none.
    pub year_end: String,
    /// Each period of the year (none for an annual KPI) and its target; blank for none.
    pub periods: Vec<(Period, String)>,
}

/// Where in the form a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetCell {
    /// The year-end target.
    YearEnd,
    /// The target of the period at this place in [`TargetsForm::periods`].
    Period(usize),
}

/// A problem with a target, where it is.
pub type TargetProblem = FieldProblem<TargetCell>;

/// A way of filling in the profile.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuickFill {
    /// The year-end target every period (for a cumulative KPI, spread evenly: to date).
    SameEachPeriod,
    /// A straight line from last year's final figure to the year-end target (for a cumulative KPI, from
    /// nothing at the start of the year, as [`QuickFill::SameEachPeriod`]).
    StraightLine,
    /// Last year's figure for the same period (for a cumulative KPI, to date) plus this percentage; a
    /// negative one for less.
    LastYearPlus(f64),
}

/// A profile written by a quick fill: a target for each period, and what could not be filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filled {
    /// The period targets as the form shows them (blank where there was nothing to fill from).
    pub periods: Vec<String>,
    /// Why some or all periods were left blank, in plain English; none when every one was filled.
    pub note: Option<String>,
}

/// The form showing `kpi`'s targets for `year`: its year-end target and its own period targets.
pub fn targets_form(kpi: &KpiDefinition, year: FinancialYear) -> TargetsForm {
    let own = |period: Period| {
        kpi.targets
            .iter()
            .find(|t| t.period == period)
            .map(|t| t.value.to_string())
            .unwrap_or_default()
    };
    let annual = Period::new(Frequency::Annual, year, 1);
    TargetsForm {
        year,
        year_end: annual.map(own).unwrap_or_default(),
        periods: periods_of(kpi.frequency, year)
            .into_iter()
            .map(|period| (period, own(period)))
            .collect(),
    }
}

/// The periods of `year` a KPI reported at `frequency` has targets for (none for an annual KPI: its one
/// period is the year).
fn periods_of(frequency: Frequency, year: FinancialYear) -> Vec<Period> {
    if frequency == Frequency::Annual {
        return Vec::new();
    }
    (1..=frequency.periods_per_year())
        .filter_map(|index| Period::new(frequency, year, index))
        .collect()
}

/// The profile `how` gives `kpi` for the year of `form`, from its year-end target and `history` (its
/// figures by period). The figures are rounded to the KPI's decimal places.
pub fn fill(
    kpi: &KpiDefinition,
    history: &BTreeMap<Period, &Measurement>,
    form: &TargetsForm,
    how: QuickFill,
) -> Result<Filled, String> {
    let count = form.periods.len();
    let places = i32::from(kpi.decimals);
    let shown = |value: f64| {
        let scale = 10f64.powi(places);
        let rounded = (value * scale).round() / scale;
        // -0 shows as "-0": a rounded value of nothing is 0.
        (rounded + 0.0).to_string()
    };
    let year_end = || match parse_number(&form.year_end, false) {
        Ok(Some(value)) => Ok(value),
        Ok(None) => {
            Err("Give the year-end target first: the profile is worked out from it.".to_owned())
        }
        Err(problem) => Err(format!("The year-end target: {problem}.")),
    };
    let share = |position: usize| (position + 1) as f64 / count as f64;
    // Targets of a measure that adds up are to date.
    let to_date = kpi.measure.adds_up();
    let figure = |period: Period| {
        history
            .get(&period)
            .and_then(|m| m.resolved_value(kpi.unit))
    };
    let last_year = form
        .year
        .start_year()
        .checked_sub(1)
        .and_then(FinancialYear::starting);
    match how {
        QuickFill::SameEachPeriod | QuickFill::StraightLine if to_date => {
            let target = year_end()?;
            Ok(Filled {
                periods: (0..count).map(|at| shown(target * share(at))).collect(),
                note: None,
            })
        }
        QuickFill::SameEachPeriod => {
            let target = year_end()?;
            Ok(Filled {
                periods: vec![shown(target); count],
                note: None,
            })
        }
        QuickFill::StraightLine => {
            let target = year_end()?;
            let start = last_year
                .and_then(|year| periods_of(kpi.frequency, year).last().copied())
                .and_then(|period| figure(period).map(|value| (period, value)));
            let Some((_, start)) = start else {
                return Err(format!(
                    "There is no figure for the last period of {} to start the line from: fill the same \
                     target each period, or type the profile.",
                    last_year.map_or_else(|| "last year".to_owned(), |year| year.to_string())
                ));
            };
            Ok(Filled {
                periods: (0..count)
                    .map(|at| shown(start + (target - start) * share(at)))
                    .collect(),
                note: None,
            })
        }
        QuickFill::LastYearPlus(percent) => {
            let factor = 1.0 + percent / 100.0;
            let earlier = last_year
                .map(|year| periods_of(kpi.frequency, year))
                .unwrap_or_default();
            let base = |at: usize| -> Option<f64> {
                // Last year's figure to date: summed, unless it was published to date.
                if kpi.measure == MeasureType::Cumulative {
                    earlier.get(..=at)?.iter().map(|p| figure(*p)).sum()
                } else {
                    earlier.get(at).and_then(|p| figure(*p))
                }
            };
            let values: Vec<Option<f64>> =
                (0..count).map(|at| base(at).map(|v| v * factor)).collect();
            let missing: Vec<String> = values
                .iter()
                .zip(&earlier)
                .filter(|(value, _)| value.is_none())
                .map(|(_, period)| period.to_string())
                .collect();
            Ok(Filled {
                periods: values
                    .iter()
                    .map(|v| v.map(shown).unwrap_or_default())
                    .collect(),
                note: (!missing.is_empty()).then(|| {
                    format!(
                        "Left blank where last year has no figure{}: {}.",
                        if to_date { " to date" } else { "" },
                        missing.join(", ")
                    )
                }),
            })
        }
    }
}

/// Sets KPI `id`'s targets for the form's year: the year-end target and the profile replace every target the
/// KPI had for that year. Nothing changes when there is a problem: every problem is returned, where it is.
pub fn set_targets(
    workspace: &mut Workspace,
    id: &KpiId,
    form: &TargetsForm,
) -> Result<usize, Vec<TargetProblem>> {
    let Some(kpi) = workspace.kpis.iter_mut().find(|k| &k.id == id) else {
        return Err(vec![TargetProblem {
            field: TargetCell::YearEnd,
            message: format!("There is no KPI with the id {id} in this workspace."),
        }]);
    };
    let (low, high) = kpi.plausible_range();
    // A cumulative KPI's believable range is for one period's figure; its targets are to date, so the range
    // grows with the periods they cover (the year-end target covers them all). A year to date as published
    // has its figures to date, like its targets, so its range holds for both as it is.
    let cumulative = kpi.measure == MeasureType::Cumulative;
    let periods_covered = |period: Option<Period>| match period {
        Some(period) if cumulative && period.frequency() == Frequency::Annual => {
            f64::from(kpi.frequency.periods_per_year())
        }
        Some(period) if cumulative => f64::from(period.index()),
        _ => 1.0,
    };
    let mut problems = Vec::new();
    let mut targets = Vec::new();
    let annual = Period::new(Frequency::Annual, form.year, 1);
    let cells = std::iter::once((TargetCell::YearEnd, annual, &form.year_end)).chain(
        form.periods
            .iter()
            .enumerate()
            .map(|(at, (period, typed))| (TargetCell::Period(at), Some(*period), typed)),
    );
    for (at, period, typed) in cells {
        let what = match (at, period) {
            (TargetCell::YearEnd, _) => "The year-end target".to_owned(),
            (_, Some(period)) => format!("The target for {period}"),
            (_, None) => "The target".to_owned(),
        };
        let covered = periods_covered(period);
        let (low, high) = (low * covered, high * covered);
        match parse_number(typed, false) {
            Ok(None) => {}
            Ok(Some(value)) if value < low || value > high => problems.push(TargetProblem {
                field: at,
                message: format!(
                    "{what}, {value}, is outside the believable range for this KPI ({}).",
                    range_words(low, high)
                ),
            }),
            Ok(Some(value)) => {
                if let Some(period) = period {
                    targets.push(Target { period, value });
                }
            }
            Err(problem) => problems.push(TargetProblem {
                field: at,
                message: format!("{what}: {problem}."),
            }),
        }
    }
    let foreign = form
        .periods
        .iter()
        .position(|(period, _)| period.year() != form.year || period.frequency() != kpi.frequency);
    if let Some(at) = foreign {
        problems.push(TargetProblem {
            field: TargetCell::Period(at),
            message: format!(
                "{} is not a {} period of {}.",
                form.periods[at].0,
                kpi.frequency.label().to_lowercase(),
                form.year
            ),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Kept with the profile first and the year-end target after it.
    if targets.first().is_some_and(|t| Some(t.period) == annual) {
        targets.rotate_left(1);
    }
    let set = targets.len();
    kpi.targets.retain(|t| t.period.year() != form.year);
    kpi.targets.extend(targets);
    Ok(set)
}

/// A believable range in words: "0 to 100", "at least 0".
fn range_words(low: f64, high: f64) -> String {
    match (low.is_finite(), high.is_finite()) {
        (true, true) => format!("{low} to {high}"),
        (true, false) => format!("at least {low}"),
        (false, true) => format!("at most {high}"),
        (false, false) => "any figure".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    fn period(code: &str) -> Period {
        Period::parse(code).unwrap()
    }

    fn year() -> FinancialYear {
        FinancialYear::starting(2026).unwrap()
    }

    /// k2 of the hand-drawn framework (monthly, a percentage to one place, higher is better) with last
    /// year's figures for April 2025 (60), May 2025 (64) and March 2026 (70).
    fn with_last_year() -> Workspace {
        let mut workspace = hand_drawn();
        let k2 = KpiId::new("k2").unwrap();
        workspace.measurements = [("Apr 2025", 60.0), ("May 2025", 64.0), ("Mar 2026", 70.0)]
            .into_iter()
            .map(|(code, value)| Measurement::new(k2.clone(), period(code), value))
            .collect();
        workspace
    }

    fn filled(
        workspace: &Workspace,
        kpi: usize,
        year_end: &str,
        how: QuickFill,
    ) -> Result<Filled, String> {
        let kpi = &workspace.kpis[kpi];
        let mut form = targets_form(kpi, year());
        form.year_end = year_end.to_owned();
        let index = crate::domain::model::workspace::PerformanceIndex::new(&workspace.measurements);
        fill(kpi, &index.history(&kpi.id), &form, how)
    }

    #[test]
    fn the_same_target_each_period_is_the_year_end_target_and_a_cumulative_one_is_spread_to_date() {
        let mut workspace = with_last_year();
        let same = filled(&workspace, 1, "82", QuickFill::SameEachPeriod).unwrap();
        assert_eq!(same.periods, vec!["82"; 12]);
        // A cumulative quarterly count of 400 by the year end: 100, 200, 300 and 400 to date.
        let k4 = &mut workspace.kpis[3];
        k4.measure = MeasureType::Cumulative;
        k4.frequency = Frequency::Quarterly;
        k4.decimals = 0;
        let spread = filled(&workspace, 3, "400", QuickFill::SameEachPeriod).unwrap();
        assert_eq!(spread.periods, ["100", "200", "300", "400"]);
        assert_eq!(
            filled(&workspace, 3, "400", QuickFill::StraightLine).unwrap(),
            spread
        );
    }

    #[test]
    fn a_straight_line_runs_from_last_years_final_figure_to_the_year_end_target() {
        let workspace = with_last_year();
        // From March 2026's 70 to 82: a point a month, 71 in April up to 82 in March.
        let line = filled(&workspace, 1, "82", QuickFill::StraightLine).unwrap();
        let expected: Vec<String> = (71..=82).map(|v| v.to_string()).collect();
        assert_eq!(line.periods, expected);
        // Without March 2026's figure there is nothing to start from.
        let mut bare = workspace.clone();
        bare.measurements.retain(|m| m.period != period("Mar 2026"));
        assert_eq!(
            filled(&bare, 1, "82", QuickFill::StraightLine).unwrap_err(),
            "There is no figure for the last period of 2025/26 to start the line from: fill the same target \
             each period, or type the profile."
        );
        assert_eq!(
            filled(&workspace, 1, "", QuickFill::StraightLine).unwrap_err(),
            "Give the year-end target first: the profile is worked out from it."
        );
    }

    #[test]
    fn last_years_figures_plus_a_percentage_leave_blank_the_periods_last_year_has_no_figure_for() {
        let workspace = with_last_year();
        // April 60 + 5% = 63; May 64 + 5% = 67.2; March 70 + 5% = 73.5; June to February have no figure.
        let plus = filled(&workspace, 1, "", QuickFill::LastYearPlus(5.0)).unwrap();
        let mut expected = vec![String::new(); 12];
        expected[0] = "63".to_owned();
        expected[1] = "67.2".to_owned();
        expected[11] = "73.5".to_owned();
        assert_eq!(plus.periods, expected);
        assert_eq!(
            plus.note.as_deref(),
            Some(
                "Left blank where last year has no figure: Jun 2025, Jul 2025, Aug 2025, Sep 2025, Oct 2025, \
                 Nov 2025, Dec 2025, Jan 2026, Feb 2026."
            )
        );
    }

    /// The hand-drawn framework with k4 a cumulative quarterly count, shown to no places.
    fn with_cumulative_k4() -> Workspace {
        let mut workspace = hand_drawn();
        let kpi = &mut workspace.kpis[3];
        kpi.measure = MeasureType::Cumulative;
        kpi.frequency = Frequency::Quarterly;
        kpi.unit = crate::domain::basics::unit::Unit::Count;
        kpi.decimals = 0;
        workspace
    }

    #[test]
    fn a_cumulative_kpis_last_year_plus_is_to_date() {
        let mut workspace = with_cumulative_k4();
        let k4 = KpiId::new("k4").unwrap();
        workspace.measurements = [
            ("2025/26 Q1", 90.0),
            ("2025/26 Q2", 110.0),
            ("2025/26 Q3", 100.0),
        ]
        .into_iter()
        .map(|(code, value)| Measurement::new(k4.clone(), period(code), value))
        .collect();
        // To date last year: 90, 200, 300, then Q4 missing; less 10%: 81, 180, 270, blank.
        let less = filled(&workspace, 3, "", QuickFill::LastYearPlus(-10.0)).unwrap();
        assert_eq!(less.periods, ["81", "180", "270", ""]);
        assert_eq!(
            less.note.as_deref(),
            Some("Left blank where last year has no figure to date: Q4 2025/26.")
        );
    }

    #[test]
    fn the_years_targets_replace_the_old_ones_and_other_years_stay() {
        let mut workspace = hand_drawn();
        let k2 = KpiId::new("k2").unwrap();
        workspace.kpis[1].targets = vec![
            Target {
                period: period("2025/26"),
                value: 70.0,
            },
            Target {
                period: period("Apr 2026"),
                value: 75.0,
            },
            Target {
                period: period("May 2026"),
                value: 76.0,
            },
        ];
        let mut form = targets_form(&workspace.kpis[1], year());
        assert_eq!(form.periods[0], (period("Apr 2026"), "75".to_owned()));
        assert_eq!(form.year_end, "");
        form.year_end = "85".to_owned();
        form.periods[0].1 = "80".to_owned();
        form.periods[1].1 = String::new();
        form.periods[11].1 = "85".to_owned();
        assert_eq!(set_targets(&mut workspace, &k2, &form), Ok(3));
        let targets: Vec<(String, f64)> = workspace.kpis[1]
            .targets
            .iter()
            .map(|t| (t.period.to_string(), t.value))
            .collect();
        assert_eq!(
            targets,
            [
                ("2025/26".to_owned(), 70.0),
                ("Apr 2026".to_owned(), 80.0),
                ("Mar 2027".to_owned(), 85.0),
                ("2026/27".to_owned(), 85.0),
            ]
        );
    }

    #[test]
    fn every_target_that_is_not_a_believable_figure_is_named_and_nothing_changes() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        let k2 = KpiId::new("k2").unwrap();
        let mut form = targets_form(&workspace.kpis[1], year());
        form.year_end = "120".to_owned();
        form.periods[0].1 = "eighty".to_owned();
        form.periods[2].1 = "-5".to_owned();
        let problems = set_targets(&mut workspace, &k2, &form).unwrap_err();
        let at: Vec<TargetCell> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            at,
            [
                TargetCell::YearEnd,
                TargetCell::Period(0),
                TargetCell::Period(2)
            ]
        );
        // A percentage is believable from 0 to 100.
        assert_eq!(
            problems[0].message,
            "The year-end target, 120, is outside the believable range for this KPI (0 to 100)."
        );
        assert!(
            problems[1]
                .message
                .starts_with("The target for Apr 2026: \"eighty\""),
            "{}",
            problems[1].message
        );
        assert_eq!(workspace, before);
    }

    #[test]
    fn a_cumulative_kpis_targets_to_date_are_held_to_its_range_times_the_periods_they_cover() {
        let mut workspace = with_cumulative_k4();
        let k4 = KpiId::new("k4").unwrap();
        workspace.kpis[3].plausible_range = Some((0.0, 150.0));
        let mut form = targets_form(&workspace.kpis[3], year());
        // At most 150 a quarter: 400 by the year end (of 600 possible) and 280 by Q2 (of 300) are believable;
        // 160 in Q1 (of 150) is not.
        form.year_end = "400".to_owned();
        form.periods[0].1 = "160".to_owned();
        form.periods[1].1 = "280".to_owned();
        let problems = set_targets(&mut workspace, &k4, &form).unwrap_err();
        assert_eq!(
            problems,
            [TargetProblem {
                field: TargetCell::Period(0),
                message: "The target for Q1 2026/27, 160, is outside the believable range for this KPI (0 to 150)."
                    .to_owned()
            }]
        );
        form.periods[0].1 = "100".to_owned();
        assert_eq!(set_targets(&mut workspace, &k4, &form), Ok(3));
    }
}
