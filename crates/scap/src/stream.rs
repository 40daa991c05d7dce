//! Byte sources: compression detection (gzip, zstd, plain by magic bytes).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Compression of a capture stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// Plain bytes.
    None,
    /// gzip (one or more members), as `sysdig -z` writes.
    Gzip,
    /// zstd.
    Zstd,
}

impl Compression {
    /// Detects the compression from the first bytes of a stream.
    pub fn sniff(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }

    /// A short name (`gzip`, `zstd`, `none`).
    pub fn name(self) -> &'static str {
        match self {
            Compression::None => "none",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

/// A reader that first returns some already-read bytes, then the rest of a stream.
struct Rewind<R> {
    head: Vec<u8>,
    pos: usize,
    inner: R,
}

impl<R: Read> Read for Rewind<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos < self.head.len() {
            let n = (self.head.len() - self.pos).min(buf.len());
            buf[..n].copy_from_slice(&self.head[self.pos..self.pos + n]);
            self.pos += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

/// Reads up to `n` bytes, fewer only at end of stream.
fn read_head(r: &mut impl Read, n: usize) -> io::Result<Vec<u8>> {
    let mut head = vec![0u8; n];
    let (got, _, err) = read_into(r, &mut head);
    if let Some(e) = err {
        return Err(e);
    }
    head.truncate(got);
    Ok(head)
}

/// Reads until `buf` is full, the stream ends or fails: (bytes read, ended, error).
pub(crate) fn read_into(
    r: &mut (impl Read + ?Sized),
    buf: &mut [u8],
) -> (usize, bool, Option<io::Error>) {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => return (got, true, None),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (got, false, Some(e)),
        }
    }
    (got, false, None)
}

/// Wraps `raw` in the decompressor its first bytes call for.
pub fn decompressed(
    mut raw: Box<dyn Read + Send>,
) -> io::Result<(Box<dyn Read + Send>, Compression)> {
    let head = read_head(&mut raw, 4)?;
    let c = Compression::sniff(&head);
    let rewound = Rewind { head, pos: 0, inner: raw };
    let out: Box<dyn Read + Send> = match c {
        Compression::None => Box::new(rewound),
        Compression::Gzip => Box::new(flate2::bufread::MultiGzDecoder::new(
            io::BufReader::with_capacity(1 << 16, rewound),
        )),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(rewound)?),
    };
    Ok((out, c))
}

/// Counts the bytes read from the inner reader into a shared counter (progress of
/// a compressed file, read on another thread).
pub struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens a capture file and returns its decompressed byte stream, and a counter of
/// the file bytes consumed so far.
pub fn open_path(path: &Path) -> io::Result<(Box<dyn Read + Send>, Compression, Arc<AtomicU64>)> {
    let count = Arc::new(AtomicU64::new(0));
    let file = Counting { inner: File::open(path)?, count: Arc::clone(&count) };
    let (r, c) = decompressed(Box::new(file))?;
    Ok((r, c, count))
}
