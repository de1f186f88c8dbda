//! One message as mail import reads it: the headers that decide its class and process, and
//! its new text.
//!
//! mail-parser does the RFC 5322/MIME work and is forgiving; this module adds the checks that
//! make bad input a warning instead of a wrong line: text that is not mail, broken MIME
//! structure or encodings, a charset nobody can decode, no date.

mod html;
pub mod text;

use std::fmt;

use jiff::Timestamp;
use jiff::tz::Offset;
use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::{Address, HeaderValue, MessageParser, MimeHeaders, PartType};
use sha2::{Digest, Sha256};

pub use text::NewText;

/// The bytes of one message and where it came from.
#[derive(Clone, Debug)]
pub struct RawMessage {
    /// The file as the user named it (`inbox.mbox#3` inside an mbox).
    pub file: String,
    /// The message, headers and body.
    pub bytes: Vec<u8>,
    /// The mbox `From ` line's date (seconds since the epoch), used when `Date` is missing.
    pub internal_date: Option<i64>,
}

/// Why a message gives a warning and no line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BadInput {
    /// No header a message must have (`From`, `Date`, `Message-ID`, `Subject`).
    #[error("not a mail message (no From, Date, Message-ID or Subject header)")]
    NotMail,
    /// The MIME structure or a part's encoding is broken.
    #[error("broken MIME: {0}")]
    BrokenMime(String),
    /// A text part in a charset that cannot be decoded.
    #[error("unknown charset {0:?}")]
    UnknownCharset(String),
    /// Neither a `Date` header nor an mbox date.
    #[error("no Date header")]
    NoDate,
}

/// A name and an address, the address lowercased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mailbox {
    /// The display name, when given.
    pub name: Option<String>,
    /// The address, lowercased.
    pub email: String,
}

impl Mailbox {
    /// The part after `@`.
    pub fn domain(&self) -> &str {
        self.email.rsplit_once('@').map_or("", |(_, d)| d)
    }

    /// The part before `@`.
    pub fn local_part(&self) -> &str {
        self.email.rsplit_once('@').map_or(&self.email, |(l, _)| l)
    }
}

impl fmt::Display for Mailbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{name} <{}>", self.email),
            None => f.write_str(&self.email),
        }
    }
}

/// A parsed message: what classifying and matching read.
#[derive(Clone, Debug)]
pub struct Mail {
    /// The file as the user named it.
    pub file: String,
    /// The idempotency key: the `Message-ID` without brackets, else `sha256:` and a hash of
    /// the headers and the body.
    pub message_id: String,
    /// Whether the message had a `Message-ID` of its own.
    pub has_message_id: bool,
    /// When it was sent.
    pub date: Timestamp,
    /// The offset its `Date` header was written in: the sender's day, which body dates
    /// ("please reply by Friday") are read against.
    pub offset: Offset,
    /// The sender.
    pub from: Option<Mailbox>,
    /// `To` and `Cc`, in order.
    pub recipients: Vec<Mailbox>,
    /// The subject, empty when missing.
    pub subject: String,
    /// The ids of `In-Reply-To` then `References`, without brackets.
    pub thread: Vec<String>,
    /// `List-Id`, `List-Unsubscribe`, `Precedence: bulk` or `list`.
    pub bulk: bool,
    /// An automatic-reply header: `Auto-Submitted: auto-replied`, `X-Autoreply`,
    /// `X-Autorespond`, `X-Autoresponder`, `Precedence: auto_reply`.
    pub auto_reply_header: bool,
    /// `Auto-Submitted` with any value but `no` (RFC 3834): machine-written mail.
    pub auto_submitted: bool,
    /// The new text, history and signature removed.
    pub text: NewText,
}

impl Mail {
    /// Parses `raw`; bad input is an error for a warning, never a panic.
    pub fn parse(raw: &RawMessage) -> Result<Mail, BadInput> {
        let message = MessageParser::default()
            .parse(&raw.bytes)
            .ok_or(BadInput::NotMail)?;
        let has_any = message.from().is_some()
            || message.date().is_some()
            || message.message_id().is_some()
            || message.subject().is_some();
        if !has_any {
            return Err(BadInput::NotMail);
        }
        check_structure(&message)?;

        let (date, offset) = match message.date().filter(|d| d.is_valid()) {
            Some(d) => {
                let date =
                    Timestamp::from_second(d.to_timestamp()).map_err(|_| BadInput::NoDate)?;
                let seconds = (i32::from(d.tz_hour) * 60 + i32::from(d.tz_minute)) * 60;
                let seconds = if d.tz_before_gmt { -seconds } else { seconds };
                (date, Offset::from_seconds(seconds).unwrap_or(Offset::UTC))
            }
            None => {
                let second = raw.internal_date.ok_or(BadInput::NoDate)?;
                let date = Timestamp::from_second(second).map_err(|_| BadInput::NoDate)?;
                (date, Offset::UTC)
            }
        };

        let body = message.body_text(0).map(|t| t.into_owned());
        let is_html = message.text_body_count() > 0
            && message
                .text_part(0)
                .is_some_and(|p| matches!(p.body, PartType::Html(_)));
        let source = if is_html {
            let html = message
                .body_html(0)
                .map(|h| h.into_owned())
                .unwrap_or_default();
            html::to_text(&html)
        } else {
            body.clone().unwrap_or_default()
        };
        let text = text::new_text(&source);

        let header_id = message
            .message_id()
            .map(|id| id.trim().trim_matches(['<', '>']).to_owned())
            .filter(|id| !id.is_empty());
        let has_message_id = header_id.is_some();
        let message_id = header_id.unwrap_or_else(|| content_hash(&message, body.as_deref()));

        let mut thread = ids(message.in_reply_to());
        thread.extend(ids(message.references()));

        let header_text = |name: &str| {
            message
                .header_raw(name)
                .map(|v| v.trim().to_ascii_lowercase())
        };
        let precedence = header_text("Precedence").unwrap_or_default();
        let auto_submitted = header_text("Auto-Submitted").unwrap_or_default();
        let bulk = message.header_raw("List-Id").is_some()
            || message.header_raw("List-Unsubscribe").is_some()
            || precedence == "bulk"
            || precedence == "list";
        let auto_reply_header = auto_submitted.starts_with("auto-replied")
            || message.header_raw("X-Autoreply").is_some()
            || message.header_raw("X-Autorespond").is_some()
            || message.header_raw("X-Autoresponder").is_some()
            || precedence == "auto_reply";

        let mut recipients = mailboxes(message.to());
        recipients.extend(mailboxes(message.cc()));

        Ok(Mail {
            file: raw.file.clone(),
            message_id,
            has_message_id,
            date,
            offset,
            from: mailboxes(message.from()).into_iter().next(),
            recipients,
            subject: message.subject().unwrap_or_default().trim().to_owned(),
            thread,
            bulk,
            auto_reply_header,
            auto_submitted: !auto_submitted.is_empty() && auto_submitted != "no",
            text,
        })
    }

    /// The local date of the message in its own `Date` offset.
    pub fn local_date(&self) -> jiff::civil::Date {
        self.offset.to_datetime(self.date).date()
    }
}

/// A best-effort name for a message in a warning: its `Message-ID`, else its subject.
pub fn identify(raw: &RawMessage) -> Option<String> {
    let message = MessageParser::default().parse(&raw.bytes)?;
    message
        .message_id()
        .map(|id| format!("<{id}>"))
        .or_else(|| message.subject().map(|s| format!("{s:?}")))
}

/// Broken multipart structure, undecodable transfer encodings, unknown charsets.
fn check_structure(message: &mail_parser::Message<'_>) -> Result<(), BadInput> {
    let raw = message.raw_message();
    for part in &message.parts {
        let content_type = part.content_type();
        if let Some(ct) = content_type {
            if ct.ctype().eq_ignore_ascii_case("multipart") {
                let Some(boundary) = ct.attribute("boundary") else {
                    return Err(BadInput::BrokenMime(
                        "a multipart part without a boundary".into(),
                    ));
                };
                let marker = format!("--{boundary}");
                let body = raw
                    .get(part.offset_body as usize..part.offset_end as usize)
                    .unwrap_or_default();
                if !contains(body, marker.as_bytes()) {
                    return Err(BadInput::BrokenMime(format!(
                        "the boundary {boundary:?} never appears"
                    )));
                }
            }
            if let Some(charset) = ct.attribute("charset")
                && matches!(part.body, PartType::Text(_) | PartType::Html(_))
                && charset_decoder(charset.as_bytes()).is_none()
                && !is_utf8_name(charset)
            {
                return Err(BadInput::UnknownCharset(charset.to_owned()));
            }
        }
        if part.is_encoding_problem && matches!(part.body, PartType::Text(_) | PartType::Html(_)) {
            return Err(BadInput::BrokenMime(format!(
                "a text part whose {} encoding cannot be decoded",
                part.content_transfer_encoding().unwrap_or("transfer")
            )));
        }
    }
    Ok(())
}

/// UTF-8 and ASCII are decoded directly by mail-parser, outside its charset table.
fn is_utf8_name(charset: &str) -> bool {
    let name = charset.trim().to_ascii_lowercase().replace(['-', '_'], "");
    matches!(
        name.as_str(),
        "utf8" | "usascii" | "ascii" | "unicode11utf8"
    )
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The ids of an `In-Reply-To` or `References` header, without brackets.
fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    let list: Vec<&str> = match value {
        HeaderValue::Text(text) => vec![text.as_ref()],
        HeaderValue::TextList(list) => list.iter().map(|t| t.as_ref()).collect(),
        _ => Vec::new(),
    };
    list.into_iter()
        .flat_map(|t| t.split_whitespace())
        .map(|t| t.trim_matches(['<', '>', ',']).to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

fn mailboxes(address: Option<&Address<'_>>) -> Vec<Mailbox> {
    let Some(address) = address else {
        return Vec::new();
    };
    address
        .iter()
        .filter_map(|a| {
            let email = a.address()?.trim().to_lowercase();
            email.contains('@').then(|| Mailbox {
                name: a
                    .name()
                    .map(|n| n.trim().trim_matches('"').to_owned())
                    .filter(|n| !n.is_empty()),
                email,
            })
        })
        .collect()
}

/// The key of a message without `Message-ID`: SHA-256 of its headers (as written, in order)
/// and its body text, so the same message read from an mbox or a `.eml` gets the same key.
fn content_hash(message: &mail_parser::Message<'_>, body: Option<&str>) -> String {
    let mut hasher = Sha256::new();
    for (name, value) in message.headers_raw() {
        hasher.update(name.trim().to_ascii_lowercase().as_bytes());
        hasher.update(b":");
        hasher.update(
            value
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_bytes(),
        );
        hasher.update(b"\n");
    }
    hasher.update(b"\n");
    hasher.update(
        body.unwrap_or_default()
            .replace("\r\n", "\n")
            .trim_end()
            .as_bytes(),
    );
    let digest = hasher.finalize();
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> RawMessage {
        RawMessage {
            file: "t.eml".into(),
            bytes: text.as_bytes().to_vec(),
            internal_date: None,
        }
    }

    const HEAD: &str = "Date: Wed, 6 May 2026 10:00:00 -0300\nFrom: Ana <Ana@Acme.example>\nTo: maria@example.org\nSubject: Hi\n";

    #[test]
    fn bad_input_is_an_error_naming_the_problem() {
        assert_eq!(
            Mail::parse(&raw("just some notes\nno headers\n")).unwrap_err(),
            BadInput::NotMail
        );
        assert_eq!(Mail::parse(&raw("")).unwrap_err(), BadInput::NotMail);
        let no_boundary = format!("{HEAD}Content-Type: multipart/mixed\n\ntext\n");
        assert!(matches!(
            Mail::parse(&raw(&no_boundary)),
            Err(BadInput::BrokenMime(_))
        ));
        let charset = format!("{HEAD}Content-Type: text/plain; charset=x-unknown-9\n\ntext\n");
        assert_eq!(
            Mail::parse(&raw(&charset)).unwrap_err(),
            BadInput::UnknownCharset("x-unknown-9".into())
        );
        let base64 = format!("{HEAD}Content-Transfer-Encoding: base64\n\n!!!!@@@@####\n");
        assert!(matches!(
            Mail::parse(&raw(&base64)),
            Err(BadInput::BrokenMime(_))
        ));
        let no_date = "From: a@b.example\nSubject: x\n\nbody\n";
        assert_eq!(Mail::parse(&raw(no_date)).unwrap_err(), BadInput::NoDate);
    }

    #[test]
    fn an_mbox_date_stands_in_for_a_missing_date_header() {
        let mut message = raw("From: a@b.example\nSubject: x\n\nbody\n");
        message.internal_date = Some(1_778_000_000);
        let mail = Mail::parse(&message).unwrap();
        assert_eq!(mail.date.as_second(), 1_778_000_000);
    }

    #[test]
    fn addresses_are_lowercased_and_dates_keep_their_offset() {
        let mail = Mail::parse(&raw(&format!("{HEAD}\nHello\n"))).unwrap();
        assert_eq!(mail.from.as_ref().unwrap().email, "ana@acme.example");
        assert_eq!(mail.local_date().to_string(), "2026-05-06");
        assert_eq!(mail.offset.seconds(), -3 * 3600);
    }

    #[test]
    fn a_message_without_an_id_gets_the_same_hash_whatever_its_line_endings() {
        let lf = format!("{HEAD}\nHello\n");
        let crlf = lf.replace('\n', "\r\n");
        let a = Mail::parse(&raw(&lf)).unwrap();
        let b = Mail::parse(&raw(&crlf)).unwrap();
        assert!(!a.has_message_id);
        assert!(a.message_id.starts_with("sha256:"));
        assert_eq!(a.message_id, b.message_id);
        let other = Mail::parse(&raw(&format!("{HEAD}\nHello again\n"))).unwrap();
        assert_ne!(a.message_id, other.message_id);
    }
}
