//! Proposing a new KPI (the first step of the Cambridgeshire PMF's KPI cycle): what it measures, where it is reported from,
//! the ambitions it serves, and who proposes it. It joins the register as proposed, off every scorecard
//! until it is approved and goes live on its own page.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::basics::ids::{AmbitionId, ServiceId};
use crate::domain::basics::period::Frequency;
use crate::domain::basics::unit::Unit;
use crate::domain::basics::unit_label::UnitLabel;
use crate::domain::kpi::cycle::{Decision, KpiProposal, propose};
use crate::domain::maths::rag::Polarity;
use crate::domain::model::kpi::KpiLevel;
use crate::ui::address::served_path::link;
use crate::ui::address::value_code::{code, decode};
use crate::ui::components::fields::{CheckList, PersonSelect, RecordedAs, TextField};
use crate::ui::components::fields::{Select, coded};
use crate::ui::routes::kpi_path;
use crate::ui::state::use_app_state;

const LEVELS: [KpiLevel; 4] = [
    KpiLevel::Strategic,
    KpiLevel::Corporate,
    KpiLevel::Operational,
    KpiLevel::Individual,
];
const POLARITIES: [Polarity; 3] = [
    Polarity::HigherIsBetter,
    Polarity::LowerIsBetter,
    Polarity::Maintain,
];
/// The units needing nothing more than their choice (a rate's base and a unit of the council's own are set
/// in the KPI editor).
const UNITS: [Unit; 10] = [
    Unit::Percent,
    Unit::Count,
    Unit::Pounds,
    Unit::Days,
    Unit::Weeks,
    Unit::Hours,
    Unit::Minutes,
    Unit::Tonnes,
    Unit::Kilograms,
    Unit::Score,
];

/// A select over `values`, each standing for its code, bound to `value`.
fn coded_select<T: serde::Serialize + Copy>(
    id: &'static str,
    label: &'static str,
    values: &[T],
    words: fn(T) -> String,
    value: RwSignal<String>,
) -> impl IntoView {
    let choices = coded(values.iter().copied(), |v| words(*v));
    view! { <Select id=id label=label choices=choices bind=value /> }
}

/// The proposal form.
#[component]
pub fn ProposeKpiForm() -> impl IntoView {
    let state = use_app_state();
    let name = RwSignal::new(String::new());
    let definition = RwSignal::new(String::new());
    let level = RwSignal::new(code(&KpiLevel::Operational).unwrap_or_default());
    let service = RwSignal::new(String::new());
    let ambitions = RwSignal::new(Vec::<String>::new());
    let frequency = RwSignal::new(code(&Frequency::Monthly).unwrap_or_default());
    let polarity = RwSignal::new(code(&Polarity::HigherIsBetter).unwrap_or_default());
    let unit = RwSignal::new(Unit::Percent.kind().to_owned());
    let by = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<(String, String), String>>);
    let services = Memo::new(move |_| {
        state.session.with(|s| {
            let w = s.current();
            w.services
                .iter()
                .filter(|s| s.active)
                .map(|s| (s.id.to_string(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let ambition_choices = Memo::new(move |_| {
        state.session.with(|s| {
            s.current()
                .ambitions
                .iter()
                .map(|a| (a.id.to_string(), a.label()))
                .collect::<Vec<_>>()
        })
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Ok(service_id) = ServiceId::try_from(service.get_untracked()) else {
            outcome.set(Some(Err(
                "Choose the service that will report it.".to_owned()
            )));
            return;
        };
        let proposal = KpiProposal {
            name: name.get_untracked(),
            definition: definition.get_untracked(),
            level: decode(&level.get_untracked()).unwrap_or(KpiLevel::Operational),
            service: service_id,
            ambitions: ambitions
                .get_untracked()
                .into_iter()
                .filter_map(|a| AmbitionId::try_from(a).ok())
                .collect(),
            frequency: decode(&frequency.get_untracked()).unwrap_or(Frequency::Monthly),
            polarity: decode(&polarity.get_untracked()).unwrap_or(Polarity::HigherIsBetter),
            unit: Unit::of_kind(&unit.get_untracked(), 0, UnitLabel::UNSET)
                .unwrap_or(Unit::Percent),
        };
        let decision = Decision {
            by: by.get_untracked(),
            on: Utc::now().date_naive(),
            note: String::new(),
        };
        let result = state
            .session
            .try_update(|s| s.edit(|w| propose(w, &proposal, &decision)));
        outcome.set(result.map(|r| match r {
            Ok(id) => {
                name.set(String::new());
                definition.set(String::new());
                Ok((proposal.name.trim().to_owned(), kpi_path(id.as_str())))
            }
            Err(refused) => Err(refused.to_string()),
        }));
    };
    view! {
        <form class="app-subform" on:submit=submit novalidate data-testid="propose-kpi">
            <h2 id="propose-heading">"Propose a KPI"</h2>
            <TextField id="propose-name" label="Name, as it will be reported" value=name />
            <TextField id="propose-definition" label="What it measures and how" value=definition />
            {coded_select("propose-level", "Level", &LEVELS, |l| l.label().to_owned(), level)}
            <Select id="propose-service" label="Reported by the service" none="Choose…" choices=services bind=service />
            <CheckList id="propose-ambitions" legend="The ambitions it serves (a strategic KPI needs at least one)"
                choices=ambition_choices chosen=ambitions test_id="propose-ambition" />
            <div class="app-inline-controls">
                {coded_select("propose-frequency", "Reported", &Frequency::ALL, |f| f.label().to_owned(), frequency)}
                {coded_select("propose-polarity", "Better when", &POLARITIES, |p| p.label().to_owned(), polarity)}
                <Select id="propose-unit" label="Unit" bind=unit
                    choices={UNITS.iter().map(|u| (u.kind().to_owned(), u.label())).collect::<Vec<_>>()} />
            </div>
            <PersonSelect id="propose-by" label="Proposed by" none="Choose…" bind=by recorded=RecordedAs::Name />
            <button type="submit" class="app-button app-button--secondary" data-testid="propose-submit">"Propose"</button>
            {move || outcome.get().map(|result| match result {
                Ok((name, href)) => view! {
                    <div class="app-notice" role="status" data-testid="propose-outcome">
                        "Proposed: " <a href=link(&href)>{name}</a> ". It is off the scorecards until it is approved and goes live."
                    </div>
                }.into_any(),
                Err(text) => view! { <p class="app-error-text" role="alert" data-testid="propose-outcome">{text}</p> }.into_any(),
            })}
        </form>
    }
}
