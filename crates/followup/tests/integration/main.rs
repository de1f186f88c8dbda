//! CLI integration tests, built as one test binary.

// Test code may unwrap: a failure is a test failure with a backtrace.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod advise;
mod browser;
mod check;
mod completions;

mod config;
mod correcting;
mod dates;
mod draft;
mod hardening;
mod recording;
mod serve;
mod stored;
mod support;
mod tracker;
mod tracker_store;
