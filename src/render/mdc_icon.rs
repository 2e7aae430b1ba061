//! The NHS "Making Data Count" icons, drawn without relying on colour: a circle holding a letter — H or L for a
//! special cause high or low, P, F or ? for a target consistently passed, consistently failed or hit and miss —
//! or, for common-cause variation, a level line of dots. The words always stand beside the icon. One definition
//! for the app and for reports exported as HTML.

use crate::domain::maths::spc::{AssuranceIcon, Side, VariationIcon};

/// How an icon is coloured (blue improvement, orange concern, purple neither, grey common cause or hit and
/// miss), as a class of `app-mdc`.
fn tone_of_variation(icon: VariationIcon) -> &'static str {
    match icon {
        VariationIcon::CommonCause => "common",
        VariationIcon::Improvement(_) => "improvement",
        VariationIcon::Concern(_) => "concern",
        VariationIcon::Neither(_) => "neither",
    }
}

fn tone_of_assurance(icon: AssuranceIcon) -> &'static str {
    match icon {
        AssuranceIcon::ConsistentlyPasses => "improvement",
        AssuranceIcon::ConsistentlyFails => "concern",
        AssuranceIcon::HitAndMiss => "common",
    }
}

/// A 20×20 circle holding `letter`.
fn lettered(letter: &str) -> String {
    format!(
        r#"<circle cx="10" cy="10" r="8.5" class="app-mdc__ring"/><text x="10" y="14.2" text-anchor="middle" class="app-mdc__letter">{letter}</text>"#
    )
}

/// The inner markup of the 20×20 variation icon.
pub fn variation_shapes(icon: VariationIcon) -> String {
    let side = |side: Side| match side {
        Side::High => "H",
        Side::Low => "L",
    };
    match icon {
        VariationIcon::CommonCause => r#"<circle cx="10" cy="10" r="8.5" class="app-mdc__ring"/><path d="M5 10h1.5M9.25 10h1.5M13.5 10H15" class="app-mdc__line"/>"#.to_owned(),
        VariationIcon::Improvement(s) | VariationIcon::Concern(s) | VariationIcon::Neither(s) => {
            lettered(side(s))
        }
    }
}

/// The inner markup of the 20×20 assurance icon.
pub fn assurance_shapes(icon: AssuranceIcon) -> String {
    lettered(match icon {
        AssuranceIcon::ConsistentlyPasses => "P",
        AssuranceIcon::ConsistentlyFails => "F",
        AssuranceIcon::HitAndMiss => "?",
    })
}

/// The class of a variation icon's badge.
pub fn variation_class(icon: VariationIcon) -> String {
    format!("app-mdc app-mdc--{}", tone_of_variation(icon))
}

/// The class of an assurance icon's badge.
pub fn assurance_class(icon: AssuranceIcon) -> String {
    format!("app-mdc app-mdc--{}", tone_of_assurance(icon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_icon_says_its_meaning_by_shape_not_colour_alone() {
        assert!(variation_shapes(VariationIcon::Improvement(Side::High)).contains(">H</text>"));
        assert!(variation_shapes(VariationIcon::Concern(Side::Low)).contains(">L</text>"));
        assert!(!variation_shapes(VariationIcon::CommonCause).contains("<text"));
        assert!(assurance_shapes(AssuranceIcon::ConsistentlyPasses).contains(">P</text>"));
        assert!(assurance_shapes(AssuranceIcon::ConsistentlyFails).contains(">F</text>"));
        assert!(assurance_shapes(AssuranceIcon::HitAndMiss).contains(">?</text>"));
        assert_eq!(
            variation_class(VariationIcon::Neither(Side::High)),
            "app-mdc app-mdc--neither"
        );
    }
}
