//! `followup next`: today's agenda across open processes, each line ending with the command
//! to act. `--demo` runs on the built-in sample processes in a throwaway in-memory store.

use std::io::Write;
use std::process::ExitCode;

use followup_core::Action;
use followup_core::time::spell_date;
use followup_store::{Change, Op, SqliteStore, Store};
use owo_colors::OwoColorize;
use serde::Serialize;

use super::{Context, Run};
use crate::cli::NextArgs;
use crate::clock::Clock;
use crate::config::Config;
use crate::tracker::agenda::{Advised, Page, advise_stored, agenda};
use crate::{input, tracker};

impl Run for NextArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let config = Config::load_from_env()?;
        let clock = Clock::new(self.now.now.as_deref());
        // Everything is advised; only what needs attention is kept, without its timeline.
        let mut tracked = 0usize;
        let keep = |item: Advised| {
            tracked += 1;
            let due = !matches!(item.advice.action, Action::Nothing);
            due.then(|| item.without_events())
        };
        let advised = if self.demo {
            let zone = config.zone_default();
            let now = clock.at(&zone.zone, &zone.name)?;
            let samples = followup_core::sample::demo_processes(now, &zone.zone, &zone.name);
            let mut store =
                SqliteStore::in_memory(input::zones().clone()).map_err(tracker::store_error)?;
            store
                .apply(&Change {
                    at: now,
                    summary: "demo".to_owned(),
                    ops: samples.into_iter().map(Op::AddProcess).collect(),
                })
                .map_err(tracker::store_error)?;
            advise_stored(&store, &config, &clock, keep)?
        } else {
            advise_stored(&tracker::open(&ctx.db)?, &config, &clock, keep)?
        };
        // Never freed: the program ends right after printing, and freeing thousands of
        // processes one by one would only delay the exit.
        let advised = std::mem::ManuallyDrop::new(advised);
        let items = agenda(&advised);

        // The whole output is built in memory and written at once.
        let mut out = Page::for_stdout();
        if self.json {
            let value: Vec<JsonItem<'_>> = items
                .iter()
                .map(|item| {
                    Ok(JsonItem {
                        advice: serde_json::to_value(&item.advice)?,
                        command: item.command(),
                        company: &item.process.company,
                        handle: item.handle(),
                        role: &item.process.role,
                    })
                })
                .collect::<Result<_, serde_json::Error>>()?;
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
            out.print()?;
            return Ok(ExitCode::SUCCESS);
        }
        if tracked == 0 {
            writeln!(
                out,
                "Nothing tracked yet. Start with: followup add ACME --role \"Backend Engineer\""
            )?;
            out.print()?;
            return Ok(ExitCode::SUCCESS);
        }
        if items.is_empty() {
            writeln!(
                out,
                "Nothing to do today across {tracked} tracked processes (followup list --all shows them)."
            )?;
            out.print()?;
            return Ok(ExitCode::SUCCESS);
        }
        let width = items.iter().map(|i| i.handle().len()).max().unwrap_or(0);
        let mut section = None;
        for item in &items {
            let title = match item.advice.action {
                Action::Act { .. } => "Act now",
                Action::Wait { .. } => "Waiting",
                _ => "Move on",
            };
            if section != Some(title) {
                if section.is_some() {
                    writeln!(out)?;
                }
                writeln!(out, "{}", title.bold())?;
                section = Some(title);
            }
            write_line(&mut out, item, width)?;
        }
        if self.demo {
            // The demo's commands name processes that exist only in the throwaway store.
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                "These are sample processes, dated from today and never saved. Track your own \
                 with: followup add COMPANY --role ROLE"
                    .dimmed()
            )?;
        }
        out.print()?;
        Ok(ExitCode::SUCCESS)
    }
}

/// One item of `next --json`. The keys are in alphabetical order, as the output has always had
/// them (it was first built from `serde_json::Value` maps, which sort their keys); `advice` is
/// such a map for the same reason.
#[derive(Serialize)]
struct JsonItem<'a> {
    advice: serde_json::Value,
    command: String,
    company: &'a str,
    handle: &'a str,
    role: &'a str,
}

/// `  acme-backend  Follow up, due since Monday 11 May — Acme, Backend Engineer  → followup draft acme-backend`
fn write_line(out: &mut impl Write, item: &Advised, width: usize) -> std::io::Result<()> {
    let advice = &item.advice;
    let spell = |d| spell_date(d, advice.today);
    write!(out, "  {:<width$}  ", item.handle())?;
    match advice.action {
        Action::Act { step, due } if due == advice.today => {
            write!(out, "{}, due today", step_label(step))?
        }
        Action::Act { step, due } => write!(out, "{}, due since {}", step_label(step), spell(due))?,
        Action::Wait { until, then } => write!(
            out,
            "wait until {}, then {}",
            spell(until),
            step_label(then).to_lowercase()
        )?,
        Action::MoveOn => write!(out, "move on: no more messages")?,
        Action::Nothing => write!(out, "nothing to do")?,
    }
    writeln!(
        out,
        " — {}, {}  {}",
        item.process.company,
        item.process.role,
        Arrow(item).cyan(),
    )
}

/// `→ followup draft acme-backend`, written without intermediate strings.
struct Arrow<'a>(&'a Advised);

impl std::fmt::Display for Arrow<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "→ {}", self.0.command_display())
    }
}

fn step_label(step: followup_core::Step) -> &'static str {
    match step {
        followup_core::Step::ThankYou => "Send a thank-you",
        followup_core::Step::FollowUp => "Follow up",
        followup_core::Step::FinalFollowUp => "Final follow-up",
        followup_core::Step::AlignDecision => "Align the decision",
    }
}
