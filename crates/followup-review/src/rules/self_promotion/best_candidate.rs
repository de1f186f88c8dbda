//! `self-promotion.best-candidate`: claims of being the best hire ("perfect fit", "great asset").
//!
//! A phrase table: `rules/<language>/phrases/self-promotion.best-candidate.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "self-promotion.best-candidate",
    category: Category::SelfPromotion,
    severity: Severity::Error,
    description: "\"Best candidate\", \"perfect fit\", \"great hire\", \"you won't regret it\".",
    message: "Claiming to be the best hire sounds like a sales pitch; the recruiter decides that.",
    suggestion: "I remain very interested in the role",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "self-promotion.best-candidate",
            &[
                "I am the perfect fit for this role.",
                "I'm the best candidate you will find.",
                "I would be a great asset to your team.",
                "You won't regret hiring me.",
                "I'm exactly what you're looking for.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "self-promotion.best-candidate",
            &[
                "I'd like to know whether I'm the right fit for the team's next phase.",
                "Acme remains my top choice.",
                "Is Bruno the best person to ask about the stack?",
            ],
        );
    }

    #[test]
    fn a_good_fit_claimed_by_the_sender() {
        fires(
            "self-promotion.best-candidate",
            &[
                "I would be a great fit for the team.",
                "I am a natural match for this role.",
                "I will be an excellent fit, I am sure.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &["Is the team still looking for a fit for the role?"],
        );
    }

    #[test]
    fn standing_out_claimed_in_other_words() {
        fires(
            "self-promotion.best-candidate",
            &[
                "My patience with customers sets me apart.",
                "I am exactly the person you need for this team.",
                "My CV ticks every box in the posting.",
                "Think of the value I would bring to the team.",
                "The certificate strengthens my application further.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &[
                "Could you tell me which requirements matter most for the first month?",
                "Thank you for explaining what sets the team apart from the rest of the company.",
            ],
        );
    }

    #[test]
    fn a_stronger_match_claimed() {
        fires(
            "self-promotion.best-candidate",
            &[
                "The new certificate makes me an ideal fit.",
                "That makes me an even better candidate.",
                "I have more interviews than I can handle right now.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &[
                "Could you tell me what would make a candidate a strong fit for the second round?",
                "Thank you for the interview; the team seems an even better place than I imagined.",
            ],
        );
    }

    #[test]
    fn skills_sold_again() {
        fires(
            "self-promotion.best-candidate",
            &[
                "I want to add that I speak four languages.",
                "I am sure I can give a lot to the team.",
                "I am confident I could bring much value here.",
                "I speak three languages fluently, which would help.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &[
                "Thank you for asking which languages I speak; I am happy to share.",
                "I am sure I can join the call on Monday.",
            ],
        );
    }

    #[test]
    fn skills_shown_to_fit_and_the_price_called_modest() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.best-candidate",
            &[
                "The model shows exactly the skills your team needs.",
                "I'd expect at least $140k, which is honestly modest for what I bring.",
                "That's the toolkit that would walk in on day one.",
                "I can deliver from day one.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &[
                "Could you tell me what skills the team needs most?",
                "The onboarding plan for day one sounds clear, thank you.",
            ],
        );
    }

    #[test]
    fn shown_to_handle_it() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.best-candidate",
            &[
                "It shows I can handle exactly the issues your group works on.",
                "The project proves I could deliver at scale.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &["The exercise shows how the team works, which I liked."],
        );
    }

    #[test]
    fn the_approach_shown_and_experience_invoked() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.best-candidate",
            &[
                "I think it shows how I'd approach the job.",
                "Especially given my experience leading two substation projects.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &[
                "Could you tell me how the team would approach the first month?",
                "Given my notice period, I could start in March.",
            ],
        );
    }

    #[test]
    fn praise_quoted_from_others() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.best-candidate",
            &[
                "I thought you'd like to see what a few past clients have said about me.",
                "My managers describe me as the calm one.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &["Could you tell me what the team has said about the new tool?"],
        );
    }

    #[test]
    fn highlighted_once_again() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.best-candidate",
            &[
                "Once again I wish to highlight my 6 years of experience.",
                "Which makes me exactly the stylist Maison Duval needs.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &["Once again, thank you for your time."],
        );
    }

    #[test]
    fn work_made_to_prove_it() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.best-candidate",
            &[
                "Three new maps that show exactly how I'd approach your next title.",
                "I think they make the case better than I did in the room.",
                "It shows the kind of modelling I'd bring from day one.",
            ],
        );
        silent(
            "self-promotion.best-candidate",
            &["Could you show me how the team approaches level reviews?"],
        );
    }

    #[test]
    fn what_i_would_have_done() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.best-candidate",
            &["I'd have transformed your kitchen."],
        );
        silent(
            "self-promotion.best-candidate",
            &["I would have liked to see the kitchen, but time ran out."],
        );
    }

    #[test]
    fn the_hardest_worker_you_will_ever_meet() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.best-candidate",
            &["I can start on the 1st. I am the hardest worker you will ever meet."],
        );
        silent(
            "self-promotion.best-candidate",
            &["The team said the night shift is the hardest work they have."],
        );
    }
}
