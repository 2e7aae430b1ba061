//! Entry point: install the panic banner and mount the app. Everything else lives in the library.

fn main() {
    pmf::ui::panic_banner::install();
    leptos::mount::mount_to_body(pmf::ui::App);
}
