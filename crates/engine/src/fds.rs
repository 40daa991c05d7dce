//! File descriptor records and the per-process fd table.
//!
//! An [`Fd`] keeps what libsinsp keeps for an fd: its kind, name, open flags,
//! role/state flags, inode, device and a 40-byte socket address area. The socket
//! area is deliberately raw bytes ([`SockAddrs`]) read through typed views: sysdig
//! 0.29.3 stores it in a C union, and several of its visible quirks (a server
//! socket turning into a connected one keeps its port bytes as part of the
//! destination address) only come out right when the bytes are shared the same way.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Largest number of entries one fd table accepts (`MAX_FD_TABLE_SIZE`).
pub const MAX_FDS_PER_TABLE: usize = 4096;

/// The fd number a pending close of a reused number is parked under.
pub(crate) const CANCELED_FD_NUMBER: i64 = i64::MAX;

/// What an fd refers to (the `scap_fd_type` values of the capture format).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum FdKind {
    /// A socket of an unknown family (never created by sysdig 0.29.3).
    Unknown = 0,
    /// A regular file, imported from an old process list.
    File = 1,
    /// A directory.
    Directory = 2,
    /// A connected (or connecting) IPv4 socket.
    Ipv4Sock = 3,
    /// A connected (or connecting) IPv6 socket.
    Ipv6Sock = 4,
    /// A listening IPv4 socket.
    Ipv4ServSock = 5,
    /// A listening IPv6 socket.
    Ipv6ServSock = 6,
    /// A pipe or FIFO.
    Fifo = 7,
    /// A unix socket.
    UnixSock = 8,
    /// An eventfd.
    Event = 9,
    /// Anything the process scanner could not classify.
    Unsupported = 10,
    /// A signalfd.
    SignalFd = 11,
    /// An epoll fd.
    EventPoll = 12,
    /// An inotify fd.
    Inotify = 13,
    /// A timerfd.
    TimerFd = 14,
    /// A netlink socket.
    Netlink = 15,
    /// A regular file with open flags and device (newer captures and all opens).
    FileV2 = 16,
    /// A bpf object fd (newer writers).
    Bpf = 17,
    /// A userfaultfd (newer writers).
    UserFaultFd = 18,
    /// An io_uring fd (newer writers).
    IoUring = 19,
    /// A memfd (newer writers).
    MemFd = 20,
    /// A pidfd (newer writers).
    PidFd = 21,
}

impl FdKind {
    /// The kind for a `scap_fd_type` value, `None` for values no writer uses.
    pub fn from_scap(t: u8) -> Option<FdKind> {
        use FdKind::*;
        Some(match t {
            0 => Unknown,
            1 => File,
            2 => Directory,
            3 => Ipv4Sock,
            4 => Ipv6Sock,
            5 => Ipv4ServSock,
            6 => Ipv6ServSock,
            7 => Fifo,
            8 => UnixSock,
            9 => Event,
            10 => Unsupported,
            11 => SignalFd,
            12 => EventPoll,
            13 => Inotify,
            14 => TimerFd,
            15 => Netlink,
            16 => FileV2,
            17 => Bpf,
            18 => UserFaultFd,
            19 => IoUring,
            20 => MemFd,
            21 => PidFd,
            _ => return None,
        })
    }

    /// The character sysdig prints between `<` and `>` (`%fd.typechar`).
    pub fn type_char(self) -> u8 {
        use FdKind::*;
        match self {
            File | FileV2 => b'f',
            Directory => b'd',
            Ipv4Sock | Ipv4ServSock => b'4',
            Ipv6Sock | Ipv6ServSock => b'6',
            Fifo => b'p',
            UnixSock => b'u',
            Event => b'e',
            Unknown => b'o',
            Unsupported => b'X',
            SignalFd => b's',
            EventPoll => b'l',
            Inotify => b'i',
            TimerFd => b't',
            Netlink => b'n',
            Bpf | UserFaultFd | IoUring | MemFd | PidFd => b'?',
        }
    }

    /// The name `%fd.type` prints, `None` where sysdig prints `<NA>`.
    pub fn type_name(self) -> Option<&'static str> {
        use FdKind::*;
        Some(match self {
            File | FileV2 => "file",
            Directory => "directory",
            Ipv4Sock | Ipv4ServSock => "ipv4",
            Ipv6Sock | Ipv6ServSock => "ipv6",
            UnixSock => "unix",
            Fifo => "pipe",
            Event => "event",
            SignalFd => "signalfd",
            EventPoll => "eventpoll",
            Inotify => "inotify",
            TimerFd => "timerfd",
            Netlink => "netlink",
            _ => return None,
        })
    }

    /// True for the four IP socket kinds.
    pub fn is_ip_socket(self) -> bool {
        matches!(
            self,
            FdKind::Ipv4Sock | FdKind::Ipv6Sock | FdKind::Ipv4ServSock | FdKind::Ipv6ServSock
        )
    }
}

/// Layer-4 protocol codes (`SCAP_L4_*`) as stored in socket records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum L4Proto {
    /// Not known yet (0).
    Unknown,
    /// Not applicable (1): what a socket without a role reports.
    Na,
    /// TCP (2).
    Tcp,
    /// UDP (3).
    Udp,
    /// ICMP (4).
    Icmp,
    /// Raw IP (5).
    Raw,
}

impl L4Proto {
    /// The protocol for a stored code; codes no writer uses count as unknown.
    pub fn from_code(c: u8) -> L4Proto {
        match c {
            1 => L4Proto::Na,
            2 => L4Proto::Tcp,
            3 => L4Proto::Udp,
            4 => L4Proto::Icmp,
            5 => L4Proto::Raw,
            _ => L4Proto::Unknown,
        }
    }

    /// The stored code.
    pub fn code(self) -> u8 {
        match self {
            L4Proto::Unknown => 0,
            L4Proto::Na => 1,
            L4Proto::Tcp => 2,
            L4Proto::Udp => 3,
            L4Proto::Icmp => 4,
            L4Proto::Raw => 5,
        }
    }

    /// The character sysdig appends to the type char (`t`, `u`, `i`, `r`).
    pub fn proto_char(self) -> Option<u8> {
        match self {
            L4Proto::Tcp => Some(b't'),
            L4Proto::Udp => Some(b'u'),
            L4Proto::Icmp => Some(b'i'),
            L4Proto::Raw => Some(b'r'),
            _ => None,
        }
    }

    /// The name `%fd.l4proto` prints, `None` where sysdig prints `<NA>`.
    pub fn name(self) -> Option<&'static str> {
        match self {
            L4Proto::Tcp => Some("tcp"),
            L4Proto::Udp => Some("udp"),
            L4Proto::Icmp => Some("icmp"),
            L4Proto::Raw => Some("raw"),
            _ => None,
        }
    }
}

/// Bits of [`Fd::flags`] (`sinsp_fdinfo_t::flags`).
pub mod fd_flags {
    /// Imported from the capture's process list.
    pub const FROM_PROC: u32 = 1 << 0;
    /// The traced process is the client of this connection.
    pub const ROLE_CLIENT: u32 = 1 << 2;
    /// The traced process is the server of this connection.
    pub const ROLE_SERVER: u32 = 1 << 3;
    /// A close enter was seen and its exit has not arrived.
    pub const CLOSE_IN_PROGRESS: u32 = 1 << 4;
    /// The number was reused while a close was pending.
    pub const CLOSE_CANCELED: u32 = 1 << 5;
    /// Named exactly `/dev/null`: candidate for tracer writes.
    pub const IS_TRACER_FILE: u32 = 1 << 7;
    /// Carries tracer writes.
    pub const IS_TRACER_FD: u32 = 1 << 8;
    /// Known not to carry tracer writes.
    pub const IS_NOT_TRACER_FD: u32 = 1 << 9;
    /// The socket saw a successful connect, accept or I/O.
    pub const SOCKET_CONNECTED: u32 = 1 << 13;
    /// Copied into a child's table at clone.
    pub const IS_CLONED: u32 = 1 << 14;
}

/// The 40-byte socket address area of an fd, with the typed views sysdig uses.
///
/// Offsets: IPv4 tuple sip 0–3, dip 4–7, sport 8–9, dport 10–11, proto 12; IPv6
/// tuple sip 0–15, dip 16–31, sport 32–33, dport 34–35, proto 36; IPv4 server ip
/// 0–3, port 4–5, proto 6; IPv6 server ip 0–15, port 16–17, proto 18; unix source
/// 0–7, dest 8–15. Addresses are network-order bytes, ports host-order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SockAddrs(pub(crate) [u8; 40]);

impl Default for SockAddrs {
    fn default() -> Self {
        SockAddrs([0; 40])
    }
}

macro_rules! u16_field {
    ($get:ident, $set:ident, $off:expr) => {
        #[inline]
        pub(crate) fn $get(&self) -> u16 {
            u16::from_le_bytes([self.0[$off], self.0[$off + 1]])
        }
        #[inline]
        pub(crate) fn $set(&mut self, v: u16) {
            self.0[$off..$off + 2].copy_from_slice(&v.to_le_bytes());
        }
    };
}

macro_rules! bytes_field {
    ($get:ident, $set:ident, $off:expr, $n:expr) => {
        #[inline]
        pub(crate) fn $get(&self) -> [u8; $n] {
            let mut a = [0u8; $n];
            a.copy_from_slice(&self.0[$off..$off + $n]);
            a
        }
        #[inline]
        pub(crate) fn $set(&mut self, v: [u8; $n]) {
            self.0[$off..$off + $n].copy_from_slice(&v);
        }
    };
}

impl SockAddrs {
    bytes_field!(v4_sip, set_v4_sip, 0, 4);
    bytes_field!(v4_dip, set_v4_dip, 4, 4);
    u16_field!(v4_sport, set_v4_sport, 8);
    u16_field!(v4_dport, set_v4_dport, 10);
    bytes_field!(v6_sip, set_v6_sip, 0, 16);
    bytes_field!(v6_dip, set_v6_dip, 16, 16);
    u16_field!(v6_sport, set_v6_sport, 32);
    u16_field!(v6_dport, set_v6_dport, 34);
    bytes_field!(srv4_ip, set_srv4_ip, 0, 4);
    u16_field!(srv4_port, set_srv4_port, 4);
    bytes_field!(srv6_ip, set_srv6_ip, 0, 16);
    u16_field!(srv6_port, set_srv6_port, 16);

    pub(crate) fn v4_l4(&self) -> u8 {
        self.0[12]
    }
    pub(crate) fn set_v4_l4(&mut self, v: u8) {
        self.0[12] = v;
    }
    pub(crate) fn v6_l4(&self) -> u8 {
        self.0[36]
    }
    pub(crate) fn set_v6_l4(&mut self, v: u8) {
        self.0[36] = v;
    }
    pub(crate) fn srv4_l4(&self) -> u8 {
        self.0[6]
    }
    pub(crate) fn set_srv4_l4(&mut self, v: u8) {
        self.0[6] = v;
    }
    pub(crate) fn srv6_l4(&self) -> u8 {
        self.0[18]
    }
    pub(crate) fn set_srv6_l4(&mut self, v: u8) {
        self.0[18] = v;
    }
    pub(crate) fn unix_source(&self) -> u64 {
        u64::from_le_bytes(self.bytes8(0))
    }
    pub(crate) fn unix_dest(&self) -> u64 {
        u64::from_le_bytes(self.bytes8(8))
    }
    pub(crate) fn set_unix(&mut self, source: u64, dest: u64) {
        self.0[0..8].copy_from_slice(&source.to_le_bytes());
        self.0[8..16].copy_from_slice(&dest.to_le_bytes());
    }
    fn bytes8(&self, off: usize) -> [u8; 8] {
        let mut a = [0u8; 8];
        a.copy_from_slice(&self.0[off..off + 8]);
        a
    }

    /// Swaps source and destination of the IPv4 view.
    pub(crate) fn swap_v4(&mut self) {
        let (sip, sport) = (self.v4_sip(), self.v4_sport());
        self.set_v4_sip(self.v4_dip());
        self.set_v4_sport(self.v4_dport());
        self.set_v4_dip(sip);
        self.set_v4_dport(sport);
    }

    /// Swaps source and destination of the IPv6 view.
    pub(crate) fn swap_v6(&mut self) {
        let (sip, sport) = (self.v6_sip(), self.v6_sport());
        self.set_v6_sip(self.v6_dip());
        self.set_v6_sport(self.v6_dport());
        self.set_v6_dip(sip);
        self.set_v6_dport(sport);
    }
}

/// One endpoint pair of a connected socket, client side first as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpTuple<A> {
    /// Source (client) address.
    pub sip: A,
    /// Source (client) port.
    pub sport: u16,
    /// Destination (server) address.
    pub dip: A,
    /// Destination (server) port.
    pub dport: u16,
}

/// A file descriptor as the engine tracks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fd {
    pub(crate) kind: FdKind,
    pub(crate) name: Vec<u8>,
    pub(crate) openflags: u32,
    pub(crate) flags: u32,
    pub(crate) ino: u64,
    pub(crate) dev: u32,
    pub(crate) sock: SockAddrs,
}

impl Fd {
    /// A fresh record of `kind` with an empty name and a zeroed address area.
    pub(crate) fn new(kind: FdKind) -> Fd {
        Fd {
            kind,
            name: Vec::new(),
            openflags: 0,
            flags: 0,
            ino: 0,
            dev: 0,
            sock: SockAddrs::default(),
        }
    }

    /// What the fd refers to.
    pub fn kind(&self) -> FdKind {
        self.kind
    }

    /// `%fd.typechar`.
    pub fn type_char(&self) -> u8 {
        self.kind.type_char()
    }

    /// The stored name (path, socket tuple text, pipe name...), unsanitised.
    pub fn name(&self) -> &[u8] {
        &self.name
    }

    /// `PPM_O_*` open flags of files.
    pub fn open_flags(&self) -> u32 {
        self.openflags
    }

    /// The [`fd_flags`] bits.
    pub fn flags(&self) -> u32 {
        self.flags
    }

    /// Inode number (pipes and process-list entries).
    pub fn ino(&self) -> u64 {
        self.ino
    }

    /// Device number of files.
    pub fn dev(&self) -> u32 {
        self.dev
    }

    /// True if the traced side is the server.
    pub fn is_role_server(&self) -> bool {
        self.flags & fd_flags::ROLE_SERVER != 0
    }

    /// True if the traced side is the client.
    pub fn is_role_client(&self) -> bool {
        self.flags & fd_flags::ROLE_CLIENT != 0
    }

    /// True if no role was decided yet.
    pub fn is_role_none(&self) -> bool {
        self.flags & (fd_flags::ROLE_CLIENT | fd_flags::ROLE_SERVER) == 0
    }

    /// True if the socket saw a successful connect, accept or I/O.
    pub fn is_connected(&self) -> bool {
        self.flags & fd_flags::SOCKET_CONNECTED != 0
    }

    /// The layer-4 protocol as sysdig reports it (`get_l4proto`): raw sockets are
    /// always raw, connected-type sockets without a role are "n/a", listening
    /// sockets report their stored protocol, non-IP fds are "n/a".
    pub fn l4proto(&self) -> L4Proto {
        match self.kind {
            FdKind::Ipv4Sock => self.conn_proto(self.sock.v4_l4()),
            FdKind::Ipv6Sock => self.conn_proto(self.sock.v6_l4()),
            FdKind::Ipv4ServSock => L4Proto::from_code(self.sock.srv4_l4()),
            FdKind::Ipv6ServSock => L4Proto::from_code(self.sock.srv6_l4()),
            _ => L4Proto::Na,
        }
    }

    fn conn_proto(&self, code: u8) -> L4Proto {
        let p = L4Proto::from_code(code);
        if p == L4Proto::Raw {
            L4Proto::Raw
        } else if self.is_role_none() {
            L4Proto::Na
        } else {
            p
        }
    }

    /// True for an IPv4 socket whose stored protocol is TCP (`is_tcp_socket`).
    pub(crate) fn is_tcp_socket(&self) -> bool {
        self.kind == FdKind::Ipv4Sock && self.sock.v4_l4() == L4Proto::Tcp.code()
    }

    /// True for an IPv4 socket whose stored protocol is UDP (`is_udp_socket`).
    pub(crate) fn is_udp_socket(&self) -> bool {
        self.kind == FdKind::Ipv4Sock && self.sock.v4_l4() == L4Proto::Udp.code()
    }

    /// The IPv4 connection of an IPv4 socket.
    pub fn ipv4_tuple(&self) -> Option<IpTuple<Ipv4Addr>> {
        (self.kind == FdKind::Ipv4Sock).then(|| IpTuple {
            sip: Ipv4Addr::from(self.sock.v4_sip()),
            sport: self.sock.v4_sport(),
            dip: Ipv4Addr::from(self.sock.v4_dip()),
            dport: self.sock.v4_dport(),
        })
    }

    /// The IPv6 connection of an IPv6 socket.
    pub fn ipv6_tuple(&self) -> Option<IpTuple<Ipv6Addr>> {
        (self.kind == FdKind::Ipv6Sock).then(|| IpTuple {
            sip: Ipv6Addr::from(self.sock.v6_sip()),
            sport: self.sock.v6_sport(),
            dip: Ipv6Addr::from(self.sock.v6_dip()),
            dport: self.sock.v6_dport(),
        })
    }

    /// Address and port of a listening IPv4 socket.
    pub fn ipv4_server(&self) -> Option<(Ipv4Addr, u16)> {
        (self.kind == FdKind::Ipv4ServSock)
            .then(|| (Ipv4Addr::from(self.sock.srv4_ip()), self.sock.srv4_port()))
    }

    /// Address and port of a listening IPv6 socket.
    pub fn ipv6_server(&self) -> Option<(Ipv6Addr, u16)> {
        (self.kind == FdKind::Ipv6ServSock)
            .then(|| (Ipv6Addr::from(self.sock.srv6_ip()), self.sock.srv6_port()))
    }

    /// Kernel addresses `(this end, peer)` of a unix socket.
    pub fn unix_peers(&self) -> Option<(u64, u64)> {
        (self.kind == FdKind::UnixSock).then(|| (self.sock.unix_source(), self.sock.unix_dest()))
    }

    /// The raw 40-byte address area.
    pub fn raw_sockaddrs(&self) -> &[u8; 40] {
        &self.sock.0
    }

    /// Replaces the name; returns whether it changed.
    pub(crate) fn rename(&mut self, name: &[u8]) -> bool {
        if self.name == name {
            return false;
        }
        self.name.clear();
        self.name.extend_from_slice(name);
        true
    }

    /// Overwrites this record with `src` the way sinsp's struct copy does, keeping
    /// the allocation of the name.
    pub(crate) fn assign_from(&mut self, src: &Fd) {
        self.kind = src.kind;
        self.name.clear();
        self.name.extend_from_slice(&src.name);
        self.openflags = src.openflags;
        self.flags = src.flags;
        self.ino = src.ino;
        self.dev = src.dev;
        self.sock = src.sock;
    }
}

/// The fds of one process (or of one thread that does not share its table).
#[derive(Clone, Debug, Default)]
pub struct FdTable {
    map: BTreeMap<i64, Fd>,
}

impl FdTable {
    /// The entry for `fd`.
    #[inline]
    pub fn get(&self, fd: i64) -> Option<&Fd> {
        if fd < 0 && fd != CANCELED_FD_NUMBER {
            return None;
        }
        self.map.get(&fd)
    }

    #[inline]
    pub(crate) fn get_mut(&mut self, fd: i64) -> Option<&mut Fd> {
        self.map.get_mut(&fd)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True if the table has no entry.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Entries in fd-number order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Fd)> {
        self.map.iter().map(|(&n, f)| (n, f))
    }

    pub(crate) fn iter_mut(&mut self) -> impl Iterator<Item = (i64, &mut Fd)> {
        self.map.iter_mut().map(|(&n, f)| (n, f))
    }

    /// Adds `new` under `fd` as `sinsp_fdtable::add` does: a new number is refused
    /// once the table is full; an existing entry is overwritten in place, and if it
    /// had a close in progress it is parked under [`CANCELED_FD_NUMBER`] and the new
    /// entry is marked close-canceled. Returns false when refused.
    pub(crate) fn add(&mut self, fd: i64, new: Fd) -> bool {
        match self.map.get_mut(&fd) {
            None => {
                if self.map.len() >= MAX_FDS_PER_TABLE {
                    return false;
                }
                self.map.insert(fd, new);
                true
            }
            Some(old) => {
                if old.flags & fd_flags::CLOSE_IN_PROGRESS != 0 {
                    let parked = old.clone();
                    old.assign_from(&new);
                    old.flags &= !fd_flags::CLOSE_IN_PROGRESS;
                    old.flags |= fd_flags::CLOSE_CANCELED;
                    self.map.insert(CANCELED_FD_NUMBER, parked);
                } else {
                    old.assign_from(&new);
                }
                true
            }
        }
    }

    /// Removes `fd`.
    pub(crate) fn remove(&mut self, fd: i64) {
        self.map.remove(&fd);
    }

    pub(crate) fn insert_raw(&mut self, fd: i64, e: Fd) {
        if self.map.len() < MAX_FDS_PER_TABLE || self.map.contains_key(&fd) {
            self.map.insert(fd, e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_views_share_bytes() {
        let mut s = SockAddrs::default();
        s.set_srv4_ip([0, 0, 0, 0]);
        s.set_srv4_port(55441);
        s.set_srv4_l4(3);
        s.0[7] = 0xff;
        // Read as a connected socket, the port and protocol bytes are the dip.
        assert_eq!(s.v4_dip(), [0x91, 0xd8, 0x03, 0xff]);
        s.swap_v4();
        assert_eq!(s.v4_sip(), [0x91, 0xd8, 0x03, 0xff]);
    }

    #[test]
    fn l4proto_follows_role() {
        let mut f = Fd::new(FdKind::Ipv4Sock);
        f.sock.set_v4_l4(L4Proto::Tcp.code());
        assert_eq!(f.l4proto(), L4Proto::Na);
        f.flags |= fd_flags::ROLE_CLIENT;
        assert_eq!(f.l4proto(), L4Proto::Tcp);
        f.flags = 0;
        f.sock.set_v4_l4(L4Proto::Raw.code());
        assert_eq!(f.l4proto(), L4Proto::Raw);
    }

    #[test]
    fn add_respects_limit_and_close_race() {
        let mut t = FdTable::default();
        for i in 0..MAX_FDS_PER_TABLE as i64 {
            assert!(t.add(i, Fd::new(FdKind::File)));
        }
        assert!(!t.add(99_999, Fd::new(FdKind::File)));
        // Overwriting works when full.
        t.get_mut(3).unwrap().flags |= fd_flags::CLOSE_IN_PROGRESS;
        assert!(t.add(3, Fd::new(FdKind::Fifo)));
        assert_eq!(t.get(3).unwrap().kind, FdKind::Fifo);
        assert_ne!(t.get(3).unwrap().flags & fd_flags::CLOSE_CANCELED, 0);
        assert_eq!(t.get(CANCELED_FD_NUMBER).unwrap().kind, FdKind::File);
    }

    #[test]
    fn kinds_round_trip() {
        for t in 0..=21u8 {
            assert_eq!(FdKind::from_scap(t).map(|k| k as u8), Some(t));
        }
        assert_eq!(FdKind::from_scap(22), None);
        assert_eq!(FdKind::Netlink.type_char(), b'n');
        assert_eq!(FdKind::Ipv6ServSock.type_name(), Some("ipv6"));
    }
}
