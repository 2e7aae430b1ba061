//! Performance Management Framework for UK councils.
//!
//! The crate is a Leptos single-page app compiled to WebAssembly. Pure logic lives in modules with no
//! browser dependency so it can be tested natively; `ui` only wires signals to it and renders.

pub mod charts;
pub mod demo;
pub mod domain;
pub mod render;
pub mod storage;
pub mod ui;
