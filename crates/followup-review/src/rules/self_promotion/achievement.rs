//! `self-promotion.achievement`: an achievement with its figure, with or without "I" ("Quick
//! reminder: grew revenue 40% at my last job", "I cut costs by $2m").
//!
//! A structure of its table alone: an achievement verb and a number, a percentage or an
//! amount in one sentence, unless someone else achieved it ("you grew the team to 40").

use crate::finding::{Category, Severity};
use crate::rules::{PhraseRule, StructureRule};

/// Words of the sender's availability, anywhere in the sentence: "my employer reduced my notice
/// period from three months to one", "my clinic agreed to release me two weeks early, so I
/// could start from 1 September" is news for an align message, no achievement.
const ABOUT_AVAILABILITY: &[&str] = &[
    "notice",
    "availability",
    "commute",
    "relocation",
    "release",
    "start",
];

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: StructureRule = StructureRule {
    rule: PhraseRule {
        id: "self-promotion.achievement",
        category: Category::SelfPromotion,
        severity: Severity::Error,
        description: "Achievements and their figures restated: the resume again.",
        message: "They have your resume; restating your results turns a follow-up into a second \
                  application.",
        suggestion: "(delete it; they have your resume)",
    },
    keep: |cx, first, last| {
        let doc = cx.doc;
        let from = doc.sentences[doc.tokens[first].sentence].first_token;
        let to = doc.sentences[doc.tokens[last].sentence].end_token;
        !doc.tokens[from..to]
            .iter()
            .any(|t| ABOUT_AVAILABILITY.contains(&t.text.as_str()))
    },
    structure: crate::rules::table_only,
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent_as};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_figures_said_many_ways() {
        fires(
            "self-promotion.achievement",
            &[
                "Quick reminder: grew revenue 40% at my last job.",
                "I cut support costs by 120k in one year.",
                "Doubled the user base within 18 months.",
                "I shipped the pipeline you described at twice the throughput.",
                "As a reminder, I bring 10 years in compliance.",
                "Recap for your notes: President's Club twice.",
            ],
        );
    }

    #[test]
    fn what_they_achieved_stays_quiet() {
        silent_as(
            "self-promotion.achievement",
            MessageKind::ThankYou,
            &[
                "Thank you for explaining how your team grew the platform to 40 services.",
                "I enjoyed hearing how you cut latency by 30 percent.",
                "It was useful to hear how the team plans to cut the backlog by 20% before Q3.",
                "The new rota should reduce overtime by 15 percent.",
                "My employer has reduced my notice period from three months to one.",
                "My notice period has been cut to two weeks, so I could start from 1 September.",
                "My clinic has agreed to release me two weeks early, so I could start in September.",
                "Thank you for the conversation on 12 May about the role.",
            ],
        );
    }

    #[test]
    fn recaps_and_fresh_credentials() {
        fires(
            "self-promotion.achievement",
            &[
                "To sum up, my background covers audit and tax.",
                "I bring deep experience in supply chains.",
                "Since we spoke I have earned my PMP certification.",
                "Last week I landed our biggest client ever.",
                "Please remember I built the payments team from scratch.",
            ],
        );
        silent_as(
            "self-promotion.achievement",
            MessageKind::Reply,
            &["To answer your question, I have used SAP for three years in my current role."],
        );
    }

    #[test]
    fn a_figure_reached_by_their_team_or_project() {
        fires(
            "self-promotion.achievement",
            &[
                "By the way, my squad reached 99.9% uptime last quarter.",
                "Fun fact: my app just crossed 10,000 downloads.",
                "Sales rose steadily under my leadership.",
                "Since the interview I passed the bar exam with honours.",
            ],
        );
        silent_as(
            "self-promotion.achievement",
            MessageKind::FollowUp,
            &[
                "Thank you for telling me the platform reached 2,000 customers this year.",
                "Your team passed 50 releases this year, which sounds like a lot of fun.",
            ],
        );
    }

    #[test]
    fn a_humble_brag_waved_away() {
        fires(
            "self-promotion.achievement",
            &[
                "I was shy when my award came up in the panel.",
                "It was a group effort, even though my name was listed first.",
                "Funny that my patent came up during the call.",
            ],
        );
        silent_as(
            "self-promotion.achievement",
            MessageKind::FollowUp,
            &[
                "Thank you for the interview; the paper you mentioned came up again in my reading.",
                "Your team's talk came up in my feed last week.",
            ],
        );
    }

    #[test]
    fn counts_of_things_shipped_or_published() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.achievement",
            &[
                "Both will tell you I published three first-author papers in two years.",
                "The profile has two shipped recommender systems.",
                "I single-handedly rebuilt the pipeline.",
                "We had 4 launched products under my watch.",
            ],
        );
        silent(
            "self-promotion.achievement",
            &[
                "Thank you for telling me about the three products the team shipped.",
                "Two published papers were mentioned in the job description, you said.",
            ],
        );
    }

    #[test]
    fn figures_hit_new_work_and_awards() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.achievement",
            &[
                "I shipped a side project that hit 2k users in 3 days.",
                "Since we spoke I've finished a churn model.",
                "Given my 10 years, two Red Dot awards and the rebrand, I'd expect more.",
                "Five years on the platform, and both certifications.",
            ],
        );
        silent(
            "self-promotion.achievement",
            &[
                "Thank you for telling me the platform reached 2,000 customers this year.",
                "The team won two awards last year, you said.",
                "Since we spoke, I have thought about the onboarding plan.",
            ],
        );
    }

    #[test]
    fn results_told_by_their_outcome() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.achievement",
            &[
                "We finished six weeks early and under budget.",
                "The safety audit we passed with zero findings.",
                "I managed the tower project with zero accidents.",
                "I ran a crew of 22 on the hospital extension.",
                "With my record of filling 120 tech roles a year, I'm sure.",
            ],
        );
        silent(
            "self-promotion.achievement",
            &[
                "Could you tell me whether the project is under budget review?",
                "Thank you for explaining how the team keeps zero downtime goals.",
            ],
        );
    }

    #[test]
    fn certificates_placements_features() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.achievement",
            &[
                "Meanwhile I finished the Google Data Analytics cert.",
                "Since then I've placed 14 engineering hires in six weeks.",
                "My dashboard got featured on Tableau Public.",
            ],
        );
        silent(
            "self-promotion.achievement",
            &[
                "The team placed 3 people last quarter, you said.",
                "Thank you; the features you showed were clear.",
            ],
        );
    }

    #[test]
    fn projects_led_and_pieces_published() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.achievement",
            &[
                "My experience leading two 400 kV substation projects.",
                "My piece on grain storage was just published in Farmers Weekly.",
            ],
        );
        silent(
            "self-promotion.achievement",
            &[
                "You mentioned leading two projects this year, which sounds exciting.",
                "Thank you for the piece you sent on the team's roadmap.",
            ],
        );
    }

    #[test]
    fn awards_and_press_pieces() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.achievement",
            &[
                "Here's the edie award we won for it last year.",
                "Here is the Forbes piece on the programme I led.",
            ],
        );
        silent(
            "self-promotion.achievement",
            &["Thank you for the piece on the team's roadmap you shared."],
        );
    }

    #[test]
    fn multiplied_titled_counted() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.achievement",
            &[
                "I just launched a dashboard that tripled my team's reporting speed.",
                "I've just been named Regional Colourist of the Year.",
                "My client book is now over 400 regulars.",
                "My online exhibition on Victorian mourning textiles just passed 10,000 visitors.",
            ],
        );
        silent(
            "self-promotion.achievement",
            &[
                "The company doubled its headcount this year, you said.",
                "Thank you for naming the employee of the year programme.",
            ],
        );
    }

    #[test]
    fn scaled_turned_around_and_new_cards() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.achievement",
            &[
                "Three companies are interested following my work scaling payments to 4M users.",
                "Worth remembering I turned around two failing depots in 18 months.",
                "I've since earned my CSCS black card and am keen to hear back.",
            ],
        );
        silent(
            "self-promotion.achievement",
            &["The team turned around the new depot plan in 2 weeks, which you mentioned."],
        );
    }

    #[test]
    fn wins_counted() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.achievement",
            &["I won the company hackathon twice, by the way."],
        );
        silent(
            "self-promotion.achievement",
            &["Your team won the regional award in 2022, which you mentioned."],
        );
    }
}
