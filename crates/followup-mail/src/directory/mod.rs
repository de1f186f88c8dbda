//! The tracker as mail import sees it, and which process a message belongs to.
//!
//! [`Directory`] is a small input view the caller fills from the store (handles, contacts'
//! addresses, urls, the `message_id`s already logged, hand-logged messages), so matching is
//! pure and testable with a fixture. Matching never guesses: anything short of a rule below
//! is `process: null` with the candidate processes.

pub mod domains;

use jiff::Timestamp;
use serde::Deserialize;

use crate::classified::SentKind;
use crate::classify::phrases::fold;
use crate::message::{Mail, Mailbox};

/// The user and their processes.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    /// The user's own addresses (the config's `addresses`), lowercased on use.
    pub addresses: Vec<String>,
    /// Every tracked process, open or closed.
    pub processes: Vec<KnownProcess>,
    /// The ids of messages earlier imports read but logged nothing for (ignored, unmatched,
    /// nothing new): seen before, so a second import prints them as duplicates.
    #[serde(default)]
    pub seen: Vec<String>,
}

/// One process, as far as mail matching needs it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownProcess {
    /// The handle the user types.
    pub handle: String,
    /// The company's name, for candidate lists.
    pub company: String,
    /// Not closed (or reopened).
    #[serde(default = "yes")]
    pub open: bool,
    /// The contacts' email addresses.
    #[serde(default)]
    pub contact_emails: Vec<String>,
    /// The process's `url`, if any.
    #[serde(default)]
    pub url: Option<String>,
    /// The `message_id`s of events already logged.
    #[serde(default)]
    pub message_ids: Vec<String>,
    /// Whether an `applied` event is logged.
    #[serde(default)]
    pub has_applied: bool,
    /// `sent` events logged by hand without a `message_id`.
    #[serde(default)]
    pub hand_logged_sent: Vec<HandLoggedSent>,
    /// The IANA zone local days are read in (the process's, else the config's).
    #[serde(default = "utc")]
    pub timezone: String,
}

fn yes() -> bool {
    true
}

fn utc() -> String {
    "UTC".into()
}

/// A `sent` event typed by hand: a mail of the same day with the same subject or opening is
/// that event, and gets its `message_id` instead of a second event.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandLoggedSent {
    /// The event's id, for the wiring to attach the `message_id` to.
    pub event_id: String,
    /// When it was logged as sent.
    pub at: Timestamp,
    /// Its subject, if typed.
    #[serde(default)]
    pub subject: Option<String>,
    /// Its body, if typed.
    #[serde(default)]
    pub body: Option<String>,
    /// Its kind, printed on the line of the mail that matches it.
    #[serde(default)]
    pub kind: Option<SentKind>,
}

impl KnownProcess {
    /// The domains of its contacts' addresses and of its url, lowercased, `www.` dropped;
    /// free-mail and applicant-tracking domains left out.
    pub fn domains(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .contact_emails
            .iter()
            .filter_map(|e| e.rsplit_once('@').map(|(_, d)| d.to_ascii_lowercase()))
            .chain(self.url.as_deref().and_then(url_host))
            .map(|d| d.strip_prefix("www.").map(str::to_owned).unwrap_or(d))
            .filter(|d| !domains::never_matches(d))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Whether `email` is one of its contacts.
    pub fn has_contact(&self, email: &str) -> bool {
        self.contact_emails
            .iter()
            .any(|c| c.eq_ignore_ascii_case(email))
    }
}

/// The host of an `http(s)://` url, lowercased.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// How a message was matched to a process, or why it was not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    /// `In-Reply-To`/`References` names a logged `message_id`.
    Thread(usize),
    /// A sender or recipient is a contact.
    Contact(usize, String),
    /// The counterpart's domain is that of exactly one open process.
    Domain(usize, String),
    /// No rule decided: the candidates, and why.
    Unmatched(Vec<usize>, String),
}

impl Match {
    /// The matched process's index.
    pub fn process(&self) -> Option<usize> {
        match self {
            Match::Thread(i) | Match::Contact(i, _) | Match::Domain(i, _) => Some(*i),
            Match::Unmatched(..) => None,
        }
    }

    /// How it matched, for the reason.
    pub fn why(&self) -> String {
        match self {
            Match::Thread(_) => "matched by In-Reply-To".into(),
            Match::Contact(_, email) => format!("matched by contact {email}"),
            Match::Domain(_, domain) => format!("matched by domain {domain}"),
            Match::Unmatched(_, why) => why.clone(),
        }
    }
}

impl Directory {
    /// Whether `email` is one of the user's addresses.
    pub fn is_user(&self, email: &str) -> bool {
        self.addresses
            .iter()
            .any(|a| a.trim().eq_ignore_ascii_case(email))
    }

    /// The process of a message, by contact, then domain (the thread rule needs the running
    /// index of logged ids and is [`crate::Importer`]'s). `from_user` picks the counterpart:
    /// the recipients of the user's own mail, else the sender and then the recipients.
    pub fn find(&self, mail: &Mail, from_user: bool) -> Match {
        let counterparts: Vec<&Mailbox> = if from_user {
            mail.recipients
                .iter()
                .filter(|r| !self.is_user(&r.email))
                .collect()
        } else {
            mail.from
                .iter()
                .chain(mail.recipients.iter())
                .filter(|r| !self.is_user(&r.email))
                .collect()
        };

        for person in &counterparts {
            let with_contact: Vec<usize> = self.indices(|p| p.has_contact(&person.email));
            match self.pick_one(&with_contact) {
                Some(i) => return Match::Contact(i, person.email.clone()),
                None if with_contact.len() > 1 => {
                    return Match::Unmatched(
                        with_contact,
                        format!("{} is a contact of several processes", person.email),
                    );
                }
                None => {}
            }
        }

        // The domain rule reads the sender of received mail, the recipients of the user's.
        let domain_people: Vec<&Mailbox> = if from_user {
            counterparts.clone()
        } else {
            mail.from.iter().collect()
        };
        let mut why = None;
        for person in domain_people {
            let domain = person.domain();
            if domains::is_free_mail(domain) {
                why.get_or_insert_with(|| format!("free-mail sender ({domain}) and no contact"));
                continue;
            }
            if domains::is_applicant_tracking(domain) {
                why.get_or_insert_with(|| {
                    format!("applicant-tracking sender ({domain}) and no thread")
                });
                continue;
            }
            let same: Vec<usize> = self.indices(|p| {
                p.domains()
                    .iter()
                    .any(|d| domains::is_within(domain, d) || domains::is_within(d, domain))
            });
            let open: Vec<usize> = same
                .iter()
                .copied()
                .filter(|&i| self.processes[i].open)
                .collect();
            match open.len() {
                1 => return Match::Domain(open[0], domain.to_owned()),
                0 if !same.is_empty() => {
                    why.get_or_insert_with(|| format!("{domain} belongs only to closed processes"));
                    return Match::Unmatched(same, why.unwrap_or_default());
                }
                0 => {}
                n => {
                    return Match::Unmatched(
                        open,
                        format!("{domain} is shared by {n} open processes"),
                    );
                }
            }
        }
        let candidates = self.named_in(mail);
        let why = why.unwrap_or_else(|| "no thread, contact or domain matches".into());
        Match::Unmatched(candidates, why)
    }

    /// Processes whose company is named in the subject or the new text, for candidates.
    fn named_in(&self, mail: &Mail) -> Vec<usize> {
        let text = format!(" {} {} ", fold(&mail.subject), fold(&mail.text.text));
        let words: String = text
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        let words = format!(
            " {} ",
            words.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        self.indices(|p| {
            let name: String = fold(&p.company)
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            !name.is_empty() && words.contains(&format!(" {name} "))
        })
    }

    fn indices(&self, keep: impl Fn(&KnownProcess) -> bool) -> Vec<usize> {
        (0..self.processes.len())
            .filter(|&i| keep(&self.processes[i]))
            .collect()
    }

    /// One process of `several`: the only one, else the only open one.
    fn pick_one(&self, several: &[usize]) -> Option<usize> {
        match several {
            [one] => Some(*one),
            [] => None,
            _ => {
                let open: Vec<usize> = several
                    .iter()
                    .copied()
                    .filter(|&i| self.processes[i].open)
                    .collect();
                (open.len() == 1).then(|| open[0])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_hosts() {
        assert_eq!(
            url_host("https://www.acme.example/jobs/1").as_deref(),
            Some("www.acme.example")
        );
        assert_eq!(url_host("acme.example").as_deref(), Some("acme.example"));
        assert_eq!(
            url_host("https://u@h.example:8080/x").as_deref(),
            Some("h.example")
        );
    }
}
