//! Sets of event type ids.

use scap::table::EVENT_COUNT;

const WORDS: usize = 8;
const BITS: usize = WORDS * 64;
const _: () = assert!(EVENT_COUNT <= BITS, "event ids must fit the set");

/// A set of event type ids: the events a filter (or one of its nodes) can match.
///
/// Ids beyond the event table (from captures newer than sysray) share one "other"
/// member, so a set that contains every id also contains them.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventTypeSet {
    bits: [u64; WORDS],
    other: bool,
}

impl std::fmt::Debug for EventTypeSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if *self == EventTypeSet::all() {
            return write!(f, "EventTypeSet(all)");
        }
        let mut l = f.debug_set();
        l.entries(self.iter());
        if self.other {
            l.entry(&"other");
        }
        l.finish()
    }
}

impl EventTypeSet {
    /// No event.
    pub const fn empty() -> EventTypeSet {
        EventTypeSet { bits: [0; WORDS], other: false }
    }

    /// Every event id, known or not.
    pub const fn all() -> EventTypeSet {
        EventTypeSet { bits: [u64::MAX; WORDS], other: true }
    }

    /// The ids for which `pred` holds (only ids of the event table).
    pub fn from_fn(mut pred: impl FnMut(u16) -> bool) -> EventTypeSet {
        let mut s = EventTypeSet::empty();
        for id in 0..EVENT_COUNT as u16 {
            if pred(id) {
                s.insert(id);
            }
        }
        s
    }

    /// Adds `id`.
    pub fn insert(&mut self, id: u16) {
        let i = id as usize;
        if i < BITS {
            self.bits[i / 64] |= 1 << (i % 64);
        } else {
            self.other = true;
        }
    }

    /// True if events of type `id` are in the set.
    #[inline]
    pub fn contains(&self, id: u16) -> bool {
        let i = id as usize;
        if i < BITS { self.bits[i / 64] & (1 << (i % 64)) != 0 } else { self.other }
    }

    /// Ids in both.
    pub fn intersection(&self, o: &EventTypeSet) -> EventTypeSet {
        let mut bits = self.bits;
        for (b, ob) in bits.iter_mut().zip(o.bits) {
            *b &= ob;
        }
        EventTypeSet { bits, other: self.other && o.other }
    }

    /// Ids in either.
    pub fn union(&self, o: &EventTypeSet) -> EventTypeSet {
        let mut bits = self.bits;
        for (b, ob) in bits.iter_mut().zip(o.bits) {
            *b |= ob;
        }
        EventTypeSet { bits, other: self.other || o.other }
    }

    /// Ids not in the set.
    pub fn complement(&self) -> EventTypeSet {
        let mut bits = self.bits;
        for b in &mut bits {
            *b = !*b;
        }
        EventTypeSet { bits, other: !self.other }
    }

    /// True when no id is in the set.
    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|&b| b == 0) && !self.other
    }

    /// True when every id is.
    pub fn is_all(&self) -> bool {
        *self == EventTypeSet::all()
    }

    /// The ids of the event table in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        (0..EVENT_COUNT as u16).filter(|&id| self.contains(id))
    }
}

impl Default for EventTypeSet {
    fn default() -> Self {
        EventTypeSet::all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_algebra() {
        let a = EventTypeSet::from_fn(|id| id < 10);
        let b = EventTypeSet::from_fn(|id| id % 2 == 0);
        assert!(a.contains(3) && !a.contains(10));
        assert_eq!(a.intersection(&b).iter().collect::<Vec<_>>(), vec![0, 2, 4, 6, 8]);
        assert_eq!(a.union(&b).iter().filter(|&i| i < 12).count(), 11);
        assert!(a.complement().contains(10) && !a.complement().contains(0));
        assert!(a.complement().contains(9999), "unknown ids are outside a table-built set");
        assert!(!a.contains(9999));
        assert!(EventTypeSet::all().contains(60000));
        assert!(EventTypeSet::empty().is_empty());
        assert!(EventTypeSet::all().complement().is_empty());
        assert!(EventTypeSet::empty().complement().is_all());
    }
}
