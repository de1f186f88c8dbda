//! What a message is: the readings behind each `class`, one function per question, all on the
//! message's new text (folded) and headers.
//!
//! The order they are asked in, and what each answer logs, is [`crate::import`]'s; here each
//! reading only says what it found and why, in a few words for the JSON line's `reason`.

pub mod dates;
pub mod phrases;
mod sentences;
pub mod structure;

use std::sync::LazyLock;

use jiff::ZonedDateTime;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use regex::Regex;

use crate::classified::Asks;
use crate::message::Mail;
use dates::Mention;
use phrases::{fold, pattern};
pub use sentences::sentences;

/// A message's new text and subject, folded once, with its date as the reference for dates.
pub struct Reading<'m> {
    /// The message.
    pub mail: &'m Mail,
    /// The new text, folded.
    pub text: String,
    /// The subject, folded, without `Re:`/`Fwd:` prefixes.
    pub subject: String,
    /// The message's date in its own offset.
    pub reference: ZonedDateTime,
}

impl<'m> Reading<'m> {
    /// Folds `mail`'s text and subject.
    pub fn new(mail: &'m Mail) -> Self {
        Reading {
            mail,
            text: fold(&mail.text.text),
            subject: strip_reply_prefixes(&fold(&mail.subject)).to_owned(),
            reference: mail.date.to_zoned_datetime(TimeZone::fixed(mail.offset)),
        }
    }

    /// Dates mentioned in the new text.
    pub fn mentions(&self) -> Vec<Mention> {
        dates::mentions(&self.text, &self.reference)
    }
}

/// `re: fwd: aw: res: rv:` and `[ext]`-style tags, removed from the start of a folded subject.
pub fn strip_reply_prefixes(subject: &str) -> &str {
    let mut rest = subject.trim();
    loop {
        let lower = rest;
        let stripped = ["re:", "fwd:", "fw:", "aw:", "res:", "rv:", "enc:", "tr:"]
            .iter()
            .find_map(|p| lower.strip_prefix(p))
            .or_else(|| {
                lower
                    .strip_prefix('[')
                    .and_then(|r| r.split_once(']'))
                    .filter(|(tag, _)| tag.len() <= 12)
                    .map(|(_, r)| r)
            });
        match stripped {
            Some(r) => rest = r.trim_start(),
            None => return rest,
        }
    }
}

/// A job alert or job-board digest, by subject or sender name.
pub fn job_alert(reading: &Reading<'_>) -> Option<&'static str> {
    let name = reading
        .mail
        .from
        .as_ref()
        .and_then(|f| f.name.as_deref())
        .map(fold)
        .unwrap_or_default();
    let local = reading
        .mail
        .from
        .as_ref()
        .map(|f| f.local_part())
        .unwrap_or("");
    (phrases::JOB_ALERT.is_match(&reading.subject)
        || phrases::JOB_ALERT.is_match(&name)
        || local.contains("jobalert")
        || local.contains("job-alert"))
    .then_some("job alert")
}

/// Whether the new text carries an unsubscribe footer.
pub fn unsubscribe_footer(reading: &Reading<'_>) -> bool {
    phrases::UNSUBSCRIBE.is_match(&reading.text)
}

/// Why the message is an automatic reply, if it is one.
pub fn auto_reply_marker(reading: &Reading<'_>) -> Option<String> {
    if reading.mail.auto_reply_header {
        return Some("automatic-reply header".into());
    }
    let subject = &reading.subject;
    phrases::AUTO_REPLY_SUBJECT
        .find(subject)
        .filter(|found| subject.starts_with(found))
        .map(|found| format!("subject starts with {found:?}"))
}

/// "back on", "returning", "volto em", "regreso el": the date after is their first day back.
static BACK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(concat!(
        r"\b(?:back|return|returning|returns|reachable again|volto|voltarei|retorno|retornarei|",
        r"de volta|regreso|regresare|vuelvo|volvere|de vuelta|reincorporo|reincorporare)\b",
        r"[^.;!?]{0,40}$"
    ))
});

/// "until", "through", "até", "hasta": the date after is their last day away.
static UNTIL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:until|till|through|thru|to|ate|hasta|al)\b(?:\s+(?:and including|o dia|a|el dia|el|dia))?\s*$",
    )
});

/// Their last day away, when an automatic reply says it: "back on Monday 12 May" gives
/// Sunday 11 May, "until 9 May" gives 9 May. A return that is not a date gives nothing, and
/// so does a date before the message's own day.
pub fn away_until(reading: &Reading<'_>) -> Option<Date> {
    let today = reading.reference.date();
    let mut text = reading.text.clone();
    text.push(' ');
    text.push_str(&reading.subject);
    for mention in dates::mentions(&text, &reading.reference) {
        let before = &text[..mention.start];
        let until = if UNTIL.is_match(before) {
            Some(mention.date)
        } else if BACK.is_match(before) {
            mention.date.yesterday().ok()
        } else {
            None
        };
        if let Some(until) = until.filter(|d| *d >= today) {
            return Some(until);
        }
    }
    None
}

/// The receipt of an automatic application acknowledgement: a receipt phrase, or a
/// sentence (or the subject) naming the application and its arrival.
pub fn application_received<'r>(reading: &'r Reading<'_>) -> Option<&'r str> {
    phrases::APPLICATION_RECEIVED
        .find(&reading.text)
        .or_else(|| phrases::APPLICATION_RECEIVED.find(&reading.subject))
        .or_else(|| {
            sentences(&reading.text)
                .into_iter()
                .map(|(s, e)| &reading.text[s..e])
                .chain(std::iter::once(reading.subject.as_str()))
                .find(|s| structure::receipt(s))
        })
}

/// What declines: an idiom of the table, or a sentence shaped as a negative decision about
/// the candidate or the position ([`structure::decline`]).
pub fn rejection<'r>(reading: &'r Reading<'_>) -> Option<&'r str> {
    phrases::REJECTION.find(&reading.text).or_else(|| {
        let spans = sentences(&reading.text);
        let reopened = spans
            .iter()
            .any(|(s, e)| structure::reopened(&reading.text[*s..*e]));
        spans.into_iter().find_map(|(s, e)| {
            let sentence = &reading.text[s..e];
            structure::decline_unless_reopened(sentence, reopened).map(|(a, b)| &sentence[a..b])
        })
    })
}

/// An explicit offer (a phrase of the table, or the user asked to join as a role), not
/// negated: the phrase, and the deadline when one is stated.
pub fn offer(reading: &Reading<'_>) -> Option<(String, Option<Date>)> {
    let phrase = sentences(&reading.text)
        .into_iter()
        .find_map(|(start, end)| {
            let sentence = &reading.text[start..end];
            if let Some((a, b)) = structure::invitation_to_join(sentence) {
                return Some(sentence[a..b].to_owned());
            }
            let found = phrases::OFFER.find(sentence)?;
            let negated = phrases::OFFER_NEGATION.is_match(sentence)
                || phrases::NEGATION.is_match(&sentence[..sentence.find(found).unwrap_or(0)]);
            (!negated).then(|| found.to_owned())
        })?;
    Some((phrase, user_date(reading)))
}

/// "by", "before", "até", "antes del", "no later than", "due": the date after is a deadline.
static BY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(concat!(
        r"(?:\b(?:by|before|until|till|no later than|on or before|ate|antes d[eoa]|hasta|antes del|",
        r"a mas tardar|valid until|expires?|due)\b",
        r"(?:\s+(?:is|on|el|o dia|a|o|the|end of|close of business|cob|eod))*\s*,?\s*",
        r"|\b(?:prazo|plazo|deadline|due date|data limite|fecha limite)\b[^.?!]{0,30})$"
    ))
});

/// The date set for the user's answer in this message: a date after "by"/"até"/"antes del"
/// in a sentence about the user's reply, submission or decision, and not about the company's
/// own next step. Interview dates and proposed slots have no such word before them.
/// A sentence right after a request to the user continues it ("Could you send two
/// references? We'd need them by Friday 15 May").
pub fn user_date(reading: &Reading<'_>) -> Option<Date> {
    deadline_in(reading, |sentence, previous| {
        (phrases::RESPOND_VERB.is_match(sentence)
            || phrases::REQUEST.is_match(sentence)
            || previous.is_some_and(structure::asks_the_user))
            && !phrases::THEIR_STEP.is_match(sentence)
    })
}

/// The date the company set for its own next step ("we will get back to you by Friday"): a
/// promise, for the wiring to log.
pub fn their_promise(reading: &Reading<'_>) -> Option<Date> {
    deadline_in(reading, |sentence, _| {
        phrases::THEIR_STEP.is_match(sentence)
    })
}

/// The first date after a deadline word, in a sentence that `fits` (given the sentence
/// and the one before it).
fn deadline_in(reading: &Reading<'_>, fits: impl Fn(&str, Option<&str>) -> bool) -> Option<Date> {
    let today = reading.reference.date();
    let spans = sentences(&reading.text);
    reading.mentions().into_iter().find_map(|mention| {
        let at = spans
            .iter()
            .position(|(s, e)| *s <= mention.start && mention.start < *e)?;
        let (start, end) = spans[at];
        let sentence = &reading.text[start..end];
        let previous = at
            .checked_sub(1)
            .map(|p| &reading.text[spans[p].0..spans[p].1]);
        let before = &reading.text[start..mention.start];
        (BY.is_match(before) && fits(sentence, previous) && mention.date >= today)
            .then_some(mention.date)
    })
}

/// What a reply asks of the user, from its new text only, courtesy lines left out. A message
/// asking several things gives the one that shapes the answer most: an assignment, then
/// times, then any other question or request.
pub fn asks(reading: &Reading<'_>) -> (Asks, Option<String>) {
    let spans = sentences(&reading.text);
    let asking: Vec<&str> = spans
        .iter()
        .map(|(s, e)| reading.text[*s..*e].trim())
        .filter(|s| !phrases::COURTESY.is_match(s))
        .collect();
    let thanks_for =
        |s: &str| s.starts_with("thank") || s.starts_with("obrigad") || s.starts_with("gracias");
    if let Some(found) = asking
        .iter()
        .filter(|s| !thanks_for(s))
        .find_map(|s| phrases::ASSIGNMENT.find(s))
    {
        return (Asks::Assignment, Some(excerpt(found)));
    }
    // "Antes de marcar a conversa, preciso de…": booking named as their later step is no
    // request for times.
    let schedule = asking.iter().filter(|s| !about_starting(s)).find_map(|s| {
        phrases::SCHEDULE
            .spans(s)
            .into_iter()
            .find(|(start, _)| !BEFORE_CLAUSE.is_match(&s[..*start]))
            .map(|(start, end)| &s[start..end])
    });
    if let Some(found) = schedule {
        return (Asks::Schedule, Some(excerpt(found)));
    }
    if let Some(found) = asking.iter().find(|s| structure::availability_request(s)) {
        return (Asks::Schedule, Some(excerpt(found)));
    }
    // Proposed times: a question naming a time of day, or two times offered (in one
    // sentence, as list items, or anywhere with a word offering the choice).
    let mut listed = 0;
    let mut timed_in_all = 0;
    for sentence in &asking {
        let timed = dates::mentions(sentence, &reading.reference)
            .into_iter()
            .filter(|m| m.with_time)
            .count();
        if timed >= 2 || (timed == 1 && sentence.ends_with('?')) {
            return (Asks::Schedule, Some("proposed times".into()));
        }
        timed_in_all += timed;
        if timed == 1 && is_list_item(sentence) {
            listed += 1;
        }
    }
    if listed >= 2 || (timed_in_all >= 2 && phrases::SLOT_CHOICE.is_match(&reading.text)) {
        return (Asks::Schedule, Some("proposed times".into()));
    }
    if let Some(found) = asking.iter().find_map(|s| phrases::REQUEST.find(s)) {
        return (Asks::Answer, Some(excerpt(found)));
    }
    if let Some(question) = asking
        .iter()
        .find(|s| s.ends_with('?') && !TAG_QUESTION.is_match(s))
    {
        return (Asks::Answer, Some(excerpt(question)));
    }
    (Asks::Nothing, None)
}

/// A meeting named: a sentence asking when the user can start or travel still books a
/// meeting when it names one.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:call|chat|interview|meeting|conversation|video ?call|zoom|llamada|videollamada|reunion|entrevista|charla|conversa|bate-papo|chamada|videochamada)\b",
    )
});

/// A question about starting, relocating or travelling, with no meeting named ("A partir de
/// quando você poderia começar?", "¿Tendrías disponibilidad para viajar?"): an answer, not
/// times.
fn about_starting(sentence: &str) -> bool {
    phrases::START_DATE.is_match(sentence) && !MEETING.is_match(sentence)
}

/// "before", "antes de", "after": what follows is a step placed in time, not asked for.
static BEFORE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:before|prior to|ahead of|after|antes de|antes del|depois de|despues de)(?:\s+(?:we|nos|i|eu|yo))?\s*$",
    )
});

/// A statement closed by a tag ("…eu te dou um retorno, combinado?", "…, ok?"): it asks
/// nothing by its question mark alone.
static TAG_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r",\s*(?:combinado|certo|ok|okay|ta bom|ta|beleza|pode ser|vale|right|sound good|de acuerdo|sim|si|yes)\s*[?!]*\?$",
    )
});

/// A list item: "- …", "* …", "• …", "1. …", "2) …".
fn is_list_item(sentence: &str) -> bool {
    let rest = sentence.trim_start_matches(|c: char| c.is_ascii_digit());
    sentence.starts_with(['-', '*', '\u{2022}'])
        || (rest.len() < sentence.len() && rest.starts_with(['.', ')']))
}

/// A phrase for the reason: whitespace collapsed, at most 60 characters.
pub fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::RawMessage;

    /// A message dated Wednesday 6 May 2026 in São Paulo, with `body`.
    fn mail(subject: &str, body: &str) -> Mail {
        let text = format!(
            "Message-ID: <t@acme.example>\r\nDate: Wed, 6 May 2026 10:00:00 -0300\r\nFrom: Ana <ana@acme.example>\r\nTo: maria@example.org\r\nSubject: {subject}\r\n\r\n{body}\r\n"
        );
        let raw = RawMessage {
            file: "t.eml".into(),
            bytes: text.into_bytes(),
            internal_date: None,
        };
        Mail::parse(&raw).unwrap()
    }

    fn asks_of(body: &str) -> Asks {
        asks(&Reading::new(&mail("Re: next steps", body))).0
    }

    #[test]
    fn what_a_reply_asks() {
        assert_eq!(
            asks_of("What times work for you next week?"),
            Asks::Schedule
        );
        assert_eq!(asks_of("When would you be able to start?"), Asks::Answer);
        assert_eq!(
            asks_of("Please let me know by Friday if you'd like to proceed."),
            Asks::Answer
        );
        assert_eq!(
            asks_of("Here is the coding challenge for the next stage."),
            Asks::Assignment
        );
        assert_eq!(
            asks_of("Thanks! I'll review it and get back to you."),
            Asks::Nothing
        );
        assert_eq!(
            asks_of("Let me know if you have any questions!"),
            Asks::Nothing
        );
        assert_eq!(
            asks_of("Qualquer dúvida, estou à disposição."),
            Asks::Nothing
        );
        assert_eq!(asks_of("See you on Tuesday at 10:00."), Asks::Nothing);
        // Slots as list items, an availability question, a need addressed to the user.
        assert_eq!(
            asks_of("He has these openings:\n\n- Tuesday 12 May, 10:00\n- Wednesday 13 May, 14:30"),
            Asks::Schedule
        );
        assert_eq!(
            asks_of("¿Qué disponibilidad tienes esta semana para una llamada?"),
            Asks::Schedule
        );
        assert_eq!(
            asks_of("There are a couple of things I need from you: your ID and salary range."),
            Asks::Answer
        );
        assert_eq!(
            asks_of("Feel free to send me a note if anything comes up."),
            Asks::Nothing
        );
    }

    #[test]
    fn steps_placed_in_time_tags_and_open_offers_ask_nothing_by_themselves() {
        assert_eq!(
            asks_of("Antes de marcar a conversa com o time, preciso da sua pretensão salarial."),
            Asks::Answer
        );
        assert_eq!(
            asks_of("Any questions in the meantime, just give me a shout."),
            Asks::Nothing
        );
        assert_eq!(
            asks_of("Amanhã eu te dou um retorno, combinado?"),
            Asks::Nothing
        );
        assert_eq!(asks_of("Kindly revert with your updated CV."), Asks::Answer);
        // Starting or travelling is asked for an answer; a meeting named is still times.
        assert_eq!(
            asks_of("A partir de quando você poderia começar?"),
            Asks::Answer
        );
        assert_eq!(
            asks_of("¿Tendrías disponibilidad para viajar a Madrid una vez al trimestre?"),
            Asks::Answer
        );
        assert_eq!(
            asks_of("¿Te vendría bien una videollamada el jueves 14 por la mañana?"),
            Asks::Schedule
        );
        assert_eq!(
            asks_of("Are you available for a call next week to discuss your start date?"),
            Asks::Schedule
        );
    }

    #[test]
    fn respond_by_is_the_users_date_only() {
        let date = |body: &str| user_date(&Reading::new(&mail("x", body))).map(|d| d.to_string());
        assert_eq!(
            date("Please let me know by Friday if you'd like to proceed.").as_deref(),
            Some("2026-05-08")
        );
        assert_eq!(date("We'll get back to you by Friday.").as_deref(), None);
        assert_eq!(
            date("Your interview is on Friday 8 May at 10:00. Please confirm.").as_deref(),
            None
        );
        assert_eq!(
            date("Could you reply by 4 May?").as_deref(),
            None,
            "before the message's day"
        );
        assert_eq!(
            date("¿Podrías enviarme dos referencias? Lo necesitaríamos a más tardar el viernes 15 de mayo.").as_deref(),
            Some("2026-05-15"),
            "a request, then its date"
        );
        assert_eq!(
            date("If you can get those to me by EOD Wednesday (May 13), great.").as_deref(),
            Some("2026-05-13")
        );
        assert_eq!(
            date("Could you send names and titles over by Friday 8 May?").as_deref(),
            Some("2026-05-08"),
            "a request with its date"
        );
        assert_eq!(
            date("Te damos una respuesta a más tardar el viernes 8 de mayo.").as_deref(),
            None,
            "their own step"
        );
        let promise =
            |body: &str| their_promise(&Reading::new(&mail("x", body))).map(|d| d.to_string());
        assert_eq!(
            promise("We'll get back to you by Friday.").as_deref(),
            Some("2026-05-08")
        );
    }

    #[test]
    fn offers_and_their_negations() {
        let offer_of = |body: &str| offer(&Reading::new(&mail("x", body)));
        let (_, deadline) = offer_of("We're excited to offer you the role! Please sign and return the offer letter by May 29.").unwrap();
        assert_eq!(
            deadline.map(|d| d.to_string()).as_deref(),
            Some("2026-05-29")
        );
        assert!(offer_of("We hope to be able to offer you a role in the future.").is_none());
        assert!(offer_of("Unfortunately we cannot offer you the position.").is_none());
        let declined = mail("x", "We are not able to offer you the role.");
        assert!(rejection(&Reading::new(&declined)).is_some());
    }

    #[test]
    fn away_until_their_last_day() {
        let until = |subject: &str, body: &str| {
            away_until(&Reading::new(&mail(subject, body))).map(|d| d.to_string())
        };
        assert_eq!(
            until(
                "Out of office",
                "Out from May 4 through May 8, returning May 11."
            )
            .as_deref(),
            Some("2026-05-08")
        );
        assert_eq!(
            until("Out of Office: back Monday", "").as_deref(),
            Some("2026-05-10")
        );
        assert_eq!(
            until("Ausente", "Volto na segunda-feira, 11 de maio.").as_deref(),
            Some("2026-05-10")
        );
        assert_eq!(until("OOO", "Back next week.").as_deref(), None);
        assert!(auto_reply_marker(&Reading::new(&mail("RE: Automatic reply: hi", ""))).is_some());
        assert!(
            auto_reply_marker(&Reading::new(&mail("Re: notes from the ooo planning", "")))
                .is_none()
        );
    }
}
