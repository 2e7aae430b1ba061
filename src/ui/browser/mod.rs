//! Glue to the browser that is not a component: downloads, the service worker, the spreadsheet reader's
//! worker, the panic banner, the page title, Web Locks and yielding to the event loop.

pub mod download;
pub(crate) mod page_title;
pub mod panic_banner;
pub mod service_worker;
pub mod sheet_worker;
pub(crate) mod web_lock;
pub(crate) mod yield_now;
