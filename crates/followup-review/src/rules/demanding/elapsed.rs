//! `demanding.elapsed`: the time or the messages counted while waiting ("Three weeks now
//! since my interview", "this is my fourth email", "waiting your reply since 10 days").
//!
//! A structure: its table pairs a duration or a count of messages with waiting, silence or
//! no reply in one sentence; the code reads a date they gave and, in the next short sentence,
//! today's ("You said Monday. It's Thursday.").

use crate::finding::{Category, Severity};
use crate::rules::{Check, PhraseRule, StructureRule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: StructureRule = StructureRule {
    rule: PhraseRule {
        id: "demanding.elapsed",
        category: Category::Demanding,
        severity: Severity::Error,
        description: "Days, weeks or messages counted while waiting for their answer.",
        message: "Counting the time or the messages sounds like a reproach, and reproaches get no \
                  replies.",
        suggestion: "Is there any news on the timeline?",
    },
    keep: crate::rules::keep_all,
    structure: elapsed_in_sentences,
};

/// Units of a duration.
const UNITS: &[&str] = &["day", "days", "week", "weeks", "month", "months"];
/// Words of no answer ("no reply", "nothing", "without news") that a duration may sit far
/// from in a long sentence.
const NO_ANSWER: &[&str] = &[
    "reply", "response", "answer", "news", "word", "feedback", "update",
];
/// Verbs of having heard back: negated ("I have not heard"), or with nothing as their object
/// ("I have heard nothing", "received nothing back"), they say there was no answer. Their
/// base forms count only after "did not" ("did not hear"): "can't wait to hear" is eager.
const HEARD: &[&str] = &["heard", "received", "got", "gotten"];
const HEAR: &[&str] = &["hear", "receive", "get"];

/// Words an elliptic sentence of elapsed time may hold besides the duration ("been 2 weeks
/// lol").
const ELLIPSIS: &[&str] = &[
    "it", "has", "is", "been", "already", "now", "lol", "almost", "over", "nearly", "like", "haha",
    "smh", "and", "a", "since", "then",
];

/// The sentences (as byte spans) that name a duration and no answer anywhere in them, or
/// only a duration ("been 2 weeks lol"); then the said-then-today pairs.
fn elapsed_in_sentences(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let lexicon = cx.lexicon();
    let mut spans = said_then_today(cx);
    for sentence in &doc.sentences {
        let tokens = &doc.tokens[sentence.first_token..sentence.end_token];
        let duration = tokens.windows(2).position(|w| {
            (lexicon.count(&w[0].text).is_some() || matches!(w[0].text.as_str(), "a" | "few"))
                && UNITS.contains(&w[1].text.as_str())
        });
        let Some(at) = duration else { continue };
        // "no reply", "without any update", "not a single answer".
        let no_answer = tokens.iter().enumerate().any(|(i, t)| {
            NO_ANSWER.contains(&t.text.as_str())
                && tokens[i.saturating_sub(3)..i]
                    .iter()
                    .any(|n| n.negator || matches!(n.text.as_str(), "no" | "without"))
        });
        // "I have heard nothing", "not heard back", "got nothing".
        let not_heard = tokens.iter().enumerate().any(|(i, t)| {
            let word = t.text.as_str();
            let negated = tokens[i.saturating_sub(3)..i].iter().any(|n| n.negator);
            let nothing = tokens[i + 1..tokens.len().min(i + 3)]
                .iter()
                .any(|n| matches!(n.text.as_str(), "nothing" | "zero" | "nada"));
            let did_not = i >= 2 && tokens[i - 1].negator && tokens[i - 2].text == "did";
            (HEARD.contains(&word) && (negated || nothing)) || (HEAR.contains(&word) && did_not)
        });
        let elliptic = tokens
            .iter()
            .enumerate()
            .all(|(i, t)| i == at || i == at + 1 || ELLIPSIS.contains(&t.text.as_str()))
            && tokens.iter().any(|t| t.text == "been");
        if no_answer || not_heard || elliptic {
            spans.push((tokens[at].start, tokens[at + 1].end));
        }
    }
    spans
}

/// "You said Monday." (or "by the 10th") then a short sentence naming
/// today ("It's Thursday.", "It's the 17th.").
fn said_then_today(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let lexicon = cx.lexicon();
    let mut spans = Vec::new();
    for pair in doc.sentences.windows(2) {
        let words = |s: &crate::text::Sentence| &doc.tokens[s.first_token..s.end_token];
        let (said, now) = (words(&pair[0]), words(&pair[1]));
        // A weekday, or a day of the month ("by the 10th").
        let names_day = |t: &crate::text::Token| {
            lexicon.weekday(&t.text, t.capitalised).is_some()
                || lexicon.ordinal_day(&t.text).is_some()
        };
        // "You said", or "you were very clear that" a few words on.
        let promised = said.iter().enumerate().any(|(i, w)| {
            w.text == "you"
                && said[i + 1..].iter().take(3).any(|v| {
                    matches!(
                        v.text.as_str(),
                        "said" | "told" | "promised" | "mentioned" | "wrote" | "assured" | "clear"
                    )
                })
        }) && said.iter().any(names_day);
        let today = now.len() <= 4
            && now.iter().any(names_day)
            && now
                .iter()
                .any(|t| matches!(t.text.as_str(), "it" | "today" | "now" | "is"));
        if promised && today {
            spans.push((pair[0].start, pair[1].end));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_durations_and_counts_said_many_ways() {
        fires(
            "demanding.elapsed",
            &[
                // Time counted in what they failed to do.
                "After three weeks of missed callbacks, I accepted another role.",
                "Two months of cancelled calls later, I am still interested.",
                "A few days of unanswered emails is fine, but is there news?",
                // Phrasings that share no listed phrase with each other.
                "Three weeks now since my interview.",
                "I am writing for the fourth time.",
                "I am waiting your reply since 10 days.",
                "You said Monday. It's Thursday.",
                "You were very clear I would hear by Tuesday. It is now Friday.",
                "You were clear it would be Wednesday. Today is Monday.",
                "You said I'd hear by the 10th. It's the 17th.",
                "Day 12 and counting since the final round.",
                "Waited 5 weeks for this.",
                "Per my last three emails, I am following up.",
                "It has been 19 days since my interview and I have received nothing.",
                // A duration and no hearing back, far apart in one sentence.
                "It is 3 weeks since the panel at your Lisbon office on the 4th and I got nothing.",
                "Ten days after the on-site with the data team, I have not heard a thing from you.",
                "Two weeks ago today I met your CTO for the final round, and I haven't received any word.",
                "A month on from the assessment centre, I did not hear anything.",
            ],
        );
    }

    #[test]
    fn calm_mentions_of_time_stay_quiet() {
        silent(
            "demanding.elapsed",
            &[
                "It has been a week since our interview, and I enjoyed it.",
                "I interviewed on Monday and enjoyed meeting the team.",
                "You said Monday would work for the call; I will be there.",
                "I have two weeks of notice at my current job.",
                "The second round went well, thank you.",
                "The trial project took two weeks; I received great feedback on it.",
                "In 3 weeks I got a good sense of the product from the trial project.",
                "Thanks for the interview two weeks ago; I can't wait to hear back.",
            ],
        );
    }

    #[test]
    fn the_count_stressed() {
        fires(
            "demanding.elapsed",
            &[
                "It has now been 23 days since the panel.",
                "It is now nearly a month since my interview.",
                "It has now been over three weeks.",
            ],
        );
        silent(
            "demanding.elapsed",
            &[
                "It has been a pleasure to meet the team.",
                "It is now clear to me which team I would join, and I am glad.",
            ],
        );
    }

    #[test]
    fn todays_date_set_against_the_promise() {
        fires(
            "demanding.elapsed",
            &[
                "You said the 10th. We are the 17th.",
                "The answer was due on 3 May; we are already 12 May.",
            ],
        );
        silent(
            "demanding.elapsed",
            &[
                "We are the only team in the company doing this, you said.",
                "I was told the interview is on the 10th. It is on Zoom.",
            ],
        );
    }

    #[test]
    fn the_time_it_took_stressed() {
        fires(
            "demanding.elapsed",
            &[
                "Given it has taken a full three weeks since my interview, I wonder.",
                "You said answer will be in one week. Now is three weeks.",
                "I have waited for long time.",
                "We have waited so long for this decision.",
                "Now it is almost two months.",
            ],
        );
        silent(
            "demanding.elapsed",
            &[
                "It has taken a few weeks of practice to learn the tool, which I enjoyed.",
                "I am available now, with two weeks of notice.",
                "It was worth waiting for, thank you.",
            ],
        );
    }

    #[test]
    fn messages_counted_by_despite_or_my_last() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &[
                "I have heard nothing despite two emails.",
                "My last two emails about the role went unanswered.",
                "The decision was due early next week, which was three weeks ago.",
                "Despite several reminders, nothing came back.",
            ],
        );
        silent(
            "demanding.elapsed",
            &[
                "My last email had the references you asked for.",
                "The answer was due on Friday, which suits me.",
            ],
        );
    }

    #[test]
    fn messages_counted_without_my() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &[
                "Third email, zero replies.",
                "Zero responses so far.",
                "This is the third set of documents I've sent.",
            ],
        );
        silent(
            "demanding.elapsed",
            &[
                "Thank you for the second interview and the tour.",
                "The second set of slides is attached, as you asked.",
            ],
        );
    }

    #[test]
    fn neither_of_my_emails() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &[
                "Neither of my emails got an answer.",
                "None of my messages were returned.",
            ],
        );
        silent(
            "demanding.elapsed",
            &["Neither of the dates works for me, sadly; could we try Monday?"],
        );
    }

    #[test]
    fn contacts_counted_in_times() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &[
                "I've now contacted you three times regarding the role.",
                "I have chased you four times about it.",
            ],
        );
        silent(
            "demanding.elapsed",
            &["I have used the tool three times at work."],
        );
    }

    #[test]
    fn todays_date_against_the_silence() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &[
                "It is now 24 June and I have heard nothing.",
                "I've sent my references twice now.",
                "Here they are a third time.",
            ],
        );
        silent(
            "demanding.elapsed",
            &["It is now 9 am here, so any time after 10 works for the call."],
        );
    }

    #[test]
    fn messages_counted_after_after() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &["Since I never heard back after three emails, I have moved on."],
        );
        silent(
            "demanding.elapsed",
            &["After two interviews, I have a clear picture of the role, thank you."],
        );
    }

    #[test]
    fn already_counted() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &["It is already 41 days after my interview."],
        );
        silent(
            "demanding.elapsed",
            &["It is already clear to me that the team is great."],
        );
    }

    #[test]
    fn waiting_counted_without_a_number() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &[
                "hiii any news?? been waiting forever",
                "I have waited ages for the Analyst decision.",
            ],
        );
        silent(
            "demanding.elapsed",
            &["I have thought about this for many days and it was honestly a hard decision."],
        );
    }

    #[test]
    fn each_message_dated() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &["I've emailed on the 3rd, the 10th and the 17th about the Yard Supervisor job."],
        );
        silent(
            "demanding.elapsed",
            &["I interviewed on the 3rd and you mentioned a decision by the 17th."],
        );
    }

    #[test]
    fn messages_counted_before_the_silence() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.elapsed",
            &["I have sent two mails regarding my application but not received any reply."],
        );
        silent(
            "demanding.elapsed",
            &["I have sent two references, as you asked."],
        );
    }
}
