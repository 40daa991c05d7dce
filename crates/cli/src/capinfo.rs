//! `sysray capinfo FILE...`: what a capture holds, like Wireshark's capinfos.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::Result;
use scap::{Record, table};
use serde_json::{Value, json};

use crate::flags::CapinfoArgs;
use crate::timefmt;

/// Everything `capinfo` reports about one file.
#[derive(Default)]
struct Info {
    file_size: u64,
    compression: &'static str,
    stream_size: u64,
    versions: Vec<(u16, u16)>,
    blocks: Vec<(u32, u64)>,
    events: u64,
    types: BTreeMap<(String, char), u64>,
    first_ts: Option<u64>,
    last_ts: Option<u64>,
    hostname: Option<String>,
    cpus: Option<u32>,
    memory: Option<u64>,
    processes: usize,
    threads: usize,
    fds: usize,
    users: usize,
    groups: usize,
    ipv4: usize,
    ipv6: usize,
    container_events: u64,
    sections: u32,
    error: Option<String>,
}

/// Display name and direction of an event, naming generic events by syscall as
/// sysdig does.
fn type_key(ev: &scap::Event<'_>) -> (String, char) {
    let t = ev.event_type();
    let dir = if ev.is_enter() { '>' } else { '<' };
    let name = match ev.info() {
        Some(_) if t <= 1 => ev
            .param_u64(0)
            .and_then(|c| table::syscall_name(c as u16))
            .unwrap_or("<unknown>")
            .to_string(),
        Some(i) => i.name.to_string(),
        None => format!("type{t}"),
    };
    (name, dir)
}

fn add_metadata(info: &mut Info, m: &scap::Metadata) {
    info.versions.push((m.section.major, m.section.minor));
    if let Some(mi) = &m.machine {
        info.hostname = Some(String::from_utf8_lossy(&mi.hostname).into_owned());
        info.cpus = Some(mi.num_cpus);
        info.memory = Some(mi.memory_size_bytes);
    }
    info.threads += m.threads.len();
    info.processes += m.threads.iter().filter(|t| t.tid == t.pid).count();
    info.fds += m.fd_count();
    info.users += m.users.len();
    info.groups += m.groups.len();
    for i in &m.interfaces {
        match i {
            scap::Interface::V4 { .. } => info.ipv4 += 1,
            scap::Interface::V6 { .. } => info.ipv6 += 1,
        }
    }
}

fn inspect(path: &Path, with_types: bool) -> Info {
    let mut info =
        Info { file_size: std::fs::metadata(path).map_or(0, |m| m.len()), ..Info::default() };
    // Only the blocks are counted: inflating ahead on a helper thread would
    // not pay for the handoff (see `scap::ReaderBuilder::prefetch`).
    let mut r = match scap::ReaderBuilder::new().prefetch(false).open(path) {
        Ok(r) => r,
        Err(e) => {
            info.error = Some(e.to_string());
            return info;
        }
    };
    info.compression = r.compression().name();
    add_metadata(&mut info, r.metadata());
    loop {
        match r.next() {
            Ok(None) => break,
            Ok(Some(Record::Section(m))) => {
                let m = m.clone();
                info.sections += 1;
                add_metadata(&mut info, &m);
            }
            Ok(Some(Record::Event(ev))) => {
                info.events += 1;
                let ts = ev.ts();
                if ts != 0 {
                    info.first_ts = Some(info.first_ts.map_or(ts, |f| f.min(ts)));
                    info.last_ts = Some(info.last_ts.map_or(ts, |l| l.max(ts)));
                }
                let t = ev.event_type();
                if matches!(
                    t,
                    table::ids::CONTAINER_E
                        | table::ids::CONTAINER_JSON_E
                        | table::ids::CONTAINER_JSON_2_E
                ) {
                    info.container_events += 1;
                }
                if with_types {
                    *info.types.entry(type_key(&ev)).or_insert(0) += 1;
                }
            }
            Err(e) => {
                info.error = Some(e.to_string());
                break;
            }
        }
    }
    info.stream_size = r.offset();
    info.blocks = r.census().counts.clone();
    info
}

fn block_list(blocks: &[(u32, u64)]) -> String {
    blocks
        .iter()
        .map(|&(t, n)| {
            let name =
                scap::block::block_type_name(t).map_or_else(|| format!("{t:#x}"), str::to_string);
            format!("{name} {n}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn to_json(path: &Path, i: &Info, with_types: bool) -> Value {
    let mut v = json!({
        "file": path.display().to_string(),
        "file_size": i.file_size,
        "compression": i.compression,
        "decompressed_size": i.stream_size,
        "versions": i.versions.iter().map(|(a, b)| format!("{a}.{b}")).collect::<Vec<_>>(),
        "blocks": i.blocks.iter().map(|&(t, n)| (scap::block::block_type_name(t).map_or_else(|| format!("{t:#x}"), str::to_string), n)).collect::<BTreeMap<_, _>>(),
        "events": i.events,
        "first_ts": i.first_ts,
        "last_ts": i.last_ts,
        "duration_ns": match (i.first_ts, i.last_ts) { (Some(f), Some(l)) => Some(l - f), _ => None },
        "hostname": i.hostname,
        "cpus": i.cpus,
        "memory_bytes": i.memory,
        "processes": i.processes,
        "threads": i.threads,
        "fds": i.fds,
        "users": i.users,
        "groups": i.groups,
        "interfaces_ipv4": i.ipv4,
        "interfaces_ipv6": i.ipv6,
        "container_events": i.container_events,
        "extra_sections": i.sections,
        "error": i.error,
    });
    if with_types {
        let types: BTreeMap<String, u64> =
            i.types.iter().map(|((n, d), c)| (format!("{n} {d}"), *c)).collect();
        v["types"] = json!(types);
    }
    v
}

fn print_text(
    out: &mut impl Write,
    path: &Path,
    i: &Info,
    with_types: bool,
) -> std::io::Result<()> {
    writeln!(out, "File name:         {}", path.display())?;
    writeln!(out, "File size:         {} bytes", i.file_size)?;
    if i.versions.is_empty() {
        // Not a capture at all: the error says what it is.
        return Ok(());
    }
    if !i.compression.is_empty() {
        writeln!(
            out,
            "Compression:       {} ({} bytes of capture data)",
            i.compression, i.stream_size
        )?;
    }
    let versions: Vec<String> = i.versions.iter().map(|(a, b)| format!("{a}.{b}")).collect();
    writeln!(out, "Format version:    {}", versions.join(", "))?;
    writeln!(out, "Blocks:            {}", block_list(&i.blocks))?;
    writeln!(out, "Events:            {}", i.events)?;
    if let (Some(f), Some(l)) = (i.first_ts, i.last_ts) {
        writeln!(out, "First event:       {} UTC", timefmt::utc_datetime(f))?;
        writeln!(out, "Last event:        {} UTC", timefmt::utc_datetime(l))?;
        let d = l - f;
        writeln!(out, "Duration:          {}.{:09} s", d / 1_000_000_000, d % 1_000_000_000)?;
    }
    if let Some(h) = &i.hostname {
        let mem = i.memory.unwrap_or(0) as f64 / (1024.0 * 1024.0);
        writeln!(out, "Machine:           {h}, {} CPUs, {mem:.1} MiB memory", i.cpus.unwrap_or(0))?;
    }
    writeln!(out, "Processes:         {} ({} threads)", i.processes, i.threads)?;
    writeln!(out, "File descriptors:  {}", i.fds)?;
    writeln!(out, "Users / groups:    {} / {}", i.users, i.groups)?;
    writeln!(out, "Interfaces:        {} IPv4, {} IPv6", i.ipv4, i.ipv6)?;
    writeln!(out, "Container events:  {}", i.container_events)?;
    if i.sections > 0 {
        writeln!(out, "Extra sections:    {} (concatenated captures)", i.sections)?;
    }
    if with_types {
        writeln!(out, "Events by type:")?;
        let mut types: Vec<_> = i.types.iter().collect();
        types.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for ((name, dir), n) in types {
            writeln!(out, "  {n:>10}  {name} {dir}")?;
        }
    }
    Ok(())
}

/// Runs `capinfo`. Returns the exit status: 0, or 1 if any file failed.
pub fn run(args: &CapinfoArgs) -> Result<i32> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = 0;
    for (n, path) in args.files.iter().enumerate() {
        let info = inspect(path, args.types);
        if args.json {
            writeln!(out, "{}", to_json(path, &info, args.types))?;
        } else {
            if n > 0 {
                writeln!(out)?;
            }
            print_text(&mut out, path, &info, args.types)?;
        }
        if let Some(e) = &info.error {
            out.flush()?;
            eprintln!("sysray capinfo: {e}");
            status = 1;
        }
    }
    out.flush()?;
    Ok(status)
}
