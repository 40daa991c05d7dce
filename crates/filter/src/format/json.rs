//! JSON string escaping compatible with the jsoncpp 1.9.5 writer sysdig uses.
//!
//! `"` and `\` are escaped, `\b \f \n \r \t` use their short forms, other control
//! characters become `\u00XX`, `/` is kept, and every byte sequence at or above 0x80
//! is decoded the lenient jsoncpp way (the lead byte decides the length, continuation
//! bytes are not checked) and written as `\uXXXX` (a surrogate pair above the BMP).
//! Truncated or overlong sequences become `\ufffd`.

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_u16_escape(out: &mut Vec<u8>, cp: u32) {
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((cp >> shift) & 0xf) as usize]);
    }
}

/// Decodes one code point at `s[i]` (a byte ≥ 0x80); returns it and the bytes used.
fn decode(s: &[u8], i: usize) -> (u32, usize) {
    const REPLACEMENT: u32 = 0xFFFD;
    let first = u32::from(s[i]);
    let avail = s.len() - i;
    let cont = |k: usize| u32::from(s[i + k]) & 0x3F;
    if first < 0xE0 {
        if avail < 2 {
            return (REPLACEMENT, 1);
        }
        let cp = ((first & 0x1F) << 6) | cont(1);
        (if cp < 0x80 { REPLACEMENT } else { cp }, 2)
    } else if first < 0xF0 {
        if avail < 3 {
            return (REPLACEMENT, 1);
        }
        let cp = ((first & 0x0F) << 12) | (cont(1) << 6) | cont(2);
        let bad = (0xD800..=0xDFFF).contains(&cp) || cp < 0x800;
        (if bad { REPLACEMENT } else { cp }, 3)
    } else if first < 0xF8 {
        if avail < 4 {
            return (REPLACEMENT, 1);
        }
        let cp = ((first & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
        (if cp < 0x10000 { REPLACEMENT } else { cp }, 4)
    } else {
        (REPLACEMENT, 1)
    }
}

/// The high bit of each byte of `w` that needs escaping (≥ 0x80, < 0x20, `"` or
/// `\`). Borrows can also mark bytes after a marked one, never before it, so the
/// lowest mark is exact.
#[inline]
fn special_bytes(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    (w & HIGH)
        | below_space
        | has_zero(w ^ (ONES * u64::from(b'"')))
        | has_zero(w ^ (ONES * u64::from(b'\\')))
}

/// True for a byte that cannot be copied as it is.
#[inline]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || b >= 0x80
}

/// Length of the run of bytes at the start of `s` that need no escaping, 16
/// bytes at a time, then 8, then the last word (which overlaps the one before:
/// its bytes there are plain).
#[inline]
fn plain_run(s: &[u8]) -> usize {
    let n = s.len();
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&s[at..at + 8]);
        special_bytes(u64::from_le_bytes(w))
    };
    let first_mark = |at: usize, marks: u64| at + (marks.trailing_zeros() / 8) as usize;
    if n < 8 {
        return s.iter().position(|&b| needs_escape(b)).unwrap_or(n);
    }
    let mut i = 0;
    while i + 16 <= n {
        let (a, b) = (word(i), word(i + 8));
        if a | b != 0 {
            return if a != 0 { first_mark(i, a) } else { first_mark(i + 8, b) };
        }
        i += 16;
    }
    if i + 8 <= n {
        let a = word(i);
        if a != 0 {
            return first_mark(i, a);
        }
        i += 8;
    }
    if i == n {
        return n;
    }
    match word(n - 8) {
        0 => n,
        marks => first_mark(n - 8, marks),
    }
}

/// True if some byte of `s` cannot be copied into a JSON string as it is.
pub fn needs_escaping(s: &[u8]) -> bool {
    plain_run(s) < s.len()
}

/// Appends `s` as a quoted JSON string.
pub fn push_string(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    push_escaped(out, s);
    out.push(b'"');
}

/// Escapes, in place, the text written to `out` from `start` on.
#[inline]
pub fn escape_tail(out: &mut Vec<u8>, start: usize) {
    let run = plain_run(&out[start..]);
    if start + run < out.len() {
        escape_from(out, start + run);
    }
}

/// Escapes `out` from `at`, its first byte that needs it (rare: rendered text
/// shows most such bytes as `.`), through a scratch copy of that tail.
#[cold]
fn escape_from(out: &mut Vec<u8>, at: usize) {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SCRATCH.with_borrow_mut(|scratch| {
        scratch.clear();
        scratch.extend_from_slice(&out[at..]);
        out.truncate(at);
        push_escaped(out, scratch);
    });
}

/// Appends `s` JSON-escaped, without quotes.
fn push_escaped(out: &mut Vec<u8>, s: &[u8]) {
    let mut i = 0;
    while i < s.len() {
        // Copy the run of plain bytes in one go.
        let run = plain_run(&s[i..]);
        if run <= 16 && i + 16 <= s.len() {
            // Short runs between quotes: a fixed-size copy, then a cut.
            let at = out.len();
            out.extend_from_slice(&s[i..i + 16]);
            out.truncate(at + run);
        } else {
            out.extend_from_slice(&s[i..i + run]);
        }
        i += run;
        let Some(&b) = s.get(i) else { break };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0..0x20 => push_u16_escape(out, u32::from(b)),
            0x20..0x80 => out.push(b),
            _ => {
                let (cp, used) = decode(s, i);
                if cp < 0x10000 {
                    push_u16_escape(out, cp);
                } else {
                    let c = cp - 0x10000;
                    push_u16_escape(out, (c >> 10) + 0xD800);
                    push_u16_escape(out, (c & 0x3FF) + 0xDC00);
                }
                i += used;
                continue;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_need_no_escaping() {
        // `-j` writes `evt.type` and `evt.dir` without escaping them.
        let events = (0..scap::table::EVENT_COUNT as u16).filter_map(scap::table::event_info);
        let names = events
            .map(|i| i.name)
            .chain(scap::table::SYSCALL_NAMES.iter().copied())
            .chain(["<unknown>", "<", ">"]);
        let mut n = 0;
        for name in names {
            assert!(!needs_escaping(name.as_bytes()), "{name:?}");
            n += 1;
        }
        assert!(n > 600, "{n} names");
        assert!(needs_escaping(b"a\"b"));
    }

    #[test]
    fn escaping_in_place_matches_push_string() {
        for text in [&b"fd=3(<f>/etc/hosts) size=80 "[..], b"a\"b\\c\n\x01\xc3\xa9 end", b"", b"\""]
        {
            let mut expected = Vec::new();
            push_string(&mut expected, text);
            let mut out = b"{\"k\":\"".to_vec();
            let start = out.len();
            out.extend_from_slice(text);
            escape_tail(&mut out, start);
            out.push(b'"');
            assert_eq!(&out[start - 1..], &expected[..], "{}", String::from_utf8_lossy(text));
        }
    }

    fn q(s: &[u8]) -> String {
        let mut out = Vec::new();
        push_string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_like_jsoncpp() {
        assert_eq!(q(b"curl"), "\"curl\"");
        assert_eq!(q(b"a\"b\\c/d"), r#""a\"b\\c/d""#);
        assert_eq!(q(b"\r\n\t\x08\x0c"), r#""\r\n\t\b\f""#);
        assert_eq!(q(b"\x01\x1f\x7f"), "\"\\u0001\\u001f\x7f\"");
        assert_eq!(q("é€".as_bytes()), r#""\u00e9\u20ac""#);
        assert_eq!(q("😀".as_bytes()), r#""\ud83d\ude00""#);
        // Lenient decoding: the lead byte decides, continuation bytes are not checked.
        assert_eq!(q(b"u\xd0\x85\xff"), r#""u\u0405\ufffd""#);
        assert_eq!(q(b"\xc3"), r#""\ufffd""#);
        assert_eq!(q(b"\xc0\x80"), r#""\ufffd""#, "overlong");
    }

    #[test]
    fn quote_dense_text() {
        // Runs of every length up to 40 between quotes and backslashes, so
        // that short and long runs meet the end of the text.
        let mut s = Vec::new();
        for n in 0..40 {
            s.extend(std::iter::repeat_n(b'x', n));
            s.push(if n % 2 == 0 { b'"' } else { b'\\' });
        }
        for end in 0..=s.len() {
            let mut want = b"\"".to_vec();
            for &c in &s[..end] {
                if c == b'"' || c == b'\\' {
                    want.push(b'\\');
                }
                want.push(c);
            }
            want.push(b'"');
            assert_eq!(q(&s[..end]).as_bytes(), &want[..], "{end}");
        }
    }

    #[test]
    fn plain_runs_stop_at_every_special_byte() {
        for special in [0u8, 0x1f, b'"', b'\\', 0x80, 0xff] {
            for at in 0..20 {
                let mut s = vec![b'a'; 24];
                s[at] = special;
                assert_eq!(plain_run(&s), at, "byte {special:#x} at {at}");
            }
        }
        assert_eq!(plain_run(b"plain text, no escapes at all"), 29);
        // Every byte value at every position of every short length, after any
        // plain prefix: the run ends exactly at the first byte needing escape.
        for len in 1..=18 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut s = vec![b'x'; len];
                    s[at] = b;
                    let want = if needs_escape(b) { at } else { len };
                    assert_eq!(plain_run(&s), want, "byte {b:#x} at {at} of {len}");
                }
            }
        }
        assert_eq!(plain_run(b" ~!#/"), 5);
    }
}
