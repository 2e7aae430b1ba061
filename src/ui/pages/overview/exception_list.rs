//! The exceptions on the organisational scorecard, worst first, each linking to its KPI: the first few, and
//! how many more the performance report lists.

use leptos::prelude::*;

use crate::domain::reporting::council_overview::{CouncilOverview, OverviewException};
use crate::ui::address::served_path::link;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row};
use crate::ui::components::rag_badge::RagBadge;
use crate::ui::routes::{Page, kpi_path};

/// How many exceptions the page lists.
const SHOWN: usize = 10;

fn exception_row(exception: &OverviewException) -> Row {
    let why: Vec<&str> = exception.reasons.iter().map(|r| r.label()).collect();
    Row::new(vec![
        view! { <a href=link(&kpi_path(exception.kpi.as_str()))>{exception.name.clone()}</a> }
            .into_any(),
        exception.directorate.clone().into_any(),
        view! { <RagBadge rating=exception.rating.clone() /> }.into_any(),
        why.join("; ").into_any(),
        format!("{} ({})", exception.value, exception.period).into_any(),
        exception.target.clone().into_any(),
    ])
    .key(exception.kpi.as_str().to_owned())
}

/// The exceptions' table.
#[component]
pub fn ExceptionList(overview: Memo<CouncilOverview>) -> impl IntoView {
    let rows =
        move || overview.with(|o| o.exceptions.iter().take(SHOWN).map(exception_row).collect());
    let more = move || {
        overview.with(|o| {
            let more = o.exceptions.len().saturating_sub(SHOWN);
            (more > 0).then(|| {
                view! {
                    <p data-testid="overview-more-exceptions">
                        {format!("{more} more {}: ", if more == 1 { "exception" } else { "exceptions" })}
                        <a href=link(&Page::Reports.path())>"see every exception in the performance report"</a>
                        "."
                    </p>
                }
            })
        })
    };
    let caption = move || {
        overview.with(|o| {
            format!(
                "Exceptions, worst first: red, forecast to miss the year-end target, green but declining, data-quality warnings ({} in all)",
                o.exceptions.len()
            )
        })
    };
    view! {
        <section class="app-section" aria-labelledby="overview-exceptions-heading">
            <h2 id="overview-exceptions-heading">"What needs attention"</h2>
            <DataTable test_id="overview-exceptions" caption=caption
                columns=vec![
                    Column::row_heading("KPI"),
                    Column::text("Directorate"),
                    Column::text("RAG"),
                    Column::text("Why"),
                    Column::text("Value"),
                    Column::text("Target"),
                ]
                rows=rows layout=Layout::WIDE_COMPACT
                empty=Empty::instead("overview-no-exceptions", "No KPI on the organisational scorecard needs attention.") />
            {more}
        </section>
    }
}
