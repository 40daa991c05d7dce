//! Runs filters and formats over the shared captures through scap, the engine and
//! this crate, several at once in one pass over the file.

#![allow(dead_code, reason = "each test binary uses a part of the support code")]

use std::io::Read;
use std::path::{Path, PathBuf};

use engine::{BufferFormat, Engine, RenderOptions};
use filter::engine_source::Extractor;
use filter::{Filter, Formatter, TimeMode};
use scap::Record;

/// `../shared` beside the workspace, or `None` (with a message) when absent; under
/// `CI=true` a missing `../shared` is a failure.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("conformance/expected").is_dir() {
        return Some(p);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("../shared is missing (looked at {}), and CI=true", p.display());
    }
    eprintln!("skipping: ../shared not found at {}", p.display());
    None
}

/// The seed capture.
pub fn seed(shared: &Path) -> PathBuf {
    shared.join("captures/k8s-dns-troubleshooting.scap")
}

/// The expected output of a conformance case.
pub fn expected(shared: &Path, name: &str) -> Vec<u8> {
    let base = shared.join("conformance/expected").join(name);
    let mut out = Vec::new();
    if name.ends_with(".gz") {
        let f = std::fs::File::open(&base).expect("open expected");
        flate2::read::GzDecoder::new(f).read_to_end(&mut out).expect("gunzip expected");
    } else {
        out = std::fs::read(&base).unwrap_or_else(|e| panic!("{}: {e}", base.display()));
    }
    out
}

/// One sysray invocation's worth of options.
#[derive(Clone, Debug)]
pub struct Job {
    /// The filter text ("" for none).
    pub filter: String,
    /// The format text.
    pub format: String,
    /// `-j`.
    pub json: bool,
    /// `-A`, `-x`, ...
    pub buffer: BufferFormat,
    /// `-v`.
    pub verbose: bool,
    /// `-t`.
    pub time: TimeMode,
    /// `-d`: evaluate the filter after full parsing.
    pub display_filter: bool,
}

impl Job {
    /// `-p FORMAT FILTER`.
    pub fn new(format: &str, filter: &str) -> Job {
        Job {
            filter: filter.to_owned(),
            format: format.to_owned(),
            json: false,
            buffer: BufferFormat::Dots,
            verbose: false,
            time: TimeMode::Human,
            display_filter: false,
        }
    }
}

struct Running {
    engine: Engine,
    filter: Filter,
    formatter: Formatter,
    x: Extractor,
    out: Vec<u8>,
    json: bool,
    display: bool,
}

/// Runs every job over `capture` in one pass; returns each job's output or its
/// compile error.
pub fn run(capture: &Path, jobs: &[Job]) -> Vec<Result<Vec<u8>, String>> {
    let mut reader = scap::Reader::open(capture).expect("open capture");
    let mut slots: Vec<Result<Running, String>> = jobs
        .iter()
        .map(|j| {
            let filter = Filter::compile(&j.filter).map_err(|e| e.to_string())?;
            let formatter =
                Formatter::new(&j.format).map_err(|e| e.to_string())?.with_time_mode(j.time);
            let opts = if j.json {
                RenderOptions::json(j.buffer)
            } else {
                RenderOptions::text(j.buffer, j.verbose)
            };
            let mut engine = Engine::new();
            engine.load_metadata(reader.metadata());
            Ok(Running {
                engine,
                filter,
                formatter,
                x: Extractor::new(opts),
                out: Vec::new(),
                json: j.json,
                display: j.display_filter,
            })
        })
        .collect();
    while let Some(rec) = reader.next().expect("read capture") {
        let ev = match rec {
            Record::Section(meta) => {
                for r in slots.iter_mut().flatten() {
                    r.engine.load_metadata(meta);
                }
                continue;
            }
            Record::Event(ev) => ev,
        };
        for r in slots.iter_mut().flatten() {
            let Running { engine, filter, formatter, x, out, json, display } = r;
            let shown = if *display || filter.matches_everything() {
                let o = engine.process(&ev, None);
                o.is_shown(false) && (!*display || filter.matches(&mut x.source(&engine.ctx(&ev))))
            } else {
                let mut f = |c: &engine::EventCtx<'_>| filter.matches(&mut x.source(c));
                engine.process(&ev, Some(&mut f)).is_shown(false)
            };
            if shown {
                let ctx = engine.ctx(&ev);
                let mut src = x.source(&ctx);
                if *json {
                    formatter.write_json(&mut src, out);
                } else {
                    formatter.write_text(&mut src, out);
                }
            }
        }
    }
    slots.into_iter().map(|r| r.map(|r| r.out)).collect()
}

/// The first line where two outputs differ, for failure messages.
pub fn first_difference(got: &[u8], want: &[u8]) -> String {
    let g: Vec<&[u8]> = got.split(|&b| b == b'\n').collect();
    let w: Vec<&[u8]> = want.split(|&b| b == b'\n').collect();
    for (i, (a, b)) in g.iter().zip(&w).enumerate() {
        if a != b {
            return format!(
                "line {}: got {:?}, want {:?}",
                i + 1,
                String::from_utf8_lossy(a),
                String::from_utf8_lossy(b)
            );
        }
    }
    format!("{} lines, want {}", g.len(), w.len())
}
