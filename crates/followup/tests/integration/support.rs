//! What every CLI test needs: the real `followup` binary, isolated from the machine it runs on
//! (no user configuration or database, UTC as the system zone, no colour), and its outcome.

use std::path::Path;

use assert_cmd::Command;

/// `followup` with `home` as its whole world: config and data directories live under it and
/// are empty unless a test writes there.
pub fn followup(home: &Path) -> Command {
    Command::from_std(isolated(home))
}

/// [`followup`] as a standard command, for a test that talks to it while it runs.
pub fn isolated(home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("followup"));
    cmd.env_remove("FOLLOWUP_CONFIG")
        .env_remove("FOLLOWUP_DB")
        .env("XDG_CONFIG_HOME", home.join("xdg"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("HOME", home)
        .env("NO_COLOR", "1")
        .env("TZ", "UTC");
    cmd
}

/// The outcome of one run.
pub struct Run {
    /// The exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Runs `cmd` to completion.
    pub fn of(cmd: &mut Command) -> Run {
        let output = cmd.output().unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }
}
