//! `followup advise`: what to do now for one process (or the built-in demo processes).

use std::io::Write;
use std::process::ExitCode;

use followup_core::{Action, Advice, Process, Step, TimezoneSource};
use owo_colors::OwoColorize;
use serde_json::json;

use followup_app::input;

use super::{Context, Run};
use crate::cli::AdviseArgs;

impl Run for AdviseArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let app = ctx.app(self.now.now.as_deref())?;
        let default_zone = app.config.zone_default();
        let mut out = anstream::stdout().lock();

        if self.demo {
            let now = app.clock.at(&default_zone.zone, &default_zone.name)?;
            let processes =
                followup_core::sample::demo_processes(now, &default_zone.zone, &default_zone.name);
            let advised: Vec<(Process, Advice)> = processes
                .into_iter()
                .map(|mut p| {
                    let advice = app.advise(&mut p, now);
                    (p, advice)
                })
                .collect();
            if self.json {
                let items: Vec<_> = advised
                    .iter()
                    .map(|(p, a)| json!({"handle": p.handle, "company": p.company, "role": p.role, "advice": a}))
                    .collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
            } else {
                for (i, (process, advice)) in advised.iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    let next = format!(
                        "followup draft {}",
                        process.handle.as_deref().unwrap_or("FILE")
                    );
                    write_human(&mut out, process, advice, &next)?;
                }
            }
            return Ok(ExitCode::SUCCESS);
        }

        let source = self.file.as_deref().unwrap_or("-");
        let mut process = input::load_process(source, &default_zone)?;
        let now = app.now_for(&process)?;
        let advice = app.advise(&mut process, now);
        if self.json {
            writeln!(out, "{}", serde_json::to_string_pretty(&advice)?)?;
        } else {
            write_human(
                &mut out,
                &process,
                &advice,
                &format!("followup draft {source}"),
            )?;
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The human form of one advice: a title, the advice opening with whose move it is, and the
/// command for the next step.
pub fn write_human(
    out: &mut impl Write,
    process: &Process,
    advice: &Advice,
    draft_command: &str,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        format!("{} — {}", process.company, process.role).bold()
    )?;
    let summary = advice.summary();
    match advice.action {
        Action::Act { .. } => writeln!(out, "{}", summary.green())?,
        Action::MoveOn => writeln!(out, "{}", summary.yellow())?,
        Action::Wait { .. } | Action::UpcomingInterview { .. } | Action::Nothing => {
            writeln!(out, "{summary}")?
        }
    }
    // `draft` has no templates for answers and withdrawals yet.
    if let Action::Act { step, .. } = advice.action
        && !matches!(step, Step::Respond(_) | Step::RespondOffer | Step::Withdraw)
    {
        writeln!(out, "Next: {}", draft_command.cyan())?;
    }
    if advice.timezone_source != TimezoneSource::Document {
        let source = match advice.timezone_source {
            TimezoneSource::Config => "your configured zone",
            _ => "your system zone",
        };
        writeln!(
            out,
            "{}",
            format!("(dates read in {}, {source})", advice.timezone).dimmed()
        )?;
    }
    Ok(())
}
