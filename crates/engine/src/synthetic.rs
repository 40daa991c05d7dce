//! Filters evaluated on a thread and one of its fds without an event: sysdig's
//! `--filter-proclist` (which threads and fds a capture file starts with) and
//! the filter argument of the chisel call `sysdig.get_thread_table`.
//!
//! sinsp does this with a fake event: a `read` exit with no parameters, from the
//! thread, on CPU 0, numbered 0, with the fd attached as the event's fd and set
//! as the thread's last fd while the filter runs (libsinsp `threadinfo.cpp`,
//! the loop that marks fds `SCAP_FD_UNINITIALIZED` and threads `filtered_out`).
//! [`Engine::with_synthetic_ctx`] builds the same [`EventCtx`], so a filter and
//! its field extraction run on it unchanged: `fd.*` fields see the fd,
//! `proc.*`, `thread.*`, `user.*` and `container.*` the thread, `evt.type` is
//! `read`, `evt.dir` is `<`, `evt.num` 0, and the time is the last event's (0
//! before the first event, as when sysdig filters the process list at open).

use scap::table::ids;
use scap::{Event, FdEntry, Metadata};

use crate::ctx::EventCtx;
use crate::engine::Engine;

/// Length of the synthetic event: a v2 header and no parameters.
const HEADER_LEN: usize = 26;

/// The synthetic `read` exit of thread `tid` at `ts`.
fn read_exit(tid: i64, ts: u64) -> [u8; HEADER_LEN] {
    let mut b = [0u8; HEADER_LEN];
    b[..8].copy_from_slice(&ts.to_le_bytes());
    b[8..16].copy_from_slice(&tid.to_le_bytes());
    b[16..20].copy_from_slice(&(HEADER_LEN as u32).to_le_bytes());
    b[20..22].copy_from_slice(&ids::SYSCALL_READ_X.to_le_bytes());
    b
}

impl Engine {
    /// Runs `f` on the context sysdig builds to test thread `tid` and, when
    /// `fd` is given, that fd of the thread's table (its process' table when
    /// it shares it): a `read` exit with no parameters, described in the
    /// module docs. While `f` runs, the thread's last fd is `fd` (as in sinsp),
    /// so fields that read it, such as `fd.num`, give `fd`.
    ///
    /// Returns `None`, without calling `f`, when the thread is unknown or has no
    /// such fd.
    ///
    /// ```
    /// # use engine::Engine;
    /// # use scap::{Metadata, FdEntry, FdInfo, ThreadEntry};
    /// let mut meta = Metadata::default();
    /// meta.threads.push(ThreadEntry {
    ///     tid: 7, pid: 7, comm: b"nginx".to_vec(),
    ///     fds: vec![FdEntry { fd: 3, ino: 0, info: FdInfo::FileV2 {
    ///         open_flags: 1, name: b"/var/log/access.log".to_vec(), dev: None } }],
    ///     ..Default::default()
    /// });
    /// let mut engine = Engine::new();
    /// engine.load_metadata(&meta);
    /// let name = engine.with_synthetic_ctx(7, Some(3), |ctx| {
    ///     assert_eq!(ctx.thread().unwrap().last_event_fd(), 3);
    ///     ctx.fd().unwrap().name().to_vec()
    /// });
    /// assert_eq!(name.as_deref(), Some(&b"/var/log/access.log"[..]));
    /// assert!(engine.with_synthetic_ctx(7, Some(4), |_| ()).is_none());
    /// ```
    pub fn with_synthetic_ctx<R>(
        &self,
        tid: i64,
        fd: Option<i64>,
        f: impl FnOnce(&EventCtx<'_>) -> R,
    ) -> Option<R> {
        let thread = self.threads.get(tid)?;
        let attached = match fd {
            Some(n) => Some((n, self.threads.fd(thread, n)?)),
            None => None,
        };
        let bytes = read_exit(tid, self.last_ts);
        let ev = Event::from_v2(&bytes, 0, 0).ok()?;
        let ctx = self.synthetic_ctx_of(ev, thread, attached);
        let saved = thread.lastevent_fd.get();
        if let Some(n) = fd {
            thread.lastevent_fd.set(n);
        }
        let out = f(&ctx);
        thread.lastevent_fd.set(saved);
        Some(out)
    }

    /// [`Engine::snapshot`] with sysdig's `--filter-proclist`: each fd is kept
    /// when `keep` accepts its synthetic context ([`Engine::with_synthetic_ctx`]),
    /// and a thread is kept when at least one of its fds is. A thread that
    /// shares its process' fd table is tested on that table's fds and written
    /// without fds, as in the unfiltered snapshot.
    pub fn snapshot_filtered(&self, keep: &mut dyn FnMut(&EventCtx<'_>) -> bool) -> Metadata {
        let mut meta = self.snapshot();
        meta.threads.retain_mut(|entry| {
            let tid = entry.tid as i64;
            let Some(t) = self.threads.get(tid) else { return false };
            let mut test = |n: i64| self.with_synthetic_ctx(tid, Some(n), &mut *keep) == Some(true);
            if t.shares_fds() && !t.is_main_thread() {
                let Some(table) = self.threads.fd_table(t) else { return false };
                return table.iter().any(|(n, _)| test(n));
            }
            entry.fds.retain(|fd: &FdEntry| test(fd.fd));
            !entry.fds.is_empty()
        });
        meta
    }
}

#[cfg(test)]
mod tests {
    use scap::{FdInfo, ThreadEntry};

    use super::*;
    use crate::testutil::pl_thread;

    fn engine() -> Engine {
        let file = |fd, name: &str| FdEntry {
            fd,
            ino: 0,
            info: FdInfo::FileV2 { open_flags: 1, name: name.as_bytes().to_vec(), dev: None },
        };
        let mut meta = Metadata::default();
        let mut main = pl_thread(10, 10, "nginx");
        main.fds = vec![file(3, "/var/log/access.log"), file(4, "/etc/nginx.conf")];
        let worker = ThreadEntry {
            flags: crate::thread_flags::CLONE_THREAD | crate::thread_flags::CLONE_FILES,
            ..pl_thread(11, 10, "nginx")
        };
        let mut other = pl_thread(20, 20, "sh");
        other.fds = vec![file(0, "/dev/tty")];
        meta.threads = vec![main, worker, other, pl_thread(30, 30, "idle")];
        let mut e = Engine::new();
        e.load_metadata(&meta);
        e
    }

    #[test]
    fn the_context_is_sinsps_fake_read_exit() {
        let e = engine();
        let seen = e.with_synthetic_ctx(11, Some(4), |ctx| {
            let ev = ctx.event();
            assert!(ctx.is_synthetic());
            assert_eq!((ev.event_type(), ev.tid(), ev.nparams()), (ids::SYSCALL_READ_X, 11, 0));
            assert_eq!((ctx.num(), ev.cpuid(), ctx.type_name()), (0, 0, "read"));
            assert_eq!(ctx.fd_num(), Some(4));
            assert_eq!(ctx.last_fd().map(|(n, _)| n), Some(4));
            assert_eq!(ctx.thread().map(|t| t.tid()), Some(11));
            ctx.fd().map(|f| f.name().to_vec())
        });
        assert_eq!(seen, Some(Some(b"/etc/nginx.conf".to_vec())));
        // The thread's own last fd is back afterwards.
        assert_eq!(e.threads().get(11).unwrap().last_event_fd(), 0);
        let no_fd = e.with_synthetic_ctx(30, None, |ctx| ctx.fd().is_none());
        assert_eq!(no_fd, Some(true));
        assert!(e.with_synthetic_ctx(99, None, |_| ()).is_none());
    }

    #[test]
    fn proclist_filter_keeps_matching_fds_and_their_threads() {
        let e = engine();
        let mut keep =
            |ctx: &EventCtx<'_>| ctx.fd().is_some_and(|f| f.name().starts_with(b"/var/log/"));
        let meta = e.snapshot_filtered(&mut keep);
        let kept: Vec<(u64, Vec<i64>)> =
            meta.threads.iter().map(|t| (t.tid, t.fds.iter().map(|f| f.fd).collect())).collect();
        assert_eq!(kept, vec![(10, vec![3]), (11, vec![])]);
    }
}
