//! The demo council: a fictional county council built on the seeds' structure (the Cambridgeshire PMF's five directorates,
//! seven ambitions and policy and service committees), with three full financial years of monthly, quarterly,
//! termly and annual performance and the current year up to the latest period that has ended. It is what the app opens with on a
//! first visit, and the fixture the tests use. Generated, not stored, so it costs little in the bundle.

mod audits;
mod bank_holidays;
mod history;
mod kpis;
mod registers;
mod scaled;
mod series;
mod structure;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::basics::ids::{DirectorateId, KpiId, PersonId, ServiceId, TeamId};
use crate::domain::basics::period::{FinancialYear, Frequency, Period};
use crate::domain::basics::unit::Unit;
use crate::domain::maths::aggregation::MeasureType;
use crate::domain::maths::rag::{Polarity, RagStatus};
use crate::domain::model::framework::Framework;
use crate::domain::model::kpi::{KpiDefinition, KpiStatus, Target};
use crate::domain::model::measurement::{
    Measurement, RagOverride, Signoff, Validation, ValidationState,
};
use crate::domain::model::workspace::Workspace;
use kpis::{Outcome, Spec};
pub use scaled::scaled_workspace;

/// The name of the demo council.
pub const DEMO_COUNCIL_NAME: &str = "Wealdshire County Council";

/// The demo council as it stands on `as_at`: the current financial year is the one containing `as_at`, and
/// the history runs from three full years before it to the latest period that has ended.
pub fn demo_workspace(as_at: NaiveDate) -> Workspace {
    let year = FinancialYear::containing(as_at)
        .unwrap_or_else(|| FinancialYear::starting(2024).expect("2024 is a supported year"));
    let first_year = FinancialYear::starting(year.start_year() - 3).unwrap_or(year);
    let mut framework = Framework::new(DEMO_COUNCIL_NAME, year);
    framework.vision = structure::VISION.to_owned();
    framework.calendar.bank_holidays = bank_holidays::england_and_wales();
    let mut workspace = Workspace::new(framework);
    structure::add(&mut workspace, year);
    let specs = kpis::specs();
    for (index, spec) in specs.iter().enumerate() {
        add_kpi(&mut workspace, spec, index, first_year, as_at);
    }
    registers::add(&mut workspace, &specs, as_at);
    audits::add(&mut workspace, as_at);
    history::add(&mut workspace);
    workspace
}

fn id<T: TryFrom<String>>(text: &str) -> T
where
    T::Error: std::fmt::Debug,
{
    T::try_from(text.to_owned()).expect("the demo's ids are valid")
}

/// The directorate, head of service and data co-ordinator of a service.
fn service_people(service: &str) -> (&'static str, &'static str, &'static str) {
    structure::DIRECTORATES
        .iter()
        .find_map(|(dir, _, _, _, coordinator, services)| {
            services
                .iter()
                .find(|(svc, ..)| *svc == service)
                .map(|(_, _, head)| (*dir, *head, *coordinator))
        })
        .expect("every demo service belongs to a directorate")
}

fn committee_of(directorate: &str) -> &'static str {
    structure::DIRECTORATES
        .iter()
        .find(|(dir, ..)| *dir == directorate)
        .map(|(_, _, _, committee, ..)| *committee)
        .expect("every demo directorate has a committee")
}

/// A target rounded as people set them: to 0.1 or 0.5 for percentages and days, else to 3 significant figures.
fn nice(value: f64, unit: Unit) -> f64 {
    match unit {
        Unit::Percent if value < 20.0 => series::round_to(value, 1),
        Unit::Percent => ((value * 2.0).round() / 2.0).min(100.0),
        Unit::Days => series::round_to(value, 1),
        _ if value == 0.0 => 0.0,
        // Three significant figures. Below 100, rounding to decimal places divides by a power of ten rather
        // than multiplying by a fraction of one: 156 × 0.1 is 15.600000000000001, 156 / 10 is 15.6, the
        // figure a council would type (and a spreadsheet, keeping 15 digits, would read back).
        _ => {
            let exponent = value.abs().log10().floor() as i32 - 2;
            match u8::try_from(-exponent) {
                Ok(places) if exponent < 0 => series::round_to(value, places),
                _ => {
                    let magnitude = 10f64.powi(exponent);
                    (value / magnitude).round() * magnitude
                }
            }
        }
    }
}

/// The year-end target that makes the latest figure show the spec's outcome.
fn year_end_target(spec: &Spec, values: &[(Period, f64)]) -> Option<(FinancialYear, f64)> {
    let ratio = spec.outcome.performance_ratio().or(match spec.outcome {
        Outcome::Retired => Some(1.04),
        _ => None,
    })?;
    let &(latest, value) = values.last()?;
    let (rated, share) = match spec.measure {
        MeasureType::Snapshot | MeasureType::YearToDate => (value, 1.0),
        MeasureType::Cumulative => (
            values
                .iter()
                .filter(|(p, _)| p.year() == latest.year())
                .map(|(_, v)| v)
                .sum::<f64>(),
            f64::from(latest.index()) / f64::from(latest.frequency().periods_per_year()),
        ),
    };
    let target = match spec.polarity {
        Polarity::LowerIsBetter => rated * ratio / share,
        _ => rated / ratio / share,
    };
    Some((latest.year(), target))
}

/// Targets for every year of the history and the next: less ambitious the further back (or zero, for a
/// KPI such as an overspend whose target is none at all).
fn targets(spec: &Spec, values: &[(Period, f64)], first_year: FinancialYear) -> Vec<Target> {
    let zero = spec.zero_target_amber.is_some();
    let Some((latest_year, target)) =
        year_end_target(spec, values).map(|(year, t)| (year, if zero { 0.0 } else { t }))
    else {
        return Vec::new();
    };
    let last_year = if spec.outcome == Outcome::Retired {
        latest_year.start_year()
    } else {
        latest_year.start_year() + 1
    };
    (first_year.start_year()..=last_year)
        .filter_map(|start| {
            let years_ahead = f64::from(start) - f64::from(latest_year.start_year());
            let stretch = if spec.polarity == Polarity::LowerIsBetter {
                1.0 - 0.03 * years_ahead
            } else {
                1.0 + 0.03 * years_ahead
            };
            let value = if years_ahead == 0.0 {
                target
            } else {
                target * stretch
            };
            Some(Target {
                period: Period::new(Frequency::Annual, FinancialYear::starting(start)?, 1)?,
                value: nice(value, spec.unit),
            })
        })
        .collect()
}

fn signoff(by: &str, at: NaiveDate) -> Signoff {
    Signoff {
        by: by.to_owned(),
        at: DateTime::<Utc>::from_naive_utc_and_offset(
            at.and_hms_opt(10, 0, 0).expect("a valid time"),
            Utc,
        ),
    }
}

fn person_name(workspace: &Workspace, person: &str) -> String {
    workspace
        .people
        .iter()
        .find(|p| p.id.as_str() == person)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

fn add_kpi(
    workspace: &mut Workspace,
    spec: &Spec,
    index: usize,
    first_year: FinancialYear,
    as_at: NaiveDate,
) {
    let (directorate, head, coordinator) = service_people(spec.service);
    let values = series::values(spec, first_year, as_at);
    let committees: Vec<&str> = match (spec.committees.is_empty(), spec.level) {
        (false, _) => spec.committees.to_vec(),
        (true, crate::domain::model::kpi::KpiLevel::Strategic) => {
            vec![committee_of(directorate), "com-srp"]
        }
        (true, _) => vec![],
    };
    let kpi_id: KpiId = id(spec.id);
    workspace.kpis.push(KpiDefinition {
        id: kpi_id.clone(),
        name: spec.name.to_owned(),
        definition: String::new(),
        level: spec.level,
        perspective: spec.perspective,
        category: spec.category,
        source: spec.source.to_owned(),
        frequency: spec.frequency,
        polarity: spec.polarity,
        unit: spec.unit,
        decimals: spec.decimals,
        measure: spec.measure,
        snapshot_summary: Default::default(),
        status: spec.outcome.status(),
        timing: spec.timing,
        component: Some(spec.component),
        ambitions: spec
            .ambitions
            .iter()
            .map(|n| id(&format!("amb-{n}")))
            .collect(),
        directorate: spec.directorate.map(id::<DirectorateId>),
        service: Some(id::<ServiceId>(spec.service)),
        team: spec.team.map(id::<TeamId>),
        owner: Some(id::<PersonId>(head)),
        data_coordinator: Some(id::<PersonId>(coordinator)),
        committees: committees.iter().map(|c| id(c)).collect(),
        targets: match spec.outcome.status() {
            KpiStatus::Active | KpiStatus::Retired => targets(spec, &values, first_year),
            _ => Vec::new(),
        },
        rag_rule: (spec.unit == Unit::Pounds && spec.polarity == Polarity::LowerIsBetter).then(
            || crate::domain::maths::rag::RagRule {
                basis: crate::domain::maths::rag::GapBasis::Absolute,
                green_within: 0.0,
                amber_within: 500_000.0,
                ..Default::default()
            },
        ),
        plausible_range: None,
        status_changes: vec![],
        defaulted: vec![],
    });
    let (coordinator_name, head_name) = (
        person_name(workspace, coordinator),
        person_name(workspace, head),
    );
    let count = values.len();
    for (position, (period, value)) in values.into_iter().enumerate() {
        let mut measurement = Measurement::new(kpi_id.clone(), period, value);
        let latest = position + 1 == count;
        let state = match (latest, index % 10) {
            (false, _) => ValidationState::Approved,
            (true, 0) => ValidationState::Draft,
            (true, 3 | 7) => ValidationState::Submitted,
            (true, _) => ValidationState::Approved,
        };
        let due = period.end_date();
        measurement.validation = Validation {
            state,
            submitted: (state != ValidationState::Draft)
                .then(|| signoff(&coordinator_name, due + chrono::Days::new(7))),
            approved: (state == ValidationState::Approved)
                .then(|| signoff(&head_name, due + chrono::Days::new(10))),
        };
        if latest {
            measurement.commentary = spec.note.to_owned();
            measurement.variance_explanation = spec.variance.to_owned();
            if spec.id == "skpi-ahc-delayed" {
                measurement.rag_override = Some(RagOverride {
                    status: RagStatus::Amber,
                    reason: "Two care homes closed to admissions for infection control; the committee chair agreed \
                             amber while the providers recover."
                        .to_owned(),
                    by: head_name.clone(),
                    at: signoff(&head_name, due + chrono::Days::new(12)).at,
                });
            }
        }
        if spec.id == "corp-fr-invoices" && position + 5 == count {
            measurement.rag_override = Some(RagOverride {
                status: RagStatus::Green,
                reason: "Invoices held by the finance system migration are excluded, as agreed by the Section 151 officer."
                    .to_owned(),
                by: "Anita Desai".to_owned(),
                at: signoff("Anita Desai", due + chrono::Days::new(12)).at,
            });
        }
        workspace.measurements.push(measurement);
    }
}
