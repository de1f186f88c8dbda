//! Reading what the user hands us: text from a file or stdin, and process documents.

use std::io::Read;

use followup_core::message_file::MessageFile;
use followup_core::{Process, ZoneDefault, parse_document};
use jiff::tz::TimeZoneDatabase;

use crate::error::UserError;

/// The largest text read (a message to review, a body from a file): 1 MB.
pub const MAX_TEXT_BYTES: u64 = 1_000_000;

/// The largest process document read (one process, its bodies up to 64 KiB each).
const MAX_DOCUMENT_BYTES: u64 = 64_000_000;

/// Reads a whole file, or standard input for `-`, as UTF-8 text of at most 1 MB. At most
/// 1 MB + 1 byte is read, so an endless input (`/dev/zero`) stops at once.
pub fn read_text(source: &str) -> Result<String, UserError> {
    read_at_most(source, MAX_TEXT_BYTES, "1 MB")
}

/// Like [`read_text`], with `limit` bytes (spelled `spelled`) as the limit.
fn read_at_most(source: &str, limit: u64, spelled: &str) -> Result<String, UserError> {
    let name = if source == "-" {
        "standard input"
    } else {
        source
    };
    let cannot = |err: std::io::Error| {
        let hint = if source == "-" {
            "pipe a file or name one"
        } else {
            "check the path and permissions"
        };
        UserError::new(format!("cannot read {name}: {err}"), hint)
    };
    let mut bytes = Vec::new();
    if source == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
    } else {
        std::fs::File::open(source)
            .map_err(cannot)?
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
    }
    if bytes.len() as u64 > limit {
        return Err(UserError::new(
            format!("{name}: larger than the limit of {spelled}"),
            "a message is a few short paragraphs: pass only the text to read",
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        UserError::new(
            format!(
                "{}: not valid UTF-8 (byte {})",
                display_name(source),
                err.utf8_error().valid_up_to()
            ),
            "save the file as UTF-8",
        )
    })
}

/// Whether `text` has nothing to read once whitespace, NUL and zero-width characters are
/// removed ("empty message").
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\0' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
    })
}

/// Splits a message file's text (read from `source`) into its header block and body, as
/// `log sent --file` and `check` read it; a bad header block names the file and the line.
pub fn message_file<'a>(text: &'a str, source: &str) -> Result<MessageFile<'a>, UserError> {
    followup_core::message_file::read(text).map_err(|err| {
        UserError::new(
            format!("{}: {err}", display_name(source)),
            "a header block is To: and Subject: lines, then a blank line, then the body",
        )
    })
}

/// Reads and validates a process document from a file or `-`.
pub fn load_process(source: &str, default_zone: &ZoneDefault) -> Result<Process, UserError> {
    let text = read_at_most(source, MAX_DOCUMENT_BYTES, "64 MB")?;
    parse_document(&text, zones(), default_zone).map_err(|err| {
        UserError::new(
            format!("{}: {err}", display_name(source)),
            "see docs/format.md for the process document format",
        )
    })
}

/// The time zone database: the bundled copy, so results do not depend on the machine.
pub fn zones() -> &'static TimeZoneDatabase {
    static ZONES: std::sync::OnceLock<TimeZoneDatabase> = std::sync::OnceLock::new();
    ZONES.get_or_init(TimeZoneDatabase::bundled)
}

fn display_name(source: &str) -> &str {
    if source == "-" { "<stdin>" } else { source }
}
