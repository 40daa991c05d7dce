//! Text of addresses, ports and socket tuples as sinsp writes them: fd names
//! (`ipv4tuple_to_string`, `sockinfo_to_str`...) and `SOCKADDR`/`SOCKTUPLE`
//! parameters. Ports are numeric (name resolution is off by default).

use crate::fds::{Fd, FdKind, L4Proto};

use super::text::{all_printable, push_dec, push_short};

/// Appends `a.b.c.d`.
pub(crate) fn push_ipv4(out: &mut Vec<u8>, ip: [u8; 4]) {
    for (i, o) in ip.iter().enumerate() {
        if i > 0 {
            out.push(b'.');
        }
        push_dec(out, *o);
    }
}

fn push_hex_word(out: &mut Vec<u8>, w: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut started = false;
    for shift in [12u16, 8, 4, 0] {
        let d = (w >> shift) & 0xf;
        if d != 0 || started || shift == 0 {
            out.push(HEX[d as usize]);
            started = true;
        }
    }
}

/// Appends an IPv6 address the way glibc's `inet_ntop` writes it.
pub(crate) fn push_ipv6(out: &mut Vec<u8>, ip: [u8; 16]) {
    let words: [u16; 8] = std::array::from_fn(|i| u16::from_be_bytes([ip[2 * i], ip[2 * i + 1]]));
    let (mut best_base, mut best_len) = (usize::MAX, 0usize);
    let (mut cur_base, mut cur_len) = (usize::MAX, 0usize);
    for (i, &w) in words.iter().enumerate() {
        if w == 0 {
            if cur_base == usize::MAX {
                cur_base = i;
                cur_len = 1;
            } else {
                cur_len += 1;
            }
        } else if cur_base != usize::MAX {
            if best_base == usize::MAX || cur_len > best_len {
                (best_base, best_len) = (cur_base, cur_len);
            }
            cur_base = usize::MAX;
        }
    }
    if cur_base != usize::MAX && (best_base == usize::MAX || cur_len > best_len) {
        (best_base, best_len) = (cur_base, cur_len);
    }
    if best_len < 2 {
        best_base = usize::MAX;
    }
    let in_best = |i: usize| best_base != usize::MAX && i >= best_base && i < best_base + best_len;
    for i in 0..8 {
        if in_best(i) {
            if i == best_base {
                out.push(b':');
            }
            continue;
        }
        if i != 0 {
            out.push(b':');
        }
        if i == 6 && best_base == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff)) {
            push_ipv4(out, [ip[12], ip[13], ip[14], ip[15]]);
            return;
        }
        push_hex_word(out, words[i]);
    }
    if best_base != usize::MAX && best_base + best_len == 8 {
        out.push(b':');
    }
}

/// True for `::ffff:a.b.c.d` and for the all-zero address (`is_ipv4_mapped_ipv6`).
pub(crate) fn is_ipv4_mapped(ip: &[u8]) -> bool {
    ip.len() >= 16
        && ip[..10].iter().all(|&b| b == 0)
        && ((ip[10] == 0xff && ip[11] == 0xff) || ip[10..16].iter().all(|&b| b == 0))
}

/// `ipv4serveraddr_to_string`: `a.b.c.d:port`.
pub(crate) fn push_ipv4_endpoint(out: &mut Vec<u8>, ip: [u8; 4], port: u16) {
    push_ipv4(out, ip);
    out.push(b':');
    push_dec(out, port);
}

/// `ipv6serveraddr_to_string`: `addr:port`.
pub(crate) fn push_ipv6_endpoint(out: &mut Vec<u8>, ip: [u8; 16], port: u16) {
    push_ipv6(out, ip);
    out.push(b':');
    push_dec(out, port);
}

/// `ipv4tuple_to_string`.
pub(crate) fn push_ipv4_tuple(
    out: &mut Vec<u8>,
    sip: [u8; 4],
    sport: u16,
    dip: [u8; 4],
    dport: u16,
) {
    push_ipv4_endpoint(out, sip, sport);
    out.extend_from_slice(b"->");
    push_ipv4_endpoint(out, dip, dport);
}

/// `ipv6tuple_to_string`.
pub(crate) fn push_ipv6_tuple(
    out: &mut Vec<u8>,
    sip: [u8; 16],
    sport: u16,
    dip: [u8; 16],
    dport: u16,
) {
    push_ipv6_endpoint(out, sip, sport);
    out.extend_from_slice(b"->");
    push_ipv6_endpoint(out, dip, dport);
}

/// `sinsp_utils::sockinfo_to_str` of a connected socket: the name an fd gets
/// after connect or a datagram rewrite. Replaces `out`.
pub(crate) fn sockinfo_name(out: &mut Vec<u8>, fd: &Fd) {
    out.clear();
    let s = &fd.sock;
    match fd.kind {
        FdKind::Ipv4Sock => match L4Proto::from_code(s.v4_l4()) {
            L4Proto::Tcp | L4Proto::Udp => {
                push_ipv4_tuple(out, s.v4_sip(), s.v4_sport(), s.v4_dip(), s.v4_dport())
            }
            L4Proto::Icmp | L4Proto::Raw => {
                push_ipv4(out, s.v4_sip());
                out.extend_from_slice(b"->");
                push_ipv4(out, s.v4_dip());
            }
            _ => out.extend_from_slice(b"<unknown>"),
        },
        FdKind::Ipv6Sock => {
            let (sip, dip) = (s.v6_sip(), s.v6_dip());
            let mapped = is_ipv4_mapped(&sip) && is_ipv4_mapped(&dip);
            let v4 = |a: [u8; 16]| [a[12], a[13], a[14], a[15]];
            match L4Proto::from_code(s.v6_l4()) {
                // Upstream reads the ports through the IPv4 view here.
                L4Proto::Tcp | L4Proto::Udp if mapped => {
                    push_ipv4_tuple(out, v4(sip), s.v4_sport(), v4(dip), s.v4_dport())
                }
                L4Proto::Tcp | L4Proto::Udp => {
                    push_ipv6_tuple(out, sip, s.v6_sport(), dip, s.v6_dport())
                }
                L4Proto::Icmp if mapped => {
                    push_ipv4(out, v4(sip));
                    out.extend_from_slice(b"->");
                    push_ipv4(out, v4(dip));
                }
                L4Proto::Icmp => {
                    push_ipv6(out, sip);
                    out.extend_from_slice(b"->");
                    push_ipv6(out, dip);
                }
                _ => out.extend_from_slice(b"<unknown>"),
            }
        }
        _ => {}
    }
}

/// Removes every byte outside 0x20–0x7E (`sanitize_string`) while appending.
pub(crate) fn push_sanitized(out: &mut Vec<u8>, s: &[u8]) {
    if all_printable(s) {
        push_short(out, s);
    } else {
        out.extend(s.iter().copied().filter(|c| (0x20..0x7f).contains(c)));
    }
}

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

const PPM_AF_UNIX: u8 = 1;
const PPM_AF_INET: u8 = 2;
const PPM_AF_INET6: u8 = 10;

/// Renders a `SOCKADDR` parameter (scap-format.md §11.4).
pub(crate) fn push_sockaddr(out: &mut Vec<u8>, p: &[u8]) {
    let Some(&family) = p.first() else {
        out.extend_from_slice(b"NULL");
        return;
    };
    match family {
        PPM_AF_UNIX => push_sanitized(out, crate::threads::cstr(&p[1..])),
        PPM_AF_INET if p.len() == 7 => push_ipv4_endpoint(out, arr4(p, 1), le16(p, 5)),
        PPM_AF_INET => out.extend_from_slice(b"INVALID IPv4"),
        PPM_AF_INET6 if p.len() == 19 => push_ipv6_endpoint(out, arr16(p, 1), le16(p, 17)),
        PPM_AF_INET6 => out.extend_from_slice(b"INVALID IPv6"),
        f => {
            out.extend_from_slice(b"family ");
            push_dec(out, f as i8 as i32);
        }
    }
}

/// Renders a `SOCKTUPLE` parameter (scap-format.md §11.4).
pub(crate) fn push_socktuple(out: &mut Vec<u8>, p: &[u8]) {
    let Some(&family) = p.first() else {
        out.extend_from_slice(b"NULL");
        return;
    };
    match family {
        PPM_AF_INET if p.len() == 13 => {
            push_ipv4_tuple(out, arr4(p, 1), le16(p, 5), arr4(p, 7), le16(p, 11))
        }
        PPM_AF_INET => out.extend_from_slice(b"INVALID IPv4"),
        PPM_AF_INET6 if p.len() == 37 => {
            let (sip, dip) = (arr16(p, 1), arr16(p, 19));
            if is_ipv4_mapped(&sip) && is_ipv4_mapped(&dip) {
                push_ipv4_tuple(out, arr4(p, 13), le16(p, 17), arr4(p, 31), le16(p, 35));
            } else {
                push_ipv6_tuple(out, sip, le16(p, 17), dip, le16(p, 35));
            }
        }
        PPM_AF_INET6 => out.extend_from_slice(b"INVALID IPv6"),
        PPM_AF_UNIX if p.len() >= 17 => {
            push_lower_hex(out, le64(p, 1));
            out.extend_from_slice(b"->");
            push_lower_hex(out, le64(p, 9));
            out.push(b' ');
            push_sanitized(out, crate::threads::cstr(&p[17..]));
        }
        PPM_AF_UNIX => out.extend_from_slice(b"INVALID UNIX"),
        f => {
            out.extend_from_slice(b"family ");
            push_dec(out, f as i8 as i32);
        }
    }
}

/// Appends `v` as lowercase hex without prefix (`%lx`).
pub(crate) fn push_lower_hex(out: &mut Vec<u8>, v: u64) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if v == 0 {
        out.push(b'0');
        return;
    }
    let digits = (64 - v.leading_zeros()).div_ceil(4);
    for i in (0..digits).rev() {
        out.push(HEX[((v >> (i * 4)) & 0xf) as usize]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v6(b: [u8; 16]) -> String {
        let mut o = Vec::new();
        push_ipv6(&mut o, b);
        String::from_utf8(o).unwrap()
    }

    #[test]
    fn ipv6_like_glibc() {
        let mut a = [0u8; 16];
        assert_eq!(v6(a), "::");
        a[15] = 1;
        assert_eq!(v6(a), "::1");
        a[15] = 2;
        assert_eq!(v6(a), "::2");
        let mut b = [0u8; 16];
        b[12..].copy_from_slice(&[1, 2, 3, 4]);
        assert_eq!(v6(b), "::1.2.3.4");
        b[10] = 0xff;
        b[11] = 0xff;
        assert_eq!(v6(b), "::ffff:1.2.3.4");
        let c = [0x20, 0x01, 0x48, 0x60, 0x48, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0x88, 0x88];
        assert_eq!(v6(c), "2001:4860:4860::8888");
        let d = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(v6(d), "1::");
    }

    #[test]
    fn mapped_rule_includes_zero() {
        assert!(is_ipv4_mapped(&[0; 16]));
        let mut m = [0u8; 16];
        m[10] = 0xff;
        m[11] = 0xff;
        m[12] = 10;
        assert!(is_ipv4_mapped(&m));
        m[11] = 0;
        assert!(!is_ipv4_mapped(&m));
    }

    #[test]
    fn tuple_names() {
        let mut o = Vec::new();
        push_ipv4_tuple(&mut o, [172, 17, 0, 7], 46162, [172, 17, 0, 1], 53);
        assert_eq!(o, b"172.17.0.7:46162->172.17.0.1:53");
    }
}
