//! Text made safe to place in HTML or SVG, as element content or a quoted attribute value, or in CSS as a
//! string: whatever a workspace holds is shown as the characters it is, never read as markup or code.

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `text` as a quoted CSS string, safe inside a style attribute once [`escape`]d: backslashes, quotes and
/// line breaks escaped, and `<` written as an escape so no markup can close the context early.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' => out.push_str("\\A "),
            '<' => out.push_str("\\3C "),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_css_string_cannot_end_early() {
        assert_eq!(
            css_string(r#"Adults "A\B"</style>"#),
            r#""Adults \"A\\B\"\3C /style>""#
        );
        assert_eq!(css_string("two\nlines"), r#""two\A lines""#);
    }

    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert('1')">&"#),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;"
        );
        assert_eq!(escape("Plain £ text"), "Plain £ text");
    }
}
