//! Each ambition's and each directorate's KPIs on the organisational scorecard, by RAG, with the change since
//! each KPI's previous period; each row opens the scorecard narrowed to it, which shows the same counts.

use leptos::prelude::*;

use crate::domain::kpi::rollup::RagCounts;
use crate::domain::reporting::council_overview::{CouncilOverview, GroupCounts};
use crate::domain::scorecard::filter::{ScorecardFilter, ScorecardSummary};
use crate::ui::address::served_path::link;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::pages::scorecards::view::ScorecardView;

/// The change of each count since the previous period, largest concerns first: "red +1, green −1"; "no change".
fn changes(summary: &ScorecardSummary) -> String {
    let (now, before) = (&summary.now, &summary.previous);
    let parts: Vec<String> = [
        ("red", now.red, before.red),
        ("amber", now.amber, before.amber),
        ("green", now.green, before.green),
        ("not rated", now.not_rated(), before.not_rated()),
    ]
    .into_iter()
    .filter(|(_, now, before)| now != before)
    .map(|(label, now, before)| {
        if now > before {
            format!("{label} +{}", now - before)
        } else {
            format!("{label} \u{2212}{}", before - now)
        }
    })
    .collect();
    if parts.is_empty() {
        "no change".to_owned()
    } else {
        parts.join(", ")
    }
}

/// A group's row: its name opening the scorecard narrowed by `filter`, and its counts.
fn group_row<Id>(group: &GroupCounts<Id>, filter: ScorecardFilter) -> Row {
    let href = ScorecardView {
        filter,
        ..ScorecardView::default()
    }
    .href();
    let counts: RagCounts = group.summary.now;
    Row::new(vec![
        view! { <a href=link(&href)>{group.name.clone()}</a> }.into_any(),
        counts.red.into_any(),
        counts.amber.into_any(),
        counts.green.into_any(),
        counts.not_rated().into_any(),
        changes(&group.summary).into_any(),
    ])
}

fn columns(first: &str) -> Vec<Column> {
    vec![
        Column::row_heading(first),
        Column::number("Red"),
        Column::number("Amber"),
        Column::number("Green"),
        Column::number("Not rated"),
        Column::text("Since the previous period"),
    ]
}

/// The ambitions' and directorates' tables.
#[component]
pub fn RagGroups(overview: Memo<CouncilOverview>) -> impl IntoView {
    let ambitions = move || {
        overview.with(|o| {
            o.ambitions
                .iter()
                .map(|g| {
                    let filter = ScorecardFilter {
                        ambition: Some(g.id.clone()),
                        ..ScorecardFilter::default()
                    };
                    group_row(g, filter).key(g.id.as_str().to_owned())
                })
                .collect()
        })
    };
    let directorates = move || {
        overview.with(|o| {
            o.directorates
                .iter()
                .map(|g| {
                    let filter = ScorecardFilter {
                        directorate: Some(g.id.clone()),
                        ..ScorecardFilter::default()
                    };
                    group_row(g, filter).key(g.id.as_str().to_owned())
                })
                .collect()
        })
    };
    view! {
        <section class="app-section" aria-labelledby="overview-groups-heading">
            <h2 id="overview-groups-heading">"By ambition and directorate"</h2>
            <DataTable test_id="overview-ambitions" caption="KPIs serving each ambition, by RAG (a KPI serving two ambitions counts in both)"
                columns=columns("Ambition") rows=ambitions layout=Layout::COMPACT />
            <DataTable test_id="overview-directorates" caption="KPIs of each directorate, by RAG"
                columns=columns("Directorate") rows=directorates layout=Layout::COMPACT />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changes_name_what_moved_largest_concerns_first() {
        let mut summary = ScorecardSummary::default();
        summary.now.red = 3;
        summary.previous.red = 1;
        summary.now.green = 2;
        summary.previous.green = 4;
        summary.now.amber = 1;
        summary.previous.amber = 1;
        // Red 1 → 3 is +2; green 4 → 2 is −2; amber and not rated (0 both times) did not move.
        assert_eq!(changes(&summary), "red +2, green \u{2212}2");
        assert_eq!(changes(&ScorecardSummary::default()), "no change");
    }
}
