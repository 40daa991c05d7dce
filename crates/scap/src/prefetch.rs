//! A helper thread that reads (and inflates) a capture stream in chunks, so
//! inflating the next chunk overlaps parsing the current one. The reader takes
//! each chunk over as its buffer without copying it.
//!
//! The thread does nothing but read: chunks end wherever the stream's bytes
//! do, and each buffer keeps [`HEADROOM`] bytes free in front of its chunk, so
//! the reader moves the start of a block the previous chunk cut into that room
//! and parses on. (Cutting chunks at block boundaries here instead meant
//! walking every block header on this thread, the busier of the two: a chain
//! of dependent loads, 0.7 ms of the 13 it needed for the seed capture.)

use std::io::{self, Read};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::chunk_buf::{ChunkBuf, Pool, SLOT};
use crate::placement::Placement;
use crate::stream::read_into;

/// Bytes in front of each chunk for the end of the block the previous chunk
/// cut: any event block short of the largest ones (a longer remainder is copied
/// into a new buffer with the chunk).
pub(crate) const HEADROOM: usize = 16 << 10;

/// Chunks on their way to the reader at most (2.4 MiB): enough for the
/// inflating to run ahead while the reader's caller builds its state from the
/// capture's metadata and starts up (2–3 ms for the seed), and to ride out the
/// moments either thread is held up. With two chunks the reading thread sat
/// idle through those; ten made the median run of a filter that matches
/// nothing 15 % shorter, of `-j` 3 %, for 2 MB more peak RSS.
const IN_FLIGHT: usize = 10;

/// A piece of the stream in a buffer, after its headroom.
pub(crate) struct Chunk {
    /// The buffer.
    pub bytes: ChunkBuf,
    /// Where the stream's bytes start in `bytes` (the room before is free).
    pub start: usize,
    /// Bytes of the stream in `bytes` from `start`.
    pub len: usize,
}

/// How long the reader polls for the next chunk before it sleeps, when the
/// reading thread has a CPU of its own. A sleeping thread's CPU goes idle: on a
/// virtual machine the reading thread's next send then pays a wake-up (a futex
/// call and an interrupt to the other virtual CPU, ~15 µs measured), and the
/// woken thread runs up to ~0.3 ms later. The reading thread inflates a chunk
/// in ~0.15 ms, so most waits end within this time. (A filter that matches
/// nothing on the seed capture: -0.3 to -0.37 ms a run against sleeping at
/// once, for ~0.6 ms more CPU; 1 ms of polling did no better, polling on the
/// reading thread's side too added nothing.)
const POLL: Duration = Duration::from_micros(300);

/// The receiving end of the reading thread.
pub(crate) struct Prefetch {
    rx: mpsc::Receiver<io::Result<Chunk>>,
    recycle: mpsc::Sender<ChunkBuf>,
    /// Whether to poll before sleeping (see [`POLL`]): only when the reading
    /// thread started on another CPU; sharing one, polling would hold it up.
    poll: bool,
}

impl Prefetch {
    /// Starts the reading thread on `inner`, which is known to be `large` (see
    /// [`Pool::new`]) or not.
    pub fn new(inner: Box<dyn Read + Send>, large: bool) -> io::Result<Prefetch> {
        let (tx, rx) = mpsc::sync_channel(IN_FLIGHT);
        let (recycle, spare) = mpsc::channel();
        let (placement, widen) = Placement::prepare().unzip();
        let poll = placement.is_some();
        let thread = thread::Builder::new().name("scap-prefetch".into()).spawn(move || {
            if let Some(w) = widen {
                w.widen();
            }
            ReadingThread { inner, tx, spare, stack: Vec::new(), pool: Pool::new(large) }.run()
        })?;
        if let Some(p) = placement {
            p.place(&thread);
        }
        detect_cpu_features();
        Ok(Prefetch { rx, recycle, poll })
    }

    /// The next chunk; `None` at the end of the stream. An error comes after
    /// every byte read before it.
    pub fn next(&mut self) -> Option<io::Result<Chunk>> {
        if self.poll {
            let since = Instant::now();
            loop {
                for _ in 0..64 {
                    match self.rx.try_recv() {
                        Ok(chunk) => return Some(chunk),
                        Err(mpsc::TryRecvError::Disconnected) => return None,
                        Err(mpsc::TryRecvError::Empty) => std::hint::spin_loop(),
                    }
                }
                if since.elapsed() > POLL {
                    break;
                }
            }
        }
        self.rx.recv().ok()
    }

    /// Hands a buffer the reader is done with back for reuse. One shorter than
    /// a slot (the reader's empty first buffer) is dropped: the reading thread
    /// would have to grow it, faulting in a slot's worth of new pages.
    pub fn recycle(&self, buf: ChunkBuf) {
        if buf.len() >= SLOT {
            let _ = self.recycle.send(buf);
        }
    }
}

/// Runs the standard library's CPU feature detection, which the reading
/// thread's first inflate would otherwise run (zlib-rs picks its SIMD inflating
/// and CRC-32 by it). It takes about ten `cpuid` instructions, each a trap to
/// the hypervisor on a virtual machine (~7 µs apiece on the one measured): done
/// here, while the new thread is still being scheduled, its answer is cached by
/// the time that thread asks (a filter matching nothing on the seed capture:
/// -0.2 ms a run).
fn detect_cpu_features() {
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    std::hint::black_box(std::arch::is_x86_feature_detected!("pclmulqdq"));
}

struct ReadingThread {
    inner: Box<dyn Read + Send>,
    tx: mpsc::SyncSender<io::Result<Chunk>>,
    spare: mpsc::Receiver<ChunkBuf>,
    /// Buffers given back, the last one on top: the likeliest to be still in
    /// the caches. (Taking the oldest first, as the channel hands them out,
    /// made the thread's work ~3 % longer and the median run 0.3 ms longer.)
    stack: Vec<ChunkBuf>,
    pool: Pool,
}

impl ReadingThread {
    fn run(mut self) {
        loop {
            self.stack.extend(self.spare.try_iter());
            let mut buf = self.stack.pop().unwrap_or_else(|| self.pool.take());
            let (got, end, err) = read_into(&mut self.inner, &mut buf[HEADROOM..SLOT]);
            if got > 0 && self.tx.send(Ok(Chunk { bytes: buf, start: HEADROOM, len: got })).is_err()
            {
                return;
            }
            if let Some(e) = err {
                let _ = self.tx.send(Err(e));
                return;
            }
            if end {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use crate::chunk_buf::SLOT;
    use crate::table::ids;
    use crate::{Compression, Metadata, OwnedEvent, ReaderBuilder, Writer};

    /// (event types and lengths, error) of a stream, read through the reading
    /// thread or on the caller's thread.
    fn read_all(bytes: &[u8], prefetch: bool) -> (Vec<(u16, usize)>, Option<String>) {
        let mut r =
            ReaderBuilder::new().prefetch(prefetch).from_reader(Cursor::new(bytes.to_vec()));
        let mut seen = Vec::new();
        let r = match &mut r {
            Ok(r) => r,
            Err(e) => return (seen, Some(e.to_string())),
        };
        loop {
            match r.next_event() {
                Ok(Some(ev)) => seen.push((ev.event_type(), ev.raw().len())),
                Ok(None) => return (seen, None),
                Err(e) => return (seen, Some(format!("{e} at {}", e.offset))),
            }
        }
    }

    fn capture(big: usize) -> Vec<u8> {
        let mut w = Writer::new(Vec::new(), Compression::None).unwrap();
        w.write_metadata(&Metadata::default()).unwrap();
        for i in 0..20_000u64 {
            let ev = OwnedEvent::build(i, 7, ids::SYSCALL_CLOSE_E, &[&3i64.to_le_bytes()]);
            w.write_event(&ev.as_event()).unwrap();
            if i == 10_000 {
                let mut json = vec![b'x'; big];
                json.push(0);
                let ev = OwnedEvent::build(i, u64::MAX, ids::CONTAINER_JSON_2_E, &[&json]);
                w.write_event(&ev.as_event()).unwrap();
            }
        }
        w.finish().unwrap()
    }

    #[test]
    fn blocks_longer_than_a_chunk_read_alike() {
        let bytes = capture(3 * SLOT + 12_345);
        let framed = read_all(&bytes, true);
        assert_eq!(framed.0.len(), 20_001);
        assert!(framed.0.iter().any(|&(_, len)| len > 3 * SLOT));
        assert_eq!(framed, read_all(&bytes, false));
    }

    #[test]
    fn a_corrupt_length_gives_the_same_events_and_error() {
        let bytes = capture(100);
        let mut r = ReaderBuilder::new().prefetch(false).from_reader(Cursor::new(bytes.clone()));
        let r = r.as_mut().unwrap();
        let mut block_ends = Vec::new();
        while r.next_event().unwrap().is_some() {
            block_ends.push(r.offset() as usize);
        }
        // At a few block boundaries, a header whose length is not one.
        for k in [block_ends.len() / 3, block_ends.len() / 2, block_ends.len() - 2] {
            let at = block_ends[k];
            let mut bad = bytes.clone();
            bad[at..at + 8].copy_from_slice(&[0x16, 0x02, 0, 0, 5, 0, 0, 0]);
            let framed = read_all(&bad, true);
            assert_eq!(framed.0.len(), k + 1, "events before the corrupt header at {at}");
            assert!(framed.1.is_some(), "no error for the corrupt header at {at}");
            assert_eq!(framed, read_all(&bad, false), "corrupt header at {at}");
        }
    }

    /// `bytes` gzipped as two members, split at `at`.
    fn two_members(bytes: &[u8], at: usize) -> Vec<u8> {
        use std::io::Write;
        let mut out = Vec::new();
        for part in [&bytes[..at], &bytes[at..]] {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(part).unwrap();
            out.extend(gz.finish().unwrap());
        }
        out
    }

    #[test]
    fn damaged_gzip_trailers_fail_alike() {
        // Several chunks per member, and members ending inside chunks.
        let plain = capture(100);
        let at = plain.len() / 3 + 1234;
        let good = two_members(&plain, at);
        let framed = read_all(&good, true);
        assert_eq!(framed.1, None);
        assert_eq!(framed, read_all(&good, false));
        let empty_member = two_members(&[], 0).len() / 2;
        let first_len = two_members(&plain[..at], at).len() - empty_member;
        // The first member's CRC, its length, then the second member's CRC.
        for pos in [first_len - 8, first_len - 3, good.len() - 6] {
            let mut bad = good.clone();
            bad[pos] ^= 0x40;
            let framed = read_all(&bad, true);
            assert!(framed.1.as_deref().is_some_and(|e| e.contains("checksum")), "{framed:?}");
            assert_eq!(framed, read_all(&bad, false), "trailer byte {pos} damaged");
        }
    }
}
