//! `followup man [COMMAND]`: the man page in roff, generated from the clap types.
//!
//! Without an argument it prints `followup(1)`, which lists the subcommands; with one it prints
//! that subcommand's page (`followup-advise(1)`) with all of its options.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use super::{Context, Run};
use crate::cli::{Cli, ManArgs};
use crate::error::UserError;

impl Run for ManArgs {
    fn run(self, _ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut root = Cli::command();
        root.build();
        let page = match &self.command {
            None => root,
            // Built from the root, a subcommand displays as `followup-advise`.
            Some(name) => root.find_subcommand(name).cloned().ok_or_else(|| {
                let known: Vec<&str> = root
                    .get_subcommands()
                    .map(clap::Command::get_name)
                    .filter(|n| *n != "help")
                    .collect();
                UserError::new(
                    format!("no command named {name:?}"),
                    format!("commands with a page: {}", known.join(", ")),
                )
            })?,
        };
        let mut roff = Vec::new();
        // Subcommands carry no version of their own: name the package on every page.
        clap_mangen::Man::new(page)
            .source(format!("followup {}", env!("CARGO_PKG_VERSION")))
            .render(&mut roff)?;
        let mut out = std::io::stdout().lock();
        out.write_all(&roff)?;
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}
