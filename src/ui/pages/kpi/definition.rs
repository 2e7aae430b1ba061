//! A KPI's definition and its place in the golden thread: every field of the scorecard's register, with
//! people, ambitions and committees by name, and its targets. A field given a default because the council's
//! sheet did not say it is marked "not set — please review".

use leptos::prelude::*;

use crate::domain::basics::ids::KpiId;
use crate::domain::model::kpi::DefaultedField;
use crate::domain::model::workspace::Workspace;
use crate::ui::state::use_app_state;

/// The rows of the definition list, as (term, description, whether it is a default to review).
fn rows(workspace: &Workspace, id: &KpiId) -> Vec<(&'static str, String, bool)> {
    let Some(kpi) = workspace.kpi(id) else {
        return Vec::new();
    };
    let person = |id: Option<&crate::domain::basics::ids::PersonId>| {
        id.and_then(|id| workspace.people.iter().find(|p| &p.id == id))
            .map_or_else(
                || "Not set".to_owned(),
                |p| format!("{} ({})", p.name, p.job_title),
            )
    };
    let or_not_set = |text: Option<String>| {
        text.filter(|t| !t.is_empty())
            .unwrap_or_else(|| "Not set".to_owned())
    };
    let ambitions: Vec<String> = kpi
        .ambitions
        .iter()
        .filter_map(|a| workspace.ambitions.iter().find(|x| &x.id == a))
        .map(|a| a.title.clone())
        .collect();
    let committees: Vec<String> = kpi
        .committees
        .iter()
        .filter_map(|c| workspace.committees.iter().find(|x| &x.id == c))
        .map(|c| c.name.clone())
        .collect();
    let directorate = workspace
        .directorate_of_kpi(kpi)
        .and_then(|d| workspace.directorates.iter().find(|x| &x.id == d))
        .map(|d| d.name.clone());
    let service = kpi
        .service
        .as_ref()
        .and_then(|s| workspace.services.iter().find(|x| &x.id == s))
        .map(|s| s.name.clone());
    let team = kpi
        .team
        .as_ref()
        .and_then(|t| workspace.teams.iter().find(|x| &x.id == t))
        .map(|t| t.name.clone());
    let targets: Vec<String> = kpi
        .targets
        .iter()
        .map(|t| format!("{}: {}", t.period, kpi.unit.format(t.value, kpi.decimals)))
        .collect();
    let fields = [
        ("Definition", or_not_set(Some(kpi.definition.clone())), None),
        (
            "Status",
            kpi.status.label().to_owned(),
            Some(DefaultedField::Status),
        ),
        (
            "Perspective",
            kpi.perspective.label().to_owned(),
            Some(DefaultedField::Perspective),
        ),
        (
            "Metric category",
            kpi.category.label().to_owned(),
            Some(DefaultedField::Category),
        ),
        ("Source", or_not_set(Some(kpi.source.clone())), None),
        (
            "Reporting frequency",
            kpi.frequency.label().to_owned(),
            Some(DefaultedField::Frequency),
        ),
        (
            "Direction for improvement",
            kpi.polarity.label().to_owned(),
            Some(DefaultedField::Polarity),
        ),
        ("Unit", kpi.unit.label(), Some(DefaultedField::Unit)),
        (
            "Measure",
            kpi.measure.label().to_owned(),
            Some(DefaultedField::Measure),
        ),
        (
            "Level",
            kpi.level.label().to_owned(),
            Some(DefaultedField::Level),
        ),
        (
            "Leading or lagging",
            kpi.timing.label().to_owned(),
            Some(DefaultedField::Timing),
        ),
    ];
    let defaulted =
        |field: Option<DefaultedField>| field.is_some_and(|field| kpi.defaulted.contains(&field));
    let mut rows: Vec<(&'static str, String, bool)> = fields
        .into_iter()
        .map(|(term, description, field)| (term, description, defaulted(field)))
        .collect();
    rows.extend(
        [
            (
                "PMF component",
                or_not_set(kpi.component.map(|c| c.label().to_owned())),
            ),
            ("Directorate", or_not_set(directorate)),
            ("Service", or_not_set(service)),
            ("Team", or_not_set(team)),
            ("Owner", person(kpi.owner.as_ref())),
            ("Data co-ordinator", person(kpi.data_coordinator.as_ref())),
            (
                "Corporate ambitions",
                or_not_set(Some(ambitions.join("; "))),
            ),
            ("Reported to", or_not_set(Some(committees.join("; ")))),
            ("Targets", or_not_set(Some(targets.join("; ")))),
        ]
        .map(|(term, description)| (term, description, false)),
    );
    rows
}

/// The definition of the KPI with id `id`.
#[component]
pub fn KpiDefinitionList(id: Memo<String>) -> impl IntoView {
    let state = use_app_state();
    let entries = move || {
        let Ok(id) = KpiId::try_from(id.get()) else {
            return Vec::new();
        };
        state.session.with(|s| rows(s.current(), &id))
    };
    view! {
        <section aria-labelledby="definition-heading" class="app-section">
            <h2 id="definition-heading">"Definition and ownership"</h2>
            <dl class="app-definition" data-testid="kpi-definition">
                {move || entries()
                    .into_iter()
                    .map(|(term, description, defaulted)| view! {
                        <div class="app-definition__row">
                            <dt>{term}</dt>
                            <dd>
                                {description}
                                {defaulted.then(|| view! {
                                    " " <strong class="app-review-flag" data-testid="kpi-not-set">"not set — please review"</strong>
                                })}
                            </dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}
