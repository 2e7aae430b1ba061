//! A spreadsheet column's letters (A, B, … Z, AA, …), as the reader names a column in a message and the
//! writer names a cell.

/// A column's letters as the spreadsheet names it: 0 is A, 25 is Z, 26 is AA.
pub fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_a_spreadsheet_letters_them() {
        // A..Z are the first 26 columns, then AA, AB…; 702 = 26 + 26*26 is the first of three letters.
        let letters: Vec<String> = [0, 25, 26, 27, 701, 702]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(letters, ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    }
}
