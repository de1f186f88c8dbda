//! User-facing errors: one line naming the problem, one line with a hint, exit code 2.

use std::io::Write;
use std::process::ExitCode;

/// Bad usage or input: the message names the field or line, the hint says what to do.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct UserError {
    message: String,
    hint: String,
}

impl UserError {
    /// A user error with a hint.
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        UserError {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> &str {
        &self.hint
    }
}

/// Exit code for bad usage or input.
pub const EXIT_USAGE: u8 = 2;

/// Prints `err` to stderr and returns the exit code: quiet on a closed pipe, 2 otherwise.
pub fn report(err: &anyhow::Error) -> ExitCode {
    if err.chain().any(is_broken_pipe) {
        return ExitCode::SUCCESS;
    }
    let mut stderr = std::io::stderr().lock();
    match err.downcast_ref::<UserError>() {
        Some(user) => {
            let _ = writeln!(stderr, "error: {}", user.message);
            let _ = writeln!(stderr, "hint: {}", user.hint);
        }
        None => {
            let causes: Vec<String> = err.chain().map(ToString::to_string).collect();
            let _ = writeln!(stderr, "error: {}", causes.join(": "));
        }
    }
    ExitCode::from(EXIT_USAGE)
}

fn is_broken_pipe(cause: &(dyn std::error::Error + 'static)) -> bool {
    cause
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
