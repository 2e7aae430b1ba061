//! Text as a person typed it, made tidy: a name or a short line with its runs of spaces, tabs and line
//! breaks made single spaces and none at either end.

/// `text` on one line: every run of white space one space, none at the ends.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn runs_of_white_space_become_one_space() {
        assert_eq!(one_line("  Ann \t  Baker\n"), "Ann Baker");
        assert_eq!(one_line(" \n "), "");
    }
}
