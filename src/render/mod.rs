//! Pure text renderers for what leaves the app as a document: HTML reports with static SVG charts, and
//! the escaping that keeps a workspace's text from ever being read as markup. No browser APIs, tested natively.

pub mod escape;
pub mod line_chart;
pub mod mdc_icon;
pub mod rag_icon;
pub mod report_html;
