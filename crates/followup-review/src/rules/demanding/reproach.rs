//! `demanding.reproach`: sarcasm and reproach aimed at them ("I suppose nobody bothered to
//! read my email?", "you must have forgotten about me", "it would be courteous to reply at
//! some point", "Why haven't you answered?").
//!
//! A structure: its table holds the shapes of sarcasm; the code reads every strongly negative
//! word of the sentiment lexicon whose sentence speaks of them or of the wait ("your process
//! is disorganised", "the silence has been infuriating"). Said of the sender, such a word is
//! `emotion.feeling`; said of a bug or a project, it is aimed at no one. It also reads a
//! question that only checks someone is there ("hello?", "Anyone home??"): sarcasm at the
//! silence.

use crate::finding::{Category, Severity};
use crate::rules::{Check, PhraseRule, StructureRule};
use crate::text::roles::Role;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: StructureRule = StructureRule {
    rule: PhraseRule {
        id: "demanding.reproach",
        category: Category::Demanding,
        severity: Severity::Error,
        description: "Sarcasm, reproach or a negative judgement aimed at them or at the wait.",
        message: "A reproach puts them on the defensive, and the easiest answer to it is none.",
        suggestion: "Is there any news on the timeline?",
    },
    keep: crate::rules::keep_all,
    structure: aimed_at_them,
};

fn aimed_at_them(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let mut spans =
        crate::rules::negative_words(cx, |role| matches!(role, Role::Them | Role::Process));
    spans.extend(presence_checks(cx));
    spans
}

/// Words that call out to someone who may not be there.
const CALLS: &[&str] = &["anyone", "anybody", "someone", "somebody"];
/// Words that may stand beside a call ("Is anyone there?", "Are you still alive out there?").
const PRESENCE: &[&str] = &[
    "is",
    "are",
    "there",
    "out",
    "home",
    "you",
    "still",
    "here",
    "listening",
    "reading",
    "alive",
    "awake",
    "at",
    "all",
    "um",
    "so",
    "uh",
];

/// A question sentence of a few words that only asks whether anyone is there: "hello?",
/// "Helloooo??", "Anyone home?", "Is anybody there?". ("Hi?" may be a greeting cut short.)
fn presence_checks(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    doc.sentences
        .iter()
        .filter(|s| s.question && s.end_token > s.first_token && s.end_token - s.first_token <= 5)
        .filter(|s| {
            let tokens = &doc.tokens[s.first_token..s.end_token];
            let call = |w: &str| w.starts_with("hell") || CALLS.contains(&w);
            tokens.iter().any(|t| call(&t.text))
                && tokens
                    .iter()
                    .all(|t| call(&t.text) || PRESENCE.contains(&t.text.as_str()))
        })
        .map(|s| (s.start, s.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent, silent_as};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_sarcasm_and_reproach_said_many_ways() {
        fires(
            "demanding.reproach",
            &[
                // Disbelief at them; praise of someone else that blames them.
                "I find it hard to believe no one has had a minute to reply.",
                "It is difficult to understand why nobody from HR wrote back.",
                "I honestly cannot believe nobody has written back.",
                "I went with a company that actually respects candidates' time.",
                "I chose an employer who actually replies to emails.",
                "I suppose nobody bothered to read my email?",
                "You must have forgotten about me.",
                "It would be courteous to reply at some point.",
                "Why haven't you answered my last email?",
                "Surely a one-line reply doesn't take that long.",
                "Your recruitment process is a joke.",
                "The wait has been dreadful.",
                "Your team is clueless and careless.",
                // A question that only checks someone is there.
                "Two weeks since the interview. hello?",
                "Any news on the role? Anyone home??",
                "I wrote on Monday. Is anybody out there?",
            ],
        );
    }

    #[test]
    fn negative_words_aimed_at_no_one_stay_quiet() {
        silent(
            "demanding.reproach",
            &[
                "I can't believe how much I learned in the interview.",
                "It is hard to believe the launch was only a year ago; congratulations.",
                "The team that actually ships the feature sounded great.",
                "Is there any news on the timeline?",
                "The migration we discussed sounded painful, and I enjoyed hearing how you solved it.",
                "I would be glad to hear about the next steps.",
                "Hello Ana, is there any news on the analyst role?",
                "Hi? I think my last message was cut off; is there any news?",
                "Is anyone from the team free for a call on Tuesday?",
            ],
        );
        silent_as(
            "demanding.reproach",
            MessageKind::ThankYou,
            &["Thank you for the interview; the bug we discussed was frustrating to find."],
        );
    }

    #[test]
    fn a_wish_that_is_a_reproach() {
        fires(
            "demanding.reproach",
            &[
                "It would be nice if someone actually read it this time.",
                "Would be great if you finally replied.",
                "It would be refreshing if, for once, the dates held.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "It would be great if you could share the timeline.",
                "Could you please tell me if anything has been decided?",
            ],
        );
    }

    #[test]
    fn courtesy_that_carries_the_reproach() {
        fires(
            "demanding.reproach",
            &[
                "No stress if you're too busy to answer people who took a day off for you.",
                "I would appreciate you honoring the date you gave.",
                "Going by your own email, the answer was due on Monday.",
                "I would hate to believe a firm that talks about respect would go silent.",
                "It is not great to leave applicants hanging for a month.",
                "Even a short note, something, anything, would help.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "You mentioned the team is too busy to hire before January, which makes sense.",
                "Thank you for sending your own notes from the panel.",
                "I noticed the office has moved to Leeds.",
            ],
        );
    }

    #[test]
    fn scheduling_and_results_thrown_back_at_them() {
        fires(
            "demanding.reproach",
            &[
                "Thanks for squeezing me in after cancelling on me twice.",
                "Tuesday is fine, provided it is not postponed again.",
                "The promised Friday answer came and went.",
                "Pity it needed four weeks and three chasers to learn the outcome.",
                "Good luck with whoever got the job.",
                "Just making sure the vacancy still exists.",
                "It would have been decent to be told something.",
                "I am not sure your company respects candidates at all.",
                "You were quite explicit that I would know by the 5th.",
                "My reminder on the 12th drew no reply.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Thank you for moving the call to Tuesday; it suits me well.",
                "It took me a while to find the office, but the tour was worth it.",
                "Could you confirm whether the position is still open?",
                "Good luck with the product launch next month.",
                "You were clear about the next steps, thank you.",
            ],
        );
    }

    #[test]
    fn sarcasm_in_compliments_and_conclusions() {
        fires(
            "demanding.reproach",
            &[
                "Given how your firm prides itself on candidate care, I expected a reply.",
                "I will take the lack of an answer as a no.",
                "Clearly the team is doing fine without me.",
                "Five weeks for a rejection is quite a feat.",
                "Thanks for finally replying.",
                "I joined a company that actually respects people.",
                "I'd have stayed if the offer had been fair.",
                "Thanks for fitting me in around your other candidates.",
                "Nice to know where I rank.",
                "Can you please just send me anything?",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Thank you for the interview; the team clearly prides its work on quality, which I admire.",
                "Thanks for sending me the slides from the call.",
                "Could you tell me something about the onboarding plan?",
            ],
        );
    }

    #[test]
    fn time_wasted_terms_set_last_time_thrown_back() {
        fires(
            "demanding.reproach",
            &[
                "I have wasted so much time on this process.",
                "Just so we are clear, I expect a call.",
                "I can not wait weeks again for an answer.",
                "Hopefully not like last time.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Thank you for not wasting a minute in the call; it was focused and useful.",
                "The last time we spoke you mentioned the team offsite.",
            ],
        );
    }

    #[test]
    fn alarm_at_their_handling() {
        fires(
            "demanding.reproach",
            &[
                "WHAT IS HAPPENING with my application??",
                "What is going on with my candidacy?",
                "what is happening to my file, seriously",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "I loved hearing what is happening with the new platform.",
                "Could you share what is going on in the team this quarter?",
            ],
        );
    }

    #[test]
    fn sarcasm_at_their_reading_and_silence() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "Is anyone actually reading these?",
                "My emails went straight into some very busy folder, I guess.",
                "kinda brutal to ghost ppl after 4 rounds",
                "are we done or what",
                "I'll take it that silence means the role is gone.",
                "Thanks, I guess.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Is anyone else from the team joining the call?",
                "The project is done, or nearly done, as you said.",
                "The silence of the office at night is lovely, I heard.",
                "I guess I will see you on Monday, thanks.",
            ],
        );
    }

    #[test]
    fn silence_and_slips_named_with_a_smile() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "No worries if the role has been filled and nobody thought to mention it.",
                "Thank you for eventually finding the meeting link.",
                "Hopefully the next stage runs a little more smoothly.",
                "Third email: impressive consistency.",
                "Unless someone can manage a one-line reply.",
                "Frankly your silence is making that decision easy.",
                "Your loss, in a sense.",
                "I'd appreciate it if this is actually the last hoop.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Nobody on the panel asked about my notice period, so here it is.",
                "Hopefully the next stage is in person; could you confirm?",
                "The team's consistency in code review impressed me.",
                "I understand your silence over the holidays, and I hope you had a good break.",
                "The last step is the reference check, as you said.",
            ],
        );
    }

    #[test]
    fn their_silence_judged() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "Neither of my emails seems to have merited a response.",
                "I'll take the hint.",
                "Best of luck with whoever you found.",
                "I know how hard it must be to send a two-line email.",
                "A reply by the 30th was the least I could expect.",
                "I would have thought a reply was due by now.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Thank you for the hint about the case study format.",
                "Best of luck with the product launch next week!",
                "The least I can do is send the references today.",
            ],
        );
    }

    #[test]
    fn done_waiting_and_what_silence_says() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "Honestly, I am done waiting.",
                "I figured two weeks was enough time for someone to hit reply.",
                "Hopefully this time the process moves a bit faster than the first stage did.",
                "Clearly replying to candidates isn't a priority at your company, which says a lot.",
                "Which is ironic given the job.",
                "I'll have to assume you're not serious.",
                "I'd appreciate it if people kept their word.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Thank you; the done list for the project was clear.",
                "Hopefully the weather holds for the site visit.",
                "Is the onsite faster than the first round, time-wise?",
                "Could you say a little about the team's priorities?",
            ],
        );
    }

    #[test]
    fn their_culture_and_courtesy() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "I'll assume silence is just part of the culture there?",
                "Would love an actual update.",
                "I'd appreciate the courtesy of a real date this time.",
                "Your team has pushed the design decision back twice.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "The culture of the team came up, and I liked it.",
                "Could you share the actual start date when it is set?",
            ],
        );
    }

    #[test]
    fn digs_at_the_alternative_and_last_time() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "I'm sure you'll find a decent alternative.",
                "You'd have been getting someone who doubled traffic.",
                "Please make sure it actually starts on time this round.",
                "Last time I was left waiting 40 minutes.",
                "A company that can't keep its own timelines.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Could you confirm the call starts on time? I have a meeting after.",
                "We kept waiting lists short at my last clinic.",
            ],
        );
    }

    #[test]
    fn holding_them_to_it() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "You said Friday, so I'll be holding you to that.",
                "Frankly that is disappointing from a company that puts respect on its careers page.",
                "I'm sure that's manageable.",
                "guess i wasn't worth a reply",
                "Please check your inbox properly this time.",
                "Thank you for keeping me so thoroughly in the loop.",
                "Treating candidates this way reflects poorly on your company.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Thank you for keeping me in the loop.",
                "I was disappointed to miss the team lunch, but the tour was great.",
            ],
        );
    }

    #[test]
    fn digs_at_their_calendar_and_reading() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "Good to finally get on your calendar after the third reschedule.",
                "I suppose 'that week' is a flexible concept in journalism.",
                "I'm not sure why nobody at your firm has been able to answer a simple email.",
                "I suppose nobody had a minute to send a one-line update.",
                "Maybe next time your team could keep candidates informed.",
                "It is a bit disappointing.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Flexible working is a concept I value, as we discussed.",
                "Could you answer a simple question about the start date?",
                "Next time I am in Leeds, I would love to visit the office.",
            ],
        );
    }

    #[test]
    fn luck_wished_and_answers_this_time() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "Best of luck finding someone comparable.",
                "My email got lost somewhere, as these things so often seem to.",
                "Any chance of an answer this time?",
                "Nobody answered me.",
                "Is it a yes or a no?",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Good luck with the launch next week!",
                "These things often seem harder than they are, as your team said about migrations.",
            ],
        );
    }

    #[test]
    fn reproach_said_as_thanks_relief_or_conduct() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "i'm out, thanks for nothing!!",
                "Ach, I'll save you the bother of replying - I'm out.",
                "This is not the professional behaviour I expected from your company.",
                "I had hoped a brief reply would be a reasonable courtesy.",
                "Hoping this time I actually get feedback, unlike the last two times I applied.",
                "Wednesday. Please don't lose it again.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "As a courtesy, I wanted to let you know that I have accepted another offer.",
                "Thank you for the courtesy of a quick reply.",
            ],
        );
    }

    #[test]
    fn the_earlier_message_pointed_at() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "Per my last email (below) regarding the Ward Clerk interview, could you advise?",
                "As previously mentioned, I am keen on the Ward Clerk role.",
                "Still in the running, or was the interview on the 4th a fever dream?",
            ],
        );
        silent(
            "demanding.reproach",
            &["In my last email I attached the references you asked for."],
        );
    }

    #[test]
    fn their_lateness_not_the_senders() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &["The interview started 40 minutes late and nobody apologised."],
        );
        silent(
            "demanding.reproach",
            &["I wanted to apologise again for running a few minutes late to the interview."],
        );
    }

    #[test]
    fn impatience_and_judgement_of_their_conduct() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &[
                "However, I cannot wait longer for the QA Engineer result.",
                "Two weeks are over and no answer, which I find not very professional.",
                "Last chance — do you want me or not?",
                "I was expecting a decision on the spot to be honest.",
                "I did feel the panel's question about my gap year was a bit unfair.",
                "It would be great if you could reply for once.",
            ],
        );
        silent(
            "demanding.reproach",
            &[
                "Strange being on this side of the email for once.",
                "I can't wait to hear more about the QA Engineer team.",
                "thanks for today Raj, really enjoyed how you stress-test the payments API.",
            ],
        );
    }

    #[test]
    fn another_employers_esteem_and_a_parting_jab() {
        use crate::rules::testing::{fires_as, silent_as};
        use followup_core::MessageKind;
        fires_as(
            "demanding.reproach",
            MessageKind::Withdraw,
            &[
                "I'm withdrawing. Another hospital recognised the value of my eight years in oncology.",
                "I am sure you will find a strong candidate, though perhaps not one with this track record.",
            ],
        );
        silent_as(
            "demanding.reproach",
            MessageKind::Withdraw,
            &["I'm withdrawing from the Pharmacist process: I accepted another role. Thank you."],
        );
    }

    #[test]
    fn a_sulky_goodbye() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.reproach",
            &["Hi again. Guess this is goodbye then."],
        );
        silent(
            "demanding.reproach",
            &["I guess this is the right time to ask about the timeline."],
        );
    }
}
