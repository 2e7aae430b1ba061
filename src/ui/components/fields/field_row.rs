//! The row every field sits in: the label, the hint, the problem with what was entered, then the control, which is
//! told which of these describe it.

use leptos::prelude::*;

/// What a control is told about the words around it.
pub struct Described {
    /// The ids of the hint and of the problem shown now, for `aria-describedby`.
    pub by: Signal<Option<String>>,
    /// `"true"` while there is a problem with what was entered, for `aria-invalid`.
    pub invalid: Signal<Option<&'static str>>,
}

/// The words around a control besides its label.
pub struct Around {
    /// The label, read with the control.
    pub label: TextProp,
    /// Seen only by screen readers (a control in a table row, whose row says what it is for).
    pub label_hidden: bool,
    /// A hint under the label.
    pub hint: Option<&'static str>,
    /// The problem with what was entered, if any.
    pub error: Option<Signal<Option<String>>>,
    /// The row's class.
    pub class: &'static str,
}

impl Around {
    /// A visible label, with the hint and the problem if given, in the usual field row.
    pub fn field(
        label: TextProp,
        hint: Option<&'static str>,
        error: Option<Signal<Option<String>>>,
    ) -> Self {
        Self {
            label,
            label_hidden: false,
            hint,
            error,
            class: "app-field",
        }
    }
}

/// The field row for the control with id `id`, drawn by `control`.
pub fn field_row(id: &str, around: Around, control: impl FnOnce(Described) -> AnyView) -> AnyView {
    let (row, described) = row_and_description(id, around);
    row(control(described))
}

/// The field row around a control yet to be drawn, and what the control is to be told.
fn row_and_description(id: &str, around: Around) -> (impl FnOnce(AnyView) -> AnyView, Described) {
    let Around {
        label,
        label_hidden,
        hint,
        error,
        class,
    } = around;
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let has_error = move || error.is_some_and(|e| e.with(Option::is_some));
    let by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        Signal::derive(move || {
            let ids: Vec<&str> = hint_id
                .as_deref()
                .into_iter()
                .chain(has_error().then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    };
    let invalid = Signal::derive(move || has_error().then_some("true"));
    let id = id.to_owned();
    let row = move |control: AnyView| {
        view! {
        <div class=class class:app-field--error=has_error>
            <label class="app-label" class:app-visually-hidden=label_hidden for=id>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="app-hint" id=hint_id>{hint}</p> })}
            {move || error.and_then(|e| e.get()).map(|problem| view! {
                <p class="app-field-error" id=error_id.clone()>
                    <span class="app-visually-hidden">"Error: "</span>{problem}
                </p>
            })}
            {control}
        </div>
        }
        .into_any()
    };
    (row, Described { by, invalid })
}

/// What makes one one-line input differ from another.
#[derive(Clone, Copy, Default)]
pub struct Input {
    /// The input's type: text, number or date.
    pub kind: &'static str,
    /// Its classes (its width).
    pub class: &'static str,
    /// The keyboard a phone or tablet shows.
    pub inputmode: Option<&'static str>,
    /// What the browser may fill it with.
    pub autocomplete: Option<&'static str>,
    /// The smallest and largest numbers, for a number input.
    pub range: (Option<u32>, Option<u32>),
}

/// The input with id `id` (also its test id) bound to `value`.
pub fn input(
    id: &'static str,
    input: Input,
    value: RwSignal<String>,
    described: Described,
) -> AnyView {
    let (min, max) = input.range;
    view! {
        <input id=id class=input.class type=input.kind inputmode=input.inputmode autocomplete=input.autocomplete
            min=min max=max data-testid=id aria-describedby=described.by aria-invalid=described.invalid
            prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e)) />
    }
    .into_any()
}
