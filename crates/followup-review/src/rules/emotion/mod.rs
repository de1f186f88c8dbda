//! `emotion`: the sender's feelings the recruiter must manage, and shouting.

pub mod anxiety;
pub mod begging;
pub mod dream_job;
pub mod feeling;
pub mod gushing;
pub mod punctuation;
pub mod shouting;
