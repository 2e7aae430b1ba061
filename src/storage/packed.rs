//! The compact text the workspace is kept in local storage as: the compact JSON file, zlib-compressed, with
//! fifteen bits carried by each UTF-16 code unit.
//!
//! Browsers count local storage in UTF-16 code units (Chromium in bytes of UTF-16 for any text outside
//! Latin-1), about five million of them per site. Fifteen bits a unit uses 94% of each unit, where base64
//! would use 37%; the code units chosen (U+0800 to U+87FF) are ordinary characters, never surrogates, so
//! the text survives every browser's storage and Rust's `String` unchanged.
//!
//! ```text
//! pmf-z1:<compressed byte count>:<packed characters>
//! ```
//!
//! Text that does not start with the prefix is read as plain JSON, so storage written before packing, or
//! pasted in by hand, still loads. The zlib checksum catches any change to the packed text.

use std::borrow::Cow;

use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::decompress_to_vec_zlib_with_limit;

use super::import_error::ImportError;

/// What packed text starts with.
pub const PREFIX: &str = "pmf-z1:";
/// The first code unit used: each packed character is this plus fifteen bits.
const BASE: u32 = 0x0800;
/// Bits carried per packed character.
const BITS: u32 = 15;
/// zlib's compression level. On a 1,000-KPI workspace (`cargo bench --bench storage_size`) level 3 packs in
/// half the time of level 6 for 10% more space, and in 1.8 times level 1's time for 28% less space.
const LEVEL: u8 = 3;

/// Packs the text of a workspace file for storage.
pub fn pack(json: &str) -> String {
    let compressed = compress_to_vec_zlib(json.as_bytes(), LEVEL);
    let mut packed = String::with_capacity(PREFIX.len() + 12 + compressed.len() * 3 * 8 / 15);
    packed.push_str(PREFIX);
    packed.push_str(&compressed.len().to_string());
    packed.push(':');
    let (mut buffer, mut held) = (0u32, 0u32);
    for byte in compressed {
        buffer = (buffer << 8) | u32::from(byte);
        held += 8;
        if held >= BITS {
            held -= BITS;
            packed.push(unit((buffer >> held) & 0x7FFF));
            buffer &= (1 << held) - 1;
        }
    }
    if held > 0 {
        packed.push(unit(buffer << (BITS - held)));
    }
    packed
}

fn unit(bits: u32) -> char {
    char::from_u32(BASE + bits).expect("U+0800 to U+87FF are all characters")
}

/// The text of the workspace file held in stored `text`: unpacked if it is packed, as it is otherwise.
/// `limit` caps the unpacked size, so a damaged length cannot exhaust memory.
pub fn unpack(text: &str, limit: usize) -> Result<Cow<'_, [u8]>, ImportError> {
    let Some(rest) = text.strip_prefix(PREFIX) else {
        return Ok(Cow::Borrowed(text.as_bytes()));
    };
    let damaged = |what: &str| ImportError::NotAWorkspace {
        reason: format!("the stored workspace is damaged ({what})"),
    };
    let (length, characters) = rest
        .split_once(':')
        .ok_or_else(|| damaged("its length is missing"))?;
    if length.is_empty() || !length.bytes().all(|b| b.is_ascii_digit()) {
        return Err(damaged(&format!(
            "its length \"{length}\" is not a whole number"
        )));
    }
    // Compressed data is never much longer than the data itself (zlib adds a few bytes per 16 KB).
    let most = limit.saturating_add(limit / 100 + 1024);
    let length = match length
        .parse::<u64>()
        .ok()
        .and_then(|n| usize::try_from(n).ok())
    {
        Some(length) if length <= most => length,
        _ => {
            return Err(damaged(&format!(
                "its length, {length} bytes, is more than the largest workspace, {limit} bytes"
            )));
        }
    };
    let mut bytes = Vec::with_capacity(length.min(limit));
    let (mut buffer, mut held) = (0u32, 0u32);
    for character in characters.chars() {
        let bits = u32::from(character)
            .checked_sub(BASE)
            .filter(|bits| *bits <= 0x7FFF)
            .ok_or_else(|| damaged("it holds a character packing never writes"))?;
        buffer = (buffer << BITS) | bits;
        held += BITS;
        while held >= 8 && bytes.len() < length {
            held -= 8;
            bytes.push((buffer >> held) as u8);
            buffer &= (1 << held) - 1;
        }
    }
    if bytes.len() != length {
        return Err(damaged("it is shorter than its length says"));
    }
    decompress_to_vec_zlib_with_limit(&bytes, limit)
        .map(Cow::Owned)
        .map_err(|error| damaged(&format!("it does not decompress: {:?}", error.status)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_text_unpacks_to_the_original() {
        let json = r#"{"format":"council-pmf-workspace","schema_version":1}"#;
        let packed = pack(json);
        assert!(packed.starts_with(PREFIX));
        assert_eq!(unpack(&packed, 1 << 20).unwrap().as_ref(), json.as_bytes());
    }

    #[test]
    fn plain_json_is_read_as_it_is() {
        let json = r#"{"format":"council-pmf-workspace"}"#;
        assert!(matches!(unpack(json, 1 << 20).unwrap(), Cow::Borrowed(b) if b == json.as_bytes()));
    }

    #[test]
    fn packing_never_writes_a_surrogate_or_a_control_character() {
        let json: String = (0..5_000)
            .map(|i| char::from(b' ' + (i * 7 % 90) as u8))
            .collect();
        let packed = pack(&json);
        let body = &packed[packed.rfind(':').unwrap() + 1..];
        assert!(body.chars().all(|c| ('\u{0800}'..='\u{87FF}').contains(&c)));
    }

    #[test]
    fn repetitive_json_packs_into_far_fewer_code_units() {
        let json =
            r#"{"kpi":"skpi-cs-ehcp","period":"2024-04","value":61.5,"commentary":"On track."}"#
                .repeat(500);
        let units = pack(&json).encode_utf16().count();
        assert!(
            units * 20 < json.len(),
            "{units} code units for {} bytes",
            json.len()
        );
    }

    #[test]
    fn damage_is_reported_not_panicked_on() {
        let packed = pack(r#"{"format":"council-pmf-workspace","schema_version":1}"#);
        let cases = [
            (format!("{PREFIX}no length"), "its length is missing"),
            (
                format!("{PREFIX}x:abc"),
                "its length \"x\" is not a whole number",
            ),
            (
                format!("{PREFIX}18446744073709551615:abc"),
                "its length, 18446744073709551615 bytes, is more than the largest workspace, 1048576 bytes",
            ),
            (
                format!("{PREFIX}99999999999999999999999:abc"),
                "its length, 99999999999999999999999 bytes, is more than",
            ),
            (format!("{PREFIX}3:abc"), "a character packing never writes"),
            (
                format!("{PREFIX}900:\u{0800}"),
                "shorter than its length says",
            ),
        ];
        for (text, expected) in &cases {
            let error = unpack(text, 1 << 20).unwrap_err().to_string();
            assert!(error.contains(expected), "{error}");
        }
        let mut flipped: Vec<char> = packed.chars().collect();
        let last = flipped.len() - 2;
        flipped[last] = if flipped[last] == '\u{0800}' {
            '\u{0801}'
        } else {
            '\u{0800}'
        };
        let flipped: String = flipped.into_iter().collect();
        let error = unpack(&flipped, 1 << 20).unwrap_err().to_string();
        assert!(error.contains("does not decompress"), "{error}");
    }

    #[test]
    fn the_limit_caps_the_unpacked_size() {
        let packed = pack(&"x".repeat(10_000));
        let error = unpack(&packed, 1_000).unwrap_err().to_string();
        assert!(error.contains("does not decompress"), "{error}");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_survives_packing(text in ".{0,2000}") {
            let packed = pack(&text);
            let unpacked = unpack(&packed, 1 << 20).unwrap();
            prop_assert_eq!(unpacked.as_ref(), text.as_bytes());
        }
    }
}
