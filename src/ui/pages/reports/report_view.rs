//! What the reports page shows, as its address holds it: whose report and which quarter. Plain Rust, tested
//! natively.

use crate::domain::basics::period::Period;
use crate::domain::scorecard::engine::ScorecardScope;
use crate::ui::address::query::{address, parse_query};
use crate::ui::address::scope_code::{scope_code, scope_from_code};
use crate::ui::address::value_code::{code, decode};
use crate::ui::area::Area;
use crate::ui::routes::Page;

/// The page's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportView {
    /// Whose report: the organisation, a directorate or a committee.
    pub scope: ScorecardScope,
    /// The quarter; `None` is the latest that has ended.
    pub quarter: Option<Period>,
}

impl ReportView {
    /// Reads `?scope=committee:com-ah&quarter=2026/27 Q2`; anything unreadable is ignored.
    pub fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        for (key, value) in parse_query(query) {
            match key.as_str() {
                "scope" => view.scope = scope_from_code(&value),
                "quarter" => view.quarter = decode::<Period>(&value),
                _ => {}
            }
        }
        view
    }

    /// The query pairs that say whose report and which quarter.
    fn pairs(&self) -> [(&'static str, Option<String>); 2] {
        [
            (
                "scope",
                Some(scope_code(&self.scope)).filter(|s| !s.is_empty()),
            ),
            ("quarter", self.quarter.as_ref().and_then(code)),
        ]
    }

    /// The address of this view.
    pub fn href(&self) -> String {
        address(&Area::Reports.path(), self.pairs())
    }

    /// The address of the same report in presentation mode.
    pub fn present_href(&self) -> String {
        self.slide_href(0)
    }

    /// The address of slide `slide` (from 0) of the same report in presentation mode: `&slide=3` for the third,
    /// nothing for the first.
    pub fn slide_href(&self, slide: usize) -> String {
        let [scope, quarter] = self.pairs();
        address(
            &Page::Present.path(),
            [
                scope,
                quarter,
                ("slide", (slide > 0).then(|| (slide + 1).to_string())),
            ],
        )
    }
}

/// The slide (from 0) a presentation's address names; the first when it names none or one that is no number.
pub fn slide_in(query: &str) -> usize {
    parse_query(query)
        .into_iter()
        .find(|(key, _)| key == "slide")
        .and_then(|(_, value)| value.parse::<usize>().ok())
        .map_or(0, |slide| slide.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basics::ids::CommitteeId;
    use crate::domain::basics::period::{FinancialYear, Frequency};

    #[test]
    fn a_view_reads_back_from_its_address() {
        let view = ReportView {
            scope: ScorecardScope::Committee(CommitteeId::new("com-ah").unwrap()),
            quarter: Period::new(
                Frequency::Quarterly,
                FinancialYear::starting(2026).unwrap(),
                2,
            ),
        };
        let href = view.href();
        assert_eq!(
            href,
            "/reports?scope=committee%3Acom-ah&quarter=2026%2F27%20Q2"
        );
        assert_eq!(
            ReportView::from_query(href.split_once('?').unwrap().1),
            view
        );
        assert_eq!(ReportView::default().href(), "/reports");
        assert_eq!(
            view.present_href(),
            "/reports/present?scope=committee%3Acom-ah&quarter=2026%2F27%20Q2"
        );
        let third = view.slide_href(2);
        assert_eq!(
            third,
            "/reports/present?scope=committee%3Acom-ah&quarter=2026%2F27%20Q2&slide=3"
        );
        assert_eq!(slide_in(third.split_once('?').unwrap().1), 2);
        assert_eq!(slide_in("slide=zero"), 0);
    }
}
