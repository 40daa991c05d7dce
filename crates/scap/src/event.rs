//! Zero-copy event views.
//!
//! An [`Event`] borrows the bytes of one event (header, parameter lengths and
//! values) from the buffer it was read into; nothing is decoded up front. Parameter
//! values are located on demand by summing the lengths before them, which is cheaper
//! than building an offset table for the few parameters a filter or a line of output
//! touches. The same view serves events read from files, from the live probe and
//! from synthetic sources, in both header versions.

use crate::table::{self, EventInfo};

/// Size of the v1 event header (no `nparams`).
pub const HEADER_V1_LEN: usize = 22;
/// Size of the v2 event header.
pub const HEADER_V2_LEN: usize = 26;

/// Dump flags carried by EVF blocks (`scap_dump_flags`).
pub mod dump_flags {
    /// The event updates state but is not shown (`SCAP_DF_STATE_ONLY`).
    pub const STATE_ONLY: u32 = 1;
    /// Deprecated tracer flag (`SCAP_DF_TRACER`).
    pub const TRACER: u32 = 2;
}

/// A borrowed view of one event.
#[derive(Clone, Copy, Debug)]
pub struct Event<'a> {
    raw: &'a [u8],
    nparams: u32,
    v2: bool,
    large: bool,
    cpuid: u16,
    dump_flags: u32,
}

/// Why bytes are not a valid event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventError {
    /// Fewer bytes than a header.
    ShortHeader(usize),
    /// The header's `len` does not fit the bytes available.
    BadLength {
        /// `len` from the header.
        len: u32,
        /// Bytes available.
        available: usize,
    },
    /// The parameter lengths do not add up to `len`.
    ParamsMismatch {
        /// `nparams` used.
        nparams: u32,
        /// Where the values end according to the lengths.
        values_end: usize,
        /// `len` from the header.
        len: u32,
    },
    /// A v1 event whose parameter count cannot be inferred.
    CannotInferParams,
}

impl std::fmt::Display for EventError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EventError::ShortHeader(n) => {
                write!(f, "event header needs {HEADER_V1_LEN}+ bytes, got {n}")
            }
            EventError::BadLength { len, available } => {
                write!(f, "event length {len} does not fit the {available} bytes of its block")
            }
            EventError::ParamsMismatch { nparams, values_end, len } => write!(
                f,
                "the {nparams} parameter lengths end at byte {values_end}, but the event length is {len}"
            ),
            EventError::CannotInferParams => {
                write!(f, "cannot infer the parameter count of a v1 event (corrupted event)")
            }
        }
    }
}

impl std::error::Error for EventError {}

#[inline]
fn u16_at(b: &[u8], off: usize) -> u16 {
    u16::from_le_bytes([b[off], b[off + 1]])
}

#[inline]
fn u32_at(b: &[u8], off: usize) -> u32 {
    u32::from_le_bytes([b[off], b[off + 1], b[off + 2], b[off + 3]])
}

#[inline]
fn u64_at(b: &[u8], off: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[off..off + 8]);
    u64::from_le_bytes(a)
}

/// True if events of type `etype` use 4-byte parameter lengths.
#[inline]
pub fn uses_large_lengths(etype: u16) -> bool {
    table::event_info(etype).is_some_and(EventInfo::large_payload)
}

impl<'a> Event<'a> {
    /// Views `bytes` as a v2 event (26-byte header with `nparams`). `bytes` may be
    /// longer than the event (block padding); the view is cut to `len`.
    pub fn from_v2(bytes: &'a [u8], cpuid: u16, dump_flags: u32) -> Result<Self, EventError> {
        if bytes.len() < HEADER_V2_LEN {
            return Err(EventError::ShortHeader(bytes.len()));
        }
        let len = u32_at(bytes, 16);
        if (len as usize) < HEADER_V2_LEN || len as usize > bytes.len() {
            return Err(EventError::BadLength { len, available: bytes.len() });
        }
        let raw = &bytes[..len as usize];
        let etype = u16_at(raw, 20);
        let nparams = u32_at(raw, 22);
        let large = uses_large_lengths(etype);
        let width = if large { 4 } else { 2 };
        let lens_end = (nparams as usize)
            .checked_mul(width)
            .and_then(|n| n.checked_add(HEADER_V2_LEN))
            .filter(|&e| e <= raw.len())
            .ok_or(EventError::ParamsMismatch { nparams, values_end: usize::MAX, len })?;
        let mut end = lens_end;
        for i in 0..nparams as usize {
            let off = HEADER_V2_LEN + i * width;
            end += if large { u32_at(raw, off) as usize } else { u16_at(raw, off) as usize };
        }
        if end != raw.len() {
            return Err(EventError::ParamsMismatch { nparams, values_end: end, len });
        }
        Ok(Event { raw, nparams, v2: true, large, cpuid, dump_flags })
    }

    /// Views `bytes` as a v1 event (22-byte header) and infers its parameter count
    /// from the e5c53d64 event table exactly as libscap does (scap-format.md §9.3).
    pub fn from_v1(bytes: &'a [u8], cpuid: u16, dump_flags: u32) -> Result<Self, EventError> {
        if bytes.len() < HEADER_V1_LEN {
            return Err(EventError::ShortHeader(bytes.len()));
        }
        let mut len = u32_at(bytes, 16);
        let etype = u16_at(bytes, 20);
        // Old drivers stored a length 3 bytes too long for these two types; libscap
        // corrects it unconditionally.
        if etype == table::ids::NOTIFICATION_E || etype == table::ids::INFRASTRUCTURE_EVENT_E {
            len = len.wrapping_sub(3);
        }
        if (len as usize) < HEADER_V1_LEN || len as usize > bytes.len() {
            return Err(EventError::BadLength { len, available: bytes.len() });
        }
        let raw = &bytes[..len as usize];
        let end = raw.len();
        let start_n = table::event_info(etype).map_or(0, |e| e.params.len());
        let mut found = None;
        for n in (0..=start_n).rev() {
            let lens_end = HEADER_V1_LEN + n * 2;
            if lens_end > end {
                continue;
            }
            let mut valptr = lens_end;
            for i in 0..n {
                valptr += u16_at(raw, HEADER_V1_LEN + i * 2) as usize;
            }
            if valptr < end {
                return Err(EventError::CannotInferParams);
            }
            if valptr == end {
                found = Some(n as u32);
                break;
            }
        }
        let nparams = found.ok_or(EventError::CannotInferParams)?;
        Ok(Event { raw, nparams, v2: false, large: false, cpuid, dump_flags })
    }

    /// A view over bytes already validated by `from_v1`/`from_v2`.
    pub(crate) fn trusted(
        raw: &'a [u8],
        nparams: u32,
        v2: bool,
        large: bool,
        cpuid: u16,
        dump_flags: u32,
    ) -> Self {
        Event { raw, nparams, v2, large, cpuid, dump_flags }
    }

    /// Timestamp, ns since the epoch.
    #[inline]
    pub fn ts(&self) -> u64 {
        u64_at(self.raw, 0)
    }

    /// Thread id (`u64::MAX`, i.e. −1, for synthetic events).
    #[inline]
    pub fn tid(&self) -> u64 {
        u64_at(self.raw, 8)
    }

    /// Event type id.
    #[inline]
    pub fn event_type(&self) -> u16 {
        u16_at(self.raw, 20)
    }

    /// Number of parameters the event carries (may differ from the table's count).
    #[inline]
    pub fn nparams(&self) -> u32 {
        self.nparams
    }

    /// CPU that produced the event.
    #[inline]
    pub fn cpuid(&self) -> u16 {
        self.cpuid
    }

    /// Dump flags of the EVF block (0 for EV blocks).
    #[inline]
    pub fn dump_flags(&self) -> u32 {
        self.dump_flags
    }

    /// The table entry of this event's type.
    #[inline]
    pub fn info(&self) -> Option<&'static EventInfo> {
        table::event_info(self.event_type())
    }

    /// True for enter events (even type ids).
    #[inline]
    pub fn is_enter(&self) -> bool {
        table::is_enter(self.event_type())
    }

    /// The event bytes as stored (v1 or v2 header, lengths, values).
    #[inline]
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// True if the header is v2 (carries `nparams`).
    #[inline]
    pub fn is_v2(&self) -> bool {
        self.v2
    }

    /// True if parameter lengths are 4 bytes wide.
    #[inline]
    pub fn has_large_lengths(&self) -> bool {
        self.large
    }

    #[inline]
    fn header_len(&self) -> usize {
        if self.v2 { HEADER_V2_LEN } else { HEADER_V1_LEN }
    }

    #[inline]
    fn width(&self) -> usize {
        if self.large { 4 } else { 2 }
    }

    #[inline]
    fn param_len(&self, i: usize) -> usize {
        let off = self.header_len() + i * self.width();
        if self.large { u32_at(self.raw, off) as usize } else { u16_at(self.raw, off) as usize }
    }

    /// The bytes of parameter `i`, or `None` if the event has fewer parameters.
    #[inline]
    pub fn param(&self, i: usize) -> Option<&'a [u8]> {
        if i >= self.nparams as usize {
            return None;
        }
        let mut off = self.header_len() + self.nparams as usize * self.width();
        for j in 0..i {
            off += self.param_len(j);
        }
        Some(&self.raw[off..off + self.param_len(i)])
    }

    /// Every parameter's bytes, in order.
    pub fn params(&self) -> Params<'a> {
        let len_at = self.header_len();
        let lens_end = len_at + self.nparams as usize * self.width();
        Params { raw: self.raw, len_at, lens_end, large: self.large, off: lens_end }
    }

    /// The bytes of the value area (all parameter values concatenated).
    pub fn values(&self) -> &'a [u8] {
        &self.raw[self.header_len() + self.nparams as usize * self.width()..]
    }

    /// Length of this event once encoded with a v2 header.
    pub fn v2_len(&self) -> usize {
        if self.v2 { self.raw.len() } else { self.raw.len() + 4 }
    }

    /// Appends this event, encoded with a v2 header, to `out`.
    pub fn encode_v2(&self, out: &mut Vec<u8>) {
        if self.v2 {
            out.extend_from_slice(self.raw);
        } else {
            let len = self.raw.len() as u32 + 4;
            out.extend_from_slice(&self.raw[..16]);
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&self.raw[20..22]);
            out.extend_from_slice(&self.nparams.to_le_bytes());
            out.extend_from_slice(&self.raw[22..]);
        }
    }

    /// An owned copy.
    pub fn to_owned_event(&self) -> OwnedEvent {
        let mut bytes = Vec::with_capacity(self.v2_len());
        self.encode_v2(&mut bytes);
        OwnedEvent { bytes, cpuid: self.cpuid, dump_flags: self.dump_flags }
    }

    /// Parameter `i` as a little-endian integer of its stored width (1, 2, 4 or 8
    /// bytes), zero-extended. `None` if absent or of another width.
    #[inline]
    pub fn param_u64(&self, i: usize) -> Option<u64> {
        let b = self.param(i)?;
        Some(match b.len() {
            1 => b[0] as u64,
            2 => u16_at(b, 0) as u64,
            4 => u32_at(b, 0) as u64,
            8 => u64_at(b, 0),
            _ => return None,
        })
    }

    /// Parameter `i` as a signed integer of its stored width, sign-extended.
    #[inline]
    pub fn param_i64(&self, i: usize) -> Option<i64> {
        let b = self.param(i)?;
        Some(match b.len() {
            1 => b[0] as i8 as i64,
            2 => u16_at(b, 0) as i16 as i64,
            4 => u32_at(b, 0) as i32 as i64,
            8 => u64_at(b, 0) as i64,
            _ => return None,
        })
    }
}

/// Iterator over the parameter values of an event.
#[derive(Clone, Debug)]
pub struct Params<'a> {
    raw: &'a [u8],
    /// Offset of the next length.
    len_at: usize,
    /// Offset just past the last length.
    lens_end: usize,
    /// Lengths are 4 bytes (else 2).
    large: bool,
    /// Offset of the next value.
    off: usize,
}

impl<'a> Iterator for Params<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        if self.len_at >= self.lens_end {
            return None;
        }
        // The reader checked the lengths against the event's size, so these
        // lookups only fail on events built by hand, which then end early.
        let len = if self.large {
            let b = self.raw.get(self.len_at..self.len_at + 4)?;
            self.len_at += 4;
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
        } else {
            let b = self.raw.get(self.len_at..self.len_at + 2)?;
            self.len_at += 2;
            u16::from_le_bytes([b[0], b[1]]) as usize
        };
        let v = self.raw.get(self.off..self.off + len)?;
        self.off += len;
        Some(v)
    }
}

/// An event that owns its bytes (always a v2 header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedEvent {
    /// v2 header, lengths, values.
    pub bytes: Vec<u8>,
    /// CPU.
    pub cpuid: u16,
    /// EVF dump flags.
    pub dump_flags: u32,
}

impl OwnedEvent {
    /// Builds an event from its parts, with the length width its type requires.
    pub fn build(ts: u64, tid: u64, etype: u16, params: &[&[u8]]) -> OwnedEvent {
        let large = uses_large_lengths(etype);
        let width = if large { 4 } else { 2 };
        let len =
            HEADER_V2_LEN + params.len() * width + params.iter().map(|p| p.len()).sum::<usize>();
        let mut bytes = Vec::with_capacity(len);
        bytes.extend_from_slice(&ts.to_le_bytes());
        bytes.extend_from_slice(&tid.to_le_bytes());
        bytes.extend_from_slice(&(len as u32).to_le_bytes());
        bytes.extend_from_slice(&etype.to_le_bytes());
        bytes.extend_from_slice(&(params.len() as u32).to_le_bytes());
        for p in params {
            if large {
                bytes.extend_from_slice(&(p.len() as u32).to_le_bytes());
            } else {
                bytes.extend_from_slice(&(p.len() as u16).to_le_bytes());
            }
        }
        for p in params {
            bytes.extend_from_slice(p);
        }
        OwnedEvent { bytes, cpuid: 0, dump_flags: 0 }
    }

    /// A view of this event.
    pub fn as_event(&self) -> Event<'_> {
        // Built or copied from a valid event: the checks cannot fail.
        Event::from_v2(&self.bytes, self.cpuid, self.dump_flags)
            .unwrap_or_else(|e| unreachable!("owned events are valid: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::ids;

    #[test]
    fn build_and_view() {
        let fd = 3i64.to_le_bytes();
        let size = 10u32.to_le_bytes();
        let ev = OwnedEvent::build(5, 7, ids::SYSCALL_READ_E, &[&fd, &size]);
        let v = ev.as_event();
        assert_eq!(v.ts(), 5);
        assert_eq!(v.tid(), 7);
        assert_eq!(v.nparams(), 2);
        assert_eq!(v.param_i64(0), Some(3));
        assert_eq!(v.param_u64(1), Some(10));
        assert_eq!(v.param(2), None);
        assert_eq!(v.params().count(), 2);
    }

    #[test]
    fn v1_infers_short_events() {
        // open enter recorded by an old driver with no parameters.
        let mut b = Vec::new();
        b.extend_from_slice(&1u64.to_le_bytes());
        b.extend_from_slice(&2u64.to_le_bytes());
        b.extend_from_slice(&22u32.to_le_bytes());
        b.extend_from_slice(&ids::SYSCALL_OPEN_E.to_le_bytes());
        let v = Event::from_v1(&b, 0, 0).unwrap();
        assert_eq!(v.nparams(), 0);
        let mut out = Vec::new();
        v.encode_v2(&mut out);
        let v2 = Event::from_v2(&out, 0, 0).unwrap();
        assert_eq!(v2.nparams(), 0);
        assert_eq!(v2.event_type(), ids::SYSCALL_OPEN_E);
    }

    #[test]
    fn bad_lengths_are_errors() {
        let ev = OwnedEvent::build(5, 7, ids::SYSCALL_CLOSE_E, &[&3i64.to_le_bytes()]);
        let mut b = ev.bytes.clone();
        b[26] = 9; // first length now too long
        assert!(matches!(Event::from_v2(&b, 0, 0), Err(EventError::ParamsMismatch { .. })));
        assert!(matches!(Event::from_v2(&b[..10], 0, 0), Err(EventError::ShortHeader(10))));
    }
}
