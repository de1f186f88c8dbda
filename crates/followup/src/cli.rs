//! The command-line interface as clap types, and nothing else: commands live in [`crate::cmd`].

use clap::{Args, Parser, Subcommand};

/// Coaches you through the weeks after an interview: when to wait, when to follow up, what to
/// write, and when to move on.
#[derive(Debug, Parser)]
#[command(name = "followup", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Say what to do now for a hiring process: wait, thank, follow up, align, or move on.
    Advise(AdviseArgs),
}

/// `--now`, shared by every time-dependent command.
#[derive(Debug, Clone, Args)]
pub struct NowArg {
    /// The moment to advise for: 2026-05-11 (09:00 local), 2026-05-11T14:00 (local) or RFC 3339.
    /// Defaults to the clock.
    #[arg(long, value_name = "WHEN")]
    pub now: Option<String>,
}

/// Arguments of `followup advise`.
#[derive(Debug, Args)]
pub struct AdviseArgs {
    /// The process document (JSON), or - for standard input.
    #[arg(value_name = "FILE", required_unless_present = "demo")]
    pub file: Option<String>,
    /// Advise on built-in sample processes dated relative to today.
    #[arg(long, conflicts_with = "file")]
    pub demo: bool,
    /// Print one JSON object (an array with --demo) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}
