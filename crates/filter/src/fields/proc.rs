//! `proc.*` from the engine's thread table.

#![expect(
    clippy::collapsible_match,
    reason = "one arm per field, with its conditions inside, reads better than guards"
)]

use engine::{Thread, ThreadTable};

use super::{FieldArg, FieldId, FieldRef};
use crate::engine_source::{Cx, Sink};
use crate::value::Value;

/// Bounds walks up the parent chain (loops in corrupted state must end).
const MAX_ANCESTORS: usize = 1024;

/// `comm` followed by a space and each argument (`populate_cmdline`).
pub(crate) fn push_cmdline(buf: &mut Vec<u8>, t: &Thread) {
    buf.extend_from_slice(t.comm());
    for a in t.args() {
        buf.push(b' ');
        buf.extend_from_slice(a);
    }
}

fn push_joined<'a>(buf: &mut Vec<u8>, items: impl Iterator<Item = &'a [u8]>) {
    for (i, a) in items.enumerate() {
        if i > 0 {
            buf.push(b' ');
        }
        buf.extend_from_slice(a);
    }
}

/// The thread whose tid is `t`'s parent tid.
fn parent<'a>(threads: &'a ThreadTable, t: &Thread) -> Option<&'a Thread> {
    threads.get(t.ptid())
}

/// The ancestors of `mt`, parent first, stopping at a loop or the table's end.
fn ancestors<'a>(threads: &'a ThreadTable, mt: &'a Thread) -> impl Iterator<Item = &'a Thread> {
    let start = mt.tid();
    let mut cur = Some(mt);
    std::iter::from_fn(move || {
        let p = parent(threads, cur?)?;
        cur = (p.tid() != start && p.tid() != p.ptid()).then_some(p);
        Some(p)
    })
    .take(MAX_ANCESTORS)
}

/// The `n`-th ancestor of the main thread (0 = itself).
fn nth_ancestor<'a>(threads: &'a ThreadTable, mt: &'a Thread, n: i64) -> Option<&'a Thread> {
    let mut cur = mt;
    for _ in 0..n.max(0) {
        cur = parent(threads, cur)?;
    }
    Some(cur)
}

/// Extracts a `proc.*` field.
pub(crate) fn extract(f: &FieldRef, cx: &Cx<'_, '_>, buf: &mut Vec<u8>, sink: Sink<'_>) {
    let Some(t) = cx.thread() else { return };
    let threads = cx.ctx.threads();
    let main = || threads.main_thread(t);
    let s = |b| Value::Str(b);
    match f.id {
        FieldId::ProcPid => {
            sink(Value::I64(t.pid()));
        }
        FieldId::ProcSid => {
            sink(Value::I64(t.sid()));
        }
        FieldId::ProcVpgid => {
            sink(Value::I64(t.vpgid()));
        }
        FieldId::ProcSname => {
            let leader = match threads.get(t.sid()) {
                Some(l) => Some(l),
                None => main().map(|mt| {
                    let sid = mt.sid();
                    ancestors(threads, mt).take_while(|p| p.sid() == sid).last().unwrap_or(mt)
                }),
            };
            if let Some(l) = leader {
                sink(s(l.comm()));
            }
        }
        FieldId::ProcTty => {
            sink(Value::I64(i64::from(t.tty())));
        }
        FieldId::ProcName => {
            sink(s(t.comm()));
        }
        FieldId::ProcExe => {
            sink(s(t.exe()));
        }
        FieldId::ProcExepath => {
            sink(s(t.exepath()));
        }
        FieldId::ProcArgs => {
            push_joined(buf, t.args());
            sink(s(buf));
        }
        FieldId::ProcEnv => {
            push_joined(buf, t.env());
            sink(s(buf));
        }
        FieldId::ProcCmdline => {
            push_cmdline(buf, t);
            sink(s(buf));
        }
        FieldId::ProcExeline => {
            buf.extend_from_slice(t.exe());
            buf.push(b' ');
            push_joined(buf, t.args());
            sink(s(buf));
        }
        FieldId::ProcCwd => {
            sink(s(threads.cwd(t)));
        }
        FieldId::ProcNthreads => {
            if let Some(mt) = main() {
                sink(Value::U64(mt.nchilds() + 1));
            }
        }
        FieldId::ProcNchilds => {
            sink(Value::U64(t.nchilds()));
        }
        FieldId::ProcPpid => {
            if let Some(mt) = main() {
                sink(Value::I64(mt.ptid()));
            }
        }
        FieldId::ProcPname => {
            if let Some(p) = parent(threads, t) {
                sink(s(p.comm()));
            }
        }
        FieldId::ProcPcmdline => {
            if let Some(p) = parent(threads, t) {
                push_cmdline(buf, p);
                sink(s(buf));
            }
        }
        FieldId::ProcApid | FieldId::ProcAname => {
            let Some(mt) = main() else { return };
            let emit = |a: &Thread, sink: Sink<'_>| -> bool {
                if f.id == FieldId::ProcApid {
                    sink(Value::I64(a.pid()))
                } else {
                    sink(Value::Str(a.comm()))
                }
            };
            match f.arg {
                FieldArg::Index(n) => {
                    if let Some(a) = nth_ancestor(threads, mt, n) {
                        emit(a, sink);
                    }
                }
                // Filters without an index test every ancestor (not the process).
                _ => {
                    for a in ancestors(threads, mt) {
                        if emit(a, sink) {
                            break;
                        }
                    }
                }
            }
        }
        FieldId::ProcLoginshellid => {
            let Some(mt) = main() else { return };
            let shell = std::iter::once(mt)
                .chain(ancestors(threads, mt))
                .filter(|p| p.comm().ends_with(b"sh"))
                .last();
            if let Some(sh) = shell {
                sink(Value::I64(sh.pid()));
            }
        }
        FieldId::ProcDuration => {
            if t.clone_ts() != 0 {
                sink(Value::U64(cx.ev().ts().saturating_sub(t.clone_ts())));
            }
        }
        FieldId::ProcFdopencount => {
            sink(Value::U64(open_count(cx, t)));
        }
        FieldId::ProcFdlimit => {
            sink(Value::I64(fd_limit(cx, t)));
        }
        FieldId::ProcFdusage => {
            let limit = fd_limit(cx, t);
            let pct = if limit > 0 {
                (open_count(cx, t) as f64 * 100.0 / limit as f64).min(100.0)
            } else {
                0.0
            };
            sink(Value::Double(pct));
        }
        FieldId::ProcVmsize => {
            sink(Value::U64(u64::from(t.vmsize_kb())));
        }
        FieldId::ProcVmrss => {
            sink(Value::U64(u64::from(t.vmrss_kb())));
        }
        FieldId::ProcVmswap => {
            sink(Value::U64(u64::from(t.vmswap_kb())));
        }
        FieldId::ProcVpid => {
            if t.vpid() != -1 {
                sink(Value::I64(t.vpid()));
            }
        }
        FieldId::ProcIsExeWritable => {
            sink(Value::Bool(t.exe_writable()));
        }
        FieldId::ProcIsContainerHealthcheck
        | FieldId::ProcIsContainerLivenessProbe
        | FieldId::ProcIsContainerReadinessProbe => {
            // The engine does not classify probe processes yet: none is one.
            sink(Value::Bool(false));
        }
        _ => {}
    }
}

/// Open fds of the process (its main thread's table).
fn open_count(cx: &Cx<'_, '_>, t: &Thread) -> u64 {
    let threads = cx.ctx.threads();
    threads.main_thread(t).and_then(|mt| threads.fd_table(mt)).map_or(0, |tb| tb.len() as u64)
}

/// The fd limit of the process (its main thread's).
fn fd_limit(cx: &Cx<'_, '_>, t: &Thread) -> i64 {
    cx.ctx.threads().main_thread(t).map_or(t.fdlimit(), |mt| mt.fdlimit())
}
