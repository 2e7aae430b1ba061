//! A scorecard view as the query string of its address, so a copied link opens the same view for a
//! colleague: `/scorecards?scope=directorate:dir-ahc&period=2026-10&rag=red&sort=rag`. Plain Rust, no
//! browser: the page reads and writes the address through these functions.
//!
//! Unknown parameters and values that do not parse are ignored (an old or hand-edited link still opens,
//! showing what it can); everything at its default is left out, so the plain address is the default view.

use crate::domain::basics::ids::{AmbitionId, CommitteeId, DirectorateId};
use crate::domain::basics::period::Period;
use crate::domain::scorecard::engine::ScorecardScope;
use crate::domain::scorecard::filter::{ScorecardFilter, SortColumn};
use crate::ui::value_code::{code, decode};

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
                _ => {}
            }
        }
        view
    }

    /// The query string for this view, without the `?`; empty for the default view.
    pub fn to_query(&self) -> String {
        query_string(self.pairs())
    }

    /// The address of this view on the scorecards page.
    pub fn href(&self) -> String {
        address(&crate::ui::area::Area::Scorecards.path(), self.pairs())
    }

    /// Every setting as a query pair, with a value only where it differs from the default view.
    fn pairs(&self) -> [(&'static str, Option<String>); 13] {
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
        ]
    }
}

/// Percent-encodes everything but letters, digits and `-_.~`.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(byte).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// A scorecard's scope as an address or a form writes it: empty for the organisation,
/// `directorate:<id>` or `committee:<id>`.
pub fn scope_code(scope: &ScorecardScope) -> String {
    match scope {
        ScorecardScope::Organisation => String::new(),
        ScorecardScope::Directorate(id) => format!("directorate:{id}"),
        ScorecardScope::Committee(id) => format!("committee:{id}"),
    }
}

/// The scope [`scope_code`] wrote; anything else is the organisation.
pub fn scope_from_code(text: &str) -> ScorecardScope {
    match text.split_once(':') {
        Some(("directorate", id)) => decode::<DirectorateId>(id)
            .map_or(ScorecardScope::Organisation, ScorecardScope::Directorate),
        Some(("committee", id)) => decode::<CommitteeId>(id)
            .map_or(ScorecardScope::Organisation, ScorecardScope::Committee),
        _ => ScorecardScope::Organisation,
    }
}

/// `path` with the pairs that have a value as its query string, each value encoded:
/// `/risks?level=strategic&overdue=1`, or `path` alone when none has one.
pub fn address<'a>(
    path: &str,
    pairs: impl IntoIterator<Item = (&'a str, Option<String>)>,
) -> String {
    let query = query_string(pairs);
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// The pairs that have a value, each value encoded, joined with `&`: `level=strategic&overdue=1`.
fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<String>)>) -> String {
    pairs
        .into_iter()
        .filter_map(|(key, value)| Some(format!("{key}={}", encode(&value?))))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes `%XX` and `+` (a space); a malformed escape is kept as it is written.
fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match bytes[i] {
            b'%' if hex(i + 1).is_some() && hex(i + 2).is_some() => {
                decoded.push((hex(i + 1).unwrap_or(0) * 16 + hex(i + 2).unwrap_or(0)) as u8);
                i += 3;
            }
            b'+' => {
                decoded.push(b' ');
                i += 1;
            }
            other => {
                decoded.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// The key–value pairs of a query string (with or without its `?`), decoded, in order.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(key), decode_component(value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
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
        }
    }

    #[test]
    fn the_default_view_is_the_plain_address() {
        assert_eq!(ScorecardView::default().to_query(), "");
        assert_eq!(ScorecardView::default().href(), "/scorecards");
        assert_eq!(ScorecardView::from_query(""), ScorecardView::default());
        let view = full_view();
        assert_eq!(view.href(), format!("/scorecards?{}", view.to_query()));
    }

    #[test]
    fn a_view_survives_its_link() {
        let view = full_view();
        let query = view.to_query();
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
            let back = ScorecardView::from_query(&view.to_query());
            let expected = if search.trim().is_empty() { String::new() } else { search };
            prop_assert_eq!(back.filter.search, expected);
            prop_assert_eq!(back.descending, descending);
        }
    }
}
