//! Byte offsets to 1-based lines and columns, columns counting Unicode scalar values.
//!
//! Offsets are resolved in one forward sweep over the text, so locating thousands of findings
//! in a multi-megabyte paste stays linear.

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// Resolves every offset in `offsets` (any order; each must be a char boundary of `text`,
/// others are rounded down to one) to its line and column.
pub fn positions(text: &str, offsets: &[usize]) -> Vec<Position> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut result = vec![Position { line: 1, column: 1 }; offsets.len()];
    let mut at = 0usize;
    let mut line = 1usize;
    let mut column = 1usize;
    for i in order {
        let target = floor_char_boundary(text, offsets[i].min(text.len()));
        if target > at {
            for c in text[at..target].chars() {
                if c == '\n' {
                    line += 1;
                    column = 1;
                } else {
                    column += 1;
                }
            }
            at = target;
        }
        result[i] = Position { line, column };
    }
    result
}

/// The largest char boundary at or below `index`.
pub fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut i = index.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_chars() {
        let text = "Olá Ana,\nçà va?";
        let ana = text.find("Ana").unwrap();
        let va = text.find("va").unwrap();
        let got = positions(text, &[va, 0, ana]);
        assert_eq!(got[0], Position { line: 2, column: 4 });
        assert_eq!(got[1], Position { line: 1, column: 1 });
        assert_eq!(got[2], Position { line: 1, column: 5 });
    }

    #[test]
    fn end_of_text_is_a_position() {
        let text = "ab\n";
        assert_eq!(positions(text, &[3]), vec![Position { line: 2, column: 1 }]);
    }
}
