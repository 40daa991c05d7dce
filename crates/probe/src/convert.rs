//! Kernel flag values to the driver's PPM_* encodings, rewritten in place.
//!
//! The probe writes flag parameters with their raw kernel values (truncated
//! to the parameter's width); this module converts them as the e5c53d64
//! driver's `*_to_scap` helpers do, including their quirks (`O_SYNC` and
//! `O_TMPFILE` are tested as multi-bit masks, so `O_DSYNC` alone also reports
//! `O_SYNC` and `O_DIRECTORY` also reports `O_TMPFILE`). Every conversion keeps
//! the width, so events are fixed up in the consumer's buffer without
//! moving bytes.

use scap::table::{ParamType, ids};

/// `(linux bit, PPM bit)` tables.
type BitMap = [(u64, u32)];

const OPEN_FLAGS: &BitMap = &[
    (0o100, 4),         // O_CREAT
    (0o20200000, 8192), // O_TMPFILE (mask incl. O_DIRECTORY, as the driver tests it)
    (0o2000, 8),        // O_APPEND
    (0o10000, 16),      // O_DSYNC
    (0o200, 32),        // O_EXCL
    (0o4000, 64),       // O_NONBLOCK
    (0o4010000, 128),   // O_SYNC (mask incl. O_DSYNC)
    (0o1000, 256),      // O_TRUNC
    (0o40000, 512),     // O_DIRECT
    (0o200000, 1024),   // O_DIRECTORY
    (0o100000, 2048),   // O_LARGEFILE
    (0o2000000, 4096),  // O_CLOEXEC
];

const CLONE_FLAGS: &BitMap = &[
    (0x400, 1),                // CLONE_FILES
    (0x200, 2),                // CLONE_FS
    (0x8000_0000, 4),          // CLONE_IO
    (0x0800_0000, 8),          // CLONE_NEWIPC
    (0x4000_0000, 16),         // CLONE_NEWNET
    (0x2_0000, 32),            // CLONE_NEWNS
    (0x2000_0000, 64),         // CLONE_NEWPID
    (0x0400_0000, 128),        // CLONE_NEWUTS
    (0x8000, 256),             // CLONE_PARENT
    (0x10_0000, 512),          // CLONE_PARENT_SETTID
    (0x2000, 1024),            // CLONE_PTRACE
    (0x800, 2048),             // CLONE_SIGHAND
    (0x4_0000, 4096),          // CLONE_SYSVSEM
    (0x1_0000, 8192),          // CLONE_THREAD
    (0x80_0000, 16384),        // CLONE_UNTRACED
    (0x100, 32768),            // CLONE_VM
    (0x1000_0000, 1_048_576),  // CLONE_NEWUSER
    (0x20_0000, 8_388_608),    // CLONE_CHILD_CLEARTID
    (0x100_0000, 16_777_216),  // CLONE_CHILD_SETTID
    (0x8_0000, 33_554_432),    // CLONE_SETTLS
    (0x4000, 134_217_728),     // CLONE_VFORK
    (0x200_0000, 268_435_456), // CLONE_NEWCGROUP
];

const PROT_FLAGS: &BitMap = &[
    (1, 1),            // PROT_READ
    (2, 2),            // PROT_WRITE
    (4, 4),            // PROT_EXEC
    (8, 8),            // PROT_SEM
    (0x0100_0000, 16), // PROT_GROWSDOWN
    (0x0200_0000, 32), // PROT_GROWSUP
];

const MMAP_FLAGS: &BitMap = &[
    (1, 1),          // MAP_SHARED
    (2, 2),          // MAP_PRIVATE
    (0x10, 4),       // MAP_FIXED
    (0x20, 8),       // MAP_ANONYMOUS
    (0x40, 16),      // MAP_32BIT
    (0x4000, 64),    // MAP_NORESERVE
    (0x8000, 128),   // MAP_POPULATE
    (0x1_0000, 256), // MAP_NONBLOCK
    (0x100, 512),    // MAP_GROWSDOWN
    (0x800, 1024),   // MAP_DENYWRITE
    (0x1000, 2048),  // MAP_EXECUTABLE
    (0x2000, 16384), // MAP_LOCKED
];

const OPENAT2_RESOLVE: &BitMap = &[
    (0x08, 1),  // RESOLVE_BENEATH
    (0x10, 2),  // RESOLVE_IN_ROOT
    (0x02, 4),  // RESOLVE_NO_MAGICLINKS
    (0x04, 8),  // RESOLVE_NO_SYMLINKS
    (0x01, 16), // RESOLVE_NO_XDEV
    (0x20, 32), // RESOLVE_CACHED
];

const POLL_EVENTS: &BitMap = &[
    (0x001, 1),    // POLLIN
    (0x002, 2),    // POLLPRI
    (0x004, 4),    // POLLOUT
    (0x2000, 8),   // POLLRDHUP
    (0x008, 16),   // POLLERR
    (0x010, 32),   // POLLHUP
    (0x020, 64),   // POLLNVAL
    (0x040, 128),  // POLLRDNORM
    (0x080, 256),  // POLLRDBAND
    (0x100, 512),  // POLLWRNORM
    (0x200, 1024), // POLLWRBAND
];

const EXECVEAT_FLAGS: &BitMap = &[
    (0x1000, 1), // AT_EMPTY_PATH
    (0x100, 2),  // AT_SYMLINK_NOFOLLOW
];

/// `(linux fcntl command folded by the probe, PPM value)`.
const FCNTL_CMDS: &[(u64, u32)] = &[
    (0, 1),
    (1, 2),
    (2, 3),
    (3, 4),
    (4, 5),
    (5, 6),
    (6, 8),
    (7, 9),
    (8, 10),
    (9, 12),
    (10, 13),
    (11, 15),
    (15, 21),
    (16, 22),
    (36, 30),
    (37, 31),
    (38, 32),
    (0x80, 23), // F_SETLEASE (1024)
    (0x81, 24), // F_GETLEASE
    (0x82, 27), // F_NOTIFY
    (0x85, 25), // F_CANCELLK
    (0x86, 26), // F_DUPFD_CLOEXEC
    (0x87, 28), // F_SETPIPE_SZ
    (0x88, 29), // F_GETPIPE_SZ
];

fn bits(raw: u64, map: &BitMap) -> u32 {
    map.iter().filter(|(l, _)| raw & l != 0).fold(0, |acc, (_, p)| acc | p)
}

/// `open_flags_to_scap`.
pub fn open_flags(raw: u64) -> u32 {
    let access = match raw & 3 {
        1 => 2,
        2 => 3,
        _ => 1,
    };
    access | bits(raw, OPEN_FLAGS)
}

/// `open_modes_to_scap`: the mode only matters when a file may be created.
pub fn open_mode(flags: u64, mode: u64) -> u32 {
    if flags & (0o100 | 0o20200000) != 0 { (mode & 0o7777) as u32 } else { 0 }
}

/// `clone_flags_to_scap`.
pub fn clone_flags(raw: u64) -> u32 {
    bits(raw, CLONE_FLAGS)
}

/// `fcntl_cmd_to_scap` (of the probe's folded byte).
pub fn fcntl_cmd(folded: u64) -> u32 {
    FCNTL_CMDS.iter().find(|(l, _)| *l == folded).map_or(0, |(_, p)| *p)
}

/// `poll_events_to_scap`.
pub fn poll_events(raw: u64) -> u32 {
    bits(raw, POLL_EVENTS)
}

/// `pf_flags_to_scap` (x86 page-fault error code).
pub fn page_fault_flags(raw: u64) -> u32 {
    let mut f = if raw & 1 != 0 { 1 } else { 2 };
    f |= if raw & 2 != 0 { 4 } else { 8 };
    f |= if raw & 4 != 0 { 16 } else { 32 };
    if raw & 8 != 0 {
        f |= 64;
    }
    if raw & 16 != 0 {
        f |= 128;
    }
    f
}

/// Copies the v2 event `ev` to the end of `out`, writing an empty string
/// parameter (`PT_CHARBUF`, `PT_FSPATH`) as one NUL byte, as the e5c53d64
/// drivers do: sysdig 0.29.3 reads a zero-length string on into the next
/// parameter (`cwd= N` out of an empty cwd and an fdlimit of 20000). Returns
/// the length appended.
pub fn append_event(ev: &[u8], out: &mut Vec<u8>) -> usize {
    let start = out.len();
    let empty_strings = empty_string_params(ev);
    if empty_strings == 0 {
        out.extend_from_slice(ev);
        return ev.len();
    }
    let n = u32::from_le_bytes([ev[22], ev[23], ev[24], ev[25]]) as usize;
    let lens_end = 26 + n * 2;
    out.extend_from_slice(&ev[..lens_end]);
    let mut data = lens_end;
    for i in 0..n {
        let at = start + 26 + i * 2;
        let len = u16::from_le_bytes([out[at], out[at + 1]]) as usize;
        if len == 0 && empty_strings & (1 << i) != 0 {
            out[at..at + 2].copy_from_slice(&1u16.to_le_bytes());
            out.push(0);
        } else {
            out.extend_from_slice(&ev[data..data + len]);
        }
        data += len;
    }
    let total = out.len() - start;
    out[start + 16..start + 20].copy_from_slice(&(total as u32).to_le_bytes());
    total
}

/// Bit `i` set when parameter `i` (of the first 32) is an empty string.
/// 0 for events with 4-byte lengths or that do not parse.
fn empty_string_params(ev: &[u8]) -> u32 {
    let Some(etype) = ev.get(20..22).map(|b| u16::from_le_bytes([b[0], b[1]])) else { return 0 };
    let Some(info) = scap::table::event_info(etype) else { return 0 };
    if info.large_payload() || !info.params.iter().any(|p| is_string(p.ptype)) {
        return 0;
    }
    let Some((spans, n)) = param_spans(ev) else { return 0 };
    let mut mask = 0u32;
    for (i, (&(_, len), p)) in spans[..n].iter().zip(info.params).enumerate().take(32) {
        if len == 0 && is_string(p.ptype) {
            mask |= 1 << i;
        }
    }
    mask
}

/// The parameter types written as one NUL byte when empty.
fn is_string(t: ParamType) -> bool {
    matches!(t, ParamType::CharBuf | ParamType::FsPath)
}

/// Whether events of type `etype` carry flag parameters that
/// [`fix_event`] converts (checked first: most events have none).
fn has_flag_params(etype: u16) -> bool {
    use ids::*;
    matches!(
        etype,
        SYSCALL_OPEN_E
            | SYSCALL_OPEN_X
            | SYSCALL_OPENAT_2_E
            | SYSCALL_OPENAT_2_X
            | SYSCALL_OPENAT2_E
            | SYSCALL_OPENAT2_X
            | SYSCALL_CREAT_E
            | SYSCALL_CREAT_X
            | SYSCALL_CLONE_20_X
            | SYSCALL_FORK_20_X
            | SYSCALL_VFORK_20_X
            | SYSCALL_CLONE3_X
            | SYSCALL_UNSHARE_E
            | SYSCALL_SETNS_E
            | SYSCALL_MMAP_E
            | SYSCALL_MPROTECT_E
            | SYSCALL_FCNTL_E
            | SYSCALL_EXECVEAT_E
            | SYSCALL_POLL_E
            | SYSCALL_PPOLL_E
            | SYSCALL_POLL_X
            | SYSCALL_PPOLL_X
            | PAGE_FAULT_E
    )
}

/// Positions of the parameters of a v2 event with u16 lengths.
fn param_spans(ev: &[u8]) -> Option<([(usize, usize); 24], usize)> {
    let n = u32::from_le_bytes(ev.get(22..26)?.try_into().ok()?) as usize;
    let mut spans = [(0usize, 0usize); 24];
    let mut off = 26 + n * 2;
    for i in 0..n {
        let len = u16::from_le_bytes(ev.get(26 + i * 2..28 + i * 2)?.try_into().ok()?) as usize;
        if let Some(slot) = spans.get_mut(i) {
            *slot = (off, len);
        }
        off += len;
    }
    (off <= ev.len()).then_some((spans, n.min(24)))
}

fn read(ev: &[u8], span: (usize, usize)) -> Option<u64> {
    let b = ev.get(span.0..span.0 + span.1)?;
    let mut a = [0u8; 8];
    a.get_mut(..b.len())?.copy_from_slice(b);
    Some(u64::from_le_bytes(a))
}

fn write(ev: &mut [u8], span: (usize, usize), v: u32) {
    if let Some(b) = ev.get_mut(span.0..span.0 + span.1) {
        let bytes = (v as u64).to_le_bytes();
        let w = b.len().min(8);
        b[..w].copy_from_slice(&bytes[..w]);
    }
}

fn map_param(ev: &mut [u8], spans: &[(usize, usize)], i: usize, f: impl Fn(u64) -> u32) {
    if let Some(&span) = spans.get(i)
        && let Some(v) = read(ev, span)
    {
        write(ev, span, f(v));
    }
}

fn map_fdlist(ev: &mut [u8], span: (usize, usize)) {
    let Some(count) = read(ev, (span.0, 2.min(span.1))) else { return };
    for k in 0..count as usize {
        let at = span.0 + 2 + k * 10 + 8;
        if at + 2 <= span.0 + span.1 {
            map_param(ev, &[(at, 2)], 0, poll_events);
        }
    }
}

/// Converts the flag parameters of one v2 event (header at byte 0) in place.
/// Events that are malformed or have no flags are left as they are.
pub fn fix_event(ev: &mut [u8]) {
    let Some(etype) = ev.get(20..22).map(|b| u16::from_le_bytes([b[0], b[1]])) else { return };
    if has_flag_params(etype) {
        convert_flags(ev, etype);
    }
}

/// The conversions of [`fix_event`] for an event of type `etype`.
fn convert_flags(ev: &mut [u8], etype: u16) {
    let Some((spans, n)) = param_spans(ev) else { return };
    let spans = &spans[..n];
    use ids::*;
    let open = |ev: &mut [u8], flags: usize, mode: usize| {
        let raw = spans.get(flags).and_then(|&s| read(ev, s)).unwrap_or(0);
        map_param(ev, spans, flags, open_flags);
        map_param(ev, spans, mode, |m| open_mode(raw, m));
    };
    match etype {
        SYSCALL_OPEN_E => open(ev, 1, 2),
        SYSCALL_OPEN_X => open(ev, 2, 3),
        SYSCALL_OPENAT_2_E => open(ev, 2, 3),
        SYSCALL_OPENAT_2_X => open(ev, 3, 4),
        SYSCALL_OPENAT2_E => {
            open(ev, 2, 3);
            map_param(ev, spans, 4, |r| bits(r, OPENAT2_RESOLVE));
        }
        SYSCALL_OPENAT2_X => {
            open(ev, 3, 4);
            map_param(ev, spans, 5, |r| bits(r, OPENAT2_RESOLVE));
        }
        SYSCALL_CREAT_E => map_param(ev, spans, 1, |m| (m & 0o7777) as u32),
        SYSCALL_CREAT_X => map_param(ev, spans, 2, |m| (m & 0o7777) as u32),
        SYSCALL_CLONE_20_X | SYSCALL_FORK_20_X | SYSCALL_VFORK_20_X | SYSCALL_CLONE3_X => {
            map_param(ev, spans, 15, clone_flags)
        }
        SYSCALL_UNSHARE_E | SYSCALL_SETNS_E => {
            let i = if etype == SYSCALL_SETNS_E { 1 } else { 0 };
            map_param(ev, spans, i, clone_flags)
        }
        SYSCALL_MMAP_E => {
            map_param(ev, spans, 2, |r| bits(r, PROT_FLAGS));
            map_param(ev, spans, 3, |r| bits(r, MMAP_FLAGS));
        }
        SYSCALL_MPROTECT_E => map_param(ev, spans, 2, |r| bits(r, PROT_FLAGS)),
        SYSCALL_FCNTL_E => map_param(ev, spans, 1, fcntl_cmd),
        SYSCALL_EXECVEAT_E => map_param(ev, spans, 2, |r| bits(r, EXECVEAT_FLAGS)),
        SYSCALL_POLL_E | SYSCALL_PPOLL_E => {
            if let Some(&s) = spans.first() {
                map_fdlist(ev, s)
            }
        }
        SYSCALL_POLL_X | SYSCALL_PPOLL_X => {
            if let Some(&s) = spans.get(1) {
                map_fdlist(ev, s)
            }
        }
        PAGE_FAULT_E => map_param(ev, spans, 2, page_fault_flags),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scap::OwnedEvent;
    use scap::table::flags;

    fn ppm(table: &scap::table::FlagTable, name: &str) -> u32 {
        table.entries.iter().find(|e| e.0 == name).unwrap().1
    }

    /// `has_flag_params` lists exactly the types `convert_flags` changes: an
    /// event of a listed type, every parameter 0xA5 bytes (8 or 12 of them),
    /// comes out changed; any other comes out unchanged.
    #[test]
    fn only_listed_types_have_flags() {
        let mut changed = Vec::new();
        for etype in 0..scap::table::EVENT_COUNT as u16 {
            // 8-byte values for integer flags, 12 bytes for one pollfd entry.
            let converted = [8, 12].iter().any(|&width| {
                let value = vec![0xA5u8; width];
                let params: Vec<&[u8]> = (0..20).map(|_| &value[..]).collect();
                let ev = OwnedEvent::build(1, 2, etype, &params);
                let mut fixed = ev.bytes.clone();
                convert_flags(&mut fixed, etype);
                fixed != ev.bytes
            });
            if converted != has_flag_params(etype) {
                changed.push(etype);
            }
        }
        assert!(changed.is_empty(), "listed and converted types differ: {changed:?}");
    }

    #[test]
    fn open_flags_follow_the_driver() {
        let t = &flags::FILE_FLAGS;
        assert_eq!(open_flags(0), ppm(t, "O_RDONLY"));
        assert_eq!(
            open_flags((libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC | libc::O_CLOEXEC) as u64),
            ppm(t, "O_WRONLY") | ppm(t, "O_CREAT") | ppm(t, "O_TRUNC") | ppm(t, "O_CLOEXEC")
        );
        assert_eq!(
            open_flags((libc::O_RDWR | libc::O_APPEND | libc::O_EXCL | libc::O_NONBLOCK) as u64),
            ppm(t, "O_RDWR") | ppm(t, "O_APPEND") | ppm(t, "O_EXCL") | ppm(t, "O_NONBLOCK")
        );
        // The driver's mask tests: O_DIRECTORY also reports O_TMPFILE.
        assert_eq!(
            open_flags(libc::O_DIRECTORY as u64),
            ppm(t, "O_RDONLY") | ppm(t, "O_DIRECTORY") | ppm(t, "O_TMPFILE")
        );
        assert_eq!(open_mode(libc::O_CREAT as u64, 0o100644), 0o644);
        assert_eq!(open_mode(0, 0o644), 0);
    }

    #[test]
    fn tables_agree_with_scap_names() {
        let c = &flags::CLONE_FLAGS;
        assert_eq!(clone_flags(libc::CLONE_FILES as u64), ppm(c, "CLONE_FILES"));
        assert_eq!(
            clone_flags((libc::CLONE_VM | libc::CLONE_THREAD | libc::CLONE_NEWPID) as u64),
            ppm(c, "CLONE_VM") | ppm(c, "CLONE_THREAD") | ppm(c, "CLONE_NEWPID")
        );
        assert_eq!(clone_flags(libc::CLONE_VFORK as u64), ppm(c, "CLONE_VFORK"));
        assert_eq!(clone_flags(libc::CLONE_NEWCGROUP as u64), ppm(c, "CLONE_NEWCGROUP"));
        let f = &flags::FCNTL_COMMANDS;
        assert_eq!(fcntl_cmd(libc::F_SETFD as u64), ppm(f, "F_SETFD"));
        assert_eq!(
            fcntl_cmd(0x80 | (libc::F_DUPFD_CLOEXEC as u64 - 1024)),
            ppm(f, "F_DUPFD_CLOEXEC")
        );
        assert_eq!(fcntl_cmd(libc::F_GETLK as u64), ppm(f, "F_GETLK"));
        let m = &flags::MMAP_FLAGS;
        assert_eq!(
            bits((libc::MAP_PRIVATE | libc::MAP_ANONYMOUS) as u64, MMAP_FLAGS),
            ppm(m, "MAP_PRIVATE") | ppm(m, "MAP_ANONYMOUS")
        );
        let p = &flags::PF_FLAGS;
        assert_eq!(
            page_fault_flags(6),
            ppm(p, "PAGE_NOT_PRESENT") | ppm(p, "WRITE_ACCESS") | ppm(p, "USER_FAULT")
        );
        let r = &flags::OPENAT2_FLAGS;
        assert_eq!(bits(0x08, OPENAT2_RESOLVE), ppm(r, "RESOLVE_BENEATH"));
    }

    #[test]
    fn events_are_fixed_in_place() {
        let flags = ((libc::O_WRONLY | libc::O_CREAT) as u32).to_le_bytes();
        let mut ev = OwnedEvent::build(
            1,
            2,
            ids::SYSCALL_OPENAT_2_E,
            &[&(-100i64).to_le_bytes(), b"/tmp/x\0", &flags, &0o100600u32.to_le_bytes()],
        );
        let len = ev.bytes.len();
        fix_event(&mut ev.bytes);
        assert_eq!(ev.bytes.len(), len);
        let v = ev.as_event();
        assert_eq!(v.param_u64(2), Some(2 | 4));
        assert_eq!(v.param_u64(3), Some(0o600));
        // Truncated events are left alone.
        let mut short = ev.bytes[..30].to_vec();
        fix_event(&mut short);
    }

    #[test]
    fn empty_strings_become_one_nul() {
        use scap::OwnedEvent;
        // clone exit: res, exe, args, tid, pid, ptid, cwd (empty), fdlimit...
        let info = scap::table::event_info(ids::SYSCALL_CLONE_20_X).unwrap();
        assert_eq!(info.params[6].name, "cwd");
        let mut params: Vec<Vec<u8>> = vec![vec![0; 8]; info.params.len()];
        params[1] = b"sh\0".to_vec();
        params[2] = Vec::new(); // args: a byte buffer, stays empty
        params[6] = Vec::new();
        let refs: Vec<&[u8]> = params.iter().map(Vec::as_slice).collect();
        let ev = OwnedEvent::build(1, 2, ids::SYSCALL_CLONE_20_X, &refs);
        let mut out = vec![0xAA];
        let added = append_event(&ev.bytes, &mut out);
        assert_eq!(added, ev.bytes.len() + 1);
        let fixed = scap::Event::from_v2(&out[1..], 0, 0).unwrap();
        assert_eq!(fixed.param(6), Some(&b"\0"[..]));
        assert_eq!(fixed.param(2), Some(&b""[..]));
        assert_eq!(fixed.param(1), Some(&b"sh\0"[..]));
        assert_eq!(fixed.param(7), Some(&[0u8; 8][..]));
        // Nothing to change: copied as is.
        let mut same = Vec::new();
        append_event(&out[1..], &mut same);
        assert_eq!(same, &out[1..]);
    }
}
