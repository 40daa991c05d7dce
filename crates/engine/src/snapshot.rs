//! The current state as capture metadata, for a capture file that starts in the
//! middle of a stream (rotation with `-C`/`-G`/`-W`/`-e`, live capture), the way
//! sinsp's dumper starts every file: machine, interfaces, users and groups, the
//! thread table with each thread's fds ([`Engine::snapshot`]), then one container
//! JSON event per known container ([`Engine::container_events`]).
//!
//! Reading the file back (sysdig 0.29.3 or sysray) imports the same state, with
//! the limits of the process-list format, which carries neither per-event
//! bookkeeping nor everything an fd record holds:
//!
//! * A thread's stored enter event, last fd and latency are not carried: the
//!   first exit of a thread in the new file is unpaired. Parent-child counts are
//!   recomputed, and a main thread's empty cwd becomes `/`.
//! * Fds are written with the fields their FDL entry has. The importer marks
//!   them `FROM_PROC`, re-renders socket names from their addresses (an
//!   unconnected socket gets `0.0.0.0:0->0.0.0.0:0`), marks TCP sockets
//!   connected, decides unix roles by the path and IPv4 roles by the listening
//!   ports, and forgets directories' open flags and device.
//! * IPv4 connections the traced process accepted are written server side first
//!   when their local port is listened on in the snapshot, so that the importer
//!   turns them around again and gives them the server role.
//!
//! What is pending for the next event is applied: the thread whose removal is
//! due and the fds whose close completed are left out. Threads sharing their
//! process' fd table get an empty FD list, as in sinsp, since their lookups go to
//! the main thread's table. Strings are cut to the limits libscap's reader
//! enforces.

use rustc_hash::FxHashSet;
use scap::table::{ef, ids};
use scap::{Event, FdEntry, FdInfo, Group, Metadata, OwnedEvent, ThreadEntry, User, fd_type};

use crate::engine::Engine;
use crate::fds::{Fd, FdKind, FdTable};
use crate::threads::Thread;

/// Longest comm, exe, exepath, cwd and root libscap reads (`SCAP_MAX_PATH_SIZE`).
const MAX_PATH_FIELD: usize = 1024;
/// Longest args, env and cgroups blob libscap reads.
const MAX_BLOB_FIELD: usize = 4096;
/// Longest fd name libscap reads.
const MAX_FD_NAME: usize = 1023;
/// Longest user name, home directory or shell libscap reads.
const MAX_USER_FIELD: usize = 255;

fn cut(b: &[u8], max: usize) -> Vec<u8> {
    b[..b.len().min(max)].to_vec()
}

impl Engine {
    /// The current state in the form of a capture's metadata blocks: what a new
    /// capture file must start with. Write it with [`scap::Writer::write_metadata`],
    /// then the [`Engine::container_events`], then the events that follow.
    ///
    /// Threads are in tid order, each thread's fds in fd order. Loading the
    /// result into a fresh engine with [`Engine::load_metadata`] gives the same
    /// thread and fd tables within the limits listed in the module docs.
    pub fn snapshot(&self) -> Metadata {
        let mut meta = Metadata {
            machine: self.machine.clone(),
            interfaces: self.interfaces.entries().to_vec(),
            ..Metadata::default()
        };
        let mut users: Vec<User> = self
            .users
            .users()
            .map(|u| User {
                uid: u.uid,
                gid: u.gid,
                name: cut(&u.name, MAX_USER_FIELD),
                homedir: cut(&u.homedir, MAX_USER_FIELD),
                shell: cut(&u.shell, MAX_USER_FIELD),
            })
            .collect();
        users.sort_by_key(|u| u.uid);
        meta.users = users;
        let mut groups: Vec<Group> = self
            .users
            .groups()
            .map(|g| Group { gid: g.gid, name: cut(&g.name, MAX_USER_FIELD) })
            .collect();
        groups.sort_by_key(|g| g.gid);
        meta.groups = groups;

        let mut threads: Vec<&Thread> =
            self.threads.iter().filter(|t| !self.removal_due(t)).collect();
        threads.sort_unstable_by_key(|t| t.tid);
        let listening = listening_ports(&threads);
        meta.threads = threads
            .iter()
            .map(|t| {
                let mut e = thread_entry(t);
                if owns_fd_table(t) {
                    e.fds = self.fd_entries(t.tid, &t.fds, &listening);
                }
                e
            })
            .collect();
        meta
    }

    /// One `PPME_CONTAINER_JSON_2_E` event per known container, in id order, as
    /// sinsp's dumper writes them after the metadata: timestamp `ts`, tid −1,
    /// CPU 0, the JSON of [`crate::Container::to_json`] with its terminating NUL.
    /// Reading them back (as the leading events of a capture) restores the
    /// container table.
    pub fn container_events(&self, ts: u64) -> Vec<OwnedEvent> {
        self.containers
            .iter()
            .map(|c| {
                let mut json = c.to_json().into_bytes();
                json.push(0);
                OwnedEvent::build(ts, u64::MAX, ids::CONTAINER_JSON_2_E, &[&json])
            })
            .collect()
    }

    /// The enter event each thread's next exit pairs with, as `STATE_ONLY`
    /// events in timestamp order, for a new capture file to carry after the
    /// container events: an engine reading them (sysray or sysdig, which apply
    /// state-only events without showing them) pairs that exit as this engine
    /// would, with the same fd, stored parameters and latency.
    ///
    /// The stored copy of the enter is used when the thread has one; otherwise
    /// (enters sinsp does not store, such as `read`) an event of the same type is
    /// built with the fd as its first parameter and zeroed or empty others,
    /// which the enter handlers ignore. They are numbered like any event, so the
    /// first event after them has a higher `evt.num` than in a file without them.
    pub fn pending_enter_events(&self) -> Vec<OwnedEvent> {
        let mut threads: Vec<&Thread> =
            self.threads.iter().filter(|t| !self.removal_due(t)).collect();
        threads.sort_unstable_by_key(|t| (t.last_latency_entertime, t.tid));
        threads.into_iter().filter_map(pending_enter).collect()
    }

    /// True for the thread the next event removes (`m_tid_to_remove`, when it has
    /// no children left).
    fn removal_due(&self, t: &Thread) -> bool {
        self.tid_to_remove == Some(t.tid) && t.nchilds == 0
    }

    /// The FDL entries of table `fds` of thread `tid`, without the fds whose
    /// removal the next event performs.
    fn fd_entries(&self, tid: i64, fds: &FdTable, listening: &FxHashSet<u16>) -> Vec<FdEntry> {
        let closing = |fd: i64| {
            !self.fds_to_remove.is_empty()
                && self.fds_to_remove.contains(&fd)
                && self.fd_table_owner(self.fd_remove_tid) == Some(tid)
        };
        fds.iter()
            .filter(|(n, _)| !closing(*n))
            .filter_map(|(n, f)| Some(FdEntry { fd: n, ino: f.ino, info: fd_info(f, listening)? }))
            .collect()
    }

    /// The tid whose table `tid` uses, without creating anything.
    fn fd_table_owner(&self, tid: i64) -> Option<i64> {
        let t = self.threads.get(tid)?;
        if !t.shares_fds() || t.is_main_thread() {
            return Some(tid);
        }
        Some(t.pid)
    }
}

/// The enter event `t`'s next exit pairs with, if it waits for one.
fn pending_enter(t: &Thread) -> Option<OwnedEvent> {
    let etype = u16::try_from(t.lastevent_type).ok()?;
    let info = scap::table::event_info(etype)?;
    let exit = scap::table::event_info(etype.checked_add(1)?)?;
    let replayable = scap::table::is_enter(etype)
        && !info.is_internal()
        && info.flags & ef::SKIPPARSERESET == 0
        && exit.flags & ef::UNUSED == 0
        && !matches!(etype, ids::PROCEXIT_E | ids::PROCEXIT_1_E);
    if !replayable {
        return None;
    }
    let ts = t.last_latency_entertime;
    let stored = Event::from_v2(&t.enter.bytes, t.enter.cpuid, 0)
        .ok()
        .filter(|en| t.enter.present && en.event_type() == etype);
    let mut ev = match stored {
        Some(en) => {
            let mut ev = en.to_owned_event();
            // An invalid stored enter is one the exit must not retrieve.
            ev.cpuid = if t.enter.valid { t.enter.cpuid } else { u16::MAX };
            ev.bytes[..8].copy_from_slice(&ts.to_le_bytes());
            ev
        }
        None => built_enter(t, etype, info, ts),
    };
    ev.dump_flags = scap::dump_flags::STATE_ONLY;
    Some(ev)
}

/// An enter of type `etype` carrying only what `reset` reads: the fd.
fn built_enter(t: &Thread, etype: u16, info: &scap::table::EventInfo, ts: u64) -> OwnedEvent {
    let params: Vec<Vec<u8>> = info
        .params
        .iter()
        .enumerate()
        .map(|(i, p)| match p.ptype.fixed_size() {
            Some(n) if i == 0 && info.flags & ef::USES_FD != 0 => {
                t.lastevent_fd.get().to_le_bytes()[..n.min(8)].to_vec()
            }
            Some(n) => vec![0; n],
            None => Vec::new(),
        })
        .collect();
    let refs: Vec<&[u8]> = params.iter().map(Vec::as_slice).collect();
    let mut ev = OwnedEvent::build(ts, t.tid as u64, etype, &refs);
    // A stored type built here was not usable by the exit (too long to store,
    // or overwritten): an invalid CPU keeps it unusable.
    if etype == ids::SOCKET_SENDTO_E || crate::parsers::always_stores_enter(etype) {
        ev.cpuid = u16::MAX;
    }
    ev
}

/// True if lookups of `t`'s fds use its own table.
fn owns_fd_table(t: &Thread) -> bool {
    !t.shares_fds() || t.is_main_thread()
}

fn thread_entry(t: &Thread) -> ThreadEntry {
    ThreadEntry {
        tid: t.tid as u64,
        pid: t.pid as u64,
        ptid: t.ptid as u64,
        sid: t.sid as u64,
        vpgid: t.vpgid as u64,
        comm: cut(&t.comm, MAX_PATH_FIELD),
        exe: cut(&t.exe, MAX_PATH_FIELD),
        exepath: cut(&t.exepath, MAX_PATH_FIELD),
        args: cut(&t.args, MAX_BLOB_FIELD),
        cwd: cut(&t.cwd, MAX_PATH_FIELD),
        fdlimit: t.fdlimit as u64,
        flags: t.flags,
        uid: t.uid,
        gid: t.gid,
        vmsize_kb: t.vmsize_kb,
        vmrss_kb: t.vmrss_kb,
        vmswap_kb: t.vmswap_kb,
        pfmajor: t.pfmajor,
        pfminor: t.pfminor,
        env: cut(&t.env, MAX_BLOB_FIELD),
        vtid: t.vtid,
        vpid: t.vpid,
        cgroups: cut(&t.cgroups, MAX_BLOB_FIELD),
        root: cut(&t.root, MAX_PATH_FIELD),
        loginuid: Some(t.loginuid),
        exe_writable: Some(t.exe_writable),
        pidns_init_start_ts: Some(t.pidns_init_start_ts),
        tty: Some(t.tty),
        ..ThreadEntry::default()
    }
}

/// Ports of the listening sockets the snapshot writes (the importer's "server
/// ports").
fn listening_ports(threads: &[&Thread]) -> FxHashSet<u16> {
    let mut ports = FxHashSet::default();
    for t in threads.iter().filter(|t| owns_fd_table(t)) {
        for (_, f) in t.fds.iter() {
            match f.kind {
                FdKind::Ipv4ServSock => ports.insert(f.sock.srv4_port()),
                FdKind::Ipv6ServSock => ports.insert(f.sock.srv6_port()),
                _ => false,
            };
        }
    }
    ports
}

/// The FDL form of `f`; `None` for kinds sysdig 0.29.3 cannot read back.
fn fd_info(f: &Fd, listening: &FxHashSet<u16>) -> Option<FdInfo> {
    let s = &f.sock;
    let named = |t: u8| Some(FdInfo::Named { fd_type: t, name: cut(&f.name, MAX_FD_NAME) });
    match f.kind {
        FdKind::FileV2 => Some(FdInfo::FileV2 {
            open_flags: f.openflags,
            name: cut(&f.name, MAX_FD_NAME),
            dev: Some(f.dev),
        }),
        FdKind::Ipv4Sock => {
            let (mut sip, mut sport, mut dip, mut dport) =
                (s.v4_sip(), s.v4_sport(), s.v4_dip(), s.v4_dport());
            if f.is_role_server() && listening.contains(&dport) {
                (sip, sport, dip, dport) = (dip, dport, sip, sport);
            }
            Some(FdInfo::Ipv4Sock { sip, dip, sport, dport, l4proto: s.v4_l4() })
        }
        FdKind::Ipv6Sock => Some(FdInfo::Ipv6Sock {
            sip: s.v6_sip(),
            dip: s.v6_dip(),
            sport: s.v6_sport(),
            dport: s.v6_dport(),
            l4proto: s.v6_l4(),
        }),
        FdKind::Ipv4ServSock => {
            Some(FdInfo::Ipv4Server { ip: s.srv4_ip(), port: s.srv4_port(), l4proto: s.srv4_l4() })
        }
        FdKind::Ipv6ServSock => {
            Some(FdInfo::Ipv6Server { ip: s.srv6_ip(), port: s.srv6_port(), l4proto: s.srv6_l4() })
        }
        FdKind::UnixSock => Some(FdInfo::Unix {
            source: s.unix_source(),
            dest: s.unix_dest(),
            path: cut(&f.name, MAX_FD_NAME),
        }),
        FdKind::File => named(fd_type::FILE),
        FdKind::Directory => named(fd_type::DIRECTORY),
        FdKind::Fifo => named(fd_type::FIFO),
        FdKind::Event => named(fd_type::EVENT),
        FdKind::Unsupported => named(fd_type::UNSUPPORTED),
        FdKind::SignalFd => named(fd_type::SIGNALFD),
        FdKind::EventPoll => named(fd_type::EVENTPOLL),
        FdKind::Inotify => named(fd_type::INOTIFY),
        FdKind::TimerFd => named(fd_type::TIMERFD),
        FdKind::Netlink => named(fd_type::NETLINK),
        // Never stored by the engine (sysdig 0.29.3 neither creates nor imports
        // them) and refused by its reader.
        FdKind::Unknown
        | FdKind::Bpf
        | FdKind::UserFaultFd
        | FdKind::IoUring
        | FdKind::MemFd
        | FdKind::PidFd => None,
    }
}

#[cfg(test)]
mod tests {
    use scap::table::ids::*;

    use super::*;
    use crate::testutil::{Harness, ev, pl_thread};

    fn seeded() -> Harness {
        let mut meta = Metadata::default();
        let mut t = pl_thread(10, 10, "srv");
        t.fds.push(FdEntry {
            fd: 3,
            ino: 1,
            info: FdInfo::Ipv4Server { ip: [0; 4], port: 8080, l4proto: 2 },
        });
        // Listed client side first, as /proc shows a connection: the importer
        // turns it around because 8080 is listened on.
        t.fds.push(FdEntry {
            fd: 4,
            ino: 2,
            info: FdInfo::Ipv4Sock {
                sip: [10, 0, 0, 1],
                dip: [10, 0, 0, 2],
                sport: 8080,
                dport: 5000,
                l4proto: 2,
            },
        });
        meta.threads.push(t);
        Harness::new(&meta)
    }

    fn reloaded(e: &Engine) -> Engine {
        let mut fresh = Engine::new();
        fresh.load_metadata(&e.snapshot());
        for ev in e.container_events(5).iter().chain(&e.pending_enter_events()) {
            fresh.process(&ev.as_event(), None);
        }
        fresh
    }

    #[test]
    fn accepted_connections_keep_the_server_role() {
        let h = seeded();
        let snap = h.engine.snapshot();
        let fds = &snap.threads[0].fds;
        assert!(matches!(fds[1].info, FdInfo::Ipv4Sock { sport: 8080, dport: 5000, .. }));
        let back = reloaded(&h.engine);
        let t = back.threads().get(10).unwrap();
        let f = back.threads().fd(t, 4).unwrap();
        assert!(f.is_role_server());
        assert_eq!(f.name(), b"10.0.0.2:5000->10.0.0.1:8080");
        assert_eq!(f.ipv4_tuple(), h.engine.threads().fd(t, 4).unwrap().ipv4_tuple());
    }

    #[test]
    fn completed_close_and_due_removal_are_left_out() {
        let mut h = seeded();
        h.run(ev(SYSCALL_CLOSE_E, 10).p("fd", 3));
        h.run(ev(SYSCALL_CLOSE_X, 10).p("res", 0));
        let snap = h.engine.snapshot();
        let fds: Vec<i64> = snap.threads[0].fds.iter().map(|f| f.fd).collect();
        assert_eq!(fds, [4]);
        h.run(ev(PROCEXIT_1_E, 10).p("status", 0).p("ret", 0).p("sig", 0).p("core", 0));
        assert!(h.engine.threads().get(10).is_some());
        assert!(h.engine.snapshot().threads.is_empty());
        assert!(h.engine.pending_enter_events().is_empty());
    }

    #[test]
    fn pending_enters_pair_the_first_exit() {
        let mut h = seeded();
        h.run(ev(SYSCALL_READ_E, 10).ts(7).p("fd", 4).p("size", 64));
        let pending = h.engine.pending_enter_events();
        assert_eq!(pending.len(), 1);
        let p = pending[0].as_event();
        assert_eq!((p.event_type(), p.ts(), p.param_i64(0)), (SYSCALL_READ_E, 7, Some(4)));
        assert_eq!(p.dump_flags(), scap::dump_flags::STATE_ONLY);
        let mut back = Harness { engine: reloaded(&h.engine) };
        let data = crate::testutil::Val::Raw(b"hi".to_vec());
        let exit = ev(SYSCALL_READ_X, 10).ts(9).p("res", 2).p("data", data);
        assert_eq!(back.run(exit), "srv (10) < read res=2 data=hi ");
        let t = back.engine.threads().get(10).unwrap();
        assert_eq!(t.latency(), 2);
        assert_eq!(t.last_event_fd(), 4);
    }

    #[test]
    fn stored_enters_are_replayed_as_recorded() {
        let mut h = seeded();
        let open = ev(SYSCALL_OPEN_E, 10).ts(3).p("name", "/etc/hosts").p("flags", 1).p("mode", 0);
        let bytes = open.build().bytes;
        h.run(ev(SYSCALL_OPEN_E, 10).ts(3).p("name", "/etc/hosts").p("flags", 1).p("mode", 0));
        let pending = h.engine.pending_enter_events();
        assert_eq!(pending[0].bytes, bytes);
        let mut back = Harness { engine: reloaded(&h.engine) };
        let exit =
            ev(SYSCALL_OPEN_X, 10).p("fd", 5).p("name", "").p("flags", 0).p("mode", 0).p("dev", 0);
        assert_eq!(
            back.run(exit),
            // sysdig resolves an empty (one NUL byte) path against the cwd.
            "srv (10) < open fd=5(<f>/etc/hosts) name=(/) flags=0(O_NONE) mode=0 dev=0 "
        );
    }

    #[test]
    fn strings_are_cut_to_the_reader_limits() {
        let mut meta = Metadata::default();
        let mut t = pl_thread(1, 1, "x");
        t.args = vec![b'a'; 5000];
        meta.threads.push(t);
        let h = Harness::new(&meta);
        let snap = h.engine.snapshot();
        assert_eq!(snap.threads[0].args.len(), MAX_BLOB_FIELD);
        let mut w = scap::Writer::new(Vec::new(), scap::Compression::None).unwrap();
        w.write_metadata(&snap).unwrap();
        let r = scap::Reader::from_reader(std::io::Cursor::new(w.finish().unwrap())).unwrap();
        assert_eq!(r.metadata().threads[0].args.len(), MAX_BLOB_FIELD);
    }

    #[test]
    fn one_container_event_per_container() {
        let mut meta = Metadata::default();
        let mut t = pl_thread(1, 1, "x");
        t.cgroups = format!("cpu=/docker/{}\0", "ab".repeat(32)).into_bytes();
        meta.threads.push(t);
        let h = Harness::new(&meta);
        let evs = h.engine.container_events(42);
        assert_eq!(evs.len(), 1);
        let e = evs[0].as_event();
        assert_eq!((e.event_type(), e.ts(), e.tid()), (CONTAINER_JSON_2_E, 42, u64::MAX));
        let json = e.param(0).unwrap();
        assert_eq!(json.last(), Some(&0));
        let c = crate::Container::from_json(&json[..json.len() - 1]).unwrap();
        assert_eq!(c.id, "abababababab");
    }
}
