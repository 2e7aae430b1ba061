//! A form left open while another tab saved writes back only what was changed in it: each field typed differently
//! from what the form was filled with takes what was typed, every other field keeps what the record holds now.

/// Sets each named field of `merged` (a copy of what the record holds now) to `typed`'s where `typed` differs from
/// `loaded` (what the form was filled with).
macro_rules! take_changed {
    ($merged:ident, $typed:expr, $loaded:expr; $($field:ident),* $(,)?) => {$(
        if $typed.$field != $loaded.$field {
            $merged.$field = $typed.$field.clone();
        }
    )*};
}

pub(crate) use take_changed;
