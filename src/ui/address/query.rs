//! Query strings: pairs written into an address with each value percent-encoded, and read back decoded.
//! An address that does not parse still opens: a malformed escape is kept as it is written.

/// Percent-encodes everything but letters, digits and `-_.~`.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(byte).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// `path` with the pairs that have a value as its query string, each value encoded:
/// `/risks?level=strategic&overdue=1`, or `path` alone when none has one.
pub fn address<'a>(
    path: &str,
    pairs: impl IntoIterator<Item = (&'a str, Option<String>)>,
) -> String {
    let query = query_string(pairs);
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// The pairs that have a value, each value encoded, joined with `&`: `level=strategic&overdue=1`.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<String>)>) -> String {
    pairs
        .into_iter()
        .filter_map(|(key, value)| Some(format!("{key}={}", encode(&value?))))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes `%XX` and `+` (a space); a malformed escape is kept as it is written.
fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match bytes[i] {
            b'%' if hex(i + 1).is_some() && hex(i + 2).is_some() => {
                decoded.push((hex(i + 1).unwrap_or(0) * 16 + hex(i + 2).unwrap_or(0)) as u8);
                i += 3;
            }
            b'+' => {
                decoded.push(b' ');
                i += 1;
            }
            other => {
                decoded.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// The key–value pairs of a query string (with or without its `?`), decoded, in order.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(key), decode_component(value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_with_a_value_are_written_encoded_and_read_back() {
        // "&" would end the value and "%" start an escape, so both are encoded; the pair with no value is left
        // out, and a path with no pair has no "?".
        let written = address(
            "/risks",
            [("q", Some("a & b 100%".to_owned())), ("level", None)],
        );
        assert_eq!(written, "/risks?q=a%20%26%20b%20100%25");
        assert_eq!(
            parse_query(written.split_once('?').unwrap().1),
            [("q".to_owned(), "a & b 100%".to_owned())]
        );
        assert_eq!(address("/risks", [("level", None)]), "/risks");
    }

    #[test]
    fn a_plus_is_a_space_and_a_broken_escape_is_kept() {
        assert_eq!(
            parse_query("?q=looked+after&r=100%&s=%zz"),
            [
                ("q".to_owned(), "looked after".to_owned()),
                ("r".to_owned(), "100%".to_owned()),
                ("s".to_owned(), "%zz".to_owned()),
            ]
        );
    }
}
