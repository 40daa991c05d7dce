//! Files and simple fds: the open family, close, dup, fcntl, pipe, eventfd,
//! signalfd, timerfd, inotify (state-engine.md §3.3–3.6).

use scap::Event;
use scap::table::ids;

use super::{enter_view, p_i64, p_u64, param, retrieve_enter};
use crate::engine::{Engine, Hidden};
use crate::fds::{Fd, FdKind, fd_flags};
use crate::import::tracer_bit;
use crate::paths;
use crate::threads::{cstr, thread_flags as tf};

const O_DIRECTORY: u32 = 1 << 10;
const AT_FDCWD: i64 = -100;
const F_DUPFD: i64 = 1;
const F_DUPFD_CLOEXEC: i64 = 26;

/// `parse_dirfd`: the base a dirfd-relative path is joined to.
pub(crate) fn dirfd_base(e: &mut Engine, tid: i64, name: &[u8], dirfd: i64, out: &mut Vec<u8>) {
    out.clear();
    if name.first() == Some(&b'/') {
        out.push(b'.');
    } else if dirfd == AT_FDCWD {
        e.cwd_into(tid, out);
    } else {
        e.cur.fd = e.find_fd(tid, dirfd);
        match e.cur.fd.and_then(|at| e.fd_at(at)) {
            Some(f) => {
                out.extend_from_slice(&f.name);
                // Upstream's "already ends with /" check reads one past the end
                // and never fires: the slash is always added.
                out.push(b'/');
            }
            None => out.extend_from_slice(b"<UNKNOWN>"),
        }
    }
}

/// Copies the enter event's name into `name` and returns its stored length,
/// flags and dirfd, when the enter is usable (a non-empty name that is not
/// `(NULL)`).
fn enter_name(
    e: &Engine,
    name: &mut Vec<u8>,
    name_i: usize,
    flags_i: Option<usize>,
    dirfd_i: Option<usize>,
) -> Option<(usize, u32, i64)> {
    let en = enter_view(e)?;
    let raw = param(&en, name_i)?;
    if raw.is_empty() || cstr(raw) == b"(NULL)" {
        return None;
    }
    let flags = flags_i.and_then(|i| p_u64(&en, i)).unwrap_or(0) as u32;
    let dirfd = dirfd_i.and_then(|i| p_i64(&en, i)).unwrap_or(AT_FDCWD);
    name.clear();
    name.extend_from_slice(raw);
    Some((raw.len(), flags, dirfd))
}

/// `parse_open_openat_creat_exit`.
pub(crate) fn open_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if e.threads.get(tid).is_none() {
        return;
    }
    let retrieved = retrieve_enter(e, ev);
    let Some(fd) = p_i64(ev, 0) else { return };
    let enter_nparams =
        if retrieved { enter_view(e).map_or(0, |en| en.nparams() as usize) } else { 0 };
    let mut base = std::mem::take(&mut e.scratch);
    let mut name = std::mem::take(&mut e.scratch3);
    name.clear();
    let etype = ev.event_type();
    let (name_len, flags, dev, dirfd) = match etype {
        ids::SYSCALL_OPEN_X | ids::SYSCALL_CREAT_X => {
            let is_open = etype == ids::SYSCALL_OPEN_X;
            let raw = param(ev, 1).unwrap_or_default();
            name.extend_from_slice(raw);
            let mut n = (raw.len(), if is_open { p_u64(ev, 2).unwrap_or(0) as u32 } else { 0 });
            let dev = p_u64(ev, if is_open { 4 } else { 3 }).unwrap_or(0) as u32;
            if enter_nparams >= if is_open { 2 } else { 1 }
                && let Some((len, fl, _)) = enter_name(e, &mut name, 0, is_open.then_some(1), None)
            {
                n = (len, fl);
            }
            (n.0, n.1, dev, None)
        }
        ids::SYSCALL_OPENAT_X => {
            // The old exit has only the fd: everything comes from the enter. sysdig
            // does not check the retrieval and reads a stale event when it fails;
            // sysray adds nothing then.
            let Some(en) = retrieved.then(|| enter_view(e)).flatten() else {
                e.scratch = base;
                e.scratch3 = name;
                return;
            };
            let raw = param(&en, 1).unwrap_or_default();
            name.extend_from_slice(raw);
            let fl = p_u64(&en, 2).unwrap_or(0) as u32;
            (raw.len(), fl, 0, Some(p_i64(&en, 0).unwrap_or(AT_FDCWD)))
        }
        _ => {
            // openat v2 and openat2: exit params, overridden by a usable enter.
            let raw = param(ev, 2).unwrap_or_default();
            name.extend_from_slice(raw);
            let mut n =
                (raw.len(), p_u64(ev, 3).unwrap_or(0) as u32, p_i64(ev, 1).unwrap_or(AT_FDCWD));
            let dev =
                if etype == ids::SYSCALL_OPENAT_2_X { p_u64(ev, 5).unwrap_or(0) as u32 } else { 0 };
            if enter_nparams >= 3
                && let Some(en) = enter_name(e, &mut name, 1, Some(2), Some(0))
            {
                n = en;
            }
            (n.0, n.1, dev, Some(n.2))
        }
    };
    match dirfd {
        None => e.cwd_into(tid, &mut base),
        Some(d) => dirfd_base(e, tid, cstr(&name), d, &mut base),
    }
    let mut full = std::mem::take(&mut e.scratch2);
    paths::concatenate(&mut full, &base, &name, name_len, Some(paths::MAX_PATH));
    if fd >= 0 {
        let kind = if flags & O_DIRECTORY != 0 { FdKind::Directory } else { FdKind::FileV2 };
        let mut f = Fd::new(kind);
        f.openflags = flags;
        f.dev = dev;
        f.name.extend_from_slice(&full);
        f.flags |= tracer_bit(&f.name);
        e.cur.fd = e.add_fd(tid, fd, f);
    }
    e.scratch = base;
    e.scratch2 = full;
    e.scratch3 = name;
}

/// `parse_close_enter`: marks the fd close-in-progress.
pub(crate) fn close_enter(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    let Some(last) = e.threads.get(tid).map(|t| t.lastevent_fd.get()) else { return };
    e.cur.fd = e.find_fd(tid, last);
    if let Some(f) = e.cur_fd_mut() {
        f.flags |= fd_flags::CLOSE_IN_PROGRESS;
    }
}

/// `parse_close_exit`: schedules the removal for the next event.
pub(crate) fn close_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    let res = p_i64(ev, 0).unwrap_or(-1);
    if res >= 0 {
        if e.cur.fd.is_none() || e.threads.get(tid).is_none() {
            return;
        }
        let canceled = e.cur_fd_mut().is_some_and(|f| {
            let c = f.flags & fd_flags::CLOSE_CANCELED != 0;
            f.flags &= !fd_flags::CLOSE_CANCELED;
            c
        });
        if canceled {
            if e.find_fd(tid, crate::fds::CANCELED_FD_NUMBER).is_some() {
                e.schedule_fd_removal(tid, crate::fds::CANCELED_FD_NUMBER);
            }
        } else {
            let last = e.threads.get(tid).map_or(-1, |t| t.lastevent_fd.get());
            e.schedule_fd_removal(tid, last);
        }
    } else if let Some(f) = e.cur_fd_mut() {
        f.flags &= !fd_flags::CLOSE_IN_PROGRESS;
    }
}

/// `parse_dup_exit`: pipe flags, then the old entry is copied to `res`.
pub(crate) fn dup_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    let Some(res) = p_i64(ev, 0) else { return };
    let Some(t) = e.threads.get_mut(tid) else { return };
    if res < 0 {
        return;
    }
    if res == 0 {
        t.flags |= tf::PIPE_DST;
    }
    if res == 1 {
        t.flags |= tf::PIPE_SRC;
    }
    copy_cur_fd_to(e, tid, res);
}

fn copy_cur_fd_to(e: &mut Engine, tid: i64, to: i64) {
    let Some(src) = e.cur.fd.and_then(|at| e.fd_at(at)).cloned() else { return };
    e.cur.fd = e.add_fd(tid, to, src);
    // The copy carries the source's name as its "old" name.
    e.cur.fd_name_changed = false;
}

/// `parse_fcntl_enter`: stores the enter for `F_DUPFD`/`F_DUPFD_CLOEXEC` only.
pub(crate) fn fcntl_enter(e: &mut Engine, ev: &Event<'_>) {
    if e.threads.get(ev.tid() as i64).is_none() {
        return;
    }
    let cmd = p_u64(ev, 1).map(|c| c as u8 as i64);
    if cmd == Some(F_DUPFD) || cmd == Some(F_DUPFD_CLOEXEC) {
        super::store_enter(e, ev);
    }
}

/// `parse_fcntl_exit`: a dup through fcntl.
pub(crate) fn fcntl_exit(e: &mut Engine, ev: &Event<'_>) {
    let res = p_i64(ev, 0).unwrap_or(-1);
    if !retrieve_enter(e, ev) {
        return;
    }
    if res >= 0 && e.cur.fd.is_some() {
        copy_cur_fd_to(e, ev.tid() as i64, res);
    }
}

/// `parse_pipe_exit`: two FIFOs with the event's inode.
pub(crate) fn pipe_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if p_i64(ev, 0).is_none_or(|r| r < 0) || e.threads.get(tid).is_none() {
        return;
    }
    let (Some(fd1), Some(fd2)) = (p_i64(ev, 1), p_i64(ev, 2)) else { return };
    let mut f = Fd::new(FdKind::Fifo);
    f.ino = p_u64(ev, 3).unwrap_or(0);
    e.cur.fd = e.add_fd(tid, fd1, f.clone());
    e.cur.fd = e.add_fd(tid, fd2, f);
}

/// eventfd, signalfd, timerfd_create, inotify_init: one unnamed fd of `kind`.
pub(crate) fn simple_fd_exit(e: &mut Engine, ev: &Event<'_>, kind: FdKind) {
    let tid = ev.tid() as i64;
    if e.threads.get(tid).is_none() {
        return;
    }
    let Some(fd) = p_i64(ev, 0) else { return };
    if fd >= 0 {
        e.cur.fd = e.add_fd(tid, fd, Fd::new(kind));
    }
}

/// `write` enter: writes to a tracer fd are hidden.
pub(crate) fn write_enter(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    let Some(last) = e.threads.get(tid).map(|t| t.lastevent_fd.get()) else { return };
    e.cur.fd = e.find_fd(tid, last);
    if e.cur.fd.and_then(|at| e.fd_at(at)).is_some_and(|f| f.flags & fd_flags::IS_TRACER_FD != 0) {
        e.cur.hidden = Some(Hidden::TracerFragment);
    }
}

/// Outcome of looking at a write to `/dev/null` as a sysdig tracer.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TracerParse {
    /// A complete tracer.
    Ok,
    /// Not a tracer.
    Failed,
    /// Possibly the start of one.
    Truncated,
}

/// Classifies tracer data: `>`/`<` start the `>:id:tags:args:` form, `[` the
/// JSON form; anything else is not a tracer.
pub(crate) fn classify_tracer(data: &[u8]) -> TracerParse {
    let d = match data.iter().position(|&c| c != b' ' && c != b'\t') {
        Some(i) => &data[i..],
        None => return TracerParse::Truncated,
    };
    match d[0] {
        b'>' | b'<' => {
            if d.len() < 2 {
                TracerParse::Truncated
            } else if d[1] != b':' {
                TracerParse::Failed
            } else if d.iter().filter(|&&c| c == b':').count() >= 4 {
                TracerParse::Ok
            } else {
                TracerParse::Truncated
            }
        }
        b'[' => {
            if d.contains(&b']') {
                TracerParse::Ok
            } else {
                TracerParse::Truncated
            }
        }
        _ => TracerParse::Failed,
    }
}

/// `detect_and_process_tracer_write`. sysray classifies the fd but does not turn
/// complete tracers into `tracer` events (sysdig does); it returns true when the
/// event was hidden as a fragment.
pub(crate) fn tracer_write(e: &mut Engine, ev: &Event<'_>, writes: bool) -> bool {
    let Some(f) = e.cur.fd.and_then(|at| e.fd_at(at)) else { return false };
    if f.flags & fd_flags::IS_NOT_TRACER_FD != 0 {
        return false;
    }
    if f.flags & fd_flags::IS_TRACER_FD != 0 || (f.flags & fd_flags::IS_TRACER_FILE != 0 && writes)
    {
        let data = param(ev, 1).unwrap_or_default();
        match classify_tracer(data) {
            TracerParse::Truncated => {
                e.cur.hidden = Some(Hidden::TracerFragment);
                return true;
            }
            TracerParse::Ok | TracerParse::Failed => {
                if let Some(f) = e.cur_fd_mut() {
                    f.flags |= fd_flags::IS_NOT_TRACER_FD;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracer_classification() {
        assert_eq!(classify_tracer(b"   "), TracerParse::Truncated);
        assert_eq!(classify_tracer(b">"), TracerParse::Truncated);
        assert_eq!(classify_tracer(b">:1:a:b:"), TracerParse::Ok);
        assert_eq!(classify_tracer(b"hello"), TracerParse::Failed);
        assert_eq!(classify_tracer(b" [\"x\"]"), TracerParse::Ok);
    }
}
