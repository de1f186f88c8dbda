//! Reporting errors: [`UserError`]s (from `followup-app`) as one line and a hint, exit code 2.

use std::io::Write;
use std::process::ExitCode;

pub use followup_app::UserError;

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
            let _ = writeln!(stderr, "error: {}", user.message());
            let _ = writeln!(stderr, "hint: {}", user.hint());
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
