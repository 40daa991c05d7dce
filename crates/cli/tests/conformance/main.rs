//! Conformance runner: runs `sysray` on every row of
//! `../shared/conformance/cases.tsv` and compares its output with the reference's
//! (sysdig 0.29.3), as `../shared/conformance/README.md` specifies.
//!
//! Prints `N passed, M failed` and each failing id with its first difference.
//! Cases listed in `known-failures.txt` (next to this file) are work in progress:
//! the run fails when any other case fails (a regression) and when a listed case
//! passes (so the list only shrinks). `SYSRAY_CONFORMANCE=substring` runs only
//! matching ids. Without `../shared` the run is skipped with a message, except
//! under CI (`CI=true`), where that is a failure.

mod compare;

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

struct Case {
    id: String,
    args: Vec<String>,
    exit: i32,
    expected: String,
    compare: String,
}

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn load_cases(dir: &Path) -> Vec<Case> {
    let captures = dir.join("captures");
    let text = std::fs::read_to_string(dir.join("conformance/cases.tsv"))
        .unwrap_or_else(|e| panic!("cannot read cases.tsv: {e}"));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 5, "malformed cases.tsv row: {l}");
            let args = f[1].replace("{captures}", &captures.to_string_lossy());
            Case {
                id: f[0].to_string(),
                args: shlex::split(&args).unwrap_or_else(|| panic!("bad quoting in {}", f[0])),
                exit: f[2].parse().unwrap_or_else(|_| panic!("bad exit in {}", f[0])),
                expected: f[3].to_string(),
                compare: f[4].to_string(),
            }
        })
        .collect()
}

fn expected_bytes(dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join("conformance/expected").join(name);
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if name.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out
    } else {
        raw
    }
}

/// Runs one case; `Err` holds a short explanation.
fn run_case(dir: &Path, c: &Case) -> Result<(), String> {
    let out_path =
        std::env::temp_dir().join(format!("sysray-conf-{}-{}.out", std::process::id(), c.id));
    let err_path = out_path.with_extension("err");
    let out_file = std::fs::File::create(&out_path).map_err(|e| e.to_string())?;
    let err_file = std::fs::File::create(&err_path).map_err(|e| e.to_string())?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_sysray"))
        .args(&c.args)
        .env("TZ", "UTC")
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stdout(out_file)
        .stderr(err_file)
        .spawn()
        .map_err(|e| format!("cannot run sysray: {e}"))?;
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            let _ = child.wait();
            return Err("timed out after 600 s".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let got = std::fs::read(&out_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    let _ = std::fs::remove_file(&out_path);
    let _ = std::fs::remove_file(&err_path);
    let code = status.code().unwrap_or(-1);
    if (code == 0) != (c.exit == 0) {
        let first = stderr.lines().next().unwrap_or("");
        return Err(format!("exit status {code}, expected {} (stderr: {first})", c.exit));
    }
    if c.exit != 0 {
        if stderr.trim().is_empty() {
            return Err("failed without a message on stderr".into());
        }
        return Ok(());
    }
    compare::compare(&c.compare, &expected_bytes(dir, &c.expected), &got)
}

fn known_failures() -> BTreeSet<String> {
    include_str!("known-failures.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn main() {
    compare::self_check();
    let dir = shared_dir();
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    if !dir.join("conformance/cases.tsv").exists() {
        if ci {
            eprintln!("conformance: {} is missing, and CI=true requires it", dir.display());
            std::process::exit(1);
        }
        println!(
            "conformance: skipped, {} not found (it is beside the clone in CI)",
            dir.display()
        );
        return;
    }
    let only = std::env::var("SYSRAY_CONFORMANCE").unwrap_or_default();
    let cases: Vec<Case> = load_cases(&dir).into_iter().filter(|c| c.id.contains(&only)).collect();
    let results = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap_or_else(|e| e.into_inner());
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(c) = cases.get(i) else { break };
                    let r = run_case(&dir, c);
                    results.lock().unwrap_or_else(|e| e.into_inner()).push((i, r));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    let known = known_failures();
    let (mut passed, mut failed) = (0, 0);
    let mut regressions = Vec::new();
    let mut fixed = Vec::new();
    for (i, r) in &results {
        let id = &cases[*i].id;
        match r {
            Ok(()) => {
                passed += 1;
                if known.contains(id) {
                    fixed.push(id.clone());
                }
            }
            Err(why) => {
                failed += 1;
                println!("FAIL {id}: {why}");
                if !known.contains(id) {
                    regressions.push(id.clone());
                }
            }
        }
    }
    println!("conformance: {passed} passed, {failed} failed");
    if !regressions.is_empty() {
        println!("failing and not in known-failures.txt: {}", regressions.join(" "));
    }
    if !fixed.is_empty() {
        println!("passing now, remove from known-failures.txt: {}", fixed.join(" "));
    }
    if !regressions.is_empty() || !fixed.is_empty() {
        std::process::exit(1);
    }
}
