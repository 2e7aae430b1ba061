//! A KPI's definition: every column of the Cambridgeshire PMF's balanced scorecard (Appendix C) and what the framework
//! needs besides: level, unit, measure type, status, golden-thread links and targets.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::{
    AmbitionId, CommitteeId, DirectorateId, KpiId, PersonId, ServiceId, TeamId,
};
use crate::domain::basics::period::{FinancialYear, Frequency, Period};
use crate::domain::basics::unit::Unit;
use crate::domain::maths::aggregation::{MeasureType, SnapshotSummary};
use crate::domain::maths::rag::{Polarity, RagRule};

/// The level of performance management a KPI serves (the Cambridgeshire PMF).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiLevel {
    /// A strategic KPI (SKPI): links directly to the corporate ambitions.
    Strategic,
    /// A corporate KPI: corporate services and internal processes (workforce, finance).
    Corporate,
    /// An operational KPI of a service or team.
    Operational,
    /// An individual's KPI.
    Individual,
}

impl KpiLevel {
    /// The level's name.
    pub const fn label(self) -> &'static str {
        match self {
            KpiLevel::Strategic => "Strategic (SKPI)",
            KpiLevel::Corporate => "Corporate",
            KpiLevel::Operational => "Operational",
            KpiLevel::Individual => "Individual",
        }
    }
}

/// Who the KPI is about (the scorecard's "Perspective").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    /// Residents and service users.
    Residents,
    /// The organisation: staff and internal processes.
    Corporate,
    /// Money: budgets, income, value for money.
    Financial,
    /// Partners and the wider place.
    Partners,
}

impl Perspective {
    /// The perspective's name.
    pub const fn label(self) -> &'static str {
        match self {
            Perspective::Residents => "Residents",
            Perspective::Corporate => "Corporate",
            Perspective::Financial => "Financial",
            Perspective::Partners => "Partners",
        }
    }
}

/// Where a metric comes from (the scorecard's "Metric category").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricCategory {
    /// A national or statutory measure defined by central government.
    CentralGovernment,
    /// A measure the council defines locally.
    LocalAuthority,
    /// Supplied by a partner organisation or a commissioned service.
    Partner,
    /// From a survey of residents, users or staff.
    Survey,
}

impl MetricCategory {
    /// The category's name.
    pub const fn label(self) -> &'static str {
        match self {
            MetricCategory::CentralGovernment => "Central government",
            MetricCategory::LocalAuthority => "Local authority",
            MetricCategory::Partner => "Partner",
            MetricCategory::Survey => "Survey",
        }
    }
}

/// A KPI's reporting status (the Cambridgeshire PMF), which also places it in the KPI cycle (see `kpi_cycle`). Only active
/// KPIs get a RAG rating; proposed and retired ones are on no scorecard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiStatus {
    /// Put forward by officers, awaiting approval.
    Proposed,
    /// Reported against a target with a RAG rating.
    Active,
    /// "Being tracked in order to inform the target-setting process."
    Baseline,
    /// "Tracks key activities … without a performance target."
    Contextual,
    /// "Agreed, but data collection and target setting are in development."
    InDevelopment,
    /// No longer reported; its history is kept.
    Retired,
}

impl KpiStatus {
    /// The status's name as the Cambridgeshire PMF writes it.
    pub const fn label(self) -> &'static str {
        match self {
            KpiStatus::Proposed => "Proposed",
            KpiStatus::Active => "Active",
            KpiStatus::Baseline => "Baseline",
            KpiStatus::Contextual => "Contextual",
            KpiStatus::InDevelopment => "In Development",
            KpiStatus::Retired => "Retired",
        }
    }

    /// Whether the KPI is reported now: on scorecards and in roll-ups (every status but proposed and retired).
    pub const fn is_live(self) -> bool {
        !matches!(self, KpiStatus::Proposed | KpiStatus::Retired)
    }
}

/// A step of a KPI through the cycle: from what to what, who took it, when and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// The status before (none when the KPI was proposed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<KpiStatus>,
    /// The status after.
    pub to: KpiStatus,
    /// Who took the step: a person or a body.
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// Why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Whether a KPI looks back or ahead (the Cambridgeshire PMF: "a mixture of leading and lagging indicators").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorTiming {
    /// Predicts future performance.
    Leading,
    /// Shows what has already happened.
    Lagging,
}

impl IndicatorTiming {
    /// Leading or lagging, in words.
    pub const fn label(self) -> &'static str {
        match self {
            IndicatorTiming::Leading => "Leading (predicts performance)",
            IndicatorTiming::Lagging => "Lagging (shows what has happened)",
        }
    }
}

/// The eight components of the Performance Management Framework (the eight-part PMF).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PmfComponent {
    /// 1 – Business planning and management.
    BusinessPlanning,
    /// 2 – Risk management.
    RiskManagement,
    /// 3 – Financial management.
    FinancialManagement,
    /// 4 – Customer insight.
    CustomerInsight,
    /// 5 – Modernisation, programmes and projects.
    Modernisation,
    /// 6 – People management.
    PeopleManagement,
    /// 7 – Health and safety management.
    HealthAndSafety,
    /// 8 – Safeguarding quality assurance.
    SafeguardingQualityAssurance,
}

impl PmfComponent {
    /// All eight, in the eight-part PMF's order.
    pub const ALL: [PmfComponent; 8] = [
        PmfComponent::BusinessPlanning,
        PmfComponent::RiskManagement,
        PmfComponent::FinancialManagement,
        PmfComponent::CustomerInsight,
        PmfComponent::Modernisation,
        PmfComponent::PeopleManagement,
        PmfComponent::HealthAndSafety,
        PmfComponent::SafeguardingQualityAssurance,
    ];

    /// The component's name as the eight-part PMF writes it.
    pub const fn label(self) -> &'static str {
        match self {
            PmfComponent::BusinessPlanning => "Business planning and management",
            PmfComponent::RiskManagement => "Risk management",
            PmfComponent::FinancialManagement => "Financial management",
            PmfComponent::CustomerInsight => "Customer insight",
            PmfComponent::Modernisation => "Modernisation, programmes and projects",
            PmfComponent::PeopleManagement => "People management",
            PmfComponent::HealthAndSafety => "Health & safety management",
            PmfComponent::SafeguardingQualityAssurance => "Safeguarding quality assurance",
        }
    }
}

/// A target for one period: a month, a quarter, or the year itself (a year-end target).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The period the target is for.
    pub period: Period,
    /// The target value.
    pub value: f64,
}

/// Where the target for a period came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetSource {
    /// A target set for that very period (a profile).
    Period,
    /// The year-end target, which a snapshot measure must meet every period.
    YearEnd,
    /// The year-end target of a cumulative measure, spread evenly: year target × periods elapsed / periods.
    ProRataYearEnd,
}

/// The target that applies to a period, and where it came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AppliedTarget {
    /// The target value.
    pub value: f64,
    /// Where it came from.
    pub source: TargetSource,
}

/// A KPI's definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiDefinition {
    /// Stable id.
    pub id: KpiId,
    /// The KPI's name as reported ("% of calls answered within 15 seconds").
    pub name: String,
    /// How it is calculated and what counts.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
    /// Strategic, corporate, operational or individual.
    pub level: KpiLevel,
    /// Who it is about.
    pub perspective: Perspective,
    /// Where the metric comes from.
    pub category: MetricCategory,
    /// The source system or return ("ASCOF 2A", "Housing Delivery Test").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// How often it is reported.
    pub frequency: Frequency,
    /// Which way is better.
    pub polarity: Polarity,
    /// The unit of its values.
    pub unit: Unit,
    /// Decimal places shown.
    #[serde(default)]
    pub decimals: u8,
    /// Snapshot or cumulative.
    pub measure: MeasureType,
    /// How a snapshot measure's value for a longer period is derived.
    #[serde(default, skip_serializing_if = "is_default_summary")]
    pub snapshot_summary: SnapshotSummary,
    /// Active, Baseline, Contextual, In Development or Retired.
    pub status: KpiStatus,
    /// Leading or lagging.
    pub timing: IndicatorTiming,
    /// The PMF component it evidences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<PmfComponent>,
    /// The ambitions it serves (a KPI may serve several).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambitions: Vec<AmbitionId>,
    /// The directorate accountable for it (none for council-wide corporate KPIs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directorate: Option<DirectorateId>,
    /// The service that delivers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceId>,
    /// The team that owns it, for team-level operational KPIs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<TeamId>,
    /// The responsible officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonId>,
    /// The data co-ordinator who supplies its values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_coordinator: Option<PersonId>,
    /// The committees it is reported to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committees: Vec<CommitteeId>,
    /// Targets by period (profiles and year-end targets), up to three years ahead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// A RAG rule of its own, instead of the framework's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag_rule: Option<RagRule>,
    /// The range of believable values, when narrower than the unit's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plausible_range: Option<(f64, f64)>,
    /// Its steps through the KPI cycle, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_changes: Vec<StatusChange>,
    /// The fields given a default because the council's sheet did not say (docs/spreadsheet-import.md), shown
    /// "not set — please review" on the KPI's page until someone sets them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defaulted: Vec<DefaultedField>,
}

/// A field of a KPI that can be given a default when a council's sheet does not say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultedField {
    /// [`KpiDefinition::level`].
    Level,
    /// [`KpiDefinition::perspective`].
    Perspective,
    /// [`KpiDefinition::category`].
    Category,
    /// [`KpiDefinition::measure`].
    Measure,
    /// [`KpiDefinition::status`].
    Status,
    /// [`KpiDefinition::timing`].
    Timing,
    /// [`KpiDefinition::frequency`].
    Frequency,
    /// [`KpiDefinition::polarity`].
    Polarity,
    /// [`KpiDefinition::unit`].
    Unit,
}

impl DefaultedField {
    /// Every field a new KPI from a sheet starts with a default for; the sheet's columns and figures then
    /// settle some of them.
    pub const ALL: [Self; 9] = [
        Self::Level,
        Self::Perspective,
        Self::Category,
        Self::Measure,
        Self::Status,
        Self::Timing,
        Self::Frequency,
        Self::Polarity,
        Self::Unit,
    ];
}

impl KpiDefinition {
    /// A KPI called `name` with the defaults for everything a council has not said yet (docs/spreadsheet-import.md):
    /// level Corporate, perspective Residents, category local authority, reported quarterly, higher is better, a
    /// count to no places, a snapshot measure, live, lagging, and nothing linked.
    pub fn named(id: KpiId, name: String) -> Self {
        Self {
            id,
            name,
            definition: String::new(),
            level: KpiLevel::Corporate,
            perspective: Perspective::Residents,
            category: MetricCategory::LocalAuthority,
            source: String::new(),
            frequency: Frequency::Quarterly,
            polarity: Polarity::HigherIsBetter,
            unit: Unit::Count,
            decimals: 0,
            measure: MeasureType::Snapshot,
            snapshot_summary: SnapshotSummary::default(),
            status: KpiStatus::Active,
            timing: IndicatorTiming::Lagging,
            component: None,
            ambitions: Vec::new(),
            directorate: None,
            service: None,
            team: None,
            owner: None,
            data_coordinator: None,
            committees: Vec::new(),
            targets: Vec::new(),
            rag_rule: None,
            plausible_range: None,
            status_changes: Vec::new(),
            defaulted: Vec::new(),
        }
    }

    /// The target that applies to `period`: its own target; else the year-end target (as it is for a snapshot
    /// measure, spread evenly through the year for a cumulative one).
    pub fn target_for(&self, period: Period) -> Option<AppliedTarget> {
        if let Some(target) = self.targets.iter().find(|t| t.period == period) {
            return Some(AppliedTarget {
                value: target.value,
                source: TargetSource::Period,
            });
        }
        let year_end = self.year_end_target(period.year())?;
        Some(match self.measure {
            MeasureType::Snapshot => AppliedTarget {
                value: year_end,
                source: TargetSource::YearEnd,
            },
            MeasureType::Cumulative | MeasureType::YearToDate => {
                let share =
                    f64::from(period.index()) / f64::from(period.frequency().periods_per_year());
                AppliedTarget {
                    value: year_end * share,
                    source: TargetSource::ProRataYearEnd,
                }
            }
        })
    }

    /// The year-end target for `year`: a target set for the year itself, else for the year's last period.
    pub fn year_end_target(&self, year: FinancialYear) -> Option<f64> {
        let last = Period::new(self.frequency, year, self.frequency.periods_per_year());
        self.targets
            .iter()
            .find(|t| t.period.frequency() == Frequency::Annual && t.period.year() == year)
            .or_else(|| self.targets.iter().find(|t| Some(t.period) == last))
            .map(|t| t.value)
    }

    /// The rule that rates this KPI: its own, or the framework's.
    pub fn effective_rule<'a>(&'a self, framework_rule: &'a RagRule) -> &'a RagRule {
        self.rag_rule.as_ref().unwrap_or(framework_rule)
    }

    /// The believable range of values: the KPI's own, else its unit's.
    pub fn plausible_range(&self) -> (f64, f64) {
        self.plausible_range
            .unwrap_or_else(|| self.unit.plausible_range())
    }
}

fn is_default_summary(summary: &SnapshotSummary) -> bool {
    *summary == SnapshotSummary::default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A minimal active monthly KPI, higher is better, in percent; tests adjust what they need.
    pub(crate) fn sample_kpi(id: &str) -> KpiDefinition {
        KpiDefinition {
            id: KpiId::new(id).unwrap(),
            name: format!("KPI {id}"),
            definition: String::new(),
            level: KpiLevel::Strategic,
            perspective: Perspective::Residents,
            category: MetricCategory::LocalAuthority,
            source: String::new(),
            frequency: Frequency::Monthly,
            polarity: Polarity::HigherIsBetter,
            unit: Unit::Percent,
            decimals: 1,
            measure: MeasureType::Snapshot,
            snapshot_summary: SnapshotSummary::Latest,
            status: KpiStatus::Active,
            timing: IndicatorTiming::Lagging,
            component: None,
            ambitions: vec![],
            directorate: None,
            service: None,
            team: None,
            owner: None,
            data_coordinator: None,
            committees: vec![],
            targets: vec![],
            rag_rule: None,
            plausible_range: None,
            status_changes: vec![],
            defaulted: vec![],
        }
    }

    fn target(period: &str, value: f64) -> Target {
        Target {
            period: Period::parse(period).unwrap(),
            value,
        }
    }

    #[test]
    fn a_period_target_wins_over_the_year_end_target() {
        let mut kpi = sample_kpi("k1");
        kpi.targets = vec![target("2024/25", 90.0), target("Dec 2024", 80.0)];
        let december = kpi.target_for(Period::parse("Dec 2024").unwrap()).unwrap();
        assert_eq!(
            (december.value, december.source),
            (80.0, TargetSource::Period)
        );
        let may = kpi.target_for(Period::parse("May 2024").unwrap()).unwrap();
        assert_eq!((may.value, may.source), (90.0, TargetSource::YearEnd));
        assert_eq!(kpi.target_for(Period::parse("May 2025").unwrap()), None);
    }

    #[test]
    fn a_cumulative_year_end_target_is_spread_through_the_year() {
        let mut kpi = sample_kpi("homes");
        kpi.measure = MeasureType::Cumulative;
        kpi.frequency = Frequency::Quarterly;
        kpi.targets = vec![target("2024/25 Q4", 400.0)];
        let q2 = kpi
            .target_for(Period::parse("2024/25 Q2").unwrap())
            .unwrap();
        assert_eq!((q2.value, q2.source), (200.0, TargetSource::ProRataYearEnd));
        assert_eq!(
            kpi.year_end_target(FinancialYear::starting(2024).unwrap()),
            Some(400.0)
        );
    }

    #[test]
    fn the_kpis_own_rule_and_range_win() {
        let mut kpi = sample_kpi("k1");
        let framework = RagRule::default();
        assert_eq!(kpi.effective_rule(&framework), &framework);
        assert_eq!(kpi.plausible_range(), (0.0, 100.0));
        kpi.rag_rule = Some(RagRule {
            green_within: 5.0,
            ..RagRule::default()
        });
        kpi.plausible_range = Some((50.0, 100.0));
        assert_eq!(kpi.effective_rule(&framework).green_within, 5.0);
        assert_eq!(kpi.plausible_range(), (50.0, 100.0));
    }
}
