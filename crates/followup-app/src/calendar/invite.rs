//! `followup calendar import FILE.ics`: an interview invitation books, updates or cancels a
//! booked interview in the process it belongs to.
//!
//! The invitation is read by [`followup_calendar::parse_invitation`] and matched by
//! [`followup_calendar::match_invitation`] (the interview already holding its UID, then the
//! organizer's and attendees' addresses among the contacts, the company's domain, the company
//! named in the title when exactly one open process has it). A request books the interview
//! (the organizer becomes a contact when new, the other attendees its `with`); one with a
//! higher `SEQUENCE` than the booked one replaces it; a cancellation removes it. Each is one
//! change, so `followup undo` reverses it.

use followup_calendar::{
    Invitation, InvitationMatch, KnownProcess, Method, match_invitation, parse_invitation,
};
use followup_core::{Contact, Event, EventKind, Interview, Process};
use followup_store::{Change, Op, Store};
use jiff::ZonedDateTime;
use serde::Serialize;

use crate::{App, UserError, db};

/// What importing one invitation did.
#[derive(Clone, Debug, Serialize)]
pub struct Imported {
    /// The event's `UID`.
    pub uid: String,
    /// Its `SEQUENCE`.
    pub sequence: u32,
    /// A request or a cancellation.
    pub method: Method,
    /// When it starts, in the invitation's zone.
    #[serde(serialize_with = "rfc3339")]
    pub start: ZonedDateTime,
    /// Which process it belongs to, and how that was decided.
    #[serde(rename = "match")]
    pub matched: InvitationMatch,
    /// What was written.
    pub outcome: Outcome,
    /// The interviewers, as written in `with`.
    pub with: Vec<String>,
    /// The organizer, when added as a contact of the process.
    pub new_contact: Option<String>,
}

/// What was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// A new booked interview.
    Booked,
    /// The booked interview replaced by a newer version (higher `SEQUENCE`).
    Updated,
    /// The booked interview removed.
    Cancelled,
    /// The interview is already booked at this `SEQUENCE` or a newer one: nothing written.
    Unchanged,
    /// A cancellation of an interview that is not booked: nothing written.
    NotBooked,
    /// No process matches: nothing written.
    Unmatched,
}

fn rfc3339<S: serde::Serializer>(at: &ZonedDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
}

impl App {
    /// Imports the invitation in `text` (named `source` in errors). `own_addresses` are the
    /// user's: never an interviewer or a contact.
    pub fn import_invitation(
        &mut self,
        source: &str,
        text: &str,
        own_addresses: &[String],
    ) -> Result<Imported, UserError> {
        let zone = self.config.zone_default().zone;
        let invitation = parse_invitation(text, &zone).map_err(|err| {
            UserError::new(
                format!("{source}: {err}"),
                "calendar import reads one interview invitation (.ics) as calendar programs send it",
            )
        })?;
        let processes = self.store()?.processes().map_err(db::store_error)?;
        let known: Vec<KnownProcess> = processes.iter().map(known).collect();
        let matched = match_invitation(&invitation, &known, own_addresses);
        let with = interviewers(&invitation, own_addresses, self.config.name());
        let mut imported = Imported {
            uid: invitation.uid.clone(),
            sequence: invitation.sequence,
            method: invitation.method,
            start: invitation.start.clone(),
            matched: matched.clone(),
            outcome: Outcome::Unmatched,
            with: with.clone(),
            new_contact: None,
        };
        let Some(process) = matched
            .handle()
            .and_then(|h| processes.iter().find(|p| p.handle.as_deref() == Some(h)))
        else {
            return Ok(imported);
        };
        let handle = process.handle.clone().unwrap_or_default();
        let booked = process.events.iter().find_map(|e| match &e.kind {
            EventKind::Interview(i) if i.invitation_uid.as_deref() == Some(&invitation.uid) => {
                Some((e, i))
            }
            _ => None,
        });
        let mut ops = Vec::new();
        let outcome = match (invitation.method, booked) {
            (Method::Request, None) => {
                let event = Event {
                    id: None,
                    at: invitation.start.timestamp(),
                    kind: EventKind::Interview(Interview {
                        with,
                        invitation_uid: Some(invitation.uid.clone()),
                        invitation_sequence: Some(invitation.sequence),
                        ..Interview::default()
                    }),
                };
                followup_core::process::limits::check_event("", &event)?;
                ops.push(Op::AddEvent {
                    handle: handle.clone(),
                    event,
                });
                if let Some((updated, name)) = with_organizer(process, &invitation, own_addresses) {
                    imported.new_contact = Some(name);
                    ops.push(Op::UpdateProcess {
                        handle: handle.clone(),
                        process: updated,
                    });
                }
                Outcome::Booked
            }
            (Method::Request, Some((event, old))) => {
                if invitation.sequence <= old.invitation_sequence.unwrap_or(0) {
                    Outcome::Unchanged
                } else {
                    let event = Event {
                        id: event.id.clone(),
                        at: invitation.start.timestamp(),
                        kind: EventKind::Interview(Interview {
                            with,
                            invitation_sequence: Some(invitation.sequence),
                            ..old.clone()
                        }),
                    };
                    followup_core::process::limits::check_event("", &event)?;
                    ops.push(Op::UpdateEvent {
                        handle: handle.clone(),
                        event,
                    });
                    Outcome::Updated
                }
            }
            (Method::Cancel, Some((event, old))) => {
                if invitation.sequence < old.invitation_sequence.unwrap_or(0) {
                    // A cancellation older than the booking it would remove.
                    Outcome::Unchanged
                } else {
                    ops.push(Op::RemoveEvent {
                        handle: handle.clone(),
                        id: event.id.clone().unwrap_or_default(),
                    });
                    Outcome::Cancelled
                }
            }
            (Method::Cancel, None) => Outcome::NotBooked,
        };
        imported.outcome = outcome;
        if !ops.is_empty() {
            let change = Change {
                at: self.change_time()?,
                summary: format!("calendar import {handle}"),
                ops,
            };
            self.store()?.apply(&change).map_err(db::store_error)?;
        }
        Ok(imported)
    }
}

/// A process as matching needs it.
fn known(process: &Process) -> KnownProcess {
    let mut open = true;
    let mut invitation_uids = Vec::new();
    for event in &process.events {
        match &event.kind {
            EventKind::Closed { .. } => open = false,
            EventKind::Reopened { .. } => open = true,
            EventKind::Interview(i) => invitation_uids.extend(i.invitation_uid.clone()),
            _ => {}
        }
    }
    KnownProcess {
        handle: process.handle.clone().unwrap_or_default(),
        company: process.company.clone(),
        open,
        contact_emails: process
            .contacts
            .iter()
            .filter_map(|c| c.email.clone())
            .collect(),
        invitation_uids,
    }
}

/// The interviewers: the attendees other than the organizer and the user (by address, or by
/// the configured name).
fn interviewers(invitation: &Invitation, own: &[String], name: Option<&str>) -> Vec<String> {
    invitation
        .interviewers(own)
        .into_iter()
        .filter(|n| name.is_none_or(|name| !n.eq_ignore_ascii_case(name)))
        .collect()
}

/// `process` with the organizer added as a contact, when it has an address the process does
/// not know yet and is not the user; with the contact's name.
fn with_organizer(
    process: &Process,
    invitation: &Invitation,
    own: &[String],
) -> Option<(Process, String)> {
    let organizer = invitation.organizer.as_ref()?;
    let email = &organizer.email;
    let known = process
        .contacts
        .iter()
        .filter_map(|c| c.email.as_deref())
        .chain(own.iter().map(String::as_str))
        .any(|e| e.trim().eq_ignore_ascii_case(email));
    if known {
        return None;
    }
    let name = organizer
        .name
        .clone()
        .unwrap_or_else(|| email.split('@').next().unwrap_or(email).to_owned());
    let contact = Contact {
        name: name.clone(),
        honorific: None,
        email: Some(email.clone()),
        title: None,
    };
    // A name or address too long to keep is left out rather than refusing the interview.
    followup_core::process::limits::check_contact("", &contact).ok()?;
    let mut updated = process.clone();
    updated.contacts.push(contact);
    Some((updated, name))
}
