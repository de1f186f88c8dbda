//! Standard output for the commands that print a line per process (`next`, `list`).
//!
//! Styling is decided by anstream for standard output (kept on a terminal that takes colour,
//! stripped otherwise, `NO_COLOR` and `CLICOLOR_FORCE` respected), and what anstream passes on
//! goes through a buffer, so thousands of lines cost a few system calls instead of one each.

use std::io::{BufWriter, Write};

use anstream::AutoStream;

/// Buffered, styled standard output; call `flush` at the end to see write errors.
pub fn stdout() -> AutoStream<Box<dyn Write>> {
    let choice = AutoStream::choice(&std::io::stdout());
    AutoStream::new(Box::new(BufWriter::new(std::io::stdout().lock())), choice)
}
