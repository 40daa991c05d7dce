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
        Compression::Gzip => Box::new(Gunzip::new(io::BufReader::with_capacity(1 << 16, rewound))),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(rewound)?),
    };
    Ok((out, c))
}

/// Inflates gzip members one after another (as `gzip -d` and libscap read a
/// concatenation): the member headers and trailers (RFC 1952) are read here,
/// the deflate data goes through flate2's `Decompress` (zlib-rs) and the
/// checksum through flate2's `Crc` (crc32fast), as flate2's own decoders do.
///
/// flate2's `GzDecoder`s drop what a read call inflated when the same call runs
/// into corrupt data, so how much of a damaged file's good start came through
/// depended on the size of the reads. Here every byte inflated before the
/// damage is delivered first and the error comes with the next read: the
/// reader gives the same events before the damage, whatever its buffer sizes.
struct Gunzip<R> {
    input: R,
    inflate: flate2::Decompress,
    crc: flate2::Crc,
    /// Inside a member's deflate data (else before a member header).
    in_member: bool,
    /// The error that ended the stream (found, perhaps, after the bytes last
    /// returned): every later read gives it again.
    failed: Option<(io::ErrorKind, String)>,
}

const GZIP_ENDS_EARLY: (io::ErrorKind, &str) =
    (io::ErrorKind::UnexpectedEof, "gzip stream ends early");
const BAD_GZIP_HEADER: (io::ErrorKind, &str) = (io::ErrorKind::InvalidData, "invalid gzip header");
const BAD_DEFLATE: (io::ErrorKind, &str) = (io::ErrorKind::InvalidData, "corrupt deflate stream");
const BAD_GZIP_CHECK: (io::ErrorKind, &str) =
    (io::ErrorKind::InvalidData, "gzip member checksum or length does not match its data");

impl<R: io::BufRead> Gunzip<R> {
    fn new(input: R) -> Gunzip<R> {
        Gunzip {
            input,
            inflate: flate2::Decompress::new(false),
            crc: flate2::Crc::new(),
            in_member: false,
            failed: None,
        }
    }

    /// The buffered input, refilled if empty; an interrupted read is retried
    /// here, where no state is half changed.
    fn input(&mut self) -> io::Result<&[u8]> {
        loop {
            match self.input.fill_buf() {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
                Ok([]) => return Ok(&[]),
                // Buffered: this second call does no I/O.
                Ok(_) => return self.input.fill_buf(),
            }
        }
    }

    fn byte(&mut self) -> io::Result<u8> {
        let b = *self.input()?.first().ok_or_else(|| error(GZIP_ENDS_EARLY))?;
        self.input.consume(1);
        Ok(b)
    }

    fn bytes<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        let mut b = [0u8; N];
        for x in &mut b {
            *x = self.byte()?;
        }
        Ok(b)
    }

    /// Reads a member header; false at the clean end of the stream.
    fn member_header(&mut self) -> io::Result<bool> {
        if self.input()?.is_empty() {
            return Ok(false);
        }
        let [id1, id2, method, flags, ..] = self.bytes::<10>()?;
        if id1 != 0x1f || id2 != 0x8b || method != 8 || flags & 0xe0 != 0 {
            return Err(error(BAD_GZIP_HEADER));
        }
        if flags & 0x04 != 0 {
            let len = u16::from_le_bytes(self.bytes::<2>()?);
            for _ in 0..len {
                self.byte()?;
            }
        }
        for text in [0x08, 0x10] {
            if flags & text != 0 {
                while self.byte()? != 0 {}
            }
        }
        if flags & 0x02 != 0 {
            self.bytes::<2>()?;
        }
        self.inflate.reset(false);
        self.crc.reset();
        self.in_member = true;
        Ok(true)
    }

    /// Checks a member's trailer against what was inflated.
    fn member_trailer(&mut self) -> io::Result<()> {
        let t = self.bytes::<8>()?;
        let (crc, len) = (&t[..4], &t[4..]);
        if crc != self.crc.sum().to_le_bytes() || len != self.crc.amount().to_le_bytes() {
            return Err(error(BAD_GZIP_CHECK));
        }
        self.in_member = false;
        Ok(())
    }

    /// Inflates into `out`; an error found after some bytes is kept in
    /// `failed` for the next read.
    fn inflate_into(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            if !self.in_member && !self.member_header()? {
                return Ok(0);
            }
            if self.input()?.is_empty() {
                return Err(error(GZIP_ENDS_EARLY));
            }
            // Buffered now: this borrows the field alone, without I/O.
            let input = self.input.fill_buf()?;
            let (in_before, out_before) = (self.inflate.total_in(), self.inflate.total_out());
            let status = self.inflate.decompress(input, out, flate2::FlushDecompress::None);
            let consumed = (self.inflate.total_in() - in_before) as usize;
            let produced = (self.inflate.total_out() - out_before) as usize;
            self.input.consume(consumed);
            self.crc.update(&out[..produced]);
            let failure = match status {
                Ok(flate2::Status::StreamEnd) => self.member_trailer().err(),
                // zlib takes what input it is given while it has room to
                // write: a call that moves nothing would only repeat.
                Ok(_) if consumed == 0 && produced == 0 => Some(error(BAD_DEFLATE)),
                Ok(_) => None,
                Err(_) => Some(error(BAD_DEFLATE)),
            };
            if let Some(e) = failure {
                if produced == 0 {
                    return Err(e);
                }
                // The bytes first; the error with the next read.
                self.failed = Some((e.kind(), e.to_string()));
            }
            if produced > 0 {
                return Ok(produced);
            }
        }
    }
}

fn error((kind, what): (io::ErrorKind, &'static str)) -> io::Error {
    io::Error::new(kind, what)
}

impl<R: io::BufRead> Read for Gunzip<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if let Some((kind, what)) = &self.failed {
            return Err(io::Error::new(*kind, what.clone()));
        }
        if out.is_empty() {
            return Ok(0);
        }
        let got = self.inflate_into(out);
        if let Err(e) = &got
            && e.kind() != io::ErrorKind::Interrupted
        {
            self.failed = Some((e.kind(), e.to_string()));
        }
        got
    }
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

#[cfg(test)]
mod tests {
    use std::io::{self, Read, Write};

    use super::Gunzip;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// Everything `Gunzip` delivers from `gz` in reads of `step` bytes, and how
    /// it ended.
    fn read_in_steps(gz: &[u8], step: usize) -> (Vec<u8>, Option<io::ErrorKind>) {
        let mut g = Gunzip::new(io::BufReader::with_capacity(64, gz));
        let (mut out, mut buf) = (Vec::new(), vec![0u8; step]);
        loop {
            match g.read(&mut buf) {
                Ok(0) => return (out, None),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => return (out, Some(e.kind())),
            }
        }
    }

    fn sample(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i * 7 % 251) as u8 ^ (i / 1000) as u8).collect()
    }

    #[test]
    fn members_follow_one_another() {
        let (a, b) = (sample(100_000), sample(3_000));
        let mut gz = gzip(&a);
        gz.extend(gzip(&b));
        for step in [1, 7, 4096, 1 << 20] {
            let (out, end) = read_in_steps(&gz, step);
            assert_eq!(end, None, "step {step}");
            assert!(out == [a.clone(), b.clone()].concat(), "step {step}: {} bytes", out.len());
        }
    }

    #[test]
    fn damage_delivers_the_same_good_start_whatever_the_reads() {
        let data = sample(300_000);
        let mut gz = gzip(&data);
        let at = gz.len() / 2;
        for b in &mut gz[at..at + 16] {
            *b ^= 0x5a;
        }
        // Deflate has no check before the member's end: what zlib inflates
        // between the damage and the point it notices is delivered too (the
        // capture reader then finds the events it makes no sense of).
        let (first, end) = read_in_steps(&gz, 1 << 20);
        assert_eq!(end, Some(io::ErrorKind::InvalidData));
        assert!(first.len() > 100_000 && first.len() < data.len(), "{} bytes", first.len());
        assert!(first[..100_000] == data[..100_000]);
        for step in [1, 13, 4096, 65536] {
            let (out, e) = read_in_steps(&gz, step);
            assert!(out == first, "step {step}: {} bytes, not {}", out.len(), first.len());
            assert_eq!(e, end, "step {step}");
        }
    }

    /// Returns `Interrupted` before every other read.
    struct Jumpy<'a>(&'a [u8], bool);

    impl Read for Jumpy<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.1 = !self.1;
            if self.1 {
                return Err(io::ErrorKind::Interrupted.into());
            }
            self.0.read(buf)
        }
    }

    #[test]
    fn interrupted_reads_are_retried() {
        let data = sample(50_000);
        let mut gz = gzip(&data);
        gz.extend(gzip(b"second member"));
        let mut g = Gunzip::new(io::BufReader::with_capacity(3, Jumpy(&gz, false)));
        let (mut out, mut buf) = (Vec::new(), [0u8; 1000]);
        loop {
            match g.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => panic!("{e}"),
            }
        }
        assert!(out == [&data[..], b"second member"].concat(), "{} bytes", out.len());
    }

    #[test]
    fn a_cut_stream_ends_early() {
        let data = sample(200_000);
        let gz = gzip(&data);
        for cut in [5, 20, gz.len() / 3, gz.len() - 4] {
            let (out, end) = read_in_steps(&gz[..cut], 4096);
            assert_eq!(end, Some(io::ErrorKind::UnexpectedEof), "cut at {cut}");
            assert!(out == data[..out.len()], "cut at {cut}: {} bytes", out.len());
        }
    }
}
