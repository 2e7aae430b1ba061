//! The fields of a RAG rule, for the council's rule (the framework settings) and a KPI's own (the KPI editor):
//! how the distance from target is measured, the green, amber and maintain bands, the bands for a zero target,
//! and the year-on-year test, each bound to a signal.

use leptos::prelude::*;

use crate::domain::maths::rag::GapBasis;
use crate::domain::settings::rule_form::RuleForm;
use crate::ui::address::value_code::{code, decode};
use crate::ui::components::fields::{Select, TextField, Width};

/// The ids (also the test ids) of a rule's fields on one page.
#[derive(Clone, Copy)]
pub struct RuleFieldIds {
    /// The basis.
    pub basis: &'static str,
    /// The green tolerance.
    pub green: &'static str,
    /// The amber band.
    pub amber: &'static str,
    /// The maintain band.
    pub maintain: &'static str,
    /// A zero target's green tolerance.
    pub zero_green: &'static str,
    /// A zero target's amber band.
    pub zero_amber: &'static str,
    /// The year-on-year test.
    pub year_on_year: &'static str,
}

/// A rule's fields, each bound to a signal: the basis as its code, the bands as typed.
#[derive(Clone, Copy)]
pub struct RuleSignals {
    basis: RwSignal<String>,
    green: RwSignal<String>,
    amber: RwSignal<String>,
    maintain: RwSignal<String>,
    zero_green: RwSignal<String>,
    zero_amber: RwSignal<String>,
    year_on_year: RwSignal<bool>,
}

impl RuleSignals {
    /// Signals for a rule's fields, empty until [`RuleSignals::show`].
    pub fn new() -> Self {
        let text = || RwSignal::new(String::new());
        Self {
            basis: text(),
            green: text(),
            amber: text(),
            maintain: text(),
            zero_green: text(),
            zero_amber: text(),
            year_on_year: RwSignal::new(false),
        }
    }

    /// Shows `rule`.
    pub fn show(self, rule: &RuleForm) {
        self.basis.set(code(&rule.basis).unwrap_or_default());
        self.green.set(rule.green_within.clone());
        self.amber.set(rule.amber_within.clone());
        self.maintain.set(rule.maintain_green_within.clone());
        self.zero_green.set(rule.zero_green_within.clone());
        self.zero_amber.set(rule.zero_amber_within.clone());
        self.year_on_year.set(rule.year_on_year_test);
    }

    /// The rule as the fields say it; tracked, so a preview follows every change.
    pub fn read(self) -> RuleForm {
        RuleForm {
            basis: decode(&self.basis.get()).unwrap_or(GapBasis::RelativeToTarget),
            green_within: self.green.get(),
            amber_within: self.amber.get(),
            maintain_green_within: self.maintain.get(),
            zero_green_within: self.zero_green.get(),
            zero_amber_within: self.zero_amber.get(),
            year_on_year_test: self.year_on_year.get(),
        }
    }
}

impl Default for RuleSignals {
    fn default() -> Self {
        Self::new()
    }
}

/// A rule's fields with the ids `ids`.
#[component]
pub fn RuleFields(ids: RuleFieldIds, rule: RuleSignals) -> impl IntoView {
    let bases = vec![
        (
            code(&GapBasis::RelativeToTarget).unwrap_or_default(),
            "As a percentage of the target".to_owned(),
        ),
        (
            code(&GapBasis::Absolute).unwrap_or_default(),
            "In the KPI's own units".to_owned(),
        ),
    ];
    view! {
        <Select id=ids.basis label="Distance from target measured" bind=rule.basis choices=bases />
        <div class="app-inline-controls">
            <TextField id=ids.green label="Green when off target by at most" value=rule.green width=Width::Short inputmode="decimal" />
            <TextField id=ids.amber label="Amber when off target by at most" value=rule.amber width=Width::Short inputmode="decimal"
                hint="Beyond it, red." />
            <TextField id=ids.maintain label="Maintain KPIs: green within, either side" value=rule.maintain width=Width::Short inputmode="decimal" />
        </div>
        <div class="app-inline-controls">
            <TextField id=ids.zero_green label="Zero target: green within (units)" value=rule.zero_green width=Width::Short inputmode="decimal" />
            <TextField id=ids.zero_amber label="Zero target: amber within (units)" value=rule.zero_amber width=Width::Short inputmode="decimal" />
        </div>
        <label class="app-check">
            <input type="checkbox" data-testid=ids.year_on_year
                prop:checked=move || rule.year_on_year.get()
                on:change=move |_| rule.year_on_year.update(|on| *on = !*on) />
            " Red only if it has not improved on the same period last year"
        </label>
    }
}
