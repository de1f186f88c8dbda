//! `vague.no-reference`: nothing ties the message to the process: no role, position, process,
//! interview or conversation ("Any news?", "Just checking in"). An error on the whole message.
//! With `--process`, naming the role or the company counts too. "My application" and "your
//! process" alone name nothing: every candidate has one ("I would like to withdraw my
//! application", "Where are you in your process?").

use std::borrow::Cow;

use followup_core::MessageKind;

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Marker, Rule};
use crate::text::parts::Parts;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: NoReference = NoReference;

/// See the module documentation.
pub struct NoReference;

/// Words of applying, and the process itself, that every candidate's message could say,
/// naming no process.
const APPLICATION: &[&str] = &[
    "application",
    "applications",
    "applied",
    "apply",
    "candidacy",
    "candidature",
    "process",
    "processes",
];

impl Rule for NoReference {
    fn id(&self) -> &'static str {
        "vague.no-reference"
    }

    fn category(&self) -> Category {
        Category::Vague
    }

    fn description(&self) -> &'static str {
        "No reference to the process: no role, interview or conversation."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        // "An offer from another company" is not this process, nor is the greeting's "Dear
        // Hiring Team".
        let other = cx.marker(Marker::Offer);
        // A greeting line that is only that ("Dear Hiring Team,"), not one run on with the
        // message ("Hey Jordan — any update on the Senior PM loop?").
        let greeting = Parts::of_doc(cx.doc, cx.language)
            .greeting
            .filter(|&(start, end)| cx.doc.text[start..end].split_whitespace().count() <= 4);
        let in_greeting = |token: usize| {
            let at = cx.doc.tokens[token].start;
            greeting.is_some_and(|(start, end)| start <= at && at < end)
        };
        let refers = cx.marker(Marker::Reference).iter().any(|r| {
            let in_offer = other.iter().any(|o| o.first <= r.first && r.last <= o.last);
            let bare = r.first == r.last && bare_application(cx, r.first);
            !(in_offer || bare || in_greeting(r.first))
        });
        if refers || named_decision(cx) {
            return;
        }
        let doc = cx.doc;
        if let Some(context) = cx.context {
            let named = doc
                .tokens
                .iter()
                .any(|t| context.process_words.contains(&t.text));
            if named {
                return;
            }
        }
        let (role, at) = match cx.context {
            Some(context) => (context.role.as_str(), format!(" at {}", context.company)),
            None => ("<role>", String::new()),
        };
        // In the words of the kind: a reply or a withdrawal follows up on nothing.
        let suggestion: Cow<'static, str> = match cx.kind {
            MessageKind::FollowUp | MessageKind::Final => {
                let at = if at.is_empty() { " we discussed" } else { &at };
                format!("Name the process: \"I'm following up on the {role} position{at}.\"")
            }
            MessageKind::ThankYou => {
                format!("Name the process: \"Thank you for our conversation about the {role} position{at}.\"")
            }
            MessageKind::Withdraw => {
                format!("Name the process: \"I would like to withdraw from the {role} process{at}.\"")
            }
            _ => format!("Name the process: \"About the {role} position{at}: …\""),
        }
        .into();
        out.push(Finding::whole(
            self.id(),
            Category::Vague,
            Severity::Error,
            cx.len(),
            "Nothing ties this message to your process: no role, interview or conversation is \
             named.",
            suggestion,
        ));
    }
}

/// An application word that names nothing: not "my Paralegal application", not "my application
/// to Acme" (a capitalised word just before it, or just after "for" or "to").
fn bare_application(cx: &Check<'_>, at: usize) -> bool {
    let tokens = &cx.doc.tokens;
    if !APPLICATION.contains(&cx.doc.word_at(at)) {
        return false;
    }
    let named_before = at > 0
        && tokens[at - 1].capitalised
        && tokens[at - 1].text != "i"
        && tokens[at - 1].sentence == tokens[at].sentence
        && cx.doc.sentences[tokens[at].sentence].first_token != at - 1;
    let named_after = matches!(cx.doc.word_at(at + 1), "for" | "to")
        && tokens.get(at + 2).is_some_and(|t| t.capitalised);
    !(named_before || named_after)
}

/// Words of the company's side of the process that a name before them makes this process:
/// "the Audit Senior decision", "the Globex opening".
const NAMED_BY_WHAT_PRECEDES: &[&str] = &[
    "decision", "vacancy", "opening", "hire", "hiring", "job", "post",
];

/// A process word right after a capitalised word inside the sentence (a role or a company;
/// not "I", not the sentence's first word, not a weekday or month: "the Friday decision").
fn named_decision(cx: &Check<'_>) -> bool {
    let tokens = &cx.doc.tokens;
    tokens.iter().enumerate().skip(1).any(|(at, t)| {
        let before = &tokens[at - 1];
        NAMED_BY_WHAT_PRECEDES.contains(&t.text.as_str())
            && before.capitalised
            && before.text != "i"
            && before.sentence == t.sentence
            && cx.doc.sentences[t.sentence].first_token != at - 1
            && cx.lexicon().weekday(&before.text, true).is_none()
            && cx.lexicon().month(&before.text).is_none()
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "vague.no-reference",
            &[
                "Any news?",
                "Hi, just checking in. Thanks!",
                "Hello, any update from your side?",
                // Only the application, which every candidate has.
                "Hi, I would like to withdraw my application. Thank you.",
                "Hello, kindly share the status of my candidature.",
                // The greeting's words name no process.
                "Dear Hiring Team, is there an update on your process?",
                "Is there any news on what I applied for?",
                // Only the process, which every company has.
                "Hi there, I've received another offer. Where are you in your process?",
                "Hello, is there any update on the process?",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "vague.no-reference",
            &[
                "Any news on the Backend Engineer role?",
                "Thank you for the conversation today.",
                "I enjoyed our interview on Tuesday.",
                "Is there an update on the hiring process?",
                "Any news on my application for the Analyst role?",
                "Thank you for your question about my Paralegal application.",
                "Is there any news on my application to Globex?",
                "Is there any news on the Globex process?",
                "Is the selection process still open?",
            ],
        );
    }

    #[test]
    fn more_roles_by_name_and_the_search() {
        use crate::rules::testing::{fires, silent};
        fires(
            "vague.no-reference",
            &["Thank you for your time yesterday. Any news?"],
        );
        silent(
            "vague.no-reference",
            &[
                "Thank you for your time yesterday on the COO search.",
                "I am following up regarding the post of Senior Clerk.",
                "Is there any news on the Sous Chef job?",
                "Would it be possible to know when the Audit Senior decision is expected?",
                "Is the Globex opening still available?",
            ],
        );
        fires(
            "vague.no-reference",
            &[
                "Is there any news on the Friday decision?",
                "Decision made yet? Thanks!",
            ],
        );
    }

    #[test]
    fn programmes_loops_and_walk_throughs_name_the_process() {
        use crate::rules::testing::{fires, silent};
        fires(
            "vague.no-reference",
            &[
                "Just a heads up that I'll only be free for calls after 5pm from January. Thanks!",
                "I've got a final round somewhere else next week. Could you let me know when you'll decide?",
                "Quick heads-up: I have another offer for a Sous Chef position, signing on Monday.",
            ],
        );
        silent(
            "vague.no-reference",
            &[
                "hey Maya - circling back on the Staff SRE loop from last Monday. is a decision still expected this week?",
                "Notice period is one month, so for the Graduate Scheme I could start from 1 September.",
                "Thanks for the details on the Stress Physiology postdoc. Yes, I can share a writing sample.",
                "Thanks for the walk-through today, Dana - good to see the new pick-to-light setup.",
            ],
        );
    }

    #[test]
    fn the_place_seen_names_the_visit() {
        use crate::rules::testing::{fires, silent};
        fires(
            "vague.no-reference",
            &["Thanks for the time today, it was great to see you."],
        );
        silent(
            "vague.no-reference",
            &[
                "Cheers for today, Danny - good to see the kitchen and hear about the espresso bar plans.",
            ],
        );
    }

    #[test]
    fn the_suggestion_speaks_the_kinds_words() {
        use crate::rules::testing::findings_of;
        use followup_core::MessageKind;
        let suggestion = |kind| {
            findings_of(
                "vague.no-reference",
                kind,
                None,
                "Yes, Tuesday works. Thanks!",
            )
            .first()
            .map(|f| f.suggestion.to_string())
            .unwrap_or_default()
        };
        assert!(suggestion(MessageKind::FollowUp).contains("following up"));
        for kind in [
            MessageKind::Reply,
            MessageKind::Withdraw,
            MessageKind::ThankYou,
        ] {
            let said = suggestion(kind);
            assert!(
                !said.is_empty() && !said.contains("following up"),
                "{kind:?}: {said}"
            );
        }
    }
}
