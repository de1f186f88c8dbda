//! Domains that never match a process, and senders that are never contacts.
//!
//! The lists are data files in the repository (`crates/followup-mail/data/`), one domain a
//! line, compiled in; a domain covers its subdomains (`acme.greenhouse.io`).

use std::sync::LazyLock;

use crate::message::Mailbox;

fn list(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

static FREE_MAIL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| list(include_str!("../../data/free-mail-domains.txt")));

static APPLICANT_TRACKING: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| list(include_str!("../../data/applicant-tracking-domains.txt")));

/// `domain` is `listed` or one of its subdomains.
fn covered(domain: &str, listed: &[&str]) -> bool {
    listed.iter().any(|l| is_within(domain, l))
}

/// `domain` equals `parent` or is a subdomain of it (case-insensitive).
pub fn is_within(domain: &str, parent: &str) -> bool {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let parent = parent.trim_end_matches('.').to_ascii_lowercase();
    domain == parent
        || domain
            .strip_suffix(&parent)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// A free-mail provider's domain.
pub fn is_free_mail(domain: &str) -> bool {
    covered(domain, &FREE_MAIL)
}

/// An applicant-tracking system's domain.
pub fn is_applicant_tracking(domain: &str) -> bool {
    covered(domain, &APPLICANT_TRACKING)
}

/// A domain that never matches a process by itself.
pub fn never_matches(domain: &str) -> bool {
    domain.is_empty() || is_free_mail(domain) || is_applicant_tracking(domain)
}

/// Local parts of machine senders.
const NO_REPLY_MARKERS: [&str; 8] = [
    "noreply",
    "no-reply",
    "donotreply",
    "do-not-reply",
    "mailer-daemon",
    "notifications",
    "notificaciones",
    "notificacoes",
];

/// A sender that is never a contact: a machine local part, or an applicant-tracking domain.
pub fn is_no_reply(sender: &Mailbox) -> bool {
    let local = sender.local_part().to_ascii_lowercase();
    NO_REPLY_MARKERS.iter().any(|m| local.contains(m)) || is_applicant_tracking(sender.domain())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mailbox(email: &str) -> Mailbox {
        Mailbox {
            name: None,
            email: email.into(),
        }
    }

    #[test]
    fn lists_cover_subdomains_only() {
        assert!(is_applicant_tracking("acme.greenhouse.io"));
        assert!(is_applicant_tracking("greenhouse.io"));
        assert!(!is_applicant_tracking("notgreenhouse.io"));
        assert!(is_free_mail("gmail.com"));
        assert!(is_free_mail("uol.com.br"));
        assert!(!is_free_mail("acme.example"));
    }

    #[test]
    fn no_reply_senders() {
        assert!(is_no_reply(&mailbox("no-reply@acme.example")));
        assert!(is_no_reply(&mailbox("Notificacoes@gupy.io")));
        assert!(is_no_reply(&mailbox("jane@acme.greenhouse.io")));
        assert!(!is_no_reply(&mailbox("jane@acme.example")));
    }
}
