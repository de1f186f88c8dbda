//! Reading what the user hands us: text from a file or stdin, and process documents.

use std::io::Read;

use followup_core::{Process, ZoneDefault, parse_document};
use jiff::tz::TimeZoneDatabase;

use crate::error::UserError;

/// Reads a whole file, or standard input for `-`, as UTF-8 text.
pub fn read_text(source: &str) -> Result<String, UserError> {
    let bytes = if source == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|err| {
            UserError::new(
                format!("cannot read standard input: {err}"),
                "pipe a file or name one",
            )
        })?;
        bytes
    } else {
        std::fs::read(source).map_err(|err| {
            UserError::new(
                format!("cannot read {source}: {err}"),
                "check the path and permissions",
            )
        })?
    };
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

/// Reads and validates a process document from a file or `-`.
pub fn load_process(source: &str, default_zone: &ZoneDefault) -> Result<Process, UserError> {
    let text = read_text(source)?;
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
