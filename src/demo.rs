//! The fictional council the app opens with until a colleague's workspace is imported.

/// The name of the demo council, shown in the header and page titles.
pub const DEMO_COUNCIL_NAME: &str = "Wealdshire County Council";
