//! Everyone on the people list, current first and then those who have left, with their team and roles.

use crate::domain::basics::shared_sort::SharedSort;
use leptos::prelude::*;

use crate::domain::model::workspace::Workspace;
use crate::ui::state::use_app_state;

/// One person as the table shows them.
#[derive(Clone, Debug, PartialEq)]
struct PersonRow {
    name: String,
    job_title: String,
    team: String,
    roles: String,
    left: bool,
}

/// The table's rows: current people by name, then those who have left by name.
fn rows(workspace: &Workspace) -> Vec<PersonRow> {
    let mut rows: Vec<PersonRow> = workspace
        .people
        .iter()
        .map(|p| PersonRow {
            name: p.name.clone(),
            job_title: p.job_title.clone(),
            team: p
                .team
                .as_ref()
                .and_then(|id| workspace.teams.iter().find(|t| &t.id == id))
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            roles: p
                .roles
                .iter()
                .filter_map(|id| workspace.roles.iter().find(|r| &r.id == id))
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            left: !p.active,
        })
        .collect();
    rows.shared_sort_by_cached_key(|r| (r.left, r.name.to_ascii_lowercase()));
    rows
}

/// The people table.
#[component]
pub fn PeopleTable() -> impl IntoView {
    let state = use_app_state();
    let rows = Memo::new(move |_| state.session.with(|s| rows(s.current())));
    view! {
        <section class="app-section" aria-labelledby="people-list-heading">
            <h2 id="people-list-heading">"Everyone"</h2>
            <div class="app-table-scroll" tabindex="0" role="region" aria-labelledby="people-list-caption">
                <table class="app-table app-table--compact" data-testid="people-list">
                    <caption class="app-table__caption" id="people-list-caption">
                        {move || {
                            let (here, left) = rows.with(|r| {
                                let left = r.iter().filter(|r| r.left).count();
                                (r.len() - left, left)
                            });
                            format!("People: {here} current, {left} who have left")
                        }}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Job title"</th>
                            <th scope="col">"Team"</th>
                            <th scope="col">"Roles"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|row| view! {
                            <tr data-testid="people-row">
                                <th scope="row">{row.name}{row.left.then_some(" (has left)")}</th>
                                <td>{row.job_title}</td>
                                <td>{row.team}</td>
                                <td>{row.roles}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
