//! The streaming capture reader.
//!
//! Blocks are read into one sliding window buffer; an [`Event`] is a view into that
//! window, valid until the next call to [`Reader::next`]. Memory stays constant
//! whatever the file size: the window only grows to the largest block seen.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::block::{self, round_up_4};
use crate::chunk_buf::ChunkBuf;
use crate::error::{BlockName, Error, ErrorKind, Result};
use crate::event::{Event, HEADER_V1_LEN, HEADER_V2_LEN};
use crate::meta::Metadata;
use crate::meta_read;
use crate::prefetch::Prefetch;
use crate::stream::{self, Compression};

/// What [`Reader::next`] yields.
#[derive(Debug)]
pub enum Record<'a> {
    /// An event, borrowed from the reader's buffer.
    Event(Event<'a>),
    /// Metadata blocks appeared after events (concatenated captures): a new
    /// section begins. The reader now holds its metadata.
    Section(&'a Metadata),
}

/// Per-block-type counts of what was read, for `capinfo`.
#[derive(Clone, Debug, Default)]
pub struct BlockCensus {
    /// `(block type, count)`, in first-seen order.
    pub counts: Vec<(u32, u64)>,
}

impl BlockCensus {
    #[inline]
    fn add(&mut self, t: u32) {
        // Consecutive blocks are nearly always of the same type.
        if let Some((b, n)) = self.counts.last_mut()
            && *b == t
        {
            *n += 1;
            return;
        }
        match self.counts.iter_mut().find(|(b, _)| *b == t) {
            Some((_, n)) => *n += 1,
            None => self.counts.push((t, 1)),
        }
    }
}

/// Options for [`Reader`].
#[derive(Clone, Debug)]
pub struct ReaderBuilder {
    prefetch: bool,
}

impl Default for ReaderBuilder {
    fn default() -> Self {
        ReaderBuilder { prefetch: true }
    }
}

impl ReaderBuilder {
    /// New builder with defaults (prefetch thread on).
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether reading and decompressing run on a helper thread, ahead of the
    /// caller (default: yes). It pays when the caller does real work per event
    /// (state, filters, output): the stream is ready when the caller wants it. A
    /// caller that only walks the events is as fast without it (two busy cores
    /// run slower than one here, which eats the overlap) and uses one core
    /// instead of two: `sysray capinfo` reads this way.
    pub fn prefetch(&mut self, yes: bool) -> &mut Self {
        self.prefetch = yes;
        self
    }

    /// Opens a capture file.
    pub fn open(&self, path: impl AsRef<Path>) -> Result<Reader> {
        self.start(path)?.read_metadata()
    }

    /// Opens a capture file and starts reading it (on the reading thread, when
    /// prefetching) without waiting for its metadata: the caller can get on with
    /// other work while the first chunk inflates, then call
    /// [`Opening::read_metadata`].
    pub fn start(&self, path: impl AsRef<Path>) -> Result<Opening> {
        let path = path.as_ref();
        let (src, compression, consumed) = stream::open_path(path).map_err(|e| Error {
            path: Some(path.to_path_buf()),
            offset: 0,
            compressed: false,
            kind: ErrorKind::Open(e),
        })?;
        let size = std::fs::metadata(path).map(|m| m.len()).ok();
        let large = size.is_some_and(|n| n >= crate::chunk_buf::LARGE_STREAM);
        let mut r = self.source(src, compression, Some(path.to_path_buf()), large)?;
        r.file_bytes = Some((consumed, size.unwrap_or(0)));
        Ok(Opening(r))
    }

    /// Reads a capture from any byte stream (compressed or not).
    pub fn from_reader(&self, r: impl Read + Send + 'static) -> Result<Reader> {
        let err = |e| Error { path: None, offset: 0, compressed: false, kind: ErrorKind::Io(e) };
        let (src, compression) = stream::decompressed(Box::new(r)).map_err(err)?;
        self.build(src, compression, None)
    }

    fn build(
        &self,
        src: Box<dyn Read + Send>,
        compression: Compression,
        path: Option<PathBuf>,
    ) -> Result<Reader> {
        self.source(src, compression, path, false).map(Opening)?.read_metadata()
    }

    /// A reader on `src` (known to be `large` or not, see
    /// [`crate::chunk_buf::Pool::new`]) whose first section is still to be read.
    fn source(
        &self,
        src: Box<dyn Read + Send>,
        compression: Compression,
        path: Option<PathBuf>,
        large: bool,
    ) -> Result<Reader> {
        let src = if self.prefetch {
            match Prefetch::new(src, large) {
                Ok(f) => Source::Prefetched(f),
                Err(e) => {
                    return Err(Error {
                        path,
                        offset: 0,
                        compressed: compression != Compression::None,
                        kind: ErrorKind::Io(e),
                    });
                }
            }
        } else {
            Source::Stream(src)
        };
        let buf = ChunkBuf::Heap(if matches!(src, Source::Stream(_)) {
            vec![0; STREAM_BUFFER]
        } else {
            Vec::new()
        });
        let r = Reader {
            src,
            path,
            compression,
            buf,
            start: 0,
            end: 0,
            eof: false,
            offset: 0,
            meta: Metadata::default(),
            census: BlockCensus::default(),
            last: EventSpan::default(),
            sections: 0,
            joined_from: None,
            file_bytes: None,
        };
        Ok(r)
    }
}

/// A capture being read whose metadata has not been read yet
/// ([`ReaderBuilder::start`]).
#[derive(Debug)]
pub struct Opening(Reader);

impl Opening {
    /// Reads the first section's metadata (waiting for the bytes it needs) and
    /// returns the reader, positioned at the first event.
    pub fn read_metadata(self) -> Result<Reader> {
        let mut r = self.0;
        r.read_section(true)?;
        Ok(r)
    }
}

/// Bytes read at a time on the caller's thread (without prefetch): many event
/// blocks (a longer block grows the buffer), and small enough that the parse
/// finds them still in the core's cache (64 KiB to 128 KiB measured best; 1 MiB
/// made a parse of the seed ~6 % slower).
const STREAM_BUFFER: usize = 1 << 16;

/// Where the reader's bytes come from.
enum Source {
    /// Read on the caller's thread.
    Stream(Box<dyn Read + Send>),
    /// Read and inflated on a helper thread, in chunks.
    Prefetched(Prefetch),
}

/// Reads a capture: its metadata first, then events one at a time.
///
/// ```no_run
/// let mut r = scap::Reader::open("capture.scap")?;
/// println!("{} threads", r.metadata().threads.len());
/// while let Some(rec) = r.next()? {
///     if let scap::Record::Event(ev) = rec {
///         println!("{} {}", ev.ts(), ev.event_type());
///     }
/// }
/// # Ok::<(), scap::Error>(())
/// ```
pub struct Reader {
    src: Source,
    path: Option<PathBuf>,
    compression: Compression,
    buf: ChunkBuf,
    start: usize,
    end: usize,
    eof: bool,
    /// Stream offset of `buf[start]`.
    offset: u64,
    meta: Metadata,
    census: BlockCensus,
    last: EventSpan,
    sections: u32,
    /// The chunk the buffer was joined from, while the buffer is a joined copy
    /// (see [`Reader::take_chunk`]).
    joined_from: Option<JoinedFrom>,
    /// Bytes of the file consumed (shared with the prefetch thread) and its size.
    file_bytes: Option<(std::sync::Arc<std::sync::atomic::AtomicU64>, u64)>,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("path", &self.path)
            .field("compression", &self.compression)
            .field("offset", &self.offset)
            .finish_non_exhaustive()
    }
}

/// A chunk copied, after the end of the buffer before it, into a new buffer
/// (a block longer than the room in front of the chunk went on in it). Once the
/// reader is past the part copied from the buffer before, the rest is in the
/// chunk as it was: the reader goes back to it and frees the copy.
struct JoinedFrom {
    chunk: ChunkBuf,
    /// Where the chunk's bytes start in `chunk`.
    chunk_start: usize,
    /// Bytes in front of the chunk's in the joined buffer.
    left: usize,
}

/// The 8-byte header of the block at the current position.
#[derive(Clone, Copy)]
struct Header {
    btype: u32,
    len: u32,
}

impl Reader {
    /// Opens a capture file with default options.
    pub fn open(path: impl AsRef<Path>) -> Result<Reader> {
        ReaderBuilder::new().open(path)
    }

    /// Reads a capture from a byte stream with default options.
    pub fn from_reader(r: impl Read + Send + 'static) -> Result<Reader> {
        ReaderBuilder::new().from_reader(r)
    }

    /// Metadata of the current section.
    pub fn metadata(&self) -> &Metadata {
        &self.meta
    }

    /// Compression of the file.
    pub fn compression(&self) -> Compression {
        self.compression
    }

    /// The file path, if opened from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Bytes of the decompressed stream consumed so far.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Bytes of the underlying file read so far and the file size, when reading
    /// from a path (for progress reporting; compressed bytes for compressed files).
    pub fn file_progress(&self) -> Option<(u64, u64)> {
        self.file_bytes
            .as_ref()
            .map(|(c, size)| (c.load(std::sync::atomic::Ordering::Relaxed), *size))
    }

    /// Counts of every block type read so far (metadata and events).
    pub fn census(&self) -> &BlockCensus {
        &self.census
    }

    /// Number of sections started after the first (concatenated captures).
    pub fn extra_sections(&self) -> u32 {
        self.sections
    }

    fn error(&self, offset: u64, kind: ErrorKind) -> Error {
        Error {
            path: self.path.clone(),
            offset,
            compressed: self.compression != Compression::None,
            kind,
        }
    }

    /// Makes at least `need` bytes available from `start`. Returns the number
    /// available, which is less than `need` only at end of stream.
    #[inline]
    fn fill(&mut self, need: usize) -> Result<usize> {
        let have = self.end - self.start;
        if have >= need {
            return Ok(have);
        }
        self.fill_slow(need)
    }

    #[cold]
    fn fill_slow(&mut self, need: usize) -> Result<usize> {
        while self.end - self.start < need && !self.eof {
            let got = match &mut self.src {
                Source::Stream(src) => {
                    if self.end == self.buf.len() {
                        if self.start > 0 {
                            self.buf.copy_within(self.start..self.end, 0);
                            self.end -= self.start;
                            self.start = 0;
                        } else {
                            // Grow with the data actually read, never to a length a
                            // (possibly corrupt) header merely declares.
                            let grown = (self.buf.len() * 2).min(need.max(self.buf.len() + 1));
                            // The caller's thread reads into vectors only.
                            self.buf.vec_mut().resize(grown, 0);
                        }
                    }
                    src.read(&mut self.buf[self.end..]).inspect(|&n| self.end += n)
                }
                Source::Prefetched(f) => match f.next() {
                    None => Ok(0),
                    Some(Err(e)) => Err(e),
                    Some(Ok(chunk)) => {
                        let n = chunk.len;
                        self.take_chunk(chunk);
                        Ok(n)
                    }
                },
            };
            match got {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let at = self.offset + (self.end - self.start) as u64;
                    return Err(self.error(at, ErrorKind::Io(e)));
                }
            }
        }
        Ok(self.end - self.start)
    }

    /// Makes a chunk of the reading thread the buffer. What is left of the
    /// current buffer (the start of a block the chunk goes on with) is moved
    /// into the room in front of the chunk, or, when it does not fit there,
    /// copied with the chunk into a new buffer.
    fn take_chunk(&mut self, chunk: crate::prefetch::Chunk) {
        let Source::Prefetched(f) = &self.src else { return };
        if let Some(j) = self.joined_from.take() {
            f.recycle(j.chunk);
        }
        let left = self.end - self.start;
        let mut bytes = chunk.bytes;
        let end = chunk.start + chunk.len;
        let (start, end) = if left <= chunk.start {
            let at = chunk.start - left;
            bytes[at..chunk.start].copy_from_slice(&self.buf[self.start..self.end]);
            (at, end)
        } else {
            let mut joined = Vec::with_capacity(left + chunk.len);
            joined.extend_from_slice(&self.buf[self.start..self.end]);
            joined.extend_from_slice(&bytes[chunk.start..end]);
            let copied = std::mem::replace(&mut bytes, ChunkBuf::Heap(joined));
            self.joined_from = Some(JoinedFrom { chunk: copied, chunk_start: chunk.start, left });
            (0, left + chunk.len)
        };
        f.recycle(std::mem::replace(&mut self.buf, bytes));
        self.start = start;
        self.end = end;
    }

    /// Goes back from a joined buffer to the chunk it copied once the reader is
    /// past the bytes joined in front of it, freeing the copy (a process list
    /// of several hundred KiB would otherwise stay in memory twice while the
    /// caller builds its state from it).
    fn unjoin(&mut self) {
        let Some(j) = self.joined_from.take_if(|j| self.start >= j.left) else { return };
        let joined = std::mem::replace(&mut self.buf, j.chunk);
        self.start = j.chunk_start + (self.start - j.left);
        self.end = j.chunk_start + (self.end - j.left);
        drop(joined);
    }

    fn u32_at(&self, off: usize) -> u32 {
        let b = &self.buf[self.start + off..self.start + off + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// Reads the next block header; `None` at a clean end of file.
    fn peek_header(&mut self) -> Result<Option<Header>> {
        let have = self.fill(8)?;
        if have == 0 {
            return Ok(None);
        }
        if have < 8 {
            return Err(self.error(
                self.offset,
                ErrorKind::Truncated { block: BlockName(0), needed: (8 - have) as u64 },
            ));
        }
        Ok(Some(Header { btype: self.u32_at(0), len: self.u32_at(4) }))
    }

    /// Makes the whole block available; errors if the file ends first.
    fn load_block(&mut self, h: Header) -> Result<()> {
        if !block_len_valid(h.btype, h.len) {
            return Err(self.error(
                self.offset,
                ErrorKind::Corrupt {
                    block: BlockName(h.btype),
                    what: format!("block length {} is not a valid block length", h.len),
                },
            ));
        }
        let have = self.fill(h.len as usize)?;
        if have < h.len as usize {
            return Err(self.error(
                self.offset,
                ErrorKind::Truncated {
                    block: BlockName(h.btype),
                    needed: (h.len as usize - have) as u64,
                },
            ));
        }
        Ok(())
    }

    fn consume(&mut self, n: usize) {
        self.start += n;
        self.offset += n as u64;
    }

    /// Reads a section: SHB (when `first` or when present) and metadata blocks, up
    /// to the first event block or the end of the file.
    fn read_section(&mut self, first: bool) -> Result<()> {
        let mut meta = Metadata { section: self.meta.section.clone(), ..Metadata::default() };
        let mut tid_index = std::collections::HashMap::new();
        let mut seen_any = false;
        loop {
            let Some(h) = self.peek_header()? else {
                if first && !seen_any {
                    return Err(self.error(0, ErrorKind::NotCapture("the file is empty".into())));
                }
                break;
            };
            if first && !seen_any && h.btype != block::SHB {
                return Err(self.error(0, not_a_capture(&self.buf[self.start..self.end])));
            }
            seen_any = true;
            if block::event_block_shape(h.btype).is_some() {
                break;
            }
            let block_offset = self.offset;
            if h.btype == block::SHB {
                self.load_block(h)?;
                if h.len < 28 {
                    return Err(self.error(
                        block_offset,
                        ErrorKind::Corrupt {
                            block: BlockName(h.btype),
                            what: format!("section header of {} bytes (expected 28+)", h.len),
                        },
                    ));
                }
                let body = &self.buf[self.start + 8..self.start + h.len as usize - 4];
                let section =
                    meta_read::section_header(body).map_err(|k| self.error(block_offset, k))?;
                if section.major > 1 {
                    return Err(self.error(
                        block_offset,
                        ErrorKind::Version { major: section.major, minor: section.minor },
                    ));
                }
                if first {
                    self.check_foreign_pcapng(h, block_offset)?;
                }
                self.check_trailer(h, block_offset)?;
                meta = Metadata { section, ..Metadata::default() };
                tid_index.clear();
                self.census.add(h.btype);
                meta.count_block(h.btype);
                self.consume(h.len as usize);
                continue;
            }
            self.load_block(h)?;
            let fixed = self.fix_il_v2_length(h, block_offset)?;
            if fixed.len == h.len {
                self.check_trailer(h, block_offset)?;
            }
            let h = fixed;
            let body = &self.buf[self.start + 8..self.start + h.len as usize - 4];
            let res = match h.btype {
                block::MI | block::MI_INT => {
                    meta_read::machine_info(body, h.btype).map(|m| meta.machine = Some(m))
                }
                block::IL | block::IL_INT | block::IL_V2 => {
                    meta_read::interfaces(body, h.btype, &mut meta.interfaces)
                }
                block::UL | block::UL_INT | block::UL_V2 => {
                    meta_read::users(body, h.btype, &mut meta.users, &mut meta.groups)
                }
                t if block::pl_version(t).is_some() => {
                    let before = meta.threads.len();
                    let r = meta_read::process_list(body, t, &mut meta.threads);
                    for (i, th) in meta.threads.iter().enumerate().skip(before) {
                        tid_index.insert(th.tid, i);
                    }
                    r
                }
                block::FDL | block::FDL_INT | block::FDL_V2 => meta_read::fd_list(body, h.btype)
                    .map(|(tid, fds)| match tid_index.get(&tid) {
                        Some(&i) if meta.threads[i].fds.is_empty() => meta.threads[i].fds = fds,
                        Some(&i) => meta.threads[i].fds.extend(fds),
                        None => meta.orphan_fds.push((tid, fds)),
                    }),
                // Unknown metadata blocks are skipped by length, as libscap does.
                _ => Ok(()),
            };
            res.map_err(|k| self.error(block_offset, k))?;
            self.census.add(h.btype);
            meta.count_block(h.btype);
            self.consume(h.len as usize);
        }
        self.unjoin();
        self.meta = meta;
        Ok(())
    }

    fn check_trailer(&self, h: Header, at: u64) -> Result<()> {
        let trailer = self.u32_at(h.len as usize - 4);
        if trailer != h.len {
            return Err(self.error(
                at,
                ErrorKind::Corrupt {
                    block: BlockName(h.btype),
                    what: format!("trailer says {trailer} bytes, header says {}", h.len),
                },
            ));
        }
        Ok(())
    }

    /// sysdig (e5c53d64 and later) declares IL_V2 blocks 4 bytes per interface too
    /// short when it re-writes a capture whose interface list was v1, while writing
    /// every entry. Walk the entries to find the real end so such files still read.
    fn fix_il_v2_length(&mut self, h: Header, at: u64) -> Result<Header> {
        if h.btype != block::IL_V2 || self.u32_at(h.len as usize - 4) == h.len {
            return Ok(h);
        }
        let mut pos = 8usize;
        for _ in 0..4096 {
            let p4 = round_up_4(pos);
            if self.fill(p4 + 4)? < p4 + 4 {
                break;
            }
            if self.u32_at(p4) == h.len
                && self.buf[self.start + pos..self.start + p4].iter().all(|&b| b == 0)
            {
                return Ok(Header { btype: h.btype, len: (p4 + 4) as u32 });
            }
            if self.fill(pos + 6)? < pos + 6 {
                break;
            }
            let entry = self.u32_at(pos) as usize;
            let ty = u16::from_le_bytes([
                self.buf[self.start + pos + 4],
                self.buf[self.start + pos + 5],
            ]);
            if !(1..=4).contains(&ty) || entry > 2048 {
                break;
            }
            pos += 4 + entry;
        }
        let trailer = self.u32_at(h.len as usize - 4);
        Err(self.error(
            at,
            ErrorKind::Corrupt {
                block: BlockName(h.btype),
                what: format!("trailer says {trailer} bytes, header says {}", h.len),
            },
        ))
    }

    /// A first section header followed by pcapng packet blocks: a capture from
    /// tcpdump or Wireshark saved under a .scap name.
    fn check_foreign_pcapng(&mut self, shb: Header, at: u64) -> Result<()> {
        let len = shb.len as usize;
        if self.fill(len + 8)? < len + 8 {
            return Ok(());
        }
        let next = self.u32_at(len);
        let name = match next {
            1 => "interface description",
            2 => "packet",
            3 => "simple packet",
            4 => "name resolution",
            5 => "interface statistics",
            6 => "enhanced packet",
            0xA => "decryption secrets",
            0xBAD | 0x4000_0BAD => "custom",
            _ => return Ok(()),
        };
        Err(self.error(at, ErrorKind::ForeignPcapng(name.to_string())))
    }

    /// The next event, or a new section, or `None` at the end of the file.
    ///
    /// Events of type ids the table does not know are returned too (their
    /// [`Event::info`] is `None`); deciding whether to show them is the caller's.
    #[expect(clippy::should_implement_trait, reason = "a lending iterator cannot be Iterator")]
    pub fn next(&mut self) -> Result<Option<Record<'_>>> {
        match self.advance()? {
            None => Ok(None),
            Some(false) => Ok(Some(Record::Section(&self.meta))),
            Some(true) => Ok(Some(Record::Event(self.last_event()))),
        }
    }

    /// The next event, skipping section changes (use [`Reader::metadata`] to see
    /// the current section). `None` at the end of the file.
    pub fn next_event(&mut self) -> Result<Option<Event<'_>>> {
        loop {
            match self.advance()? {
                None => return Ok(None),
                Some(false) => continue,
                Some(true) => return Ok(Some(self.last_event())),
            }
        }
    }

    fn last_event(&self) -> Event<'_> {
        let l = &self.last;
        Event::trusted(&self.buf[l.start..l.end], l.nparams, l.v2, l.large, l.cpuid, l.flags)
    }

    /// Reads the next block. `Some(true)`: an event (in `self.last`); `Some(false)`:
    /// a new section was read.
    #[inline]
    fn advance(&mut self) -> Result<Option<bool>> {
        if let Some((span, len)) = fast_event_span(&self.buf[self.start..self.end], self.start) {
            self.last = span;
            self.census.add(if span.v2 { block::EV_V2 } else { block::EV });
            self.consume(len);
            return Ok(Some(true));
        }
        self.advance_checked()
    }

    /// [`Self::advance`] for every block the fast path leaves alone, with the
    /// precise errors.
    #[inline(never)]
    fn advance_checked(&mut self) -> Result<Option<bool>> {
        let Some(h) = self.peek_header()? else {
            return Ok(None);
        };
        let Some((v2, has_flags, _)) = block::event_block_shape(h.btype) else {
            // Metadata after events: another capture was concatenated here.
            self.sections += 1;
            self.read_section(false)?;
            return Ok(Some(false));
        };
        let at = self.offset;
        let corrupt = |what: String| ErrorKind::Corrupt { block: BlockName(h.btype), what };
        if let Some(what) = event_block_len_error(h.btype, h.len) {
            return Err(self.error(at, corrupt(what)));
        }
        self.load_block(h)?;
        let block = &self.buf[self.start..self.start + h.len as usize];
        self.last = match event_span(block, self.start, v2, has_flags) {
            Ok(span) => span,
            Err(e) => return Err(self.error(at, corrupt(e.to_string()))),
        };
        self.census.add(h.btype);
        self.consume(h.len as usize);
        Ok(Some(true))
    }
}

/// The common case of [`Reader::advance`] in a few comparisons: a whole plain
/// `EV` or `EV_V2` block (not LARGE, no dump flags) at the start of `window`, whose
/// event fills the block up to padding and whose parameters (v1: the table's
/// count, as libscap infers first) fill the event. Anything else, valid or not,
/// returns `None` and takes the checked path, which gives the same answer for
/// the blocks accepted here. Returns the span (for `window` at `at` in the
/// buffer) and the block length.
#[inline]
fn fast_event_span(window: &[u8], at: usize) -> Option<(EventSpan, usize)> {
    let head: &[u8; 8] = window.get(..8)?.try_into().ok()?;
    let btype = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
    let blen = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize;
    let v2 = match btype {
        block::EV => false,
        block::EV_V2 => true,
        _ => return None,
    };
    let hdr = if v2 { HEADER_V2_LEN } else { HEADER_V1_LEN };
    if blen < min_event_block_len(v2, false) || blen - 8 > block::MAX_SMALL_EVENT_BODY as usize {
        return None;
    }
    let block = window.get(..blen)?;
    let cpuid = u16::from_le_bytes([block[8], block[9]]);
    let body = &block[10..blen - 4];
    let evlen = u32::from_le_bytes([body[16], body[17], body[18], body[19]]) as usize;
    let etype = u16::from_le_bytes([body[20], body[21]]);
    if evlen < hdr || evlen > body.len() {
        return None;
    }
    let raw = &body[..evlen];
    let info = crate::table::event_info(etype);
    // Large-payload types (4-byte lengths) and the two v1 types whose length
    // libscap corrects take the checked path.
    let nparams = if v2 {
        if info.is_some_and(crate::table::EventInfo::large_payload) {
            return None;
        }
        u32::from_le_bytes([raw[22], raw[23], raw[24], raw[25]]) as usize
    } else {
        if etype == crate::table::ids::NOTIFICATION_E
            || etype == crate::table::ids::INFRASTRUCTURE_EVENT_E
        {
            return None;
        }
        info?.params.len()
    };
    let lens = raw.get(hdr..hdr + nparams * 2)?;
    let values: usize =
        lens.chunks_exact(2).map(|l| u16::from_le_bytes([l[0], l[1]]) as usize).sum();
    if hdr + nparams * 2 + values != evlen {
        return None;
    }
    let start = at + 10;
    let span = EventSpan {
        start,
        end: start + evlen,
        nparams: nparams as u32,
        v2,
        large: false,
        cpuid,
        flags: 0,
    };
    Some((span, blen))
}

/// The shortest event block: block header, cpu id (and dump flags), event header,
/// trailing length.
fn min_event_block_len(v2: bool, has_flags: bool) -> usize {
    let prefix = if has_flags { 6 } else { 2 };
    let hdr = if v2 { HEADER_V2_LEN } else { HEADER_V1_LEN };
    8 + prefix + hdr + 4
}

/// Why an event block of type `btype` cannot be `len` bytes long, if it cannot.
pub(crate) fn event_block_len_error(btype: u32, len: u32) -> Option<String> {
    let (v2, has_flags, large_block) = block::event_block_shape(btype)?;
    if (len as usize) < min_event_block_len(v2, has_flags) {
        return Some(format!("block length {len} is too short for an event"));
    }
    if !large_block && len - 8 > block::MAX_SMALL_EVENT_BODY {
        return Some(format!(
            "event block of {len} bytes exceeds the 65536-byte limit of non-LARGE blocks"
        ));
    }
    None
}

/// Whether `len` can be the length of a block of type `btype`: at least 12
/// bytes, a multiple of 4 except for event blocks (old writers did not pad them).
pub(crate) fn block_len_valid(btype: u32, len: u32) -> bool {
    len >= 12 && (len.is_multiple_of(4) || block::event_block_shape(btype).is_some())
}

/// Locates and checks the event of a whole event block (`block` starts with
/// its header and sits at `at` in the reader's buffer).
fn event_span(
    block: &[u8],
    at: usize,
    v2: bool,
    has_flags: bool,
) -> std::result::Result<EventSpan, crate::event::EventError> {
    let prefix = if has_flags { 6 } else { 2 };
    let cpuid = u16::from_le_bytes([block[8], block[9]]);
    let flags = if has_flags {
        u32::from_le_bytes([block[10], block[11], block[12], block[13]])
    } else {
        0
    };
    let body = &block[8 + prefix..block.len() - 4];
    let ev =
        if v2 { Event::from_v2(body, cpuid, flags) } else { Event::from_v1(body, cpuid, flags) }?;
    let start = at + 8 + prefix;
    Ok(EventSpan {
        start,
        end: start + ev.raw().len(),
        nparams: ev.nparams(),
        v2,
        large: ev.has_large_lengths(),
        cpuid,
        flags,
    })
}

/// Where an event sits in a buffer.
#[derive(Clone, Copy, Debug, Default)]
struct EventSpan {
    start: usize,
    end: usize,
    nparams: u32,
    v2: bool,
    large: bool,
    cpuid: u16,
    flags: u32,
}

/// Explains what a file that does not start with a section header is.
fn not_a_capture(head: &[u8]) -> ErrorKind {
    let what = if head.starts_with(&[0xd4, 0xc3, 0xb2, 0xa1])
        || head.starts_with(&[0xa1, 0xb2, 0xc3, 0xd4])
    {
        "it is a libpcap (tcpdump) packet capture, not a sysdig capture".to_string()
    } else if head.iter().take(64).all(|&b| b.is_ascii_graphic() || b.is_ascii_whitespace()) {
        "it looks like a text file; a capture starts with a section header block (0a 0d 0d 0a)"
            .to_string()
    } else {
        let n = head.len().min(4);
        format!(
            "it starts with bytes {:02x?}, expected a section header block (0a 0d 0d 0a)",
            &head[..n]
        )
    };
    ErrorKind::NotCapture(what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::ids;

    /// An event block: header, cpu id, event (v1 or v2 header, u16 lengths,
    /// values), padding to 4 and the trailing length.
    fn event_block(v2: bool, etype: u16, params: &[&[u8]]) -> Vec<u8> {
        let hdr = if v2 { HEADER_V2_LEN } else { HEADER_V1_LEN };
        let evlen = hdr + params.len() * 2 + params.iter().map(|p| p.len()).sum::<usize>();
        let mut ev = Vec::new();
        ev.extend_from_slice(&1_481_211_698_373_676_618u64.to_le_bytes());
        ev.extend_from_slice(&2971u64.to_le_bytes());
        ev.extend_from_slice(&(evlen as u32).to_le_bytes());
        ev.extend_from_slice(&etype.to_le_bytes());
        if v2 {
            ev.extend_from_slice(&(params.len() as u32).to_le_bytes());
        }
        for p in params {
            ev.extend_from_slice(&(p.len() as u16).to_le_bytes());
        }
        for p in params {
            ev.extend_from_slice(p);
        }
        let blen = round_up_4(8 + 2 + ev.len() + 4);
        let mut b = Vec::new();
        b.extend_from_slice(&(if v2 { block::EV_V2 } else { block::EV }).to_le_bytes());
        b.extend_from_slice(&(blen as u32).to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&ev);
        b.resize(blen - 4, 0);
        b.extend_from_slice(&(blen as u32).to_le_bytes());
        b
    }

    /// What the checked path makes of the block at the start of `bytes`.
    fn checked(bytes: &[u8]) -> Option<(EventSpan, usize)> {
        let btype = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?);
        let len = u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?) as usize;
        let (v2, has_flags, _) = block::event_block_shape(btype)?;
        if !block_len_valid(btype, len as u32) || event_block_len_error(btype, len as u32).is_some()
        {
            return None;
        }
        let span = event_span(bytes.get(..len)?, 0, v2, has_flags).ok()?;
        Some((span, len))
    }

    fn same(a: &EventSpan, b: &EventSpan) -> bool {
        (a.start, a.end, a.nparams, a.v2, a.large, a.cpuid, a.flags)
            == (b.start, b.end, b.nparams, b.v2, b.large, b.cpuid, b.flags)
    }

    /// Every block the fast path accepts, the checked path accepts with the same
    /// span, over valid blocks and thousands of corruptions of them.
    #[test]
    fn fast_path_agrees_with_the_checked_path() {
        let fd = 3i64.to_le_bytes();
        let res = (-2i64).to_le_bytes();
        let data = b"nameserver 10.0.2.3\n";
        let seeds = [
            event_block(false, ids::SYSCALL_CLOSE_E, &[&fd]),
            event_block(false, ids::SYSCALL_READ_X, &[&res, data]),
            // Fewer parameters than the table: inferred on the checked path.
            event_block(false, ids::SYSCALL_READ_X, &[&res]),
            event_block(false, ids::NOTIFICATION_E, &[&fd, b"x\0"]),
            event_block(true, ids::SYSCALL_READ_X, &[&res, data]),
            event_block(true, ids::SYSCALL_CLOSE_E, &[]),
        ];
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut fast_hits = 0;
        for seed in &seeds {
            for round in 0..4000 {
                let mut b = seed.clone();
                if round > 0 {
                    for _ in 0..1 + next() % 3 {
                        let i = (next() % b.len() as u64) as usize;
                        b[i] = next() as u8;
                    }
                }
                if round % 7 == 3 {
                    b.truncate((next() % b.len() as u64) as usize);
                }
                if let Some((span, len)) = fast_event_span(&b, 0) {
                    fast_hits += 1;
                    let (want, want_len) =
                        checked(&b).unwrap_or_else(|| panic!("checked path refuses {b:02x?}"));
                    assert!(same(&span, &want) && len == want_len, "{b:02x?}");
                }
            }
        }
        assert!(fast_hits > 4000, "the fast path took only {fast_hits} blocks");
        // The fast path leaves these to the checked path.
        assert!(fast_event_span(&seeds[2], 0).is_none());
        assert!(fast_event_span(&seeds[3], 0).is_none());
        assert!(fast_event_span(&seeds[1], 0).is_some());
    }

    /// A process list longer than a chunk is read from a joined copy of two
    /// chunks; by the end of the metadata the reader is back in the second
    /// chunk's own buffer, and reads on as the caller's thread does.
    #[test]
    fn a_process_list_longer_than_a_chunk_is_read_from_the_chunk_after_it() {
        use crate::chunk_buf::SLOT;
        use crate::{Compression, OwnedEvent, ThreadEntry, Writer};
        let mut meta = Metadata::default();
        for tid in 1..=300u64 {
            let env = format!("TID={tid}\0PATH=/usr/bin\0{}\0", "X".repeat(2000)).into_bytes();
            meta.threads.push(ThreadEntry {
                tid,
                pid: tid,
                comm: b"sh".to_vec(),
                env,
                ..ThreadEntry::default()
            });
        }
        let mut w = Writer::new(Vec::new(), Compression::None).unwrap();
        w.write_metadata(&meta).unwrap();
        for i in 0..5_000u64 {
            let ev =
                OwnedEvent::build(i, i % 300 + 1, ids::SYSCALL_CLOSE_E, &[&3i64.to_le_bytes()]);
            w.write_event(&ev.as_event()).unwrap();
        }
        let bytes = w.finish().unwrap();
        let read = |prefetch: bool| {
            let cursor = std::io::Cursor::new(bytes.clone());
            let mut r = ReaderBuilder::new().prefetch(prefetch).from_reader(cursor).unwrap();
            if prefetch {
                assert!(r.joined_from.is_none(), "still in the joined copy");
                assert_eq!(r.buf.len(), SLOT, "not back in a chunk's buffer");
            }
            let threads: Vec<_> = r.metadata().threads.iter().map(|t| t.env.len()).collect();
            let mut events = Vec::new();
            while let Some(ev) = r.next_event().unwrap() {
                events.push((ev.ts(), ev.tid(), r.offset()));
            }
            (threads, events)
        };
        let (threads, events) = read(true);
        assert_eq!(threads.len(), 300);
        assert!(threads.iter().sum::<usize>() > 2 * SLOT, "the process list fits in a chunk");
        assert_eq!(events.len(), 5_000);
        assert_eq!((threads, events), read(false));
    }
}
