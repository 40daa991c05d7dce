//! [`ThreadTable`]: every thread, keyed by tid.
//!
//! Nearly every event looks its thread up several times (association, pairing,
//! the fd, the handler, the bookkeeping afterwards), and consecutive events
//! mostly come from the same thread. So threads live in slots of a vector, a
//! hash map gives the slot of a tid, and the last lookup is remembered: a
//! repeated lookup is a comparison and an index instead of a hash probe. The
//! remembered slot is checked against the tid stored in it, so removing or
//! reusing slots never needs to invalidate it.

use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use crate::fds::{Fd, FdTable};
use crate::threads::{MAX_THREADS, Thread};

/// The `slot_tids` value of an empty slot (no event carries this tid).
const FREE: i64 = i64::MIN;

/// The last two `(tid, slot)` pairs looked up (an event's thread and its main
/// thread, typically). Relaxed atomics, so lookups through a shared reference
/// can update them while the table stays `Sync`; a torn pair is harmless
/// because every use checks the slot's tid.
#[derive(Debug, Default)]
struct LastLookups {
    ways: [(AtomicU64, AtomicU64); 2],
    /// The way the next miss replaces.
    next: AtomicU64,
}

impl LastLookups {
    #[inline]
    fn get(&self, way: usize) -> (i64, usize) {
        let (tid, slot) = &self.ways[way & 1];
        (tid.load(Ordering::Relaxed) as i64, slot.load(Ordering::Relaxed) as usize)
    }

    #[inline]
    fn set(&self, tid: i64, slot: usize) {
        let way = self.next.load(Ordering::Relaxed) as usize & 1;
        self.next.store((way ^ 1) as u64, Ordering::Relaxed);
        let (t, s) = &self.ways[way];
        t.store(tid as u64, Ordering::Relaxed);
        s.store(slot as u64, Ordering::Relaxed);
    }
}

impl Clone for LastLookups {
    fn clone(&self) -> LastLookups {
        let l = LastLookups::default();
        for way in [1, 0] {
            let (tid, slot) = self.get(way);
            l.set(tid, slot);
        }
        l
    }
}

/// All threads, keyed by tid.
#[derive(Clone, Debug)]
pub struct ThreadTable {
    index: FxHashMap<i64, usize>,
    slots: Vec<Option<Thread>>,
    /// The tid in each slot (`FREE` for an empty one), so checking a
    /// remembered slot reads this small array rather than the thread.
    slot_tids: Vec<i64>,
    free: Vec<usize>,
    last: LastLookups,
    pub(crate) max: usize,
}

impl Default for ThreadTable {
    fn default() -> Self {
        ThreadTable {
            index: FxHashMap::default(),
            slots: Vec::new(),
            slot_tids: Vec::new(),
            free: Vec::new(),
            // The check on use makes any initial value safe.
            last: LastLookups::default(),
            max: MAX_THREADS,
        }
    }
}

impl ThreadTable {
    /// The slot of `tid`.
    #[inline]
    pub(crate) fn slot_of(&self, tid: i64) -> Option<usize> {
        for way in 0..2 {
            let (last_tid, slot) = self.last.get(way);
            if last_tid == tid && tid != FREE && self.slot_tids.get(slot) == Some(&tid) {
                return Some(slot);
            }
        }
        let slot = *self.index.get(&tid)?;
        self.last.set(tid, slot);
        Some(slot)
    }

    /// The thread with id `tid`.
    #[inline]
    pub fn get(&self, tid: i64) -> Option<&Thread> {
        let slot = self.slot_of(tid)?;
        self.slots.get(slot)?.as_ref()
    }

    #[inline]
    pub(crate) fn get_mut(&mut self, tid: i64) -> Option<&mut Thread> {
        let slot = self.slot_of(tid)?;
        self.slots.get_mut(slot)?.as_mut()
    }

    /// The thread in `slot`.
    #[inline]
    pub(crate) fn at_mut(&mut self, slot: usize) -> Option<&mut Thread> {
        self.slots.get_mut(slot)?.as_mut()
    }

    /// The thread in slot `hint` if it is `tid`'s.
    #[inline]
    fn hinted(&self, tid: i64, hint: usize) -> Option<&Thread> {
        if self.slot_tids.get(hint) == Some(&tid) { self.slots.get(hint)?.as_ref() } else { None }
    }

    /// [`Self::get`], trying slot `hint` first: the event's thread, whose slot
    /// the engine remembers, without a lookup. Any hint is safe.
    #[inline]
    pub(crate) fn get_hinted(&self, tid: i64, hint: usize) -> Option<&Thread> {
        match self.hinted(tid, hint) {
            Some(t) => Some(t),
            None => self.get_unhinted(tid),
        }
    }

    /// [`Self::get_mut`], trying slot `hint` first.
    #[inline]
    pub(crate) fn get_mut_hinted(&mut self, tid: i64, hint: usize) -> Option<&mut Thread> {
        if self.hinted(tid, hint).is_some() {
            return self.slots[hint].as_mut();
        }
        self.get_mut_unhinted(tid)
    }

    #[inline(never)]
    fn get_unhinted(&self, tid: i64) -> Option<&Thread> {
        self.get(tid)
    }

    #[inline(never)]
    fn get_mut_unhinted(&mut self, tid: i64) -> Option<&mut Thread> {
        self.get_mut(tid)
    }

    /// True if `tid` is in the table.
    #[inline]
    pub(crate) fn contains(&self, tid: i64) -> bool {
        self.slot_of(tid).is_some()
    }

    /// Number of threads.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True if the table is empty.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// True if no thread can be added.
    #[inline]
    pub(crate) fn is_full(&self) -> bool {
        self.index.len() >= self.max
    }

    /// Every thread, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Thread> {
        self.slots.iter().flatten()
    }

    pub(crate) fn iter_mut(&mut self) -> impl Iterator<Item = &mut Thread> {
        self.slots.iter_mut().flatten()
    }

    /// The tids of every thread, in no particular order.
    pub(crate) fn tids(&self) -> Vec<i64> {
        self.iter().map(|t| t.tid).collect()
    }

    /// The main thread of `t`'s process (`t` itself for a main thread).
    pub fn main_thread<'a>(&'a self, t: &'a Thread) -> Option<&'a Thread> {
        if t.is_main_thread() { Some(t) } else { self.get(t.pid) }
    }

    /// The fd table `t` uses: the main thread's when it shares it.
    pub fn fd_table<'a>(&'a self, t: &'a Thread) -> Option<&'a FdTable> {
        if t.shares_fds() { self.main_thread(t).map(|m| &m.fds) } else { Some(&t.fds) }
    }

    /// The fd `fd` of thread `t`.
    pub fn fd<'a>(&'a self, t: &'a Thread, fd: i64) -> Option<&'a Fd> {
        if fd < 0 {
            return None;
        }
        self.fd_table(t)?.get(fd)
    }

    /// The working directory sysdig reports for `t`: its main thread's, or `./`
    /// when the main thread is missing.
    pub fn cwd<'a>(&'a self, t: &'a Thread) -> &'a [u8] {
        match self.main_thread(t) {
            Some(m) => &m.cwd,
            None => b"./",
        }
    }

    /// Adds `t` (replacing an entry with the same tid) unless the table is full.
    pub(crate) fn put(&mut self, t: Thread) -> bool {
        if self.is_full() {
            return false;
        }
        let tid = t.tid;
        let slot = match self.index.get(&tid) {
            Some(&slot) => slot,
            None => {
                let slot = match self.free.pop() {
                    Some(s) => s,
                    None => {
                        self.slots.push(None);
                        self.slot_tids.push(FREE);
                        self.slots.len() - 1
                    }
                };
                self.index.insert(tid, slot);
                slot
            }
        };
        if let (Some(s), Some(st)) = (self.slots.get_mut(slot), self.slot_tids.get_mut(slot)) {
            *s = Some(t);
            *st = tid;
        }
        self.last.set(tid, slot);
        true
    }

    /// Removes `tid`.
    pub(crate) fn remove(&mut self, tid: i64) {
        if let Some(slot) = self.index.remove(&tid) {
            if let (Some(s), Some(st)) = (self.slots.get_mut(slot), self.slot_tids.get_mut(slot)) {
                *s = None;
                *st = FREE;
            }
            self.free.push(slot);
        }
    }

    pub(crate) fn clear(&mut self) {
        self.index.clear();
        self.slots.clear();
        self.slot_tids.clear();
        self.free.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fds::FdKind;
    use crate::threads::thread_flags as tf;

    #[test]
    fn main_thread_and_shared_fds() {
        let mut tt = ThreadTable::default();
        let mut m = Thread::blank(10);
        m.pid = 10;
        m.fds.add(3, Fd::new(FdKind::File));
        let mut c = Thread::blank(11);
        c.pid = 10;
        c.flags |= tf::CLONE_FILES | tf::CLONE_THREAD;
        tt.put(m);
        tt.put(c);
        let c = tt.get(11).unwrap();
        assert_eq!(tt.main_thread(c).unwrap().tid, 10);
        assert!(tt.fd(c, 3).is_some());
    }

    #[test]
    fn slots_are_reused_and_lookups_stay_right() {
        let mut tt = ThreadTable::default();
        for tid in 1..=3 {
            assert!(tt.put(Thread::blank(tid)));
        }
        assert_eq!(tt.get(2).map(|t| t.tid), Some(2));
        tt.remove(2);
        // The remembered lookup points at a freed slot.
        assert!(tt.get(2).is_none());
        assert!(tt.put(Thread::blank(7)));
        assert_eq!(tt.get(7).map(|t| t.tid), Some(7));
        assert!(tt.get(2).is_none());
        assert_eq!(tt.len(), 3);
        assert_eq!(tt.slots.len(), 3);
        let mut tids = tt.tids();
        tids.sort_unstable();
        assert_eq!(tids, [1, 3, 7]);
        // Replacing keeps the slot.
        let mut t = Thread::blank(7);
        t.pid = 99;
        assert!(tt.put(t));
        assert_eq!(tt.get(7).map(|t| t.pid), Some(99));
        assert_eq!(tt.len(), 3);
        tt.clear();
        assert!(tt.get(7).is_none() && tt.is_empty());
    }

    #[test]
    fn hinted_lookups_check_the_slot() {
        let mut tt = ThreadTable::default();
        for tid in 1..=3 {
            assert!(tt.put(Thread::blank(tid)));
        }
        let slot = tt.slot_of(2).expect("slot of 2");
        assert_eq!(tt.get_hinted(2, slot).map(|t| t.tid), Some(2));
        // Wrong and out-of-range hints fall back to the lookup.
        assert_eq!(tt.get_hinted(3, slot).map(|t| t.tid), Some(3));
        assert_eq!(tt.get_mut_hinted(1, usize::MAX).map(|t| t.tid), Some(1));
        // The slot freed and reused by another tid: the old hint finds nothing.
        tt.remove(2);
        assert!(tt.get_hinted(2, slot).is_none());
        assert!(tt.put(Thread::blank(9)));
        assert_eq!(tt.slot_of(9), Some(slot));
        assert!(tt.get_mut_hinted(2, slot).is_none());
        assert_eq!(tt.get_hinted(9, slot).map(|t| t.tid), Some(9));
    }

    #[test]
    fn full_table_refuses() {
        let mut tt = ThreadTable { max: 1, ..ThreadTable::default() };
        assert!(tt.put(Thread::blank(1)));
        assert!(!tt.put(Thread::blank(2)));
        assert!(tt.is_full());
    }
}
