//! `volume` (with `--process`): one message too many.

pub mod third_message;
