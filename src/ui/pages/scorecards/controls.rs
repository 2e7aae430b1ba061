//! The scorecard's controls: which scorecard, which period, the filters and the search. Each change
//! rewrites the address, so the view can be shared as a link.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::Serialize;

use super::periods::{latest_month, period_choices};
use crate::domain::basics::period::Frequency;
use crate::domain::model::kpi::{KpiLevel, Perspective, PmfComponent};
use crate::domain::scorecard::filter::{RagFilter, ScorecardFilter};
use crate::ui::address::scope_code::{scope_code, scope_from_code};
use crate::ui::address::value_code::{code, decode};
use crate::ui::pages::scorecards::view::ScorecardView;
use crate::ui::state::use_app_state;

/// Options under an optional group heading: (value, label) pairs.
type OptionGroup = (Option<&'static str>, Vec<(String, String)>);

/// A labelled select; the first option ("All …") has the empty value.
#[component]
fn ChoiceSelect(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] any: Option<&'static str>,
    groups: Signal<Vec<OptionGroup>>,
    selected: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let option = move |(value, text): (String, String)| {
        let chosen = value.clone();
        view! { <option value=value selected=move || selected.get() == chosen>{text}</option> }
    };
    view! {
        <div class="app-control">
            <label class="app-label" for=id>{label}</label>
            <select
                id=id
                class="app-select"
                data-testid=id
                prop:value=move || selected.get()
                on:change=move |event| on_change.run(event_target_value(&event))
            >
                {any.map(|text| view! { <option value="">{text}</option> })}
                {move || {
                    groups
                        .get()
                        .into_iter()
                        .map(|(heading, options)| match heading {
                            Some(heading) => view! {
                                <optgroup label=heading>{options.into_iter().map(option).collect_view()}</optgroup>
                            }
                            .into_any(),
                            None => options.into_iter().map(option).collect_view().into_any(),
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// The options for an enumeration: its serde code and its label.
fn enum_options<T: Serialize + Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<OptionGroup> {
    vec![(
        None,
        all.iter()
            .filter_map(|v| Some((code(v)?, label(*v).to_owned())))
            .collect(),
    )]
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
    let names =
        move |pick: fn(&crate::domain::model::workspace::Workspace) -> Vec<(String, String)>| {
            Signal::derive(move || state.session.with(|s| vec![(None, pick(s.current()))]))
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
    let scopes = Signal::derive(move || {
        state.session.with(|s| {
            let w = s.current();
            let prefixed = |prefix: &str, items: Vec<(String, String)>| {
                items
                    .into_iter()
                    .map(|(id, name)| (format!("{prefix}:{id}"), name))
                    .collect()
            };
            vec![
                (None, vec![(String::new(), "Organisational".to_owned())]),
                (
                    Some("Directorates"),
                    prefixed("directorate", directorates(w)),
                ),
                (Some("Committees"), prefixed("committee", committees(w))),
            ]
        })
    });
    let scope_value = Signal::derive(move || view.with(|v| scope_code(&v.scope)));
    let periods = Signal::derive(move || {
        period_choices(today)
            .into_iter()
            .map(|(heading, periods)| {
                (
                    Some(heading),
                    periods
                        .into_iter()
                        .map(|p| (p.code(), p.to_string()))
                        .collect(),
                )
            })
            .collect()
    });
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
    let fixed = |options: Vec<OptionGroup>| Signal::derive(move || options.clone());
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
                <ChoiceSelect
                    id="scorecard-scope"
                    label="Scorecard"
                    groups=scopes
                    selected=scope_value
                    on_change=change(|v, value| {
                        v.scope = scope_from_code(value);
                    })
                />
                <ChoiceSelect
                    id="scorecard-period"
                    label="Period"
                    groups=periods
                    selected=period_value
                    on_change=change(|v, value| v.period = crate::domain::basics::period::Period::parse(value).ok())
                />
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
                    <ChoiceSelect id="filter-directorate" label="Directorate" any="All directorates"
                        groups=names(directorates)
                        selected=filter_value(|f| f.directorate.as_ref().map(|d| d.to_string()))
                        on_change=change(|v, value| v.filter.directorate = decode(value)) />
                    <ChoiceSelect id="filter-ambition" label="Ambition" any="All ambitions"
                        groups=names(ambitions)
                        selected=filter_value(|f| f.ambition.as_ref().map(|a| a.to_string()))
                        on_change=change(|v, value| v.filter.ambition = decode(value)) />
                    <ChoiceSelect id="filter-committee" label="Committee" any="All committees"
                        groups=names(committees)
                        selected=filter_value(|f| f.committee.as_ref().map(|c| c.to_string()))
                        on_change=change(|v, value| v.filter.committee = decode(value)) />
                    <ChoiceSelect id="filter-rag" label="RAG" any="Any rating"
                        groups=fixed(enum_options(&RagFilter::ALL, RagFilter::label))
                        selected=filter_value(|f| f.rag.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.rag = decode(value)) />
                    <ChoiceSelect id="filter-level" label="Level" any="All levels"
                        groups=fixed(enum_options(&[KpiLevel::Strategic, KpiLevel::Corporate, KpiLevel::Operational, KpiLevel::Individual], KpiLevel::label))
                        selected=filter_value(|f| f.level.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.level = decode(value)) />
                    <ChoiceSelect id="filter-perspective" label="Perspective" any="All perspectives"
                        groups=fixed(enum_options(&[Perspective::Residents, Perspective::Corporate, Perspective::Financial, Perspective::Partners], Perspective::label))
                        selected=filter_value(|f| f.perspective.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.perspective = decode(value)) />
                    <ChoiceSelect id="filter-frequency" label="Frequency" any="Any frequency"
                        groups=fixed(enum_options(&Frequency::ALL, Frequency::label))
                        selected=filter_value(|f| f.frequency.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.frequency = decode(value)) />
                    <ChoiceSelect id="filter-component" label="PMF component" any="All components"
                        groups=fixed(enum_options(&PmfComponent::ALL, PmfComponent::label))
                        selected=filter_value(|f| f.component.as_ref().and_then(code))
                        on_change=change(|v, value| v.filter.component = decode(value)) />
                </div>
                <button type="button" class="app-button app-button--secondary" data-testid="clear-filters" on:click=clear>
                    "Clear filters and search"
                </button>
            </details>
        </form>
    }
}
