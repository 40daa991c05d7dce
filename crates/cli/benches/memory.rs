//! Peak memory of `sysray -r` must not grow with the capture's size.
//!
//! `cargo bench -p sysray --bench memory` writes the seed capture's events
//! repeated 10 times (~140 MB) and 110 times (~1.5 GB), each copy shifted in time,
//! after one set of state blocks; then runs `sysray -r FILE` (default output to
//! /dev/null) and `sysray -r FILE -j` on both and prints the peak RSS of each run
//! (from `wait4`). Needs ~1.7 GB free in the temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn repeat(seed: &Path, out: &Path, count: u64) -> u64 {
    let (mut first, mut last) = (u64::MAX, 0);
    let mut r = scap::Reader::open(seed).expect("seed");
    while let Some(ev) = r.next_event().expect("event") {
        if ev.ts() != 0 {
            first = first.min(ev.ts());
            last = last.max(ev.ts());
        }
    }
    let span = last - first + 1_000_000;
    let mut w = scap::Writer::create(out, scap::Compression::None).expect("create");
    let mut buf = Vec::new();
    for k in 0..count {
        let mut r = scap::Reader::open(seed).expect("seed");
        if k == 0 {
            w.write_metadata(r.metadata()).expect("metadata");
        }
        while let Some(ev) = r.next_event().expect("event") {
            buf.clear();
            ev.encode_v2(&mut buf);
            if ev.ts() != 0 {
                buf[..8].copy_from_slice(&(ev.ts() + k * span).to_le_bytes());
            }
            let shifted = scap::Event::from_v2(&buf, ev.cpuid(), ev.dump_flags()).expect("event");
            w.write_event(&shifted).expect("write");
        }
    }
    let n = w.events_written();
    w.finish().expect("finish");
    n
}

/// Runs sysray; returns (seconds, peak RSS in MB).
#[allow(clippy::zombie_processes, reason = "reaped by wait4, which also reports the peak RSS")]
fn measure(args: &[&str]) -> (f64, f64) {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_sysray"))
        .args(args)
        .env("TZ", "UTC")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sysray");
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid for wait4 to fill.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; the pointers are valid.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut ru) };
    assert!(pid > 0 && status == 0, "sysray failed");
    (start.elapsed().as_secs_f64(), ru.ru_maxrss as f64 / 1024.0)
}

fn main() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/captures/k8s-dns-troubleshooting.scap");
    if !seed.exists() {
        eprintln!("skipped: {} not found", seed.display());
        return;
    }
    let dir = std::env::temp_dir();
    println!(
        "{:<10} {:>10} {:>12} {:>10} {:>10} {:>10} {:>10}",
        "copies", "MB", "events", "text s", "text RSS", "json s", "json RSS"
    );
    for copies in [10u64, 110] {
        let path: PathBuf = dir.join(format!("sysray-memory-{copies}.scap"));
        let events = repeat(&seed, &path, copies);
        let mb = std::fs::metadata(&path).map_or(0, |m| m.len()) as f64 / 1e6;
        let p = path.to_str().expect("utf-8 path");
        let (t1, r1) = measure(&["-r", p]);
        let (t2, r2) = measure(&["-r", p, "-j"]);
        println!(
            "{copies:<10} {mb:>10.0} {events:>12} {t1:>10.2} {r1:>8.1}MB {t2:>10.2} {r2:>8.1}MB"
        );
        let _ = std::fs::remove_file(&path);
    }
    println!("peak RSS must not grow with the file size (the 110-copy file is 11x larger)");
}
