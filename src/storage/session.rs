//! The workspace being worked on, with the restore point kept before an import so it can be undone exactly.

use std::sync::atomic::{AtomicU64, Ordering};

use super::import_error::ImportError;
use super::merge::{Side, merge};
use crate::domain::model::workspace::Workspace;

/// The current workspace and the one an import replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    current: Workspace,
    restore_point: Option<Workspace>,
    restore_point_id: u64,
    change_stamp: u64,
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
        }
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

    /// Replaces the workspace with `incoming`, keeping the current one as the restore point.
    pub fn replace(&mut self, incoming: Workspace) {
        self.restore_point = Some(std::mem::replace(&mut self.current, incoming));
        self.restore_point_id = fresh_stamp();
        self.change_stamp = fresh_stamp();
    }

    /// Merges `incoming` in, resolving conflicts with `choose`; the current workspace becomes the restore
    /// point. On failure nothing changes.
    pub fn merge(
        &mut self,
        incoming: &Workspace,
        choose: impl Fn(&str, &str) -> Side,
    ) -> Result<(), ImportError> {
        let merged = merge(&self.current, incoming, choose)?;
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

    /// Changes the current workspace in place (an edit, not an import: the restore point stays).
    pub fn edit<T>(&mut self, change: impl FnOnce(&mut Workspace) -> T) -> T {
        self.change_stamp = fresh_stamp();
        change(&mut self.current)
    }
}
