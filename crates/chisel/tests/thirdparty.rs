//! A chisel written the way third-party sysdig chisels are (tests/thirdparty:
//! required and optional arguments, `chisel.exec` chaining, an interval
//! callback, `evt.field` in `on_interval`, the thread table with a filter,
//! `sysdig.make_ts`, `require "common"`), run from a chisel directory on disk.
//! Its expected output is what sysdig 0.29.3 printed running the same files
//! (`SYSDIG_CHISEL_DIR=tests/thirdparty sysdig -r seed -c curlio`, `-i iocount`).

mod common;

use std::path::PathBuf;

use chisel::{ChiselDir, SearchPath};

fn search() -> SearchPath {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/thirdparty");
    SearchPath::new(vec![ChiselDir::AsGiven, ChiselDir::Fs(dir), ChiselDir::Embedded])
}

#[test]
fn thirdparty_chisel_with_exec_interval_and_thread_table() {
    // SAFETY: every test of this binary sets the same value.
    unsafe { std::env::set_var("TZ", "UTC") };
    let Some(seed) = common::seed() else { return };
    let args: Vec<String> =
        ["-r", seed.to_str().unwrap(), "-c", "curlio"].iter().map(|s| s.to_string()).collect();
    let r = common::run_args(&args, search());
    assert_eq!(r.error, None);
    let want = include_str!("fixtures/sysdig-thirdparty-curlio.out");
    assert_eq!(String::from_utf8_lossy(&r.stdout), want);
}

#[test]
fn thirdparty_chisel_info_and_listing() {
    let mut out = Vec::new();
    chisel::describe(&search(), "iocount", &mut out).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out),
        include_str!("fixtures/sysdig-thirdparty-i-iocount.out")
    );
    let mut list = Vec::new();
    chisel::list_chisels(&search(), &mut list).unwrap();
    let list = String::from_utf8_lossy(&list);
    assert!(list.contains("\nCategory: Tests\n---------------\ncurlio          curl I/O\niocount         I/O of one process per interval\n"), "{list}");
    assert!(
        list.ends_with("\nUse the -i flag to get detailed information about a specific chisel\n")
    );
}

#[test]
fn argument_errors_are_sysdigs() {
    let mut runner = chisel::ChiselRunner::new(
        search(),
        chisel::RunOptions::default(),
        Box::new(std::io::sink()),
    );
    let e = runner.add_with_args("iocount", "").unwrap_err();
    assert_eq!(e.to_string(), "wrong number of parameters for chisel iocount, 1 required, 0 given");
    let e = runner.add_with_args("iocount", "a 1 x").unwrap_err();
    assert_eq!(
        e.to_string(),
        "too many parameters for chisel iocount, 1 required, 1 optional, 3 given"
    );
    let e = runner.add("iocount", None, &[]).unwrap_err();
    assert_eq!(e.to_string(), "missing arguments for chisel iocount");
    let e = runner.add_with_args("nosuch", "").unwrap_err();
    assert_eq!(e.to_string(), "can't open file nosuch");
    assert_eq!(runner.add("iocount", Some("-r"), &["-r"]).unwrap(), chisel::Consume::NextWord);
}
