//! `fdlist.*`: the fds of `poll`/`ppoll` events.
//!
//! The `fds` parameter is a u16 count followed by (i64 fd, i16 events) pairs; each
//! item is looked up in the thread's fd table and the entries for which the item is
//! known are joined by commas. The field is absent when nothing is left.

use std::io::Write as _;

use engine::Fd;

use super::{FieldId, FieldRef};
use crate::engine_source::{Cx, Sink};
use crate::value::Value;

/// The fd numbers in a `fds` parameter.
fn fd_numbers(raw: &[u8]) -> impl Iterator<Item = i64> + '_ {
    let count = raw.get(..2).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]) as usize);
    raw.get(2..).unwrap_or(&[]).chunks_exact(10).take(count).map(|c| {
        let mut n = [0u8; 8];
        n.copy_from_slice(&c[..8]);
        i64::from_le_bytes(n)
    })
}

/// Extracts an `fdlist.*` field.
pub(crate) fn extract(f: &FieldRef, cx: &Cx<'_, '_>, buf: &mut Vec<u8>, sink: Sink<'_>) {
    let Some(info) = cx.info() else { return };
    if info.name != "poll" && info.name != "ppoll" {
        return;
    }
    let Some(t) = cx.thread() else { return };
    let Some(raw) = cx.param_index("fds").and_then(|i| cx.ev().param(i)) else { return };
    let threads = cx.ctx.threads();
    let mut first = true;
    for n in fd_numbers(raw) {
        let fd: Option<&Fd> = threads.fd(t, n);
        let start = buf.len();
        if !first {
            buf.push(b',');
        }
        let wrote = match f.id {
            FieldId::FdlistNums => write!(buf, "{n}").is_ok(),
            FieldId::FdlistNames => match fd {
                Some(fd) => {
                    buf.extend_from_slice(fd.name());
                    true
                }
                None => {
                    buf.extend_from_slice(b"<NA>");
                    true
                }
            },
            FieldId::FdlistCips
            | FieldId::FdlistSips
            | FieldId::FdlistCports
            | FieldId::FdlistSports => {
                let Some(tuple) = fd.and_then(|fd| fd.ipv4_tuple()) else {
                    buf.truncate(start);
                    continue;
                };
                let _ = match f.id {
                    FieldId::FdlistCips => write!(buf, "{}", tuple.sip),
                    FieldId::FdlistSips => write!(buf, "{}", tuple.dip),
                    FieldId::FdlistCports => write!(buf, "{}", tuple.sport),
                    _ => write!(buf, "{}", tuple.dport),
                };
                true
            }
            _ => false,
        };
        if wrote {
            first = false;
        } else {
            buf.truncate(start);
        }
    }
    if !first {
        sink(Value::Str(buf));
    }
}
