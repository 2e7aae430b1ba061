//! The pure domain core: the framework model and the performance mathematics, one folder per concept.
//!
//! Nothing here touches the browser (no leptos, web-sys, js-sys, gloo, wasm-bindgen or charming), so all of
//! it is tested natively with `cargo test`.

pub mod actions;
pub mod assurance;
pub mod basics;
pub mod history;
pub mod kpi;
pub mod maths;
pub mod model;
pub mod rebase;
pub mod reporting;
pub mod risks;
pub mod scorecard;
pub mod settings;
pub mod thread;
