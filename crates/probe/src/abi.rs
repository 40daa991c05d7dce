//! The ABI shared with the BPF programs, mirrored from `bpf/probe_abi.h`.
//!
//! The header is the declaration; this module repeats its values for Rust and a
//! unit test parses the header to check that both sides agree.

#![cfg_attr(
    not(test),
    expect(dead_code, reason = "complete mirror of the C header; the tests read every item")
)]

/// The compiled probe, embedded with 8-byte alignment (the ELF parser reads
/// 64-bit fields in place).
pub static PROBE_OBJECT: &[u8] = {
    #[repr(C, align(8))]
    struct Aligned<T: ?Sized>(T);
    static BYTES: &Aligned<[u8]> = &Aligned(*include_bytes!("../bpf/probe.bpf.o"));
    &BYTES.0
};

/// The sidecar written with the object (source hash, clang version).
pub static PROBE_OBJECT_SUM: &str = include_str!("../bpf/probe.bpf.o.sum");

pub const PROBE_ABI_VERSION: u32 = 4;
pub const MAX_SYSCALLS: u32 = 512;
pub const MAX_EVENT_IDS: u32 = 512;
pub const MAX_PARAMS: usize = 32;
pub const MAX_DATA: u32 = 16384;
pub const MAX_RECORD_SIZE: u32 = 32000;
pub const RING_CHUNK_SHIFT: u32 = 20;
pub const RING_CHUNK: u32 = 1 << RING_CHUNK_SHIFT;
pub const RING_SLACK: u32 = 32768;
pub const RING_MAX_SHIFT: u32 = 10;
pub const EVENT_HEADER_SIZE: usize = 26;

pub const FAST_MAX_PARAMS: usize = 6;
pub const RECIPE_FAST: u16 = 1;

pub const SC_INTERESTING: u16 = 1;
pub const SC_KNOWN: u16 = 2;

pub const SET_CAPTURE: u32 = 1;
pub const SET_SCHED_SWITCH: u32 = 2;
pub const SET_PAGE_FAULTS: u32 = 4;
pub const SET_SIGNALS: u32 = 8;
pub const SET_PROCEXIT: u32 = 16;

pub const EVT_SCHEDSWITCH_6_E: u16 = 152;
pub const EVT_PROCEXIT_1_E: u16 = 186;
pub const EVT_SIGNALDELIVER_E: u16 = 232;
pub const EVT_PAGE_FAULT_E: u16 = 290;

pub const STAT_EVENTS: usize = 0;
pub const STAT_DROPS_BUFFER: usize = 1;
pub const STAT_DROPS_TOO_BIG: usize = 2;
pub const STAT_COUNT: usize = 8;

/// `enum param_kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Empty = 0,
    Arg = 1,
    Ret = 2,
    ArgStr = 3,
    BufRet = 4,
    BufArg = 5,
    Sockaddr = 6,
    TupleArg = 7,
    TupleRet = 8,
    QueuePct = 9,
    QueueLen = 10,
    QueueMax = 11,
    FdPair = 12,
    PipeIno = 13,
    UnixPtr = 14,
    DevRet = 15,
    IovSize = 16,
    IovData = 17,
    MsgSize = 18,
    MsgData = 19,
    Timespec = 20,
    Rlimit = 21,
    ScId = 22,
    NativeId = 23,
    Exe = 24,
    Args = 25,
    Tid = 26,
    Pid = 27,
    Ptid = 28,
    Cwd = 29,
    FdLimit = 30,
    PgftMaj = 31,
    PgftMin = 32,
    VmSize = 33,
    VmRss = 34,
    VmSwap = 35,
    Comm = 36,
    Cgroups = 37,
    Env = 38,
    Uid = 39,
    Gid = 40,
    Vtid = 41,
    Vpid = 42,
    Tty = 43,
    Pgid = 44,
    LoginUid = 45,
    CloneFlags = 46,
    Zero = 47,
    FdList = 48,
    SockaddrRet = 49,
    UserU64 = 50,
}

/// The C names of [`Kind`], in value order (for the header check).
pub const KIND_NAMES: [&str; 51] = [
    "OP_EMPTY",
    "OP_ARG",
    "OP_RET",
    "OP_ARG_STR",
    "OP_BUF_RET",
    "OP_BUF_ARG",
    "OP_SOCKADDR",
    "OP_TUPLE_ARG",
    "OP_TUPLE_RET",
    "OP_QUEUE_PCT",
    "OP_QUEUE_LEN",
    "OP_QUEUE_MAX",
    "OP_FDPAIR",
    "OP_PIPE_INO",
    "OP_UNIX_PTR",
    "OP_DEV_RET",
    "OP_IOV_SIZE",
    "OP_IOV_DATA",
    "OP_MSG_SIZE",
    "OP_MSG_DATA",
    "OP_TIMESPEC",
    "OP_RLIMIT",
    "OP_SC_ID",
    "OP_NATIVE_ID",
    "OP_EXE",
    "OP_ARGS",
    "OP_TID",
    "OP_PID",
    "OP_PTID",
    "OP_CWD",
    "OP_FDLIMIT",
    "OP_PGFT_MAJ",
    "OP_PGFT_MIN",
    "OP_VM_SIZE",
    "OP_VM_RSS",
    "OP_VM_SWAP",
    "OP_COMM",
    "OP_CGROUPS",
    "OP_ENV",
    "OP_UID",
    "OP_GID",
    "OP_VTID",
    "OP_VPID",
    "OP_TTY",
    "OP_PGID",
    "OP_LOGINUID",
    "OP_CLONE_FLAGS",
    "OP_ZERO",
    "OP_FDLIST",
    "OP_SOCKADDR_RET",
    "OP_USER_U64",
];

/// `struct param_op`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub struct ParamOp {
    pub kind: u8,
    pub a: u8,
    pub b: u8,
    pub width: u8,
}

/// `struct recipe`.
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct Recipe {
    pub nparams: u16,
    pub flags: u16,
    pub ops: [ParamOp; MAX_PARAMS],
}

/// `struct syscall_entry`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub struct SyscallEntry {
    pub enter_event: u16,
    pub exit_event: u16,
    pub ppm_sc: u16,
    pub flags: u16,
}

/// `struct settings`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub struct Settings {
    pub boot_ts: u64,
    pub flags: u32,
    pub snaplen: u32,
    pub exclude_tgid: u32,
    pub target_tgid: u32,
    pub abi_version: u32,
    /// log2 of the chunks of each CPU's ring.
    pub ring_shift: u32,
}

/// `struct stats`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub struct Stats {
    pub counters: [u64; STAT_COUNT],
}

// SAFETY: plain `repr(C)` structs of integers without padding, valid for any
// bit pattern, as aya's `Pod` requires.
unsafe impl aya::Pod for Recipe {}
// SAFETY: as above.
unsafe impl aya::Pod for SyscallEntry {}
// SAFETY: as above.
unsafe impl aya::Pod for Settings {}
// SAFETY: as above.
unsafe impl aya::Pod for Stats {}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = include_str!("../bpf/probe_abi.h");

    fn define(name: &str) -> u64 {
        HEADER
            .lines()
            .find_map(|l| {
                let mut it = l.split_whitespace();
                (it.next() == Some("#define") && it.next() == Some(name))
                    .then(|| it.next().and_then(|v| v.parse().ok()))
                    .flatten()
            })
            .unwrap_or_else(|| panic!("{name} not defined in probe_abi.h"))
    }

    fn enum_value(name: &str) -> u64 {
        HEADER
            .lines()
            .find_map(|l| {
                let l = l.trim();
                let rest = l.strip_prefix(name)?.trim_start().strip_prefix('=')?;
                rest.trim().trim_end_matches(',').split(',').next()?.trim().parse().ok()
            })
            .unwrap_or_else(|| panic!("{name} not in enum param_kind"))
    }

    #[test]
    fn header_matches() {
        assert_eq!(define("PROBE_ABI_VERSION"), PROBE_ABI_VERSION as u64);
        assert_eq!(define("MAX_SYSCALLS"), MAX_SYSCALLS as u64);
        assert_eq!(define("MAX_EVENT_IDS"), MAX_EVENT_IDS as u64);
        assert_eq!(define("MAX_PARAMS"), MAX_PARAMS as u64);
        assert_eq!(define("MAX_DATA"), MAX_DATA as u64);
        assert_eq!(define("MAX_RECORD_SIZE"), MAX_RECORD_SIZE as u64);
        assert_eq!(define("RING_CHUNK_SHIFT"), RING_CHUNK_SHIFT as u64);
        assert_eq!(define("RING_CHUNK"), RING_CHUNK as u64);
        assert_eq!(define("RING_SLACK"), RING_SLACK as u64);
        assert_eq!(define("RING_MAX_SHIFT"), RING_MAX_SHIFT as u64);
        assert_eq!(define("EVENT_HEADER_SIZE"), EVENT_HEADER_SIZE as u64);
        assert_eq!(define("FAST_MAX_PARAMS"), FAST_MAX_PARAMS as u64);
        assert_eq!(define("RECIPE_FAST"), RECIPE_FAST as u64);
        assert_eq!(define("SC_INTERESTING"), SC_INTERESTING as u64);
        assert_eq!(define("SC_KNOWN"), SC_KNOWN as u64);
        assert_eq!(define("SET_CAPTURE"), SET_CAPTURE as u64);
        assert_eq!(define("SET_SCHED_SWITCH"), SET_SCHED_SWITCH as u64);
        assert_eq!(define("SET_PAGE_FAULTS"), SET_PAGE_FAULTS as u64);
        assert_eq!(define("SET_SIGNALS"), SET_SIGNALS as u64);
        assert_eq!(define("SET_PROCEXIT"), SET_PROCEXIT as u64);
        assert_eq!(define("EVT_SCHEDSWITCH_6_E"), EVT_SCHEDSWITCH_6_E as u64);
        assert_eq!(define("EVT_PROCEXIT_1_E"), EVT_PROCEXIT_1_E as u64);
        assert_eq!(define("EVT_SIGNALDELIVER_E"), EVT_SIGNALDELIVER_E as u64);
        assert_eq!(define("EVT_PAGE_FAULT_E"), EVT_PAGE_FAULT_E as u64);
        assert_eq!(define("STAT_EVENTS"), STAT_EVENTS as u64);
        assert_eq!(define("STAT_DROPS_BUFFER"), STAT_DROPS_BUFFER as u64);
        assert_eq!(define("STAT_DROPS_TOO_BIG"), STAT_DROPS_TOO_BIG as u64);
        assert_eq!(define("STAT_COUNT"), STAT_COUNT as u64);
        for (value, name) in KIND_NAMES.iter().enumerate() {
            assert_eq!(enum_value(name), value as u64, "{name}");
        }
        let all = [
            Kind::Empty,
            Kind::Arg,
            Kind::Ret,
            Kind::ArgStr,
            Kind::BufRet,
            Kind::BufArg,
            Kind::Sockaddr,
            Kind::TupleArg,
            Kind::TupleRet,
            Kind::QueuePct,
            Kind::QueueLen,
            Kind::QueueMax,
            Kind::FdPair,
            Kind::PipeIno,
            Kind::UnixPtr,
            Kind::DevRet,
            Kind::IovSize,
            Kind::IovData,
            Kind::MsgSize,
            Kind::MsgData,
            Kind::Timespec,
            Kind::Rlimit,
            Kind::ScId,
            Kind::NativeId,
            Kind::Exe,
            Kind::Args,
            Kind::Tid,
            Kind::Pid,
            Kind::Ptid,
            Kind::Cwd,
            Kind::FdLimit,
            Kind::PgftMaj,
            Kind::PgftMin,
            Kind::VmSize,
            Kind::VmRss,
            Kind::VmSwap,
            Kind::Comm,
            Kind::Cgroups,
            Kind::Env,
            Kind::Uid,
            Kind::Gid,
            Kind::Vtid,
            Kind::Vpid,
            Kind::Tty,
            Kind::Pgid,
            Kind::LoginUid,
            Kind::CloneFlags,
            Kind::Zero,
            Kind::FdList,
            Kind::SockaddrRet,
            Kind::UserU64,
        ];
        assert_eq!(all.len(), KIND_NAMES.len());
        for (i, k) in all.iter().enumerate() {
            assert_eq!(*k as usize, i, "{k:?}");
        }
        assert_eq!(define("MAX_SYSCALLS") as usize, super::MAX_SYSCALLS as usize);
    }

    #[test]
    fn struct_sizes_match_the_c_layout() {
        assert_eq!(std::mem::size_of::<ParamOp>(), 4);
        assert_eq!(std::mem::size_of::<Recipe>(), 4 + 4 * MAX_PARAMS);
        assert_eq!(std::mem::size_of::<SyscallEntry>(), 8);
        assert_eq!(std::mem::size_of::<Settings>(), 32);
        assert_eq!(std::mem::size_of::<Stats>(), 8 * STAT_COUNT);
    }

    #[test]
    fn the_object_is_an_aligned_bpf_elf() {
        assert_eq!(PROBE_OBJECT.as_ptr() as usize % 8, 0);
        assert_eq!(&PROBE_OBJECT[..4], b"\x7fELF");
        assert_eq!(PROBE_OBJECT[18], 247, "e_machine is EM_BPF");
    }
}
