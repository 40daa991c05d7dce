//! TEMPORARY field extraction over [`engine::EventCtx`], until the `filter` crate
//! ships its engine-backed [`FieldSource`] (requested in coord/REQUESTS.md,
//! "chisel -> filter"). It covers the fields sysray's chisels and typical capture
//! filters use; fields it does not know are absent. Delete this module and use
//! the filter crate's source as soon as it exists: the rest of the crate only
//! sees the [`FieldSource`] trait.

pub(crate) mod format;
mod time;

use std::net::IpAddr;

use engine::{ArgForm, ArgSel, EventCtx, Fd, FdKind, RenderOptions, Thread};
use filter::FieldSource;
use filter::fields::{FieldArg, FieldId, FieldRef};
use filter::value::Value;
use scap::table::{ParamType, ef, ids};

pub(crate) use time::{write_clock, write_date_time};

/// A [`FieldSource`] reading one event and the engine state it is seen in.
pub(crate) struct CtxSource<'c, 'a> {
    ctx: &'c EventCtx<'a>,
    opts: &'c RenderOptions,
    scratch: &'c mut Vec<u8>,
}

impl<'c, 'a> CtxSource<'c, 'a> {
    /// A source for `ctx`, rendering `evt.arg.*` with `opts`, using `scratch` for
    /// values that must be built.
    pub(crate) fn new(
        ctx: &'c EventCtx<'a>,
        opts: &'c RenderOptions,
        scratch: &'c mut Vec<u8>,
    ) -> Self {
        CtxSource { ctx, opts, scratch }
    }
}

type Sink<'s> = &'s mut dyn FnMut(Value<'_>) -> bool;

/// The numeric result of an exit event: its `res`, or its `fd` for fd-creating
/// exits that have no `res`.
pub(crate) fn result(ctx: &EventCtx<'_>) -> Option<i64> {
    let ev = ctx.event();
    if ev.is_enter() {
        return None;
    }
    let info = ev.info()?;
    let i = info
        .params
        .iter()
        .position(|p| p.name == "res")
        .or_else(|| info.params.iter().position(|p| p.name == "fd"))?;
    if i >= ev.nparams() as usize {
        return None;
    }
    ev.param_i64(i)
}

fn main_thread<'a>(ctx: &EventCtx<'a>) -> Option<&'a Thread> {
    ctx.main_thread().or(ctx.thread())
}

/// The `n`-th ancestor of the event's main thread (0 = itself).
fn ancestor<'a>(ctx: &EventCtx<'a>, n: i64) -> Option<&'a Thread> {
    let mut t = main_thread(ctx)?;
    for _ in 0..n.max(0) {
        let parent = ctx.threads().get(t.ptid())?;
        t = ctx.threads().main_thread(parent).unwrap_or(parent);
    }
    Some(t)
}

/// The fd fields read, with the fd number: the attached fd, else the thread's
/// last one, on events whose table flags involve an fd.
fn event_fd<'a>(ctx: &EventCtx<'a>) -> Option<(i64, Option<&'a Fd>)> {
    let info = ctx.event().info()?;
    if info.flags & (ef::CREATES_FD | ef::DESTROYS_FD | ef::USES_FD) == 0 {
        return None;
    }
    let t = ctx.thread()?;
    if let Some(f) = ctx.fd() {
        return Some((ctx.fd_num().unwrap_or(t.last_event_fd()), Some(f)));
    }
    match ctx.last_fd() {
        Some((n, f)) => Some((n, Some(f))),
        None => Some((t.last_event_fd(), None)),
    }
}

/// Client and server endpoints of an IP socket with a role (listening sockets
/// have no client part).
fn endpoints(f: &Fd) -> Option<crate::host::tables::Endpoints> {
    if matches!(f.kind(), FdKind::Ipv4Sock | FdKind::Ipv6Sock) && f.is_role_none() {
        return None;
    }
    crate::host::tables::ip_endpoints(f)
}

fn join_nul(out: &mut Vec<u8>, items: impl Iterator<Item = impl AsRef<[u8]>>) {
    for (i, a) in items.enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        out.extend_from_slice(a.as_ref());
    }
}

fn raw_param<'a>(ctx: &EventCtx<'a>, f: &FieldRef, sink: Sink<'_>) {
    let ev = ctx.event();
    let Some(i) = f.arg.param_index(ev.event_type()) else { return };
    let Some(info) = ev.info() else { return };
    let Some(p) = info.params.get(i) else { return };
    let Some(bytes) = ev.param(i) else { return };
    let int = |signed: bool| -> Option<i128> {
        let mut buf = [0u8; 8];
        let n = bytes.len().min(8);
        buf[..n].copy_from_slice(&bytes[..n]);
        let u = u64::from_le_bytes(buf);
        if !signed || n == 0 {
            return Some(u as i128);
        }
        let shift = 64 - 8 * n as u32;
        Some((((u << shift) as i64) >> shift) as i128)
    };
    use ParamType as P;
    match p.ptype {
        P::Int8 | P::Int16 | P::Int32 | P::Int64 | P::Errno | P::Fd | P::Pid => {
            if let Some(v) = int(true) {
                sink(Value::I64(v as i64));
            }
        }
        P::Uint8
        | P::Uint16
        | P::Uint32
        | P::Uint64
        | P::Flags8
        | P::Flags16
        | P::Flags32
        | P::Uid
        | P::Gid
        | P::Port
        | P::L4Proto
        | P::RelTime
        | P::AbsTime
        | P::SigType
        | P::SyscallId
        | P::Bool => {
            if let Some(v) = int(false) {
                sink(Value::U64(v as u64));
            }
        }
        P::Double => {
            if let Ok(a) = <[u8; 8]>::try_from(bytes) {
                sink(Value::Double(f64::from_le_bytes(a)));
            }
        }
        P::CharBuf | P::FsPath => {
            sink(Value::Str(bytes));
        }
        P::Ipv4Addr => {
            if let Ok(a) = <[u8; 4]>::try_from(bytes) {
                sink(Value::Ip(IpAddr::from(a)));
            }
        }
        P::SockAddr | P::SockFamily => {}
        _ => {
            sink(Value::Bytes(bytes));
        }
    }
}

impl FieldSource for CtxSource<'_, '_> {
    fn event_type(&self) -> u16 {
        self.ctx.event().event_type()
    }

    fn extract(&mut self, f: &FieldRef, sink: Sink<'_>) {
        use FieldId as F;
        let ctx = self.ctx;
        let ev = ctx.event();
        let Some(info) = ev.info() else { return };
        let ts = ev.ts();
        let thread = ctx.thread();
        let s = &mut *self.scratch;
        s.clear();
        let str_ = |sink: Sink<'_>, b: &[u8]| {
            sink(Value::Str(b));
        };
        match f.id {
            F::EvtNum => {
                sink(Value::U64(ctx.num()));
            }
            F::EvtType => str_(sink, ctx.type_name().as_bytes()),
            F::EvtDir => str_(sink, if ev.is_enter() { b">" } else { b"<" }),
            F::EvtCpu => {
                sink(Value::I64(ev.cpuid().into()));
            }
            F::EvtRawtime => {
                sink(Value::U64(ts));
            }
            F::EvtRawtimeS => {
                sink(Value::U64(ts / 1_000_000_000));
            }
            F::EvtRawtimeNs => {
                sink(Value::U64(ts % 1_000_000_000));
            }
            F::EvtReltime => {
                sink(Value::U64(ts.saturating_sub(ctx.first_event_ts())));
            }
            F::EvtTime | F::EvtTimeS => {
                write_clock(s, ts, f.id == F::EvtTime);
                sink(Value::Str(s));
            }
            F::EvtDatetime | F::EvtDatetimeS => {
                write_date_time(s, ts, f.id == F::EvtDatetime);
                sink(Value::Str(s));
            }
            F::EvtLatency => {
                if !info.is_internal() {
                    sink(Value::U64(thread.map_or(0, |t| t.latency())));
                }
            }
            F::EvtCount => {
                sink(Value::U64(1));
            }
            F::EvtCountExit => {
                if !ev.is_enter() {
                    sink(Value::U64(1));
                }
            }
            F::EvtCountError => {
                if result(ctx).is_some_and(|r| r < 0) {
                    sink(Value::U64(1));
                }
            }
            F::EvtFailed => {
                sink(Value::Bool(result(ctx).is_some_and(|r| r < 0)));
            }
            F::EvtRawres => {
                if let Some(r) = result(ctx) {
                    sink(Value::I64(r));
                }
            }
            F::EvtRes => {
                if let Some(r) = result(ctx) {
                    if r >= 0 {
                        str_(sink, b"SUCCESS");
                    } else if let Some(n) = scap::table::errno_name(r.unsigned_abs()) {
                        str_(sink, n.as_bytes());
                    } else {
                        s.extend_from_slice(itoa::Buffer::new().format(r).as_bytes());
                        sink(Value::Str(s));
                    }
                }
            }
            F::EvtIsIo => {
                sink(Value::Bool(info.flags & (ef::READS_FROM_FD | ef::WRITES_TO_FD) != 0));
            }
            F::EvtIsIoRead => {
                sink(Value::Bool(info.flags & ef::READS_FROM_FD != 0));
            }
            F::EvtIsIoWrite => {
                sink(Value::Bool(info.flags & ef::WRITES_TO_FD != 0));
            }
            F::EvtIsWait => {
                sink(Value::Bool(info.flags & ef::WAITS != 0));
            }
            F::EvtIoDir => {
                if info.flags & ef::READS_FROM_FD != 0 {
                    str_(sink, b"read");
                } else if info.flags & ef::WRITES_TO_FD != 0 {
                    str_(sink, b"write");
                }
            }
            F::EvtBuffer => {
                if let Some(i) = info.param_index("data")
                    && let Some(b) = ev.param(i)
                {
                    sink(Value::Bytes(b));
                }
            }
            F::EvtBuflen => {
                if !ev.is_enter()
                    && info.flags & (ef::READS_FROM_FD | ef::WRITES_TO_FD) != 0
                    && ctx.fd().is_some()
                    && let Some(r) = result(ctx)
                    && r >= 0
                {
                    sink(Value::U64(r as u64));
                }
            }
            F::EvtArg => {
                let sel = match &f.arg {
                    FieldArg::Param { name, .. } => ArgSel::Name(name),
                    FieldArg::Index(i) => match usize::try_from(*i) {
                        Ok(i) => ArgSel::Index(i),
                        Err(_) => return,
                    },
                    _ => return,
                };
                if ctx.write_arg(s, sel, ArgForm::Resolved, self.opts) {
                    sink(Value::Str(s));
                }
            }
            F::EvtRawarg => raw_param(ctx, f, sink),
            F::EvtArgs | F::EvtInfo => {
                ctx.write_info(s, self.opts);
                sink(Value::Str(s));
            }
            F::ThreadTid => {
                sink(Value::I64(ev.tid() as i64));
            }
            _ => self.extract_state(f, sink),
        }
    }
}

impl CtxSource<'_, '_> {
    fn extract_state(&mut self, f: &FieldRef, sink: Sink<'_>) {
        use FieldId as F;
        let ctx = self.ctx;
        let s = &mut *self.scratch;
        let Some(t) = ctx.thread() else { return };
        match f.id {
            F::ProcPid => {
                sink(Value::I64(t.pid()));
            }
            F::ProcVpid => {
                if t.vpid() >= 0 {
                    sink(Value::I64(t.vpid()));
                }
            }
            F::ThreadVtid => {
                if t.vtid() >= 0 {
                    sink(Value::I64(t.vtid()));
                }
            }
            F::ThreadIsmain => {
                sink(Value::Bool(t.tid() == t.pid()));
            }
            F::ProcName => {
                sink(Value::Str(t.comm()));
            }
            F::ProcExe => {
                sink(Value::Str(t.exe()));
            }
            F::ProcExepath => {
                sink(Value::Str(t.exepath()));
            }
            F::ProcArgs => {
                join_nul(s, t.args());
                sink(Value::Str(s));
            }
            F::ProcCmdline => {
                s.extend_from_slice(t.comm());
                for a in t.args() {
                    s.push(b' ');
                    s.extend_from_slice(a);
                }
                sink(Value::Str(s));
            }
            F::ProcCwd => {
                sink(Value::Str(ctx.threads().cwd(t)));
            }
            F::ProcPpid => {
                if let Some(m) = main_thread(ctx) {
                    sink(Value::I64(m.ptid()));
                }
            }
            F::ProcPname => {
                if let Some(p) = ctx.threads().get(t.ptid()) {
                    sink(Value::Str(p.comm()));
                }
            }
            F::ProcAname | F::ProcApid => {
                let n = match f.arg {
                    FieldArg::Index(n) => n,
                    _ => 0,
                };
                if let Some(a) = ancestor(ctx, n) {
                    if f.id == F::ProcAname {
                        sink(Value::Str(a.comm()));
                    } else {
                        sink(Value::I64(a.pid()));
                    }
                }
            }
            F::ProcLoginshellid => {
                let mut found = None;
                let mut cur = main_thread(ctx);
                let mut guard = 0;
                while let Some(a) = cur {
                    if a.comm().ends_with(b"sh") {
                        found = Some(a.pid());
                    }
                    guard += 1;
                    if guard > 256 {
                        break;
                    }
                    cur = ctx
                        .threads()
                        .get(a.ptid())
                        .map(|p| ctx.threads().main_thread(p).unwrap_or(p));
                }
                if let Some(id) = found {
                    sink(Value::I64(id));
                }
            }
            F::ProcDuration => {
                let clone = t.clone_ts();
                if clone != 0 {
                    sink(Value::U64(ctx.event().ts().saturating_sub(clone)));
                }
            }
            F::ProcFdlimit => {
                sink(Value::I64(t.fdlimit()));
            }
            F::ProcVmsize => {
                sink(Value::U64(t.vmsize_kb().into()));
            }
            F::ProcVmrss => {
                sink(Value::U64(t.vmrss_kb().into()));
            }
            F::ProcVmswap => {
                sink(Value::U64(t.vmswap_kb().into()));
            }
            F::UserUid => {
                sink(Value::U64(t.uid().into()));
            }
            F::UserName => {
                if let Some(u) = ctx.engine().users().user(t.uid()) {
                    sink(Value::Str(&u.name));
                }
            }
            F::ContainerId => {
                let id = t.container_id();
                sink(Value::Str(if id.is_empty() { b"host" } else { id.as_bytes() }));
            }
            F::ContainerName | F::ContainerImage | F::ContainerType => {
                let id = t.container_id();
                if id.is_empty() {
                    if f.id != F::ContainerImage {
                        sink(Value::Str(b"host"));
                    }
                    return;
                }
                let Some(c) = ctx.container() else { return };
                let v: &[u8] = match f.id {
                    F::ContainerName => c.name.as_bytes(),
                    F::ContainerImage => c.image.as_bytes(),
                    _ => c.kind.name().unwrap_or("").as_bytes(),
                };
                if !v.is_empty() || f.id == F::ContainerName {
                    sink(Value::Str(v));
                }
            }
            _ => self.extract_fd(f, sink),
        }
    }

    fn extract_fd(&mut self, f: &FieldRef, sink: Sink<'_>) {
        use FieldId as F;
        let ctx = self.ctx;
        let s = &mut *self.scratch;
        let Some((num, fd)) = event_fd(ctx) else { return };
        if f.id == F::FdNum {
            sink(Value::I64(num));
            return;
        }
        let Some(fd) = fd else {
            if f.id == F::FdName && !ctx.event().is_enter() {
                sink(Value::Str(b""));
            }
            return;
        };
        let ep = endpoints(fd);
        match f.id {
            F::FdName => {
                // A failed connect names its fd after the tuple it tried.
                let ev = ctx.event();
                if ev.event_type() == scap::table::ids::SOCKET_CONNECT_X
                    && result(ctx).is_some_and(|r| r < 0)
                    && ctx.write_arg(s, ArgSel::Name("tuple"), ArgForm::Value, self.opts)
                {
                    sink(Value::Str(s));
                    return;
                }
                sink(Value::Str(fd.name()));
            }
            F::FdType => {
                if let Some(n) = fd.kind().type_name() {
                    sink(Value::Str(n.as_bytes()));
                }
            }
            F::FdTypechar => {
                s.push(fd.type_char());
                sink(Value::Str(s));
            }
            F::FdL4proto => {
                sink(Value::Str(fd.l4proto().name().unwrap_or("<NA>").as_bytes()));
            }
            F::FdSockfamily => match fd.kind() {
                FdKind::Ipv4Sock
                | FdKind::Ipv6Sock
                | FdKind::Ipv4ServSock
                | FdKind::Ipv6ServSock => {
                    sink(Value::Str(b"ip"));
                }
                FdKind::UnixSock => {
                    sink(Value::Str(b"unix"));
                }
                _ => {}
            },
            F::FdIsServer => {
                sink(Value::Bool(fd.is_role_server() || ep.is_some_and(|(c, _)| c.is_none())));
            }
            F::FdDirectory | F::FdFilename => {
                let name = fd.name();
                match fd.kind() {
                    FdKind::Directory if f.id == F::FdDirectory => {
                        sink(Value::Str(name));
                    }
                    FdKind::File => {
                        let cut = name.iter().rposition(|&c| c == b'/');
                        let part: &[u8] = match (f.id == F::FdDirectory, cut) {
                            (true, Some(0)) | (true, None) => b"/",
                            (true, Some(i)) => &name[..i],
                            (false, Some(i)) => &name[i + 1..],
                            (false, None) => name,
                        };
                        sink(Value::Str(part));
                    }
                    _ => {}
                }
            }
            F::FdContainername => {
                if let Some(t) = ctx.thread() {
                    s.extend_from_slice(t.container_id().as_bytes());
                }
                s.push(b':');
                s.extend_from_slice(fd.name());
                sink(Value::Str(s));
            }
            F::FdCip | F::FdLip => {
                if let Some((Some((ip, _)), _)) = ep {
                    sink(Value::Ip(ip));
                }
            }
            F::FdSip | F::FdRip => {
                if let Some((_, (ip, _))) = ep {
                    sink(Value::Ip(ip));
                }
            }
            F::FdCport | F::FdLport => {
                if let Some((Some((_, p)), _)) = ep {
                    sink(Value::U64(p.into()));
                }
            }
            F::FdSport | F::FdRport => {
                if let Some((_, (_, p))) = ep {
                    sink(Value::U64(p.into()));
                }
            }
            F::FdIp | F::FdPort | F::FdProto => {
                if let Some((c, (sip, sport))) = ep {
                    let port = f.id != F::FdIp;
                    if let Some((cip, cport)) = c {
                        let stop = if port {
                            sink(Value::U64(cport.into()))
                        } else {
                            sink(Value::Ip(cip))
                        };
                        if stop {
                            return;
                        }
                    }
                    if port {
                        sink(Value::U64(sport.into()));
                    } else {
                        sink(Value::Ip(sip));
                    }
                }
            }
            F::FdConnected => {
                sink(Value::Bool(fd.is_connected()));
            }
            F::FdNameChanged => {
                sink(Value::Bool(ctx.fd_name_changed()));
            }
            _ => {}
        }
    }
}

/// True when `id` is an event after which the thread of the event ran on a CPU
/// (used by `thread.cpu`).
pub(crate) fn is_procinfo(etype: u16) -> bool {
    etype == ids::PROCINFO_E
}
