//! The NHS "Making Data Count" icons, drawn without relying on colour: a circle holding a letter — H or L for a
//! special cause high or low, P, F or ? for a target consistently passed, consistently failed or hit and miss —
//! or, for common-cause variation, a level line of dots. The words always stand beside the icon. One definition
//! for the app and for reports exported as HTML.

use crate::domain::kpi::mdc_icons::MdcIcons;
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

/// A badge as HTML: the icon and its words.
fn badge(class: String, shapes: String, escaped_label: &str) -> String {
    format!(
        r#"<span class="{class}"><svg class="app-mdc__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">{shapes}</svg> <span class="app-mdc__label">{escaped_label}</span></span>"#
    )
}

/// Both icons as HTML, each with its few words (which hold no markup), for reports.
pub fn mdc_html(icons: MdcIcons) -> String {
    let variation = badge(
        variation_class(icons.variation),
        variation_shapes(icons.variation),
        &icons.variation.short_label(),
    );
    let assurance = icons.assurance.map_or_else(String::new, |a| {
        badge(assurance_class(a), assurance_shapes(a), a.short_label())
    });
    format!("{variation}{assurance}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reports_cell_holds_both_icons_with_their_words() {
        let html = mdc_html(MdcIcons {
            variation: VariationIcon::Concern(Side::Low),
            assurance: Some(AssuranceIcon::HitAndMiss),
        });
        assert!(
            html.contains(r#"<span class="app-mdc__label">Concerning (low)</span>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<span class="app-mdc__label">Hit and miss</span>"#),
            "{html}"
        );
        assert_eq!(html.matches("<svg").count(), 2);
    }

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
