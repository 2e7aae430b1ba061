//! The workspace: everything a council's framework holds, as one value that is saved, exported and merged.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::{CommitteeId, DirectorateId, KpiId, PersonId, ServiceId, TeamId};
use crate::domain::basics::period::Period;
use crate::domain::model::action::Action;
use crate::domain::model::audit::KpiAudit;
use crate::domain::model::benchmark::BenchmarkValue;
use crate::domain::model::change_record::ChangeRecord;
use crate::domain::model::framework::Framework;
use crate::domain::model::golden_thread::{
    Ambition, Committee, Directorate, Objective, Person, Plan, Role, Service, Team, ThreadNode,
};
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::lesson::Lesson;
use crate::domain::model::measurement::Measurement;
use crate::domain::model::risk::Risk;

/// A council's whole framework.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    /// Settings and rules.
    pub framework: Framework,
    /// Corporate ambitions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambitions: Vec<Ambition>,
    /// Directorates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directorates: Vec<Directorate>,
    /// Services.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<Service>,
    /// Teams.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<Team>,
    /// Officers and members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Roles and their responsibilities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Committees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committees: Vec<Committee>,
    /// Plans at every level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<Plan>,
    /// Individual objectives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    /// The KPI register.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<KpiDefinition>,
    /// Performance, period by period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
    /// Risk registers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// Action plans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Comparator-group values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benchmarks: Vec<BenchmarkValue>,
    /// The lessons-learnt log.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lessons: Vec<Lesson>,
    /// Quarterly KPI audits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audits: Vec<KpiAudit>,
    /// Who changed what, when and how: only ever added to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ChangeRecord>,
}

/// Each KPI's measurements by period, built once so lookups do not scan every measurement.
#[derive(Clone, Debug, Default)]
pub struct PerformanceIndex<'a> {
    by_kpi: HashMap<&'a KpiId, BTreeMap<Period, &'a Measurement>>,
}

impl<'a> PerformanceIndex<'a> {
    /// Indexes `measurements`.
    pub fn new(measurements: &'a [Measurement]) -> Self {
        let mut by_kpi: HashMap<&KpiId, BTreeMap<Period, &Measurement>> = HashMap::new();
        for measurement in measurements {
            by_kpi
                .entry(&measurement.kpi)
                .or_default()
                .insert(measurement.period, measurement);
        }
        Self { by_kpi }
    }

    /// A KPI's measurements, oldest first (empty when it has none).
    pub fn history(&self, kpi: &KpiId) -> BTreeMap<Period, &'a Measurement> {
        self.by_kpi.get(kpi).cloned().unwrap_or_default()
    }

    /// One measurement.
    pub fn get(&self, kpi: &KpiId, period: Period) -> Option<&'a Measurement> {
        self.by_kpi.get(kpi)?.get(&period).copied()
    }
}

impl Workspace {
    /// An empty workspace with these settings.
    pub fn new(framework: Framework) -> Self {
        Self {
            framework,
            ambitions: vec![],
            directorates: vec![],
            services: vec![],
            teams: vec![],
            people: vec![],
            roles: vec![],
            committees: vec![],
            plans: vec![],
            objectives: vec![],
            kpis: vec![],
            measurements: vec![],
            risks: vec![],
            actions: vec![],
            benchmarks: vec![],
            lessons: vec![],
            audits: vec![],
            history: vec![],
        }
    }

    /// A KPI by id.
    pub fn kpi(&self, id: &KpiId) -> Option<&KpiDefinition> {
        self.kpis.iter().find(|k| &k.id == id)
    }

    fn directorate_of_service(&self, service: &ServiceId) -> Option<&DirectorateId> {
        self.services
            .iter()
            .find(|s| &s.id == service)
            .map(|s| &s.directorate)
    }

    fn service_of_team(&self, team: &TeamId) -> Option<&ServiceId> {
        self.teams
            .iter()
            .find(|t| &t.id == team)
            .map(|t| &t.service)
    }

    /// The service a KPI belongs to: its own, or its team's.
    pub fn service_of_kpi<'a>(&'a self, kpi: &'a KpiDefinition) -> Option<&'a ServiceId> {
        kpi.service
            .as_ref()
            .or_else(|| self.service_of_team(kpi.team.as_ref()?))
    }

    /// The person with `id`.
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// The directorate a KPI belongs to: its own, or its service's (directly or through its team).
    pub fn directorate_of_kpi<'a>(&'a self, kpi: &'a KpiDefinition) -> Option<&'a DirectorateId> {
        kpi.directorate
            .as_ref()
            .or_else(|| self.directorate_of_service(self.service_of_kpi(kpi)?))
    }

    /// The KPIs that hang under a golden-thread node: everything for the council; those serving an
    /// ambition; those of a directorate, service or team (directly or through a service or team below it);
    /// those a person owns or whose objectives they contribute to.
    pub fn kpis_for(&self, node: &ThreadNode) -> Vec<&KpiDefinition> {
        let via_objectives = |people: &HashSet<&_>| -> HashSet<&KpiId> {
            self.objectives
                .iter()
                .filter(|o| people.contains(&o.person))
                .flat_map(|o| o.kpis.iter())
                .collect()
        };
        match node {
            ThreadNode::Council => self.kpis.iter().collect(),
            ThreadNode::Ambition(id) => self
                .kpis
                .iter()
                .filter(|k| k.ambitions.contains(id))
                .collect(),
            ThreadNode::Directorate(id) => self
                .kpis
                .iter()
                .filter(|k| {
                    k.directorate.as_ref() == Some(id)
                        || self
                            .service_of_kpi(k)
                            .and_then(|s| self.directorate_of_service(s))
                            == Some(id)
                })
                .collect(),
            ThreadNode::Service(id) => self
                .kpis
                .iter()
                .filter(|k| self.service_of_kpi(k) == Some(id))
                .collect(),
            ThreadNode::Team(id) => {
                let members: HashSet<_> = self
                    .people
                    .iter()
                    .filter(|p| p.team.as_ref() == Some(id))
                    .map(|p| &p.id)
                    .collect();
                let linked = via_objectives(&members);
                self.kpis
                    .iter()
                    .filter(|k| k.team.as_ref() == Some(id) || linked.contains(&k.id))
                    .collect()
            }
            ThreadNode::Person(id) => {
                let linked = via_objectives(&HashSet::from([id]));
                self.kpis
                    .iter()
                    .filter(|k| k.owner.as_ref() == Some(id) || linked.contains(&k.id))
                    .collect()
            }
        }
    }

    /// The KPIs reported to a committee.
    pub fn kpis_for_committee(&self, committee: &CommitteeId) -> Vec<&KpiDefinition> {
        self.kpis
            .iter()
            .filter(|k| k.committees.contains(committee))
            .collect()
    }
}
