//! The validation sheets page (the performance protocol): for a monthly cycle, every directorate's sheet in one overview —
//! how many figures are due, entered, submitted and approved, and how many lack a variance explanation or an
//! action plan — and one directorate's sheet KPI by KPI, with a link to each KPI to put it right.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::assurance::validation_sheet::{SheetCounts, sheet_months, validation_sheet};
use crate::domain::basics::ids::DirectorateId;
use crate::domain::basics::period::Period;
use crate::domain::kpi::rating::Rating;
use crate::domain::model::workspace::PerformanceIndex;
use crate::ui::address::query::{address, parse_query};
use crate::ui::address::state::use_address_state;
use crate::ui::address::value_code::{code, decode};
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::data_table::{Column, DataTable, Layout, Row};
use crate::ui::components::fields::{Select, coded};
use crate::ui::components::kpi_link::kpi_link;
use crate::ui::components::rag_badge::RagBadge;
use crate::ui::routes::Page;
use crate::ui::state::use_app_state;

/// The page's title and heading.
const TITLE: &str = "Validation sheets";

/// The page's state, kept in the address: the cycle and the directorate opened.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct SheetView {
    month: Option<Period>,
    directorate: Option<DirectorateId>,
}

impl SheetView {
    fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        for (key, value) in parse_query(query) {
            match key.as_str() {
                "month" => view.month = decode::<Period>(&value),
                "directorate" => view.directorate = DirectorateId::try_from(value).ok(),
                _ => {}
            }
        }
        view
    }

    fn href(&self) -> String {
        address(
            &Page::Validation.path(),
            [
                ("month", self.month.as_ref().and_then(code)),
                (
                    "directorate",
                    self.directorate.as_ref().map(ToString::to_string),
                ),
            ],
        )
    }
}

/// One directorate's totals, owned.
#[derive(Clone, Debug, PartialEq)]
struct OverviewLine {
    id: DirectorateId,
    name: String,
    counts: SheetCounts,
}

/// One KPI of the sheet opened, owned.
#[derive(Clone, Debug, PartialEq)]
struct SheetLine {
    kpi: String,
    name: String,
    period: String,
    responsible: String,
    state: &'static str,
    rating: Rating,
    explanation: &'static str,
    plan: &'static str,
    complete: bool,
}

/// The sheet's columns.
fn sheet_columns() -> Vec<Column> {
    vec![
        Column::row_heading("KPI"),
        Column::text("Period"),
        Column::text("Responsible officer"),
        Column::text("Value"),
        Column::text("Rating"),
        Column::text("Variance explanation"),
        Column::text("Action plan"),
        Column::text("Complete"),
    ]
}

/// A KPI of the sheet, as a row.
fn sheet_row(l: SheetLine) -> Row {
    Row::new(vec![
        kpi_link(&l.kpi, l.name),
        l.period.into_any(),
        l.responsible.into_any(),
        l.state.into_any(),
        view! { <RagBadge rating=l.rating /> }.into_any(),
        l.explanation.into_any(),
        l.plan.into_any(),
        (if l.complete { "Yes" } else { "No" }).into_any(),
    ])
    .test_id("sheet-row")
}

/// The validation sheets page.
#[component]
pub fn ValidationPage() -> impl IntoView {
    use_page_title(TITLE);
    let state = use_app_state();
    let months = sheet_months(Utc::now().date_naive());
    let latest = months.first().copied();
    let (view, apply) = use_address_state(SheetView::from_query, SheetView::href);
    let month = Memo::new(move |_| view.with(|v| v.month).or(latest));
    let overview = Memo::new(move |_| {
        let Some(month) = month.get() else {
            return Vec::new();
        };
        state.session.with(|s| {
            let w = s.current();
            let index = PerformanceIndex::new(&w.measurements);
            w.directorates
                .iter()
                .filter(|d| d.active)
                .map(|d| OverviewLine {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    counts: SheetCounts::of(&validation_sheet(w, &index, &d.id, month)),
                })
                .collect::<Vec<_>>()
        })
    });
    let sheet = Memo::new(move |_| {
        let (Some(month), Some(directorate)) = (month.get(), view.with(|v| v.directorate.clone()))
        else {
            return None;
        };
        state.session.with(|s| {
            let w = s.current();
            let name = w
                .directorates
                .iter()
                .find(|d| d.id == directorate)?
                .name
                .clone();
            let index = PerformanceIndex::new(&w.measurements);
            let rows = validation_sheet(w, &index, &directorate, month);
            let counts = SheetCounts::of(&rows);
            let person = |id: Option<&crate::domain::basics::ids::PersonId>| {
                id.and_then(|p| w.person(p)).map(|p| p.name.clone())
            };
            let lines = rows
                .iter()
                .map(|r| SheetLine {
                    kpi: r.kpi.id.to_string(),
                    name: r.kpi.name.clone(),
                    period: r.period.to_string(),
                    responsible: person(r.kpi.owner.as_ref())
                        .or_else(|| person(r.kpi.data_coordinator.as_ref()))
                        .unwrap_or_else(|| "Not assigned".to_owned()),
                    state: r.state.label(),
                    rating: r.rating.clone(),
                    explanation: if r.needs_variance_explanation {
                        "Missing"
                    } else {
                        "—"
                    },
                    plan: if r.needs_action_plan {
                        "Missing"
                    } else {
                        "—"
                    },
                    complete: r.is_complete(),
                })
                .collect::<Vec<_>>();
            Some((name, counts, lines))
        })
    });
    let choose_month = move |value: String| {
        let mut next = view.get_untracked();
        next.month = decode::<Period>(&value);
        apply.run(next);
    };
    let month_label = move || month.get().map(|m| m.long_label()).unwrap_or_default();
    let overview_columns: Vec<Column> = std::iter::once(Column::row_heading("Directorate"))
        .chain(
            [
                "Due",
                "No value",
                "Draft",
                "Submitted",
                "Approved",
                "Missing variance explanation",
                "Missing action plan",
            ]
            .map(Column::number),
        )
        .collect();
    let overview_row = move |line: OverviewLine| {
        let c = line.counts;
        let id = line.id.clone();
        let open = view! {
            <button type="button" class="app-link-button" data-testid="sheet-open"
                on:click=move |_| {
                    let mut next = view.get_untracked();
                    next.directorate = Some(id.clone());
                    apply.run(next);
                }>
                {line.name}
            </button>
        };
        let counts = [
            c.due,
            c.no_value,
            c.draft,
            c.submitted,
            c.approved,
            c.missing_explanation,
            c.missing_action_plan,
        ];
        Row::new(
            std::iter::once(open.into_any())
                .chain(counts.map(|n| n.to_string().into_any()))
                .collect(),
        )
        .test_id("sheet-overview-row")
    };
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">"Each month responsible officers complete the validation sheet for their KPIs, with a variance explanation wherever performance is off target and an action plan for every red KPI; heads of service approve it before the figures are reported."</p>
        <Select id="sheet-month" label="Monthly cycle" choices={coded(months.iter().copied(), |m| m.long_label())}
            value=Signal::derive(move || month.get().as_ref().and_then(code).unwrap_or_default()) on_change=choose_month />
        <DataTable test_id="sheet-overview" caption=move || format!("Every directorate's sheet for {}", month_label())
            columns=overview_columns rows=move || overview.get().into_iter().map(overview_row).collect() />
        {move || sheet.get().map(|(name, counts, lines)| view! {
            <section class="app-section" aria-labelledby="sheet-heading" data-testid="sheet">
                <h2 id="sheet-heading">{format!("{name}: validation sheet for {}", month_label())}</h2>
                <p data-testid="sheet-summary">{format!(
                    "{} KPIs due: {} approved, {} awaiting approval, {} in draft, {} without a value; {} missing a variance explanation, {} missing an action plan. {}",
                    counts.due, counts.approved, counts.submitted, counts.draft, counts.no_value,
                    counts.missing_explanation, counts.missing_action_plan,
                    if counts.due > 0 && counts.complete == counts.due { "The sheet is complete." } else { "The sheet is not complete yet." }
                )}</p>
                <DataTable test_id="sheet-table" caption=format!("{name}, {}", month_label()) columns=sheet_columns()
                    rows=move || lines.iter().cloned().map(sheet_row).collect() layout=Layout::WIDE_COMPACT />
            </section>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_reads_back_from_its_address() {
        let view = SheetView {
            month: Period::calendar_month(2026, 10),
            directorate: Some(DirectorateId::new("dir-ahc").unwrap()),
        };
        let href = view.href();
        assert_eq!(href, "/risks/validation?month=2026-10&directorate=dir-ahc");
        assert_eq!(SheetView::from_query(href.split_once('?').unwrap().1), view);
        assert_eq!(SheetView::default().href(), Page::Validation.path());
    }
}
