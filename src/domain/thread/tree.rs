//! The golden thread as a tree people walk (the roles framework, the Cambridgeshire PMF, the eight-part PMF): the vision, the corporate ambitions, and
//! under each ambition the directorates, services, teams and people who deliver it, down to individuals'
//! objectives. The Cambridgeshire PMF: "each level of performance management feeds into the next".
//!
//! A part of the organisation appears under an ambition only when something of it serves that ambition — a
//! KPI, a plan or an objective — so the tree is the thread itself, and what counts at a node is the KPIs that
//! serve the ambition there. A KPI counts at its directorate, service, team and owner, and at the person (and
//! their team) whose objective it supports.

use crate::domain::basics::shared_sort::SharedSort;
use std::collections::{HashMap, HashSet};

use crate::domain::basics::ids::{AmbitionId, DirectorateId, KpiId, ObjectiveId, PersonId};
use crate::domain::kpi::rating::{NotRated, Rating};
use crate::domain::kpi::rollup::RagCounts;
use crate::domain::model::action::Action;
use crate::domain::model::golden_thread::{Objective, Person, Plan, ThreadNode};
use crate::domain::model::kpi::KpiDefinition;
use crate::domain::model::risk::{Risk, RiskLevel};
use crate::domain::model::workspace::Workspace;

/// What a node of the tree stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ThreadItem {
    /// A place in the golden thread: the council's vision, an ambition, or a part of the organisation.
    Node(ThreadNode),
    /// An individual's objective.
    Objective(ObjectiveId),
}

impl ThreadItem {
    /// What kind of thing it is, in words: "Vision", "Ambition", "Directorate", …
    pub fn kind(&self) -> &'static str {
        match self {
            ThreadItem::Node(ThreadNode::Council) => "Vision",
            ThreadItem::Node(ThreadNode::Ambition(_)) => "Ambition",
            ThreadItem::Node(ThreadNode::Directorate(_)) => "Directorate",
            ThreadItem::Node(ThreadNode::Service(_)) => "Service",
            ThreadItem::Node(ThreadNode::Team(_)) => "Team",
            ThreadItem::Node(ThreadNode::Person(_)) => "Individual",
            ThreadItem::Objective(_) => "Objective",
        }
    }

    /// A short code for the item, unique among items: `vision`, `ambition-amb-1`, `team-team-ot`, …
    pub fn code(&self) -> String {
        match self {
            ThreadItem::Node(ThreadNode::Council) => "vision".to_owned(),
            ThreadItem::Node(ThreadNode::Ambition(id)) => format!("ambition-{id}"),
            ThreadItem::Node(ThreadNode::Directorate(id)) => format!("directorate-{id}"),
            ThreadItem::Node(ThreadNode::Service(id)) => format!("service-{id}"),
            ThreadItem::Node(ThreadNode::Team(id)) => format!("team-{id}"),
            ThreadItem::Node(ThreadNode::Person(id)) => format!("person-{id}"),
            ThreadItem::Objective(id) => format!("objective-{id}"),
        }
    }
}

/// One node of the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadTreeNode {
    /// What it stands for.
    pub item: ThreadItem,
    /// Its name (for the vision, the vision itself; for an ambition, "Ambition 3: …").
    pub name: String,
    /// Its place: the codes of its ancestors and its own, joined by `/`. Unique in the tree, stable while
    /// the framework is unchanged, so it can sit in a link.
    pub key: String,
    /// The KPIs that count here: those under this node serving the ambition above it (for the vision,
    /// every KPI serving an ambition). Retired KPIs are history and never count.
    pub kpis: Vec<KpiId>,
    /// The nodes below, in the framework's order.
    pub children: Vec<ThreadTreeNode>,
}

impl ThreadTreeNode {
    /// What delivers this node, by kind, in the order first met: "2 directorates", "5 services" … Each part of
    /// the framework counts once however many ambitions it serves (the tree shows it under each of them).
    pub fn delivered_by(&self) -> Vec<(usize, &'static str)> {
        let mut seen = std::collections::HashSet::new();
        let mut counts: Vec<(usize, &'static str)> = Vec::new();
        for child in &self.children {
            child.walk(&mut |node| {
                if !seen.insert(&node.item) {
                    return;
                }
                let kind = node.item.kind();
                match counts.iter_mut().find(|(_, k)| *k == kind) {
                    Some((count, _)) => *count += 1,
                    None => counts.push((1, kind)),
                }
            });
        }
        counts
    }

    /// The node with `key`, here or below.
    pub fn find(&self, key: &str) -> Option<&ThreadTreeNode> {
        if self.key == key {
            return Some(self);
        }
        if !key.starts_with(&format!("{}/", self.key)) {
            return None;
        }
        self.children.iter().find_map(|child| child.find(key))
    }

    /// The nodes from this one down to the node with `key`, both included (empty when it is not here).
    pub fn path_to(&self, key: &str) -> Vec<&ThreadTreeNode> {
        let mut path = Vec::new();
        let mut node = Some(self);
        while let Some(current) = node {
            if !(current.key == key || key.starts_with(&format!("{}/", current.key))) {
                return Vec::new();
            }
            path.push(current);
            node = (current.key != key)
                .then(|| {
                    current
                        .children
                        .iter()
                        .find(|c| c.key == key || key.starts_with(&format!("{}/", c.key)))
                })
                .flatten();
        }
        path
    }

    /// Every node here and below whose item is `item`, in tree order: one per ambition it serves.
    pub fn occurrences<'a>(&'a self, item: &ThreadItem) -> Vec<&'a ThreadTreeNode> {
        let mut found = Vec::new();
        self.walk(&mut |node| {
            if &node.item == item {
                found.push(node);
            }
        });
        found
    }

    /// The keys of the nodes whose name holds every word of `query` (any case), with their ancestors: what a
    /// search of the tree shows. `None` when the query has no words.
    pub fn search(&self, query: &str) -> Option<HashSet<String>> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return None;
        }
        let mut shown = HashSet::new();
        self.walk(&mut |node| {
            let name = node.name.to_lowercase();
            if words.iter().all(|w| name.contains(w.as_str())) {
                shown.extend(self.path_to(&node.key).iter().map(|n| n.key.clone()));
            }
        });
        Some(shown)
    }

    /// Where `kpi` sits on the thread: for each ambition it serves, the path from this node down to the
    /// deepest node it counts at (its team, owner or supporting objective).
    pub fn paths_of_kpi(&self, kpi: &KpiId) -> Vec<Vec<&ThreadTreeNode>> {
        let mut deepest = Vec::new();
        self.walk(&mut |node| {
            if node.kpis.contains(kpi) && !node.children.iter().any(|c| c.kpis.contains(kpi)) {
                deepest.push(node.key.as_str());
            }
        });
        deepest.into_iter().map(|key| self.path_to(key)).collect()
    }

    /// The RAG counts of the KPIs that count here, from each KPI's current rating (a KPI without one, say
    /// before its first reporting period, counts as having no data).
    pub fn rollup(&self, ratings: &HashMap<KpiId, Rating>) -> RagCounts {
        let no_data = Rating::NotRated(NotRated::NoValue);
        RagCounts::from_ratings(self.kpis.iter().map(|k| ratings.get(k).unwrap_or(&no_data)))
    }

    /// Visits this node and every node below it, depth first, in tree order.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a ThreadTreeNode)) {
        visit(self);
        for child in &self.children {
            child.walk(visit);
        }
    }
}

/// Where a KPI counts: the organisational nodes it belongs to, directly or through the objectives that
/// support it (`supporting`).
fn homes(
    workspace: &Workspace,
    kpi: &KpiDefinition,
    supporting: &[&Objective],
) -> HashSet<ThreadNode> {
    let mut homes = HashSet::new();
    if let Some(directorate) = workspace.directorate_of_kpi(kpi) {
        homes.insert(ThreadNode::Directorate(directorate.clone()));
    }
    if let Some(service) = workspace.service_of_kpi(kpi) {
        homes.insert(ThreadNode::Service(service.clone()));
    }
    if let Some(team) = &kpi.team {
        homes.insert(ThreadNode::Team(team.clone()));
    }
    if let Some(owner) = &kpi.owner {
        homes.insert(ThreadNode::Person(owner.clone()));
    }
    for objective in supporting {
        homes.insert(ThreadNode::Person(objective.person.clone()));
        let team = workspace
            .people
            .iter()
            .find(|p| p.id == objective.person)
            .and_then(|p| p.team.as_ref());
        if let Some(team) = team {
            homes.insert(ThreadNode::Team(team.clone()));
        }
    }
    homes
}

/// Builds the tree one ambition at a time from an index of which KPIs count where.
struct Builder<'a> {
    workspace: &'a Workspace,
    /// For each ambition and organisational node, the KPIs serving the ambition that count there.
    counted: HashMap<(&'a AmbitionId, ThreadNode), Vec<KpiId>>,
    /// For each ambition, the current KPIs serving it, in the register's order.
    serving: HashMap<&'a AmbitionId, Vec<&'a KpiId>>,
}

impl<'a> Builder<'a> {
    fn new(workspace: &'a Workspace) -> Self {
        let mut supporting: HashMap<&KpiId, Vec<&Objective>> = HashMap::new();
        for objective in &workspace.objectives {
            for kpi in &objective.kpis {
                supporting.entry(kpi).or_default().push(objective);
            }
        }
        let mut counted: HashMap<(&AmbitionId, ThreadNode), Vec<KpiId>> = HashMap::new();
        let mut serving: HashMap<&AmbitionId, Vec<&KpiId>> = HashMap::new();
        for kpi in current_kpis(workspace) {
            let homes = homes(
                workspace,
                kpi,
                supporting.get(&kpi.id).map_or(&[], Vec::as_slice),
            );
            for ambition in &kpi.ambitions {
                serving.entry(ambition).or_default().push(&kpi.id);
                for home in &homes {
                    counted
                        .entry((ambition, home.clone()))
                        .or_default()
                        .push(kpi.id.clone());
                }
            }
        }
        // Keep each list in the register's order, whatever order the homes were visited in.
        let order: HashMap<&KpiId, usize> = workspace
            .kpis
            .iter()
            .enumerate()
            .map(|(i, k)| (&k.id, i))
            .collect();
        for kpis in counted.values_mut() {
            kpis.shared_sort_by_key(|id| order.get(id).copied().unwrap_or(usize::MAX));
        }
        Self {
            workspace,
            counted,
            serving,
        }
    }

    /// The current KPIs serving `ambition`, in the register's order.
    fn serving(&self, ambition: &AmbitionId) -> &[&'a KpiId] {
        self.serving.get(ambition).map_or(&[], Vec::as_slice)
    }

    fn kpis(&self, ambition: &'a AmbitionId, node: &ThreadNode) -> Vec<KpiId> {
        self.counted
            .get(&(ambition, node.clone()))
            .cloned()
            .unwrap_or_default()
    }

    fn has_plan(&self, ambition: &AmbitionId, owner: &ThreadNode) -> bool {
        self.workspace
            .plans
            .iter()
            .any(|p| &p.owner == owner && p.ambitions.contains(ambition))
    }

    /// A node of the organisation under `ambition`, or none when nothing of it serves the ambition.
    fn node(
        &self,
        ambition: &'a AmbitionId,
        parent_key: &str,
        node: ThreadNode,
        name: String,
        children: impl FnOnce(&str) -> Vec<ThreadTreeNode>,
    ) -> Option<ThreadTreeNode> {
        let item = ThreadItem::Node(node.clone());
        let key = format!("{parent_key}/{}", item.code());
        let children = children(&key);
        let kpis = self.kpis(ambition, &node);
        let serves = !kpis.is_empty() || !children.is_empty() || self.has_plan(ambition, &node);
        serves.then_some(ThreadTreeNode {
            item,
            name,
            key,
            kpis,
            children,
        })
    }

    fn ambition(&self, ambition: &'a AmbitionId, name: String) -> ThreadTreeNode {
        let item = ThreadItem::Node(ThreadNode::Ambition(ambition.clone()));
        let key = format!("{}/{}", VISION_CODE, item.code());
        let children = self
            .workspace
            .directorates
            .iter()
            .filter(|d| d.active)
            .filter_map(|d| {
                self.node(
                    ambition,
                    &key,
                    ThreadNode::Directorate(d.id.clone()),
                    d.name.clone(),
                    |key| {
                        let mut below = self.people(ambition, key, |p| {
                            d.director.as_ref() == Some(&p.id) && p.team.is_none()
                        });
                        below.extend(self.services(ambition, key, &d.id));
                        below
                    },
                )
            })
            .collect();
        ThreadTreeNode {
            kpis: self.serving(ambition).iter().map(|&k| k.clone()).collect(),
            item,
            name,
            key,
            children,
        }
    }

    fn services(
        &self,
        ambition: &'a AmbitionId,
        key: &str,
        directorate: &DirectorateId,
    ) -> Vec<ThreadTreeNode> {
        self.workspace
            .services
            .iter()
            .filter(|s| s.active && &s.directorate == directorate)
            .filter_map(|s| {
                self.node(
                    ambition,
                    key,
                    ThreadNode::Service(s.id.clone()),
                    s.name.clone(),
                    |key| {
                        let mut below = self.people(ambition, key, |p| {
                            s.head.as_ref() == Some(&p.id) && p.team.is_none()
                        });
                        below.extend(
                            self.workspace
                                .teams
                                .iter()
                                .filter(|t| t.active && t.service == s.id)
                                .filter_map(|t| {
                                    self.node(
                                        ambition,
                                        key,
                                        ThreadNode::Team(t.id.clone()),
                                        t.name.clone(),
                                        |key| {
                                            self.people(ambition, key, |p| {
                                                p.team.as_ref() == Some(&t.id)
                                            })
                                        },
                                    )
                                }),
                        );
                        below
                    },
                )
            })
            .collect()
    }

    /// The people picked by `here` who serve `ambition`, each with their objectives serving it.
    fn people(
        &self,
        ambition: &'a AmbitionId,
        key: &str,
        here: impl Fn(&Person) -> bool,
    ) -> Vec<ThreadTreeNode> {
        self.workspace
            .people
            .iter()
            .filter(|p| p.active && !p.councillor && here(p))
            .filter_map(|p| {
                self.node(
                    ambition,
                    key,
                    ThreadNode::Person(p.id.clone()),
                    p.name.clone(),
                    |key| self.objectives(ambition, key, &p.id),
                )
            })
            .collect()
    }

    fn objectives(
        &self,
        ambition: &AmbitionId,
        key: &str,
        person: &PersonId,
    ) -> Vec<ThreadTreeNode> {
        let serving: HashSet<&KpiId> = self.serving(ambition).iter().copied().collect();
        self.workspace
            .objectives
            .iter()
            .filter(|o| &o.person == person)
            .filter(|o| {
                o.ambitions.contains(ambition) || o.kpis.iter().any(|k| serving.contains(k))
            })
            .map(|o| {
                let item = ThreadItem::Objective(o.id.clone());
                ThreadTreeNode {
                    key: format!("{key}/{}", item.code()),
                    item,
                    name: o.title.clone(),
                    kpis: o
                        .kpis
                        .iter()
                        .filter(|k| serving.contains(k))
                        .cloned()
                        .collect(),
                    children: Vec::new(),
                }
            })
            .collect()
    }
}

const VISION_CODE: &str = "vision";

/// The open risks that hang at `node`: the strategic register at the vision, the risks threatening an
/// ambition, a directorate's register, and elsewhere the risks owned there or bearing on the KPIs that count
/// there. Highest residual score first.
pub fn risks_at<'a>(workspace: &'a Workspace, node: &ThreadTreeNode) -> Vec<&'a Risk> {
    let kpis: HashSet<&KpiId> = node.kpis.iter().collect();
    let mut risks: Vec<&Risk> = workspace
        .risks
        .iter()
        .filter(|r| r.closed.is_none())
        .filter(|r| match &node.item {
            ThreadItem::Node(ThreadNode::Council) => r.level == RiskLevel::Strategic,
            ThreadItem::Node(ThreadNode::Ambition(id)) => r.ambitions.contains(id),
            ThreadItem::Node(ThreadNode::Directorate(id)) => r.directorate.as_ref() == Some(id),
            ThreadItem::Node(ThreadNode::Person(id)) => {
                r.owner.as_ref() == Some(id) || r.kpis.iter().any(|k| kpis.contains(k))
            }
            _ => r.kpis.iter().any(|k| kpis.contains(k)),
        })
        .collect();
    risks.shared_sort_by_key(|r| std::cmp::Reverse(r.residual.score()));
    risks
}

/// The open actions on the KPIs that count at `node`, soonest due first (undated last).
pub fn actions_at<'a>(workspace: &'a Workspace, node: &ThreadTreeNode) -> Vec<&'a Action> {
    let kpis: HashSet<&KpiId> = node.kpis.iter().collect();
    let mut actions: Vec<&Action> = workspace
        .actions
        .iter()
        .filter(|a| a.status.is_open() && a.kpi.as_ref().is_some_and(|k| kpis.contains(k)))
        .collect();
    actions.shared_sort_by_key(|a| (a.due.is_none(), a.due));
    actions
}

/// The plans written at `node` (for an ambition, the plans that deliver it), in the framework's order.
pub fn plans_at<'a>(workspace: &'a Workspace, node: &ThreadTreeNode) -> Vec<&'a Plan> {
    workspace
        .plans
        .iter()
        .filter(|p| match &node.item {
            ThreadItem::Node(ThreadNode::Ambition(id)) => p.ambitions.contains(id),
            ThreadItem::Node(owner) => &p.owner == owner,
            ThreadItem::Objective(_) => false,
        })
        .collect()
}

/// The KPIs that count anywhere: every one not retired.
fn current_kpis(workspace: &Workspace) -> impl Iterator<Item = &KpiDefinition> {
    workspace.kpis.iter().filter(|k| k.status.is_live())
}

/// The golden-thread tree of `workspace`: the vision at the root, the ambitions below it in number order.
pub fn thread_tree(workspace: &Workspace) -> ThreadTreeNode {
    let builder = Builder::new(workspace);
    let mut ambitions: Vec<_> = workspace.ambitions.iter().collect();
    ambitions.shared_sort_by_key(|a| a.number);
    let children: Vec<ThreadTreeNode> = ambitions
        .into_iter()
        .map(|a| builder.ambition(&a.id, a.label()))
        .collect();
    let on_the_thread: HashSet<&KpiId> = children.iter().flat_map(|c| &c.kpis).collect();
    let vision = &workspace.framework.vision;
    ThreadTreeNode {
        item: ThreadItem::Node(ThreadNode::Council),
        name: if vision.trim().is_empty() {
            format!(
                "{}: vision not yet written",
                workspace.framework.council_name
            )
        } else {
            vision.clone()
        },
        key: VISION_CODE.to_owned(),
        kpis: current_kpis(workspace)
            .filter(|k| on_the_thread.contains(&k.id))
            .map(|k| k.id.clone())
            .collect(),
        children,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::basics::period::FinancialYear;
    use crate::domain::model::framework::Framework;
    use crate::domain::model::golden_thread::{
        Ambition, Directorate, Plan, PlanLevel, Service, Team,
    };
    use crate::domain::model::kpi::tests::sample_kpi;

    fn id<T: TryFrom<String>>(text: &str) -> T
    where
        T::Error: std::fmt::Debug,
    {
        T::try_from(text.to_owned()).unwrap()
    }

    /// A small framework drawn by hand (see each assertion for what it should make):
    /// ambitions A1 and A2; directorate D1 (director Dee) with services S1 (head Hal, team T1 of Ann and
    /// Bob) and S2; directorate D2 with only a plan for A2.
    /// k1: S1/T1, owned by Ann, serves A1. k2: S1, serves A1 and A2. k3: S2, serves A2. k4: S1, serves no
    /// ambition. k5: S2, serves A1 but is retired. Bob's objective supports k2; Ann's serves A2 directly.
    #[test]
    fn each_part_delivering_the_vision_counts_once_however_many_ambitions_it_serves() {
        // In the hand-drawn framework, Place (d1), Highways (s1), Road safety (t1), Ann and Bob stand under both
        // ambitions, because k2 serves both: the tree shows them twice. Counted once each: ambitions a1 and a2,
        // directorates Place and People, services Highways and Waste, the team Road safety, individuals Ann and
        // Bob, and the objectives o-ann and o-bob (by place it was 3 directorates, 3 services, 2 teams, 5
        // individuals and 3 objectives).
        let tree = thread_tree(&hand_drawn());
        assert_eq!(
            tree.delivered_by(),
            [
                (2, "Ambition"),
                (2, "Directorate"),
                (2, "Service"),
                (1, "Team"),
                (2, "Individual"),
                (2, "Objective")
            ]
        );
    }

    pub(crate) fn hand_drawn() -> Workspace {
        let year = FinancialYear::starting(2026).unwrap();
        let mut w = Workspace::new(Framework::new("Testshire", year));
        w.framework.vision = "A thriving Testshire".to_owned();
        w.ambitions = [(2, "a2", "Healthier lives"), (1, "a1", "Greener places")]
            .into_iter()
            .map(|(number, ambition, title)| Ambition {
                id: id(ambition),
                number,
                title: title.to_owned(),
                description: String::new(),
            })
            .collect();
        w.directorates = [("d1", "Place", Some("p-dee")), ("d2", "People", None)]
            .into_iter()
            .map(|(directorate, name, director)| Directorate {
                id: id(directorate),
                name: name.to_owned(),
                director: director.map(id),
                active: true,
            })
            .collect();
        w.services = [("s1", "Highways", Some("p-hal")), ("s2", "Waste", None)]
            .into_iter()
            .map(|(service, name, head)| Service {
                id: id(service),
                name: name.to_owned(),
                directorate: id("d1"),
                head: head.map(id),
                active: true,
            })
            .collect();
        w.teams = vec![Team {
            id: id("t1"),
            name: "Road safety".to_owned(),
            service: id("s1"),
            manager: None,
            active: true,
        }];
        w.people = [
            ("p-dee", "Dee", None, false),
            ("p-hal", "Hal", None, false),
            ("p-ann", "Ann", Some("t1"), false),
            ("p-bob", "Bob", Some("t1"), false),
            ("p-cllr", "Cllr Cole", None, true),
        ]
        .into_iter()
        .map(|(person, name, team, councillor)| Person {
            id: id(person),
            name: name.to_owned(),
            job_title: String::new(),
            team: team.map(id),
            roles: vec![],
            councillor,
            active: true,
        })
        .collect();
        let kpi = |kpi: &str, service: &str, ambitions: &[&str]| {
            let mut k = sample_kpi(kpi);
            k.service = Some(id(service));
            k.ambitions = ambitions.iter().map(|a| id(a)).collect();
            k
        };
        let mut k1 = kpi("k1", "s1", &["a1"]);
        k1.team = Some(id("t1"));
        k1.owner = Some(id("p-ann"));
        let mut k5 = kpi("k5", "s2", &["a1"]);
        k5.status = crate::domain::model::kpi::KpiStatus::Retired;
        w.kpis = vec![
            k1,
            kpi("k2", "s1", &["a1", "a2"]),
            kpi("k3", "s2", &["a2"]),
            kpi("k4", "s1", &[]),
            k5,
        ];
        w.objectives = [
            ("o-ann", "p-ann", vec!["a2"], vec![]),
            ("o-bob", "p-bob", vec![], vec!["k2"]),
        ]
        .into_iter()
        .map(|(objective, person, ambitions, kpis)| Objective {
            id: id(objective),
            person: id(person),
            title: format!("Objective of {person}"),
            measure: String::new(),
            achievable: String::new(),
            ambitions: ambitions.into_iter().map(id).collect(),
            kpis: kpis.into_iter().map(id).collect(),
            due: None,
        })
        .collect();
        w.plans = vec![Plan {
            id: id("plan-d2"),
            title: "People plan".to_owned(),
            level: PlanLevel::Directorate,
            owner: ThreadNode::Directorate(id("d2")),
            from: year,
            to: year,
            ambitions: vec![id("a2")],
        }];
        w
    }

    /// Ratings for the hand-drawn framework: k1 green, k2 red, k3 amber.
    pub(crate) fn hand_ratings() -> HashMap<KpiId, Rating> {
        use crate::domain::kpi::rollup::tests::computed;
        use crate::domain::maths::rag::RagStatus;
        HashMap::from([
            (id("k1"), computed(RagStatus::Green)),
            (id("k2"), computed(RagStatus::Red)),
            (id("k3"), computed(RagStatus::Amber)),
        ])
    }

    fn kpis(node: &ThreadTreeNode) -> Vec<&str> {
        node.kpis.iter().map(KpiId::as_str).collect()
    }

    fn names(nodes: &[ThreadTreeNode]) -> Vec<&str> {
        nodes.iter().map(|n| n.name.as_str()).collect()
    }

    #[test]
    fn the_vision_counts_every_current_kpi_on_the_thread_and_lists_ambitions_in_number_order() {
        let tree = thread_tree(&hand_drawn());
        assert_eq!(tree.name, "A thriving Testshire");
        assert_eq!(tree.item.kind(), "Vision");
        assert_eq!(
            kpis(&tree),
            ["k1", "k2", "k3"],
            "k4 serves no ambition, k5 is retired"
        );
        assert_eq!(
            names(&tree.children),
            ["Ambition 1: Greener places", "Ambition 2: Healthier lives"]
        );
    }

    #[test]
    fn under_an_ambition_only_what_serves_it_appears() {
        let tree = thread_tree(&hand_drawn());
        let a1 = &tree.children[0];
        assert_eq!(kpis(a1), ["k1", "k2"]);
        assert_eq!(names(&a1.children), ["Place"], "D2 has nothing for A1");
        let place = &a1.children[0];
        assert_eq!(kpis(place), ["k1", "k2"]);
        assert_eq!(
            names(&place.children),
            ["Highways"],
            "Waste's only A1 KPI is retired; Dee has nothing"
        );
        let team = &place.children[0].children[0];
        assert_eq!(team.name, "Road safety");
        assert_eq!(kpis(team), ["k1", "k2"], "k2 through Bob's objective");
        assert_eq!(names(&team.children), ["Ann", "Bob"]);
        assert_eq!(kpis(&team.children[0]), ["k1"]);
        assert!(
            team.children[0].children.is_empty(),
            "Ann's objective serves A2"
        );
        assert_eq!(names(&team.children[1].children), ["Objective of p-bob"]);
        assert_eq!(kpis(&team.children[1].children[0]), ["k2"]);
    }

    #[test]
    fn a_plan_or_an_objective_alone_puts_a_node_on_the_thread() {
        let tree = thread_tree(&hand_drawn());
        let a2 = &tree.children[1];
        assert_eq!(kpis(a2), ["k2", "k3"]);
        assert_eq!(names(&a2.children), ["Place", "People"]);
        assert!(
            a2.children[1].kpis.is_empty(),
            "People is there for its plan"
        );
        let place = &a2.children[0];
        assert_eq!(names(&place.children), ["Highways", "Waste"]);
        let team = &place.children[0].children[0];
        assert_eq!(names(&team.children), ["Ann", "Bob"]);
        let ann = &team.children[0];
        assert!(ann.kpis.is_empty());
        assert_eq!(names(&ann.children), ["Objective of p-ann"]);
    }

    #[test]
    fn keys_are_unique_paths_that_find_their_node() {
        let tree = thread_tree(&hand_drawn());
        let mut keys = Vec::new();
        tree.walk(&mut |node| keys.push(node.key.clone()));
        let unique: HashSet<&String> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len());
        for key in &keys {
            assert_eq!(&tree.find(key).unwrap().key, key);
            let path = tree.path_to(key);
            assert_eq!(path.first().unwrap().key, "vision");
            assert_eq!(&path.last().unwrap().key, key);
        }
        assert!(tree.find("vision/ambition-nope").is_none());
        assert!(tree.path_to("elsewhere").is_empty());
    }

    #[test]
    fn an_item_occurs_once_for_each_ambition_it_serves() {
        let tree = thread_tree(&hand_drawn());
        let bob = ThreadItem::Node(ThreadNode::Person(id("p-bob")));
        let places: Vec<&str> = tree
            .occurrences(&bob)
            .iter()
            .map(|n| n.key.as_str())
            .collect();
        assert_eq!(
            places,
            [
                "vision/ambition-a1/directorate-d1/service-s1/team-t1/person-p-bob",
                "vision/ambition-a2/directorate-d1/service-s1/team-t1/person-p-bob",
            ]
        );
    }

    #[test]
    fn a_search_keeps_the_matches_and_their_ancestors() {
        let tree = thread_tree(&hand_drawn());
        let shown = tree.search("  BOB ").unwrap();
        let mut keys: Vec<&str> = shown.iter().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "vision",
                "vision/ambition-a1",
                "vision/ambition-a1/directorate-d1",
                "vision/ambition-a1/directorate-d1/service-s1",
                "vision/ambition-a1/directorate-d1/service-s1/team-t1",
                "vision/ambition-a1/directorate-d1/service-s1/team-t1/person-p-bob",
                "vision/ambition-a1/directorate-d1/service-s1/team-t1/person-p-bob/objective-o-bob",
                "vision/ambition-a2",
                "vision/ambition-a2/directorate-d1",
                "vision/ambition-a2/directorate-d1/service-s1",
                "vision/ambition-a2/directorate-d1/service-s1/team-t1",
                "vision/ambition-a2/directorate-d1/service-s1/team-t1/person-p-bob",
                "vision/ambition-a2/directorate-d1/service-s1/team-t1/person-p-bob/objective-o-bob",
            ],
            "Bob, and his objective (named after p-bob), under both ambitions"
        );
        assert_eq!(tree.search(" "), None);
        assert_eq!(tree.search("nobody"), Some(HashSet::new()));
    }

    #[test]
    fn a_kpi_leads_up_to_every_ambition_it_serves() {
        let tree = thread_tree(&hand_drawn());
        let ends = |kpi: &str| -> Vec<String> {
            tree.paths_of_kpi(&id(kpi))
                .iter()
                .map(|path| path.last().unwrap().key.clone())
                .collect()
        };
        assert_eq!(
            ends("k1"),
            ["vision/ambition-a1/directorate-d1/service-s1/team-t1/person-p-ann"]
        );
        assert_eq!(
            ends("k2"),
            [
                "vision/ambition-a1/directorate-d1/service-s1/team-t1/person-p-bob/objective-o-bob",
                "vision/ambition-a2/directorate-d1/service-s1/team-t1/person-p-bob/objective-o-bob",
            ]
        );
        assert_eq!(ends("k3"), ["vision/ambition-a2/directorate-d1/service-s2"]);
        assert!(ends("k4").is_empty(), "off the thread");
        let path = &tree.paths_of_kpi(&id("k3"))[0];
        let names: Vec<&str> = path.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "A thriving Testshire",
                "Ambition 2: Healthier lives",
                "Place",
                "Waste"
            ]
        );
    }

    #[test]
    fn roll_ups_count_the_kpis_serving_the_ambition_at_each_node() {
        use crate::domain::maths::rag::RagStatus;
        use crate::domain::maths::rag::RollupRule;
        let ratings = hand_ratings();
        let tree = thread_tree(&hand_drawn());
        let rule = RollupRule::default();
        let summary = |key: &str| {
            let counts = tree.find(key).unwrap().rollup(&ratings);
            (
                counts.green,
                counts.amber,
                counts.red,
                counts.summary(&rule),
            )
        };
        // Vision: k1 green, k2 red, k3 amber: (1 + 0.5) / 3 = 0.5 → Amber.
        assert_eq!(summary("vision"), (1, 1, 1, Some(RagStatus::Amber)));
        // Ambition 1: k1 green, k2 red: 1 / 2 = 0.5 → Amber.
        assert_eq!(
            summary("vision/ambition-a1"),
            (1, 0, 1, Some(RagStatus::Amber))
        );
        // Ambition 2: k2 red, k3 amber: 0.5 / 2 = 0.25 → Red.
        assert_eq!(
            summary("vision/ambition-a2"),
            (0, 1, 1, Some(RagStatus::Red))
        );
        // Waste under ambition 2: k3 alone, amber: 0.5 → Amber.
        assert_eq!(
            summary("vision/ambition-a2/directorate-d1/service-s2"),
            (0, 1, 0, Some(RagStatus::Amber))
        );
        // Ann under ambition 1: k1 green → Green.
        let ann = "vision/ambition-a1/directorate-d1/service-s1/team-t1/person-p-ann";
        assert_eq!(summary(ann), (1, 0, 0, Some(RagStatus::Green)));
        // People under ambition 2 holds a plan and no KPI: nothing rated, no summary.
        let people = tree
            .find("vision/ambition-a2/directorate-d2")
            .unwrap()
            .rollup(&ratings);
        assert_eq!((people.total(), people.summary(&rule)), (0, None));
        // A KPI with no rating yet counts as no data.
        let unrated = tree.find("vision").unwrap().rollup(&HashMap::new());
        assert_eq!((unrated.total(), unrated.no_data), (3, 3));
    }

    #[test]
    fn risks_and_plans_hang_where_they_belong() {
        let workspace =
            crate::demo::demo_workspace(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        let tree = thread_tree(&workspace);
        let strategic = risks_at(&workspace, &tree);
        assert!(!strategic.is_empty());
        assert!(
            strategic
                .iter()
                .all(|r| r.level == RiskLevel::Strategic && r.closed.is_none())
        );
        let scores: Vec<u8> = strategic.iter().map(|r| r.residual.score()).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "highest first");
        for ambition in &tree.children {
            let ThreadItem::Node(ThreadNode::Ambition(id)) = &ambition.item else {
                panic!("an ambition below the vision");
            };
            assert!(
                risks_at(&workspace, ambition)
                    .iter()
                    .all(|r| r.ambitions.contains(id))
            );
            assert!(
                plans_at(&workspace, ambition)
                    .iter()
                    .all(|p| p.ambitions.contains(id))
            );
        }
        assert!(
            tree.children
                .iter()
                .any(|a| !plans_at(&workspace, a).is_empty())
        );

        let hand = hand_drawn();
        let hand_tree = thread_tree(&hand);
        let people = hand_tree.find("vision/ambition-a2/directorate-d2").unwrap();
        let titles: Vec<&str> = plans_at(&hand, people)
            .iter()
            .map(|p| p.title.as_str())
            .collect();
        assert_eq!(titles, ["People plan"]);
    }

    #[test]
    fn a_node_lists_the_open_actions_on_its_kpis_soonest_first() {
        let workspace =
            crate::demo::demo_workspace(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        let tree = thread_tree(&workspace);
        let actions = actions_at(&workspace, &tree);
        assert!(!actions.is_empty());
        assert!(actions.iter().all(|a| a.status.is_open()));
        assert!(
            actions
                .iter()
                .all(|a| a.kpi.as_ref().is_some_and(|k| tree.kpis.contains(k)))
        );
        let dated: Vec<_> = actions.iter().filter_map(|a| a.due).collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "soonest first");
        let open_on_thread = workspace
            .actions
            .iter()
            .filter(|a| a.status.is_open() && a.kpi.as_ref().is_some_and(|k| tree.kpis.contains(k)))
            .count();
        assert_eq!(actions.len(), open_on_thread);
    }

    #[test]
    fn the_demo_council_has_a_path_from_the_vision_to_an_objective() {
        let workspace =
            crate::demo::demo_workspace(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        let tree = thread_tree(&workspace);
        assert_eq!(tree.children.len(), workspace.ambitions.len());
        let mut objectives = 0;
        tree.walk(&mut |node| {
            if matches!(node.item, ThreadItem::Objective(_)) {
                objectives += 1;
                assert!(tree.path_to(&node.key).len() >= 5, "{}", node.key);
            }
        });
        assert!(objectives > 0);
    }
}
