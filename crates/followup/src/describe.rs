//! Events in words, as `log` echoes them and `show` lists them ("promise: by Friday 8 May").

use followup_core::time::spell_date;
use followup_core::{Asks, Event, EventKind, Process};
use jiff::Timestamp;
use jiff::civil::Date;

/// "Tuesday 5 May at 14:00" in the process's zone, the year shown when it is not `today`'s.
pub fn spell_instant(at: Timestamp, process: &Process, today: Date) -> String {
    let local = at.to_zoned_datetime(process.timezone.clone());
    format!(
        "{} at {}",
        spell_date(local.date(), today),
        local.strftime("%H:%M")
    )
}

/// One line: the event's type, its dates spelled, and its details (a message's length, a
/// note's text).
pub fn event_line(event: &Event, process: &Process, today: Date) -> String {
    line(event, process, today, true)
}

/// [`event_line`] for an event whose text is printed under it ([`crate::said`]): a message's
/// length and a note's text are left out.
pub fn event_header(event: &Event, process: &Process, today: Date) -> String {
    line(event, process, today, false)
}

fn line(event: &Event, process: &Process, today: Date, with_text: bool) -> String {
    let when = spell_instant(event.at, process, today);
    let spell = |d: Date| spell_date(d, today);
    let mut details: Vec<String> = Vec::new();
    let head = match &event.kind {
        EventKind::Interview(i) => {
            details.push(i.rapport.to_string());
            if i.reinforce_interest {
                details.push("reinforce interest".to_owned());
            }
            if let Some(stage) = &i.stage {
                details.push(format!("stage: {stage}"));
            }
            if !i.topics.is_empty() {
                details.push(format!("topics: {}", i.topics.join(", ")));
            }
            if !i.with.is_empty() {
                details.push(format!("with {}", i.with.join(", ")));
            }
            if process.local_date(event.at) > today {
                format!("interview booked: {when}")
            } else {
                format!("interview: {when}")
            }
        }
        EventKind::Promise { by, note } => {
            details.push(format!("said {when}"));
            push_note(&mut details, note.as_deref());
            format!("promise: by {}", spell(*by))
        }
        EventKind::Sent {
            kind,
            subject,
            body,
            to,
            ..
        } => {
            if let Some(subject) = subject {
                details.push(format!("subject: {subject:?}"));
            }
            if !to.is_empty() {
                details.push(format!("to {}", to.join(", ")));
            }
            if let Some(body) = body.as_ref().filter(|_| with_text) {
                details.push(format!("{} characters", body.chars().count()));
            }
            format!("sent {kind}: {when}")
        }
        EventKind::Reply {
            body,
            from,
            asks,
            respond_by,
            ..
        } => {
            if *asks != Asks::Nothing {
                details.push(format!("asks {asks}"));
            }
            if let Some(by) = respond_by {
                details.push(format!("answer by {}", spell(*by)));
            }
            if let Some(from) = from {
                details.push(format!("from {from}"));
            }
            if let Some(body) = body.as_ref().filter(|_| with_text) {
                details.push(format!("{} characters", body.chars().count()));
            }
            format!("reply: {when}")
        }
        EventKind::ContextChange {
            reason,
            real,
            deadline,
            note,
        } => {
            details.push(if *real { "real" } else { "not marked real" }.to_owned());
            if let Some(deadline) = deadline {
                details.push(format!("deadline {}", spell(*deadline)));
            }
            push_note(&mut details, note.as_deref());
            format!("change ({reason}): {when}")
        }
        EventKind::Closed { outcome, note } => {
            push_note(&mut details, note.as_deref());
            format!("closed ({outcome}): {when}")
        }
        EventKind::Reopened { note } => {
            push_note(&mut details, note.as_deref());
            format!("reopened: {when}")
        }
        EventKind::Applied { url, source, note } => {
            if let Some(url) = url {
                details.push(format!("posting {url}"));
            }
            if let Some(source) = source {
                details.push(format!("found via {source}"));
            }
            push_note(&mut details, note.as_deref());
            format!("applied: {when}")
        }
        EventKind::Offer { deadline, note, .. } => {
            if let Some(deadline) = deadline {
                details.push(format!("answer by {}", spell(*deadline)));
            }
            push_note(&mut details, note.as_deref());
            format!("offer: {when}")
        }
        EventKind::Note { text } => {
            if with_text {
                details.push(text.clone());
            }
            format!("note: {when}")
        }
        EventKind::Away { until, .. } => {
            details.push(format!("away until {}", spell(*until)));
            format!("away: {when}")
        }
    };
    let line = if details.is_empty() {
        head
    } else {
        format!("{head} ({})", details.join("; "))
    };
    // Stored text is shown escaped: one event stays one line, and no escape sequence is raw.
    followup_core::process::limits::escape_line(&line).into_owned()
}

fn push_note(details: &mut Vec<String>, note: Option<&str>) {
    if let Some(note) = note {
        details.push(format!("note: {note}"));
    }
}

/// The event as a document event object (the export's form), for `--json` output.
pub fn event_json(event: &Event, process: &Process) -> serde_json::Value {
    let mut single = process.clone();
    single.events = vec![event.clone()];
    let doc = followup_core::to_document(&single);
    doc.get("events")
        .and_then(|e| e.get(0))
        .cloned()
        .unwrap_or(serde_json::Value::Null)
}
