//! Draining the per-CPU rings into timestamp-ordered batches.
//!
//! Each CPU writes its events into its own ring (`src/ring.rs`), in order.
//! A drain reads every CPU's head first and then each ring up to it, so each
//! batch holds what was committed at one moment; it is sorted by timestamp
//! (stable, so one CPU's order is kept), which gives the order libscap's
//! per-CPU merge gives. An event can still reach a later batch than a later
//! event of another CPU when it was stamped before the heads were read but
//! committed after, a window of the time between a program's clock read
//! and its commit.
//!
//! Hot path: events are copied into one reusable buffer and indexed by a
//! reusable vector; nothing is allocated per event once the buffers have
//! grown to the working size.

use crate::convert;
use crate::ring::Rings;

/// One event of the current batch.
#[derive(Clone, Copy, Debug)]
struct Slot {
    ts: u64,
    off: u32,
    len: u32,
    cpu: u16,
}

/// A batch of events copied out of the ring, in timestamp order.
#[derive(Default)]
pub(crate) struct Batch {
    bytes: Vec<u8>,
    slots: Vec<Slot>,
    next: usize,
    /// Records that were not valid events (never expected; counted).
    pub malformed: u64,
}

impl Batch {
    /// Copies the events available in `rings` (at most `max` per CPU) and
    /// sorts them. Returns the number of events copied.
    pub fn refill(&mut self, rings: &mut Rings, max: usize) -> usize {
        self.bytes.clear();
        self.slots.clear();
        self.next = 0;
        rings.drain(max, |cpu, ev| self.push_event(ev, cpu));
        self.malformed = rings.corrupt;
        self.slots.sort_by_key(|s| s.ts);
        self.slots.len()
    }

    /// Adds one event, converted in place.
    fn push_event(&mut self, ev: &[u8], cpu: u16) {
        let ts = u64::from_le_bytes([ev[0], ev[1], ev[2], ev[3], ev[4], ev[5], ev[6], ev[7]]);
        let off = self.bytes.len();
        let len = convert::append_event(ev, &mut self.bytes);
        if let Some(stored) = self.bytes.get_mut(off..) {
            convert::fix_event(stored);
        }
        self.slots.push(Slot { ts, off: off as u32, len: len as u32, cpu });
    }

    /// The next event of the batch as `(bytes, cpu)`.
    pub fn pop(&mut self) -> Option<(&[u8], u16)> {
        let slot = *self.slots.get(self.next)?;
        self.next += 1;
        let bytes = self.bytes.get(slot.off as usize..(slot.off + slot.len) as usize)?;
        Some((bytes, slot.cpu))
    }

    /// The next event of the batch as `(bytes, cpu)`, without handing it out.
    pub fn peek(&self) -> Option<(&[u8], u16)> {
        let slot = *self.slots.get(self.next)?;
        let bytes = self.bytes.get(slot.off as usize..(slot.off + slot.len) as usize)?;
        Some((bytes, slot.cpu))
    }

    /// Whether every event of the batch was handed out.
    pub fn is_empty(&self) -> bool {
        self.next >= self.slots.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scap::OwnedEvent;
    use scap::table::ids;

    fn event(ts: u64) -> Vec<u8> {
        OwnedEvent::build(ts, 7, ids::SYSCALL_CLOSE_E, &[&3i64.to_le_bytes()]).bytes
    }

    #[test]
    fn batches_are_sorted_by_timestamp_and_keep_cpus() {
        let mut rings = Rings::anonymous(2, 0);
        for (cpu, ts) in [(0, 30), (1, 10), (0, 40), (1, 20)] {
            assert!(rings.produce(cpu, &event(ts)));
        }
        let mut b = Batch::default();
        assert_eq!(b.refill(&mut rings, 100), 4);
        let mut seen = Vec::new();
        while let Some((bytes, cpu)) = b.pop() {
            let ev = scap::Event::from_v2(bytes, cpu, 0).unwrap();
            seen.push((ev.ts(), cpu));
        }
        assert_eq!(seen, [(10, 1), (20, 1), (30, 0), (40, 0)]);
        assert_eq!(b.malformed, 0);
        assert!(b.is_empty());
        assert_eq!(b.refill(&mut rings, 100), 0);
    }
}
