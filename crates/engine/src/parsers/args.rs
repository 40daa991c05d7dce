//! Parameter access for the event handlers, which run for every event.
//!
//! `scap::Event::param` locates a value by summing the lengths before it; the
//! same walk is done here with everything inlined, and handlers that read
//! several parameters take them all in one pass ([`first_params`]). The layout
//! (header, then one length per parameter, then the values) is the one
//! `scap::Event` has validated when the view was made, so the slices below are
//! in bounds; `get` keeps them panic-free regardless.

use scap::Event;

/// Where the lengths start and how wide they are.
#[inline(always)]
fn layout(ev: &Event<'_>) -> (usize, usize) {
    let header = if ev.is_v2() { 26 } else { 22 };
    let width = if ev.has_large_lengths() { 4 } else { 2 };
    (header, width)
}

#[inline(always)]
fn len_at(raw: &[u8], off: usize, width: usize) -> usize {
    match raw.get(off..off + width) {
        Some(&[a, b]) => u16::from_le_bytes([a, b]) as usize,
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]) as usize,
        _ => 0,
    }
}

/// The bytes of parameter `i`, `None` when the event has fewer parameters.
#[inline]
pub(crate) fn param<'a>(ev: &Event<'a>, i: usize) -> Option<&'a [u8]> {
    let n = ev.nparams() as usize;
    if i >= n {
        return None;
    }
    let raw = ev.raw();
    let (header, width) = layout(ev);
    let mut off = header + n * width;
    for j in 0..i {
        off += len_at(raw, header + j * width, width);
    }
    raw.get(off..off + len_at(raw, header + i * width, width))
}

/// The first `N` parameters in one pass (missing ones are `None`).
#[inline]
pub(crate) fn first_params<'a, const N: usize>(ev: &Event<'a>) -> [Option<&'a [u8]>; N] {
    let mut out = [None; N];
    let n = (ev.nparams() as usize).min(N);
    let raw = ev.raw();
    let (header, width) = layout(ev);
    let mut off = header + ev.nparams() as usize * width;
    for (i, slot) in out.iter_mut().enumerate().take(n) {
        let len = len_at(raw, header + i * width, width);
        *slot = raw.get(off..off + len);
        off += len;
    }
    out
}

/// A value of 1, 2, 4 or 8 bytes as a zero-extended integer.
#[inline]
pub(crate) fn as_u64(b: &[u8]) -> Option<u64> {
    Some(match *b {
        [a] => a as u64,
        [a, b] => u16::from_le_bytes([a, b]) as u64,
        [a, b, c, d] => u32::from_le_bytes([a, b, c, d]) as u64,
        [a, b, c, d, e, f, g, h] => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => return None,
    })
}

/// A value of 1, 2, 4 or 8 bytes as a sign-extended integer.
#[inline]
pub(crate) fn as_i64(b: &[u8]) -> Option<i64> {
    Some(match *b {
        [a] => a as i8 as i64,
        [a, b] => i16::from_le_bytes([a, b]) as i64,
        [a, b, c, d] => i32::from_le_bytes([a, b, c, d]) as i64,
        [a, b, c, d, e, f, g, h] => i64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => return None,
    })
}

/// Parameter `i` as an i64 of any stored width.
#[inline]
pub(crate) fn p_i64(ev: &Event<'_>, i: usize) -> Option<i64> {
    as_i64(param(ev, i)?)
}

/// Parameter `i` as an unsigned value of any stored width.
#[inline]
pub(crate) fn p_u64(ev: &Event<'_>, i: usize) -> Option<u64> {
    as_u64(param(ev, i)?)
}

#[cfg(test)]
mod tests {
    use scap::OwnedEvent;
    use scap::table::ids;

    use super::*;

    #[test]
    fn same_values_as_scap() {
        let ev = OwnedEvent::build(
            1,
            2,
            ids::SYSCALL_OPEN_X,
            &[&(-2i64).to_le_bytes(), b"/x\0", &7u32.to_le_bytes(), &[], &[9]],
        );
        let v = ev.as_event();
        for i in 0..6 {
            assert_eq!(param(&v, i), v.param(i), "param {i}");
            assert_eq!(p_i64(&v, i), v.param_i64(i), "i64 {i}");
            assert_eq!(p_u64(&v, i), v.param_u64(i), "u64 {i}");
        }
        let all: [Option<&[u8]>; 7] = first_params(&v);
        let want: Vec<Option<&[u8]>> = (0..7).map(|i| v.param(i)).collect();
        assert_eq!(all.to_vec(), want);
        // Large lengths.
        let big = OwnedEvent::build(1, 2, ids::CONTAINER_JSON_2_E, &[b"{}\0"]);
        assert_eq!(param(&big.as_event(), 0), Some(&b"{}\0"[..]));
    }

    #[test]
    fn v1_events() {
        // read enter with a v1 header: no nparams field, 2-byte lengths.
        let mut b = Vec::new();
        b.extend_from_slice(&5u64.to_le_bytes());
        b.extend_from_slice(&9u64.to_le_bytes());
        b.extend_from_slice(&(22u32 + 4 + 12).to_le_bytes());
        b.extend_from_slice(&ids::SYSCALL_READ_E.to_le_bytes());
        b.extend_from_slice(&8u16.to_le_bytes());
        b.extend_from_slice(&4u16.to_le_bytes());
        b.extend_from_slice(&3i64.to_le_bytes());
        b.extend_from_slice(&64u32.to_le_bytes());
        let v = Event::from_v1(&b, 0, 0).unwrap();
        assert_eq!(p_i64(&v, 0), Some(3));
        assert_eq!(p_u64(&v, 1), Some(64));
        assert_eq!(param(&v, 2), None);
    }
}
