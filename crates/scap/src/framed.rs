//! A helper thread that reads (and inflates) a capture stream and cuts it into
//! chunks that end at block boundaries, so the reader takes each chunk over as
//! its buffer without copying it. Inflating the next chunk overlaps parsing
//! the current one.
//!
//! The thread only hops from block header to block header; checking blocks and
//! events stays with the reader (on the other core), with its usual errors. A
//! header that does not look like a block ends the framing: the rest of the
//! stream is passed on as it comes.

use std::io::{self, Read};
use std::sync::mpsc;
use std::thread;

use crate::chunk_buf::{ChunkBuf, Pool, SLOT};
use crate::reader::block_len_acceptable;
use crate::stream::read_into;

/// Bytes a chunk holds at least (unless the stream ends first): small enough to
/// still be in cache when the reader gets to it.
const CHUNK: usize = SLOT;

/// Chunks on their way to the reader at most (2.5 MiB): enough for the
/// inflating to run ahead while the reader's caller builds its state from the
/// capture's metadata and starts up (2–3 ms for the seed), and to ride out the
/// moments either thread is held up. With two chunks the framing thread sat
/// idle through those; ten made the median run of a filter that matches
/// nothing 15 % shorter, of `-j` 3 %, for 2 MB more peak RSS.
const IN_FLIGHT: usize = 10;

/// A piece of the stream that ends at a block boundary (except the last one).
pub(crate) struct Chunk {
    /// The bytes; only `..len` are the stream's (the buffer may be longer).
    pub bytes: ChunkBuf,
    /// Bytes of the stream in `bytes`.
    pub len: usize,
}

/// The receiving end of the framing thread.
pub(crate) struct Framer {
    rx: mpsc::Receiver<io::Result<Chunk>>,
    recycle: mpsc::Sender<ChunkBuf>,
}

impl Framer {
    /// Starts the framing thread on `inner`.
    pub fn new(inner: Box<dyn Read + Send>) -> io::Result<Framer> {
        let (tx, rx) = mpsc::sync_channel(IN_FLIGHT);
        let (recycle, spare) = mpsc::channel();
        thread::Builder::new().name("scap-prefetch".into()).spawn(move || {
            FramingThread { inner, tx, spare, pool: Pool::default(), framing: true }.run()
        })?;
        Ok(Framer { rx, recycle })
    }

    /// The next chunk; `None` at the end of the stream. An error comes after
    /// every byte read before it.
    pub fn next(&mut self) -> Option<io::Result<Chunk>> {
        self.rx.recv().ok()
    }

    /// Hands a buffer the reader is done with back for reuse.
    pub fn recycle(&self, buf: ChunkBuf) {
        let _ = self.recycle.send(buf);
    }
}

struct FramingThread {
    inner: Box<dyn Read + Send>,
    tx: mpsc::SyncSender<io::Result<Chunk>>,
    spare: mpsc::Receiver<ChunkBuf>,
    pool: Pool,
    /// False once a header did not look like a block: the rest of the stream
    /// is passed on as it comes, for the reader to report.
    framing: bool,
}

/// How far the blocks at the start of a buffer go.
struct Scan {
    /// End of the last complete block.
    cut: usize,
    /// Length the first incomplete block declares, if it looks valid.
    wanted: Option<usize>,
}

impl FramingThread {
    fn run(mut self) {
        let mut buf = self.buffer();
        let mut filled = 0;
        loop {
            // A block cut by the previous chunk may already fill CHUNK bytes.
            let mut want = CHUNK.max(filled);
            let (scan, end, err) = loop {
                if buf.len() < want {
                    let mut back = None;
                    buf.vec_mut(|slot| back = Some(slot)).resize(want, 0);
                    self.keep(back);
                }
                let (got, end, err) = read_into(&mut self.inner, &mut buf[filled..want]);
                filled += got;
                let scan = self.scan(&buf[..filled]);
                match scan.wanted {
                    // The first block is longer than the buffer: read more, by
                    // doubling, so a corrupt length cannot make us allocate
                    // more than the stream really holds.
                    Some(w) if scan.cut == 0 && !end && err.is_none() => {
                        want = w.min(want * 2);
                    }
                    _ => break (scan, end, err),
                }
            };
            let cut = if end || err.is_some() || !self.framing { filled } else { scan.cut };
            let mut next = self.buffer();
            let tail = filled - cut;
            if next.len() < tail.max(CHUNK) {
                let mut back = None;
                next.vec_mut(|slot| back = Some(slot)).resize(tail.max(CHUNK), 0);
                self.keep(back);
            }
            next[..tail].copy_from_slice(&buf[cut..filled]);
            let chunk = Chunk { bytes: std::mem::replace(&mut buf, next), len: cut };
            filled = tail;
            if cut > 0 && self.tx.send(Ok(chunk)).is_err() {
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

    /// A buffer the reader gave back, else a new one.
    fn buffer(&mut self) -> ChunkBuf {
        self.spare.try_recv().unwrap_or_else(|_| self.pool.take())
    }

    /// Reuses the slot a grown buffer left (as if the reader gave it back).
    fn keep(&mut self, slot: Option<ChunkBuf>) {
        if let Some(slot) = slot {
            self.pool.give_back(slot);
        }
    }

    /// Walks the complete blocks at the start of `bytes`.
    fn scan(&mut self, bytes: &[u8]) -> Scan {
        let mut scan = Scan { cut: 0, wanted: None };
        if !self.framing {
            return scan;
        }
        let mut pos = 0;
        while let Some(head) = bytes.get(pos..pos + 8) {
            let btype = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
            let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
            if !block_len_acceptable(btype, len) {
                self.framing = false;
                break;
            }
            if pos + len as usize > bytes.len() {
                scan.wanted = Some(len as usize);
                break;
            }
            pos += len as usize;
        }
        scan.cut = pos;
        scan
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use crate::table::ids;
    use crate::{Compression, Metadata, OwnedEvent, ReaderBuilder, Writer};

    /// (event types and lengths, error) of a stream, read through the framing
    /// thread or on the caller's thread.
    fn read_all(bytes: &[u8], framed: bool) -> (Vec<(u16, usize)>, Option<String>) {
        let mut r = ReaderBuilder::new().prefetch(framed).from_reader(Cursor::new(bytes.to_vec()));
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
        let bytes = capture(3 * super::CHUNK + 12_345);
        let framed = read_all(&bytes, true);
        assert_eq!(framed.0.len(), 20_001);
        assert!(framed.0.iter().any(|&(_, len)| len > 3 * super::CHUNK));
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
}
