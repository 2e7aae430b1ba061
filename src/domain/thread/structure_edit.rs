//! Changing the shape of the framework: adding, renaming, moving and retiring ambitions, directorates,
//! services and teams, and retiring KPIs. Every change is checked before anything is touched, so a refused
//! change leaves the workspace as it was; the guards keep the golden thread whole:
//! - nothing is orphaned: a directorate, service or team is retired only once nothing current hangs below it
//!   (the refusal names what must be moved or retired first);
//! - retired KPIs keep their history: retiring changes the status, never the measurements;
//! - a move re-links what hangs below: the KPIs of a moved service or team follow it to its new directorate.

use std::fmt;

use crate::domain::basics::ids::{
    AmbitionId, DirectorateId, KpiId, PersonId, ServiceId, TeamId, fresh_id,
};
use crate::domain::basics::typed_text::one_line;
use crate::domain::model::golden_thread::{Ambition, Directorate, Service, Team, ThreadNode};
use crate::domain::model::kpi::KpiStatus;
use crate::domain::model::workspace::Workspace;

/// A change to the framework's structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StructureEdit {
    /// A new corporate ambition, numbered after the last.
    AddAmbition {
        /// The ambition as the council plan states it.
        title: String,
    },
    /// A new directorate.
    AddDirectorate {
        /// Its name.
        name: String,
    },
    /// A new service in a directorate.
    AddService {
        /// Its name.
        name: String,
        /// The directorate it belongs to.
        directorate: DirectorateId,
    },
    /// A new team in a service.
    AddTeam {
        /// Its name.
        name: String,
        /// The service it belongs to.
        service: ServiceId,
    },
    /// A new name for an ambition, directorate, service or team.
    Rename {
        /// What is renamed.
        node: ThreadNode,
        /// The new name.
        name: String,
    },
    /// A service to another directorate, or a team to another service.
    Move {
        /// What moves.
        node: ThreadNode,
        /// Where to: a directorate for a service, a service for a team.
        to: ThreadNode,
    },
    /// A directorate, service or team retired (kept for history), or an ambition nothing serves removed.
    Retire {
        /// What is retired.
        node: ThreadNode,
    },
    /// A KPI's new name (its id, history and links stay).
    RenameKpi {
        /// The KPI.
        kpi: KpiId,
        /// The new name.
        name: String,
    },
    /// A KPI reported by another service: a team of the old service is left behind, and a directorate it
    /// names directly becomes the new service's.
    MoveKpi {
        /// The KPI.
        kpi: KpiId,
        /// The service that reports it from now on.
        to: ServiceId,
    },
    /// A KPI retired: off every scorecard and roll-up, its history kept.
    RetireKpi {
        /// The KPI.
        kpi: KpiId,
    },
    /// Who leads a directorate (its director), a service (its head) or a team (its manager): a current
    /// officer, or no one yet.
    SetLead {
        /// The directorate, service or team.
        node: ThreadNode,
        /// Who leads it.
        person: Option<PersonId>,
    },
    /// An ambition's fuller description, as the council plan puts it.
    Describe {
        /// The ambition.
        ambition: AmbitionId,
        /// The description (blank for none).
        description: String,
    },
}

/// Why a change was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditRefused {
    /// The name is blank.
    NoName,
    /// Another current node of the same kind, in the same place, has this name.
    NameTaken(String),
    /// What the change refers to is not in the workspace (or is already retired).
    NotFound(&'static str),
    /// The change does not apply to this kind of node.
    NotApplicable(&'static str),
    /// The person chosen cannot lead: they have left, or they are a councillor.
    CannotLead(String),
    /// Retiring would leave these current things without a place.
    WouldOrphan {
        /// What was to be retired.
        name: String,
        /// What still hangs below it.
        blocking: Vec<String>,
    },
}

impl fmt::Display for EditRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditRefused::NoName => f.write_str("Give it a name."),
            EditRefused::NameTaken(name) => write!(
                f,
                "There is already one called \u{201c}{name}\u{201d} there."
            ),
            EditRefused::NotFound(what) => {
                write!(f, "That {what} is not in the framework, or is retired.")
            }
            EditRefused::NotApplicable(why) => f.write_str(why),
            EditRefused::CannotLead(why) => f.write_str(why),
            EditRefused::WouldOrphan { name, blocking } => write!(
                f,
                "{name} still has {}: move or retire {} first, so nothing is left without a place.",
                blocking.join("; "),
                if blocking.len() == 1 { "it" } else { "them" }
            ),
        }
    }
}

impl std::error::Error for EditRefused {}

/// What a change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditDone {
    /// The node added or changed (for a retired KPI, none).
    pub node: Option<ThreadNode>,
    /// How many KPIs were re-linked to follow a move.
    pub relinked: usize,
}

fn name_of(text: &str) -> Result<String, EditRefused> {
    let name = one_line(text);
    if name.is_empty() {
        Err(EditRefused::NoName)
    } else {
        Ok(name)
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn active_directorate<'a>(
    w: &'a Workspace,
    id: &DirectorateId,
) -> Result<&'a Directorate, EditRefused> {
    w.directorates
        .iter()
        .find(|d| &d.id == id && d.active)
        .ok_or(EditRefused::NotFound("directorate"))
}

fn active_service<'a>(w: &'a Workspace, id: &ServiceId) -> Result<&'a Service, EditRefused> {
    w.services
        .iter()
        .find(|s| &s.id == id && s.active)
        .ok_or(EditRefused::NotFound("service"))
}

fn active_team<'a>(w: &'a Workspace, id: &TeamId) -> Result<&'a Team, EditRefused> {
    w.teams
        .iter()
        .find(|t| &t.id == id && t.active)
        .ok_or(EditRefused::NotFound("team"))
}

/// A KPI that is not retired.
fn current_kpi<'a>(
    w: &'a Workspace,
    id: &KpiId,
) -> Result<&'a crate::domain::model::kpi::KpiDefinition, EditRefused> {
    w.kpis
        .iter()
        .find(|k| &k.id == id && k.status != KpiStatus::Retired)
        .ok_or(EditRefused::NotFound("KPI"))
}

/// "2 services (Highways, Waste)".
fn listed(count_of: &str, names: Vec<String>) -> Option<String> {
    (!names.is_empty()).then(|| {
        let noun = if names.len() == 1 {
            count_of.to_owned()
        } else {
            format!("{count_of}s")
        };
        format!("{} {noun} ({})", names.len(), names.join(", "))
    })
}

/// What current things hang below `node`, as phrases; empty when it can be retired.
fn blockers(w: &Workspace, node: &ThreadNode) -> Vec<String> {
    let current_kpis = |pick: &dyn Fn(&crate::domain::model::kpi::KpiDefinition) -> bool| {
        w.kpis
            .iter()
            .filter(|k| k.status != KpiStatus::Retired && pick(k))
            .map(|k| k.name.clone())
            .collect::<Vec<_>>()
    };
    let found: Vec<Option<String>> = match node {
        ThreadNode::Ambition(id) => vec![
            listed("KPI", current_kpis(&|k| k.ambitions.contains(id))),
            listed(
                "objective",
                w.objectives
                    .iter()
                    .filter(|o| o.ambitions.contains(id))
                    .map(|o| o.title.clone())
                    .collect(),
            ),
            listed(
                "plan",
                w.plans
                    .iter()
                    .filter(|p| p.ambitions.contains(id))
                    .map(|p| p.title.clone())
                    .collect(),
            ),
            listed(
                "risk",
                w.risks
                    .iter()
                    .filter(|r| r.closed.is_none() && r.ambitions.contains(id))
                    .map(|r| r.title.clone())
                    .collect(),
            ),
        ],
        ThreadNode::Directorate(id) => vec![
            listed(
                "service",
                w.services
                    .iter()
                    .filter(|s| s.active && &s.directorate == id)
                    .map(|s| s.name.clone())
                    .collect(),
            ),
            listed(
                "KPI",
                current_kpis(&|k| w.directorate_of_kpi(k) == Some(id)),
            ),
            listed(
                "open risk",
                w.risks
                    .iter()
                    .filter(|r| r.closed.is_none() && r.directorate.as_ref() == Some(id))
                    .map(|r| r.title.clone())
                    .collect(),
            ),
        ],
        ThreadNode::Service(id) => vec![
            listed(
                "team",
                w.teams
                    .iter()
                    .filter(|t| t.active && &t.service == id)
                    .map(|t| t.name.clone())
                    .collect(),
            ),
            listed("KPI", current_kpis(&|k| w.service_of_kpi(k) == Some(id))),
        ],
        ThreadNode::Team(id) => vec![
            listed(
                "person",
                w.people
                    .iter()
                    .filter(|p| p.active && p.team.as_ref() == Some(id))
                    .map(|p| p.name.clone())
                    .collect(),
            ),
            listed("KPI", current_kpis(&|k| k.team.as_ref() == Some(id))),
        ],
        ThreadNode::Council | ThreadNode::Person(_) => Vec::new(),
    };
    found.into_iter().flatten().collect()
}

/// The current name of an ambition, directorate, service or team.
fn current_name(w: &Workspace, node: &ThreadNode) -> Result<String, EditRefused> {
    Ok(match node {
        ThreadNode::Ambition(id) => w
            .ambitions
            .iter()
            .find(|a| &a.id == id)
            .map(|a| format!("Ambition {}", a.number))
            .ok_or(EditRefused::NotFound("ambition"))?,
        ThreadNode::Directorate(id) => active_directorate(w, id)?.name.clone(),
        ThreadNode::Service(id) => active_service(w, id)?.name.clone(),
        ThreadNode::Team(id) => active_team(w, id)?.name.clone(),
        ThreadNode::Council | ThreadNode::Person(_) => {
            return Err(EditRefused::NotApplicable(
                "Only ambitions, directorates, services and teams are changed here.",
            ));
        }
    })
}

/// Where a name must be unique: among the ambitions, the current directorates, or the current services of a
/// directorate or teams of a service.
enum Siblings<'a> {
    Ambitions,
    Directorates,
    ServicesOf(&'a DirectorateId),
    TeamsOf(&'a ServiceId),
}

/// Refuses `name` when a sibling other than `except` already has it (in any case).
fn check_free(
    w: &Workspace,
    siblings: Siblings<'_>,
    name: &str,
    except: Option<&ThreadNode>,
) -> Result<(), EditRefused> {
    let other = |node: ThreadNode| except != Some(&node);
    let taken = match siblings {
        Siblings::Ambitions => w
            .ambitions
            .iter()
            .any(|a| other(ThreadNode::Ambition(a.id.clone())) && same_name(&a.title, name)),
        Siblings::Directorates => w.directorates.iter().any(|d| {
            d.active && other(ThreadNode::Directorate(d.id.clone())) && same_name(&d.name, name)
        }),
        Siblings::ServicesOf(directorate) => w.services.iter().any(|s| {
            s.active
                && &s.directorate == directorate
                && other(ThreadNode::Service(s.id.clone()))
                && same_name(&s.name, name)
        }),
        Siblings::TeamsOf(service) => w.teams.iter().any(|t| {
            t.active
                && &t.service == service
                && other(ThreadNode::Team(t.id.clone()))
                && same_name(&t.name, name)
        }),
    };
    if taken {
        Err(EditRefused::NameTaken(name.to_owned()))
    } else {
        Ok(())
    }
}

/// The siblings a current `node` must differ from in name.
fn siblings_of<'a>(w: &'a Workspace, node: &ThreadNode) -> Result<Siblings<'a>, EditRefused> {
    Ok(match node {
        ThreadNode::Ambition(_) => Siblings::Ambitions,
        ThreadNode::Directorate(_) => Siblings::Directorates,
        ThreadNode::Service(id) => Siblings::ServicesOf(&active_service(w, id)?.directorate),
        ThreadNode::Team(id) => Siblings::TeamsOf(&active_team(w, id)?.service),
        ThreadNode::Council | ThreadNode::Person(_) => {
            return Err(EditRefused::NotApplicable(
                "Only ambitions, directorates, services and teams are changed here.",
            ));
        }
    })
}

/// Applies `edit` to `workspace`, or explains why not and leaves it untouched.
pub fn apply_edit(
    workspace: &mut Workspace,
    edit: &StructureEdit,
) -> Result<EditDone, EditRefused> {
    let done = |node: ThreadNode| EditDone {
        node: Some(node),
        relinked: 0,
    };
    match edit {
        StructureEdit::AddAmbition { title } => {
            let title = name_of(title)?;
            check_free(workspace, Siblings::Ambitions, &title, None)?;
            let number = workspace
                .ambitions
                .iter()
                .map(|a| a.number)
                .max()
                .unwrap_or(0)
                + 1;
            let taken: Vec<&str> = workspace.ambitions.iter().map(|a| a.id.as_str()).collect();
            let id: AmbitionId =
                fresh_id("amb", &number.to_string(), &taken).ok_or(EditRefused::NoName)?;
            workspace.ambitions.push(Ambition {
                id: id.clone(),
                number,
                title,
                description: String::new(),
            });
            Ok(done(ThreadNode::Ambition(id)))
        }
        StructureEdit::AddDirectorate { name } => {
            let name = name_of(name)?;
            check_free(workspace, Siblings::Directorates, &name, None)?;
            let taken: Vec<&str> = workspace
                .directorates
                .iter()
                .map(|d| d.id.as_str())
                .collect();
            let id: DirectorateId = fresh_id("dir", &name, &taken).ok_or(EditRefused::NoName)?;
            workspace.directorates.push(Directorate {
                id: id.clone(),
                name,
                director: None,
                active: true,
            });
            Ok(done(ThreadNode::Directorate(id)))
        }
        StructureEdit::AddService { name, directorate } => {
            let name = name_of(name)?;
            active_directorate(workspace, directorate)?;
            check_free(workspace, Siblings::ServicesOf(directorate), &name, None)?;
            let taken: Vec<&str> = workspace.services.iter().map(|s| s.id.as_str()).collect();
            let id: ServiceId = fresh_id("svc", &name, &taken).ok_or(EditRefused::NoName)?;
            workspace.services.push(Service {
                id: id.clone(),
                name,
                directorate: directorate.clone(),
                head: None,
                active: true,
            });
            Ok(done(ThreadNode::Service(id)))
        }
        StructureEdit::AddTeam { name, service } => {
            let name = name_of(name)?;
            active_service(workspace, service)?;
            check_free(workspace, Siblings::TeamsOf(service), &name, None)?;
            let taken: Vec<&str> = workspace.teams.iter().map(|t| t.id.as_str()).collect();
            let id: TeamId = fresh_id("team", &name, &taken).ok_or(EditRefused::NoName)?;
            workspace.teams.push(Team {
                id: id.clone(),
                name,
                service: service.clone(),
                manager: None,
                active: true,
            });
            Ok(done(ThreadNode::Team(id)))
        }
        StructureEdit::Rename { node, name } => {
            let name = name_of(name)?;
            current_name(workspace, node)?;
            check_free(workspace, siblings_of(workspace, node)?, &name, Some(node))?;
            match node {
                ThreadNode::Ambition(id) => {
                    if let Some(a) = workspace.ambitions.iter_mut().find(|a| &a.id == id) {
                        a.title = name;
                    }
                }
                ThreadNode::Directorate(id) => {
                    if let Some(d) = workspace.directorates.iter_mut().find(|d| &d.id == id) {
                        d.name = name;
                    }
                }
                ThreadNode::Service(id) => {
                    if let Some(s) = workspace.services.iter_mut().find(|s| &s.id == id) {
                        s.name = name;
                    }
                }
                ThreadNode::Team(id) => {
                    if let Some(t) = workspace.teams.iter_mut().find(|t| &t.id == id) {
                        t.name = name;
                    }
                }
                ThreadNode::Council | ThreadNode::Person(_) => {}
            }
            Ok(done(node.clone()))
        }
        StructureEdit::Move { node, to } => move_node(workspace, node, to),
        StructureEdit::Retire { node } => {
            let name = current_name(workspace, node)?;
            let blocking = blockers(workspace, node);
            if !blocking.is_empty() {
                return Err(EditRefused::WouldOrphan { name, blocking });
            }
            match node {
                ThreadNode::Ambition(id) => workspace.ambitions.retain(|a| &a.id != id),
                ThreadNode::Directorate(id) => {
                    if let Some(d) = workspace.directorates.iter_mut().find(|d| &d.id == id) {
                        d.active = false;
                    }
                }
                ThreadNode::Service(id) => {
                    if let Some(s) = workspace.services.iter_mut().find(|s| &s.id == id) {
                        s.active = false;
                    }
                }
                ThreadNode::Team(id) => {
                    if let Some(t) = workspace.teams.iter_mut().find(|t| &t.id == id) {
                        t.active = false;
                    }
                }
                ThreadNode::Council | ThreadNode::Person(_) => {}
            }
            Ok(done(node.clone()))
        }
        StructureEdit::RenameKpi { kpi, name } => {
            let name = name_of(name)?;
            current_kpi(workspace, kpi)?;
            let taken = workspace.kpis.iter().any(|k| {
                &k.id != kpi && k.status != KpiStatus::Retired && same_name(&k.name, &name)
            });
            if taken {
                return Err(EditRefused::NameTaken(name));
            }
            if let Some(found) = workspace.kpis.iter_mut().find(|k| &k.id == kpi) {
                found.name = name;
            }
            Ok(EditDone {
                node: None,
                relinked: 0,
            })
        }
        StructureEdit::MoveKpi { kpi, to } => {
            let directorate = active_service(workspace, to)?.directorate.clone();
            let found = current_kpi(workspace, kpi)?;
            if found.service.as_ref() == Some(to) {
                return Err(EditRefused::NotApplicable("It is already there."));
            }
            let team_stays = found.team.as_ref().is_some_and(|team| {
                workspace
                    .teams
                    .iter()
                    .any(|t| &t.id == team && &t.service == to)
            });
            if let Some(found) = workspace.kpis.iter_mut().find(|k| &k.id == kpi) {
                found.service = Some(to.clone());
                if !team_stays {
                    found.team = None;
                }
                if found.directorate.is_some() {
                    found.directorate = Some(directorate);
                }
            }
            Ok(EditDone {
                node: None,
                relinked: 0,
            })
        }
        StructureEdit::SetLead { node, person } => {
            set_lead(workspace, node, person.as_ref())?;
            Ok(done(node.clone()))
        }
        StructureEdit::Describe {
            ambition,
            description,
        } => {
            let found = workspace
                .ambitions
                .iter_mut()
                .find(|a| &a.id == ambition)
                .ok_or(EditRefused::NotFound("ambition"))?;
            found.description = description.trim().to_owned();
            Ok(done(ThreadNode::Ambition(ambition.clone())))
        }
        StructureEdit::RetireKpi { kpi } => {
            current_kpi(workspace, kpi)?;
            if let Some(found) = workspace.kpis.iter_mut().find(|k| &k.id == kpi) {
                found.status = KpiStatus::Retired;
            }
            Ok(EditDone {
                node: None,
                relinked: 0,
            })
        }
    }
}

/// Makes `person` the lead of `node` (a current directorate, service or team), after checking they can lead.
fn set_lead(
    workspace: &mut Workspace,
    node: &ThreadNode,
    person: Option<&PersonId>,
) -> Result<(), EditRefused> {
    let now = match node {
        ThreadNode::Directorate(id) => active_directorate(workspace, id)?.director.clone(),
        ThreadNode::Service(id) => active_service(workspace, id)?.head.clone(),
        ThreadNode::Team(id) => active_team(workspace, id)?.manager.clone(),
        _ => {
            return Err(EditRefused::NotApplicable(
                "Only a directorate, a service or a team has someone who leads it.",
            ));
        }
    };
    if let Some(id) = person.filter(|id| now.as_ref() != Some(*id)) {
        let found = workspace
            .person(id)
            .ok_or(EditRefused::NotFound("person"))?;
        if !found.active {
            return Err(EditRefused::CannotLead(format!(
                "{} has left: choose someone still here.",
                found.name
            )));
        }
        if found.councillor {
            return Err(EditRefused::CannotLead(format!(
                "{} is a councillor: an officer leads a directorate, service or team.",
                found.name
            )));
        }
    }
    let person = person.cloned();
    match node {
        ThreadNode::Directorate(id) => {
            if let Some(d) = workspace.directorates.iter_mut().find(|d| &d.id == id) {
                d.director = person;
            }
        }
        ThreadNode::Service(id) => {
            if let Some(s) = workspace.services.iter_mut().find(|s| &s.id == id) {
                s.head = person;
            }
        }
        ThreadNode::Team(id) => {
            if let Some(t) = workspace.teams.iter_mut().find(|t| &t.id == id) {
                t.manager = person;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Moves a service to another directorate or a team to another service, re-linking the KPIs that name the
/// old directorate or service directly so they follow.
fn move_node(
    workspace: &mut Workspace,
    node: &ThreadNode,
    to: &ThreadNode,
) -> Result<EditDone, EditRefused> {
    match (node, to) {
        (ThreadNode::Service(service), ThreadNode::Directorate(target)) => {
            let from = active_service(workspace, service)?.directorate.clone();
            let name = active_service(workspace, service)?.name.clone();
            active_directorate(workspace, target)?;
            if &from == target {
                return Err(EditRefused::NotApplicable("It is already there."));
            }
            check_free(workspace, Siblings::ServicesOf(target), &name, None)?;
            let teams: Vec<TeamId> = workspace
                .teams
                .iter()
                .filter(|t| &t.service == service)
                .map(|t| t.id.clone())
                .collect();
            let mut relinked = 0;
            for kpi in &mut workspace.kpis {
                let below = kpi.service.as_ref() == Some(service)
                    || (kpi.service.is_none()
                        && kpi.team.as_ref().is_some_and(|t| teams.contains(t)));
                if below && kpi.directorate.as_ref() == Some(&from) {
                    kpi.directorate = Some(target.clone());
                    relinked += 1;
                }
            }
            if let Some(s) = workspace.services.iter_mut().find(|s| &s.id == service) {
                s.directorate = target.clone();
            }
            Ok(EditDone {
                node: Some(node.clone()),
                relinked,
            })
        }
        (ThreadNode::Team(team), ThreadNode::Service(target)) => {
            let from = active_team(workspace, team)?.service.clone();
            let name = active_team(workspace, team)?.name.clone();
            let target_directorate = active_service(workspace, target)?.directorate.clone();
            let from_directorate = workspace
                .services
                .iter()
                .find(|s| s.id == from)
                .map(|s| s.directorate.clone());
            if &from == target {
                return Err(EditRefused::NotApplicable("It is already there."));
            }
            check_free(workspace, Siblings::TeamsOf(target), &name, None)?;
            let mut relinked = 0;
            for kpi in workspace
                .kpis
                .iter_mut()
                .filter(|k| k.team.as_ref() == Some(team))
            {
                let mut changed = false;
                if kpi.service.as_ref() == Some(&from) {
                    kpi.service = Some(target.clone());
                    changed = true;
                }
                if kpi.directorate.is_some() && kpi.directorate == from_directorate {
                    kpi.directorate = Some(target_directorate.clone());
                    changed = true;
                }
                relinked += usize::from(changed);
            }
            if let Some(t) = workspace.teams.iter_mut().find(|t| &t.id == team) {
                t.service = target.clone();
            }
            Ok(EditDone {
                node: Some(node.clone()),
                relinked,
            })
        }
        _ => Err(EditRefused::NotApplicable(
            "A service moves to another directorate, and a team or a KPI to another service; nothing else moves.",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;
    use crate::domain::thread::tree::{ThreadItem, thread_tree};

    fn id<T: TryFrom<String>>(text: &str) -> T
    where
        T::Error: fmt::Debug,
    {
        T::try_from(text.to_owned()).unwrap()
    }

    /// Applies `edit` and insists a refusal left the workspace exactly as it was.
    fn apply(w: &mut Workspace, edit: StructureEdit) -> Result<EditDone, EditRefused> {
        let before = w.clone();
        let result = apply_edit(w, &edit);
        if result.is_err() {
            assert_eq!(*w, before, "a refused change touches nothing: {edit:?}");
        }
        result
    }

    #[test]
    fn new_nodes_get_fresh_ids_and_need_a_free_name() {
        let mut w = hand_drawn();
        let added = apply(
            &mut w,
            StructureEdit::AddService {
                name: "  Street   lighting ".into(),
                directorate: id("d1"),
            },
        )
        .unwrap();
        assert_eq!(
            added.node,
            Some(ThreadNode::Service(id("svc-street-lighting")))
        );
        let service = w.services.last().unwrap();
        assert_eq!(
            (service.name.as_str(), service.directorate.as_str()),
            ("Street lighting", "d1")
        );
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::AddService {
                    name: "street LIGHTING".into(),
                    directorate: id("d1")
                }
            ),
            Err(EditRefused::NameTaken("street LIGHTING".into()))
        );
        let again = apply(
            &mut w,
            StructureEdit::AddService {
                name: "Street lighting".into(),
                directorate: id("d2"),
            },
        )
        .unwrap();
        assert_eq!(
            again.node,
            Some(ThreadNode::Service(id("svc-street-lighting-2"))),
            "same name, other directorate"
        );
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::AddTeam {
                    name: " ".into(),
                    service: id("s1")
                }
            ),
            Err(EditRefused::NoName)
        );
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::AddTeam {
                    name: "Gritting".into(),
                    service: id("nope")
                }
            ),
            Err(EditRefused::NotFound("service"))
        );
        let ambition = apply(
            &mut w,
            StructureEdit::AddAmbition {
                title: "Safer streets".into(),
            },
        )
        .unwrap();
        assert_eq!(ambition.node, Some(ThreadNode::Ambition(id("amb-3"))));
        assert_eq!(w.ambitions.last().unwrap().number, 3);
        let directorate = apply(
            &mut w,
            StructureEdit::AddDirectorate {
                name: "Resources & Finance".into(),
            },
        )
        .unwrap();
        assert_eq!(
            directorate.node,
            Some(ThreadNode::Directorate(id("dir-resources-finance")))
        );
    }

    #[test]
    fn a_rename_keeps_the_id_and_refuses_a_sibling_name() {
        let mut w = hand_drawn();
        apply(
            &mut w,
            StructureEdit::Rename {
                node: ThreadNode::Service(id("s2")),
                name: "Waste and recycling".into(),
            },
        )
        .unwrap();
        assert_eq!(w.services[1].name, "Waste and recycling");
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::Rename {
                    node: ThreadNode::Service(id("s2")),
                    name: "highways".into()
                }
            ),
            Err(EditRefused::NameTaken("highways".into()))
        );
        apply(
            &mut w,
            StructureEdit::Rename {
                node: ThreadNode::Service(id("s2")),
                name: "WASTE and recycling".into(),
            },
        )
        .expect("a node may change the case of its own name");
        assert!(matches!(
            apply(
                &mut w,
                StructureEdit::Rename {
                    node: ThreadNode::Council,
                    name: "x".into()
                }
            ),
            Err(EditRefused::NotApplicable(_))
        ));
    }

    #[test]
    fn retiring_is_refused_while_anything_current_hangs_below_and_says_what() {
        let mut w = hand_drawn();
        let refused = apply(
            &mut w,
            StructureEdit::Retire {
                node: ThreadNode::Directorate(id("d1")),
            },
        )
        .unwrap_err();
        assert_eq!(
            refused.to_string(),
            "Place still has 2 services (Highways, Waste); 4 KPIs (KPI k1, KPI k2, KPI k3, KPI k4): move or retire \
             them first, so nothing is left without a place."
        );
        let refused = apply(
            &mut w,
            StructureEdit::Retire {
                node: ThreadNode::Service(id("s2")),
            },
        )
        .unwrap_err();
        assert!(
            matches!(&refused, EditRefused::WouldOrphan { blocking, .. } if blocking == &["1 KPI (KPI k3)"]),
            "{refused}"
        );
        assert!(
            apply(
                &mut w,
                StructureEdit::Retire {
                    node: ThreadNode::Ambition(id("a1"))
                }
            )
            .is_err()
        );

        // Retire the KPI first: its history stays, and then the service can go (k5 is already retired).
        apply(&mut w, StructureEdit::RetireKpi { kpi: id("k3") }).unwrap();
        assert_eq!(w.kpi(&id("k3")).unwrap().status, KpiStatus::Retired);
        assert_eq!(
            apply(&mut w, StructureEdit::RetireKpi { kpi: id("k3") }),
            Err(EditRefused::NotFound("KPI"))
        );
        apply(
            &mut w,
            StructureEdit::Retire {
                node: ThreadNode::Service(id("s2")),
            },
        )
        .unwrap();
        assert!(!w.services[1].active, "kept for history, not deleted");
        assert_eq!(w.kpis.len(), 5, "retired KPIs stay in the register");
        let tree = thread_tree(&w);
        assert!(
            tree.occurrences(&ThreadItem::Node(ThreadNode::Service(id("s2"))))
                .is_empty()
        );
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::AddTeam {
                    name: "Bins".into(),
                    service: id("s2")
                }
            ),
            Err(EditRefused::NotFound("service")),
            "nothing is added below a retired service"
        );
    }

    #[test]
    fn a_kpi_is_renamed_or_moved_to_another_service_and_its_links_follow() {
        let mut w = hand_drawn();
        apply(
            &mut w,
            StructureEdit::RenameKpi {
                kpi: id("k1"),
                name: "Road deaths".into(),
            },
        )
        .unwrap();
        assert_eq!(w.kpis[0].name, "Road deaths");
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::RenameKpi {
                    kpi: id("k2"),
                    name: "road DEATHS".into()
                }
            ),
            Err(EditRefused::NameTaken("road DEATHS".into()))
        );
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::RenameKpi {
                    kpi: id("k5"),
                    name: "Anything".into()
                }
            ),
            Err(EditRefused::NotFound("KPI")),
            "a retired KPI stays as it was"
        );
        w.kpis[0].directorate = Some(id("d1"));
        apply(
            &mut w,
            StructureEdit::MoveKpi {
                kpi: id("k1"),
                to: id("s2"),
            },
        )
        .unwrap();
        let k1 = &w.kpis[0];
        assert_eq!(
            (k1.service.clone(), k1.team.clone()),
            (Some(id("s2")), None),
            "its team was in the old service"
        );
        assert_eq!(k1.directorate, Some(id("d1")), "s2 is in d1 too");
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::MoveKpi {
                    kpi: id("k1"),
                    to: id("s2")
                }
            ),
            Err(EditRefused::NotApplicable("It is already there."))
        );
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::MoveKpi {
                    kpi: id("k1"),
                    to: id("nope")
                }
            ),
            Err(EditRefused::NotFound("service"))
        );
    }

    #[test]
    fn an_ambition_nothing_serves_is_removed() {
        let mut w = hand_drawn();
        apply(
            &mut w,
            StructureEdit::AddAmbition {
                title: "Short-lived".into(),
            },
        )
        .unwrap();
        apply(
            &mut w,
            StructureEdit::Retire {
                node: ThreadNode::Ambition(id("amb-3")),
            },
        )
        .unwrap();
        assert_eq!(w.ambitions.len(), 2);
    }

    #[test]
    fn a_moved_service_or_team_takes_its_kpis_with_it() {
        let mut w = hand_drawn();
        w.kpis[1].directorate = Some(id("d1"));
        let moved = apply(
            &mut w,
            StructureEdit::Move {
                node: ThreadNode::Service(id("s1")),
                to: ThreadNode::Directorate(id("d2")),
            },
        )
        .unwrap();
        assert_eq!(moved.relinked, 1, "k2 named D1 directly");
        assert_eq!(w.kpis[1].directorate, Some(id("d2")));
        assert!(
            w.kpis
                .iter()
                .filter(|k| k.service == Some(id("s1")))
                .all(|k| w.directorate_of_kpi(k) == Some(&id("d2")))
        );
        let tree = thread_tree(&w);
        let highways = tree.occurrences(&ThreadItem::Node(ThreadNode::Service(id("s1"))));
        assert!(
            highways
                .iter()
                .all(|n| n.key.contains("/directorate-d2/service-s1")),
            "the thread follows the move"
        );

        let moved = apply(
            &mut w,
            StructureEdit::Move {
                node: ThreadNode::Team(id("t1")),
                to: ThreadNode::Service(id("s2")),
            },
        )
        .unwrap();
        assert_eq!(moved.relinked, 1, "k1 named S1 directly");
        assert_eq!(w.kpis[0].service, Some(id("s2")));
        assert_eq!(
            apply(
                &mut w,
                StructureEdit::Move {
                    node: ThreadNode::Team(id("t1")),
                    to: ThreadNode::Service(id("s2"))
                }
            ),
            Err(EditRefused::NotApplicable("It is already there."))
        );
        assert!(
            apply(
                &mut w,
                StructureEdit::Move {
                    node: ThreadNode::Directorate(id("d1")),
                    to: ThreadNode::Council
                }
            )
            .is_err()
        );
    }

    #[test]
    fn a_lead_is_a_current_officer_and_an_ambition_gets_its_description() {
        let mut w = hand_drawn();
        let team = ThreadNode::Team(id("t1"));
        let lead = |person: &str| StructureEdit::SetLead {
            node: team.clone(),
            person: Some(id(person)),
        };
        assert!(apply_edit(&mut w, &lead("p-ann")).is_ok());
        assert_eq!(w.teams[0].manager, Some(id("p-ann")));
        assert_eq!(
            apply_edit(&mut w, &lead("p-cllr")).unwrap_err().to_string(),
            "Cllr Cole is a councillor: an officer leads a directorate, service or team."
        );
        w.people[3].active = false;
        assert_eq!(
            apply_edit(&mut w, &lead("p-bob")).unwrap_err().to_string(),
            "Bob has left: choose someone still here."
        );
        let described = StructureEdit::Describe {
            ambition: id("a1"),
            description: "  Roads that are safe for everyone. ".to_owned(),
        };
        assert!(apply_edit(&mut w, &described).is_ok());
        let a1 = w.ambitions.iter().find(|a| a.id.as_str() == "a1").unwrap();
        assert_eq!(a1.description, "Roads that are safe for everyone.");
    }
}
