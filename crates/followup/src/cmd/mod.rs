//! One file per subcommand, each implementing [`Run`].

mod add;
mod advise;
mod check;
mod close;
mod completions;
mod draft;
mod export;
mod import;
mod list;
mod log;
mod man;
mod next;
mod reopen;
mod show;
mod undo;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// A subcommand: consumes its arguments and reports an exit code.
pub trait Run {
    /// Runs the command.
    fn run(self) -> anyhow::Result<ExitCode>;
}

/// Dispatches the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Advise(args) => args.run(),
        Command::Draft(args) => args.run(),
        Command::Check(args) => args.run(),
        Command::Completions(args) => args.run(),
        Command::Man(args) => args.run(),
        Command::Add(args) => args.run(),
        Command::Log(args) => args.run(),
        Command::Close(args) => args.run(),
        Command::Reopen(args) => args.run(),
        Command::Next(args) => args.run(),
        Command::List(args) => args.run(),
        Command::Show(args) => args.run(),
        Command::Export(args) => args.run(),
        Command::Import(args) => args.run(),
        Command::Undo(args) => args.run(),
    }
}
