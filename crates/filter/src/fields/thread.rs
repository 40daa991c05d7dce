//! `thread.*` from the engine's thread table.

#![expect(
    clippy::collapsible_match,
    reason = "one arm per field, with its conditions inside, reads better than guards"
)]

use scap::table::ids;

use super::{FieldArg, FieldId, FieldRef};
use crate::engine_source::{Cx, Sink};
use crate::value::Value;

/// True for the `thread.*` fields of the process class.
pub(crate) fn is_thread_field(id: FieldId) -> bool {
    use FieldId::*;
    matches!(
        id,
        ThreadTid
            | ThreadIsmain
            | ThreadExectime
            | ThreadTotexectime
            | ThreadCgroups
            | ThreadCgroup
            | ThreadVtid
            | ThreadCpu
            | ThreadCpuUser
            | ThreadCpuSystem
            | ThreadVmsize
            | ThreadVmrss
            | ThreadVmsizeB
            | ThreadVmrssB
            | ThreadNametid
            | ThreadPfmajor
            | ThreadPfminor
    )
}

/// Extracts a `thread.*` field.
pub(crate) fn extract(f: &FieldRef, cx: &Cx<'_, '_>, buf: &mut Vec<u8>, sink: Sink<'_>) {
    let ev = cx.ev();
    // thread.tid comes from the event header, present even without thread info.
    if f.id == FieldId::ThreadTid {
        sink(Value::I64(ev.tid() as i64));
        return;
    }
    if matches!(f.id, FieldId::ThreadExectime | FieldId::ThreadTotexectime) {
        let exec = exectime(f, cx);
        if f.id == FieldId::ThreadExectime {
            sink(Value::U64(exec));
        } else if cx.thread().is_some() {
            let total = f.counter.get() + exec;
            f.counter.set(total);
            sink(Value::U64(total));
        }
        return;
    }
    let Some(t) = cx.thread() else { return };
    let main = t.is_main_thread();
    match f.id {
        FieldId::ThreadIsmain => {
            sink(Value::Bool(main));
        }
        FieldId::ThreadVtid => {
            if t.vtid() != -1 {
                sink(Value::I64(t.vtid()));
            }
        }
        FieldId::ThreadPfmajor => {
            sink(Value::U64(t.pfmajor()));
        }
        FieldId::ThreadPfminor => {
            sink(Value::U64(t.pfminor()));
        }
        FieldId::ThreadVmsize
        | FieldId::ThreadVmrss
        | FieldId::ThreadVmsizeB
        | FieldId::ThreadVmrssB => {
            let kb = match f.id {
                FieldId::ThreadVmsize | FieldId::ThreadVmsizeB => t.vmsize_kb(),
                _ => t.vmrss_kb(),
            };
            let v = if !main {
                0
            } else if matches!(f.id, FieldId::ThreadVmsizeB | FieldId::ThreadVmrssB) {
                u64::from(kb) * 1024
            } else {
                u64::from(kb)
            };
            sink(Value::U64(v));
        }
        FieldId::ThreadCgroups => {
            for (i, (subsys, path)) in t.cgroups().enumerate() {
                if i > 0 {
                    buf.push(b' ');
                }
                buf.extend_from_slice(subsys);
                buf.push(b'=');
                buf.extend_from_slice(path);
            }
            if !buf.is_empty() {
                sink(Value::Str(buf));
            }
        }
        FieldId::ThreadCgroup => {
            if let FieldArg::Key(subsys) = &f.arg
                && let Some(p) = t.cgroup(subsys.as_bytes())
            {
                sink(Value::Str(p));
            }
        }
        FieldId::ThreadNametid => {
            buf.extend_from_slice(t.comm());
            engine::text::push_i64(buf, ev.tid() as i64);
            sink(Value::Str(buf));
        }
        // CPU use needs procinfo bookkeeping the engine does not keep.
        FieldId::ThreadCpu | FieldId::ThreadCpuUser | FieldId::ThreadCpuSystem => {}
        _ => {}
    }
}

/// On switch events, the time since the previous switch on the same CPU (kept per
/// field occurrence, as sysdig does); 0 elsewhere.
fn exectime(f: &FieldRef, cx: &Cx<'_, '_>) -> u64 {
    let etype = cx.etype();
    if etype != ids::SCHEDSWITCH_1_E && etype != ids::SCHEDSWITCH_6_E {
        return 0;
    }
    // One previous timestamp per occurrence; sysdig keeps one per CPU. With the
    // timestamps of all CPUs interleaved this approximates the per-CPU delta only
    // for single-CPU captures.
    let ts = cx.ev().ts();
    let prev = f.prev_ts.replace(ts);
    if prev == 0 { 0 } else { ts.saturating_sub(prev) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::FIELDS;

    #[test]
    fn thread_fields_are_exactly_the_thread_names() {
        for f in FIELDS {
            assert_eq!(is_thread_field(f.id), f.name.starts_with("thread."), "{}", f.name);
        }
    }
}
