//! With the `split` feature, the wasm32 binary is linked with its relocations kept (`--emit-relocs`): the
//! splitter (`wasm-split-cli`, run by `.ci/split-wasm.mjs` after cargo) needs them to move each on-demand
//! page's code, and only its code, into a module of its own.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm32 = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm32 {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
