//! The `encoding_rs` 0.8 API for Unicode text only (see README.md): UTF-8, UTF-16LE, UTF-16BE and windows-1252
//! decode, in one piece or streamed; every other encoding has its name and static, and its text is refused as
//! malformed.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

/// How an encoding's bytes become text here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
    /// Named, not decoded.
    Unsupported,
}

/// A character encoding, compared by identity as in `encoding_rs`.
pub struct Encoding {
    name: &'static str,
    kind: Kind,
}

impl PartialEq for Encoding {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Encoding {}

impl Hash for Encoding {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self as *const Self).hash(state);
    }
}

impl fmt::Debug for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Encoding {{ {} }}", self.name)
    }
}

/// Declares each encoding's static and the reference `encoding_rs` gives it.
macro_rules! encodings {
    ($($init:ident, $reference:ident, $name:literal, $kind:ident;)*) => {
        $(
            #[doc = concat!("The ", $name, " encoding.")]
            pub static $init: Encoding = Encoding { name: $name, kind: Kind::$kind };
            #[doc = concat!("The ", $name, " encoding.")]
            pub static $reference: &Encoding = &$init;
        )*
        /// Every encoding, to find one by its name.
        static ALL: &[&Encoding] = &[$(&$init),*];
    };
}

encodings! {
    UTF_8_INIT, UTF_8, "UTF-8", Utf8;
    UTF_16LE_INIT, UTF_16LE, "UTF-16LE", Utf16Le;
    UTF_16BE_INIT, UTF_16BE, "UTF-16BE", Utf16Be;
    WINDOWS_1252_INIT, WINDOWS_1252, "windows-1252", Windows1252;
    BIG5_INIT, BIG5, "Big5", Unsupported;
    EUC_JP_INIT, EUC_JP, "EUC-JP", Unsupported;
    EUC_KR_INIT, EUC_KR, "EUC-KR", Unsupported;
    GB18030_INIT, GB18030, "gb18030", Unsupported;
    GBK_INIT, GBK, "GBK", Unsupported;
    IBM866_INIT, IBM866, "IBM866", Unsupported;
    ISO_2022_JP_INIT, ISO_2022_JP, "ISO-2022-JP", Unsupported;
    ISO_8859_2_INIT, ISO_8859_2, "ISO-8859-2", Unsupported;
    ISO_8859_3_INIT, ISO_8859_3, "ISO-8859-3", Unsupported;
    ISO_8859_4_INIT, ISO_8859_4, "ISO-8859-4", Unsupported;
    ISO_8859_5_INIT, ISO_8859_5, "ISO-8859-5", Unsupported;
    ISO_8859_6_INIT, ISO_8859_6, "ISO-8859-6", Unsupported;
    ISO_8859_7_INIT, ISO_8859_7, "ISO-8859-7", Unsupported;
    ISO_8859_8_INIT, ISO_8859_8, "ISO-8859-8", Unsupported;
    ISO_8859_8_I_INIT, ISO_8859_8_I, "ISO-8859-8-I", Unsupported;
    ISO_8859_10_INIT, ISO_8859_10, "ISO-8859-10", Unsupported;
    ISO_8859_13_INIT, ISO_8859_13, "ISO-8859-13", Unsupported;
    ISO_8859_14_INIT, ISO_8859_14, "ISO-8859-14", Unsupported;
    ISO_8859_15_INIT, ISO_8859_15, "ISO-8859-15", Unsupported;
    ISO_8859_16_INIT, ISO_8859_16, "ISO-8859-16", Unsupported;
    KOI8_R_INIT, KOI8_R, "KOI8-R", Unsupported;
    KOI8_U_INIT, KOI8_U, "KOI8-U", Unsupported;
    MACINTOSH_INIT, MACINTOSH, "macintosh", Unsupported;
    REPLACEMENT_INIT, REPLACEMENT, "replacement", Unsupported;
    SHIFT_JIS_INIT, SHIFT_JIS, "Shift_JIS", Unsupported;
    WINDOWS_874_INIT, WINDOWS_874, "windows-874", Unsupported;
    WINDOWS_1250_INIT, WINDOWS_1250, "windows-1250", Unsupported;
    WINDOWS_1251_INIT, WINDOWS_1251, "windows-1251", Unsupported;
    WINDOWS_1253_INIT, WINDOWS_1253, "windows-1253", Unsupported;
    WINDOWS_1254_INIT, WINDOWS_1254, "windows-1254", Unsupported;
    WINDOWS_1255_INIT, WINDOWS_1255, "windows-1255", Unsupported;
    WINDOWS_1256_INIT, WINDOWS_1256, "windows-1256", Unsupported;
    WINDOWS_1257_INIT, WINDOWS_1257, "windows-1257", Unsupported;
    WINDOWS_1258_INIT, WINDOWS_1258, "windows-1258", Unsupported;
    X_MAC_CYRILLIC_INIT, X_MAC_CYRILLIC, "x-mac-cyrillic", Unsupported;
    X_USER_DEFINED_INIT, X_USER_DEFINED, "x-user-defined", Unsupported;
}

/// The characters windows-1252 gives the bytes 0x80 to 0x9F (the rest are ISO-8859-1, the same number).
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// The character windows-1252 gives `byte`.
fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

impl Encoding {
    /// The encoding a label names (WHATWG labels, compared without case or surrounding white space).
    pub fn for_label(label: &[u8]) -> Option<&'static Encoding> {
        let label = std::str::from_utf8(label)
            .ok()?
            .trim_matches(|c: char| c.is_ascii_whitespace());
        let lower = label.to_ascii_lowercase();
        let found = match lower.as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8"
            | "x-unicode20utf8" => UTF_8,
            "utf-16le" | "utf-16" | "ucs-2" | "unicode" | "csunicode" | "iso-10646-ucs-2"
            | "unicodefeff" => UTF_16LE,
            "utf-16be" | "unicodefffe" => UTF_16BE,
            "windows-1252" | "ansi_x3.4-1968" | "ascii" | "cp1252" | "cp819" | "csisolatin1"
            | "ibm819" | "iso-8859-1" | "iso-ir-100" | "iso8859-1" | "iso88591" | "iso_8859-1"
            | "iso_8859-1:1987" | "l1" | "latin1" | "us-ascii" | "x-cp1252" => WINDOWS_1252,
            _ => {
                return ALL
                    .iter()
                    .copied()
                    .find(|e| e.name.eq_ignore_ascii_case(label));
            }
        };
        Some(found)
    }

    /// As [`Encoding::for_label`], but never the replacement encoding.
    pub fn for_label_no_replacement(label: &[u8]) -> Option<&'static Encoding> {
        Self::for_label(label).filter(|e| *e != REPLACEMENT)
    }

    /// The encoding a byte-order mark at the start of `buffer` names, and the mark's length.
    pub fn for_bom(buffer: &[u8]) -> Option<(&'static Encoding, usize)> {
        match buffer {
            [0xEF, 0xBB, 0xBF, ..] => Some((UTF_8, 3)),
            [0xFF, 0xFE, ..] => Some((UTF_16LE, 2)),
            [0xFE, 0xFF, ..] => Some((UTF_16BE, 2)),
            _ => None,
        }
    }

    /// The encoding's name.
    pub fn name(&'static self) -> &'static str {
        self.name
    }

    /// The encoding a form written in this encoding's context is sent in: UTF-8 for UTF-16 and replacement.
    pub fn output_encoding(&'static self) -> &'static Encoding {
        match self.kind {
            Kind::Utf16Le | Kind::Utf16Be => UTF_8,
            _ if self == REPLACEMENT => UTF_8,
            _ => self,
        }
    }

    /// Whether every byte below 0x80 is the ASCII character of that number.
    pub fn is_ascii_compatible(&'static self) -> bool {
        !matches!(self.kind, Kind::Utf16Le | Kind::Utf16Be) && self != ISO_2022_JP
    }

    /// Decodes `bytes`, a byte-order mark choosing the encoding; malformed sequences become U+FFFD. Returns the
    /// text, the encoding used and whether anything was malformed.
    pub fn decode<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, &'static Encoding, bool) {
        let (encoding, rest) = match Self::for_bom(bytes) {
            Some((encoding, length)) => (encoding, &bytes[length..]),
            None => (self, bytes),
        };
        let (text, malformed) = encoding.decode_without_bom_handling(rest);
        (text, encoding, malformed)
    }

    /// Decodes `bytes` after this encoding's own byte-order mark, if there is one.
    pub fn decode_with_bom_removal<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
        let rest = match Self::for_bom(bytes) {
            Some((encoding, length)) if encoding == self => &bytes[length..],
            _ => bytes,
        };
        self.decode_without_bom_handling(rest)
    }

    /// Decodes `bytes` as they are; malformed sequences become U+FFFD. Returns the text and whether anything
    /// was malformed.
    pub fn decode_without_bom_handling<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
        match self.kind {
            Kind::Utf8 => {
                let text = String::from_utf8_lossy(bytes);
                let malformed = matches!(text, Cow::Owned(_));
                (text, malformed)
            }
            Kind::Utf16Le | Kind::Utf16Be => {
                let big_endian = self.kind == Kind::Utf16Be;
                let units = bytes.chunks_exact(2).map(|pair| {
                    let pair = [pair[0], pair[1]];
                    if big_endian {
                        u16::from_be_bytes(pair)
                    } else {
                        u16::from_le_bytes(pair)
                    }
                });
                let mut malformed = bytes.len() % 2 == 1;
                let mut text: String = char::decode_utf16(units)
                    .map(|unit| {
                        unit.unwrap_or_else(|_| {
                            malformed = true;
                            char::REPLACEMENT_CHARACTER
                        })
                    })
                    .collect();
                if bytes.len() % 2 == 1 {
                    text.push(char::REPLACEMENT_CHARACTER);
                }
                (Cow::Owned(text), malformed)
            }
            Kind::Windows1252 => match std::str::from_utf8(bytes) {
                Ok(text) if bytes.is_ascii() => (Cow::Borrowed(text), false),
                _ => (
                    Cow::Owned(bytes.iter().copied().map(windows_1252).collect()),
                    false,
                ),
            },
            Kind::Unsupported if bytes.is_empty() => (Cow::Borrowed(""), false),
            Kind::Unsupported => (Cow::Owned(char::REPLACEMENT_CHARACTER.to_string()), true),
        }
    }

    /// Decodes `bytes` as they are, or `None` if anything is malformed (or the encoding is not decoded here).
    pub fn decode_without_bom_handling_and_without_replacement<'a>(
        &'static self,
        bytes: &'a [u8],
    ) -> Option<Cow<'a, str>> {
        if self.kind == Kind::Utf8 {
            return std::str::from_utf8(bytes).ok().map(Cow::Borrowed);
        }
        let mut decoder = self.new_decoder_without_bom_handling();
        let mut text =
            String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(bytes.len())?);
        match decoder.decode_to_string_without_replacement(bytes, &mut text, true) {
            (DecoderResult::InputEmpty, _) => Some(Cow::Owned(text)),
            _ => None,
        }
    }

    /// A streaming decoder that lets a byte-order mark choose the encoding.
    pub fn new_decoder(&'static self) -> Decoder {
        Decoder::new(self, Bom::Sniff)
    }

    /// A streaming decoder that skips this encoding's own byte-order mark.
    pub fn new_decoder_with_bom_removal(&'static self) -> Decoder {
        Decoder::new(self, Bom::Remove)
    }

    /// A streaming decoder that takes the bytes as they are.
    pub fn new_decoder_without_bom_handling(&'static self) -> Decoder {
        Decoder::new(self, Bom::Keep)
    }
}

/// What a streaming decoder's call came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecoderResult {
    /// Every byte given was read.
    InputEmpty,
    /// The output has no room for the next character.
    OutputFull,
    /// A malformed sequence of this many bytes, that many bytes before the end of what was read.
    Malformed(u8, u8),
}

/// What a streaming decoder does with a byte-order mark at the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bom {
    Sniff,
    Remove,
    Keep,
}

/// A streaming decoder: bytes given in pieces, text written as it is complete.
pub struct Decoder {
    encoding: &'static Encoding,
    bom: Bom,
    /// The bytes of a character begun in one piece and not yet ended.
    pending: Vec<u8>,
    /// A UTF-16 high surrogate waiting for its low one.
    high_surrogate: Option<u16>,
}

impl fmt::Debug for Decoder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decoder {{ {} }}", self.encoding.name)
    }
}

impl Decoder {
    fn new(encoding: &'static Encoding, bom: Bom) -> Self {
        Self {
            encoding,
            bom,
            pending: Vec::new(),
            high_surrogate: None,
        }
    }

    /// The encoding being decoded.
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// The most UTF-8 bytes decoding `byte_length` more bytes can write, or `None` if that overflows.
    pub fn max_utf8_buffer_length(&self, byte_length: usize) -> Option<usize> {
        byte_length
            .checked_add(self.pending.len() + 3)?
            .checked_mul(3)
    }

    /// As [`Decoder::max_utf8_buffer_length`], when nothing malformed is replaced.
    pub fn max_utf8_buffer_length_without_replacement(&self, byte_length: usize) -> Option<usize> {
        let bytes = byte_length.checked_add(self.pending.len() + 3)?;
        match self.encoding.kind {
            Kind::Utf8 => Some(bytes),
            _ => bytes.checked_mul(3),
        }
    }

    /// Decodes `src` into `dst` as far as both allow; `last` says no bytes follow. Returns what it came to,
    /// the bytes read and the bytes written.
    pub fn decode_to_utf8_without_replacement(
        &mut self,
        src: &[u8],
        dst: &mut [u8],
        last: bool,
    ) -> (DecoderResult, usize, usize) {
        let skipped = self.skip_bom(src);
        let (result, read, written) = match self.encoding.kind {
            Kind::Utf8 => self.utf8(&src[skipped..], dst, last),
            Kind::Utf16Le | Kind::Utf16Be => self.utf16(&src[skipped..], dst, last),
            Kind::Windows1252 => single_bytes(&src[skipped..], dst),
            Kind::Unsupported if src.len() > skipped => (DecoderResult::Malformed(1, 0), 1, 0),
            Kind::Unsupported => (DecoderResult::InputEmpty, 0, 0),
        };
        (result, read + skipped, written)
    }

    /// As [`Decoder::decode_to_utf8_without_replacement`], writing into the room `dst` has (never growing
    /// it). Returns what it came to and the bytes read.
    pub fn decode_to_string_without_replacement(
        &mut self,
        src: &[u8],
        dst: &mut String,
        last: bool,
    ) -> (DecoderResult, usize) {
        let mut room = vec![0; dst.capacity() - dst.len()];
        let (result, read, written) = self.decode_to_utf8_without_replacement(src, &mut room, last);
        match std::str::from_utf8(&room[..written]) {
            Ok(text) => {
                dst.push_str(text);
                (result, read)
            }
            Err(_) => (DecoderResult::Malformed(1, 0), read),
        }
    }

    /// Skips a byte-order mark at the very start when asked to, choosing the encoding by it when sniffing.
    fn skip_bom(&mut self, src: &[u8]) -> usize {
        if self.bom == Bom::Keep || src.is_empty() {
            return 0;
        }
        let bom = self.bom;
        self.bom = Bom::Keep;
        match Encoding::for_bom(src) {
            Some((encoding, length)) if bom == Bom::Sniff => {
                self.encoding = encoding;
                length
            }
            Some((encoding, length)) if encoding == self.encoding => length,
            _ => 0,
        }
    }

    fn utf8(&mut self, src: &[u8], dst: &mut [u8], last: bool) -> (DecoderResult, usize, usize) {
        let mut read = 0;
        let mut written = 0;
        if !self.pending.is_empty() {
            let need = utf8_length(self.pending[0]);
            while self.pending.len() < need && read < src.len() {
                self.pending.push(src[read]);
                read += 1;
                if std::str::from_utf8(&self.pending).is_err_and(|e| e.error_len().is_some()) {
                    let bad = self.pending.len();
                    self.pending.clear();
                    return (DecoderResult::Malformed(bad as u8, 0), read, written);
                }
            }
            if self.pending.len() < need {
                return self.end_of_input(last, read, written);
            }
            if dst.len() < need {
                return (DecoderResult::OutputFull, read, written);
            }
            dst[..need].copy_from_slice(&self.pending);
            written = need;
            self.pending.clear();
        }
        let rest = &src[read..];
        let room = dst.len() - written;
        let piece = &rest[..rest.len().min(room)];
        match std::str::from_utf8(piece) {
            Ok(_) => {
                dst[written..written + piece.len()].copy_from_slice(piece);
                let result = if piece.len() < rest.len() {
                    DecoderResult::OutputFull
                } else {
                    DecoderResult::InputEmpty
                };
                (result, read + piece.len(), written + piece.len())
            }
            Err(error) => {
                let valid = error.valid_up_to();
                dst[written..written + valid].copy_from_slice(&piece[..valid]);
                let (read, written) = (read + valid, written + valid);
                match error.error_len() {
                    Some(bad) => (DecoderResult::Malformed(bad as u8, 0), read + bad, written),
                    None if piece.len() < rest.len() => (DecoderResult::OutputFull, read, written),
                    None => {
                        self.pending.extend_from_slice(&piece[valid..]);
                        self.end_of_input(last, read + piece.len() - valid, written)
                    }
                }
            }
        }
    }

    fn utf16(&mut self, src: &[u8], dst: &mut [u8], last: bool) -> (DecoderResult, usize, usize) {
        let big_endian = self.encoding.kind == Kind::Utf16Be;
        let mut read = 0;
        let mut written = 0;
        loop {
            if self.pending.len() + (src.len() - read) < 2 {
                self.pending.extend_from_slice(&src[read..]);
                return self.end_of_input(last, src.len(), written);
            }
            if dst.len() - written < 4 {
                return (DecoderResult::OutputFull, read, written);
            }
            while self.pending.len() < 2 {
                self.pending.push(src[read]);
                read += 1;
            }
            let pair = [self.pending[0], self.pending[1]];
            self.pending.clear();
            let unit = if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            };
            let character = match (self.high_surrogate.take(), unit) {
                (Some(high), 0xDC00..=0xDFFF) => {
                    char::decode_utf16([high, unit]).next().and_then(Result::ok)
                }
                (Some(_), _) | (None, 0xDC00..=0xDFFF) => None,
                (None, 0xD800..=0xDBFF) => {
                    self.high_surrogate = Some(unit);
                    continue;
                }
                (None, _) => char::from_u32(u32::from(unit)),
            };
            let Some(character) = character else {
                return (DecoderResult::Malformed(2, 0), read, written);
            };
            written += character.encode_utf8(&mut dst[written..]).len();
        }
    }

    /// The end of the bytes given: with `last`, a character left unfinished is malformed.
    fn end_of_input(
        &mut self,
        last: bool,
        read: usize,
        written: usize,
    ) -> (DecoderResult, usize, usize) {
        let unfinished = self.pending.len() + 2 * usize::from(self.high_surrogate.is_some());
        if last && unfinished > 0 {
            self.pending.clear();
            self.high_surrogate = None;
            return (
                DecoderResult::Malformed(unfinished.min(4) as u8, 0),
                read,
                written,
            );
        }
        (DecoderResult::InputEmpty, read, written)
    }
}

/// Decodes windows-1252 bytes, one character each.
fn single_bytes(src: &[u8], dst: &mut [u8]) -> (DecoderResult, usize, usize) {
    let mut written = 0;
    for (read, byte) in src.iter().enumerate() {
        let character = windows_1252(*byte);
        if dst.len() - written < character.len_utf8() {
            return (DecoderResult::OutputFull, read, written);
        }
        written += character.encode_utf8(&mut dst[written..]).len();
    }
    (DecoderResult::InputEmpty, src.len(), written)
}

/// How many bytes the UTF-8 sequence that starts with `first` has (1 for a byte no sequence starts with, so it
/// is found malformed at once).
fn utf8_length(first: u8) -> usize {
    match first {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 1,
    }
}
