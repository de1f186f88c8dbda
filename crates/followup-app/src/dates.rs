//! Date phrases on tracker commands: `--at` (when it happened) and due dates (promise,
//! deadline), resolved in the process's zone with `followup_core::time::phrase`.

use followup_core::Process;
use followup_core::time::phrase::{DateOrder, Field, PhraseError, parse_phrase};
use jiff::civil::{Date, Time};
use jiff::{Timestamp, ZonedDateTime};

use crate::error::UserError;

/// The time of day given to a past day named without one ("--at friday"): midday, so the
/// event falls on that day in the process's zone whatever the offset.
const DEFAULT_TIME: Time = Time::constant(12, 0, 0, 0);

/// Resolves `--at` (default: now) relative to `now`, in the process's zone. A day without a
/// time means now when it is today, else midday.
pub fn resolve_at(
    text: Option<&str>,
    now: Timestamp,
    process: &Process,
    order: DateOrder,
) -> Result<ZonedDateTime, UserError> {
    let reference = now.to_zoned_datetime(process.timezone.clone());
    let Some(text) = text else {
        return Ok(reference);
    };
    let bad = |err: PhraseError| UserError::new(format!("--at: {err}"), err.hint());
    let resolved = parse_phrase(text, Field::At, &reference, order).map_err(bad)?;
    if resolved.at.is_none() && resolved.date == reference.date() {
        return Ok(reference);
    }
    resolved.instant_or(DEFAULT_TIME, &reference).map_err(bad)
}

/// Resolves a due date (`promise WHEN`, `--deadline WHEN`) relative to the day it was said;
/// `name` is the option or argument it came from, for errors.
pub fn resolve_due(
    text: &str,
    field: Field,
    name: &str,
    said: &ZonedDateTime,
    order: DateOrder,
) -> Result<Date, UserError> {
    parse_phrase(text, field, said, order)
        .map(|r| r.date)
        .map_err(|err| UserError::new(format!("{name}: {err}"), err.hint()))
}

/// Resolves `--on` (a booked interview: "thursday 15:00" is the coming Thursday) relative to
/// `now`, in the process's zone, reading forward like a due date. A day without a time is
/// midday, like `--at`.
pub fn resolve_on(
    text: &str,
    now: Timestamp,
    process: &Process,
    order: DateOrder,
) -> Result<ZonedDateTime, UserError> {
    let reference = now.to_zoned_datetime(process.timezone.clone());
    let bad = |err: PhraseError| UserError::new(format!("--on: {err}"), err.hint());
    let resolved = parse_phrase(text, Field::Booked, &reference, order).map_err(bad)?;
    resolved.instant_or(DEFAULT_TIME, &reference).map_err(bad)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn process() -> Process {
        let doc = serde_json::json!({"company": "Acme", "role": "Dev", "timezone": "Europe/Lisbon", "events": []});
        let zone = followup_core::ZoneDefault {
            name: "UTC".to_owned(),
            zone: jiff::tz::TimeZone::UTC,
            source: followup_core::TimezoneSource::System,
        };
        followup_core::document::parse_value(doc, &jiff::tz::TimeZoneDatabase::bundled(), &zone)
            .unwrap()
    }

    #[test]
    fn on_reads_forward_and_at_reads_back_on_the_same_phrase() {
        // Monday 11 May 2026, 10:00 in Lisbon.
        let now: Timestamp = "2026-05-11T09:00:00Z".parse().unwrap();
        let p = process();
        let order = DateOrder::default();
        let on = resolve_on("thursday 15:00", now, &p, order).unwrap();
        assert_eq!(on.datetime().to_string(), "2026-05-14T15:00:00");
        let at = resolve_at(Some("thursday 15:00"), now, &p, order).unwrap();
        assert_eq!(at.datetime().to_string(), "2026-05-07T15:00:00");
        let day = resolve_on("friday", now, &p, order).unwrap();
        assert_eq!(day.datetime().to_string(), "2026-05-15T12:00:00");
    }
}
