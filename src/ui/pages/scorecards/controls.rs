//! The scorecard's controls: which scorecard, which period, the filters and the search. Each change
//! rewrites the address, so the view can be shared as a link.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::periods::{latest_month, period_choices};
use crate::domain::basics::period::Frequency;
use crate::domain::model::kpi::{KpiLevel, Perspective, PmfComponent};
use crate::domain::scorecard::filter::{RagFilter, ScorecardFilter};
use crate::ui::address::scope_code::{scope_code, scope_from_code};
use crate::ui::address::value_code::{code, decode};
use crate::ui::components::fields::{Choice, Select, coded};
use crate::ui::pages::scorecards::view::ScorecardView;
use crate::ui::state::use_app_state;

/// A choice for each of `values`, in the words `label` gives it.
fn labelled<T: serde::Serialize + Copy>(values: &[T], label: fn(T) -> &'static str) -> Vec<Choice> {
    coded(values.iter().copied(), |v| label(*v).to_owned())
}

/// The period, scope, filter and search controls.
#[component]
pub fn ScorecardControls(
    view: Memo<ScorecardView>,
    apply: Callback<ScorecardView>,
    today: NaiveDate,
) -> impl IntoView {
    let state = use_app_state();
    let change = move |edit: fn(&mut ScorecardView, &str)| {
        Callback::new(move |value: String| {
            let mut next = view.get_untracked();
            edit(&mut next, &value);
            apply.run(next);
        })
    };
    let names = move |pick: fn(&crate::domain::model::workspace::Workspace) -> Vec<Choice>| {
        Signal::derive(move || state.session.with(|s| pick(s.current())))
    };
    let directorates = |w: &crate::domain::model::workspace::Workspace| {
        w.directorates
            .iter()
            .map(|d| (d.id.to_string(), d.name.clone()))
            .collect()
    };
    let committees = |w: &crate::domain::model::workspace::Workspace| {
        w.committees
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect()
    };
    let ambitions = |w: &crate::domain::model::workspace::Workspace| {
        w.ambitions
            .iter()
            .map(|a| (a.id.to_string(), a.title.clone()))
            .collect()
    };
    let prefixed =
        move |prefix: &'static str,
              pick: fn(&crate::domain::model::workspace::Workspace) -> Vec<Choice>| {
            Signal::derive(move || {
                state.session.with(|s| {
                    pick(s.current())
                        .into_iter()
                        .map(|(id, name)| (format!("{prefix}:{id}"), name))
                        .collect::<Vec<_>>()
                })
            })
        };
    let scope_groups = vec![
        ("Directorates", prefixed("directorate", directorates)),
        ("Committees", prefixed("committee", committees)),
    ];
    let scope_value = Signal::derive(move || view.with(|v| scope_code(&v.scope)));
    // Every period back to the oldest figure the workspace holds.
    let choices = Memo::new(move |_| {
        let earliest = state.session.with(|s| {
            s.current()
                .measurements
                .iter()
                .map(|m| m.period.start_date())
                .min()
        });
        period_choices(today, earliest).map(|(heading, periods)| {
            let choices: Vec<Choice> = periods
                .into_iter()
                .map(|p| (p.code(), p.to_string()))
                .collect();
            (heading, choices)
        })
    });
    let period_groups: Vec<(&'static str, Signal<Vec<Choice>>)> = (0..3)
        .map(|group| {
            let heading = choices.with_untracked(|c| c[group].0);
            (
                heading,
                Signal::derive(move || choices.with(|c| c[group].1.clone())),
            )
        })
        .collect();
    let period_value = Signal::derive(move || {
        view.get()
            .period
            .or_else(|| latest_month(today))
            .map(|p| p.code())
            .unwrap_or_default()
    });
    let filter_value = move |read: fn(&ScorecardFilter) -> Option<String>| {
        Signal::derive(move || view.with(|v| read(&v.filter)).unwrap_or_default())
    };
    let search = RwSignal::new(view.get_untracked().filter.search);
    Effect::new(move |_| search.set(view.get().filter.search));
    let on_search = move |event: leptos::ev::Event| {
        let mut next = view.get_untracked();
        next.filter.search = event_target_value(&event);
        apply.run(next);
    };
    let clear = move |_| {
        let mut next = view.get_untracked();
        next.filter = ScorecardFilter::default();
        apply.run(next);
    };
    view! {
        <form class="app-controls" role="search" aria-label="Choose and filter the scorecard" on:submit=|event| event.prevent_default()>
            <div class="app-controls__row">
                <Select id="scorecard-scope" label="Scorecard" class="app-control"
                    choices=vec![(String::new(), "Organisational".to_owned())] groups=scope_groups value=scope_value
                    on_change=change(|v, value| v.scope = scope_from_code(value)) />
                <Select id="scorecard-period" label="Period" class="app-control" groups=period_groups value=period_value
                    on_change=change(|v, value| v.period = crate::domain::basics::period::Period::parse(value).ok()) />
                <div class="app-control app-control--wide">
                    <label class="app-label" for="scorecard-search">"Search KPIs and commentary"</label>
                    <input
                        id="scorecard-search"
                        class="app-input"
                        type="search"
                        data-testid="scorecard-search"
                        prop:value=move || search.get()
                        on:input=on_search
                    />
                </div>
            </div>
            <details class="app-details app-controls__filters" open=move || !view.with(|v| v.filter.is_empty())>
                <summary>"Filters"</summary>
                <div class="app-controls__row">
                    <Select class="app-control" id="filter-directorate" label="Directorate" none="All directorates"
                        choices=names(directorates)
                        value=filter_value(|f| f.directorate.as_ref().map(|d| d.to_string()))
                        on_change=change(|v, value| v.filter.directorate = decode(value)) />
                    <Select class="app-control" id="filter-ambition" label="Ambition" none="All ambitions"
                        choices=names(ambitions)
                        value=filter_value(|f| f.ambition.as_ref().map(|a| a.to_string()))
                        on_change=change(|v, value| v.filter.ambition = decode(value)) />
                    <Select class="app-control" id="filter-committee" label="Committee" none="All committees"
                        choices=names(committees)
                        value=filter_value(|f| f.committee.as_ref().map(|c| c.to_string()))
                        on_change=change(|v, value| v.filter.committee = decode(value)) />
                    <Select class="app-control" id="filter-rag" label="RAG" none="Any rating"
                        choices=labelled(&RagFilter::ALL, RagFilter::label)
                        value=filter_value(|f| f.rag.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.rag = decode(value)) />
                    <Select class="app-control" id="filter-level" label="Level" none="All levels"
                        choices=labelled(&[KpiLevel::Strategic, KpiLevel::Corporate, KpiLevel::Operational, KpiLevel::Individual], KpiLevel::label)
                        value=filter_value(|f| f.level.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.level = decode(value)) />
                    <Select class="app-control" id="filter-perspective" label="Perspective" none="All perspectives"
                        choices=labelled(&[Perspective::Residents, Perspective::Corporate, Perspective::Financial, Perspective::Partners], Perspective::label)
                        value=filter_value(|f| f.perspective.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.perspective = decode(value)) />
                    <Select class="app-control" id="filter-frequency" label="Frequency" none="Any frequency"
                        choices=labelled(&Frequency::ALL, Frequency::label)
                        value=filter_value(|f| f.frequency.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.frequency = decode(value)) />
                    <Select class="app-control" id="filter-component" label="PMF component" none="All components"
                        choices=labelled(&PmfComponent::ALL, PmfComponent::label)
                        value=filter_value(|f| f.component.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.component = decode(value)) />
                </div>
                <button type="button" class="app-button app-button--secondary" data-testid="clear-filters" on:click=clear>
                    "Clear filters and search"
                </button>
            </details>
        </form>
    }
}
