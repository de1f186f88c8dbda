//! `self-promotion`: repeating the resume, "perfect fit", re-attaching the CV.

pub mod achievement;
pub mod attachment;
pub mod best_candidate;
pub mod motivation;
pub mod resend;
pub mod resume;
