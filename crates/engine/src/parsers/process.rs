//! Processes and threads: clone family, execve, procexit, working directory,
//! ids, limits, memory counters, scheduler switches (state-engine.md §2).

use scap::Event;
use scap::table::ids::*;

use super::{as_u64, enter_view, first_params, p_i64, p_u64, param, retrieve_enter};
use crate::engine::Engine;
use crate::fds::fd_flags;
use crate::paths;
use crate::threads::{Thread, bytes_of, cstr, thread_flags as tf};

/// A clone older than this on the child side is stale (`CLONE_STALE_TIME_NS`).
const CLONE_STALE_TIME_NS: u64 = 2_000_000_000;
const PPM_RLIMIT_NOFILE: u8 = 7;
const PPM_EXVAT_AT_EMPTY_PATH: u32 = 1;
const PPM_EXE_WRITABLE: u32 = 1;

/// Where the clone layouts keep `flags` and `uid` (gid follows uid).
fn clone_layout(etype: u16) -> (usize, usize) {
    match etype {
        SYSCALL_CLONE_11_X => (8, 9),
        SYSCALL_CLONE_16_X | SYSCALL_FORK_X | SYSCALL_VFORK_X => (13, 14),
        SYSCALL_CLONE_17_X | SYSCALL_FORK_17_X | SYSCALL_VFORK_17_X => (14, 15),
        _ => (15, 16),
    }
}

fn has_comm(etype: u16) -> bool {
    !matches!(etype, SYSCALL_CLONE_11_X | SYSCALL_CLONE_16_X | SYSCALL_FORK_X | SYSCALL_VFORK_X)
}

fn is_v20(etype: u16) -> bool {
    matches!(etype, SYSCALL_CLONE_20_X | SYSCALL_FORK_20_X | SYSCALL_VFORK_20_X | SYSCALL_CLONE3_X)
}

/// `parse_clone_exit` (§2.3).
pub(crate) fn clone_exit(e: &mut Engine, ev: &Event<'_>) {
    let etype = ev.event_type();
    let mut tid = ev.tid() as i64;
    let Some(mut childtid) = p_i64(ev, 0) else { return };
    let (flags_i, uid_i) = clone_layout(etype);
    let flags = p_u64(ev, flags_i).unwrap_or(0) as u32;
    if childtid < 0 {
        return;
    }
    let (mut vtid, mut vpid) = (tid, -1);
    if is_v20(etype) {
        vtid = p_i64(ev, 18).unwrap_or(tid);
        vpid = p_i64(ev, 19).unwrap_or(-1);
    }
    let in_container = flags & tf::CHILD_IN_PIDNS != 0 || tid != vtid;
    let mut inverted = false;
    if childtid == 0 {
        let mut exists = e.threads.get(tid).is_some();
        if let Some(t) = e.threads.get(tid)
            && t.clone_ts != 0
            && ev.ts().wrapping_sub(t.clone_ts) > CLONE_STALE_TIME_NS
        {
            e.remove_thread(tid, true);
            exists = false;
        }
        let parenttid = if flags & tf::CLONE_THREAD != 0 { p_i64(ev, 4) } else { p_i64(ev, 5) };
        if exists {
            if in_container && let Some(t) = e.threads.get_mut(tid) {
                t.vtid = vtid;
                t.vpid = vpid;
            }
            return;
        }
        inverted = true;
        childtid = tid;
        tid = parenttid.unwrap_or(-1);
    } else if in_container {
        return;
    }

    if !e.ensure_thread(tid) {
        return;
    }
    let valid_parent = e.threads.get(tid).is_some_and(|p| !p.is_placeholder());
    if let Some(child) = e.threads.get(childtid) {
        if child.flags & tf::CLONE_INVERTED != 0 {
            return;
        }
        e.remove_thread(childtid, true);
    }
    let exe = bytes_of(cstr(param(ev, 1).unwrap_or_default()));
    let comm = if has_comm(etype) {
        bytes_of(cstr(param(ev, 13).unwrap_or_default()))
    } else {
        exe.clone()
    };
    let args = bytes_of(param(ev, 2).unwrap_or_default());

    let mut child = Thread::blank(childtid);
    child.ptid = tid;
    if !valid_parent {
        // Force-recreate the placeholder caller and name it from the event.
        e.remove_thread(tid, true);
        if !e.ensure_thread(tid) {
            return;
        }
    }
    let Some(parent) = e.threads.get(tid) else { return };
    if !parent.is_placeholder() {
        child.exepath = parent.exepath.clone();
        child.exe_writable = parent.exe_writable;
        child.root = parent.root.clone();
        child.sid = parent.sid;
        child.vpgid = parent.vpgid;
        child.tty = parent.tty;
        child.loginuid = parent.loginuid;
        if flags & tf::CLONE_THREAD == 0 {
            child.env = parent.env.clone();
        }
    } else if let Some(p) = e.threads.get_mut(tid) {
        p.comm = comm.clone();
        p.exe = exe.clone();
        p.exepath = child.exepath.clone();
        p.args = args.clone();
    }
    child.pid =
        if flags & tf::CLONE_THREAD != 0 { p_i64(ev, 4).unwrap_or(childtid) } else { childtid };
    child.flags = flags;
    if flags & tf::CLONE_THREAD == 0 {
        if let Some(owner) = e.fd_owner_mut(tid)
            && let Some(p) = e.threads.get(owner)
        {
            child.fds = p.fds.clone();
            for (_, f) in child.fds.iter_mut() {
                f.flags |= fd_flags::IS_CLONED;
            }
        }
        let mut cwd = std::mem::take(&mut e.scratch);
        e.cwd_into(tid, &mut cwd);
        child.cwd = bytes_of(&cwd);
        e.scratch = cwd;
    }
    if inverted {
        child.flags |= tf::CLONE_INVERTED;
    }
    child.exe = exe;
    child.comm = comm;
    child.args = args;
    child.fdlimit = p_i64(ev, 7).unwrap_or(-1);
    if etype != SYSCALL_CLONE_11_X {
        child.pfmajor = p_u64(ev, 8).unwrap_or(0);
        child.pfminor = p_u64(ev, 9).unwrap_or(0);
        child.vmsize_kb = p_u64(ev, 10).unwrap_or(0) as u32;
        child.vmrss_kb = p_u64(ev, 11).unwrap_or(0) as u32;
        child.vmswap_kb = p_u64(ev, 12).unwrap_or(0) as u32;
    }
    child.uid = p_u64(ev, uid_i).unwrap_or(0) as u32;
    child.gid = p_u64(ev, uid_i + 1).unwrap_or(0) as u32;
    if in_container {
        child.vtid = vtid;
        child.vpid = vpid;
    } else {
        child.vtid = child.tid;
        child.vpid = child.pid;
    }
    if is_v20(etype) {
        (child.cgroups, child.container_id) =
            e.cgroups_and_container(param(ev, 14).unwrap_or_default());
    }
    child.clone_ts = ev.ts();
    e.add_thread(child, false);
}

/// `parse_execve_exit` (§2.4).
pub(crate) fn execve_exit(e: &mut Engine, ev: &Event<'_>) {
    let etype = ev.event_type();
    let tid = ev.tid() as i64;
    if p_i64(ev, 0).is_none_or(|r| r < 0) || e.threads.get(tid).is_none() {
        return;
    }
    let old_style_comm =
        matches!(etype, SYSCALL_EXECVE_8_X | SYSCALL_EXECVE_13_X | SYSCALL_EXECVE_14_X);
    let exe = bytes_of(cstr(param(ev, 1).unwrap_or_default()));
    let comm = if old_style_comm {
        exe.clone()
    } else {
        bytes_of(cstr(param(ev, 13).unwrap_or_default()))
    };
    let cgroups = matches!(
        etype,
        SYSCALL_EXECVE_16_X
            | SYSCALL_EXECVE_17_X
            | SYSCALL_EXECVE_18_X
            | SYSCALL_EXECVE_19_X
            | SYSCALL_EXECVEAT_X
    )
    .then(|| e.cgroups_and_container(param(ev, 14).unwrap_or_default()));
    let Some(t) = e.threads.get_mut(tid) else { return };
    t.exe = exe;
    t.comm = comm;
    t.args = bytes_of(param(ev, 2).unwrap_or_default());
    if let Some(pid) = p_i64(ev, 4) {
        t.pid = pid;
    }
    if t.ptid == -1
        && let Some(ptid) = p_i64(ev, 5)
    {
        t.ptid = ptid;
    }
    if let Some(l) = p_i64(ev, 7) {
        t.fdlimit = l;
    }
    if etype != SYSCALL_EXECVE_8_X {
        t.pfmajor = p_u64(ev, 8).unwrap_or(t.pfmajor);
        t.pfminor = p_u64(ev, 9).unwrap_or(t.pfminor);
        t.vmsize_kb = p_u64(ev, 10).map_or(t.vmsize_kb, |v| v as u32);
        t.vmrss_kb = p_u64(ev, 11).map_or(t.vmrss_kb, |v| v as u32);
        t.vmswap_kb = p_u64(ev, 12).map_or(t.vmswap_kb, |v| v as u32);
    }
    let env_i = match etype {
        SYSCALL_EXECVE_8_X | SYSCALL_EXECVE_13_X => None,
        SYSCALL_EXECVE_14_X => Some(13),
        SYSCALL_EXECVE_15_X => Some(14),
        _ => Some(15),
    };
    if let Some(i) = env_i {
        t.env = bytes_of(param(ev, i).unwrap_or_default());
    }
    if let Some((c, id)) = cgroups {
        t.cgroups = c;
        t.container_id = id;
    }
    if matches!(
        etype,
        SYSCALL_EXECVE_17_X | SYSCALL_EXECVE_18_X | SYSCALL_EXECVE_19_X | SYSCALL_EXECVEAT_X
    ) && let Some(tty) = p_u64(ev, 16)
    {
        t.tty = tty as u32;
    }
    match etype {
        SYSCALL_EXECVE_18_X | SYSCALL_EXECVE_19_X => execve_exepath(e, ev, tid),
        SYSCALL_EXECVEAT_X => execveat_exepath(e, ev, tid),
        _ => {}
    }
    let Some(t) = e.threads.get_mut(tid) else { return };
    if matches!(etype, SYSCALL_EXECVE_19_X | SYSCALL_EXECVEAT_X)
        && let Some(v) = p_i64(ev, 17)
    {
        t.vpgid = v;
    }
    if ev.nparams() > 18
        && let Some(v) = p_u64(ev, 18)
    {
        t.loginuid = v as u32;
    }
    if ev.nparams() > 19
        && let Some(v) = p_u64(ev, 19)
    {
        t.exe_writable = v as u32 & PPM_EXE_WRITABLE != 0;
    }
    let keep = t.flags & (tf::PIPE_SRC | tf::PIPE_DST | tf::IS_MAIN_THREAD | tf::CLONE_INVERTED);
    t.flags = tf::ACTIVE | keep | tf::NAME_CHANGED;
}

fn execve_exepath(e: &mut Engine, ev: &Event<'_>, tid: i64) {
    if !retrieve_enter(e, ev) {
        return;
    }
    let Some(name) = enter_view(e).and_then(|en| param(&en, 0).map(<[u8]>::to_vec)) else { return };
    let Some(t) = e.threads.get(tid) else { return };
    let path = if name.starts_with(b"<NA>") {
        bytes_of(b"<NA>")
    } else {
        let mut out = Vec::new();
        paths::concatenate(&mut out, &t.cwd, &name, name.len(), Some(paths::MAX_PATH));
        bytes_of(&out)
    };
    if let Some(t) = e.threads.get_mut(tid) {
        t.exepath = path;
    }
}

fn execveat_exepath(e: &mut Engine, ev: &Event<'_>, tid: i64) {
    if !retrieve_enter(e, ev) {
        return;
    }
    let Some(en) = enter_view(e) else { return };
    let dirfd = p_i64(&en, 0).unwrap_or(-100);
    let name = param(&en, 1).unwrap_or_default().to_vec();
    let flags = p_u64(&en, 2).unwrap_or(0) as u32;
    if name.starts_with(b"<NA>") {
        if let Some(t) = e.threads.get_mut(tid) {
            t.exepath = bytes_of(b"<NA>");
        }
        return;
    }
    let mut base = Vec::new();
    super::file::dirfd_base(e, tid, cstr(&name), dirfd, &mut base);
    let mut path = name.clone();
    if flags & PPM_EXVAT_AT_EMPTY_PATH != 0 && cstr(&name).is_empty() {
        path = base.clone();
    }
    let mut out = Vec::new();
    paths::concatenate(&mut out, &base, &path, name.len(), Some(paths::MAX_PATH));
    if let Some(t) = e.threads.get_mut(tid) {
        t.exepath = bytes_of(&out);
    }
}

/// `parse_thread_exit`: the removal happens at the next event.
pub(crate) fn procexit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if let Some(t) = e.threads.get_mut(tid) {
        t.flags |= tf::CLOSED;
        e.tid_to_remove = Some(tid);
    }
}

/// `parse_chdir_exit`.
pub(crate) fn chdir_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if e.threads.get(tid).is_none() || p_i64(ev, 0).is_none_or(|r| r < 0) {
        return;
    }
    if let Some(p) = param(ev, 1) {
        let p = p.to_vec();
        e.set_cwd(tid, &p, p.len());
    }
}

/// `parse_fchdir_exit`: the cwd becomes the fd's name.
pub(crate) fn fchdir_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if p_i64(ev, 0).is_none_or(|r| r < 0) || e.threads.get(tid).is_none() {
        return;
    }
    let Some(name) = e.cur.fd.and_then(|at| e.fd_at(at)).map(|f| f.name.clone()) else { return };
    e.set_cwd(tid, &name, name.len());
}

/// `parse_getcwd_exit`.
pub(crate) fn getcwd_exit(e: &mut Engine, ev: &Event<'_>) {
    chdir_exit(e, ev);
}

/// `parse_getrlimit_setrlimit_exit`: the main thread's fd limit.
pub(crate) fn rlimit_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if e.threads.get(tid).is_none() || p_i64(ev, 0).is_none_or(|r| r < 0) || !retrieve_enter(e, ev)
    {
        return;
    }
    let resource = enter_view(e).and_then(|en| p_u64(&en, 0)).map(|r| r as u8);
    if resource != Some(PPM_RLIMIT_NOFILE) {
        return;
    }
    let cur = p_i64(ev, 1).unwrap_or(-1);
    if cur != -1
        && let Some(m) = e.main_tid(tid)
        && let Some(t) = e.threads.get_mut(m)
    {
        t.fdlimit = cur;
    }
}

/// `parse_prlimit_exit`: the target process's fd limit.
pub(crate) fn prlimit_exit(e: &mut Engine, ev: &Event<'_>) {
    if p_i64(ev, 0).is_none_or(|r| r < 0) || !retrieve_enter(e, ev) {
        return;
    }
    let Some(en) = enter_view(e) else { return };
    if p_u64(&en, 1).map(|r| r as u8) != Some(PPM_RLIMIT_NOFILE) {
        return;
    }
    let mut target = p_i64(&en, 0).unwrap_or(0);
    let newcur = p_i64(ev, 1).unwrap_or(-1);
    if newcur == -1 {
        return;
    }
    if target == 0 {
        target = ev.tid() as i64;
    }
    if !e.ensure_thread(target) {
        return;
    }
    if let Some(m) = e.main_tid(target)
        && let Some(t) = e.threads.get_mut(m)
    {
        t.fdlimit = newcur;
    }
}

/// `parse_context_switch`: fault counters on the thread, memory on its main.
pub(crate) fn context_switch(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if ev.event_type() == SCHEDSWITCH_1_E {
        // The old switch skips the parse reset and has no thread.
        return;
    }
    // The counters are read when stored as 4 or 8 bytes.
    let counter = |p: Option<&[u8]>| match p {
        Some(b) if b.len() == 4 || b.len() == 8 => as_u64(b),
        _ => None,
    };
    let [_, pfmajor, pfminor, vmsize, vmrss, vmswap] = first_params::<6>(ev);
    let Some(t) = e.threads.get_mut(tid) else { return };
    t.pfmajor = counter(pfmajor).unwrap_or(t.pfmajor);
    t.pfminor = counter(pfminor).unwrap_or(t.pfminor);
    let main = if t.is_main_thread() { tid } else { t.pid };
    if (main == tid || e.ensure_thread(main))
        && let Some(mt) = e.threads.get_mut(main)
    {
        mt.vmsize_kb = counter(vmsize).map_or(mt.vmsize_kb, |x| x as u32);
        mt.vmrss_kb = counter(vmrss).map_or(mt.vmrss_kb, |x| x as u32);
        mt.vmswap_kb = counter(vmswap).map_or(mt.vmswap_kb, |x| x as u32);
    }
}

/// brk, mmap, mmap2, munmap exits: the thread's own memory counters.
pub(crate) fn memory_exit(e: &mut Engine, ev: &Event<'_>) {
    let Some(t) = e.threads.get_mut(ev.tid() as i64) else { return };
    let [_, vmsize, vmrss, vmswap] = first_params::<4>(ev);
    t.vmsize_kb = vmsize.and_then(as_u64).map_or(t.vmsize_kb, |v| v as u32);
    t.vmrss_kb = vmrss.and_then(as_u64).map_or(t.vmrss_kb, |v| v as u32);
    t.vmswap_kb = vmswap.and_then(as_u64).map_or(t.vmswap_kb, |v| v as u32);
}

/// `parse_setresuid_exit` / `parse_setresgid_exit`: the effective id, unless −1.
pub(crate) fn setresid_exit(e: &mut Engine, ev: &Event<'_>, uid: bool) {
    if p_i64(ev, 0).is_none_or(|r| r < 0) || !retrieve_enter(e, ev) {
        return;
    }
    let Some(id) = enter_view(e).and_then(|en| p_u64(&en, 1)).map(|v| v as u32) else { return };
    if id == u32::MAX {
        return;
    }
    if let Some(t) = e.threads.get_mut(ev.tid() as i64) {
        if uid { t.uid = id } else { t.gid = id }
    }
}

/// `parse_setuid_exit` / `parse_setgid_exit`.
pub(crate) fn setid_exit(e: &mut Engine, ev: &Event<'_>, uid: bool) {
    if p_i64(ev, 0).is_none_or(|r| r < 0) || !retrieve_enter(e, ev) {
        return;
    }
    let Some(id) = enter_view(e).and_then(|en| p_u64(&en, 0)).map(|v| v as u32) else { return };
    if let Some(t) = e.threads.get_mut(ev.tid() as i64) {
        if uid { t.uid = id } else { t.gid = id }
    }
}

/// `parse_chroot_exit`: the root, then container re-resolution.
pub(crate) fn chroot_exit(e: &mut Engine, ev: &Event<'_>) {
    let tid = ev.tid() as i64;
    if p_i64(ev, 0) != Some(0) || e.threads.get(tid).is_none() {
        return;
    }
    let raw = cstr(param(ev, 1).unwrap_or_default()).to_vec();
    let mut base = Vec::new();
    e.cwd_into(tid, &mut base);
    let mut resolved = Vec::new();
    let relative = paths::concatenate(&mut resolved, &base, &raw, raw.len() + 1, None);
    let root = if relative && !resolved.is_empty() { resolved } else { raw };
    let cg: Vec<Vec<u8>> = e
        .threads
        .get(tid)
        .map_or_else(Vec::new, |t| t.cgroups().map(|(_, p)| p.to_vec()).collect());
    let cg: Vec<&[u8]> = cg.iter().map(Vec::as_slice).collect();
    let id = e.containers.resolve(&cg);
    if let Some(t) = e.threads.get_mut(tid) {
        t.root = bytes_of(&root);
        t.container_id = id;
    }
}

/// `parse_setsid_exit`.
pub(crate) fn setsid_exit(e: &mut Engine, ev: &Event<'_>) {
    let Some(res) = p_i64(ev, 0).filter(|&r| r >= 0) else { return };
    if let Some(t) = e.threads.get_mut(ev.tid() as i64) {
        t.sid = res;
    }
}
