//! The demo council's risk registers, action plans, benchmarks and lessons learnt.

use chrono::{Days, NaiveDate};

use super::kpis::{Outcome, Spec};
use crate::domain::basics::ids::{
    ActionId, AmbitionId, DirectorateId, KpiId, LessonId, PersonId, RiskId,
};
use crate::domain::basics::seeded_random::SplitMix;
use crate::domain::model::action::{Action, ActionStatus};
use crate::domain::model::benchmark::BenchmarkValue;
use crate::domain::model::kpi::MetricCategory;
use crate::domain::model::lesson::Lesson;
use crate::domain::model::risk::{Risk, RiskAssessment, RiskLevel, RiskReview};
use crate::domain::model::workspace::Workspace;

/// Fictional comparator authorities (a CIPFA-style nearest-neighbour group of fifteen).
const NEIGHBOURS: [&str; 15] = [
    "Northmoor",
    "Eastfold",
    "Westhaven",
    "Southby",
    "Ashdown",
    "Brackenshire",
    "Cranmere",
    "Dunholme",
    "Elmsworth",
    "Fernleigh",
    "Greystoke Vale",
    "Hollowmere",
    "Kingsmead",
    "Larchfield",
    "Marlbrook",
];

/// A risk: id, title, level, directorate, owner, inherent, residual, target (likelihood, impact), mitigations,
/// escalation criteria, days since the last review, KPIs, ambitions.
type RiskSpec = (
    &'static str,
    &'static str,
    RiskLevel,
    Option<&'static str>,
    &'static str,
    (u8, u8),
    (u8, u8),
    (u8, u8),
    &'static [&'static str],
    &'static str,
    u64,
    &'static [&'static str],
    &'static [u8],
);

const RISKS: [RiskSpec; 16] = [
    (
        "risk-str-finance",
        "Medium-term financial sustainability",
        RiskLevel::Strategic,
        None,
        "p-desai",
        (5, 5),
        (4, 5),
        (3, 4),
        &[
            "Savings programme monitored monthly by the leadership team",
            "Reserves strategy reviewed at budget setting",
        ],
        "Escalate to Cabinet if the forecast overspend exceeds 1% of the net budget for two months.",
        30,
        &["corp-fr-budget", "corp-fr-savings"],
        &[6],
    ),
    (
        "risk-str-asc-market",
        "Fragility of the adult social care market",
        RiskLevel::Strategic,
        None,
        "p-okafor",
        (5, 4),
        (4, 4),
        (3, 3),
        &[
            "Market sustainability plan",
            "Fee uplift agreed with providers",
        ],
        "Escalate if two or more providers give notice in a quarter.",
        70,
        &["skpi-ahc-delayed"],
        &[4],
    ),
    (
        "risk-str-send",
        "Pressure on the high needs block (special educational needs)",
        RiskLevel::Strategic,
        None,
        "p-fairbairn",
        (5, 5),
        (5, 4),
        (3, 4),
        &[
            "Safety Valve programme",
            "New special school places from September",
        ],
        "Escalate if the deficit grows faster than the agreed recovery plan.",
        20,
        &["skpi-cef-ehcp"],
        &[7],
    ),
    (
        "risk-str-cyber",
        "Cyber attack disrupting council services",
        RiskLevel::Strategic,
        None,
        "p-desai",
        (4, 5),
        (3, 5),
        (2, 5),
        &[
            "Multi-factor authentication for all staff",
            "Tested offline backups",
            "Annual penetration test",
        ],
        "Escalate immediately on any confirmed intrusion.",
        40,
        &["corp-dit-uptime"],
        &[6],
    ),
    (
        "risk-str-climate",
        "Failure to meet the council's net zero commitment",
        RiskLevel::Strategic,
        None,
        "p-thornton",
        (4, 4),
        (3, 4),
        (2, 3),
        &[
            "Decarbonisation plan for council buildings",
            "Fleet electrification programme",
        ],
        "Escalate if annual emissions reduction falls below 5%.",
        50,
        &["skpi-ps-carbon"],
        &[1],
    ),
    (
        "risk-str-workforce",
        "Recruitment and retention of key staff",
        RiskLevel::Strategic,
        None,
        "p-marsh",
        (4, 4),
        (4, 3),
        (2, 3),
        &[
            "Social work academy",
            "Market supplements reviewed twice a year",
        ],
        "Escalate if any frontline service has a vacancy rate above 15% for two months.",
        85,
        &["skpi-cef-swvacancy", "corp-fr-agency"],
        &[4, 7],
    ),
    (
        "risk-ahc-discharge",
        "Hospital discharge delays",
        RiskLevel::Directorate,
        Some("dir-ahc"),
        "p-lund",
        (4, 4),
        (4, 3),
        (2, 3),
        &[
            "Discharge-to-assess beds",
            "Daily system call with the NHS trust",
        ],
        "Escalate to the strategic register if delays exceed 25 a day for a month.",
        40,
        &["skpi-ahc-delayed"],
        &[3, 4],
    ),
    (
        "risk-ahc-assessment",
        "Backlog of Care Act assessments",
        RiskLevel::Directorate,
        Some("dir-ahc"),
        "p-lund",
        (4, 3),
        (3, 3),
        (2, 2),
        &["Agency social workers", "Weekly allocation clinics"],
        "Escalate if more than 300 people are waiting.",
        120,
        &["skpi-ahc-assess", "op-asc-waiting"],
        &[4],
    ),
    (
        "risk-cef-placements",
        "Cost and sufficiency of children's placements",
        RiskLevel::Directorate,
        Some("dir-cef"),
        "p-hussain",
        (5, 4),
        (4, 4),
        (3, 3),
        &[
            "In-house fostering recruitment campaign",
            "Regional commissioning framework",
        ],
        "Escalate if three or more unregistered placements are used in a month.",
        60,
        &["corp-fr-budget"],
        &[7],
    ),
    (
        "risk-cef-ofsted",
        "Outcome of the next inspection of children's services",
        RiskLevel::Directorate,
        Some("dir-cef"),
        "p-fairbairn",
        (3, 4),
        (2, 4),
        (2, 3),
        &["Quarterly practice audits", "Improvement board"],
        "Escalate on any inadequate audit grade.",
        200,
        &["skpi-cef-cpvisits"],
        &[7],
    ),
    (
        "risk-fr-income",
        "Shortfall in income from fees and charges",
        RiskLevel::Directorate,
        Some("dir-fr"),
        "p-oneill",
        (3, 3),
        (3, 2),
        (2, 2),
        &["Fees reviewed annually against inflation"],
        "Escalate if income is 5% below budget at month 6.",
        150,
        &["corp-fr-budget"],
        &[6],
    ),
    (
        "risk-fr-systems",
        "Replacement of the finance and HR system",
        RiskLevel::Directorate,
        Some("dir-fr"),
        "p-nakamura",
        (4, 3),
        (3, 3),
        (2, 2),
        &["Programme board", "Parallel running for two months"],
        "Escalate on a delay of more than one month to go-live.",
        30,
        &["corp-fr-invoices"],
        &[6],
    ),
    (
        "risk-ps-winter",
        "Severe winter weather damaging the road network",
        RiskLevel::Directorate,
        Some("dir-ps"),
        "p-bromley",
        (4, 4),
        (3, 4),
        (3, 3),
        &[
            "Winter service plan",
            "Salt stocks above 10,000 tonnes by November",
        ],
        "Escalate if salt stocks fall below 3,000 tonnes.",
        45,
        &["skpi-ps-potholes"],
        &[2],
    ),
    (
        "risk-ps-waste-contract",
        "Performance of the waste disposal contract",
        RiskLevel::Directorate,
        Some("dir-ps"),
        "p-greene",
        (3, 3),
        (2, 3),
        (2, 2),
        &["Monthly contract meetings", "Performance deductions regime"],
        "Escalate after two months of missed contract standards.",
        400,
        &["skpi-ps-recycling"],
        &[1],
    ),
    (
        "risk-sp-data",
        "Quality of performance data",
        RiskLevel::Operational,
        Some("dir-sp"),
        "p-fletcher",
        (3, 3),
        (2, 3),
        (1, 3),
        &[
            "Quarterly KPI audit",
            "Validation sheets signed off by heads of service",
        ],
        "Escalate if an audited KPI is found misreported to committee.",
        95,
        &["skpi-sp-kpiaudit"],
        &[6],
    ),
    (
        "risk-cs-telephony",
        "Contact centre telephony failure",
        RiskLevel::Operational,
        Some("dir-fr"),
        "p-cartwright",
        (2, 4),
        (2, 3),
        (1, 3),
        &[
            "Cloud telephony with a second supplier",
            "Business continuity plan tested annually",
        ],
        "Escalate on any outage longer than two hours.",
        380,
        &["corp-cs-calls"],
        &[6],
    ),
];

/// Lessons learnt: id, title, days ago, what happened, learning, raised by, KPIs, shared with partners.
/// A lesson row: id, title, days ago, what happened, learning, raised by, KPIs, shared with partners.
type LessonRow = (
    &'static str,
    &'static str,
    u64,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    bool,
);

const LESSONS: [LessonRow; 4] = [
    (
        "lesson-winter-discharge",
        "Plan assessment capacity for winter discharges",
        300,
        "Assessments slipped every January as hospital discharges peaked.",
        "Book agency cover from November and share the discharge forecast with the NHS trust.",
        "Erik Lund",
        &["skpi-ahc-assess", "skpi-ahc-delayed"],
        true,
    ),
    (
        "lesson-pothole-comms",
        "Tell residents when and where repair gangs are working",
        200,
        "Complaints doubled during the freeze although repairs were on time.",
        "Publish the daily repair programme on the website and social media.",
        "Anne Bromley",
        &["skpi-ps-potholes", "corp-cs-complaints"],
        false,
    ),
    (
        "lesson-kpi-definitions",
        "Write down how each KPI is calculated",
        120,
        "Two audited KPIs could not be recalculated from the evidence kept.",
        "Every KPI now has a definition sheet reviewed by the Governance and Performance Team.",
        "Keith Fletcher",
        &["skpi-sp-kpiaudit"],
        false,
    ),
    (
        "lesson-fsm-autoenrol",
        "Use data the council already holds to enrol families",
        60,
        "Free school meal take-up rose six points after auto-enrolment.",
        "Look for other entitlements we can award without an application.",
        "Rhys Morgan",
        &["skpi-cef-fsm"],
        true,
    ),
];

fn id<T: TryFrom<String>>(text: &str) -> T
where
    T::Error: std::fmt::Debug,
{
    T::try_from(text.to_owned()).expect("the demo's ids are valid")
}

fn assessment((likelihood, impact): (u8, u8)) -> RiskAssessment {
    RiskAssessment::new(likelihood, impact).expect("the demo's scores are 1 to 5")
}

/// Adds risks, actions, benchmarks and lessons to `workspace`.
pub(super) fn add(workspace: &mut Workspace, specs: &[Spec], as_at: NaiveDate) {
    add_risks(workspace, as_at);
    add_actions(workspace, specs, as_at);
    add_benchmarks(workspace, specs);
    workspace.lessons = LESSONS
        .iter()
        .map(
            |(lesson, title, days_ago, happened, learning, by, kpis, shared)| Lesson {
                id: id::<LessonId>(lesson),
                title: (*title).to_owned(),
                date: as_at - Days::new(*days_ago),
                what_happened: (*happened).to_owned(),
                learning: (*learning).to_owned(),
                raised_by: (*by).to_owned(),
                kpis: kpis.iter().map(|k| id::<KpiId>(k)).collect(),
                risks: vec![],
                shared_with_partners: *shared,
            },
        )
        .collect();
}

fn add_risks(workspace: &mut Workspace, as_at: NaiveDate) {
    for (
        risk,
        title,
        level,
        directorate,
        owner,
        inherent,
        residual,
        target,
        mitigations,
        escalation,
        days,
        kpis,
        ambitions,
    ) in RISKS
    {
        let last_review = as_at - Days::new(days);
        let earlier = last_review - Days::new(90);
        workspace.risks.push(Risk {
            id: id::<RiskId>(risk),
            title: title.to_owned(),
            description: String::new(),
            level,
            directorate: directorate.map(id::<DirectorateId>),
            owner: Some(id::<PersonId>(owner)),
            inherent: assessment(inherent),
            residual: assessment(residual),
            target: assessment(target),
            mitigations: mitigations.iter().map(|m| (*m).to_owned()).collect(),
            escalation_criteria: escalation.to_owned(),
            opened: earlier - Days::new(365),
            reviews: vec![
                RiskReview {
                    date: earlier,
                    by: "Directorate Management Team".to_owned(),
                    note: "Mitigations on track.".to_owned(),
                    residual: assessment((residual.0.saturating_add(1).min(5), residual.1)),
                },
                RiskReview {
                    date: last_review,
                    by: if level == RiskLevel::Strategic {
                        "Corporate Leadership Team"
                    } else {
                        "Directorate Management Team"
                    }
                    .to_owned(),
                    note: "Reviewed with the latest performance data.".to_owned(),
                    residual: assessment(residual),
                },
            ],
            kpis: kpis.iter().map(|k| id::<KpiId>(k)).collect(),
            ambitions: ambitions
                .iter()
                .map(|n| id::<AmbitionId>(&format!("amb-{n}")))
                .collect(),
            closed: None,
        });
    }
}

fn add_actions(workspace: &mut Workspace, specs: &[Spec], as_at: NaiveDate) {
    let with_actions = specs
        .iter()
        .filter_map(|spec| spec.action.map(|action| (spec, action)));
    for (n, (spec, (title, measure))) in with_actions.enumerate() {
        let owner = workspace
            .kpis
            .iter()
            .find(|k| k.id.as_str() == spec.id)
            .and_then(|k| k.owner.clone());
        let (due, status) = match n % 4 {
            0 => (as_at - Days::new(12), ActionStatus::InProgress),
            1 => (as_at + Days::new(45), ActionStatus::NotStarted),
            _ => (
                as_at + Days::new(30 + 15 * n as u64),
                ActionStatus::InProgress,
            ),
        };
        workspace.actions.push(Action {
            id: id::<ActionId>(&format!("act-{}", spec.id)),
            title: title.to_owned(),
            measure: measure.to_owned(),
            owner,
            due: Some(due),
            status,
            kpi: Some(id(spec.id)),
            risk: None,
            progress: if status == ActionStatus::InProgress {
                "Under way; first results expected next month."
            } else {
                ""
            }
            .to_owned(),
            open_ended_reason: String::new(),
        });
    }
    workspace.actions.push(Action {
        id: id("act-led-programme"),
        title: "Complete the conversion of every street light to LED".to_owned(),
        measure: "All street lights converted".to_owned(),
        owner: Some(id("p-bromley")),
        due: Some(as_at - Days::new(200)),
        status: ActionStatus::Completed,
        kpi: Some(id("skpi-ps-led")),
        risk: Some(id("risk-str-climate")),
        progress: "Completed on time and on budget.".to_owned(),
        open_ended_reason: String::new(),
    });
}

/// Comparator values for strategic KPIs from national returns, spread around the council's latest value.
fn add_benchmarks(workspace: &mut Workspace, specs: &[Spec]) {
    for spec in specs.iter().filter(|s| {
        s.category == MetricCategory::CentralGovernment
            && !matches!(s.outcome, Outcome::InDevelopment | Outcome::Retired)
    }) {
        let Some(latest) = workspace
            .measurements
            .iter()
            .rev()
            .find(|m| m.kpi.as_str() == spec.id)
        else {
            continue;
        };
        let (period, ours) = (latest.period, latest.value.unwrap_or(spec.base));
        let mut random = SplitMix::new(11, spec.id);
        for authority in NEIGHBOURS {
            let value =
                super::series::round_to(ours * (1.0 + 0.12 * random.normal()), spec.decimals);
            workspace.benchmarks.push(BenchmarkValue {
                kpi: id(spec.id),
                period,
                group: "CIPFA nearest neighbours".to_owned(),
                authority: authority.to_owned(),
                value,
            });
        }
    }
}
