//! Indents compact JSON text exactly as `serde_json::to_string_pretty` would (two spaces, `": "` between a
//! name and its value, empty lists and objects kept as `[]` and `{}`). The workspace is serialised one way
//! only, compactly, and an exported file is that text indented: each extra way of serialising the workspace
//! costs the app about 25 KB of code, and indenting text costs a few hundred bytes.

/// `compact` (JSON with no white space outside strings, as `serde_json::to_string` writes it) indented.
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;
    use chrono::NaiveDate;
    use serde_json::json;

    #[test]
    fn indents_as_serde_json_does() {
        let value = json!({
            "a": [], "b": {}, "c": [1, {"d": "text with \"quotes\", commas: and {braces} [brackets]"}],
            "e": "back\\slash\\", "f": null, "g": -1.5e-7, "h": "ünïcödé 😀"
        });
        assert_eq!(
            indent(&serde_json::to_string(&value).unwrap()),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    #[test]
    fn the_demo_council_indents_as_serde_json_does() {
        let workspace = demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 15).unwrap());
        assert_eq!(
            indent(&serde_json::to_string(&workspace).unwrap()),
            serde_json::to_string_pretty(&workspace).unwrap()
        );
    }
}
