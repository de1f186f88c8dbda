//! `followup draft`: the message the advice asks for (or the kind forced with `--kind`),
//! printed for people or as `{"kind", "subject", "body", "to", "mailto"}`.
//!
//! Exit codes: 0 a draft was written (with a warning on stderr when `--kind` goes against
//! the advice); 3 nothing to draft, with the advice on stdout exactly as `advise` prints it
//! (and why on stderr when a forced kind was refused); 2 bad usage or input.

use std::io::Write;
use std::process::ExitCode;

use followup_core::draft::{Draft, DraftError, DraftRequest, Tone, compose};
use followup_core::{Advice, EventKind, MessageKind, Process, TimezoneSource};

use super::advise::write_human;
use followup_app::templates::LoadedTemplates;
use followup_app::{App, Recorded};

use super::{Context, Run};
use crate::cli::{DraftArgs, DraftTone};
use crate::describe;
use crate::error::UserError;

/// Exit code when there is nothing to draft: the advice is printed instead.
pub const EXIT_NOTHING_TO_DRAFT: u8 = 3;

impl Run for DraftArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let templates = LoadedTemplates::of(&app.config)?;
        let templates = templates.get();
        if self.log && (self.file == "-" || std::path::Path::new(&self.file).is_file()) {
            // Only a tracked process can record what was sent.
            return Err(UserError::new(
                format!(
                    "--log records the draft in the tracker, and {} is a file",
                    self.file
                ),
                "name a tracked process by its handle (see followup list), or drop --log",
            )
            .into());
        }
        // A tracked process is drafted with what the others bring to it: an offer elsewhere is
        // the align's real change (the change names no company, so the draft cannot).
        let (advised, now) = app.load_advised(&self.file)?;
        let followup_app::Advised {
            mut process,
            advice,
            outside,
        } = advised;
        outside.add_to(&mut process);

        let request = DraftRequest {
            kind: self.kind.map(MessageKind::from),
            tone: tone(self.tone),
            variant: self.variant,
            topic: self.topic.clone(),
            // A hook for later sources of the name (a per-process sender, say) goes here.
            from: self
                .from
                .clone()
                .or_else(|| app.config.name().map(str::to_owned)),
        };
        match compose(&process, &advice, &request, templates, now) {
            Ok(draft) => {
                let logged = if self.log {
                    Some(log_sent(&mut app, &self.file, &draft, now)?)
                } else {
                    None
                };
                let mut err = anstream::stderr().lock();
                if let Some(warning) = &draft.warning {
                    writeln!(err, "warning: {warning}")?;
                }
                if process.timezone_source != TimezoneSource::Document {
                    // "By Friday" depends on the zone: say which one was used.
                    let source = match process.timezone_source {
                        TimezoneSource::Config => "your configured zone",
                        _ => "your system zone",
                    };
                    writeln!(
                        err,
                        "note: dates read in {} ({source})",
                        process.timezone_name
                    )?;
                }
                let signed = request
                    .from
                    .as_deref()
                    .is_some_and(|n| !n.trim().is_empty());
                if !signed {
                    // Once per run: a run drafts one message.
                    let file = app
                        .config
                        .file_for_people()
                        .unwrap_or_else(|| "~/.config/followup/config.toml".to_owned());
                    writeln!(err, "hint: set name = \"…\" in {file} to sign your drafts")?;
                }
                if let Some(recorded) = &logged {
                    let today = recorded.process.local_date(now);
                    for event in &recorded.events {
                        writeln!(
                            err,
                            "Logged: {}",
                            describe::event_line(event, &recorded.process, today)
                        )?;
                    }
                    writeln!(err, "Now: {}", recorded.advice.headline())?;
                }
                drop(err);
                let mut out = anstream::stdout().lock();
                if self.json {
                    writeln!(out, "{}", serde_json::to_string_pretty(&draft)?)?;
                } else {
                    write_draft(&mut out, &draft)?;
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(err) if err.is_refusal() => {
                let mut stderr = anstream::stderr().lock();
                match &err {
                    DraftError::NothingToDraft => writeln!(
                        stderr,
                        "nothing to draft now (--kind drafts one anyway, with a warning)"
                    )?,
                    other => writeln!(stderr, "refused: {other}")?,
                }
                drop(stderr);
                self.print_advice(&process, &advice)?;
                Ok(ExitCode::from(EXIT_NOTHING_TO_DRAFT))
            }
            Err(err @ DraftError::VariantOutOfRange { count, .. }) => Err(UserError::new(
                format!("--variant: {err}"),
                format!("pick --variant between 1 and {count}"),
            )
            .into()),
            Err(err) => Err(UserError::new(
                err.to_string(),
                "--kind takes thank-you, follow-up, final, align or withdraw",
            )
            .into()),
        }
    }
}

impl DraftArgs {
    /// Prints the advice as `advise` does, human or JSON.
    fn print_advice(&self, process: &Process, advice: &Advice) -> anyhow::Result<()> {
        let mut out = anstream::stdout().lock();
        if self.json {
            writeln!(out, "{}", serde_json::to_string_pretty(advice)?)?;
        } else {
            write_human(
                &mut out,
                process,
                advice,
                &format!("followup draft {}", self.file),
            )?;
        }
        Ok(())
    }
}

/// The draft for people: recipients, subject, a blank line, the body — the message file form
/// that `log sent --file` and `check` read back.
fn write_draft(out: &mut impl Write, draft: &Draft) -> std::io::Result<()> {
    let text = followup_core::message_file::render(&draft.to, &draft.subject, &draft.body);
    write!(out, "{text}")
}

/// `--log`: records the draft as sent now, as it stands (kind, subject, body, recipients);
/// a withdrawal also closes the process, as `log sent withdraw` does.
fn log_sent(
    app: &mut App,
    handle: &str,
    draft: &Draft,
    now: jiff::Timestamp,
) -> Result<Recorded, UserError> {
    let sent = EventKind::Sent {
        kind: draft.kind,
        subject: Some(draft.subject.clone()),
        body: Some(draft.body.clone()),
        to: draft.to.clone(),
        message_id: None,
    };
    let summary = format!("draft {handle} --log ({})", draft.kind);
    app.record(
        handle,
        summary,
        followup_app::logging::sent_events(now, sent),
        now,
    )
}

fn tone(tone: DraftTone) -> Tone {
    match tone {
        DraftTone::Formal => Tone::Formal,
        DraftTone::Neutral => Tone::Neutral,
        DraftTone::Warm => Tone::Warm,
    }
}
