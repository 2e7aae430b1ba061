//! The vocabulary every other part uses: ids, periods and the UK financial year, units and how figures
//! are written, small statistics, the seeded random stream, and working days and bank holidays.

pub mod calendar_timings;
pub mod field_problem;
pub mod ids;
pub mod period;
pub mod seeded_random;
pub mod shared_sort;
pub mod stats;
pub mod typed_text;
pub mod unit;
pub mod unit_label;
