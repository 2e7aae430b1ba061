//! Every page's address in one place (as Elm's Route module): the router matches these paths and every
//! link is built from them, so an address is written once.

/// A page of the app with an address of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// `/`: the council's performance at a glance.
    Overview,
    /// `/scorecards`.
    Scorecards,
    /// `/scorecards/kpi/<id>`: one KPI (see [`kpi_path`]).
    Kpi,
    /// `/scorecards/kpi-edit/<id>`: the KPI editor (see [`kpi_edit_path`]).
    KpiEdit,
    /// `/scorecards/register`: the KPI register.
    Register,
    /// `/golden-thread`.
    GoldenThread,
    /// `/golden-thread/plan`: the plan on a page.
    Plan,
    /// `/golden-thread/structure`: managing the framework.
    Structure,
    /// `/golden-thread/settings`: the framework's settings and rules.
    Settings,
    /// `/golden-thread/people`: people, roles and committees.
    People,
    /// `/risks`.
    Risks,
    /// `/risks/calendar`: the reporting calendar.
    Calendar,
    /// `/risks/lessons`: lessons learnt.
    Lessons,
    /// `/risks/actions`: action plans.
    Actions,
    /// `/risks/audit`: the quarterly KPI audit.
    Audit,
    /// `/risks/validation`: validation sheets.
    Validation,
    /// `/risks/roles`: roles and responsibilities.
    Roles,
    /// `/reports`.
    Reports,
    /// `/reports/present`: presentation mode.
    Present,
    /// `/data`.
    Data,
    /// `/data/changes`: the change history of the whole workspace.
    ChangeLog,
    /// `/help`.
    Help,
    /// `/accessibility`: the accessibility statement.
    Accessibility,
}

impl Page {
    /// Every page.
    pub const ALL: [Page; 23] = [
        Page::Overview,
        Page::Scorecards,
        Page::Kpi,
        Page::KpiEdit,
        Page::Register,
        Page::GoldenThread,
        Page::Plan,
        Page::Structure,
        Page::Settings,
        Page::People,
        Page::Risks,
        Page::Calendar,
        Page::Lessons,
        Page::Actions,
        Page::Audit,
        Page::Validation,
        Page::Roles,
        Page::Reports,
        Page::Present,
        Page::Data,
        Page::ChangeLog,
        Page::Help,
        Page::Accessibility,
    ];

    /// The first segment of the path (empty for the overview at `/`).
    pub const fn section(self) -> &'static str {
        match self {
            Page::Overview => "",
            Page::Scorecards | Page::Kpi | Page::KpiEdit | Page::Register => "scorecards",
            Page::GoldenThread | Page::Plan | Page::Structure | Page::Settings | Page::People => {
                "golden-thread"
            }
            Page::Risks
            | Page::Calendar
            | Page::Lessons
            | Page::Actions
            | Page::Audit
            | Page::Validation
            | Page::Roles => "risks",
            Page::Reports | Page::Present => "reports",
            Page::Data | Page::ChangeLog => "data",
            Page::Help => "help",
            Page::Accessibility => "accessibility",
        }
    }

    /// The second segment, for a page below its section (empty for a section's own page). A KPI's page has
    /// its id after it, and so does its editor.
    pub const fn subpage(self) -> &'static str {
        match self {
            Page::Kpi => "kpi",
            Page::KpiEdit => "kpi-edit",
            Page::Register => "register",
            Page::Plan => "plan",
            Page::Structure => "structure",
            Page::Settings => "settings",
            Page::People => "people",
            Page::Calendar => "calendar",
            Page::Lessons => "lessons",
            Page::Actions => "actions",
            Page::Audit => "audit",
            Page::Validation => "validation",
            Page::Roles => "roles",
            Page::Present => "present",
            Page::ChangeLog => "changes",
            _ => "",
        }
    }

    /// The page's address within the site, as links use it: `/risks/calendar`. A KPI's page needs its id:
    /// [`kpi_path`].
    pub fn path(self) -> String {
        match self.subpage() {
            "" => format!("/{}", self.section()),
            subpage => format!("/{}/{subpage}", self.section()),
        }
    }
}

/// The address of the page of the KPI with id `id`.
pub fn kpi_path(id: &str) -> String {
    format!("{}/{}", Page::Kpi.path(), super::address::query::encode(id))
}

/// The address of the page of the KPI with id `id` as at `period` (its latest when `None`), as a scorecard
/// drawn up for a past period links to it.
pub fn kpi_path_at(id: &str, period: Option<crate::domain::basics::period::Period>) -> String {
    super::address::query::address(
        &kpi_path(id),
        [(
            "period",
            period.as_ref().and_then(super::address::value_code::code),
        )],
    )
}

/// The address of the editor of the KPI with id `id`.
pub fn kpi_edit_path(id: &str) -> String {
    format!(
        "{}/{}",
        Page::KpiEdit.path(),
        super::address::query::encode(id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_page_has_its_own_address_in_lower_case_segments() {
        let paths: HashSet<String> = Page::ALL.iter().map(|page| page.path()).collect();
        assert_eq!(paths.len(), Page::ALL.len());
        for page in Page::ALL {
            let path = page.path();
            assert!(
                path.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '/'),
                "{page:?}: {path}"
            );
        }
        assert_eq!(Page::Overview.path(), "/");
        assert_eq!(Page::Calendar.path(), "/risks/calendar");
        assert_eq!(Page::Accessibility.path(), "/accessibility");
    }

    #[test]
    fn a_kpi_address_encodes_its_id() {
        assert_eq!(
            kpi_path("skpi-ahc-assess"),
            "/scorecards/kpi/skpi-ahc-assess"
        );
        assert_eq!(kpi_path("a b/c"), "/scorecards/kpi/a%20b%2Fc");
        let june = crate::domain::basics::period::Period::parse("Jun 2026").ok();
        let at_june = kpi_path_at("k1", june);
        assert!(
            at_june.starts_with("/scorecards/kpi/k1?period="),
            "{at_june}"
        );
        let query = at_june.split_once('?').unwrap().1;
        let (_, code) = crate::ui::address::query::parse_query(query).remove(0);
        assert_eq!(crate::ui::address::value_code::decode(&code), june);
        assert_eq!(kpi_path_at("k1", None), "/scorecards/kpi/k1");
    }
}
