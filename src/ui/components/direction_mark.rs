//! Which way a KPI moved and whether that is good: an arrow for the movement, a word for the judgement, so
//! the meaning never rests on the arrow or its colour ("Up, improving" reads right for a KPI where lower is
//! worse, "Up, worsening" where higher is worse).

use leptos::prelude::*;

use crate::domain::maths::trend::{Direction, Movement};

/// A movement, its judgement and the words that go with it.
#[derive(Clone, Debug, PartialEq)]
pub struct MovementText {
    /// Up, down or flat.
    pub movement: Movement,
    /// Improving, worsening or no change.
    pub direction: Direction,
    /// Detail in words ("+2.1%", "over 6 periods").
    pub detail: String,
}

/// A movement with its words, or "Not enough data" when there is none to show.
#[component]
pub fn MovementOrNone(movement: Option<MovementText>) -> impl IntoView {
    match movement {
        Some(m) => {
            view! { <DirectionMark movement=m.movement direction=m.direction detail=m.detail /> }
                .into_any()
        }
        None => view! { <span class="app-muted">"Not enough data"</span> }.into_any(),
    }
}

/// An arrow and the words for a movement and its direction.
#[component]
pub fn DirectionMark(
    movement: Movement,
    direction: Direction,
    #[prop(optional, into)] detail: String,
) -> impl IntoView {
    let arrow = match movement {
        Movement::Up => "↑",
        Movement::Down => "↓",
        Movement::Flat => "→",
    };
    let class = match direction {
        Direction::Improving => "app-direction app-direction--improving",
        Direction::Worsening => "app-direction app-direction--worsening",
        Direction::Stable => "app-direction app-direction--stable",
    };
    view! {
        <span class=class data-testid="direction">
            <span class="app-direction__arrow" aria-hidden="true">{arrow}</span>
            " "
            <span>{direction.label()}</span>
            {(!detail.is_empty()).then(|| view! { <span class="app-direction__detail">" (" {detail} ")"</span> })}
        </span>
    }
}
