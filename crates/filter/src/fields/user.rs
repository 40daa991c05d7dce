//! `user.*` from the thread and the capture's user list.

use super::{FieldId, FieldRef};
use crate::engine_source::{Cx, Sink};
use crate::value::Value;

/// Extracts a `user.*` field.
pub(crate) fn extract(f: &FieldRef, cx: &Cx<'_, '_>, _buf: &mut Vec<u8>, sink: Sink<'_>) {
    let Some(t) = cx.thread() else { return };
    let users = cx.ctx.engine().users();
    match f.id {
        FieldId::UserUid => {
            sink(Value::U64(u64::from(t.uid())));
        }
        FieldId::UserLoginuid => {
            sink(Value::I64(i64::from(t.loginuid() as i32)));
        }
        FieldId::UserLoginname => {
            if let Some(u) = users.user(t.loginuid()) {
                sink(Value::Str(&u.name));
            }
        }
        FieldId::UserName | FieldId::UserHomedir | FieldId::UserShell => {
            let Some(u) = users.user(t.uid()) else { return };
            sink(Value::Str(match f.id {
                FieldId::UserName => &u.name,
                FieldId::UserHomedir => &u.homedir,
                _ => &u.shell,
            }));
        }
        _ => {}
    }
}
