//! Events copied out of the reader's buffer into one owned, growable block, to
//! be handed to another thread (or kept) and read back as [`Event`] views.

use crate::event::Event;

/// Where one event of a batch lies, and what its view needs besides the bytes.
#[derive(Clone, Copy, Debug)]
struct Slot {
    start: usize,
    end: usize,
    nparams: u32,
    cpuid: u16,
    dump_flags: u32,
    v2: bool,
    large: bool,
}

/// Owned copies of events, in the order they were pushed.
///
/// ```
/// use scap::{EventBatch, OwnedEvent, table::ids};
///
/// let ev = OwnedEvent::build(1_000, 42, ids::SYSCALL_CLOSE_E, &[&3i64.to_le_bytes()]);
/// let mut batch = EventBatch::default();
/// batch.push(&ev.as_event());
/// let copy = batch.iter().next().expect("one event");
/// assert_eq!((copy.ts(), copy.param_i64(0)), (1_000, Some(3)));
/// ```
#[derive(Clone, Debug, Default)]
pub struct EventBatch {
    bytes: Vec<u8>,
    slots: Vec<Slot>,
}

impl EventBatch {
    /// Appends a copy of `ev`.
    pub fn push(&mut self, ev: &Event<'_>) {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(ev.raw());
        self.slots.push(Slot {
            start,
            end: self.bytes.len(),
            nparams: ev.nparams(),
            cpuid: ev.cpuid(),
            dump_flags: ev.dump_flags(),
            v2: ev.is_v2(),
            large: ev.has_large_lengths(),
        });
    }

    /// Makes room for `bytes` more bytes of events and `events` more events.
    pub fn reserve(&mut self, bytes: usize, events: usize) {
        self.bytes.reserve(bytes);
        self.slots.reserve(events);
    }

    /// Events in the batch.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True when the batch holds no event.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Bytes of event data in the batch.
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// Empties the batch, keeping its memory.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.slots.clear();
    }

    /// The events, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Event<'_>> + '_ {
        self.slots.iter().map(|s| {
            // Copied from a view that was checked when it was made.
            let raw = &self.bytes[s.start..s.end];
            Event::trusted(raw, s.nparams, s.v2, s.large, s.cpuid, s.dump_flags)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::ids;
    use crate::{Compression, Metadata, OwnedEvent, Reader, Writer};

    #[test]
    fn copies_read_like_the_originals() {
        let mut w = Writer::new(Vec::new(), Compression::None).unwrap();
        w.write_metadata(&Metadata::default()).unwrap();
        let big = vec![b'x'; 70_000];
        let events = [
            OwnedEvent::build(1, 7, ids::SYSCALL_CLOSE_E, &[&3i64.to_le_bytes()]),
            OwnedEvent::build(2, 8, ids::CONTAINER_JSON_2_E, &[&big]),
            OwnedEvent::build(3, 9, ids::SYSCALL_CLOSE_X, &[&0i64.to_le_bytes()]),
        ];
        for (i, ev) in events.iter().enumerate() {
            let mut ev = ev.clone();
            ev.cpuid = i as u16;
            w.write_event(&ev.as_event()).unwrap();
        }
        let bytes = w.finish().unwrap();
        let mut r = Reader::from_reader(std::io::Cursor::new(bytes)).unwrap();
        let (mut batch, mut originals) = (EventBatch::default(), Vec::new());
        while let Some(ev) = r.next_event().unwrap() {
            batch.push(&ev);
            originals.push(ev.to_owned_event());
        }
        assert_eq!(batch.len(), 3);
        assert!(batch.iter().zip(&originals).all(|(copy, orig)| {
            let orig = orig.as_event();
            copy.raw() == orig.raw()
                && copy.cpuid() == orig.cpuid()
                && copy.has_large_lengths() == orig.has_large_lengths()
                && copy.params().eq(orig.params())
        }));
        assert_eq!(batch.iter().nth(1).unwrap().param(0).map(<[u8]>::len), Some(70_000));
        batch.clear();
        assert!(batch.is_empty() && batch.byte_len() == 0 && batch.iter().next().is_none());
    }
}
