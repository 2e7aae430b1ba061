//! A scorecard view as the query string of its address, so a copied link opens the same view for a
//! colleague: `/scorecards?scope=directorate:dir-ahc&period=2026-10&rag=red&sort=rag`. Plain Rust, no
//! browser: the page reads and writes the address through these functions.
//!
//! Unknown parameters and values that do not parse are ignored (an old or hand-edited link still opens,
//! showing what it can); everything at its default is left out, so the plain address is the default view.

use crate::domain::basics::ids::AmbitionId;
use crate::domain::basics::period::Period;
use crate::domain::scorecard::engine::ScorecardScope;
use crate::domain::scorecard::filter::{ScorecardFilter, SortColumn};
use crate::ui::address::query::{address, parse_query};
use crate::ui::address::scope_code::{scope_code, scope_from_code};
use crate::ui::address::value_code::{code, decode};
use crate::ui::pages::scorecards::columns::ShownColumns;
use crate::ui::routes::Page;

/// Everything that decides what a scorecard page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScorecardView {
    /// Which scorecard.
    pub scope: ScorecardScope,
    /// The period chosen (month, quarter or year); `None` is the latest month ended.
    pub period: Option<Period>,
    /// The filters and search.
    pub filter: ScorecardFilter,
    /// The sort column.
    pub sort: SortColumn,
    /// Whether the sort is reversed.
    pub descending: bool,
    /// The columns shown.
    pub columns: ShownColumns,
}

impl ScorecardView {
    /// The view a query string (with or without its `?`) describes.
    pub fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        for (key, value) in parse_query(query) {
            let value = value.as_str();
            let filter = &mut view.filter;
            match key.as_str() {
                "scope" => view.scope = scope_from_code(value),
                "period" => view.period = decode(value),
                "directorate" => filter.directorate = decode(value),
                "ambition" => filter.ambition = decode::<AmbitionId>(value),
                "committee" => filter.committee = decode(value),
                "level" => filter.level = decode(value),
                "perspective" => filter.perspective = decode(value),
                "rag" => filter.rag = decode(value),
                "frequency" => filter.frequency = decode(value),
                "component" => filter.component = decode(value),
                "q" => filter.search = value.to_owned(),
                "sort" => view.sort = decode(value).unwrap_or_default(),
                "desc" => view.descending = value == "1",
                "cols" => view.columns = ShownColumns::from_code(value),
                _ => {}
            }
        }
        view
    }

    /// The address of this view on the scorecards page.
    pub fn href(&self) -> String {
        address(&Page::Scorecards.path(), self.pairs())
    }

    /// Every setting as a query pair, with a value only where it differs from the default view.
    fn pairs(&self) -> [(&'static str, Option<String>); 14] {
        let filter = &self.filter;
        [
            (
                "scope",
                Some(scope_code(&self.scope)).filter(|s| !s.is_empty()),
            ),
            ("period", self.period.as_ref().and_then(code)),
            ("directorate", filter.directorate.as_ref().and_then(code)),
            ("ambition", filter.ambition.as_ref().and_then(code)),
            ("committee", filter.committee.as_ref().and_then(code)),
            ("level", filter.level.as_ref().and_then(code)),
            ("perspective", filter.perspective.as_ref().and_then(code)),
            ("rag", filter.rag.as_ref().and_then(code)),
            ("frequency", filter.frequency.as_ref().and_then(code)),
            ("component", filter.component.as_ref().and_then(code)),
            (
                "q",
                Some(filter.search.clone()).filter(|q| !q.trim().is_empty()),
            ),
            (
                "sort",
                Some(self.sort)
                    .filter(|s| *s != SortColumn::Register)
                    .as_ref()
                    .and_then(code),
            ),
            ("desc", self.descending.then(|| "1".to_owned())),
            ("cols", self.columns.code()),
        ]
    }
}

/// The query string of `view`, without the `?` (empty for the default view), as the tests read it.
#[cfg(test)]
fn query_of(view: &ScorecardView) -> String {
    crate::ui::address::query::query_string(view.pairs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::ids::DirectorateId;
    use crate::domain::basics::period::Frequency;
    use crate::domain::model::kpi::{KpiLevel, PmfComponent};
    use crate::domain::scorecard::filter::RagFilter;

    fn full_view() -> ScorecardView {
        ScorecardView {
            scope: ScorecardScope::Directorate(DirectorateId::new("dir-ahc").unwrap()),
            period: Some(Period::parse("Q2 2026/27").unwrap()),
            filter: ScorecardFilter {
                ambition: Some(AmbitionId::new("amb-3").unwrap()),
                level: Some(KpiLevel::Strategic),
                rag: Some(RagFilter::NeedsActionPlan),
                frequency: Some(Frequency::Quarterly),
                component: Some(PmfComponent::SafeguardingQualityAssurance),
                search: "delayed transfers & care=homes 100%".to_owned(),
                ..Default::default()
            },
            sort: SortColumn::Rag,
            descending: true,
            columns: ShownColumns::all(),
        }
    }

    #[test]
    fn the_default_view_is_the_plain_address() {
        assert_eq!(query_of(&ScorecardView::default()), "");
        assert_eq!(ScorecardView::default().href(), "/scorecards");
        assert_eq!(ScorecardView::from_query(""), ScorecardView::default());
        let view = full_view();
        assert_eq!(view.href(), format!("/scorecards?{}", query_of(&view)));
    }

    #[test]
    fn a_view_survives_its_link() {
        let view = full_view();
        let query = query_of(&view);
        assert!(
            query.starts_with("scope=directorate%3Adir-ahc&period=2026%2F27%20Q2&"),
            "{query}"
        );
        assert!(query.contains("rag=needs_action_plan"));
        assert!(query.contains("q=delayed%20transfers%20%26%20care%3Dhomes%20100%25"));
        assert_eq!(ScorecardView::from_query(&format!("?{query}")), view);
    }

    #[test]
    fn a_link_from_a_form_or_by_hand_still_reads() {
        let view = ScorecardView::from_query(
            "rag=red&q=looked+after&sort=current&desc=0&unknown=1&level=nonsense",
        );
        assert_eq!(view.filter.rag, Some(RagFilter::Red));
        assert_eq!(view.filter.search, "looked after");
        assert_eq!(view.sort, SortColumn::Current);
        assert!(!view.descending);
        assert_eq!(
            view.filter.level, None,
            "a value that does not parse is ignored"
        );
    }

    #[test]
    fn broken_escapes_and_ids_do_not_break_the_page() {
        let view = ScorecardView::from_query("q=100%&scope=directorate:bad id&period=2026-13");
        assert_eq!(view.filter.search, "100%");
        assert_eq!(view.scope, ScorecardScope::Organisation);
        assert_eq!(view.period, None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_search_text_survives_the_link(search in ".{0,40}", descending: bool) {
            let view = ScorecardView {
                filter: ScorecardFilter { search: search.clone(), ..Default::default() },
                descending,
                ..Default::default()
            };
            let back = ScorecardView::from_query(&query_of(&view));
            let expected = if search.trim().is_empty() { String::new() } else { search };
            prop_assert_eq!(back.filter.search, expected);
            prop_assert_eq!(back.descending, descending);
        }
    }
}
