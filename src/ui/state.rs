//! The app's shared state: the session (the workspace and its restore point), whether it is saved, and what
//! start-up found. Changes are saved to local storage shortly after they happen; a change made in another
//! tab pauses saving so neither tab's work is overwritten.

use std::time::Duration;

use chrono::Utc;
use leptos::prelude::*;

use crate::demo::demo_workspace;
use crate::storage::import_error::ImportError;
use crate::storage::local::{self, Loaded, StorageError, WORKSPACE_KEY};
use crate::storage::session::Session;

/// How long after the last change the workspace is saved.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// Whether the latest changes are in local storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is saved.
    Saved,
    /// The workspace is saved, but the storage had no room for the copy kept to undo the last import, so
    /// undo works only until the page is closed.
    SavedWithoutUndo,
    /// A save is waiting for the changes to settle.
    Pending,
    /// Saving failed; the work is only on the page.
    Failed(StorageError),
    /// Another tab changed the workspace; saving is paused until the user chooses.
    PausedForOtherTab,
}

/// What start-up has to tell the user.
#[derive(Clone, Debug, PartialEq)]
pub enum StartupNotice {
    /// The saved workspace could not be read and was kept aside; the demo council is shown instead.
    Unreadable(ImportError),
    /// Local storage could not be read at all.
    StorageUnavailable(StorageError),
}

/// The state every page shares, provided as a context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The workspace and the restore point of the last import.
    pub session: RwSignal<Session>,
    /// Whether the latest changes are saved.
    pub save_status: RwSignal<SaveStatus>,
    /// What start-up found that the user needs to know.
    pub startup_notice: RwSignal<Option<StartupNotice>>,
    /// The text this tab last wrote, to tell its own writes from another tab's.
    last_written: StoredValue<Option<String>>,
}

impl AppState {
    /// Loads the saved workspace, or the demo council on a first visit or when the saved data is unreadable.
    pub fn load() -> Self {
        let demo = || Session::new(demo_workspace(Utc::now().date_naive()));
        let (session, notice) = match local::load() {
            Ok(Loaded::Workspace {
                restored,
                restore_point,
            }) => (
                Session::with_restore_point(restored.workspace, restore_point.map(|point| *point)),
                None,
            ),
            Ok(Loaded::Nothing) => (demo(), None),
            Ok(Loaded::Unreadable(error)) => (demo(), Some(StartupNotice::Unreadable(error))),
            Err(error) => (demo(), Some(StartupNotice::StorageUnavailable(error))),
        };
        Self {
            session: RwSignal::new(session),
            save_status: RwSignal::new(SaveStatus::Pending),
            startup_notice: RwSignal::new(notice),
            last_written: StoredValue::new(None),
        }
    }

    /// The council's name, for the header and page titles.
    pub fn council_name(&self) -> Signal<String> {
        let session = self.session;
        Signal::derive(move || session.with(|s| s.current().framework.council_name.clone()))
    }

    /// Saves now (the autosave calls this once changes settle). Does nothing once the app is gone.
    pub fn save_now(&self) {
        let result = self.session.try_with_untracked(|session| {
            local::save(
                session.current(),
                session.restore_point(),
                Utc::now(),
                env!("CARGO_PKG_VERSION"),
            )
        });
        match result {
            Some(Ok(saved)) => {
                self.last_written.set_value(Some(saved.text));
                self.save_status.set(if saved.restore_point_kept {
                    SaveStatus::Saved
                } else {
                    SaveStatus::SavedWithoutUndo
                });
            }
            Some(Err(error)) => self.save_status.set(SaveStatus::Failed(error)),
            None => {}
        }
    }

    /// Saves every change to the session shortly after it happens, unless another tab has taken over.
    pub fn start_autosave(self) {
        let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
        Effect::new(move |_| {
            self.session.track();
            if self.save_status.get_untracked() == SaveStatus::PausedForOtherTab {
                return;
            }
            self.save_status.set(SaveStatus::Pending);
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(move || self.save_now(), AUTOSAVE_DELAY).ok();
            pending.set_value(handle);
        });
        // A change made just before the page is left must not wait for the timer: save it as the page goes.
        let flush = move || {
            if self.save_status.try_get_untracked() == Some(SaveStatus::Pending) {
                self.save_now();
            }
        };
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                flush();
            }
        });
        on_cleanup(move || {
            on_hide.remove();
            on_hidden.remove();
            if let Some(handle) = pending.try_get_value().flatten() {
                handle.clear();
            }
        });
    }

    /// Notices when another tab writes the workspace, and pauses saving here.
    pub fn watch_other_tabs(self) {
        let handle =
            window_event_listener(leptos::ev::storage, move |event: web_sys::StorageEvent| {
                if event.key().as_deref() == Some(WORKSPACE_KEY)
                    && event.new_value() != self.last_written.get_value()
                {
                    self.save_status.set(SaveStatus::PausedForOtherTab);
                }
            });
        on_cleanup(move || handle.remove());
    }

    /// Keeps this tab's version, saving it over the other tab's.
    pub fn keep_this_version(&self) {
        self.save_now();
    }
}

/// The shared state; panics only if called outside the app (a programming error, not a user one).
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
