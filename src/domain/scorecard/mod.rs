//! Scorecards: the engine that draws one up, its rows, and filtering, searching and sorting them.

pub mod detached_row;
pub mod engine;
pub mod filter;
