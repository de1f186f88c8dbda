//! `followup list [--all]`: one line per process (company, role, stage, last contact, advice).

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use followup_app::Advised;
use followup_app::overview::{last_contact, stage};
use followup_core::process::limits::escape_line;
use jiff::civil::Date;
use serde_json::json;

use super::{Context, Run};
use crate::cli::ListArgs;

impl Run for ListArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let shown: Vec<(Row, Advised)> = app
            .advise_all()?
            .into_iter()
            .filter(|item| self.all || !item.is_closed())
            .map(|item| (Row::of(&item), item))
            .collect();
        let rows: Vec<&Row> = shown.iter().map(|(row, _)| row).collect();
        let mut out = crate::output::stdout();
        if self.json {
            let value: Vec<_> = rows
                .iter()
                .zip(shown.iter().map(|(_, item)| item))
                .map(|(row, item)| {
                    json!({
                        "handle": row.handle,
                        "company": item.process.company,
                        "role": item.process.role,
                        "stage": row.stage,
                        "last_contact": row.last_contact_date.map(|d| d.to_string()),
                        "advice": item.advice,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        if rows.is_empty() {
            let hint = if self.all {
                "Nothing tracked yet. Start with: followup add ACME --role \"Backend Engineer\""
            } else {
                "No open processes (followup list --all includes closed ones)."
            };
            writeln!(out, "{hint}")?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        let header = Row {
            handle: "HANDLE".to_owned(),
            company_role: "COMPANY — ROLE".to_owned(),
            stage: "STAGE".to_owned(),
            last_contact: "LAST CONTACT".to_owned(),
            last_contact_date: None,
            advice: "ADVICE".to_owned(),
        };
        let all: Vec<&Row> = std::iter::once(&header)
            .chain(rows.iter().copied())
            .collect();
        let w = |f: fn(&Row) -> &str| all.iter().map(|r| f(r).chars().count()).max().unwrap_or(0);
        let (wh, wc, ws, wl) = (
            w(|r| &r.handle),
            w(|r| &r.company_role),
            w(|r| &r.stage),
            w(|r| &r.last_contact),
        );
        for row in all {
            writeln!(
                out,
                "{}  {}  {}  {}  {}",
                // `{:<width$}` would panic past 65,535: stored handles are not all short.
                Padded(&row.handle, wh),
                Padded(&row.company_role, wc),
                Padded(&row.stage, ws),
                Padded(&row.last_contact, wl),
                row.advice
            )?;
        }
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}

/// One line of the table.
struct Row {
    handle: String,
    company_role: String,
    stage: String,
    last_contact: String,
    last_contact_date: Option<Date>,
    advice: String,
}

impl Row {
    fn of(item: &Advised) -> Row {
        let process = &item.process;
        let today = item.advice.today;
        let last_contact_date = last_contact(process, today);
        // Worded as `next` words it, with the table's short dates.
        let advice = super::next::action_words(&item.advice, |d| short(d, today));
        // Stored text is shown escaped: a newline or an escape sequence cannot break the table.
        Row {
            handle: escape_line(item.handle()).into_owned(),
            company_role: format!(
                "{} — {}",
                escape_line(&process.company),
                escape_line(&process.role)
            ),
            stage: escape_line(&stage(process, today)).into_owned(),
            last_contact: last_contact_date
                .map(|d| short(d, today))
                .unwrap_or_else(|| "—".to_owned()),
            last_contact_date,
            advice,
        }
    }
}

/// "Mon 11 May", with the year when it is not this year.
fn short(date: Date, today: Date) -> String {
    if date.year() == today.year() {
        date.strftime("%a %-d %b").to_string()
    } else {
        date.strftime("%a %-d %b %Y").to_string()
    }
}

/// `text` followed by spaces up to `width` characters.
struct Padded<'a>(&'a str, usize);

impl std::fmt::Display for Padded<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Padded(text, width) = *self;
        f.write_str(text)?;
        for _ in text.chars().count()..width {
            f.write_char(' ')?;
        }
        Ok(())
    }
}
