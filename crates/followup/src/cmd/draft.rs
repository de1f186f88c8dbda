//! `followup draft`: the message the advice asks for (or the kind forced with `--kind`),
//! printed for people or as `{"kind", "subject", "body", "to", "mailto"}`.
//!
//! Exit codes: 0 a draft was written (with a warning on stderr when `--kind` goes against
//! the advice); 3 nothing to draft, with the advice on stdout exactly as `advise` prints it
//! (and why on stderr when a forced kind was refused); 2 bad usage or input.

use std::io::Write;
use std::process::ExitCode;

use followup_core::draft::{Draft, DraftError, DraftRequest, Templates, Tone, compose};
use followup_core::{Advice, MessageKind, Process, TimezoneSource, advise};

use super::advise::write_human;
use super::{Context, Run};
use crate::cli::{DraftArgs, DraftTone};
use crate::clock::Clock;
use crate::config::Config;
use crate::error::UserError;
use crate::tracker;

/// Exit code when there is nothing to draft: the advice is printed instead.
pub const EXIT_NOTHING_TO_DRAFT: u8 = 3;

impl Run for DraftArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let clock = Clock::new(self.now.now.as_deref());
        let config = Config::load_from_env()?;
        let templates = Templates::english().map_err(|err| {
            UserError::new(
                format!("the built-in templates do not load: {err}"),
                "this is a bug in followup; please report it",
            )
        })?;
        let mut process = tracker::load_process_arg(&self.file, &ctx.db, &config)?;
        config.apply_holidays(&mut process);
        let now = clock.at(&process.timezone, &process.timezone_name)?;
        let advice = advise(&process, config.policy(), now);

        let request = DraftRequest {
            kind: self.kind.map(MessageKind::from),
            tone: tone(self.tone),
            variant: self.variant,
            topic: self.topic.clone(),
            // A hook for later sources of the name (a per-process sender, say) goes here.
            from: self
                .from
                .clone()
                .or_else(|| config.name().map(str::to_owned)),
        };
        match compose(&process, &advice, &request, templates, now) {
            Ok(draft) => {
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
                "--kind takes thank-you, follow-up, final or align",
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

/// The draft for people: recipients, subject, a blank line, the body.
fn write_draft(out: &mut impl Write, draft: &Draft) -> std::io::Result<()> {
    if !draft.to.is_empty() {
        writeln!(out, "To: {}", draft.to.join(", "))?;
    }
    writeln!(out, "Subject: {}", draft.subject)?;
    writeln!(out)?;
    writeln!(out, "{}", draft.body)
}

fn tone(tone: DraftTone) -> Tone {
    match tone {
        DraftTone::Formal => Tone::Formal,
        DraftTone::Neutral => Tone::Neutral,
        DraftTone::Warm => Tone::Warm,
    }
}
