//! How the probe hooks syscalls: the `raw_syscalls` tracepoints, which run a
//! program for every syscall of every task, or the per-syscall tracepoints
//! `syscalls:sys_enter_<name>` / `sys_exit_<name>`, which run one only for
//! the syscalls that leave the kernel.
//!
//! Attaching any syscall tracepoint still puts every syscall of every task on
//! the kernel's syscall slow path (the tracepoint work flag is per task, not
//! per syscall), but with per-syscall tracepoints a syscall outside the
//! [`Interest`] only costs the kernel's bitmap test: no BPF program runs. On
//! this project's VM that is about half the cost of excluding it in a
//! `raw_syscalls` program (see `bench/RESULTS.md`, 2026-11-29). Full capture
//! keeps `raw_syscalls`: one hook for every syscall, no perf-event record
//! built by the kernel before the program runs.

use std::path::{Path, PathBuf};

use crate::syscalls::{Interest, syscalls};

/// Which tracepoints carry the syscall events of a capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyscallHooks {
    /// `raw_syscalls:sys_enter`/`sys_exit` (BTF-typed): every syscall runs
    /// the programs, which drop the ones outside the interest.
    RawSyscalls,
    /// `syscalls:sys_enter_<name>`/`sys_exit_<name>` of these syscalls only
    /// (their tracepoint names).
    PerSyscall(Vec<&'static str>),
}

/// Where tracefs may be mounted, in the order aya looks.
const TRACEFS_ROOTS: &[&str] = &["/sys/kernel/tracing", "/sys/kernel/debug/tracing"];

/// The tracepoint name of a syscall, where the kernel's differs from the
/// syscall table's (the x86_64 `stat` family is `newstat`, ... in the
/// kernel's `SYSCALL_DEFINE`s).
pub fn tracepoint_name(syscall: &'static str) -> &'static str {
    match syscall {
        "stat" => "newstat",
        "fstat" => "newfstat",
        "lstat" => "newlstat",
        "uname" => "newuname",
        "sendfile" => "sendfile64",
        "umount2" => "umount",
        other => other,
    }
}

/// The `events/syscalls` directory of the mounted tracefs, if any.
fn mounted_syscall_events_dir() -> Option<PathBuf> {
    TRACEFS_ROOTS
        .iter()
        .map(|root| Path::new(root).join("events/syscalls"))
        .find(|dir| dir.join("sys_enter_openat").is_dir())
}

/// The `events/syscalls` directory of tracefs; when tracefs is not mounted
/// (a machine booted without systemd, or a kernel that no longer mounts it
/// under debugfs), it is mounted on its standard mount point first, as `perf`
/// and `trace-cmd` do.
fn syscall_events_dir() -> Option<PathBuf> {
    mounted_syscall_events_dir().or_else(|| {
        mount_tracefs(c"/sys/kernel/tracing").then(mounted_syscall_events_dir).flatten()
    })
}

/// Mounts tracefs on `target` (an existing, empty directory); false when the
/// kernel refuses (no privilege, no tracefs).
fn mount_tracefs(target: &std::ffi::CStr) -> bool {
    // SAFETY: every pointer is a NUL-terminated string that outlives the
    // call; tracefs takes no mount data.
    let rc = unsafe {
        libc::mount(
            c"nodev".as_ptr(),
            target.as_ptr(),
            c"tracefs".as_ptr(),
            libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
            std::ptr::null(),
        )
    };
    rc == 0
}

/// The hooks for `interest`: per-syscall tracepoints when it is restricted,
/// `per_syscall` allows them and tracefs has them, else `raw_syscalls`.
///
/// A wanted syscall with no tracepoint is one this kernel does not implement
/// (its number goes to `sys_ni_syscall`, which has no tracepoint): it is left
/// out, as it can only fail with `ENOSYS`.
pub(crate) fn plan(interest: &Interest, per_syscall: bool) -> SyscallHooks {
    if interest.is_all() || !per_syscall {
        return SyscallHooks::RawSyscalls;
    }
    let Some(dir) = syscall_events_dir() else { return SyscallHooks::RawSyscalls };
    plan_in(interest, &dir)
}

/// [`plan`] against the tracepoints listed under `dir`.
fn plan_in(interest: &Interest, dir: &Path) -> SyscallHooks {
    let mut names: Vec<&'static str> = syscalls()
        .filter(|sc| interest.wants(sc))
        .map(|sc| tracepoint_name(sc.name))
        .filter(|tp| {
            dir.join(format!("sys_enter_{tp}")).is_dir()
                && dir.join(format!("sys_exit_{tp}")).is_dir()
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    SyscallHooks::PerSyscall(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scap::table::ids;

    #[test]
    fn full_interest_keeps_raw_syscalls() {
        assert_eq!(plan(&Interest::all(), true), SyscallHooks::RawSyscalls);
        assert_eq!(plan(&Interest::events([]), false), SyscallHooks::RawSyscalls);
    }

    #[test]
    fn restricted_interest_lists_the_wanted_tracepoints() {
        let dir = std::env::temp_dir().join(format!("sysray-hooks-{}", std::process::id()));
        for tp in ["openat", "close", "newstat", "write", "getpid", "execve"] {
            for side in ["enter", "exit"] {
                std::fs::create_dir_all(dir.join(format!("sys_{side}_{tp}"))).unwrap();
            }
        }
        let only_stat = Interest::events([ids::SYSCALL_STAT_E]);
        let SyscallHooks::PerSyscall(names) = plan_in(&only_stat, &dir) else { panic!() };
        // stat under its kernel name, the state-changing ones that exist here,
        // nothing else (write and getpid are not wanted; open has no
        // tracepoint in this directory).
        assert_eq!(names, ["close", "execve", "newstat", "openat"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
