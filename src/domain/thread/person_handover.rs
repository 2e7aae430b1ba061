//! A person leaving: what they still answer for (KPIs they own or co-ordinate the data of, open risks and
//! actions, a directorate, service or team they lead, a committee they chair), handed over whole to the person
//! who takes it on, and the leaver kept, retired, for the records that name them. A leaver can be reinstated.

use crate::domain::basics::ids::PersonId;
use crate::domain::model::workspace::Workspace;

/// Something a person answers for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DutyKind {
    /// Responsible officer of a KPI that is not retired.
    KpiOwner,
    /// Data co-ordinator of a KPI that is not retired.
    DataCoordinator,
    /// Owner of an open risk.
    RiskOwner,
    /// Owner of an open action.
    ActionOwner,
    /// Director of a current directorate.
    Director,
    /// Head of a current service.
    HeadOfService,
    /// Manager of a current team.
    TeamManager,
    /// Chair of a committee.
    Chair,
}

impl DutyKind {
    /// Every kind, in the order they are listed.
    pub const ALL: [DutyKind; 8] = [
        DutyKind::KpiOwner,
        DutyKind::DataCoordinator,
        DutyKind::RiskOwner,
        DutyKind::ActionOwner,
        DutyKind::Director,
        DutyKind::HeadOfService,
        DutyKind::TeamManager,
        DutyKind::Chair,
    ];

    /// The duty in words, with what it is of: "responsible officer of 2 KPIs".
    fn words(self, count: usize) -> String {
        let (role, one, many) = match self {
            DutyKind::KpiOwner => ("responsible officer", "KPI", "KPIs"),
            DutyKind::DataCoordinator => ("data co-ordinator", "KPI", "KPIs"),
            DutyKind::RiskOwner => ("owner", "open risk", "open risks"),
            DutyKind::ActionOwner => ("owner", "open action", "open actions"),
            DutyKind::Director => ("director", "directorate", "directorates"),
            DutyKind::HeadOfService => ("head", "service", "services"),
            DutyKind::TeamManager => ("manager", "team", "teams"),
            DutyKind::Chair => ("chair", "committee", "committees"),
        };
        format!("{role} of {count} {}", if count == 1 { one } else { many })
    }

    /// Whether the duty is an officer's (a councillor cannot take it over).
    fn is_officers(self) -> bool {
        self != DutyKind::Chair
    }
}

/// One thing a person answers for: its kind and the name of what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duty {
    /// What kind of duty.
    pub kind: DutyKind,
    /// The name of the KPI, risk, action, part of the structure or committee.
    pub of: String,
}

/// Everything `person` answers for now, in [`DutyKind::ALL`]'s order.
pub fn duties(workspace: &Workspace, person: &PersonId) -> Vec<Duty> {
    let mine = |holder: Option<&PersonId>| holder == Some(person);
    let duty = |kind, of: &str| Duty {
        kind,
        of: of.to_owned(),
    };
    let live_kpis = || workspace.kpis.iter().filter(|k| k.status.is_live());
    let mut found = Vec::new();
    found.extend(
        live_kpis()
            .filter(|k| mine(k.owner.as_ref()))
            .map(|k| duty(DutyKind::KpiOwner, &k.name)),
    );
    found.extend(
        live_kpis()
            .filter(|k| mine(k.data_coordinator.as_ref()))
            .map(|k| duty(DutyKind::DataCoordinator, &k.name)),
    );
    found.extend(
        workspace
            .risks
            .iter()
            .filter(|r| r.closed.is_none() && mine(r.owner.as_ref()))
            .map(|r| duty(DutyKind::RiskOwner, &r.title)),
    );
    found.extend(
        workspace
            .actions
            .iter()
            .filter(|a| a.status.is_open() && mine(a.owner.as_ref()))
            .map(|a| duty(DutyKind::ActionOwner, &a.title)),
    );
    found.extend(
        workspace
            .directorates
            .iter()
            .filter(|d| d.active && mine(d.director.as_ref()))
            .map(|d| duty(DutyKind::Director, &d.name)),
    );
    found.extend(
        workspace
            .services
            .iter()
            .filter(|s| s.active && mine(s.head.as_ref()))
            .map(|s| duty(DutyKind::HeadOfService, &s.name)),
    );
    found.extend(
        workspace
            .teams
            .iter()
            .filter(|t| t.active && mine(t.manager.as_ref()))
            .map(|t| duty(DutyKind::TeamManager, &t.name)),
    );
    found.extend(
        workspace
            .committees
            .iter()
            .filter(|c| mine(c.chair.as_ref()))
            .map(|c| duty(DutyKind::Chair, &c.name)),
    );
    found
}

/// The duties counted by kind, in words: "responsible officer of 2 KPIs and chair of 1 committee".
pub fn duty_summary(duties: &[Duty]) -> String {
    let parts: Vec<String> = DutyKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let count = duties.iter().filter(|d| d.kind == kind).count();
            (count > 0).then(|| kind.words(count))
        })
        .collect();
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Retires the person `leaving`, handing everything they answer for to `successor`; returns what was handed
/// over. Refused, with every reason, when they still answer for something and no one (or someone who cannot)
/// takes it over; nothing changes then.
pub fn retire_person(
    workspace: &mut Workspace,
    leaving: &PersonId,
    successor: Option<&PersonId>,
) -> Result<Vec<Duty>, Vec<String>> {
    let Some(person) = workspace.person(leaving) else {
        return Err(vec![
            "This person is no longer in the workspace (another tab may have changed it)."
                .to_owned(),
        ]);
    };
    if !person.active {
        return Err(vec![format!("{} has already left.", person.name)]);
    }
    let name = person.name.clone();
    let held = duties(workspace, leaving);
    let mut problems = Vec::new();
    match successor.map(|id| workspace.person(id).ok_or(id)) {
        None if !held.is_empty() => problems.push(format!(
            "{name} is still {}: choose who takes this over.",
            duty_summary(&held)
        )),
        None => {}
        Some(Err(_)) => problems.push(
            "The person chosen to take over is no longer in the workspace: choose again."
                .to_owned(),
        ),
        Some(Ok(next)) if &next.id == leaving => {
            problems.push(format!(
                "{name} cannot take over from themselves: choose someone else."
            ));
        }
        Some(Ok(next)) if !next.active => {
            problems.push(format!(
                "{} has left too: choose someone still here.",
                next.name
            ));
        }
        Some(Ok(next)) => {
            let officers: Vec<Duty> = held
                .iter()
                .filter(|d| d.kind.is_officers())
                .cloned()
                .collect();
            if next.councillor && !officers.is_empty() {
                problems.push(format!(
                    "{} is a councillor, and an officer takes over as {}.",
                    next.name,
                    duty_summary(&officers)
                ));
            }
            let chairs = held.len() - officers.len();
            if !next.councillor && chairs > 0 {
                problems.push(format!(
                    "{} is not a councillor, and committees are chaired by councillors: choose a councillor, or give the {} another chair first.",
                    next.name,
                    if chairs == 1 { "committee" } else { "committees" }
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if let Some(next) = successor {
        hand_over(workspace, leaving, next);
    }
    if let Some(person) = workspace.people.iter_mut().find(|p| &p.id == leaving) {
        person.active = false;
    }
    Ok(held)
}

/// Gives `next` every duty [`duties`] finds for `leaving`.
fn hand_over(workspace: &mut Workspace, leaving: &PersonId, next: &PersonId) {
    let pass = |holder: &mut Option<PersonId>| {
        if holder.as_ref() == Some(leaving) {
            *holder = Some(next.clone());
        }
    };
    for kpi in workspace.kpis.iter_mut().filter(|k| k.status.is_live()) {
        pass(&mut kpi.owner);
        pass(&mut kpi.data_coordinator);
    }
    for risk in workspace.risks.iter_mut().filter(|r| r.closed.is_none()) {
        pass(&mut risk.owner);
    }
    for action in workspace.actions.iter_mut().filter(|a| a.status.is_open()) {
        pass(&mut action.owner);
    }
    for directorate in workspace.directorates.iter_mut().filter(|d| d.active) {
        pass(&mut directorate.director);
    }
    for service in workspace.services.iter_mut().filter(|s| s.active) {
        pass(&mut service.head);
    }
    for team in workspace.teams.iter_mut().filter(|t| t.active) {
        pass(&mut team.manager);
    }
    for committee in &mut workspace.committees {
        pass(&mut committee.chair);
    }
}

/// Brings back a person who had left. Refused only if they are not in the workspace or have not left.
pub fn reinstate_person(workspace: &mut Workspace, id: &PersonId) -> Result<(), String> {
    match workspace.people.iter_mut().find(|p| &p.id == id) {
        Some(person) if !person.active => {
            person.active = true;
            Ok(())
        }
        Some(person) => Err(format!("{} has not left.", person.name)),
        None => Err(
            "This person is no longer in the workspace (another tab may have changed it)."
                .to_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;

    fn id(text: &str) -> PersonId {
        PersonId::new(text).unwrap()
    }

    #[test]
    fn a_leaver_with_nothing_to_hand_over_just_leaves_and_can_come_back() {
        let mut workspace = hand_drawn();
        // Bob owns nothing in the hand-drawn council.
        assert_eq!(
            retire_person(&mut workspace, &id("p-bob"), None),
            Ok(vec![])
        );
        assert!(!workspace.person(&id("p-bob")).unwrap().active);
        assert!(reinstate_person(&mut workspace, &id("p-bob")).is_ok());
        assert!(workspace.person(&id("p-bob")).unwrap().active);
    }

    #[test]
    fn everything_a_leaver_answers_for_passes_to_their_successor() {
        let mut workspace = hand_drawn();
        // Dee directs d1 ("Place"); make her also data co-ordinator of k1 and manager of t1.
        workspace.kpis[0].data_coordinator = Some(id("p-dee"));
        workspace.teams[0].manager = Some(id("p-dee"));
        let handed = retire_person(&mut workspace, &id("p-dee"), Some(&id("p-bob"))).unwrap();
        assert_eq!(
            duty_summary(&handed),
            "data co-ordinator of 1 KPI, director of 1 directorate and manager of 1 team"
        );
        assert_eq!(workspace.kpis[0].data_coordinator, Some(id("p-bob")));
        assert_eq!(workspace.directorates[0].director, Some(id("p-bob")));
        assert_eq!(workspace.teams[0].manager, Some(id("p-bob")));
        assert!(!workspace.person(&id("p-dee")).unwrap().active);
        assert!(duties(&workspace, &id("p-dee")).is_empty());
    }

    #[test]
    fn a_leaver_who_still_answers_for_something_needs_a_successor_who_can_take_it() {
        let mut workspace = hand_drawn();
        let before = workspace.clone();
        // Ann owns k1 (hand_drawn); she also chairs a committee here.
        workspace.committees = vec![crate::domain::model::golden_thread::Committee {
            id: crate::domain::basics::ids::CommitteeId::new("c1").unwrap(),
            name: "Scrutiny".to_owned(),
            kind: crate::domain::model::golden_thread::CommitteeKind::Scrutiny,
            chair: Some(id("p-ann")),
        }];
        let with_committee = workspace.clone();
        let nobody = retire_person(&mut workspace, &id("p-ann"), None).unwrap_err();
        assert_eq!(
            nobody,
            [
                "Ann is still responsible officer of 1 KPI and chair of 1 committee: choose who takes this over."
            ]
        );
        // Cllr Cole may chair but not own a KPI; Bob may own it but not chair.
        let councillor =
            retire_person(&mut workspace, &id("p-ann"), Some(&id("p-cllr"))).unwrap_err();
        assert_eq!(
            councillor,
            [
                "Cllr Cole is a councillor, and an officer takes over as responsible officer of 1 KPI."
            ]
        );
        let officer = retire_person(&mut workspace, &id("p-ann"), Some(&id("p-bob"))).unwrap_err();
        assert_eq!(officer.len(), 1);
        assert!(officer[0].starts_with("Bob is not a councillor"));
        let herself = retire_person(&mut workspace, &id("p-ann"), Some(&id("p-ann"))).unwrap_err();
        assert_eq!(
            herself,
            ["Ann cannot take over from themselves: choose someone else."]
        );
        assert_eq!(workspace, with_committee);
        assert_ne!(workspace, before);
    }

    #[test]
    fn a_successor_who_has_left_is_refused_and_a_leaver_cannot_leave_twice() {
        let mut workspace = hand_drawn();
        retire_person(&mut workspace, &id("p-bob"), None).unwrap();
        assert_eq!(
            retire_person(&mut workspace, &id("p-ann"), Some(&id("p-bob"))).unwrap_err(),
            ["Bob has left too: choose someone still here."]
        );
        assert_eq!(
            retire_person(&mut workspace, &id("p-bob"), None).unwrap_err(),
            ["Bob has already left."]
        );
    }
}
