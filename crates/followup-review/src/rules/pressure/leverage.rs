//! `pressure.leverage`: outside offers or ultimatums used as leverage.
//!
//! A phrase table: `rules/<language>/phrases/pressure.leverage.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "pressure.leverage",
    category: Category::Pressure,
    severity: Severity::Error,
    description: "Outside offers or ultimatums used as leverage.",
    message: "Using other offers as leverage or setting an ultimatum reads as a bluff and pushes the recruiter away.",
    suggestion: "If you really have a deadline: \"I have received an offer from another company with a deadline of <date>.\"",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "pressure.leverage",
            &[
                // Other employers' speed or pay held up.
                "Other companies are moving fast on me.",
                "Several firms are pushing for an answer.",
                "I have another proposal paying 15% more.",
                "A competitor is offering 20k more.",
                "Other companies are interested in me.",
                "I have several offers on the table.",
                "Decide by Friday or I'll accept another offer.",
                "If I don't hear back by Friday, I will accept another offer.",
                "I won't be available for long.",
                "I can't wait forever.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "pressure.leverage",
            &[
                "Your company offers 25 days of vacation, which I liked.",
                "Other teams move fast too, you said; that sounded fun.",
                "I have received an offer from another company, with a deadline of Friday 15 May.",
                "Acme remains my first choice.",
                "Could you tell me whether the role is still open, or should I assume it has been filled?",
                "I will not be available for the call on Friday.",
            ],
        );
    }

    #[test]
    fn the_clock_and_other_processes_held_up() {
        fires(
            "pressure.leverage",
            &[
                "I am talking to three other firms, so it would be good to move fast.",
                "Just saying, the clock is ticking on my side.",
                "I would hate to sign another offer only because this one went quiet.",
                "I will have to make some big decisions next week.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "The clock tower view from your office was lovely.",
                "I have received an offer from another company with a deadline of 15 May; could your timeline fit?",
                "Thank you for explaining the decisions the team has to make about the roadmap.",
            ],
        );
    }

    #[test]
    fn another_employers_figure_set_against_theirs() {
        fires(
            "pressure.leverage",
            &[
                "Another firm is paying me $120k, so you would have to beat that.",
                "A competing startup offered me 95,000 EUR.",
                "I would need at least 80k to consider moving.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "My expectation for the role is 70,000 EUR.",
                "The other team offered me a tour of the lab, which was kind.",
            ],
        );
    }

    #[test]
    fn a_floor_or_a_weight_set_by_other_processes() {
        fires(
            "pressure.leverage",
            &[
                "I hold an offer at 80k, so anything under that is not interesting.",
                "I'm talking to two banks, so please bear that in mind.",
                "Two firms are close to offers, so I thought you might like to know.",
                "I would hate to take one of the competing roles.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "Anything below the fold of the page loads later, as we discussed.",
                "Please keep in mind I am away on 3 May.",
            ],
        );
    }

    #[test]
    fn the_other_processes_held_over_them() {
        fires(
            "pressure.leverage",
            &[
                "As I am in late stages with two other firms, I trust you will keep that in mind.",
                "Several companies have reached out, and I hope you will factor that in.",
                "Since two other employers are moving, I am sure you will take that into account.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "I trust you will keep the team's roadmap in mind for the next call.",
                "Thank you for keeping my notice period in mind.",
            ],
        );
    }

    #[test]
    fn scarcity_and_the_market_held_up() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "That says something about how the market values a Python profile.",
                "Architects with FedRAMP experience are hard to find right now.",
                "The market is snapping them up within days.",
                "That window won't stay open long, though.",
                "Several teams have asked for the same dates.",
                "I'd lock it in soon.",
                "Two other firms have already quoted higher.",
                "If there's flexibility to land at or above that, now's the moment.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "The data was hard to find, which made the exercise fun.",
                "The office stays open late on Thursdays, you said.",
                "Could you share how the team values code review?",
                "Thank you for the quote for the relocation package.",
            ],
        );
    }

    #[test]
    fn others_competing_waiting_ready() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "Three companies are now competing for me.",
                "Another company is ready to sign me tomorrow.",
                "The other company is waiting on me.",
                "A couple of firms have made it clear they'd like an answer from me soon.",
                "I'd hate for you to miss out on the chance.",
                "Talent at this level doesn't sit around.",
                "An accountant like that doesn't usually wait long for the right seat.",
                "Your main competitor in the city has invited me to a final round.",
                "I would rather not let that opportunity cool while I wait.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "Two companies I worked for used Snowflake, which helped in the case study.",
                "The other team is waiting for the design review, you said.",
                "I don't usually wait long to send references, so here they are.",
                "Could you tell me who your competitors are in the region?",
            ],
        );
    }

    #[test]
    fn others_after_the_sender_and_leaving_the_market() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "I've got a couple of contractors chasing me.",
                "Two recruiters this week pitched me roles above that figure.",
                "After this week I'll be off the market.",
                "I won't be on the market much longer.",
                "Honestly it's a bargain.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "A couple of clients called me about the audit, which is why I asked about hybrid work.",
                "The product is on the market for longer than a year, you said.",
                "The team is off to a conference next week.",
            ],
        );
    }

    #[test]
    fn approaches_and_the_market_invoked() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "I've had three approaches this month.",
                "I'm interviewing with four fintechs for similar roles.",
                "Reality check on the market: it's moving.",
                "Profiles like this are rare right now.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "I interviewed with two teams at your company in May, which was great.",
                "The rare earth supply chain came up in the case study.",
            ],
        );
    }

    #[test]
    fn their_offer_as_the_reason_to_turn_the_other_down() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "I'd need it to justify turning them down.",
                "It would be a shame to have to choose before hearing from you.",
                "The two other firms I'm in process with have both committed to decisions by Friday.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "It is a shame the office is closed on Friday; Monday works too.",
                "Thank you for explaining how the team justifies its roadmap.",
            ],
        );
    }

    #[test]
    fn whoever_moves_first_and_scarcity_as_a_figure() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "I'll probably go with whoever moves first.",
                "Two other companies are about to make me offers.",
                "Senior Swift people are thin on the ground right now.",
                "Recruiters reach out to me daily.",
                "I'd hate for you to miss the window.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "Whoever joins first gets the desk by the window, you joked.",
                "The tool helps recruiters reach out to candidates daily, which I liked.",
            ],
        );
    }

    #[test]
    fn money_compared_and_advice_not_to_wait() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "I've received an offer elsewhere that pays noticeably more.",
                "An offer with a considerably higher salary.",
                "People at my level rarely stay on the market more than a week.",
                "I'm also in late stages with two of your competitors.",
                "I'd suggest not waiting too long if you're interested.",
                "Two other studios are moving quickly with me.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "The new plant pays considerably more attention to safety, you said.",
                "Thank you for the late stage of the interview day; the tour was great.",
            ],
        );
    }

    #[test]
    fn offers_already_made_elsewhere() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "Two other retailers have already made me offers.",
                "So you may want to move quickly.",
            ],
        );
        silent(
            "pressure.leverage",
            &["You may want to move the call to Tuesday if that suits the team better."],
        );
    }

    #[test]
    fn about_to_accept_and_a_hot_market() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "I'm about to accept one of the three other offers I'm holding.",
                "Frankly the market for naval architects is hot right now.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "The housing market is hot in Lisbon, so relocation help matters; could we discuss it?",
            ],
        );
    }

    #[test]
    fn offers_held_and_demand_in_general() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "Any news on the Designer role? I've got another offer I'm sitting on.",
                "Plenty of places have asked me in, but yours is the one I'm excited about.",
            ],
        );
        silent(
            "pressure.leverage",
            &["I am sitting on the panel for the design awards this week."],
        );
    }

    #[test]
    fn more_offers_expected() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &["I've attached my CV again, and I'm expecting other offers soon. Any news?"],
        );
        silent(
            "pressure.leverage",
            &["I am not expecting any other offers; this is the role I want."],
        );
    }

    #[test]
    fn the_other_sides_speed_and_interest() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "I also have a final round at another fintech next week, and they move fast.",
                "just fyi amazon's sniffing around too, so when's the decision?",
            ],
        );
        silent(
            "pressure.leverage",
            &["I liked hearing how your team ships weekly and moves fast on feedback."],
        );
    }

    #[test]
    fn other_options_and_the_move_left_to_them() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "I have other options so I need to move on. Could you let me know the outcome?",
                "got an offer elsewhere fyi. ur move",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "Congratulations on your move to the new office.",
                "Could the post be partly remote, or whether I should withdraw?",
            ],
        );
    }

    #[test]
    fn racing_the_other_company() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &["Figured you'd want to get your offer in for the designer role before they do."],
        );
        silent(
            "pressure.leverage",
            &["Thank you for the offer; I will sign it before Friday as agreed."],
        );
    }

    #[test]
    fn another_companys_interest_and_the_sender_worth_hurrying_for() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.leverage",
            &[
                "Any news on the Narrative Designer role? Riot wants me for a final round.",
                "I have another two companies in Milan who are waiting for my answer.",
                "Given my certification, I think you'll agree I'm worth moving fast on.",
            ],
        );
        silent(
            "pressure.leverage",
            &[
                "The team wants me to bring my portfolio to the final round.",
                "The role sounds worth the move, and I enjoyed the talk.",
            ],
        );
    }
}
