//! The pure core must stay free of browser dependencies so it can be tested natively: no file under
//! `src/domain`, `src/demo` or `src/storage` (but `src/storage/local.rs`, the one browser-storage user) may name leptos,
//! web-sys, js-sys, gloo, wasm-bindgen or charming outside a comment.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

const FORBIDDEN: [&str; 6] = [
    "leptos",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "charming",
];

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("the folder is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The one file of the pure folders allowed to use the browser: it is local storage.
const ALLOWED: &str = "src/storage/local.rs";

#[test]
fn nothing_under_src_domain_demo_or_storage_names_a_browser_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in ["src/domain", "src/demo", "src/storage"] {
        let found = rust_files(&root.join(folder));
        assert!(
            found.len() > 5,
            "expected modules under {folder}, found {}",
            found.len()
        );
        files.extend(found);
    }
    files.retain(|file| !file.ends_with(ALLOWED));
    let mut offences = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("a readable source file");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in FORBIDDEN {
                if code.contains(name) {
                    offences.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "browser crates named in the pure core:\n{}",
        offences.join("\n")
    );
}
