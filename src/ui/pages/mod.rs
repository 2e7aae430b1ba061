//! One module per page.

mod accessibility;
mod change_log;
mod data;
mod golden_thread;
mod help;
mod kpi;
mod kpi_edit;
mod not_found;
mod overview;
mod people;
mod register;
mod reports;
mod risks;
mod scorecards;
mod settings;

pub use accessibility::AccessibilityPage;
pub use change_log::{ChangeLogPage, change_log_path, item_changes_path};
pub use data::DataPage;
pub use golden_thread::{GoldenThreadPage, PlanOnAPagePage, StructurePage, ThreadPlace};
pub use help::HelpPage;
pub use kpi::KpiPage;
pub use kpi_edit::KpiEditPage;
pub use not_found::NotFoundPage;
pub use overview::OverviewPage;
pub use people::PeoplePage;
pub use register::RegisterPage;
pub use reports::{PresentPage, ReportsPage};
pub use risks::{
    ActionsPage, AuditPage, CalendarPage, LessonsPage, RisksPage, RolesPage, ValidationPage,
};
pub use scorecards::ScorecardsPage;
pub use settings::FrameworkSettingsPage;
