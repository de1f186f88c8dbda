//! Prints the JSON lines mail import would print with `--dry-run --json`, before the CLI is
//! wired: `cargo run -p followup-mail --example classify -- DIRECTORY.json PATH...`.
//! `DIRECTORY.json` is a [`followup_mail::Directory`] (see `tests/corpus/directory.json`);
//! the advice is not consulted, so sent mail is `other`. Warnings go to stderr.

use std::process::ExitCode;

use followup_mail::{Directory, Importer, Logged, SentKind, Sources};
use jiff::Timestamp;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(directory) = args.next() else {
        eprintln!("usage: classify DIRECTORY.json PATH...");
        return ExitCode::from(2);
    };
    let directory: Directory = match std::fs::read_to_string(&directory)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{directory}: {e}");
            return ExitCode::from(2);
        }
    };
    let no_advice = |_: &str, _: Timestamp, _: &[Logged]| -> Option<SentKind> { None };
    let mut importer = Importer::new(directory, no_advice);
    let mut read = 0;
    for item in Sources::new(args) {
        match item.and_then(|raw| importer.read(&raw)) {
            Ok(outcome) => {
                read += 1;
                println!("{}", outcome.line.to_json());
            }
            Err(warning) => eprintln!("warning: {warning}"),
        }
    }
    if read == 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
