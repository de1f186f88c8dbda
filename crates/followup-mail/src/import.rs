//! The import, one message after another: duplicates, class, process, and what to log.
//!
//! [`Importer`] owns a running copy of the [`Directory`]: each message's effects are applied
//! to it before the next is read, so a reply threads onto a message logged a moment ago, a
//! new contact matches the next mail, and the advice for a sent message sees the question
//! before it, with `--dry-run` too. The caller applies [`Effect`]s to the store (or not).
//!
//! The class is decided in issue 17's order: ignored, auto-reply, application-ack,
//! rejection, offer, sent, reply. Received-mail classes (receipt, decline, offer) are only
//! read in mail the user did not write.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::classified::{Asks, Class, Classified, SentKind};
use crate::classify::phrases::fold;
use crate::classify::{self, Reading, strip_reply_prefixes};
use crate::directory::{Directory, Match, domains};
use crate::message::{Mail, RawMessage, identify};
use crate::source::Warning;

/// Something to log because of a message. Each names its process by handle and carries the
/// message's `message_id` (every logged event keeps it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// `applied`, from an automatic receipt, when the process had none.
    Applied {
        /// The process.
        handle: String,
        /// The receipt's date.
        at: Timestamp,
        /// The receipt's id.
        message_id: String,
    },
    /// `closed rejected` (undoable).
    Rejected {
        /// The process.
        handle: String,
        /// When.
        at: Timestamp,
        /// The decline's id.
        message_id: String,
        /// The subject, as the event's note.
        note: String,
    },
    /// `offer`.
    Offer {
        /// The process.
        handle: String,
        /// When.
        at: Timestamp,
        /// The stated deadline.
        deadline: Option<Date>,
        /// The offer's id.
        message_id: String,
    },
    /// `reply`.
    Reply {
        /// The process.
        handle: String,
        /// When.
        at: Timestamp,
        /// Who wrote (`Name <address>`).
        from: String,
        /// The new text.
        body: String,
        /// What it asks.
        asks: Asks,
        /// The date set for the user's answer.
        respond_by: Option<Date>,
        /// The date they gave for their own next step ("we'll get back to you by Friday"),
        /// for a `promise` event.
        promise: Option<Date>,
        /// The reply's id.
        message_id: String,
    },
    /// `away` (their out-of-office), `until` their last day away.
    Away {
        /// The process.
        handle: String,
        /// When.
        at: Timestamp,
        /// Their last day away.
        until: Date,
        /// The automatic reply's id.
        message_id: String,
    },
    /// `sent`.
    Sent {
        /// The process.
        handle: String,
        /// When.
        at: Timestamp,
        /// What the advice asked for, else `other`.
        kind: SentKind,
        /// Subject.
        subject: String,
        /// The new text.
        body: String,
        /// Recipients' addresses.
        to: Vec<String>,
        /// The message's id.
        message_id: String,
    },
    /// A `sent` logged by hand is this message: it gets the `message_id`, no second event.
    SentMessageId {
        /// The process.
        handle: String,
        /// The hand-logged event.
        event_id: String,
        /// The message's id.
        message_id: String,
    },
    /// A human sender at a matched process, not yet a contact.
    Contact {
        /// The process.
        handle: String,
        /// The display name, else the address.
        name: String,
        /// The address.
        email: String,
    },
}

impl Effect {
    /// The process it changes.
    pub fn handle(&self) -> &str {
        match self {
            Effect::Applied { handle, .. }
            | Effect::Rejected { handle, .. }
            | Effect::Offer { handle, .. }
            | Effect::Reply { handle, .. }
            | Effect::Away { handle, .. }
            | Effect::Sent { handle, .. }
            | Effect::SentMessageId { handle, .. }
            | Effect::Contact { handle, .. } => handle,
        }
    }

    /// The `message_id` it logs, if it logs one.
    pub fn message_id(&self) -> Option<&str> {
        match self {
            Effect::Applied { message_id, .. }
            | Effect::Rejected { message_id, .. }
            | Effect::Offer { message_id, .. }
            | Effect::Reply { message_id, .. }
            | Effect::Away { message_id, .. }
            | Effect::Sent { message_id, .. }
            | Effect::SentMessageId { message_id, .. } => Some(message_id),
            Effect::Contact { .. } => None,
        }
    }

    /// When the logged event happened (contacts and attached ids have no moment).
    pub fn at(&self) -> Option<Timestamp> {
        match self {
            Effect::Applied { at, .. }
            | Effect::Rejected { at, .. }
            | Effect::Offer { at, .. }
            | Effect::Reply { at, .. }
            | Effect::Away { at, .. }
            | Effect::Sent { at, .. } => Some(*at),
            Effect::SentMessageId { .. } | Effect::Contact { .. } => None,
        }
    }
}

/// What happened earlier in this import, as the advisor reads it: every effect so far.
pub type Logged = Effect;

/// Answers "what did the advice ask the user to send, for this process, at this moment?",
/// given what this import logged before (across all processes: an offer elsewhere changes
/// the advice). `None` means the advice asked for no message (the sent mail is `other`).
pub trait Advisor {
    /// The kind asked for; for a `wait`, the kind it waited for.
    fn asked_for(&mut self, handle: &str, at: Timestamp, earlier: &[Logged]) -> Option<SentKind>;
}

impl<F> Advisor for F
where
    F: FnMut(&str, Timestamp, &[Logged]) -> Option<SentKind>,
{
    fn asked_for(&mut self, handle: &str, at: Timestamp, earlier: &[Logged]) -> Option<SentKind> {
        self(handle, at, earlier)
    }
}

/// A classified message and what it logs.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The JSON line.
    pub line: Classified,
    /// The events and contacts to apply, in order.
    pub effects: Vec<Effect>,
}

/// The import's running state.
pub struct Importer<A> {
    directory: Directory,
    advisor: A,
    /// Logged `message_id`s → process index (the thread rule).
    threads: HashMap<String, usize>,
    /// Every id seen: logged before this run, or read in it → the process it went to.
    seen: HashMap<String, Option<usize>>,
    logged: Vec<Logged>,
}

impl<A: Advisor> Importer<A> {
    /// Starts an import over `directory`, asking `advisor` about sent mail.
    pub fn new(directory: Directory, advisor: A) -> Self {
        let mut threads = HashMap::new();
        let mut seen = HashMap::new();
        for (i, process) in directory.processes.iter().enumerate() {
            for id in &process.message_ids {
                threads.insert(id.clone(), i);
                seen.insert(id.clone(), Some(i));
            }
        }
        for id in &directory.seen {
            seen.entry(id.clone()).or_insert(None);
        }
        Importer {
            directory,
            advisor,
            threads,
            seen,
            logged: Vec::new(),
        }
    }

    /// The directory as the import has changed it so far.
    pub fn directory(&self) -> &Directory {
        &self.directory
    }

    /// Every effect so far, in order.
    pub fn logged(&self) -> &[Logged] {
        &self.logged
    }

    /// Parses and classifies one raw message; bad input is a warning naming the file and
    /// the message.
    pub fn read(&mut self, raw: &RawMessage) -> Result<Outcome, Warning> {
        match Mail::parse(raw) {
            Ok(mail) => Ok(self.classify(&mail)),
            Err(problem) => Err(Warning {
                file: raw.file.clone(),
                message: identify(raw),
                problem: problem.to_string(),
            }),
        }
    }

    /// Classifies one parsed message and applies its effects to the running state.
    pub fn classify(&mut self, mail: &Mail) -> Outcome {
        let outcome = self.decide(mail);
        let process = outcome.line.process.as_ref().and_then(|h| self.index_of(h));
        self.seen.entry(mail.message_id.clone()).or_insert(process);
        for effect in &outcome.effects {
            self.apply(effect);
        }
        let logs_its_id = outcome.effects.iter().any(|e| e.message_id().is_some());
        if outcome.line.class != Class::Duplicate && !logs_its_id {
            self.directory.seen.push(mail.message_id.clone());
        }
        self.logged.extend(outcome.effects.iter().cloned());
        outcome
    }

    fn index_of(&self, handle: &str) -> Option<usize> {
        self.directory
            .processes
            .iter()
            .position(|p| p.handle == handle)
    }

    fn apply(&mut self, effect: &Effect) {
        let Some(i) = self.index_of(effect.handle()) else {
            return;
        };
        if let Some(id) = effect.message_id() {
            self.threads.insert(id.to_owned(), i);
            self.seen.insert(id.to_owned(), Some(i));
            self.directory.processes[i].message_ids.push(id.to_owned());
        }
        let process = &mut self.directory.processes[i];
        match effect {
            Effect::Applied { .. } => process.has_applied = true,
            Effect::Rejected { .. } => process.open = false,
            Effect::Contact { email, .. } => process.contact_emails.push(email.clone()),
            Effect::SentMessageId { event_id, .. } => {
                process.hand_logged_sent.retain(|s| &s.event_id != event_id);
            }
            _ => {}
        }
    }

    fn decide(&mut self, mail: &Mail) -> Outcome {
        let reading = Reading::new(mail);
        let from = mail.from.as_ref();
        let from_user = from.is_some_and(|f| self.directory.is_user(&f.email));
        let mut line = Classified {
            message_id: mail.message_id.clone(),
            file: mail.file.clone(),
            date: mail.local_date(),
            from: from.map(|f| f.email.clone()).unwrap_or_default(),
            subject: mail.subject.clone(),
            class: Class::Reply,
            process: None,
            kind: None,
            asks: None,
            respond_by: None,
            deadline: None,
            away_until: None,
            candidates: None,
            reason: String::new(),
        };
        let handle = |i: usize| self.directory.processes[i].handle.clone();

        if let Some(first) = self.seen.get(&mail.message_id) {
            line.class = Class::Duplicate;
            line.process = first.map(handle);
            line.reason = "seen before: already imported".into();
            return Outcome {
                line,
                effects: Vec::new(),
            };
        }

        let thread = mail
            .thread
            .iter()
            .find_map(|id| self.threads.get(id).copied());
        if thread.is_none() {
            let list = mail.bulk.then_some("mailing list or bulk mail");
            if let Some(why) = list.or_else(|| classify::job_alert(&reading)) {
                line.class = Class::Ignored;
                line.reason = format!("{why}; not part of a thread");
                return Outcome {
                    line,
                    effects: Vec::new(),
                };
            }
        }
        let matched = match thread {
            Some(i) => Match::Thread(i),
            None => self.directory.find(mail, from_user),
        };
        let process = matched.process();
        line.process = process.map(handle);
        let at = mail.date;
        let message_id = mail.message_id.clone();
        let no_reply = from.is_none_or(domains::is_no_reply);
        let mut effects = Vec::new();
        let today = reading.reference.date();

        let what: String;
        if let Some(marker) = classify::auto_reply_marker(&reading) {
            line.class = Class::AutoReply;
            let until = (!from_user)
                .then(|| classify::away_until(&reading))
                .flatten();
            line.away_until = until;
            what = match until {
                Some(d) => format!("automatic reply ({marker}); away until {}", spell(d, today)),
                None => format!("automatic reply ({marker}); no return date"),
            };
            if let (Some(i), Some(until)) = (process, until) {
                effects.push(Effect::Away {
                    handle: handle(i),
                    at,
                    until,
                    message_id,
                });
            }
        } else if let Some(received) = (!from_user
            && (no_reply || mail.auto_submitted)
            && classify::rejection(&reading).is_none())
        .then(|| classify::application_received(&reading))
        .flatten()
        {
            line.class = Class::ApplicationAck;
            let received = classify::excerpt(received);
            what = match process {
                Some(i) if !self.directory.processes[i].has_applied => {
                    effects.push(Effect::Applied {
                        handle: handle(i),
                        at,
                        message_id,
                    });
                    format!("automatic receipt ({received:?}); logged as applied")
                }
                Some(_) => format!("automatic receipt ({received:?}); already applied"),
                None => format!("automatic receipt ({received:?})"),
            };
        } else if let Some(phrase) = (!from_user)
            .then(|| classify::rejection(&reading))
            .flatten()
        {
            line.class = Class::Rejection;
            let phrase = classify::excerpt(phrase);
            let who = if no_reply || mail.auto_submitted {
                "automatic decline"
            } else {
                "decline"
            };
            what = format!("{who} ({phrase:?})");
            if let Some(i) = process {
                effects.push(Effect::Rejected {
                    handle: handle(i),
                    at,
                    message_id,
                    note: mail.subject.clone(),
                });
            }
        } else if let Some((phrase, deadline)) =
            (!from_user).then(|| classify::offer(&reading)).flatten()
        {
            line.class = Class::Offer;
            let phrase = classify::excerpt(&phrase);
            line.deadline = deadline;
            what = match deadline {
                Some(d) => format!("offer ({phrase:?}), answer by {}", spell(d, today)),
                None => format!("offer ({phrase:?}), no deadline stated"),
            };
            if let Some(i) = process {
                effects.push(Effect::Offer {
                    handle: handle(i),
                    at,
                    deadline,
                    message_id,
                });
            }
        } else if from_user {
            line.class = Class::Sent;
            what = match process {
                None => "sent by you".into(),
                Some(i) => {
                    let process_handle = handle(i);
                    match self.hand_logged(i, mail) {
                        Some((event_id, kind)) => {
                            line.kind = kind;
                            effects.push(Effect::SentMessageId {
                                handle: process_handle,
                                event_id,
                                message_id,
                            });
                            "sent by you, already logged by hand; its message_id is attached".into()
                        }
                        None => {
                            let asked = self.advisor.asked_for(&process_handle, at, &self.logged);
                            let kind = asked.unwrap_or(SentKind::Other);
                            line.kind = Some(kind);
                            effects.push(Effect::Sent {
                                handle: process_handle,
                                at,
                                kind,
                                subject: mail.subject.clone(),
                                body: mail.text.text.clone(),
                                to: mail.recipients.iter().map(|r| r.email.clone()).collect(),
                                message_id,
                            });
                            match asked {
                                Some(kind) => {
                                    format!("sent by you; the advice asked for {}", kind_name(kind))
                                }
                                None => "sent by you; the advice asked for no message".into(),
                            }
                        }
                    }
                }
            };
        } else {
            let (asks, found) = classify::asks(&reading);
            if no_reply && asks == Asks::Nothing && classify::unsubscribe_footer(&reading) {
                // Bulk mail without list headers: an automatic sender, nothing asked, and an
                // unsubscribe footer (a job board's digest, a company newsletter).
                line.class = Class::Ignored;
                line.process = None;
                line.reason = "bulk mail (an automatic sender with an unsubscribe footer)".into();
                return Outcome {
                    line,
                    effects: Vec::new(),
                };
            }
            line.class = Class::Reply;
            let respond_by = classify::user_date(&reading);
            // A date set for the user's answer means an answer is awaited.
            let (asks, found) = match (asks, respond_by) {
                (Asks::Nothing, Some(_)) => (Asks::Answer, Some("a date for your answer".into())),
                _ => (asks, found),
            };
            line.asks = Some(asks);
            line.respond_by = respond_by;
            let author = if no_reply {
                "an automatic reply"
            } else {
                "a reply"
            };
            let by = respond_by.map_or(String::new(), |d| format!(", by {}", spell(d, today)));
            what = match (asks, found) {
                (Asks::Nothing, _) => format!("{author} that asks nothing"),
                (asks, Some(found)) => {
                    format!("{author} that asks {} ({found:?}){by}", asks_name(asks))
                }
                (asks, None) => format!("{author} that asks {}{by}", asks_name(asks)),
            };
            if let Some(i) = process {
                effects.push(Effect::Reply {
                    handle: handle(i),
                    at,
                    from: from.map(ToString::to_string).unwrap_or_default(),
                    body: mail.text.text.clone(),
                    asks,
                    respond_by,
                    promise: classify::their_promise(&reading),
                    message_id,
                });
            }
        }

        // A human at a matched process who is not a contact yet becomes one.
        if let (Some(i), Some(sender)) = (process, from)
            && matches!(line.class, Class::Reply | Class::Offer | Class::Rejection)
            && !no_reply
            && !self.directory.processes[i].has_contact(&sender.email)
        {
            effects.push(Effect::Contact {
                handle: handle(i),
                name: sender.name.clone().unwrap_or_else(|| sender.email.clone()),
                email: sender.email.clone(),
            });
        }

        let mut reason = format!("{what}; {}", matched.why());
        if let Match::Unmatched(candidates, _) = &matched {
            line.candidates = Some(candidates.iter().map(|&i| handle(i)).collect());
            line.kind = None;
            reason.push_str("; nothing logged");
        }
        if mail.text.cut_from.is_some() {
            reason.push_str("; body cut at 64 KiB");
        }
        line.reason = reason;
        Outcome { line, effects }
    }

    /// A hand-logged `sent` of this process that is this message: same local day in the
    /// process's zone, and the same subject or the same first 200 characters of body.
    fn hand_logged(&self, i: usize, mail: &Mail) -> Option<(String, Option<SentKind>)> {
        let process = &self.directory.processes[i];
        let zone = TimeZone::get(&process.timezone).unwrap_or(TimeZone::UTC);
        let day = mail.date.to_zoned_datetime(zone.clone()).date();
        let subject = normalized_subject(&mail.subject);
        let start = opening(&mail.text.text);
        process
            .hand_logged_sent
            .iter()
            .find(|s| {
                s.at.to_zoned_datetime(zone.clone()).date() == day
                    && (s
                        .subject
                        .as_deref()
                        .is_some_and(|t| normalized_subject(t) == subject)
                        || s.body.as_deref().is_some_and(|b| opening(b) == start))
            })
            .map(|s| (s.event_id.clone(), s.kind))
    }
}

fn normalized_subject(subject: &str) -> String {
    strip_reply_prefixes(&fold(subject))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first 200 characters of a body, whitespace collapsed.
fn opening(body: &str) -> String {
    body.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(200)
        .collect()
}

fn spell(date: Date, today: Date) -> String {
    followup_core::time::spell_date(date, today)
}

fn kind_name(kind: SentKind) -> &'static str {
    match kind {
        SentKind::ThankYou => "a thank-you",
        SentKind::FollowUp => "a follow-up",
        SentKind::Final => "a final follow-up",
        SentKind::Align => "a decision-alignment message",
        SentKind::Reply => "a reply",
        SentKind::Withdraw => "a withdrawal",
        SentKind::Other => "no message",
    }
}

fn asks_name(asks: Asks) -> &'static str {
    match asks {
        Asks::Nothing => "nothing",
        Asks::Answer => "for an answer",
        Asks::Schedule => "for times",
        Asks::Assignment => "for an assignment",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{HandLoggedSent, KnownProcess};

    fn process(handle: &str, contact: &str) -> KnownProcess {
        KnownProcess {
            handle: handle.into(),
            company: handle.into(),
            open: true,
            contact_emails: vec![contact.into()],
            url: None,
            message_ids: vec!["logged-1@acme.example".into()],
            has_applied: false,
            hand_logged_sent: Vec::new(),
            timezone: "America/Sao_Paulo".into(),
        }
    }

    fn directory() -> Directory {
        Directory {
            addresses: vec!["Maria@Example.org".into()],
            processes: vec![process("acme", "ana@acme.example")],
            seen: Vec::new(),
        }
    }

    fn mail(text: &str) -> Mail {
        let raw = RawMessage {
            file: "test.eml".into(),
            bytes: text.replace('\n', "\r\n").into_bytes(),
            internal_date: None,
        };
        Mail::parse(&raw).unwrap()
    }

    fn importer(directory: Directory) -> Importer<impl Advisor> {
        Importer::new(directory, |_: &str, _: Timestamp, _: &[Logged]| {
            Some(SentKind::FollowUp)
        })
    }

    #[test]
    fn list_mail_in_a_logged_thread_is_read() {
        let mut import = importer(directory());
        let list = "Message-ID: <l1@lists.acme.example>\nDate: Tue, 5 May 2026 10:00:00 -0300\nFrom: Ana <ana.team@acme.example>\nTo: maria@example.org\nSubject: Re: next steps\nList-Id: <hiring.acme.example>\nIn-Reply-To: <logged-1@acme.example>\n\nCould you send your availability for next week?\n";
        let line = import.classify(&mail(list)).line;
        assert_eq!(line.class, Class::Reply);
        assert_eq!(line.asks, Some(Asks::Schedule));
        let unthreaded = list
            .replace("<l1@", "<l2@")
            .replace("In-Reply-To: <logged-1@acme.example>\n", "");
        assert_eq!(
            import.classify(&mail(&unthreaded)).line.class,
            Class::Ignored
        );
    }

    #[test]
    fn applied_is_logged_once_and_duplicates_are_caught_in_a_run() {
        let mut import = importer(directory());
        let ack = "Message-ID: <a1@acme.example>\nDate: Mon, 4 May 2026 10:00:00 -0300\nFrom: Acme <no-reply@acme.example>\nTo: maria@example.org\nSubject: Application received\n\nWe have received your application.\n";
        let first = import.classify(&mail(ack));
        assert_eq!(first.line.class, Class::ApplicationAck);
        assert!(matches!(first.effects[..], [Effect::Applied { .. }]));
        assert_eq!(import.classify(&mail(ack)).line.class, Class::Duplicate);
        let second = import.classify(&mail(&ack.replace("<a1@", "<a2@")));
        assert_eq!(second.line.class, Class::ApplicationAck);
        assert!(second.effects.is_empty());
        assert!(second.line.reason.contains("already applied"));
    }

    #[test]
    fn a_hand_logged_sent_of_the_same_local_day_gets_the_message_id() {
        let mut dir = directory();
        dir.processes[0].hand_logged_sent.push(HandLoggedSent {
            event_id: "ev-1".into(),
            // 23:30 in São Paulo on 5 May is already 6 May in UTC.
            at: "2026-05-06T02:30:00Z".parse().unwrap(),
            subject: None,
            body: Some("Hi Ana,\n\nAny news on the   role?".into()),
            kind: Some(SentKind::FollowUp),
        });
        let sent = "Message-ID: <s1@example.org>\nDate: Tue, 5 May 2026 09:00:00 -0300\nFrom: Maria <maria@example.org>\nTo: ana@acme.example\nSubject: Checking in\n\nHi Ana,\nAny news on the role?\n";
        let mut import = importer(dir.clone());
        let outcome = import.classify(&mail(sent));
        assert_eq!(outcome.line.kind, Some(SentKind::FollowUp));
        assert!(
            matches!(&outcome.effects[..], [Effect::SentMessageId { event_id, .. }] if event_id == "ev-1")
        );
        // Another day is another message.
        let mut import = importer(dir);
        let later = sent.replace("Tue, 5 May", "Wed, 6 May");
        assert!(matches!(
            import.classify(&mail(&later)).effects[..],
            [Effect::Sent { .. }]
        ));
    }

    #[test]
    fn a_role_back_from_hold_is_a_reply_not_a_decline() {
        let mut import = importer(directory());
        let back = "Message-ID: <r1@acme.example>\nDate: Tue, 26 May 2026 08:05:21 -0300\nFrom: Ana <ana@acme.example>\nTo: maria@example.org\nSubject: Re: following up\n\nHi Maria,\n\nSorry for the long silence: the role was on hold for a few weeks. It is open again and the team would like to continue. Are you still interested?\n";
        let line = import.classify(&mail(back)).line;
        assert_eq!(line.class, Class::Reply, "{}", line.reason);
        assert_eq!(line.asks, Some(Asks::Answer));
        // Still on hold, or open again only maybe: a decline.
        let held = back
            .replace("<r1@", "<r2@")
            .replace("was on hold for a few weeks. It is open again and the team would like to continue. Are you still interested?", "is on hold, and I will write to you if it is reopened.");
        assert_eq!(import.classify(&mail(&held)).line.class, Class::Rejection);
    }

    #[test]
    fn the_users_own_out_of_office_logs_no_away() {
        let mut import = importer(directory());
        let ooo = "Message-ID: <o1@example.org>\nDate: Tue, 5 May 2026 09:00:00 -0300\nFrom: Maria <maria@example.org>\nTo: ana@acme.example\nSubject: Out of office\nAuto-Submitted: auto-replied\n\nI am away until 9 May.\n";
        let outcome = import.classify(&mail(ooo));
        assert_eq!(outcome.line.class, Class::AutoReply);
        assert_eq!(outcome.line.away_until, None);
        assert!(outcome.effects.is_empty());
    }

    #[test]
    fn a_long_body_is_cut_and_the_reason_says_so() {
        let mut import = importer(directory());
        let long = format!(
            "Message-ID: <big@acme.example>\nDate: Tue, 5 May 2026 09:00:00 -0300\nFrom: Ana <ana@acme.example>\nTo: maria@example.org\nSubject: Logs\n\n{}\n",
            "All fine here. ".repeat(6000)
        );
        let outcome = import.classify(&mail(&long));
        assert!(
            outcome.line.reason.ends_with("body cut at 64 KiB"),
            "{}",
            outcome.line.reason
        );
        let Effect::Reply { body, .. } = &outcome.effects[0] else {
            panic!("{:?}", outcome.effects)
        };
        assert!(body.len() < 64 * 1024 + 100);
    }
}
