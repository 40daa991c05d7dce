//! Text rendering of values, as `-p` prints them.

use std::cell::Cell;
use std::io::Write as _;

use crate::fields::{FieldInfo, Print};
use crate::value::{FieldType, Value};

/// Appends `v` as text. `print` and `ty` choose the number format: hex for `PF_HEX`,
/// nine zero-padded digits for the nanosecond parts, else decimal.
pub fn push_value(out: &mut Vec<u8>, v: &Value<'_>, info: &FieldInfo, ty: FieldType) {
    match *v {
        Value::Str(b) => out.extend_from_slice(b),
        Value::Bytes(b) => {
            out.extend(b.iter().map(|&c| if (0x20..0x7f).contains(&c) { c } else { b'.' }))
        }
        Value::I64(n) => match info.print {
            Print::Hex | Print::Padded10 => push_int(out, i128::from(n), info.print, ty),
            _ => engine::text::push_dec(out, n),
        },
        Value::U64(n) => match info.print {
            Print::Hex => push_int(out, i128::from(n), info.print, ty),
            Print::Padded10 => push_padded(out, n, 9),
            _ => engine::text::push_dec(out, n),
        },
        Value::Bool(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
        Value::Ip(ip) => {
            let _ = write!(out, "{ip}");
        }
        Value::Double(d) => {
            let _ = write!(out, "{d:.1}");
        }
    }
}

fn push_int(out: &mut Vec<u8>, n: i128, print: Print, ty: FieldType) {
    match print {
        Print::Hex => {
            let bits: u32 = match ty {
                FieldType::Int8 | FieldType::Uint8 => 8,
                FieldType::Int16 | FieldType::Uint16 => 16,
                FieldType::Int32 | FieldType::Uint32 => 32,
                _ => 64,
            };
            let mask = if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
            let _ = write!(out, "{:X}", (n as u64) & mask);
        }
        Print::Padded10 => {
            let _ = write!(out, "{n:09}");
        }
        _ => {
            let _ = write!(out, "{n}");
        }
    }
}

pub(crate) use engine::text::nine_digits;

/// Nanoseconds in a second.
const NS: u64 = 1_000_000_000;

/// Writes nanosecond timestamps in decimal, keeping the digits of the last
/// second written: consecutive events mostly fall in the same second.
#[derive(Debug, Default)]
pub(crate) struct TsDigits {
    last: Cell<Option<(u64, [u8; 10])>>,
}

impl TsDigits {
    /// The ten digits of `secs`, for the seconds of the years 2001 to 2286.
    #[inline]
    fn secs(&self, secs: u64) -> Option<[u8; 10]> {
        if let Some((s, digits)) = self.last.get()
            && s == secs
        {
            return Some(digits);
        }
        if !(1_000_000_000..10_000_000_000).contains(&secs) {
            return None;
        }
        let mut digits = [0u8; 10];
        digits[0] = b'0' + (secs / NS) as u8;
        digits[1..].copy_from_slice(&nine_digits((secs % NS) as u32));
        self.last.set(Some((secs, digits)));
        Some(digits)
    }

    /// Appends `ts` in decimal.
    #[inline]
    pub fn push_ns(&self, out: &mut Vec<u8>, ts: u64) {
        match self.secs(ts / NS) {
            Some(head) => {
                let mut text = [0u8; 19];
                text[..10].copy_from_slice(&head);
                text[10..].copy_from_slice(&nine_digits((ts % NS) as u32));
                out.extend_from_slice(&text);
            }
            None => engine::text::push_u64(out, ts),
        }
    }

    /// Appends `ts` as seconds, a dot and nine digits of nanoseconds.
    #[inline]
    pub fn push_secs_ns(&self, out: &mut Vec<u8>, ts: u64) {
        let mut text = [b'.'; 20];
        text[11..].copy_from_slice(&nine_digits((ts % NS) as u32));
        match self.secs(ts / NS) {
            Some(head) => text[..10].copy_from_slice(&head),
            None => {
                engine::text::push_u64(out, ts / NS);
                out.extend_from_slice(&text[10..]);
                return;
            }
        }
        out.extend_from_slice(&text);
    }
}

/// Appends `n` in decimal, zero-padded to at least `width` digits.
pub fn push_padded(out: &mut Vec<u8>, n: u64, width: usize) {
    // Nanoseconds, on every line of most formats.
    if width == 9 && n < 1_000_000_000 {
        out.extend_from_slice(&nine_digits(n as u32));
        return;
    }
    let at = out.len();
    engine::text::push_u64(out, n);
    let digits = out.len() - at;
    if digits < width {
        out.splice(at..at, std::iter::repeat_n(b'0', width - digits));
    }
}

/// Pads with spaces or cuts `out[start..]` to exactly `width` bytes (0: no change).
pub fn fit_width(out: &mut Vec<u8>, start: usize, width: usize) {
    if width == 0 {
        return;
    }
    let len = out.len() - start;
    if len > width {
        out.truncate(start + width);
    } else {
        out.resize(start + width, b' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::FieldId;

    fn text(v: Value<'_>, id: FieldId) -> String {
        let mut out = Vec::new();
        push_value(&mut out, &v, id.info(), id.info().ty);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn values_by_type_and_format() {
        assert_eq!(text(Value::U64(8643), FieldId::EvtNum), "8643");
        assert_eq!(text(Value::I64(-11), FieldId::EvtRawres), "-11");
        assert_eq!(text(Value::I64(0x5583), FieldId::FdDev), "5583");
        assert_eq!(text(Value::I64(-1), FieldId::FdDev), "FFFFFFFF");
        assert_eq!(text(Value::U64(5298), FieldId::EvtReltime), "000005298");
        assert_eq!(text(Value::U64(1_257_770_667), FieldId::EvtReltime), "1257770667");
        assert_eq!(text(Value::Bool(true), FieldId::EvtFailed), "true");
        assert_eq!(text(Value::Double(0.04), FieldId::ProcFdusage), "0.0");
        assert_eq!(text(Value::Ip("172.17.0.7".parse().unwrap()), FieldId::FdCip), "172.17.0.7");
        assert_eq!(text(Value::Bytes(b"GET /\r\n"), FieldId::EvtBuffer), "GET /..");
    }

    #[test]
    fn timestamps_with_cached_seconds() {
        let d = TsDigits::default();
        for ts in [
            1_481_211_698_271_984_729u64,
            1_481_211_698_000_000_001,
            14_812_116_995,
            0,
            999_999_999_999_999_999,
            42_000_000_017,
            u64::MAX,
            1_000_000_000_000_000_000,
            9_999_999_999_999_999_999,
        ] {
            let mut out = Vec::new();
            d.push_ns(&mut out, ts);
            assert_eq!(out, ts.to_string().as_bytes());
            let mut out = Vec::new();
            d.push_secs_ns(&mut out, ts);
            assert_eq!(out, format!("{}.{:09}", ts / NS, ts % NS).as_bytes());
        }
    }

    #[test]
    fn widths_pad_and_cut() {
        let mut out = b"x:curl".to_vec();
        fit_width(&mut out, 2, 12);
        assert_eq!(out, b"x:curl        ");
        let mut out = b"x:curl".to_vec();
        fit_width(&mut out, 2, 3);
        assert_eq!(out, b"x:cur");
    }
}
