//! A live capture written with `scap::Writer` is read back by sysdig 0.29.3
//! (`/usr/bin/sysdig`): no error, the same events, and sysdig's rendering of
//! the workload's parameters. Needs root and BTF, and sysdig installed.

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::*;
use probe::LiveCapture;
use scap::table::{self, SYSCALL_NAMES, ec};
use scap::{Compression, OwnedEvent, Writer};

fn sysdig_available(test: &str) -> bool {
    if Path::new("/usr/bin/sysdig").exists() {
        return true;
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{test}: /usr/bin/sysdig is missing under CI");
    }
    eprintln!("skipping {test}: /usr/bin/sysdig is not installed");
    false
}

fn sysdig(file: &Path, filter: &str, format: &str) -> (String, String, bool) {
    let out = Command::new("/usr/bin/sysdig")
        .env("TZ", "UTC")
        .env("LC_ALL", "C")
        .arg("-r")
        .arg(file)
        .args(["-p", format])
        .args((!filter.is_empty()).then_some(filter))
        .output()
        .expect("running sysdig");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

/// `type dir tid` as sysdig prints it with `%evt.type %evt.dir %thread.tid`.
fn expected_line(ev: &OwnedEvent) -> Option<String> {
    let v = ev.as_event();
    let info = v.info()?;
    if info.category & ec::INTERNAL != 0 {
        return None;
    }
    let name = if v.event_type() <= 1 {
        SYSCALL_NAMES.get(v.param_u64(0)? as usize).copied()?
    } else {
        info.name
    };
    let dir = if v.is_enter() { '>' } else { '<' };
    Some(format!("{name} {dir} {}", v.tid() as i64))
}

fn capture_to(path: &Path, compression: Compression, name: &str) -> Vec<OwnedEvent> {
    let mut cap = LiveCapture::builder().snaplen(80).containers(None).build().unwrap();
    let mut w = Writer::create(path, compression).unwrap();
    w.write_metadata(cap.metadata()).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let success = Arc::new(AtomicBool::new(false));
    let (d2, s2) = (Arc::clone(&done), Arc::clone(&success));
    let target = std::env::temp_dir().join(format!("sysray-rb-{}-{name}.txt", std::process::id()));
    let t2 = target.clone();
    let worker = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        let script = format!("echo sysray-readback > {0}; cat {0}; rm {0}", t2.display());
        // cat's output is a pipe: written to a regular file (a CI log, say),
        // GNU cat copies with copy_file_range and never calls read.
        let ok = Command::new("/bin/sh").args(["-c", &script]).output().unwrap().status.success();
        s2.store(ok, Ordering::SeqCst);
        d2.store(true, Ordering::SeqCst);
    });
    let events =
        collect(&mut cap, || done.load(Ordering::SeqCst), Duration::from_millis(300), |_| true);
    worker.join().unwrap();
    assert!(success.load(Ordering::SeqCst), "workload failed");
    for ev in &events {
        w.write_event(&ev.as_event()).unwrap();
    }
    w.finish().unwrap();
    let _ = std::fs::remove_file(&target);
    events
}

fn check_readback(compression: Compression, name: &str) {
    let dir =
        std::env::temp_dir().join(format!("sysray-live-sysdig-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("capture.scap");
    let events = capture_to(&file, compression, name);
    assert!(events.len() > 100, "only {} events", events.len());

    let (out, err, ok) = sysdig(&file, "", "%evt.type %evt.dir %thread.tid");
    assert!(ok, "sysdig failed: {err}");
    assert!(!err.to_lowercase().contains("error"), "sysdig stderr: {err}");
    let expected: Vec<String> = events.iter().filter_map(expected_line).collect();
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got.len(), expected.len(), "event count differs");
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(*g, e.as_str(), "event {i} differs");
    }

    // sysdig renders the workload's file I/O with our parameters.
    let (out, err, ok) = sysdig(
        &file,
        "proc.name=sh and evt.type=openat and evt.dir=< and fd.name contains sysray-rb",
        "%evt.args",
    );
    assert!(ok, "{err}");
    let line = out.lines().next().unwrap_or_else(|| panic!("no openat of the target file"));
    assert!(line.contains("O_CREAT") && line.contains("O_WRONLY"), "{line}");
    let (out, err, ok) = sysdig(
        &file,
        "proc.name=cat and evt.type=read and evt.dir=< and evt.rawres>0",
        "%evt.args",
    );
    assert!(ok, "{err}");
    assert!(out.contains("data=sysray-readback"), "cat's read: {out}");
    let (out, _, _) =
        sysdig(&file, "proc.name=cat and evt.type=execve and evt.dir=<", "%proc.exe %proc.pname");
    assert!(out.lines().any(|l| l.starts_with("cat sh")), "cat's execve: {out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn live_sysdig_reads_plain_capture() {
    if !live_supported("live_sysdig_reads_plain_capture") || !sysdig_available("live_sysdig") {
        return;
    }
    check_readback(Compression::None, "plain");
}

#[test]
fn live_sysdig_reads_gzip_capture() {
    if !live_supported("live_sysdig_reads_gzip_capture") || !sysdig_available("live_sysdig") {
        return;
    }
    check_readback(Compression::Gzip, "gzip");
}

#[test]
fn table_names_resolve() {
    // Sanity of the helper itself (runs everywhere).
    let ev = OwnedEvent::build(
        1,
        5,
        table::ids::GENERIC_E,
        &[&16u16.to_le_bytes(), &39u16.to_le_bytes()],
    );
    assert_eq!(expected_line(&ev).as_deref(), Some("getpid > 5"));
}
