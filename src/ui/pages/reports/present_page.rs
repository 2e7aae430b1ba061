//! Presentation mode for councillors: the report as slides over the whole screen in large type — the title,
//! the summary, each ambition with its KPIs' ratings, and each exception with a large chart and its figures.
//! Arrow keys, Page Up/Down, Home and End move between slides; Escape goes back to the report. Readable on a
//! tablet: the slide scales with the screen and the buttons are large.

use chrono::Utc;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::ended_quarters;
use super::report_view::{ReportView, slide_in};
use crate::domain::model::workspace::PerformanceIndex;
use crate::domain::reporting::performance_report::{ReportLine, performance_report};
use crate::domain::reporting::presentation::{Slide, slides};
use crate::domain::reporting::report_table::kpi_values_table;
use crate::render::report_html::{kpi_chart, table_html};
use crate::ui::address::served_path::link;
use crate::ui::address::state::use_address_state;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::mdc_marks::{AssuranceMark, VariationMark, Words};
use crate::ui::components::rag_badge::RagBadge;

fn kpi_list(kpis: Vec<ReportLine>) -> impl IntoView {
    view! {
        <ul class="app-slide__kpis">
            {kpis.into_iter().map(|l| view! {
                <li><RagBadge rating=l.rating.clone() /> " " {l.kpi.name.clone()} <span class="app-slide__value">{format!(" — {}", l.value)}</span></li>
            }).collect_view()}
        </ul>
    }
}

fn kpi_slide(line: ReportLine) -> impl IntoView {
    let kpi = line.kpi.clone();
    let (title, svg) = kpi_chart(&line);
    let values = table_html(&kpi_values_table(&line), "slide-chart-values");
    view! {
        <h2 class="app-slide__title">{kpi.name.clone()}</h2>
        <p class="app-slide__facts">
            <RagBadge rating=line.rating.clone() />
            {format!(" Value {} against a target of {}. ", line.value, line.target)}
            {line.reasons.iter().map(|r| r.label()).collect::<Vec<_>>().join("; ")}
        </p>
        {line.mdc.map(|icons| view! {
            <p class="app-slide__icons">
                <VariationMark icon=icons.variation words=Words::Full />
                {icons.assurance.map(|a| view! { <AssuranceMark icon=a words=Words::Full /> })}
            </p>
        })}
        <div class="app-slide__chart" inner_html=svg></div>
        <details class="app-details">
            <summary>{format!("The figures behind the chart: {title}")}</summary>
            <div inner_html=values></div>
        </details>
        {(!line.commentary.is_empty()).then(|| view! { <p class="app-slide__note">{line.commentary.clone()}</p> })}
        {(!line.actions.is_empty()).then(|| view! {
            <p class="app-slide__note">{format!("Action plan: {}", line.actions.iter().map(|a| a.title.as_str()).collect::<Vec<_>>().join("; "))}</p>
        })}
    }
}

fn slide_view(slide: Slide) -> AnyView {
    match slide {
        Slide::Title { title, council } => view! {
            <p class="app-slide__council">{council}</p>
            <h2 class="app-slide__title app-slide__title--big">{title}</h2>
        }
        .into_any(),
        Slide::Summary { sentences, counts } => view! {
            <h2 class="app-slide__title">"Summary"</h2>
            <p class="app-slide__lead">{counts.describe()}</p>
            {sentences.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
        }
        .into_any(),
        Slide::Ambition {
            title,
            counts,
            kpis,
        } => view! {
            <h2 class="app-slide__title">{title}</h2>
            <p class="app-slide__lead">{counts.describe()}</p>
            {kpi_list(kpis)}
        }
        .into_any(),
        Slide::Kpi(line) => kpi_slide(*line).into_any(),
    }
}

/// Which report is presented and which of its slides (from 0) is shown, as the address holds them.
#[derive(Clone, Debug, Default, PartialEq)]
struct SlideView {
    report: ReportView,
    slide: usize,
}

impl SlideView {
    fn from_query(query: &str) -> Self {
        Self {
            report: ReportView::from_query(query),
            slide: slide_in(query),
        }
    }

    fn href(&self) -> String {
        self.report.slide_href(self.slide)
    }
}

/// Presentation mode.
#[component]
pub fn PresentPage() -> impl IntoView {
    use_page_title("Presentation");
    let state = crate::ui::state::use_app_state();
    let today = Utc::now().date_naive();
    let latest = ended_quarters(today).first().copied();
    // The slide is in the address, so Back steps back through the slides and a link opens the same one.
    let (view, show) = use_address_state(SlideView::from_query, SlideView::href);
    let deck = Memo::new(move |_| {
        let (scope, quarter) = view.with(|v| (v.report.scope.clone(), v.report.quarter.or(latest)));
        let Some(quarter) = quarter else {
            return Vec::new();
        };
        state.session.with(|s| {
            let w = s.current();
            let index = PerformanceIndex::new(&w.measurements);
            slides(&performance_report(w, &index, &scope, quarter), w)
        })
    });
    let last = move || deck.with(Vec::len).saturating_sub(1);
    let at = Memo::new(move |_| view.with(|v| v.slide).min(last()));
    let go = move |slide: usize| {
        show.run(SlideView {
            report: view.get_untracked().report,
            slide,
        })
    };
    let navigate = use_navigate();
    let back_href = move || view.with(|v| v.report.href());
    let leave = move || navigate(&back_href(), Default::default());
    let handle = window_event_listener(ev::keydown, move |event| {
        let next = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => Some((at.get_untracked() + 1).min(last())),
            "ArrowLeft" | "ArrowUp" | "PageUp" => Some(at.get_untracked().saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(last()),
            "Escape" => {
                leave();
                None
            }
            _ => return,
        };
        event.prevent_default();
        if let Some(next) = next.filter(|n| *n != at.get_untracked()) {
            go(next);
        }
    });
    on_cleanup(move || handle.remove());
    let full_screen = move |_| {
        if let Some(deck) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("presentation"))
        {
            // Refused (no user gesture, or not allowed in a frame): the slides still fill the window.
            let _ = deck.request_fullscreen();
        }
    };
    view! {
        <div id="presentation" class="app-present" role="region" aria-label="Presentation" data-testid="presentation">
            <h1 class="app-visually-hidden">"Presentation"</h1>
            <section class="app-slide" aria-roledescription="slide" data-testid="slide"
                aria-label=move || format!("Slide {} of {}", at.get() + 1, deck.with(Vec::len))>
                {move || deck.with(|d| d.get(at.get()).cloned()).map(slide_view)}
            </section>
            <nav class="app-present__controls" aria-label="Slides">
                <button type="button" class="app-button app-button--secondary" data-testid="slide-previous"
                    disabled=move || at.get() == 0 on:click=move |_| go(at.get_untracked().saturating_sub(1))>"Previous"</button>
                <p class="app-present__counter" aria-live="polite" data-testid="slide-counter">
                    {move || format!("Slide {} of {}", at.get() + 1, deck.with(Vec::len))}
                </p>
                <button type="button" class="app-button app-button--secondary" data-testid="slide-next"
                    disabled=move || { at.get() >= last() } on:click=move |_| go((at.get_untracked() + 1).min(last()))>"Next"</button>
                <button type="button" class="app-button app-button--secondary" data-testid="slide-full-screen" on:click=full_screen>"Full screen"</button>
                <a class="app-button app-button--secondary" href=move || link(&back_href()) data-testid="slide-exit">"Back to the report"</a>
            </nav>
        </div>
    }
}
