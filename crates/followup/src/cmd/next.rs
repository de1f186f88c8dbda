//! `followup next`: today's agenda across open processes, each line ending with the command
//! to act. `--demo` runs on the built-in sample processes in a throwaway store in memory.

use std::io::Write;
use std::process::ExitCode;

use followup_app::{Advised, App};
use followup_core::process::limits::escape_line;
use followup_core::time::spell_date;
use followup_core::{Action, Rule};
use jiff::civil::Date;
use owo_colors::OwoColorize;
use serde::Serialize;

use super::{Context, Run};
use crate::cli::NextArgs;

impl Run for NextArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let now = self.now.now.as_deref();
        let mut app = if self.demo {
            App::demo(ctx.options(now))?
        } else {
            ctx.app(now)?
        };
        let agenda = app.agenda()?;
        let mut out = crate::output::stdout();
        if self.json {
            let value: Vec<JsonItem<'_>> = agenda
                .items
                .iter()
                .map(|item| {
                    Ok(JsonItem {
                        advice: serde_json::to_value(&item.advice)?,
                        command: command(item),
                        company: &item.process.company,
                        handle: item.handle(),
                        role: &item.process.role,
                    })
                })
                .collect::<Result<_, serde_json::Error>>()?;
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
        } else if agenda.tracked == 0 {
            writeln!(
                out,
                "Nothing tracked yet. Start with: followup add ACME --role \"Backend Engineer\""
            )?;
        } else if agenda.items.is_empty() {
            writeln!(
                out,
                "Nothing to do today across {} tracked processes (followup list --all shows them).",
                agenda.tracked
            )?;
        } else {
            let width = agenda
                .items
                .iter()
                .map(|i| i.handle().len())
                .max()
                .unwrap_or(0);
            for (i, (section, items)) in agenda.sections().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "{}", section.title().bold())?;
                for item in items {
                    write_line(&mut out, item, width)?;
                }
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
        }
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The command that acts on the advice: `followup draft acme-backend`.
fn command(item: &Advised) -> String {
    let handle = item.handle();
    match item.advice.action {
        Action::Act { .. } => format!("followup draft {handle}"),
        Action::Wait { .. } | Action::UpcomingInterview { .. } | Action::Nothing => {
            format!("followup show {handle}")
        }
        Action::MoveOn => format!("followup close {handle} no-answer"),
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
    // Padded by hand: `{:<width$}` panics past 65,535, and stored handles are not all short.
    let handle = escape_line(item.handle());
    let pad = width.saturating_sub(handle.chars().count());
    write!(
        out,
        "  {handle}{:pad$}  ",
        "",
        pad = pad.min(u16::MAX as usize)
    )?;
    write!(out, "{}", action_words(advice, spell))?;
    writeln!(
        out,
        " — {}, {}  {}",
        escape_line(&item.process.company),
        escape_line(&item.process.role),
        format!("→ {}", command(item)).cyan(),
    )
}

/// What the advice asks, in words ("Follow up, due since Monday 11 May", "wait until …, then
/// final follow-up", "waiting for an answer to your application"), dates spelled by `spell`:
/// `next` and `list` word it alike.
pub fn action_words(advice: &followup_core::Advice, spell: impl Fn(Date) -> String) -> String {
    match advice.action {
        Action::Act { step, due, .. } if due == advice.today => {
            format!("{}, due today", step_label(step))
        }
        Action::Act { step, due, .. } => format!("{}, due since {}", step_label(step), spell(due)),
        Action::Wait { until, then } => format!(
            "wait until {}, then {}",
            spell(until),
            then.step().map_or("move on", step_label).to_lowercase()
        ),
        Action::UpcomingInterview { at } => format!(
            "interview on {} at {}",
            spell(at.date()),
            at.strftime("%H:%M")
        ),
        Action::MoveOn => "move on: no more messages".to_owned(),
        Action::Nothing if advice.rule == Rule::AppliedWaiting => {
            "waiting for an answer to your application".to_owned()
        }
        Action::Nothing => "nothing to do".to_owned(),
    }
}

fn step_label(step: followup_core::Step) -> &'static str {
    match step {
        followup_core::Step::ThankYou => "Send a thank-you",
        followup_core::Step::FollowUp => "Follow up",
        followup_core::Step::FinalFollowUp => "Final follow-up",
        followup_core::Step::AlignDecision => "Align the decision",
        followup_core::Step::Respond(_) => "Answer them",
        followup_core::Step::RespondOffer => "Answer their offer",
        followup_core::Step::Withdraw => "Withdraw",
    }
}
