//! The KPI editor: a KPI's definition, its targets and its comparators, each a form of its own, on a page of its own
//! (`/scorecards/kpi-edit/<id>`, linked from the KPI's page), drawn from its own module.

mod benchmarks_form;
mod definition_form;
mod targets_form;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::basics::ids::KpiId;
use crate::ui::address::served_path::link;
use crate::ui::routes::kpi_path;
use crate::ui::state::use_app_state;
use benchmarks_form::BenchmarksEditor;
use definition_form::DefinitionForm;
use targets_form::TargetsEditor;

/// The KPI editor page.
#[component]
pub fn KpiEditPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let name = Memo::new(move |_| {
        let id = KpiId::try_from(id.get()).ok()?;
        state
            .session
            .with(|s| s.current().kpi(&id).map(|kpi| kpi.name.clone()))
    });
    let council = state.council_name();
    Effect::new(move |_| {
        let title = name
            .get()
            .map_or_else(|| "KPI not found".to_owned(), |n| format!("Edit {n}"));
        document().set_title(&format!("{title} – {}", council.get()));
    });
    view! {
        {move || {
            let raw = id.get();
            match KpiId::try_from(raw.clone()).ok().filter(|_| name.with_untracked(Option::is_some)) {
                Some(kpi) => view! {
                    <p><a href=link(&kpi_path(kpi.as_str())) data-testid="kpi-edit-back">"Back to the KPI"</a></p>
                    <h1 data-testid="page-heading">"Edit " {move || name.get()}</h1>
                    <p class="app-lead">"Every field of the KPI and its targets. Each form is checked as a whole when saved: nothing changes until every problem is put right."</p>
                    <DefinitionForm id=kpi.clone() />
                    <TargetsEditor id=kpi.clone() />
                    <BenchmarksEditor id=kpi />
                }.into_any(),
                None => view! {
                    <h1 data-testid="page-heading">"KPI not found"</h1>
                    <p data-testid="kpi-missing">"This workspace has no KPI with the id " <code>{raw}</code> "."</p>
                }.into_any(),
            }
        }}
    }
}
