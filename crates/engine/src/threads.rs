//! The thread table.
//!
//! Threads are keyed by tid. A thread's fd table and working directory belong to
//! its *main thread* (the entry whose tid is its pid) when it shares them
//! (`CLONE_FILES`; the cwd is always the main thread's), as in libsinsp. Strings
//! are reference-counted byte slices: a clone shares its parent's exe, args and
//! environment instead of copying them.
//!
//! The table is bounded ([`MAX_THREADS`]): when full, new threads are not added and
//! their events carry no thread, exactly as sysdig 0.29.3 behaves. Exited threads
//! are removed one event after their `procexit`, so memory stays flat on long
//! captures.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, LazyLock};

use crate::fds::FdTable;

/// Largest number of threads the table holds (libsinsp's absolute maximum).
pub const MAX_THREADS: usize = 131_072;

/// Shared immutable bytes.
pub(crate) type Bytes = Arc<[u8]>;

/// Thread flags (`PPM_CL_*`), including the libsinsp-private bits.
pub mod thread_flags {
    /// Shares the fd table with its process (`CLONE_FILES`).
    pub const CLONE_FILES: u32 = 1 << 0;
    /// A thread of a process, not a process (`CLONE_THREAD`).
    pub const CLONE_THREAD: u32 = 1 << 13;
    /// Created from the child side of a clone whose parent side was not seen.
    pub const CLONE_INVERTED: u32 = 1 << 16;
    /// The name changed (set on creation and by execve).
    pub const NAME_CHANGED: u32 = 1 << 17;
    /// The thread exited (`procexit` seen).
    pub const CLOSED: u32 = 1 << 18;
    /// Seen in an event.
    pub const ACTIVE: u32 = 1 << 19;
    /// dup'ed something onto stdout.
    pub const PIPE_SRC: u32 = 1 << 21;
    /// dup'ed something onto stdin.
    pub const PIPE_DST: u32 = 1 << 22;
    /// Created inside a pid namespace.
    pub const CHILD_IN_PIDNS: u32 = 1 << 29;
    /// Marked as main thread by the writer.
    pub const IS_MAIN_THREAD: u32 = 1 << 30;
}

use thread_flags as tf;

/// The copy of one enter event a thread keeps for its exit (`m_lastevent_data`).
#[derive(Clone, Debug, Default)]
pub(crate) struct EnterSlot {
    /// The event in v2 encoding; may be partial garbage after a select/poll enter.
    pub(crate) bytes: Vec<u8>,
    /// A buffer is attached (`m_lastevent_data != NULL`).
    pub(crate) present: bool,
    /// The validity bit (`m_lastevent_cpuid != -1`).
    pub(crate) valid: bool,
    /// CPU of the stored event.
    pub(crate) cpuid: u16,
}

/// The fd number of a thread's last event (`m_lastevent_fd`). A shared
/// reference can change it because sinsp points it at each fd in turn while it
/// evaluates thread-table filters ([`crate::Engine::with_synthetic_ctx`]);
/// relaxed atomic loads and stores cost what plain ones do.
#[derive(Debug, Default)]
pub(crate) struct LastFd(AtomicI64);

impl LastFd {
    pub(crate) fn new(fd: i64) -> LastFd {
        LastFd(AtomicI64::new(fd))
    }

    #[inline]
    pub(crate) fn get(&self) -> i64 {
        self.0.load(Ordering::Relaxed)
    }

    #[inline]
    pub(crate) fn set(&self, fd: i64) {
        self.0.store(fd, Ordering::Relaxed);
    }
}

impl Clone for LastFd {
    fn clone(&self) -> LastFd {
        LastFd::new(self.get())
    }
}

/// One thread.
///
/// `repr(C)` keeps the declaration order: the fields every event reads or
/// writes come first and share three cache lines; names, paths and the other
/// fields only some events touch follow.
#[derive(Clone, Debug)]
#[repr(C)]
pub struct Thread {
    pub(crate) tid: i64,
    pub(crate) pid: i64,
    pub(crate) flags: u32,
    pub(crate) lastevent_type: i32,
    pub(crate) lastevent_fd: LastFd,
    pub(crate) latency: u64,
    pub(crate) last_latency_entertime: u64,
    pub(crate) lastevent_ts: u64,
    pub(crate) prevevent_ts: u64,
    pub(crate) enter: EnterSlot,
    pub(crate) fds: FdTable,
    pub(crate) pfmajor: u64,
    pub(crate) pfminor: u64,
    pub(crate) vmsize_kb: u32,
    pub(crate) vmrss_kb: u32,
    pub(crate) vmswap_kb: u32,
    pub(crate) uid: u32,
    pub(crate) gid: u32,
    pub(crate) loginuid: u32,
    pub(crate) ptid: i64,
    pub(crate) sid: i64,
    pub(crate) vpgid: i64,
    pub(crate) fdlimit: i64,
    pub(crate) vtid: i64,
    pub(crate) vpid: i64,
    pub(crate) nchilds: u64,
    pub(crate) clone_ts: u64,
    pub(crate) pidns_init_start_ts: u64,
    pub(crate) tty: u32,
    pub(crate) exe_writable: bool,
    pub(crate) comm: Bytes,
    pub(crate) exe: Bytes,
    pub(crate) exepath: Bytes,
    pub(crate) args: Bytes,
    pub(crate) env: Bytes,
    pub(crate) cwd: Bytes,
    pub(crate) root: Bytes,
    pub(crate) cgroups: Bytes,
    pub(crate) container_id: Arc<str>,
}

/// The empty byte string, one allocation shared by all (a new thread starts
/// with eight of them, most replaced right away).
pub(crate) fn empty_bytes() -> Bytes {
    static EMPTY: LazyLock<Bytes> = LazyLock::new(|| Arc::from(&[][..]));
    Arc::clone(&EMPTY)
}

/// The empty container id (the host), shared as [`empty_bytes`] is.
pub(crate) fn host_container() -> Arc<str> {
    static HOST: LazyLock<Arc<str>> = LazyLock::new(|| Arc::from(""));
    Arc::clone(&HOST)
}

pub(crate) fn bytes_of(b: &[u8]) -> Bytes {
    if b.is_empty() {
        return empty_bytes();
    }
    Arc::from(b)
}

/// The bytes of a C string: everything up to the first NUL.
pub(crate) fn cstr(b: &[u8]) -> &[u8] {
    match b.iter().position(|&c| c == 0) {
        Some(i) => &b[..i],
        None => b,
    }
}

/// Splits a NUL-separated blob the way `set_args`/`set_env` do: one item per C
/// string, stopping when the offset reaches the end.
pub fn split_nul(blob: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut off = 0usize;
    std::iter::from_fn(move || {
        if off >= blob.len() {
            return None;
        }
        let item = cstr(&blob[off..]);
        off += item.len() + 1;
        Some(item)
    })
}

impl Thread {
    /// A thread record with libsinsp's defaults (`sinsp_threadinfo::init`).
    pub(crate) fn blank(tid: i64) -> Thread {
        Thread {
            tid,
            pid: -1,
            ptid: 0,
            sid: -1,
            vpgid: -1,
            comm: empty_bytes(),
            exe: empty_bytes(),
            exepath: empty_bytes(),
            args: empty_bytes(),
            env: empty_bytes(),
            cwd: empty_bytes(),
            root: empty_bytes(),
            cgroups: empty_bytes(),
            container_id: host_container(),
            flags: tf::NAME_CHANGED,
            fdlimit: -1,
            uid: 0,
            gid: 0,
            loginuid: 0,
            vmsize_kb: 0,
            vmrss_kb: 0,
            vmswap_kb: 0,
            pfmajor: 0,
            pfminor: 0,
            vtid: -1,
            vpid: -1,
            tty: 0,
            exe_writable: false,
            nchilds: 0,
            clone_ts: 0,
            pidns_init_start_ts: 0,
            fds: FdTable::default(),
            lastevent_type: -1,
            lastevent_fd: LastFd::new(0),
            enter: EnterSlot::default(),
            latency: 0,
            last_latency_entertime: 0,
            lastevent_ts: 0,
            prevevent_ts: 0,
        }
    }

    /// The entry invented for an unknown tid (`get_thread_ref` in file mode).
    pub(crate) fn placeholder(tid: i64) -> Thread {
        let na: Bytes = bytes_of(b"<NA>");
        let mut t = Thread::blank(tid);
        t.pid = tid;
        t.ptid = -1;
        t.comm = na.clone();
        t.exe = na;
        t.uid = u32::MAX;
        t.gid = u32::MAX;
        t.loginuid = u32::MAX;
        t
    }

    /// True for the entry invented for an unknown tid and not filled in since.
    pub(crate) fn is_placeholder(&self) -> bool {
        &*self.comm == b"<NA>" && self.uid == u32::MAX
    }

    /// Thread id.
    pub fn tid(&self) -> i64 {
        self.tid
    }
    /// Process id (thread group id).
    pub fn pid(&self) -> i64 {
        self.pid
    }
    /// Parent thread id (the thread that cloned this one).
    pub fn ptid(&self) -> i64 {
        self.ptid
    }
    /// Session id.
    pub fn sid(&self) -> i64 {
        self.sid
    }
    /// Process group id inside the pid namespace.
    pub fn vpgid(&self) -> i64 {
        self.vpgid
    }
    /// Kernel command name (`proc.name`).
    pub fn comm(&self) -> &[u8] {
        &self.comm
    }
    /// `argv[0]` (`proc.exe`).
    pub fn exe(&self) -> &[u8] {
        &self.exe
    }
    /// Full executable path (`proc.exepath`).
    pub fn exepath(&self) -> &[u8] {
        &self.exepath
    }
    /// The arguments after `argv[0]`.
    pub fn args(&self) -> impl Iterator<Item = &[u8]> {
        split_nul(&self.args)
    }
    /// The environment, `NAME=value` items.
    pub fn env(&self) -> impl Iterator<Item = &[u8]> {
        split_nul(&self.env)
    }
    /// The value of environment variable `name` (own environment only).
    pub fn env_var(&self, name: &[u8]) -> Option<&[u8]> {
        self.env().find_map(|e| e.strip_prefix(name).and_then(|rest| rest.strip_prefix(b"=")))
    }
    /// The stored working directory of this entry; use
    /// [`crate::ThreadTable::cwd`] for the one sysdig reports (the main thread's).
    pub fn own_cwd(&self) -> &[u8] {
        &self.cwd
    }
    /// Root directory set by chroot.
    pub fn root(&self) -> &[u8] {
        &self.root
    }
    /// Cgroups as `(subsystem, path)` pairs, subsystem names normalised.
    pub fn cgroups(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        split_nul(&self.cgroups).filter_map(|item| {
            let eq = item.iter().rposition(|&c| c == b'=')?;
            Some((&item[..eq], &item[eq + 1..]))
        })
    }
    /// The path of cgroup subsystem `subsys`.
    pub fn cgroup(&self, subsys: &[u8]) -> Option<&[u8]> {
        self.cgroups().find(|(s, _)| *s == subsys).map(|(_, p)| p)
    }
    /// Container id, empty on the host.
    pub fn container_id(&self) -> &str {
        &self.container_id
    }
    /// `PPM_CL_*` flags ([`thread_flags`]).
    pub fn flags(&self) -> u32 {
        self.flags
    }
    /// True if the thread is its process' main thread.
    pub fn is_main_thread(&self) -> bool {
        self.tid == self.pid || self.flags & tf::IS_MAIN_THREAD != 0
    }
    /// Max open files (`proc.fdlimit`), −1 when unknown.
    pub fn fdlimit(&self) -> i64 {
        self.fdlimit
    }
    /// User id.
    pub fn uid(&self) -> u32 {
        self.uid
    }
    /// Group id.
    pub fn gid(&self) -> u32 {
        self.gid
    }
    /// Audit login uid.
    pub fn loginuid(&self) -> u32 {
        self.loginuid
    }
    /// Virtual memory size in kB.
    pub fn vmsize_kb(&self) -> u32 {
        self.vmsize_kb
    }
    /// Resident set size in kB.
    pub fn vmrss_kb(&self) -> u32 {
        self.vmrss_kb
    }
    /// Swapped memory in kB.
    pub fn vmswap_kb(&self) -> u32 {
        self.vmswap_kb
    }
    /// Major page faults.
    pub fn pfmajor(&self) -> u64 {
        self.pfmajor
    }
    /// Minor page faults.
    pub fn pfminor(&self) -> u64 {
        self.pfminor
    }
    /// Thread id inside its pid namespace, −1 when unknown.
    pub fn vtid(&self) -> i64 {
        self.vtid
    }
    /// Process id inside its pid namespace, −1 when unknown.
    pub fn vpid(&self) -> i64 {
        self.vpid
    }
    /// Controlling terminal, 0 if none.
    pub fn tty(&self) -> u32 {
        self.tty
    }
    /// The executable is writable by its user.
    pub fn exe_writable(&self) -> bool {
        self.exe_writable
    }
    /// Child-thread count kept on main threads (`proc.nchilds`).
    pub fn nchilds(&self) -> u64 {
        self.nchilds
    }
    /// Timestamp of the clone that created the thread, 0 if unknown.
    pub fn clone_ts(&self) -> u64 {
        self.clone_ts
    }
    /// Start time of the pid namespace's init (newer captures), 0 if unknown.
    pub fn pidns_init_start_ts(&self) -> u64 {
        self.pidns_init_start_ts
    }
    /// The thread's own fd table; use [`crate::ThreadTable::fd_table`] for the shared one.
    pub fn own_fds(&self) -> &FdTable {
        &self.fds
    }
    /// Latency of the last syscall, ns (`evt.latency`).
    pub fn latency(&self) -> u64 {
        self.latency
    }
    /// Fd number recorded by the last enter event, −1 if it had none.
    pub fn last_event_fd(&self) -> i64 {
        self.lastevent_fd.get()
    }
    /// Time of this thread's last event shown to the user.
    pub fn last_event_ts(&self) -> u64 {
        self.lastevent_ts
    }
    /// Time of the event before [`Self::last_event_ts`].
    pub fn prev_event_ts(&self) -> u64 {
        self.prevevent_ts
    }
    /// True if the fd table is shared with the main thread.
    pub(crate) fn shares_fds(&self) -> bool {
        self.flags & tf::CLONE_FILES != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_like_set_args() {
        let v: Vec<&[u8]> = split_nul(b"a\0bc\0").collect();
        assert_eq!(v, vec![&b"a"[..], b"bc"]);
        let v: Vec<&[u8]> = split_nul(b"a\0\0b").collect();
        assert_eq!(v, vec![&b"a"[..], b"", b"b"]);
        assert_eq!(split_nul(b"").count(), 0);
    }

    #[test]
    fn placeholder_fields() {
        let t = Thread::placeholder(42);
        assert_eq!((t.tid, t.pid, t.ptid), (42, 42, -1));
        assert!(t.is_placeholder());
        assert_eq!(t.vtid, -1);
        assert_eq!(t.fdlimit, -1);
    }

    #[test]
    fn cgroups_split_at_last_equals() {
        let mut t = Thread::blank(1);
        t.cgroups = bytes_of(b"cpu=/a\0x=y=/b\0");
        let v: Vec<_> = t.cgroups().collect();
        assert_eq!(v, vec![(&b"cpu"[..], &b"/a"[..]), (&b"x=y"[..], &b"/b"[..])]);
        assert_eq!(t.cgroup(b"cpu"), Some(&b"/a"[..]));
    }
}
