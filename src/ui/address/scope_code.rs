//! A scorecard's scope as an address or a form writes it, shared by the scorecard and report pages.

use crate::domain::basics::ids::{CommitteeId, DirectorateId};
use crate::domain::scorecard::engine::ScorecardScope;
use crate::ui::address::value_code::decode;

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
