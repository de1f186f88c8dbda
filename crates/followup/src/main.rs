//! The `followup` command: coaches a job seeker through the weeks after an interview.
//!
//! Parsing and dispatch live in [`cli`] and [`cmd`]; this file only maps the outcome to an
//! exit code.

mod cli;
mod clock;
mod cmd;
mod config;
mod error;
mod input;
mod logs;
mod tracker;

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
