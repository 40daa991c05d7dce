//! sysray and the reference sysdig 0.29.3 on the same files: captures re-written by
//! sysray read by sysdig with identical output, per-type event counts, truncated
//! files, and `capinfo` on every capture.
//!
//! Tests that need `sysdig` skip with a message when it is not installed, except
//! under `CI=true` (CI installs Debian's package).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

fn captures() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/captures");
    if dir.join("MANIFEST.md").exists() {
        return Some(dir);
    }
    assert!(!ci(), "{} is missing, and CI=true requires it", dir.display());
    eprintln!("skipped: {} not found", dir.display());
    None
}

fn have_sysdig() -> bool {
    let ok = Command::new("sysdig").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(ok || !ci(), "sysdig 0.29.3 is required under CI (apt-get install sysdig)");
    if !ok {
        eprintln!("skipped: sysdig is not installed");
    }
    ok
}

fn sysray(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysray"))
        .args(args)
        .env("TZ", "UTC")
        .env("LC_ALL", "C")
        .output()
        .expect("run sysray")
}

fn sysdig(args: &[&str]) -> Output {
    Command::new("sysdig")
        .args(args)
        .env("TZ", "UTC")
        .env("LC_ALL", "C")
        .output()
        .expect("run sysdig")
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sysray-interop-{}-{name}", std::process::id()))
}

fn all_captures(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = [dir.to_path_buf(), dir.join("extra")]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "scap"))
        .collect();
    v.sort();
    v
}

#[test]
fn rewritten_captures_read_identically_by_sysdig() {
    let Some(dir) = captures() else { return };
    if !have_sysdig() {
        return;
    }
    for path in all_captures(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for (flag, suffix) in [(None, "plain"), (Some("-z"), "gz")] {
            let out = tmp(&format!("{name}.{suffix}"));
            let mut args = vec!["-r", path.to_str().unwrap(), "-w", out.to_str().unwrap()];
            args.extend(flag);
            let o = sysray(&args);
            assert!(o.status.success(), "{name}: {}", String::from_utf8_lossy(&o.stderr));
            let theirs = sysdig(&["-r", out.to_str().unwrap()]);
            assert!(theirs.status.success(), "sysdig cannot read sysray's {name} ({suffix})");
            // The pcapng-edited file is unreadable by sysdig: compare with the original.
            let original = if name == "libs-curl_google_comments.scap" {
                path.with_file_name("libs-curl_google.scap")
            } else {
                path.clone()
            };
            let reference = sysdig(&["-r", original.to_str().unwrap()]);
            assert!(
                theirs.stdout == reference.stdout,
                "{name} ({suffix}): sysdig prints different events"
            );
            let _ = std::fs::remove_file(&out);
        }
    }
}

/// sysdig's `(type, dir)` counts plus the events it hides must equal capinfo's raw
/// per-type counts.
#[test]
fn per_type_counts_agree_with_sysdig() {
    let Some(dir) = captures() else { return };
    if !have_sysdig() {
        return;
    }
    for path in all_captures(&dir) {
        let p = path.to_str().unwrap();
        if p.contains("curl_google_comments") {
            continue; // sysdig cannot read it
        }
        let info = sysray(&["capinfo", "--types", "-j", p]);
        assert!(info.status.success(), "{p}");
        let v: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
        let ours: BTreeMap<String, u64> =
            serde_json::from_value(v["types"].clone()).expect("types object");
        let listed = sysdig(&["-r", p, "-p", "%evt.type %evt.dir"]);
        let mut theirs: BTreeMap<String, u64> = BTreeMap::new();
        for line in String::from_utf8_lossy(&listed.stdout).lines() {
            *theirs.entry(line.to_string()).or_insert(0) += 1;
        }
        // What sysdig hides: internal events, leading container events, types
        // newer than its event table, state-only events; all `-D` shows or not.
        let hidden = sysdig(&["-r", p, "-D", "-p", "%evt.type %evt.dir"]);
        let mut with_internal: BTreeMap<String, u64> = BTreeMap::new();
        for line in String::from_utf8_lossy(&hidden.stdout).lines() {
            *with_internal.entry(line.to_string()).or_insert(0) += 1;
        }
        for (k, n) in &theirs {
            let ours_n = ours.get(k).copied().unwrap_or(0);
            assert!(ours_n >= *n, "{p}: {k}: sysdig shows {n}, capinfo counts {ours_n}");
        }
        for (k, n) in &ours {
            let shown = theirs.get(k).copied().unwrap_or(0);
            if shown != *n {
                let internal = with_internal.get(k).copied().unwrap_or(0);
                let explained = k.starts_with("container ")
                    || k.starts_with("procinfo ")
                    || k.starts_with("k8s ")
                    || k.starts_with("type")
                    || k.starts_with("useradded ")
                    || k.starts_with("groupadded ")
                    || k.starts_with("userdeleted ")
                    || k.starts_with("groupdeleted ")
                    || internal == *n;
                assert!(explained, "{p}: {k}: capinfo {n}, sysdig shows {shown}, -D {internal}");
            }
        }
    }
}

#[test]
fn capinfo_reads_every_capture_and_refuses_pcapng() {
    let Some(dir) = captures() else { return };
    for path in all_captures(&dir) {
        let o = sysray(&["capinfo", "-j", path.to_str().unwrap()]);
        assert!(o.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(v["events"].as_u64().unwrap() > 0);
    }
    let neg = dir.join("negative/tcpdump-pcapng-not-scap.scap");
    let o = sysray(&["capinfo", neg.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("pcapng") && err.contains("tcpdump") && err.contains("not a sysdig capture"),
        "{err}"
    );
    let o = sysray(&["-r", neg.to_str().unwrap(), "-w", tmp("neg.scap").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn truncated_capture_keeps_what_was_read_and_names_the_offset() {
    let Some(dir) = captures() else { return };
    let gz = std::fs::read(dir.join("k8s-dns-troubleshooting.scap")).unwrap();
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(&gz[..]).read_to_end(&mut plain).unwrap();
    let cut = tmp("cut.scap");
    std::fs::write(&cut, &plain[..plain.len() / 2 + 7]).unwrap();
    let out = tmp("cut-out.scap");
    let o = sysray(&["-r", cut.to_str().unwrap(), "-w", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cut.scap") && err.contains("offset"), "{err}");
    // Every complete event before the cut was written.
    let info = sysray(&["capinfo", "-j", out.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    let cut_info = sysray(&["capinfo", "-j", cut.to_str().unwrap()]);
    assert_eq!(cut_info.status.code(), Some(1));
    let c: serde_json::Value = serde_json::from_slice(&cut_info.stdout).unwrap();
    assert_eq!(v["events"], c["events"]);
    assert!(v["events"].as_u64().unwrap() > 60_000);
    let _ = std::fs::remove_file(&cut);
    let _ = std::fs::remove_file(&out);
}
