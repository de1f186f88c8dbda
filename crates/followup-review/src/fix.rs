//! `check --fix`: the strong version of the user's own message.
//!
//! The message is cut into its greeting, its sentences and its close. A sentence with no
//! finding is kept byte for byte, in order; a sentence whose only findings are capitals or
//! `!!` is rewritten (lower case, one mark); any other flagged sentence is removed. Then what
//! the review of what is left says is missing is added in the composer's words (its first
//! neutral variant, `followup-core/templates/en`): the process (with `--process` from it;
//! without, only when the message names a role), the timeline (with `--process`), the dates
//! the removed sentences held, one objective question (not for a thank-you, a reply or a
//! withdrawal) and a respectful close. The greeting and the signature are kept: a sign-off
//! line in the user's own words (a short line ending in a comma, "Many thanks,") is the
//! close, with the name after it; what they wrote after it is reviewed as body.
//!
//! Without `--process` the fix invents no date. When the review asks for a time anchor, the
//! only one it may add is a fact the removed sentences stated: the time since an event ("It
//! has been 19 days since my interview" → "My interview was 19 days ago."), or an event and
//! its past date ("after my interview 2 weeks ago"). A message that names no time at all
//! (such as "Just checking in. Any updates?") keeps its `vague.no-time-anchor` warning: the
//! promised date is in the process, not in the text, and a placeholder is not sendable.

use followup_core::MessageKind;

use crate::context::ProcessContext;
use crate::finding::{Category, Finding, Severity};
use crate::language::{Language, Lexicon};
use crate::reviewer::Reviewer;
use crate::text::Document;
use crate::text::dates::{DateMeaning, find_dates};
use crate::text::parts::{Parts, SIGN_OFFS, Span};
use crate::verdict::Review;

/// A rewritten message and its review.
#[derive(Clone, Debug)]
pub struct Fix {
    /// The rewritten message.
    pub text: String,
    /// Its review, with the same kind and context.
    pub review: Review,
}

/// Rules whose words are rewritten rather than removed.
pub(crate) const REWRITTEN: &[&str] = &["emotion.punctuation", "emotion.shouting"];

/// Words after which capitalised words name a role ("the Backend Engineer role").
const ROLE_NOUNS: &[&str] = &[
    "role",
    "position",
    "opening",
    "vacancy",
    "job",
    "post",
    "interview",
    "process",
    "application",
];

/// The close added when the message has none, or a flagged one.
const CLOSE: &str = "Best regards,";

impl Reviewer {
    /// The strong version of `text`, reviewed as `kind` with `context`: a message already
    /// strong, with its close last, is its own strong version, byte for byte.
    pub fn fix(&self, text: &str, kind: MessageKind, context: Option<&ProcessContext>) -> Fix {
        let review = self.review(text, kind, context);
        let language = self.language();
        let parts = Parts::of(text, language);
        let close_last = match (parts.close.last(), parts.body.last()) {
            (Some(close), Some(body)) => close.1 >= body.1,
            _ => true,
        };
        if review.verdict == crate::verdict::Verdict::Strong && close_last {
            return Fix {
                text: text.to_owned(),
                review,
            };
        }
        let flagged: Vec<&Finding> = review
            .findings
            .iter()
            .filter(|f| !f.whole_message && f.severity >= Severity::Warning)
            .collect();
        let findings_in = |(start, end): Span| -> Vec<&Finding> {
            flagged
                .iter()
                .copied()
                .filter(|f| f.overlaps((start, end)))
                .collect()
        };
        let keep = |span: Span| -> Option<String> {
            let found = findings_in(span);
            let piece = &text[span.0..span.1];
            if found.is_empty() {
                Some(piece.to_owned())
            } else if found.iter().all(|f| REWRITTEN.contains(&f.rule)) {
                Some(rewrite(piece, span.0, &found))
            } else {
                None
            }
        };

        let greeting = parts.greeting.map(|g| {
            keep(g).unwrap_or_else(|| match context.and_then(|c| c.first_name.as_ref()) {
                Some(name) => format!("Hi {name},"),
                None => "Hello,".to_owned(),
            })
        });
        let mut body: Vec<String> = Vec::new();
        let mut removed: Vec<Span> = Vec::new();
        for &span in &parts.body {
            // A bare link just after a removed sentence on its line was that sentence's
            // ("…happy to show you! rafalima.dev/portfolio"): it goes with it.
            let trails_removed = removed.last().is_some_and(|&(_, end)| {
                !text[end..span.0].contains('\n') && wordless(&text[span.0..span.1])
            });
            match keep(span).filter(|_| !trails_removed) {
                Some(piece) => body.push(piece),
                None => removed.push(span),
            }
        }
        // A greeting that opened a kept sentence stays on its line.
        let greeting = match (greeting, parts.inline) {
            (Some(g), Some((gap_start, gap_end)))
                if parts.body.first().is_some_and(|s| !removed.contains(s)) && !body.is_empty() =>
            {
                let first = body.remove(0);
                Some(format!("{g}{}{first}", &text[gap_start..gap_end]))
            }
            (g, _) => g,
        };
        let signed = parts.signed && parts.close.first().is_some_and(|&s| keep(s).is_some());
        let mut close: Vec<String> = parts.close.iter().filter_map(|&s| keep(s)).collect();
        let opens_with_sign_off = signed
            || close.first().is_some_and(|line| {
                let first = line.split_whitespace().next().unwrap_or("");
                SIGN_OFFS.contains(
                    &first
                        .trim_matches(|c: char| !c.is_alphabetic())
                        .to_lowercase()
                        .as_str(),
                )
            });
        if !opens_with_sign_off {
            close.insert(0, CLOSE.to_owned());
        }

        // What the review of the kept text says is missing.
        let draft = assemble(greeting.as_deref(), &body, &close);
        let missing = self.review(&draft, kind, context);
        let lacks = |rule: &str| missing.findings.iter().any(|f| f.rule == rule);
        let role = context
            .map(|c| (c.role.clone(), Some(c.company.clone())))
            .or_else(|| role_named(text, language).map(|r| (r, None)));
        let mut referenced = true;
        match &role {
            Some((role, company))
                if lacks("vague.no-reference") || !draft.contains(role.as_str()) =>
            {
                body.insert(0, reference(kind, role, company.as_deref()));
            }
            None if lacks("vague.no-reference") => {
                body.insert(0, unnamed_reference(kind).to_owned())
            }
            _ => referenced = false,
        }
        if let Some(context) = context
            && let Some(promise) = context.promise
            && (lacks("vague.no-time-anchor") || lacks("vague.promise-date"))
        {
            body.push(format!(
                "You mentioned you expected to reach a decision by {}.",
                context.spell(promise)
            ));
        }
        let doc = Document::new(text, language);
        let found = find_dates(&doc, &language.lexicon);
        let lost: Vec<_> = found
            .iter()
            .filter(|d| names_a_day(&d.meaning))
            .filter(|d| removed.iter().any(|&(s, e)| s <= d.start && d.end <= e))
            .filter(|d| !body.iter().any(|b| b.contains(text[d.start..d.end].trim())))
            .collect();
        // An event's date says what it was ("My interview was on Monday."); the others are
        // listed as they were written.
        let mut listed = Vec::new();
        for date in &lost {
            let written = text[date.start..date.end].trim();
            match event_of(&doc, date.start, date.end) {
                // Just after the process it is about, before what is asked.
                Some(event) => body.insert(
                    usize::from(referenced).min(body.len()),
                    format!("{event} was on {written}."),
                ),
                None => listed.push(written),
            }
        }
        if !listed.is_empty() {
            body.push(dates_sentence(&listed, &language.lexicon));
        }
        if context.is_none()
            && lacks("vague.no-time-anchor")
            && lost.is_empty()
            && let Some(anchor) = promised_anchor(&doc, language, &removed)
                .or_else(|| event_anchor(&doc, language, &removed))
        {
            // Just after the process it is about, before what is asked.
            body.insert(usize::from(referenced).min(body.len()), anchor);
        }
        // A withdrawal whose own words of leaving were removed ("I'm so sorry, but I have to
        // withdraw") still has to say it.
        if kind == MessageKind::Withdraw && !body.iter().chain(&close).any(|p| withdraws(p)) {
            let at = usize::from(referenced).min(body.len());
            body.insert(at, WITHDRAWING.to_owned());
        }
        // An align whose outside change went with the leverage around it ("Globex has offered
        // me 20% more… Unless you can match it by Friday…") still has to say what changed.
        let mut news_at = None;
        if kind == MessageKind::Align
            && !body.iter().any(|p| tells_of_an_offer(p))
            && removed.iter().any(|&(s, e)| tells_of_an_offer(&text[s..e]))
        {
            let at = usize::from(referenced).min(body.len());
            body.insert(at, OFFER_NEWS.to_owned());
            news_at = Some(at);
        }
        if lacks("no-question.missing") {
            body.push(question(kind).to_owned());
        }
        let fixed = assemble(greeting.as_deref(), &body, &close);
        let review = self.review(&fixed, kind, context);
        // Beside what is kept ("…decide by Friday"), the news may read as the leverage it
        // replaced: then the fix leaves it out.
        let leverage = review
            .findings
            .iter()
            .any(|f| f.category == Category::Pressure && f.severity >= Severity::Warning);
        if let (Some(at), true) = (news_at, leverage) {
            body.remove(at);
            let text = assemble(greeting.as_deref(), &body, &close);
            let review = self.review(&text, kind, context);
            return Fix { text, review };
        }
        Fix {
            text: fixed,
            review,
        }
    }
}

/// Whether a piece of text holds no word, only links, addresses or emoji.
fn wordless(piece: &str) -> bool {
    piece.split_whitespace().all(|w| {
        w.contains('/')
            || w.contains('@')
            || w.contains("www.")
            || !w.chars().any(char::is_alphabetic)
    })
}

/// Events a time may be counted from.
const EVENTS: &[&str] = &[
    "interview",
    "interviews",
    "conversation",
    "call",
    "meeting",
    "round",
    "onsite",
    "chat",
    "talk",
    "panel",
    "assessment",
];

/// Units of a duration, with the word "ago" reads after.
const UNITS: &[&str] = &["day", "days", "week", "weeks", "month", "months"];

/// Verbs by which they gave a date ("You promised an answer by the end of last week").
const GAVE: &[&str] = &["promised", "said", "mentioned", "told", "expected", "wrote"];

/// The date they gave, stated by a removed sentence (a verb of theirs, then "by" and a
/// date), in the composer's words: "You mentioned you expected to have an update by the end
/// of last week."
fn promised_anchor(
    doc: &Document<'_>,
    language: &'static Language,
    removed: &[Span],
) -> Option<String> {
    let dates = find_dates(doc, &language.lexicon);
    for &(start, end) in removed {
        let tokens: Vec<&crate::text::Token> = doc
            .tokens
            .iter()
            .filter(|t| start <= t.start && t.end <= end)
            .collect();
        let gave = tokens.windows(2).any(|w| {
            matches!(w[0].text.as_str(), "you" | "they" | "team")
                && GAVE.contains(&w[1].text.as_str())
        });
        if !gave {
            continue;
        }
        // "by Friday", "by the end of last week": "by" at most three words before the date.
        let given = dates.iter().find_map(|d| {
            if d.start < start || d.end > end || matches!(d.meaning, DateMeaning::Span) {
                return None;
            }
            let before = &doc.text[start..d.start];
            let by = before.rfind(" by ")? + " by ".len();
            (before[by..].split_whitespace().count() <= 3)
                .then(|| doc.text[start + by..d.end].trim())
        });
        if let Some(given) = given {
            return Some(format!(
                "You mentioned you expected to have an update by {given}."
            ));
        }
    }
    None
}

/// A time anchor stated by a removed sentence, as a sentence of fact: "It has been 19 days
/// since my interview" or "three weeks since the interview" → "My interview was 19 days
/// ago."; "after my interview 2 weeks ago" → "My interview was 2 weeks ago."
fn event_anchor(
    doc: &Document<'_>,
    language: &'static Language,
    removed: &[Span],
) -> Option<String> {
    let tokens = &doc.tokens;
    let inside = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| removed.iter().any(|&(s, e)| s <= t.start && t.end <= e))
    };
    let text = doc.text;
    let owner = |i: usize| match doc.word_at(i) {
        "my" => "My",
        "our" => "Our",
        _ => "The",
    };
    for i in 0..tokens.len().saturating_sub(1) {
        if !inside(i) || !inside(i + 1) {
            continue;
        }
        let duration = (language.lexicon.count(doc.word_at(i)).is_some() || doc.word_at(i) == "a")
            && UNITS.contains(&doc.word_at(i + 1));
        // "day 12 and counting since…" is 12 days.
        let day_count =
            doc.word_at(i) == "day" && language.lexicon.count(doc.word_at(i + 1)).is_some();
        if !duration && !day_count {
            continue;
        }
        let amount = if day_count {
            format!("{} days", doc.word_at(i + 1))
        } else {
            text[tokens[i].start..tokens[i + 1].end].to_lowercase()
        };
        // "19 days since my interview", "two weeks without a word since the interview".
        let same = |j: usize| {
            tokens
                .get(j)
                .is_some_and(|t| t.sentence == tokens[i].sentence)
        };
        let since = (i + 2..i + 7)
            .take_while(|&j| same(j))
            .find(|&j| doc.word_at(j) == "since");
        if let Some(since) = since {
            let event = (since + 1..since + 7)
                .take_while(|&j| same(j))
                .find(|&j| EVENTS.contains(&doc.word_at(j)));
            if let Some(j) = event {
                return Some(format!(
                    "{} {} was {amount} ago.",
                    owner(since + 1),
                    doc.word_at(j)
                ));
            }
        }
        // "my interview 2 weeks ago".
        if doc.word_at(i + 2) == "ago" && i > 0 && EVENTS.contains(&doc.word_at(i - 1)) {
            let owner = if i >= 2 { owner(i - 2) } else { "The" };
            return Some(format!("{owner} {} was {amount} ago.", doc.word_at(i - 1)));
        }
    }
    None
}

/// A date that names a day ("Friday", "2 June"), not a span of waiting ("2 weeks").
/// "today" and "tomorrow" are days only inside their sentence: out of it ("the date I have
/// is tomorrow") they say nothing, so a removed one is not restated.
fn names_a_day(meaning: &DateMeaning) -> bool {
    matches!(
        meaning,
        DateMeaning::Weekday(_)
            | DateMeaning::MonthDay { .. }
            | DateMeaning::DayOfMonth(_)
            | DateMeaning::Numeric(..)
            | DateMeaning::Exact(_)
    )
}

/// The event a date belongs to, with its owner ("My interview" for "my interview on
/// Monday", "my Monday interview", "I interviewed on 4 May"), if one stands beside it.
fn event_of(doc: &Document<'_>, start: usize, end: usize) -> Option<String> {
    let tokens = &doc.tokens;
    let first = tokens.partition_point(|t| t.end <= start);
    let after = tokens.partition_point(|t| t.start < end);
    let sentence = tokens.get(first)?.sentence;
    // The nearest event word before the date in its sentence, else the word just after it.
    let near = (first.saturating_sub(8)..first)
        .rev()
        .chain(after..after + 1)
        .filter(|&i| tokens.get(i).is_some_and(|t| t.sentence == sentence));
    for i in near {
        let word = doc.word_at(i);
        let event = if word == "interviewed" {
            "interview"
        } else if EVENTS.contains(&word) {
            word
        } else {
            continue;
        };
        let owner = match doc.word_at(i.saturating_sub(1)) {
            "our" => "Our",
            "the" => "The",
            _ => "My",
        };
        return Some(format!("{owner} {event}"));
    }
    None
}

/// The sentence with its flagged capitals lowered and its runs of `!`/`?` cut to one mark.
fn rewrite(piece: &str, offset: usize, findings: &[&Finding]) -> String {
    let mut out = String::with_capacity(piece.len());
    let mut at = 0;
    let mut spans: Vec<Span> = findings
        .iter()
        .map(|f| {
            (
                f.start.max(offset) - offset,
                (f.end.max(offset) - offset).min(piece.len()),
            )
        })
        .collect();
    spans.sort_unstable();
    for (start, end) in spans {
        if start < at || start >= end {
            continue;
        }
        out.push_str(&piece[at..start]);
        let flagged = &piece[start..end];
        if flagged.chars().all(|c| matches!(c, '!' | '?')) {
            out.push(if flagged.contains('?') { '?' } else { '.' });
        } else if start == 0 {
            let lower = flagged.to_lowercase();
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(&flagged.to_lowercase());
        }
        at = end;
    }
    out.push_str(&piece[at..]);
    out
}

/// The role a message names: the capitalised words before "role" or "position" ("the
/// Backend Engineer role"), or after "post of" ("the post of Procurement Officer").
fn role_named(text: &str, language: &'static Language) -> Option<String> {
    let doc = Document::new(text, language);
    let tokens = &doc.tokens;
    for (i, token) in tokens.iter().enumerate() {
        if !ROLE_NOUNS.contains(&token.text.as_str()) {
            continue;
        }
        let names = |t: &crate::text::Token| {
            t.capitalised
                && t.sentence == token.sentence
                && t.text != "i"
                && !(t.all_caps && t.text.len() > 3)
                && language.lexicon.weekday(&t.text, true).is_none()
                && language.lexicon.month(&t.text).is_none()
        };
        let mut first = i;
        while first > 0 && names(&tokens[first - 1]) {
            first -= 1;
        }
        if first < i && !(i - first == 1 && tokens[first].all_caps && tokens[first].text.len() == 1)
        {
            return Some(text[tokens[first].start..tokens[i - 1].end].to_owned());
        }
        if tokens.get(i + 1).is_some_and(|t| t.text == "of") {
            let mut last = i + 1;
            while tokens.get(last + 1).is_some_and(names) {
                last += 1;
            }
            if last > i + 1 {
                return Some(text[tokens[i + 2].start..tokens[last].end].to_owned());
            }
        }
    }
    None
}

/// The composer's words of leaving.
const WITHDRAWING: &str = "I am withdrawing from the process.";

/// The outside change an align message is about, in the composer's words.
const OFFER_NEWS: &str = "I have received another offer.";

/// Whether a piece tells of another offer ("Globex has offered me 20% more").
fn tells_of_an_offer(piece: &str) -> bool {
    let piece = piece.to_lowercase();
    ["offer", "offered"]
        .iter()
        .any(|w| piece.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w))
}

/// Whether a kept piece says the sender leaves the process.
fn withdraws(piece: &str) -> bool {
    let piece = piece.to_lowercase();
    [
        "withdraw",
        "step away",
        "stepping away",
        "step back",
        "stepping back",
        "pull out",
        "pulling out",
        "pull my",
        "remove me",
        "remove my",
        "no longer",
    ]
    .iter()
    .any(|w| piece.contains(w))
}

/// The process, in the composer's words for the kind.
fn reference(kind: MessageKind, role: &str, company: Option<&str>) -> String {
    let at = company.map(|c| format!(" at {c}")).unwrap_or_default();
    match kind {
        MessageKind::ThankYou => {
            format!("Thank you for talking with me about the {role} role{at}.")
        }
        MessageKind::FollowUp => format!("I am writing to follow up on the {role} role{at}."),
        MessageKind::Final => format!("I am writing one last time about the {role} role{at}."),
        _ => format!("I am writing about the {role} role{at}."),
    }
}

/// The process without its name, in the composer's words: nothing is invented.
fn unnamed_reference(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::ThankYou => "I appreciated your time and the conversation.",
        MessageKind::Align => {
            "I remain very interested in the role and would like to plan around your timeline."
        }
        MessageKind::FollowUp => "I have remained interested in the role since our conversation.",
        _ => "I remain interested in the role.",
    }
}

/// The dates of removed sentences, kept.
fn dates_sentence(dates: &[&str], lexicon: &Lexicon) -> String {
    let dates: Vec<String> = dates.iter().map(|d| as_said(d, lexicon)).collect();
    match dates.as_slice() {
        [one] => format!("For reference, the date I have is {one}."),
        [rest @ .., last] => format!(
            "For reference, the dates I have are {} and {last}.",
            rest.join(", ")
        ),
        [] => String::new(),
    }
}

/// A date as a sentence says it: an ordinal day takes "the" ("the 8th", "the 14th of May"),
/// other forms stay as written ("8 May", "Friday").
fn as_said(date: &str, lexicon: &Lexicon) -> String {
    let first = date
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let ordinal =
        first.starts_with(|c: char| c.is_ascii_digit()) && lexicon.ordinal_day(&first).is_some();
    if ordinal {
        format!("the {date}")
    } else {
        date.to_string()
    }
}

/// One objective question, in the composer's words for the kind.
fn question(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Final => "Could you let me know whether the position is still open?",
        MessageKind::Align => "Could you share the expected timing of your decision?",
        _ => "Is there an update on the timeline?",
    }
}

/// Greeting, body and close as paragraphs.
fn assemble(greeting: Option<&str>, body: &[String], close: &[String]) -> String {
    let mut out = String::new();
    if let Some(greeting) = greeting {
        out.push_str(greeting);
        out.push_str("\n\n");
    }
    for (i, piece) in body.iter().enumerate() {
        if i > 0 {
            // A chat line without its full stop still ends before the next sentence; a link
            // or an address keeps its line, with no stop added to it.
            let previous = body[i - 1].trim_end();
            let ended = previous.ends_with(['.', '?', '!', '…', ':', ')', '"']);
            out.push_str(if wordless(previous) {
                "\n"
            } else if ended {
                " "
            } else {
                ". "
            });
        }
        out.push_str(piece);
    }
    if !close.is_empty() {
        out.push_str("\n\n");
        out.push_str(&close.join("\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::dates_sentence;
    use crate::Reviewer;
    use crate::language::EN;
    use followup_core::MessageKind;

    #[test]
    fn an_align_whose_offer_went_with_the_ultimatum_still_tells_it() {
        let text = "Hi Kevin,\n\nJust so you know, Globex has offered me 20% more than what we \
                    discussed for the Frontend Engineer role. Unless you can match it by Friday, \
                    I'll be signing with them.\n\nRavi";
        let fix = Reviewer::new().fix(text, MessageKind::Align, None);
        assert!(
            fix.text.contains("I have received another offer."),
            "{}",
            fix.text
        );
        assert_eq!(
            fix.review.verdict,
            crate::verdict::Verdict::Strong,
            "{}",
            fix.text
        );
    }

    #[test]
    fn kept_dates_read_as_a_sentence_says_them() {
        assert_eq!(
            dates_sentence(&["8th"], &EN.lexicon),
            "For reference, the date I have is the 8th."
        );
        assert_eq!(
            dates_sentence(&["Friday", "14th of May"], &EN.lexicon),
            "For reference, the dates I have are Friday and the 14th of May."
        );
        assert_eq!(
            dates_sentence(&["8 May"], &EN.lexicon),
            "For reference, the date I have is 8 May."
        );
    }
}
