//! Where an add-or-change command writes in a list of named records (people, roles, committees): the record
//! being changed or a new one at the end, with its name not another record's and its id made once from it.

use crate::domain::basics::ids::fresh_id;

/// The record an add-or-change command writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A new record, added at the end.
    New,
    /// The record at this place in the list.
    At(usize),
}

/// The slot of the record with id `id` in `ids` (a new one when `id` is `None`), or the words for a record that
/// has gone since the form was shown ("This role is no longer …").
pub fn slot_of<'a>(
    mut ids: impl Iterator<Item = &'a str>,
    id: Option<&str>,
    what: &str,
) -> Result<Slot, String> {
    match id {
        None => Ok(Slot::New),
        Some(id) => ids
            .position(|each| each == id)
            .map(Slot::At)
            .ok_or_else(|| {
                format!(
                    "This {what} is no longer in the workspace (another tab may have changed it)."
                )
            }),
    }
}

/// Whether a record other than the one in `slot` is called `name` (without regard to case).
pub fn name_taken<'a>(names: impl Iterator<Item = &'a str>, slot: Slot, name: &str) -> bool {
    names
        .enumerate()
        .any(|(at, each)| slot != Slot::At(at) && each.eq_ignore_ascii_case(name))
}

/// A new id made from `name` after `prefix`, not among `taken`; `None` only if the name has no letter or digit.
pub fn new_id<'a, T: TryFrom<String>>(
    taken: impl Iterator<Item = &'a str>,
    prefix: &str,
    name: &str,
) -> Option<T> {
    let taken: Vec<&str> = taken.collect();
    fresh_id(prefix, name, &taken)
}

/// The records of `list` that the ids in `typed` name (as `id_of` gives each record's id), in the order typed;
/// and whether every typed id named one (a record removed since the form was shown does not).
pub fn known_ids<T, I: Clone + std::fmt::Display>(
    list: &[T],
    typed: &[String],
    id_of: impl Fn(&T) -> &I,
) -> (Vec<I>, bool) {
    let found: Vec<I> = typed
        .iter()
        .filter_map(|typed| {
            list.iter()
                .map(&id_of)
                .find(|id| id.to_string() == *typed)
                .cloned()
        })
        .collect();
    let all = found.len() == typed.len();
    (found, all)
}

/// The problem with a name that cannot make an id.
pub const NO_LETTER: &str = "The name needs a letter or a digit.";

/// Writes `record` into `list` at `slot`.
pub fn put<T>(list: &mut Vec<T>, slot: Slot, record: T) {
    match slot {
        Slot::At(at) => list[at] = record,
        Slot::New => list.push(record),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_found_new_or_gone_and_its_own_name_is_not_taken() {
        let ids = ["r-a", "r-b"];
        assert_eq!(
            slot_of(ids.into_iter(), Some("r-b"), "role"),
            Ok(Slot::At(1))
        );
        assert_eq!(slot_of(ids.into_iter(), None, "role"), Ok(Slot::New));
        assert_eq!(
            slot_of(ids.into_iter(), Some("r-c"), "role"),
            Err(
                "This role is no longer in the workspace (another tab may have changed it)."
                    .to_owned()
            )
        );
        let names = ["Lead", "Chair"];
        assert!(!name_taken(names.into_iter(), Slot::At(0), "LEAD"));
        assert!(name_taken(names.into_iter(), Slot::New, "lead"));
    }

    #[test]
    fn typed_ids_are_kept_in_order_when_they_name_a_record_and_a_gone_one_is_noticed() {
        let ids = ["k1".to_owned(), "k2".to_owned()];
        let typed = ["k2".to_owned(), "k-gone".to_owned(), "k1".to_owned()];
        assert_eq!(
            known_ids(&ids, &typed, |id| id),
            (vec!["k2".to_owned(), "k1".to_owned()], false)
        );
        assert_eq!(
            known_ids(&ids, &typed[2..], |id| id),
            (vec!["k1".to_owned()], true)
        );
    }
}
