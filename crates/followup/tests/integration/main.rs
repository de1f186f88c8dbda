//! CLI integration tests, built as one test binary.

// Test code may unwrap: a failure is a test failure with a backtrace.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod across;
mod advise;
mod browser;
mod calendar;
mod check;
mod completions;
mod config;
mod correcting;
mod dates;
mod draft;
mod everyday;
mod everyday_weeks;
mod fourweeks;
mod fourweeks_mail;
mod fuzz;
mod hardening;
mod mail;
mod newcomer;
mod recording;
mod scripted;
mod serve;
mod stats;
mod stored;
mod support;
mod tracker;
mod tracker_store;
