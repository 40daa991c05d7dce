//! How the probe fills each event: one recipe (a list of parameter sources)
//! per event id, compiled into the `recipes` BPF map at load time.
//!
//! The parameter layout is the e5c53d64 event table (`scap::table::EVENTS`);
//! a recipe only says where each value comes from. Integer widths come from
//! the table's parameter types, so a recipe cannot disagree with the layout
//! sysdig 0.29.3 reads (the tests check every recipe against the table).
//! Flag parameters carry raw kernel values here; [`crate::convert`] turns them
//! into PPM_* encodings in the consumer.

use scap::table::{self, ParamType, ids};

use crate::abi::{FAST_MAX_PARAMS, Kind, MAX_PARAMS, ParamOp, RECIPE_FAST, Recipe};

/// Where one parameter comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Op {
    kind: Kind,
    a: u8,
    b: u8,
    flag: u8,
}

/// `b` of an `Arg` op: fold fcntl commands >= 1024 into one byte (0x80 | cmd - 1024).
pub(crate) const FOLD_FCNTL: u8 = 2;

/// No argument index (for the optional user sockaddr of a tuple).
const NONE: u8 = 0xff;

const fn op(kind: Kind, a: u8, b: u8, flag: u8) -> Op {
    Op { kind, a, b, flag }
}
const fn arg(a: u8) -> Op {
    op(Kind::Arg, a, 0, 0)
}
const fn s(a: u8) -> Op {
    op(Kind::ArgStr, a, 0, 0)
}
const fn buf_ret(a: u8) -> Op {
    op(Kind::BufRet, a, 0, 0)
}
const fn user_u64(a: u8, index: u8) -> Op {
    op(Kind::UserU64, a, index, 0)
}
const fn tuple(fd_arg: u8, inbound: bool, uaddr: u8) -> Op {
    op(Kind::TupleArg, fd_arg, uaddr, inbound as u8)
}
const fn k(kind: Kind) -> Op {
    op(kind, 0, 0, 0)
}
const RET: Op = k(Kind::Ret);
const ZERO: Op = k(Kind::Zero);
const DEV_RET: Op = k(Kind::DevRet);
const VM: [Op; 3] = [k(Kind::VmSize), k(Kind::VmRss), k(Kind::VmSwap)];

/// The process block shared by clone, fork, vfork and clone3 exits.
const fn clone_exit(flags: Op) -> [Op; 20] {
    [
        RET,
        k(Kind::Exe),
        k(Kind::Args),
        k(Kind::Tid),
        k(Kind::Pid),
        k(Kind::Ptid),
        k(Kind::Cwd),
        k(Kind::FdLimit),
        k(Kind::PgftMaj),
        k(Kind::PgftMin),
        VM[0],
        VM[1],
        VM[2],
        k(Kind::Comm),
        k(Kind::Cgroups),
        flags,
        k(Kind::Uid),
        k(Kind::Gid),
        k(Kind::Vtid),
        k(Kind::Vpid),
    ]
}

/// The process block of execve and execveat exits.
const EXECVE_EXIT: [Op; 20] = [
    RET,
    k(Kind::Exe),
    k(Kind::Args),
    k(Kind::Tid),
    k(Kind::Pid),
    k(Kind::Ptid),
    k(Kind::Cwd),
    k(Kind::FdLimit),
    k(Kind::PgftMaj),
    k(Kind::PgftMin),
    VM[0],
    VM[1],
    VM[2],
    k(Kind::Comm),
    k(Kind::Cgroups),
    k(Kind::Env),
    k(Kind::Tty),
    k(Kind::Pgid),
    k(Kind::LoginUid),
    ZERO,
];

const CLONE_X: [Op; 20] = clone_exit(op(Kind::CloneFlags, 0, 0, 8));
const FORK_X: [Op; 20] = clone_exit(op(Kind::CloneFlags, 0, 1, 0));
const VFORK_X: [Op; 20] = clone_exit(op(Kind::CloneFlags, 0, 2, 0));
const CLONE3_X: [Op; 20] = clone_exit(op(Kind::CloneFlags, 0, 0, 1));
const ACCEPT_X: [Op; 5] =
    [RET, op(Kind::TupleRet, 0, NONE, 1), k(Kind::QueuePct), k(Kind::QueueLen), k(Kind::QueueMax)];
const RET_ONLY: [Op; 1] = [RET];
const NOTHING: [Op; 0] = [];
const FD_ONLY: [Op; 1] = [arg(0)];
const RET_PATH0: [Op; 2] = [RET, s(0)];
const IOV_SIZE: Op = op(Kind::IovSize, 1, 2, 0);
const IOV_DATA_RET: Op = op(Kind::IovData, 1, 2, 1);
const MSG_SIZE: Op = op(Kind::MsgSize, 1, 0, 0);
const MSG_DATA_RET: Op = op(Kind::MsgData, 1, 0, 1);

/// The recipe of `event`, or `None` when the probe does not produce it (its
/// syscalls then fall back to generic events).
pub(crate) fn recipe_ops(event: u16) -> Option<&'static [Op]> {
    use ids::*;
    Some(match event {
        GENERIC_E => const { &[k(Kind::ScId), k(Kind::NativeId)] },
        GENERIC_X => const { &[k(Kind::ScId)] },
        SYSCALL_OPEN_E => const { &[s(0), arg(1), arg(2)] },
        SYSCALL_OPEN_X => const { &[RET, s(0), arg(1), arg(2), DEV_RET] },
        SYSCALL_CREAT_E => const { &[s(0), arg(1)] },
        SYSCALL_CREAT_X => const { &[RET, s(0), arg(1), DEV_RET] },
        SYSCALL_OPENAT_2_E => const { &[arg(0), s(1), arg(2), arg(3)] },
        SYSCALL_OPENAT_2_X => const { &[RET, arg(0), s(1), arg(2), arg(3), DEV_RET] },
        SYSCALL_OPENAT2_E | SYSCALL_OPENAT2_X => {
            if event == SYSCALL_OPENAT2_E {
                const { &[arg(0), s(1), user_u64(2, 0), user_u64(2, 1), user_u64(2, 2)] }
            } else {
                const { &[RET, arg(0), s(1), user_u64(2, 0), user_u64(2, 1), user_u64(2, 2)] }
            }
        }
        SYSCALL_CLOSE_E => &FD_ONLY,
        SYSCALL_READ_E | SYSCALL_WRITE_E => const { &[arg(0), arg(2)] },
        SYSCALL_READ_X | SYSCALL_WRITE_X | SYSCALL_PREAD_X | SYSCALL_PWRITE_X => {
            const { &[RET, buf_ret(1)] }
        }
        SYSCALL_PREAD_E | SYSCALL_PWRITE_E => const { &[arg(0), arg(2), arg(3)] },
        SYSCALL_READV_E => &FD_ONLY,
        SYSCALL_READV_X | SYSCALL_PREADV_X => const { &[RET, IOV_SIZE, IOV_DATA_RET] },
        SYSCALL_WRITEV_E => const { &[arg(0), IOV_SIZE] },
        SYSCALL_WRITEV_X | SYSCALL_PWRITEV_X => const { &[RET, IOV_DATA_RET] },
        SYSCALL_PREADV_E => const { &[arg(0), arg(3)] },
        SYSCALL_PWRITEV_E => const { &[arg(0), IOV_SIZE, arg(3)] },
        SYSCALL_BRK_4_E => const { &[arg(0)] },
        SYSCALL_BRK_4_X | SYSCALL_MMAP_X | SYSCALL_MUNMAP_X => {
            const { &[RET, VM[0], VM[1], VM[2]] }
        }
        SYSCALL_MMAP_E => const { &[arg(0), arg(1), arg(2), arg(3), arg(4), arg(5)] },
        SYSCALL_MUNMAP_E => const { &[arg(0), arg(1)] },
        SYSCALL_MPROTECT_E => const { &[arg(0), arg(1), arg(2)] },
        SYSCALL_EXECVE_19_E => const { &[s(0)] },
        SYSCALL_EXECVE_19_X | SYSCALL_EXECVEAT_X => &EXECVE_EXIT,
        SYSCALL_EXECVEAT_E => const { &[arg(0), s(1), arg(4)] },
        SYSCALL_CLONE_20_E | SYSCALL_FORK_20_E | SYSCALL_VFORK_20_E | SYSCALL_CLONE3_E => &NOTHING,
        SYSCALL_CLONE_20_X => &CLONE_X,
        SYSCALL_FORK_20_X => &FORK_X,
        SYSCALL_VFORK_20_X => &VFORK_X,
        SYSCALL_CLONE3_X => &CLONE3_X,
        SOCKET_SOCKET_E | SOCKET_SOCKETPAIR_E => const { &[arg(0), arg(1), arg(2)] },
        SOCKET_SOCKET_X => &RET_ONLY,
        SOCKET_BIND_E => &FD_ONLY,
        SOCKET_BIND_X => const { &[RET, op(Kind::Sockaddr, 1, 2, 0)] },
        SOCKET_CONNECT_E => const { &[arg(0), op(Kind::Sockaddr, 1, 2, 0)] },
        SOCKET_CONNECT_X => const { &[RET, tuple(0, false, 1)] },
        SOCKET_LISTEN_E => const { &[arg(0), arg(1)] },
        SOCKET_ACCEPT_5_E => &NOTHING,
        SOCKET_ACCEPT4_5_E => const { &[ZERO] },
        SOCKET_ACCEPT_5_X | SOCKET_ACCEPT4_5_X => &ACCEPT_X,
        SOCKET_SENDTO_E => const { &[arg(0), arg(2), tuple(0, false, 4)] },
        SOCKET_SENDTO_X | SOCKET_SENDMSG_X => {
            if event == SOCKET_SENDTO_X {
                const { &[RET, buf_ret(1)] }
            } else {
                const { &[RET, MSG_DATA_RET] }
            }
        }
        SOCKET_RECVFROM_E => const { &[arg(0), arg(2)] },
        SOCKET_RECVFROM_X => const { &[RET, buf_ret(1), tuple(0, true, 4)] },
        SOCKET_SENDMSG_E => const { &[arg(0), MSG_SIZE, tuple(0, false, NONE)] },
        SOCKET_RECVMSG_E => &FD_ONLY,
        SOCKET_RECVMSG_X => const { &[RET, MSG_SIZE, MSG_DATA_RET, tuple(0, true, NONE)] },
        SOCKET_SHUTDOWN_E => const { &[arg(0), arg(1)] },
        SOCKET_SOCKETPAIR_X => {
            const {
                &[
                    RET,
                    op(Kind::FdPair, 3, 0, 0),
                    op(Kind::FdPair, 3, 1, 0),
                    op(Kind::UnixPtr, 3, 0, 0),
                    op(Kind::UnixPtr, 3, 1, 0),
                ]
            }
        }
        SOCKET_GETSOCKNAME_E
        | SOCKET_GETSOCKNAME_X
        | SOCKET_GETPEERNAME_E
        | SOCKET_GETPEERNAME_X
        | SOCKET_SENDMMSG_E
        | SOCKET_SENDMMSG_X
        | SOCKET_RECVMMSG_E
        | SOCKET_RECVMMSG_X
        | SYSCALL_PIPE_E
        | SYSCALL_STAT_E
        | SYSCALL_LSTAT_E
        | SYSCALL_SELECT_E
        | SYSCALL_GETCWD_E
        | SYSCALL_CHDIR_E
        | SYSCALL_RMDIR_2_E
        | SYSCALL_LINK_2_E
        | SYSCALL_LINKAT_2_E
        | SYSCALL_UNLINK_2_E
        | SYSCALL_UNLINKAT_2_E
        | SYSCALL_MKDIRAT_E
        | SYSCALL_RENAME_E
        | SYSCALL_RENAMEAT_E
        | SYSCALL_RENAMEAT2_E
        | SYSCALL_SYMLINK_E
        | SYSCALL_SYMLINKAT_E
        | SYSCALL_GETUID_E
        | SYSCALL_GETEUID_E
        | SYSCALL_GETGID_E
        | SYSCALL_GETEGID_E
        | SYSCALL_CHROOT_E
        | SYSCALL_SETSID_E
        | SYSCALL_FCHMODAT_E
        | SYSCALL_CHMOD_E
        | SYSCALL_FCHMOD_E
        | SYSCALL_USERFAULTFD_E => &NOTHING,
        SYSCALL_PIPE_X => {
            const {
                &[
                    RET,
                    op(Kind::FdPair, 0, 0, 0),
                    op(Kind::FdPair, 0, 1, 0),
                    op(Kind::PipeIno, 0, 0, 0),
                ]
            }
        }
        SYSCALL_EVENTFD_E => const { &[arg(0), ZERO] },
        SYSCALL_FUTEX_E => const { &[arg(0), arg(1), arg(2)] },
        SYSCALL_STAT_X | SYSCALL_LSTAT_X | SYSCALL_CHDIR_X | SYSCALL_RMDIR_2_X
        | SYSCALL_UNLINK_2_X | SYSCALL_CHROOT_X => &RET_PATH0,
        SYSCALL_GETCWD_X => const { &[RET, s(0)] },
        SYSCALL_FSTAT_E | SYSCALL_FCHDIR_E | SYSCALL_DUP_E | SYSCALL_GETDENTS_E
        | SYSCALL_GETDENTS64_E => &FD_ONLY,
        SYSCALL_EPOLLWAIT_E => const { &[arg(2)] },
        SYSCALL_POLL_E => const { &[op(Kind::FdList, 0, 1, 0), arg(2)] },
        SYSCALL_POLL_X | SYSCALL_PPOLL_X => const { &[RET, op(Kind::FdList, 0, 1, 1)] },
        SYSCALL_PPOLL_E => {
            const { &[op(Kind::FdList, 0, 1, 0), op(Kind::Timespec, 2, 0, 0), ZERO] }
        }
        SYSCALL_LSEEK_E => const { &[arg(0), arg(1), arg(2)] },
        SYSCALL_IOCTL_3_E => const { &[arg(0), arg(1), arg(2)] },
        SYSCALL_MKDIR_2_E => const { &[arg(1)] },
        SYSCALL_MKDIR_2_X => &RET_PATH0,
        SYSCALL_MKDIRAT_X => const { &[RET, arg(0), s(1), arg(2)] },
        SYSCALL_LINK_2_X | SYSCALL_RENAME_X | SYSCALL_SYMLINK_X => const { &[RET, s(0), s(1)] },
        SYSCALL_LINKAT_2_X | SYSCALL_RENAMEAT2_X => {
            const { &[RET, arg(0), s(1), arg(2), s(3), arg(4)] }
        }
        SYSCALL_RENAMEAT_X => const { &[RET, arg(0), s(1), arg(2), s(3)] },
        SYSCALL_SYMLINKAT_X => const { &[RET, s(0), arg(1), s(2)] },
        SYSCALL_UNLINKAT_2_X => const { &[RET, arg(0), s(1), arg(2)] },
        SYSCALL_SIGNALFD_E => const { &[arg(0), ZERO, ZERO] },
        SYSCALL_KILL_E | SYSCALL_TKILL_E => const { &[arg(0), arg(1)] },
        SYSCALL_TGKILL_E => const { &[arg(0), arg(1), arg(2)] },
        SYSCALL_NANOSLEEP_E => const { &[op(Kind::Timespec, 0, 0, 0)] },
        SYSCALL_TIMERFD_CREATE_E => const { &[arg(0), arg(1)] },
        SYSCALL_INOTIFY_INIT_E => const { &[ZERO] },
        SYSCALL_GETRLIMIT_E | SYSCALL_SETRLIMIT_E => const { &[arg(0)] },
        SYSCALL_GETRLIMIT_X | SYSCALL_SETRLIMIT_X => {
            const { &[RET, op(Kind::Rlimit, 1, 0, 0), op(Kind::Rlimit, 1, 1, 0)] }
        }
        SYSCALL_PRLIMIT_E => const { &[arg(0), arg(1)] },
        SYSCALL_PRLIMIT_X => {
            const {
                &[
                    RET,
                    op(Kind::Rlimit, 2, 0, 0),
                    op(Kind::Rlimit, 2, 1, 0),
                    op(Kind::Rlimit, 3, 0, 0),
                    op(Kind::Rlimit, 3, 1, 0),
                ]
            }
        }
        SYSCALL_FCNTL_E => const { &[arg(0), op(Kind::Arg, 1, FOLD_FCNTL, 0)] },
        SYSCALL_SPLICE_E => const { &[arg(0), arg(2), arg(4), arg(5)] },
        SYSCALL_SETRESUID_E | SYSCALL_SETRESGID_E => const { &[arg(0), arg(1), arg(2)] },
        SYSCALL_SETUID_E | SYSCALL_SETGID_E => const { &[arg(0)] },
        SYSCALL_SETNS_E | SYSCALL_FLOCK_E | SYSCALL_SETPGID_E => const { &[arg(0), arg(1)] },
        SYSCALL_UNSHARE_E => const { &[arg(0)] },
        SYSCALL_ACCESS_E => const { &[arg(1)] },
        SYSCALL_ACCESS_X => &RET_PATH0,
        SYSCALL_FCHMODAT_X => const { &[RET, arg(0), s(1), arg(2)] },
        SYSCALL_CHMOD_X => const { &[RET, s(0), arg(1)] },
        SYSCALL_FCHMOD_X => const { &[RET, arg(0), arg(1)] },
        SYSCALL_USERFAULTFD_X => const { &[RET, arg(0)] },
        SYSCALL_SECCOMP_E => const { &[arg(0)] },
        SYSCALL_CLOSE_X
        | SOCKET_SHUTDOWN_X
        | SOCKET_LISTEN_X
        | SYSCALL_EVENTFD_X
        | SYSCALL_FUTEX_X
        | SYSCALL_FSTAT_X
        | SYSCALL_EPOLLWAIT_X
        | SYSCALL_SELECT_X
        | SYSCALL_LSEEK_X
        | SYSCALL_IOCTL_3_X
        | SYSCALL_FCHDIR_X
        | SYSCALL_DUP_X
        | SYSCALL_SIGNALFD_X
        | SYSCALL_KILL_X
        | SYSCALL_TKILL_X
        | SYSCALL_TGKILL_X
        | SYSCALL_NANOSLEEP_X
        | SYSCALL_TIMERFD_CREATE_X
        | SYSCALL_INOTIFY_INIT_X
        | SYSCALL_FCNTL_X
        | SYSCALL_SPLICE_X
        | SYSCALL_SETRESUID_X
        | SYSCALL_SETRESGID_X
        | SYSCALL_SETUID_X
        | SYSCALL_SETGID_X
        | SYSCALL_GETUID_X
        | SYSCALL_GETEUID_X
        | SYSCALL_GETGID_X
        | SYSCALL_GETEGID_X
        | SYSCALL_GETDENTS_X
        | SYSCALL_GETDENTS64_X
        | SYSCALL_SETNS_X
        | SYSCALL_FLOCK_X
        | SYSCALL_UNSHARE_X
        | SYSCALL_SETSID_X
        | SYSCALL_SETPGID_X
        | SYSCALL_SECCOMP_X
        | SYSCALL_MPROTECT_X => &RET_ONLY,
        SCHEDSWITCH_6_E => {
            const { &[arg(0), k(Kind::PgftMaj), k(Kind::PgftMin), VM[0], VM[1], VM[2]] }
        }
        PROCEXIT_1_E => const { &[arg(0), arg(1), arg(2), arg(3)] },
        SIGNALDELIVER_E => const { &[arg(0), arg(1), arg(2)] },
        PAGE_FAULT_E => const { &[arg(0), arg(1), arg(2)] },
        _ => return None,
    })
}

/// Why a recipe does not fit the event table (a bug in this file).
#[derive(Debug, thiserror::Error)]
#[error("recipe of event {event} ({name}): {what}")]
pub struct RecipeError {
    /// Event id.
    pub event: u16,
    /// Event name.
    pub name: &'static str,
    /// What is wrong.
    pub what: String,
}

/// Whether the probe can write these parameters without its interpreter: a
/// few integers that need no memory read (`submit_fast` in `probe.bpf.c`).
fn is_fast(ops: &[Op]) -> bool {
    ops.len() <= FAST_MAX_PARAMS
        && ops.iter().all(|op| {
            matches!(
                op.kind,
                Kind::Empty
                    | Kind::Arg
                    | Kind::Ret
                    | Kind::ScId
                    | Kind::NativeId
                    | Kind::Cwd
                    | Kind::Zero
            )
        })
}

/// Compiles the recipe of `event` for the BPF map, or `Ok(None)` when there is
/// none.
pub(crate) fn compile(event: u16) -> Result<Option<Recipe>, RecipeError> {
    let Some(ops) = recipe_ops(event) else { return Ok(None) };
    let info = table::event_info(event).ok_or_else(|| RecipeError {
        event,
        name: "?",
        what: "not in the event table".into(),
    })?;
    let err = |what: String| RecipeError { event, name: info.name, what };
    if ops.len() != info.params.len() {
        return Err(err(format!("{} ops for {} parameters", ops.len(), info.params.len())));
    }
    if ops.len() > MAX_PARAMS {
        return Err(err(format!("more than {MAX_PARAMS} parameters")));
    }
    let mut recipe = Recipe {
        nparams: ops.len() as u16,
        flags: if is_fast(ops) { RECIPE_FAST } else { 0 },
        ops: [ParamOp::default(); MAX_PARAMS],
    };
    for (i, (op, param)) in ops.iter().zip(info.params).enumerate() {
        let sized = matches!(op.kind, Kind::Arg | Kind::Ret | Kind::Zero | Kind::UserU64);
        let width = if sized {
            param.ptype.fixed_size().filter(|w| matches!(w, 1 | 2 | 4 | 8)).ok_or_else(|| {
                err(format!("parameter {i} ({}) has no integer width", param.name))
            })? as u8
        } else {
            op.flag
        };
        let b = if op.kind == Kind::Arg && op.b == FOLD_FCNTL {
            FOLD_FCNTL
        } else if op.kind == Kind::Arg {
            u8::from(matches!(param.ptype, ParamType::Fd | ParamType::Pid))
        } else {
            op.b
        };
        recipe.ops[i] = ParamOp { kind: op.kind as u8, a: op.a, b, width };
    }
    Ok(Some(recipe))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recipe_fits_the_event_table() {
        let mut n = 0;
        for id in 0..table::EVENT_COUNT_0_29 {
            if let Some(r) = compile(id).unwrap_or_else(|e| panic!("{e}")) {
                assert!(r.nparams as usize <= MAX_PARAMS);
                n += 1;
            }
        }
        assert!(n > 150, "only {n} recipes");
    }

    #[test]
    fn fds_are_sign_extended_and_widths_follow_the_table() {
        let r = compile(ids::SYSCALL_OPENAT_2_E).unwrap().unwrap();
        assert_eq!(r.nparams, 4);
        assert_eq!(r.ops[0], ParamOp { kind: Kind::Arg as u8, a: 0, b: 1, width: 8 });
        assert_eq!(r.ops[1].kind, Kind::ArgStr as u8);
        assert_eq!(r.ops[2], ParamOp { kind: Kind::Arg as u8, a: 2, b: 0, width: 4 });
        let r = compile(ids::GENERIC_E).unwrap().unwrap();
        assert_eq!(r.ops[0].kind, Kind::ScId as u8);
    }

    #[test]
    fn plain_integer_recipes_take_the_fast_path() {
        let fast = |id| compile(id).unwrap().unwrap().flags & RECIPE_FAST != 0;
        assert!(fast(ids::GENERIC_E));
        assert!(fast(ids::GENERIC_X));
        assert!(fast(ids::SYSCALL_WRITE_E));
        assert!(fast(ids::SYSCALL_MMAP_E));
        assert!(fast(ids::SYSCALL_FCNTL_E));
        assert!(!fast(ids::SYSCALL_WRITE_X), "payload");
        assert!(!fast(ids::SYSCALL_OPENAT_2_E), "path");
        assert!(!fast(ids::SYSCALL_CLONE_20_X), "process block");
    }

    #[test]
    fn events_without_recipe_are_none() {
        assert!(compile(ids::SYSCALL_QUOTACTL_E).unwrap().is_none());
        assert!(compile(ids::CONTAINER_JSON_2_E).unwrap().is_none());
    }
}
