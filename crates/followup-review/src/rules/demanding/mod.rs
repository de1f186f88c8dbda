//! `demanding`: impatience, accusation, guilt and threats.

pub mod accusation;
pub mod deadline;
pub mod elapsed;
pub mod guilt;
pub mod imposed_deadline;
pub mod promised;
pub mod reproach;
pub mod silence;
pub mod threat;
