//! The `followup` command: coaches a job seeker through the weeks after an interview.
//!
//! Parsing and dispatch live in [`cli`] and [`cmd`]; each command builds a `followup_app::App`,
//! calls it and prints. This file only maps the outcome to an exit code.

mod cli;
mod cmd;
mod describe;
mod error;
mod logs;
mod output;
mod replace;
mod said;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    logs::init();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => error::report(&err),
    }
}
