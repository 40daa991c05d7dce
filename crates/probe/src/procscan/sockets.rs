//! Socket tables of a network namespace (`/proc/PID/net/{tcp,tcp6,udp,udp6,
//! raw,raw6,unix}`), indexed by inode.

use std::collections::HashMap;
use std::path::Path;

use scap::FdInfo;

use scap::l4_proto::{RAW as L4_RAW, TCP as L4_TCP, UDP as L4_UDP};
/// TCP state `LISTEN`.
const TCP_LISTEN: &str = "0A";

/// Sockets by inode.
pub type SocketTable = HashMap<u64, FdInfo>;

fn hex_v4(s: &str) -> Option<([u8; 4], u16)> {
    let (ip, port) = s.split_once(':')?;
    let ip = u32::from_str_radix(ip, 16).ok()?;
    Some((ip.to_ne_bytes(), u16::from_str_radix(port, 16).ok()?))
}

fn hex_v6(s: &str) -> Option<([u8; 16], u16)> {
    let (ip, port) = s.split_once(':')?;
    if ip.len() != 32 {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, chunk) in out.chunks_exact_mut(4).enumerate() {
        let word = u32::from_str_radix(ip.get(i * 8..i * 8 + 8)?, 16).ok()?;
        chunk.copy_from_slice(&word.to_ne_bytes());
    }
    Some((out, u16::from_str_radix(port, 16).ok()?))
}

/// Parses one `/proc/net/{tcp,udp,raw}[6]` file.
pub fn parse_inet(text: &str, v6: bool, l4proto: u8, table: &mut SocketTable) {
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let (Some(local), Some(remote), Some(state), Some(inode)) =
            (f.get(1), f.get(2), f.get(3), f.get(9).and_then(|i| i.parse::<u64>().ok()))
        else {
            continue;
        };
        let listening =
            if l4proto == L4_TCP { *state == TCP_LISTEN } else { remote.ends_with(":0000") };
        let info = if v6 {
            let (Some((sip, sport)), Some((dip, dport))) = (hex_v6(local), hex_v6(remote)) else {
                continue;
            };
            if listening {
                FdInfo::Ipv6Server { ip: sip, port: sport, l4proto }
            } else {
                FdInfo::Ipv6Sock { sip, dip, sport, dport, l4proto }
            }
        } else {
            let (Some((sip, sport)), Some((dip, dport))) = (hex_v4(local), hex_v4(remote)) else {
                continue;
            };
            if listening {
                FdInfo::Ipv4Server { ip: sip, port: sport, l4proto }
            } else {
                FdInfo::Ipv4Sock { sip, dip, sport, dport, l4proto }
            }
        };
        table.insert(inode, info);
    }
}

/// Parses `/proc/net/unix`.
pub fn parse_unix(text: &str, table: &mut SocketTable) {
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let (Some(num), Some(inode)) = (f.first(), f.get(6).and_then(|i| i.parse::<u64>().ok()))
        else {
            continue;
        };
        let source = u64::from_str_radix(num.trim_end_matches(':'), 16).unwrap_or(0);
        let path = f.get(7).map(|p| p.as_bytes().to_vec()).unwrap_or_default();
        let path = super::threads::cut(path, super::threads::MAX_PATH);
        table.insert(inode, FdInfo::Unix { source, dest: 0, path });
    }
}

/// Reads every socket table under `net_dir` (e.g. `/proc/1234/net`).
pub fn read_tables(net_dir: &Path) -> SocketTable {
    let mut table = SocketTable::new();
    let read = |name: &str| std::fs::read_to_string(net_dir.join(name)).unwrap_or_default();
    parse_inet(&read("tcp"), false, L4_TCP, &mut table);
    parse_inet(&read("tcp6"), true, L4_TCP, &mut table);
    parse_inet(&read("udp"), false, L4_UDP, &mut table);
    parse_inet(&read("udp6"), true, L4_UDP, &mut table);
    parse_inet(&read("raw"), false, L4_RAW, &mut table);
    parse_inet(&read("raw6"), true, L4_RAW, &mut table);
    parse_unix(&read("unix"), &mut table);
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcp_lines_become_sockets_and_servers() {
        let text = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n\
           0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1234 1 0 100 0 0 10 0\n\
           1: 0100007F:C350 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 5678 1 0 20 4 30 10 -1\n";
        let mut t = SocketTable::new();
        parse_inet(text, false, L4_TCP, &mut t);
        assert_eq!(
            t[&1234],
            FdInfo::Ipv4Server { ip: [127, 0, 0, 1], port: 8080, l4proto: L4_TCP }
        );
        assert_eq!(
            t[&5678],
            FdInfo::Ipv4Sock {
                sip: [127, 0, 0, 1],
                dip: [127, 0, 0, 1],
                sport: 50000,
                dport: 8080,
                l4proto: L4_TCP
            }
        );
    }

    #[test]
    fn l4_codes_are_libscaps() {
        // SCAP_L4_TCP, SCAP_L4_UDP, SCAP_L4_RAW: sysdig shows `<4u>` only for 3.
        assert_eq!((L4_TCP, L4_UDP, L4_RAW), (2, 3, 5));
        let text = "hdr\n   0: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 99 2\n";
        let mut t = SocketTable::new();
        parse_inet(text, false, L4_UDP, &mut t);
        assert_eq!(t[&99], FdInfo::Ipv4Server { ip: [127, 0, 0, 1], port: 53, l4proto: 3 });
    }

    #[test]
    fn tcp6_and_unix_lines_parse() {
        let text = "hdr\n   0: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 42 1\n";
        let mut t = SocketTable::new();
        parse_inet(text, true, L4_TCP, &mut t);
        let mut lo = [0u8; 16];
        lo[15] = 1;
        assert_eq!(t[&42], FdInfo::Ipv6Server { ip: lo, port: 80, l4proto: L4_TCP });
        let unix = "Num       RefCount Protocol Flags    Type St Inode Path\n\
                    ffff8880: 00000002 00000000 00010000 0001 01 777 /run/x.sock\n";
        parse_unix(unix, &mut t);
        assert!(matches!(&t[&777], FdInfo::Unix { path, .. } if path == b"/run/x.sock"));
    }
}
