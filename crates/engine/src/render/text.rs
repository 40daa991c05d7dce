//! Appending short texts and decimal numbers to output lines with fixed-size
//! copies: every line is made of many pieces of a few bytes, where a call to
//! `memcpy` with a variable length costs more than the copy itself.

/// Two decimal digits for each value below 100.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// Appends `s`. Texts of up to 16 bytes (names, types, numbers) are copied as
/// two overlapping fixed-size words into a fixed-size tail that is then cut.
#[inline]
pub fn push_short(out: &mut Vec<u8>, s: &[u8]) {
    let n = s.len();
    if n > 16 {
        out.extend_from_slice(s);
        return;
    }
    let at = out.len();
    out.extend_from_slice(&[0u8; 16]);
    let dst = &mut out[at..at + 16];
    if n >= 8 {
        dst[..8].copy_from_slice(&s[..8]);
        dst[n - 8..n].copy_from_slice(&s[n - 8..]);
    } else if n >= 4 {
        dst[..4].copy_from_slice(&s[..4]);
        dst[n - 4..n].copy_from_slice(&s[n - 4..]);
    } else {
        for (d, &c) in dst.iter_mut().zip(s) {
            *d = c;
        }
    }
    out.truncate(at + n);
}

/// Appends `v` in decimal.
#[inline(always)]
pub fn push_u64(out: &mut Vec<u8>, v: u64) {
    // Single digits (cpus, small results and fds) without a call.
    if v < 10 {
        out.push(b'0' + v as u8);
    } else {
        push_u64_long(out, v);
    }
}

/// [`push_u64`] for `v` of two digits or more.
fn push_u64_long(out: &mut Vec<u8>, v: u64) {
    if v < 100 {
        let pair = v as usize * 2;
        out.extend_from_slice(&PAIRS[pair..pair + 2]);
        return;
    }
    let (digits, n) = decimal(v);
    let at = out.len();
    out.extend_from_slice(&digits);
    out.truncate(at + n);
}

/// The decimal digits of `v` at the start of a fixed-size array, and their count.
#[inline]
fn decimal(v: u64) -> ([u8; 20], usize) {
    // The digits end at 20; the 20 bytes from the first digit on are copied
    // (a fixed size).
    let mut buf = [0u8; 40];
    let mut start = 20;
    let mut v = v;
    while v >= 100 {
        let pair = (v % 100) as usize * 2;
        v /= 100;
        start -= 2;
        buf[start..start + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if v >= 10 {
        let pair = v as usize * 2;
        start -= 2;
        buf[start..start + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        start -= 1;
        buf[start] = b'0' + v as u8;
    }
    let mut window = [0u8; 20];
    window.copy_from_slice(&buf[start..start + 20]);
    (window, 20 - start)
}

/// The decimal text of the number written last, for numbers that repeat or
/// count up from one line to the next (`evt.num`, `thread.tid`).
#[derive(Clone, Copy, Debug)]
pub struct CountingDecimal {
    value: u64,
    digits: [u8; 20],
    len: usize,
}

impl Default for CountingDecimal {
    fn default() -> Self {
        CountingDecimal { value: 0, digits: [b'0'; 20], len: 1 }
    }
}

impl CountingDecimal {
    /// Appends `v` in decimal.
    #[inline]
    pub fn push(&mut self, out: &mut Vec<u8>, v: u64) {
        if v != self.value && !(Some(v) == self.value.checked_add(1) && self.count_up()) {
            (self.digits, self.len) = decimal(v);
        }
        self.value = v;
        let at = out.len();
        out.extend_from_slice(&self.digits);
        out.truncate(at + self.len);
    }

    /// Adds one to the digits; false (leaving them changed) when that needs
    /// one more digit.
    #[inline]
    fn count_up(&mut self) -> bool {
        for d in self.digits[..self.len.min(20)].iter_mut().rev() {
            if *d != b'9' {
                *d += 1;
                return true;
            }
            *d = b'0';
        }
        false
    }
}

/// Appends `v` in decimal, with a `-` when negative.
#[inline]
pub fn push_i64(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    push_u64(out, v.unsigned_abs());
}

/// `n` (below 10⁹) as nine zero-padded decimal digits: the nanoseconds of a time.
#[inline]
pub fn nine_digits(n: u32) -> [u8; 9] {
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

/// Integers [`push_dec`] writes.
pub trait Decimal: Copy {
    /// Appends the value in decimal.
    fn push_to(self, out: &mut Vec<u8>);
}

macro_rules! decimal {
    ($via:ident as $wide:ty: $($t:ty),*) => {$(
        impl Decimal for $t {
            #[inline]
            fn push_to(self, out: &mut Vec<u8>) {
                $via(out, self as $wide);
            }
        }
    )*};
}

decimal!(push_u64 as u64: u8, u16, u32, u64, usize);
decimal!(push_i64 as i64: i8, i16, i32, i64, isize);

/// Appends `v` in decimal.
#[inline]
pub fn push_dec<T: Decimal>(out: &mut Vec<u8>, v: T) {
    v.push_to(out);
}

/// True when every byte of `s` is printable ASCII (0x20 to 0x7e). Written
/// without an early exit so that it runs 16 bytes at a time.
#[inline]
pub fn all_printable(s: &[u8]) -> bool {
    s.iter().fold(0u8, |bad, &c| bad | u8::from(c.wrapping_sub(0x20) >= 0x5f)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_match_std() {
        let mut values: Vec<u64> = vec![0, 9, 10, 99, 100, 12345, u64::MAX, u64::MAX - 1];
        for p in 0..20 {
            let t = 10u64.pow(p);
            values.extend([t, t - 1, t + 1, t.wrapping_mul(7) / 3]);
        }
        for v in values {
            let mut out = b"x".to_vec();
            push_u64(&mut out, v);
            assert_eq!(out, format!("x{v}").as_bytes());
            let s = v as i64;
            let mut out = Vec::new();
            push_i64(&mut out, s);
            assert_eq!(out, s.to_string().as_bytes());
        }
        let mut out = Vec::new();
        push_dec(&mut out, i64::MIN);
        push_dec(&mut out, -7i32);
        push_dec(&mut out, 255u8);
        assert_eq!(out, format!("{}-7255", i64::MIN).as_bytes());
    }

    #[test]
    fn counting_decimals() {
        let mut c = CountingDecimal::default();
        let mut values: Vec<u64> = (0..1200).collect();
        values.extend([99, 100, 100, 7, 9_999, 10_000, 10_001, u64::MAX - 1, u64::MAX, 0, 1]);
        for v in values {
            let mut out = b"x".to_vec();
            c.push(&mut out, v);
            assert_eq!(out, format!("x{v}").as_bytes());
        }
    }

    #[test]
    fn short_copies_of_every_length() {
        let text: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        for n in 0..=text.len() {
            let mut out = b"pre".to_vec();
            push_short(&mut out, &text[..n]);
            assert_eq!(&out[..3], b"pre");
            assert_eq!(&out[3..], &text[..n]);
        }
    }

    #[test]
    fn nine_digits_pad_every_value() {
        for n in (0..1_000_000_000u32).step_by(999_983).chain([0, 9, 10, 99, 100, 999_999_999]) {
            assert_eq!(std::str::from_utf8(&nine_digits(n)).unwrap(), format!("{n:09}"));
        }
    }

    #[test]
    fn printable_bytes() {
        for b in 0..=255u8 {
            let mut s = vec![b'a'; 37];
            s[20] = b;
            assert_eq!(all_printable(&s), (0x20..0x7f).contains(&b), "{b:#x}");
        }
        assert!(all_printable(b""));
    }
}
