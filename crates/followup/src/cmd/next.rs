//! `followup next`: today's agenda across open processes, each line ending with the command
//! to act. `--demo` runs on the built-in sample processes in a throwaway in-memory store.

use std::io::Write;
use std::process::ExitCode;

use followup_core::Action;
use followup_core::time::spell_date;
use followup_store::{Change, MemoryStore, Op, Store};
use owo_colors::OwoColorize;
use serde_json::json;

use super::Run;
use crate::cli::NextArgs;
use crate::clock::Clock;
use crate::config::Config;
use crate::tracker::agenda::{Advised, advise_all, agenda};
use crate::{input, tracker};

impl Run for NextArgs {
    fn run(self) -> anyhow::Result<ExitCode> {
        let config = Config::load_from_env()?;
        let clock = Clock::new(self.now.now.as_deref());
        let processes = if self.demo {
            let zone = config.zone_default();
            let now = clock.at(&zone.zone, &zone.name)?;
            let samples = followup_core::sample::demo_processes(now, &zone.zone, &zone.name);
            let mut store = MemoryStore::new(input::zones().clone());
            store
                .apply(&Change {
                    at: now,
                    summary: "demo".to_owned(),
                    ops: samples.into_iter().map(Op::AddProcess).collect(),
                })
                .map_err(tracker::store_error)?;
            store.processes()
        } else {
            tracker::open(&self.db)?.processes()
        }
        .map_err(tracker::store_error)?;
        let tracked = processes.len();
        // Never freed: the program ends right after printing, and freeing 10,000 processes
        // event by event would cost more than everything else after loading.
        let items = std::mem::ManuallyDrop::new(agenda(advise_all(processes, &config, &clock)?));

        // Buffered: thousands of lines would otherwise each cost a write.
        let mut out = std::io::BufWriter::new(anstream::stdout().lock());
        if self.json {
            let value: Vec<_> = items
                .iter()
                .map(|item| {
                    json!({
                        "handle": item.handle(),
                        "company": item.process.company,
                        "role": item.process.role,
                        "advice": item.advice,
                        "command": item.command(),
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        if tracked == 0 {
            writeln!(
                out,
                "Nothing tracked yet. Start with: followup add ACME --role \"Backend Engineer\""
            )?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        if items.is_empty() {
            writeln!(
                out,
                "Nothing to do today across {tracked} tracked processes (followup list --all shows them)."
            )?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        let width = items.iter().map(|i| i.handle().len()).max().unwrap_or(0);
        let mut section = None;
        for item in items.iter() {
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
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}

/// `  acme-backend  Follow up, due since Monday 11 May — Acme, Backend Engineer  → followup draft acme-backend`
fn write_line(out: &mut impl Write, item: &Advised, width: usize) -> std::io::Result<()> {
    let advice = &item.advice;
    let spell = |d| spell_date(d, advice.today);
    let what = match advice.action {
        Action::Act { step, due } if due == advice.today => {
            format!("{}, due today", step_label(step))
        }
        Action::Act { step, due } => format!("{}, due since {}", step_label(step), spell(due)),
        Action::Wait { until, then } => {
            format!(
                "wait until {}, then {}",
                spell(until),
                step_label(then).to_lowercase()
            )
        }
        Action::MoveOn => "move on: no more messages".to_owned(),
        Action::Nothing => "nothing to do".to_owned(),
    };
    writeln!(
        out,
        "  {:<width$}  {what} — {}, {}  {}",
        item.handle(),
        item.process.company,
        item.process.role,
        format!("→ {}", item.command()).cyan(),
    )
}

fn step_label(step: followup_core::Step) -> &'static str {
    match step {
        followup_core::Step::ThankYou => "Send a thank-you",
        followup_core::Step::FollowUp => "Follow up",
        followup_core::Step::FinalFollowUp => "Final follow-up",
        followup_core::Step::AlignDecision => "Align the decision",
    }
}
