//! `no-question`: a follow-up, final or align message that asks nothing concrete.

pub mod missing;
