//! One file per subcommand, each implementing [`Run`].

mod add;
mod advise;
mod calendar;
mod check;
mod close;
mod completions;
mod contact;
mod correct;
mod draft;
mod export;
mod import;
mod list;
mod log;
mod mail;
mod man;
mod next;
mod reopen;
mod serve;
mod show;
mod stats;
mod undo;

use std::process::ExitCode;

use followup_app::{App, Options, UserError};

use crate::cli::{Cli, Command, DbArg};

/// What every command may need besides its own arguments: the global options.
#[derive(Debug)]
pub struct Context {
    /// `--db` / `FOLLOWUP_DB`: the tracker database.
    pub db: DbArg,
}

impl Context {
    /// The command's [`App`]: the configuration, the clock (`--now`, given as `now`) and the
    /// database named by `--db`.
    pub fn app(&self, now: Option<&str>) -> Result<App, UserError> {
        App::new(self.options(now))
    }

    /// The options an [`App`] is built from.
    pub fn options(&self, now: Option<&str>) -> Options {
        Options {
            now: now.map(str::to_owned),
            db: self.db.db.clone(),
        }
    }
}

/// A subcommand: consumes its arguments and reports an exit code.
pub trait Run {
    /// Runs the command.
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode>;
}

/// Dispatches the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let ctx = Context { db: cli.db };
    match cli.command {
        Command::Advise(args) => args.run(&ctx),
        Command::Draft(args) => args.run(&ctx),
        Command::Check(args) => args.run(&ctx),
        Command::Completions(args) => args.run(&ctx),
        Command::Man(args) => args.run(&ctx),
        Command::Add(args) => args.run(&ctx),
        Command::Log(args) => args.run(&ctx),
        Command::Close(args) => args.run(&ctx),
        Command::Reopen(args) => args.run(&ctx),
        Command::Next(args) => args.run(&ctx),
        Command::List(args) => args.run(&ctx),
        Command::Show(args) => args.run(&ctx),
        Command::Export(args) => args.run(&ctx),
        Command::Import(args) => args.run(&ctx),
        Command::Undo(args) => args.run(&ctx),
        Command::Mail(args) => args.run(&ctx),
        Command::Redo(args) => args.run(&ctx),
        Command::Edit(args) => (*args).run(&ctx),
        Command::Rm(args) => args.run(&ctx),
        Command::Contact(args) => args.run(&ctx),
        Command::Note(args) => args.run(&ctx),
        Command::Purge(args) => args.run(&ctx),
        Command::Serve(args) => args.run(&ctx),
        Command::Calendar(args) => args.run(&ctx),
        Command::Stats(args) => args.run(&ctx),
    }
}
