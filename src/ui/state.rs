//! The app's shared state: the session, whether it is saved, what start-up found, and the fields two tabs
//! changed differently. The save model itself is pure ([`crate::storage::stored_workspace`]); this module
//! wires it to the browser: it saves shortly after each change, hears other tabs' saves through the storage
//! event, takes the Web Lock so two tabs never save at the same moment, tries a failed save again, and
//! warns before the page closes with changes that could not be saved.

use std::time::Duration;

use chrono::Utc;
use leptos::prelude::*;

use crate::storage::import_error::{ImportError, Problem};
use crate::storage::local::BrowserStore;
use crate::storage::session::Session;
use crate::storage::store::KeyValueStore;
use crate::storage::store::StorageError;
use crate::storage::stored_workspace::{
    self, AUTHOR_KEY, CONFLICTS_KEY, Loaded, REVISION_KEY, SyncError, Synced, TabCopy,
    set_conflicts, stored_conflicts, take_over,
};
use crate::storage::three_way_merge::{FieldConflict, use_other};
use crate::ui::browser::web_lock::with_web_lock;
use crate::ui::demo_on_demand::demo_on_demand;

/// How long after the last change the workspace is saved.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);
/// How long after a failed save it is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(3);
/// The Web Lock every tab of the app takes to save.
const SAVE_LOCK: &str = "council-pmf.save";

/// Whether the latest changes are in local storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is saved and read back.
    Saved,
    /// The workspace is saved, but the storage had no room for the copy kept to undo the last import, so
    /// undo works only until the page is closed.
    SavedWithoutUndo,
    /// A save is waiting for the changes to settle.
    Pending,
    /// Saving failed; the work is only on the page, and saving is tried again.
    Failed(StorageError),
    /// Another tab saved changes that cannot be combined with this tab's; the person chooses.
    CannotMerge(Vec<Problem>),
}

impl SaveStatus {
    /// The words for the header's save indicator.
    pub fn label(&self) -> &'static str {
        match self {
            SaveStatus::Saved | SaveStatus::SavedWithoutUndo => "All changes saved",
            SaveStatus::Pending => "Saving…",
            SaveStatus::Failed(_) | SaveStatus::CannotMerge(_) => "Not saved",
        }
    }
}

/// What start-up has to tell the user.
#[derive(Clone, Debug, PartialEq)]
pub enum StartupNotice {
    /// The saved workspace could not be read and was kept aside; the demo council is shown instead.
    Unreadable(ImportError),
    /// Local storage could not be read at all.
    StorageUnavailable(StorageError),
}

/// A session on the demo council as it stands today.
async fn demo_session() -> Session {
    Session::new(demo_on_demand(Utc::now().date_naive()).await)
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
    /// Fields this tab and another changed differently, until the person chooses for each.
    pub conflicts: RwSignal<Vec<FieldConflict>>,
    /// Who is at the keyboard, by name: `None` until this browser has been asked, empty if they chose not
    /// to say. Every change is recorded in this name.
    pub author: RwSignal<Option<String>>,
    /// What this tab last read from or wrote to storage.
    copy: StoredValue<TabCopy>,
    /// The timer of the next save, if one is waiting.
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    /// Loads the saved workspace, or the demo council on a first visit or when the saved data is unreadable
    /// (its generator is fetched only then).
    pub async fn load() -> Self {
        let mut copy = TabCopy::new();
        let (mut session, notice) = match stored_workspace::load(&mut BrowserStore, &mut copy) {
            Ok(Loaded::Workspace(session)) => (*session, None),
            Ok(Loaded::Nothing) => (demo_session().await, None),
            Ok(Loaded::Unreadable(error)) => {
                (demo_session().await, Some(StartupNotice::Unreadable(error)))
            }
            Err(error) => (
                demo_session().await,
                Some(StartupNotice::StorageUnavailable(error)),
            ),
        };
        let author = stored_author();
        session.set_author(author.as_deref().unwrap_or_default());
        let status = if copy.unsaved(&session) {
            SaveStatus::Pending
        } else {
            SaveStatus::Saved
        };
        Self {
            session: RwSignal::new(session),
            save_status: RwSignal::new(status),
            startup_notice: RwSignal::new(notice),
            conflicts: RwSignal::new(stored_conflicts(&BrowserStore)),
            author: RwSignal::new(author),
            copy: StoredValue::new(copy),
            timer: StoredValue::new(None),
        }
    }

    /// The council's name, for the header and page titles.
    pub fn council_name(&self) -> Signal<String> {
        let session = self.session;
        Signal::derive(move || session.with(|s| s.current().framework.council_name.clone()))
    }

    /// Says who is at the keyboard (empty: they would rather not say), for this browser: every change from
    /// now on is recorded in their name. If the browser will not keep it, it holds for this page.
    pub fn set_author(&self, name: &str) {
        let name = name.trim().to_owned();
        let _ = BrowserStore.set(AUTHOR_KEY, &name);
        self.session.update_untracked(|s| s.set_author(&name));
        self.author.set(Some(name));
    }

    /// A form's "who you are" field, bound to who is at the keyboard: it starts as them, follows the header,
    /// and choosing someone else in it says that they are at the keyboard now (so an approver is always the
    /// person at the keyboard).
    pub fn author_field(&self) -> RwSignal<String> {
        let state = *self;
        let field = RwSignal::new(self.author.get_untracked().unwrap_or_default());
        Effect::new(move |_| {
            let name = state.author.get().unwrap_or_default();
            if field.get_untracked() != name {
                field.set(name);
            }
        });
        Effect::new(move |_| {
            let name = field.get();
            if !name.is_empty() && state.author.get_untracked().as_deref() != Some(name.as_str()) {
                state.set_author(&name);
            }
        });
        field
    }

    /// Whether the page holds changes that are not in storage.
    pub fn has_unsaved_changes(&self) -> bool {
        self.copy
            .try_with_value(|copy| self.session.with_untracked(|s| copy.unsaved(s)))
            .unwrap_or(false)
    }

    /// Saves this tab's changes now, merging any other tab's save first, and says how it went. Does
    /// nothing once the app is gone.
    pub fn save_now(&self) {
        let nonce = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        let result = self.copy.try_update_value(|copy| {
            self.session.try_update_untracked(|session| {
                stored_workspace::sync(
                    &mut BrowserStore,
                    copy,
                    session,
                    Utc::now(),
                    env!("CARGO_PKG_VERSION"),
                    nonce,
                )
            })
        });
        let Some(Some(result)) = result else {
            return;
        };
        match result {
            Ok(Synced::UpToDate) => {
                // Nothing was written, so a missing undo copy is still missing: only a waiting or failed
                // save turns into "saved".
                if !matches!(
                    self.save_status.get_untracked(),
                    SaveStatus::Saved | SaveStatus::SavedWithoutUndo
                ) {
                    self.settle(SaveStatus::Saved);
                }
            }
            Ok(Synced::Adopted) => {
                self.session.notify();
                self.conflicts.set(stored_conflicts(&BrowserStore));
                self.settle(SaveStatus::Saved);
            }
            Ok(Synced::Saved {
                restore_point_kept,
                merged_other_tab,
                conflicts,
            }) => {
                if merged_other_tab {
                    self.session.notify();
                }
                if !conflicts.is_empty() {
                    self.conflicts.set(stored_conflicts(&BrowserStore));
                }
                self.settle(if restore_point_kept {
                    SaveStatus::Saved
                } else {
                    SaveStatus::SavedWithoutUndo
                });
            }
            Err(SyncError::Storage(error)) => {
                self.save_status.set(SaveStatus::Failed(error));
                self.schedule_save(RETRY_DELAY);
            }
            Err(SyncError::CannotMerge(problems)) => {
                self.save_status.set(SaveStatus::CannotMerge(problems));
            }
        }
    }

    /// Shows `saved` unless the page has changed again since (then the next save will say).
    fn settle(&self, saved: SaveStatus) {
        if !self.has_unsaved_changes() {
            self.save_status.set(saved);
        }
    }

    /// Saves under the Web Lock every tab takes (or at once where the browser has no Web Locks).
    fn request_save(self) {
        with_web_lock(SAVE_LOCK, move || self.save_now());
    }

    /// Saves after `delay`, replacing any save already waiting.
    fn schedule_save(self, delay: Duration) {
        if let Some(handle) = self.timer.try_get_value().flatten() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                self.timer.try_set_value(None);
                self.request_save();
            },
            delay,
        )
        .ok();
        self.timer.try_set_value(handle);
    }

    /// Saves every change to the session shortly after it happens, and whatever is unsaved as the page goes.
    pub fn start_autosave(self) {
        Effect::new(move |_| {
            self.session.track();
            if !self.has_unsaved_changes()
                || matches!(self.save_status.get_untracked(), SaveStatus::CannotMerge(_))
            {
                return;
            }
            if !matches!(self.save_status.get_untracked(), SaveStatus::Failed(_)) {
                self.save_status.set(SaveStatus::Pending);
            }
            self.schedule_save(AUTOSAVE_DELAY);
        });
        // A change made just before the page is left must not wait for the timer: save it as the page goes,
        // without the lock (its callback would come too late), and warn if it still could not be saved.
        let flush = move || {
            if self.has_unsaved_changes()
                && !matches!(
                    self.save_status.try_get_untracked(),
                    Some(SaveStatus::CannotMerge(_))
                )
            {
                self.save_now();
            }
        };
        let on_before_unload = window_event_listener(leptos::ev::beforeunload, move |event| {
            flush();
            if self.has_unsaved_changes() {
                event.prevent_default();
                event.set_return_value("Your latest changes are not saved.");
            }
        });
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                flush();
            }
        });
        on_cleanup(move || {
            on_before_unload.remove();
            on_hide.remove();
            on_hidden.remove();
            if let Some(handle) = self.timer.try_get_value().flatten() {
                handle.clear();
            }
        });
    }

    /// Hears other tabs: their saves are merged in (or taken up, when this tab has no changes), their
    /// choices about conflicts are shown, and room they free lets a failed save here try again.
    pub fn watch_other_tabs(self) {
        let handle =
            window_event_listener(leptos::ev::storage, move |event: web_sys::StorageEvent| {
                match event.key().as_deref() {
                    Some(CONFLICTS_KEY) => self.conflicts.set(stored_conflicts(&BrowserStore)),
                    Some(AUTHOR_KEY) => {
                        if let Some(name) = stored_author() {
                            self.session.update_untracked(|s| s.set_author(&name));
                            self.author.set(Some(name));
                        }
                    }
                    Some(REVISION_KEY) | None => self.request_save(),
                    Some(_) => {
                        if matches!(self.save_status.get_untracked(), SaveStatus::Failed(_)) {
                            self.request_save();
                        }
                    }
                }
            });
        on_cleanup(move || handle.remove());
    }

    /// After a refused merge: drops this tab's unsaved changes and takes up the other tab's save.
    pub fn load_other_version(&self) {
        let mut copy = TabCopy::new();
        match stored_workspace::load(&mut BrowserStore, &mut copy) {
            Ok(Loaded::Workspace(mut session)) => {
                self.copy.set_value(copy);
                session.set_author(&self.author.get_untracked().unwrap_or_default());
                self.session.set(*session);
                self.save_status.set(SaveStatus::Saved);
            }
            Ok(Loaded::Nothing | Loaded::Unreadable(_)) => self.keep_this_version(),
            Err(error) => self.save_status.set(SaveStatus::Failed(error)),
        }
    }

    /// After a refused merge: saves this tab's version over the other tab's.
    pub fn keep_this_version(&self) {
        let taken = self
            .copy
            .try_update_value(|copy| take_over(&BrowserStore, copy));
        match taken {
            Some(Err(error)) => self.save_status.set(SaveStatus::Failed(error)),
            _ => self.save_now(),
        }
    }

    /// Resolves the conflict at `index` of [`Self::conflicts`]: the other tab's value, or the one kept.
    pub fn resolve_conflict(&self, index: usize, take_other: bool) {
        let Some(conflict) = self.conflicts.with_untracked(|all| all.get(index).cloned()) else {
            return;
        };
        if take_other {
            let changed = self
                .session
                .with_untracked(|s| use_other(s.current(), &conflict));
            match changed {
                // The other tab's value, which that tab recorded in the history when it was made.
                Ok(workspace) => self
                    .session
                    .update(|s| s.change_unrecorded(|w| *w = workspace)),
                Err(problems) => {
                    self.save_status.set(SaveStatus::CannotMerge(problems));
                    return;
                }
            }
        }
        let mut remaining = self.conflicts.get_untracked();
        remaining.remove(index);
        if let Err(error) = set_conflicts(&mut BrowserStore, &remaining) {
            self.save_status.set(SaveStatus::Failed(error));
        }
        self.conflicts.set(remaining);
    }
}

/// Who this browser said is at the keyboard, if it has been asked.
fn stored_author() -> Option<String> {
    BrowserStore.get(AUTHOR_KEY).ok().flatten()
}

/// The shared state; panics only if called outside the app (a programming error, not a user one).
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
