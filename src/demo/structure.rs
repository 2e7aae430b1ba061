//! The demo council's golden thread: ambitions, directorates, services, teams, people, roles, committees,
//! plans and objectives — the shape of the Cambridgeshire PMF, with fictional names.

use chrono::NaiveDate;

use crate::domain::basics::ids::{
    AmbitionId, DirectorateId, KpiId, ObjectiveId, PersonId, PlanId, RoleId, ServiceId, TeamId,
};
use crate::domain::basics::period::FinancialYear;
use crate::domain::model::golden_thread::{
    Ambition, Committee, CommitteeKind, Directorate, Objective, Person, Plan, PlanLevel, Role,
    RoleHolder, Service, Team, ThreadNode,
};
use crate::domain::model::workspace::Workspace;

/// The vision at the top of the golden thread.
pub(super) const VISION: &str =
    "A greener, fairer and more caring Wealdshire, where every community can thrive.";

const AMBITIONS: [&str; 7] = [
    "Net zero carbon emissions for Wealdshire by 2045, with communities and nature supported to adapt",
    "Travel across the county is safer and more environmentally sustainable",
    "Health inequalities are reduced",
    "People enjoy healthy, safe and independent lives through timely support suited to their needs",
    "People are helped out of poverty and income inequality",
    "Places and communities prosper through a resilient and inclusive economy",
    "Children and young people have opportunities to thrive",
];

/// Directorates: id, name, director id, the policy and service committee its SKPIs go to, its data
/// co-ordinator, and its services (id, name, head id).
/// A directorate row: id, name, director, committee, data co-ordinator, services (id, name, head).
pub(super) type DirectorateRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

pub(super) const DIRECTORATES: [DirectorateRow; 5] = [
    (
        "dir-ahc",
        "Adults, Health and Commissioning",
        "p-okafor",
        "com-ah",
        "p-ward",
        &[
            ("svc-asc", "Adult Social Care", "p-lund"),
            ("svc-comm", "Commissioning", "p-brennan"),
            ("svc-ph", "Public Health", "p-adeyemi"),
        ],
    ),
    (
        "dir-cef",
        "Children, Education and Families",
        "p-fairbairn",
        "com-cyp",
        "p-quinn",
        &[
            ("svc-csc", "Children's Social Care", "p-hussain"),
            ("svc-edu", "Education and Inclusion", "p-morgan"),
            ("svc-eh", "Early Help", "p-kowalski"),
        ],
    ),
    (
        "dir-fr",
        "Finance and Resources",
        "p-desai",
        "com-ap",
        "p-johnson",
        &[
            ("svc-fin", "Finance", "p-oneill"),
            ("svc-hr", "People and HR", "p-hopkins"),
            ("svc-dit", "Digital and IT", "p-nakamura"),
            ("svc-cs", "Customer Services", "p-cartwright"),
        ],
    ),
    (
        "dir-ps",
        "Place and Sustainability",
        "p-thornton",
        "com-ht",
        "p-cooper",
        &[
            ("svc-hwy", "Highways and Transport", "p-bromley"),
            ("svc-waste", "Waste and Environment", "p-greene"),
            ("svc-plan", "Planning and Growth", "p-castillo"),
            ("svc-lib", "Libraries and Culture", "p-borgars"),
        ],
    ),
    (
        "dir-sp",
        "Strategy and Partnerships",
        "p-whitfield",
        "com-csi",
        "p-potts",
        &[
            ("svc-pi", "Policy and Insight", "p-achebe"),
            ("svc-cp", "Communities and Partnerships", "p-lindqvist"),
            ("svc-gp", "Governance and Performance", "p-fletcher"),
        ],
    ),
];

/// Teams: id, name, service, manager.
const TEAMS: [(&str, &str, &str, &str); 8] = [
    ("team-asc-east", "East Locality Team", "svc-asc", "p-shah"),
    ("team-asc-reable", "Reablement Team", "svc-asc", "p-obrien"),
    (
        "team-csc-front",
        "Children's Front Door",
        "svc-csc",
        "p-yates",
    ),
    (
        "team-edu-send",
        "SEND Assessment Team",
        "svc-edu",
        "p-rahman",
    ),
    (
        "team-hwy-maint",
        "Highway Maintenance",
        "svc-hwy",
        "p-dawson",
    ),
    ("team-cs-contact", "Contact Centre", "svc-cs", "p-mensah"),
    ("team-fin-pay", "Accounts Payable", "svc-fin", "p-nowak"),
    (
        "team-gp-perf",
        "Governance and Performance Team",
        "svc-gp",
        "p-fletcher",
    ),
];

/// People: id, name, job title, team, roles, councillor.
/// A person row: id, name, job title, team, roles, councillor.
type PersonRow = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    bool,
);

const PEOPLE: [PersonRow; 52] = [
    (
        "p-marsh",
        "Helen Marsh",
        "Chief Executive",
        None,
        &["role-clt"],
        false,
    ),
    (
        "p-okafor",
        "Grace Okafor",
        "Executive Director, Adults, Health and Commissioning",
        None,
        &["role-clt", "role-dmt"],
        false,
    ),
    (
        "p-fairbairn",
        "Duncan Fairbairn",
        "Executive Director, Children, Education and Families",
        None,
        &["role-clt", "role-dmt"],
        false,
    ),
    (
        "p-desai",
        "Anita Desai",
        "Executive Director, Finance and Resources (Section 151 officer)",
        None,
        &["role-clt", "role-dmt"],
        false,
    ),
    (
        "p-thornton",
        "Mark Thornton",
        "Executive Director, Place and Sustainability",
        None,
        &["role-clt", "role-dmt"],
        false,
    ),
    (
        "p-whitfield",
        "Sophie Whitfield",
        "Director, Strategy and Partnerships",
        None,
        &["role-clt", "role-dmt"],
        false,
    ),
    (
        "p-lund",
        "Erik Lund",
        "Head of Adult Social Care",
        None,
        &["role-hos", "role-dmt"],
        false,
    ),
    (
        "p-brennan",
        "Niamh Brennan",
        "Head of Commissioning",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-adeyemi",
        "Tunde Adeyemi",
        "Director of Public Health",
        None,
        &["role-hos", "role-dmt"],
        false,
    ),
    (
        "p-hussain",
        "Farah Hussain",
        "Head of Children's Social Care",
        None,
        &["role-hos", "role-dmt"],
        false,
    ),
    (
        "p-morgan",
        "Rhys Morgan",
        "Head of Education and Inclusion",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-kowalski",
        "Marta Kowalski",
        "Head of Early Help",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-oneill",
        "Ciaran O'Neill",
        "Head of Finance",
        None,
        &["role-hos", "role-dmt"],
        false,
    ),
    (
        "p-hopkins",
        "Gail Hopkins",
        "Head of People and HR",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-nakamura",
        "Kenji Nakamura",
        "Head of Digital and IT",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-cartwright",
        "Lucy Cartwright",
        "Head of Customer Services",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-bromley",
        "Anne Bromley",
        "Head of Highways and Transport",
        None,
        &["role-hos", "role-dmt"],
        false,
    ),
    (
        "p-greene",
        "Oliver Greene",
        "Head of Waste and Environment",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-castillo",
        "Elena Castillo",
        "Head of Planning and Growth",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-borgars",
        "Fiona Borgars",
        "Head of Libraries and Culture",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-achebe",
        "Chidi Achebe",
        "Head of Policy and Insight",
        None,
        &["role-hos", "role-pit"],
        false,
    ),
    (
        "p-lindqvist",
        "Sara Lindqvist",
        "Head of Communities and Partnerships",
        None,
        &["role-hos"],
        false,
    ),
    (
        "p-fletcher",
        "Keith Fletcher",
        "Head of Governance and Performance",
        Some("team-gp-perf"),
        &["role-hos", "role-gpt"],
        false,
    ),
    (
        "p-ward",
        "Daniel Ward",
        "Performance Analyst, Adults",
        Some("team-gp-perf"),
        &["role-dc", "role-ro"],
        false,
    ),
    (
        "p-quinn",
        "Holly Quinn",
        "Performance Analyst, Children",
        Some("team-gp-perf"),
        &["role-dc", "role-ro"],
        false,
    ),
    (
        "p-johnson",
        "Mel Johnson",
        "Finance Business Partner",
        Some("team-fin-pay"),
        &["role-dc", "role-ro"],
        false,
    ),
    (
        "p-cooper",
        "Spencer Cooper",
        "Performance Officer, Place",
        Some("team-gp-perf"),
        &["role-dc", "role-ro"],
        false,
    ),
    (
        "p-potts",
        "Barbara Potts",
        "Policy and Performance Officer",
        Some("team-gp-perf"),
        &["role-dc", "role-gpt"],
        false,
    ),
    (
        "p-shah",
        "Priya Shah",
        "Team Manager, East Locality",
        Some("team-asc-east"),
        &["role-tm"],
        false,
    ),
    (
        "p-obrien",
        "Sean O'Brien",
        "Team Manager, Reablement",
        Some("team-asc-reable"),
        &["role-tm"],
        false,
    ),
    (
        "p-yates",
        "Joanne Yates",
        "Team Manager, Children's Front Door",
        Some("team-csc-front"),
        &["role-tm"],
        false,
    ),
    (
        "p-rahman",
        "Imran Rahman",
        "SEND Assessment Manager",
        Some("team-edu-send"),
        &["role-tm"],
        false,
    ),
    (
        "p-dawson",
        "Gareth Dawson",
        "Highway Maintenance Manager",
        Some("team-hwy-maint"),
        &["role-tm"],
        false,
    ),
    (
        "p-mensah",
        "Abena Mensah",
        "Contact Centre Manager",
        Some("team-cs-contact"),
        &["role-tm"],
        false,
    ),
    (
        "p-nowak",
        "Piotr Nowak",
        "Accounts Payable Manager",
        Some("team-fin-pay"),
        &["role-tm"],
        false,
    ),
    (
        "p-ellis",
        "Julie Ellis",
        "Social Worker",
        Some("team-asc-east"),
        &["role-ind"],
        false,
    ),
    (
        "p-grant",
        "Tom Grant",
        "Occupational Therapist",
        Some("team-asc-reable"),
        &["role-ind"],
        false,
    ),
    (
        "p-osei",
        "Kwame Osei",
        "Senior Social Worker",
        Some("team-csc-front"),
        &["role-ind"],
        false,
    ),
    (
        "p-baker",
        "Rachel Baker",
        "SEND Caseworker",
        Some("team-edu-send"),
        &["role-ind"],
        false,
    ),
    (
        "p-evans",
        "Dylan Evans",
        "Highway Inspector",
        Some("team-hwy-maint"),
        &["role-ind"],
        false,
    ),
    (
        "p-clarke",
        "Amy Clarke",
        "Customer Adviser",
        Some("team-cs-contact"),
        &["role-ind"],
        false,
    ),
    (
        "p-cllr-hale",
        "Cllr Margaret Hale",
        "Leader of the Council",
        None,
        &["role-exec"],
        true,
    ),
    (
        "p-cllr-singh",
        "Cllr Harjit Singh",
        "Cabinet Member for Adults and Health",
        None,
        &["role-ph", "role-exec"],
        true,
    ),
    (
        "p-cllr-roberts",
        "Cllr Ffion Roberts",
        "Cabinet Member for Children and Young People",
        None,
        &["role-ph", "role-exec"],
        true,
    ),
    (
        "p-cllr-okoro",
        "Cllr Daniel Okoro",
        "Cabinet Member for Finance and Resources",
        None,
        &["role-ph", "role-exec"],
        true,
    ),
    (
        "p-cllr-murray",
        "Cllr Alison Murray",
        "Chair, Strategy, Resources and Performance Committee",
        None,
        &["role-scrutiny"],
        true,
    ),
    (
        "p-cllr-patel",
        "Cllr Vikram Patel",
        "Chair, Audit and Accounts Committee",
        None,
        &["role-audit"],
        true,
    ),
    (
        "p-cllr-doyle",
        "Cllr Brendan Doyle",
        "Chair, Adults and Health Committee",
        None,
        &["role-scrutiny"],
        true,
    ),
    (
        "p-cllr-chen",
        "Cllr Lily Chen",
        "Chair, Children and Young People Committee",
        None,
        &["role-scrutiny"],
        true,
    ),
    (
        "p-cllr-hughes",
        "Cllr Gwen Hughes",
        "Chair, Highways and Transport Committee",
        None,
        &["role-scrutiny"],
        true,
    ),
    (
        "p-cllr-ali",
        "Cllr Yusuf Ali",
        "Chair, Communities, Social Mobility and Inclusion Committee",
        None,
        &["role-scrutiny"],
        true,
    ),
    (
        "p-cllr-wood",
        "Cllr Peter Wood",
        "Chair, Assets and Procurement Committee",
        None,
        &["role-scrutiny"],
        true,
    ),
];

/// Committees: id, name, kind, chair.
pub(super) const COMMITTEES: [(&str, &str, CommitteeKind, Option<&str>); 8] = [
    (
        "com-ah",
        "Adults and Health Committee",
        CommitteeKind::PolicyAndService,
        Some("p-cllr-doyle"),
    ),
    (
        "com-ap",
        "Assets and Procurement Committee",
        CommitteeKind::PolicyAndService,
        Some("p-cllr-wood"),
    ),
    (
        "com-cyp",
        "Children and Young People Committee",
        CommitteeKind::PolicyAndService,
        Some("p-cllr-chen"),
    ),
    (
        "com-csi",
        "Communities, Social Mobility and Inclusion Committee",
        CommitteeKind::PolicyAndService,
        Some("p-cllr-ali"),
    ),
    (
        "com-egi",
        "Environment and Green Investment Committee",
        CommitteeKind::PolicyAndService,
        None,
    ),
    (
        "com-ht",
        "Highways and Transport Committee",
        CommitteeKind::PolicyAndService,
        Some("p-cllr-hughes"),
    ),
    (
        "com-srp",
        "Strategy, Resources and Performance Committee",
        CommitteeKind::StrategyResourcesAndPerformance,
        Some("p-cllr-murray"),
    ),
    (
        "com-audit",
        "Audit and Accounts Committee",
        CommitteeKind::Audit,
        Some("p-cllr-patel"),
    ),
];

/// Roles and their responsibilities, from the roles framework, the performance protocol and the Cambridgeshire PMF (appendices D and E).
const ROLES: [(&str, &str, RoleHolder, &[&str]); 14] = [
    (
        "role-clt",
        "Corporate Leadership Team",
        RoleHolder::Officer,
        &[
            "Delivers the corporate priorities and tracks them through the SKPIs",
            "Approves or rejects new KPIs and recommends improvement or removal of existing ones",
            "Reviews strategic risks on an eight-week cycle",
            "Scrutinises the organisational scorecard monthly",
        ],
    ),
    (
        "role-dmt",
        "Directorate Management Team",
        RoleHolder::Officer,
        &[
            "Manages performance by risk and priority and translates corporate priorities into team outcomes",
            "Reviews directorate risks quarterly",
            "Quality-assures the data and KPIs the directorate produces",
        ],
    ),
    (
        "role-hos",
        "Head of service",
        RoleHolder::Officer,
        &[
            "Manages performance and achieves the outcomes of the service",
            "Approves validation sheets before submission, making sure variances carry an explanation or action plan",
            "Reviews the service's operational risk register: red quarterly, amber half-yearly, green annually",
        ],
    ),
    (
        "role-ro",
        "Responsible officer",
        RoleHolder::Officer,
        &[
            "Produces the data and is responsible for its quality",
            "Calculates the indicators",
            "Completes validation sheets, including variance explanations",
        ],
    ),
    (
        "role-dc",
        "Data co-ordinator",
        RoleHolder::Officer,
        &[
            "Makes sure the performance system is updated in line with the timetable",
            "Co-ordinates validation sheets and supplies them to the performance team",
            "Makes sure explanation notes and action plans arrive on time",
        ],
    ),
    (
        "role-tm",
        "Team manager",
        RoleHolder::Officer,
        &[
            "Provides data in line with reporting requirements",
            "Manages staff performance and holds appraisals",
            "Seeks support to improve performance and manage risks",
        ],
    ),
    (
        "role-gpt",
        "Governance and Performance Team",
        RoleHolder::Officer,
        &[
            "Audits the framework and KPI suite annually and communicates revisions",
            "Supports directorates to produce committee performance reports",
            "Samples KPIs for audit after each quarter and maintains the KPI register",
        ],
    ),
    (
        "role-pit",
        "Policy and Insight Team",
        RoleHolder::Officer,
        &[
            "Extracts and processes data from systems and other sources",
            "Quality-assures data provided by services",
        ],
    ),
    (
        "role-ind",
        "Individual",
        RoleHolder::Officer,
        &[
            "Understands how their work contributes to the Council Plan",
            "Takes part in monthly conversations and the annual appraisal",
            "Raises issues of risk and performance with their manager",
        ],
    ),
    (
        "role-exec",
        "Executive (Cabinet)",
        RoleHolder::Member,
        &[
            "Approves the Performance Management Framework",
            "Challenges financial and non-financial performance of all services",
            "Receives quarterly performance reports",
        ],
    ),
    (
        "role-ph",
        "Portfolio holder",
        RoleHolder::Member,
        &[
            "Monitors, reviews and challenges performance in their portfolio",
            "Takes part in quarterly performance clinics",
        ],
    ),
    (
        "role-scrutiny",
        "Committee member (scrutiny)",
        RoleHolder::Member,
        &[
            "Tracks progress against SKPIs quarterly and asks for further information",
            "Seeks to understand the reasons behind performance and identifies remedial action",
        ],
    ),
    (
        "role-audit",
        "Audit and Accounts Committee member",
        RoleHolder::Member,
        &[
            "Gains assurance over the governance of risk",
            "Scrutinises KPIs and the framework as they affect exposure to risk",
        ],
    ),
    (
        "role-council",
        "Full Council",
        RoleHolder::Member,
        &[
            "Sets corporate priorities and outcomes when refreshing the strategic framework",
            "Approves the Council Plan and the Medium-Term Financial Plan",
        ],
    ),
];

/// Individual objectives: id, person, title, measure, support, ambitions, KPIs, months after the year starts
/// until due.
/// An objective row: id, person, title, measure, support, ambitions, KPIs, months until due.
type ObjectiveRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    u32,
);

const OBJECTIVES: [ObjectiveRow; 6] = [
    (
        "obj-ellis-1",
        "p-ellis",
        "Complete every new Care Act assessment allocated to me within 28 days",
        "Monthly caseload report from the case management system",
        "Fortnightly supervision and protected assessment days",
        &["amb-4"],
        &["skpi-ahc-assess"],
        12,
    ),
    (
        "obj-grant-1",
        "p-grant",
        "Increase the share of reablement clients who need no ongoing support",
        "Outcome recorded at the end of each reablement episode",
        "Training in strengths-based practice in the first quarter",
        &["amb-4"],
        &["skpi-ahc-reable"],
        12,
    ),
    ("obj-osei-1", "p-osei", "Improve", "", "", &[], &[], 0),
    (
        "obj-baker-1",
        "p-baker",
        "Issue draft education, health and care plans within the 20-week limit",
        "",
        "Weekly panel slots booked with the educational psychology service",
        &["amb-7"],
        &["skpi-cef-ehcp"],
        12,
    ),
    (
        "obj-evans-1",
        "p-evans",
        "Inspect every category 1 pothole report within two hours",
        "Inspection times from the highways asset system",
        "A second inspector on winter rotas",
        &["amb-2"],
        &["op-hwy-cat1"],
        6,
    ),
    (
        "obj-clarke-1",
        "p-clarke",
        "Resolve three quarters of enquiries at first contact",
        "First-contact resolution in the telephony report",
        "Access to the new knowledge base",
        &["amb-6"],
        &["corp-cs-fcr"],
        12,
    ),
];

fn id<T: TryFrom<String>>(text: &str) -> T
where
    T::Error: std::fmt::Debug,
{
    T::try_from(text.to_owned()).expect("the demo's ids are valid")
}

/// Adds the golden-thread structure to `workspace`.
pub(super) fn add(workspace: &mut Workspace, year: FinancialYear) {
    workspace.ambitions = AMBITIONS
        .iter()
        .enumerate()
        .map(|(i, title)| Ambition {
            id: id(&format!("amb-{}", i + 1)),
            number: i as u16 + 1,
            title: (*title).to_owned(),
            description: String::new(),
        })
        .collect();
    for (dir, name, director, _, _, services) in DIRECTORATES {
        workspace.directorates.push(Directorate {
            id: id(dir),
            name: name.to_owned(),
            director: Some(id(director)),
            active: true,
        });
        for (svc, service_name, head) in services {
            workspace.services.push(Service {
                id: id(svc),
                name: (*service_name).to_owned(),
                directorate: id(dir),
                head: Some(id(head)),
                active: true,
            });
        }
    }
    workspace.teams = TEAMS
        .iter()
        .map(|(team, name, service, manager)| Team {
            id: id(team),
            name: (*name).to_owned(),
            service: id(service),
            manager: Some(id(manager)),
            active: true,
        })
        .collect();
    workspace.roles = ROLES
        .iter()
        .map(|(role, name, holder, duties)| Role {
            id: id(role),
            name: (*name).to_owned(),
            holder: *holder,
            responsibilities: duties.iter().map(|d| (*d).to_owned()).collect(),
        })
        .collect();
    workspace.people = PEOPLE
        .iter()
        .map(|(person, name, title, team, roles, councillor)| Person {
            id: id(person),
            name: (*name).to_owned(),
            job_title: (*title).to_owned(),
            team: team.map(id::<TeamId>),
            roles: roles.iter().map(|r| id::<RoleId>(r)).collect(),
            councillor: *councillor,
            active: true,
        })
        .collect();
    workspace.committees = COMMITTEES
        .iter()
        .map(|(committee, name, kind, chair)| Committee {
            id: id(committee),
            name: (*name).to_owned(),
            kind: *kind,
            chair: chair.map(id::<PersonId>),
        })
        .collect();
    add_plans(workspace, year);
    workspace.objectives = OBJECTIVES
        .iter()
        .map(
            |(objective, person, title, measure, support, ambitions, kpis, months)| Objective {
                id: id::<ObjectiveId>(objective),
                person: id(person),
                title: (*title).to_owned(),
                measure: (*measure).to_owned(),
                achievable: (*support).to_owned(),
                ambitions: ambitions.iter().map(|a| id::<AmbitionId>(a)).collect(),
                kpis: kpis.iter().map(|k| id::<KpiId>(k)).collect(),
                due: (*months > 0).then(|| {
                    let start: NaiveDate = year.first_day();
                    start + chrono::Months::new(*months) - chrono::Days::new(1)
                }),
            },
        )
        .collect();
}

fn add_plans(workspace: &mut Workspace, year: FinancialYear) {
    let all_ambitions: Vec<AmbitionId> = (1..=7).map(|i| id(&format!("amb-{i}"))).collect();
    let to = FinancialYear::starting(year.start_year() + 2).unwrap_or(year);
    workspace.plans.push(Plan {
        id: id::<PlanId>("plan-council"),
        title: format!("Council Plan {} to {}", year, to),
        level: PlanLevel::Corporate,
        owner: ThreadNode::Council,
        from: year,
        to,
        ambitions: all_ambitions,
    });
    let ambitions_of = |dir: &str| -> Vec<AmbitionId> {
        let numbers: &[u8] = match dir {
            "dir-ahc" => &[3, 4],
            "dir-cef" => &[5, 7],
            "dir-fr" => &[6],
            "dir-ps" => &[1, 2, 6],
            _ => &[3, 5, 6],
        };
        numbers.iter().map(|n| id(&format!("amb-{n}"))).collect()
    };
    for (dir, name, ..) in DIRECTORATES {
        workspace.plans.push(Plan {
            id: id(&format!("plan-{dir}")),
            title: format!("{name} Directorate Plan"),
            level: PlanLevel::Directorate,
            owner: ThreadNode::Directorate(id::<DirectorateId>(dir)),
            from: year,
            to: year,
            ambitions: ambitions_of(dir),
        });
    }
    for (svc, name) in [
        ("svc-asc", "Adult Social Care"),
        ("svc-hwy", "Highways and Transport"),
    ] {
        workspace.plans.push(Plan {
            id: id(&format!("plan-{svc}")),
            title: format!("{name} Service Plan"),
            level: PlanLevel::Service,
            owner: ThreadNode::Service(id::<ServiceId>(svc)),
            from: year,
            to: year,
            ambitions: vec![],
        });
    }
    workspace.plans.push(Plan {
        id: id("plan-team-asc-east"),
        title: "East Locality Team Plan".to_owned(),
        level: PlanLevel::Team,
        owner: ThreadNode::Team(id::<TeamId>("team-asc-east")),
        from: year,
        to: year,
        ambitions: vec![id("amb-4")],
    });
}
