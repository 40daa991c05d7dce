//! `evt.*` and `syscall.type` from the engine.

#![expect(
    clippy::collapsible_match,
    reason = "one arm per field, with its conditions inside, reads better than guards"
)]

use std::io::Write as _;

use engine::{ArgForm, ArgSel, FdKind};
use scap::table::{ParamType, ec, ef, ids, is_enter};

use super::{AbsPathPart, FieldArg, FieldId, FieldRef};
use crate::engine_source::{Cx, Sink};
use crate::fields::Context;
use crate::value::Value;

const NS: u64 = 1_000_000_000;

/// Civil date from days since 1970-01-01 (proleptic Gregorian).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn push2(out: &mut Vec<u8>, n: i64) {
    let n = n.rem_euclid(100) as u8;
    out.push(b'0' + n / 10);
    out.push(b'0' + n % 10);
}

fn push_date(out: &mut Vec<u8>, y: i64, mo: u32, d: u32) {
    crate::format::text::push_padded(out, y.max(0) as u64, 4);
    out.push(b'-');
    push2(out, i64::from(mo));
    out.push(b'-');
    push2(out, i64::from(d));
}

/// Writes the local time of `ts` in one of sysdig's time formats.
pub(crate) fn write_time(out: &mut Vec<u8>, cx: &Cx<'_, '_>, ts: u64, id: FieldId) {
    let secs = (ts / NS) as i64;
    let ns = ts % NS;
    if id == FieldId::EvtTime {
        // `HH:MM:SS.nnnnnnnnn`, on every line of the default formats: one copy.
        let mut text = [0u8; 18];
        text[..9].copy_from_slice(&cx.tz.clock(secs));
        text[9..].copy_from_slice(&crate::format::text::nine_digits(ns as u32));
        out.extend_from_slice(&text);
        return;
    }
    let off = cx.tz.offset(secs);
    let local = secs + off;
    let sod = local.rem_euclid(86_400);
    if matches!(id, FieldId::EvtDatetime | FieldId::EvtDatetimeS | FieldId::EvtTimeIso8601) {
        let (y, mo, d) = civil(local.div_euclid(86_400));
        push_date(out, y, mo, d);
        out.push(if id == FieldId::EvtTimeIso8601 { b'T' } else { b' ' });
    }
    push2(out, sod / 3600);
    out.push(b':');
    push2(out, sod / 60 % 60);
    out.push(b':');
    push2(out, sod % 60);
    if matches!(id, FieldId::EvtTimeS | FieldId::EvtDatetimeS) {
        return;
    }
    out.push(b'.');
    crate::format::text::push_padded(out, ns, 9);
    if id == FieldId::EvtTimeIso8601 {
        out.push(if off < 0 { b'-' } else { b'+' });
        let a = off.abs();
        push2(out, a / 3600);
        push2(out, a / 60 % 60);
    }
}

/// `evt.latency.human`: a duration with a unit, as sysdig formats it.
pub(crate) fn write_duration(out: &mut Vec<u8>, val: u64) {
    let _ = if val >= 3600 * NS {
        write!(out, "{:02}:{:02}:{:02}", val / (3600 * NS), val / (60 * NS) % 60, val / NS % 60)
    } else if val >= 60 * NS {
        write!(out, "{}:{}", val / (60 * NS), val / NS % 60)
    } else if val >= NS {
        write!(out, "{}.{:02}s", val / NS, val % NS / 10_000_000)
    } else if val >= NS / 100 {
        write!(out, "{}ms", val / 1_000_000)
    } else if val >= NS / 1000 {
        write!(out, "{}.{:02}ms", val / 1_000_000, val % 1_000_000 / 10_000)
    } else if val >= NS / 100_000 {
        write!(out, "{}us", val / 1000)
    } else if val >= NS / 1_000_000 {
        write!(out, "{}.{:02}us", val / 1000, val % 1000 / 10)
    } else {
        write!(out, "{val}ns")
    };
}

fn category_name(cx: &Cx<'_, '_>) -> &'static str {
    let Some(info) = cx.info() else { return "unknown" };
    if cx.etype() == ids::GENERIC_E || cx.etype() == ids::GENERIC_X {
        return "other";
    }
    match info.category {
        ec::UNKNOWN => "unknown",
        ec::OTHER => "other",
        ec::FILE => "file",
        ec::NET => "net",
        ec::IPC => "IPC",
        ec::MEMORY => "memory",
        ec::PROCESS => "process",
        ec::SLEEP => "sleep",
        ec::SYSTEM => "system",
        ec::SIGNAL => "signal",
        ec::USER => "user",
        ec::TIME => "time",
        ec::PROCESSING => "processing",
        ec::IO_READ | ec::IO_WRITE | ec::IO_OTHER => match cx.ctx.fd().map(|f| f.kind()) {
            Some(FdKind::File | FdKind::FileV2 | FdKind::Directory) => "file",
            Some(
                FdKind::Ipv4Sock | FdKind::Ipv6Sock | FdKind::Ipv4ServSock | FdKind::Ipv6ServSock,
            ) => "net",
            Some(
                FdKind::Fifo
                | FdKind::UnixSock
                | FdKind::Event
                | FdKind::SignalFd
                | FdKind::Inotify,
            ) => "ipc",
            _ => "unknown",
        },
        ec::WAIT => "wait",
        ec::SCHEDULER => "scheduler",
        _ => "unknown",
    }
}

/// `evt.count.error*`: 1 when the call failed.
fn failed(cx: &Cx<'_, '_>) -> bool {
    cx.result().is_some_and(|r| r < 0)
}

fn is_open_exit(t: u16) -> bool {
    matches!(
        t,
        ids::SYSCALL_OPEN_X
            | ids::SYSCALL_CREAT_X
            | ids::SYSCALL_OPENAT_X
            | ids::SYSCALL_OPENAT_2_X
            | ids::SYSCALL_OPENAT2_X
    )
}

fn is_connect_accept_exit(t: u16) -> bool {
    matches!(
        t,
        ids::SOCKET_ACCEPT_X
            | ids::SOCKET_ACCEPT_5_X
            | ids::SOCKET_ACCEPT4_X
            | ids::SOCKET_ACCEPT4_5_X
            | ids::SOCKET_CONNECT_X
    )
}

/// `evt.buflen*`: the byte count of a successful I/O exit that has an fd.
fn buflen(cx: &Cx<'_, '_>, want_cat: Option<u16>, want_kind: Option<&[FdKind]>) -> Option<u64> {
    let fd = cx.ctx.fd()?;
    let cat = cx.info()?.category;
    let ok_cat = match want_cat {
        Some(c) => cat == c,
        None => cat & ec::IO_BASE != 0,
    };
    if !ok_cat || cx.ev().is_enter() {
        return None;
    }
    if let Some(kinds) = want_kind
        && !kinds.contains(&fd.kind())
    {
        return None;
    }
    let r = cx.ev().param_i64(0)?;
    u64::try_from(r).ok()
}

/// Open flags of an open-family event (`PPM_O_*`).
fn open_flags(cx: &Cx<'_, '_>) -> Option<u32> {
    let i = cx.param_index("flags")?;
    let name = cx.info()?.name;
    if !matches!(name, "open" | "openat" | "openat2" | "creat") {
        return None;
    }
    cx.ev().param_u64(i).map(|v| v as u32)
}

/// Writes one parameter as text (resolved form preferred).
fn write_param(cx: &Cx<'_, '_>, buf: &mut Vec<u8>, sel: ArgSel<'_>, form: ArgForm) -> bool {
    cx.ctx.write_arg(buf, sel, form, cx.opts)
}

/// `evt.rawarg.NAME`: the raw parameter, typed by its table type.
fn rawarg(f: &FieldRef, cx: &Cx<'_, '_>, buf: &mut Vec<u8>, sink: Sink<'_>) {
    let Some(i) = f.arg.param_index(cx.etype()) else { return };
    if i >= cx.ev().nparams() as usize {
        return;
    }
    let Some(p) = cx.info().and_then(|inf| inf.params.get(i)) else { return };
    let Some(raw) = cx.ev().param(i) else { return };
    let signed = || cx.ev().param_i64(i);
    let unsigned = || cx.ev().param_u64(i);
    use ParamType as P;
    match p.ptype {
        P::Int8
        | P::Int16
        | P::Int32
        | P::Int64
        | P::Errno
        | P::Fd
        | P::Pid
        | P::Fd32
        | P::Pid32 => {
            if let Some(v) = signed() {
                sink(Value::I64(v));
            }
        }
        P::CharBuf | P::FsPath | P::FsRelPath => {
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            sink(Value::Str(&raw[..end]));
        }
        P::Bool => {
            if let Some(v) = unsigned() {
                sink(Value::Bool(v != 0));
            }
        }
        P::Double => {
            if let Ok(b) = <[u8; 8]>::try_from(raw) {
                sink(Value::Double(f64::from_le_bytes(b)));
            }
        }
        P::Ipv4Addr => {
            if let Ok(b) = <[u8; 4]>::try_from(raw) {
                sink(Value::Ip(std::net::Ipv4Addr::from(b).into()));
            }
        }
        P::Ipv6Addr => {
            if let Ok(b) = <[u8; 16]>::try_from(raw) {
                sink(Value::Ip(std::net::Ipv6Addr::from(b).into()));
            }
        }
        P::ByteBuf
        | P::SockAddr
        | P::SockTuple
        | P::FdList
        | P::Dyn
        | P::CharBufArray
        | P::CharBufPairArray
        | P::None
        | P::Ipv4Net
        | P::Ipv6Net
        | P::IpNet
        | P::IpAddr => {
            if f.ctx == Context::Format {
                // Show composite values as their rendered text (0.29.3 aborted).
                if write_param(cx, buf, ArgSel::Index(i), ArgForm::Value) {
                    sink(Value::Str(buf));
                }
            } else {
                sink(Value::Bytes(raw));
            }
        }
        _ => {
            if let Some(v) = unsigned() {
                sink(Value::U64(v));
            }
        }
    }
}

/// Extracts an `evt.*` field.
pub(crate) fn extract(f: &FieldRef, cx: &Cx<'_, '_>, buf: &mut Vec<u8>, sink: Sink<'_>) {
    let ev = cx.ev();
    let ts = ev.ts();
    let etype = cx.etype();
    let flags = cx.flags();
    let internal = cx.info().is_some_and(|i| i.category & ec::INTERNAL != 0);
    let latency = || -> Option<u64> {
        match cx.thread() {
            Some(_) if internal => None,
            Some(t) => Some(t.latency()),
            None => Some(0),
        }
    };
    let reltime = ts.saturating_sub(cx.ctx.first_event_ts());
    let u = |v: u64| Value::U64(v);
    match f.id {
        FieldId::EvtNum => {
            sink(u(cx.ctx.num()));
        }
        FieldId::EvtTime
        | FieldId::EvtTimeS
        | FieldId::EvtTimeIso8601
        | FieldId::EvtDatetime
        | FieldId::EvtDatetimeS
        | FieldId::EvtOutputtime => {
            let id = if f.id == FieldId::EvtOutputtime { FieldId::EvtTime } else { f.id };
            write_time(buf, cx, ts, id);
            sink(Value::Str(buf));
        }
        FieldId::EvtRawtime => {
            sink(u(ts));
        }
        FieldId::EvtRawtimeS => {
            sink(u(ts / NS));
        }
        FieldId::EvtRawtimeNs => {
            sink(u(ts % NS));
        }
        FieldId::EvtReltime => {
            sink(u(reltime));
        }
        FieldId::EvtReltimeS => {
            sink(u(reltime / NS));
        }
        FieldId::EvtReltimeNs => {
            sink(u(reltime % NS));
        }
        FieldId::EvtLatency => {
            if let Some(l) = latency() {
                sink(u(l));
            }
        }
        FieldId::EvtLatencyS => {
            if let Some(l) = latency() {
                sink(u(l / NS));
            }
        }
        FieldId::EvtLatencyNs => {
            if let Some(l) = latency() {
                sink(u(l % NS));
            }
        }
        FieldId::EvtLatencyHuman => {
            if let Some(l) = latency() {
                write_duration(buf, l);
                sink(Value::Str(buf));
            }
        }
        FieldId::EvtLatencyQuantized => {
            if let Some(l) = latency().filter(|&l| l != 0 && cx.thread().is_some()) {
                let q = (l as f64).log10().min(11.0);
                sink(u((q * 80.0 / 11.0) as u64 + 1));
            }
        }
        FieldId::EvtDeltatime | FieldId::EvtDeltatimeS | FieldId::EvtDeltatimeNs => {
            let prev = f.prev_ts.replace(ts);
            let d = if prev == 0 { 0 } else { ts.saturating_sub(prev) };
            sink(u(match f.id {
                FieldId::EvtDeltatimeS => d / NS,
                FieldId::EvtDeltatimeNs => d % NS,
                _ => d,
            }));
        }
        FieldId::EvtDir => {
            sink(Value::Str(if is_enter(etype) { b">" } else { b"<" }));
        }
        FieldId::EvtType => {
            sink(Value::Str(cx.ctx.type_name().as_bytes()));
        }
        FieldId::EvtTypeIs => {
            if let FieldArg::EventTypes(ids) = &f.arg {
                sink(u(u64::from(ids.contains(&etype))));
            }
        }
        FieldId::SyscallType => {
            // sysdig tests the event flags against EC_INTERNAL, which has the value
            // of EF_SKIPPARSERESET; both exclude the same events.
            if etype != ids::SCHEDSWITCH_6_E && flags & ef::SKIPPARSERESET == 0 {
                sink(Value::Str(cx.ctx.type_name().as_bytes()));
            }
        }
        FieldId::EvtCategory => {
            sink(Value::Str(category_name(cx).as_bytes()));
        }
        FieldId::EvtCpu => {
            sink(Value::I64(i64::from(ev.cpuid())));
        }
        FieldId::EvtArgs | FieldId::EvtInfo => {
            cx.ctx.write_info(buf, cx.opts);
            sink(Value::Str(buf));
        }
        FieldId::EvtArg => {
            let ok = match &f.arg {
                FieldArg::Index(n) => match usize::try_from(*n) {
                    Ok(n) => write_param(cx, buf, ArgSel::Index(n), ArgForm::Resolved),
                    Err(_) => false,
                },
                FieldArg::Param { name, .. } => {
                    write_param(cx, buf, ArgSel::Name(name), ArgForm::Resolved)
                }
                _ => false,
            };
            if ok {
                sink(Value::Str(buf));
            }
        }
        FieldId::EvtRawarg => rawarg(f, cx, buf, sink),
        FieldId::EvtBuffer => {
            let Some(i) = cx.param_index("data") else { return };
            if f.ctx == Context::Filter {
                if let Some(raw) = ev.param(i) {
                    sink(Value::Bytes(raw));
                }
            } else if write_param(cx, buf, ArgSel::Index(i), ArgForm::Value) {
                sink(Value::Str(buf));
            }
        }
        FieldId::EvtBuflen => {
            if let Some(n) = buflen(cx, None, None) {
                sink(u(n));
            }
        }
        FieldId::EvtBuflenIn | FieldId::EvtBuflenOut => {
            let cat = if f.id == FieldId::EvtBuflenIn { ec::IO_READ } else { ec::IO_WRITE };
            if let Some(n) = buflen(cx, Some(cat), None) {
                sink(u(n));
            }
        }
        FieldId::EvtBuflenFile
        | FieldId::EvtBuflenFileIn
        | FieldId::EvtBuflenFileOut
        | FieldId::EvtBuflenNet
        | FieldId::EvtBuflenNetIn
        | FieldId::EvtBuflenNetOut => {
            let files: &[FdKind] = &[FdKind::File, FdKind::FileV2, FdKind::Directory];
            let nets: &[FdKind] =
                &[FdKind::Ipv4Sock, FdKind::Ipv6Sock, FdKind::Ipv4ServSock, FdKind::Ipv6ServSock];
            let (cat, kinds) = match f.id {
                FieldId::EvtBuflenFile => (None, files),
                FieldId::EvtBuflenFileIn => (Some(ec::IO_READ), files),
                FieldId::EvtBuflenFileOut => (Some(ec::IO_WRITE), files),
                FieldId::EvtBuflenNet => (None, nets),
                FieldId::EvtBuflenNetIn => (Some(ec::IO_READ), nets),
                _ => (Some(ec::IO_WRITE), nets),
            };
            if let Some(n) = buflen(cx, cat, Some(kinds)) {
                sink(u(n));
            }
        }
        FieldId::EvtRes => {
            let Some(r) = cx.result() else { return };
            if r >= 0 {
                sink(Value::Str(b"SUCCESS"));
            } else {
                let name = if cx.param_index("res").is_some() { "res" } else { "fd" };
                if write_param(cx, buf, ArgSel::Name(name), ArgForm::Resolved) {
                    sink(Value::Str(buf));
                }
            }
        }
        FieldId::EvtRawres => {
            if let Some(r) = cx.result() {
                sink(Value::I64(r));
            }
        }
        FieldId::EvtFailed => {
            sink(Value::Bool(failed(cx)));
        }
        FieldId::EvtIsIo => {
            sink(Value::Bool(flags & (ef::READS_FROM_FD | ef::WRITES_TO_FD) != 0));
        }
        FieldId::EvtIsIoRead => {
            sink(Value::Bool(flags & ef::READS_FROM_FD != 0));
        }
        FieldId::EvtIsIoWrite => {
            sink(Value::Bool(flags & ef::WRITES_TO_FD != 0));
        }
        FieldId::EvtIoDir => {
            if flags & ef::WRITES_TO_FD != 0 {
                sink(Value::Str(b"write"));
            } else if flags & ef::READS_FROM_FD != 0 {
                sink(Value::Str(b"read"));
            }
        }
        FieldId::EvtIsWait => {
            sink(Value::Bool(flags & ef::WAITS != 0));
        }
        FieldId::EvtWaitLatency => {
            if flags & ef::WAITS != 0 && !is_enter(etype) {
                sink(u(cx.thread().map_or(0, |t| t.latency())));
            }
        }
        FieldId::EvtIsSyslog => {
            let syslog = flags & ef::WRITES_TO_FD != 0
                && cx
                    .ctx
                    .fd()
                    .is_some_and(|fd| memchr::memmem::find(fd.name(), b"/dev/log").is_some());
            sink(Value::Bool(syslog));
        }
        FieldId::EvtCount => {
            sink(u(1));
        }
        FieldId::EvtCountError => {
            if failed(cx) {
                sink(u(1));
            }
        }
        FieldId::EvtCountErrorFile | FieldId::EvtCountErrorNet | FieldId::EvtCountErrorOther => {
            if !failed(cx) {
                return;
            }
            let memory = cx.info().is_some_and(|i| i.category == ec::MEMORY);
            let class = match cx.ctx.fd().map(|fd| fd.kind()) {
                Some(FdKind::File | FdKind::FileV2 | FdKind::Directory) => {
                    FieldId::EvtCountErrorFile
                }
                Some(
                    FdKind::Ipv4Sock
                    | FdKind::Ipv6Sock
                    | FdKind::Ipv4ServSock
                    | FdKind::Ipv6ServSock
                    | FdKind::UnixSock,
                ) => FieldId::EvtCountErrorNet,
                Some(_) => FieldId::EvtCountErrorOther,
                None if is_open_exit(etype) => FieldId::EvtCountErrorFile,
                None if is_connect_accept_exit(etype) => FieldId::EvtCountErrorNet,
                None if memory => FieldId::EvtCountErrorMemory,
                None => FieldId::EvtCountErrorOther,
            };
            if class == f.id {
                sink(u(1));
            }
        }
        FieldId::EvtCountErrorMemory => {
            if failed(cx) && cx.info().is_some_and(|i| i.category == ec::MEMORY) {
                sink(u(1));
            }
        }
        FieldId::EvtCountExit => {
            if !is_enter(etype) {
                sink(u(1));
            }
        }
        FieldId::EvtCountProcinfo | FieldId::EvtCountThreadinfo => {
            if etype == ids::PROCINFO_E
                && (f.id == FieldId::EvtCountThreadinfo
                    || cx.thread().is_some_and(|t| t.is_main_thread()))
            {
                sink(u(1));
            }
        }
        // A window test for filters; in output it has no value (as in sysdig).
        FieldId::EvtAround => {
            if f.ctx == Context::Filter {
                sink(u(ts));
            }
        }
        FieldId::EvtAbspath => {
            if let FieldArg::AbsPath(part) = f.arg
                && abspath(cx, part, buf)
            {
                sink(Value::Str(buf));
            }
        }
        FieldId::EvtIsOpenRead | FieldId::EvtIsOpenWrite | FieldId::EvtIsOpenExec => {
            const RDONLY: u32 = 1;
            const WRONLY: u32 = 2;
            const CREAT: u32 = 4;
            let fl = open_flags(cx);
            let v = match f.id {
                FieldId::EvtIsOpenRead => fl.is_some_and(|fl| fl & RDONLY != 0),
                FieldId::EvtIsOpenWrite => fl.is_some_and(|fl| fl & WRONLY != 0),
                _ => {
                    let creat = cx.info().is_some_and(|i| i.name == "creat")
                        || fl.is_some_and(|fl| fl & CREAT != 0);
                    let mode = cx.param_index("mode").and_then(|i| ev.param_u64(i)).unwrap_or(0);
                    creat && mode & 0o111 != 0
                }
            };
            sink(Value::Bool(v));
        }
        FieldId::EvtPluginname
        | FieldId::EvtPlugininfo
        | FieldId::EvtInfraDockerName
        | FieldId::EvtInfraDockerContainerId
        | FieldId::EvtInfraDockerContainerName
        | FieldId::EvtInfraDockerContainerImage => {}
        _ => {}
    }
}

/// `evt.abspath`: the path parameter made absolute against its dirfd (the thread's
/// cwd for `AT_FDCWD`, else the directory fd's name).
fn abspath(cx: &Cx<'_, '_>, part: AbsPathPart, buf: &mut Vec<u8>) -> bool {
    const AT_FDCWD: i64 = -100;
    let Some(info) = cx.info() else { return false };
    let (dirfd_name, path_name) = match (info.name, part) {
        ("renameat" | "renameat2" | "linkat", AbsPathPart::Src) => ("olddirfd", "oldpath"),
        ("renameat" | "renameat2" | "linkat", AbsPathPart::Dst) => ("newdirfd", "newpath"),
        ("symlinkat", AbsPathPart::Only) => ("linkdirfd", "linkpath"),
        ("openat" | "openat2", AbsPathPart::Only) => ("dirfd", "name"),
        ("unlinkat" | "mkdirat" | "fchmodat", AbsPathPart::Only) => ("dirfd", "path"),
        _ => return false,
    };
    let (Some(di), Some(pi)) = (cx.param_index(dirfd_name), cx.param_index(path_name)) else {
        return false;
    };
    let (Some(dirfd), Some(path)) = (cx.ev().param_i64(di), cx.ev().param(pi)) else {
        return false;
    };
    let path = &path[..path.iter().position(|&b| b == 0).unwrap_or(path.len())];
    let Some(t) = cx.thread() else { return false };
    if path.first() == Some(&b'/') {
        buf.extend_from_slice(path);
        return true;
    }
    let dir: &[u8] = if dirfd == AT_FDCWD {
        cx.ctx.threads().cwd(t)
    } else {
        match cx.ctx.threads().fd(t, dirfd) {
            Some(fd) => fd.name(),
            None => return false,
        }
    };
    buf.extend_from_slice(dir);
    if !buf.ends_with(b"/") {
        buf.push(b'/');
    }
    buf.extend_from_slice(path);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(17_143), (2016, 12, 8));
        assert_eq!(civil(-1), (1969, 12, 31));
        assert_eq!(civil(11_016), (2000, 2, 29));
    }

    #[test]
    fn human_durations() {
        let d = |v| {
            let mut o = Vec::new();
            write_duration(&mut o, v);
            String::from_utf8(o).unwrap()
        };
        assert_eq!(d(0), "0ns");
        assert_eq!(d(4_420), "4.42us");
        assert_eq!(d(100_000_000), "100ms");
        assert_eq!(d(1_500_000), "1.50ms");
        assert_eq!(d(2_345_000_000), "2.34s");
        assert_eq!(d(61 * NS), "1:1");
        assert_eq!(d(3_661 * NS), "01:01:01");
    }
}
