//! The x86_64 syscall table given to the probe: for each syscall number, the
//! enter/exit event pair, the PPM_SC code (what generic events carry) and
//! whether it leaves the kernel.
//!
//! The dedicated event pairs and the "state-changing" marks follow the
//! e5c53d64 driver's syscall table (`UF_NEVER_DROP`). A syscall whose event has
//! no recipe yet (see `recipes.rs`) is sent as a generic event.

use scap::table::{SYSCALL_NAMES, ids};

use crate::abi::{MAX_SYSCALLS, SC_INTERESTING, SC_KNOWN, SyscallEntry};
use crate::recipes;
use crate::syscall_names::X86_64_SYSCALLS;

/// `(syscall name, enter event, exit event, state-changing)`.
const DEDICATED: &[(&str, u16, u16, bool)] = {
    use ids::*;
    &[
        ("open", SYSCALL_OPEN_E, SYSCALL_OPEN_X, true),
        ("creat", SYSCALL_CREAT_E, SYSCALL_CREAT_X, true),
        ("openat", SYSCALL_OPENAT_2_E, SYSCALL_OPENAT_2_X, true),
        ("openat2", SYSCALL_OPENAT2_E, SYSCALL_OPENAT2_X, true),
        ("close", SYSCALL_CLOSE_E, SYSCALL_CLOSE_X, true),
        ("read", SYSCALL_READ_E, SYSCALL_READ_X, false),
        ("write", SYSCALL_WRITE_E, SYSCALL_WRITE_X, false),
        ("pread64", SYSCALL_PREAD_E, SYSCALL_PREAD_X, false),
        ("pwrite64", SYSCALL_PWRITE_E, SYSCALL_PWRITE_X, false),
        ("readv", SYSCALL_READV_E, SYSCALL_READV_X, false),
        ("writev", SYSCALL_WRITEV_E, SYSCALL_WRITEV_X, false),
        ("preadv", SYSCALL_PREADV_E, SYSCALL_PREADV_X, false),
        ("pwritev", SYSCALL_PWRITEV_E, SYSCALL_PWRITEV_X, false),
        ("brk", SYSCALL_BRK_4_E, SYSCALL_BRK_4_X, false),
        ("mmap", SYSCALL_MMAP_E, SYSCALL_MMAP_X, false),
        ("munmap", SYSCALL_MUNMAP_E, SYSCALL_MUNMAP_X, false),
        ("mprotect", SYSCALL_MPROTECT_E, SYSCALL_MPROTECT_X, false),
        ("execve", SYSCALL_EXECVE_19_E, SYSCALL_EXECVE_19_X, true),
        ("execveat", SYSCALL_EXECVEAT_E, SYSCALL_EXECVEAT_X, true),
        ("clone", SYSCALL_CLONE_20_E, SYSCALL_CLONE_20_X, true),
        ("fork", SYSCALL_FORK_20_E, SYSCALL_FORK_20_X, true),
        ("vfork", SYSCALL_VFORK_20_E, SYSCALL_VFORK_20_X, true),
        ("clone3", SYSCALL_CLONE3_E, SYSCALL_CLONE3_X, true),
        ("socket", SOCKET_SOCKET_E, SOCKET_SOCKET_X, true),
        ("bind", SOCKET_BIND_E, SOCKET_BIND_X, true),
        ("connect", SOCKET_CONNECT_E, SOCKET_CONNECT_X, true),
        ("listen", SOCKET_LISTEN_E, SOCKET_LISTEN_X, false),
        ("accept", SOCKET_ACCEPT_5_E, SOCKET_ACCEPT_5_X, true),
        ("accept4", SOCKET_ACCEPT4_5_E, SOCKET_ACCEPT4_5_X, true),
        ("getsockname", SOCKET_GETSOCKNAME_E, SOCKET_GETSOCKNAME_X, false),
        ("getpeername", SOCKET_GETPEERNAME_E, SOCKET_GETPEERNAME_X, false),
        ("socketpair", SOCKET_SOCKETPAIR_E, SOCKET_SOCKETPAIR_X, true),
        ("sendto", SOCKET_SENDTO_E, SOCKET_SENDTO_X, false),
        ("recvfrom", SOCKET_RECVFROM_E, SOCKET_RECVFROM_X, false),
        ("shutdown", SOCKET_SHUTDOWN_E, SOCKET_SHUTDOWN_X, false),
        ("sendmsg", SOCKET_SENDMSG_E, SOCKET_SENDMSG_X, false),
        ("recvmsg", SOCKET_RECVMSG_E, SOCKET_RECVMSG_X, false),
        ("sendmmsg", SOCKET_SENDMMSG_E, SOCKET_SENDMMSG_X, false),
        ("recvmmsg", SOCKET_RECVMMSG_E, SOCKET_RECVMMSG_X, false),
        ("pipe", SYSCALL_PIPE_E, SYSCALL_PIPE_X, true),
        ("pipe2", SYSCALL_PIPE_E, SYSCALL_PIPE_X, true),
        ("eventfd", SYSCALL_EVENTFD_E, SYSCALL_EVENTFD_X, true),
        ("eventfd2", SYSCALL_EVENTFD_E, SYSCALL_EVENTFD_X, true),
        ("futex", SYSCALL_FUTEX_E, SYSCALL_FUTEX_X, false),
        ("stat", SYSCALL_STAT_E, SYSCALL_STAT_X, false),
        ("lstat", SYSCALL_LSTAT_E, SYSCALL_LSTAT_X, false),
        ("fstat", SYSCALL_FSTAT_E, SYSCALL_FSTAT_X, false),
        ("epoll_wait", SYSCALL_EPOLLWAIT_E, SYSCALL_EPOLLWAIT_X, false),
        ("poll", SYSCALL_POLL_E, SYSCALL_POLL_X, false),
        ("ppoll", SYSCALL_PPOLL_E, SYSCALL_PPOLL_X, false),
        ("select", SYSCALL_SELECT_E, SYSCALL_SELECT_X, false),
        ("lseek", SYSCALL_LSEEK_E, SYSCALL_LSEEK_X, false),
        ("ioctl", SYSCALL_IOCTL_3_E, SYSCALL_IOCTL_3_X, false),
        ("getcwd", SYSCALL_GETCWD_E, SYSCALL_GETCWD_X, false),
        ("chdir", SYSCALL_CHDIR_E, SYSCALL_CHDIR_X, true),
        ("fchdir", SYSCALL_FCHDIR_E, SYSCALL_FCHDIR_X, true),
        ("mkdir", SYSCALL_MKDIR_2_E, SYSCALL_MKDIR_2_X, false),
        ("mkdirat", SYSCALL_MKDIRAT_E, SYSCALL_MKDIRAT_X, false),
        ("rmdir", SYSCALL_RMDIR_2_E, SYSCALL_RMDIR_2_X, false),
        ("link", SYSCALL_LINK_2_E, SYSCALL_LINK_2_X, false),
        ("linkat", SYSCALL_LINKAT_2_E, SYSCALL_LINKAT_2_X, false),
        ("unlink", SYSCALL_UNLINK_2_E, SYSCALL_UNLINK_2_X, false),
        ("unlinkat", SYSCALL_UNLINKAT_2_E, SYSCALL_UNLINKAT_2_X, false),
        ("rename", SYSCALL_RENAME_E, SYSCALL_RENAME_X, false),
        ("renameat", SYSCALL_RENAMEAT_E, SYSCALL_RENAMEAT_X, false),
        ("renameat2", SYSCALL_RENAMEAT2_E, SYSCALL_RENAMEAT2_X, false),
        ("symlink", SYSCALL_SYMLINK_E, SYSCALL_SYMLINK_X, false),
        ("symlinkat", SYSCALL_SYMLINKAT_E, SYSCALL_SYMLINKAT_X, false),
        ("dup", SYSCALL_DUP_E, SYSCALL_DUP_X, true),
        ("dup2", SYSCALL_DUP_E, SYSCALL_DUP_X, true),
        ("dup3", SYSCALL_DUP_E, SYSCALL_DUP_X, true),
        ("fcntl", SYSCALL_FCNTL_E, SYSCALL_FCNTL_X, true),
        ("signalfd", SYSCALL_SIGNALFD_E, SYSCALL_SIGNALFD_X, true),
        ("signalfd4", SYSCALL_SIGNALFD_E, SYSCALL_SIGNALFD_X, true),
        ("kill", SYSCALL_KILL_E, SYSCALL_KILL_X, false),
        ("tkill", SYSCALL_TKILL_E, SYSCALL_TKILL_X, false),
        ("tgkill", SYSCALL_TGKILL_E, SYSCALL_TGKILL_X, false),
        ("nanosleep", SYSCALL_NANOSLEEP_E, SYSCALL_NANOSLEEP_X, false),
        ("timerfd_create", SYSCALL_TIMERFD_CREATE_E, SYSCALL_TIMERFD_CREATE_X, true),
        ("inotify_init", SYSCALL_INOTIFY_INIT_E, SYSCALL_INOTIFY_INIT_X, true),
        ("inotify_init1", SYSCALL_INOTIFY_INIT_E, SYSCALL_INOTIFY_INIT_X, true),
        ("getrlimit", SYSCALL_GETRLIMIT_E, SYSCALL_GETRLIMIT_X, true),
        ("setrlimit", SYSCALL_SETRLIMIT_E, SYSCALL_SETRLIMIT_X, true),
        ("prlimit64", SYSCALL_PRLIMIT_E, SYSCALL_PRLIMIT_X, true),
        ("splice", SYSCALL_SPLICE_E, SYSCALL_SPLICE_X, false),
        ("setresuid", SYSCALL_SETRESUID_E, SYSCALL_SETRESUID_X, true),
        ("setresgid", SYSCALL_SETRESGID_E, SYSCALL_SETRESGID_X, true),
        ("setuid", SYSCALL_SETUID_E, SYSCALL_SETUID_X, true),
        ("setgid", SYSCALL_SETGID_E, SYSCALL_SETGID_X, true),
        ("getuid", SYSCALL_GETUID_E, SYSCALL_GETUID_X, false),
        ("geteuid", SYSCALL_GETEUID_E, SYSCALL_GETEUID_X, false),
        ("getgid", SYSCALL_GETGID_E, SYSCALL_GETGID_X, false),
        ("getegid", SYSCALL_GETEGID_E, SYSCALL_GETEGID_X, false),
        ("getdents", SYSCALL_GETDENTS_E, SYSCALL_GETDENTS_X, false),
        ("getdents64", SYSCALL_GETDENTS64_E, SYSCALL_GETDENTS64_X, false),
        ("setns", SYSCALL_SETNS_E, SYSCALL_SETNS_X, true),
        ("unshare", SYSCALL_UNSHARE_E, SYSCALL_UNSHARE_X, true),
        ("flock", SYSCALL_FLOCK_E, SYSCALL_FLOCK_X, false),
        ("access", SYSCALL_ACCESS_E, SYSCALL_ACCESS_X, false),
        ("chroot", SYSCALL_CHROOT_E, SYSCALL_CHROOT_X, true),
        ("setsid", SYSCALL_SETSID_E, SYSCALL_SETSID_X, true),
        ("setpgid", SYSCALL_SETPGID_E, SYSCALL_SETPGID_X, true),
        ("seccomp", SYSCALL_SECCOMP_E, SYSCALL_SECCOMP_X, false),
        ("fchmodat", SYSCALL_FCHMODAT_E, SYSCALL_FCHMODAT_X, false),
        ("chmod", SYSCALL_CHMOD_E, SYSCALL_CHMOD_X, false),
        ("fchmod", SYSCALL_FCHMOD_E, SYSCALL_FCHMOD_X, false),
        ("userfaultfd", SYSCALL_USERFAULTFD_E, SYSCALL_USERFAULTFD_X, true),
    ]
};

/// Syscalls that change state sysdig tracks but have no dedicated event
/// (they still leave the kernel when a filter does not ask for them).
const STATE_GENERIC: &[&str] = &["close_range", "exit", "exit_group"];

/// One syscall as the probe sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyscallInfo {
    /// x86_64 syscall number.
    pub nr: u32,
    /// Linux name.
    pub name: &'static str,
    /// PPM_SC code (0 when sysdig has none).
    pub ppm_sc: u16,
    /// Enter event id.
    pub enter_event: u16,
    /// Exit event id.
    pub exit_event: u16,
    /// Whether it changes state that the engine tracks, so it is captured
    /// even when the filter does not need it.
    pub state_changing: bool,
}

fn ppm_sc_of(name: &str) -> u16 {
    SYSCALL_NAMES.iter().position(|n| *n == name).map_or(0, |i| i as u16)
}

/// Every x86_64 syscall with the events the probe produces for it.
pub fn syscalls() -> impl Iterator<Item = SyscallInfo> {
    X86_64_SYSCALLS.iter().enumerate().filter(|(_, n)| !n.is_empty()).map(|(nr, &name)| {
        let dedicated = DEDICATED
            .iter()
            .find(|d| d.0 == name)
            .filter(|d| recipes::recipe_ops(d.1).is_some() && recipes::recipe_ops(d.2).is_some());
        let (enter_event, exit_event, state_changing) = match dedicated {
            Some(&(_, e, x, s)) => (e, x, s),
            None => (ids::GENERIC_E, ids::GENERIC_X, STATE_GENERIC.contains(&name)),
        };
        SyscallInfo {
            nr: nr as u32,
            name,
            ppm_sc: ppm_sc_of(name),
            enter_event,
            exit_event,
            state_changing,
        }
    })
}

/// Which syscalls leave the kernel. State-changing syscalls always do.
#[derive(Clone, Debug, Default)]
pub struct Interest {
    events: Option<Vec<u16>>,
    syscalls: Vec<u16>,
}

impl Interest {
    /// Every syscall (the default).
    pub fn all() -> Interest {
        Interest::default()
    }

    /// Only syscalls whose enter or exit event id is in `events` (plus the
    /// state-changing ones). Generic events (ids 0 and 1) are selected per
    /// syscall with [`Interest::with_syscalls`].
    pub fn events(events: impl IntoIterator<Item = u16>) -> Interest {
        Interest { events: Some(events.into_iter().collect()), syscalls: Vec::new() }
    }

    /// Also keeps the syscalls with these PPM_SC codes.
    pub fn with_syscalls(mut self, codes: impl IntoIterator<Item = u16>) -> Interest {
        self.syscalls.extend(codes);
        self
    }

    /// Whether every syscall leaves the kernel.
    pub fn is_all(&self) -> bool {
        self.events.is_none()
    }

    /// Whether `sc` leaves the kernel.
    pub fn wants(&self, sc: &SyscallInfo) -> bool {
        let Some(events) = &self.events else { return true };
        sc.state_changing
            || self.syscalls.contains(&sc.ppm_sc)
            || (sc.enter_event > ids::GENERIC_X
                && (events.contains(&sc.enter_event) || events.contains(&sc.exit_event)))
    }
}

/// The `syscall_table` map contents for `interest`.
pub(crate) fn table(interest: &Interest) -> Vec<SyscallEntry> {
    let mut t = vec![SyscallEntry::default(); MAX_SYSCALLS as usize];
    for sc in syscalls() {
        if let Some(slot) = t.get_mut(sc.nr as usize) {
            let mut flags = SC_KNOWN;
            if interest.wants(&sc) {
                flags |= SC_INTERESTING;
            }
            *slot = SyscallEntry {
                enter_event: sc.enter_event,
                exit_event: sc.exit_event,
                ppm_sc: sc.ppm_sc,
                flags,
            };
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(name: &str) -> SyscallInfo {
        syscalls().find(|s| s.name == name).unwrap()
    }

    #[test]
    fn dedicated_and_generic_syscalls() {
        let open = find("openat");
        assert_eq!(open.nr, 257);
        assert_eq!(open.enter_event, ids::SYSCALL_OPENAT_2_E);
        assert!(open.state_changing);
        let getpid = find("getpid");
        assert_eq!(getpid.nr, 39);
        assert_eq!(getpid.enter_event, ids::GENERIC_E);
        assert_eq!(SYSCALL_NAMES[getpid.ppm_sc as usize], "getpid");
        assert!(!getpid.state_changing);
        for d in DEDICATED {
            assert!(X86_64_SYSCALLS.contains(&d.0), "{} is not an x86_64 syscall", d.0);
            assert!(recipes::recipe_ops(d.1).is_some(), "{} enter has no recipe", d.0);
            assert!(recipes::recipe_ops(d.2).is_some(), "{} exit has no recipe", d.0);
        }
    }

    #[test]
    fn interest_keeps_state_changing_syscalls() {
        let only_write = Interest::events([ids::SYSCALL_WRITE_E]);
        let t = table(&only_write);
        assert_eq!(t[1].flags & SC_INTERESTING, SC_INTERESTING, "write");
        assert_eq!(t[0].flags & SC_INTERESTING, 0, "read");
        assert_eq!(t[39].flags & SC_INTERESTING, 0, "getpid");
        assert_eq!(t[3].flags & SC_INTERESTING, SC_INTERESTING, "close changes state");
        let with_getpid = only_write.with_syscalls([find("getpid").ppm_sc]);
        assert_eq!(table(&with_getpid)[39].flags & SC_INTERESTING, SC_INTERESTING);
        assert!(
            table(&Interest::all()).iter().filter(|e| e.flags & SC_INTERESTING != 0).count() > 300
        );
    }
}
