//! The GOV.UK error summary: "There is a problem" above a form, then each problem as a link that moves focus
//! to the field it is about. Each field shows its own problem beside it too (`Around::error`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A message as a sentence: its first letter a capital. Messages start with an English letter, so only
/// ASCII is raised (`char::to_uppercase` would bring Unicode's case table, some KB, into the first download).
pub fn sentence(text: &str) -> String {
    let mut sentence = text.to_owned();
    if let Some(first) = sentence.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    sentence
}

/// Moves focus to the field with `id` (and so scrolls it into view).
fn focus_field(id: &str) {
    if let Some(field) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Focus fails only if the field has gone, and then there is nothing to move to.
        let _ = field.focus();
    }
}

/// The summary of `problems`, each the id of the field it is about and what to do; nothing while there are
/// none.
#[component]
pub fn ErrorSummary(
    test_id: &'static str,
    #[prop(into)] problems: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    view! {
        <Show when=move || problems.with(|p| !p.is_empty())>
            <div class="app-error-summary" role="alert" tabindex="-1" data-testid=test_id>
                <h3>"There is a problem"</h3>
                <ul>
                    {move || problems.get().into_iter().map(|(target, message)| view! {
                        <li><a href=format!("#{}", target.clone()) on:click=move |event| {
                            // The router would treat the link as a navigation: move focus to the field instead.
                            event.prevent_default();
                            focus_field(&target);
                        }>{sentence(&message)}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn a_message_starts_with_a_capital_and_a_start_that_is_not_a_letter_is_left_alone() {
        assert_eq!(sentence("enter your name"), "Enter your name");
        assert_eq!(
            sentence("\u{201c}9\u{201d} is not a number"),
            "\u{201c}9\u{201d} is not a number"
        );
        assert_eq!(sentence(""), "");
    }
}
