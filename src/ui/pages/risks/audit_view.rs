//! What the KPI audit page shows, as its address holds it: the audit opened and the KPI whose checks are
//! being recorded. Plain Rust, tested natively.

use crate::domain::basics::ids::{AuditId, KpiId};
use crate::ui::address::query::{address, parse_query};
use crate::ui::routes::Page;

/// The page's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditView {
    /// The audit opened.
    pub audit: Option<AuditId>,
    /// The KPI whose checks form is open.
    pub kpi: Option<KpiId>,
}

impl AuditView {
    /// Reads `?audit=…&kpi=…`; anything unreadable is ignored.
    pub fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        for (key, value) in parse_query(query) {
            match key.as_str() {
                "audit" => view.audit = AuditId::try_from(value).ok(),
                "kpi" => view.kpi = KpiId::try_from(value).ok(),
                _ => {}
            }
        }
        view
    }

    /// The address of this view.
    pub fn href(&self) -> String {
        address(
            &Page::Audit.path(),
            [
                ("audit", self.audit.as_ref().map(ToString::to_string)),
                ("kpi", self.kpi.as_ref().map(ToString::to_string)),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_reads_back_from_its_address() {
        let view = AuditView {
            audit: Some(AuditId::new("audit-2026-27-q1").unwrap()),
            kpi: Some(KpiId::new("kpi-1").unwrap()),
        };
        let href = view.href();
        assert_eq!(href, "/risks/audit?audit=audit-2026-27-q1&kpi=kpi-1");
        assert_eq!(AuditView::from_query(href.split_once('?').unwrap().1), view);
        assert_eq!(AuditView::default().href(), Page::Audit.path());
        assert_eq!(AuditView::from_query("audit=&x=1"), AuditView::default());
    }
}
