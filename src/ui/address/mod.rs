//! Addresses: query strings read and written, values and scopes coded for them, the path the app is served
//! under, and the hook that keeps a page's state in its address. Plain Rust but for `state`.

pub mod query;
pub mod scope_code;
pub mod served_path;
pub mod state;
pub mod value_code;
