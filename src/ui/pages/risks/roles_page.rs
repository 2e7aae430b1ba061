//! Roles and responsibilities (the roles framework, the performance protocol, the Cambridgeshire PMF appendices D and E): what each role does and who holds
//! it, and — for the person chosen — what is theirs to review now, most pressing first, each with a link
//! to where it is done.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::assurance::review_queue::{DutySubject, LOOK_AHEAD_DAYS, review_queue};
use crate::domain::basics::ids::PersonId;
use crate::domain::model::golden_thread::RoleHolder;
use crate::domain::model::workspace::PerformanceIndex;
use crate::ui::address::query::{address, parse_query};
use crate::ui::address::served_path::link;
use crate::ui::address::state::use_address_state;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::data_table::{Column, DataTable, Empty, Row};
use crate::ui::components::fields::{RecordedAs, Select, Who, person_choices};
use crate::ui::routes::kpi_path;
use crate::ui::state::use_app_state;

use super::RiskView;
use super::audit_view::AuditView;
use crate::ui::routes::Page;

/// The page's title and heading.
const TITLE: &str = "Roles and responsibilities";

fn person_from_query(query: &str) -> Option<PersonId> {
    parse_query(query)
        .into_iter()
        .find(|(k, _)| k == "person")
        .and_then(|(_, v)| PersonId::try_from(v).ok())
}

fn person_href(person: &Option<PersonId>) -> String {
    address(
        &Page::Roles.path(),
        [("person", person.as_ref().map(ToString::to_string))],
    )
}

/// A role as the table shows it, owned.
#[derive(Clone, Debug, PartialEq)]
struct RoleLine {
    name: String,
    holder: &'static str,
    duties: Vec<String>,
    people: String,
}

/// A duty as the list shows it, owned.
#[derive(Clone, Debug, PartialEq)]
struct DutyLine {
    what: String,
    when: String,
    overdue: bool,
    href: String,
}

/// A role, as a row.
fn role_row(r: RoleLine) -> Row {
    let duties = view! { <ul class="app-duties">{r.duties.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> };
    Row::new(vec![
        r.name.into_any(),
        r.holder.into_any(),
        duties.into_any(),
        r.people.into_any(),
    ])
    .test_id("role-row")
}

/// A duty, as a row linking to where it is done.
fn duty_row(l: DutyLine) -> Row {
    Row::new(vec![
        view! { <a href=link(&l.href)>{l.what}</a> }.into_any(),
        l.when.into_any(),
    ])
    .test_id("review-queue-row")
}

/// The roles page.
#[component]
pub fn RolesPage() -> impl IntoView {
    use_page_title(TITLE);
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let (person, choose) = use_address_state(person_from_query, person_href);
    let people = Memo::new(move |_| {
        state
            .session
            .with(|s| person_choices(s.current(), Who::Anyone, RecordedAs::Id, ""))
    });
    let roles = Memo::new(move |_| {
        state.session.with(|s| {
            let w = s.current();
            w.roles
                .iter()
                .map(|role| {
                    let holders: Vec<&str> = w
                        .people
                        .iter()
                        .filter(|p| p.roles.contains(&role.id))
                        .map(|p| p.name.as_str())
                        .collect();
                    RoleLine {
                        name: role.name.clone(),
                        holder: match role.holder {
                            RoleHolder::Officer => "Officers",
                            RoleHolder::Member => "Elected members",
                        },
                        duties: role.responsibilities.clone(),
                        people: if holders.is_empty() {
                            "No one recorded".to_owned()
                        } else {
                            holders.join(", ")
                        },
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let queue = Memo::new(move |_| {
        let chosen = person.get()?;
        state.session.with(|s| {
            let w = s.current();
            let name = w.person(&chosen)?.name.clone();
            let index = PerformanceIndex::new(&w.measurements);
            let lines = review_queue(w, &index, &chosen, today)
                .into_iter()
                .map(|d| DutyLine {
                    when: d.due.map_or_else(
                        || "Now".to_owned(),
                        |due| {
                            let date = due.format("%-d %b %Y").to_string();
                            if d.overdue {
                                format!("Overdue since {date}")
                            } else {
                                format!("By {date}")
                            }
                        },
                    ),
                    overdue: d.overdue,
                    href: match d.subject {
                        DutySubject::Kpi(id) => kpi_path(id.as_str()),
                        DutySubject::Risk(id) => RiskView {
                            review: Some(id),
                            ..RiskView::default()
                        }
                        .href(),
                        DutySubject::Audit(id) => AuditView {
                            audit: Some(id),
                            kpi: None,
                        }
                        .href(),
                        DutySubject::NewAudit => Page::Audit.path(),
                    },
                    what: d.what,
                })
                .collect::<Vec<_>>();
            Some((name, lines))
        })
    });
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">"Who does what in the framework, and what is waiting for each person now."</p>
        <Select id="roles-person" label="Show what is waiting for" none="Choose a person" choices=people
            value=Signal::derive(move || person.get().map(|p| p.to_string()).unwrap_or_default())
            on_change=move |chosen: String| choose.run(PersonId::try_from(chosen).ok()) />
        {move || queue.get().map(|(name, lines)| view! {
            <section class="app-section" aria-labelledby="queue-heading" data-testid="review-queue">
                <h2 id="queue-heading">{format!("Yours to review now: {name}")}</h2>
                <DataTable test_id="review-queue-table" caption=format!(
                        "{} things to review or do, {} overdue, looking {LOOK_AHEAD_DAYS} days ahead",
                        lines.len(), lines.iter().filter(|l| l.overdue).count()
                    )
                    columns=vec![Column::row_heading("What"), Column::text("When")] rows=move || lines.iter().cloned().map(duty_row).collect()
                    empty=Empty::instead("review-queue-empty", format!("Nothing is due in the next {LOOK_AHEAD_DAYS} days.")) />
            </section>
        })}
        <DataTable test_id="roles-table" caption=move || format!("The framework's {} roles", roles.with(Vec::len))
            columns=vec![Column::row_heading("Role"), Column::text("Held by"), Column::text("Responsible for"), Column::text("People")]
            rows=move || roles.get().into_iter().map(role_row).collect() />
    }
}
