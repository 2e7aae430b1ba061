//! The reports page (the Cambridgeshire PMF: quarterly reports to committees, published for residents): choose whose
//! report and which quarter; read it — summary, exceptions first with commentary, charts and action plans,
//! then the full scorecard; print it to A4 (running head, page numbers, a section a page); download it as one
//! standalone web page to publish, or any of its tables as CSV.

mod present_page;
mod report_view;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::basics::period::reporting_period;
use crate::domain::basics::period::{Frequency, Period};
use crate::domain::model::workspace::PerformanceIndex;
use crate::domain::reporting::performance_report::{PerformanceReport, performance_report};
use crate::domain::reporting::report_table::{
    ReportTable, actions_table, exceptions_table, scorecard_table, summary_table, values_table,
};
use crate::render::report_html::{report_body, running_head, standalone_report};
use crate::storage::csv;
use crate::ui::address::scope_code::{scope_code, scope_from_code};
use crate::ui::address::served_path::link;
use crate::ui::address::state::use_address_state;
use crate::ui::address::value_code::{code, decode};
use crate::ui::area::Area;
use crate::ui::browser::download::{download_csv, download_text, file_name};
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::fields::{Select, coded};
use crate::ui::state::use_app_state;
pub use present_page::PresentPage;
use report_view::ReportView;

/// How many ended quarters the page offers.
const QUARTERS: usize = 8;

/// The quarters that have ended by `today`, newest first.
fn ended_quarters(today: NaiveDate) -> Vec<Period> {
    std::iter::successors(reporting_period(Frequency::Quarterly, today), |q| {
        q.previous()
    })
    .take(QUARTERS)
    .collect()
}

/// Puts the printed pages' running head on the document (the report stylesheet's `@page` reads it), or
/// takes it away. Setting a style property from script is allowed under a strict Content-Security-Policy.
fn set_running_head(text: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    // A failure leaves the printed page without its running head; the report itself is unaffected.
    let _ = match text {
        Some(text) => {
            style.set_property("--running-head", &crate::render::escape::css_string(text))
        }
        None => style.remove_property("--running-head").map(|_| ()),
    };
}

/// The reports page.
#[component]
pub fn ReportsPage() -> impl IntoView {
    use_page_title(Area::Reports.label());
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let quarters = ended_quarters(today);
    let latest = quarters.first().copied();
    let (view, apply) = use_address_state(ReportView::from_query, ReportView::href);
    let report = Memo::new(move |_| {
        let (scope, quarter) = view.with(|v| (v.scope.clone(), v.quarter.or(latest)));
        let quarter = quarter?;
        state.session.with(|s| {
            let w = s.current();
            let index = PerformanceIndex::new(&w.measurements);
            Some(performance_report(w, &index, &scope, quarter))
        })
    });
    Effect::new(move |_| {
        report.with(|r| set_running_head(r.as_ref().map(running_head).as_deref()));
    });
    on_cleanup(|| set_running_head(None));
    let scopes = Memo::new(move |_| {
        state.session.with(|s| {
            let w = s.current();
            let mut options = vec![(String::new(), "The organisation".to_owned())];
            options.extend(
                w.committees
                    .iter()
                    .filter(|c| !w.kpis_for_committee(&c.id).is_empty())
                    .map(|c| (format!("committee:{}", c.id), c.name.clone())),
            );
            options.extend(w.directorates.iter().filter(|d| d.active).map(|d| {
                (
                    format!("directorate:{}", d.id),
                    format!("{} directorate", d.name),
                )
            }));
            options
        })
    });
    let failure = RwSignal::new(None::<String>);
    let name_for = |report: &PerformanceReport, what: &str, extension: &str| {
        file_name(
            &report.council,
            &format!("{} {} {what}", report.audience, report.quarter.code()),
            extension,
        )
    };
    let settle = move |result: Result<(), String>| {
        failure.set(result.err().map(|e| format!("The download failed: {e}")));
    };
    let download_table = move |slug: &'static str, table: fn(&PerformanceReport) -> ReportTable| {
        if let Some(report) = report.get_untracked() {
            let table = table(&report);
            settle(download_csv(
                &name_for(&report, slug, "csv"),
                &csv::write(&table.header, &table.text_rows()),
            ));
        }
    };
    let download_page = move |_| {
        if let Some(report) = report.get_untracked() {
            settle(download_text(
                &name_for(&report, "report", "html"),
                "text/html;charset=utf-8",
                &standalone_report(&report, today),
            ));
        }
    };
    let print = move |_| {
        if let Some(window) = web_sys::window()
            && window.print().is_err()
        {
            failure.set(Some(
                "The browser would not open its print dialogue; use its Print menu instead."
                    .to_owned(),
            ));
        }
    };
    let present_href = move || view.with(ReportView::present_href);
    view! {
        <div class="app-screen-only">
        <h1 data-testid="page-heading">{Area::Reports.label()}</h1>
        <p class="app-lead">"The quarterly performance report for a committee, a directorate or the whole organisation: exceptions first, then the full scorecard. Print it, publish it as a web page, or take its tables as CSV."</p>
        <form class="app-inline-controls" aria-label="Choose the report" on:submit=|e| e.prevent_default()>
            <Select id="report-scope" label="Report for" choices=scopes value=Signal::derive(move || view.with(|v| scope_code(&v.scope)))
                on_change=move |chosen: String| {
                    let mut next = view.get_untracked();
                    next.scope = scope_from_code(&chosen);
                    apply.run(next);
                } />
            <Select id="report-quarter" label="Quarter" choices={coded(quarters.iter().copied(), |q| q.long_label())}
                value=Signal::derive(move || view.with(|v| v.quarter.or(latest)).as_ref().and_then(code).unwrap_or_default())
                on_change=move |chosen: String| {
                    let mut next = view.get_untracked();
                    next.quarter = decode::<Period>(&chosen);
                    apply.run(next);
                } />
        </form>
        <div class="app-button-group" data-testid="report-actions">
            <button type="button" class="app-button" data-testid="report-print" on:click=print>"Print or save as PDF"</button>
            <button type="button" class="app-button app-button--secondary" data-testid="report-download-html" on:click=download_page>
                "Download as a web page to publish"
            </button>
            <button type="button" class="app-button app-button--secondary" data-testid="report-csv-summary"
                on:click=move |_| download_table("summary", summary_table)>"Summary table (CSV)"</button>
            <button type="button" class="app-button app-button--secondary" data-testid="report-csv-exceptions"
                on:click=move |_| download_table("exceptions", exceptions_table)>"Exceptions table (CSV)"</button>
            <button type="button" class="app-button app-button--secondary" data-testid="report-csv-actions"
                on:click=move |_| download_table("action-plans", actions_table)>"Action plans (CSV)"</button>
            <button type="button" class="app-button app-button--secondary" data-testid="report-csv-values"
                on:click=move |_| download_table("chart-values", values_table)>"Chart values (CSV)"</button>
            <button type="button" class="app-button app-button--secondary" data-testid="report-csv-scorecard"
                on:click=move |_| download_table("scorecard", scorecard_table)>"Full scorecard (CSV)"</button>
        </div>
        <p><a href=move || link(&present_href()) data-testid="report-present">"Present this report to councillors (full screen, arrow keys to move)"</a></p>
        {move || failure.get().map(|m| view! { <p class="app-error-text" role="alert">{m}</p> })}
        </div>
        {move || report.get().map(|r| view! { <div class="app-report-host" inner_html=report_body(&r, 2, today)></div> })}
    }
}
