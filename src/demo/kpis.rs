//! The demo council's KPI register: about ten strategic KPIs per directorate, corporate KPIs and operational
//! KPIs, each with a model of how its values move (level, yearly change, seasonality, noise) and the outcome
//! the latest period is set up to show, so the demo holds every RAG status and special status.

use crate::domain::basics::period::Frequency;
use crate::domain::basics::unit::Unit;
use crate::domain::maths::aggregation::MeasureType;
use crate::domain::maths::rag::Polarity;
use crate::domain::model::kpi::{
    IndicatorTiming, KpiLevel, KpiStatus, MetricCategory, Perspective, PmfComponent,
};

/// What the latest period is set up to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// On or above target.
    Green,
    /// Within 10 % of target.
    Amber,
    /// More than 10 % off target, and not improving.
    Red,
    /// Red, but improving year on year.
    RedImproving,
    /// Green, but falling steadily over the last six periods.
    GreenDeclining,
    /// Tracked to inform a target (no RAG).
    Baseline,
    /// Tracked for context, without a target (no RAG).
    Contextual,
    /// Agreed, no data yet (no RAG).
    InDevelopment,
    /// No longer reported: two years of history.
    Retired,
}

impl Outcome {
    pub(super) fn status(self) -> KpiStatus {
        match self {
            Outcome::Baseline => KpiStatus::Baseline,
            Outcome::Contextual => KpiStatus::Contextual,
            Outcome::InDevelopment => KpiStatus::InDevelopment,
            Outcome::Retired => KpiStatus::Retired,
            _ => KpiStatus::Active,
        }
    }

    /// Actual ÷ target for a higher-is-better KPI at the latest period (inverted for lower is better).
    pub(super) fn performance_ratio(self) -> Option<f64> {
        match self {
            Outcome::Green => Some(1.04),
            Outcome::GreenDeclining => Some(1.02),
            Outcome::Amber => Some(0.95),
            Outcome::Red | Outcome::RedImproving => Some(0.82),
            _ => None,
        }
    }
}

/// A demo KPI.
#[derive(Clone, Debug)]
pub(super) struct Spec {
    pub id: &'static str,
    pub name: &'static str,
    pub level: KpiLevel,
    pub directorate: Option<&'static str>,
    pub service: &'static str,
    pub team: Option<&'static str>,
    pub perspective: Perspective,
    pub category: MetricCategory,
    pub source: &'static str,
    pub frequency: Frequency,
    pub polarity: Polarity,
    pub unit: Unit,
    pub decimals: u8,
    pub measure: MeasureType,
    pub timing: IndicatorTiming,
    pub component: PmfComponent,
    pub ambitions: &'static [u8],
    pub committees: &'static [&'static str],
    /// Typical value per period at the start of the history.
    pub base: f64,
    /// Change per year, as a fraction of `base`.
    pub yearly: f64,
    /// Seasonal swing, as a fraction of `base` (negative: the dip is at `peak`).
    pub season: f64,
    /// The month of the financial year (1 = April) where the seasonal swing peaks.
    pub peak: u8,
    /// Noise, as a fraction of `base`.
    pub noise: f64,
    pub outcome: Outcome,
    /// The latest period has no value yet (the return is late).
    pub late: bool,
    /// The target is zero (an overspend, say): rated with an absolute amber tolerance of this many units.
    pub zero_target_amber: Option<f64>,
    pub note: &'static str,
    pub variance: &'static str,
    pub action: Option<(&'static str, &'static str)>,
}

impl Spec {
    fn new(
        id: &'static str,
        level: KpiLevel,
        directorate: Option<&'static str>,
        service: &'static str,
        name: &'static str,
    ) -> Self {
        Self {
            id,
            name,
            level,
            directorate,
            service,
            team: None,
            perspective: if level == KpiLevel::Corporate {
                Perspective::Corporate
            } else {
                Perspective::Residents
            },
            category: MetricCategory::LocalAuthority,
            source: "",
            frequency: Frequency::Monthly,
            polarity: Polarity::HigherIsBetter,
            unit: Unit::Percent,
            decimals: 1,
            measure: MeasureType::Snapshot,
            timing: IndicatorTiming::Lagging,
            component: PmfComponent::BusinessPlanning,
            ambitions: &[],
            committees: &[],
            base: 50.0,
            yearly: 0.0,
            season: 0.0,
            peak: 10,
            noise: 0.01,
            outcome: Outcome::Green,
            late: false,
            zero_target_amber: None,
            note: "",
            variance: "",
            action: None,
        }
    }
    fn quarterly(mut self) -> Self {
        self.frequency = Frequency::Quarterly;
        self
    }
    fn annual(mut self) -> Self {
        self.frequency = Frequency::Annual;
        self
    }
    fn termly(mut self) -> Self {
        self.frequency = Frequency::Termly;
        self
    }
    fn lower(mut self) -> Self {
        self.polarity = Polarity::LowerIsBetter;
        self
    }
    fn unit(mut self, unit: Unit, decimals: u8) -> Self {
        self.unit = unit;
        self.decimals = decimals;
        self
    }
    fn cumulative(mut self) -> Self {
        self.measure = MeasureType::Cumulative;
        self
    }
    fn leading(mut self) -> Self {
        self.timing = IndicatorTiming::Leading;
        self
    }
    fn from(mut self, category: MetricCategory, source: &'static str) -> Self {
        self.category = category;
        self.source = source;
        self
    }
    fn perspective(mut self, perspective: Perspective) -> Self {
        self.perspective = perspective;
        self
    }
    fn component(mut self, component: PmfComponent) -> Self {
        self.component = component;
        self
    }
    fn serves(mut self, ambitions: &'static [u8]) -> Self {
        self.ambitions = ambitions;
        self
    }
    fn reported_to(mut self, committees: &'static [&'static str]) -> Self {
        self.committees = committees;
        self
    }
    fn team(mut self, team: &'static str) -> Self {
        self.team = Some(team);
        self
    }
    fn model(mut self, base: f64, yearly: f64, season: f64, peak: u8, noise: f64) -> Self {
        (self.base, self.yearly, self.season, self.peak, self.noise) =
            (base, yearly, season, peak, noise);
        self
    }
    fn shows(mut self, outcome: Outcome) -> Self {
        self.outcome = outcome;
        self
    }
    fn late(mut self) -> Self {
        self.late = true;
        self
    }
    fn zero_target(mut self, amber_within: f64) -> Self {
        self.zero_target_amber = Some(amber_within);
        self
    }
    fn note(mut self, note: &'static str) -> Self {
        self.note = note;
        self
    }
    fn red(mut self, variance: &'static str, action: Option<(&'static str, &'static str)>) -> Self {
        self.variance = variance;
        self.action = action;
        self
    }
}

fn skpi(
    id: &'static str,
    directorate: &'static str,
    service: &'static str,
    name: &'static str,
) -> Spec {
    Spec::new(id, KpiLevel::Strategic, Some(directorate), service, name)
}

fn corporate(id: &'static str, service: &'static str, name: &'static str) -> Spec {
    Spec::new(id, KpiLevel::Corporate, None, service, name).reported_to(&["com-srp"])
}

fn operational(
    id: &'static str,
    directorate: &'static str,
    service: &'static str,
    name: &'static str,
) -> Spec {
    Spec::new(id, KpiLevel::Operational, Some(directorate), service, name)
}

use MetricCategory::{CentralGovernment, Partner, Survey};
use Outcome::*;
use PmfComponent as C;

/// Every demo KPI.
pub(super) fn specs() -> Vec<Spec> {
    vec![
        // Adults, Health and Commissioning
        skpi("skpi-ahc-assess", "dir-ahc", "svc-asc", "% of Care Act assessments completed within 28 days")
            .serves(&[4]).model(74.0, 0.01, -0.04, 10, 0.015).shows(Red)
            .note("Performance fell again in the winter peak; waiting lists are now falling week on week.")
            .red(
                "Demand 12% above forecast after hospital discharges, with two social work vacancies in the east.",
                Some(("Bring in four agency social workers for the east locality and hold weekly allocation clinics", "Four agency staff in post and the waiting list under 150")),
            ),
        skpi("skpi-ahc-reable", "dir-ahc", "svc-asc", "% of older people still at home 91 days after reablement")
            .quarterly().from(CentralGovernment, "ASCOF 2B").serves(&[4]).model(82.0, 0.01, 0.0, 1, 0.01).shows(Green)
            .note("Above target for the fourth quarter running; strengths-based practice is paying off."),
        skpi("skpi-ahc-delayed", "dir-ahc", "svc-asc", "Delayed discharges from hospital per day (social care)")
            .lower().unit(Unit::Count, 1).from(Partner, "NHS discharge sitrep").serves(&[3, 4])
            .model(18.0, 0.02, 0.18, 10, 0.04).shows(Red)
            .note("Two care homes closed to admissions for infection control in the month.")
            .red(
                "Home care capacity in the north of the county is 60 hours a week short of demand.",
                Some(("Commission a rapid-response home care contract for the north of the county", "Contract let and 60 extra hours a week in place")),
            ),
        skpi("skpi-ahc-respcare", "dir-ahc", "svc-comm", "Permanent admissions to residential and nursing care, aged 65+, per 100,000")
            .quarterly().lower().unit(Unit::RatePer { per: 100_000 }, 1).cumulative().from(CentralGovernment, "ASCOF 2A")
            .serves(&[4]).model(140.0, -0.02, 0.05, 4, 0.03).shows(Green)
            .note("Year to date below the profile as more people are supported at home."),
        skpi("skpi-ahc-direct", "dir-ahc", "svc-asc", "% of people receiving self-directed support as a direct payment")
            .from(CentralGovernment, "ASCOF 1C").serves(&[4]).model(27.0, 0.0, 0.0, 1, 0.006).shows(GreenDeclining)
            .note("Still above target, but take-up has slipped each month since the personal assistant market tightened."),
        skpi("skpi-ahc-carers", "dir-ahc", "svc-asc", "Carers' assessments completed")
            .unit(Unit::Count, 0).cumulative().leading().serves(&[4]).model(120.0, 0.04, 0.08, 6, 0.05).shows(Amber)
            .note("Just behind profile; the carers' hub outreach in rural areas restarts next month."),
        skpi("skpi-ahc-safeguard", "dir-ahc", "svc-asc", "% of safeguarding enquiries where risk was reduced or removed")
            .quarterly().component(C::SafeguardingQualityAssurance).serves(&[4]).model(91.0, 0.005, 0.0, 1, 0.008).shows(Green)
            .note("Consistently high; the quarterly audit found good recording of outcomes."),
        skpi("skpi-ahc-smoking", "dir-ahc", "svc-ph", "Smoking prevalence in adults (%)")
            .annual().lower().from(CentralGovernment, "OHID Public Health Outcomes Framework").serves(&[3])
            .model(12.8, -0.04, 0.0, 1, 0.01).shows(Green)
            .note("Lowest recorded; the stop smoking service exceeded its quit target."),
        skpi("skpi-ahc-healthcheck", "dir-ahc", "svc-ph", "% of eligible people receiving an NHS Health Check")
            .quarterly().cumulative().leading().unit(Unit::Percent, 1).serves(&[3]).model(2.4, 0.08, 0.0, 1, 0.03).shows(RedImproving)
            .note("Well below target but better than last year as GP practices re-join the programme.")
            .red(
                "Eleven GP practices paused checks during the vaccination campaign.",
                Some(("Offer NHS Health Checks in community pharmacies in the three most deprived areas", "Pharmacy checks live in all three areas")),
            ),
        skpi("skpi-ahc-lifegap", "dir-ahc", "svc-ph", "Gap in life expectancy between the most and least deprived areas (years)")
            .annual().lower().unit(Unit::Score, 1).from(CentralGovernment, "ONS").serves(&[3]).model(8.9, 0.0, 0.0, 1, 0.01).shows(Baseline)
            .note("New measure for the health inequalities strategy; a target will be set after a second year of data."),
        operational("op-asc-waiting", "dir-ahc", "svc-asc", "People waiting for a Care Act assessment")
            .lower().unit(Unit::Count, 0).team("team-asc-east").model(240.0, -0.03, 0.12, 10, 0.04).shows(Amber)
            .note("Down from the winter peak but still above the 200 we aim for."),
        operational("op-asc-reviews", "dir-ahc", "svc-asc", "% of people receiving long-term support with an annual review")
            .model(71.0, 0.03, 0.0, 1, 0.01).shows(Green).note("Review team fully staffed since the summer."),
        // Children, Education and Families
        skpi("skpi-cef-ehcp", "dir-cef", "svc-edu", "% of education, health and care plans issued within 20 weeks")
            .from(CentralGovernment, "SEN2").serves(&[7]).model(52.0, -0.02, 0.08, 6, 0.05).shows(Red)
            .note("Requests for assessment are up 28% on last year.")
            .red(
                "Educational psychology capacity is short by four posts against demand.",
                Some(("Commission additional educational psychology assessments from an approved provider", "Backlog of overdue plans cleared")),
            ),
        skpi("skpi-cef-rereferral", "dir-cef", "svc-csc", "% of referrals to children's social care that are re-referrals within 12 months")
            .lower().from(CentralGovernment, "CIN census").serves(&[7]).model(21.0, -0.03, 0.0, 1, 0.03).shows(Green)
            .note("Below the statistical neighbour average; step-down to early help is working."),
        skpi("skpi-cef-cpvisits", "dir-cef", "svc-csc", "% of child protection visits made within timescale")
            .component(C::SafeguardingQualityAssurance).serves(&[7]).model(92.0, 0.0, -0.02, 9, 0.012).shows(Amber)
            .note("Slightly below target over the Christmas period; all overdue visits completed by early January."),
        skpi("skpi-cef-cla", "dir-cef", "svc-csc", "Children looked after per 10,000 children")
            .quarterly().unit(Unit::RatePer { per: 10_000 }, 1).from(CentralGovernment, "SSDA903").serves(&[7])
            .model(52.0, 0.01, 0.0, 1, 0.015).shows(Contextual)
            .note("Tracked for context: in line with statistical neighbours."),
        skpi("skpi-cef-absence", "dir-cef", "svc-edu", "Persistent absence in primary schools (%)")
            .termly().lower().from(CentralGovernment, "DfE school census").serves(&[7]).model(17.0, -0.03, 0.0, 1, 0.03).shows(Amber)
            .note("Improving, but illness in the spring term kept it above target."),
        skpi("skpi-cef-neet", "dir-cef", "svc-eh", "% of 16 and 17 year olds not in education, employment or training (or not known)")
            .lower().from(CentralGovernment, "NCCIS").serves(&[5, 7]).model(5.2, -0.03, 0.25, 6, 0.03).shows(Green)
            .note("The usual September rise in 'not known' has cleared faster than last year."),
        skpi("skpi-cef-schools", "dir-cef", "svc-edu", "% of pupils in schools judged good or outstanding")
            .quarterly().from(CentralGovernment, "Ofsted").serves(&[7]).model(88.0, 0.005, 0.0, 1, 0.006).shows(Green)
            .note("Three schools moved up to good this term."),
        skpi("skpi-cef-earlyhelp", "dir-cef", "svc-eh", "% of families whose needs were met when early help closed")
            .quarterly().serves(&[5, 7]).shows(InDevelopment)
            .note("Agreed by the committee; recording starts with the new case management system."),
        skpi("skpi-cef-swvacancy", "dir-cef", "svc-csc", "Children's social worker vacancy rate (%)")
            .lower().perspective(Perspective::Corporate).component(C::PeopleManagement).serves(&[7])
            .model(18.0, 0.03, 0.0, 1, 0.02).shows(Red)
            .note("Two team managers left in the month; the regional pay agreement is delayed.")
            .red("Neighbouring authorities pay market supplements of up to £5,000.", None),
        skpi("skpi-cef-fsm", "dir-cef", "svc-edu", "Take-up of free school meals among eligible pupils (%)")
            .termly().serves(&[5, 7]).model(86.0, 0.01, 0.0, 1, 0.01).shows(Green)
            .note("Auto-enrolment through housing benefit data has lifted take-up."),
        operational("op-csc-frontdoor", "dir-cef", "svc-csc", "% of contacts to the Children's Front Door decided within 24 hours")
            .team("team-csc-front").model(91.0, 0.01, 0.0, 1, 0.01).shows(Green).note("Decisions on time in all but urgent strategy cases."),
        // Finance and Resources: strategic KPIs
        skpi("skpi-fr-localspend", "dir-fr", "svc-fin", "% of council spend with Wealdshire suppliers")
            .quarterly().component(C::FinancialManagement).serves(&[6]).model(41.0, 0.02, 0.0, 1, 0.015).shows(Green)
            .note("Meet-the-buyer events brought 14 new local suppliers onto frameworks."),
        skpi("skpi-fr-sme", "dir-fr", "svc-fin", "% of contract spend with small and medium-sized enterprises")
            .quarterly().component(C::FinancialManagement).serves(&[6]).model(33.0, 0.0, 0.0, 1, 0.02).shows(Amber)
            .note("Two large highways contracts went to national firms this quarter."),
        skpi("skpi-fr-capital", "dir-fr", "svc-fin", "% of the capital programme delivered to plan")
            .quarterly().leading().component(C::FinancialManagement).serves(&[6]).model(78.0, 0.0, 0.0, 1, 0.03).shows(Amber)
            .note("School expansion schemes slipped after tender prices came in high."),
        skpi("skpi-fr-receipts", "dir-fr", "svc-fin", "Capital receipts from surplus property (£)")
            .quarterly().unit(Unit::Pounds, 0).cumulative().component(C::FinancialManagement).serves(&[6])
            .model(650_000.0, 0.0, 0.0, 1, 0.2).shows(Green).note("The former depot site sold above valuation."),
        skpi("skpi-fr-accounts", "dir-fr", "svc-dit", "Residents' online accounts opened")
            .unit(Unit::Count, 0).cumulative().leading().component(C::Modernisation).serves(&[6])
            .model(1_900.0, 0.1, 0.1, 10, 0.06).shows(Green).note("School admissions drove sign-ups in the autumn."),
        skpi("skpi-fr-socialvalue", "dir-fr", "svc-fin", "Social value committed through council contracts (£)")
            .quarterly().unit(Unit::Pounds, 0).cumulative().component(C::FinancialManagement).serves(&[5, 6])
            .model(300_000.0, 0.05, 0.0, 1, 0.15).shows(Amber).note("New social value measures apply to contracts let from April."),
        skpi("skpi-fr-apprentices", "dir-fr", "svc-hr", "Apprenticeship starts in the council's workforce")
            .quarterly().unit(Unit::Count, 0).cumulative().component(C::PeopleManagement).serves(&[5, 6])
            .model(22.0, 0.05, 0.3, 6, 0.15).shows(Green).note("Most starts come in September with the college intake."),
        skpi("skpi-fr-energy", "dir-fr", "svc-fin", "Energy used in council buildings (MWh)")
            .quarterly().lower().unit(Unit::Count, 0).cumulative().component(C::FinancialManagement).serves(&[1])
            .model(4_800.0, -0.04, 0.2, 10, 0.03).shows(Green).note("Heat pumps at four libraries cut gas use."),
        skpi("skpi-fr-debt", "dir-fr", "svc-fin", "Sundry debt more than 90 days old (£)")
            .lower().unit(Unit::Pounds, 0).component(C::FinancialManagement).serves(&[6])
            .model(1_300_000.0, 0.0, 0.0, 1, 0.04).shows(Amber).note("Two NHS invoices in dispute make up £310,000."),
        // Finance and Resources: corporate KPIs
        corporate("corp-fr-budget", "svc-fin", "Forecast revenue overspend (£)")
            .lower().unit(Unit::Pounds, 0).component(C::FinancialManagement).reported_to(&["com-srp", "com-ap"])
            .model(2_400_000.0, 0.0, 0.0, 1, 0.08).shows(Red).zero_target(500_000.0)
            .note("Pressures in children's placements and home-to-school transport.")
            .red(
                "Placement costs are £1.9m over budget with three high-cost residential placements since October.",
                Some(("Agree a recovery plan with each directorate through the spending control panel", "Forecast overspend below £500,000 at month 9")),
            ),
        corporate("corp-fr-invoices", "svc-fin", "% of undisputed invoices paid within 30 days")
            .team("team-fin-pay").component(C::FinancialManagement).model(93.0, 0.01, 0.0, 1, 0.008).shows(Green)
            .note("On target after the purchase-to-pay changes."),
        corporate("corp-fr-sickness", "svc-hr", "Working days lost to sickness per full-time employee (rolling 12 months)")
            .lower().unit(Unit::Days, 1).component(C::PeopleManagement).model(9.8, -0.01, 0.05, 10, 0.015).shows(Amber)
            .note("Respiratory illness drove a rise in short-term absence this winter."),
        corporate("corp-fr-turnover", "svc-hr", "Voluntary staff turnover (%)")
            .quarterly().lower().component(C::PeopleManagement).model(11.0, -0.02, 0.0, 1, 0.03).shows(Green)
            .note("Lowest in three years; exit interviews cite better flexible working."),
        corporate("corp-fr-agency", "svc-hr", "Spend on agency staff (£)")
            .lower().unit(Unit::Pounds, 0).cumulative().component(C::FinancialManagement)
            .model(850_000.0, 0.05, 0.0, 1, 0.05).shows(Red).note("Driven by social work cover in both care directorates.")
            .red(
                "Agency social workers cover 22% of frontline posts in children's services.",
                Some(("Convert long-running agency roles to fixed-term posts through the social work academy", "Twelve agency roles converted")),
            ),
        corporate("corp-fr-savings", "svc-fin", "Savings delivered against the medium-term financial plan (£)")
            .quarterly().unit(Unit::Pounds, 0).cumulative().leading().component(C::FinancialManagement)
            .reported_to(&["com-srp", "com-ap"]).model(3_200_000.0, 0.0, 0.0, 1, 0.04).shows(Amber)
            .note("Two waste-contract savings move to next year; the rest are on track."),
        corporate("corp-cs-fcr", "svc-cs", "% of enquiries resolved at first contact")
            .team("team-cs-contact").component(C::CustomerInsight).serves(&[6]).model(71.0, 0.02, 0.0, 1, 0.01).shows(Green)
            .note("The new knowledge base has helped advisers resolve more enquiries."),
        corporate("corp-cs-calls", "svc-cs", "% of calls answered within 60 seconds")
            .team("team-cs-contact").component(C::CustomerInsight).model(84.0, 0.0, -0.03, 10, 0.008).shows(GreenDeclining)
            .note("Above target, but slipping as call volumes rise ahead of the council tax bills."),
        corporate("corp-cs-complaints", "svc-cs", "% of complaints answered within 10 working days")
            .component(C::CustomerInsight).model(82.0, 0.01, 0.0, 1, 0.015).shows(Amber).late()
            .note("A backlog in highways complaints is being cleared."),
        corporate("corp-dit-uptime", "svc-dit", "Availability of critical IT systems (%)")
            .component(C::Modernisation).unit(Unit::Percent, 2).model(99.6, 0.0, 0.0, 1, 0.001).shows(Green)
            .note("One planned outage, outside office hours."),
        corporate("corp-dit-online", "svc-dit", "% of transactions completed online")
            .quarterly().leading().component(C::Modernisation).serves(&[6]).model(64.0, 0.04, 0.0, 1, 0.01).shows(Green)
            .note("Blue badge and school admissions moved online this year."),
        // Place and Sustainability
        skpi("skpi-ps-potholes", "dir-ps", "svc-hwy", "% of category 1 potholes repaired within 24 hours")
            .team("team-hwy-maint").serves(&[2]).model(74.0, 0.0, -0.07, 10, 0.015).shows(Red)
            .note("Freeze-thaw in January produced three times the usual reports.")
            .red(
                "Repair gangs were diverted to gritting for eleven days.",
                Some(("Bring in two additional repair gangs through the term contract until March", "Both gangs working and the backlog cleared")),
            ),
        skpi("skpi-ps-roads", "dir-ps", "svc-hwy", "% of principal roads where maintenance should be considered")
            .annual().lower().from(CentralGovernment, "DfT RDL0101").serves(&[2]).model(4.2, -0.03, 0.0, 1, 0.02).shows(Green)
            .note("Condition improving with the extra resurfacing funding."),
        skpi("skpi-ps-ksi", "dir-ps", "svc-hwy", "People killed or seriously injured on the county's roads")
            .quarterly().lower().unit(Unit::Count, 0).cumulative().from(CentralGovernment, "DfT STATS19").serves(&[2])
            .model(70.0, -0.03, 0.08, 3, 0.08).shows(Amber)
            .note("Motorcyclist casualties rose over the summer; a targeted campaign runs next spring."),
        skpi("skpi-ps-recycling", "dir-ps", "svc-waste", "% of household waste reused, recycled or composted")
            .quarterly().from(CentralGovernment, "WasteDataFlow").reported_to(&["com-egi", "com-srp"]).serves(&[1])
            .model(56.0, 0.01, 0.06, 2, 0.01).shows(Amber)
            .note("Garden waste tonnages were low after the dry summer."),
        skpi("skpi-ps-landfill", "dir-ps", "svc-waste", "% of household waste sent to landfill")
            .quarterly().lower().reported_to(&["com-egi", "com-srp"]).serves(&[1]).model(7.0, -0.05, 0.0, 1, 0.03).shows(Green)
            .note("The new energy-from-waste contract keeps landfill low."),
        skpi("skpi-ps-carbon", "dir-ps", "svc-waste", "Council's own carbon emissions (tonnes CO2e)")
            .annual().lower().unit(Unit::Count, 0).reported_to(&["com-egi", "com-srp"]).serves(&[1])
            .model(21_000.0, -0.06, 0.0, 1, 0.01).shows(Green).note("Down 6% with LED street lighting and building retrofits."),
        skpi("skpi-ps-evcharge", "dir-ps", "svc-hwy", "Public electric vehicle charge points installed")
            .quarterly().unit(Unit::Count, 0).cumulative().leading().reported_to(&["com-egi", "com-ht", "com-srp"]).serves(&[1, 2])
            .model(25.0, 0.3, 0.0, 1, 0.15).shows(Green).note("Ahead of the LEVI funding profile."),
        skpi("skpi-ps-buses", "dir-ps", "svc-hwy", "% of bus services running on time")
            .from(Partner, "Bus operators").serves(&[2]).model(82.0, 0.0, -0.02, 9, 0.012).shows(Amber)
            .note("Roadworks on the A-road corridor affected two routes."),
        skpi("skpi-ps-homes", "dir-ps", "svc-plan", "Affordable homes delivered")
            .quarterly().unit(Unit::Count, 0).cumulative().reported_to(&["com-ap", "com-srp"]).serves(&[5, 6])
            .model(110.0, 0.05, 0.0, 1, 0.12).shows(Amber).note("Two sites slipped into next quarter after contractor delays."),
        skpi("skpi-ps-planning", "dir-ps", "svc-plan", "% of major planning applications decided within 13 weeks or an agreed extension")
            .quarterly().from(CentralGovernment, "DLUHC PS1").reported_to(&["com-ap", "com-srp"]).serves(&[6])
            .model(88.0, 0.01, 0.0, 1, 0.02).shows(Green).note("All minerals and waste applications on time."),
        skpi("skpi-ps-libraries", "dir-ps", "svc-lib", "Library visits, in person and online")
            .unit(Unit::Count, 0).cumulative().reported_to(&["com-csi", "com-srp"]).serves(&[6])
            .model(95_000.0, 0.03, 0.15, 4, 0.03).shows(Green).note("The summer reading challenge drew record numbers."),
        skpi("skpi-ps-led", "dir-ps", "svc-hwy", "Street lights converted to LED")
            .quarterly().unit(Unit::Count, 0).cumulative().serves(&[1]).model(2_400.0, 0.0, 0.0, 1, 0.05).shows(Retired)
            .note("Programme complete: every street light is now LED."),
        operational("op-hwy-cat1", "dir-ps", "svc-hwy", "Average time to inspect category 1 defect reports (hours)")
            .lower().unit(Unit::Count, 1).team("team-hwy-maint").model(1.9, -0.02, 0.1, 10, 0.04).shows(Green)
            .note("Inside the two-hour standard despite the winter volumes."),
        operational("op-waste-hwrc", "dir-ps", "svc-waste", "Recycling centre visitors satisfied with their visit (%)")
            .quarterly().from(Survey, "Exit survey").perspective(Perspective::Residents).model(92.0, 0.0, 0.0, 1, 0.01).shows(Green)
            .note("Booking system changes were well received."),
        // Strategy and Partnerships
        skpi("skpi-sp-satisfied", "dir-sp", "svc-pi", "Residents satisfied with the way the council runs things (%)")
            .annual().from(Survey, "Residents' survey").reported_to(&["com-srp"]).serves(&[6]).model(58.0, 0.02, 0.0, 1, 0.02).shows(Amber)
            .note("Up two points, in line with the LGA national poll."),
        skpi("skpi-sp-informed", "dir-sp", "svc-pi", "Residents who feel well informed about the council (%)")
            .annual().from(Survey, "Residents' survey").reported_to(&["com-srp"]).serves(&[6]).model(55.0, 0.03, 0.0, 1, 0.02).shows(Green)
            .note("The new residents' newsletter reaches 80,000 households."),
        skpi("skpi-sp-support", "dir-sp", "svc-cp", "Households helped through the Household Support Fund")
            .quarterly().unit(Unit::Count, 0).cumulative().serves(&[5]).model(2_800.0, 0.05, 0.1, 3, 0.05).shows(Green)
            .note("Winter grants went out through schools and food banks."),
        skpi("skpi-sp-welfare", "dir-sp", "svc-cp", "Welfare benefit gains secured for residents (£)")
            .quarterly().unit(Unit::Pounds, 0).cumulative().serves(&[5]).model(420_000.0, 0.04, 0.0, 1, 0.06).shows(Amber)
            .note("Pension Credit campaign results come through next quarter."),
        skpi("skpi-sp-groups", "dir-sp", "svc-cp", "Community groups supported by the community fund")
            .quarterly().unit(Unit::Count, 0).cumulative().serves(&[6]).model(40.0, 0.0, 0.0, 1, 0.15).shows(Contextual)
            .note("Tracked to show the reach of the fund."),
        skpi("skpi-sp-kpiaudit", "dir-sp", "svc-gp", "% of sampled KPIs passing the quarterly audit")
            .quarterly().component(C::BusinessPlanning).reported_to(&["com-audit", "com-srp"]).model(84.0, 0.02, 0.0, 1, 0.03).shows(Amber)
            .note("Two of twelve sampled KPIs lacked evidence of the calculation."),
        skpi("skpi-sp-cohesion", "dir-sp", "svc-cp", "Residents who feel people from different backgrounds get on well (%)")
            .annual().from(Survey, "Residents' survey").serves(&[6]).model(79.0, 0.01, 0.0, 1, 0.01).shows(Green)
            .note("Consistent across all districts of the county."),
        skpi("skpi-sp-online", "dir-sp", "svc-cp", "Residents helped to get online at digital inclusion hubs")
            .quarterly().unit(Unit::Count, 0).cumulative().serves(&[5]).model(650.0, 0.06, 0.0, 1, 0.08).shows(Amber)
            .note("Two hubs closed over the summer for refurbishment."),
        skpi("skpi-sp-funding", "dir-sp", "svc-pi", "External funding secured with partners (£)")
            .quarterly().unit(Unit::Pounds, 0).cumulative().leading().serves(&[6]).model(1_100_000.0, 0.0, 0.0, 1, 0.25).shows(Green)
            .note("Successful bid to the Shared Prosperity Fund for rural broadband."),
        corporate("corp-sp-riskreviews", "svc-gp", "% of risk reviews completed on time")
            .component(C::RiskManagement).reported_to(&["com-audit"]).model(88.0, 0.02, 0.0, 1, 0.02).shows(Green)
            .note("All strategic risks reviewed at the last leadership team."),
        corporate("corp-sp-foi", "svc-gp", "% of freedom of information requests answered within 20 working days")
            .component(C::BusinessPlanning).model(86.0, 0.01, 0.0, 1, 0.02).shows(Amber).late()
            .note("Complex requests about the waste contract took longer."),
        corporate("corp-hr-riddor", "svc-hr", "Staff injuries reportable under RIDDOR")
            .quarterly().lower().unit(Unit::Count, 0).cumulative().component(C::HealthAndSafety).model(6.0, -0.05, 0.0, 1, 0.15).shows(Green)
            .note("No serious injuries; manual handling training refreshed in depots."),
        corporate("corp-hr-inclusion", "svc-hr", "Staff who feel they can be themselves at work (%)")
            .annual().from(Survey, "Staff survey").component(C::PeopleManagement).model(71.0, 0.0, 0.0, 1, 0.01).shows(Baseline)
            .note("First year of the new staff survey question."),
    ]
}
