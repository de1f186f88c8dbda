//! Byte offsets to 1-based lines and columns, columns counting Unicode scalar values.
//!
//! Offsets are resolved in one forward sweep over the text ([`Cursor`]), so locating thousands
//! of findings in a multi-megabyte paste stays linear. The sweep counts bytes, not decoded
//! characters: a column advances on every byte that starts a character.

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// A position moving forward through a text: ask for offsets in increasing order and each
/// answer costs only the bytes between the previous offset and this one.
#[derive(Clone, Copy, Debug)]
pub struct Cursor {
    at: usize,
    position: Position,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            at: 0,
            position: Position { line: 1, column: 1 },
        }
    }
}

impl Cursor {
    /// The position of `offset` (rounded down to a char boundary). An offset behind the
    /// cursor answers the cursor's position.
    pub fn advance_to(&mut self, text: &str, offset: usize) -> Position {
        let target = floor_char_boundary(text, offset);
        if target > self.at {
            let passed = &text.as_bytes()[self.at..target];
            // Characters are the bytes that do not continue a UTF-8 sequence; both counts are
            // simple filters the compiler vectorises.
            let chars = |bytes: &[u8]| bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            match passed.iter().rposition(|&b| b == b'\n') {
                Some(last) => {
                    self.position.line += passed.iter().filter(|&&b| b == b'\n').count();
                    self.position.column = 1 + chars(&passed[last + 1..]);
                }
                None => self.position.column += chars(passed),
            }
            self.at = target;
        }
        self.position
    }
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
        let mut cursor = Cursor::default();
        assert_eq!(cursor.advance_to(text, 0), Position { line: 1, column: 1 });
        assert_eq!(
            cursor.advance_to(text, ana),
            Position { line: 1, column: 5 }
        );
        assert_eq!(cursor.advance_to(text, va), Position { line: 2, column: 4 });
    }

    #[test]
    fn end_of_text_is_a_position() {
        let text = "ab\n";
        let position = Cursor::default().advance_to(text, 3);
        assert_eq!(position, Position { line: 2, column: 1 });
    }
}
