//! Scorecards: the engine that draws one up, its rows, the exceptions among them, and filtering, searching and sorting them.

pub mod detached_row;
pub mod engine;
pub mod exceptions;
pub mod filter;
