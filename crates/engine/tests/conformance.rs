//! Byte-for-byte comparison with sysdig 0.29.3 on the shared conformance data:
//! the default, `-pc` and `-pk` lines of the seed capture, the default and `-pc`
//! lines of every extra capture (`x-*` cases), and the buffer modes (`buf-*`).
//!
//! The data lives in `../shared` beside the workspace; without it the test says
//! so and passes, unless `CI=true`, where a missing `../shared` is a failure.

#[path = "support/line.rs"]
mod line;

use std::io::Read;
use std::path::{Path, PathBuf};

use engine::{BufferFormat, Engine, EventCtx, RenderOptions};
use line::{IoFilter, Preset, format_line, keep};
use scap::Record;

fn shared() -> Option<PathBuf> {
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

fn expected(shared: &Path, name: &str) -> Vec<u8> {
    let base = shared.join("conformance/expected").join(format!("{name}.out"));
    let gz = base.with_extension("out.gz");
    let mut out = Vec::new();
    if gz.exists() {
        let f = std::fs::File::open(&gz).expect("open expected");
        flate2::read::GzDecoder::new(f).read_to_end(&mut out).expect("gunzip expected");
    } else {
        out = std::fs::read(&base).unwrap_or_else(|e| panic!("{}: {e}", base.display()));
    }
    out
}

fn render(capture: &Path, preset: Preset, opts: RenderOptions, io: IoFilter) -> Vec<u8> {
    let mut reader = scap::Reader::open(capture).expect("open capture");
    let mut engine = Engine::new();
    engine.load_metadata(reader.metadata());
    let mut out = Vec::new();
    while let Some(rec) = reader.next().expect("read capture") {
        let ev = match rec {
            Record::Section(meta) => {
                engine.load_metadata(meta);
                continue;
            }
            Record::Event(ev) => ev,
        };
        let mut f = |c: &EventCtx<'_>| keep(c, io);
        let filter: Option<engine::Filter<'_>> =
            if io == IoFilter::None { None } else { Some(&mut f) };
        if engine.process(&ev, filter).is_shown(false) {
            format_line(&engine.ctx(&ev), preset, &opts, &mut out);
        }
    }
    out
}

/// Compares and, on a difference, reports the first differing line.
fn check(
    shared: &Path,
    name: &str,
    capture: &str,
    preset: Preset,
    opts: RenderOptions,
    io: IoFilter,
) -> Result<(), String> {
    let got = render(&shared.join("captures").join(capture), preset, opts, io);
    let want = expected(shared, name);
    if got == want {
        return Ok(());
    }
    let (g, w): (Vec<&[u8]>, Vec<&[u8]>) =
        (got.split(|&c| c == b'\n').collect(), want.split(|&c| c == b'\n').collect());
    let i = g.iter().zip(&w).position(|(a, b)| a != b).unwrap_or(g.len().min(w.len()));
    Err(format!(
        "{name}: line {}\n  got:  {}\n  want: {}",
        i + 1,
        String::from_utf8_lossy(g.get(i).copied().unwrap_or_default()),
        String::from_utf8_lossy(w.get(i).copied().unwrap_or_default())
    ))
}

const SEED: &str = "k8s-dns-troubleshooting.scap";
const EXTRA: [&str; 11] = [
    "bencer-ex0-nginx",
    "bencer-ex2-502error",
    "falco-cat_write",
    "falco-ping_sendto",
    "falco-syscall",
    "libs-curl_google",
    "libs-curl_google_comments",
    "libs-sample",
    "sysflow-alpine",
    "sysflow-rename",
    "sysflow-tcp-client-server",
];

fn run_all(cases: Vec<(String, String, Preset, RenderOptions, IoFilter)>) {
    let Some(shared) = shared() else { return };
    let mut failures = Vec::new();
    let total = cases.len();
    for (name, cap, preset, opts, io) in cases {
        if let Err(e) = check(&shared, &name, &cap, preset, opts, io) {
            failures.push(e);
        }
    }
    eprintln!("{} passed, {} failed", total - failures.len(), failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_presets() {
    let text = RenderOptions::text(BufferFormat::Dots, false);
    run_all(vec![
        ("default".into(), SEED.into(), Preset::Default, text, IoFilter::None),
        ("pc".into(), SEED.into(), Preset::Container, text, IoFilter::None),
        ("pk".into(), SEED.into(), Preset::K8s, text, IoFilter::None),
    ]);
}

#[test]
fn extra_captures() {
    let text = RenderOptions::text(BufferFormat::Dots, false);
    let mut cases = Vec::new();
    for x in EXTRA {
        let cap = format!("extra/{x}.scap");
        cases.push((format!("x-{x}-default"), cap.clone(), Preset::Default, text, IoFilter::None));
        cases.push((format!("x-{x}-pc"), cap, Preset::Container, text, IoFilter::None));
    }
    run_all(cases);
}

#[test]
fn buffer_modes() {
    let t = |b, v| RenderOptions::text(b, v);
    run_all(vec![
        (
            "buf-ascii".into(),
            SEED.into(),
            Preset::Default,
            t(BufferFormat::Ascii, false),
            IoFilter::Net,
        ),
        (
            "buf-hex".into(),
            SEED.into(),
            Preset::Default,
            t(BufferFormat::Hex, false),
            IoFilter::Net,
        ),
        (
            "buf-hexascii".into(),
            SEED.into(),
            Preset::Default,
            t(BufferFormat::HexAscii, false),
            IoFilter::Net,
        ),
        (
            "buf-base64".into(),
            SEED.into(),
            Preset::Default,
            t(BufferFormat::Base64, false),
            IoFilter::Net,
        ),
        (
            "buf-verbose".into(),
            SEED.into(),
            Preset::Default,
            t(BufferFormat::Dots, true),
            IoFilter::Net,
        ),
        (
            "buf-default-file".into(),
            SEED.into(),
            Preset::Default,
            t(BufferFormat::Dots, false),
            IoFilter::File,
        ),
    ]);
}
