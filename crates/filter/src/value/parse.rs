//! Literal parsing by type. Each function returns the reason on failure; the
//! compiler wraps it with the value's span.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Parses an integer literal: optional leading blanks, an optional sign, then decimal
/// digits or `0x` and hex digits. It must lie within `min..=max` (the field's width).
pub fn parse_number(text: &[u8], min: i128, max: i128) -> Result<i128, String> {
    let s = std::str::from_utf8(text).map_err(|_| "not a number".to_owned())?;
    let t = s.trim_start_matches([' ', '\t']);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let magnitude = if let Some(hex) = digits.strip_prefix("0x").or(digits.strip_prefix("0X")) {
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("not a number".into());
        }
        u128::from_str_radix(hex, 16).map_err(|_| "number too large".to_owned())?
    } else {
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err("not a number".into());
        }
        digits.parse::<u128>().map_err(|_| "number too large".to_owned())?
    };
    let magnitude = i128::try_from(magnitude).map_err(|_| "number too large".to_owned())?;
    let value = if neg { -magnitude } else { magnitude };
    if value < min || value > max {
        return Err(format!("out of range {min}..={max}"));
    }
    Ok(value)
}

/// `true` or `false`, exactly.
pub fn parse_bool(text: &[u8]) -> Result<bool, String> {
    match text {
        b"true" => Ok(true),
        b"false" => Ok(false),
        _ => Err("expected true or false".into()),
    }
}

/// An IPv4 dotted quad when the text holds a `.`, else an IPv6 address.
pub fn parse_ip(text: &[u8]) -> Result<IpAddr, String> {
    let s = std::str::from_utf8(text).map_err(|_| "not an address".to_owned())?;
    if s.contains('.') && !s.contains(':') {
        s.parse::<Ipv4Addr>().map(IpAddr::V4).map_err(|_| "not an IPv4 address".into())
    } else {
        s.parse::<Ipv6Addr>().map(IpAddr::V6).map_err(|_| "not an IPv6 address".into())
    }
}

/// An IP network: `address/prefix`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpNet {
    /// The network address (host bits are ignored).
    pub addr: IpAddr,
    /// Prefix length in bits.
    pub prefix: u8,
}

impl IpNet {
    /// True when `ip` lies in the network. Addresses of the other family never do.
    pub fn contains(&self, ip: &IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(*ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(*ip) & mask
            }
            _ => false,
        }
    }
}

/// `a.b.c.d/N` (N ≤ 32) or `ipv6/N` (N ≤ 128). A bare IPv6 address is a /64 network,
/// which is what sysdig 0.29.3 compared for it; a bare IPv4 address is refused, as
/// there.
pub fn parse_net(text: &[u8]) -> Result<IpNet, String> {
    let s = std::str::from_utf8(text).map_err(|_| "not a network".to_owned())?;
    let (addr, prefix) = match s.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (s, None),
    };
    let ip = parse_ip(addr.as_bytes())?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    let prefix = match prefix {
        Some(p) => match p.parse::<u8>() {
            Ok(n) if n <= max => n,
            _ => return Err(format!("invalid netmask {p}")),
        },
        None if ip.is_ipv6() => 64,
        None => return Err("a network needs a /prefix".into()),
    };
    Ok(IpNet { addr: ip, prefix })
}

/// A port: all digits (0..=65535), or a service name from `/etc/services` (or a few
/// well-known names when that file is missing).
pub fn parse_port(text: &[u8]) -> Result<u16, String> {
    if !text.is_empty() && text.iter().all(u8::is_ascii_digit) {
        let n = parse_number(text, 0, u16::MAX.into())?;
        return u16::try_from(n).map_err(|_| "out of range".into());
    }
    let name = std::str::from_utf8(text).map_err(|_| "not a port".to_owned())?;
    service_port(name).ok_or_else(|| format!("unrecognized protocol {name}"))
}

const WELL_KNOWN: &[(&str, u16)] = &[
    ("ftp", 21),
    ("ssh", 22),
    ("telnet", 23),
    ("smtp", 25),
    ("domain", 53),
    ("http", 80),
    ("pop3", 110),
    ("ntp", 123),
    ("imap", 143),
    ("snmp", 161),
    ("ldap", 389),
    ("https", 443),
    ("syslog", 514),
    ("mysql", 3306),
    ("postgresql", 5432),
];

fn service_port(name: &str) -> Option<u16> {
    if name.is_empty() {
        return None;
    }
    if let Ok(services) = std::fs::read_to_string("/etc/services") {
        for line in services.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut words = line.split_whitespace();
            let (Some(service), Some(port_proto)) = (words.next(), words.next()) else {
                continue;
            };
            if (service == name || words.any(|alias| alias == name))
                && let Some(port) = port_proto.split('/').next().and_then(|p| p.parse().ok())
            {
                return Some(port);
            }
        }
    }
    WELL_KNOWN.iter().find(|(n, _)| *n == name).map(|&(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number(b"42", 0, 100), Ok(42));
        assert_eq!(parse_number(b"  -11", -100, 100), Ok(-11));
        assert_eq!(parse_number(b"+7", 0, 100), Ok(7));
        assert_eq!(parse_number(b"0x1f", 0, 100), Ok(31));
        assert!(parse_number(b"abc", 0, 100).is_err());
        assert!(parse_number(b"", 0, 100).is_err());
        assert!(parse_number(b"12x", 0, 100).is_err());
        assert!(parse_number(b"1.5", 0, 100).is_err());
        // Out of range instead of 0.29.3's wrapping (evt.cpu=65537 meant 1 there).
        assert!(parse_number(b"65537", -32768, 32767).is_err());
        assert!(parse_number(b"-1", 0, u64::MAX.into()).is_err());
        assert!(parse_number(b"99999999999999999999999999999999999999999", 0, 1).is_err());
    }

    #[test]
    fn booleans() {
        assert_eq!(parse_bool(b"true"), Ok(true));
        assert_eq!(parse_bool(b"false"), Ok(false));
        for bad in [&b"TRUE"[..], b"1", b"yes", b""] {
            assert!(parse_bool(bad).is_err());
        }
    }

    #[test]
    fn addresses_and_networks() {
        assert_eq!(parse_ip(b"172.17.0.7"), Ok(IpAddr::V4(Ipv4Addr::new(172, 17, 0, 7))));
        assert!(parse_ip(b"1.2.3").is_err());
        assert!(parse_ip(b"127").is_err());
        assert_eq!(parse_ip(b"::1"), Ok(IpAddr::V6(Ipv6Addr::LOCALHOST)));
        let net = parse_net(b"172.16.0.0/12").unwrap();
        assert!(net.contains(&IpAddr::V4(Ipv4Addr::new(172, 17, 0, 7))));
        assert!(!net.contains(&IpAddr::V4(Ipv4Addr::new(172, 32, 0, 1))));
        assert!(!net.contains(&IpAddr::V6(Ipv6Addr::LOCALHOST)));
        assert!(parse_net(b"10.0.0.0").is_err());
        assert!(parse_net(b"10.0.0.0/33").is_err());
        let all = parse_net(b"0.0.0.0/0").unwrap();
        assert!(all.contains(&IpAddr::V4(Ipv4Addr::new(8, 8, 8, 8))));
        let v6 = parse_net(b"fe80::/64").unwrap();
        assert!(v6.contains(&"fe80::1".parse().unwrap()));
        assert!(!v6.contains(&"fe81::1".parse().unwrap()));
        assert!(!v6.contains(&IpAddr::V4(Ipv4Addr::UNSPECIFIED)));
    }

    #[test]
    fn ports() {
        assert_eq!(parse_port(b"53"), Ok(53));
        assert_eq!(parse_port(b"domain"), Ok(53));
        assert_eq!(parse_port(b"http"), Ok(80));
        assert!(parse_port(b"65589").is_err());
        assert!(parse_port(b"foo").is_err());
        assert!(parse_port(b" 53").is_err());
    }
}
