//! [`compose`]: choose the kind, check it can be drafted honestly, gather the values a
//! template may use, and fill the chosen variant.

use jiff::Timestamp;
use jiff::civil::Date;

use super::greeting::{clean, greeting};
use super::story::{Change, Story};
use super::template::Templates;
use super::template::phrases::{Hole, Phrases};
use super::template::slot::{Flag, Slot};
use super::template::variants::Variant;
use super::{Draft, DraftError, DraftRequest, SUBJECT_WORDS, mailto_uri, when, word_count};
use crate::advisor::{Advice, Step};
use crate::process::{ChangeReason, EventKind, MessageKind, Process};

/// Drafts the message `request` asks for.
///
/// `advice` must be the advisor's answer for `process` at `now`: without a forced kind the
/// draft is the step it says is due; with one, a kind that differs from the due step is drafted
/// with a [`Draft::warning`].
pub fn compose(
    process: &Process,
    advice: &Advice,
    request: &DraftRequest,
    templates: &Templates,
    now: Timestamp,
) -> Result<Draft, DraftError> {
    // An answer to their question or offer is theirs to write: a skeleton with the gap marked.
    if request.kind.is_none()
        && let Some(step @ (Step::Respond(_) | Step::RespondOffer)) = advice.action.due_step()
    {
        return super::skeleton::compose(process, step, request, templates.phrases(), now);
    }
    let due = advice
        .action
        .due_step()
        .map(|step| step.message_kind())
        .filter(|kind| templates.variants(*kind, request.tone).is_some());
    let kind = match request.kind {
        Some(kind) => kind,
        None => due.ok_or(DraftError::NothingToDraft)?,
    };
    let variants = templates
        .variants(kind, request.tone)
        .ok_or(DraftError::UnsupportedKind(kind))?;
    let variant = request
        .variant
        .checked_sub(1)
        .and_then(|index| variants.get(index))
        .ok_or(DraftError::VariantOutOfRange {
            kind,
            tone: request.tone,
            given: request.variant,
            count: variants.len(),
        })?;

    let today = process.local_date(now);
    let story = Story::of(process, now);
    let values = Values::gather(process, &story, kind, request, templates.phrases(), today)?;
    let subject = subject(variant, &values, kind, templates.phrases());
    let mut body = render_body(variant, &values, kind)?;
    if let Some(name) = request.from.as_deref().map(clean).filter(|n| !n.is_empty()) {
        body.push('\n');
        body.push_str(&name);
    }
    let to: Vec<String> = process
        .contacts
        .first()
        .and_then(|contact| contact.email.as_deref())
        .map(str::trim)
        // Only a parsed address reaches the `To:` header and the mailto URI (a row stored
        // before addresses were checked may hold anything).
        .filter(|email| crate::process::limits::is_email(email))
        .map(str::to_owned)
        .into_iter()
        .collect();
    let warning = (request.kind.is_some() && due != Some(kind))
        .then(|| format!("the timing is wrong for a {kind}: {}", advice.headline()));
    Ok(Draft {
        kind,
        mailto: mailto_uri(&to, &subject, &body),
        subject,
        body,
        to,
        warning,
    })
}

/// Everything a template may say about this process, and which flags hold.
struct Values {
    greeting: String,
    role: String,
    company: String,
    met: Option<String>,
    last_talk: Option<String>,
    promised: Option<String>,
    topic: Option<String>,
    change: Option<String>,
    deadline: Option<String>,
    interviewers: Option<String>,
}

impl Values {
    fn gather(
        process: &Process,
        story: &Story<'_>,
        kind: MessageKind,
        request: &DraftRequest,
        phrases: &Phrases,
        today: Date,
    ) -> Result<Values, DraftError> {
        let refuse = |reason: String| DraftError::Refused { kind, reason };
        let interview = story.interview.map(|(_, details)| details);
        let mut values = Values {
            greeting: greeting(process, interview, request.tone, phrases),
            role: clean(&process.role),
            company: clean(&process.company),
            met: None,
            last_talk: None,
            promised: story.promise.map(|by| when::by(by, today, phrases)),
            topic: None,
            change: None,
            deadline: None,
            interviewers: None,
        };
        match kind {
            MessageKind::ThankYou => {
                let Some((event, details)) = story.interview else {
                    return Err(refuse(
                        "no interview is recorded, so there is nothing to thank them for".into(),
                    ));
                };
                values.met = Some(when::on(process.local_date(event.at), today, phrases));
                // "I look forward to hearing from you by last Friday" makes no sense.
                if story.promise.is_some_and(|by| by < today) {
                    values.promised = None;
                }
                values.topic = request
                    .topic
                    .iter()
                    .chain(details.topics.first())
                    .map(|topic| clean(topic).trim_end_matches('.').trim_end().to_owned())
                    .find(|topic| !topic.is_empty());
            }
            MessageKind::FollowUp | MessageKind::Final => {
                if values.promised.is_none() {
                    let Some(anchor) = story.anchor else {
                        return Err(refuse(
                            "nothing to follow up yet: no interview, reply or promise is recorded"
                                .into(),
                        ));
                    };
                    let on = when::on(process.local_date(anchor.at), today, phrases);
                    let talk = match anchor.kind {
                        EventKind::Reply { .. } => &phrases.talk_reply,
                        _ => &phrases.talk_interview,
                    };
                    values.last_talk = Some(talk.render(|hole| match hole {
                        Hole::On => on.as_str(),
                        _ => "",
                    }));
                }
            }
            MessageKind::Align => {
                let change = real_change(story, today).map_err(refuse)?;
                let deadline = change.deadline.map(|d| when::by(d, today, phrases));
                let sentence = phrases.change(change.reason, deadline.is_some());
                values.change = Some(sentence.render(|hole| match hole {
                    Hole::Deadline => deadline.as_deref().unwrap_or_default(),
                    _ => "",
                }));
                values.deadline = deadline;
            }
            MessageKind::Withdraw => {
                values.interviewers = Some(interviewers(process, request, phrases));
            }
            MessageKind::Other | MessageKind::Reply => {
                return Err(DraftError::UnsupportedKind(kind));
            }
        }
        Ok(values)
    }

    fn get(&self, slot: Slot) -> Option<&str> {
        match slot {
            Slot::Greeting => Some(&self.greeting),
            Slot::Role => Some(&self.role),
            Slot::Company => Some(&self.company),
            Slot::Met => self.met.as_deref(),
            Slot::LastTalk => self.last_talk.as_deref(),
            Slot::Promised => self.promised.as_deref(),
            Slot::Topic => self.topic.as_deref(),
            Slot::Change => self.change.as_deref(),
            Slot::Deadline => self.deadline.as_deref(),
            Slot::Interviewers => self.interviewers.as_deref(),
        }
    }

    /// Whether a line with `flag` is used; each flag follows the value it guards.
    fn holds(&self, flag: Flag) -> bool {
        match flag {
            Flag::Promise => self.promised.is_some(),
            Flag::NoPromise => self.promised.is_none(),
            Flag::Topic => self.topic.is_some(),
            Flag::NoTopic => self.topic.is_none(),
            Flag::Deadline => self.deadline.is_some(),
            Flag::NoDeadline => self.deadline.is_none(),
        }
    }
}

/// The people met in the process, by name, for a withdrawal's thanks: every interview's
/// interviewers in order, else the contacts; first names, full names in a formal message;
/// "everyone I met" when none is recorded. The person the message greets is left out (a
/// letter to Sam does not thank "Sam" in the third person), so thanking only them reads
/// "everyone I met".
fn interviewers(process: &Process, request: &DraftRequest, phrases: &Phrases) -> String {
    fn add(names: &mut Vec<String>, name: &str) {
        let name = clean(name);
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    let mut names: Vec<String> = Vec::new();
    for event in &process.events {
        if let EventKind::Interview(interview) = &event.kind {
            for name in &interview.with {
                add(&mut names, name);
            }
        }
    }
    if names.is_empty() {
        for contact in &process.contacts {
            add(&mut names, &contact.name);
        }
    }
    // The greeting names the first contact, else the one interviewer (see greeting.rs).
    let greeted = match process.contacts.first() {
        Some(contact) => Some(clean(&contact.name)),
        None if names.len() == 1 => names.first().cloned(),
        None => None,
    };
    if let Some(greeted) = greeted {
        names.retain(|name| !same_person(name, &greeted));
    }
    let formal = request.tone == super::Tone::Formal;
    let names: Vec<String> = names
        .into_iter()
        .map(|name| match name.split_whitespace().next() {
            Some(first) if !formal => first.to_owned(),
            _ => name,
        })
        .collect();
    match names.as_slice() {
        [] => phrases.everyone_met.clone(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), phrases.and),
    }
}

/// Whether two recorded names are one person: the same name, or one of them a first name
/// alone ("Sam" and "Sam Ortiz"), without regard to case.
fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let first = |name: &str| name.split(' ').next().unwrap_or_default().to_owned();
    a == b || (!a.contains(' ') && a == first(&b)) || (!b.contains(' ') && b == first(&a))
}

/// The real change an align is about; an outside deadline is only mentioned when it is real.
fn real_change(story: &Story<'_>, today: Date) -> Result<Change, String> {
    let Some(change) = story.real_change else {
        return Err(match story.unreal_change {
            Some(reason) => format!(
                "the {} you logged is not marked real (real: true), and an outside deadline is only mentioned when it is real",
                change_name(reason)
            ),
            None => "no real context change is recorded (a context-change event with real: true)"
                .to_owned(),
        });
    };
    match change.deadline {
        Some(deadline) if deadline < today => Err(format!(
            "the deadline of the {} ({deadline}) has passed",
            change_name(change.reason)
        )),
        _ => Ok(change),
    }
}

fn change_name(reason: ChangeReason) -> &'static str {
    match reason {
        ChangeReason::CompetingOffer => "competing offer",
        ChangeReason::FinalRoundElsewhere => "final round elsewhere",
        ChangeReason::AvailabilityChanged => "change in availability",
    }
}

/// The variant's subject, or the kind's fallback when it would not be 3–6 words.
fn subject(variant: &Variant, values: &Values, kind: MessageKind, phrases: &Phrases) -> String {
    let subject = variant
        .subject
        .render(|slot| values.get(slot).unwrap_or_default());
    if SUBJECT_WORDS.contains(&word_count(&subject)) {
        subject
    } else {
        phrases.fallback_subject(kind).to_owned()
    }
}

/// The body: active lines joined into paragraphs, paragraphs separated by a blank line.
fn render_body(
    variant: &Variant,
    values: &Values,
    kind: MessageKind,
) -> Result<String, DraftError> {
    let mut paragraphs = Vec::with_capacity(variant.paragraphs.len());
    for paragraph in &variant.paragraphs {
        let mut text = String::new();
        for line in paragraph {
            if !line.flag.is_none_or(|flag| values.holds(flag)) {
                continue;
            }
            // Loading guarantees each conditional value sits behind its flag; checking again
            // costs nothing and keeps a blank out of a sent message even if that ever broke.
            if let Some(missing) = line.text.holes().find(|slot| values.get(*slot).is_none()) {
                return Err(DraftError::Refused {
                    kind,
                    reason: format!(
                        "the template needs {{{}}}, which is unknown",
                        missing.name()
                    ),
                });
            }
            if !text.is_empty() {
                text.push(' ');
            }
            line.text
                .render_into(&mut text, |slot| values.get(slot).unwrap_or_default());
        }
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    Ok(paragraphs.join("\n\n"))
}
