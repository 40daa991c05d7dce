//! Helpers shared by the capture tests: locating `../shared` and reading events.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};

/// `../shared/captures`, or `None` (with a message) when absent outside CI.
/// Under `CI=true` a missing directory fails the test.
pub fn captures_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/captures");
    if dir.join("MANIFEST.md").exists() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{} is missing, and CI=true requires it", dir.display());
    }
    eprintln!("skipped: {} not found (it is beside the clone in CI)", dir.display());
    None
}

/// Every capture file under `captures/` and `captures/extra/`.
pub fn all_captures(dir: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for sub in [dir.to_path_buf(), dir.join("extra")] {
        let Ok(rd) = std::fs::read_dir(&sub) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "scap") {
                v.push(p);
            }
        }
    }
    v.sort();
    v
}

/// One event, owned, in a comparable form: v2 bytes, cpu, dump flags.
pub type Ev = (Vec<u8>, u16, u32);

/// Reads every event of a reader (across sections).
pub fn events_of(mut r: scap::Reader) -> (Vec<Ev>, Option<scap::Error>) {
    let mut v = Vec::new();
    loop {
        match r.next_event() {
            Ok(Some(e)) => {
                let mut b = Vec::new();
                e.encode_v2(&mut b);
                v.push((b, e.cpuid(), e.dump_flags()));
            }
            Ok(None) => return (v, None),
            Err(e) => return (v, Some(e)),
        }
    }
}

/// The raw-EV column of MANIFEST.md, by file name.
pub fn manifest_raw_counts(dir: &Path) -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.md")).unwrap_or_default();
    let mut v = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("| ") && l.contains(".scap")) {
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(name), Some(counts)) = (cols.get(1), cols.get(5)) else { continue };
        if let Some(raw) = counts.replace("**", "").split('/').nth(1)
            && let Ok(n) = raw.trim().replace(',', "").parse()
        {
            v.push((name.to_string(), n));
        }
    }
    v
}
