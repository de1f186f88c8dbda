//! Router tests without a socket: every request goes through `app(..).oneshot(req)`, over a
//! backend holding real processes in the in-memory store, advised by the real advisor.

// Test code may unwrap: a failure is a test failure with a backtrace.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod compose;
mod data;
mod feed;
mod forms;
mod hostile;
mod labels;
mod pages;
mod security;
mod stats;
mod support;
