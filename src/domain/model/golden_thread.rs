//! The golden thread: the structure that links the vision and corporate ambitions to directorates,
//! services, teams and individuals (the roles framework, the Cambridgeshire PMF and the eight-part PMF), with the committees that scrutinise
//! performance and the plans at each level.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::basics::ids::{
    AmbitionId, CommitteeId, DirectorateId, KpiId, ObjectiveId, PersonId, PlanId, RoleId,
    ServiceId, TeamId,
};
use crate::domain::basics::period::FinancialYear;

/// A corporate ambition (priority or outcome), e.g. the Cambridgeshire PMF's "Health inequalities are reduced".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ambition {
    /// Stable id.
    pub id: AmbitionId,
    /// Its number in the council plan ("Ambition 3").
    pub number: u16,
    /// The ambition as the council plan states it.
    pub title: String,
    /// A fuller description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl Ambition {
    /// How the ambition is named on every page and report: "Ambition 3: Thriving places".
    pub fn label(&self) -> String {
        format!("Ambition {}: {}", self.number, self.title)
    }
}

/// A directorate, e.g. "Adults, Health and Commissioning".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directorate {
    /// Stable id.
    pub id: DirectorateId,
    /// Its name.
    pub name: String,
    /// The executive director.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub director: Option<PersonId>,
    /// False once retired: kept for history, hidden from current views.
    #[serde(default = "active", skip_serializing_if = "is_true")]
    pub active: bool,
}

/// A service within a directorate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Stable id.
    pub id: ServiceId,
    /// Its name.
    pub name: String,
    /// The directorate it belongs to.
    pub directorate: DirectorateId,
    /// The head of service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<PersonId>,
    /// False once retired.
    #[serde(default = "active", skip_serializing_if = "is_true")]
    pub active: bool,
}

/// A team within a service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Stable id.
    pub id: TeamId,
    /// Its name.
    pub name: String,
    /// The service it belongs to.
    pub service: ServiceId,
    /// The team manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<PersonId>,
    /// False once retired.
    #[serde(default = "active", skip_serializing_if = "is_true")]
    pub active: bool,
}

/// A person: an officer (placed in a team) or an elected member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id.
    pub id: PersonId,
    /// Full name.
    pub name: String,
    /// Job title or, for a councillor, "Councillor".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub job_title: String,
    /// The officer's team (none for councillors and senior leaders above team level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<TeamId>,
    /// The roles the person holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleId>,
    /// True for an elected member.
    #[serde(default, skip_serializing_if = "is_false")]
    pub councillor: bool,
    /// False once the person has left: kept for the records that name them, offered nowhere new.
    #[serde(default = "active", skip_serializing_if = "is_true")]
    pub active: bool,
}

/// Whether a role is held by officers or by elected members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleHolder {
    /// Officers of the council.
    Officer,
    /// Elected members.
    Member,
}

impl RoleHolder {
    /// Both kinds of holder.
    pub const ALL: [RoleHolder; 2] = [RoleHolder::Officer, RoleHolder::Member];

    /// Who holds such roles, in words: "officers" or "councillors".
    pub const fn plural(self) -> &'static str {
        match self {
            RoleHolder::Officer => "officers",
            RoleHolder::Member => "councillors",
        }
    }
}

/// A role in the framework with its responsibilities (the roles framework, the performance protocol, the Cambridgeshire PMF appendices D and E).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Stable id.
    pub id: RoleId,
    /// The role's name, e.g. "Data co-ordinator".
    pub name: String,
    /// Held by officers or members.
    pub holder: RoleHolder,
    /// What the role is responsible for, one duty per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
}

/// The kind of a committee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitteeKind {
    /// A policy and service committee: scrutinises the SKPIs in its remit quarterly.
    PolicyAndService,
    /// The strategy, resources and performance committee: every SKPI, quarterly.
    StrategyResourcesAndPerformance,
    /// Audit (and accounts / governance): assurance over risk and the framework.
    Audit,
    /// Cabinet or the executive.
    Executive,
    /// Overview and scrutiny.
    Scrutiny,
    /// Full council.
    FullCouncil,
}

impl CommitteeKind {
    /// Every kind, in the order they are offered.
    pub const ALL: [CommitteeKind; 6] = [
        CommitteeKind::PolicyAndService,
        CommitteeKind::StrategyResourcesAndPerformance,
        CommitteeKind::Audit,
        CommitteeKind::Executive,
        CommitteeKind::Scrutiny,
        CommitteeKind::FullCouncil,
    ];

    /// The kind in words.
    pub const fn label(self) -> &'static str {
        match self {
            CommitteeKind::PolicyAndService => "Policy and service committee",
            CommitteeKind::StrategyResourcesAndPerformance => {
                "Strategy, resources and performance committee"
            }
            CommitteeKind::Audit => "Audit committee",
            CommitteeKind::Executive => "Cabinet or executive",
            CommitteeKind::Scrutiny => "Overview and scrutiny",
            CommitteeKind::FullCouncil => "Full council",
        }
    }
}

/// A committee of the council.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Committee {
    /// Stable id.
    pub id: CommitteeId,
    /// Its name.
    pub name: String,
    /// What kind of committee it is.
    pub kind: CommitteeKind,
    /// The chair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<PersonId>,
}

/// A node of the golden thread, used where something can hang at any level.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "level", content = "id", rename_all = "snake_case")]
pub enum ThreadNode {
    /// The council as a whole (its vision).
    Council,
    /// A corporate ambition.
    Ambition(AmbitionId),
    /// A directorate.
    Directorate(DirectorateId),
    /// A service.
    Service(ServiceId),
    /// A team.
    Team(TeamId),
    /// An individual.
    Person(PersonId),
}

/// The level a plan is written at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanLevel {
    /// The council plan (corporate plan).
    Corporate,
    /// A directorate plan.
    Directorate,
    /// A service (business) plan.
    Service,
    /// A team plan.
    Team,
    /// An individual's appraisal plan.
    Individual,
}

/// A plan at one level of the golden thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Stable id.
    pub id: PlanId,
    /// Its title.
    pub title: String,
    /// The level it is written at.
    pub level: PlanLevel,
    /// Whose plan it is.
    pub owner: ThreadNode,
    /// The first financial year it covers.
    pub from: FinancialYear,
    /// The last financial year it covers.
    pub to: FinancialYear,
    /// The ambitions it delivers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambitions: Vec<AmbitionId>,
}

/// An individual's SMART objective, set with their manager (the Cambridgeshire PMF, "Our Conversations").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Stable id.
    pub id: ObjectiveId,
    /// Whose objective it is.
    pub person: PersonId,
    /// Specific: what will be done.
    pub title: String,
    /// Measurable: how success will be measured.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measure: String,
    /// Achievable: the resources or support that make it achievable.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub achievable: String,
    /// Relevant: the ambitions it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambitions: Vec<AmbitionId>,
    /// Relevant: the KPIs it contributes to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<KpiId>,
    /// Time-bound: when it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
}

fn active() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ambition_is_named_by_its_number_and_title() {
        let ambition = Ambition {
            id: AmbitionId::new("amb-3").unwrap(),
            number: 3,
            title: "Thriving places".to_owned(),
            description: String::new(),
        };
        assert_eq!(ambition.label(), "Ambition 3: Thriving places");
    }

    #[test]
    fn nodes_serialise_with_their_level() {
        let node = ThreadNode::Service(ServiceId::new("svc-libraries").unwrap());
        let json = serde_json::to_string(&node).unwrap();
        assert_eq!(json, r#"{"level":"service","id":"svc-libraries"}"#);
        assert_eq!(serde_json::from_str::<ThreadNode>(&json).unwrap(), node);
        assert_eq!(
            serde_json::to_string(&ThreadNode::Council).unwrap(),
            r#"{"level":"council"}"#
        );
    }

    #[test]
    fn defaults_are_left_out_of_files_and_restored_when_read() {
        let directorate = Directorate {
            id: DirectorateId::new("dir-place").unwrap(),
            name: "Place and Sustainability".to_owned(),
            director: None,
            active: true,
        };
        let json = serde_json::to_string(&directorate).unwrap();
        assert_eq!(
            json,
            r#"{"id":"dir-place","name":"Place and Sustainability"}"#
        );
        assert_eq!(
            serde_json::from_str::<Directorate>(&json).unwrap(),
            directorate
        );
    }
}
