//! `timing` (with `--process`): writing inside the promised timeline, too soon after the last
//! message, or a thank-you after its window.

pub mod thank_you_late;
pub mod too_early;
