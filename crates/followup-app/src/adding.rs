//! Starting to track a process (`followup add`, the web app's New process form): the fields as
//! typed, checked once here so both surfaces refuse the same input with the same words.

use followup_core::process::limits;
use followup_core::{Contact, Details, Event, EventKind, Process, TimezoneSource};
use followup_store::{Change, Op, Store};

use crate::error::UserError;
use crate::{App, dates, db, input};

/// A field's name as the command line spells it (`COMPANY`, `--role`), with what is wrong
/// with it: the web app shows the error beside the field it names.
#[derive(Debug, thiserror::Error)]
#[error("{error}")]
pub struct FieldError {
    /// The field: the option or argument that sets it on the command line.
    pub field: &'static str,
    /// What is wrong, and a hint.
    pub error: UserError,
}

impl FieldError {
    /// `error` about `field`.
    pub fn new(field: &'static str, error: UserError) -> Self {
        FieldError { field, error }
    }

    /// The message without the field's name in front ("must not be empty"), for a page that
    /// shows it beside the field.
    pub fn detail(&self) -> &str {
        let message = self.error.message();
        message
            .strip_prefix(self.field)
            .and_then(|rest| rest.strip_prefix(": "))
            .unwrap_or(message)
    }
}

impl From<FieldError> for UserError {
    fn from(err: FieldError) -> Self {
        err.error
    }
}

/// A new process as typed: every text as given, `None` for a field left out.
#[derive(Clone, Debug, Default)]
pub struct NewProcess {
    /// The company (`COMPANY`).
    pub company: String,
    /// The role (`--role`).
    pub role: String,
    /// Contacts as "Ana Souza <ana@acme.example>", a name, or an address (`--contact`).
    pub contacts: Vec<String>,
    /// An IANA zone name (`--tz`); `None`: the configured zone.
    pub zone: Option<String>,
    /// The posting's address (`--url`).
    pub url: Option<String>,
    /// Where the job is (`--location`).
    pub location: Option<String>,
    /// The salary (`--salary`).
    pub salary: Option<String>,
    /// When you applied, a date phrase read back like `--at` (`--applied`).
    pub applied: Option<String>,
    /// Track it even when the same company and role is already open (`--again`).
    pub again: bool,
}

/// What [`App::add_process`] stored.
#[derive(Clone, Debug)]
pub struct Added {
    /// The new handle.
    pub handle: String,
    /// Its id.
    pub id: String,
    /// The process as stored (with the applied event, if any).
    pub process: Process,
}

impl App {
    /// Checks `new` and stores it as one change; the first bad field names the error.
    pub fn add_process(&mut self, new: &NewProcess) -> Result<Added, FieldError> {
        let process = self.new_process(new)?;
        // The same posting twice is a slip far more often than a second process.
        if !new.again
            && let Some(handle) = self
                .open_posting(&process.company, &process.role)
                .map_err(|e| FieldError::new("--db", e))?
        {
            return Err(FieldError::new(
                "COMPANY",
                UserError::new(
                    format!(
                        "{} — {} is already tracked and open, as {handle}",
                        process.company, process.role
                    ),
                    format!(
                        "followup show {handle} shows it; add --again to track a second process \
                         for the same role"
                    ),
                ),
            ));
        }
        let change = Change {
            at: self
                .change_time()
                .map_err(|e| FieldError::new("--now", e))?,
            summary: format!("add {} — {}", process.company, process.role),
            ops: vec![Op::AddProcess(process.clone())],
        };
        let store = self.store().map_err(|e| FieldError::new("--db", e))?;
        let applied = store
            .apply(&change)
            .map_err(|e| FieldError::new("--db", db::store_error(e)))?;
        let Some(outcome) = applied.processes.first() else {
            return Err(FieldError::new(
                "--db",
                UserError::new(
                    "the store reported no process added",
                    "if this persists, export your data with followup export and report it",
                ),
            ));
        };
        Ok(Added {
            handle: outcome.handle.clone(),
            id: outcome.id.clone(),
            process,
        })
    }

    /// The process `new` describes, checked, not stored.
    fn new_process(&self, new: &NewProcess) -> Result<Process, FieldError> {
        let company = non_empty("COMPANY", &new.company)?;
        let role = non_empty("--role", &new.role)?;
        let (timezone_name, timezone) = match new.zone.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => {
                let zone = input::zones().get(name).map_err(|_| {
                    FieldError::new(
                        "--tz",
                        UserError::new(
                            format!("--tz: unknown time zone {name:?}"),
                            "use an IANA name like \"Europe/Lisbon\" or \"America/Sao_Paulo\"",
                        ),
                    )
                })?;
                (name.to_owned(), zone)
            }
            _ => {
                let default = self.config.zone_default();
                (default.name, default.zone)
            }
        };
        let contacts = new
            .contacts
            .iter()
            .map(|c| parse_contact(c).map_err(|e| FieldError::new("--contact", e)))
            .collect::<Result<Vec<_>, _>>()?;
        let line = |field: &'static str, text: &str, max| {
            limits::check_line(field, text, max)
                .map_err(|e| FieldError::new(field, UserError::from(e)))
        };
        line("COMPANY", &company, limits::MAX_NAME)?;
        line("--role", &role, limits::MAX_NAME)?;
        for contact in &contacts {
            limits::check_contact("--contact ", contact)
                .map_err(|e| FieldError::new("--contact", UserError::from(e)))?;
        }
        // A posting's URL may be long (tracking parameters); place and salary are short.
        for (field, value, max) in [
            ("--url", &new.url, limits::MAX_BODY),
            ("--location", &new.location, limits::MAX_NAME),
            ("--salary", &new.salary, limits::MAX_NAME),
        ] {
            if let Some(value) = value {
                line(field, value, max)?;
            }
        }
        let mut process = Process {
            id: None,
            handle: None,
            company,
            role,
            timezone_name,
            timezone_source: TimezoneSource::Document,
            timezone,
            contacts,
            holidays: Vec::new(),
            details: Details {
                url: new.url.clone(),
                location: new.location.clone(),
                salary: new.salary.clone(),
                notes: None,
            },
            events: Vec::new(),
        };
        if let Some(when) = &new.applied {
            let now = self
                .now_for(&process)
                .map_err(|e| FieldError::new("--now", e))?;
            let at = dates::resolve_at(Some(when), now, &process, self.config.date_order())
                .map_err(|e| FieldError::new("--applied", e))?;
            process.events.push(Event {
                id: None,
                at: at.timestamp(),
                kind: EventKind::Applied {
                    url: new.url.clone(),
                    source: None,
                    note: None,
                },
            });
        }
        Ok(process)
    }
}

fn non_empty(field: &'static str, text: &str) -> Result<String, FieldError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new(
            field,
            UserError::new(
                format!("{field}: must not be empty"),
                "followup add Acme --role \"Backend Engineer\"",
            ),
        ));
    }
    Ok(trimmed.to_owned())
}

/// Reads `Ana Souza <ana@acme.example>`, `Ana Souza` or `ana@acme.example`.
pub fn parse_contact(text: &str) -> Result<Contact, UserError> {
    let bad = |why: &str| {
        UserError::new(
            format!("--contact {text:?}: {why}"),
            "write it as \"Ana Souza <ana@acme.example>\" or just a name",
        )
    };
    let text = text.trim();
    let (name, email) = match text.find('<') {
        Some(open) => {
            let rest = &text[open + 1..];
            let close = rest.find('>').ok_or_else(|| bad("missing '>'"))?;
            if !rest[close + 1..].trim().is_empty() {
                return Err(bad("text after the address"));
            }
            (text[..open].trim(), Some(rest[..close].trim()))
        }
        None if text.contains('@') && !text.contains(' ') => ("", Some(text)),
        None => (text, None),
    };
    if let Some(email) = email
        && (!email.contains('@') || email.contains(char::is_whitespace))
    {
        return Err(bad("the address needs an @ and no spaces"));
    }
    let name = if name.is_empty() {
        email.unwrap_or_default()
    } else {
        name
    };
    if name.is_empty() {
        return Err(bad("empty"));
    }
    Ok(Contact {
        name: name.trim_matches('"').to_owned(),
        honorific: None,
        email: email.map(str::to_owned),
        title: None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn contacts_are_read_in_common_forms() {
        let c = parse_contact("Ana Souza <ana@acme.example>").unwrap();
        assert_eq!(c.name, "Ana Souza");
        assert_eq!(c.email.as_deref(), Some("ana@acme.example"));
        let c = parse_contact("ana@acme.example").unwrap();
        assert_eq!(c.name, "ana@acme.example");
        let c = parse_contact("Bruno").unwrap();
        assert_eq!((c.name.as_str(), c.email), ("Bruno", None));
        assert!(parse_contact("Ana <ana@acme").is_err());
        assert!(parse_contact("Ana <not an address>").is_err());
        assert!(parse_contact("  ").is_err());
    }

    #[test]
    fn a_field_error_reads_without_its_name() {
        let err = non_empty("--role", " ").unwrap_err();
        assert_eq!(err.field, "--role");
        assert_eq!(err.detail(), "must not be empty");
        assert_eq!(err.error.message(), "--role: must not be empty");
    }
}
