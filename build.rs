//! With the `split` feature, the wasm32 binary is linked with its relocations kept (`--emit-relocs`): the
//! splitter (`wasm-split-cli`, run by `.ci/split-wasm.mjs` after cargo) needs them to move each on-demand
//! page's code, and only its code, into a module of its own.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm32 = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm32 {
        // The app's binary only: the spreadsheet reader's worker (src/bin/sheet_reader.rs) is not split, and
        // its relocations would only add to its size.
        println!("cargo::rustc-link-arg-bin=pmf=--emit-relocs");
    }
}
