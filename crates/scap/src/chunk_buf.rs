//! The buffers chunks travel in between the reading thread and the reader:
//! slots of one anonymous mapping, or ordinary vectors.
//!
//! A capture of more than a few chunks is read through a pool of [`SLOTS`]
//! buffers that go round between the two threads. Taking them from one mapping
//! instead of one allocation each saves what made the reading thread slower than
//! inflating alone: the allocator zeroed each new buffer (faulting its pages in
//! one by one) and unmapped each at the end (with a TLB shootdown on the other
//! core, at the very end of the run); and the mapping is 2 MiB aligned and
//! advised for transparent huge pages, so where the kernel offers them (THP
//! `always` or `madvise`) the pool is faulted in with two huge pages instead of
//! a thousand small ones.

use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;
use std::sync::Arc;

/// Bytes of a slot: a chunk of the reading thread and the room before it.
pub(crate) const SLOT: usize = 1 << 18;

/// Slots of the pool: the chunks in flight, the one being filled, the reader's
/// and those on their way back.
pub(crate) const SLOTS: usize = 16;

/// Alignment of the pool, a huge page's size.
const HUGE_PAGE: usize = 2 << 20;

/// Bytes of a chunk's buffer, a slot or a vector.
pub(crate) enum ChunkBuf {
    /// An ordinary vector: the first chunks of a stream (a small capture never
    /// maps a pool), blocks longer than a slot, or the pool's slots all in use.
    Heap(Vec<u8>),
    /// One slot of a pool.
    Slot(Slot),
}

impl Default for ChunkBuf {
    fn default() -> ChunkBuf {
        ChunkBuf::Heap(Vec::new())
    }
}

impl ChunkBuf {
    /// The buffer as a vector, for growing. A slot (full-sized, so not grown in
    /// practice) is copied into a new vector and leaves the rotation.
    pub fn vec_mut(&mut self) -> &mut Vec<u8> {
        if let ChunkBuf::Slot(s) = self {
            *self = ChunkBuf::Heap(s.to_vec());
        }
        match self {
            ChunkBuf::Heap(v) => v,
            ChunkBuf::Slot(_) => unreachable!("a slot was just replaced by a vector"),
        }
    }
}

impl Deref for ChunkBuf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            ChunkBuf::Heap(v) => v,
            ChunkBuf::Slot(s) => s,
        }
    }
}

impl DerefMut for ChunkBuf {
    fn deref_mut(&mut self) -> &mut [u8] {
        match self {
            ChunkBuf::Heap(v) => v,
            ChunkBuf::Slot(s) => s,
        }
    }
}

/// The pool's mapping; unmapped when the last slot and the pool are gone.
struct Region {
    map: NonNull<u8>,
    map_len: usize,
    /// The first slot, `HUGE_PAGE` aligned.
    base: NonNull<u8>,
}

// SAFETY: the region is plain memory; each slot's bytes are reached only
// through the one `Slot` value that owns that index (see `Pool::take`).
unsafe impl Send for Region {}
// SAFETY: as above; `&Region` gives access to no bytes by itself.
unsafe impl Sync for Region {}

impl Region {
    fn map() -> Option<Region> {
        let map_len = SLOTS * SLOT + HUGE_PAGE;
        // SAFETY: a private anonymous mapping at an address of the kernel's
        // choosing touches no existing memory.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return None;
        }
        let map = NonNull::new(p.cast::<u8>())?;
        let skip = map.as_ptr().align_offset(HUGE_PAGE);
        // SAFETY: `skip < HUGE_PAGE`, so the aligned base and the slots after it
        // lie inside the mapping.
        let base = unsafe { map.add(skip) };
        // SAFETY: advice on a range of our own mapping; a kernel without THP
        // refuses it and the pool works with small pages.
        unsafe {
            libc::madvise(base.as_ptr().cast(), SLOTS * SLOT, libc::MADV_HUGEPAGE);
        }
        Some(Region { map, map_len, base })
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `map`; no slot refers to it any more.
        unsafe {
            libc::munmap(self.map.as_ptr().cast(), self.map_len);
        }
    }
}

/// One slot of a pool, owned by whoever holds it.
pub(crate) struct Slot {
    region: Arc<Region>,
    index: usize,
}

impl Deref for Slot {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        // SAFETY: the slot's bytes lie inside the live region (held by
        // `self.region`); only this `Slot` reaches them; anonymous memory
        // starts zeroed, so the bytes are initialized.
        unsafe {
            std::slice::from_raw_parts(self.region.base.as_ptr().add(self.index * SLOT), SLOT)
        }
    }
}

impl DerefMut for Slot {
    fn deref_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `deref`, with `&mut self` making the access exclusive.
        unsafe {
            std::slice::from_raw_parts_mut(self.region.base.as_ptr().add(self.index * SLOT), SLOT)
        }
    }
}

/// Hands out buffers for chunks: slots of a mapping made when the stream turns
/// out to need more than `HEAP_FIRST` buffers (at once for a stream known to be
/// large), then vectors if every slot is away.
pub(crate) struct Pool {
    region: Option<Arc<Region>>,
    /// Slots handed out so far (each index once).
    issued: usize,
    /// Buffers to hand out as vectors before the pool is mapped.
    heap_first: usize,
    /// Buffers handed out as vectors before the pool was mapped.
    heap_issued: usize,
    /// True once mapping the pool failed: vectors from then on.
    broken: bool,
}

/// Buffers a stream gets as vectors before the pool is mapped, so a small
/// capture does not fault in a huge page it never fills.
const HEAP_FIRST: usize = 2;

/// Bytes of a file (compressed or not) that fill more than `HEAP_FIRST`
/// buffers: its pool is mapped for the first chunk, sparing the reading thread
/// the page faults of the vectors at the moment the reader waits for it.
pub(crate) const LARGE_STREAM: u64 = (HEAP_FIRST * SLOT) as u64;

impl Pool {
    /// A pool for a stream that is known to be `large` (at least
    /// [`LARGE_STREAM`] bytes) or not.
    pub fn new(large: bool) -> Pool {
        Pool {
            region: None,
            issued: 0,
            heap_first: if large { 0 } else { HEAP_FIRST },
            heap_issued: 0,
            broken: false,
        }
    }

    /// A new buffer of `SLOT` bytes (the caller reuses the buffers it gets
    /// back before it asks for a new one).
    pub fn take(&mut self) -> ChunkBuf {
        if self.heap_issued < self.heap_first || self.broken {
            self.heap_issued += 1;
            return ChunkBuf::Heap(vec![0; SLOT]);
        }
        if self.region.is_none() {
            match Region::map() {
                Some(r) => self.region = Some(Arc::new(r)),
                None => {
                    self.broken = true;
                    return ChunkBuf::Heap(vec![0; SLOT]);
                }
            }
        }
        match &self.region {
            Some(region) if self.issued < SLOTS => {
                // Each index is issued once; a slot that comes back is handed
                // out again as it is, never issued anew.
                let slot = Slot { region: Arc::clone(region), index: self.issued };
                self.issued += 1;
                ChunkBuf::Slot(slot)
            }
            _ => ChunkBuf::Heap(vec![0; SLOT]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_distinct_zeroed_and_outlive_the_pool() {
        let mut pool = Pool::new(false);
        let mut bufs: Vec<ChunkBuf> = (0..SLOTS + HEAP_FIRST + 2).map(|_| pool.take()).collect();
        let slots = bufs.iter().filter(|b| matches!(b, ChunkBuf::Slot(_))).count();
        assert_eq!(slots, SLOTS);
        assert!(bufs.iter().all(|b| b.len() == SLOT && b.iter().all(|&x| x == 0)));
        for (i, b) in bufs.iter_mut().enumerate() {
            b.fill(i as u8);
        }
        drop(pool);
        for (i, b) in bufs.iter().enumerate() {
            assert!(b.iter().all(|&x| x == i as u8), "buffer {i} was overwritten");
        }
    }

    #[test]
    fn a_large_stream_gets_slots_from_the_first_buffer() {
        let kinds = |large| {
            let mut pool = Pool::new(large);
            (0..HEAP_FIRST + 1)
                .map(|_| matches!(pool.take(), ChunkBuf::Slot(_)))
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(true), vec![true; HEAP_FIRST + 1]);
        let mut small = vec![false; HEAP_FIRST];
        small.push(true);
        assert_eq!(kinds(false), small);
    }

    #[test]
    fn a_slot_turned_into_a_vector_keeps_its_bytes() {
        let mut pool = Pool::new(false);
        let mut b = loop {
            if let b @ ChunkBuf::Slot(_) = pool.take() {
                break b;
            }
        };
        b[..3].copy_from_slice(b"abc");
        b.vec_mut().extend_from_slice(b"xyz");
        assert!(matches!(b, ChunkBuf::Heap(_)));
        assert_eq!(&b[..3], b"abc");
        assert_eq!(&b[SLOT..], b"xyz");
    }
}
