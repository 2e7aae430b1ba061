//! The demo council grown to a given size: extra monthly KPIs, each with a run of monthly values that all carry
//! commentary and sign-off. It answers "how big a workspace fits in the browser?" (the storage benchmark and
//! the browser test that stores one) with data shaped like real returns, not padding.

use chrono::{Days, NaiveDate};

use super::signoff;
use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::{Frequency, Period};
use crate::domain::basics::seeded_random::SplitMix;
use crate::domain::model::measurement::{Measurement, Validation, ValidationState};
use crate::domain::model::workspace::Workspace;

/// Openings of monthly commentary, as services write them.
const OPENINGS: [&str; 8] = [
    "Performance improved this month",
    "Performance dipped slightly",
    "The figure is in line with the seasonal pattern",
    "Demand rose again",
    "Staffing pressures continued",
    "The new process bedded in",
    "Validation found two late returns",
    "Activity recovered after the holiday period",
];

/// What services say about the cause.
const CAUSES: [&str; 8] = [
    "following the restructure of the duty team",
    "as vacancies in the locality teams were filled",
    "because of higher referral volumes from partners",
    "after the system upgrade delayed case closures",
    "with agency cover reduced across the service",
    "as winter pressures began earlier than forecast",
    "once the backlog from the previous quarter cleared",
    "despite sickness absence in two of the hubs",
];

/// What services say they will do next.
const NEXT_STEPS: [&str; 8] = [
    "The service manager will review the action plan at the next team meeting.",
    "A deep dive is scheduled for the next performance board.",
    "Weekly monitoring continues until the trend is clear.",
    "The data co-ordinator is checking the source extract with the system owner.",
    "No further action is needed this month.",
    "Additional capacity has been agreed until the end of the quarter.",
    "Partners have been asked for an updated forecast.",
    "The target will be reviewed as part of the annual refresh.",
];

/// Words for the free-text part of commentary, so it compresses like prose rather than like a template.
const WORDS: [&str; 64] = [
    "referrals",
    "partners",
    "capacity",
    "families",
    "schools",
    "waiting",
    "assessment",
    "review",
    "budget",
    "agency",
    "locality",
    "north",
    "south",
    "east",
    "west",
    "district",
    "hospital",
    "discharge",
    "placements",
    "contract",
    "provider",
    "tender",
    "complaints",
    "members",
    "scrutiny",
    "officers",
    "training",
    "recruitment",
    "backlog",
    "overtime",
    "weekend",
    "winter",
    "summer",
    "funding",
    "grant",
    "pilot",
    "evaluation",
    "survey",
    "residents",
    "carers",
    "volunteers",
    "libraries",
    "highways",
    "potholes",
    "recycling",
    "fly-tipping",
    "planning",
    "appeals",
    "licensing",
    "inspections",
    "audit",
    "returns",
    "extract",
    "system",
    "upgrade",
    "duty",
    "manager",
    "team",
    "hub",
    "sites",
    "visits",
    "calls",
    "emails",
    "cases",
];

/// The demo council with extra monthly KPIs until it holds `kpi_count` KPIs, each extra one with the
/// `months` monthly values up to the latest month ended before `as_at`, every value with commentary.
/// The extra KPIs copy the definitions of the demo's monthly KPIs (numbered copies, one per area), so they
/// validate exactly as the originals do.
pub fn scaled_workspace(kpi_count: usize, months: usize, as_at: NaiveDate) -> Workspace {
    let mut workspace = super::demo_workspace(as_at);
    let templates: Vec<_> = workspace
        .kpis
        .iter()
        .filter(|k| k.frequency == Frequency::Monthly)
        .cloned()
        .collect();
    let Some(latest) = Period::containing(Frequency::Monthly, as_at).and_then(Period::previous)
    else {
        return workspace;
    };
    let periods: Vec<Period> = std::iter::successors(Some(latest), |p| p.previous())
        .take(months)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let extra = kpi_count.saturating_sub(workspace.kpis.len());
    for copy in 0..extra {
        let template = &templates[copy % templates.len()];
        let mut kpi = template.clone();
        kpi.id = KpiId::try_from(format!("{}-{:04}", template.id.as_str(), copy))
            .expect("a numbered copy of a valid id is valid");
        kpi.name = format!("{} (area {})", template.name, copy / templates.len() + 1);
        let mut random = SplitMix::new(copy as u64, kpi.id.as_str());
        let level = template.targets.first().map_or(50.0, |t| t.value).max(1.0);
        for period in &periods {
            let value = (level * (1.0 + 0.1 * random.normal())).max(0.0).round();
            let mut measurement = Measurement::new(kpi.id.clone(), *period, value);
            measurement.commentary = commentary(&mut random);
            let due = period.end_date();
            measurement.validation = Validation {
                state: ValidationState::Approved,
                submitted: Some(signoff("Data co-ordinator", due + Days::new(7))),
                approved: Some(signoff("Head of service", due + Days::new(10))),
            };
            workspace.measurements.push(measurement);
        }
        workspace.kpis.push(kpi);
    }
    workspace
}

fn pick<'a>(random: &mut SplitMix, choices: &[&'a str]) -> &'a str {
    let index = (random.unit() * choices.len() as f64) as usize;
    choices[index.min(choices.len() - 1)]
}

/// A paragraph of commentary of about 300 characters: a sentence in the services' usual phrasing with
/// figures that differ every month, then free-text notes.
fn commentary(random: &mut SplitMix) -> String {
    let cases = (random.unit() * 400.0) as u32 + 20;
    let change = random.unit() * 9.0;
    let notes: Vec<&str> = (0..12).map(|_| pick(random, &WORDS)).collect();
    format!(
        "{} ({} cases, {:.1}% on last month) {}. {} Notes: {}.",
        pick(random, &OPENINGS),
        cases,
        change,
        pick(random, &CAUSES),
        pick(random, &NEXT_STEPS),
        notes.join(" ")
    )
}
