//! Text as older Excel saves CSV on Windows: Windows-1252, where the bytes 0x80–0x9F are the curly quotes,
//! dashes, euro and trade-mark signs and every other byte is the Latin-1 character of the same number. Read
//! when a file is not UTF-8, so "£" and "’" arrive as themselves.

/// The characters of the bytes 0x80–0x9F; the five bytes Windows-1252 leaves undefined read as their Latin-1
/// control characters, as browsers read them.
const HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// `bytes` read as Windows-1252 text (every byte is a character, so this never fails).
pub fn decode(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pounds_curly_quotes_and_dashes_read_as_themselves() {
        // "£1,234 – Council’s “target”" as Windows-1252 bytes: £ is 0xA3, – 0x96, ’ 0x92, “ 0x93, ” 0x94.
        let bytes = b"\xa31,234 \x96 Council\x92s \x93target\x94";
        assert_eq!(decode(bytes), "£1,234 – Council’s “target”");
        assert_eq!(decode(b"plain ASCII"), "plain ASCII");
        assert_eq!(decode(b"\x80 \x99 \xe9"), "€ ™ é");
    }
}
