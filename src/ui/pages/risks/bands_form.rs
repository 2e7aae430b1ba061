//! Changing the risk matrix's bands: the highest green score and the highest amber score (the rest is red).
//! Checked whole before the framework changes; the heat map, register and review cycles follow at once.

use leptos::prelude::*;

use crate::domain::model::risk::RiskBands;
use crate::ui::components::fields::NumberField;
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::state::use_app_state;

/// The bands form, inside a disclosure.
#[component]
pub fn BandsForm() -> impl IntoView {
    let state = use_app_state();
    let current = state
        .session
        .with_untracked(|s| s.current().framework.risk.bands);
    let green = RwSignal::new(current.green_max.to_string());
    let amber = RwSignal::new(current.amber_max.to_string());
    let outcome = RwSignal::new(Outcome::None);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = |value: RwSignal<String>| value.get_untracked().trim().parse::<u8>().ok();
        let (Some(green_max), Some(amber_max)) = (read(green), read(amber)) else {
            outcome.set(Some(Err(
                "Enter each band's highest score as a whole number from 1 to 25.".to_owned(),
            )));
            return;
        };
        let bands = RiskBands {
            green_max,
            amber_max,
        };
        outcome.set(Some(bands.check().and_then(|()| {
            state
                .session
                .try_update(|s| s.edit(|w| w.framework.risk.bands = bands))
                .map(|()| {
                    format!("Bands saved: green 1 to {green_max}, amber to {amber_max}, red above.")
                })
                .ok_or_else(|| "The workspace could not be changed.".to_owned())
        })));
    };
    view! {
        <details class="app-details" data-testid="bands">
            <summary>"Change the score bands"</summary>
            <form class="app-subform" on:submit=save novalidate data-testid="bands-form">
                <div class="app-inline-controls">
                    <NumberField id="bands-green" label="Highest green score" value=green min=1 max=24 />
                    <NumberField id="bands-amber" label="Highest amber score" value=amber min=1 max=24 />
                </div>
                <button type="submit" class="app-button app-button--secondary" data-testid="bands-save">"Save the bands"</button>
                <OutcomeMessage outcome=outcome test_id="bands-outcome" />
            </form>
        </details>
    }
}
