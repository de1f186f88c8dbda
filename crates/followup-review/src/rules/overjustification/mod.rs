//! `overjustification`: apologising for writing and explaining why, one warning each.

pub mod apology;
pub mod busy;
pub mod pushy;
pub mod reason;
pub mod spam;
