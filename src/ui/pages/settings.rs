//! The framework settings page (`/golden-thread/settings`): the council's name, vision and reporting year, and the
//! rules every calculation follows: the RAG rule, with a live preview of the ratings it would change before it is
//! saved, the trend rule, the SPC rules and the roll-up rule. Saved in one step by `edit_framework`, every
//! problem in a summary linked to its field.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::settings::framework_form::{FrameworkForm, SettingsField, edit_framework};
use crate::domain::settings::rule_preview::{rule_preview, shift_summary};
use crate::storage::change_recorder::SETTINGS_LIST;
use crate::ui::address::served_path::link;
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::field_problems::FieldProblems;
use crate::ui::components::fields::{TextArea, TextField, Width};
use crate::ui::components::item_changes::ItemChanges;
use crate::ui::components::rag_badge::RagStatusBadge;
use crate::ui::components::rule_fields::{RuleFieldIds, RuleFields, RuleSignals};
use crate::ui::routes::kpi_path;
use crate::ui::state::use_app_state;

/// The ids of the council's rule's fields.
const RULE_IDS: RuleFieldIds = RuleFieldIds {
    basis: "settings-rule-basis",
    green: "settings-rule-green",
    amber: "settings-rule-amber",
    maintain: "settings-rule-maintain",
    zero_green: "settings-rule-zero-green",
    zero_amber: "settings-rule-zero-amber",
    year_on_year: "settings-rule-year-on-year",
};

/// The control each field's problems point at.
fn control_id(field: SettingsField) -> &'static str {
    match field {
        SettingsField::CouncilName => "settings-council-name",
        SettingsField::CurrentYear => "settings-current-year",
        SettingsField::Rule => RULE_IDS.green,
        SettingsField::TrendWindow => "settings-trend-window",
        SettingsField::TrendMinPoints => "settings-trend-min-points",
        SettingsField::TrendMinChange => "settings-trend-min-change",
        SettingsField::SpcShiftRun => "settings-spc-shift-run",
        SettingsField::SpcTrendRun => "settings-spc-trend-run",
        SettingsField::SpcBaseline => "settings-spc-baseline",
        SettingsField::Rollup => "settings-rollup-green",
    }
}

/// The form's controls, each bound to a signal.
#[derive(Clone, Copy)]
struct Fields {
    council_name: RwSignal<String>,
    vision: RwSignal<String>,
    current_year: RwSignal<String>,
    rule: RuleSignals,
    trend_window: RwSignal<String>,
    trend_min_points: RwSignal<String>,
    trend_min_change: RwSignal<String>,
    trend_significance: RwSignal<bool>,
    spc_shift_run: RwSignal<String>,
    spc_trend_run: RwSignal<String>,
    spc_screen: RwSignal<bool>,
    spc_baseline: RwSignal<String>,
    rollup_green_from: RwSignal<String>,
    rollup_amber_from: RwSignal<String>,
}

impl Fields {
    fn new() -> Self {
        let text = || RwSignal::new(String::new());
        Self {
            council_name: text(),
            vision: text(),
            current_year: text(),
            rule: RuleSignals::new(),
            trend_window: text(),
            trend_min_points: text(),
            trend_min_change: text(),
            trend_significance: RwSignal::new(false),
            spc_shift_run: text(),
            spc_trend_run: text(),
            spc_screen: RwSignal::new(false),
            spc_baseline: text(),
            rollup_green_from: text(),
            rollup_amber_from: text(),
        }
    }

    fn show(self, form: &FrameworkForm) {
        self.council_name.set(form.council_name.clone());
        self.vision.set(form.vision.clone());
        self.current_year.set(form.current_year.clone());
        self.rule.show(&form.rule);
        self.trend_window.set(form.trend_window.clone());
        self.trend_min_points.set(form.trend_min_points.clone());
        self.trend_min_change.set(form.trend_min_change.clone());
        self.trend_significance.set(form.trend_significance);
        self.spc_shift_run.set(form.spc_shift_run.clone());
        self.spc_trend_run.set(form.spc_trend_run.clone());
        self.spc_screen.set(form.spc_screen);
        self.spc_baseline.set(form.spc_baseline.clone());
        self.rollup_green_from.set(form.rollup_green_from.clone());
        self.rollup_amber_from.set(form.rollup_amber_from.clone());
    }

    fn read(self) -> FrameworkForm {
        FrameworkForm {
            council_name: self.council_name.get_untracked(),
            vision: self.vision.get_untracked(),
            current_year: self.current_year.get_untracked(),
            rule: self.rule.read(),
            trend_window: self.trend_window.get_untracked(),
            trend_min_points: self.trend_min_points.get_untracked(),
            trend_min_change: self.trend_min_change.get_untracked(),
            trend_significance: self.trend_significance.get_untracked(),
            spc_shift_run: self.spc_shift_run.get_untracked(),
            spc_trend_run: self.spc_trend_run.get_untracked(),
            spc_screen: self.spc_screen.get_untracked(),
            spc_baseline: self.spc_baseline.get_untracked(),
            rollup_green_from: self.rollup_green_from.get_untracked(),
            rollup_amber_from: self.rollup_amber_from.get_untracked(),
        }
    }
}

/// A checkbox bound to `value`, with its test id and words.
fn check_box(test_id: &'static str, value: RwSignal<bool>, words: &'static str) -> impl IntoView {
    view! {
        <label class="app-check">
            <input type="checkbox" data-testid=test_id prop:checked=move || value.get()
                on:change=move |_| value.update(|on| *on = !*on) />
            " " {words}
        </label>
    }
}

/// The framework settings page.
#[component]
pub fn FrameworkSettingsPage() -> impl IntoView {
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let fields = Fields::new();
    let problems = FieldProblems::<SettingsField>::new();
    let saved = RwSignal::new(None::<String>);
    let shown = state
        .session
        .with_untracked(|s| FrameworkForm::of(&s.current().framework));
    fields.show(&shown);
    // What the form was filled with, so a save writes only what the person changed.
    let loaded = StoredValue::new(shown);
    let council = state.council_name();
    Effect::new(move |_| document().set_title(&format!("Framework settings – {}", council.get())));
    // The ratings the rule as typed would change, or what is wrong with the rule.
    let preview = Memo::new(move |_| {
        let rule = fields.rule.read().rule()?;
        Ok::<_, Vec<String>>(
            state
                .session
                .with(|s| rule_preview(s.current(), &rule, today)),
        )
    });
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = untrack(|| fields.read());
        let outcome = state.session.try_update(|s| {
            let now = FrameworkForm::of(&s.current().framework);
            let form = typed.rebased(&loaded.get_value(), &now);
            s.edit(|w| edit_framework(w, &form))
        });
        match outcome {
            Some(Ok(())) => {
                problems.clear();
                saved.set(Some(
                    "The settings are saved: every page now follows them.".to_owned(),
                ));
                // Shown again as saved, so a change another tab made is on the form, not undone by the next save.
                let now = state
                    .session
                    .with_untracked(|s| FrameworkForm::of(&s.current().framework));
                fields.show(&now);
                loaded.set_value(now);
            }
            Some(Err(found)) => {
                saved.set(None);
                problems.show(found);
            }
            None => {}
        }
    };
    let error = move |field: SettingsField| problems.error(field);
    let summary = problems.summary(control_id);
    view! {
        <h1 data-testid="page-heading">"Framework settings"</h1>
        <p class="app-lead">"The council, its reporting year, and the rules every page follows. Nothing changes until the settings are saved, and then everything follows them: the scorecards, KPI pages, reports and slides."</p>
        <ErrorSummary test_id="settings-problems" problems=summary />
        <form on:submit=save novalidate data-testid="framework-settings">
            <section class="app-section" aria-labelledby="settings-council-heading">
                <h2 id="settings-council-heading">"The council"</h2>
                <TextField id="settings-council-name" label="Council name" value=fields.council_name error=error(SettingsField::CouncilName) />
                <TextArea id="settings-vision" label="Vision" value=fields.vision rows=2 />
                <TextField id="settings-current-year" label="Financial year being reported" value=fields.current_year width=Width::Short
                    hint="Written like 2026/27." error=error(SettingsField::CurrentYear) />
            </section>
            <section class="app-section" aria-labelledby="settings-rule-heading">
                <h2 id="settings-rule-heading">"The RAG rule"</h2>
                <p>"How far off target a KPI may be and still be green or amber. A KPI with a rule of its own keeps it."</p>
                {move || error(SettingsField::Rule).get().map(|message| view! {
                    <p class="app-field-error"><span class="app-visually-hidden">"Error: "</span>{message}</p>
                })}
                <RuleFields ids=RULE_IDS rule=fields.rule />
                <div class="app-notice" data-testid="rag-rule-preview">
                    {move || match preview.get() {
                        Err(problems) => view! {
                            <p role="status" data-testid="rag-rule-preview-summary">
                                {format!("No preview until the rule is put right: {}", problems.join(" "))}
                            </p>
                        }.into_any(),
                        Ok(shifts) => view! {
                            <p role="status" data-testid="rag-rule-preview-summary">{shift_summary(&shifts)}</p>
                            {(!shifts.is_empty()).then(|| view! {
                                <table class="app-table app-table--compact" data-testid="rag-rule-preview-table">
                                    <caption class="app-table__caption">"KPIs whose rating the new rule would change, at their latest period"</caption>
                                    <thead><tr><th scope="col">"KPI"</th><th scope="col">"Now"</th><th scope="col">"With the new rule"</th></tr></thead>
                                    <tbody>
                                        {shifts.into_iter().map(|shift| view! {
                                            <tr>
                                                <th scope="row"><a href=link(&kpi_path(shift.kpi.as_str()))>{shift.name}</a></th>
                                                <td><RagStatusBadge status=shift.from none_label="Not rated" /></td>
                                                <td><RagStatusBadge status=shift.to none_label="Not rated" /></td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            })}
                        }.into_any(),
                    }}
                </div>
            </section>
            <section class="app-section" aria-labelledby="settings-trend-heading">
                <h2 id="settings-trend-heading">"Trends"</h2>
                <div class="app-inline-controls">
                    <TextField id="settings-trend-window" label="Periods a trend looks back over" value=fields.trend_window width=Width::Short
                        inputmode="numeric" error=error(SettingsField::TrendWindow) />
                    <TextField id="settings-trend-min-points" label="Fewest points that make a trend" value=fields.trend_min_points width=Width::Short
                        inputmode="numeric" error=error(SettingsField::TrendMinPoints) />
                    <TextField id="settings-trend-min-change" label="Smallest change that counts (%)" value=fields.trend_min_change width=Width::Short
                        inputmode="decimal" error=error(SettingsField::TrendMinChange) />
                </div>
                {check_box("settings-trend-significance", fields.trend_significance, "A trend must also be statistically significant (5% level)")}
            </section>
            <section class="app-section" aria-labelledby="settings-spc-heading">
                <h2 id="settings-spc-heading">"Statistical process control"</h2>
                <p>"The special-cause rules of the SPC charts on KPI pages (NHS England's Making Data Count uses runs of 6 to 8)."</p>
                <div class="app-inline-controls">
                    <TextField id="settings-spc-shift-run" label="Points on one side of the centre line that make a shift" value=fields.spc_shift_run
                        width=Width::Short inputmode="numeric" error=error(SettingsField::SpcShiftRun) />
                    <TextField id="settings-spc-trend-run" label="Points rising or falling that make a trend" value=fields.spc_trend_run
                        width=Width::Short inputmode="numeric" error=error(SettingsField::SpcTrendRun) />
                    <TextField id="settings-spc-baseline" label="Limits from the first points only (blank: all)" value=fields.spc_baseline
                        width=Width::Short inputmode="numeric" error=error(SettingsField::SpcBaseline) />
                </div>
                {check_box("settings-spc-screen", fields.spc_screen, "Leave unusually large moving ranges out of the limits")}
            </section>
            <section class="app-section" aria-labelledby="settings-rollup-heading">
                <h2 id="settings-rollup-heading">"Roll-up"</h2>
                <p>"How the ratings of the KPIs below a part of the golden thread become one status: green counts 1, amber a half, red 0."</p>
                <div class="app-inline-controls">
                    <TextField id="settings-rollup-green" label="Green from a score of (%)" value=fields.rollup_green_from width=Width::Short
                        inputmode="decimal" error=error(SettingsField::Rollup) />
                    <TextField id="settings-rollup-amber" label="Amber from a score of (%)" value=fields.rollup_amber_from width=Width::Short
                        inputmode="decimal" />
                </div>
            </section>
            <div class="app-button-group">
                <button type="submit" class="app-button" data-testid="settings-save">"Save the settings"</button>
            </div>
        </form>
        {move || saved.get().map(|m| view! { <p class="app-notice" role="status" data-testid="settings-saved">{m}</p> })}
        <ItemChanges list=SETTINGS_LIST key=Signal::stored(SETTINGS_LIST.to_owned()) />
    }
}
