//! Choosing who acted where a body may act for the council: a person, or a team or committee (a risk reviewed
//! at a committee, an audit sample drawn by a team). Recorded by name; whatever is recorded stays on offer.

use leptos::prelude::*;

use super::person_select::{RecordedAs, Who, person_choices};
use super::select::{Choice, Select};
use crate::domain::model::workspace::Workspace;
use crate::ui::state::use_app_state;

/// The current teams and the committees, each by name.
fn body_choices(workspace: &Workspace) -> Vec<Choice> {
    let teams = workspace.teams.iter().filter(|t| t.active).map(|t| &t.name);
    let committees = workspace.committees.iter().map(|c| &c.name);
    teams
        .chain(committees)
        .map(|name| (name.clone(), name.clone()))
        .collect()
}

/// A select of the council's current people, then its teams and committees, bound to `bind` (a name).
#[component]
pub fn PersonOrBodySelect(
    id: &'static str,
    #[prop(into)] label: TextProp,
    bind: RwSignal<String>,
) -> impl IntoView {
    let state = use_app_state();
    let bodies = Signal::derive(move || state.session.with(|s| body_choices(s.current())));
    let people = Signal::derive(move || {
        let held = bind.get();
        let is_body = bodies.with(|b| b.iter().any(|(name, _)| name == &held));
        let keep = if is_body { "" } else { held.as_str() };
        state
            .session
            .with(|s| person_choices(s.current(), Who::Anyone, RecordedAs::Name, keep))
    });
    view! {
        <Select id=id label=label none="Choose…" choices=people bind=bind
            groups=vec![("Teams and committees", bodies)] />
    }
}
