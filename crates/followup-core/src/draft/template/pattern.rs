//! A line of template text with named holes: `Thank you, {name}.` parsed once, checked against
//! the holes its place allows, and filled without ever leaving a hole blank.

/// One piece of a pattern: literal text or a hole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece<H> {
    Text(String),
    Hole(H),
}

/// Template text split into literal text and holes of type `H`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pattern<H> {
    pieces: Vec<Piece<H>>,
}

impl<H: Copy> Pattern<H> {
    /// Parses `text`, resolving each `{name}` with `lookup`; `known` lists the names accepted
    /// here, for the error (built only when there is one). An unknown name, an unclosed `{` or
    /// a stray `}` is an error.
    pub fn parse(
        text: &str,
        lookup: impl Fn(&str) -> Option<H>,
        known: impl Fn() -> String,
    ) -> Result<Self, String> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find(['{', '}']) {
            if rest[open..].starts_with('}') {
                return Err(format!(
                    "a '}}' without its '{{' in {text:?}; placeholders look like {{role}}"
                ));
            }
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                return Err(format!(
                    "a '{{' that is never closed in {text:?}; placeholders look like {{role}}"
                ));
            };
            let name = &after[..close];
            let hole = lookup(name).ok_or_else(|| {
                format!("unknown placeholder {{{name}}}; known here: {}", known())
            })?;
            if open > 0 {
                pieces.push(Piece::Text(rest[..open].to_owned()));
            }
            pieces.push(Piece::Hole(hole));
            rest = &after[close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_owned()));
        }
        Ok(Pattern { pieces })
    }

    /// A pattern of literal text only.
    pub fn literal(text: &str) -> Self {
        Pattern {
            pieces: vec![Piece::Text(text.to_owned())],
        }
    }

    /// The holes, in order of appearance.
    pub fn holes(&self) -> impl Iterator<Item = H> + '_ {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Hole(hole) => Some(*hole),
            Piece::Text(_) => None,
        })
    }

    /// The literal text, holes left out (to count question marks, for instance).
    pub fn literal_text(&self) -> String {
        self.pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Text(text) => Some(text.as_str()),
                Piece::Hole(_) => None,
            })
            .collect()
    }

    /// Appends the pattern to `out`, each hole replaced by `fill(hole)`.
    pub fn render_into<'v>(&self, out: &mut String, fill: impl Fn(H) -> &'v str) {
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Hole(hole) => out.push_str(fill(*hole)),
            }
        }
    }

    /// The pattern rendered into a new string.
    pub fn render<'v>(&self, fill: impl Fn(H) -> &'v str) -> String {
        let mut out = String::new();
        self.render_into(&mut out, fill);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<u8> {
        match name {
            "a" => Some(1),
            "b_c" => Some(2),
            _ => None,
        }
    }

    #[test]
    fn holes_are_filled() {
        let p = Pattern::parse("x {a} y {b_c}{a}", lookup, || "{a} {b_c}".into()).unwrap();
        assert_eq!(p.holes().collect::<Vec<_>>(), [1, 2, 1]);
        assert_eq!(p.render(|h| if h == 1 { "1" } else { "two" }), "x 1 y two1");
        assert_eq!(p.literal_text(), "x  y ");
    }

    #[test]
    fn unknown_and_unbalanced_placeholders_are_errors() {
        let err = Pattern::parse("Hi {frist_name},", lookup, || "{a} {b_c}".into()).unwrap_err();
        assert!(err.contains("unknown placeholder {frist_name}"), "{err}");
        assert!(err.contains("{a} {b_c}"), "{err}");
        assert!(Pattern::parse("Hi {a", lookup, String::new).is_err());
        assert!(Pattern::parse("Hi a}", lookup, String::new).is_err());
        assert!(Pattern::parse("Hi {}", lookup, String::new).is_err());
    }

    #[test]
    fn plain_text_and_accents_survive() {
        let p = Pattern::parse("Olá — João", lookup, String::new).unwrap();
        assert_eq!(p.render(|_| ""), "Olá — João");
        assert_eq!(Pattern::<u8>::literal("x").render(|_| ""), "x");
    }
}
