//! State operations shared by the parsers: thread lookup with placeholder
//! creation, thread removal, fd-table access through the main thread, cwd updates.

use crate::engine::Engine;
use crate::fds::{Fd, FdTable};
use crate::paths;
use crate::threads::{Thread, bytes_of, thread_flags as tf};

impl Engine {
    /// `get_thread_ref(tid, query_os=true)`: the thread, created as a
    /// placeholder if missing and the table has room. Returns whether it exists.
    #[inline]
    pub(crate) fn ensure_thread(&mut self, tid: i64) -> bool {
        self.threads.contains(tid) || self.add_placeholder(tid)
    }

    /// [`Self::ensure_thread`], returning the thread's slot in the table.
    pub(crate) fn ensure_thread_slot(&mut self, tid: i64) -> Option<usize> {
        match self.threads.slot_of(tid) {
            Some(slot) => Some(slot),
            None if self.add_placeholder(tid) => self.threads.slot_of(tid),
            None => None,
        }
    }

    /// The slow half of [`Self::ensure_thread`]: a placeholder for a new tid.
    #[cold]
    fn add_placeholder(&mut self, tid: i64) -> bool {
        if self.threads.is_full() {
            return false;
        }
        let mut t = Thread::placeholder(tid);
        t.nchilds = self.threads.iter().filter(|o| o.pid == tid).count() as u64;
        self.add_thread(t, false)
    }

    /// `add_thread`: refuses when full; for a new thread of a process, bumps the
    /// main thread's child count (creating a placeholder main if needed).
    pub(crate) fn add_thread(&mut self, t: Thread, from_proc: bool) -> bool {
        if self.threads.is_full() {
            return false;
        }
        if !from_proc && t.flags & tf::CLONE_THREAD != 0 && t.pid != t.tid {
            let pid = t.pid;
            if self.ensure_thread(pid)
                && let Some(m) = self.threads.get_mut(pid)
            {
                m.nchilds += 1;
            }
        }
        self.threads.put(t)
    }

    /// `remove_thread`: removes `tid` unless it still has children (or `force`).
    pub(crate) fn remove_thread(&mut self, tid: i64, force: bool) {
        let Some(t) = self.threads.get(tid) else { return };
        let nchilds = t.nchilds;
        if nchilds != 0 && !force {
            return;
        }
        if t.flags & tf::CLONE_THREAD != 0
            && t.pid != t.tid
            && let Some(m) = self.threads.get_mut(t.pid)
            && m.nchilds > 0
        {
            m.nchilds -= 1;
        }
        self.threads.remove(tid);
        if nchilds != 0 {
            self.recreate_child_dependencies();
        }
    }

    /// Recomputes every main thread's child count.
    pub(crate) fn recreate_child_dependencies(&mut self) {
        for t in self.threads.iter_mut() {
            t.nchilds = 0;
        }
        self.create_child_dependencies();
    }

    /// `create_child_dependencies`: one child per `CLONE_THREAD` thread on its
    /// main thread, which is created as a placeholder when missing.
    pub(crate) fn create_child_dependencies(&mut self) {
        let mut pids: Vec<i64> = self
            .threads
            .iter()
            .filter(|t| t.flags & tf::CLONE_THREAD != 0 && t.pid != t.tid)
            .map(|t| t.pid)
            .collect();
        pids.sort_unstable();
        for pid in pids {
            if self.ensure_thread(pid)
                && let Some(m) = self.threads.get_mut(pid)
            {
                m.nchilds += 1;
            }
        }
    }

    /// `get_main_thread` with the creation its lookup does: the tid of `tid`'s
    /// main thread.
    pub(crate) fn main_tid(&mut self, tid: i64) -> Option<i64> {
        let t = self.threads.get(tid)?;
        if t.is_main_thread() {
            return Some(tid);
        }
        let pid = t.pid;
        self.ensure_thread(pid).then_some(pid)
    }

    /// The tid whose table `tid` uses (`get_fd_table`), creating the main thread
    /// if it is missing.
    pub(crate) fn fd_owner_mut(&mut self, tid: i64) -> Option<i64> {
        let t = self.threads.get(tid)?;
        if !t.shares_fds() || t.is_main_thread() {
            return Some(tid);
        }
        let pid = t.pid;
        self.ensure_thread(pid).then_some(pid)
    }

    /// The fd table `tid` uses.
    pub(crate) fn fd_table_mut(&mut self, tid: i64) -> Option<&mut FdTable> {
        let owner = self.fd_owner_mut(tid)?;
        self.threads.get_mut(owner).map(|t| &mut t.fds)
    }

    /// `get_fd`: the entry of `fd` in `tid`'s table as `(owner, fd)`.
    pub(crate) fn find_fd(&mut self, tid: i64, fd: i64) -> Option<(i64, i64)> {
        if fd < 0 {
            return None;
        }
        let t = self.threads.get_hinted(tid, self.cur.slot)?;
        if !t.shares_fds() || t.is_main_thread() {
            return t.fds.get(fd).map(|_| (tid, fd));
        }
        let pid = t.pid;
        if !self.ensure_thread(pid) {
            return None;
        }
        self.threads.get(pid)?.fds.get(fd).map(|_| (pid, fd))
    }

    /// The entry at `(owner, fd)`.
    pub(crate) fn fd_at(&self, at: (i64, i64)) -> Option<&Fd> {
        self.threads.get(at.0)?.fds.get(at.1)
    }

    pub(crate) fn fd_at_mut(&mut self, at: (i64, i64)) -> Option<&mut Fd> {
        self.threads.get_mut(at.0)?.fds.get_mut(at.1)
    }

    /// The event's attached fd entry.
    pub(crate) fn cur_fd_mut(&mut self) -> Option<&mut Fd> {
        let at = self.cur.fd?;
        self.fd_at_mut(at)
    }

    /// `add_fd`: adds `new` to `tid`'s table and makes it the event's fd and the
    /// thread's last fd. Returns where it was stored.
    pub(crate) fn add_fd(&mut self, tid: i64, fd: i64, new: Fd) -> Option<(i64, i64)> {
        let owner = self.fd_owner_mut(tid)?;
        let named = !new.name.is_empty();
        let added = self.threads.get_mut(owner).is_some_and(|t| t.fds.add(fd, new));
        self.cur.fd_name_changed = added && named;
        if let Some(t) = self.threads.get_mut(tid) {
            t.lastevent_fd.set(fd);
        }
        added.then_some((owner, fd))
    }

    /// Schedules removal of `fd` from `tid`'s table at the start of the next event.
    pub(crate) fn schedule_fd_removal(&mut self, tid: i64, fd: i64) {
        self.fd_remove_tid = tid;
        self.fds_to_remove.push(fd);
    }

    /// `get_cwd`: the main thread's cwd (`./` without one), copied into `out`.
    pub(crate) fn cwd_into(&mut self, tid: i64, out: &mut Vec<u8>) {
        out.clear();
        match self.main_tid(tid).and_then(|m| self.threads.get(m)) {
            Some(m) => out.extend_from_slice(&m.cwd),
            None => out.extend_from_slice(b"./"),
        }
    }

    /// `set_cwd`: joins `path` to the main thread's cwd and stores it with a
    /// trailing slash.
    pub(crate) fn set_cwd(&mut self, tid: i64, path: &[u8], path_len: usize) {
        let Some(m) = self.main_tid(tid) else { return };
        let Some(main) = self.threads.get(m) else { return };
        let mut out = std::mem::take(&mut self.scratch2);
        paths::concatenate(&mut out, &main.cwd, path, path_len, Some(paths::MAX_PATH));
        if out.last() != Some(&b'/') {
            out.push(b'/');
        }
        if let Some(main) = self.threads.get_mut(m) {
            main.cwd = bytes_of(&out);
        }
        self.scratch2 = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_counts_existing_threads() {
        let mut e = Engine::new();
        let mut t = Thread::blank(11);
        t.pid = 10;
        t.flags = tf::CLONE_THREAD | tf::CLONE_FILES;
        e.threads.put(t);
        assert!(e.ensure_thread(10));
        assert_eq!(e.threads.get(10).unwrap().nchilds, 1);
        assert!(e.threads.get(10).unwrap().is_placeholder());
    }

    #[test]
    fn removal_waits_for_children() {
        let mut e = Engine::new();
        assert!(e.ensure_thread(10));
        let mut t = Thread::blank(11);
        t.pid = 10;
        t.flags = tf::CLONE_THREAD;
        assert!(e.add_thread(t, false));
        assert_eq!(e.threads.get(10).unwrap().nchilds, 1);
        e.remove_thread(10, false);
        assert!(e.threads.get(10).is_some());
        e.remove_thread(11, false);
        assert_eq!(e.threads.get(10).unwrap().nchilds, 0);
        e.remove_thread(10, false);
        assert!(e.threads.get(10).is_none());
    }

    #[test]
    fn full_table_creates_nothing() {
        let mut e = crate::EngineBuilder::new().max_threads(1).build();
        assert!(e.ensure_thread(1));
        assert!(!e.ensure_thread(2));
        assert_eq!(e.threads.len(), 1);
    }

    #[test]
    fn cwd_always_ends_with_slash() {
        let mut e = Engine::new();
        e.ensure_thread(5);
        e.set_cwd(5, b"/tmp\0", 5);
        assert_eq!(&*e.threads.get(5).unwrap().cwd, b"/tmp/");
        e.set_cwd(5, b"../etc\0", 7);
        assert_eq!(&*e.threads.get(5).unwrap().cwd, b"/etc/");
    }
}
