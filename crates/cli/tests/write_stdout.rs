//! `-w -` writes the capture to the standard output, as sysdig does; a capture
//! file that cannot be created is named once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sysray(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysray")).args(args).output().expect("run sysray")
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/captures/dns-search-domains.scap")
        .to_string_lossy()
        .into_owned()
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sysray-write-stdout-{}-{name}", std::process::id()))
}

/// The bytes `-w -` prints and the bytes `-w FILE` writes, for the same arguments.
fn both_ways(extra: &[&str], name: &str) -> (Vec<u8>, Vec<u8>) {
    let ex = example();
    let mut args = vec!["-r", ex.as_str()];
    args.extend_from_slice(extra);
    let out = sysray(&[&args[..], &["-w", "-"]].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = tmp(name);
    let f = file.to_string_lossy().into_owned();
    let written = sysray(&[&args[..], &["-w", f.as_str()]].concat());
    assert!(written.status.success(), "{}", String::from_utf8_lossy(&written.stderr));
    let bytes = std::fs::read(&file).unwrap();
    std::fs::remove_file(&file).unwrap();
    (out.stdout, bytes)
}

#[test]
fn a_copy_goes_to_the_standard_output() {
    let (stdout, file) = both_ways(&[], "copy");
    assert!(stdout.len() > 10_000);
    assert_eq!(&stdout[..4], b"\x0a\x0d\x0d\x0a", "a capture starts with its section header");
    assert!(stdout == file, "-w - and -w FILE differ");
}

#[test]
fn filtered_and_compressed_captures_go_to_the_standard_output() {
    let (stdout, file) = both_ways(&["proc.name=curl"], "filtered");
    assert!(stdout.len() > 1_000);
    assert!(stdout == file, "-w - and -w FILE differ");
    let (stdout, file) = both_ways(&["-z"], "gzip");
    assert_eq!(&stdout[..2], b"\x1f\x8b", "-z writes gzip");
    // The compressed capture reads back with every event of the original.
    let back = tmp("gzip-back.scap");
    std::fs::write(&back, &stdout).unwrap();
    let count = |path: &str| sysray(&["-r", path]).stdout.split(|&b| b == b'\n').count();
    assert_eq!(count(back.to_str().unwrap()), count(&example()));
    std::fs::remove_file(&back).unwrap();
    assert_eq!(stdout.len(), file.len());
}

#[test]
fn a_capture_file_that_cannot_be_created_is_named_once() {
    let out = sysray(&["-r", &example(), "-w", "/nonexistent/dir/out.scap"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "sysray: cannot create the capture file: /nonexistent/dir/out.scap: No such file or \
         directory (os error 2)\n"
    );
}
