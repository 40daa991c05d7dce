//! Shared helpers of the chisel integration tests: locating `../shared`, running
//! chisels over a capture the way the CLI will, and the conformance comparison
//! rules (`exact`, `ties`, `lines`) of shared/conformance/README.md.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::cell::RefCell;
use std::io::Read;
use std::path::PathBuf;
use std::rc::Rc;

use chisel::{ChiselRunner, Consume, RunOptions, SearchPath, run_capture};
use engine::BufferFormat;

/// `../shared` relative to the workspace root, or `None` (printing why) when
/// absent; under `CI=true` absence is a failure.
pub fn shared_dir() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("captures").is_dir() {
        return Some(p);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("../shared is missing (CI=true): {}", p.display());
    }
    eprintln!("skipping: ../shared not found at {}", p.display());
    None
}

/// The seed capture.
pub fn seed() -> Option<PathBuf> {
    shared_dir().map(|s| s.join("captures/k8s-dns-troubleshooting.scap"))
}

/// A writer into a shared buffer.
#[derive(Clone, Default)]
pub struct Buf(pub Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Outcome of a run: stdout bytes and the error line, if any.
pub struct RunResult {
    pub stdout: Vec<u8>,
    pub error: Option<String>,
}

/// Runs sysdig-style arguments (`-r FILE`, `-c NAME [ARG]`, `-pc`/`-pk`, `-A`,
/// `-j`, `-n N`, filter words) through the chisel library, as the CLI will.
pub fn run_args(args: &[String], search: SearchPath) -> RunResult {
    let mut opts = RunOptions::default();
    let mut file = None;
    let mut max = None;
    for (i, a) in args.iter().enumerate() {
        match a.as_str() {
            "-pc" | "-pk" | "-pm" | "-pcontainer" | "-pkubernetes" => {
                opts.print_container_data = true
            }
            "-A" => {
                opts.buffer_format = BufferFormat::Ascii;
                opts.buffer_format_explicit = true;
            }
            "-j" => {
                opts.json = true;
                opts.buffer_format_explicit = true;
            }
            "-r" => file = args.get(i + 1).cloned(),
            "-n" => max = args.get(i + 1).and_then(|n| n.parse().ok()),
            _ => {}
        }
    }
    opts.evtsource_name = file.clone().unwrap_or_default();
    let buf = Buf::default();
    let mut runner = ChiselRunner::new(search, opts, Box::new(buf.clone()));
    let mut words = Vec::new();
    let mut skip = 0;
    let mut i = 0;
    let fail = |e: chisel::ChiselError, buf: &Buf| RunResult {
        stdout: buf.0.borrow().clone(),
        error: Some(e.to_string()),
    };
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-r" | "-n" => i += 1,
            "-c" => {
                let name = args.get(i + 1).cloned().unwrap_or_default();
                let rest: Vec<&str> =
                    args[(i + 2).min(args.len())..].iter().map(String::as_str).collect();
                match runner.add(&name, rest.first().copied(), &rest) {
                    Ok(Consume::NextWord) => skip += 1,
                    Ok(Consume::Nothing) => {}
                    Err(e) => return fail(e, &buf),
                }
                i += 1;
            }
            w if w.starts_with('-') => {}
            w => words.push(w.to_owned()),
        }
        i += 1;
    }
    let filter = words[skip.min(words.len())..].join(" ");
    let filter = (!filter.is_empty()).then_some(filter);
    if let Err(e) = runner.init(filter.as_deref()) {
        let _ = runner.on_capture_end(&engine::Engine::new());
        return fail(e, &buf);
    }
    let Some(file) = file else { return fail(chisel::ChiselError::Capture("no -r".into()), &buf) };
    let mut reader = match scap::Reader::open(&file) {
        Ok(r) => r,
        Err(e) => return fail(chisel::ChiselError::Capture(e.to_string()), &buf),
    };
    let mut engine = engine::Engine::new();
    let res = run_capture(&mut reader, &mut engine, &mut runner, max);
    RunResult { stdout: buf.0.borrow().clone(), error: res.err().map(|e| e.to_string()) }
}

/// Reads an expected file, gunzipping `.gz`.
pub fn read_expected(path: &std::path::Path) -> Vec<u8> {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).expect("gzip");
        out
    } else {
        raw
    }
}

fn lines(b: &[u8]) -> Vec<&[u8]> {
    let mut v: Vec<&[u8]> = b.split(|&c| c == b'\n').collect();
    if v.last().is_some_and(|l| l.is_empty()) {
        v.pop();
    }
    v
}

fn first_number(line: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(line);
    s.split_whitespace()
        .find(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or("")
        .as_bytes()
        .to_vec()
}

/// Compares by the conformance rules; `Err` describes the first difference.
pub fn compare(mode: &str, got: &[u8], want: &[u8]) -> Result<(), String> {
    let (g, w) = (lines(got), lines(want));
    let show = |l: Option<&&[u8]>| {
        l.map_or("<none>".to_string(), |l| String::from_utf8_lossy(l).into_owned())
    };
    match mode {
        "exact" => {
            if got == want {
                return Ok(());
            }
            let i = g.iter().zip(&w).position(|(a, b)| a != b).unwrap_or(g.len().min(w.len()));
            Err(format!(
                "line {}: got {:?} want {:?} ({} vs {} lines)",
                i + 1,
                show(g.get(i)),
                show(w.get(i)),
                g.len(),
                w.len()
            ))
        }
        "lines" => {
            let hdr = w
                .iter()
                .take(3)
                .position(|l| l.starts_with(b"---"))
                .map_or(1, |p| p + 1)
                .min(w.len());
            if g.len() < hdr || g[..hdr] != w[..hdr] {
                return Err(format!(
                    "header differs: got {:?} want {:?}",
                    show(g.first()),
                    show(w.first())
                ));
            }
            let mut a: Vec<&[u8]> = g[hdr..].to_vec();
            let mut b: Vec<&[u8]> = w[hdr..].to_vec();
            a.sort();
            b.sort();
            if a == b {
                return Ok(());
            }
            let extra: Vec<_> = a
                .iter()
                .filter(|l| !b.contains(l))
                .take(3)
                .map(|l| String::from_utf8_lossy(l).into_owned())
                .collect();
            let missing: Vec<_> = b
                .iter()
                .filter(|l| !a.contains(l))
                .take(3)
                .map(|l| String::from_utf8_lossy(l).into_owned())
                .collect();
            Err(format!(
                "rows differ ({} vs {}): extra {extra:?} missing {missing:?}",
                a.len(),
                b.len()
            ))
        }
        "ties" => {
            let hdr = w.iter().position(|l| l.starts_with(b"---")).map_or(0, |p| p + 1);
            if g.len() < hdr || g[..hdr] != w[..hdr] {
                return Err(format!(
                    "header differs: got {:?} want {:?}",
                    show(g.first()),
                    show(w.first())
                ));
            }
            let (gr, wr) = (&g[hdr..], &w[hdr..]);
            if gr.len() != wr.len() {
                return Err(format!("{} rows, want {}", gr.len(), wr.len()));
            }
            for (i, (a, b)) in gr.iter().zip(wr).enumerate() {
                if first_number(a) != first_number(b) {
                    return Err(format!(
                        "row {}: got {:?} want {:?}",
                        i + 1,
                        show(Some(a)),
                        show(Some(b))
                    ));
                }
            }
            // Runs of equal values: sets, except the last run (count only).
            let mut start = 0;
            while start < wr.len() {
                let v = first_number(wr[start]);
                let end = (start..wr.len()).find(|&j| first_number(wr[j]) != v).unwrap_or(wr.len());
                if end < wr.len() {
                    let mut a = gr[start..end].to_vec();
                    let mut b = wr[start..end].to_vec();
                    a.sort();
                    b.sort();
                    if a != b {
                        return Err(format!(
                            "rows {}..{} differ as a set: got {:?} want {:?}",
                            start + 1,
                            end,
                            show(a.first()),
                            show(b.first())
                        ));
                    }
                }
                start = end;
            }
            Ok(())
        }
        other => Err(format!("unknown compare mode {other}")),
    }
}
