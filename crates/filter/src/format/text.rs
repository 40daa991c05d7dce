//! Text rendering of values, as `-p` prints them.

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
            _ => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
        },
        Value::U64(n) => match info.print {
            Print::Hex => push_int(out, i128::from(n), info.print, ty),
            Print::Padded10 => push_padded(out, n, 9),
            _ => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
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
            let mut b = itoa::Buffer::new();
            out.extend_from_slice(b.format(n).as_bytes());
        }
    }
}

/// `n` (below 10⁹) as nine zero-padded decimal digits: the nanoseconds of a time.
pub(crate) fn nine_digits(n: u32) -> [u8; 9] {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut digits = [b'0'; 9];
    let mut v = n % 1_000_000_000;
    for at in [7, 5, 3, 1] {
        let pair = (v % 100) as usize * 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        v /= 100;
    }
    digits[0] = b'0' + v as u8;
    digits
}

/// Appends `n` in decimal, zero-padded to at least `width` digits.
pub fn push_padded(out: &mut Vec<u8>, n: u64, width: usize) {
    // Nanoseconds, on every line of most formats.
    if width == 9 && n < 1_000_000_000 {
        out.extend_from_slice(&nine_digits(n as u32));
        return;
    }
    let mut b = itoa::Buffer::new();
    let digits = b.format(n).as_bytes();
    out.extend(std::iter::repeat_n(b'0', width.saturating_sub(digits.len())));
    out.extend_from_slice(digits);
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
    fn nine_digits_pad_every_value() {
        for n in (0..1_000_000_000u32).step_by(999_983).chain([0, 9, 10, 99, 100, 999_999_999]) {
            assert_eq!(std::str::from_utf8(&nine_digits(n)).unwrap(), format!("{n:09}"));
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
