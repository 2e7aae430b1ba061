//! Getting a workspace in and out of files and storage: the file envelope, numbered migrations, validation
//! and the one restore path every source goes through. Everything here but `local` is pure.

pub mod change_recorder;
pub mod collection;
pub mod comparator_csv;
pub mod csv;
pub mod csv_measurements;
pub mod diff;
pub mod envelope;
pub mod ics;
pub mod import_error;
mod item_reading;
pub mod local;
pub mod merge;
pub mod migrate;
pub mod packed;
mod pretty_json;
pub mod restore;
pub mod session;
pub mod spreadsheet;
pub mod store;
pub mod stored_workspace;
mod strict_json;
pub mod subset;
pub mod three_way_merge;
pub mod validate;
mod windows_1252;
