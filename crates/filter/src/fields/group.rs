//! `group.*` from the thread and the capture's group list.

use super::{FieldId, FieldRef};
use crate::engine_source::{Cx, Sink};
use crate::value::Value;

/// Extracts a `group.*` field. `group.gid` is the gid (sysdig 0.29.3 read 8 bytes
/// and mixed in the child-thread count).
pub(crate) fn extract(f: &FieldRef, cx: &Cx<'_, '_>, _buf: &mut Vec<u8>, sink: Sink<'_>) {
    let Some(t) = cx.thread() else { return };
    match f.id {
        FieldId::GroupGid => {
            sink(Value::U64(u64::from(t.gid())));
        }
        FieldId::GroupName => {
            if let Some(g) = cx.ctx.engine().users().group(t.gid()) {
                sink(Value::Str(&g.name));
            }
        }
        _ => {}
    }
}
