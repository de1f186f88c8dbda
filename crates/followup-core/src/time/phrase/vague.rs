//! Phrases that name no day ("soon", "in a few days"), and two phrases to say instead.
//!
//! They are refused rather than guessed: a promise read as "soon" would time the follow-up on
//! a date nobody said. Each row suggests phrases that do read, for a date ahead and for a past
//! moment; a test checks that every suggestion resolves in its direction.

use super::Direction;

/// One group of vague phrases and what to say instead.
struct Vague {
    phrases: &'static [&'static str],
    /// Two phrases that read as a promise or a deadline.
    ahead: [&'static str; 2],
    /// Two phrases that read as when something happened.
    back: [&'static str; 2],
}

/// The suggestions when a group has nothing closer to offer.
const AHEAD: [&str; 2] = ["friday", "next week"];
const BACK: [&str; 2] = ["yesterday", "2 days ago"];

const VAGUE: &[Vague] = &[
    Vague {
        phrases: &["soon", "shortly", "in a while", "sometime", "eventually"],
        ahead: AHEAD,
        back: BACK,
    },
    Vague {
        phrases: &["asap", "as soon as possible", "right away"],
        ahead: ["today", "tomorrow"],
        back: ["today", "an hour ago"],
    },
    Vague {
        phrases: &[
            "later",
            "later on",
            "later today",
            "earlier",
            "earlier today",
        ],
        ahead: ["tomorrow", "friday"],
        back: ["an hour ago", "14:00"],
    },
    Vague {
        phrases: &[
            "in a few days",
            "a few days",
            "in a couple of days",
            "a couple of days",
            "in a couple days",
        ],
        ahead: ["in 3 days", "friday"],
        back: ["3 days ago", "tuesday"],
    },
    Vague {
        phrases: &["in a few weeks", "a few weeks", "in a couple of weeks"],
        ahead: ["in 3 weeks", "end of month"],
        back: ["3 weeks ago", "last tuesday"],
    },
    Vague {
        phrases: &[
            "a few days ago",
            "a couple of days ago",
            "a couple days ago",
            "the other day",
            "recently",
            "a while ago",
            "last week",
        ],
        ahead: AHEAD,
        back: ["3 days ago", "last tuesday"],
    },
];

/// Two phrases to say instead of `words` (lowercase tokens joined by single spaces) when they
/// are vague, for a field that looks in `direction`; `None` when they are not vague.
pub(super) fn instead_of(words: &str, direction: Direction) -> Option<[&'static str; 2]> {
    let group = VAGUE.iter().find(|group| group.phrases.contains(&words))?;
    Some(match direction {
        Direction::Future => group.ahead,
        Direction::Past => group.back,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests fail loudly on purpose.
mod tests {
    use super::*;
    use crate::time::phrase::{DateOrder, Field, parse_phrase};

    #[test]
    fn the_issue_s_vague_phrases_are_here() {
        for words in ["soon", "in a few days", "later", "asap"] {
            assert!(instead_of(words, Direction::Future).is_some(), "{words}");
            assert!(instead_of(words, Direction::Past).is_some(), "{words}");
        }
        assert_eq!(instead_of("friday", Direction::Future), None);
    }

    #[test]
    fn every_suggestion_reads_in_its_direction_on_any_day_of_the_week() {
        // Monday 4 May 2026 to Sunday 10 May: end of week, this friday and the like move.
        for day in 4..=10 {
            let reference = jiff::civil::date(2026, 5, day)
                .at(10, 30, 0, 0)
                .in_tz("America/Sao_Paulo")
                .unwrap();
            for group in VAGUE {
                for (field, phrases) in [(Field::Promise, group.ahead), (Field::At, group.back)] {
                    for phrase in phrases {
                        assert!(
                            parse_phrase(phrase, field, &reference, DateOrder::Dmy).is_ok(),
                            "{phrase:?} for {field:?} on {reference}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn no_vague_phrase_is_also_a_phrase_that_reads() {
        let reference = jiff::civil::date(2026, 5, 6)
            .at(10, 30, 0, 0)
            .in_tz("UTC")
            .unwrap();
        for group in VAGUE {
            for phrase in group.phrases {
                for field in [Field::At, Field::Promise] {
                    let err = parse_phrase(phrase, field, &reference, DateOrder::Dmy).unwrap_err();
                    assert!(
                        matches!(err, crate::time::phrase::PhraseError::Vague { .. }),
                        "{phrase:?}: {err}"
                    );
                }
            }
        }
    }
}
