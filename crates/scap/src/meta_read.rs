//! Decoding of metadata block bodies (MI, IL, UL, PL, FDL) in every version.

use crate::block;
use crate::error::{BlockName, ErrorKind};
use crate::meta::{
    FdEntry, FdInfo, Group, Interface, MachineInfo, SectionHeader, ThreadEntry, User, fd_type,
};

/// A bounds-checked little-endian cursor over a block body.
pub(crate) struct Cursor<'a> {
    b: &'a [u8],
    pub(crate) pos: usize,
    block: u32,
}

type R<T> = Result<T, ErrorKind>;

impl<'a> Cursor<'a> {
    pub(crate) fn new(b: &'a [u8], block: u32) -> Self {
        Cursor { b, pos: 0, block }
    }

    pub(crate) fn remaining(&self) -> usize {
        self.b.len() - self.pos
    }

    fn corrupt(&self, what: impl Into<String>) -> ErrorKind {
        ErrorKind::Corrupt { block: BlockName(self.block), what: what.into() }
    }

    pub(crate) fn bytes(&mut self, n: usize, what: &str) -> R<&'a [u8]> {
        if self.remaining() < n {
            return Err(self.corrupt(format!(
                "{what} needs {n} bytes at body offset {}, only {} left",
                self.pos,
                self.remaining()
            )));
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn arr<const N: usize>(&mut self, what: &str) -> R<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.bytes(N, what)?);
        Ok(a)
    }

    pub(crate) fn u8(&mut self, what: &str) -> R<u8> {
        Ok(self.bytes(1, what)?[0])
    }
    pub(crate) fn u16(&mut self, what: &str) -> R<u16> {
        Ok(u16::from_le_bytes(self.arr(what)?))
    }
    pub(crate) fn u32(&mut self, what: &str) -> R<u32> {
        Ok(u32::from_le_bytes(self.arr(what)?))
    }
    pub(crate) fn u64(&mut self, what: &str) -> R<u64> {
        Ok(u64::from_le_bytes(self.arr(what)?))
    }

    /// A u16-length-prefixed string, refused above `max` bytes as libscap does.
    fn str16(&mut self, what: &str, max: usize) -> R<Vec<u8>> {
        let len = self.u16(what)? as usize;
        if len > max {
            return Err(self.corrupt(format!("{what} is {len} bytes long, the limit is {max}")));
        }
        Ok(self.bytes(len, what)?.to_vec())
    }
}

pub(crate) fn section_header(body: &[u8]) -> R<SectionHeader> {
    let mut c = Cursor::new(body, block::SHB);
    let magic = c.u32("byte-order magic")?;
    if magic != block::BYTE_ORDER_MAGIC {
        return Err(ErrorKind::NotCapture(format!(
            "section header byte-order magic is {magic:#010x}, expected 0x1a2b3c4d (byte-swapped \
             or not a capture)"
        )));
    }
    let major = c.u16("major version")?;
    let minor = c.u16("minor version")?;
    let _section_length = c.u64("section length")?;
    Ok(SectionHeader { major, minor, options_len: c.remaining() as u32 })
}

pub(crate) fn machine_info(body: &[u8], t: u32) -> R<MachineInfo> {
    let mut c = Cursor::new(body, t);
    let num_cpus = c.u32("num_cpus")?;
    let memory_size_bytes = c.u64("memory_size_bytes")?;
    let max_pid = c.u64("max_pid")?;
    let host = c.bytes(128, "hostname")?;
    let hostname = host[..memchr::memchr(0, host).unwrap_or(128)].to_vec();
    let boot_ts_epoch = c.u64("boot_ts_epoch")?;
    let flags = c.u64("flags")?;
    let reserved = [c.u64("reserved3")?, c.u64("reserved4")?];
    Ok(MachineInfo {
        num_cpus,
        memory_size_bytes,
        max_pid,
        hostname,
        boot_ts_epoch,
        flags,
        reserved,
    })
}

pub(crate) fn interfaces(body: &[u8], t: u32, out: &mut Vec<Interface>) -> R<()> {
    let v2 = t == block::IL_V2;
    let mut c = Cursor::new(body, t);
    while c.remaining() >= 4 {
        let start = c.pos;
        let entry_len = if v2 { Some(c.u32("interface entry length")? as usize) } else { None };
        let entry_start = c.pos;
        let ty = c.u16("interface type")?;
        let namelen = c.u16("interface name length")? as usize;
        if namelen > 1023 {
            return Err(c.corrupt(format!("interface name of {namelen} bytes (limit 1023)")));
        }
        match ty {
            1 | 3 => {
                let addr = c.arr::<4>("IPv4 address")?;
                let netmask = c.arr::<4>("IPv4 netmask")?;
                let bcast = c.arr::<4>("IPv4 broadcast")?;
                let linkspeed = if ty == 1 { Some(c.u64("link speed")?) } else { None };
                let name = c.bytes(namelen, "interface name")?.to_vec();
                out.push(Interface::V4 { name, addr, netmask, bcast, linkspeed });
            }
            2 | 4 => {
                let addr = c.arr::<16>("IPv6 address")?;
                let netmask = c.arr::<16>("IPv6 netmask")?;
                let bcast = c.arr::<16>("IPv6 broadcast")?;
                let linkspeed = if ty == 2 { Some(c.u64("link speed")?) } else { None };
                let name = c.bytes(namelen, "interface name")?.to_vec();
                out.push(Interface::V6 { name, addr, netmask, bcast, linkspeed });
            }
            _ => {
                return Err(c.corrupt(format!(
                    "interface entry at body offset {start} has unknown type {ty} (expected 1-4)"
                )));
            }
        }
        if let Some(len) = entry_len {
            let end = entry_start + len;
            if end < c.pos || end > body.len() {
                return Err(c.corrupt(format!(
                    "interface entry at body offset {start} declares {len} bytes but holds {}",
                    c.pos - entry_start
                )));
            }
            c.pos = end;
        }
    }
    Ok(())
}

pub(crate) fn users(body: &[u8], t: u32, users: &mut Vec<User>, groups: &mut Vec<Group>) -> R<()> {
    let v2 = t == block::UL_V2;
    let mut c = Cursor::new(body, t);
    while c.remaining() >= 4 {
        let start = c.pos;
        let sub_len = if v2 { Some(c.u32("user entry length")? as usize) } else { None };
        let ty = c.u8("user entry type")?;
        if ty == 0 {
            let uid = c.u32("uid")?;
            let gid = c.u32("gid")?;
            let name = c.str16("user name", 255)?;
            let homedir = c.str16("home directory", 255)?;
            let shell = c.str16("shell", 255)?;
            users.push(User { uid, gid, name, homedir, shell });
        } else {
            let gid = c.u32("gid")?;
            let name = c.str16("group name", 255)?;
            groups.push(Group { gid, name });
        }
        if let Some(len) = sub_len {
            let end = start + len;
            if end < c.pos || end > body.len() {
                return Err(c.corrupt(format!(
                    "user entry at body offset {start} declares {len} bytes but holds {}",
                    c.pos - start
                )));
            }
            c.pos = end;
        }
    }
    Ok(())
}

/// Reads the PL entries of a body into `out`.
pub(crate) fn process_list(body: &[u8], t: u32, out: &mut Vec<ThreadEntry>) -> R<()> {
    let v = block::pl_version(t).unwrap_or(9);
    let mut c = Cursor::new(body, t);
    while c.remaining() >= 4 {
        let start = c.pos;
        let sub_len = if v >= 9 { Some(c.u32("thread entry length")? as usize) } else { None };
        let mut th = ThreadEntry {
            tid: c.u64("tid")?,
            pid: c.u64("pid")?,
            ptid: c.u64("ptid")?,
            ..ThreadEntry::default()
        };
        if v >= 6 {
            th.sid = c.u64("sid")?;
        }
        if v >= 8 {
            th.vpgid = c.u64("vpgid")?;
        }
        th.comm = c.str16("comm", 1024)?;
        th.exe = c.str16("exe", 1024)?;
        if v >= 7 {
            th.exepath = c.str16("exepath", 1024)?;
        }
        th.args = c.str16("args", 4096)?;
        th.cwd = c.str16("cwd", 1024)?;
        th.fdlimit = c.u64("fdlimit")?;
        th.flags = c.u32("flags")?;
        th.uid = c.u32("uid")?;
        th.gid = c.u32("gid")?;
        if v >= 2 {
            th.vmsize_kb = c.u32("vmsize")?;
            th.vmrss_kb = c.u32("vmrss")?;
            th.vmswap_kb = c.u32("vmswap")?;
            th.pfmajor = c.u64("pfmajor")?;
            th.pfminor = c.u64("pfminor")?;
        }
        if v >= 3 {
            th.env = c.str16("env", 4096)?;
        }
        if v >= 4 {
            th.vtid = c.u64("vtid")? as i64;
            th.vpid = c.u64("vpid")? as i64;
            th.cgroups = c.str16("cgroups", 4096)?;
        }
        if v >= 5 {
            th.root = c.str16("root", 1024)?;
        }
        if let Some(len) = sub_len {
            let end = start + len;
            if end < c.pos || end > body.len() {
                return Err(c.corrupt(format!(
                    "thread entry at body offset {start} (tid {}) declares {len} bytes but its \
                     fields need {}",
                    th.tid,
                    c.pos - start
                )));
            }
            appended_thread_fields(&mut c, end, &mut th)?;
            c.pos = end;
        }
        out.push(th);
    }
    Ok(())
}

/// PL_V9 fields appended after `root`, read while they fit in the entry. libs 0.10
/// inserted `pidns_init_start_ts` and `tty` before `loginuid`; entries with at most
/// 29 bytes left use the older order (scap-format.md §7).
fn appended_thread_fields(c: &mut Cursor<'_>, end: usize, th: &mut ThreadEntry) -> R<()> {
    let fits = |c: &Cursor<'_>, n: usize| c.pos + n <= end;
    let left = end - c.pos;
    if left > 29 {
        if fits(c, 8) {
            th.pidns_init_start_ts = Some(c.u64("pidns_init_start_ts")?);
        }
        if fits(c, 4) {
            th.tty = Some(c.u32("tty")?);
        }
    }
    if fits(c, 4) {
        th.loginuid = Some(c.u32("loginuid")?);
    }
    if fits(c, 1) {
        th.exe_writable = Some(c.u8("exe_writable")? != 0);
    }
    if fits(c, 24) {
        th.caps =
            Some([c.u64("cap_inheritable")?, c.u64("cap_permitted")?, c.u64("cap_effective")?]);
    }
    if fits(c, 1) {
        th.exe_upper_layer = Some(c.u8("exe_upper_layer")? != 0);
    }
    if fits(c, 24) {
        th.exe_ino = Some([c.u64("exe_ino")?, c.u64("exe_ino_ctime")?, c.u64("exe_ino_mtime")?]);
    }
    if fits(c, 1) {
        th.exe_from_memfd = Some(c.u8("exe_from_memfd")? != 0);
    }
    if fits(c, 1) {
        th.exe_lower_layer = Some(c.u8("exe_lower_layer")? != 0);
    }
    if fits(c, 8) {
        th.pgid = Some(c.u64("pgid")? as i64);
    }
    Ok(())
}

/// Reads an FDL body: the thread id and its fds.
pub(crate) fn fd_list(body: &[u8], t: u32) -> R<(u64, Vec<FdEntry>)> {
    let v2 = t == block::FDL_V2;
    let mut c = Cursor::new(body, t);
    let tid = c.u64("tid")?;
    let mut fds = Vec::new();
    while c.remaining() >= 4 {
        let start = c.pos;
        let sub_len = if v2 { Some(c.u32("fd entry length")? as usize) } else { None };
        let fd = c.u64("fd")? as i64;
        let ino = c.u64("ino")?;
        let ty = c.u8("fd type")?;
        let info = match ty {
            fd_type::IPV4_SOCK => FdInfo::Ipv4Sock {
                sip: c.arr("source address")?,
                dip: c.arr("destination address")?,
                sport: c.u16("source port")?,
                dport: c.u16("destination port")?,
                l4proto: c.u8("l4 protocol")?,
            },
            fd_type::IPV6_SOCK => FdInfo::Ipv6Sock {
                sip: c.arr("source address")?,
                dip: c.arr("destination address")?,
                sport: c.u16("source port")?,
                dport: c.u16("destination port")?,
                l4proto: c.u8("l4 protocol")?,
            },
            fd_type::IPV4_SERVSOCK => FdInfo::Ipv4Server {
                ip: c.arr("address")?,
                port: c.u16("port")?,
                l4proto: c.u8("l4 protocol")?,
            },
            fd_type::IPV6_SERVSOCK => FdInfo::Ipv6Server {
                ip: c.arr("address")?,
                port: c.u16("port")?,
                l4proto: c.u8("l4 protocol")?,
            },
            fd_type::UNIX_SOCK => FdInfo::Unix {
                source: c.u64("unix source")?,
                dest: c.u64("unix destination")?,
                path: c.str16("unix path", 1023)?,
            },
            fd_type::FILE_V2 => {
                let open_flags = c.u32("open flags")?;
                let name = c.str16("file name", 1023)?;
                let dev = match sub_len {
                    Some(len) if c.pos + 4 <= start + len => Some(c.u32("dev")?),
                    _ => None,
                };
                FdInfo::FileV2 { open_flags, name, dev }
            }
            fd_type::FILE
            | fd_type::DIRECTORY
            | fd_type::FIFO
            | fd_type::EVENT
            | fd_type::UNSUPPORTED
            | fd_type::SIGNALFD
            | fd_type::EVENTPOLL
            | fd_type::INOTIFY
            | fd_type::TIMERFD
            | fd_type::NETLINK
            | fd_type::BPF..=fd_type::PIDFD => {
                FdInfo::Named { fd_type: ty, name: c.str16("fd name", 1023)? }
            }
            _ => {
                return Err(c.corrupt(format!(
                    "fd {fd} of thread {tid} (body offset {start}) has unknown type {ty} \
                     (expected 1-21)"
                )));
            }
        };
        if let Some(len) = sub_len {
            let end = start + len;
            if end < c.pos || end > body.len() {
                return Err(c.corrupt(format!(
                    "fd entry at body offset {start} declares {len} bytes but holds {}",
                    c.pos - start
                )));
            }
            c.pos = end;
        }
        fds.push(FdEntry { fd, ino, info });
    }
    Ok((tid, fds))
}
