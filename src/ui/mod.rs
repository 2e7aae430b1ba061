//! The browser user interface: components wire signals to the pure core and render it.

pub mod address_state;
mod app;
pub mod area;
pub mod components;
pub mod download;
mod page_title;
pub mod pages;
pub mod panic_banner;
pub mod scorecard_query;
pub mod served_path;
pub mod service_worker;
pub mod state;
pub mod tree_navigation;
pub mod value_code;
mod web_lock;
mod yield_now;

pub use app::{App, start};
