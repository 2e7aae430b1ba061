//! Managing the framework's structure: an outline of the ambitions, directorates, services and teams (retired
//! ones marked), a form to add one, and a form to rename, move or retire one, or retire a KPI. Every change
//! goes through `domain::thread::structure_edit`, whose refusals are shown as they are given.

use crate::domain::basics::shared_sort::SharedSort;
use leptos::prelude::*;

use super::plans_form::PlansForm;
use super::propose_form::ProposeKpiForm;
use crate::domain::basics::ids::{AmbitionId, DirectorateId, KpiId, PersonId, ServiceId, TeamId};
use crate::domain::model::golden_thread::ThreadNode;
use crate::domain::model::kpi::KpiStatus;
use crate::domain::model::workspace::Workspace;
use crate::domain::thread::structure_edit::{EditDone, EditRefused, StructureEdit, apply_edit};
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::fields::{Choice, PersonSelect, Select, TextArea, TextField, Who};
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::state::use_app_state;

/// The changes each kind of part takes, as (value, words).
fn actions_for(kind: &str) -> Vec<(&'static str, &'static str)> {
    let (rename, retire) = (("rename", "Rename"), ("retire", "Retire"));
    match kind {
        "ambition" => vec![rename, ("describe", "Describe"), retire],
        "directorate" => vec![rename, ("lead", "Change who leads it"), retire],
        "kpi" => vec![rename, ("move", "Move"), retire],
        _ => vec![
            rename,
            ("move", "Move"),
            ("lead", "Change who leads it"),
            retire,
        ],
    }
}

/// Who leads the part chosen now (a person's id) and, for an ambition, its description.
fn lead_and_description(w: &Workspace, chosen: Option<&Chosen>) -> (String, String) {
    let id =
        |person: &Option<PersonId>| person.as_ref().map(ToString::to_string).unwrap_or_default();
    match chosen {
        Some(Chosen::Node(ThreadNode::Directorate(d))) => (
            w.directorates
                .iter()
                .find(|x| &x.id == d)
                .map(|x| id(&x.director))
                .unwrap_or_default(),
            String::new(),
        ),
        Some(Chosen::Node(ThreadNode::Service(s))) => (
            w.services
                .iter()
                .find(|x| &x.id == s)
                .map(|x| id(&x.head))
                .unwrap_or_default(),
            String::new(),
        ),
        Some(Chosen::Node(ThreadNode::Team(t))) => (
            w.teams
                .iter()
                .find(|x| &x.id == t)
                .map(|x| id(&x.manager))
                .unwrap_or_default(),
            String::new(),
        ),
        Some(Chosen::Node(ThreadNode::Ambition(a))) => (
            String::new(),
            w.ambitions
                .iter()
                .find(|x| &x.id == a)
                .map(|x| x.description.clone())
                .unwrap_or_default(),
        ),
        _ => (String::new(), String::new()),
    }
}

/// The page's title and heading.
const TITLE: &str = "Manage the framework";

/// A node as a form value: `directorate:dir-x`, …; read back by [`parse`] (a KPI is `kpi:<id>`).
fn code(node: &ThreadNode) -> String {
    let (kind, id) = match node {
        ThreadNode::Council => ("council", ""),
        ThreadNode::Ambition(id) => ("ambition", id.as_str()),
        ThreadNode::Directorate(id) => ("directorate", id.as_str()),
        ThreadNode::Service(id) => ("service", id.as_str()),
        ThreadNode::Team(id) => ("team", id.as_str()),
        ThreadNode::Person(id) => ("person", id.as_str()),
    };
    format!("{kind}:{id}")
}

/// What a form value names: a node, or a KPI.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Chosen {
    Node(ThreadNode),
    Kpi(KpiId),
}

fn parse(value: &str) -> Option<Chosen> {
    let (kind, id) = value.split_once(':')?;
    let id = id.to_owned();
    Some(match kind {
        "ambition" => Chosen::Node(ThreadNode::Ambition(AmbitionId::try_from(id).ok()?)),
        "directorate" => Chosen::Node(ThreadNode::Directorate(DirectorateId::try_from(id).ok()?)),
        "service" => Chosen::Node(ThreadNode::Service(ServiceId::try_from(id).ok()?)),
        "team" => Chosen::Node(ThreadNode::Team(TeamId::try_from(id).ok()?)),
        "kpi" => Chosen::Kpi(KpiId::try_from(id).ok()?),
        _ => return None,
    })
}

/// One entry of the outline: its depth, its name, whether it is retired, and its own list below.
#[derive(Clone, Debug, PartialEq)]
struct OutlineEntry {
    name: String,
    kind: &'static str,
    retired: bool,
    below: Vec<OutlineEntry>,
}

/// A part's name with who leads it: "Highways, led by Hal Jones".
fn led_by(w: &Workspace, name: &str, lead: Option<&PersonId>) -> String {
    match lead.and_then(|id| w.person(id)) {
        Some(person) => format!("{name}, led by {}", person.name),
        None => name.to_owned(),
    }
}

fn outline(w: &Workspace) -> (Vec<String>, Vec<OutlineEntry>) {
    let mut ambitions: Vec<_> = w.ambitions.iter().collect();
    ambitions.shared_sort_by_key(|a| a.number);
    let ambitions = ambitions
        .into_iter()
        .map(|a| match a.description.as_str() {
            "" => a.label(),
            description => format!("{}: {description}", a.label()),
        })
        .collect();
    let directorates = w
        .directorates
        .iter()
        .map(|d| OutlineEntry {
            name: led_by(w, &d.name, d.director.as_ref()),
            kind: "Directorate",
            retired: !d.active,
            below: w
                .services
                .iter()
                .filter(|s| s.directorate == d.id)
                .map(|s| OutlineEntry {
                    name: led_by(w, &s.name, s.head.as_ref()),
                    kind: "Service",
                    retired: !s.active,
                    below: w
                        .teams
                        .iter()
                        .filter(|t| t.service == s.id)
                        .map(|t| OutlineEntry {
                            name: led_by(w, &t.name, t.manager.as_ref()),
                            kind: "Team",
                            retired: !t.active,
                            below: Vec::new(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    (ambitions, directorates)
}

fn outline_view(entries: Vec<OutlineEntry>) -> AnyView {
    view! {
        <ul class="app-outline">
            {entries.into_iter().map(|e| view! {
                <li>
                    <span class="app-tree__kind">{e.kind}</span> " " {e.name}
                    {e.retired.then(|| view! { " " <span class="app-flag">"Retired"</span> })}
                    {(!e.below.is_empty()).then(|| outline_view(e.below))}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The choices of a select: current nodes of a kind, as (value, label).
fn choices(w: &Workspace, kind: &str) -> Vec<(String, String)> {
    let directorate_name = |id: &DirectorateId| {
        w.directorates
            .iter()
            .find(|d| &d.id == id)
            .map_or_else(String::new, |d| d.name.clone())
    };
    match kind {
        "ambition" => w
            .ambitions
            .iter()
            .map(|a| (code(&ThreadNode::Ambition(a.id.clone())), a.label()))
            .collect(),
        "directorate" => w
            .directorates
            .iter()
            .filter(|d| d.active)
            .map(|d| (code(&ThreadNode::Directorate(d.id.clone())), d.name.clone()))
            .collect(),
        "service" => w
            .services
            .iter()
            .filter(|s| s.active)
            .map(|s| {
                (
                    code(&ThreadNode::Service(s.id.clone())),
                    format!("{} ({})", s.name, directorate_name(&s.directorate)),
                )
            })
            .collect(),
        "team" => w
            .teams
            .iter()
            .filter(|t| t.active)
            .map(|t| {
                let service = w
                    .services
                    .iter()
                    .find(|s| s.id == t.service)
                    .map_or("", |s| s.name.as_str());
                (
                    code(&ThreadNode::Team(t.id.clone())),
                    format!("{} ({service})", t.name),
                )
            })
            .collect(),
        "kpi" => w
            .kpis
            .iter()
            .filter(|k| k.status != KpiStatus::Retired)
            .map(|k| (format!("kpi:{}", k.id), format!("{} ({})", k.name, k.id)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The page.
#[component]
pub fn StructurePage() -> impl IntoView {
    use_page_title(TITLE);
    let state = use_app_state();
    let run = move |edit: StructureEdit| -> Result<EditDone, EditRefused> {
        state
            .session
            .try_update(|s| s.edit(|w| apply_edit(w, &edit)))
            .unwrap_or(Err(EditRefused::NotFound("workspace")))
    };
    let lists = Memo::new(move |_| state.session.with(|s| outline(s.current())));
    let options = move |kind: &'static str| {
        Memo::new(move |_| state.session.with(|s| choices(s.current(), kind)))
    };
    let directorates = options("directorate");
    let services = options("service");

    // Adding.
    let add_kind = RwSignal::new("service".to_owned());
    let add_name = RwSignal::new(String::new());
    let add_where = RwSignal::new(String::new());
    let added = RwSignal::new(Outcome::None);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let name = add_name.get_untracked();
        let place = parse(&add_where.get_untracked());
        let edit = match (add_kind.get_untracked().as_str(), place) {
            ("ambition", _) => StructureEdit::AddAmbition { title: name },
            ("directorate", _) => StructureEdit::AddDirectorate { name },
            ("service", Some(Chosen::Node(ThreadNode::Directorate(directorate)))) => {
                StructureEdit::AddService { name, directorate }
            }
            ("team", Some(Chosen::Node(ThreadNode::Service(service)))) => {
                StructureEdit::AddTeam { name, service }
            }
            _ => {
                added.set(Some(Err("Choose where it belongs.".to_owned())));
                return;
            }
        };
        added.set(Some(match run(edit) {
            Ok(_) => {
                add_name.set(String::new());
                Ok(format!("Added {}.", add_kind.get_untracked()))
            }
            Err(refused) => Err(refused.to_string()),
        }));
    };
    let where_choices = Memo::new(move |_| match add_kind.get().as_str() {
        "service" => directorates.get(),
        "team" => services.get(),
        _ => Vec::new(),
    });

    // Changing.
    let change_kind = RwSignal::new("service".to_owned());
    let change_what = RwSignal::new(String::new());
    let action = RwSignal::new("rename".to_owned());
    let new_name = RwSignal::new(String::new());
    let move_to = RwSignal::new(String::new());
    let lead = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let changed = RwSignal::new(Outcome::None);
    // The lead and description shown are what the part chosen has now.
    Effect::new(move |_| {
        let chosen = parse(&change_what.get());
        let (now_lead, now_description) = state
            .session
            .with_untracked(|s| lead_and_description(s.current(), chosen.as_ref()));
        lead.set(now_lead);
        description.set(now_description);
    });
    let what_choices = Memo::new(move |_| {
        let kind = change_kind.get();
        state.session.with(|s| choices(s.current(), &kind))
    });
    let move_choices = Memo::new(move |_| match change_kind.get().as_str() {
        "service" => directorates.get(),
        "team" | "kpi" => services.get(),
        _ => Vec::new(),
    });
    let change = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(chosen) = parse(&change_what.get_untracked()) else {
            changed.set(Some(Err("Choose what to change.".to_owned())));
            return;
        };
        let edit = match (chosen, action.get_untracked().as_str()) {
            (Chosen::Kpi(kpi), "rename") => StructureEdit::RenameKpi {
                kpi,
                name: new_name.get_untracked(),
            },
            (Chosen::Kpi(kpi), "move") => match parse(&move_to.get_untracked()) {
                Some(Chosen::Node(ThreadNode::Service(to))) => StructureEdit::MoveKpi { kpi, to },
                _ => {
                    changed.set(Some(Err("Choose the service it moves to.".to_owned())));
                    return;
                }
            },
            (Chosen::Kpi(kpi), _) => StructureEdit::RetireKpi { kpi },
            (Chosen::Node(node), "rename") => StructureEdit::Rename {
                node,
                name: new_name.get_untracked(),
            },
            (Chosen::Node(node), "move") => match parse(&move_to.get_untracked()) {
                Some(Chosen::Node(to)) => StructureEdit::Move { node, to },
                _ => {
                    changed.set(Some(Err("Choose where it moves to.".to_owned())));
                    return;
                }
            },
            (Chosen::Node(node), "lead") => StructureEdit::SetLead {
                node,
                person: PersonId::new(lead.get_untracked()).ok(),
            },
            (Chosen::Node(ThreadNode::Ambition(ambition)), "describe") => StructureEdit::Describe {
                ambition,
                description: description.get_untracked(),
            },
            (Chosen::Node(node), _) => StructureEdit::Retire { node },
        };
        changed.set(Some(match run(edit) {
            Ok(done) if done.relinked > 0 => Ok(format!(
                "Done. {} KPIs were re-linked to follow it.",
                done.relinked
            )),
            Ok(_) => Ok("Done.".to_owned()),
            Err(refused) => Err(refused.to_string()),
        }));
        change_what.set(String::new());
        new_name.set(String::new());
    };
    let kinds: Vec<Choice> = [
        ("ambition", "Ambition"),
        ("directorate", "Directorate"),
        ("service", "Service"),
        ("team", "Team"),
    ]
    .map(|(value, words)| (value.to_owned(), words.to_owned()))
    .to_vec();
    let kinds_and_kpi: Vec<Choice> = kinds
        .iter()
        .cloned()
        .chain([("kpi".to_owned(), "KPI".to_owned())])
        .collect();
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">"Add, rename, move and retire the parts of the golden thread, and propose new KPIs. Retired parts and KPIs are kept, with their history; nothing can be retired while something current still hangs below it."</p>
        <div class="app-thread">
            <section aria-labelledby="structure-add-heading">
                <form class="app-subform" on:submit=add novalidate data-testid="structure-add">
                    <h2 id="structure-add-heading">"Add"</h2>
                    <Select id="add-kind" label="What" choices=kinds value=add_kind
                        on_change=move |chosen| { add_kind.set(chosen); add_where.set(String::new()); } />
                    <Show when=move || !where_choices.with(Vec::is_empty)>
                        <Select id="add-where" label="In" none="Choose…" choices=where_choices bind=add_where />
                    </Show>
                    <TextField id="add-name" label="Name" value=add_name />
                    <button type="submit" class="app-button app-button--secondary" data-testid="add-submit">"Add"</button>
                    <OutcomeMessage outcome=added test_id="add-outcome" />
                </form>
                <form class="app-subform" on:submit=change novalidate data-testid="structure-change">
                    <h2 id="structure-change-heading">"Rename, move or retire"</h2>
                    <Select id="change-kind" label="Which kind" choices=kinds_and_kpi value=change_kind
                        on_change=move |chosen: String| {
                            if !actions_for(&chosen).iter().any(|(value, _)| action.with_untracked(|a| a == value)) {
                                action.set("rename".to_owned());
                            }
                            change_kind.set(chosen);
                            change_what.set(String::new());
                        } />
                    <Select id="change-what" label="Which one" none="Choose…" choices=what_choices bind=change_what />
                    <fieldset class="app-conflict">
                        <legend>"Change"</legend>
                        <div class="app-radios">
                            {move || actions_for(&change_kind.get()).into_iter().map(|(value, label)| view! {
                                <label>
                                    <input type="radio" name="structure-action" value=value data-testid=format!("action-{value}")
                                        prop:checked=move || action.with(|a| a == value) on:change=move |_| action.set(value.to_owned()) />
                                    " " {label}
                                </label>
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <Show when=move || action.with(|a| a == "rename")>
                        <TextField id="change-name" label="New name" value=new_name />
                    </Show>
                    <Show when=move || action.with(|a| a == "move") && !move_choices.with(Vec::is_empty)>
                        <Select id="change-to" label="Move to" none="Choose…" choices=move_choices bind=move_to />
                    </Show>
                    <Show when=move || action.with(|a| a == "lead")>
                        <PersonSelect id="change-lead" label="Led by" none="No one yet" bind=lead who=Who::Officers />
                    </Show>
                    <Show when=move || action.with(|a| a == "describe")>
                        <TextArea id="change-description" label="Description, as the council plan puts it" value=description rows=3 />
                    </Show>
                    <button type="submit" class="app-button app-button--secondary" data-testid="change-submit">"Apply the change"</button>
                    <OutcomeMessage outcome=changed test_id="change-outcome" />
                </form>
                <ProposeKpiForm />
                <PlansForm />
            </section>
            <section aria-labelledby="structure-outline-heading" data-testid="structure-outline">
                <h2 id="structure-outline-heading">"The structure now"</h2>
                {move || {
                    let (ambitions, directorates) = lists.get();
                    view! {
                        <h3>"Ambitions"</h3>
                        <ul class="app-outline">{ambitions.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
                        <h3>"Directorates, services and teams"</h3>
                        {outline_view(directorates)}
                    }
                }}
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_read_back_as_what_they_name() {
        let node = ThreadNode::Service(ServiceId::new("svc-asc").unwrap());
        assert_eq!(parse(&code(&node)), Some(Chosen::Node(node)));
        assert_eq!(
            parse("kpi:k-1"),
            Some(Chosen::Kpi(KpiId::new("k-1").unwrap()))
        );
        assert_eq!(parse("person:p-1"), None, "people are not changed here");
        assert_eq!(parse("service:"), None);
        assert_eq!(parse("nonsense"), None);
    }
}
