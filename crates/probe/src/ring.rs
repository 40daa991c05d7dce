//! Reading the BPF ring buffer map from its memory-mapped pages.
//!
//! The kernel maps a ring-buffer map as one consumer page (read-write: the
//! consumer position), then one producer page (the producer position) and
//! the data pages twice in a row, so a record that wraps around the end
//! reads as one contiguous slice. Each record starts with an 8-byte header:
//! its length with a busy bit (still being written) and a discard bit, and
//! the page offset the kernel uses to find the ring.
//!
//! Why not aya's `RingBuf`: it stores the consumer position after every
//! record, and the producer reads that position on every reservation, so
//! the cache line moves between the two CPUs once per event. [`Ring::drain`]
//! publishes it once per drained batch.

use std::os::fd::AsFd;
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use aya::maps::MapData;

use crate::error::Error;

/// Record header size (`BPF_RINGBUF_HDR_SZ`).
const HEADER: u64 = 8;
/// The record is still being written (`BPF_RINGBUF_BUSY_BIT`).
const BUSY_BIT: u32 = 1 << 31;
/// The record was discarded (`BPF_RINGBUF_DISCARD_BIT`).
const DISCARD_BIT: u32 = 1 << 30;

/// One memory mapping, unmapped on drop.
struct Mapping {
    ptr: *mut libc::c_void,
    len: usize,
}

impl Mapping {
    fn new(map: &MapData, len: usize, prot: libc::c_int, offset: usize) -> Result<Self, Error> {
        let fd = map.fd().as_fd().as_raw_fd();
        // SAFETY: a fresh shared mapping of the map's fd; the kernel checks
        // the length, protection and offset against the ring's layout.
        let ptr = unsafe {
            libc::mmap(std::ptr::null_mut(), len, prot, libc::MAP_SHARED, fd, offset as libc::off_t)
        };
        if ptr == libc::MAP_FAILED {
            return Err(Error::Io {
                what: "mapping the ring buffer",
                source: std::io::Error::last_os_error(),
            });
        }
        Ok(Mapping { ptr, len })
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`len` are a mapping made in `Mapping::new` and not
        // used after this.
        unsafe { libc::munmap(self.ptr, self.len) };
    }
}

/// The consumer side of the probe's ring buffer.
pub(crate) struct Ring {
    consumer: Mapping,
    producer: Mapping,
    /// Offset of the data pages in the producer mapping (one page).
    data_offset: usize,
    mask: u64,
    /// Keeps the map's fd open while mapped.
    _map: MapData,
}

// SAFETY: the mappings are owned by the ring and only read or written
// through `&mut self` (the kernel is the other party).
unsafe impl Send for Ring {}

impl Ring {
    /// Maps the ring-buffer map `map` of `size` bytes (a power of two
    /// multiple of the page size).
    pub fn new(map: MapData, size: u32) -> Result<Ring, Error> {
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize;
        let size = size as usize;
        if !size.is_power_of_two() || size < page {
            return Err(Error::Io {
                what: "ring buffer size (not a power of two multiple of the page size)",
                source: std::io::Error::from(std::io::ErrorKind::InvalidInput),
            });
        }
        let consumer = Mapping::new(&map, page, libc::PROT_READ | libc::PROT_WRITE, 0)?;
        let producer = Mapping::new(&map, page + 2 * size, libc::PROT_READ, page)?;
        Ok(Ring { consumer, producer, data_offset: page, mask: size as u64 - 1, _map: map })
    }

    fn consumer_pos(&self) -> &AtomicU64 {
        // SAFETY: the consumer page starts with the 8-byte, 8-aligned
        // consumer position; the mapping lives as long as `self`.
        unsafe { &*self.consumer.ptr.cast::<AtomicU64>() }
    }

    fn producer_pos(&self) -> &AtomicU64 {
        // SAFETY: as above, for the producer page.
        unsafe { &*self.producer.ptr.cast::<AtomicU64>() }
    }

    /// Hands every committed record (at most `max`) to `f`, in ring order,
    /// then publishes the new consumer position once. Discarded records are
    /// skipped; a record still being written ends the drain. Returns the
    /// number of records handed out.
    pub fn drain(&mut self, max: usize, mut f: impl FnMut(&[u8])) -> usize {
        let start = self.consumer_pos().load(Ordering::Relaxed);
        let end = self.producer_pos().load(Ordering::Acquire);
        let data = self.producer.ptr.cast::<u8>().wrapping_add(self.data_offset);
        let mut pos = start;
        let mut n = 0;
        while pos < end && n < max {
            let at = (pos & self.mask) as usize;
            // SAFETY: `at` < size, and the header lies within the data pages;
            // the kernel writes it with release semantics.
            let word = unsafe { &*data.add(at).cast::<AtomicU32>() }.load(Ordering::Acquire);
            if word & BUSY_BIT != 0 {
                break;
            }
            let len = (word & !(BUSY_BIT | DISCARD_BIT)) as u64;
            if len > self.mask {
                // A corrupt length: never expected from the kernel; stop
                // here rather than read outside the ring.
                break;
            }
            if word & DISCARD_BIT == 0 {
                // SAFETY: the record's data follows its header and, thanks
                // to the double mapping of the data pages, is contiguous
                // even when it wraps (at + 8 + len < 2 * size).
                let rec = unsafe {
                    std::slice::from_raw_parts(data.add(at + HEADER as usize), len as usize)
                };
                f(rec);
                n += 1;
            }
            pos += (HEADER + len).next_multiple_of(8);
        }
        if pos != start {
            self.consumer_pos().store(pos, Ordering::Release);
        }
        n
    }
}
