//! The domain folders are layered: `basics` needs nothing else of the domain; `maths` needs only
//! `basics`; `model` (the records a file holds) needs only those two. The folders that work things out
//! (`kpi`, `thread`, `scorecard`, `risks`, `actions`, `assurance`, `reporting`) sit on top and may use any
//! below them, so a record type never depends on a view or an edit command.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// Each lower folder and the domain folders it may name.
const LAYERS: [(&str, &[&str]); 3] = [
    ("basics", &["basics"]),
    ("maths", &["basics", "maths"]),
    ("model", &["basics", "maths", "model"]),
];

#[test]
fn lower_domain_folders_never_name_a_higher_one() {
    let domain = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut offences = Vec::new();
    for (folder, allowed) in LAYERS {
        for path in source_files(&domain.join(folder)) {
            let text = fs::read_to_string(&path).expect("a readable source file");
            for (number, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                for named in code.split("crate::domain::").skip(1) {
                    let target: String = named
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if !allowed.contains(&target.as_str()) {
                        offences.push(format!(
                            "{}:{}: {}",
                            path.display(),
                            number + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "a lower folder names a higher one:\n{}",
        offences.join("\n")
    );
}

/// Every file under `folder`, its subfolders' too.
fn source_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(folder).expect("the folder is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files.extend(source_files(&path));
        } else {
            files.push(path);
        }
    }
    files
}
