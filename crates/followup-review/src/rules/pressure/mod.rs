//! `pressure`: outside offers and ultimatums. Leverage is an error; a calm mention of another
//! offer is an info reminder that it must be real, and an error when the process records no
//! real change.

pub mod leverage;
pub mod other_offer;
pub mod ultimatum;
pub mod unrecorded_change;
