//! The browser user interface: components wire signals to the pure core and render it.

pub mod address;
mod app;
pub mod area;
pub mod browser;
pub mod components;
mod demo_on_demand;
mod on_demand_pages;
pub mod pages;
pub mod routes;
pub mod state;
pub mod tree_navigation;

pub use app::{App, start};
