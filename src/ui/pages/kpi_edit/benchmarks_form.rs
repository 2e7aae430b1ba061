//! The KPI editor's comparators: a comparator file as LG Inform and ONS download it (area, code, period, value),
//! with the council's own area chosen and left out, or one authority's value typed in, each recorded in a named
//! group by `record_comparators`. The KPI page ranks the council among them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::basics::ids::KpiId;
use crate::domain::basics::period::Period;
use crate::domain::basics::unit::parse_number;
use crate::domain::kpi::benchmark_entry::{Comparator, ComparatorsRecorded, record_comparators};
use crate::storage::comparator_csv::{ComparatorFile, read_comparators};
use crate::ui::components::fields::{Choice, Select, TextField, Width};
use crate::ui::components::file_picker::{FilePicker, read_bytes};
use crate::ui::state::use_app_state;

/// "Recorded 12 comparator values (3 replaced)."
fn recorded_words(recorded: ComparatorsRecorded) -> String {
    let count = recorded.added + recorded.replaced;
    let replaced = if recorded.replaced > 0 {
        format!(" ({} replaced)", recorded.replaced)
    } else {
        String::new()
    };
    format!(
        "Recorded {count} comparator value{}{replaced}.",
        if count == 1 { "" } else { "s" }
    )
}

/// The comparators form for the KPI with id `id`.
#[component]
pub fn BenchmarksEditor(id: KpiId) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(id);
    let latest_group = state.session.with_untracked(|s| {
        s.current()
            .benchmarks
            .iter()
            .filter(|b| b.kpi == id.get_value())
            .max_by_key(|b| b.period)
            .map(|b| b.group.clone())
            .unwrap_or_default()
    });
    let group = RwSignal::new(latest_group);
    let file = RwSignal::new(None::<ComparatorFile>);
    let own_area = RwSignal::new(String::new());
    let period = RwSignal::new(String::new());
    let authority = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let outcome = RwSignal::new(None::<String>);
    let record = move |values: Vec<Comparator>| {
        let result = state.session.try_update(|s| {
            s.edit(|w| record_comparators(w, &id.get_value(), &group.get_untracked(), &values))
        });
        match result {
            Some(Ok(recorded)) => {
                problems.set(Vec::new());
                outcome.set(Some(recorded_words(recorded)));
                true
            }
            Some(Err(found)) => {
                outcome.set(None);
                problems.set(found);
                false
            }
            None => false,
        }
    };
    let on_file = Callback::new(move |chosen: web_sys::File| {
        spawn_local(async move {
            let frequency = state
                .session
                .with_untracked(|s| s.current().kpi(&id.get_value()).map(|k| k.frequency));
            let Some(frequency) = frequency else { return };
            outcome.set(None);
            match read_bytes(&chosen).await {
                Err(reason) => {
                    problems.set(vec![format!("The file could not be read ({reason}).")])
                }
                Ok(bytes) => match read_comparators(&bytes, frequency) {
                    Ok(read) => {
                        problems.set(Vec::new());
                        // The area the council's name names ("Suffolk" in "Suffolk County Council") is taken
                        // to be the council; the person can choose another.
                        let council = state
                            .session
                            .with_untracked(|s| s.current().framework.council_name.to_lowercase());
                        let own = read.areas.iter().position(|area| {
                            let name = area.name.to_lowercase();
                            !name.is_empty() && (council.contains(&name) || name.contains(&council))
                        });
                        own_area.set(own.map(|at| at.to_string()).unwrap_or_default());
                        file.set(Some(read));
                    }
                    Err(found) => {
                        file.set(None);
                        problems.set(found);
                    }
                },
            }
        });
    });
    let import = move |_| {
        let Some(read) = file.get_untracked() else {
            return;
        };
        let own: Option<usize> = own_area.get_untracked().parse().ok();
        let values: Vec<Comparator> = read
            .values
            .iter()
            .filter(|v| Some(v.area) != own)
            .map(|v| Comparator {
                authority: read.areas[v.area].authority(),
                period: v.period,
                value: v.value,
            })
            .collect();
        if record(values) {
            file.set(None);
        }
    };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed_period = period.get_untracked();
        let typed_value = value.get_untracked();
        let read_period = Period::parse(typed_period.trim()).map_err(|e| format!("{e}."));
        let read_value = match parse_number(&typed_value, false) {
            Ok(Some(figure)) => Ok(figure),
            Ok(None) => Err("Give the value.".to_owned()),
            Err(problem) => Err(format!("The value {problem}.")),
        };
        match (read_period, read_value) {
            (Ok(period_read), Ok(figure)) => {
                let recorded = record(vec![Comparator {
                    authority: authority.get_untracked(),
                    period: period_read,
                    value: figure,
                }]);
                if recorded {
                    authority.set(String::new());
                    value.set(String::new());
                }
            }
            (period_read, value_read) => {
                outcome.set(None);
                problems.set(
                    period_read
                        .err()
                        .into_iter()
                        .chain(value_read.err())
                        .collect(),
                );
            }
        }
    };
    let area_choices = Signal::derive(move || {
        file.with(|f| {
            f.as_ref()
                .map(|f| {
                    f.areas
                        .iter()
                        .enumerate()
                        .map(|(at, area)| (at.to_string(), area.label()))
                        .collect::<Vec<Choice>>()
                })
                .unwrap_or_default()
        })
    });
    let file_summary = move || {
        file.with(|f| {
            f.as_ref().map(|f| {
                let first = f.values.iter().map(|v| v.period).min();
                let last = f.values.iter().map(|v| v.period).max();
                let span = match (first, last) {
                    (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
                    (Some(only), _) => only.to_string(),
                    _ => String::new(),
                };
                let left_out = match f.left_out {
                    0 => String::new(),
                    1 => "; 1 row without a value was left out".to_owned(),
                    n => format!("; {n} rows without a value were left out"),
                };
                format!(
                    "The file holds {} values for {} areas, {span}{left_out}.",
                    f.values.len(),
                    f.areas.len()
                )
            })
        })
    };
    view! {
        <section class="app-section" aria-labelledby="kpi-benchmarks-heading" data-testid="kpi-benchmarks">
            <h2 id="kpi-benchmarks-heading">"Comparators"</h2>
            <p>"Other authorities' values of this KPI, for the KPI page to rank the council among them."</p>
            <TextField id="kpi-benchmarks-group" label="Comparator group" value=group
                hint="CIPFA nearest neighbours, Shire counties, England…" />
            <FilePicker id="benchmark-import-file-input" label="A comparator file (CSV: area name, area code, period, value, as LG Inform and ONS download them)"
                accept=".csv,text/csv" test_id="benchmark-import-file" on_file=on_file />
            <Show when=move || file.with(Option::is_some)>
                <p data-testid="benchmark-file-summary">{file_summary}</p>
                <Select id="benchmark-own-area" label="Which area is this council? Its row is left out: its own figure comes from its measurements."
                    none="None of them" choices=area_choices bind=own_area />
                <button type="button" class="app-button" data-testid="benchmark-import" on:click=import>"Record the comparators"</button>
            </Show>
            <form on:submit=add novalidate>
                <h3>"Or type one in"</h3>
                <div class="app-inline-controls">
                    <TextField id="benchmark-period" label="Period" value=period width=Width::Medium hint="Q2 2026/27, Sep 2026, 2025/26." />
                    <TextField id="benchmark-authority" label="Authority" value=authority width=Width::Medium />
                    <TextField id="benchmark-value" label="Value" value=value width=Width::Short inputmode="decimal" />
                </div>
                <button type="submit" class="app-button app-button--secondary" data-testid="benchmark-add">"Add the value"</button>
            </form>
            {move || (!problems.with(Vec::is_empty)).then(|| view! {
                <div class="app-error-summary" role="alert" data-testid="benchmark-problems">
                    <h3>"There is a problem"</h3>
                    <ul>{problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            })}
            {move || outcome.get().map(|m| view! { <p class="app-notice" role="status" data-testid="benchmark-outcome">{m}</p> })}
        </section>
    }
}
