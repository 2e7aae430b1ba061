//! The workspace being worked on, with the restore point kept before an import so it can be undone exactly,
//! and who is at the keyboard: every edit, import and merge through a session is recorded in the workspace's
//! change history in their name ([`super::change_recorder`]).

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};

use super::change_recorder::{Attribution, record_changes};
use super::import_error::ImportError;
use super::merge::{Side, merge};
use crate::domain::model::change_record::ChangeWay;
use crate::domain::model::workspace::Workspace;

/// The current workspace and the one an import replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    current: Workspace,
    restore_point: Option<Workspace>,
    restore_point_id: u64,
    change_stamp: u64,
    author: String,
}

/// A number no earlier call in this run has given, so a saver can tell whether a session (or its restore
/// point) changed since it last wrote it without comparing workspaces.
fn fresh_stamp() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Session {
    /// A session on `workspace`, with nothing to undo.
    pub fn new(workspace: Workspace) -> Self {
        Self::with_restore_point(workspace, None)
    }

    /// A session restored as it was saved, restore point included.
    pub fn with_restore_point(workspace: Workspace, restore_point: Option<Workspace>) -> Self {
        Self {
            current: workspace,
            restore_point,
            restore_point_id: fresh_stamp(),
            change_stamp: fresh_stamp(),
            author: String::new(),
        }
    }

    /// Who is at the keyboard, by name: the changes made from now on are recorded in their name.
    pub fn set_author(&mut self, name: &str) {
        name.trim().clone_into(&mut self.author);
    }

    /// Who the changes are recorded as made by (empty when the person has not said).
    pub fn author(&self) -> &str {
        &self.author
    }

    /// The workspace being worked on.
    pub fn current(&self) -> &Workspace {
        &self.current
    }

    /// The workspace as it was before the last import, if there is one to go back to.
    pub fn restore_point(&self) -> Option<&Workspace> {
        self.restore_point.as_ref()
    }

    /// Which restore point this session holds: it changes whenever the restore point does (an import, an
    /// undo, a new session), and never otherwise.
    pub fn restore_point_id(&self) -> u64 {
        self.restore_point_id
    }

    /// Changes with every change to the session (an edit, an import, an undo): equal stamps mean nothing
    /// was changed in between.
    pub fn change_stamp(&self) -> u64 {
        self.change_stamp
    }

    /// Replaces the workspace with `incoming` (a whole file opened instead of it, with its own history),
    /// keeping the current one as the restore point. Nothing is recorded: the file's history comes with it.
    pub fn replace(&mut self, incoming: Workspace) {
        self.restore_point = Some(std::mem::replace(&mut self.current, incoming));
        self.restore_point_id = fresh_stamp();
        self.change_stamp = fresh_stamp();
    }

    /// Takes `updated`, the current workspace with a file's contents loaded into it (a spreadsheet, a CSV),
    /// recording each change as imported from `source`; the current workspace becomes the restore point.
    pub fn import(&mut self, mut updated: Workspace, source: &str, at: DateTime<Utc>) {
        let attribution =
            Attribution::edited(&self.author, at).from_file(ChangeWay::Imported, source);
        record_changes(&self.current, &mut updated, &attribution);
        self.replace(updated);
    }

    /// Merges `incoming` (the file `source`) in, resolving conflicts with `choose`: the two histories are
    /// joined, and what the merge changed is recorded as merged from `source`. The current workspace becomes
    /// the restore point. On failure nothing changes.
    pub fn merge(
        &mut self,
        incoming: &Workspace,
        source: &str,
        at: DateTime<Utc>,
        choose: impl Fn(&str, &str) -> Side,
    ) -> Result<(), ImportError> {
        let mut merged = merge(&self.current, incoming, choose)?;
        let attribution =
            Attribution::edited(&self.author, at).from_file(ChangeWay::Merged, source);
        record_changes(&self.current, &mut merged, &attribution);
        self.replace(merged);
        Ok(())
    }

    /// Goes back to the workspace before the last import. False when there is nothing to undo.
    pub fn undo_import(&mut self) -> bool {
        match self.restore_point.take() {
            Some(previous) => {
                self.current = previous;
                self.restore_point_id = fresh_stamp();
                self.change_stamp = fresh_stamp();
                true
            }
            None => false,
        }
    }

    /// Changes the current workspace in place (an edit, not an import: the restore point stays), recording
    /// what changed as edited here, now, by the author.
    pub fn edit<T>(&mut self, change: impl FnOnce(&mut Workspace) -> T) -> T {
        self.edit_at(Utc::now(), change)
    }

    /// [`Self::edit`], recorded as made at `at`.
    pub fn edit_at<T>(&mut self, at: DateTime<Utc>, change: impl FnOnce(&mut Workspace) -> T) -> T {
        let before = self.current.clone();
        let outcome = self.change_unrecorded(change);
        record_changes(
            &before,
            &mut self.current,
            &Attribution::edited(&self.author, at),
        );
        outcome
    }

    /// Changes the current workspace in place without recording anything: for taking up what another tab
    /// saved, whose changes that tab recorded.
    pub fn change_unrecorded<T>(&mut self, change: impl FnOnce(&mut Workspace) -> T) -> T {
        self.change_stamp = fresh_stamp();
        change(&mut self.current)
    }
}
