//! Field types, runtime values, and parsing of literal values by type.
//!
//! Each literal on the right of a check is converted once, when the filter compiles,
//! according to the field's [`FieldType`]; a value that does not fit (a letter in a
//! number, `-1` for an unsigned field, `300` for an 8-bit one, `1.2.3` for an address)
//! is a compile error that names the value, instead of 0.29.3's silent wrapping.

mod glob;
mod parse;
mod path;

pub use glob::Glob;
pub use parse::{IpNet, parse_bool, parse_ip, parse_net, parse_number, parse_port};
pub use path::PathPrefixSet;

use std::net::IpAddr;

/// The type of a field (or of a transformer's result), as the filter sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[expect(missing_docs, reason = "variants are the sysdig type names")]
pub enum FieldType {
    Int8,
    Int16,
    Int32,
    Int64,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    /// Text (C string semantics in sysdig; bytes here).
    CharBuf,
    /// Binary data, compared byte for byte.
    ByteBuf,
    Bool,
    IpAddr,
    /// A network; the extracted value is an address tested for membership.
    IpNet,
    /// A TCP/UDP port; literals may be service names.
    Port,
    /// A duration in nanoseconds.
    RelTime,
    /// Nanoseconds since the epoch.
    AbsTime,
    Double,
    /// `evt.rawarg`: the real type comes from the event table when the argument is known.
    Dynamic,
}

/// How values of a type compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Str,
    /// Bytes.
    Buf,
    /// Integers that fit in `min..=max`.
    Int {
        /// Smallest literal accepted.
        min: i128,
        /// Largest literal accepted.
        max: i128,
    },
    /// Booleans.
    Bool,
    /// IP addresses.
    Ip,
    /// IP networks.
    Net,
    /// Ports (integers 0..=65535, or service names).
    Port,
    /// Floating point.
    Double,
}

impl FieldType {
    /// The name `sysdig -lv` prints.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Int8 => "INT8",
            FieldType::Int16 => "INT16",
            FieldType::Int32 => "INT32",
            FieldType::Int64 => "INT64",
            FieldType::Uint8 => "UINT8",
            FieldType::Uint16 => "UINT16",
            FieldType::Uint32 => "UINT32",
            FieldType::Uint64 => "UINT64",
            FieldType::CharBuf => "CHARBUF",
            FieldType::ByteBuf => "BYTEBUF",
            FieldType::Bool => "BOOL",
            FieldType::IpAddr => "IPADDR",
            FieldType::IpNet => "IPNET",
            FieldType::Port => "PORT",
            FieldType::RelTime => "RELTIME",
            FieldType::AbsTime => "ABSTIME",
            FieldType::Double => "DOUBLE",
            FieldType::Dynamic => "DYNAMIC",
        }
    }

    /// How values of this type compare.
    pub fn kind(self) -> Kind {
        let int = |min: i128, max: i128| Kind::Int { min, max };
        match self {
            FieldType::Int8 => int(i8::MIN.into(), i8::MAX.into()),
            FieldType::Int16 => int(i16::MIN.into(), i16::MAX.into()),
            FieldType::Int32 => int(i32::MIN.into(), i32::MAX.into()),
            FieldType::Int64 => int(i64::MIN.into(), i64::MAX.into()),
            FieldType::Uint8 => int(0, u8::MAX.into()),
            FieldType::Uint16 => int(0, u16::MAX.into()),
            FieldType::Uint32 => int(0, u32::MAX.into()),
            FieldType::Uint64 | FieldType::RelTime | FieldType::AbsTime => int(0, u64::MAX.into()),
            FieldType::CharBuf => Kind::Str,
            FieldType::ByteBuf | FieldType::Dynamic => Kind::Buf,
            FieldType::Bool => Kind::Bool,
            FieldType::IpAddr => Kind::Ip,
            FieldType::IpNet => Kind::Net,
            FieldType::Port => Kind::Port,
            FieldType::Double => Kind::Double,
        }
    }

    /// The filter type of an event parameter type (for `evt.rawarg`). Integers keep
    /// their width; fds, pids and errnos are signed 64-bit; flags, modes, ids and
    /// enums are unsigned of their width; paths are text; composite types (tuples,
    /// socket addresses, fd lists, arrays) compare as raw bytes.
    pub fn of_param(pt: scap::table::ParamType) -> FieldType {
        use scap::table::ParamType as P;
        match pt {
            P::Int8 => FieldType::Int8,
            P::Int16 => FieldType::Int16,
            P::Int32 => FieldType::Int32,
            P::Int64 | P::Errno | P::Fd | P::Pid | P::Fd32 | P::Pid32 => FieldType::Int64,
            P::Uint8 | P::Flags8 | P::EnumFlags8 | P::SigType | P::L4Proto | P::SockFamily => {
                FieldType::Uint8
            }
            P::Uint16 | P::Flags16 | P::EnumFlags16 | P::SyscallId => FieldType::Uint16,
            P::Uint32 | P::Flags32 | P::EnumFlags32 | P::Uid | P::Gid | P::Mode | P::SigSet => {
                FieldType::Uint32
            }
            P::Uint64 => FieldType::Uint64,
            P::RelTime => FieldType::RelTime,
            P::AbsTime => FieldType::AbsTime,
            P::CharBuf | P::FsPath | P::FsRelPath => FieldType::CharBuf,
            P::Bool => FieldType::Bool,
            P::Ipv4Addr | P::Ipv6Addr | P::IpAddr => FieldType::IpAddr,
            P::Ipv4Net | P::Ipv6Net | P::IpNet => FieldType::IpNet,
            P::Port => FieldType::Port,
            P::Double => FieldType::Double,
            P::None
            | P::ByteBuf
            | P::SockAddr
            | P::SockTuple
            | P::FdList
            | P::Dyn
            | P::CharBufArray
            | P::CharBufPairArray => FieldType::ByteBuf,
        }
    }
}

/// One value of a field for the current event. Borrowed from the event, the state
/// engine or a scratch buffer: extraction never allocates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    /// Text.
    Str(&'a [u8]),
    /// Binary data.
    Bytes(&'a [u8]),
    /// Signed integer.
    I64(i64),
    /// Unsigned integer.
    U64(u64),
    /// Boolean.
    Bool(bool),
    /// IP address.
    Ip(IpAddr),
    /// Floating point.
    Double(f64),
}

impl Value<'_> {
    /// The value as an integer, for numeric comparisons (booleans are 0/1).
    pub fn as_int(&self) -> Option<i128> {
        match *self {
            Value::I64(v) => Some(v.into()),
            Value::U64(v) => Some(v.into()),
            Value::Bool(b) => Some(b.into()),
            Value::Double(d) => Some(d as i128),
            _ => None,
        }
    }

    /// The value's bytes, for text and buffer comparisons.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Str(b) | Value::Bytes(b) => Some(b),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_bound_literals_by_width() {
        assert_eq!(FieldType::Int16.kind(), Kind::Int { min: -32768, max: 32767 });
        assert_eq!(FieldType::Uint8.kind(), Kind::Int { min: 0, max: 255 });
        assert_eq!(FieldType::RelTime.kind(), Kind::Int { min: 0, max: u64::MAX as i128 });
        assert_eq!(FieldType::CharBuf.kind(), Kind::Str);
    }

    #[test]
    fn param_types_map_to_filter_types() {
        use scap::table::ParamType as P;
        assert_eq!(FieldType::of_param(P::Errno), FieldType::Int64);
        assert_eq!(FieldType::of_param(P::Uint32), FieldType::Uint32);
        assert_eq!(FieldType::of_param(P::FsPath), FieldType::CharBuf);
        assert_eq!(FieldType::of_param(P::SockTuple), FieldType::ByteBuf);
        assert_eq!(FieldType::of_param(P::Flags32), FieldType::Uint32);
    }

    #[test]
    fn values_convert() {
        assert_eq!(Value::I64(-3).as_int(), Some(-3));
        assert_eq!(Value::Bool(true).as_int(), Some(1));
        assert_eq!(Value::Str(b"x").as_bytes(), Some(&b"x"[..]));
        assert_eq!(Value::U64(1).as_bytes(), None);
    }
}
