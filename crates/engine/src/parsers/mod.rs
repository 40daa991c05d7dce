//! Event handlers by syscall family, and the one `match` that routes events to
//! them. Each handler gates its effects on what it needs (pairing, a known fd,
//! the stored enter event), as state-engine.md §1.4 lists.

mod args;
mod file;
mod meta;
mod process;
mod socket;
#[cfg(test)]
mod tests;

use scap::Event;
use scap::table::{EventInfo, ids};

pub(crate) use args::{as_u64, first_params, p_i64, p_u64, param};

use crate::engine::Engine;
use crate::threads::{Bytes, bytes_of};

/// Enter events longer than this are not stored (`SP_EVT_BUF_SIZE`).
const MAX_STORED_ENTER: usize = 4096;

/// Routes `ev` to its handler (`sinsp_parser::process_event`'s switch).
pub(crate) fn dispatch(e: &mut Engine, ev: &Event<'_>, _info: &EventInfo) {
    use ids::*;
    match ev.event_type() {
        SOCKET_SENDTO_E => {
            socket::infer_sendto_fd(e, ev);
            store_enter(e, ev);
        }
        t if always_stores_enter(t) => store_enter(e, ev),
        SYSCALL_WRITE_E => file::write_enter(e, ev),
        SYSCALL_READ_X | SYSCALL_WRITE_X | SOCKET_RECV_X | SOCKET_SEND_X | SOCKET_RECVFROM_X
        | SOCKET_RECVMSG_X | SOCKET_SENDTO_X | SOCKET_SENDMSG_X | SYSCALL_READV_X
        | SYSCALL_WRITEV_X | SYSCALL_PREAD_X | SYSCALL_PWRITE_X | SYSCALL_PREADV_X
        | SYSCALL_PWRITEV_X => socket::rw_exit(e, ev),
        SYSCALL_OPEN_X | SYSCALL_CREAT_X | SYSCALL_OPENAT_X | SYSCALL_OPENAT_2_X
        | SYSCALL_OPENAT2_X => file::open_exit(e, ev),
        SYSCALL_SELECT_E | SYSCALL_POLL_E | SYSCALL_PPOLL_E | SYSCALL_EPOLLWAIT_E => {
            select_poll_enter(e, ev)
        }
        SYSCALL_CLONE_11_X | SYSCALL_CLONE_16_X | SYSCALL_CLONE_17_X | SYSCALL_CLONE_20_X
        | SYSCALL_FORK_X | SYSCALL_FORK_17_X | SYSCALL_FORK_20_X | SYSCALL_VFORK_X
        | SYSCALL_VFORK_17_X | SYSCALL_VFORK_20_X | SYSCALL_CLONE3_X => process::clone_exit(e, ev),
        SYSCALL_EXECVE_8_X | SYSCALL_EXECVE_13_X | SYSCALL_EXECVE_14_X | SYSCALL_EXECVE_15_X
        | SYSCALL_EXECVE_16_X | SYSCALL_EXECVE_17_X | SYSCALL_EXECVE_18_X | SYSCALL_EXECVE_19_X
        | SYSCALL_EXECVEAT_X => process::execve_exit(e, ev),
        PROCEXIT_E | PROCEXIT_1_E => process::procexit(e, ev),
        SYSCALL_PIPE_X => file::pipe_exit(e, ev),
        SOCKET_SOCKET_X => socket::socket_exit(e, ev),
        SOCKET_BIND_X => socket::bind_exit(e, ev),
        SOCKET_CONNECT_E => socket::connect_enter(e, ev),
        SOCKET_CONNECT_X => socket::connect_exit(e, ev),
        SOCKET_ACCEPT_X | SOCKET_ACCEPT_5_X | SOCKET_ACCEPT4_X | SOCKET_ACCEPT4_5_X => {
            socket::accept_exit(e, ev)
        }
        SYSCALL_CLOSE_E => file::close_enter(e, ev),
        SYSCALL_CLOSE_X => file::close_exit(e, ev),
        SYSCALL_FCNTL_E => file::fcntl_enter(e, ev),
        SYSCALL_FCNTL_X => file::fcntl_exit(e, ev),
        SYSCALL_EVENTFD_X => file::simple_fd_exit(e, ev, crate::fds::FdKind::Event),
        SYSCALL_SIGNALFD_X => file::simple_fd_exit(e, ev, crate::fds::FdKind::SignalFd),
        SYSCALL_TIMERFD_CREATE_X => file::simple_fd_exit(e, ev, crate::fds::FdKind::TimerFd),
        SYSCALL_INOTIFY_INIT_X => file::simple_fd_exit(e, ev, crate::fds::FdKind::Inotify),
        SYSCALL_CHDIR_X => process::chdir_exit(e, ev),
        SYSCALL_FCHDIR_X => process::fchdir_exit(e, ev),
        SYSCALL_GETCWD_X => process::getcwd_exit(e, ev),
        SYSCALL_DUP_X => file::dup_exit(e, ev),
        SYSCALL_GETRLIMIT_X | SYSCALL_SETRLIMIT_X => process::rlimit_exit(e, ev),
        SYSCALL_PRLIMIT_X => process::prlimit_exit(e, ev),
        SOCKET_SOCKETPAIR_X => socket::socketpair_exit(e, ev),
        SCHEDSWITCH_1_E | SCHEDSWITCH_6_E => process::context_switch(e, ev),
        SYSCALL_BRK_4_X | SYSCALL_MMAP_X | SYSCALL_MMAP2_X | SYSCALL_MUNMAP_X => {
            process::memory_exit(e, ev)
        }
        SYSCALL_SETRESUID_X => process::setresid_exit(e, ev, true),
        SYSCALL_SETRESGID_X => process::setresid_exit(e, ev, false),
        SYSCALL_SETUID_X => process::setid_exit(e, ev, true),
        SYSCALL_SETGID_X => process::setid_exit(e, ev, false),
        CONTAINER_E => meta::container_old(e, ev),
        CONTAINER_JSON_E | CONTAINER_JSON_2_E => meta::container_json(e, ev),
        K8S_E => meta::k8s(e, ev),
        SYSCALL_CHROOT_X => process::chroot_exit(e, ev),
        SYSCALL_SETSID_X => process::setsid_exit(e, ev),
        SOCKET_GETSOCKOPT_X if ev.nparams() > 0 => socket::getsockopt_exit(e, ev),
        _ => {}
    }
}

/// Enter types whose events are always kept for their exit (besides `sendto`,
/// and `fcntl` with a dup command).
pub(crate) fn always_stores_enter(etype: u16) -> bool {
    use ids::*;
    matches!(
        etype,
        SYSCALL_OPEN_E
            | SYSCALL_CREAT_E
            | SYSCALL_OPENAT_E
            | SYSCALL_OPENAT_2_E
            | SYSCALL_OPENAT2_E
            | SOCKET_SOCKET_E
            | SYSCALL_EVENTFD_E
            | SYSCALL_CHDIR_E
            | SYSCALL_FCHDIR_E
            | SOCKET_SHUTDOWN_E
            | SYSCALL_GETRLIMIT_E
            | SYSCALL_SETRLIMIT_E
            | SYSCALL_PRLIMIT_E
            | SOCKET_SENDMSG_E
            | SYSCALL_SENDFILE_E
            | SYSCALL_SETRESUID_E
            | SYSCALL_SETRESGID_E
            | SYSCALL_SETUID_E
            | SYSCALL_SETGID_E
            | SYSCALL_EXECVE_18_E
            | SYSCALL_EXECVE_19_E
            | SYSCALL_EXECVEAT_E
            | SYSCALL_SETPGID_E
    )
}

/// `store_event`: keeps a copy of the enter event for its exit.
pub(crate) fn store_enter(e: &mut Engine, ev: &Event<'_>) {
    let Some(t) = e.threads.get_mut(ev.tid() as i64) else { return };
    if ev.v2_len() > MAX_STORED_ENTER {
        return;
    }
    t.enter.bytes.clear();
    ev.encode_v2(&mut t.enter.bytes);
    t.enter.present = true;
    t.enter.valid = ev.cpuid() != u16::MAX;
    t.enter.cpuid = ev.cpuid();
}

/// `parse_select_poll_epollwait_enter`: only the timestamp of the stored buffer
/// is overwritten.
fn select_poll_enter(e: &mut Engine, ev: &Event<'_>) {
    let Some(t) = e.threads.get_mut(ev.tid() as i64) else { return };
    if !t.enter.present {
        t.enter.present = true;
        t.enter.bytes.clear();
    }
    if t.enter.bytes.len() >= 8 {
        t.enter.bytes[..8].copy_from_slice(&ev.ts().to_le_bytes());
    }
}

/// `retrieve_enter_event`: copies the stored enter of `exit`'s thread into the
/// engine's scratch and returns true when it is valid and of type `exit − 1`.
pub(crate) fn retrieve_enter(e: &mut Engine, exit: &Event<'_>) -> bool {
    let Some(t) = e.threads.get_mut(exit.tid() as i64) else { return false };
    if !(t.enter.valid && t.enter.present) {
        return false;
    }
    let ok = scap::Event::from_v2(&t.enter.bytes, t.enter.cpuid, 0)
        .is_ok_and(|en| en.event_type().wrapping_add(1) == exit.event_type());
    if !ok {
        t.enter.valid = false;
        return false;
    }
    e.enter_copy.clear();
    e.enter_copy.extend_from_slice(&t.enter.bytes);
    e.cur.enter_ok = true;
    true
}

/// A view of the enter retrieved by [`retrieve_enter`].
pub(crate) fn enter_view(e: &Engine) -> Option<Event<'_>> {
    scap::Event::from_v2(&e.enter_copy, 0, 0).ok()
}

/// Normalises a NUL-separated cgroups blob (`set_cgroups`): each item split at its
/// last `=`, `_cgroup` removed from the subsystem, `perf`/`mem`/`io` renamed; an
/// item without `=` ends the list.
pub(crate) fn normalize_cgroups(blob: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(blob.len() + 16);
    for item in crate::threads::split_nul(blob) {
        let Some(eq) = item.iter().rposition(|&c| c == b'=') else { break };
        let (subsys, path) = (&item[..eq], &item[eq + 1..]);
        let at = out.len();
        match subsys.windows(7).position(|w| w == b"_cgroup") {
            Some(pos) => {
                out.extend_from_slice(&subsys[..pos]);
                out.extend_from_slice(&subsys[pos + 7..]);
            }
            None => out.extend_from_slice(subsys),
        }
        let renamed: Option<&[u8]> = match &out[at..] {
            b"perf" => Some(b"perf_event"),
            b"mem" => Some(b"memory"),
            b"io" => Some(b"blkio"),
            _ => None,
        };
        if let Some(r) = renamed {
            out.truncate(at);
            out.extend_from_slice(r);
        }
        out.push(b'=');
        out.extend_from_slice(path);
        out.push(0);
    }
    bytes_of(&out)
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    #[test]
    fn cgroups_are_normalised() {
        let b = normalize_cgroups(b"cpuset=/docker/x\0cpu_cgroup=/a\0perf=/\0bad\0mem=/m\0");
        assert_eq!(&*b, b"cpuset=/docker/x\0cpu=/a\0perf_event=/\0");
    }
}
