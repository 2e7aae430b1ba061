//! People, roles and committees (`/golden-thread/people`): everyone the framework names, the roles they hold
//! and the committees that scrutinise performance, each added and changed from a form of its own, and a leaver's
//! duties handed to whoever takes them over. Every change goes through the pure commands of
//! `domain::thread` (`person_form`, `person_handover`, `role_form`, `committee_form`).

mod committee_editor;
mod leaving_form;
mod objectives_editor;
mod people_table;
mod person_editor;
mod role_editor;

use leptos::prelude::*;

use crate::ui::browser::page_title::use_page_title;
use committee_editor::CommitteeEditor;
use people_table::PeopleTable;
use person_editor::PersonEditor;
use role_editor::RoleEditor;

/// The page's title and heading.
const TITLE: &str = "People, roles and committees";

/// The people, roles and committees page.
#[component]
pub fn PeoplePage() -> impl IntoView {
    use_page_title(TITLE);
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">"Everyone the framework names: the officers who own KPIs, supply their figures and sign them off, and the councillors who chair the committees that scrutinise them. Whoever is chosen anywhere in the app is chosen from this list."</p>
        <PersonEditor />
        <PeopleTable />
        <RoleEditor />
        <CommitteeEditor />
    }
}
