//! The Unicode-only stand-in for encoding_rs (patches/encoding_rs_unicode) that the workbook reader's XML parser
//! decodes through: text streamed in pieces of any size, into room of any size, comes out as the standard
//! library reads it; anything malformed is refused, never misread; the legacy encodings are named and refused.
#![cfg(not(target_arch = "wasm32"))]

use encoding_rs::{DecoderResult, Encoding, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use proptest::prelude::*;

/// Decodes `bytes` as quick-xml's reader does: given `piece` bytes at a time, into room of `room` bytes,
/// until the end. `None` if the decoder finds anything malformed.
fn streamed(
    encoding: &'static Encoding,
    bytes: &[u8],
    piece: usize,
    room: usize,
) -> Option<String> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = Vec::new();
    let mut out = vec![0; room];
    let mut at = 0;
    loop {
        let end = (at + piece).min(bytes.len());
        let last = end == bytes.len();
        let (result, read, written) =
            decoder.decode_to_utf8_without_replacement(&bytes[at..end], &mut out, last);
        text.extend_from_slice(&out[..written]);
        at += read;
        match result {
            DecoderResult::Malformed(_, _) => return None,
            DecoderResult::InputEmpty if last => return String::from_utf8(text).ok(),
            DecoderResult::InputEmpty | DecoderResult::OutputFull => {}
        }
    }
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|unit| {
            if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            }
        })
        .collect()
}

proptest! {
    #[test]
    fn utf8_streamed_in_any_pieces_into_any_room_is_the_text(text in "\\PC{0,40}", piece in 1usize..9, room in 4usize..12) {
        prop_assert_eq!(streamed(UTF_8, text.as_bytes(), piece, room), Some(text));
    }

    #[test]
    fn utf16_either_way_streamed_in_any_pieces_is_the_text(text in "\\PC{0,40}", piece in 1usize..9, room in 4usize..12) {
        prop_assert_eq!(streamed(UTF_16LE, &utf16(&text, false), piece, room), Some(text.clone()));
        prop_assert_eq!(streamed(UTF_16BE, &utf16(&text, true), piece, room), Some(text));
    }

    #[test]
    fn any_bytes_are_refused_as_utf8_exactly_when_the_standard_library_refuses_them(bytes in proptest::collection::vec(any::<u8>(), 0..24), piece in 1usize..6) {
        let expected = std::str::from_utf8(&bytes).ok().map(str::to_owned);
        prop_assert_eq!(streamed(UTF_8, &bytes, piece, 8), expected.clone());
        prop_assert_eq!(UTF_8.decode_without_bom_handling_and_without_replacement(&bytes).map(|t| t.into_owned()), expected);
    }
}

#[test]
fn an_unpaired_surrogate_or_a_lone_last_byte_is_refused() {
    // D800 alone, then "A": a high surrogate with no low one.
    assert_eq!(streamed(UTF_16LE, &[0x00, 0xD8, 0x41, 0x00], 3, 8), None);
    // "A" and half a code unit.
    assert_eq!(streamed(UTF_16LE, &[0x41, 0x00, 0x42], 1, 8), None);
}

#[test]
fn windows_1252_reads_the_euro_and_accents_older_excel_wrote() {
    // 0x80 is the euro sign in windows-1252; 0xE9 is é as in ISO-8859-1.
    let bytes = b"caf\xe9 \x80 5";
    assert_eq!(
        streamed(WINDOWS_1252, bytes, 2, 4).as_deref(),
        Some("café € 5")
    );
    assert_eq!(WINDOWS_1252.decode(bytes).0, "café € 5");
}

#[test]
fn labels_find_their_encodings_and_a_legacy_one_is_refused_not_misread() {
    assert_eq!(Encoding::for_label(b" UTF-8 "), Some(UTF_8));
    assert_eq!(Encoding::for_label(b"iso-8859-1"), Some(WINDOWS_1252));
    assert_eq!(Encoding::for_label(b"utf-16"), Some(UTF_16LE));
    assert_eq!(Encoding::for_label(b"no-such-thing"), None);
    let shift_jis = Encoding::for_label(b"shift_jis").unwrap();
    assert_eq!(shift_jis, SHIFT_JIS);
    assert_eq!(
        shift_jis.decode_without_bom_handling_and_without_replacement(b"abc"),
        None
    );
    assert_eq!(streamed(shift_jis, b"abc", 2, 8), None);
}

#[test]
fn a_byte_order_mark_chooses_the_encoding_when_asked() {
    assert_eq!(
        Encoding::for_bom(&[0xFF, 0xFE, 0x41, 0x00]),
        Some((UTF_16LE, 2))
    );
    let (text, encoding, malformed) = UTF_8.decode(&[0xFE, 0xFF, 0x00, 0x41]);
    assert_eq!((text.as_ref(), encoding, malformed), ("A", UTF_16BE, false));
}
