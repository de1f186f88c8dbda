//! `followup completions SHELL`: the shell completion script, generated from the clap types.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use super::{Context, Run};
use crate::cli::{Cli, CompletionsArgs};

impl Run for CompletionsArgs {
    fn run(self, _ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut command = Cli::command();
        // Generated into memory first: clap_complete panics on a write error, and a closed
        // pipe (`followup completions bash | head`) must stay quiet instead.
        let mut script = Vec::new();
        clap_complete::generate(self.shell, &mut command, "followup", &mut script);
        let mut out = std::io::stdout().lock();
        out.write_all(&script)?;
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}
