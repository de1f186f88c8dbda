//! What changed, field by field, in the words of the document format: `role "Dev" → "Staff
//! Dev"`, `at Tuesday 5 May at 14:00 → Wednesday 6 May at 10:00`. The echo of `edit` and
//! `contact`, and of a merging `import`.

use followup_core::time::spell_date;
use followup_core::{Event, Process};
use jiff::Timestamp;
use serde_json::Value;

/// One field that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The field as the document names it (`role`, `contacts`, `at`, `topics`).
    pub field: String,
    /// Its value before, in words (`(none)` when absent).
    pub before: String,
    /// Its value after.
    pub after: String,
}

impl std::fmt::Display for FieldChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} → {}", self.field, self.before, self.after)
    }
}

/// The changes `changes` as one line: `role "A" → "B"; url (none) → "…"`.
pub fn line(changes: &[FieldChange]) -> String {
    let parts: Vec<String> = changes.iter().map(ToString::to_string).collect();
    followup_core::process::limits::escape_line(&parts.join("; ")).into_owned()
}

/// The top-level fields of two versions of a process that differ (events aside).
pub fn process(before: &Process, after: &Process) -> Vec<FieldChange> {
    let doc = |p: &Process| {
        let mut single = p.clone();
        single.events.clear();
        followup_core::to_document(&single)
    };
    let (old, new) = (doc(before), doc(after));
    let mut changes = fields(&old, &new, &["format", "id", "handle", "events"]);
    for change in &mut changes {
        if change.field == "timezone" {
            change
                .after
                .push_str(" (every event keeps its instant; nothing is re-read)");
        }
        if change.field == "contacts" {
            change.before = contact_list(&before.contacts);
            change.after = contact_list(&after.contacts);
        }
    }
    changes
}

/// Contacts as people write them: `Ana Souza <ana@acme.example> (Recruiter), Bruno`.
pub fn contact_list(contacts: &[followup_core::Contact]) -> String {
    if contacts.is_empty() {
        return "(none)".to_owned();
    }
    let one = |c: &followup_core::Contact| {
        let mut text = match &c.honorific {
            Some(h) => format!("{h} {}", c.name),
            None => c.name.clone(),
        };
        if let Some(email) = &c.email {
            text.push_str(&format!(" <{email}>"));
        }
        if let Some(title) = &c.title {
            text.push_str(&format!(" ({title})"));
        }
        text
    };
    contacts.iter().map(one).collect::<Vec<_>>().join(", ")
}

/// The fields of two versions of an event that differ; `at` is spelled in the process's zone.
pub fn event(before: &Event, after: &Event, process: &Process, now: Timestamp) -> Vec<FieldChange> {
    let doc = |e: &Event| {
        let mut single = process.clone();
        single.events = vec![e.clone()];
        followup_core::to_document(&single)
            .get("events")
            .and_then(|events| events.get(0))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let mut changes = fields(&doc(before), &doc(after), &["id"]);
    let today = process.local_date(now);
    let spell = |at: Timestamp| {
        let local = at.to_zoned_datetime(process.timezone.clone());
        format!(
            "{} at {}",
            spell_date(local.date(), today),
            local.strftime("%H:%M")
        )
    };
    // A date typed as people say it ("by friday") is echoed spelled, like `log` echoes it.
    let spell_day = |text: &str| match text.trim_matches('"').parse::<jiff::civil::Date>() {
        Ok(date) => spell_date(date, today),
        Err(_) => text.to_owned(),
    };
    for change in &mut changes {
        if change.field == "at" {
            change.before = spell(before.at);
            change.after = spell(after.at);
        } else if DATE_FIELDS.contains(&change.field.as_str()) {
            change.before = spell_day(&change.before);
            change.after = spell_day(&change.after);
        }
    }
    changes
}

/// The event fields that hold a calendar date (`"2026-05-08"`) in the document format.
const DATE_FIELDS: [&str; 4] = ["by", "deadline", "respond_by", "until"];

/// The keys of two JSON objects whose values differ, in the order of `new` then `old`, less
/// `skip`.
fn fields(old: &Value, new: &Value, skip: &[&str]) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let old = old.as_object().unwrap_or(&empty);
    let new = new.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = new.keys().collect();
    keys.extend(old.keys().filter(|k| !new.contains_key(*k)));
    keys.into_iter()
        .filter(|k| !skip.contains(&k.as_str()))
        .filter(|k| old.get(*k) != new.get(*k))
        .map(|k| FieldChange {
            field: k.clone(),
            before: words(old.get(k)),
            after: words(new.get(k)),
        })
        .collect()
}

/// A JSON value in words: strings quoted, lists and objects as compact JSON, absent as `(none)`.
fn words(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(none)".to_owned(),
        Some(Value::Array(items)) if items.is_empty() => "(none)".to_owned(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            let parts: Vec<String> = items.iter().map(ToString::to_string).collect();
            parts.join(", ")
        }
        Some(other) => other.to_string(),
    }
}
