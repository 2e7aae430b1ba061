//! "Who are you?" in the header: the person at the keyboard, whose name goes on every change recorded in
//! the history and on every sign-off. Asked once per browser (open until answered or put off), shown in the
//! header, changed at any time. Attribution, not security: the help page says so.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::ui::components::fields::{PersonSelect, RecordedAs, TextField};
use crate::ui::state::use_app_state;

/// The header's "Who are you?" disclosure (`who-am-i`).
#[component]
pub fn WhoAmI() -> impl IntoView {
    let state = use_app_state();
    let never_asked = move || state.author.with(Option::is_none);
    let open = RwSignal::new(never_asked());
    let chosen = RwSignal::new(state.author.get_untracked().unwrap_or_default());
    let typed = RwSignal::new(String::new());
    let summary = move || match state.author.get() {
        Some(name) if !name.is_empty() => format!("You: {name}"),
        _ => "Who are you?".to_owned(),
    };
    let save = move |event: SubmitEvent| {
        event.prevent_default();
        let name = typed.get_untracked();
        let name = if name.trim().is_empty() {
            chosen.get_untracked()
        } else {
            name
        };
        state.set_author(&name);
        chosen.set(name.trim().to_owned());
        typed.set(String::new());
        open.set(false);
    };
    let later = move |_| {
        state.set_author("");
        open.set(false);
    };
    view! {
        <details class="who-am-i" data-testid="who-am-i" prop:open=open
            on:toggle=move |event| open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
            <summary class="who-am-i__summary" data-testid="who-am-i-summary">{summary}</summary>
            <form class="who-am-i__form" on:submit=save novalidate>
                <p class="app-hint">
                    "Your name goes on every change you make in this browser and on every sign-off, so anyone can \
                     see who entered or changed a figure. It is not a password: anyone using this browser can change it."
                </p>
                <PersonSelect id="who-am-i-person" label="Choose yourself" none="I am not in the list"
                    bind=chosen recorded=RecordedAs::Name />
                <TextField id="who-am-i-name" label="Or type your name" value=typed autocomplete="name" />
                <div class="app-button-group">
                    <button type="submit" class="app-button" data-testid="who-am-i-save">"Save"</button>
                    <Show when=never_asked>
                        <button type="button" class="app-button app-button--secondary"
                            data-testid="who-am-i-later" on:click=later>"Not now"</button>
                    </Show>
                </div>
            </form>
        </details>
    }
}
