//! One file per subcommand, each implementing [`Run`].

mod advise;

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
    }
}
