//! `<category>.tone`: what the tone model (`crate::tone`) reads where no rule of the category
//! found anything: impatience, leverage, worry, excuses or selling in words nobody listed.
//!
//! A warning, not an error: it is a learned judgement of the message, so it says how the
//! message reads rather than which phrase is wrong, and points at the sentences that carry it.
//! Where no rule of its category spoke, it points at the sentences that make the message read
//! as the category. The tone rules run last, and also read what the other findings leave (the
//! sentences `check --fix` would remove set aside), so a fix that removes what was flagged
//! reads clean; a sentence a rule of the category already flagged is left to that rule. Where
//! a calm mention of another offer (`pressure.other-offer`, info) is what the model reads as
//! leverage, the warning replaces the reminder.

use crate::finding::{Category, Finding, Severity};
use crate::fix::REWRITTEN;
use crate::rules::{Check, Rule};

/// The tone rule of one category.
pub struct ToneRule {
    id: &'static str,
    category: Category,
    message: &'static str,
    suggestion: &'static str,
}

impl Rule for ToneRule {
    fn id(&self) -> &'static str {
        self.id
    }

    fn category(&self) -> Category {
        self.category
    }

    fn description(&self) -> &'static str {
        "how the message reads to a recruiter, learned from labelled messages, where no listed \
         phrase of the category matched"
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        let Some(model) = cx.language.tone.as_ref() else {
            return;
        };
        let Some(column) = model.column(self.category) else {
            return;
        };
        let text = cx.tone_text;
        let units = &text.units;
        // What a fix removes: pieces holding a warning or error that is not only rewritten.
        let starts: Vec<usize> = units.iter().map(|u| u.0).collect();
        let mut removed = vec![false; units.len()];
        for f in out.iter().filter(|f| {
            !f.whole_message && f.severity >= Severity::Warning && !REWRITTEN.contains(&f.rule)
        }) {
            let first = starts.partition_point(|&s| s <= f.start).saturating_sub(1);
            for (i, unit) in units.iter().enumerate().skip(first) {
                if unit.0 >= f.end.max(f.start + 1) {
                    break;
                }
                removed[i] |= f.overlaps(*unit);
            }
        }
        // Where no rule of the category spoke: the message as written.
        let spoken = out
            .iter()
            .any(|f| f.category == self.category && f.severity >= Severity::Warning);
        let none = vec![false; units.len()];
        let mut flagged = if spoken {
            Vec::new()
        } else {
            model.flag(text, &none, column)
        };
        // And what a fix would leave, so that the fix reads clean too (unless the reading
        // above already saw all of it).
        if spoken || removed.contains(&true) {
            for &i in &flagged {
                removed[i] = true;
            }
            flagged.extend(model.flag(text, &removed, column));
        }
        flagged.sort_unstable();
        flagged.dedup();
        // The words a rule of the category already judged (capitals or `!!` are rewritten,
        // keeping the words: the tone is still in them), sorted once so a long paste stays
        // linear.
        let judged = crate::rules::ReportedSpans::of(out, |f| {
            f.category == self.category
                && f.severity >= Severity::Warning
                && !REWRITTEN.contains(&f.rule)
        });
        for i in flagged {
            let unit = units[i];
            if judged.overlaps(unit.0, unit.1) {
                continue;
            }
            out.push(Finding::at(
                self.id,
                self.category,
                Severity::Warning,
                unit,
                self.message,
                self.suggestion,
            ));
        }
    }
}

pub static EMOTION: ToneRule = ToneRule {
    id: "emotion.tone",
    category: Category::Emotion,
    message: "This puts your feelings in the message, and the recruiter then has to manage them.",
    suggestion: "Keep to the facts of the process; how it feels can stay out of the message.",
};

pub static DEMANDING: ToneRule = ToneRule {
    id: "demanding.tone",
    category: Category::Demanding,
    message: "This reads as impatient or reproachful, even without a listed phrase.",
    suggestion: "Say the facts plainly and leave the reproach out.",
};

pub static PRESSURE: ToneRule = ToneRule {
    id: "pressure.tone",
    category: Category::Pressure,
    message: "This reads as leverage: it hints that they must hurry or lose you.",
    suggestion: "Leave out the hint that they must hurry; another offer is worth naming only \
                 when it is real, calmly and with its date.",
};

pub static SELF_PROMOTION: ToneRule = ToneRule {
    id: "self-promotion.tone",
    category: Category::SelfPromotion,
    message: "This sells you again; they already have your application.",
    suggestion: "Leave out achievements and the resume; refer to the interview instead.",
};

pub static OVERJUSTIFICATION: ToneRule = ToneRule {
    id: "overjustification.tone",
    category: Category::Overjustification,
    message: "This explains or apologises more than the message needs.",
    suggestion: "Drop the justification: following up is normal and needs no excuse.",
};

#[cfg(test)]
mod tests {
    use crate::finding::Category;
    use crate::language::EN;
    use crate::rules::testing::{findings_of, fires, fires_as, silent_as};
    use followup_core::MessageKind;

    /// Phrasings written for this test, after the model was trained: none of them is in a
    /// phrase table, a blind round or the corpus.
    const UNLISTED: &[(Category, [&str; 3])] = &[
        (
            Category::Demanding,
            [
                "Hi Ana, I interviewed for the Data Analyst role on 3 May. At this point I'm \
                 starting to wonder whether anyone over there reads their inbox. What's the \
                 update?",
                "Hi Ana, the Data Analyst interview was on 3 May and a reply is long overdue by \
                 any standard. What is the status?",
                "Hello Tom, the Site Engineer interview was on 12 June. Candidates deserve better \
                 than being left guessing. Is there news?",
            ],
        ),
        (
            Category::Pressure,
            [
                "Hello Tom, following up on the Site Engineer interview on 12 June. Just so you \
                 can plan, my calendar is filling up fast with other companies. Any news?",
                "Hi Ana, on the Data Analyst role from 3 May: a couple of other teams are keen \
                 to move, so the clock is ticking on my side. Any news?",
                "Hello Tom, about the Site Engineer role: I'd hate for you to lose me to a \
                 competitor over a slow process. When will you decide?",
            ],
        ),
        (
            Category::Emotion,
            [
                "Hi Ana, about the Data Analyst role from 3 May: I keep refreshing my inbox \
                 every few minutes and my stomach drops each time it's empty. Is there any news?",
                "Hi Priya, thank you for the Nurse Manager interview today. I walked out shaking \
                 and I have been replaying every answer in my head ever since.",
                "Hello Tom, thank you for the Site Engineer interview today. My heart was \
                 pounding the whole time and I still feel wobbly.",
            ],
        ),
        (
            Category::Overjustification,
            [
                "Hi Ana, I went back and forth for days about writing this, and I drafted it \
                 several times so it would not come across wrong. Is there news on the Data \
                 Analyst role from 3 May?",
                "Hello Tom, I really hate to add to your pile and I fully respect that hiring \
                 takes time. Any news on the Site Engineer interview of 12 June?",
                "Hi Priya, forgive me for writing once more, I know how full your days are. Is \
                 the Nurse Manager role from 2 April still open?",
            ],
        ),
        (
            Category::SelfPromotion,
            [
                "Hi Ana, following up on the Data Analyst role from 3 May. In case it helps the \
                 decision, my dashboards are used by three hundred people every week. Is there \
                 any news?",
                "Hi Ana, following up on the Data Analyst role from 3 May. As a reminder, my \
                 models cut churn for two retailers and I can do the same for you. Any news?",
                "Hi Sam, about the Data Analyst role from 3 May: I've attached my updated \
                 portfolio with three new case studies. Any news?",
            ],
        ),
    ];

    /// Good messages of every kind, with topic words that sound like problems.
    const GOOD: &[(MessageKind, &str)] = &[
        (
            MessageKind::FollowUp,
            "Hi Ana, I'm following up on the Data Analyst role we discussed on 3 May. You \
             mentioned a decision by Friday. Is there any news on the timeline?",
        ),
        (
            MessageKind::Align,
            "Hello Tom, I have received another offer with a deadline of 20 June. I remain very \
             interested in the Site Engineer role. Could you tell me whether a decision is \
             possible before then?",
        ),
        (
            MessageKind::ThankYou,
            "Hi Priya, thank you for the conversation today about the Nurse Manager role. I \
             enjoyed hearing how the ward handles night-shift handovers.",
        ),
        (
            MessageKind::Reply,
            "Hi Ana, yes, Tuesday at 10am works for the Data Analyst panel, and I can send the \
             two references by Friday.",
        ),
        (
            MessageKind::Withdraw,
            "Hello Tom, thank you for your time on the Site Engineer process. I have accepted \
             another offer, so I would like to withdraw. Best of luck with the search.",
        ),
        (
            MessageKind::ThankYou,
            "Hi Sam, thanks for the chat about the Crisis Response Coordinator role at Urgent \
             Care Inc. The way your team runs panic-free drills was fascinating.",
        ),
    ];

    fn score(category: Category, text: &str) -> f32 {
        let model = EN.tone.as_ref().unwrap();
        model.scores(text)[model.column(category).unwrap()]
    }

    #[test]
    fn the_model_reads_each_category_in_words_nobody_listed() {
        for (category, texts) in UNLISTED {
            for text in texts {
                assert!(
                    score(*category, text) > 0.0,
                    "{category} not read in {text:?}"
                );
            }
        }
    }

    #[test]
    fn good_messages_read_as_nothing() {
        for (_, text) in GOOD {
            for (category, _) in UNLISTED {
                assert!(score(*category, text) <= 0.0, "{category} read in {text:?}");
            }
        }
    }

    #[test]
    fn it_reports_where_no_rule_of_its_category_spoke() {
        fires("demanding.tone", &[UNLISTED[0].1[0], UNLISTED[0].1[1]]);
        fires("pressure.tone", &[UNLISTED[1].1[0]]);
        fires_as("emotion.tone", MessageKind::ThankYou, &[UNLISTED[2].1[1]]);
        fires("self-promotion.tone", &[UNLISTED[4].1[0]]);
        for (kind, text) in GOOD {
            for rule in [
                "demanding.tone",
                "pressure.tone",
                "emotion.tone",
                "overjustification.tone",
                "self-promotion.tone",
            ] {
                silent_as(rule, *kind, &[text]);
            }
        }
    }

    #[test]
    fn it_points_at_the_sentence_that_carries_it() {
        let text = UNLISTED[2].1[1];
        let found = findings_of("emotion.tone", MessageKind::ThankYou, None, text);
        assert_eq!(found.len(), 1);
        let flagged = &text[found[0].start..found[0].end];
        assert!(flagged.starts_with("I walked out shaking"), "{flagged:?}");
        assert!(flagged.ends_with("ever since."), "{flagged:?}");
    }

    #[test]
    fn every_sentence_that_alone_reads_as_it_is_pointed_at() {
        // The first sentence takes the message below the threshold; the second, on its own,
        // is still sarcasm, and a fix that kept it would leave "that" pointing at nothing.
        let text = "Hi Mark,\n\nJust following up on the Senior Backend Engineer role. It's \
                    been two and a half weeks since my final round and honestly I'm a bit \
                    surprised nobody has managed to send even a one-line update. I'd have \
                    thought that was the bare minimum. Could you let me know where things \
                    stand?\n\nThanks,\nJordan";
        let found = findings_of("demanding.tone", MessageKind::FollowUp, None, text);
        let flagged: Vec<&str> = found.iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(flagged.len(), 2, "{flagged:?}");
        assert!(flagged[1].starts_with("I'd have thought"), "{flagged:?}");
    }

    #[test]
    fn a_listed_phrase_speaks_first() {
        // "Sorry to bother you" is `overjustification.apology`: the model adds nothing there.
        let text = "Hi Ana, sorry to bother you again. Is there any news on the Data Analyst \
                    role from 3 May?";
        assert!(
            findings_of("overjustification.tone", MessageKind::FollowUp, None, text).is_empty()
        );
        assert!(
            !findings_of(
                "overjustification.apology",
                MessageKind::FollowUp,
                None,
                text
            )
            .is_empty()
        );
    }

    #[test]
    fn time_anchors_of_good_follow_ups_read_as_no_tone() {
        // The definitions' own anchors: the interview's date, "two weeks ago", the promise.
        for rule in ["demanding.tone", "pressure.tone", "emotion.tone"] {
            crate::rules::testing::silent(
                rule,
                &[
                    "Hi Dana,\n\nI interviewed for the Backend Engineer role two weeks ago. Is there any update?\n\nBest,\nSam",
                    "Hi Dana,\n\nI interviewed for the Data Analyst position 10 days ago. Could you share where things stand?\n\nBest,\nSam",
                    "Hi Dana,\n\nWe spoke about the Staff Nurse post three weeks ago, and you expected a decision by the 14th. Is there any news?\n\nBest,\nSam",
                    "Hi Dana,\n\nMy final interview for the Sous Chef role was a week ago. Would you be able to share an update on the timeline?\n\nBest,\nSam",
                    "Hi Dana,\n\nI met the panel for the Marketing Manager role a week and a half ago. Is there an updated timeline?\n\nBest,\nSam",
                    "Hi Dana,\n\nFollowing up on my interview for the Head of Growth role two weeks ago. Has a decision been made?\n\nBest,\nSam",
                    "Hi Dana,\n\nI had my second interview for the Product Designer role about two weeks ago. Could you let me know the next steps?\n\nBest,\nSam",
                    "Hi Dana,\n\nYou mentioned a decision two weeks ago. Is there any update on the Support Engineer role?\n\nBest,\nSam",
                    "Hi Dana,\n\nI'm following up on the QA Lead role; we last spoke two weeks ago. Is the process still on track?\n\nBest,\nSam",
                ],
            );
        }
    }
}
