//! The keyboard model of a tree view (WAI-ARIA Authoring Practices, tree view pattern), as plain Rust: which
//! rows are visible given what is expanded, and what each key does. The component only applies the answer.

use std::collections::HashSet;

use crate::domain::thread::tree::ThreadTreeNode;

/// A row of the tree as it is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct VisibleRow {
    /// The node's key.
    pub key: String,
    /// Its name.
    pub name: String,
    /// Depth from 1 at the root (`aria-level`).
    pub level: usize,
    /// Its position among its siblings, from 1 (`aria-posinset`).
    pub position: usize,
    /// How many siblings it has, itself included (`aria-setsize`).
    pub siblings: usize,
    /// Whether it has children.
    pub has_children: bool,
    /// Whether its children are shown.
    pub expanded: bool,
    /// The row of its parent, if it has one.
    pub parent: Option<usize>,
}

/// The rows shown when the nodes in `expanded` are open, in reading order. When `only` is given, just those
/// nodes are shown (a search: the matches and their ancestors), all of them open.
pub fn visible_rows(
    tree: &ThreadTreeNode,
    expanded: &HashSet<String>,
    only: Option<&HashSet<String>>,
) -> Vec<VisibleRow> {
    let mut rows = Vec::new();
    push_rows(tree, 1, 1, 1, None, expanded, only, &mut rows);
    rows
}

#[allow(clippy::too_many_arguments)]
fn push_rows(
    node: &ThreadTreeNode,
    level: usize,
    position: usize,
    siblings: usize,
    parent: Option<usize>,
    expanded: &HashSet<String>,
    only: Option<&HashSet<String>>,
    rows: &mut Vec<VisibleRow>,
) {
    let children: Vec<&ThreadTreeNode> = node
        .children
        .iter()
        .filter(|c| only.is_none_or(|keys| keys.contains(&c.key)))
        .collect();
    let open = !children.is_empty() && (only.is_some() || expanded.contains(&node.key));
    let row = rows.len();
    rows.push(VisibleRow {
        key: node.key.clone(),
        name: node.name.clone(),
        level,
        position,
        siblings,
        has_children: !children.is_empty(),
        expanded: open,
        parent,
    });
    if open {
        let count = children.len();
        for (i, child) in children.into_iter().enumerate() {
            push_rows(
                child,
                level + 1,
                i + 1,
                count,
                Some(row),
                expanded,
                only,
                rows,
            );
        }
    }
}

/// A key the tree responds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeKey {
    /// Arrow down: the next row.
    Down,
    /// Arrow up: the previous row.
    Up,
    /// Arrow right: open a closed node, else go to its first child.
    Right,
    /// Arrow left: close an open node, else go to its parent.
    Left,
    /// Home: the first row.
    Home,
    /// End: the last row.
    End,
    /// `*`: open every sibling of the focused row.
    ExpandSiblings,
    /// A printable character: the next row whose name starts with it (type-ahead).
    Letter(char),
}

impl TreeKey {
    /// The tree key for a `KeyboardEvent.key` value, if the tree handles it.
    pub fn from_key(key: &str) -> Option<Self> {
        Some(match key {
            "ArrowDown" => TreeKey::Down,
            "ArrowUp" => TreeKey::Up,
            "ArrowRight" => TreeKey::Right,
            "ArrowLeft" => TreeKey::Left,
            "Home" => TreeKey::Home,
            "End" => TreeKey::End,
            "*" => TreeKey::ExpandSiblings,
            other => {
                let mut chars = other.chars();
                let letter = chars.next().filter(|c| c.is_alphanumeric())?;
                if chars.next().is_some() {
                    return None;
                }
                TreeKey::Letter(letter)
            }
        })
    }
}

/// What a key press does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeMove {
    /// Move the focus to the row with this key.
    Focus(String),
    /// Open these nodes (the focus stays).
    Expand(Vec<String>),
    /// Close this node (the focus stays).
    Collapse(String),
    /// Nothing to do.
    Stay,
}

/// What `key` does with the focus on row `at` of `rows`.
pub fn on_key(rows: &[VisibleRow], at: usize, key: TreeKey) -> TreeMove {
    let Some(row) = rows.get(at) else {
        return TreeMove::Stay;
    };
    let focus = |i: usize| TreeMove::Focus(rows[i].key.clone());
    match key {
        TreeKey::Down if at + 1 < rows.len() => focus(at + 1),
        TreeKey::Up if at > 0 => focus(at - 1),
        TreeKey::Home if at > 0 => focus(0),
        TreeKey::End if at + 1 < rows.len() => focus(rows.len() - 1),
        TreeKey::Right if row.has_children && !row.expanded => {
            TreeMove::Expand(vec![row.key.clone()])
        }
        TreeKey::Right if row.expanded => focus(at + 1),
        TreeKey::Left if row.expanded => TreeMove::Collapse(row.key.clone()),
        TreeKey::Left => row.parent.map_or(TreeMove::Stay, focus),
        TreeKey::ExpandSiblings => {
            let closed: Vec<String> = rows
                .iter()
                .filter(|r| r.parent == row.parent && r.has_children && !r.expanded)
                .map(|r| r.key.clone())
                .collect();
            if closed.is_empty() {
                TreeMove::Stay
            } else {
                TreeMove::Expand(closed)
            }
        }
        TreeKey::Letter(letter) => {
            let wanted: String = letter.to_lowercase().collect();
            (1..rows.len())
                .map(|step| (at + step) % rows.len())
                .find(|&i| rows[i].name.to_lowercase().starts_with(&wanted))
                .map_or(TreeMove::Stay, focus)
        }
        _ => TreeMove::Stay,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::thread::tree::tests::hand_drawn;
    use crate::domain::thread::tree::thread_tree;

    fn keys(rows: &[VisibleRow]) -> Vec<&str> {
        rows.iter().map(|r| r.key.as_str()).collect()
    }

    #[test]
    fn only_open_nodes_show_their_children() {
        let tree = thread_tree(&hand_drawn());
        let closed = visible_rows(&tree, &HashSet::new(), None);
        assert_eq!(keys(&closed), ["vision"]);
        assert!(closed[0].has_children && !closed[0].expanded);
        let open = HashSet::from(["vision".to_owned()]);
        let rows = visible_rows(&tree, &open, None);
        assert_eq!(
            keys(&rows),
            ["vision", "vision/ambition-a1", "vision/ambition-a2"]
        );
        assert_eq!(
            (rows[2].level, rows[2].position, rows[2].siblings),
            (2, 2, 2)
        );
        assert_eq!(rows[2].parent, Some(0));
    }

    #[test]
    fn a_search_shows_just_the_matches_and_their_ancestors_all_open() {
        let tree = thread_tree(&hand_drawn());
        let only: HashSet<String> = [
            "vision",
            "vision/ambition-a2",
            "vision/ambition-a2/directorate-d2",
        ]
        .map(str::to_owned)
        .into();
        let rows = visible_rows(&tree, &HashSet::new(), Some(&only));
        assert_eq!(
            keys(&rows),
            [
                "vision",
                "vision/ambition-a2",
                "vision/ambition-a2/directorate-d2"
            ]
        );
        assert!(rows[1].expanded);
        assert_eq!(rows[1].siblings, 1);
    }

    #[test]
    fn arrows_home_and_end_move_through_the_visible_rows() {
        let tree = thread_tree(&hand_drawn());
        let open = HashSet::from(["vision".to_owned()]);
        let rows = visible_rows(&tree, &open, None);
        assert_eq!(
            on_key(&rows, 0, TreeKey::Down),
            TreeMove::Focus(rows[1].key.clone())
        );
        assert_eq!(
            on_key(&rows, 1, TreeKey::Up),
            TreeMove::Focus("vision".into())
        );
        assert_eq!(on_key(&rows, 0, TreeKey::Up), TreeMove::Stay);
        assert_eq!(
            on_key(&rows, 0, TreeKey::End),
            TreeMove::Focus(rows[2].key.clone())
        );
        assert_eq!(
            on_key(&rows, 2, TreeKey::Home),
            TreeMove::Focus("vision".into())
        );
        assert_eq!(on_key(&rows, 2, TreeKey::Down), TreeMove::Stay);
    }

    #[test]
    fn right_opens_then_enters_and_left_closes_then_climbs() {
        let tree = thread_tree(&hand_drawn());
        let open = HashSet::from(["vision".to_owned()]);
        let rows = visible_rows(&tree, &open, None);
        assert_eq!(
            on_key(&rows, 1, TreeKey::Right),
            TreeMove::Expand(vec!["vision/ambition-a1".into()])
        );
        assert_eq!(
            on_key(&rows, 0, TreeKey::Right),
            TreeMove::Focus(rows[1].key.clone())
        );
        assert_eq!(
            on_key(&rows, 0, TreeKey::Left),
            TreeMove::Collapse("vision".into())
        );
        assert_eq!(
            on_key(&rows, 1, TreeKey::Left),
            TreeMove::Focus("vision".into())
        );
    }

    #[test]
    fn star_opens_every_sibling_and_letters_jump_by_name() {
        let tree = thread_tree(&hand_drawn());
        let open = HashSet::from(["vision".to_owned()]);
        let rows = visible_rows(&tree, &open, None);
        assert_eq!(
            on_key(&rows, 1, TreeKey::ExpandSiblings),
            TreeMove::Expand(vec![
                "vision/ambition-a1".into(),
                "vision/ambition-a2".into()
            ])
        );
        assert_eq!(
            on_key(&rows, 1, TreeKey::Letter('A')),
            TreeMove::Focus("vision/ambition-a2".into()),
            "the next match after the focus, wrapping"
        );
        assert_eq!(on_key(&rows, 1, TreeKey::Letter('q')), TreeMove::Stay);
        assert_eq!(TreeKey::from_key("a"), Some(TreeKey::Letter('a')));
        assert_eq!(TreeKey::from_key("Tab"), None);
        assert_eq!(TreeKey::from_key("ArrowLeft"), Some(TreeKey::Left));
    }
}
