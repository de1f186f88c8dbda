//! `followup add`: starts tracking a process and prints its handle.

use std::io::Write;
use std::process::ExitCode;

use followup_app::{dates, db, input};
use followup_core::process::limits;
use followup_core::{Contact, Details, Event, EventKind, Process, TimezoneSource};
use followup_store::{Change, Op, Store};
use serde_json::json;

use super::{Context, Run};
use crate::cli::AddArgs;
use crate::error::UserError;

impl Run for AddArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let company = non_empty("COMPANY", &self.company)?;
        let role = non_empty("--role", &self.role)?;
        let (timezone_name, timezone) = match &self.timezone {
            Some(name) => {
                let zone = input::zones().get(name).map_err(|_| {
                    UserError::new(
                        format!("--tz: unknown time zone {name:?}"),
                        "use an IANA name like \"Europe/Lisbon\" or \"America/Sao_Paulo\"",
                    )
                })?;
                (name.clone(), zone)
            }
            None => {
                let default = app.config.zone_default();
                (default.name, default.zone)
            }
        };
        let contacts = self
            .contacts
            .iter()
            .map(|c| parse_contact(c))
            .collect::<Result<Vec<_>, _>>()?;
        let mut process = Process {
            id: None,
            handle: None,
            company: company.clone(),
            role: role.clone(),
            timezone_name: timezone_name.clone(),
            timezone_source: TimezoneSource::Document,
            timezone,
            contacts,
            holidays: Vec::new(),
            details: Details {
                url: self.url.clone(),
                location: self.location.clone(),
                salary: self.salary.clone(),
                notes: None,
            },
            events: Vec::new(),
        };
        limits::check_line("COMPANY", &process.company, limits::MAX_NAME)
            .map_err(UserError::from)?;
        limits::check_line("--role", &process.role, limits::MAX_NAME).map_err(UserError::from)?;
        for contact in &process.contacts {
            limits::check_contact("--contact ", contact).map_err(UserError::from)?;
        }
        // A posting's URL may be long (tracking parameters); place and salary are short.
        for (field, value, max) in [
            ("--url", &self.url, limits::MAX_BODY),
            ("--location", &self.location, limits::MAX_NAME),
            ("--salary", &self.salary, limits::MAX_NAME),
        ] {
            if let Some(value) = value {
                limits::check_line(field, value, max).map_err(UserError::from)?;
            }
        }
        if let Some(when) = &self.applied {
            let now = app.now_for(&process)?;
            let at = dates::resolve_at(Some(when), now, &process, app.config.date_order())?;
            let applied = EventKind::Applied {
                url: self.url.clone(),
                source: None,
                note: None,
            };
            process.events.push(Event {
                id: None,
                at: at.timestamp(),
                kind: applied,
            });
        }
        let applied_on = process.events.first().map(|e| {
            followup_core::time::spell_date(process.local_date(e.at), process.local_date(e.at))
        });
        if !self.again
            && let Some(handle) = app.open_posting(&company, &role)?
        {
            return Err(UserError::new(
                format!("{company} — {role} is already tracked and open, as {handle}"),
                format!(
                    "followup show {handle} shows it; add --again to track a second process \
                     for the same role"
                ),
            )
            .into());
        }
        let details = process.details.clone();
        let change = Change {
            at: app.change_time()?,
            summary: format!("add {company} — {role}"),
            ops: vec![Op::AddProcess(process)],
        };
        let applied = app.store()?.apply(&change).map_err(db::store_error)?;
        let Some(outcome) = applied.processes.first() else {
            anyhow::bail!("the store reported no process added");
        };
        let mut out = anstream::stdout().lock();
        if self.json {
            let value = json!({
                "handle": outcome.handle,
                "id": outcome.id,
                "company": company,
                "role": role,
                "timezone": timezone_name,
                "url": details.url,
                "location": details.location,
                "salary": details.salary,
                "applied": applied_on,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        } else {
            writeln!(out, "{}", outcome.handle)?;
            writeln!(
                out,
                "Tracking {company} — {role} ({timezone_name}). Next: followup log {} interview --at \"yesterday 15:00\"",
                outcome.handle
            )?;
            let understood: Vec<String> = [
                details.url.as_ref().map(|u| format!("posting {u}")),
                details.location.as_ref().map(|l| format!("in {l}")),
                details.salary.as_ref().map(|s| format!("salary {s}")),
                applied_on.as_ref().map(|d| format!("applied {d}")),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !understood.is_empty() {
                writeln!(out, "Noted: {}.", understood.join("; "))?;
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

fn non_empty(field: &str, text: &str) -> Result<String, UserError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(UserError::new(
            format!("{field}: must not be empty"),
            "followup add Acme --role \"Backend Engineer\"",
        ));
    }
    Ok(trimmed.to_owned())
}

/// Reads `Ana Souza <ana@acme.example>`, `Ana Souza` or `ana@acme.example`.
pub(super) fn parse_contact(text: &str) -> Result<Contact, UserError> {
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
}
