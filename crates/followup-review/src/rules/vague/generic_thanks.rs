//! `vague.generic-thanks`: a thank-you whose body could follow any interview ("Thanks for your
//! time today, I really enjoyed our conversation. Have a good evening."). It names a
//! conversation, so `vague.no-reference` is quiet, but nothing of it: no role, no topic, no
//! name, no date. A warning on the whole message.
//!
//! The body is the message without its close ([`Parts`]) and the greeting's words and name
//! ("Dear Ms. Park,"; a greeting run on with a dash keeps what follows it). It is generic when
//! every word is a stop or function word or in the language's `generic-thanks` list; a
//! capitalised word inside a sentence ("the Growth Analyst role"), a number, a weekday or a
//! month, or any other word ("how you're splitting up the monolith") is specific. A sentence
//! another rule already flagged ("I bring 10 years of leadership") is no detail of the talk:
//! it is skipped, and what is left must name something.

use std::borrow::Cow;

use followup_core::MessageKind;

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Marker, Rule};
use crate::text::Token;
use crate::text::parts::{Parts, SIGN_OFFS};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: GenericThanks = GenericThanks;

/// See the module documentation.
pub struct GenericThanks;

/// Most words of a sign-off sentence left inside the body ("Best, Hannah").
const SIGN_OFF_WORDS: usize = 4;
/// Most words of a bare signature ending the last line ("Sam", "Ana Lucia Souza").
const SIGNATURE_WORDS: usize = 3;

impl Rule for GenericThanks {
    fn id(&self) -> &'static str {
        "vague.generic-thanks"
    }

    fn category(&self) -> Category {
        Category::Vague
    }

    fn description(&self) -> &'static str {
        "A thank-you that names nothing of the conversation."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        // With no reference at all, `vague.no-reference` speaks.
        if cx.kind != MessageKind::ThankYou || cx.marker(Marker::Reference).is_empty() {
            return;
        }
        let doc = cx.doc;
        let parts = Parts::of_doc(doc, cx.language);
        let in_close = |t: &Token| {
            parts
                .close
                .iter()
                .any(|&(s, e)| s <= t.start && t.start < e)
        };
        let greeting = greeting_words(cx);
        let last = doc.sentences.len().saturating_sub(1);
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let tokens: Vec<&Token> = doc.tokens[sentence.first_token..sentence.end_token]
                .iter()
                .enumerate()
                .filter(|&(i, t)| sentence.first_token + i >= greeting && !in_close(t))
                .map(|(_, t)| t)
                .collect();
            let signs_off = tokens.len() <= SIGN_OFF_WORDS
                && tokens
                    .first()
                    .is_some_and(|t| SIGN_OFFS.contains(&t.text.as_str()));
            // A name signed on the message's last line ("…lovely evening! Sam").
            let signature = index == last
                && tokens.len() <= SIGNATURE_WORDS
                && tokens.iter().all(|t| t.capitalised);
            let flagged = out.iter().any(|f| {
                !f.whole_message
                    && f.severity >= Severity::Warning
                    && f.start < sentence.end
                    && sentence.start < f.end
            });
            if signs_off || signature || flagged {
                continue;
            }
            let opening = tokens.first().map(|t| t.start);
            if tokens
                .iter()
                .any(|t| specific(cx, t, Some(t.start) == opening))
            {
                return;
            }
        }
        let suggestion: Cow<'static, str> = match cx.context {
            Some(context) => format!(
                "Name one thing you discussed: \"Thank you for walking me through <topic> for \
                 the {} role.\"",
                context.role
            )
            .into(),
            None => "Name one thing you discussed: \"Thank you for walking me through <topic> \
                     for the <role> role.\""
                .into(),
        };
        out.push(Finding::whole(
            self.id(),
            Category::Vague,
            Severity::Warning,
            cx.len(),
            "This thank-you could follow any interview: one detail of the conversation is what \
             makes it worth reading.",
            suggestion,
        ));
    }
}

/// How many tokens the greeting's words, titles and name take at the start ("Dear Ms. Ana
/// Park" is four; none when the message opens otherwise).
fn greeting_words(cx: &Check<'_>) -> usize {
    let lexicon = cx.lexicon();
    let tokens = &cx.doc.tokens;
    if !tokens
        .first()
        .is_some_and(|t| lexicon.greetings.contains(t.text.as_str()))
    {
        return 0;
    }
    let mut at = 1;
    while tokens.get(at).is_some_and(|t| {
        lexicon.greetings.contains(t.text.as_str()) || lexicon.honorifics.contains(t.text.as_str())
    }) {
        at += 1;
    }
    // The name: up to two capitalised words, or one lower-case word in a chat ("hey tom,").
    let named = tokens[at.min(tokens.len())..]
        .iter()
        .take(2)
        .take_while(|t| t.capitalised)
        .count();
    at + named.max(usize::from(
        tokens
            .get(at)
            .is_some_and(|t| cx.doc.text[t.end..].starts_with(',')),
    ))
}

/// Whether a word names something of this conversation: a name or title inside a sentence, a
/// number or a date, or any word a generic thank-you does not use.
fn specific(cx: &Check<'_>, token: &Token, opens_sentence: bool) -> bool {
    let lexicon = cx.lexicon();
    let word = token.text.as_str();
    let named = token.capitalised
        && !opens_sentence
        && word != "i"
        && !lexicon.greetings.contains(word)
        && !lexicon.honorifics.contains(word);
    let dated = word.chars().any(|c| c.is_ascii_digit())
        // "many thanks" counts nothing: a listed word is no count.
        || (lexicon.count(word).is_some() && !lexicon.generic_thanks.contains(word))
        || lexicon.ordinal_day(word).is_some()
        || lexicon.weekday(word, token.capitalised).is_some()
        || lexicon.month(word).is_some();
    let plain = lexicon.generic_thanks.contains(word)
        || lexicon.stop_words.contains(word)
        || lexicon.function_words.contains(word);
    named || dated || !plain
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires_as, silent_as};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_thanks_that_could_follow_any_interview() {
        fires_as(
            "vague.generic-thanks",
            MessageKind::ThankYou,
            &[
                "Dear Mr. Smith, many thanks for the pleasant interview. Kind regards, Francesca",
                "Hi,\n\nThanks for your time today, I really enjoyed our conversation. Have a good \
                 evening.\n\nRegards,\nSam",
                "Thanks for your time today. It was great to meet you and learn more about the \
                 company. Have a great weekend!",
                "Hi Sam, thank you for the interview. It was a pleasure to learn more about the \
                 team and the role. Best, Alex",
                "Dear Ms. Park,\n\nThank you so much for taking the time to speak with me. I \
                 enjoyed hearing more about the position.\n\nKind regards,\nLee",
                "Hi, Thanks for your time today, it was great to chat. Have a lovely evening! Sam",
            ],
        );
    }

    #[test]
    fn one_detail_is_enough() {
        silent_as(
            "vague.generic-thanks",
            MessageKind::ThankYou,
            &[
                "hey tom, thanks for the chat earlier re: the backend role. really liked hearing \
                 how you're splitting up the monolith. have a good weekend!",
                "Hi Mateo,\n\nThank you for Wednesday's conversation about the Growth Analyst \
                 role.\n\nAll the best,\nIngrid",
                "Thank you for the interview on 3 May. I enjoyed meeting the team.",
                "Thanks for the conversation today; the migration plan sounds like fun.",
                "Dear Dr. Osei, thank you for this morning's interview. Your explanation of the \
                 battery tests was fascinating. Best, Kwame",
                "Hi Jenna — thank you for today's interview for the UX Researcher role. Enjoyed \
                 meeting the team.\n\nBest, Omar",
            ],
        );
        // Other kinds have their own rules for what they must name.
        silent_as(
            "vague.generic-thanks",
            MessageKind::FollowUp,
            &["Thanks for your time today, I really enjoyed our conversation."],
        );
    }
}
