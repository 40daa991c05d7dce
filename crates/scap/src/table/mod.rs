//! The event table: every event id with its name, category, flags and parameters,
//! the flag/enum tables used to render flag parameters, syscall names for generic
//! events, and errno/signal names.
//!
//! This is the single declaration that decoding, rendering, `evt.arg.*` fields, `-L`
//! and the documentation read. Ids below [`EVENT_COUNT_0_29`] follow
//! falcosecurity/libs e5c53d64 exactly (parameter counts matter: v1 captures infer
//! their parameter count from them, and sysdig 0.29.3 renders only these
//! parameters); higher ids come from later libs so newer captures decode.

mod errno;
mod events;
/// Flag and enum tables.
pub mod flags;
mod syscalls;

pub use errno::{ERRNO_NAMES, SIGNAL_NAMES};
pub use events::{EVENT_COUNT, EVENT_COUNT_0_29, EVENTS, ids};
pub use syscalls::SYSCALL_NAMES;

/// Type of an event parameter (`PT_*`): how its bytes are encoded and rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[expect(missing_docs, reason = "variants are the upstream PT_* names")]
pub enum ParamType {
    None = 0,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    /// NUL-terminated printable string.
    CharBuf,
    /// Raw bytes.
    ByteBuf,
    /// i64 result, negative values are errno codes.
    Errno,
    SockAddr,
    SockTuple,
    /// i64 file descriptor.
    Fd,
    /// i64 thread or process id.
    Pid,
    FdList,
    FsPath,
    /// u16 PPM_SC code.
    SyscallId,
    SigType,
    RelTime,
    AbsTime,
    Port,
    L4Proto,
    SockFamily,
    Bool,
    Ipv4Addr,
    /// u8 index, then a value typed by the parameter's dynamic table.
    Dyn,
    Flags8,
    Flags16,
    Flags32,
    Uid,
    Gid,
    Double,
    SigSet,
    CharBufArray,
    CharBufPairArray,
    Ipv4Net,
    Ipv6Addr,
    Ipv6Net,
    IpAddr,
    IpNet,
    Mode,
    /// Path relative to the dirfd parameter named by [`ParamExtra::DirFd`].
    FsRelPath,
    EnumFlags8,
    EnumFlags16,
    EnumFlags32,
    Fd32,
    Pid32,
}

impl ParamType {
    /// The upstream name without the `PT_` prefix, as `-L` and `-l` print it.
    pub fn name(self) -> &'static str {
        use ParamType::*;
        match self {
            None => "NONE",
            Int8 => "INT8",
            Int16 => "INT16",
            Int32 => "INT32",
            Int64 => "INT64",
            Uint8 => "UINT8",
            Uint16 => "UINT16",
            Uint32 => "UINT32",
            Uint64 => "UINT64",
            CharBuf => "CHARBUF",
            ByteBuf => "BYTEBUF",
            Errno => "ERRNO",
            SockAddr => "SOCKADDR",
            SockTuple => "SOCKTUPLE",
            Fd => "FD",
            Pid => "PID",
            FdList => "FDLIST",
            FsPath => "FSPATH",
            SyscallId => "SYSCALLID",
            SigType => "SIGTYPE",
            RelTime => "RELTIME",
            AbsTime => "ABSTIME",
            Port => "PORT",
            L4Proto => "L4PROTO",
            SockFamily => "SOCKFAMILY",
            Bool => "BOOL",
            Ipv4Addr => "IPV4ADDR",
            Dyn => "DYNAMIC",
            Flags8 => "FLAGS8",
            Flags16 => "FLAGS16",
            Flags32 => "FLAGS32",
            Uid => "UID",
            Gid => "GID",
            Double => "DOUBLE",
            SigSet => "SIGSET",
            CharBufArray => "CHARBUFARRAY",
            CharBufPairArray => "CHARBUF_PAIR_ARRAY",
            Ipv4Net => "IPV4NET",
            Ipv6Addr => "IPV6ADDR",
            Ipv6Net => "IPV6NET",
            IpAddr => "IPADDR",
            IpNet => "IPNET",
            Mode => "MODE",
            FsRelPath => "FSRELPATH",
            EnumFlags8 => "ENUMFLAGS8",
            EnumFlags16 => "ENUMFLAGS16",
            EnumFlags32 => "ENUMFLAGS32",
            Fd32 => "FD32",
            Pid32 => "PID32",
        }
    }

    /// Encoded size in bytes for fixed-size types, `None` for variable-size ones.
    pub fn fixed_size(self) -> Option<usize> {
        use ParamType::*;
        Some(match self {
            Int8 | Uint8 | Flags8 | SigType | L4Proto | SockFamily | EnumFlags8 => 1,
            Int16 | Uint16 | Flags16 | SyscallId | Port | EnumFlags16 => 2,
            Int32 | Uint32 | Flags32 | Uid | Gid | Bool | Ipv4Addr | SigSet | Mode
            | EnumFlags32 | Fd32 | Pid32 => 4,
            Int64 | Uint64 | Errno | Fd | Pid | RelTime | AbsTime | Double => 8,
            Ipv6Addr => 16,
            _ => return Option::None,
        })
    }
}

/// How a numeric parameter is printed (`PF_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[expect(missing_docs, reason = "variants are the upstream PF_* names")]
pub enum PrintFormat {
    Na = 0,
    Dec,
    Hex,
    /// `PF_10_PADDED_DEC`: nine digits, zero padded.
    Padded10Dec,
    Id,
    Dir,
    Oct,
}

/// An ordered `(name, value)` table used to render flag and enum parameters.
#[derive(Debug)]
pub struct FlagTable {
    /// The upstream table name (e.g. `file_flags`).
    pub name: &'static str,
    /// Entries in table order; rendering depends on this order.
    pub entries: &'static [(&'static str, u32)],
}

/// Extra information attached to a parameter.
#[derive(Clone, Copy, Debug)]
pub enum ParamExtra {
    /// Nothing.
    None,
    /// Flag/enum names for a flags parameter.
    Flags(&'static FlagTable),
    /// Types selected by the leading index byte of a [`ParamType::Dyn`] value.
    Dynamic(&'static [ParamInfo]),
    /// For [`ParamType::FsRelPath`]: index of the dirfd parameter.
    DirFd(u8),
}

/// One parameter of an event type.
#[derive(Clone, Copy, Debug)]
pub struct ParamInfo {
    /// Parameter name (`fd`, `res`, `name`...).
    pub name: &'static str,
    /// Encoding and rendering type.
    pub ptype: ParamType,
    /// Numeric print format.
    pub format: PrintFormat,
    /// Flag table, dynamic types or dirfd index.
    pub extra: ParamExtra,
}

impl ParamInfo {
    /// The flag table of a flags parameter, if any.
    pub fn flag_table(&self) -> Option<&'static FlagTable> {
        match self.extra {
            ParamExtra::Flags(t) => Some(t),
            _ => None,
        }
    }
}

/// Event categories (`EC_*`), a small bit set.
pub mod ec {
    #![expect(missing_docs, reason = "the upstream EC_* names")]
    pub const UNKNOWN: u16 = 0;
    pub const OTHER: u16 = 1;
    pub const FILE: u16 = 2;
    pub const NET: u16 = 3;
    pub const IPC: u16 = 4;
    pub const MEMORY: u16 = 5;
    pub const PROCESS: u16 = 6;
    pub const SLEEP: u16 = 7;
    pub const SYSTEM: u16 = 8;
    pub const SIGNAL: u16 = 9;
    pub const USER: u16 = 10;
    pub const TIME: u16 = 11;
    pub const PROCESSING: u16 = 12;
    pub const IO_BASE: u16 = 32;
    pub const IO_READ: u16 = 32;
    pub const IO_WRITE: u16 = 33;
    pub const IO_OTHER: u16 = 34;
    pub const WAIT: u16 = 64;
    pub const SCHEDULER: u16 = 128;
    pub const INTERNAL: u16 = 256;
}

/// Event flags (`EF_*`).
pub mod ef {
    #![expect(missing_docs, reason = "the upstream EF_* names")]
    pub const CREATES_FD: u32 = 1;
    pub const DESTROYS_FD: u32 = 2;
    pub const USES_FD: u32 = 4;
    pub const READS_FROM_FD: u32 = 8;
    pub const WRITES_TO_FD: u32 = 16;
    pub const MODIFIES_STATE: u32 = 32;
    pub const UNUSED: u32 = 64;
    pub const WAITS: u32 = 128;
    pub const SKIPPARSERESET: u32 = 256;
    pub const OLD_VERSION: u32 = 512;
    pub const DROP_SIMPLE_CONS: u32 = 1024;
    pub const LARGE_PAYLOAD: u32 = 2048;
    pub const CONVERTER_MANAGED: u32 = 4096;
}

/// One event type.
#[derive(Debug)]
pub struct EventInfo {
    /// Display name (`%evt.type`), shared by enter and exit and by all versions.
    pub name: &'static str,
    /// `EC_*` category bits.
    pub category: u16,
    /// `EF_*` flag bits.
    pub flags: u32,
    /// Parameters in order.
    pub params: &'static [ParamInfo],
}

impl EventInfo {
    /// True if every bit of `flag` (an [`ef`] constant) is set.
    #[inline]
    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags & flag == flag
    }

    /// True if the category has the `EC_INTERNAL` bit: sysdig never prints these.
    #[inline]
    pub fn is_internal(&self) -> bool {
        self.category & ec::INTERNAL != 0
    }

    /// Parameter lengths are u32 instead of u16 (`EF_LARGE_PAYLOAD`).
    #[inline]
    pub fn large_payload(&self) -> bool {
        self.flags & ef::LARGE_PAYLOAD != 0
    }

    /// Index of the parameter called `name`.
    pub fn param_index(&self, name: &str) -> Option<usize> {
        self.params.iter().position(|p| p.name == name)
    }
}

/// The table entry of event type `id`, or `None` for an id sysray does not know.
#[inline]
pub fn event_info(id: u16) -> Option<&'static EventInfo> {
    EVENTS.get(id as usize)
}

/// True for enter events (even ids), `>` in `%evt.dir`.
#[inline]
pub fn is_enter(id: u16) -> bool {
    id & 1 == 0
}

/// The name of errno `code` (a positive number), as sysdig prints it.
pub fn errno_name(code: u64) -> Option<&'static str> {
    let code = u16::try_from(code).ok()?;
    ERRNO_NAMES.binary_search_by_key(&code, |&(n, _)| n).ok().map(|i| ERRNO_NAMES[i].1)
}

/// The name of signal `sig` (1–31).
pub fn signal_name(sig: u64) -> Option<&'static str> {
    SIGNAL_NAMES.get(usize::try_from(sig).ok()?).copied().filter(|s| !s.is_empty())
}

/// The display name of PPM_SC syscall code `code`, as sysdig 0.29.3 prints it.
pub fn syscall_name(code: u16) -> Option<&'static str> {
    SYSCALL_NAMES.get(code as usize).copied()
}

/// Every id whose display name is `name` (all versions, both directions).
pub fn ids_named(name: &str) -> impl Iterator<Item = u16> + '_ {
    EVENTS.iter().enumerate().filter(move |(_, e)| e.name == name).map(|(i, _)| i as u16)
}

const fn ev(
    name: &'static str,
    category: u16,
    flags: u32,
    params: &'static [ParamInfo],
) -> EventInfo {
    EventInfo { name, category, flags, params }
}

const fn p(name: &'static str, ptype: ParamType, format: PrintFormat) -> ParamInfo {
    ParamInfo { name, ptype, format, extra: ParamExtra::None }
}

const fn fl(
    name: &'static str,
    ptype: ParamType,
    format: PrintFormat,
    table: &'static FlagTable,
) -> ParamInfo {
    ParamInfo { name, ptype, format, extra: ParamExtra::Flags(table) }
}

const fn dynp(name: &'static str, format: PrintFormat, types: &'static [ParamInfo]) -> ParamInfo {
    ParamInfo { name, ptype: ParamType::Dyn, format, extra: ParamExtra::Dynamic(types) }
}

const fn rel(name: &'static str, format: PrintFormat, dirfd: u8) -> ParamInfo {
    ParamInfo { name, ptype: ParamType::FsRelPath, format, extra: ParamExtra::DirFd(dirfd) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_pair_enter_and_exit() {
        assert_eq!(EVENTS.len(), EVENT_COUNT);
        assert_eq!(ids::GENERIC_E, 0);
        assert_eq!(ids::SYSCALL_OPEN_X, 3);
        assert_eq!(ids::CONTAINER_JSON_2_E, 324);
        assert_eq!(ids::ASYNCEVENT_E, 402);
        // Both halves of a used pair carry the same display name.
        for id in (0..EVENT_COUNT).step_by(2) {
            let (e, x) = (&EVENTS[id], &EVENTS[id + 1]);
            if !e.has_flag(ef::UNUSED) && !x.has_flag(ef::UNUSED) {
                assert_eq!(e.name, x.name, "ids {id}/{}", id + 1);
            }
        }
    }

    #[test]
    fn large_payload_only_on_meta_events() {
        let large: Vec<u16> =
            (0..EVENT_COUNT as u16).filter(|&i| EVENTS[i as usize].large_payload()).collect();
        assert_eq!(large, vec![322, 324, 402]);
    }

    #[test]
    fn dirfd_indexes_point_at_fd_params() {
        for (id, e) in EVENTS.iter().enumerate() {
            for prm in e.params {
                if let ParamExtra::DirFd(i) = prm.extra {
                    // Upstream's openat2 enter points at parameter 1 (itself); kept,
                    // because sysdig 0.29.3 renders it that way.
                    if id == ids::SYSCALL_OPENAT2_E as usize {
                        assert_eq!(i, 1);
                        continue;
                    }
                    let d = &e.params[i as usize];
                    assert!(matches!(d.ptype, ParamType::Fd | ParamType::Fd32), "event {id}");
                }
            }
        }
    }

    #[test]
    fn names_of_errnos_signals_and_syscalls() {
        assert_eq!(errno_name(11), Some("EAGAIN"));
        assert_eq!(errno_name(115), Some("EINPROGRESS"));
        assert_eq!(errno_name(41), None);
        assert_eq!(errno_name(512), Some("ERESTARTSYS"));
        assert_eq!(signal_name(17), Some("SIGCHLD"));
        assert_eq!(signal_name(0), None);
        assert_eq!(syscall_name(0), Some("<unknown>"));
        assert_eq!(syscall_name(75), Some("mprotect"));
        assert_eq!(syscall_name(298), Some("sigreturn"));
        assert_eq!(SYSCALL_NAMES.len(), 329);
    }

    #[test]
    fn seed_parameter_counts_match_e5c53d64() {
        // v1 parameter-count inference depends on these exact counts.
        assert_eq!(EVENTS[ids::SYSCALL_OPEN_E as usize].params.len(), 3);
        assert_eq!(EVENTS[ids::SYSCALL_OPEN_X as usize].params.len(), 5);
        assert_eq!(EVENTS[ids::SOCKET_CONNECT_E as usize].params.len(), 2);
        assert_eq!(EVENTS[ids::PROCEXIT_1_E as usize].params.len(), 4);
        assert_eq!(EVENTS[ids::SCHEDSWITCH_6_E as usize].params.len(), 6);
    }

    #[test]
    fn flag_tables_keep_upstream_order() {
        let f = &flags::FILE_FLAGS;
        assert_eq!(f.entries[0], ("O_LARGEFILE", 2048));
        assert_eq!(f.entries.last(), Some(&("O_TMPFILE", 8192)));
        assert_eq!(flags::SOCKET_FAMILIES.entries.iter().position(|e| e.0 == "AF_LOCAL"), Some(37));
    }
}
