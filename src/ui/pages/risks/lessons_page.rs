//! The lessons-learnt log (the Cambridgeshire PMF): every lesson, newest first, with what it concerns and whether it has
//! been shared with partners (and a way to mark it shared), and a form to add one or change one.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::actions::lesson_entry::{
    LessonDraft, LessonProblem, add_lesson, change_lesson, newest_first, set_shared,
};
use crate::domain::basics::ids::{KpiId, LessonId, RiskId};
use crate::storage::collection::Collection;
use crate::ui::address::served_path::link;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::components::data_table::{Column, DataTable, Row};
use crate::ui::components::fields::{PersonSelect, RecordedAs, Select, TextField};
use crate::ui::components::outcome_message::{Outcome, OutcomeMessage};
use crate::ui::pages::item_changes_path;
use crate::ui::state::use_app_state;

/// The page's title and heading.
const TITLE: &str = "Lessons learnt";

/// A lesson as the table shows it, owned.
#[derive(Clone, Debug, PartialEq)]
struct LessonLine {
    id: String,
    title: String,
    date: String,
    what_happened: String,
    learning: String,
    raised_by: String,
    concerns: String,
    shared: bool,
}

/// The lessons page.
#[component]
pub fn LessonsPage() -> impl IntoView {
    use_page_title(TITLE);
    let state = use_app_state();
    let lines = Memo::new(move |_| {
        state.session.with(|s| {
            let w = s.current();
            newest_first(w)
                .into_iter()
                .map(|l| {
                    let kpis = l
                        .kpis
                        .iter()
                        .filter_map(|k| w.kpi(k))
                        .map(|k| k.name.clone());
                    let risks = l
                        .risks
                        .iter()
                        .filter_map(|r| w.risks.iter().find(|x| &x.id == r))
                        .map(|r| format!("Risk: {}", r.title));
                    LessonLine {
                        id: l.id.to_string(),
                        title: l.title.clone(),
                        date: l.date.format("%-d %b %Y").to_string(),
                        what_happened: l.what_happened.clone(),
                        learning: l.learning.clone(),
                        raised_by: l.raised_by.clone(),
                        concerns: kpis.chain(risks).collect::<Vec<_>>().join("; "),
                        shared: l.shared_with_partners,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let kpis = Memo::new(move |_| {
        state.session.with(|s| {
            s.current()
                .kpis
                .iter()
                .filter(|k| k.status.is_live())
                .map(|k| (k.id.to_string(), k.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let risks = Memo::new(move |_| {
        state.session.with(|s| {
            s.current()
                .risks
                .iter()
                .filter(|r| r.closed.is_none())
                .map(|r| (r.id.to_string(), r.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let title = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let learning = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let kpi = RwSignal::new(String::new());
    let risk = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::None);
    // The lesson being changed; none while the form adds one.
    let changing = RwSignal::new(None::<LessonId>);
    let show = move |draft: LessonDraft| {
        title.set(draft.title);
        what.set(draft.what_happened);
        learning.set(draft.learning);
        by.set(draft.raised_by);
        kpi.set(draft.kpi.map(|k| k.to_string()).unwrap_or_default());
        risk.set(draft.risk.map(|r| r.to_string()).unwrap_or_default());
    };
    let change = move |id: String| {
        let Ok(id) = LessonId::try_from(id) else {
            return;
        };
        let draft = state.session.with_untracked(|s| {
            s.current()
                .lessons
                .iter()
                .find(|l| l.id == id)
                .map(LessonDraft::of)
        });
        if let Some(draft) = draft {
            show(draft);
            changing.set(Some(id));
            outcome.set(None);
        }
    };
    let stop_changing = move || {
        changing.set(None);
        show(LessonDraft::default());
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let draft = LessonDraft {
            title: title.get_untracked(),
            what_happened: what.get_untracked(),
            learning: learning.get_untracked(),
            raised_by: by.get_untracked(),
            kpi: KpiId::try_from(kpi.get_untracked()).ok(),
            risk: RiskId::try_from(risk.get_untracked()).ok(),
        };
        let today = Utc::now().date_naive();
        let editing = changing.get_untracked();
        let result = state.session.try_update(|s| {
            s.edit(|w| match &editing {
                Some(id) => change_lesson(w, id, &draft),
                None => add_lesson(w, &draft, today).map(|_| ()),
            })
        });
        outcome.set(result.map(|r| {
            match r {
                Ok(()) => {
                    let done = match editing {
                        Some(_) => format!("Changed: {}.", draft.title.trim()),
                        None => format!("Added to the log: {}.", draft.title.trim()),
                    };
                    stop_changing();
                    Ok(done)
                }
                Err(problems) => Err(problems
                    .iter()
                    .map(LessonProblem::to_string)
                    .collect::<Vec<_>>()
                    .join(" ")),
            }
        }));
    };
    let share = move |id: String, shared: bool| {
        if let Ok(id) = LessonId::try_from(id) {
            state.session.update(|s| {
                // The lesson was listed from this workspace a moment ago; if another tab removed it, nothing changes.
                let _ = s.edit(|w| set_shared(w, &id, shared));
            });
        }
    };
    let caption = move || {
        lines.with(|l| {
            format!(
                "The log: {} lessons, {} not yet shared with partners",
                l.len(),
                l.iter().filter(|x| !x.shared).count()
            )
        })
    };
    let columns = vec![
        Column::row_heading("Lesson"),
        Column::text("Recorded"),
        Column::text("What happened"),
        Column::text("What we learnt"),
        Column::text("Concerns"),
        Column::text("Shared with partners"),
    ];
    let row = move |l: LessonLine| {
        let id = l.id.clone();
        let changed_id = l.id.clone();
        let changes_of = l.id.clone();
        let title = l.title.clone();
        let sharing = view! {
            {if l.shared { "Yes" } else { "Not yet" }} " "
            <button type="button" class="app-link-button" data-testid="lesson-share"
                aria-label=format!("{}: {title}", if l.shared { "Undo sharing" } else { "Mark shared" })
                on:click=move |_| share(id.clone(), !l.shared)>
                {if l.shared { "Undo sharing" } else { "Mark shared" }}
            </button>
            " "
            <button type="button" class="app-link-button" data-testid="lesson-change"
                aria-label=format!("Change: {title}") on:click=move |_| change(changed_id.clone())>"Change"</button>
            " "
            <a href=link(&item_changes_path(Collection::Lessons.name(), &changes_of)) data-testid="lesson-changes"
                aria-label=format!("Its changes: {title}")>"Its changes"</a>
        };
        Row::new(vec![
            l.title.into_any(),
            view! { {l.date} <span class="app-scorecard__period">{l.raised_by}</span> }.into_any(),
            l.what_happened.into_any(),
            l.learning.into_any(),
            l.concerns.into_any(),
            sharing.into_any(),
        ])
        .test_id("lesson-row")
    };
    view! {
        <h1 data-testid="page-heading">{TITLE}</h1>
        <p class="app-lead">"What went well or badly, what was learnt, and whether it has been shared with partners to build a community of learning."</p>
        <form class="app-subform" on:submit=save novalidate data-testid="lesson-form">
            <h2>{move || if changing.get().is_some() { "Change a lesson" } else { "Add a lesson" }}</h2>
            <TextField id="lesson-title" label="Title" value=title />
            <TextField id="lesson-what" label="What happened" value=what />
            <TextField id="lesson-learning" label="What we learnt and will do differently" value=learning />
            <PersonSelect id="lesson-by" label="Raised by" none="Choose…" bind=by recorded=RecordedAs::Name />
            <Select id="lesson-kpi" label="The KPI it concerns (optional)" none="None" choices=kpis bind=kpi />
            <Select id="lesson-risk" label="The risk it concerns (optional)" none="None" choices=risks bind=risk />
            <button type="submit" class="app-button app-button--secondary" data-testid="lesson-add">
                {move || if changing.get().is_some() { "Save the lesson" } else { "Add to the log" }}
            </button>
            {move || changing.get().is_some().then(|| view! {
                " "
                <button type="button" class="app-button app-button--secondary" data-testid="lesson-change-cancel"
                    on:click=move |_| stop_changing()>"Stop changing it"</button>
            })}
            <OutcomeMessage outcome=outcome test_id="lesson-outcome" />
        </form>
        <DataTable test_id="lessons-table" caption=caption columns=columns rows=move || lines.get().into_iter().map(row).collect() />
    }
}
