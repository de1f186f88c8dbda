//! Which tracked process an invitation belongs to, decided the way mail import decides:
//! never a guess. In order: the process that already holds the invitation's UID (an update
//! or a cancellation); the process one of whose contacts sent it or is invited; the one open
//! process sharing the organizer's company domain (free-mail and applicant-tracking domains
//! never match); the one open process whose company the title names. Anything else is
//! unmatched, with the candidates.

use followup_mail::classify::phrases::fold;
use followup_mail::directory::domains;
use serde::Serialize;

use super::Invitation;

/// One process, as far as matching needs it (filled by the caller from the store).
#[derive(Clone, Debug, Default)]
pub struct KnownProcess {
    /// The handle the user types.
    pub handle: String,
    /// The company's name.
    pub company: String,
    /// Not closed (or reopened).
    pub open: bool,
    /// Its contacts' addresses.
    pub contact_emails: Vec<String>,
    /// The UIDs of the invitations already booked on it.
    pub invitation_uids: Vec<String>,
}

/// The process an invitation belongs to, and how that was decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum InvitationMatch {
    /// The process already holds this UID: an update or a cancellation.
    Uid {
        /// The process.
        handle: String,
    },
    /// The organizer or an attendee is one of its contacts.
    Contact {
        /// The process.
        handle: String,
        /// The address that matched.
        email: String,
    },
    /// The organizer's domain is that of exactly one open process.
    Domain {
        /// The process.
        handle: String,
        /// The domain that matched.
        domain: String,
    },
    /// The title names the company of exactly one open process.
    Company {
        /// The process.
        handle: String,
    },
    /// No rule decided.
    Unmatched {
        /// Processes it might belong to.
        candidates: Vec<String>,
        /// Why none was chosen.
        why: String,
    },
}

impl InvitationMatch {
    /// The matched process's handle.
    pub fn handle(&self) -> Option<&str> {
        match self {
            InvitationMatch::Uid { handle }
            | InvitationMatch::Contact { handle, .. }
            | InvitationMatch::Domain { handle, .. }
            | InvitationMatch::Company { handle } => Some(handle),
            InvitationMatch::Unmatched { .. } => None,
        }
    }
}

/// The process `invitation` belongs to among `processes`; `own_addresses` (the user's) are
/// never taken for a contact.
pub fn match_invitation(
    invitation: &Invitation,
    processes: &[KnownProcess],
    own_addresses: &[String],
) -> InvitationMatch {
    let handles = |list: &[&KnownProcess]| list.iter().map(|p| p.handle.clone()).collect();
    let holding: Vec<&KnownProcess> = processes
        .iter()
        .filter(|p| p.invitation_uids.contains(&invitation.uid))
        .collect();
    if let [one] = holding.as_slice() {
        return InvitationMatch::Uid {
            handle: one.handle.clone(),
        };
    }

    let is_user = |email: &str| {
        own_addresses
            .iter()
            .any(|o| o.trim().eq_ignore_ascii_case(email))
    };
    let people: Vec<&str> = invitation
        .organizer
        .iter()
        .chain(&invitation.attendees)
        .map(|p| p.email.as_str())
        .filter(|e| !is_user(e))
        .collect();
    for email in &people {
        let with_contact: Vec<&KnownProcess> = processes
            .iter()
            .filter(|p| {
                p.contact_emails
                    .iter()
                    .any(|c| c.trim().eq_ignore_ascii_case(email))
            })
            .collect();
        let open: Vec<&KnownProcess> = with_contact.iter().copied().filter(|p| p.open).collect();
        match (with_contact.as_slice(), open.as_slice()) {
            ([one], _) | (_, [one]) => {
                return InvitationMatch::Contact {
                    handle: one.handle.clone(),
                    email: (*email).to_owned(),
                };
            }
            ([], _) => {}
            (several, _) => {
                return InvitationMatch::Unmatched {
                    candidates: handles(several),
                    why: format!("{email} is a contact of several processes"),
                };
            }
        }
    }

    let mut why = None;
    if let Some(domain) = invitation
        .organizer
        .as_ref()
        .filter(|o| !is_user(&o.email))
        .and_then(|o| o.email.rsplit_once('@'))
        .map(|(_, d)| d.to_ascii_lowercase())
    {
        if domains::never_matches(&domain) {
            why = Some(format!(
                "the organizer writes from {domain}, which names no company"
            ));
        } else {
            let same: Vec<&KnownProcess> = processes
                .iter()
                .filter(|p| {
                    p.contact_emails
                        .iter()
                        .filter_map(|c| c.rsplit_once('@').map(|(_, d)| d.to_ascii_lowercase()))
                        .any(|d| domains::is_within(&domain, &d) || domains::is_within(&d, &domain))
                })
                .collect();
            let open: Vec<&KnownProcess> = same.iter().copied().filter(|p| p.open).collect();
            match open.as_slice() {
                [one] => {
                    return InvitationMatch::Domain {
                        handle: one.handle.clone(),
                        domain,
                    };
                }
                [] if !same.is_empty() => {
                    return InvitationMatch::Unmatched {
                        candidates: handles(&same),
                        why: format!("{domain} belongs only to closed processes"),
                    };
                }
                [] => {}
                several => {
                    return InvitationMatch::Unmatched {
                        candidates: handles(several),
                        why: format!("{domain} is shared by {} open processes", several.len()),
                    };
                }
            }
        }
    }

    let title = words(invitation.summary.as_deref().unwrap_or(""));
    let named: Vec<&KnownProcess> = processes
        .iter()
        .filter(|p| {
            let company = words(&p.company);
            company.trim() != "" && title.contains(&company)
        })
        .collect();
    let open: Vec<&KnownProcess> = named.iter().copied().filter(|p| p.open).collect();
    match open.as_slice() {
        [one] => InvitationMatch::Company {
            handle: one.handle.clone(),
        },
        [] => InvitationMatch::Unmatched {
            candidates: handles(&named),
            why: why.unwrap_or_else(|| {
                if named.is_empty() {
                    "no contact, domain or company name matches".to_owned()
                } else {
                    "the company it names has only closed processes".to_owned()
                }
            }),
        },
        several => InvitationMatch::Unmatched {
            candidates: handles(several),
            why: format!("the title names {} open processes", several.len()),
        },
    }
}

/// Folded words between spaces, so "Acme" is found in "Interview (Acme)" but not in
/// "Acmeville".
fn words(text: &str) -> String {
    let plain: String = fold(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    format!(
        " {} ",
        plain.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}
