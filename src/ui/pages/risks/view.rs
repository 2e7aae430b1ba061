//! What the risks page shows, as its address holds it: the filters, the matrix cell opened, and the risk
//! whose review is being recorded. Plain Rust, tested natively.

use crate::domain::basics::ids::{DirectorateId, RiskId};
use crate::domain::maths::rag::RagStatus;
use crate::domain::model::risk::RiskLevel;
use crate::domain::risks::register::RiskFilter;
use crate::ui::address::query::{address, parse_query};
use crate::ui::address::value_code::{code, decode};
use crate::ui::area::Area;

/// The page's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RiskView {
    /// The register filters, the matrix cell included.
    pub filter: RiskFilter,
    /// The risk whose review form is open.
    pub review: Option<RiskId>,
}

impl RiskView {
    /// Reads `?level=…&directorate=…&band=…&overdue=1&cell=4-3&review=…`; anything unreadable is ignored.
    pub fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        for (key, value) in parse_query(query) {
            let filter = &mut view.filter;
            match key.as_str() {
                "level" => filter.level = decode::<RiskLevel>(&value),
                "directorate" => filter.directorate = DirectorateId::try_from(value).ok(),
                "band" => filter.band = decode::<RagStatus>(&value),
                "overdue" => filter.overdue = value == "1",
                "cell" => {
                    filter.cell = value.split_once('-').and_then(|(l, i)| {
                        let (l, i): (u8, u8) = (l.parse().ok()?, i.parse().ok()?);
                        ((1..=5).contains(&l) && (1..=5).contains(&i)).then_some((l, i))
                    });
                }
                "review" => view.review = RiskId::try_from(value).ok(),
                _ => {}
            }
        }
        view
    }

    /// The address of this view.
    pub fn href(&self) -> String {
        let f = &self.filter;
        address(
            &Area::RisksAndActions.path(),
            [
                ("level", f.level.as_ref().and_then(code)),
                (
                    "directorate",
                    f.directorate.as_ref().map(ToString::to_string),
                ),
                ("band", f.band.as_ref().and_then(code)),
                ("overdue", f.overdue.then(|| "1".to_owned())),
                ("cell", f.cell.map(|(l, i)| format!("{l}-{i}"))),
                ("review", self.review.as_ref().map(ToString::to_string)),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_reads_back_from_its_address() {
        let view = RiskView {
            filter: RiskFilter {
                level: Some(RiskLevel::Directorate),
                directorate: Some(DirectorateId::new("dir-ahc").unwrap()),
                band: Some(RagStatus::Red),
                overdue: true,
                cell: Some((4, 3)),
            },
            review: Some(RiskId::new("risk-1").unwrap()),
        };
        let href = view.href();
        assert_eq!(RiskView::from_query(href.split_once('?').unwrap().1), view);
        assert_eq!(RiskView::default().href(), "/risks");
        let odd = RiskView::from_query("cell=9-1&level=nonsense&overdue=yes");
        assert_eq!(odd, RiskView::default());
    }
}
