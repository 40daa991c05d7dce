//! Sockets: socket, bind, connect, accept, socketpair, getsockopt, and the
//! read/write exits with their datagram rewrite (state-engine.md §3.7–3.11).

use scap::Event;
use scap::table::{ef, ids};

use super::{enter_view, p_i64, p_u64, param, retrieve_enter};
use crate::engine::Engine;
use crate::fds::{Fd, FdKind, L4Proto, fd_flags};
use crate::render::net;

const PPM_AF_UNIX: u32 = 1;
const PPM_AF_INET: u32 = 2;
const PPM_AF_INET6: u32 = 10;
const PPM_AF_NETLINK: u32 = 16;
const SOCK_STREAM: u32 = 1;
const SOCK_DGRAM: u32 = 2;
const SOCK_RAW: u32 = 3;
const IPPROTO_IP: u32 = 0;
const IPPROTO_ICMP: u32 = 1;
const IPPROTO_TCP: u32 = 6;
const IPPROTO_UDP: u32 = 17;
const IPPROTO_RAW: u32 = 255;
const EINPROGRESS: i64 = -115;

fn le16(b: &[u8], off: usize) -> u16 {
    u16::from_le_bytes([b[off], b[off + 1]])
}

fn le64(b: &[u8], off: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[off..off + 8]);
    u64::from_le_bytes(a)
}

fn arr4(b: &[u8], off: usize) -> [u8; 4] {
    [b[off], b[off + 1], b[off + 2], b[off + 3]]
}

fn arr16(b: &[u8], off: usize) -> [u8; 16] {
    let mut a = [0u8; 16];
    a.copy_from_slice(&b[off..off + 16]);
    a
}

/// `add_socket`.
fn add_socket(e: &mut Engine, tid: i64, fd: i64, domain: u32, stype: u32, proto: u32) {
    let mut f = Fd::new(FdKind::Unknown);
    match domain {
        PPM_AF_UNIX => f.kind = FdKind::UnixSock,
        PPM_AF_INET | PPM_AF_INET6 => {
            let raw = stype == SOCK_RAW;
            let l4 = match proto {
                IPPROTO_TCP if raw => L4Proto::Raw,
                IPPROTO_TCP => L4Proto::Tcp,
                IPPROTO_UDP if raw => L4Proto::Raw,
                IPPROTO_UDP => L4Proto::Udp,
                IPPROTO_IP => match stype & 0xff {
                    SOCK_STREAM => L4Proto::Tcp,
                    SOCK_DGRAM => L4Proto::Udp,
                    _ => L4Proto::Unknown,
                },
                IPPROTO_ICMP if raw => L4Proto::Raw,
                IPPROTO_ICMP => L4Proto::Icmp,
                IPPROTO_RAW => L4Proto::Raw,
                _ => L4Proto::Unknown,
            };
            if domain == PPM_AF_INET {
                f.kind = FdKind::Ipv4Sock;
                f.sock.set_v4_l4(l4.code());
            } else {
                f.kind = FdKind::Ipv6Sock;
                f.sock.set_v6_l4(l4.code());
            }
        }
        PPM_AF_NETLINK => f.kind = FdKind::Netlink,
        _ => return,
    }
    e.cur.fd = e.add_fd(tid, fd, f);
}

/// `infer_sendto_fdinfo`: a sendto on an unknown fd adds a UDP socket.
pub(crate) fn infer_sendto_fd(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if e.cur.fd.is_some() || e.threads.get(tid).is_none() {
        return;
    }
    let Some(fd) = p_i64(ev, 0).filter(|&fd| fd >= 0) else { return };
    // The family byte is compared with the libc values (AF_INET6 = 10 either way).
    let domain = match param(ev, 2).and_then(|p| p.first().copied()) {
        Some(2) => PPM_AF_INET,
        Some(10) => PPM_AF_INET6,
        _ => return,
    };
    add_socket(e, tid, fd, domain, SOCK_DGRAM, IPPROTO_UDP);
}

/// `parse_socket_exit`.
pub(crate) fn socket_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    let Some(fd) = p_i64(ev, 0).filter(|&fd| fd >= 0) else { return };
    if e.threads.get(tid).is_none() || !retrieve_enter(e, ev) {
        return;
    }
    let Some(en) = enter_view(e) else { return };
    let get = |i| p_u64(&en, i).unwrap_or(0) as u32;
    let (domain, stype, proto) = (get(0), get(1), get(2));
    add_socket(e, tid, fd, domain, stype, proto);
}

/// `parse_bind_exit`: listening sockets and their names.
pub(crate) fn bind_exit(e: &mut Engine, ev: &Event<'_>) {
    let mut renamed = false;
    if e.cur.fd.is_none() || p_i64(ev, 0).is_none_or(|r| r < 0) {
        return;
    }
    let Some(addr) = param(ev, 1).filter(|a| !a.is_empty()) else { return };
    let mut name = std::mem::take(&mut e.scratch);
    name.clear();
    net::push_sockaddr(&mut name, addr);
    if let Some(f) = e.cur_fd_mut() {
        match addr[0] as u32 {
            PPM_AF_INET if addr.len() >= 7 => {
                let port = le16(addr, 5);
                if port > 0 {
                    f.kind = FdKind::Ipv4ServSock;
                    f.sock.set_srv4_ip(arr4(addr, 1));
                    f.sock.set_srv4_port(port);
                    f.sock.set_srv4_l4(f.sock.v4_l4());
                    f.flags |= fd_flags::ROLE_SERVER;
                }
            }
            PPM_AF_INET6 if addr.len() >= 19 => {
                let port = le16(addr, 17);
                if port > 0 {
                    let ip = arr16(addr, 1);
                    if net::is_ipv4_mapped(&ip) {
                        f.kind = FdKind::Ipv4ServSock;
                        let l4 = f.sock.v6_l4();
                        f.sock.set_srv4_l4(l4);
                        f.sock.set_srv4_ip(arr4(addr, 13));
                        f.sock.set_srv4_port(port);
                    } else {
                        f.kind = FdKind::Ipv6ServSock;
                        f.sock.set_srv6_port(port);
                        f.sock.set_srv6_ip(ip);
                        let l4 = f.sock.v6_l4();
                        f.sock.set_srv6_l4(l4);
                    }
                    f.flags |= fd_flags::ROLE_SERVER;
                }
            }
            _ => {}
        }
        renamed |= f.rename(&name);
    }
    e.scratch = name;
    e.cur.fd_name_changed |= renamed;
}

/// `parse_connect_enter`: only with an address parameter (newer drivers).
pub(crate) fn connect_enter(e: &mut Engine, ev: &Event<'_>) {
    let mut renamed = false;
    if e.cur.fd.is_none() || ev.nparams() < 2 {
        return;
    }
    let Some(addr) = param(ev, 1).filter(|a| !a.is_empty()) else { return };
    let mut name = std::mem::take(&mut e.scratch);
    name.clear();
    net::push_sockaddr(&mut name, addr);
    if let Some(f) = e.cur_fd_mut() {
        match addr[0] as u32 {
            PPM_AF_INET if addr.len() >= 7 => {
                f.kind = FdKind::Ipv4Sock;
                f.sock.set_v4_dip(arr4(addr, 1));
                f.sock.set_v4_dport(le16(addr, 5));
            }
            PPM_AF_INET6 if addr.len() >= 19 => {
                let port = le16(addr, 17);
                let ip = arr16(addr, 1);
                if net::is_ipv4_mapped(&ip) {
                    f.kind = FdKind::Ipv4Sock;
                    f.sock.set_v4_dip(arr4(addr, 13));
                    f.sock.set_v4_dport(port);
                } else {
                    f.kind = FdKind::Ipv6Sock;
                    f.sock.set_v6_dport(port);
                    f.sock.set_v6_dip(ip);
                }
            }
            PPM_AF_INET | PPM_AF_INET6 => {}
            _ => {
                renamed |= f.rename(&name);
                if addr.len() >= 17 {
                    f.sock.set_unix(le64(addr, 1), le64(addr, 9));
                }
            }
        }
    }
    e.scratch = name;
    e.cur.fd_name_changed |= renamed;
}

/// `update_ipv4_addresses_and_ports`: returns whether anything changed.
fn update_v4(f: &mut Fd, sip: [u8; 4], sport: u16, dip: [u8; 4], dport: u16) -> bool {
    let s = &mut f.sock;
    if f.kind == FdKind::Ipv4Sock {
        let same = sip == s.v4_sip()
            && sport == s.v4_sport()
            && dip == s.v4_dip()
            && dport == s.v4_dport();
        let reversed = dip == s.v4_sip()
            && dport == s.v4_sport()
            && sip == s.v4_dip()
            && sport == s.v4_dport();
        if same || reversed {
            return false;
        }
    }
    let mut changed = false;
    if s.v4_sip() != sip {
        s.set_v4_sip(sip);
        changed = true;
    }
    if s.v4_sport() != sport {
        s.set_v4_sport(sport);
        changed = true;
    }
    if s.v4_dip() == [0; 4] {
        s.set_v4_dip(dip);
        changed = true;
    }
    if s.v4_dport() == 0 {
        s.set_v4_dport(dport);
        changed = true;
    }
    changed
}

/// `set_ipv6_addresses_and_ports`.
fn update_v6(f: &mut Fd, t: &[u8]) -> bool {
    let (sip, sport, dip, dport) = (arr16(t, 1), le16(t, 17), arr16(t, 19), le16(t, 35));
    let s = &mut f.sock;
    if f.kind == FdKind::Ipv6Sock {
        let same = sip == s.v6_sip()
            && sport == s.v6_sport()
            && dip == s.v6_dip()
            && dport == s.v6_dport();
        let reversed = dip == s.v6_sip()
            && dport == s.v6_sport()
            && sip == s.v6_dip()
            && sport == s.v6_dport();
        if same || reversed {
            return false;
        }
    }
    let mut changed = false;
    if s.v6_sip() != sip {
        s.set_v6_sip(sip);
        changed = true;
    }
    if s.v6_sport() != sport {
        s.set_v6_sport(sport);
        changed = true;
    }
    if s.v6_dip() == [0; 16] {
        s.set_v6_dip(dip);
        changed = true;
    }
    if s.v6_dport() == 0 {
        s.set_v6_dport(dport);
        changed = true;
    }
    changed
}

/// Sets the addresses of `f` from a SOCKTUPLE of family AF_INET/AF_INET6, with
/// the type change connect and the rewrite apply. Returns whether it changed.
fn set_tuple(f: &mut Fd, t: &[u8]) -> bool {
    match t.first().map(|&b| b as u32) {
        Some(PPM_AF_INET) if t.len() >= 13 => {
            f.kind = FdKind::Ipv4Sock;
            update_v4(f, arr4(t, 1), le16(t, 5), arr4(t, 7), le16(t, 11))
        }
        Some(PPM_AF_INET6) if t.len() >= 37 => {
            if net::is_ipv4_mapped(&t[1..17]) && net::is_ipv4_mapped(&t[19..35]) {
                f.kind = FdKind::Ipv4Sock;
                update_v4(f, arr4(t, 13), le16(t, 17), arr4(t, 31), le16(t, 35))
            } else {
                f.kind = FdKind::Ipv6Sock;
                update_v6(f, t)
            }
        }
        _ => false,
    }
}

fn swap(f: &mut Fd) {
    if f.kind == FdKind::Ipv4Sock { f.sock.swap_v4() } else { f.sock.swap_v6() }
}

/// `parse_connect_exit` with `fill_client_socket_info`.
pub(crate) fn connect_exit(e: &mut Engine, ev: &Event<'_>) {
    let mut renamed = false;
    if e.cur.fd.is_none() {
        return;
    }
    let res = p_i64(ev, 0).unwrap_or(-1);
    if res < 0 && res != EINPROGRESS {
        return;
    }
    let tuple = param(ev, 1).unwrap_or_default();
    let mut name = std::mem::take(&mut e.scratch);
    if let Some(f) = e.cur_fd_mut() {
        f.flags |= fd_flags::SOCKET_CONNECTED;
        if !tuple.is_empty() {
            let family = tuple[0] as u32;
            if family == PPM_AF_INET || family == PPM_AF_INET6 {
                let changed = set_tuple(f, tuple);
                if changed && f.is_role_server() && f.is_udp_socket() {
                    swap(f);
                }
                net::sockinfo_name(&mut name, f);
                renamed |= f.rename(&name);
            } else {
                name.clear();
                net::push_socktuple(&mut name, tuple);
                renamed |= f.rename(&name);
                if tuple.len() >= 17 {
                    f.sock.set_unix(le64(tuple, 1), le64(tuple, 9));
                }
            }
            if f.is_role_none() {
                f.flags |= fd_flags::ROLE_CLIENT;
            }
        }
    }
    e.scratch = name;
    e.cur.fd_name_changed |= renamed;
}

/// `parse_accept_exit`: a server-side connected socket.
pub(crate) fn accept_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if e.threads.get(tid).is_none() {
        return;
    }
    let Some(fd) = p_i64(ev, 0).filter(|&fd| fd >= 0) else { return };
    if let Some(t) = e.threads.get_mut(tid) {
        t.lastevent_fd.set(fd);
    }
    let Some(t) = param(ev, 1).filter(|t| !t.is_empty()) else { return };
    let mut f = Fd::new(FdKind::Unknown);
    match t[0] as u32 {
        PPM_AF_INET if t.len() >= 13 => {
            update_v4(&mut f, arr4(t, 1), le16(t, 5), arr4(t, 7), le16(t, 11));
            f.kind = FdKind::Ipv4Sock;
            f.sock.set_v4_l4(L4Proto::Tcp.code());
        }
        PPM_AF_INET6 if t.len() >= 37 => {
            if net::is_ipv4_mapped(&t[1..17]) && net::is_ipv4_mapped(&t[19..35]) {
                update_v4(&mut f, arr4(t, 13), le16(t, 17), arr4(t, 31), le16(t, 35));
                f.kind = FdKind::Ipv4Sock;
                f.sock.set_v4_l4(L4Proto::Tcp.code());
            } else {
                update_v6(&mut f, t);
                f.kind = FdKind::Ipv6Sock;
                f.sock.set_v6_l4(L4Proto::Tcp.code());
            }
        }
        PPM_AF_UNIX if t.len() >= 17 => {
            f.kind = FdKind::UnixSock;
            f.sock.set_unix(le64(t, 1), le64(t, 9));
        }
        _ => return,
    }
    net::push_socktuple(&mut f.name, t);
    f.flags = fd_flags::ROLE_SERVER | fd_flags::SOCKET_CONNECTED;
    e.cur.fd = e.add_fd(tid, fd, f);
}

/// `parse_socketpair_exit`: two unix sockets.
pub(crate) fn socketpair_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if p_i64(ev, 0).is_none_or(|r| r < 0) || e.threads.get(tid).is_none() {
        return;
    }
    let (Some(fd1), Some(fd2)) = (p_i64(ev, 1), p_i64(ev, 2)) else { return };
    let mut f = Fd::new(FdKind::UnixSock);
    f.sock.set_unix(p_u64(ev, 3).unwrap_or(0), p_u64(ev, 4).unwrap_or(0));
    e.cur.fd = e.add_fd(tid, fd1, f.clone());
    e.add_fd(tid, fd2, f);
}

/// `parse_getsockopt_exit`: attaches the fd named by its own parameter.
pub(crate) fn getsockopt_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if e.threads.get(tid).is_none() {
        return;
    }
    let fd = p_i64(ev, 1).unwrap_or(-1);
    e.cur.fd = match e.main_tid(tid) {
        Some(m) if fd >= 0 => e.threads.get(m).and_then(|t| t.fds.get(fd)).map(|_| (m, fd)),
        _ => None,
    };
    if let Some(t) = e.threads.get_mut(tid) {
        t.lastevent_fd.set(fd);
    }
}

/// `parse_rw_exit`: connected flag and the datagram rewrite.
pub(crate) fn rw_exit(e: &mut Engine, ev: &Event<'_>) {
    let Some(info) = ev.info() else { return };
    if e.cur.fd.is_none() {
        return;
    }
    let writes = info.flags & ef::WRITES_TO_FD != 0;
    if super::file::tracer_write(e, ev, writes) {
        return;
    }
    let res = p_i64(ev, 0).unwrap_or(-1);
    if res < 0 {
        return;
    }
    if let Some(f) = e.cur_fd_mut()
        && matches!(f.kind, FdKind::Ipv4Sock | FdKind::Ipv6Sock)
    {
        f.flags |= fd_flags::SOCKET_CONNECTED;
    }
    let etype = ev.event_type();
    let reading = info.flags & ef::READS_FROM_FD != 0;
    let qualifies =
        |e: &mut Engine| e.cur_fd_mut().is_some_and(|f| f.name.is_empty() || !f.is_tcp_socket());
    if reading {
        let tuple_i = match etype {
            ids::SOCKET_RECVFROM_X => 2,
            ids::SOCKET_RECVMSG_X => 3,
            _ => return,
        };
        if qualifies(e) {
            let tuple = param(ev, tuple_i).unwrap_or_default().to_vec();
            rewrite(e, ev, &tuple, true);
        }
    } else if matches!(etype, ids::SOCKET_SENDTO_X | ids::SOCKET_SENDMSG_X) && qualifies(e) {
        if !retrieve_enter(e, ev) {
            return;
        }
        let tuple =
            enter_view(e).and_then(|en| param(&en, 2).map(<[u8]>::to_vec)).unwrap_or_default();
        rewrite(e, ev, &tuple, false);
    }
}

/// `update_fd` plus the role and naming steps of `parse_rw_exit` (§3.9).
fn rewrite(e: &mut Engine, ev: &Event<'_>, tuple: &[u8], incoming: bool) {
    let mut renamed = false;
    let tid = ev.tid() as i64;
    if !update_fd(e, tuple) {
        return;
    }
    let Some(at) = e.cur.fd else { return };
    let kind = e.fd_at(at).map(|f| f.kind);
    if matches!(kind, Some(FdKind::Ipv4Sock | FdKind::Ipv6Sock)) {
        if e.fd_at(at).is_some_and(Fd::is_role_none) {
            let role = guess_role(e, tid, at, incoming);
            if let Some(f) = e.fd_at_mut(at) {
                f.flags |= role;
            }
        }
        let mut name = std::mem::take(&mut e.scratch);
        if let Some(f) = e.fd_at_mut(at) {
            if (incoming && f.is_role_client()) || (!incoming && f.is_role_server()) {
                swap(f);
            }
            net::sockinfo_name(&mut name, f);
            renamed |= f.rename(&name);
        }
        e.scratch = name;
        e.cur.fd_name_changed |= renamed;
    } else {
        let mut name = std::mem::take(&mut e.scratch);
        name.clear();
        net::push_socktuple(&mut name, tuple);
        if let Some(f) = e.fd_at_mut(at) {
            renamed |= f.rename(&name);
        }
        e.scratch = name;
        e.cur.fd_name_changed |= renamed;
    }
}

/// `sinsp_parser::update_fd`: returns whether the addresses changed.
fn update_fd(e: &mut Engine, t: &[u8]) -> bool {
    let mut renamed = false;
    let Some(&family) = t.first() else { return false };
    let Some(at) = e.cur.fd else { return false };
    let ifs = &e.interfaces;
    let Some(f) = e.threads.get_mut(at.0).and_then(|t| t.fds.get_mut(at.1)) else {
        return false;
    };
    match family as u32 {
        PPM_AF_INET if t.len() >= 13 => {
            if f.kind == FdKind::Ipv4ServSock {
                let l4 = f.sock.srv4_l4();
                f.sock.set_v4_l4(l4);
            }
            f.kind = FdKind::Ipv4Sock;
            if !update_v4(f, arr4(t, 1), le16(t, 5), arr4(t, 7), le16(t, 11)) {
                return false;
            }
        }
        PPM_AF_INET6 if t.len() >= 37 => {
            if net::is_ipv4_mapped(&t[1..17]) && net::is_ipv4_mapped(&t[19..35]) {
                f.kind = FdKind::Ipv4Sock;
                if !update_v4(f, arr4(t, 13), le16(t, 17), arr4(t, 31), le16(t, 35)) {
                    return false;
                }
            } else if !update_v6(f, t) {
                return false;
            }
        }
        PPM_AF_UNIX if t.len() >= 17 => {
            f.kind = FdKind::UnixSock;
            f.sock.set_unix(le64(t, 1), le64(t, 9));
            renamed |= f.rename(crate::threads::cstr(&t[17..]));
            e.cur.fd_name_changed |= renamed;
            return true;
        }
        _ => return false,
    }
    if f.kind == FdKind::Ipv4Sock && f.sock.v4_l4() == L4Proto::Unknown.code() {
        f.sock.set_v4_l4(L4Proto::Udp.code());
    } else if f.kind == FdKind::Ipv6Sock && f.sock.v6_l4() == L4Proto::Unknown.code() {
        f.sock.set_v6_l4(L4Proto::Udp.code());
    }
    infer_addresses(ifs, f);
    true
}

/// `sinsp_network_interfaces::update_fd` (§3.10).
fn infer_addresses(ifs: &crate::interfaces::Interfaces, f: &mut Fd) {
    let s = &mut f.sock;
    match f.kind {
        FdKind::Ipv4Sock => {
            let (sip, dip) = (s.v4_sip(), s.v4_dip());
            if sip != [0; 4] && dip != [0; 4] {
                return;
            }
            let same_port = s.v4_sport() == s.v4_dport();
            if sip == [0; 4] {
                let n = ifs.infer_ipv4(dip);
                if n == dip && same_port {
                    return;
                }
                s.set_v4_sip(n);
            } else {
                let n = ifs.infer_ipv4(sip);
                if n == sip && same_port {
                    return;
                }
                s.set_v4_dip(n);
            }
        }
        FdKind::Ipv6Sock => {
            let (sip, dip) = (s.v6_sip(), s.v6_dip());
            if sip != [0; 16] && dip != [0; 16] {
                return;
            }
            let same_port = s.v6_sport() == s.v6_dport();
            if sip == [0; 16] {
                let n = ifs.infer_ipv6(dip);
                if n == dip && same_port {
                    return;
                }
                s.set_v6_sip(n);
            } else {
                let n = ifs.infer_ipv6(sip);
                if n == sip && same_port {
                    return;
                }
                s.set_v6_dip(n);
            }
        }
        _ => {}
    }
}

/// `set_net_role_by_guessing`, read through the IPv4 view as upstream does.
fn guess_role(e: &Engine, tid: i64, at: (i64, i64), incoming: bool) -> u32 {
    let Some(f) = e.fd_at(at) else { return fd_flags::ROLE_CLIENT };
    let (sport, dport) = (f.sock.v4_sport(), f.sock.v4_dport());
    let Some(table) = e.threads.get(tid).and_then(|t| e.threads.fd_table(t)) else {
        return fd_flags::ROLE_CLIENT;
    };
    let bound = table.iter().any(|(_, o)| match o.kind {
        FdKind::Ipv4Sock => o.sock.v4_dport() == dport,
        FdKind::Ipv4ServSock => o.sock.srv4_port() == dport,
        _ => false,
    });
    if !bound {
        return fd_flags::ROLE_CLIENT;
    }
    let uses_client =
        table.iter().any(|(_, o)| o.kind == FdKind::Ipv4Sock && o.sock.v4_sport() == sport);
    if !uses_client {
        return fd_flags::ROLE_SERVER;
    }
    if incoming { fd_flags::ROLE_SERVER } else { fd_flags::ROLE_CLIENT }
}
