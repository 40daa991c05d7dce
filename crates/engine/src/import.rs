//! Importing a capture section's process list (PL/FDL blocks), interfaces and
//! users (state-engine.md §1.1 steps 3–6, §2.2, §3.12).

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use scap::{FdInfo, ThreadEntry, fd_type};

use crate::engine::Engine;
use crate::fds::{Fd, FdKind, L4Proto, fd_flags};
use crate::paths;
use crate::render::net;
use crate::threads::{Thread, bytes_of, cstr, thread_flags as tf};

const TRACER_DEVICE: &[u8] = b"/dev/null";

/// Container ids of the cgroups blobs resolved in one pass over the threads.
type ResolvedCgroups = FxHashMap<Vec<u8>, Arc<str>>;

impl Engine {
    /// Imports a section's threads, interfaces and users.
    pub(crate) fn import(&mut self, meta: &scap::Metadata) {
        let mut server_ports = FxHashSet::default();
        for entry in &meta.threads {
            let t = self.thread_from_entry(entry, &mut server_ports);
            self.add_thread(t, true);
        }
        self.interfaces.load(meta);
        self.users.load(meta);
        self.create_child_dependencies();
        self.fix_sockets_from_proc(&server_ports);
    }

    /// Resolves the containers of all threads again, after leading container
    /// events changed the container table.
    pub(crate) fn reresolve_containers(&mut self) {
        let tids = self.threads.tids();
        let mut resolved = ResolvedCgroups::default();
        for tid in tids {
            let Some(t) = self.threads.get(tid) else { continue };
            let cg = t.cgroups.clone();
            let id = self.resolve_cached(&cg, &mut resolved);
            if let Some(t) = self.threads.get_mut(tid) {
                t.container_id = id;
            }
        }
    }

    /// The container of a normalised cgroups blob. Threads of one process or
    /// container have the same blob, and resolving it again gives the same id
    /// (the stubs it adds are there the second time), so one pass over many
    /// threads resolves each distinct blob once.
    fn resolve_cached(&mut self, cgroups: &[u8], cache: &mut ResolvedCgroups) -> Arc<str> {
        if let Some(id) = cache.get(cgroups) {
            return id.clone();
        }
        let id = self.containers.resolve(&crate::cgroups::paths(cgroups));
        cache.insert(cgroups.to_vec(), id.clone());
        id
    }

    fn thread_from_entry(&mut self, e: &ThreadEntry, ports: &mut FxHashSet<u16>) -> Thread {
        let mut t = Thread::blank(e.tid as i64);
        t.pid = e.pid as i64;
        t.ptid = e.ptid as i64;
        t.sid = e.sid as i64;
        t.vpgid = e.vpgid as i64;
        t.comm = bytes_of(cstr(&e.comm));
        t.exe = bytes_of(cstr(&e.exe));
        t.exepath = bytes_of(cstr(&e.exepath));
        t.exe_writable = e.exe_writable.unwrap_or(false);
        t.args = bytes_of(&e.args);
        // The main-thread test runs before the entry's flags are applied, so only
        // tid == pid counts here.
        if t.tid == t.pid {
            t.env = bytes_of(&e.env);
            let mut cwd = Vec::new();
            let raw = cstr(&e.cwd);
            paths::concatenate(&mut cwd, b"", raw, raw.len(), Some(paths::MAX_PATH));
            if cwd.last() != Some(&b'/') {
                cwd.push(b'/');
            }
            t.cwd = bytes_of(&cwd);
        }
        t.flags |= e.flags | tf::ACTIVE;
        t.fdlimit = e.fdlimit as i64;
        t.uid = e.uid;
        t.gid = e.gid;
        t.vmsize_kb = e.vmsize_kb;
        t.vmrss_kb = e.vmrss_kb;
        t.vmswap_kb = e.vmswap_kb;
        t.pfmajor = e.pfmajor;
        t.pfminor = e.pfminor;
        t.vtid = e.vtid;
        t.vpid = e.vpid;
        t.loginuid = e.loginuid.unwrap_or(u32::MAX);
        (t.cgroups, t.container_id) = self.cgroups_and_container(&e.cgroups);
        t.root = bytes_of(cstr(&e.root));
        // One scratch record per thread: fields an entry does not write keep the
        // previous entry's bytes.
        let mut scratch = Fd::new(FdKind::Unknown);
        for f in &e.fds {
            if import_fd(&mut scratch, f.ino, &f.info, ports) {
                t.fds.insert_raw(f.fd, scratch.clone());
            }
        }
        t
    }

    /// `fix_sockets_coming_from_proc`: IPv4 sockets whose source port is a
    /// listening port anywhere are turned around and get the server role.
    fn fix_sockets_from_proc(&mut self, ports: &FxHashSet<u16>) {
        let mut name = Vec::new();
        for t in self.threads.iter_mut() {
            for (_, f) in t.fds.iter_mut() {
                if f.kind != FdKind::Ipv4Sock {
                    continue;
                }
                if ports.contains(&f.sock.v4_sport()) {
                    f.sock.swap_v4();
                    name.clear();
                    let s = &f.sock;
                    net::push_ipv4_tuple(
                        &mut name,
                        s.v4_sip(),
                        s.v4_sport(),
                        s.v4_dip(),
                        s.v4_dport(),
                    );
                    f.name.clear();
                    f.name.extend_from_slice(&name);
                    f.flags |= fd_flags::ROLE_SERVER;
                } else {
                    f.flags |= fd_flags::ROLE_CLIENT;
                }
            }
        }
    }
}

/// `add_fd_from_scap` into the per-thread scratch record; false when the type is
/// one sysdig 0.29.3 does not add.
fn import_fd(s: &mut Fd, ino: u64, info: &FdInfo, ports: &mut FxHashSet<u16>) -> bool {
    s.flags = fd_flags::FROM_PROC;
    s.openflags = 0;
    s.ino = ino;
    s.name.clear();
    let tcp = L4Proto::Tcp.code();
    match info {
        FdInfo::Ipv4Sock { sip, dip, sport, dport, l4proto } => {
            s.kind = FdKind::Ipv4Sock;
            write_v4(s, *sip, *dip, *sport, *dport, *l4proto);
            if *l4proto == tcp {
                s.flags |= fd_flags::SOCKET_CONNECTED;
            }
            net::push_ipv4_tuple(&mut s.name, *sip, *sport, *dip, *dport);
        }
        FdInfo::Ipv4Server { ip, port, l4proto } => {
            s.kind = FdKind::Ipv4ServSock;
            s.sock.set_srv4_ip(*ip);
            s.sock.set_srv4_port(*port);
            s.sock.set_srv4_l4(*l4proto);
            net::push_ipv4_endpoint(&mut s.name, *ip, *port);
            ports.insert(*port);
        }
        FdInfo::Ipv6Sock { sip, dip, sport, dport, l4proto } => {
            if net::is_ipv4_mapped(sip) && net::is_ipv4_mapped(dip) {
                s.kind = FdKind::Ipv4Sock;
                let v4 = |a: &[u8; 16]| [a[12], a[13], a[14], a[15]];
                write_v4(s, v4(sip), v4(dip), *sport, *dport, *l4proto);
                net::push_ipv4_tuple(&mut s.name, v4(sip), *sport, v4(dip), *dport);
            } else {
                s.kind = FdKind::Ipv6Sock;
                s.sock.set_v6_sip(*sip);
                s.sock.set_v6_dip(*dip);
                s.sock.set_v6_sport(*sport);
                s.sock.set_v6_dport(*dport);
                s.sock.set_v6_l4(*l4proto);
                net::push_ipv6_tuple(&mut s.name, *sip, *sport, *dip, *dport);
            }
            if *l4proto == tcp {
                s.flags |= fd_flags::SOCKET_CONNECTED;
            }
        }
        FdInfo::Ipv6Server { ip, port, l4proto } => {
            s.kind = FdKind::Ipv6ServSock;
            s.sock.set_srv6_ip(*ip);
            s.sock.set_srv6_port(*port);
            s.sock.set_srv6_l4(*l4proto);
            net::push_ipv6_endpoint(&mut s.name, *ip, *port);
            ports.insert(*port);
        }
        FdInfo::Unix { source, dest, path } => {
            s.kind = FdKind::UnixSock;
            s.sock.set_unix(*source, *dest);
            s.name.extend_from_slice(cstr(path));
            s.flags |=
                if s.name.is_empty() { fd_flags::ROLE_CLIENT } else { fd_flags::ROLE_SERVER };
        }
        FdInfo::FileV2 { open_flags, name, dev } => {
            s.kind = FdKind::FileV2;
            s.openflags = *open_flags;
            s.name.extend_from_slice(cstr(name));
            s.dev = dev.unwrap_or(0);
            s.flags |= tracer_bit(&s.name);
        }
        FdInfo::Named { fd_type: t, name } => {
            let kind = match *t {
                fd_type::FIFO
                | fd_type::FILE
                | fd_type::DIRECTORY
                | fd_type::UNSUPPORTED
                | fd_type::SIGNALFD
                | fd_type::EVENTPOLL
                | fd_type::EVENT
                | fd_type::INOTIFY
                | fd_type::TIMERFD
                | fd_type::NETLINK => FdKind::from_scap(*t),
                _ => None,
            };
            let Some(kind) = kind else { return false };
            s.kind = kind;
            s.name.extend_from_slice(cstr(name));
            s.flags |= tracer_bit(&s.name);
        }
    }
    true
}

fn write_v4(s: &mut Fd, sip: [u8; 4], dip: [u8; 4], sport: u16, dport: u16, l4: u8) {
    s.sock.set_v4_sip(sip);
    s.sock.set_v4_dip(dip);
    s.sock.set_v4_sport(sport);
    s.sock.set_v4_dport(dport);
    s.sock.set_v4_l4(l4);
}

pub(crate) fn tracer_bit(name: &[u8]) -> u32 {
    if name == TRACER_DEVICE { fd_flags::IS_TRACER_FILE } else { fd_flags::IS_NOT_TRACER_FD }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scratch_residue_carries_over() {
        // Worked example 2: a unix socket's pointer leaves its top byte at offset 7,
        // which an IPv4 server entry does not write.
        let mut ports = FxHashSet::default();
        let mut s = Fd::new(FdKind::Unknown);
        let unix = FdInfo::Unix { source: 0xffff_8edc_0541_dc00, dest: 0, path: Vec::new() };
        assert!(import_fd(&mut s, 1, &unix, &mut ports));
        let srv = FdInfo::Ipv4Server { ip: [0; 4], port: 55441, l4proto: 3 };
        assert!(import_fd(&mut s, 2, &srv, &mut ports));
        assert_eq!(s.sock.0[7], 0xff);
        assert_eq!(s.name, b"0.0.0.0:55441");
        assert!(ports.contains(&55441));
    }

    #[test]
    fn newer_fd_types_are_not_added() {
        let mut ports = FxHashSet::default();
        let mut s = Fd::new(FdKind::Unknown);
        let memfd = FdInfo::Named { fd_type: fd_type::MEMFD, name: b"x".to_vec() };
        assert!(!import_fd(&mut s, 0, &memfd, &mut ports));
        let null = FdInfo::Named { fd_type: fd_type::FILE, name: b"/dev/null".to_vec() };
        assert!(import_fd(&mut s, 0, &null, &mut ports));
        assert_ne!(s.flags & fd_flags::IS_TRACER_FILE, 0);
    }
}
