//! Printing with workers (`SYSRAY_PRINT_THREADS`) gives the bytes printing on
//! one thread gives: every capture, every output format, tiny batches (so that
//! sections, hidden events and thread changes fall on batch edges), and files
//! cut in the middle of an event (same lines, same error, same exit status).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/captures/dns-search-domains.scap")
}

/// The example capture, inflated.
fn example_inflated() -> Vec<u8> {
    let mut bytes = Vec::new();
    let example = std::fs::File::open(example()).expect("example capture");
    flate2::read::MultiGzDecoder::new(example).read_to_end(&mut bytes).expect("inflate example");
    bytes
}

/// The shared real captures (extra/ included), or none (with a message; a
/// failure under CI).
fn shared_captures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/captures");
    if !dir.join("MANIFEST.md").exists() {
        assert!(!ci(), "{} is missing, and CI=true requires it", dir.display());
        eprintln!("skipped the shared captures: {} not found", dir.display());
        return Vec::new();
    }
    let mut v: Vec<PathBuf> = [dir.clone(), dir.join("extra")]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).expect("captures dir"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "scap"))
        .collect();
    v.sort();
    v
}

/// sysray with `threads` printing workers and batches of `batch` events.
fn sysray(args: &[&str], threads: usize, batch: Option<usize>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sysray"));
    cmd.args(args).env("TZ", "UTC").env("SYSRAY_PRINT_THREADS", threads.to_string());
    match batch {
        Some(n) => cmd.env("SYSRAY_PRINT_BATCH_EVENTS", n.to_string()),
        None => cmd.env_remove("SYSRAY_PRINT_BATCH_EVENTS"),
    };
    cmd.output().expect("run sysray")
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let line = a.split(|&c| c == b'\n').zip(b.split(|&c| c == b'\n')).position(|(x, y)| x != y);
    match line {
        Some(i) => format!("first differing line: {}", i + 1),
        None => format!("one output is a prefix of the other ({} vs {} bytes)", a.len(), b.len()),
    }
}

/// Runs `args` on one thread and with workers, and reports any difference.
fn compare(args: &[&str], threads: usize, batch: Option<usize>) -> Option<String> {
    let one = sysray(args, 0, None);
    let many = sysray(args, threads, batch);
    let what = format!("sysray {} with {threads} workers, batch {batch:?}", args.join(" "));
    if one.stdout != many.stdout {
        return Some(format!(
            "{what}: stdout differs, {}",
            first_difference(&one.stdout, &many.stdout)
        ));
    }
    if one.stderr != many.stderr || one.status.code() != many.status.code() {
        return Some(format!(
            "{what}: {:?} {:?} against {:?} {:?}",
            one.status.code(),
            String::from_utf8_lossy(&one.stderr),
            many.status.code(),
            String::from_utf8_lossy(&many.stderr)
        ));
    }
    None
}

const FORMATS: &[&[&str]] =
    &[&[], &["-j"], &["-pc"], &["-pk", "-A"], &["-X", "-tr"], &["-v", "-j", "-td"], &["-D", "-ta"]];

#[test]
fn workers_print_the_same_bytes() {
    let mut files = vec![example()];
    files.extend(shared_captures());
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let file = file.to_str().expect("utf-8 path");
        // The refused pcapng file and the like: same error either way.
        let big = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0) > 1_000_000;
        for format in FORMATS {
            let mut args = vec!["-r", file];
            args.extend_from_slice(format);
            // Tiny batches everywhere; the default batches on the larger files.
            failures.extend(compare(&args, 3, Some(7)));
            if big {
                failures.extend(compare(&args, 2, None));
            }
        }
        eprintln!("{name}: compared");
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn files_cut_mid_event_end_alike() {
    let bytes = example_inflated();
    let dir = std::env::temp_dir().join(format!("sysray-parallel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut failures = Vec::new();
    for cut in [bytes.len() / 3 + 5, bytes.len() / 2 + 11, bytes.len() - 3] {
        let path = dir.join(format!("cut-{cut}.scap"));
        std::fs::write(&path, &bytes[..cut]).expect("write cut capture");
        let path = path.to_str().expect("utf-8 path");
        let out = sysray(&["-r", path, "-j"], 2, Some(5));
        assert_eq!(out.status.code(), Some(1), "a cut file fails");
        assert!(!out.stdout.is_empty(), "events before the cut are printed");
        failures.extend(compare(&["-r", path, "-j"], 2, Some(5)));
        failures.extend(compare(&["-r", path], 3, Some(1)));
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn concatenated_captures_print_alike() {
    let bytes = example_inflated();
    let path = std::env::temp_dir().join(format!("sysray-parallel-{}-x3.scap", std::process::id()));
    std::fs::write(&path, bytes.repeat(3)).expect("write concatenated capture");
    let file = path.to_str().expect("utf-8 path");
    let mut failures = Vec::new();
    // Sections start inside batches, at their edges, and in the main thread's
    // batches as well as the workers'.
    for batch in [1, 3, 1000] {
        failures.extend(compare(&["-r", file, "-pk"], 3, Some(batch)));
        failures.extend(compare(&["-r", file, "-j"], 2, Some(batch)));
    }
    std::fs::remove_file(&path).ok();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The comparisons above mean something only if the workers print: with a
/// batch size that cannot be read, a run that uses them fails, and one that
/// keeps printing on the main thread (a filter, `-n`, `-S`, `-tD`) does not.
#[test]
fn workers_are_used_only_where_they_can_be() {
    let example = example();
    let file = example.to_str().expect("utf-8 path");
    let run = |args: &[&str]| {
        let mut all = vec!["-r", file];
        all.extend_from_slice(args);
        Command::new(env!("CARGO_BIN_EXE_sysray"))
            .args(&all)
            .env("SYSRAY_PRINT_THREADS", "2")
            .env("SYSRAY_PRINT_BATCH_EVENTS", "none")
            .output()
            .expect("run sysray")
    };
    for parallel in [&[][..], &["-j"], &["-pk", "-A"], &["-tr"]] {
        let out = run(parallel);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && err.contains("SYSRAY_PRINT_BATCH_EVENTS=none"),
            "{parallel:?} should print with workers: {err}"
        );
    }
    for sequential in
        [&["proc.name=curl"][..], &["-n", "10"], &["-S"], &["-tD"], &["-q"], &["--unbuffered"]]
    {
        let out = run(sequential);
        assert!(
            out.status.success(),
            "{sequential:?} should print on the main thread: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
