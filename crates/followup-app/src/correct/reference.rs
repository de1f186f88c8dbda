//! Event references: `#3` (or `3`) is the third event of the timeline, 1-based over the events
//! not removed, in the order `show` prints them; anything else is an event's stable id (shown
//! by `show --ids`). Numbers may shift after an edit moves an event in time; ids never do.

use followup_core::{Event, Process};

use crate::error::UserError;

/// An event with its number in the timeline.
#[derive(Clone, Debug)]
pub struct Numbered {
    /// Its number, from 1.
    pub number: usize,
    /// The event, with its id.
    pub event: Event,
}

/// The event of `process` (named `handle` in messages) that `reference` names: an exact id
/// first, then `#N` or `N`. Unknown: exit 2 naming the valid range.
pub fn resolve(process: &Process, handle: &str, reference: &str) -> Result<Numbered, UserError> {
    let wanted = reference.trim();
    let events = &process.events;
    let by_id = events
        .iter()
        .position(|e| e.id.as_deref() == Some(wanted) && !wanted.is_empty());
    let by_number = || {
        wanted
            .strip_prefix('#')
            .unwrap_or(wanted)
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=events.len()).contains(n))
            .map(|n| n - 1)
    };
    match by_id.or_else(by_number) {
        Some(i) => Ok(Numbered {
            number: i + 1,
            event: events[i].clone(),
        }),
        None if events.is_empty() => Err(UserError::new(
            format!("{handle} has no event {wanted:?}: it has no events yet"),
            format!("record one first: followup log {handle} interview --at \"yesterday 15:00\""),
        )),
        None => Err(UserError::new(
            format!(
                "{handle} has no event {wanted:?}: use #1 to #{} or an event id",
                events.len()
            ),
            format!("followup show {handle} --ids numbers every event and prints its id"),
        )),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn process() -> Process {
        let doc = serde_json::json!({"company": "Acme", "role": "Dev", "timezone": "UTC", "events": [
            {"type": "interview", "at": "2026-05-05T14:00:00Z", "id": "e1"},
            {"type": "note", "at": "2026-05-06T14:00:00Z", "id": "2", "text": "x"},
        ]});
        let zone = followup_core::ZoneDefault {
            name: "UTC".to_owned(),
            zone: jiff::tz::TimeZone::UTC,
            source: followup_core::TimezoneSource::System,
        };
        followup_core::document::parse_value(doc, &jiff::tz::TimeZoneDatabase::bundled(), &zone)
            .unwrap()
    }

    #[test]
    fn numbers_and_ids_name_events_and_ids_win() {
        let p = process();
        assert_eq!(
            resolve(&p, "acme", "#1").unwrap().event.id.as_deref(),
            Some("e1")
        );
        assert_eq!(resolve(&p, "acme", "e1").unwrap().number, 1);
        // "2" is the second event's id, which it also is by number; "#2" is by number.
        assert_eq!(resolve(&p, "acme", "2").unwrap().number, 2);
        assert_eq!(resolve(&p, "acme", "1").unwrap().number, 1);
        let err = resolve(&p, "acme", "#3").unwrap_err();
        assert_eq!(
            err.message(),
            "acme has no event \"#3\": use #1 to #2 or an event id"
        );
        assert!(resolve(&p, "acme", "#0").is_err());
        assert!(resolve(&p, "acme", "").is_err());
    }
}
