//! The browser user interface: components wire signals to the pure core and render it.

mod app;
pub mod area;
pub mod components;
mod page_title;
pub mod pages;
pub mod panic_banner;

pub use app::App;
