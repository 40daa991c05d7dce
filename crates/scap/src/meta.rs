//! The state blocks of a capture: machine, interfaces, users and groups, threads and
//! their file descriptors. Strings are kept as bytes, exactly as stored.

/// Section header (SHB) values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionHeader {
    /// Format major version (1).
    pub major: u16,
    /// Format minor version (0, 1 or 2).
    pub minor: u16,
    /// Bytes of pcapng options after the fixed part (skipped; sysdig never writes any).
    pub options_len: u32,
}

/// Machine information (MI block).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MachineInfo {
    /// Number of CPUs.
    pub num_cpus: u32,
    /// Physical memory in bytes.
    pub memory_size_bytes: u64,
    /// Highest pid (0 when unknown).
    pub max_pid: u64,
    /// Host name.
    pub hostname: Vec<u8>,
    /// Boot time in ns since the epoch (newer libs; 0 otherwise).
    pub boot_ts_epoch: u64,
    /// Flags (newer libs).
    pub flags: u64,
    /// Reserved words 3 and 4, kept for round trips.
    pub reserved: [u64; 2],
}

/// An interface address (IL block entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Interface {
    /// IPv4 (`SCAP_II_IPV4` / `_NOLINKSPEED`). Addresses in network byte order.
    V4 {
        /// Interface name.
        name: Vec<u8>,
        /// Address.
        addr: [u8; 4],
        /// Netmask.
        netmask: [u8; 4],
        /// Broadcast address.
        bcast: [u8; 4],
        /// Link speed, `None` for the old type without one.
        linkspeed: Option<u64>,
    },
    /// IPv6 (`SCAP_II_IPV6` / `_NOLINKSPEED`).
    V6 {
        /// Interface name.
        name: Vec<u8>,
        /// Address.
        addr: [u8; 16],
        /// Netmask.
        netmask: [u8; 16],
        /// Broadcast address.
        bcast: [u8; 16],
        /// Link speed, `None` for the old type without one.
        linkspeed: Option<u64>,
    },
}

/// A user (UL block entry).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct User {
    /// uid.
    pub uid: u32,
    /// Primary gid.
    pub gid: u32,
    /// Login name.
    pub name: Vec<u8>,
    /// Home directory.
    pub homedir: Vec<u8>,
    /// Login shell.
    pub shell: Vec<u8>,
}

/// A group (UL block entry).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Group {
    /// gid.
    pub gid: u32,
    /// Group name.
    pub name: Vec<u8>,
}

/// One thread of the process list (PL block entry). Fields absent from older
/// versions keep the defaults libscap gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[expect(missing_docs, reason = "fields are named as the PL layout in scap-format.md §7")]
pub struct ThreadEntry {
    pub tid: u64,
    pub pid: u64,
    pub ptid: u64,
    pub sid: u64,
    pub vpgid: u64,
    pub comm: Vec<u8>,
    pub exe: Vec<u8>,
    pub exepath: Vec<u8>,
    /// NUL-separated arguments (argv[1..]).
    pub args: Vec<u8>,
    pub cwd: Vec<u8>,
    pub fdlimit: u64,
    /// `PPM_CL_*` bits.
    pub flags: u32,
    pub uid: u32,
    pub gid: u32,
    pub vmsize_kb: u32,
    pub vmrss_kb: u32,
    pub vmswap_kb: u32,
    pub pfmajor: u64,
    pub pfminor: u64,
    /// NUL-separated `NAME=value` strings.
    pub env: Vec<u8>,
    pub vtid: i64,
    pub vpid: i64,
    /// NUL-separated `subsys=path` strings.
    pub cgroups: Vec<u8>,
    pub root: Vec<u8>,
    /// Appended PL_V9 fields, `None` when the entry does not carry them.
    pub loginuid: Option<u32>,
    pub exe_writable: Option<bool>,
    pub pidns_init_start_ts: Option<u64>,
    pub tty: Option<u32>,
    pub caps: Option<[u64; 3]>,
    pub exe_upper_layer: Option<bool>,
    pub exe_ino: Option<[u64; 3]>,
    pub exe_from_memfd: Option<bool>,
    pub exe_lower_layer: Option<bool>,
    pub pgid: Option<i64>,
    /// The thread's file descriptors (from its FDL block).
    pub fds: Vec<FdEntry>,
}

impl Default for ThreadEntry {
    fn default() -> Self {
        ThreadEntry {
            tid: 0,
            pid: 0,
            ptid: 0,
            sid: u64::MAX,
            vpgid: u64::MAX,
            comm: Vec::new(),
            exe: Vec::new(),
            exepath: Vec::new(),
            args: Vec::new(),
            cwd: Vec::new(),
            fdlimit: 0,
            flags: 0,
            uid: 0,
            gid: 0,
            vmsize_kb: 0,
            vmrss_kb: 0,
            vmswap_kb: 0,
            pfmajor: 0,
            pfminor: 0,
            env: Vec::new(),
            vtid: -1,
            vpid: -1,
            cgroups: Vec::new(),
            root: Vec::new(),
            loginuid: None,
            exe_writable: None,
            pidns_init_start_ts: None,
            tty: None,
            caps: None,
            exe_upper_layer: None,
            exe_ino: None,
            exe_from_memfd: None,
            exe_lower_layer: None,
            pgid: None,
            fds: Vec::new(),
        }
    }
}

/// `scap_l4_proto` values as stored in FDL socket entries.
pub mod l4_proto {
    #![expect(missing_docs, reason = "the upstream SCAP_L4_* names")]
    pub const UNKNOWN: u8 = 0;
    pub const NA: u8 = 1;
    pub const TCP: u8 = 2;
    pub const UDP: u8 = 3;
    pub const ICMP: u8 = 4;
    pub const RAW: u8 = 5;
}

/// `scap_fd_type` values as stored in FDL entries.
pub mod fd_type {
    #![expect(missing_docs, reason = "the upstream SCAP_FD_* names")]
    pub const UNINITIALIZED: u8 = 255;
    pub const UNKNOWN: u8 = 0;
    pub const FILE: u8 = 1;
    pub const DIRECTORY: u8 = 2;
    pub const IPV4_SOCK: u8 = 3;
    pub const IPV6_SOCK: u8 = 4;
    pub const IPV4_SERVSOCK: u8 = 5;
    pub const IPV6_SERVSOCK: u8 = 6;
    pub const FIFO: u8 = 7;
    pub const UNIX_SOCK: u8 = 8;
    pub const EVENT: u8 = 9;
    pub const UNSUPPORTED: u8 = 10;
    pub const SIGNALFD: u8 = 11;
    pub const EVENTPOLL: u8 = 12;
    pub const INOTIFY: u8 = 13;
    pub const TIMERFD: u8 = 14;
    pub const NETLINK: u8 = 15;
    pub const FILE_V2: u8 = 16;
    pub const BPF: u8 = 17;
    pub const USERFAULTFD: u8 = 18;
    pub const IOURING: u8 = 19;
    pub const MEMFD: u8 = 20;
    pub const PIDFD: u8 = 21;
}

/// One file descriptor of a thread (FDL block entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FdEntry {
    /// The fd number.
    pub fd: i64,
    /// Inode number.
    pub ino: u64,
    /// What the fd is.
    pub info: FdInfo,
}

/// The type-specific part of an [`FdEntry`]. Addresses are network-order bytes,
/// ports host-order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FdInfo {
    /// Connected IPv4 socket.
    Ipv4Sock {
        /// Source address.
        sip: [u8; 4],
        /// Destination address.
        dip: [u8; 4],
        /// Source port.
        sport: u16,
        /// Destination port.
        dport: u16,
        /// `SCAP_L4_*`.
        l4proto: u8,
    },
    /// Connected IPv6 socket.
    Ipv6Sock {
        /// Source address.
        sip: [u8; 16],
        /// Destination address.
        dip: [u8; 16],
        /// Source port.
        sport: u16,
        /// Destination port.
        dport: u16,
        /// `SCAP_L4_*`.
        l4proto: u8,
    },
    /// Listening IPv4 socket.
    Ipv4Server {
        /// Bound address.
        ip: [u8; 4],
        /// Bound port.
        port: u16,
        /// `SCAP_L4_*`.
        l4proto: u8,
    },
    /// Listening IPv6 socket.
    Ipv6Server {
        /// Bound address.
        ip: [u8; 16],
        /// Bound port.
        port: u16,
        /// `SCAP_L4_*`.
        l4proto: u8,
    },
    /// Unix socket.
    Unix {
        /// Kernel address of this end.
        source: u64,
        /// Kernel address of the peer.
        dest: u64,
        /// Socket path.
        path: Vec<u8>,
    },
    /// `FILE_V2`: a file with its open flags and device.
    FileV2 {
        /// `PPM_O_*` flags.
        open_flags: u32,
        /// Path.
        name: Vec<u8>,
        /// Device, `None` when the entry is too short to carry it.
        dev: Option<u32>,
    },
    /// Every other type: a `fd_type` and a name.
    Named {
        /// A [`fd_type`] value.
        fd_type: u8,
        /// Name (path for files, empty or descriptive otherwise).
        name: Vec<u8>,
    },
}

impl FdInfo {
    /// The [`fd_type`] value of this entry.
    pub fn fd_type(&self) -> u8 {
        match self {
            FdInfo::Ipv4Sock { .. } => fd_type::IPV4_SOCK,
            FdInfo::Ipv6Sock { .. } => fd_type::IPV6_SOCK,
            FdInfo::Ipv4Server { .. } => fd_type::IPV4_SERVSOCK,
            FdInfo::Ipv6Server { .. } => fd_type::IPV6_SERVSOCK,
            FdInfo::Unix { .. } => fd_type::UNIX_SOCK,
            FdInfo::FileV2 { .. } => fd_type::FILE_V2,
            FdInfo::Named { fd_type, .. } => *fd_type,
        }
    }
}

/// Everything a capture says before its events: the state at capture start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Section header.
    pub section: SectionHeader,
    /// Machine info, if the capture has an MI block.
    pub machine: Option<MachineInfo>,
    /// Interface addresses.
    pub interfaces: Vec<Interface>,
    /// Users.
    pub users: Vec<User>,
    /// Groups.
    pub groups: Vec<Group>,
    /// Threads, in file order, each with its fds.
    pub threads: Vec<ThreadEntry>,
    /// FD lists whose thread is not in the process list, in file order.
    pub orphan_fds: Vec<(u64, Vec<FdEntry>)>,
    /// Census of the metadata blocks read: `(block type, count)` in first-seen order.
    pub blocks: Vec<(u32, u64)>,
}

impl Metadata {
    pub(crate) fn count_block(&mut self, t: u32) {
        match self.blocks.iter_mut().find(|(b, _)| *b == t) {
            Some((_, n)) => *n += 1,
            None => self.blocks.push((t, 1)),
        }
    }

    /// Number of fds over all threads.
    pub fn fd_count(&self) -> usize {
        self.threads.iter().map(|t| t.fds.len()).sum::<usize>()
            + self.orphan_fds.iter().map(|(_, f)| f.len()).sum::<usize>()
    }
}
