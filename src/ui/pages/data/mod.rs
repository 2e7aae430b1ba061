//! The Data page: what the workspace holds and its exports; importing a colleague's file (replace or merge),
//! a council's own spreadsheet (register, targets, returns) and measurements from a spreadsheet, each
//! previewed before anything changes; undo; starting again; and data kept aside because it could not be read.

mod conflicts;
mod csv_import;
mod import;
mod kept_aside;
mod refused;
mod sheets_on_demand;
mod spreadsheet_import;
mod start_again;
mod summary;
mod undo;

use leptos::prelude::*;

use crate::ui::address::served_path::link;
use crate::ui::area::Area;
use crate::ui::browser::page_title::use_page_title;
use crate::ui::routes::Page;
use csv_import::CsvImportSection;
use import::ImportWorkspace;
use kept_aside::KeptAside;
use spreadsheet_import::SpreadsheetImportSection;
use start_again::StartAgain;
use summary::WorkspaceSummary;
use undo::UndoImport;

/// The Data page.
#[component]
pub fn DataPage() -> impl IntoView {
    use_page_title(Area::Data.label());
    view! {
        <h1 data-testid="page-heading">{Area::Data.label()}</h1>
        <p class="app-lead">{Area::Data.purpose()}</p>
        <p>
            <a href=link(&Page::ChangeLog.path()) data-testid="change-log-link">"Change history"</a>
            ": who entered or changed each figure, target and setting, when, from what and how."
        </p>
        <WorkspaceSummary />
        <ImportWorkspace />
        <SpreadsheetImportSection />
        <CsvImportSection />
        <UndoImport />
        <StartAgain />
        <KeptAside />
    }
}
