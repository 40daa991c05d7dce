//! The capture writer.
//!
//! Writes the current layout, which sysdig 0.29.3 and every later libscap read:
//!
//! | block | content |
//! |---|---|
//! | SHB 1.2 | 28 bytes, `section_length` −1 |
//! | MI | machine info, 180-byte body |
//! | IL_V2 | IPv4 interfaces, then IPv6, each with a u32 length excluding itself, always with link speed |
//! | UL_V2 | users, then groups, each with a u32 length including itself |
//! | PL_V9 | one entry per thread, u32 length including itself; appended fields in the e5c53d64 order (`loginuid`, `exe_writable`, then `cap_*` when known) so 0.29.3 reads them right |
//! | FDL_V2 | one block per thread, even without fds |
//! | EV_V2 / EVF_V2 | events; EVF when dump flags are set |
//! | EV_V2_LARGE / EVF_V2_LARGE | events of large-payload types, or over 64 KiB |
//!
//! Every block length is computed from the bytes actually emitted (sysdig
//! mis-sizes IL_V2 blocks when re-writing v1 captures; sysray does not).
//! Newer PL_V9 fields that the e5c53d64 order cannot carry (`pidns_init_start_ts`,
//! `tty`, exe inode data, layers, `pgid`) are not written.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::block::{self, round_up_4};
use crate::error::{Error, ErrorKind, Result};
use crate::event::Event;
use crate::meta::{FdEntry, FdInfo, Interface, Metadata, ThreadEntry};
use crate::stream::Compression;

enum Sink<W: Write> {
    Plain(W),
    Gzip(flate2::write::GzEncoder<W>),
    Zstd(zstd::stream::write::Encoder<'static, W>),
}

impl<W: Write> Write for Sink<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Plain(w) => w.write(buf),
            Sink::Gzip(w) => w.write(buf),
            Sink::Zstd(w) => w.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Plain(w) => w.write_all(buf),
            Sink::Gzip(w) => w.write_all(buf),
            Sink::Zstd(w) => w.write_all(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Plain(w) => w.flush(),
            Sink::Gzip(w) => w.flush(),
            Sink::Zstd(w) => w.flush(),
        }
    }
}

/// Counts the bytes that reach the file (after compression).
pub struct CountingWriter<W> {
    inner: W,
    count: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W> CountingWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        CountingWriter { inner, count: 0 }
    }

    /// Bytes written through so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The wrapped writer.
    pub fn into_inner(self) -> W {
        self.inner
    }
}

/// Writes a capture. Call [`Writer::write_metadata`] once, then
/// [`Writer::write_event`] for each event, then [`Writer::finish`].
pub struct Writer<W: Write> {
    sink: Sink<W>,
    block: Vec<u8>,
    written: u64,
    events: u64,
}

impl Writer<CountingWriter<BufWriter<File>>> {
    /// Creates (truncates) a capture file.
    pub fn create(path: impl AsRef<Path>, compression: Compression) -> Result<Self> {
        let path = path.as_ref();
        let f = File::create(path).map_err(|e| Error {
            path: Some(path.to_path_buf()),
            offset: 0,
            compressed: false,
            kind: ErrorKind::Open(e),
        })?;
        Self::new(CountingWriter::new(BufWriter::with_capacity(1 << 18, f)), compression)
    }

    /// Bytes that reached the file so far (compressed size for compressed output;
    /// the compressor's internal buffer is not counted). sysdig's `-C` compares
    /// this, its `scap_dump_get_offset`, with the rotation size.
    pub fn file_bytes(&self) -> u64 {
        match &self.sink {
            Sink::Plain(w) => w.count(),
            Sink::Gzip(g) => g.get_ref().count(),
            Sink::Zstd(z) => z.get_ref().count(),
        }
    }
}

impl<W: Write> Writer<W> {
    /// Writes a capture to `w` with the given compression.
    pub fn new(w: W, compression: Compression) -> Result<Self> {
        let sink = match compression {
            Compression::None => Sink::Plain(w),
            Compression::Gzip => {
                Sink::Gzip(flate2::write::GzEncoder::new(w, flate2::Compression::default()))
            }
            Compression::Zstd => {
                Sink::Zstd(zstd::stream::write::Encoder::new(w, 3).map_err(|e| io_error(0, e))?)
            }
        };
        Ok(Writer { sink, block: Vec::with_capacity(1 << 16), written: 0, events: 0 })
    }

    /// Bytes written so far (uncompressed).
    pub fn bytes_written(&self) -> u64 {
        self.written
    }

    /// Events written so far.
    pub fn events_written(&self) -> u64 {
        self.events
    }

    /// Writes the section header and the state blocks.
    pub fn write_metadata(&mut self, meta: &Metadata) -> Result<()> {
        self.begin(block::SHB);
        self.put_u32(block::BYTE_ORDER_MAGIC);
        self.put_u16(1);
        self.put_u16(2);
        self.put_u64(u64::MAX);
        self.end()?;

        if let Some(m) = &meta.machine {
            self.begin(block::MI);
            self.put_u32(m.num_cpus);
            self.put_u64(m.memory_size_bytes);
            self.put_u64(m.max_pid);
            let mut host = [0u8; 128];
            let n = m.hostname.len().min(127);
            host[..n].copy_from_slice(&m.hostname[..n]);
            self.block.extend_from_slice(&host);
            self.put_u64(m.boot_ts_epoch);
            self.put_u64(m.flags);
            self.put_u64(m.reserved[0]);
            self.put_u64(m.reserved[1]);
            self.end()?;
        }

        self.begin(block::IL_V2);
        let v4 = meta.interfaces.iter().filter(|i| matches!(i, Interface::V4 { .. }));
        let v6 = meta.interfaces.iter().filter(|i| matches!(i, Interface::V6 { .. }));
        for i in v4.chain(v6) {
            self.put_interface(i);
        }
        self.end()?;

        self.begin(block::UL_V2);
        for u in &meta.users {
            let start = self.sub_begin();
            self.block.push(0);
            self.put_u32(u.uid);
            self.put_u32(u.gid);
            self.put_str16(&u.name);
            self.put_str16(&u.homedir);
            self.put_str16(&u.shell);
            self.sub_end(start, true);
        }
        for g in &meta.groups {
            let start = self.sub_begin();
            self.block.push(1);
            self.put_u32(g.gid);
            self.put_str16(&g.name);
            self.sub_end(start, true);
        }
        self.end()?;

        self.begin(block::PL_V9);
        for t in &meta.threads {
            self.put_thread(t);
        }
        self.end()?;

        for t in &meta.threads {
            self.write_fd_list(t.tid, &t.fds)?;
        }
        for (tid, fds) in &meta.orphan_fds {
            self.write_fd_list(*tid, fds)?;
        }
        Ok(())
    }

    fn write_fd_list(&mut self, tid: u64, fds: &[FdEntry]) -> Result<()> {
        self.begin(block::FDL_V2);
        self.put_u64(tid);
        for fd in fds {
            let start = self.sub_begin();
            self.put_u64(fd.fd as u64);
            self.put_u64(fd.ino);
            self.block.push(fd.info.fd_type());
            match &fd.info {
                FdInfo::Ipv4Sock { sip, dip, sport, dport, l4proto } => {
                    self.block.extend_from_slice(sip);
                    self.block.extend_from_slice(dip);
                    self.put_u16(*sport);
                    self.put_u16(*dport);
                    self.block.push(*l4proto);
                }
                FdInfo::Ipv6Sock { sip, dip, sport, dport, l4proto } => {
                    self.block.extend_from_slice(sip);
                    self.block.extend_from_slice(dip);
                    self.put_u16(*sport);
                    self.put_u16(*dport);
                    self.block.push(*l4proto);
                }
                FdInfo::Ipv4Server { ip, port, l4proto } => {
                    self.block.extend_from_slice(ip);
                    self.put_u16(*port);
                    self.block.push(*l4proto);
                }
                FdInfo::Ipv6Server { ip, port, l4proto } => {
                    self.block.extend_from_slice(ip);
                    self.put_u16(*port);
                    self.block.push(*l4proto);
                }
                FdInfo::Unix { source, dest, path } => {
                    self.put_u64(*source);
                    self.put_u64(*dest);
                    self.put_str16(path);
                }
                FdInfo::FileV2 { open_flags, name, dev } => {
                    self.put_u32(*open_flags);
                    self.put_str16(name);
                    if let Some(d) = dev {
                        self.put_u32(*d);
                    }
                }
                FdInfo::Named { name, .. } => self.put_str16(name),
            }
            self.sub_end(start, true);
        }
        self.end()
    }

    /// Writes one event (any header version; it is written with a v2 header).
    pub fn write_event(&mut self, ev: &Event<'_>) -> Result<()> {
        self.write_event_with_flags(ev, ev.dump_flags())
    }

    /// Writes one event with the given dump flags (e.g. `STATE_ONLY` for `-F`).
    pub fn write_event_with_flags(&mut self, ev: &Event<'_>, dump_flags: u32) -> Result<()> {
        let prefix = if dump_flags != 0 { 6 } else { 2 };
        let body = prefix + ev.v2_len();
        let large =
            ev.has_large_lengths() || round_up_4(body) + 4 > block::MAX_SMALL_EVENT_BODY as usize;
        let btype = match (dump_flags != 0, large) {
            (false, false) => block::EV_V2,
            (false, true) => block::EV_V2_LARGE,
            (true, false) => block::EVF_V2,
            (true, true) => block::EVF_V2_LARGE,
        };
        self.begin(btype);
        self.put_u16(ev.cpuid());
        if dump_flags != 0 {
            self.put_u32(dump_flags);
        }
        ev.encode_v2(&mut self.block);
        self.end()?;
        self.events += 1;
        Ok(())
    }

    /// Flushes buffered bytes down to the file (a sync point for compressed output).
    pub fn flush(&mut self) -> Result<()> {
        self.sink.flush().map_err(|e| io_error(self.written, e))
    }

    /// Ends the compressed stream and returns the inner writer, flushed.
    pub fn finish(self) -> Result<W> {
        let at = self.written;
        let mut w = match self.sink {
            Sink::Plain(w) => w,
            Sink::Gzip(g) => g.finish().map_err(|e| io_error(at, e))?,
            Sink::Zstd(z) => z.finish().map_err(|e| io_error(at, e))?,
        };
        w.flush().map_err(|e| io_error(at, e))?;
        Ok(w)
    }

    fn begin(&mut self, btype: u32) {
        self.block.clear();
        self.put_u32(btype);
        self.put_u32(0);
    }

    /// Pads, appends the trailer, patches the length and writes the block.
    fn end(&mut self) -> Result<()> {
        let total = round_up_4(self.block.len()) + 4;
        self.block.resize(total - 4, 0);
        self.put_u32(total as u32);
        self.block[4..8].copy_from_slice(&(total as u32).to_le_bytes());
        self.sink.write_all(&self.block).map_err(|e| io_error(self.written, e))?;
        self.written += total as u64;
        Ok(())
    }

    fn sub_begin(&mut self) -> usize {
        let start = self.block.len();
        self.put_u32(0);
        start
    }

    fn sub_end(&mut self, start: usize, include_self: bool) {
        let mut len = self.block.len() - start;
        if !include_self {
            len -= 4;
        }
        self.block[start..start + 4].copy_from_slice(&(len as u32).to_le_bytes());
    }

    fn put_u16(&mut self, v: u16) {
        self.block.extend_from_slice(&v.to_le_bytes());
    }
    fn put_u32(&mut self, v: u32) {
        self.block.extend_from_slice(&v.to_le_bytes());
    }
    fn put_u64(&mut self, v: u64) {
        self.block.extend_from_slice(&v.to_le_bytes());
    }
    fn put_str16(&mut self, s: &[u8]) {
        let n = s.len().min(u16::MAX as usize);
        self.put_u16(n as u16);
        self.block.extend_from_slice(&s[..n]);
    }

    fn put_interface(&mut self, i: &Interface) {
        let start = self.sub_begin();
        match i {
            Interface::V4 { name, addr, netmask, bcast, linkspeed } => {
                self.put_u16(1);
                self.put_u16(name.len() as u16);
                self.block.extend_from_slice(addr);
                self.block.extend_from_slice(netmask);
                self.block.extend_from_slice(bcast);
                self.put_u64(linkspeed.unwrap_or(0));
                self.block.extend_from_slice(name);
            }
            Interface::V6 { name, addr, netmask, bcast, linkspeed } => {
                self.put_u16(2);
                self.put_u16(name.len() as u16);
                self.block.extend_from_slice(addr);
                self.block.extend_from_slice(netmask);
                self.block.extend_from_slice(bcast);
                self.put_u64(linkspeed.unwrap_or(0));
                self.block.extend_from_slice(name);
            }
        }
        self.sub_end(start, false);
    }

    fn put_thread(&mut self, t: &ThreadEntry) {
        let start = self.sub_begin();
        self.put_u64(t.tid);
        self.put_u64(t.pid);
        self.put_u64(t.ptid);
        self.put_u64(t.sid);
        self.put_u64(t.vpgid);
        self.put_str16(&t.comm);
        self.put_str16(&t.exe);
        self.put_str16(&t.exepath);
        self.put_str16(&t.args);
        self.put_str16(&t.cwd);
        self.put_u64(t.fdlimit);
        self.put_u32(t.flags);
        self.put_u32(t.uid);
        self.put_u32(t.gid);
        self.put_u32(t.vmsize_kb);
        self.put_u32(t.vmrss_kb);
        self.put_u32(t.vmswap_kb);
        self.put_u64(t.pfmajor);
        self.put_u64(t.pfminor);
        self.put_str16(&t.env);
        self.put_u64(t.vtid as u64);
        self.put_u64(t.vpid as u64);
        self.put_str16(&t.cgroups);
        self.put_str16(&t.root);
        self.put_u32(t.loginuid.unwrap_or(u32::MAX));
        self.block.push(u8::from(t.exe_writable.unwrap_or(false)));
        if let Some(c) = t.caps {
            for v in c {
                self.put_u64(v);
            }
        }
        self.sub_end(start, true);
    }
}

fn io_error(offset: u64, e: io::Error) -> Error {
    Error { path: None, offset, compressed: false, kind: ErrorKind::Io(e) }
}
