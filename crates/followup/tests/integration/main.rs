//! CLI integration tests, built as one test binary.

mod advise;
