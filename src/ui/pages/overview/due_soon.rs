//! What is due: the latest month's validation sheets by directorate, risk reviews overdue or due within 30 days,
//! and the committee reports coming up.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::reporting::council_overview::CouncilOverview;
use crate::ui::address::served_path::link;
use crate::ui::components::data_table::{Column, DataTable, Empty, Layout, Row};
use crate::ui::routes::Page;

/// How many risk reviews the page lists.
const REVIEWS_SHOWN: usize = 8;

fn date(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// The three lists of what is due.
#[component]
pub fn DueSoon(overview: Memo<CouncilOverview>) -> impl IntoView {
    let month = move || {
        overview.with(|o| {
            o.validation_month.map_or_else(
                || "No month has ended yet".to_owned(),
                |m| format!("Validation sheets for {m}"),
            )
        })
    };
    let sheets = move || {
        overview.with(|o| {
            o.validation
                .iter()
                .map(|v| {
                    let c = &v.counts;
                    Row::new(vec![
                        v.name.clone().into_any(),
                        c.due.into_any(),
                        c.approved.into_any(),
                        c.complete.into_any(),
                        (c.due - c.complete).into_any(),
                    ])
                    .key(v.directorate.as_str().to_owned())
                })
                .collect()
        })
    };
    let reviews = move || {
        overview.with(|o| {
            o.risk_reviews
                .iter()
                .take(REVIEWS_SHOWN)
                .map(|r| {
                    let when = if r.overdue {
                        format!("Overdue: {}", date(r.due))
                    } else {
                        format!("Due {}", date(r.due))
                    };
                    Row::new(vec![
                        r.title.clone().into_any(),
                        r.owner.clone().into_any(),
                        when.into_any(),
                    ])
                    .key(r.risk.as_str().to_owned())
                    .highlighted(r.overdue)
                })
                .collect()
        })
    };
    let reviews_caption = move || {
        overview.with(|o| {
            let overdue = o.risk_reviews.iter().filter(|r| r.overdue).count();
            format!(
                "Risk reviews: {overdue} overdue, {} due in the next 30 days",
                o.risk_reviews.len() - overdue
            )
        })
    };
    // Committees often meet in the same week: one row a date, its reports listed.
    let committees = move || {
        overview.with(|o| {
            o.committee_reports
                .chunk_by(|a, b| a.date == b.date)
                .map(|same_day| {
                    let titles: Vec<&str> = same_day.iter().map(|e| e.title.as_str()).collect();
                    let day = same_day[0].date;
                    Row::new(vec![date(day).into_any(), titles.join("; ").into_any()])
                        .key(day.to_string())
                })
                .collect()
        })
    };
    view! {
        <section class="app-section" aria-labelledby="overview-due-heading" data-testid="overview-due">
            <h2 id="overview-due-heading">"What is due"</h2>
            <div class="app-overview__due">
                <div>
                    <DataTable test_id="overview-validation" caption=month
                        columns=vec![
                            Column::row_heading("Directorate"),
                            Column::number("Figures due"),
                            Column::number("Approved"),
                            Column::number("Complete"),
                            Column::number("Still to do"),
                        ]
                        rows=sheets layout=Layout::COMPACT
                        empty=Empty::below("overview-no-sheets", "No figures are due this month.") />
                    <p><a href=link(&Page::Validation.path())>"Open the validation sheets"</a></p>
                </div>
                <div>
                    <DataTable test_id="overview-risk-reviews" caption=reviews_caption
                        columns=vec![Column::row_heading("Risk"), Column::text("Owner"), Column::text("Review")]
                        rows=reviews layout=Layout::COMPACT
                        empty=Empty::below("overview-no-reviews", "No risk review is overdue or due in the next 30 days.") />
                    <p><a href=link(&Page::Risks.path())>"Open the risk registers"</a></p>
                </div>
                <div>
                    <DataTable test_id="overview-committees" caption="Committee reports in the next four months"
                        columns=vec![Column::row_heading("Date"), Column::text("Reports")]
                        rows=committees layout=Layout::COMPACT
                        empty=Empty::below("overview-no-committees", "No committee report is due in the next four months.") />
                    <p><a href=link(&Page::Calendar.path())>"Open the reporting calendar"</a></p>
                </div>
            </div>
        </section>
    }
}
