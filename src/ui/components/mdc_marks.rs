//! The Making Data Count icons as badges: the icon (its letter or line tells it apart, never colour alone) with
//! its words beside it, in full or short, and a key that explains every icon.

use leptos::prelude::*;

use crate::domain::maths::spc::{AssuranceIcon, Side, VariationIcon};
use crate::render::mdc_icon::{
    assurance_class, assurance_shapes, variation_class, variation_shapes,
};

/// How much a badge says beside its icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    /// A few words, for a table cell.
    Short,
    /// The whole meaning.
    Full,
}

/// The 20×20 icon.
#[component]
fn MdcSvg(shapes: String) -> impl IntoView {
    view! {
        <svg class="app-mdc__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false"
            inner_html=shapes></svg>
    }
}

/// The variation icon and its words.
#[component]
pub fn VariationMark(icon: VariationIcon, words: Words) -> impl IntoView {
    let label = match words {
        Words::Short => icon.short_label(),
        Words::Full => icon.label(),
    };
    view! {
        <span class=variation_class(icon) data-testid="mdc-variation-icon">
            <MdcSvg shapes=variation_shapes(icon) />
            <span class="app-mdc__label">{label}</span>
        </span>
    }
}

/// The assurance icon and its words.
#[component]
pub fn AssuranceMark(icon: AssuranceIcon, words: Words) -> impl IntoView {
    let label = match words {
        Words::Short => icon.short_label(),
        Words::Full => icon.label(),
    };
    view! {
        <span class=assurance_class(icon) data-testid="mdc-assurance-icon">
            <MdcSvg shapes=assurance_shapes(icon) />
            <span class="app-mdc__label">{label}</span>
        </span>
    }
}

/// The key: every icon with its full meaning.
#[component]
pub fn MdcKey() -> impl IntoView {
    let variations = [
        VariationIcon::CommonCause,
        VariationIcon::Improvement(Side::High),
        VariationIcon::Improvement(Side::Low),
        VariationIcon::Concern(Side::High),
        VariationIcon::Concern(Side::Low),
        VariationIcon::Neither(Side::High),
    ];
    let assurances = [
        AssuranceIcon::ConsistentlyPasses,
        AssuranceIcon::HitAndMiss,
        AssuranceIcon::ConsistentlyFails,
    ];
    view! {
        <details class="app-mdc-key" data-testid="mdc-key">
            <summary>"Key to the variation and assurance icons (NHS Making Data Count)"</summary>
            <p>"Worked out by statistical process control from each KPI's values, once it has 13 or more."</p>
            <ul class="app-mdc-key__list">
                {variations.into_iter().map(|icon| view! { <li><VariationMark icon=icon words=Words::Full /></li> }).collect_view()}
                {assurances.into_iter().map(|icon| view! { <li><AssuranceMark icon=icon words=Words::Full /></li> }).collect_view()}
            </ul>
        </details>
    }
}
