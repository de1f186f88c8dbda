//! What a stored text may be: the limits on length and characters every entry point applies.
//!
//! Handles are what people type, so they are `[a-z0-9-]`, 1–64 characters, never starting with
//! `-` (which would read as an option). Single-line fields (names, company, role, subjects,
//! addresses) refuse every control character, so nothing stored can break a table line or
//! reach the terminal as an escape sequence; bodies and notes allow tab and newline only. The
//! lengths keep one process small enough to show: company and role 200 characters, a body or
//! note 64 KiB.

use super::{Contact, Event, EventKind, Process};

/// Longest handle, in characters.
pub const MAX_HANDLE: usize = 64;
/// Longest company name or role, in characters.
pub const MAX_NAME: usize = 200;
/// Largest message body, reply or note, in bytes (64 KiB); also the cap on any other text.
pub const MAX_BODY: usize = 64 * 1024;

/// A text outside its limits: the field (a document path such as `events[2].note`, or an
/// option such as `--role`) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct LimitError {
    /// The field, as the input names it.
    pub field: String,
    /// What is wrong, naming the limit.
    pub message: String,
}

impl LimitError {
    fn new(field: &str, message: String) -> Self {
        LimitError {
            field: field.to_owned(),
            message,
        }
    }
}

/// Whether `handle` is one people can type: `[a-z0-9-]`, 1–64 characters, not starting with `-`.
pub fn check_handle(field: &str, handle: &str) -> Result<(), LimitError> {
    let ok = !handle.is_empty()
        && handle.len() <= MAX_HANDLE
        && !handle.starts_with('-')
        && handle
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        return Ok(());
    }
    Err(LimitError::new(
        field,
        format!(
            "{:?} is not a handle: 1–{MAX_HANDLE} characters of a–z, 0–9 and \"-\", not starting with \"-\"",
            shorten(handle)
        ),
    ))
}

/// A single-line field of at most `max_chars` characters, without control characters.
pub fn check_line(field: &str, text: &str, max_chars: usize) -> Result<(), LimitError> {
    let count = text.chars().count();
    if count > max_chars {
        return Err(LimitError::new(
            field,
            format!("{count} characters, the limit is {max_chars}"),
        ));
    }
    if let Some((i, c)) = text.chars().enumerate().find(|(_, c)| c.is_control()) {
        return Err(LimitError::new(
            field,
            format!(
                "control character U+{:04X} at character {}; a single-line field allows none",
                u32::from(c),
                i + 1
            ),
        ));
    }
    Ok(())
}

/// A body or note: at most 64 KiB, no control character but tab and newline (a carriage
/// return before a newline is the same line ending and is allowed too).
pub fn check_body(field: &str, text: &str) -> Result<(), LimitError> {
    if text.len() > MAX_BODY {
        return Err(LimitError::new(
            field,
            format!(
                "{} bytes, the limit is 64 KiB ({MAX_BODY} bytes)",
                text.len()
            ),
        ));
    }
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let crlf = c == '\r' && chars.peek().is_some_and(|(_, next)| *next == '\n');
        if c.is_control() && c != '\t' && c != '\n' && !crlf {
            return Err(LimitError::new(
                field,
                format!(
                    "control character U+{:04X} at character {}; a body or note allows only tab and newline",
                    u32::from(c),
                    i + 1
                ),
            ));
        }
    }
    Ok(())
}

/// Every text of a process, named by its document path (`company`, `events[2].body`).
pub fn check_process(process: &Process) -> Result<(), LimitError> {
    if let Some(handle) = &process.handle {
        check_handle("handle", handle)?;
    }
    check_line("company", &process.company, MAX_NAME)?;
    check_line("role", &process.role, MAX_NAME)?;
    check_line("timezone", &process.timezone_name, MAX_NAME)?;
    for (i, contact) in process.contacts.iter().enumerate() {
        check_contact(&format!("contacts[{i}]."), contact)?;
    }
    let details = &process.details;
    line_opt("url", &details.url)?;
    line_opt("location", &details.location)?;
    line_opt("salary", &details.salary)?;
    body_opt("notes", &details.notes)?;
    for (i, event) in process.events.iter().enumerate() {
        check_event(&format!("events[{i}]."), event)?;
    }
    Ok(())
}

/// A contact's fields, each named `{prefix}name`, `{prefix}email`, ...
pub fn check_contact(prefix: &str, contact: &Contact) -> Result<(), LimitError> {
    check_line(&format!("{prefix}name"), &contact.name, MAX_NAME)?;
    line_opt(&format!("{prefix}honorific"), &contact.honorific)?;
    if let Some(email) = &contact.email {
        check_email(&format!("{prefix}email"), email)?;
    }
    line_opt(&format!("{prefix}title"), &contact.title)?;
    Ok(())
}

/// An event's texts, each named `{prefix}field` (`events[2].body`, or `--body` with `--`).
pub fn check_event(prefix: &str, event: &Event) -> Result<(), LimitError> {
    let name = |field: &str| format!("{prefix}{field}");
    if let Some(id) = &event.id {
        check_line(&name("id"), id, MAX_NAME)?;
    }
    match &event.kind {
        EventKind::Interview(interview) => {
            line_opt(&name("stage"), &interview.stage)?;
            line_opt(&name("invitation_uid"), &interview.invitation_uid)?;
            for (i, topic) in interview.topics.iter().enumerate() {
                check_line(&format!("{}[{i}]", name("topics")), topic, MAX_NAME)?;
            }
            for (i, person) in interview.with.iter().enumerate() {
                check_line(&format!("{}[{i}]", name("with")), person, MAX_NAME)?;
            }
        }
        EventKind::Promise { note, .. }
        | EventKind::ContextChange { note, .. }
        | EventKind::Closed { note, .. }
        | EventKind::Reopened { note } => body_opt(&name("note"), note)?,
        EventKind::Applied { url, source, note } => {
            line_opt(&name("url"), url)?;
            line_opt(&name("source"), source)?;
            body_opt(&name("note"), note)?;
        }
        EventKind::Sent {
            subject,
            body,
            to,
            message_id,
            ..
        } => {
            line_opt(&name("subject"), subject)?;
            body_opt(&name("body"), body)?;
            for (i, address) in to.iter().enumerate() {
                check_email(&format!("{}[{i}]", name("to")), address)?;
            }
            line_opt(&name("message_id"), message_id)?;
        }
        EventKind::Reply {
            body,
            from,
            message_id,
            ..
        } => {
            body_opt(&name("body"), body)?;
            line_opt(&name("from"), from)?;
            line_opt(&name("message_id"), message_id)?;
        }
        EventKind::Offer {
            note, message_id, ..
        } => {
            body_opt(&name("note"), note)?;
            line_opt(&name("message_id"), message_id)?;
        }
        EventKind::Note { text } => check_body(&name("text"), text)?,
        EventKind::Away { message_id, .. } => line_opt(&name("message_id"), message_id)?,
    }
    Ok(())
}

/// Whether `address` is one email address (`ana@acme.example`), parsed as an address: nothing
/// else may reach a mail header or a `mailto:` URI (`"a@b.c\r\nBcc: evil@x"` is refused).
pub fn check_email(field: &str, address: &str) -> Result<(), LimitError> {
    check_line(field, address, MAX_NAME)?;
    if is_email(address) {
        return Ok(());
    }
    Err(LimitError::new(
        field,
        format!("{:?} is not an email address", shorten(address)),
    ))
}

/// Whether `address` parses as a bare email address (no display name, no control character).
pub fn is_email(address: &str) -> bool {
    !address.chars().any(char::is_control)
        && !address.contains(['<', '>', ' '])
        && email_address::EmailAddress::is_valid(address)
}

/// An optional single-line field; the 64 KiB cap keeps it bounded.
fn line_opt(field: &str, text: &Option<String>) -> Result<(), LimitError> {
    text.as_deref()
        .map_or(Ok(()), |t| check_line(field, t, MAX_BODY))
}

fn body_opt(field: &str, text: &Option<String>) -> Result<(), LimitError> {
    text.as_deref().map_or(Ok(()), |t| check_body(field, t))
}

/// The first 40 characters of `text` (escaped by `{:?}` where it is shown), "…" when cut.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// `text` with every control character but newline and tab written as an escape (`\u{1b}`),
/// for terminal output of stored text.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, |c| c.is_control() && c != '\n' && c != '\t')
}

/// `text` with every control character written as an escape (`\n`, `\u{1b}`): for one line
/// of a table, which a stored newline must not break.
pub fn escape_line(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, char::is_control)
}

fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(&escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn handles_follow_the_rule() {
        for good in ["acme-backend", "a", "x2", &"a".repeat(64)] {
            assert_eq!(check_handle("handle", good), Ok(()), "{good}");
        }
        for bad in ["", "--help", "a b/../c", "Acme", &"a".repeat(65), "é"] {
            assert!(check_handle("handle", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn single_lines_refuse_control_characters_and_name_the_limit() {
        let err = check_line("company", "Acme\nInc", MAX_NAME).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("company: control character U+000A"),
            "{err}"
        );
        let err = check_line("role", &"x".repeat(201), MAX_NAME).unwrap_err();
        assert_eq!(err.to_string(), "role: 201 characters, the limit is 200");
        assert_eq!(check_line("role", &"é".repeat(200), MAX_NAME), Ok(()));
    }

    #[test]
    fn bodies_allow_tab_and_newline_only() {
        assert_eq!(check_body("body", "Hi,\n\tthanks\r\n"), Ok(()));
        assert!(check_body("body", "bell\u{7}").is_err());
        assert!(check_body("body", "\u{1b}[31m").is_err());
        let err = check_body("body", &"x".repeat(MAX_BODY + 1)).unwrap_err();
        assert!(err.to_string().contains("64 KiB"), "{err}");
    }

    #[test]
    fn item5_header_injection_in_an_address_is_refused() {
        assert_eq!(check_email("email", "ana@acme.example"), Ok(()));
        for bad in [
            "a@b.c\r\nBcc: evil@x",
            "not an address",
            "a@",
            "Ana <a@b.c>",
        ] {
            assert!(check_email("email", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn escapes_show_control_characters_as_text() {
        assert_eq!(escape_controls("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb\nc");
        assert_eq!(escape_line("Acme\nInc"), "Acme\\nInc");
        assert!(matches!(
            escape_line("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
