//! Mail import over the tracker: `followup mail import PATH... [--dry-run] [--json]`.
//!
//! The classifier (crate `followup-mail`) is pure; this module gives it the world: the
//! config's `addresses`, a [`Directory`] read from the store (processes, contacts, urls, the
//! `message_id`s of logged events and of mail read before), and an [`Advisor`] that asks the
//! real advice, at each sent message's moment, what the user was meant to send. Messages are
//! handled one after another, each seeing what the earlier ones logged, `--dry-run` included.
//! Without `--dry-run` every effect is written as one change: one transaction, one `undo`.

use std::collections::HashMap;
use std::path::Path;

use followup_core::process::limits::check_event;
use followup_core::{Contact, Event, EventKind, Landscape, MessageKind, Outcome, Process};
use followup_mail::{
    Class, Classified, Directory, Effect, HandLoggedSent, Importer, KnownProcess, Logged, SentKind,
    Sources, Warning,
};
use followup_store::{Change, Op, Store};
use jiff::Timestamp;

use crate::config::Config;
use crate::error::UserError;
use crate::{App, db};

/// What one import read and did.
#[derive(Clone, Debug, Default)]
pub struct MailImport {
    /// One line per message read, in input order.
    pub lines: Vec<Classified>,
    /// What was logged (or, with `--dry-run`, would be), in order.
    pub logged: Vec<Logged>,
    /// Messages and paths that could not be read.
    pub warnings: Vec<Warning>,
    /// The history entry, or `None` for a dry run or when nothing was new.
    pub change: Option<i64>,
}

impl MailImport {
    /// How many messages were read (exit code 2 when none).
    pub fn read(&self) -> usize {
        self.lines.len()
    }
}

impl App {
    /// Imports the mail at `paths` (see the module docs); `dry_run` writes nothing.
    pub fn mail_import<P: AsRef<Path>>(
        &mut self,
        paths: &[P],
        dry_run: bool,
    ) -> Result<MailImport, UserError> {
        let Some(addresses) = self.config.addresses().map(<[String]>::to_vec) else {
            return Err(UserError::new(
                format!(
                    "{}: addresses: required for mail import (your own mail addresses)",
                    self.config.shown_path()
                ),
                "add addresses = [\"you@example.org\"] to the configuration file",
            ));
        };
        let store = self.store()?;
        let processes = store.processes().map_err(db::store_error)?;
        let seen = store.mail_seen().map_err(db::store_error)?;
        let directory = directory(addresses, &processes, &seen);
        let stored: HashMap<String, Process> = processes
            .into_iter()
            .filter_map(|p| Some((p.handle.clone()?, p)))
            .collect();
        let advisor = StoreAdvisor {
            processes: stored.clone(),
            applied: 0,
            config: self.config.clone(),
        };
        // Contacts to add, per process in the order first met: one `UpdateProcess` each.
        let mut new_contacts: Vec<(String, Vec<Contact>)> = Vec::new();
        let mut importer = Importer::new(directory, advisor);
        let mut import = MailImport::default();
        let mut ops = Vec::new();
        for item in Sources::new(paths) {
            let mut outcome = match item.and_then(|raw| importer.read(&raw)) {
                Ok(outcome) => outcome,
                Err(warning) => {
                    import.warnings.push(warning);
                    continue;
                }
            };
            if outcome.line.class != Class::Duplicate {
                let mut message_ops = Vec::new();
                let mut fits = Ok(());
                let mut contacts = Vec::new();
                for effect in &outcome.effects {
                    if let Effect::Contact {
                        handle,
                        name,
                        email,
                    } = effect
                    {
                        contacts.push((handle.clone(), contact(name, email)));
                    }
                    for op in ops_of(effect, &stored) {
                        if let Op::AddEvent { event, .. } = &op {
                            fits = fits.and(check_event("", event));
                        }
                        message_ops.push(op);
                    }
                }
                if let Err(problem) = fits {
                    import.warnings.push(Warning {
                        file: outcome.line.file.clone(),
                        message: Some(outcome.line.message_id.clone()),
                        problem: format!("not logged: {problem}"),
                    });
                    message_ops.clear();
                    contacts.clear();
                    outcome.effects.clear();
                }
                ops.extend(message_ops);
                for (handle, contact) in contacts {
                    match new_contacts.iter_mut().find(|(h, _)| *h == handle) {
                        Some((_, list)) => list.push(contact),
                        None => new_contacts.push((handle, vec![contact])),
                    }
                }
                ops.push(Op::MailSeen {
                    message_id: outcome.line.message_id.clone(),
                    handle: outcome.line.process.clone(),
                });
            }
            import.logged.extend(outcome.effects);
            import.lines.push(outcome.line);
        }
        for (handle, contacts) in new_contacts {
            if let Some(process) = stored.get(&handle) {
                let mut process = process.clone();
                process.contacts.extend(contacts);
                ops.push(Op::UpdateProcess { handle, process });
            }
        }
        if !dry_run && !ops.is_empty() {
            let events = import
                .logged
                .iter()
                .map(|e| events_of(e).len())
                .sum::<usize>();
            let change = Change {
                at: self.change_time()?,
                summary: format!(
                    "mail import: {events} events from {} messages",
                    import.read()
                ),
                ops,
            };
            let applied = self.store()?.apply(&change).map_err(db::store_error)?;
            import.change = applied.change_id;
        }
        Ok(import)
    }
}

/// The tracker as mail import sees it.
fn directory(
    addresses: Vec<String>,
    processes: &[Process],
    seen: &[(String, Option<String>)],
) -> Directory {
    let mut by_handle: HashMap<&str, Vec<String>> = HashMap::new();
    for (id, handle) in seen {
        if let Some(handle) = handle {
            by_handle.entry(handle).or_default().push(id.clone());
        }
    }
    let known = processes
        .iter()
        .filter_map(|p| {
            let handle = p.handle.clone()?;
            let mut message_ids = Vec::new();
            let mut hand_logged_sent = Vec::new();
            let mut open = true;
            let mut has_applied = false;
            for event in &p.events {
                match &event.kind {
                    EventKind::Sent {
                        message_id: Some(id),
                        ..
                    }
                    | EventKind::Reply {
                        message_id: Some(id),
                        ..
                    }
                    | EventKind::Offer {
                        message_id: Some(id),
                        ..
                    }
                    | EventKind::Away {
                        message_id: Some(id),
                        ..
                    } => message_ids.push(id.clone()),
                    EventKind::Sent {
                        kind,
                        subject,
                        body,
                        message_id: None,
                        ..
                    } => hand_logged_sent.push(HandLoggedSent {
                        event_id: event.id.clone().unwrap_or_default(),
                        at: event.at,
                        subject: subject.clone(),
                        body: body.clone(),
                        kind: Some(sent_kind(*kind)),
                    }),
                    EventKind::Applied { .. } => has_applied = true,
                    EventKind::Closed { .. } => open = false,
                    EventKind::Reopened { .. } => open = true,
                    _ => {}
                }
            }
            message_ids.extend(by_handle.get(handle.as_str()).cloned().unwrap_or_default());
            Some(KnownProcess {
                company: p.company.clone(),
                open,
                contact_emails: p.contacts.iter().filter_map(|c| c.email.clone()).collect(),
                url: p.details.url.clone(),
                message_ids,
                has_applied,
                hand_logged_sent,
                timezone: p.timezone_name.clone(),
                handle,
            })
        })
        .collect();
    Directory {
        addresses,
        processes: known,
        seen: seen.iter().map(|(id, _)| id.clone()).collect(),
    }
}

/// The real advice, at the moment of a sent message, over the stored processes and what this
/// import logged before it: the advice across processes, as `next` gives it, so a message
/// sent while an offer waits elsewhere is the `align` it asked for, and one sent after a hire
/// elsewhere the `withdraw`.
struct StoreAdvisor {
    /// The stored processes, with what this import logged so far added as it is asked.
    processes: HashMap<String, Process>,
    /// How many of the import's effects are already in `processes` (the list only grows).
    applied: usize,
    config: Config,
}

impl followup_mail::Advisor for StoreAdvisor {
    fn asked_for(&mut self, handle: &str, at: Timestamp, earlier: &[Logged]) -> Option<SentKind> {
        // Only what was logged since the last question is added: one pass over the import.
        let mut touched: Vec<&str> = Vec::new();
        for effect in earlier.get(self.applied..).unwrap_or_default() {
            if let Some(process) = self.processes.get_mut(effect.handle()) {
                process.events.extend(events_of(effect));
                if !touched.contains(&effect.handle()) {
                    touched.push(effect.handle());
                }
            }
        }
        self.applied = earlier.len();
        for h in touched {
            if let Some(process) = self.processes.get_mut(h) {
                process.sort_events();
            }
        }
        let mut process = self.processes.get(handle)?.clone();
        let landscape = Landscape::of(self.processes.values().map(|p| (p, at)));
        let outside = landscape.outside(&process, at);
        let advice = self.config.advise_with(&mut process, at, &outside);
        advice.action.message_kind().map(sent_kind)
    }
}

fn sent_kind(kind: MessageKind) -> SentKind {
    match kind {
        MessageKind::ThankYou => SentKind::ThankYou,
        MessageKind::FollowUp => SentKind::FollowUp,
        MessageKind::Final => SentKind::Final,
        MessageKind::Align => SentKind::Align,
        MessageKind::Reply => SentKind::Reply,
        MessageKind::Withdraw => SentKind::Withdraw,
        MessageKind::Other => SentKind::Other,
    }
}

fn message_kind(kind: SentKind) -> MessageKind {
    match kind {
        SentKind::ThankYou => MessageKind::ThankYou,
        SentKind::FollowUp => MessageKind::FollowUp,
        SentKind::Final => MessageKind::Final,
        SentKind::Align => MessageKind::Align,
        SentKind::Reply => MessageKind::Reply,
        SentKind::Withdraw => MessageKind::Withdraw,
        SentKind::Other => MessageKind::Other,
    }
}

fn asks(asks: followup_mail::Asks) -> followup_core::Asks {
    match asks {
        followup_mail::Asks::Nothing => followup_core::Asks::Nothing,
        followup_mail::Asks::Answer => followup_core::Asks::Answer,
        followup_mail::Asks::Schedule => followup_core::Asks::Schedule,
        followup_mail::Asks::Assignment => followup_core::Asks::Assignment,
    }
}

fn event(at: Timestamp, kind: EventKind) -> Event {
    Event { id: None, at, kind }
}

/// The events an effect logs (a reply with their own date for an answer also logs that
/// promise).
pub fn events_of(effect: &Effect) -> Vec<Event> {
    match effect {
        Effect::Applied { at, .. } => vec![event(
            *at,
            EventKind::Applied {
                url: None,
                source: None,
                note: None,
            },
        )],
        Effect::Rejected { at, note, .. } => vec![event(
            *at,
            EventKind::Closed {
                outcome: Outcome::Rejected,
                note: (!note.trim().is_empty()).then(|| note.clone()),
            },
        )],
        Effect::Offer {
            at,
            deadline,
            message_id,
            ..
        } => vec![event(
            *at,
            EventKind::Offer {
                deadline: *deadline,
                note: None,
                message_id: Some(message_id.clone()),
            },
        )],
        Effect::Reply {
            at,
            from,
            body,
            asks: what,
            respond_by,
            promise,
            message_id,
            ..
        } => {
            let mut events = vec![event(
                *at,
                EventKind::Reply {
                    body: (!body.trim().is_empty()).then(|| body.clone()),
                    from: (!from.is_empty()).then(|| from.clone()),
                    asks: asks(*what),
                    respond_by: *respond_by,
                    message_id: Some(message_id.clone()),
                },
            )];
            if let Some(by) = promise {
                events.push(event(
                    *at,
                    EventKind::Promise {
                        by: *by,
                        note: None,
                    },
                ));
            }
            events
        }
        Effect::Away {
            at,
            until,
            message_id,
            ..
        } => vec![event(
            *at,
            EventKind::Away {
                until: *until,
                message_id: Some(message_id.clone()),
            },
        )],
        Effect::Sent {
            at,
            kind,
            subject,
            body,
            to,
            message_id,
            ..
        } => vec![event(
            *at,
            EventKind::Sent {
                kind: message_kind(*kind),
                subject: (!subject.trim().is_empty()).then(|| subject.clone()),
                body: (!body.trim().is_empty()).then(|| body.clone()),
                to: to.clone(),
                message_id: Some(message_id.clone()),
            },
        )],
        Effect::SentMessageId { .. } | Effect::Contact { .. } => Vec::new(),
    }
}

fn contact(name: &str, email: &str) -> Contact {
    Contact {
        name: name.to_owned(),
        honorific: None,
        email: Some(email.to_owned()),
        title: None,
    }
}

/// The store ops of one effect (contacts are gathered per process instead): a `sent` logged
/// by hand is replaced by itself with the `message_id`.
fn ops_of(effect: &Effect, stored: &HashMap<String, Process>) -> Vec<Op> {
    match effect {
        Effect::SentMessageId {
            handle,
            event_id,
            message_id,
        } => {
            let event = stored
                .get(handle)
                .and_then(|p| p.events.iter().find(|e| e.id.as_ref() == Some(event_id)));
            let Some(event) = event else {
                return Vec::new();
            };
            let mut event = event.clone();
            if let EventKind::Sent { message_id: id, .. } = &mut event.kind {
                *id = Some(message_id.clone());
            }
            vec![Op::UpdateEvent {
                handle: handle.clone(),
                event,
            }]
        }
        Effect::Contact { .. } => Vec::new(),
        _ => events_of(effect)
            .into_iter()
            .map(|event| Op::AddEvent {
                handle: effect.handle().to_owned(),
                event,
            })
            .collect(),
    }
}
