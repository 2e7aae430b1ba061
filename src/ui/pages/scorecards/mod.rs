//! The scorecards page: organisational, directorate and committee scorecards (the Cambridgeshire PMF, Appendix C) with the
//! period, filters, search and sort all kept in the address, a summary strip, and the table.

mod column_chooser;
mod columns;
mod controls;
pub(crate) mod lines;
mod periods;
mod summary_strip;
mod table;
pub mod view;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::model::workspace::PerformanceIndex;
use crate::domain::scorecard::detached_row::DetachedRow;
use crate::domain::scorecard::engine::{as_at_for, scorecard};
use crate::domain::scorecard::filter::{ScorecardSummary, arrange, summarise};
use crate::ui::address::served_path::link;
use crate::ui::address::state::use_address_state;
use crate::ui::area::Area;
use crate::ui::browser::download::{download_csv, file_name};
use crate::ui::browser::page_title::use_page_title;
use crate::ui::pages::scorecards::view::ScorecardView;
use crate::ui::routes::Page;
use crate::ui::state::use_app_state;
use controls::ScorecardControls;
use lines::{ScorecardLine, lines_to_csv};
pub use periods::default_as_at;
use summary_strip::SummaryStrip;
use table::ScorecardTable;

/// The scorecard for a scope and period, assessed once and then narrowed and reordered as often as people
/// type or click: the filters, search and sort never assess anything again.
#[derive(Clone, Debug, PartialEq)]
struct Assessed {
    title: String,
    as_at: NaiveDate,
    entries: Vec<DetachedRow>,
    lines: Vec<ScorecardLine>,
}

/// What the page shows for the current view.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// "Organisational scorecard", …
    pub title: String,
    /// The date it is drawn up as at.
    pub as_at: NaiveDate,
    /// KPIs on the scorecard before filtering.
    pub total: usize,
    /// Counts of the rows shown.
    pub summary: ScorecardSummary,
    /// The rows shown, filtered and sorted.
    pub lines: Vec<ScorecardLine>,
}

/// Downloads the view as shown (filters and sort included) as CSV for a spreadsheet.
#[component]
fn ExportView(shown: Memo<Shown>) -> impl IntoView {
    let state = use_app_state();
    let failure = RwSignal::new(None::<String>);
    let export = move |_| {
        let council = state
            .session
            .with_untracked(|s| s.current().framework.council_name.clone());
        let result = shown.with_untracked(|s| {
            download_csv(
                &file_name(&format!("{council} {}", s.title), "view", "csv"),
                &lines_to_csv(&s.lines),
            )
        });
        failure.set(result.err().map(|e| format!("The download failed: {e}")));
    };
    view! {
        <div class="app-button-group">
            <button type="button" class="app-button app-button--secondary" data-testid="export-view" on:click=export>
                "Download this view (CSV)"
            </button>
        </div>
        {move || failure.get().map(|m| view! { <p class="app-error-text" role="alert">{m}</p> })}
    }
}

/// The scorecards page.
#[component]
pub fn ScorecardsPage() -> impl IntoView {
    use_page_title(Area::Scorecards.label());
    let state = use_app_state();
    let today = Utc::now().date_naive();
    let (view, apply) = use_address_state(ScorecardView::from_query, ScorecardView::href);
    let scope_and_period = Memo::new(move |_| view.with(|v| (v.scope.clone(), v.period)));
    let assessed = Memo::new(move |_| {
        let (scope, period) = scope_and_period.get();
        state.session.with(|session| {
            let workspace = session.current();
            let index = PerformanceIndex::new(&workspace.measurements);
            let as_at =
                period.map_or_else(|| default_as_at(today), |period| as_at_for(period, today));
            let rows = scorecard(workspace, &index, &scope, as_at);
            Assessed {
                title: scope.title(workspace),
                as_at,
                entries: rows
                    .iter()
                    .map(|row| DetachedRow::of(row, workspace, &index))
                    .collect(),
                lines: rows.iter().map(ScorecardLine::of).collect(),
            }
        })
    });
    let shown = Memo::new(move |_| {
        view.with(|view| {
            assessed.with(|assessed| {
                let order = arrange(&assessed.entries, &view.filter, view.sort, view.descending);
                let kept: Vec<&DetachedRow> = order.iter().map(|&i| &assessed.entries[i]).collect();
                Shown {
                    title: assessed.title.clone(),
                    as_at: assessed.as_at,
                    total: assessed.entries.len(),
                    summary: summarise(&kept),
                    lines: order.iter().map(|&i| assessed.lines[i].clone()).collect(),
                }
            })
        })
    });
    view! {
        <h1 data-testid="page-heading">{Area::Scorecards.label()}</h1>
        <p class="app-lead">{Area::Scorecards.purpose()}</p>
        <p><a href=link(&Page::Register.path()) data-testid="register-link">"The KPI register: every KPI, live or not, to search, sort, edit and download"</a></p>
        <ScorecardControls view=view apply=apply today=today />
        <h2 class="app-scorecard__title" data-testid="scorecard-title">
            {move || shown.with(|s| s.title.clone())}
            <span class="app-scorecard__as-at">
                {move || shown.with(|s| format!(" as at {}", s.as_at.format("%-d %B %Y")))}
            </span>
        </h2>
        <SummaryStrip shown=shown view=view apply=apply />
        <ExportView shown=shown />
        <ScorecardTable shown=shown view=view apply=apply />
    }
}
