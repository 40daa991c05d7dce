//! The tables `sysdig.get_thread_table*` and `sysdig.get_container_table` return
//! (chisel-api.md 4.4, 4.6), and the thread-table filter.
//!
//! Order: threads are inserted in ascending tid order and each fd table in
//! ascending fd order; containers in ascending id order. Lua's `pairs` order over
//! the resulting tables is LuaJIT's, so sysray's own chisels sort keys before
//! printing, which makes `ps`, `lsof`, `netstat` and `lscontainers` deterministic.

use std::net::IpAddr;

use engine::{Engine, Fd, FdKind, Thread};
use filter::FieldSource;
use filter::fields::{FieldClass, FieldId, FieldRef};
use filter::value::Value as FValue;
use mlua::{Lua, Table};
use scap::table::ids;

/// A filter compiled for thread-table use: only process, user, group,
/// container, fd, fdlist, k8s and mesos fields and a few time fields.
pub(crate) struct ThreadFilter(filter::Filter);

impl ThreadFilter {
    /// Compiles `src`, rejecting fields that need an event.
    pub(crate) fn compile(src: &str) -> Result<ThreadFilter, String> {
        let f = filter::Filter::compile(src).map_err(|e| e.to_string())?;
        for field in f.fields() {
            let info = field.info();
            let ok = matches!(
                info.class,
                FieldClass::Process
                    | FieldClass::User
                    | FieldClass::Group
                    | FieldClass::Container
                    | FieldClass::Fd
                    | FieldClass::Fdlist
                    | FieldClass::K8s
                    | FieldClass::Mesos
            ) || matches!(
                info.id,
                FieldId::EvtRawtime
                    | FieldId::EvtRawtimeS
                    | FieldId::EvtRawtimeNs
                    | FieldId::EvtTime
                    | FieldId::EvtTimeS
                    | FieldId::EvtDatetime
                    | FieldId::EvtReltime
            );
            if !ok {
                return Err(
                    "filter error at position 0: the given filter is not supported for thread table filtering"
                        .into(),
                );
            }
        }
        Ok(ThreadFilter(f))
    }

    fn matches(&self, engine: &Engine, t: &Thread, fd_num: i64, fd: &Fd) -> bool {
        let mut src = ThreadFdSource { engine, thread: t, fd_num, fd, scratch: Vec::new() };
        self.0.matches(&mut src)
    }
}

/// Field values of one (thread, fd) pair, as if a `read` exit on that fd.
struct ThreadFdSource<'a> {
    engine: &'a Engine,
    thread: &'a Thread,
    fd_num: i64,
    fd: &'a Fd,
    scratch: Vec<u8>,
}

/// An address and a port.
pub(crate) type Endpoint = (IpAddr, u16);
/// The client (absent on listening sockets) and server endpoints of a socket.
pub(crate) type Endpoints = (Option<Endpoint>, Endpoint);

/// `(client, server)` endpoints of an IP socket fd.
pub(crate) fn ip_endpoints(fd: &Fd) -> Option<Endpoints> {
    if let Some(t) = fd.ipv4_tuple() {
        return Some((Some((t.sip.into(), t.sport)), (t.dip.into(), t.dport)));
    }
    if let Some(t) = fd.ipv6_tuple() {
        return Some((Some((t.sip.into(), t.sport)), (t.dip.into(), t.dport)));
    }
    if let Some((ip, p)) = fd.ipv4_server() {
        return Some((None, (ip.into(), p)));
    }
    fd.ipv6_server().map(|(ip, p)| (None, (ip.into(), p)))
}

impl FieldSource for ThreadFdSource<'_> {
    fn event_type(&self) -> u16 {
        ids::SYSCALL_READ_X
    }

    fn extract(&mut self, f: &FieldRef, sink: &mut dyn FnMut(FValue<'_>) -> bool) {
        use FieldId as F;
        let t = self.thread;
        let fd = self.fd;
        let ep = ip_endpoints(fd);
        let s = &mut self.scratch;
        s.clear();
        match f.id {
            F::ProcName => {
                sink(FValue::Str(t.comm()));
            }
            F::ProcPid => {
                sink(FValue::I64(t.pid()));
            }
            F::ThreadTid => {
                sink(FValue::I64(t.tid()));
            }
            F::ProcExe => {
                sink(FValue::Str(t.exe()));
            }
            F::ProcArgs => {
                for (i, a) in t.args().enumerate() {
                    if i > 0 {
                        s.push(b' ');
                    }
                    s.extend_from_slice(a);
                }
                sink(FValue::Str(s));
            }
            F::UserUid => {
                sink(FValue::U64(t.uid().into()));
            }
            F::UserName => {
                if let Some(u) = self.engine.users().user(t.uid()) {
                    sink(FValue::Str(&u.name));
                }
            }
            F::ContainerId => {
                let id = t.container_id();
                sink(FValue::Str(if id.is_empty() { b"host" } else { id.as_bytes() }));
            }
            F::ContainerName => {
                let id = t.container_id();
                if id.is_empty() {
                    sink(FValue::Str(b"host"));
                } else if let Some(c) = self.engine.containers().get(id) {
                    sink(FValue::Str(c.name.as_bytes()));
                }
            }
            F::FdNum => {
                sink(FValue::I64(self.fd_num));
            }
            F::FdName => {
                sink(FValue::Str(fd.name()));
            }
            F::FdType => {
                if let Some(n) = fd.kind().type_name() {
                    sink(FValue::Str(n.as_bytes()));
                }
            }
            F::FdTypechar => {
                s.push(fd.type_char());
                sink(FValue::Str(s));
            }
            F::FdL4proto => {
                sink(FValue::Str(fd.l4proto().name().unwrap_or("<NA>").as_bytes()));
            }
            F::FdIsServer => {
                sink(FValue::Bool(fd.is_role_server() || ep.is_some_and(|(c, _)| c.is_none())));
            }
            F::FdCip => {
                if let Some((Some((ip, _)), _)) = ep {
                    sink(FValue::Ip(ip));
                }
            }
            F::FdSip => {
                if let Some((_, (ip, _))) = ep {
                    sink(FValue::Ip(ip));
                }
            }
            F::FdCport => {
                if let Some((Some((_, p)), _)) = ep {
                    sink(FValue::U64(p.into()));
                }
            }
            F::FdSport => {
                if let Some((_, (_, p))) = ep {
                    sink(FValue::U64(p.into()));
                }
            }
            F::FdIp | F::FdPort | F::FdProto => {
                if let Some((c, (sip, sport))) = ep {
                    let port = f.id != F::FdIp;
                    if let Some((cip, cport)) = c {
                        let stop = if port {
                            sink(FValue::U64(cport.into()))
                        } else {
                            sink(FValue::Ip(cip))
                        };
                        if stop {
                            return;
                        }
                    }
                    if port {
                        sink(FValue::U64(sport.into()));
                    } else {
                        sink(FValue::Ip(sip));
                    }
                }
            }
            F::FdDirectory | F::FdFilename if fd.kind() == FdKind::File => {
                let name = fd.name();
                let cut = name.iter().rposition(|&c| c == b'/');
                let part: &[u8] = match (f.id == F::FdDirectory, cut) {
                    (true, Some(0)) | (true, None) => b"/",
                    (true, Some(i)) => &name[..i],
                    (false, Some(i)) => &name[i + 1..],
                    (false, None) => name,
                };
                sink(FValue::Str(part));
            }
            _ => {}
        }
    }
}

fn u32_num(v: i64) -> f64 {
    f64::from(v as u32)
}

fn printable(name: &[u8]) -> Vec<u8> {
    name.iter().copied().filter(|c| (0x20..0x7f).contains(c)).collect()
}

fn fd_entry(lua: &Lua, fd: &Fd, barebone: bool) -> mlua::Result<Table> {
    let e = lua.create_table()?;
    if !barebone {
        e.set("name", lua.create_string(printable(fd.name()))?)?;
        e.set("type", fd.kind().type_name().unwrap_or("<NA>"))?;
    }
    if let Some((client, (sip, sport))) = ip_endpoints(fd) {
        if let Some((cip, cport)) = client {
            e.set("cip", cip.to_string())?;
            e.set("cport", f64::from(cport))?;
        }
        e.set("sip", sip.to_string())?;
        e.set("sport", f64::from(sport))?;
        e.set("is_server", client.is_none() || fd.is_role_server())?;
        e.set("l4proto", fd.l4proto().name().unwrap_or("<NA>"))?;
    }
    Ok(e)
}

fn string_array<'b>(lua: &Lua, items: impl Iterator<Item = &'b [u8]>) -> mlua::Result<Table> {
    let t = lua.create_table()?;
    for (i, a) in items.enumerate() {
        t.raw_set(i + 1, lua.create_string(a)?)?;
    }
    Ok(t)
}

/// Builds the thread table (chisel-api.md 4.4).
pub(crate) fn thread_table(
    lua: &Lua,
    engine: &Engine,
    filter: Option<&ThreadFilter>,
    with_fds: bool,
    barebone: bool,
) -> mlua::Result<Table> {
    let out = lua.create_table()?;
    let mut threads: Vec<&Thread> = engine.threads().iter().collect();
    threads.sort_by_key(|t| t.tid());
    for t in threads {
        let fdtable = lua.create_table()?;
        let mut any = filter.is_none();
        if let Some(table) = engine.threads().fd_table(t) {
            for (num, fd) in table.iter() {
                if let Some(f) = filter
                    && !f.matches(engine, t, num, fd)
                {
                    continue;
                }
                any = true;
                if with_fds {
                    fdtable.raw_set(u32_num(num), fd_entry(lua, fd, barebone)?)?;
                }
            }
        }
        if !any {
            continue;
        }
        let e = lua.create_table()?;
        e.set("tid", u32_num(t.tid()))?;
        e.set("pid", u32_num(t.pid()))?;
        if !barebone {
            e.set("ptid", u32_num(t.ptid()))?;
            e.set("comm", lua.create_string(t.comm())?)?;
            e.set("exe", lua.create_string(t.exe())?)?;
            e.set("flags", f64::from(t.flags()))?;
            e.set("fdlimit", u32_num(t.fdlimit()))?;
            e.set("uid", f64::from(t.uid()))?;
            e.set("gid", f64::from(t.gid()))?;
            e.set("nchilds", f64::from(t.nchilds() as u32))?;
            e.set("vmsize_kb", f64::from(t.vmsize_kb()))?;
            e.set("vmrss_kb", f64::from(t.vmrss_kb()))?;
            e.set("vmswap_kb", f64::from(t.vmswap_kb()))?;
            e.set("pfmajor", f64::from(t.pfmajor() as u32))?;
            e.set("pfminor", f64::from(t.pfminor() as u32))?;
            e.set("clone_ts", t.clone_ts().to_string())?;
            let user = if t.uid() == u32::MAX { None } else { engine.users().user(t.uid()) };
            match user {
                Some(u) => e.set("username", lua.create_string(&u.name)?)?,
                None => e.set("username", "<NA>")?,
            }
            e.set("args", string_array(lua, t.args())?)?;
            e.set("env", string_array(lua, t.env())?)?;
        }
        e.set("fdtable", fdtable)?;
        out.raw_set(u32_num(t.tid()), e)?;
    }
    Ok(out)
}

/// Builds the container table (chisel-api.md 4.6): an array in id order.
pub(crate) fn container_table(lua: &Lua, engine: &Engine) -> mlua::Result<Table> {
    let out = lua.create_table()?;
    let mut i = 0;
    for c in engine.containers().iter() {
        if c.id.is_empty() || c.id == "host" {
            continue;
        }
        i += 1;
        let e = lua.create_table()?;
        e.set("id", c.id.as_str())?;
        e.set("name", c.name.as_str())?;
        e.set("image", c.image.as_str())?;
        e.set("type", container_type_name(c.kind))?;
        out.raw_set(i, e)?;
    }
    Ok(out)
}

fn container_type_name(k: engine::ContainerType) -> &'static str {
    match k.name() {
        Some("libvirt-lxc") => "libvirt_lxc",
        Some(n) => n,
        None => "unknown",
    }
}
