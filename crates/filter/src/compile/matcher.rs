//! Right-hand sides compiled for one operator and one type, and the test of a value
//! against them.

use std::cmp::Ordering;
use std::net::IpAddr;

use memchr::memmem;

use crate::error::{ErrorKind, FilterError, Span};
use crate::lang::ast::{Literal, Op};
use crate::value::{
    FieldType, Glob, IpNet, Kind, PathPrefixSet, Value, parse_bool, parse_ip, parse_net,
    parse_number, parse_port,
};

/// A compiled comparison.
#[derive(Debug)]
pub enum Matcher {
    /// `exists`: any value.
    Exists,
    /// Byte-wise `=`, `!=`, ordering, `startswith`, `endswith`, `bstartswith`.
    Bytes(Op, Vec<u8>),
    /// `contains`, `bcontains`.
    Contains(Box<memmem::Finder<'static>>),
    /// `icontains`: the needle in lower case.
    IContains(Vec<u8>),
    /// `glob`, `iglob`.
    Glob(Glob),
    /// `regex`, anchored at both ends.
    Regex(Box<regex::bytes::Regex>),
    /// `in`/`intersects` on text and bytes: sorted items.
    BytesIn(Vec<Vec<u8>>),
    /// `pmatch`.
    Paths(PathPrefixSet),
    /// Integer (also boolean and port) comparison.
    Int(Op, i128),
    /// Integer membership.
    IntIn(Vec<i128>),
    /// Address comparison (ordering by family, then value).
    Ip(Op, IpAddr),
    /// Address membership.
    IpIn(Vec<IpAddr>),
    /// Network membership; `false` inverts it (`!=`).
    Net(bool, Vec<IpNet>),
    /// Floating-point comparison.
    Double(Op, f64),
    /// Floating-point membership.
    DoubleIn(Vec<f64>),
    /// `evt.around[T]=D`: the event time lies within T ± D ms.
    Around {
        /// T, ns since the epoch.
        center: u64,
        /// D in ns.
        radius: u64,
    },
}

fn ordering_holds(op: Op, ord: Ordering) -> bool {
    match op {
        Op::Eq => ord == Ordering::Equal,
        Op::Ne => ord != Ordering::Equal,
        Op::Lt => ord == Ordering::Less,
        Op::Le => ord != Ordering::Greater,
        Op::Gt => ord == Ordering::Greater,
        Op::Ge => ord != Ordering::Less,
        _ => false,
    }
}

/// ASCII case-insensitive substring search (no allocation).
fn contains_folded(hay: &[u8], lower_needle: &[u8]) -> bool {
    if lower_needle.is_empty() {
        return true;
    }
    hay.windows(lower_needle.len())
        .any(|w| w.iter().zip(lower_needle).all(|(h, n)| h.to_ascii_lowercase() == *n))
}

impl Matcher {
    /// True when `v` satisfies the comparison.
    #[inline]
    pub fn test(&self, v: &Value<'_>) -> bool {
        // Text equality, the commonest test, without a call.
        if let (Matcher::Bytes(Op::Eq, needle), Value::Str(b)) = (self, v) {
            return b.len() == needle.len() && *b == needle.as_slice();
        }
        self.test_any(v)
    }

    #[inline(never)]
    fn test_any(&self, v: &Value<'_>) -> bool {
        match self {
            Matcher::Exists => true,
            Matcher::Bytes(op, needle) => v.as_bytes().is_some_and(|b| match op {
                // Equality compares lengths first, without a call to memcmp.
                Op::Eq => b.len() == needle.len() && b == needle.as_slice(),
                Op::Ne => b.len() != needle.len() || b != needle.as_slice(),
                Op::StartsWith | Op::BStartsWith => b.starts_with(needle),
                Op::EndsWith => b.ends_with(needle),
                _ => ordering_holds(*op, b.cmp(needle)),
            }),
            Matcher::Contains(f) => v.as_bytes().is_some_and(|b| f.find(b).is_some()),
            Matcher::IContains(n) => v.as_bytes().is_some_and(|b| contains_folded(b, n)),
            Matcher::Glob(g) => v.as_bytes().is_some_and(|b| g.is_match(b)),
            Matcher::Regex(r) => v.as_bytes().is_some_and(|b| r.is_match(b)),
            Matcher::BytesIn(items) => v
                .as_bytes()
                .is_some_and(|b| items.binary_search_by(|i| i.as_slice().cmp(b)).is_ok()),
            Matcher::Paths(p) => v.as_bytes().is_some_and(|b| p.is_match(b)),
            Matcher::Int(op, n) => v.as_int().is_some_and(|x| ordering_holds(*op, x.cmp(n))),
            Matcher::IntIn(ns) => v.as_int().is_some_and(|x| ns.contains(&x)),
            Matcher::Ip(op, want) => match v {
                Value::Ip(ip) if ip.is_ipv4() == want.is_ipv4() => {
                    ordering_holds(*op, ip.cmp(want))
                }
                // Addresses of different families are never equal (0.29.3 compared
                // the first four bytes of an IPv6 value with IPv4 sockets).
                Value::Ip(_) => *op == Op::Ne,
                _ => false,
            },
            Matcher::IpIn(ips) => matches!(v, Value::Ip(ip) if ips.contains(ip)),
            Matcher::Net(inside, nets) => match v {
                Value::Ip(ip) => nets.iter().any(|n| n.contains(ip)) == *inside,
                _ => false,
            },
            Matcher::Double(op, want) => match v {
                Value::Double(d) => d.partial_cmp(want).is_some_and(|o| ordering_holds(*op, o)),
                _ => v.as_int().is_some_and(|x| {
                    (x as f64).partial_cmp(want).is_some_and(|o| ordering_holds(*op, o))
                }),
            },
            Matcher::DoubleIn(ds) => match v {
                Value::Double(d) => ds.contains(d),
                _ => v.as_int().is_some_and(|x| ds.contains(&(x as f64))),
            },
            Matcher::Around { center, radius } => v.as_int().is_some_and(|t| {
                let (c, r) = (i128::from(*center), i128::from(*radius));
                c - r <= t && t <= c + r
            }),
        }
    }
}

/// True when `op` may be used on values of `kind`. `either` marks the filter-only
/// endpoint fields (`fd.ip`, `fd.net`), which compare for equality only.
pub fn op_allowed(kind: Kind, op: Op, either: bool) -> bool {
    use Op::*;
    match (kind, op) {
        (_, Exists) => true,
        (Kind::Str, BContains | BStartsWith) => false,
        (Kind::Str, _) => true,
        (Kind::Buf, Eq | Ne | Contains | IContains | BContains | StartsWith | BStartsWith) => true,
        (Kind::Buf, EndsWith | In | Intersects) => true,
        (Kind::Int { .. } | Kind::Port | Kind::Double, Eq | Ne | Lt | Le | Gt | Ge | In) => true,
        (Kind::Int { .. } | Kind::Port, Intersects) => true,
        (Kind::Bool, Eq | Ne | In | Intersects) => true,
        (Kind::Ip, Eq | Ne | In | Intersects) => true,
        (Kind::Ip, Lt | Le | Gt | Ge) => !either,
        (Kind::Net, Eq | Ne | In | Intersects) => true,
        _ => false,
    }
}

fn invalid(ty: FieldType, lit: &Literal, reason: String) -> FilterError {
    FilterError::new(
        lit.span,
        ErrorKind::InvalidValue {
            type_name: ty.name(),
            value: String::from_utf8_lossy(&lit.bytes).into_owned(),
            reason,
        },
    )
}

fn decode_hex(lit: &Literal) -> Result<Vec<u8>, FilterError> {
    let s = &lit.bytes;
    let nibble = |b: u8| (b as char).to_digit(16);
    if !s.len().is_multiple_of(2) {
        return Err(invalid(
            FieldType::ByteBuf,
            lit,
            "bcontains and bstartswith take an even number of hex digits".into(),
        ));
    }
    s.chunks(2)
        .map(|p| match (nibble(p[0]), nibble(p[1])) {
            (Some(h), Some(l)) => Ok((h * 16 + l) as u8),
            _ => Err(invalid(
                FieldType::ByteBuf,
                lit,
                "bcontains and bstartswith operators support hex strings only".into(),
            )),
        })
        .collect()
}

/// Compiles `op` with `items` (one literal, or a list) for values of type `ty`.
/// `ty` must already have passed [`op_allowed`].
pub fn build(ty: FieldType, op: Op, items: &[Literal]) -> Result<Matcher, FilterError> {
    let one =
        || items.first().cloned().unwrap_or(Literal { bytes: Vec::new(), span: Span::default() });
    let kind = ty.kind();
    Ok(match kind {
        Kind::Str | Kind::Buf => match op {
            Op::Exists => Matcher::Exists,
            Op::Contains => {
                Matcher::Contains(Box::new(memmem::Finder::new(&one().bytes).into_owned()))
            }
            Op::BContains => {
                Matcher::Contains(Box::new(memmem::Finder::new(&decode_hex(&one())?).into_owned()))
            }
            Op::BStartsWith => Matcher::Bytes(Op::StartsWith, decode_hex(&one())?),
            Op::IContains => Matcher::IContains(one().bytes.to_ascii_lowercase()),
            Op::Glob => Matcher::Glob(Glob::new(&one().bytes, false)),
            Op::IGlob => Matcher::Glob(Glob::new(&one().bytes, true)),
            Op::Regex => {
                let lit = one();
                let pattern = std::str::from_utf8(&lit.bytes)
                    .map_err(|_| invalid(ty, &lit, "a regex must be UTF-8".into()))?;
                let re = regex::bytes::Regex::new(&format!("^(?:{pattern})$"))
                    .map_err(|e| invalid(ty, &lit, format!("bad regex: {e}")))?;
                Matcher::Regex(Box::new(re))
            }
            Op::In | Op::Intersects => {
                let mut v: Vec<Vec<u8>> = items.iter().map(|l| l.bytes.clone()).collect();
                v.sort_unstable();
                v.dedup();
                Matcher::BytesIn(v)
            }
            Op::Pmatch => {
                Matcher::Paths(PathPrefixSet::new(items.iter().map(|l| l.bytes.as_slice())))
            }
            _ => Matcher::Bytes(op, one().bytes),
        },
        Kind::Int { .. } | Kind::Bool | Kind::Port if op != Op::Exists => {
            let parse = |lit: &Literal| -> Result<i128, FilterError> {
                match kind {
                    Kind::Bool => parse_bool(&lit.bytes).map(i128::from),
                    Kind::Port => parse_port(&lit.bytes).map(i128::from),
                    Kind::Int { min, max } => parse_number(&lit.bytes, min, max),
                    _ => Err("not a number".into()),
                }
                .map_err(|r| invalid(ty, lit, r))
            };
            if matches!(op, Op::In | Op::Intersects) {
                Matcher::IntIn(items.iter().map(parse).collect::<Result<_, _>>()?)
            } else {
                Matcher::Int(op, parse(&one())?)
            }
        }
        Kind::Ip if op != Op::Exists => {
            let parse = |lit: &Literal| parse_ip(&lit.bytes).map_err(|r| invalid(ty, lit, r));
            if matches!(op, Op::In | Op::Intersects) {
                Matcher::IpIn(items.iter().map(parse).collect::<Result<_, _>>()?)
            } else {
                Matcher::Ip(op, parse(&one())?)
            }
        }
        Kind::Net if op != Op::Exists => {
            let nets = items
                .iter()
                .map(|lit| parse_net(&lit.bytes).map_err(|r| invalid(ty, lit, r)))
                .collect::<Result<_, _>>()?;
            Matcher::Net(op != Op::Ne, nets)
        }
        Kind::Double if op != Op::Exists => {
            let parse = |lit: &Literal| {
                std::str::from_utf8(&lit.bytes)
                    .ok()
                    .and_then(|s| s.trim().parse::<f64>().ok())
                    .ok_or_else(|| invalid(ty, lit, "not a number".into()))
            };
            if op == Op::In || op == Op::Intersects {
                Matcher::DoubleIn(items.iter().map(parse).collect::<Result<_, _>>()?)
            } else {
                Matcher::Double(op, parse(&one())?)
            }
        }
        _ => Matcher::Exists,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Literal {
        Literal { bytes: s.as_bytes().to_vec(), span: Span::new(0, s.len()) }
    }

    fn m(ty: FieldType, op: Op, vals: &[&str]) -> Matcher {
        let items: Vec<Literal> = vals.iter().map(|s| lit(s)).collect();
        build(ty, op, &items).unwrap()
    }

    #[test]
    fn string_operators() {
        let s = |x: &'static str| Value::Str(x.as_bytes());
        assert!(m(FieldType::CharBuf, Op::Eq, &["curl"]).test(&s("curl")));
        assert!(!m(FieldType::CharBuf, Op::Eq, &["CURL"]).test(&s("curl")));
        assert!(m(FieldType::CharBuf, Op::Ne, &["curl"]).test(&s("bash")));
        assert!(m(FieldType::CharBuf, Op::Gt, &["n"]).test(&s("nginx")));
        assert!(!m(FieldType::CharBuf, Op::Gt, &["n"]).test(&s("curl")));
        assert!(m(FieldType::CharBuf, Op::Contains, &[""]).test(&s("x")));
        assert!(m(FieldType::CharBuf, Op::IContains, &["UR"]).test(&s("curl")));
        assert!(m(FieldType::CharBuf, Op::StartsWith, &["hyper"]).test(&s("hyperkube")));
        assert!(m(FieldType::CharBuf, Op::EndsWith, &[".so"]).test(&s("/lib/libc.so")));
        assert!(m(FieldType::CharBuf, Op::Glob, &["kube*"]).test(&s("kube-proxy")));
        assert!(m(FieldType::CharBuf, Op::IGlob, &["KUBE*"]).test(&s("kube-proxy")));
        assert!(m(FieldType::CharBuf, Op::In, &["nginx", "curl"]).test(&s("curl")));
        assert!(!m(FieldType::CharBuf, Op::In, &["nginx", "curl"]).test(&s("cur")));
        assert!(m(FieldType::CharBuf, Op::Pmatch, &["/etc"]).test(&s("/etc/hosts")));
        let re = m(FieldType::CharBuf, Op::Regex, &["c.*l"]);
        assert!(re.test(&s("curl")));
        assert!(!re.test(&s("curly")), "regex is anchored at both ends");
    }

    #[test]
    fn buffer_operators() {
        let b = Value::Bytes(b"HTTP/1.1 200 OK");
        assert!(m(FieldType::ByteBuf, Op::Contains, &["200"]).test(&b));
        assert!(m(FieldType::ByteBuf, Op::BContains, &["323030"]).test(&b));
        assert!(m(FieldType::ByteBuf, Op::BStartsWith, &["48545450"]).test(&b));
        assert!(m(FieldType::ByteBuf, Op::IContains, &["http/"]).test(&b));
        assert!(build(FieldType::ByteBuf, Op::BContains, &[lit("zz")]).is_err());
        assert!(build(FieldType::ByteBuf, Op::BContains, &[lit("123")]).is_err());
    }

    #[test]
    fn numbers_booleans_ports() {
        assert!(m(FieldType::Uint64, Op::Ge, &["10030"]).test(&Value::U64(10030)));
        assert!(!m(FieldType::Uint64, Op::Lt, &["10030"]).test(&Value::U64(10030)));
        assert!(m(FieldType::Int64, Op::Lt, &["0"]).test(&Value::I64(-2)));
        assert!(m(FieldType::Int64, Op::In, &["1", "-11"]).test(&Value::I64(-11)));
        assert!(m(FieldType::Bool, Op::Eq, &["true"]).test(&Value::Bool(true)));
        assert!(m(FieldType::Bool, Op::Ne, &["true"]).test(&Value::Bool(false)));
        assert!(m(FieldType::Port, Op::Eq, &["domain"]).test(&Value::U64(53)));
        for (ty, bad) in [
            (FieldType::Uint64, "abc"),
            (FieldType::Int16, "65537"),
            (FieldType::Uint32, "-1"),
            (FieldType::Bool, "yes"),
            (FieldType::Port, "foo"),
        ] {
            assert!(build(ty, Op::Eq, &[lit(bad)]).is_err(), "{bad}");
        }
    }

    #[test]
    fn addresses_and_networks() {
        let v4 = |a, b, c, d| Value::Ip(IpAddr::V4(std::net::Ipv4Addr::new(a, b, c, d)));
        assert!(m(FieldType::IpAddr, Op::Eq, &["8.8.8.8"]).test(&v4(8, 8, 8, 8)));
        assert!(!m(FieldType::IpAddr, Op::Eq, &["::1"]).test(&v4(0, 0, 0, 0)));
        assert!(m(FieldType::IpAddr, Op::Ne, &["::1"]).test(&v4(0, 0, 0, 0)));
        // Ordered by address value, not by raw little-endian bytes.
        assert!(m(FieldType::IpAddr, Op::Lt, &["10.0.0.2"]).test(&v4(9, 0, 0, 3)));
        let net = m(FieldType::IpNet, Op::Eq, &["172.16.0.0/12"]);
        assert!(net.test(&v4(172, 17, 0, 7)));
        assert!(!net.test(&v4(10, 0, 2, 15)));
        assert!(m(FieldType::IpNet, Op::Ne, &["127.0.0.0/8"]).test(&v4(10, 0, 2, 15)));
        assert!(build(FieldType::IpNet, Op::Eq, &[lit("10.0.0.0")]).is_err());
        assert!(build(FieldType::IpAddr, Op::Eq, &[lit("1.2.3")]).is_err());
    }

    #[test]
    fn allowed_operators_by_kind() {
        assert!(op_allowed(Kind::Str, Op::Glob, false));
        assert!(!op_allowed(Kind::Str, Op::BContains, false));
        assert!(op_allowed(Kind::Buf, Op::IContains, false));
        assert!(!op_allowed(Kind::Buf, Op::Glob, false));
        assert!(!op_allowed(Kind::Buf, Op::Lt, false));
        assert!(!op_allowed(FieldType::Uint64.kind(), Op::Contains, false));
        assert!(!op_allowed(Kind::Bool, Op::Lt, false));
        assert!(!op_allowed(Kind::Ip, Op::Gt, true));
        assert!(op_allowed(Kind::Ip, Op::Gt, false));
        assert!(!op_allowed(Kind::Int { min: 0, max: 1 }, Op::Pmatch, false));
    }
}
