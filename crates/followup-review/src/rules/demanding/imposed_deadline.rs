//! `demanding.imposed-deadline`: a deadline imposed on them, close at hand ("by end of day",
//! "I need a simple yes or no by 6pm", "before you leave the office today", "today only").
//!
//! A structure: its table pairs a demand (a request verb, "I need a decision") with a near
//! time (today, tonight, tomorrow, end of day, a clock time, within hours). The code drops a
//! match on a possessive day ("tomorrow's interview") or in a sentence that asks whether a
//! time works for them, which is scheduling, not a deadline; and it reads the day an
//! ultimatum names ("Match it by Friday or I sign with them") as a deadline imposed too.

use crate::finding::{Category, Severity};
use crate::rules::{Check, PhraseRule, StructureRule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: StructureRule = StructureRule {
    rule: PhraseRule {
        id: "demanding.imposed-deadline",
        category: Category::Demanding,
        severity: Severity::Error,
        description: "A near deadline imposed on them: today, tonight, end of day, a clock time.",
        message: "A deadline you set for them reads as an order; they answer on their timeline, \
                  not yours.",
        suggestion: "Could you let me know if there is any news on the timeline?",
    },
    keep: |cx, first, last| !is_scheduling(cx, first, last) && !others_deadline(cx, first),
    structure: ultimatum_dates,
};

/// A date that can be a deadline: not past ("last week", "3 days ago") and not the day of
/// something that happened ("our talk on Tuesday", "since Monday", "from my 1 March
/// interview").
fn is_deadline(cx: &Check<'_>, date: &crate::text::dates::DateExpr) -> bool {
    use crate::text::dates::DateMeaning as M;
    if matches!(
        date.meaning,
        M::Yesterday | M::LastWeek | M::DaysAgo(_) | M::WeeksAgo(_) | M::Span
    ) {
        return false;
    }
    let tokens = &cx.doc.tokens;
    let before = tokens
        .partition_point(|t| t.end <= date.start)
        .checked_sub(1)
        .and_then(|i| tokens.get(i));
    // An event's own date, named after it ("my 8 August interview").
    let after = tokens.get(tokens.partition_point(|t| t.start < date.end));
    if after.is_some_and(|t| {
        matches!(
            t.text.as_str(),
            "interview" | "interviews" | "call" | "meeting" | "round" | "chat" | "conversation"
        )
    }) {
        return false;
    }
    // "on 12 May", "since Monday", "my 8 August…", and an event's own date ("(interview 14
    // January)").
    !before.is_some_and(|t| {
        matches!(
            t.text.as_str(),
            "on" | "since"
                | "my"
                | "our"
                | "from"
                | "of"
                | "last"
                | "after"
                | "interview"
                | "interviewed"
                | "meeting"
                | "round"
                | "met"
                | "spoke"
                | "emailed"
                | "wrote"
        )
    })
}

/// The dates and times of an ultimatum: an ultimatum (`pressure.ultimatum`) in a sentence
/// that names a day or a time, or just after one ("until Friday noon. After that, it goes to
/// the other company"), imposes that day.
fn ultimatum_dates(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let sentence_at = |byte: usize| {
        doc.sentences
            .partition_point(|s| s.start <= byte)
            .checked_sub(1)
    };
    let mut ultimatums: Vec<usize> = cx
        .table("pressure.ultimatum")
        .iter()
        .filter_map(|m| doc.tokens.get(m.first).map(|t| t.sentence))
        .collect();
    ultimatums.extend(
        crate::rules::pressure::ultimatum::conditional_consequences(cx)
            .into_iter()
            .filter_map(|(start, _)| sentence_at(start)),
    );
    ultimatums.sort_unstable();
    ultimatums.dedup();
    // A date counts in its ultimatum's sentence, or just before it when the ultimatum names
    // no day of its own ("until Friday noon. After that, it goes…"; not "(I emailed on 12
    // August). I will accept them on Friday if…").
    let dated: Vec<usize> = cx
        .dates
        .iter()
        .filter_map(|d| sentence_at(d.start))
        .collect();
    cx.dates
        .iter()
        .filter(|d| is_deadline(cx, d))
        .filter(|d| {
            sentence_at(d.start).is_some_and(|s| {
                ultimatums.binary_search(&s).is_ok()
                    || (ultimatums.binary_search(&(s + 1)).is_ok() && !dated.contains(&(s + 1)))
            })
        })
        .map(|d| (d.start, d.end))
        .collect()
}

/// Who, besides them and the sender, may set a deadline: the other company.
const OTHERS: &[&str] = &[
    "they", "company", "bank", "firm", "employer", "offer", "agency", "studio", "startup",
];

/// Verbs of the other company wanting an answer.
const WANTING: &[&str] = &[
    "want", "wants", "need", "needs", "expect", "expects", "require", "requires", "asked",
];

/// Whether the deadline matched at `first` is the other company's ("they want reply by next
/// Tuesday 5pm"): a wanting verb just before it, said by them, in the same sentence.
fn others_deadline(cx: &Check<'_>, first: usize) -> bool {
    let tokens = &cx.doc.tokens;
    let Some(sentence) = tokens.get(first).map(|t| t.sentence) else {
        return false;
    };
    let before: Vec<&str> = tokens[first.saturating_sub(4)..first]
        .iter()
        .filter(|t| t.sentence == sentence)
        .map(|t| t.text.as_str())
        .collect();
    before
        .iter()
        .enumerate()
        .any(|(i, w)| WANTING.contains(w) && before[..i].iter().any(|o| OTHERS.contains(o)))
}

/// Words of a sentence that asks whether a time suits them.
const SCHEDULING: &[&str] = &[
    "if",
    "whether",
    "works",
    "work",
    "suit",
    "suits",
    "convenient",
    "available",
    "free",
];

/// Whether a match of the table is scheduling rather than a deadline.
fn is_scheduling(cx: &Check<'_>, first: usize, last: usize) -> bool {
    let doc = cx.doc;
    let possessive = doc
        .tokens
        .get(last)
        .is_some_and(|t| doc.original(t).ends_with("'s") || doc.original(t).ends_with("’s"));
    let asks_if_it_works = doc
        .tokens
        .get(first)
        .and_then(|t| doc.sentences.get(t.sentence))
        .is_some_and(|s| {
            doc.tokens[s.first_token..s.end_token]
                .iter()
                .any(|t| SCHEDULING.contains(&t.text.as_str()))
        });
    possessive || asks_if_it_works
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_near_deadlines_said_many_ways() {
        fires(
            "demanding.imposed-deadline",
            &[
                // An obligation on them with a near time; the last time they may ask.
                "You will need to move this week and improve the package.",
                "You have to decide by Friday.",
                "You must answer tomorrow.",
                "I can do Tuesday, but this has to be the last round.",
                "Please make sure the decision comes the same week.",
                "Ensure the offer arrives this week.",
                "Send the contract over before noon.",
                "I need a simple yes or no by 6pm.",
                "I'll need a decision from your side no later than 12:00 tomorrow.",
                "Call me before you leave the office today.",
                "Get the paperwork back to me tonight.",
                "Your decision is required within 24 hours.",
                "Kindly release my offer letter by tonight.",
            ],
        );
    }

    #[test]
    fn the_other_companys_deadline_is_not_theirs() {
        silent(
            "demanding.imposed-deadline",
            &[
                "Another bank gave me an offer and they want reply by next Tuesday 5pm.",
                "The other company needs an answer by tomorrow noon.",
            ],
        );
        fires(
            "demanding.imposed-deadline",
            &["I need a simple yes or no from them by 6pm."],
        );
    }

    #[test]
    fn own_plans_and_scheduling_stay_quiet() {
        silent(
            "demanding.imposed-deadline",
            &[
                "You mentioned you expected to have an answer by Tuesday, so I wanted to follow up.",
                "You said you would have an update for me by Friday.",
                "Please let me know if you need to move the call to Tuesday.",
                "This was the last round of the process, you said; thank you.",
                "Make sure to try the coffee place we talked about.",
                "I will send the signed form tomorrow.",
                "Could you send me the address for tomorrow's interview?",
                "Please let me know if 3pm tomorrow works for you.",
                "Thank you for meeting me today.",
                "I can start as early as next month.",
            ],
        );
    }

    #[test]
    fn a_latest_day_imposed_on_them() {
        fires(
            "demanding.imposed-deadline",
            &[
                "Send the contract latest by Friday.",
                "Revert on the decision latest by tomorrow please.",
                "Confirm latest before noon.",
            ],
        );
        silent(
            "demanding.imposed-deadline",
            &[
                "The latest version of the deck is attached as you asked.",
                "I read your latest blog post on Friday.",
            ],
        );
    }

    #[test]
    fn their_homework_with_a_day() {
        fires(
            "demanding.imposed-deadline",
            &[
                "I require the contract from you by Friday.",
                "I'll need to get the details by tomorrow.",
                "I want the written terms from you before Monday.",
            ],
        );
        silent(
            "demanding.imposed-deadline",
            &[
                "I will need to give notice to my employer once I sign.",
                "You will need the signed form from me by Friday, I understand.",
            ],
        );
    }

    #[test]
    fn their_call_awaited() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.imposed-deadline",
            &[
                "I'll be expecting your call then at the latest.",
                "I will be awaiting your decision.",
            ],
        );
        silent(
            "demanding.imposed-deadline",
            &[
                "I can send the documents by Friday at the latest.",
                "I'll be expecting a parcel on Monday, so mornings are best for a call.",
            ],
        );
    }

    #[test]
    fn their_decision_needed_by_a_day() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.imposed-deadline",
            &[
                "I need your decision on the Actuarial Associate role (interview 3 March) by noon tomorrow.",
                "Please confirm by then.",
            ],
        );
        silent(
            "demanding.imposed-deadline",
            &["I need a day to think; could I reply by Monday?"],
        );
    }

    #[test]
    fn news_of_today_is_no_deadline() {
        use crate::rules::testing::{fires, silent};
        fires("demanding.imposed-deadline", &["Please reply today."]);
        silent(
            "demanding.imposed-deadline",
            &["Quick update: I got an offer from another company today."],
        );
    }

    #[test]
    fn answered_within_this_week() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.imposed-deadline",
            &["Please answer me in this week."],
        );
        silent(
            "demanding.imposed-deadline",
            &["Thanks for the video call today about the Dog Trainer role."],
        );
    }

    #[test]
    fn an_events_own_date_is_no_deadline() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.imposed-deadline",
            &["Match it by Friday or I sign with them."],
        );
        silent(
            "demanding.imposed-deadline",
            &[
                "After my 8 August interview, three companies are competing for me, so unless you can match it I will sign with them.",
                "Since our Monday call, I have an offer; unless you match it, I will accept it.",
            ],
        );
    }

    #[test]
    fn an_offers_own_deadline_is_not_imposed() {
        use crate::rules::testing::{fires_as, silent_as};
        use followup_core::MessageKind;
        fires_as(
            "demanding.imposed-deadline",
            MessageKind::Align,
            &["An answer today EOD at the latest."],
        );
        silent_as(
            "demanding.imposed-deadline",
            MessageKind::Align,
            &[
                "fyi I have an offer from another startup with an EOD Friday deadline. Is there any way the last round could happen before then?",
            ],
        );
    }

    #[test]
    fn unless_they_answer_today() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.imposed-deadline",
            &["I have two offers expiring, so unless I hear today I'll accept one."],
        );
        silent(
            "demanding.imposed-deadline",
            &[
                "They may make an offer next week, so I wanted to ask about timing.",
                "Unless I hear otherwise, I will join the call on Friday.",
            ],
        );
    }
}
