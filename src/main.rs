//! Entry point: install the panic banner and start the app. Everything else lives in the library.

fn main() {
    pmf::ui::browser::panic_banner::install();
    pmf::ui::start();
}
