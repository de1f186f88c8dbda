//! `demanding`: impatience, accusation, guilt and threats.

pub mod accusation;
pub mod deadline;
pub mod guilt;
pub mod promised;
pub mod silence;
pub mod threat;
pub mod elapsed;
pub mod imposed_deadline;
pub mod reproach;
