//! Prints a capture in sysdig's default format, for comparison with the reference:
//!
//! ```text
//! cargo run -p engine --release --example print -- FILE [-pc|-pk] [-v|-A|-x|-X|-b] [-j]
//!     [--net-io|--file-io] [-n N]
//! ```
//!
//! `--net-io` and `--file-io` apply the filters of the conformance `buf-*` cases
//! (`fd.type in (ipv4, ipv6, unix) and evt.is_io=true`, `fd.type=file and
//! evt.is_io=true`) with sinsp's filter placement. Times are printed in UTC.

use std::io::Write;

use engine::{BufferFormat, Engine, EventCtx, RenderOptions};
use scap::Record;
use scap::table::ef;

#[derive(Clone, Copy, PartialEq)]
enum Preset {
    Default,
    Container,
    K8s,
}

#[derive(Clone, Copy, PartialEq)]
enum IoFilter {
    None,
    Net,
    File,
}

fn main() {
    let mut path = None;
    let mut preset = Preset::Default;
    let mut buffer = BufferFormat::Dots;
    let mut verbose = false;
    let mut io_filter = IoFilter::None;
    let mut limit = u64::MAX;
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
            "-n" => limit = args.next().and_then(|n| n.parse().ok()).unwrap_or(u64::MAX),
            _ => path = Some(a),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: print FILE [-pc|-pk] [-v|-A|-x|-X|-b] [--net-io|--file-io] [-n N]");
        std::process::exit(2);
    };
    let opts = RenderOptions::text(buffer, verbose);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if let Err(e) = run(&path, preset, io_filter, &opts, limit, &mut out) {
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
            format_line(&engine.ctx(&ev), preset, opts, &mut line);
            out.write_all(&line)?;
        }
        if counted >= limit {
            break;
        }
    }
    Ok(())
}

/// The `buf-*` cases' filters.
fn keep(c: &EventCtx<'_>, f: IoFilter) -> bool {
    let is_io =
        c.event().info().is_some_and(|i| i.flags & (ef::READS_FROM_FD | ef::WRITES_TO_FD) != 0);
    if !is_io {
        return false;
    }
    let fd = c.fd().or_else(|| c.last_fd().map(|(_, f)| f));
    let Some(ty) = fd.and_then(|f| f.kind().type_name()) else { return false };
    match f {
        IoFilter::Net => matches!(ty, "ipv4" | "ipv6" | "unix"),
        IoFilter::File => ty == "file",
        IoFilter::None => true,
    }
}

fn push_time(line: &mut Vec<u8>, ts: u64) {
    let secs = ts / 1_000_000_000;
    let ns = ts % 1_000_000_000;
    let day = secs % 86_400;
    let _ = write!(line, "{:02}:{:02}:{:02}.{:09}", day / 3600, day / 60 % 60, day % 60, ns);
}

fn format_line(c: &EventCtx<'_>, preset: Preset, opts: &RenderOptions, line: &mut Vec<u8>) {
    let ev = c.event();
    let _ = write!(line, "{} ", c.num());
    push_time(line, ev.ts());
    let _ = write!(line, " {} ", ev.cpuid() as i16);
    let t = c.thread();
    if preset != Preset::Default {
        match preset {
            Preset::Container => line.extend_from_slice(container_name(c).as_bytes()),
            _ => line.extend_from_slice(pod_name(c).as_bytes()),
        }
        line.extend_from_slice(b" (");
        match t {
            None => line.extend_from_slice(b"<NA>"),
            Some(t) if t.container_id().is_empty() => line.extend_from_slice(b"host"),
            Some(t) => line.extend_from_slice(t.container_id().as_bytes()),
        }
        line.extend_from_slice(b") ");
    }
    match t {
        Some(t) => line.extend_from_slice(t.comm()),
        None => line.extend_from_slice(b"<NA>"),
    }
    let _ = write!(line, " ({}", ev.tid() as i64);
    if preset != Preset::Default {
        match t.map(|t| t.vtid()) {
            Some(v) if v != -1 => {
                let _ = write!(line, ":{v}");
            }
            _ => line.extend_from_slice(b":<NA>"),
        }
    }
    let dir = if ev.is_enter() { '>' } else { '<' };
    let _ = write!(line, ") {dir} {} ", c.type_name());
    c.write_info(line, opts);
    line.push(b'\n');
}

fn container_name(c: &EventCtx<'_>) -> String {
    let Some(t) = c.thread() else { return "<NA>".into() };
    if t.container_id().is_empty() {
        return "host".into();
    }
    match c.container() {
        Some(k) if !k.name.is_empty() => k.name.clone(),
        _ => "<NA>".into(),
    }
}

fn pod_name(c: &EventCtx<'_>) -> String {
    let Some(t) = c.thread() else { return "<NA>".into() };
    if t.container_id().is_empty() {
        return "<NA>".into();
    }
    if let Some(k) = c.container()
        && !k.labels.is_empty()
        && let Some(n) = k.label("io.kubernetes.pod.name")
    {
        return n.to_string();
    }
    if !c.engine().k8s().is_active() {
        return "<NA>".into();
    }
    c.engine().k8s().pod_for_container(t.container_id()).map_or("<NA>".into(), |p| p.name.clone())
}
