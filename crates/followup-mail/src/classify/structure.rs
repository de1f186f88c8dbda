//! Readings by the shape of a sentence rather than by a fixed phrase: word classes (the
//! tables of [`phrases`]) that must occur in order, a few words apart, with no hedge between.
//!
//! A decline, for instance, is a negative decision about the candidate or about the position:
//! a negation before a verb of progress with the candidacy named ("it won't be progressing
//! further", "no vamos a seguir adelante con tu candidatura"), someone else chosen ("offered
//! the position to another candidate", "optamos por dar sequência com outras pessoas"), the
//! position gone ("la vacante ya ha sido cubierta", "a vaga foi congelada"), or a negated offer
//! ("not able to extend an offer", "não estamos em condições de te fazer uma proposta"). Each
//! rule is a sentence's structure; the phrase tables hold only the words.

use super::phrases::{self, Table};

/// The first match of `first` followed, at most `words` words later, by a match of
/// `second`, with nothing of `forbidden` in between: the span from one to the other.
pub fn followed_by(
    sentence: &str,
    first: &Table,
    second: &Table,
    words: usize,
    forbidden: &[&Table],
) -> Option<(usize, usize)> {
    let seconds = second.spans(sentence);
    first.spans(sentence).into_iter().find_map(|(start, end)| {
        seconds
            .iter()
            .filter(|(s, _)| *s >= end)
            .take_while(|(s, _)| word_count(&sentence[end..*s]) <= words)
            .find(|(s, _)| {
                let gap = &sentence[end..*s];
                !forbidden.iter().any(|t| t.is_match(gap))
            })
            .map(|(_, e)| (start, *e))
    })
}

fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .count()
}

/// Whether what is said at `at` in `sentence` is under a condition ("if we decide not to…",
/// "se não avançarmos…"): a condition word before it, or a clause opening on "se"/"si".
fn conditional(sentence: &str, at: usize) -> bool {
    let before = &sentence[..at];
    phrases::CONDITION.is_match(before)
        || before
            .split([',', ';', ':'])
            .any(|clause| matches!(clause.split_whitespace().next(), Some("se" | "si")))
}

/// Whether a sentence says the position is open again, not under a condition ("it is open
/// again" yes; "I'll write if the position is reopened", "se a vaga for reaberta" no). Any
/// "se"/"si" before counts as a condition here: a doubt only keeps the decline.
pub fn reopened(sentence: &str) -> bool {
    phrases::REOPENED.spans(sentence).into_iter().any(|(s, _)| {
        let before = &sentence[..s];
        !conditional(sentence, s)
            && !before
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "se" || w == "si")
    })
}

/// A negative decision about the candidate or the position, in one sentence: the span that
/// says it.
pub fn decline(sentence: &str) -> Option<(usize, usize)> {
    decline_unless_reopened(sentence, false)
}

/// [`decline`], where `reopened` says the message states the position is open again ("the
/// role was on hold for a few weeks. It is open again"): then a position paused or closed
/// is history, not a decline; the other readings stand.
pub fn decline_unless_reopened(sentence: &str, reopened: bool) -> Option<(usize, usize)> {
    let decided = |span: Option<(usize, usize)>| span.filter(|(s, _)| !conditional(sentence, *s));
    // The candidacy or the next steps named: "unfortunately I can't continue our call
    // tomorrow" declines nothing.
    let named = phrases::CANDIDACY.is_match(sentence) || phrases::NEXT_STAGE.is_match(sentence);
    // Not going on with the candidacy.
    let not_going_on = named
        .then(|| {
            followed_by(
                sentence,
                &phrases::NEGATION,
                &phrases::PROGRESS,
                4,
                &[&phrases::HEDGE],
            )
        })
        .flatten()
        .filter(|(_, e)| !phrases::UNLESS.is_match(&sentence[*e..]));
    // Someone else chosen, unless a negation just before ("we haven't chosen another…").
    let other_chosen = || {
        followed_by(
            sentence,
            &phrases::SELECTION,
            &phrases::OTHER_CANDIDATE,
            3,
            &[&phrases::HEDGE, &phrases::NEGATION, &phrases::NOT_A_CHOICE],
        )
        .filter(|(s, _)| {
            let before = &sentence[..*s];
            let recent = before.len().saturating_sub(24);
            !phrases::NEGATION.is_match(&before[floor_char(before, recent)..])
        })
    };
    // The position gone.
    let position_gone = || {
        if reopened {
            return None;
        }
        followed_by(
            sentence,
            &phrases::POSITION,
            &phrases::CLOSED,
            4,
            &[&phrases::NEGATION, &phrases::HEDGE],
        )
    };
    // No offer for the user.
    let no_offer = || {
        followed_by(
            sentence,
            &phrases::NEGATION,
            &phrases::OFFER_ACT,
            6,
            &[&phrases::HEDGE],
        )
    };
    decided(not_going_on)
        .or_else(|| decided(other_chosen()))
        .or_else(|| decided(position_gone()))
        .or_else(|| decided(no_offer()))
}

/// The nearest char boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// An offer without the word: the user asked to join the company as a role ("we'd like you
/// to join Northwind Labs as a Senior Platform Engineer", "queremos que te incorpores a
/// Initech como SRE"). "Join us for a final interview" names no role, and is none.
pub fn invitation_to_join(sentence: &str) -> Option<(usize, usize)> {
    followed_by(
        sentence,
        &phrases::JOIN,
        &phrases::AS_ROLE,
        4,
        &[&phrases::NEGATION, &phrases::HEDGE],
    )
    .filter(|(s, _)| !conditional(sentence, *s) && !phrases::NEGATION.is_match(&sentence[..*s]))
}

/// A receipt in one sentence: the application and a word saying it arrived ("your
/// application for Backend Engineer has reached us", "sua candidatura … foi concluída").
/// Only read in automatic mail.
pub fn receipt(sentence: &str) -> bool {
    phrases::APPLICATION.is_match(sentence) && phrases::RECEIPT.is_match(sentence)
}

/// Whether a sentence asks the user something: a question, or a request.
pub fn asks_the_user(sentence: &str) -> bool {
    sentence.contains('?') || phrases::REQUEST.is_match(sentence)
}

/// A question or request about the user's availability for a meeting ("¿Qué disponibilidad
/// tienes…?", "pode me mandar alguns horários em que estaria livre?"), not about a start
/// date.
pub fn availability_request(sentence: &str) -> bool {
    asks_the_user(sentence)
        && phrases::AVAILABILITY.is_match(sentence)
        && !phrases::START_DATE.is_match(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::phrases::fold;

    fn declines(text: &str) -> bool {
        decline(&fold(text)).is_some()
    }

    #[test]
    fn a_position_open_again_is_no_longer_gone() {
        let paused = fold("The role was on hold for a few weeks.");
        assert!(decline(&paused).is_some());
        assert!(decline_unless_reopened(&paused, true).is_none());
        // Another reading of a decline stands.
        let other = fold("We have now offered the position to another candidate.");
        assert!(decline_unless_reopened(&other, true).is_some());
        assert!(reopened(&fold(
            "It is open again and the team would like to continue."
        )));
        assert!(!reopened(&fold("Te procuro se a posição for reaberta.")));
        assert!(!reopened(&fold(
            "I will write to you if the role is reopened."
        )));
    }

    #[test]
    fn declines_by_structure() {
        assert!(declines(
            "We've carefully reviewed your application and, unfortunately, it won't be progressing further at this stage."
        ));
        assert!(declines(
            "Al final nos hemos decantado por una persona con más recorrido, así que no vamos a seguir adelante con tu candidatura."
        ));
        assert!(declines(
            "We have now offered the position to another candidate, who has accepted."
        ));
        assert!(declines(
            "Optamos por dar sequência com outras pessoas candidatas cujo perfil está mais aderente."
        ));
        assert!(declines(
            "El proceso ha finalizado y la vacante ya ha sido cubierta."
        ));
        assert!(declines(
            "Infelizmente, no momento não estamos em condições de te fazer uma proposta."
        ));
        assert!(declines(
            "We are not able to extend an offer for the Data Engineer role."
        ));
        assert!(declines(
            "Depois de analisar todos os perfis, o seu não seguirá para as próximas etapas desta vaga."
        ));
        assert!(declines(
            "Optámos por prosseguir com uma candidatura cujo percurso se ajusta mais."
        ));
        assert!(declines(
            "Finalmente la búsqueda se cerró con otra persona."
        ));
    }

    #[test]
    fn conditions_hedges_and_the_user_still_in_are_no_decline() {
        assert!(!declines(
            "If we decide not to move forward with your application, we'll let you know."
        ));
        assert!(!declines(
            "I'm not sure yet whether we'll move forward with your application."
        ));
        assert!(!declines(
            "We'd like to move forward with you and two other candidates to the final round."
        ));
        assert!(!declines(
            "We're continuing interviews with other candidates this week."
        ));
        assert!(!declines("The position has not been filled yet."));
        assert!(!declines(
            "Unfortunately we cannot offer relocation support for this role."
        ));
        assert!(!declines(
            "We haven't chosen another candidate, the decision is next week."
        ));
        assert!(!declines(
            "Infelizmente não consigo continuar a conversa amanhã."
        ));
        assert!(!declines(
            "We can't continue your application without the signed consent form."
        ));
    }

    #[test]
    fn an_invitation_to_join_as_a_role_is_an_offer() {
        let offers = |t: &str| invitation_to_join(&fold(t)).is_some();
        assert!(offers(
            "I'm thrilled to share that we'd like you to join Northwind Labs as a Senior Platform Engineer!"
        ));
        assert!(offers(
            "Queremos que te incorpores a Initech como Site Reliability Engineer."
        ));
        assert!(!offers("We'd like you to join us for a final interview."));
        assert!(!offers(
            "If we'd like you to join as a contractor, we'll say so."
        ));
    }

    #[test]
    fn availability_is_asked_for_a_meeting_not_a_start() {
        let asked = |t: &str| availability_request(&fold(t));
        assert!(asked(
            "¿Qué disponibilidad tienes esta semana para una llamada?"
        ));
        assert!(asked(
            "Você pode me mandar alguns horários em que estaria livre na semana que vem?"
        ));
        assert!(!asked("When would you be available to start?"));
        assert!(!asked("Are you still available for the role?"));
        assert!(!asked("Tom is available on Tuesday."));
    }
}
