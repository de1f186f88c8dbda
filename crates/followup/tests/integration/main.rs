//! CLI integration tests, built as one test binary.

mod advise;
mod tracker;
mod tracker_store;
mod completions;
mod config;
mod draft;
