//! Prints a capture in sysdig's default format, for comparison with the reference:
//!
//! ```text
//! cargo run -p engine --release --example print -- FILE [-pc|-pk] [-v|-A|-x|-X|-b] [-j]
//!     [--net-io|--file-io] [-n N]
//! ```
//!
//! With `-j` it prints `evt.num<TAB>evt.info` rendered for JSON (no cut), to
//! check the `json-*` and `x-*-json` cases' `evt.info` values.
//!
//! ```text
//! ```
//!
//! `--net-io` and `--file-io` apply the filters of the conformance `buf-*` cases
//! (`fd.type in (ipv4, ipv6, unix) and evt.is_io=true`, `fd.type=file and
//! evt.is_io=true`) with sinsp's filter placement. Times are printed in UTC.

use std::io::Write;

use engine::{BufferFormat, Engine, EventCtx, RenderOptions};
use scap::Record;

#[path = "../tests/support/line.rs"]
mod line;

use line::{IoFilter, Preset, format_line, keep};

fn main() {
    let mut path = None;
    let mut preset = Preset::Default;
    let mut buffer = BufferFormat::Dots;
    let mut verbose = false;
    let mut io_filter = IoFilter::None;
    let mut limit = u64::MAX;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-pc" => preset = Preset::Container,
            "-pk" => preset = Preset::K8s,
            "-v" => verbose = true,
            "-A" => buffer = BufferFormat::Ascii,
            "-x" => buffer = BufferFormat::Hex,
            "-X" => buffer = BufferFormat::HexAscii,
            "-b" => buffer = BufferFormat::Base64,
            "--net-io" => io_filter = IoFilter::Net,
            "--file-io" => io_filter = IoFilter::File,
            "-j" => json = true,
            "-n" => limit = args.next().and_then(|n| n.parse().ok()).unwrap_or(u64::MAX),
            _ => path = Some(a),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: print FILE [-pc|-pk] [-v|-A|-x|-X|-b] [--net-io|--file-io] [-n N]");
        std::process::exit(2);
    };
    let opts =
        if json { RenderOptions::json(buffer) } else { RenderOptions::text(buffer, verbose) };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if let Err(e) = run(&path, preset, io_filter, &opts, limit, json, &mut out) {
        let _ = out.flush();
        eprintln!("{e}");
        std::process::exit(1);
    }
    let _ = out.flush();
}

fn run(
    path: &str,
    preset: Preset,
    io_filter: IoFilter,
    opts: &RenderOptions,
    limit: u64,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut reader = scap::Reader::open(path)?;
    let mut engine = Engine::new();
    engine.load_metadata(reader.metadata());
    let mut line = Vec::with_capacity(4096);
    let mut counted = 0u64;
    while let Some(rec) = reader.next()? {
        let ev = match rec {
            Record::Section(meta) => {
                engine.load_metadata(meta);
                continue;
            }
            Record::Event(ev) => ev,
        };
        let mut f = |c: &EventCtx<'_>| keep(c, io_filter);
        let filter: Option<engine::Filter<'_>> =
            if io_filter == IoFilter::None { None } else { Some(&mut f) };
        let outcome = engine.process(&ev, filter);
        if outcome.counts() {
            counted += 1;
        }
        if outcome.is_shown(false) {
            line.clear();
            if json {
                // Raw `num<TAB>evt.info` for checking the JSON renderings.
                let ctx = engine.ctx(&ev);
                let _ = write!(line, "{}\t", ctx.num());
                ctx.write_info(&mut line, opts);
                line.push(b'\n');
            } else {
                format_line(&engine.ctx(&ev), preset, opts, &mut line);
            }
            out.write_all(&line)?;
        }
        if counted >= limit {
            break;
        }
    }
    Ok(())
}
