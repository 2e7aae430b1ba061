//! The risk register's views, adding or changing a risk, and recording a risk review.

pub mod register;
pub mod review_entry;
pub mod risk_form;
