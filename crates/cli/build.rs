//! Links the `sysray` binary as a position-dependent executable on Linux.
//!
//! A position-independent one has ~22,000 pointers in its read-only tables
//! (event and field catalogues, Lua, vtables) that the loader rewrites at every
//! start, copying ~110 pages of the file first: ~100 page faults and, on the
//! virtual machines measured, ~0.5–0.9 ms of every run (docs/benchmarks.md). At
//! a fixed address the linker writes them once. Set `SYSRAY_PIE=1` to build
//! a position-independent executable anyway (ASLR for the binary's own code).

fn main() {
    println!("cargo:rerun-if-env-changed=SYSRAY_PIE");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if linux && std::env::var_os("SYSRAY_PIE").is_none_or(|v| v.is_empty() || v == "0") {
        println!("cargo:rustc-link-arg-bin=sysray=-no-pie");
    }
}
