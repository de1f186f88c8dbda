//! What `followup export` writes, and the web app's downloads: every process as a JSON array
//! of process documents (lossless, with ids, what `import` reads back), or a flat CSV log
//! (date, company, role, contact, event, outcome) to prove a job search to an unemployment
//! office.

use followup_core::{EventKind, Process};

use crate::UserError;

/// The export: a JSON array of process documents, pretty-printed, with a final newline.
pub fn json(processes: &[Process]) -> Result<String, UserError> {
    let docs: Vec<_> = processes.iter().map(followup_core::to_document).collect();
    let mut text = serde_json::to_string_pretty(&docs).map_err(|err| {
        UserError::new(
            format!("cannot write the export: {err}"),
            "this is a bug in followup; please report it",
        )
    })?;
    text.push('\n');
    Ok(text)
}

/// The CSV log: one row per event, in each process's timeline order.
pub fn csv(processes: &[Process]) -> String {
    let mut out = String::from("date,company,role,contact,event,outcome\r\n");
    for process in processes {
        let contact = process
            .contacts
            .first()
            .map(|c| match &c.email {
                Some(email) => format!("{} <{email}>", c.name),
                None => c.name.clone(),
            })
            .unwrap_or_default();
        for event in &process.events {
            let local = event.at.to_zoned_datetime(process.timezone.clone());
            let date = local.strftime("%Y-%m-%d %H:%M").to_string();
            let (what, outcome) = match &event.kind {
                EventKind::Interview(i) => match &i.stage {
                    Some(stage) => (format!("interview ({stage})"), String::new()),
                    None => ("interview".to_owned(), String::new()),
                },
                EventKind::Promise { by, .. } => (format!("promise (by {by})"), String::new()),
                EventKind::Sent { kind, .. } => (format!("sent {kind}"), String::new()),
                EventKind::Reply { .. } => ("reply".to_owned(), String::new()),
                EventKind::ContextChange { reason, .. } => {
                    (format!("context change ({reason})"), String::new())
                }
                EventKind::Closed { outcome, .. } => ("closed".to_owned(), outcome.to_string()),
                EventKind::Reopened { .. } => ("reopened".to_owned(), String::new()),
                other => (other.type_name().to_owned(), String::new()),
            };
            let fields = [
                date.as_str(),
                process.company.as_str(),
                process.role.as_str(),
                contact.as_str(),
                what.as_str(),
                outcome.as_str(),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// Quotes a field per RFC 4180 when needed, and defuses text a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@` at the start) by prefixing an apostrophe.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("Acme"), "Acme");
        assert_eq!(csv_field("Acme, Inc."), "\"Acme, Inc.\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
    }
}
