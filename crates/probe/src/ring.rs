//! Reading the probe's per-CPU event rings from their memory-mapped pages.
//!
//! Each CPU's programs write its events into that CPU's own ring (see
//! `RING_CHUNK` in `bpf/probe_abi.h`): two `BPF_F_MMAPABLE` array maps, one
//! with a head (written by the programs) and a tail (written here) per CPU,
//! one with the bytes in chunks of [`RING_CHUNK`] followed by
//! [`RING_SLACK`] bytes, so that every event is contiguous. Events lie back
//! to back, each padded to a multiple of 8 bytes; the scap header gives the
//! length.
//!
//! Why not a BPF ring buffer: its reservation takes a spinlock with
//! interrupts off and its commit an atomic exchange, two helper calls per
//! event that, behind this kernel's retpolines and return thunks, cost about
//! as much as the rest of a captured getpid's program. Writing into a mapped
//! array and storing the head costs a few plain stores. [`Rings::drain`]
//! publishes each tail once per drained batch.

use std::os::fd::AsFd;
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicU64, Ordering};

use aya::maps::MapData;

use crate::abi::{
    EVENT_HEADER_SIZE, MAX_RECORD_SIZE, RING_CHUNK, RING_CHUNK_SHIFT, RING_MAX_SHIFT, RING_SLACK,
};
use crate::error::Error;

/// Size of one `struct ring_pos` (head and tail in their own cache lines).
const POS_SIZE: usize = 128;
/// Offset of the tail in `struct ring_pos`.
const TAIL_OFFSET: usize = 64;
/// Size of one `ring_data` entry: a chunk and its slack.
const CHUNK_ENTRY: usize = (RING_CHUNK + RING_SLACK) as usize;

/// One memory mapping, unmapped on drop.
struct Mapping {
    ptr: *mut libc::c_void,
    len: usize,
}

impl Mapping {
    /// Anonymous zeroed memory standing in for a map in the unit tests.
    #[cfg(test)]
    fn anonymous(len: usize) -> Self {
        // SAFETY: a fresh private anonymous mapping.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        assert_ne!(ptr, libc::MAP_FAILED);
        Mapping { ptr, len }
    }

    /// Maps all `len` bytes of the array map `map`, read-write.
    fn new(map: &MapData, len: usize) -> Result<Self, Error> {
        let fd = map.fd().as_fd().as_raw_fd();
        // SAFETY: a fresh shared mapping of the map's fd; the kernel checks
        // the length against the map's size.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(Error::Io {
                what: "mapping the event rings",
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

/// The number of chunks per CPU (as a shift) for rings of about
/// `bytes_per_cpu` bytes: the largest power of two of chunks that fits, at
/// least one, at most `1 << RING_MAX_SHIFT`.
pub(crate) fn ring_shift(bytes_per_cpu: u64) -> u32 {
    let chunks = (bytes_per_cpu / RING_CHUNK as u64).max(1);
    (63 - chunks.leading_zeros()).min(RING_MAX_SHIFT)
}

/// Where one drained CPU stops.
#[derive(Clone, Copy, Default)]
struct Cut {
    head: u64,
    end: u64,
    last_ts: u64,
}

/// The consumer side of the probe's per-CPU rings.
pub(crate) struct Rings {
    pos: Mapping,
    data: Mapping,
    ncpus: usize,
    shift: u32,
    cuts: Vec<Cut>,
    /// Events whose length was impossible (never expected; the rest of that
    /// CPU's drained bytes are skipped).
    pub corrupt: u64,
    /// Keep the maps' fds open while mapped (none in the unit tests).
    _maps: Option<(MapData, MapData)>,
}

// SAFETY: the mappings are owned by the rings and only read or written
// through `&mut self` (the kernel is the other party).
unsafe impl Send for Rings {}

impl Rings {
    /// Maps `pos` (the `ring_pos` map, `ncpus` entries) and `data` (the
    /// `ring_data` map, `ncpus << shift` entries).
    pub fn new(pos: MapData, data: MapData, ncpus: usize, shift: u32) -> Result<Rings, Error> {
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize;
        let pos_map = Mapping::new(&pos, (ncpus * POS_SIZE).next_multiple_of(page))?;
        let data_map = Mapping::new(&data, (ncpus << shift) * CHUNK_ENTRY)?;
        Ok(Rings {
            pos: pos_map,
            data: data_map,
            ncpus,
            shift,
            cuts: vec![Cut::default(); ncpus],
            corrupt: 0,
            _maps: Some((pos, data)),
        })
    }

    fn head(&self, cpu: usize) -> &AtomicU64 {
        // SAFETY: entry `cpu` < ncpus of the mapped `ring_pos` array starts
        // with the 8-aligned head; the mapping lives as long as `self`.
        unsafe { &*self.pos.ptr.cast::<u8>().add(cpu * POS_SIZE).cast::<AtomicU64>() }
    }

    fn tail(&self, cpu: usize) -> &AtomicU64 {
        // SAFETY: as above, for the tail.
        unsafe { &*self.pos.ptr.cast::<u8>().add(cpu * POS_SIZE + TAIL_OFFSET).cast::<AtomicU64>() }
    }

    /// The `len` bytes at position `pos` of `cpu`'s ring (`len` at most
    /// `RING_SLACK`, so they lie in one entry).
    fn bytes(&self, cpu: usize, pos: u64, len: usize) -> &[u8] {
        let chunk = (pos >> RING_CHUNK_SHIFT) as usize & ((1 << self.shift) - 1);
        let at = ((cpu << self.shift) | chunk) * CHUNK_ENTRY
            + (pos as usize & (RING_CHUNK as usize - 1));
        debug_assert!(len <= RING_SLACK as usize && at + len <= self.data.len);
        // SAFETY: `at + len` lies within the mapping (an offset below
        // RING_CHUNK plus at most RING_SLACK bytes, in an entry of the map);
        // the caller reads only below the head it loaded with acquire
        // ordering, bytes the programs no longer write.
        unsafe { std::slice::from_raw_parts(self.data.ptr.cast::<u8>().add(at), len) }
    }

    /// The length and timestamp of the event at `pos` of `cpu`'s ring, if
    /// its length is possible.
    fn event_at(&self, cpu: usize, pos: u64) -> Option<(usize, u64)> {
        let header = self.bytes(cpu, pos, EVENT_HEADER_SIZE);
        let len = u32::from_le_bytes(header[16..20].try_into().ok()?) as usize;
        let ts = u64::from_le_bytes(header[..8].try_into().ok()?);
        (EVENT_HEADER_SIZE..=MAX_RECORD_SIZE as usize).contains(&len).then_some((len, ts))
    }

    /// Hands committed events to `f` as `(cpu, event bytes)`, each CPU's in
    /// ring order, at most `max` per CPU, then publishes the new tails.
    ///
    /// When a CPU has more than `max` events ready, the events of the other
    /// CPUs that are later than its last one handed out stay in their rings
    /// for the next drain, so that a caller that sorts each drain by
    /// timestamp hands out no event before an earlier one still in a ring
    /// (beyond what the heads read at the start allow). Returns the number
    /// of events handed out.
    pub fn drain(&mut self, max: usize, mut f: impl FnMut(u16, &[u8])) -> usize {
        // Every head first, so that the drain is a snapshot of one moment.
        for cpu in 0..self.ncpus {
            self.cuts[cpu].head = self.head(cpu).load(Ordering::Acquire);
        }
        // Where each CPU stops, and the watermark: the earliest last
        // timestamp of a CPU cut short by `max`.
        let mut watermark = (u64::MAX, usize::MAX);
        for cpu in 0..self.ncpus {
            let head = self.cuts[cpu].head;
            let mut pos = self.tail(cpu).load(Ordering::Relaxed);
            let mut last_ts = 0;
            let mut n = 0;
            while pos < head && n < max {
                let Some((len, ts)) = self.event_at(cpu, pos) else {
                    self.corrupt += 1;
                    break;
                };
                last_ts = ts;
                pos += len.next_multiple_of(8) as u64;
                n += 1;
            }
            if pos < head && n == max && last_ts < watermark.0 {
                watermark = (last_ts, cpu);
            }
            self.cuts[cpu].end = pos;
            self.cuts[cpu].last_ts = last_ts;
        }
        let mut handed = 0;
        for cpu in 0..self.ncpus {
            let Cut { head, end, .. } = self.cuts[cpu];
            let start = self.tail(cpu).load(Ordering::Relaxed);
            let mut pos = start;
            while pos < end {
                let Some((len, ts)) = self.event_at(cpu, pos) else { break };
                // The CPU that sets the watermark hands out all it read, so
                // every drain makes progress.
                if ts > watermark.0 && cpu != watermark.1 {
                    break;
                }
                f(cpu as u16, self.bytes(cpu, pos, len));
                handed += 1;
                pos += len.next_multiple_of(8) as u64;
            }
            if end < head && pos == end && self.event_at(cpu, end).is_none() {
                // A corrupt length: skip what was committed rather than stall.
                pos = head;
            }
            if pos != start {
                self.tail(cpu).store(pos, Ordering::Release);
            }
        }
        handed
    }
}

#[cfg(test)]
impl Rings {
    /// Rings in anonymous memory, for the unit tests.
    pub fn anonymous(ncpus: usize, shift: u32) -> Rings {
        Rings {
            pos: Mapping::anonymous((ncpus * POS_SIZE).next_multiple_of(4096)),
            data: Mapping::anonymous((ncpus << shift) * CHUNK_ENTRY),
            ncpus,
            shift,
            cuts: vec![Cut::default(); ncpus],
            corrupt: 0,
            _maps: None,
        }
    }

    /// Writes `ev` at the head of `cpu`'s ring as the programs do (false
    /// when the ring is full).
    pub fn produce(&mut self, cpu: usize, ev: &[u8]) -> bool {
        let head = self.head(cpu).load(Ordering::Relaxed);
        let tail = self.tail(cpu).load(Ordering::Relaxed);
        let size = ev.len().next_multiple_of(8) as u64;
        if head + size - tail > (RING_CHUNK as u64) << self.shift {
            return false;
        }
        let chunk = (head >> RING_CHUNK_SHIFT) as usize & ((1 << self.shift) - 1);
        let at = ((cpu << self.shift) | chunk) * CHUNK_ENTRY
            + (head as usize & (RING_CHUNK as usize - 1));
        // SAFETY: as in `bytes`: within the mapping.
        unsafe {
            std::ptr::copy_nonoverlapping(ev.as_ptr(), self.data.ptr.cast::<u8>().add(at), ev.len())
        };
        self.head(cpu).store(head + size, Ordering::Release);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scap::OwnedEvent;
    use scap::table::ids;

    fn event(ts: u64, payload: usize) -> Vec<u8> {
        OwnedEvent::build(ts, 7, ids::SYSCALL_WRITE_X, &[&0i64.to_le_bytes(), &vec![b'x'; payload]])
            .bytes
    }

    fn drain_all(rings: &mut Rings, max: usize) -> Vec<(u16, u64, usize)> {
        let mut seen = Vec::new();
        rings.drain(max, |cpu, ev| {
            let ts = u64::from_le_bytes(ev[..8].try_into().unwrap());
            seen.push((cpu, ts, ev.len()));
        });
        seen
    }

    #[test]
    fn events_cross_chunk_ends_and_wrap_around() {
        // One CPU, two 1 MiB chunks: ~5 laps of events of varied sizes.
        let mut rings = Rings::anonymous(1, 1);
        let mut next = 0u64;
        let mut expected = 0u64;
        for _ in 0..40 {
            while rings.produce(0, &event(next, (next % 300) as usize)) {
                next += 1;
            }
            for (cpu, ts, len) in drain_all(&mut rings, usize::MAX) {
                assert_eq!((cpu, ts), (0, expected));
                assert_eq!(len, event(ts, (ts % 300) as usize).len());
                expected += 1;
            }
        }
        assert_eq!(expected, next);
        assert!(next * 100 > 10 * RING_CHUNK as u64, "{next} events are not 5 laps");
        assert_eq!(rings.corrupt, 0);
    }

    #[test]
    fn a_cpu_cut_short_holds_back_later_events_of_the_others() {
        let mut rings = Rings::anonymous(2, 0);
        for ts in [10, 20, 30, 40] {
            assert!(rings.produce(0, &event(ts, 0)));
        }
        for ts in [15, 25, 35] {
            assert!(rings.produce(1, &event(ts, 0)));
        }
        // At most 2 per CPU: CPU 0 stops after 20, so CPU 1's 25 and 35 wait.
        let first: Vec<_> = drain_all(&mut rings, 2).iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(first, [(0, 10), (0, 20), (1, 15)]);
        let rest: Vec<_> = drain_all(&mut rings, 2).iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(rest, [(0, 30), (0, 40), (1, 25), (1, 35)]);
        assert!(drain_all(&mut rings, 2).is_empty());
    }

    #[test]
    fn a_corrupt_length_skips_what_was_committed() {
        let mut rings = Rings::anonymous(1, 0);
        let mut bad = event(5, 0);
        bad[16..20].copy_from_slice(&3u32.to_le_bytes());
        assert!(rings.produce(0, &event(1, 0)));
        assert!(rings.produce(0, &bad));
        assert!(rings.produce(0, &event(9, 0)));
        let seen: Vec<_> = drain_all(&mut rings, 100).iter().map(|e| e.1).collect();
        assert_eq!(seen, [1]);
        assert_eq!(rings.corrupt, 1);
        assert!(rings.produce(0, &event(11, 0)));
        let seen: Vec<_> = drain_all(&mut rings, 100).iter().map(|e| e.1).collect();
        assert_eq!(seen, [11]);
    }

    #[test]
    fn ring_shifts() {
        let mib = 1u64 << 20;
        assert_eq!(ring_shift(0), 0);
        assert_eq!(ring_shift(mib), 0);
        assert_eq!(ring_shift(3 * mib), 1);
        assert_eq!(ring_shift(32 * mib), 5);
        assert_eq!(ring_shift(1 << 40), RING_MAX_SHIFT);
    }
}
