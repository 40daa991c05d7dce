//! Numbers as C's printf formats them for sinsp: the print formats of
//! `SET_NUMERIC_FORMAT`, and `%lg` for relative times. No libc involved.

use std::io::Write;

use scap::table::PrintFormat;

use super::text::push_dec;

/// Appends an integer parameter the way `SET_NUMERIC_FORMAT` prints it.
///
/// `v` is the value as C promotes it for `%d` (sign-extended for signed types and
/// for `UINT32`/`UINT64`, which sinsp prints with the signed macros); `wide`
/// selects the 64-bit variants, whose `%X`/`%o` see all 64 bits.
pub(crate) fn push_int(out: &mut Vec<u8>, v: i64, wide: bool, pf: PrintFormat) {
    let bits = if wide { v as u64 } else { v as i32 as u32 as u64 };
    match pf {
        PrintFormat::Oct => {
            if bits == 0 {
                out.push(b'0');
            } else {
                let _ = write!(out, "0{bits:o}");
            }
        }
        PrintFormat::Hex => push_upper_hex(out, bits),
        PrintFormat::Padded10Dec => {
            let v = if wide { v } else { v as i32 as i64 };
            let _ = write!(out, "{v:09}");
        }
        _ => {
            if wide {
                push_dec(out, v);
            } else {
                push_dec(out, v as i32);
            }
        }
    }
}

/// Appends `v` in upper-case hex without leading zeros (`%X`).
fn push_upper_hex(out: &mut Vec<u8>, v: u64) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let n = (v.max(1).ilog2() / 4 + 1) as usize;
    let mut digits = [0u8; 16];
    for (i, d) in digits[..n].iter_mut().rev().enumerate() {
        *d = HEX[(v >> (4 * i)) as usize & 0xf];
    }
    let at = out.len();
    out.extend_from_slice(&digits);
    out.truncate(at + n);
}

/// Appends `x` formatted as C's `%lg` (6 significant digits, trailing zeros
/// removed, exponent form below 1e-4 and from 1e6).
pub(crate) fn push_lg(out: &mut Vec<u8>, x: f64) {
    if x == 0.0 {
        out.push(b'0');
        return;
    }
    if !x.is_finite() {
        out.extend_from_slice(if x.is_nan() {
            b"nan"
        } else if x > 0.0 {
            b"inf"
        } else {
            b"-inf"
        });
        return;
    }
    // The exponent after rounding to 6 significant digits.
    let start = out.len();
    let _ = write!(out, "{x:.5e}");
    let epos = out[start..].iter().position(|&c| c == b'e').map_or(out.len(), |p| start + p);
    let exp: i32 =
        std::str::from_utf8(&out[epos + 1..]).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    if (-4..6).contains(&exp) {
        out.truncate(start);
        let prec = (5 - exp) as usize;
        let _ = write!(out, "{x:.prec$}");
        strip_fraction_zeros(out, start);
    } else {
        // Mantissa digits are in out[start..epos]; rewrite the exponent C-style.
        out.truncate(epos);
        strip_fraction_zeros(out, start);
        out.push(b'e');
        out.push(if exp < 0 { b'-' } else { b'+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push(b'0');
        }
        push_dec(out, a);
    }
}

fn strip_fraction_zeros(out: &mut Vec<u8>, start: usize) {
    if !out[start..].contains(&b'.') {
        return;
    }
    while out.last() == Some(&b'0') {
        out.pop();
    }
    if out.last() == Some(&b'.') {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lg(x: f64) -> String {
        let mut o = Vec::new();
        push_lg(&mut o, x);
        String::from_utf8(o).unwrap()
    }

    #[test]
    fn percent_lg() {
        assert_eq!(lg(0.5), "0.5");
        assert_eq!(lg(0.0), "0");
        assert_eq!(lg(10.0), "10");
        assert_eq!(lg(1e-9), "1e-09");
        assert_eq!(lg(0.0001), "0.0001");
        assert_eq!(lg(0.00001234), "1.234e-05");
        assert_eq!(lg(123456.0), "123456");
        assert_eq!(lg(1234567.0), "1.23457e+06");
        assert_eq!(lg(999999.5), "1e+06");
        assert_eq!(lg(2.000001), "2");
        assert_eq!(lg(1e100), "1e+100");
    }

    fn num(v: i64, wide: bool, pf: PrintFormat) -> String {
        let mut o = Vec::new();
        push_int(&mut o, v, wide, pf);
        String::from_utf8(o).unwrap()
    }

    #[test]
    fn printf_formats() {
        assert_eq!(num(-1, false, PrintFormat::Hex), "FFFFFFFF");
        assert_eq!(num(0x219C000, true, PrintFormat::Hex), "219C000");
        assert_eq!(num(0o644, false, PrintFormat::Oct), "0644");
        assert_eq!(num(0, false, PrintFormat::Oct), "0");
        assert_eq!(num(-62, true, PrintFormat::Dec), "-62");
        assert_eq!(num(4294967295, false, PrintFormat::Dec), "-1");
        assert_eq!(num(5, false, PrintFormat::Padded10Dec), "000000005");
        for v in [0u64, 1, 0xf, 0x10, 0x7f3a_bc00_0012, u64::MAX, 1 << 63] {
            assert_eq!(num(v as i64, true, PrintFormat::Hex), format!("{v:X}"));
        }
    }
}
