//! The top-level areas of the app, in the order the navigation lists them; each is a [`Page`] of the
//! route list.

use crate::ui::routes::Page;

/// A top-level area of the app, reachable from the main navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    /// The landing page: the council's performance at a glance.
    Overview,
    /// Organisational, directorate and committee balanced scorecards.
    Scorecards,
    /// The golden thread from vision to individual objectives.
    GoldenThread,
    /// Risk registers, action plans, reviews and audits.
    RisksAndActions,
    /// Committee reports and presentation mode.
    Reports,
    /// Import, export and storage of the workspace.
    Data,
    /// Help, about and accessibility information.
    Help,
}

impl Area {
    /// Every area, in navigation order.
    pub const ALL: [Area; 7] = [
        Area::Overview,
        Area::Scorecards,
        Area::GoldenThread,
        Area::RisksAndActions,
        Area::Reports,
        Area::Data,
        Area::Help,
    ];

    /// The area's own page.
    pub const fn page(self) -> Page {
        match self {
            Area::Overview => Page::Overview,
            Area::Scorecards => Page::Scorecards,
            Area::GoldenThread => Page::GoldenThread,
            Area::RisksAndActions => Page::Risks,
            Area::Reports => Page::Reports,
            Area::Data => Page::Data,
            Area::Help => Page::Help,
        }
    }

    /// The absolute path of the area, as used in links.
    pub fn path(self) -> String {
        self.page().path()
    }

    /// The name shown in the navigation and as the page heading.
    pub const fn label(self) -> &'static str {
        match self {
            Area::Overview => "Overview",
            Area::Scorecards => "Scorecards",
            Area::GoldenThread => "Golden thread",
            Area::RisksAndActions => "Risks & actions",
            Area::Reports => "Reports",
            Area::Data => "Data",
            Area::Help => "Help & about",
        }
    }

    /// One sentence saying what the area is for, shown while it is being built.
    pub const fn purpose(self) -> &'static str {
        match self {
            Area::Overview => {
                "The council's performance at a glance: RAG counts for every ambition and directorate, \
                 the exceptions that need attention and what is due for review."
            }
            Area::Scorecards => {
                "Organisational, directorate and committee balanced scorecards with every column of the \
                 framework's scorecard, period by period, with trend charts for each KPI."
            }
            Area::GoldenThread => {
                "The golden thread from the vision and corporate ambitions through directorates, services \
                 and teams to individual objectives, with the contribution of every KPI."
            }
            Area::RisksAndActions => {
                "Risk registers at every level with their review cycles, action plans for red KPIs, \
                 quarterly KPI audits, validation sheets and the reporting calendar."
            }
            Area::Reports => {
                "Quarterly committee reports that print cleanly, a presentation mode for councillors and \
                 standalone files ready to publish."
            }
            Area::Data => {
                "Import a colleague's workspace file, export yours, load measurements from CSV and restore \
                 earlier versions. Your data stays in this browser."
            }
            Area::Help => "What this tool does, how your data is kept and how to get help.",
        }
    }

    /// The stable `data-testid` of the area's navigation link.
    pub fn nav_test_id(self) -> String {
        match self {
            Area::Overview => "nav-overview".to_owned(),
            other => format!("nav-{}", other.page().section()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Area;
    use std::collections::HashSet;

    #[test]
    fn every_area_has_a_distinct_path_label_and_test_id() {
        let paths: HashSet<_> = Area::ALL.iter().map(|a| a.path()).collect();
        let labels: HashSet<_> = Area::ALL.iter().map(|a| a.label()).collect();
        let ids: HashSet<_> = Area::ALL.iter().map(|a| a.nav_test_id()).collect();
        assert_eq!(paths.len(), Area::ALL.len());
        assert_eq!(labels.len(), Area::ALL.len());
        assert_eq!(ids.len(), Area::ALL.len());
    }

    #[test]
    fn only_the_overview_lives_at_the_root() {
        assert_eq!(Area::Overview.path(), "/");
        for area in Area::ALL.iter().filter(|a| **a != Area::Overview) {
            let slug = area.page().section();
            assert!(!slug.is_empty(), "{area:?} has an empty slug");
            assert!(
                slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{area:?} slug {slug:?} is not a lower-case URL segment"
            );
        }
    }

    #[test]
    fn every_area_explains_its_purpose_in_a_sentence() {
        for area in Area::ALL {
            assert!(area.purpose().ends_with('.'), "{area:?}");
        }
    }
}
