//! The tone model: what a recruiter would feel from the words around the listed phrases.
//!
//! Phrase tables and structure rules recall what someone thought to list; people keep finding
//! new words for impatience, leverage or worry. The tone model is learned from every labelled
//! message of the blind rounds and the corpus (`bench/blind/train_tone.py`): per category, a
//! logistic regression over TF-IDF word unigrams and bigrams. `build.rs` compiles its weights
//! (`rules/<code>/tone/model.tsv`) into static data; here it is only applied, with no I/O.
//!
//! The model judges the whole message; a finding still needs words to point at, so
//! [`ToneModel::flag`] also names the pieces that carry the judgement: the fewest, most telling first, whose
//! removal takes the message below the threshold. That is also what `check --fix` removes.
//!
//! The tokenizer must be the trainer's twin (lowercase ASCII words, digit runs read as `0`,
//! inner apostrophes kept, `!` and `?`, names skipped); `rules/en/tone/parity.tsv` pins the
//! scores both give.

use crate::finding::Category;
use crate::language::Language;
use crate::text::Document;
use crate::text::parts::{Parts, Span};

/// A compiled tone model (see the module doc).
#[derive(Debug)]
pub struct ToneModel {
    /// The category of each weight column.
    pub categories: &'static [Category],
    /// The intercept per category.
    pub bias: &'static [f32],
    /// Each known feature (a word, or two words joined by a space) and its row.
    pub features: phf::Map<&'static str, u32>,
    /// Rows of `1 + categories.len()` values: the feature's idf, then its weight per category.
    pub values: &'static [f32],
}

/// How many known words the body of a text needs before the model reads a tone in it.
const FEWEST_WORDS: usize = 8;

/// How many known words a piece needs to be read alone, once the message reads as a category.
const FEWEST_WORDS_ALONE: usize = 6;

/// How many pieces a finding may point at before the reading gives up on narrowing it.
const MOST_PIECES: usize = 3;

/// One word of the model's tokenizer and the piece it is in.
struct Word {
    text: String,
    piece: u32,
}

/// A feature found in the message: its row in the model and the pieces of its first and last
/// word (a bigram may join two).
#[derive(Clone, Copy, Debug)]
struct Occurrence {
    row: u32,
    first: u32,
    last: u32,
    bigram: bool,
}

impl ToneModel {
    fn stride(&self) -> usize {
        1 + self.categories.len()
    }

    /// The model's raw scores (log-odds per category, in column order) for a text.
    pub fn scores(&self, text: &str) -> Vec<f32> {
        let mut found = self.occurrences(&words(text, &[]));
        found.sort_unstable_by_key(|o| o.row);
        (0..self.categories.len())
            .map(|column| self.score(&found, &[], column, None))
            .collect()
    }

    /// The column of a category's weights, if the model reads it.
    pub fn column(&self, category: Category) -> Option<usize> {
        self.categories.iter().position(|&c| c == category)
    }

    /// Every known unigram and bigram of the words.
    fn occurrences(&self, words: &[Word]) -> Vec<Occurrence> {
        let mut found = Vec::with_capacity(words.len() * 2);
        let mut key = String::new();
        for (i, word) in words.iter().enumerate() {
            if let Some(&row) = self.features.get(word.text.as_str()) {
                found.push(Occurrence {
                    row,
                    first: word.piece,
                    last: word.piece,
                    bigram: false,
                });
            }
            if let Some(next) = words.get(i + 1) {
                key.clear();
                key.push_str(&word.text);
                key.push(' ');
                key.push_str(&next.text);
                if let Some(&row) = self.features.get(key.as_str()) {
                    found.push(Occurrence {
                        row,
                        first: word.piece,
                        last: next.piece,
                        bigram: true,
                    });
                }
            }
        }
        found
    }

    /// The log-odds of the category in `column` for the occurrences (sorted by row) outside
    /// the `removed` pieces (a bigram touching one goes with it), and, when asked, each
    /// piece's share of it.
    fn score(
        &self,
        found: &[Occurrence],
        removed: &[bool],
        column: usize,
        by_piece: Option<&mut [f32]>,
    ) -> f32 {
        let gone = |piece: u32| removed.get(piece as usize).copied().unwrap_or(false);
        let kept = |o: &&Occurrence| !gone(o.first) && !gone(o.last);
        let stride = self.stride();
        // TF-IDF with a sublinear term frequency, normalised to unit length, as trained:
        // (row, value, count) per feature.
        let mut counted: Vec<(u32, f32, u32)> = Vec::new();
        for o in found.iter().filter(kept) {
            match counted.last_mut() {
                Some((row, _, count)) if *row == o.row => *count += 1,
                _ => counted.push((o.row, 0.0, 1)),
            }
        }
        for (row, value, count) in &mut counted {
            *value = (1.0 + (*count as f32).ln()) * self.values[*row as usize * stride];
        }
        let norm = counted.iter().map(|(_, v, _)| v * v).sum::<f32>().sqrt();
        let weight = |row: u32| self.values[row as usize * stride + 1 + column];
        let mut score = self.bias[column];
        if norm <= 0.0 {
            return score;
        }
        for &(row, value, _) in &counted {
            score += weight(row) * value / norm;
        }
        if let Some(shares) = by_piece {
            // Each occurrence carries an equal share of its feature's value.
            let mut next = counted.iter().peekable();
            for o in found.iter().filter(kept) {
                while next.peek().is_some_and(|c| c.0 < o.row) {
                    next.next();
                }
                if let (Some(&&(_, value, count)), Some(share)) =
                    (next.peek(), shares.get_mut(o.first as usize))
                {
                    *share += weight(o.row) * value / norm / count as f32;
                }
            }
        }
        score
    }

    /// The pieces to point at for the category in `column`: if the message, less the
    /// `removed` pieces (what the other findings take out), still reads as the category,
    /// the fewest pieces, most telling first, whose removal takes it below the threshold.
    /// Empty when it does not read as the category. `removed` is indexed by piece.
    pub fn flag(&self, text: &ToneText, removed: &[bool], column: usize) -> Vec<usize> {
        // Too few known words left in the body ("Any news?") to read a tone in: the bias
        // alone would speak.
        let gone = |piece: usize| removed.get(piece).copied().unwrap_or(false);
        let words = text.known_words(|piece| !gone(piece) && text.eligible(piece));
        // Once other findings took sentences out, what is left is read like a piece alone.
        let fewest = if removed.contains(&true) {
            FEWEST_WORDS_ALONE
        } else {
            FEWEST_WORDS
        };
        if words < fewest || self.score(&text.found, removed, column, None) <= 0.0 {
            return Vec::new();
        }
        let mut removed: Vec<bool> = removed.to_vec();
        let mut shares = vec![0.0; text.units.len()];
        self.score(&text.found, &removed, column, Some(&mut shares));
        // The pieces by how much they add to the category, most first.
        let mut ranked: Vec<(usize, f32)> = shares
            .into_iter()
            .enumerate()
            .filter(|&(piece, share)| share > 0.0 && text.eligible(piece))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut flagged = Vec::new();
        for (piece, _) in ranked.into_iter().take(MOST_PIECES) {
            flagged.push(piece);
            if let Some(r) = removed.get_mut(piece) {
                *r = true;
            }
            if self.score(&text.found, &removed, column, None) <= 0.0 {
                break;
            }
        }
        // And any other piece that alone reads as the category ("I'd have thought that was the
        // bare minimum."), with words enough to read. Each piece is scored from its own
        // features (those within it, still sorted by row), so a long paste stays linear.
        let mut alone: Vec<Vec<Occurrence>> = vec![Vec::new(); text.units.len()];
        for o in text.found.iter().filter(|o| o.first == o.last) {
            if let Some(list) = alone.get_mut(o.first as usize) {
                list.push(*o);
            }
        }
        for (piece, found) in alone.iter().enumerate() {
            if flagged.contains(&piece) || removed.get(piece).copied().unwrap_or(true) {
                continue;
            }
            if !text.eligible(piece) {
                continue;
            }
            let words = found.iter().filter(|o| !o.bigram).count();
            if words >= FEWEST_WORDS_ALONE && self.score(found, &[], column, None) > 0.0 {
                flagged.push(piece);
            }
        }
        flagged.sort_unstable();
        flagged
    }
}

/// A message as the tone rules read it: its pieces as `check --fix` rebuilds it (greeting,
/// body sentences, close; see [`Parts`]), which of them may be pointed at, and the model's
/// features found in it, each with its pieces.
#[derive(Debug, Default)]
pub struct ToneText {
    /// The pieces' byte spans, in order.
    pub units: Vec<Span>,
    /// Whether a piece may be pointed at: a body sentence, or a greeting or close line long
    /// enough to say something ("hi its been 2 weeks since…"), not "Hi Gareth,".
    pub eligible: Vec<bool>,
    found: Vec<Occurrence>,
}

/// Capitalised words read even inside a sentence: the sender, and days and months ("by
/// Friday"). The trainer's `KEPT_CAPITALISED` is the same list.
const KEPT_CAPITALISED: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Most words of a greeting or close line that is only that.
const SHORT_LINE_WORDS: usize = 4;

impl ToneText {
    /// Whether the piece may be pointed at.
    fn eligible(&self, piece: usize) -> bool {
        self.eligible.get(piece).copied().unwrap_or(false)
    }

    /// How many known words (unigrams of the model) the pieces `keep` accepts hold.
    fn known_words(&self, keep: impl Fn(usize) -> bool) -> usize {
        self.found
            .iter()
            .filter(|o| !o.bigram && keep(o.first as usize))
            .count()
    }

    /// Cuts an analysed message into its pieces and finds the model's features in it.
    pub fn of(doc: &Document<'_>, language: &'static Language, model: &ToneModel) -> Self {
        let parts = Parts::of_doc(doc, language);
        let mut units: Vec<(Span, bool)> = parts.body.iter().map(|&s| (s, true)).collect();
        units.extend(
            parts
                .greeting
                .iter()
                .chain(&parts.close)
                .map(|&s| (s, false)),
        );
        units.sort_unstable();
        let eligible = units
            .iter()
            .map(|&((start, end), body)| {
                body || doc.text[start..end].split_whitespace().count() > SHORT_LINE_WORDS
            })
            .collect();
        let units: Vec<Span> = units.into_iter().map(|(s, _)| s).collect();
        let starts: Vec<usize> = units.iter().map(|s| s.0).collect();
        // The words alone: `!` and `?` are the punctuation rules' to report.
        let mut words = words(doc.text, &starts);
        words.retain(|w| w.text != "!" && w.text != "?");
        let mut found = model.occurrences(&words);
        found.sort_unstable_by_key(|o| o.row);
        ToneText {
            found,
            units,
            eligible,
        }
    }
}

/// Words a last line may be instead of a name ("Thanks", "Best regards"); the trainer's
/// `SIGN_OFF_WORDS`.
const SIGN_OFF_WORDS: &[&str] = &[
    "thanks", "thank", "cheers", "regards", "best", "ta", "thx", "kind", "warm", "many",
];

/// Where the message's signature line starts ("Meg", "Aaron Pike", "Dr Samira Haddad" alone on
/// the last line): a name says nothing of the tone, wherever it stands. The trainer's
/// `signature_start` is the same.
fn signature_start(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    let start = trimmed.rfind('\n')? + 1;
    let words: Vec<&str> = trimmed[start..].split_whitespace().collect();
    let first = words.first()?.trim_end_matches('.').to_ascii_lowercase();
    if SIGN_OFF_WORDS.contains(&first.as_str()) {
        return None;
    }
    let is_name = |w: &&str| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| c.is_ascii_alphabetic() || matches!(c, '.' | '\'' | '-' | '\u{2019}'))
    };
    ((1..=3).contains(&words.len()) && words.iter().all(is_name)).then_some(start)
}

/// The model's words of `text`, each with the index of the piece (by start offsets) it
/// starts in.
fn words(text: &str, piece_starts: &[usize]) -> Vec<Word> {
    let piece_of = |at: usize| piece_starts.partition_point(|&s| s <= at).saturating_sub(1) as u32;
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, if c == '\u{2019}' { '\'' } else { c }))
        .collect();
    let is_word = |c: char| c.is_ascii_alphanumeric();
    // Whether the word starting at `i` opens a sentence or a line.
    let opens = |i: usize| {
        chars[..i]
            .iter()
            .rev()
            .find(|(_, c)| *c != ' ' && *c != '\t')
            .is_none_or(|(_, c)| ".!?:;\n".contains(*c))
    };
    let signature = signature_start(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if signature.is_some_and(|s| at >= s) {
            break;
        }
        if c == '!' || c == '?' {
            out.push(Word {
                text: c.to_string(),
                piece: piece_of(at),
            });
            i += 1;
            continue;
        }
        if !is_word(c) {
            i += 1;
            continue;
        }
        let start = i;
        let mut text = String::new();
        loop {
            // A run of word characters, digit runs as one `0`.
            while i < chars.len() && is_word(chars[i].1) {
                let c = chars[i].1;
                if c.is_ascii_digit() {
                    if i == 0 || !chars[i - 1].1.is_ascii_digit() {
                        text.push('0');
                    }
                } else {
                    text.push(c.to_ascii_lowercase());
                }
                i += 1;
            }
            // An inner apostrophe joins the next run ("don't", "o'neill").
            let joins = chars.get(i).is_some_and(|&(_, c)| c == '\'')
                && chars.get(i + 1).is_some_and(|&(_, c)| is_word(c));
            if !joins {
                break;
            }
            text.push('\'');
            i += 1;
        }
        // A capitalised word inside a sentence is a name ("Urgent Care Inc.", "Junior
        // Architect"), which says nothing of the tone.
        let name = c.is_ascii_uppercase() && !KEPT_CAPITALISED.contains(&text.as_str());
        if name && !opens(start) {
            continue;
        }
        out.push(Word {
            text,
            piece: piece_of(at),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        words(text, &[]).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn the_tokenizer_is_the_trainers() {
        assert_eq!(
            texts("I’m STILL waiting… 10 days!! Q3, 2,500 emails? O'Neill's by Friday"),
            [
                "i'm",
                "waiting",
                "0",
                "days",
                "!",
                "!",
                "q0",
                "0",
                "0",
                "emails",
                "?",
                "o'neill's",
                "by",
                "friday"
            ]
        );
        assert_eq!(texts("café 12ab3 don'"), ["caf", "0ab0", "don"]);
        assert_eq!(
            texts("Thanks for the Junior Architect chat at Urgent Care Inc. Best, Ana"),
            ["thanks", "for", "the", "chat", "at", "best"]
        );
        // A signature alone on the last line is a name too.
        assert_eq!(
            texts("Hi Claire,\n\nAny news?\n\nMeg Lewis\n"),
            ["hi", "any", "news", "?"]
        );
        assert_eq!(texts("Any news, Meg"), ["any", "news"]);
        assert_eq!(texts("Hello,\nThanks"), ["hello", "thanks"]);
    }

    /// The trainer wrote, beside the weights, texts and the scores scikit-learn gave them:
    /// the same words read the same way here give the same scores.
    #[test]
    fn scores_match_the_trainers() {
        let model = crate::language::EN.tone.as_ref().unwrap();
        let parity = include_str!("../../rules/en/tone/parity.tsv");
        let mut checked = 0;
        for line in parity.lines() {
            let mut fields = line.split('\t');
            let text: String = serde_json::from_str(fields.next().unwrap()).unwrap();
            let expected: Vec<f32> = fields.map(|f| f.parse().unwrap()).collect();
            let got = model.scores(&text);
            for (g, e) in got.iter().zip(&expected) {
                assert!(
                    (g - e).abs() < 2e-3,
                    "{text:?}: {got:?} against {expected:?}"
                );
            }
            checked += 1;
        }
        assert!(checked > 200, "only {checked} parity texts");
    }

    #[test]
    fn a_reading_points_at_the_sentences_that_carry_it() {
        let model = crate::language::EN.tone.as_ref().unwrap();
        let text = "Hi Ana, thanks again for the interview for the Data Analyst role. \
                    Honestly I can't sleep and I check my inbox every hour. \
                    Could you share the timeline?";
        let doc = Document::new(text, &crate::language::EN);
        let tone = ToneText::of(&doc, &crate::language::EN, model);
        assert_eq!(tone.eligible, [false, true, true, true]);
        let column = |c| model.column(c).unwrap();
        let none = vec![false; tone.units.len()];
        assert_eq!(model.flag(&tone, &none, column(Category::Emotion)), [2]);
        let mut third = none.clone();
        third[2] = true;
        assert!(
            model
                .flag(&tone, &third, column(Category::Emotion))
                .is_empty()
        );
        assert!(
            model
                .flag(&tone, &none, column(Category::SelfPromotion))
                .is_empty()
        );
        let mut greeting_only = tone;
        greeting_only.eligible = vec![true, true, false, true];
        assert!(
            !model
                .flag(&greeting_only, &none, column(Category::Emotion))
                .contains(&2)
        );
    }
}
