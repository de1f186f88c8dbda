//! The tone of a drafted message: how formal its greeting, wording and close are.

/// How formal a draft reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tone {
    /// "Dear Ms. Souza," and careful wording.
    Formal,
    /// "Hi Ana," and plain wording (the default).
    #[default]
    Neutral,
    /// "Hi Ana," and a friendlier touch.
    Warm,
}

impl Tone {
    /// Every tone, in documentation order.
    pub const ALL: [Tone; 3] = [Tone::Formal, Tone::Neutral, Tone::Warm];

    /// The name used on the command line and in template files.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Formal => "formal",
            Tone::Neutral => "neutral",
            Tone::Warm => "warm",
        }
    }

    /// Reads a tone name.
    pub fn parse(text: &str) -> Option<Tone> {
        Tone::ALL.into_iter().find(|tone| tone.as_str() == text)
    }

    /// Position in [`Tone::ALL`], for tables indexed by tone.
    pub(crate) fn index(self) -> usize {
        match self {
            Tone::Formal => 0,
            Tone::Neutral => 1,
            Tone::Warm => 2,
        }
    }
}

impl std::fmt::Display for Tone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for tone in Tone::ALL {
            assert_eq!(Tone::parse(tone.as_str()), Some(tone));
            assert_eq!(Tone::ALL[tone.index()], tone);
        }
        assert_eq!(Tone::parse("casual"), None);
        assert_eq!(Tone::default(), Tone::Neutral);
    }
}
