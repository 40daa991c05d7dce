//! What `sysray -r` says about a file it cannot read, and which error wins when
//! the filter is bad too (the filter's, as sysdig).

use std::path::Path;
use std::process::{Command, Output};

fn sysray(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysray")).args(args).output().expect("run sysray")
}

#[test]
fn a_missing_file_is_named_with_the_os_error_once() {
    let out = sysray(&["-r", "/nonexistent/capture.scap", "proc.name=x"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "sysray: /nonexistent/capture.scap: No such file or directory (os error 2)\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_filter_is_reported_before_a_missing_file() {
    let out = sysray(&["-r", "/nonexistent/capture.scap", "(proc.name"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("sysray: filter error at position 10:"), "{err}");
}

#[test]
fn a_bad_filter_on_a_good_file_prints_nothing_else() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/captures/dns-search-domains.scap");
    let out = sysray(&["-r", example.to_str().unwrap(), "(proc.name"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("sysray: filter error"));
}
