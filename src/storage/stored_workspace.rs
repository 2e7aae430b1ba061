//! The workspace in a store that several tabs share: loading it, and saving a tab's changes so that no
//! tab's edit is lost when another tab saves in between.
//!
//! Three keys hold it: the workspace (packed, see [`super::packed`]), the restore point an import keeps,
//! and a revision written last, after both, as the mark of a finished save. Each tab remembers the revision
//! and text it last read or wrote ([`TabCopy`]). A tab writes only when it has changes of its own; before
//! writing it reads the revision, and if another tab saved since, it merges that save with its own changes
//! against the text they both started from ([`super::three_way_merge`]). A save counts only once what was
//! written reads back the same. Unreadable data is kept aside under [`RECOVERY_KEY`], never written over.

use chrono::{DateTime, Utc};

use super::envelope::{MAX_FILE_BYTES, to_compact};
use super::import_error::{ImportError, Problem};
use super::packed::{pack, unpack};
use super::restore::{Restored, restore};
use super::session::Session;
use super::store::{KeyValueStore, StorageError};
use super::three_way_merge::{FieldConflict, merge_three_way};
use crate::domain::model::workspace::Workspace;

/// The workspace the app is working on.
pub const WORKSPACE_KEY: &str = "council-pmf.workspace";
/// The workspace as it was before the last import, for "Undo last import".
pub const RESTORE_POINT_KEY: &str = "council-pmf.restore-point";
/// The revision of the last finished save: `<number>:<nonce>`, written after the workspace.
pub const REVISION_KEY: &str = "council-pmf.revision";
/// Stored data that could not be read, kept aside for download. Never written over.
pub const RECOVERY_KEY: &str = "council-pmf.recovery";
/// Fields two tabs changed differently, as a JSON list, kept until the person chooses for each.
pub const CONFLICTS_KEY: &str = "council-pmf.conflicts";
/// Who is at the keyboard in this browser, by name: absent until they are asked, empty if they chose not to say.
pub const AUTHOR_KEY: &str = "council-pmf.who";

/// What was found in the store at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet: a first visit.
    Nothing,
    /// A saved workspace with, if an import can be undone, its restore point.
    Workspace(Box<Session>),
    /// Saved data that could not be read; it has been kept aside under [`RECOVERY_KEY`].
    Unreadable(ImportError),
}

/// What a tab last read from or wrote to the store: the base its own changes are made on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TabCopy {
    /// The revision this tab's workspace descends from (`None`: nothing stored, or stored before revisions).
    revision: Option<String>,
    /// The stored text of that revision, to merge against when another tab has saved since.
    text: Option<String>,
    /// The restore point last written or read ([`Session::restore_point_id`]).
    restore_point_id: Option<u64>,
    /// The session as last written or read ([`Session::change_stamp`]).
    change_stamp: Option<u64>,
    /// The last save had no room for the restore point: the next save tries to write it again.
    restore_point_missing: bool,
}

impl TabCopy {
    /// A tab that has read nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether `session` holds changes this tab has not saved.
    pub fn unsaved(&self, session: &Session) -> bool {
        self.change_stamp != Some(session.change_stamp())
            || self.restore_point_id != Some(session.restore_point_id())
    }

    /// This tab now holds exactly what `text` at `revision` holds.
    fn holds(revision: Option<String>, text: String, session: &Session) -> Self {
        Self {
            revision,
            text: Some(text),
            restore_point_id: Some(session.restore_point_id()),
            change_stamp: Some(session.change_stamp()),
            restore_point_missing: false,
        }
    }
}

/// Reads the saved workspace and notes in `copy` what was read. Unreadable data is copied to
/// [`RECOVERY_KEY`] (unless something is already kept there) before anything else happens, so no later
/// save can lose it.
pub fn load(store: &mut impl KeyValueStore, copy: &mut TabCopy) -> Result<Loaded, StorageError> {
    let revision = store.get(REVISION_KEY)?;
    let Some(text) = store.get(WORKSPACE_KEY)? else {
        copy.revision = revision;
        return Ok(Loaded::Nothing);
    };
    match restore_stored(&text) {
        Ok(restored) => {
            let session =
                Session::with_restore_point(restored.workspace, stored_restore_point(store)?);
            *copy = TabCopy::holds(revision, text, &session);
            Ok(Loaded::Workspace(Box::new(session)))
        }
        Err(error) => {
            if store.get(RECOVERY_KEY)?.is_none() {
                store.set(RECOVERY_KEY, &text)?;
            }
            store.remove(WORKSPACE_KEY)?;
            copy.revision = revision;
            Ok(Loaded::Unreadable(error))
        }
    }
}

/// The stored restore point, if there is one and it reads.
fn stored_restore_point(store: &impl KeyValueStore) -> Result<Option<Workspace>, StorageError> {
    Ok(store
        .get(RESTORE_POINT_KEY)?
        .and_then(|point| restore_stored(&point).ok())
        .map(|point| point.workspace))
}

/// Stored text through the one restore path, unpacked first (see [`super::packed`]).
fn restore_stored(text: &str) -> Result<Restored, ImportError> {
    restore(&unpack(text, MAX_FILE_BYTES)?)
}

/// What a [`sync`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum Synced {
    /// The store already held this tab's workspace.
    UpToDate,
    /// Another tab had saved and this tab had no changes of its own: the session is now that save.
    Adopted,
    /// This tab's changes are saved and read back; `merged_other_tab` when another tab's save was merged
    /// in first, with the fields both changed in `conflicts` (this tab's value kept).
    Saved {
        /// False when there was no room for the restore point, which was cleared rather than left stale:
        /// undo then works only while the page stays open.
        restore_point_kept: bool,
        /// Whether another tab's save was merged in.
        merged_other_tab: bool,
        /// The fields both tabs changed differently.
        conflicts: Vec<FieldConflict>,
    },
}

/// Why a [`sync`] saved nothing. The session keeps every change; the store is as it was, or holds a
/// complete earlier save.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncError {
    /// The store refused (full, unavailable, or what was written did not read back).
    Storage(StorageError),
    /// Another tab saved changes that cannot be merged with this tab's: the merge breaks these rules.
    CannotMerge(Vec<Problem>),
}

impl From<StorageError> for SyncError {
    fn from(error: StorageError) -> Self {
        SyncError::Storage(error)
    }
}

/// Brings the store and this tab's session together: adopts another tab's save when this tab has no
/// unsaved changes, merges it with this tab's changes when it has, and writes the result.
/// `nonce` makes the new revision unique to this save (any number that differs between saves and tabs).
pub fn sync(
    store: &mut impl KeyValueStore,
    copy: &mut TabCopy,
    session: &mut Session,
    now: DateTime<Utc>,
    app_version: &str,
    nonce: u64,
) -> Result<Synced, SyncError> {
    let stored_revision = store.get(REVISION_KEY)?;
    let has_own_changes = copy.unsaved(session);
    let mut merged_other_tab = false;
    let mut conflicts = Vec::new();
    if stored_revision != copy.revision
        && let Some(their_text) = store.get(WORKSPACE_KEY)?
    {
        let theirs = restore_stored(&their_text).map_err(|error| {
            SyncError::CannotMerge(vec![Problem::new(
                "the other tab's save",
                format!("cannot be read: {error}"),
            )])
        })?;
        if !has_own_changes {
            let author = session.author().to_owned();
            *session = Session::with_restore_point(theirs.workspace, stored_restore_point(store)?);
            session.set_author(&author);
            *copy = TabCopy::holds(stored_revision, their_text, session);
            return Ok(Synced::Adopted);
        }
        let base = match copy.text.as_deref().map(restore_stored) {
            Some(Ok(base)) => base.workspace,
            // Nothing read before (a first visit raced another tab's): every difference is a conflict.
            _ => Workspace::new(theirs.workspace.framework.clone()),
        };
        let merge = merge_three_way(&base, session.current(), &theirs.workspace)
            .map_err(SyncError::CannotMerge)?;
        session.change_unrecorded(|workspace| *workspace = merge.merged);
        conflicts = merge.conflicts;
        merged_other_tab = true;
        copy.revision = stored_revision.clone();
        copy.text = Some(their_text);
    } else if !has_own_changes {
        return Ok(Synced::UpToDate);
    }

    let text = pack(&to_compact(session.current(), now, app_version));
    store.set(WORKSPACE_KEY, &text)?;
    let restore_point_kept = if copy.restore_point_id == Some(session.restore_point_id())
        && !copy.restore_point_missing
    {
        true
    } else {
        write_restore_point(store, session.restore_point(), now, app_version)?
    };
    // Before the revision, so a save whose conflicts could not be kept is not finished and is tried again.
    if !conflicts.is_empty() {
        let mut kept = stored_conflicts(store);
        kept.retain(|old| {
            !conflicts
                .iter()
                .any(|new| (&new.list, &new.key, &new.field) == (&old.list, &old.key, &old.field))
        });
        kept.extend(conflicts.iter().cloned());
        set_conflicts(store, &kept)?;
    }
    let number = stored_revision
        .as_deref()
        .and_then(|revision| revision.split(':').next()?.parse::<u64>().ok())
        .unwrap_or(0);
    let revision = format!("{}:{nonce:x}", number.saturating_add(1));
    store.set(REVISION_KEY, &revision)?;
    if store.get(WORKSPACE_KEY)?.as_deref() != Some(text.as_str())
        || store.get(REVISION_KEY)?.as_deref() != Some(revision.as_str())
    {
        return Err(SyncError::Storage(StorageError::Failed(
            "what was written did not read back the same".to_owned(),
        )));
    }
    *copy = TabCopy::holds(Some(revision), text, session);
    copy.restore_point_missing = !restore_point_kept;
    Ok(Synced::Saved {
        restore_point_kept,
        merged_other_tab,
        conflicts,
    })
}

/// Marks the stored save as seen, so this tab's next [`sync`] writes its own version over it instead of
/// merging (the person chose this tab's version after a merge was refused).
pub fn take_over(store: &impl KeyValueStore, copy: &mut TabCopy) -> Result<(), StorageError> {
    copy.revision = store.get(REVISION_KEY)?;
    copy.change_stamp = None;
    Ok(())
}

/// The fields two tabs changed differently that nobody has chosen for yet (none if unreadable).
pub fn stored_conflicts(store: &impl KeyValueStore) -> Vec<FieldConflict> {
    store
        .get(CONFLICTS_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Replaces the stored conflicts (an empty list removes the key).
pub fn set_conflicts(
    store: &mut impl KeyValueStore,
    conflicts: &[FieldConflict],
) -> Result<(), StorageError> {
    if conflicts.is_empty() {
        return store.remove(CONFLICTS_KEY);
    }
    let text = serde_json::to_string(conflicts).expect("conflicts are plain JSON");
    store.set(CONFLICTS_KEY, &text)
}

/// Writes the restore point, or clears it when there is none. When the store has no room for it, it is
/// cleared rather than left stale, and the answer is false.
fn write_restore_point(
    store: &mut impl KeyValueStore,
    restore_point: Option<&Workspace>,
    now: DateTime<Utc>,
    app_version: &str,
) -> Result<bool, StorageError> {
    let Some(point) = restore_point else {
        store.remove(RESTORE_POINT_KEY)?;
        return Ok(true);
    };
    match store.set(
        RESTORE_POINT_KEY,
        &pack(&to_compact(point, now, app_version)),
    ) {
        Ok(()) => Ok(true),
        Err(StorageError::QuotaExceeded) => {
            store.remove(RESTORE_POINT_KEY)?;
            Ok(false)
        }
        Err(other) => Err(other),
    }
}

/// The data kept aside because it could not be read, if any.
pub fn recovery(store: &impl KeyValueStore) -> Result<Option<String>, StorageError> {
    store.get(RECOVERY_KEY)
}

/// Forgets the data kept aside (after the person has downloaded it).
pub fn discard_recovery(store: &mut impl KeyValueStore) -> Result<(), StorageError> {
    store.remove(RECOVERY_KEY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use crate::storage::store::MemoryStore;
    use chrono::NaiveDate;

    const VERSION: &str = "test";

    fn now() -> DateTime<Utc> {
        "2026-12-02T09:00:00Z".parse().unwrap()
    }

    fn demo() -> Workspace {
        demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 15).unwrap())
    }

    /// One tab: its session and what it last read or wrote.
    struct Tab {
        session: Session,
        copy: TabCopy,
        nonce: u64,
    }

    impl Tab {
        /// Opens a tab on `store` as the app does: what is stored, or the demo on a first visit.
        fn open(store: &mut MemoryStore) -> Self {
            let mut copy = TabCopy::new();
            let session = match load(store, &mut copy).unwrap() {
                Loaded::Workspace(session) => *session,
                Loaded::Nothing | Loaded::Unreadable(_) => Session::new(demo()),
            };
            Self {
                session,
                copy,
                nonce: 0,
            }
        }

        fn sync(&mut self, store: &mut MemoryStore) -> Result<Synced, SyncError> {
            self.nonce += 1;
            sync(
                store,
                &mut self.copy,
                &mut self.session,
                now(),
                VERSION,
                self.nonce,
            )
        }

        fn edit(&mut self, change: impl FnOnce(&mut Workspace)) {
            self.session.edit(change);
        }
    }

    fn stored(store: &MemoryStore) -> Workspace {
        restore_stored(&store.get(WORKSPACE_KEY).unwrap().unwrap())
            .unwrap()
            .workspace
    }

    /// Saved with the restore point kept and no conflict.
    fn saved(merged_other_tab: bool) -> Synced {
        Synced::Saved {
            restore_point_kept: true,
            merged_other_tab,
            conflicts: Vec::new(),
        }
    }

    /// A store with the demo saved by a first visit, as every scenario starts.
    fn store_with_demo() -> MemoryStore {
        let mut store = MemoryStore::new();
        let mut first = Tab::open(&mut store);
        assert_eq!(first.sync(&mut store), Ok(saved(false)));
        store
    }

    #[test]
    fn a_first_visit_saves_and_a_later_visit_writes_nothing_until_something_changes() {
        let mut store = store_with_demo();
        let revision = store.get(REVISION_KEY).unwrap();
        assert_eq!(revision.as_deref(), Some("1:1"), "first save, nonce 1");
        let mut tab = Tab::open(&mut store);
        assert_eq!(tab.sync(&mut store), Ok(Synced::UpToDate));
        assert_eq!(
            store.get(REVISION_KEY).unwrap(),
            revision,
            "no start-up rewrite"
        );
    }

    #[test]
    fn a_tab_without_changes_takes_up_another_tabs_save() {
        let mut store = store_with_demo();
        let mut a = Tab::open(&mut store);
        let mut b = Tab::open(&mut store);
        a.edit(|w| w.kpis[0].name = "Renamed in A".to_owned());
        assert_eq!(a.sync(&mut store), Ok(saved(false)));
        assert_eq!(b.sync(&mut store), Ok(Synced::Adopted));
        assert_eq!(b.session.current().kpis[0].name, "Renamed in A");
        // B wrote nothing back: the revision is still A's second save.
        assert_eq!(store.get(REVISION_KEY).unwrap().as_deref(), Some("2:1"));
    }

    #[test]
    fn two_tabs_editing_different_things_both_keep_their_edits() {
        let mut store = store_with_demo();
        let mut a = Tab::open(&mut store);
        let mut b = Tab::open(&mut store);
        a.edit(|w| w.kpis[0].name = "Renamed in A".to_owned());
        b.edit(|w| w.kpis[1].name = "Renamed in B".to_owned());
        a.sync(&mut store).unwrap();
        // B saves after A without having seen A's save: it merges.
        assert_eq!(b.sync(&mut store), Ok(saved(true)));
        a.sync(&mut store).unwrap();
        for workspace in [
            stored(&store),
            a.session.current().clone(),
            b.session.current().clone(),
        ] {
            assert_eq!(workspace.kpis[0].name, "Renamed in A");
            assert_eq!(workspace.kpis[1].name, "Renamed in B");
        }
        // Reloading either tab shows both edits.
        assert_eq!(
            Tab::open(&mut store).session.current().kpis[1].name,
            "Renamed in B"
        );
    }

    #[test]
    fn the_same_field_edited_in_two_tabs_keeps_the_later_save_and_reports_the_other_value() {
        let mut store = store_with_demo();
        let mut a = Tab::open(&mut store);
        let mut b = Tab::open(&mut store);
        a.edit(|w| w.kpis[0].name = "Name from A".to_owned());
        b.edit(|w| w.kpis[0].name = "Name from B".to_owned());
        a.sync(&mut store).unwrap();
        let Ok(Synced::Saved {
            conflicts,
            merged_other_tab: true,
            ..
        }) = b.sync(&mut store)
        else {
            panic!("B merges A's save");
        };
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].field, "name");
        assert_eq!(conflicts[0].kept, serde_json::json!("Name from B"));
        assert_eq!(conflicts[0].other, serde_json::json!("Name from A"));
        assert_eq!(stored(&store).kpis[0].name, "Name from B");
        // The conflict is kept in the store, so every tab (and a reload) shows it until someone chooses.
        assert_eq!(stored_conflicts(&store), conflicts);
        set_conflicts(&mut store, &[]).unwrap();
        assert_eq!(store.get(CONFLICTS_KEY).unwrap(), None);
    }

    #[test]
    fn taking_over_writes_this_tabs_version_over_the_other_tabs() {
        let mut store = store_with_demo();
        let mut a = Tab::open(&mut store);
        let mut b = Tab::open(&mut store);
        a.edit(|w| w.kpis[0].name = "From A".to_owned());
        a.sync(&mut store).unwrap();
        take_over(&store, &mut b.copy).unwrap();
        assert_eq!(b.sync(&mut store), Ok(saved(false)));
        assert_eq!(
            stored(&store).kpis[0].name,
            b.session.current().kpis[0].name
        );
        assert_ne!(stored(&store).kpis[0].name, "From A");
    }

    #[test]
    fn a_full_store_saves_nothing_keeps_the_edit_and_a_later_try_saves_it() {
        let mut store = store_with_demo();
        let before = store.get(WORKSPACE_KEY).unwrap();
        let mut tab = Tab::open(&mut store);
        store.set_capacity(Some(store.used()));
        tab.edit(|w| w.kpis[0].definition = "a much longer definition ".repeat(200));
        assert_eq!(
            tab.sync(&mut store),
            Err(SyncError::Storage(StorageError::QuotaExceeded))
        );
        assert_eq!(
            store.get(WORKSPACE_KEY).unwrap(),
            before,
            "the saved copy is untouched"
        );
        assert!(
            tab.session.current().kpis[0]
                .definition
                .starts_with("a much longer")
        );
        // Space is freed; the next try (with no further change) saves the edit.
        store.set_capacity(None);
        assert_eq!(tab.sync(&mut store), Ok(saved(false)));
        assert!(
            stored(&store).kpis[0]
                .definition
                .starts_with("a much longer")
        );
    }

    /// A store that says it wrote the workspace but keeps the old value, as a failing disk might.
    struct Forgetful(MemoryStore);

    impl KeyValueStore for Forgetful {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.0.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
            if key == WORKSPACE_KEY && self.0.get(key)?.is_some() {
                return Ok(());
            }
            self.0.set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), StorageError> {
            self.0.remove(key)
        }
    }

    #[test]
    fn a_save_that_does_not_read_back_is_not_called_saved() {
        let mut store = Forgetful(store_with_demo());
        let mut copy = TabCopy::new();
        let Loaded::Workspace(mut session) = load(&mut store, &mut copy).unwrap() else {
            panic!("the demo is stored");
        };
        session.edit(|w| w.kpis[0].name = "Lost by the store".to_owned());
        let result = sync(&mut store, &mut copy, &mut session, now(), VERSION, 7);
        assert_eq!(
            result,
            Err(SyncError::Storage(StorageError::Failed(
                "what was written did not read back the same".to_owned()
            )))
        );
    }

    #[test]
    fn unreadable_data_is_kept_aside_and_never_written_over() {
        let mut store = MemoryStore::new();
        store.set(WORKSPACE_KEY, "{\"format\": 1").unwrap();
        let mut tab = Tab::open(&mut store);
        assert_eq!(
            store.get(RECOVERY_KEY).unwrap().as_deref(),
            Some("{\"format\": 1")
        );
        tab.sync(&mut store).unwrap();
        store.set(WORKSPACE_KEY, "also broken").unwrap();
        Tab::open(&mut store);
        assert_eq!(
            recovery(&store).unwrap().as_deref(),
            Some("{\"format\": 1"),
            "the first data kept aside stays"
        );
    }

    #[test]
    fn with_no_room_for_the_restore_point_the_workspace_is_saved_and_the_stale_point_cleared() {
        let mut store = store_with_demo();
        let mut tab = Tab::open(&mut store);
        tab.session
            .replace(Workspace::new(tab.session.current().framework.clone()));
        // Room for the small new workspace and the revision, not for the demo as restore point.
        store.set_capacity(Some(store.used()));
        let result = tab.sync(&mut store);
        assert_eq!(
            result,
            Ok(Synced::Saved {
                restore_point_kept: false,
                merged_other_tab: false,
                conflicts: Vec::new()
            })
        );
        assert!(stored(&store).kpis.is_empty());
        assert_eq!(store.get(RESTORE_POINT_KEY).unwrap(), None);
        assert!(
            !tab.copy.unsaved(&tab.session),
            "the work is saved: only the undo copy is missing"
        );
        // Once there is room, the next save writes the undo copy too.
        store.set_capacity(None);
        tab.edit(|w| w.framework.vision = "A later edit".to_owned());
        assert_eq!(tab.sync(&mut store), Ok(saved(false)));
        assert!(store.get(RESTORE_POINT_KEY).unwrap().is_some());
    }

    #[test]
    fn an_import_in_one_tab_and_an_edit_in_another_that_cannot_merge_is_refused_not_lost() {
        let mut store = store_with_demo();
        let mut a = Tab::open(&mut store);
        let mut b = Tab::open(&mut store);
        // A starts with an empty workspace; B adds a value to a KPI that A no longer has.
        a.session
            .replace(Workspace::new(a.session.current().framework.clone()));
        a.sync(&mut store).unwrap();
        let kpi = b.session.current().kpis[0].id.clone();
        b.edit(|w| {
            let at = w.measurements.iter().position(|m| m.kpi == kpi).unwrap();
            w.measurements[at].commentary = "Added in B".to_owned();
        });
        let result = b.sync(&mut store);
        assert!(
            matches!(result, Err(SyncError::CannotMerge(_))),
            "{result:?}"
        );
        assert!(stored(&store).kpis.is_empty(), "A's save stays whole");
        assert!(
            b.session
                .current()
                .measurements
                .iter()
                .any(|m| m.commentary == "Added in B"),
            "B keeps its edit on the page"
        );
    }
}
