//! The risk register's views, and recording a risk review.

pub mod register;
pub mod review_entry;
