// Transcribed from falcosecurity/libs driver/event_table.c: ids 0..336 at e5c53d64
// (what sysdig 0.29.3 reads), ids 336..454 from a later libs. Data only: regenerate
// by hand-checking against those tables; the rules are tested in `table::tests`.

use super::ParamType::*;
use super::PrintFormat::*;
use super::{EventInfo, dynp, ec, ef, ev, fl, flags, p, rel};

/// Every event type, indexed by its id.
pub static EVENTS: [EventInfo; EVENT_COUNT] = [
    // 0 GENERIC_E
    ev("syscall", ec::OTHER, 0, &[p("ID", SyscallId, Dec), p("nativeID", Uint16, Dec)]),
    // 1 GENERIC_X
    ev("syscall", ec::OTHER, 0, &[p("ID", SyscallId, Dec)]),
    // 2 SYSCALL_OPEN_E
    ev(
        "open",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("name", FsPath, Na),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS),
            p("mode", Uint32, Oct),
        ],
    ),
    // 3 SYSCALL_OPEN_X
    ev(
        "open",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("fd", Fd, Dec),
            p("name", FsPath, Na),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS),
            p("mode", Uint32, Oct),
            p("dev", Uint32, Hex),
        ],
    ),
    // 4 SYSCALL_CLOSE_E
    ev(
        "close",
        ec::IO_OTHER,
        ef::DESTROYS_FD | ef::USES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec)],
    ),
    // 5 SYSCALL_CLOSE_X
    ev(
        "close",
        ec::IO_OTHER,
        ef::DESTROYS_FD | ef::USES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec)],
    ),
    // 6 SYSCALL_READ_E
    ev(
        "read",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec)],
    ),
    // 7 SYSCALL_READ_X
    ev(
        "read",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 8 SYSCALL_WRITE_E
    ev(
        "write",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec)],
    ),
    // 9 SYSCALL_WRITE_X
    ev(
        "write",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 10 SYSCALL_BRK_1_E
    ev("brk", ec::MEMORY, ef::OLD_VERSION, &[p("size", Uint32, Dec)]),
    // 11 SYSCALL_BRK_1_X
    ev("brk", ec::MEMORY, ef::OLD_VERSION, &[p("res", Uint64, Hex)]),
    // 12 SYSCALL_EXECVE_8_E
    ev("execve", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 13 SYSCALL_EXECVE_8_X
    ev(
        "execve",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Errno, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
        ],
    ),
    // 14 SYSCALL_CLONE_11_E
    ev("clone", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 15 SYSCALL_CLONE_11_X
    ev(
        "clone",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
        ],
    ),
    // 16 PROCEXIT_E
    ev("procexit", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 17 PROCEXIT_X
    ev("NA1", ec::PROCESS, ef::UNUSED, &[]),
    // 18 SOCKET_SOCKET_E
    ev(
        "socket",
        ec::NET,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            fl("domain", Flags32, Dec, &flags::SOCKET_FAMILIES),
            p("type", Uint32, Dec),
            p("proto", Uint32, Dec),
        ],
    ),
    // 19 SOCKET_SOCKET_X
    ev("socket", ec::NET, ef::CREATES_FD | ef::MODIFIES_STATE, &[p("fd", Fd, Dec)]),
    // 20 SOCKET_BIND_E
    ev("bind", ec::NET, ef::USES_FD | ef::MODIFIES_STATE, &[p("fd", Fd, Dec)]),
    // 21 SOCKET_BIND_X
    ev(
        "bind",
        ec::NET,
        ef::USES_FD | ef::MODIFIES_STATE,
        &[p("res", Errno, Dec), p("addr", SockAddr, Na)],
    ),
    // 22 SOCKET_CONNECT_E
    ev(
        "connect",
        ec::NET,
        ef::USES_FD | ef::MODIFIES_STATE,
        &[p("fd", Fd, Dec), p("addr", SockAddr, Na)],
    ),
    // 23 SOCKET_CONNECT_X
    ev(
        "connect",
        ec::NET,
        ef::USES_FD | ef::MODIFIES_STATE,
        &[p("res", Errno, Dec), p("tuple", SockTuple, Na)],
    ),
    // 24 SOCKET_LISTEN_E
    ev("listen", ec::NET, ef::USES_FD, &[p("fd", Fd, Dec), p("backlog", Uint32, Dec)]),
    // 25 SOCKET_LISTEN_X
    ev("listen", ec::NET, ef::USES_FD, &[p("res", Errno, Dec)]),
    // 26 SOCKET_ACCEPT_E
    ev("accept", ec::NET, ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 27 SOCKET_ACCEPT_X
    ev(
        "accept",
        ec::NET,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[p("fd", Fd, Dec), p("tuple", SockTuple, Na), p("queuepct", Uint8, Dec)],
    ),
    // 28 SOCKET_SEND_E
    ev(
        "send",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec)],
    ),
    // 29 SOCKET_SEND_X
    ev(
        "send",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 30 SOCKET_SENDTO_E
    ev(
        "sendto",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::MODIFIES_STATE,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec), p("tuple", SockTuple, Na)],
    ),
    // 31 SOCKET_SENDTO_X
    ev(
        "sendto",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::MODIFIES_STATE,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 32 SOCKET_RECV_E
    ev(
        "recv",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec)],
    ),
    // 33 SOCKET_RECV_X
    ev(
        "recv",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 34 SOCKET_RECVFROM_E
    ev(
        "recvfrom",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::MODIFIES_STATE,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec)],
    ),
    // 35 SOCKET_RECVFROM_X
    ev(
        "recvfrom",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::MODIFIES_STATE,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na), p("tuple", SockTuple, Na)],
    ),
    // 36 SOCKET_SHUTDOWN_E
    ev(
        "shutdown",
        ec::NET,
        ef::USES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), fl("how", Flags8, Hex, &flags::SHUTDOWN_HOW)],
    ),
    // 37 SOCKET_SHUTDOWN_X
    ev(
        "shutdown",
        ec::NET,
        ef::USES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec)],
    ),
    // 38 SOCKET_GETSOCKNAME_E
    ev("getsockname", ec::NET, ef::DROP_SIMPLE_CONS, &[]),
    // 39 SOCKET_GETSOCKNAME_X
    ev("getsockname", ec::NET, ef::DROP_SIMPLE_CONS, &[]),
    // 40 SOCKET_GETPEERNAME_E
    ev("getpeername", ec::NET, ef::DROP_SIMPLE_CONS, &[]),
    // 41 SOCKET_GETPEERNAME_X
    ev("getpeername", ec::NET, ef::DROP_SIMPLE_CONS, &[]),
    // 42 SOCKET_SOCKETPAIR_E
    ev(
        "socketpair",
        ec::IPC,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            fl("domain", Flags32, Dec, &flags::SOCKET_FAMILIES),
            p("type", Uint32, Dec),
            p("proto", Uint32, Dec),
        ],
    ),
    // 43 SOCKET_SOCKETPAIR_X
    ev(
        "socketpair",
        ec::IPC,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("fd1", Fd, Dec),
            p("fd2", Fd, Dec),
            p("source", Uint64, Hex),
            p("peer", Uint64, Hex),
        ],
    ),
    // 44 SOCKET_SETSOCKOPT_E
    ev("setsockopt", ec::NET, 0, &[]),
    // 45 SOCKET_SETSOCKOPT_X
    ev(
        "setsockopt",
        ec::NET,
        ef::USES_FD,
        &[
            p("res", Errno, Dec),
            p("fd", Fd, Dec),
            fl("level", Flags8, Dec, &flags::SOCKOPT_LEVELS),
            fl("optname", Flags8, Dec, &flags::SOCKOPT_OPTIONS),
            dynp(
                "val",
                Dec,
                &[
                    p("", ByteBuf, Hex),
                    p("", Errno, Dec),
                    p("", Uint32, Dec),
                    p("", Uint64, Dec),
                    p("", RelTime, Dec),
                ],
            ),
            p("optlen", Uint32, Dec),
        ],
    ),
    // 46 SOCKET_GETSOCKOPT_E
    ev("getsockopt", ec::NET, ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS, &[]),
    // 47 SOCKET_GETSOCKOPT_X
    ev(
        "getsockopt",
        ec::NET,
        ef::USES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[
            p("res", Errno, Dec),
            p("fd", Fd, Dec),
            fl("level", Flags8, Dec, &flags::SOCKOPT_LEVELS),
            fl("optname", Flags8, Dec, &flags::SOCKOPT_OPTIONS),
            dynp(
                "val",
                Dec,
                &[
                    p("", ByteBuf, Hex),
                    p("", Errno, Dec),
                    p("", Uint32, Dec),
                    p("", Uint64, Dec),
                    p("", RelTime, Dec),
                ],
            ),
            p("optlen", Uint32, Dec),
        ],
    ),
    // 48 SOCKET_SENDMSG_E
    ev(
        "sendmsg",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::MODIFIES_STATE,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec), p("tuple", SockTuple, Na)],
    ),
    // 49 SOCKET_SENDMSG_X
    ev(
        "sendmsg",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::MODIFIES_STATE,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 50 SOCKET_SENDMMSG_E
    ev("sendmmsg", ec::IO_WRITE, ef::DROP_SIMPLE_CONS, &[]),
    // 51 SOCKET_SENDMMSG_X
    ev("sendmmsg", ec::IO_WRITE, ef::DROP_SIMPLE_CONS, &[]),
    // 52 SOCKET_RECVMSG_E
    ev(
        "recvmsg",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::MODIFIES_STATE,
        &[p("fd", Fd, Dec)],
    ),
    // 53 SOCKET_RECVMSG_X
    ev(
        "recvmsg",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("size", Uint32, Dec),
            p("data", ByteBuf, Na),
            p("tuple", SockTuple, Na),
        ],
    ),
    // 54 SOCKET_RECVMMSG_E
    ev("recvmmsg", ec::IO_READ, ef::DROP_SIMPLE_CONS, &[]),
    // 55 SOCKET_RECVMMSG_X
    ev("recvmmsg", ec::IO_READ, ef::DROP_SIMPLE_CONS, &[]),
    // 56 SOCKET_ACCEPT4_E
    ev(
        "accept",
        ec::NET,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[p("flags", Int32, Hex)],
    ),
    // 57 SOCKET_ACCEPT4_X
    ev(
        "accept",
        ec::NET,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[p("fd", Fd, Dec), p("tuple", SockTuple, Na), p("queuepct", Uint8, Dec)],
    ),
    // 58 SYSCALL_CREAT_E
    ev(
        "creat",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[p("name", FsPath, Na), p("mode", Uint32, Oct)],
    ),
    // 59 SYSCALL_CREAT_X
    ev(
        "creat",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[p("fd", Fd, Dec), p("name", FsPath, Na), p("mode", Uint32, Oct), p("dev", Uint32, Hex)],
    ),
    // 60 SYSCALL_PIPE_E
    ev("pipe", ec::IPC, ef::CREATES_FD | ef::MODIFIES_STATE, &[]),
    // 61 SYSCALL_PIPE_X
    ev(
        "pipe",
        ec::IPC,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[p("res", Errno, Dec), p("fd1", Fd, Dec), p("fd2", Fd, Dec), p("ino", Uint64, Dec)],
    ),
    // 62 SYSCALL_EVENTFD_E
    ev(
        "eventfd",
        ec::IPC,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("initval", Uint64, Dec), p("flags", Flags32, Hex)],
    ),
    // 63 SYSCALL_EVENTFD_X
    ev(
        "eventfd",
        ec::IPC,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("res", Fd, Dec)],
    ),
    // 64 SYSCALL_FUTEX_E
    ev(
        "futex",
        ec::IPC,
        ef::DROP_SIMPLE_CONS,
        &[
            p("addr", Uint64, Hex),
            fl("op", Flags16, Hex, &flags::FUTEX_OPERATIONS),
            p("val", Uint64, Dec),
        ],
    ),
    // 65 SYSCALL_FUTEX_X
    ev("futex", ec::IPC, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 66 SYSCALL_STAT_E
    ev("stat", ec::FILE, ef::DROP_SIMPLE_CONS, &[]),
    // 67 SYSCALL_STAT_X
    ev("stat", ec::FILE, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec), p("path", FsPath, Na)]),
    // 68 SYSCALL_LSTAT_E
    ev("lstat", ec::FILE, ef::DROP_SIMPLE_CONS, &[]),
    // 69 SYSCALL_LSTAT_X
    ev("lstat", ec::FILE, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec), p("path", FsPath, Na)]),
    // 70 SYSCALL_FSTAT_E
    ev("fstat", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("fd", Fd, Na)]),
    // 71 SYSCALL_FSTAT_X
    ev("fstat", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 72 SYSCALL_STAT64_E
    ev("stat64", ec::FILE, ef::DROP_SIMPLE_CONS, &[]),
    // 73 SYSCALL_STAT64_X
    ev("stat64", ec::FILE, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec), p("path", FsPath, Na)]),
    // 74 SYSCALL_LSTAT64_E
    ev("lstat64", ec::FILE, ef::DROP_SIMPLE_CONS, &[]),
    // 75 SYSCALL_LSTAT64_X
    ev("lstat64", ec::FILE, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec), p("path", FsPath, Na)]),
    // 76 SYSCALL_FSTAT64_E
    ev("fstat64", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("fd", Fd, Na)]),
    // 77 SYSCALL_FSTAT64_X
    ev("fstat64", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 78 SYSCALL_EPOLLWAIT_E
    ev("epoll_wait", ec::WAIT, ef::WAITS | ef::DROP_SIMPLE_CONS, &[p("maxevents", Errno, Dec)]),
    // 79 SYSCALL_EPOLLWAIT_X
    ev("epoll_wait", ec::WAIT, ef::WAITS | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 80 SYSCALL_POLL_E
    ev(
        "poll",
        ec::WAIT,
        ef::WAITS | ef::DROP_SIMPLE_CONS,
        &[p("fds", FdList, Dec), p("timeout", Int64, Dec)],
    ),
    // 81 SYSCALL_POLL_X
    ev(
        "poll",
        ec::WAIT,
        ef::WAITS | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("fds", FdList, Dec)],
    ),
    // 82 SYSCALL_SELECT_E
    ev("select", ec::WAIT, ef::WAITS | ef::DROP_SIMPLE_CONS, &[]),
    // 83 SYSCALL_SELECT_X
    ev("select", ec::WAIT, ef::WAITS | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 84 SYSCALL_NEWSELECT_E
    ev("select", ec::WAIT, ef::WAITS | ef::DROP_SIMPLE_CONS, &[]),
    // 85 SYSCALL_NEWSELECT_X
    ev("select", ec::WAIT, ef::WAITS | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 86 SYSCALL_LSEEK_E
    ev(
        "lseek",
        ec::FILE,
        ef::USES_FD | ef::DROP_SIMPLE_CONS,
        &[
            p("fd", Fd, Dec),
            p("offset", Uint64, Dec),
            fl("whence", Flags8, Dec, &flags::LSEEK_WHENCE),
        ],
    ),
    // 87 SYSCALL_LSEEK_X
    ev("lseek", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 88 SYSCALL_LLSEEK_E
    ev(
        "llseek",
        ec::FILE,
        ef::USES_FD | ef::DROP_SIMPLE_CONS,
        &[
            p("fd", Fd, Dec),
            p("offset", Uint64, Dec),
            fl("whence", Flags8, Dec, &flags::LSEEK_WHENCE),
        ],
    ),
    // 89 SYSCALL_LLSEEK_X
    ev("llseek", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 90 SYSCALL_IOCTL_2_E
    ev(
        "ioctl",
        ec::IO_OTHER,
        ef::USES_FD | ef::OLD_VERSION,
        &[p("fd", Fd, Dec), p("request", Uint64, Hex)],
    ),
    // 91 SYSCALL_IOCTL_2_X
    ev("ioctl", ec::IO_OTHER, ef::USES_FD | ef::OLD_VERSION, &[p("res", Errno, Dec)]),
    // 92 SYSCALL_GETCWD_E
    ev("getcwd", ec::FILE, ef::DROP_SIMPLE_CONS, &[]),
    // 93 SYSCALL_GETCWD_X
    ev("getcwd", ec::FILE, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec), p("path", CharBuf, Na)]),
    // 94 SYSCALL_CHDIR_E
    ev("chdir", ec::FILE, ef::MODIFIES_STATE, &[]),
    // 95 SYSCALL_CHDIR_X
    ev("chdir", ec::FILE, ef::MODIFIES_STATE, &[p("res", Errno, Dec), p("path", CharBuf, Na)]),
    // 96 SYSCALL_FCHDIR_E
    ev("fchdir", ec::FILE, ef::USES_FD | ef::MODIFIES_STATE, &[p("fd", Fd, Na)]),
    // 97 SYSCALL_FCHDIR_X
    ev("fchdir", ec::FILE, ef::USES_FD | ef::MODIFIES_STATE, &[p("res", Errno, Dec)]),
    // 98 SYSCALL_MKDIR_E
    ev("mkdir", ec::FILE, 0, &[p("path", FsPath, Na), p("mode", Uint32, Hex)]),
    // 99 SYSCALL_MKDIR_X
    ev("mkdir", ec::FILE, 0, &[p("res", Errno, Dec)]),
    // 100 SYSCALL_RMDIR_E
    ev("rmdir", ec::FILE, 0, &[p("path", FsPath, Na)]),
    // 101 SYSCALL_RMDIR_X
    ev("rmdir", ec::FILE, 0, &[p("res", Errno, Dec)]),
    // 102 SYSCALL_OPENAT_E
    ev(
        "openat",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("dirfd", Fd, Dec),
            p("name", CharBuf, Na),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS),
            p("mode", Uint32, Oct),
        ],
    ),
    // 103 SYSCALL_OPENAT_X
    ev(
        "openat",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[p("fd", Fd, Dec)],
    ),
    // 104 SYSCALL_LINK_E
    ev("link", ec::FILE, ef::OLD_VERSION, &[p("oldpath", FsPath, Na), p("newpath", FsPath, Na)]),
    // 105 SYSCALL_LINK_X
    ev("link", ec::FILE, ef::OLD_VERSION, &[p("res", Errno, Dec)]),
    // 106 SYSCALL_LINKAT_E
    ev(
        "linkat",
        ec::FILE,
        ef::OLD_VERSION,
        &[
            p("olddir", Fd, Dec),
            p("oldpath", CharBuf, Na),
            p("newdir", Fd, Dec),
            p("newpath", CharBuf, Na),
        ],
    ),
    // 107 SYSCALL_LINKAT_X
    ev("linkat", ec::FILE, ef::OLD_VERSION, &[p("res", Errno, Dec)]),
    // 108 SYSCALL_UNLINK_E
    ev("unlink", ec::FILE, ef::OLD_VERSION, &[p("path", FsPath, Na)]),
    // 109 SYSCALL_UNLINK_X
    ev("unlink", ec::FILE, ef::OLD_VERSION, &[p("res", Errno, Dec)]),
    // 110 SYSCALL_UNLINKAT_E
    ev("unlinkat", ec::FILE, ef::OLD_VERSION, &[p("dirfd", Fd, Dec), p("name", CharBuf, Na)]),
    // 111 SYSCALL_UNLINKAT_X
    ev("unlinkat", ec::FILE, ef::OLD_VERSION, &[p("res", Errno, Dec)]),
    // 112 SYSCALL_PREAD_E
    ev(
        "pread",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec), p("pos", Uint64, Dec)],
    ),
    // 113 SYSCALL_PREAD_X
    ev(
        "pread",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 114 SYSCALL_PWRITE_E
    ev(
        "pwrite",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec), p("pos", Uint64, Dec)],
    ),
    // 115 SYSCALL_PWRITE_X
    ev(
        "pwrite",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 116 SYSCALL_READV_E
    ev(
        "readv",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec)],
    ),
    // 117 SYSCALL_READV_X
    ev(
        "readv",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("size", Uint32, Dec), p("data", ByteBuf, Na)],
    ),
    // 118 SYSCALL_WRITEV_E
    ev(
        "writev",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec)],
    ),
    // 119 SYSCALL_WRITEV_X
    ev(
        "writev",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 120 SYSCALL_PREADV_E
    ev(
        "preadv",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), p("pos", Uint64, Dec)],
    ),
    // 121 SYSCALL_PREADV_X
    ev(
        "preadv",
        ec::IO_READ,
        ef::USES_FD | ef::READS_FROM_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("size", Uint32, Dec), p("data", ByteBuf, Na)],
    ),
    // 122 SYSCALL_PWRITEV_E
    ev(
        "pwritev",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), p("size", Uint32, Dec), p("pos", Uint64, Dec)],
    ),
    // 123 SYSCALL_PWRITEV_X
    ev(
        "pwritev",
        ec::IO_WRITE,
        ef::USES_FD | ef::WRITES_TO_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("data", ByteBuf, Na)],
    ),
    // 124 SYSCALL_DUP_E
    ev("dup", ec::IO_OTHER, ef::CREATES_FD | ef::USES_FD | ef::MODIFIES_STATE, &[p("fd", Fd, Dec)]),
    // 125 SYSCALL_DUP_X
    ev(
        "dup",
        ec::IO_OTHER,
        ef::CREATES_FD | ef::USES_FD | ef::MODIFIES_STATE,
        &[p("res", Fd, Dec)],
    ),
    // 126 SYSCALL_SIGNALFD_E
    ev(
        "signalfd",
        ec::SIGNAL,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[p("fd", Fd, Dec), p("mask", Uint32, Hex), p("flags", Flags8, Hex)],
    ),
    // 127 SYSCALL_SIGNALFD_X
    ev("signalfd", ec::SIGNAL, ef::CREATES_FD | ef::MODIFIES_STATE, &[p("res", Fd, Dec)]),
    // 128 SYSCALL_KILL_E
    ev("kill", ec::SIGNAL, 0, &[p("pid", Pid, Dec), p("sig", SigType, Dec)]),
    // 129 SYSCALL_KILL_X
    ev("kill", ec::SIGNAL, 0, &[p("res", Errno, Dec)]),
    // 130 SYSCALL_TKILL_E
    ev("tkill", ec::SIGNAL, 0, &[p("tid", Pid, Dec), p("sig", SigType, Dec)]),
    // 131 SYSCALL_TKILL_X
    ev("tkill", ec::SIGNAL, 0, &[p("res", Errno, Dec)]),
    // 132 SYSCALL_TGKILL_E
    ev("tgkill", ec::SIGNAL, 0, &[p("pid", Pid, Dec), p("tid", Pid, Dec), p("sig", SigType, Dec)]),
    // 133 SYSCALL_TGKILL_X
    ev("tgkill", ec::SIGNAL, 0, &[p("res", Errno, Dec)]),
    // 134 SYSCALL_NANOSLEEP_E
    ev("nanosleep", ec::SLEEP, ef::WAITS | ef::DROP_SIMPLE_CONS, &[p("interval", RelTime, Dec)]),
    // 135 SYSCALL_NANOSLEEP_X
    ev("nanosleep", ec::SLEEP, ef::WAITS | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 136 SYSCALL_TIMERFD_CREATE_E
    ev(
        "timerfd_create",
        ec::TIME,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("clockid", Uint8, Dec), p("flags", Flags8, Hex)],
    ),
    // 137 SYSCALL_TIMERFD_CREATE_X
    ev(
        "timerfd_create",
        ec::TIME,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("res", Fd, Dec)],
    ),
    // 138 SYSCALL_INOTIFY_INIT_E
    ev("inotify_init", ec::IPC, ef::CREATES_FD | ef::MODIFIES_STATE, &[p("flags", Flags8, Hex)]),
    // 139 SYSCALL_INOTIFY_INIT_X
    ev("inotify_init", ec::IPC, ef::CREATES_FD | ef::MODIFIES_STATE, &[p("res", Fd, Dec)]),
    // 140 SYSCALL_GETRLIMIT_E
    ev(
        "getrlimit",
        ec::PROCESS,
        ef::DROP_SIMPLE_CONS,
        &[fl("resource", Flags8, Dec, &flags::RLIMIT_RESOURCES)],
    ),
    // 141 SYSCALL_GETRLIMIT_X
    ev(
        "getrlimit",
        ec::PROCESS,
        ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("cur", Int64, Dec), p("max", Int64, Dec)],
    ),
    // 142 SYSCALL_SETRLIMIT_E
    ev(
        "setrlimit",
        ec::PROCESS,
        ef::DROP_SIMPLE_CONS,
        &[fl("resource", Flags8, Dec, &flags::RLIMIT_RESOURCES)],
    ),
    // 143 SYSCALL_SETRLIMIT_X
    ev(
        "setrlimit",
        ec::PROCESS,
        ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("cur", Int64, Dec), p("max", Int64, Dec)],
    ),
    // 144 SYSCALL_PRLIMIT_E
    ev(
        "prlimit",
        ec::PROCESS,
        0,
        &[p("pid", Pid, Dec), fl("resource", Flags8, Dec, &flags::RLIMIT_RESOURCES)],
    ),
    // 145 SYSCALL_PRLIMIT_X
    ev(
        "prlimit",
        ec::PROCESS,
        0,
        &[
            p("res", Errno, Dec),
            p("newcur", Int64, Dec),
            p("newmax", Int64, Dec),
            p("oldcur", Int64, Dec),
            p("oldmax", Int64, Dec),
        ],
    ),
    // 146 SCHEDSWITCH_1_E
    ev(
        "switch",
        ec::SCHEDULER,
        ef::SKIPPARSERESET | ef::OLD_VERSION | ef::DROP_SIMPLE_CONS,
        &[p("next", Pid, Dec)],
    ),
    // 147 SCHEDSWITCH_1_X
    ev("NA2", ec::SCHEDULER, ef::UNUSED | ef::SKIPPARSERESET | ef::OLD_VERSION, &[]),
    // 148 DROP_E
    ev("drop", ec::INTERNAL, ef::SKIPPARSERESET, &[p("ratio", Uint32, Dec)]),
    // 149 DROP_X
    ev("drop", ec::INTERNAL, ef::SKIPPARSERESET, &[p("ratio", Uint32, Dec)]),
    // 150 SYSCALL_FCNTL_E
    ev(
        "fcntl",
        ec::IO_OTHER,
        ef::USES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("fd", Fd, Dec), fl("cmd", Flags8, Dec, &flags::FCNTL_COMMANDS)],
    ),
    // 151 SYSCALL_FCNTL_X
    ev(
        "fcntl",
        ec::IO_OTHER,
        ef::USES_FD | ef::MODIFIES_STATE | ef::DROP_SIMPLE_CONS,
        &[p("res", Fd, Dec)],
    ),
    // 152 SCHEDSWITCH_6_E
    ev(
        "switch",
        ec::SCHEDULER,
        ef::DROP_SIMPLE_CONS,
        &[
            p("next", Pid, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
        ],
    ),
    // 153 SCHEDSWITCH_6_X
    ev("NA2", ec::SCHEDULER, ef::UNUSED, &[]),
    // 154 SYSCALL_EXECVE_13_E
    ev("execve", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 155 SYSCALL_EXECVE_13_X
    ev(
        "execve",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Errno, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
        ],
    ),
    // 156 SYSCALL_CLONE_16_E
    ev("clone", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 157 SYSCALL_CLONE_16_X
    ev(
        "clone",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
        ],
    ),
    // 158 SYSCALL_BRK_4_E
    ev("brk", ec::MEMORY, ef::DROP_SIMPLE_CONS, &[p("addr", Uint64, Hex)]),
    // 159 SYSCALL_BRK_4_X
    ev(
        "brk",
        ec::MEMORY,
        ef::DROP_SIMPLE_CONS,
        &[
            p("res", Uint64, Hex),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
        ],
    ),
    // 160 SYSCALL_MMAP_E
    ev(
        "mmap",
        ec::MEMORY,
        ef::DROP_SIMPLE_CONS,
        &[
            p("addr", Uint64, Hex),
            p("length", Uint64, Dec),
            fl("prot", Flags32, Hex, &flags::PROT_FLAGS),
            fl("flags", Flags32, Hex, &flags::MMAP_FLAGS),
            p("fd", Fd, Dec),
            p("offset", Uint64, Dec),
        ],
    ),
    // 161 SYSCALL_MMAP_X
    ev(
        "mmap",
        ec::MEMORY,
        ef::DROP_SIMPLE_CONS,
        &[
            p("res", Uint64, Hex),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
        ],
    ),
    // 162 SYSCALL_MMAP2_E
    ev(
        "mmap2",
        ec::MEMORY,
        ef::DROP_SIMPLE_CONS,
        &[
            p("addr", Uint64, Hex),
            p("length", Uint64, Dec),
            fl("prot", Flags32, Hex, &flags::PROT_FLAGS),
            fl("flags", Flags32, Hex, &flags::MMAP_FLAGS),
            p("fd", Fd, Dec),
            p("pgoffset", Uint64, Dec),
        ],
    ),
    // 163 SYSCALL_MMAP2_X
    ev(
        "mmap2",
        ec::MEMORY,
        ef::DROP_SIMPLE_CONS,
        &[
            p("res", Uint64, Hex),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
        ],
    ),
    // 164 SYSCALL_MUNMAP_E
    ev(
        "munmap",
        ec::MEMORY,
        ef::DROP_SIMPLE_CONS,
        &[p("addr", Uint64, Hex), p("length", Uint64, Dec)],
    ),
    // 165 SYSCALL_MUNMAP_X
    ev(
        "munmap",
        ec::MEMORY,
        ef::DROP_SIMPLE_CONS,
        &[
            p("res", Errno, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
        ],
    ),
    // 166 SYSCALL_SPLICE_E
    ev(
        "splice",
        ec::IO_OTHER,
        ef::USES_FD | ef::DROP_SIMPLE_CONS,
        &[
            p("fd_in", Fd, Dec),
            p("fd_out", Fd, Dec),
            p("size", Uint64, Dec),
            fl("flags", Flags32, Hex, &flags::SPLICE_FLAGS),
        ],
    ),
    // 167 SYSCALL_SPLICE_X
    ev("splice", ec::IO_OTHER, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 168 SYSCALL_PTRACE_E
    ev(
        "ptrace",
        ec::PROCESS,
        0,
        &[fl("request", Flags16, Dec, &flags::PTRACE_REQUESTS), p("pid", Pid, Dec)],
    ),
    // 169 SYSCALL_PTRACE_X
    ev(
        "ptrace",
        ec::PROCESS,
        0,
        &[
            p("res", Errno, Dec),
            dynp("addr", Hex, &[p("", Uint64, Hex), p("", SigType, Dec)]),
            dynp("data", Hex, &[p("", Uint64, Hex), p("", SigType, Dec)]),
        ],
    ),
    // 170 SYSCALL_IOCTL_3_E
    ev(
        "ioctl",
        ec::IO_OTHER,
        ef::USES_FD,
        &[p("fd", Fd, Dec), p("request", Uint64, Hex), p("argument", Uint64, Hex)],
    ),
    // 171 SYSCALL_IOCTL_3_X
    ev("ioctl", ec::IO_OTHER, ef::USES_FD, &[p("res", Errno, Dec)]),
    // 172 SYSCALL_EXECVE_14_E
    ev("execve", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 173 SYSCALL_EXECVE_14_X
    ev(
        "execve",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Errno, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("env", ByteBuf, Na),
        ],
    ),
    // 174 SYSCALL_RENAME_E
    ev("rename", ec::FILE, 0, &[]),
    // 175 SYSCALL_RENAME_X
    ev(
        "rename",
        ec::FILE,
        0,
        &[p("res", Errno, Dec), p("oldpath", FsPath, Na), p("newpath", FsPath, Na)],
    ),
    // 176 SYSCALL_RENAMEAT_E
    ev("renameat", ec::FILE, 0, &[]),
    // 177 SYSCALL_RENAMEAT_X
    ev(
        "renameat",
        ec::FILE,
        0,
        &[
            p("res", Errno, Dec),
            p("olddirfd", Fd, Dec),
            rel("oldpath", Na, 1),
            p("newdirfd", Fd, Dec),
            rel("newpath", Na, 3),
        ],
    ),
    // 178 SYSCALL_SYMLINK_E
    ev("symlink", ec::FILE, 0, &[]),
    // 179 SYSCALL_SYMLINK_X
    ev(
        "symlink",
        ec::FILE,
        0,
        &[p("res", Errno, Dec), p("target", CharBuf, Na), p("linkpath", FsPath, Na)],
    ),
    // 180 SYSCALL_SYMLINKAT_E
    ev("symlinkat", ec::FILE, 0, &[]),
    // 181 SYSCALL_SYMLINKAT_X
    ev(
        "symlinkat",
        ec::FILE,
        0,
        &[
            p("res", Errno, Dec),
            p("target", CharBuf, Na),
            p("linkdirfd", Fd, Dec),
            rel("linkpath", Na, 2),
        ],
    ),
    // 182 SYSCALL_FORK_E
    ev("fork", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 183 SYSCALL_FORK_X
    ev(
        "fork",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
        ],
    ),
    // 184 SYSCALL_VFORK_E
    ev("vfork", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 185 SYSCALL_VFORK_X
    ev(
        "vfork",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
        ],
    ),
    // 186 PROCEXIT_1_E
    ev(
        "procexit",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("status", Errno, Dec),
            p("ret", Errno, Dec),
            p("sig", SigType, Dec),
            p("core", Uint8, Dec),
        ],
    ),
    // 187 PROCEXIT_1_X
    ev("NA1", ec::PROCESS, ef::UNUSED, &[]),
    // 188 SYSCALL_SENDFILE_E
    ev(
        "sendfile",
        ec::IO_WRITE,
        ef::USES_FD | ef::DROP_SIMPLE_CONS,
        &[
            p("out_fd", Fd, Dec),
            p("in_fd", Fd, Dec),
            p("offset", Uint64, Dec),
            p("size", Uint64, Dec),
        ],
    ),
    // 189 SYSCALL_SENDFILE_X
    ev(
        "sendfile",
        ec::IO_WRITE,
        ef::USES_FD | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("offset", Uint64, Dec)],
    ),
    // 190 SYSCALL_QUOTACTL_E
    ev(
        "quotactl",
        ec::USER,
        0,
        &[
            fl("cmd", Flags16, Dec, &flags::QUOTACTL_CMDS),
            fl("type", Flags8, Dec, &flags::QUOTACTL_TYPES),
            p("id", Uint32, Dec),
            fl("quota_fmt", Flags8, Dec, &flags::QUOTACTL_QUOTA_FMTS),
        ],
    ),
    // 191 SYSCALL_QUOTACTL_X
    ev(
        "quotactl",
        ec::USER,
        0,
        &[
            p("res", Errno, Dec),
            p("special", CharBuf, Na),
            p("quotafilepath", CharBuf, Na),
            p("dqb_bhardlimit", Uint64, Dec),
            p("dqb_bsoftlimit", Uint64, Dec),
            p("dqb_curspace", Uint64, Dec),
            p("dqb_ihardlimit", Uint64, Dec),
            p("dqb_isoftlimit", Uint64, Dec),
            p("dqb_btime", RelTime, Dec),
            p("dqb_itime", RelTime, Dec),
            p("dqi_bgrace", RelTime, Dec),
            p("dqi_igrace", RelTime, Dec),
            fl("dqi_flags", Flags8, Dec, &flags::QUOTACTL_DQI_FLAGS),
            fl("quota_fmt_out", Flags8, Dec, &flags::QUOTACTL_QUOTA_FMTS),
        ],
    ),
    // 192 SYSCALL_SETRESUID_E
    ev(
        "setresuid",
        ec::USER,
        ef::MODIFIES_STATE,
        &[p("ruid", Uid, Dec), p("euid", Uid, Dec), p("suid", Uid, Dec)],
    ),
    // 193 SYSCALL_SETRESUID_X
    ev("setresuid", ec::USER, ef::MODIFIES_STATE, &[p("res", Errno, Dec)]),
    // 194 SYSCALL_SETRESGID_E
    ev(
        "setresgid",
        ec::USER,
        ef::MODIFIES_STATE,
        &[p("rgid", Gid, Dec), p("egid", Gid, Dec), p("sgid", Gid, Dec)],
    ),
    // 195 SYSCALL_SETRESGID_X
    ev("setresgid", ec::USER, ef::MODIFIES_STATE, &[p("res", Errno, Dec)]),
    // 196 SCAPEVENT_E
    ev(
        "sysdigevent",
        ec::INTERNAL,
        ef::SKIPPARSERESET,
        &[p("event_type", Uint32, Dec), p("event_data", Uint64, Dec)],
    ),
    // 197 SCAPEVENT_X
    ev("sysdigevent", ec::INTERNAL, ef::UNUSED, &[]),
    // 198 SYSCALL_SETUID_E
    ev("setuid", ec::USER, ef::MODIFIES_STATE, &[p("uid", Uid, Dec)]),
    // 199 SYSCALL_SETUID_X
    ev("setuid", ec::USER, ef::MODIFIES_STATE, &[p("res", Errno, Dec)]),
    // 200 SYSCALL_SETGID_E
    ev("setgid", ec::USER, ef::MODIFIES_STATE, &[p("gid", Gid, Dec)]),
    // 201 SYSCALL_SETGID_X
    ev("setgid", ec::USER, ef::MODIFIES_STATE, &[p("res", Errno, Dec)]),
    // 202 SYSCALL_GETUID_E
    ev("getuid", ec::USER, ef::DROP_SIMPLE_CONS, &[]),
    // 203 SYSCALL_GETUID_X
    ev("getuid", ec::USER, ef::DROP_SIMPLE_CONS, &[p("uid", Uid, Dec)]),
    // 204 SYSCALL_GETEUID_E
    ev("geteuid", ec::USER, ef::DROP_SIMPLE_CONS, &[]),
    // 205 SYSCALL_GETEUID_X
    ev("geteuid", ec::USER, ef::DROP_SIMPLE_CONS, &[p("euid", Uid, Dec)]),
    // 206 SYSCALL_GETGID_E
    ev("getgid", ec::USER, ef::DROP_SIMPLE_CONS, &[]),
    // 207 SYSCALL_GETGID_X
    ev("getgid", ec::USER, ef::DROP_SIMPLE_CONS, &[p("gid", Gid, Dec)]),
    // 208 SYSCALL_GETEGID_E
    ev("getegid", ec::USER, ef::DROP_SIMPLE_CONS, &[]),
    // 209 SYSCALL_GETEGID_X
    ev("getegid", ec::USER, ef::DROP_SIMPLE_CONS, &[p("egid", Gid, Dec)]),
    // 210 SYSCALL_GETRESUID_E
    ev("getresuid", ec::USER, ef::DROP_SIMPLE_CONS, &[]),
    // 211 SYSCALL_GETRESUID_X
    ev(
        "getresuid",
        ec::USER,
        ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("ruid", Uid, Dec), p("euid", Uid, Dec), p("suid", Uid, Dec)],
    ),
    // 212 SYSCALL_GETRESGID_E
    ev("getresgid", ec::USER, ef::DROP_SIMPLE_CONS, &[]),
    // 213 SYSCALL_GETRESGID_X
    ev(
        "getresgid",
        ec::USER,
        ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("rgid", Gid, Dec), p("egid", Gid, Dec), p("sgid", Gid, Dec)],
    ),
    // 214 SYSCALL_EXECVE_15_E
    ev("execve", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 215 SYSCALL_EXECVE_15_X
    ev(
        "execve",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Errno, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("env", ByteBuf, Na),
        ],
    ),
    // 216 SYSCALL_CLONE_17_E
    ev("clone", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 217 SYSCALL_CLONE_17_X
    ev(
        "clone",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
        ],
    ),
    // 218 SYSCALL_FORK_17_E
    ev("fork", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 219 SYSCALL_FORK_17_X
    ev(
        "fork",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
        ],
    ),
    // 220 SYSCALL_VFORK_17_E
    ev("vfork", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 221 SYSCALL_VFORK_17_X
    ev(
        "vfork",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
        ],
    ),
    // 222 SYSCALL_CLONE_20_E
    ev("clone", ec::PROCESS, ef::MODIFIES_STATE, &[]),
    // 223 SYSCALL_CLONE_20_X
    ev(
        "clone",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("cgroups", ByteBuf, Na),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
            p("vtid", Pid, Dec),
            p("vpid", Pid, Dec),
        ],
    ),
    // 224 SYSCALL_FORK_20_E
    ev("fork", ec::PROCESS, ef::MODIFIES_STATE, &[]),
    // 225 SYSCALL_FORK_20_X
    ev(
        "fork",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("cgroups", ByteBuf, Na),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
            p("vtid", Pid, Dec),
            p("vpid", Pid, Dec),
        ],
    ),
    // 226 SYSCALL_VFORK_20_E
    ev("vfork", ec::PROCESS, ef::MODIFIES_STATE, &[]),
    // 227 SYSCALL_VFORK_20_X
    ev(
        "vfork",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("cgroups", ByteBuf, Na),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
            p("vtid", Pid, Dec),
            p("vpid", Pid, Dec),
        ],
    ),
    // 228 CONTAINER_E
    ev(
        "container",
        ec::INTERNAL,
        ef::MODIFIES_STATE | ef::SKIPPARSERESET | ef::OLD_VERSION,
        &[
            p("id", CharBuf, Na),
            p("type", Uint32, Dec),
            p("name", CharBuf, Na),
            p("image", CharBuf, Na),
        ],
    ),
    // 229 CONTAINER_X
    ev("container", ec::INTERNAL, ef::UNUSED | ef::OLD_VERSION, &[]),
    // 230 SYSCALL_EXECVE_16_E
    ev("execve", ec::PROCESS, ef::MODIFIES_STATE, &[]),
    // 231 SYSCALL_EXECVE_16_X
    ev(
        "execve",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("cgroups", ByteBuf, Na),
            p("env", ByteBuf, Na),
        ],
    ),
    // 232 SIGNALDELIVER_E
    ev(
        "signaldeliver",
        ec::SIGNAL,
        ef::DROP_SIMPLE_CONS,
        &[p("spid", Pid, Dec), p("dpid", Pid, Dec), p("sig", SigType, Dec)],
    ),
    // 233 SIGNALDELIVER_X
    ev("signaldeliver", ec::SIGNAL, ef::UNUSED, &[]),
    // 234 PROCINFO_E
    ev(
        "procinfo",
        ec::INTERNAL,
        ef::SKIPPARSERESET | ef::DROP_SIMPLE_CONS,
        &[p("cpu_usr", Uint64, Dec), p("cpu_sys", Uint64, Dec)],
    ),
    // 235 PROCINFO_X
    ev("NA2", ec::INTERNAL, ef::UNUSED, &[]),
    // 236 SYSCALL_GETDENTS_E
    ev("getdents", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("fd", Fd, Na)]),
    // 237 SYSCALL_GETDENTS_X
    ev("getdents", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 238 SYSCALL_GETDENTS64_E
    ev("getdents64", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("fd", Fd, Na)]),
    // 239 SYSCALL_GETDENTS64_X
    ev("getdents64", ec::FILE, ef::USES_FD | ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 240 SYSCALL_SETNS_E
    ev(
        "setns",
        ec::PROCESS,
        ef::USES_FD,
        &[p("fd", Fd, Na), fl("nstype", Flags32, Hex, &flags::CLONE_FLAGS)],
    ),
    // 241 SYSCALL_SETNS_X
    ev("setns", ec::PROCESS, ef::USES_FD, &[p("res", Errno, Dec)]),
    // 242 SYSCALL_FLOCK_E
    ev(
        "flock",
        ec::FILE,
        ef::USES_FD,
        &[p("fd", Fd, Na), fl("operation", Flags32, Hex, &flags::FLOCK_FLAGS)],
    ),
    // 243 SYSCALL_FLOCK_X
    ev("flock", ec::FILE, ef::USES_FD, &[p("res", Errno, Dec)]),
    // 244 CPU_HOTPLUG_E
    ev(
        "cpu_hotplug",
        ec::SYSTEM,
        ef::MODIFIES_STATE | ef::SKIPPARSERESET,
        &[p("cpu", Uint32, Dec), p("action", Uint32, Dec)],
    ),
    // 245 CPU_HOTPLUG_X
    ev("NA2", ec::SYSTEM, ef::UNUSED, &[]),
    // 246 SOCKET_ACCEPT_5_E
    ev("accept", ec::NET, ef::CREATES_FD | ef::MODIFIES_STATE, &[]),
    // 247 SOCKET_ACCEPT_5_X
    ev(
        "accept",
        ec::NET,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("fd", Fd, Dec),
            p("tuple", SockTuple, Na),
            p("queuepct", Uint8, Dec),
            p("queuelen", Uint32, Dec),
            p("queuemax", Uint32, Dec),
        ],
    ),
    // 248 SOCKET_ACCEPT4_5_E
    ev("accept", ec::NET, ef::CREATES_FD | ef::MODIFIES_STATE, &[p("flags", Int32, Hex)]),
    // 249 SOCKET_ACCEPT4_5_X
    ev(
        "accept",
        ec::NET,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("fd", Fd, Dec),
            p("tuple", SockTuple, Na),
            p("queuepct", Uint8, Dec),
            p("queuelen", Uint32, Dec),
            p("queuemax", Uint32, Dec),
        ],
    ),
    // 250 SYSCALL_SEMOP_E
    ev("semop", ec::PROCESS, ef::DROP_SIMPLE_CONS, &[p("semid", Int32, Dec)]),
    // 251 SYSCALL_SEMOP_X
    ev(
        "semop",
        ec::PROCESS,
        ef::DROP_SIMPLE_CONS,
        &[
            p("res", Errno, Dec),
            p("nsops", Uint32, Dec),
            p("sem_num_0", Uint16, Dec),
            p("sem_op_0", Int16, Dec),
            fl("sem_flg_0", Flags16, Hex, &flags::SEMOP_FLAGS),
            p("sem_num_1", Uint16, Dec),
            p("sem_op_1", Int16, Dec),
            fl("sem_flg_1", Flags16, Hex, &flags::SEMOP_FLAGS),
        ],
    ),
    // 252 SYSCALL_SEMCTL_E
    ev(
        "semctl",
        ec::PROCESS,
        ef::DROP_SIMPLE_CONS,
        &[
            p("semid", Int32, Dec),
            p("semnum", Int32, Dec),
            fl("cmd", Flags16, Hex, &flags::SEMCTL_COMMANDS),
            p("val", Int32, Dec),
        ],
    ),
    // 253 SYSCALL_SEMCTL_X
    ev("semctl", ec::PROCESS, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 254 SYSCALL_PPOLL_E
    ev(
        "ppoll",
        ec::WAIT,
        ef::WAITS | ef::DROP_SIMPLE_CONS,
        &[p("fds", FdList, Dec), p("timeout", RelTime, Dec), p("sigmask", SigSet, Dec)],
    ),
    // 255 SYSCALL_PPOLL_X
    ev(
        "ppoll",
        ec::WAIT,
        ef::WAITS | ef::DROP_SIMPLE_CONS,
        &[p("res", Errno, Dec), p("fds", FdList, Dec)],
    ),
    // 256 SYSCALL_MOUNT_E
    ev("mount", ec::FILE, ef::MODIFIES_STATE, &[fl("flags", Flags32, Hex, &flags::MOUNT_FLAGS)]),
    // 257 SYSCALL_MOUNT_X
    ev(
        "mount",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("dev", CharBuf, Na),
            p("dir", FsPath, Na),
            p("type", CharBuf, Na),
        ],
    ),
    // 258 SYSCALL_UMOUNT_E
    ev("umount", ec::FILE, ef::MODIFIES_STATE, &[fl("flags", Flags32, Hex, &flags::UMOUNT_FLAGS)]),
    // 259 SYSCALL_UMOUNT_X
    ev("umount", ec::FILE, ef::MODIFIES_STATE, &[p("res", Errno, Dec), p("name", FsPath, Na)]),
    // 260 K8S_E
    ev("k8s", ec::INTERNAL, ef::MODIFIES_STATE | ef::SKIPPARSERESET, &[p("json", CharBuf, Na)]),
    // 261 K8S_X
    ev("NA3", ec::SYSTEM, ef::UNUSED, &[]),
    // 262 SYSCALL_SEMGET_E
    ev(
        "semget",
        ec::PROCESS,
        ef::DROP_SIMPLE_CONS,
        &[
            p("key", Int32, Hex),
            p("nsems", Int32, Dec),
            fl("semflg", Flags32, Hex, &flags::SEMGET_FLAGS),
        ],
    ),
    // 263 SYSCALL_SEMGET_X
    ev("semget", ec::PROCESS, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 264 SYSCALL_ACCESS_E
    ev("access", ec::FILE, ef::DROP_SIMPLE_CONS, &[fl("mode", Flags32, Hex, &flags::ACCESS_FLAGS)]),
    // 265 SYSCALL_ACCESS_X
    ev("access", ec::FILE, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec), p("name", FsPath, Na)]),
    // 266 SYSCALL_CHROOT_E
    ev("chroot", ec::PROCESS, ef::MODIFIES_STATE, &[]),
    // 267 SYSCALL_CHROOT_X
    ev("chroot", ec::PROCESS, ef::MODIFIES_STATE, &[p("res", Errno, Dec), p("path", FsPath, Na)]),
    // 268 TRACER_E
    ev(
        "tracer",
        ec::OTHER,
        0,
        &[p("id", Int64, Dec), p("tags", CharBufArray, Na), p("args", CharBufPairArray, Na)],
    ),
    // 269 TRACER_X
    ev(
        "tracer",
        ec::OTHER,
        0,
        &[p("id", Int64, Dec), p("tags", CharBufArray, Na), p("args", CharBufPairArray, Na)],
    ),
    // 270 MESOS_E
    ev("mesos", ec::INTERNAL, ef::MODIFIES_STATE | ef::SKIPPARSERESET, &[p("json", CharBuf, Na)]),
    // 271 MESOS_X
    ev("NA4", ec::SYSTEM, ef::UNUSED, &[]),
    // 272 CONTAINER_JSON_E
    ev("container", ec::PROCESS, ef::MODIFIES_STATE, &[p("json", CharBuf, Na)]),
    // 273 CONTAINER_JSON_X
    ev("container", ec::PROCESS, ef::UNUSED, &[]),
    // 274 SYSCALL_SETSID_E
    ev("setsid", ec::PROCESS, ef::MODIFIES_STATE, &[]),
    // 275 SYSCALL_SETSID_X
    ev("setsid", ec::PROCESS, ef::MODIFIES_STATE, &[p("res", Pid, Dec)]),
    // 276 SYSCALL_MKDIR_2_E
    ev("mkdir", ec::FILE, 0, &[p("mode", Uint32, Hex)]),
    // 277 SYSCALL_MKDIR_2_X
    ev("mkdir", ec::FILE, 0, &[p("res", Errno, Dec), p("path", FsPath, Na)]),
    // 278 SYSCALL_RMDIR_2_E
    ev("rmdir", ec::FILE, 0, &[]),
    // 279 SYSCALL_RMDIR_2_X
    ev("rmdir", ec::FILE, 0, &[p("res", Errno, Dec), p("path", FsPath, Na)]),
    // 280 NOTIFICATION_E
    ev(
        "notification",
        ec::OTHER,
        ef::SKIPPARSERESET,
        &[p("id", CharBuf, Dec), p("desc", CharBuf, Na)],
    ),
    // 281 NOTIFICATION_X
    ev("NA4", ec::SYSTEM, ef::UNUSED, &[]),
    // 282 SYSCALL_EXECVE_17_E
    ev("execve", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 283 SYSCALL_EXECVE_17_X
    ev(
        "execve",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Errno, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("cgroups", ByteBuf, Na),
            p("env", ByteBuf, Na),
            p("tty", Int32, Dec),
        ],
    ),
    // 284 SYSCALL_UNSHARE_E
    ev("unshare", ec::PROCESS, 0, &[fl("flags", Flags32, Hex, &flags::CLONE_FLAGS)]),
    // 285 SYSCALL_UNSHARE_X
    ev("unshare", ec::PROCESS, 0, &[p("res", Errno, Dec)]),
    // 286 INFRASTRUCTURE_EVENT_E
    ev(
        "infra",
        ec::INTERNAL,
        ef::SKIPPARSERESET,
        &[
            p("source", CharBuf, Dec),
            p("name", CharBuf, Na),
            p("description", CharBuf, Na),
            p("scope", CharBuf, Na),
        ],
    ),
    // 287 INFRASTRUCTURE_EVENT_X
    ev("NA4", ec::SYSTEM, ef::UNUSED, &[]),
    // 288 SYSCALL_EXECVE_18_E
    ev("execve", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[p("filename", FsPath, Na)]),
    // 289 SYSCALL_EXECVE_18_X
    ev(
        "execve",
        ec::PROCESS,
        ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[
            p("res", Errno, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("cgroups", ByteBuf, Na),
            p("env", ByteBuf, Na),
            p("tty", Int32, Dec),
        ],
    ),
    // 290 PAGE_FAULT_E
    ev(
        "page_fault",
        ec::OTHER,
        ef::SKIPPARSERESET | ef::DROP_SIMPLE_CONS,
        &[
            p("addr", Uint64, Hex),
            p("ip", Uint64, Hex),
            fl("error", Flags32, Hex, &flags::PF_FLAGS),
        ],
    ),
    // 291 PAGE_FAULT_X
    ev("NA5", ec::OTHER, ef::UNUSED, &[]),
    // 292 SYSCALL_EXECVE_19_E
    ev("execve", ec::PROCESS, ef::MODIFIES_STATE, &[p("filename", FsPath, Na)]),
    // 293 SYSCALL_EXECVE_19_X
    ev(
        "execve",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("cgroups", ByteBuf, Na),
            p("env", ByteBuf, Na),
            p("tty", Int32, Dec),
            p("pgid", Pid, Dec),
            p("loginuid", Int32, Dec),
            fl("flags", Flags32, Hex, &flags::EXECVE_FLAGS),
        ],
    ),
    // 294 SYSCALL_SETPGID_E
    ev("setpgid", ec::PROCESS, ef::MODIFIES_STATE, &[p("pid", Pid, Dec), p("pgid", Pid, Dec)]),
    // 295 SYSCALL_SETPGID_X
    ev("setpgid", ec::PROCESS, ef::MODIFIES_STATE, &[p("res", Pid, Dec)]),
    // 296 SYSCALL_BPF_E
    ev("bpf", ec::OTHER, ef::CREATES_FD, &[p("cmd", Int64, Dec)]),
    // 297 SYSCALL_BPF_X
    ev(
        "bpf",
        ec::OTHER,
        ef::CREATES_FD,
        &[dynp("res_or_fd", Dec, &[p("", Fd, Dec), p("", Errno, Dec)])],
    ),
    // 298 SYSCALL_SECCOMP_E
    ev("seccomp", ec::OTHER, 0, &[p("op", Uint64, Dec)]),
    // 299 SYSCALL_SECCOMP_X
    ev("seccomp", ec::OTHER, 0, &[p("res", Errno, Dec)]),
    // 300 SYSCALL_UNLINK_2_E
    ev("unlink", ec::FILE, 0, &[]),
    // 301 SYSCALL_UNLINK_2_X
    ev("unlink", ec::FILE, 0, &[p("res", Errno, Dec), p("path", FsPath, Na)]),
    // 302 SYSCALL_UNLINKAT_2_E
    ev("unlinkat", ec::FILE, 0, &[]),
    // 303 SYSCALL_UNLINKAT_2_X
    ev(
        "unlinkat",
        ec::FILE,
        0,
        &[
            p("res", Errno, Dec),
            p("dirfd", Fd, Dec),
            rel("name", Na, 1),
            fl("flags", Flags32, Hex, &flags::UNLINKAT_FLAGS),
        ],
    ),
    // 304 SYSCALL_MKDIRAT_E
    ev("mkdirat", ec::FILE, 0, &[]),
    // 305 SYSCALL_MKDIRAT_X
    ev(
        "mkdirat",
        ec::FILE,
        0,
        &[p("res", Errno, Dec), p("dirfd", Fd, Dec), rel("path", Na, 1), p("mode", Uint32, Hex)],
    ),
    // 306 SYSCALL_OPENAT_2_E
    ev(
        "openat",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("dirfd", Fd, Dec),
            rel("name", Na, 0),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS),
            p("mode", Uint32, Oct),
        ],
    ),
    // 307 SYSCALL_OPENAT_2_X
    ev(
        "openat",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("fd", Fd, Dec),
            p("dirfd", Fd, Dec),
            rel("name", Na, 1),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS),
            p("mode", Uint32, Oct),
            p("dev", Uint32, Hex),
        ],
    ),
    // 308 SYSCALL_LINK_2_E
    ev("link", ec::FILE, 0, &[]),
    // 309 SYSCALL_LINK_2_X
    ev(
        "link",
        ec::FILE,
        0,
        &[p("res", Errno, Dec), p("oldpath", FsPath, Na), p("newpath", FsPath, Na)],
    ),
    // 310 SYSCALL_LINKAT_2_E
    ev("linkat", ec::FILE, 0, &[]),
    // 311 SYSCALL_LINKAT_2_X
    ev(
        "linkat",
        ec::FILE,
        0,
        &[
            p("res", Errno, Dec),
            p("olddir", Fd, Dec),
            rel("oldpath", Na, 1),
            p("newdir", Fd, Dec),
            rel("newpath", Na, 3),
            fl("flags", Flags32, Hex, &flags::LINKAT_FLAGS),
        ],
    ),
    // 312 SYSCALL_FCHMODAT_E
    ev("fchmodat", ec::FILE, 0, &[]),
    // 313 SYSCALL_FCHMODAT_X
    ev(
        "fchmodat",
        ec::FILE,
        0,
        &[
            p("res", Errno, Dec),
            p("dirfd", Fd, Dec),
            rel("filename", Na, 1),
            fl("mode", Mode, Oct, &flags::CHMOD_MODE),
        ],
    ),
    // 314 SYSCALL_CHMOD_E
    ev("chmod", ec::FILE, 0, &[]),
    // 315 SYSCALL_CHMOD_X
    ev(
        "chmod",
        ec::FILE,
        0,
        &[
            p("res", Errno, Dec),
            p("filename", FsPath, Na),
            fl("mode", Mode, Oct, &flags::CHMOD_MODE),
        ],
    ),
    // 316 SYSCALL_FCHMOD_E
    ev("fchmod", ec::FILE, 0, &[]),
    // 317 SYSCALL_FCHMOD_X
    ev(
        "fchmod",
        ec::FILE,
        0,
        &[p("res", Errno, Dec), p("fd", Fd, Dec), fl("mode", Mode, Oct, &flags::CHMOD_MODE)],
    ),
    // 318 SYSCALL_RENAMEAT2_E
    ev("renameat2", ec::FILE, 0, &[]),
    // 319 SYSCALL_RENAMEAT2_X
    ev(
        "renameat2",
        ec::FILE,
        0,
        &[
            p("res", Errno, Dec),
            p("olddirfd", Fd, Dec),
            rel("oldpath", Na, 1),
            p("newdirfd", Fd, Dec),
            rel("newpath", Na, 3),
            fl("flags", Flags32, Hex, &flags::RENAMEAT2_FLAGS),
        ],
    ),
    // 320 SYSCALL_USERFAULTFD_E
    ev("userfaultfd", ec::FILE, ef::CREATES_FD | ef::MODIFIES_STATE, &[]),
    // 321 SYSCALL_USERFAULTFD_X
    ev(
        "userfaultfd",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[p("res", Errno, Dec), fl("flags", Flags32, Hex, &flags::FILE_FLAGS)],
    ),
    // 322 PLUGINEVENT_E
    ev(
        "pluginevent",
        ec::OTHER,
        ef::LARGE_PAYLOAD,
        &[p("plugin ID", Uint32, Dec), p("event_data", ByteBuf, Na)],
    ),
    // 323 PLUGINEVENT_X
    ev("pluginevent", ec::OTHER, ef::UNUSED, &[]),
    // 324 CONTAINER_JSON_2_E
    ev("container", ec::PROCESS, ef::MODIFIES_STATE | ef::LARGE_PAYLOAD, &[p("json", CharBuf, Na)]),
    // 325 CONTAINER_JSON_2_X
    ev("container", ec::PROCESS, ef::UNUSED, &[]),
    // 326 SYSCALL_OPENAT2_E
    ev(
        "openat2",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("dirfd", Fd, Dec),
            rel("name", Na, 1),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS),
            p("mode", Uint32, Oct),
            fl("resolve", Flags32, Hex, &flags::OPENAT2_FLAGS),
        ],
    ),
    // 327 SYSCALL_OPENAT2_X
    ev(
        "openat2",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("fd", Fd, Dec),
            p("dirfd", Fd, Dec),
            rel("name", Na, 1),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS),
            p("mode", Uint32, Oct),
            fl("resolve", Flags32, Hex, &flags::OPENAT2_FLAGS),
        ],
    ),
    // 328 SYSCALL_MPROTECT_E
    ev(
        "mprotect",
        ec::MEMORY,
        ef::DROP_SIMPLE_CONS,
        &[
            p("addr", Uint64, Hex),
            p("length", Uint64, Dec),
            fl("prot", Flags32, Hex, &flags::PROT_FLAGS),
        ],
    ),
    // 329 SYSCALL_MPROTECT_X
    ev("mprotect", ec::MEMORY, ef::DROP_SIMPLE_CONS, &[p("res", Errno, Dec)]),
    // 330 SYSCALL_EXECVEAT_E
    ev(
        "execveat",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("dirfd", Fd, Dec),
            rel("pathname", Na, 0),
            fl("flags", Flags32, Hex, &flags::EXECVEAT_FLAGS),
        ],
    ),
    // 331 SYSCALL_EXECVEAT_X
    ev(
        "execveat",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("cgroups", ByteBuf, Na),
            p("env", ByteBuf, Na),
            p("tty", Int32, Dec),
            p("pgid", Pid, Dec),
            p("loginuid", Int32, Dec),
            fl("flags", Flags32, Hex, &flags::EXECVE_FLAGS),
        ],
    ),
    // 332 SYSCALL_COPY_FILE_RANGE_E
    ev(
        "copy_file_range",
        ec::FILE,
        ef::USES_FD | ef::READS_FROM_FD | ef::WRITES_TO_FD,
        &[p("fdin", Fd, Dec), p("offin", Uint64, Dec), p("len", Uint64, Dec)],
    ),
    // 333 SYSCALL_COPY_FILE_RANGE_X
    ev(
        "copy_file_range",
        ec::FILE,
        ef::USES_FD | ef::READS_FROM_FD | ef::WRITES_TO_FD,
        &[p("res", Errno, Dec), p("fdout", Fd, Dec), p("offout", Uint64, Dec)],
    ),
    // 334 SYSCALL_CLONE3_E
    ev("clone3", ec::PROCESS, ef::MODIFIES_STATE, &[]),
    // 335 SYSCALL_CLONE3_X
    ev(
        "clone3",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("res", Pid, Dec),
            p("exe", CharBuf, Na),
            p("args", ByteBuf, Na),
            p("tid", Pid, Dec),
            p("pid", Pid, Dec),
            p("ptid", Pid, Dec),
            p("cwd", CharBuf, Na),
            p("fdlimit", Int64, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("comm", CharBuf, Na),
            p("cgroups", ByteBuf, Na),
            fl("flags", Flags32, Hex, &flags::CLONE_FLAGS),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
            p("vtid", Pid, Dec),
            p("vpid", Pid, Dec),
        ],
    ),
    // 336 SYSCALL_OPEN_BY_HANDLE_AT_E
    ev("open_by_handle_at", ec::FILE, ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 337 SYSCALL_OPEN_BY_HANDLE_AT_X
    ev(
        "open_by_handle_at",
        ec::FILE,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("fd", Fd, Dec),
            p("mountfd", Fd, Dec),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS_V2),
            p("path", FsPath, Na),
            p("dev", Uint32, Hex),
            p("ino", Uint64, Dec),
        ],
    ),
    // 338 SYSCALL_IO_URING_SETUP_E
    ev("io_uring_setup", ec::IO_OTHER, ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 339 SYSCALL_IO_URING_SETUP_X
    ev(
        "io_uring_setup",
        ec::IO_OTHER,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("entries", Uint32, Dec),
            p("sq_entries", Uint32, Dec),
            p("cq_entries", Uint32, Dec),
            fl("flags", Flags32, Hex, &flags::IO_URING_SETUP_FLAGS),
            p("sq_thread_cpu", Uint32, Dec),
            p("sq_thread_idle", Uint32, Dec),
            fl("features", Flags32, Hex, &flags::IO_URING_SETUP_FEATS),
        ],
    ),
    // 340 SYSCALL_IO_URING_ENTER_E
    ev("io_uring_enter", ec::IO_OTHER, ef::OLD_VERSION, &[]),
    // 341 SYSCALL_IO_URING_ENTER_X
    ev(
        "io_uring_enter",
        ec::IO_OTHER,
        ef::USES_FD,
        &[
            p("res", Errno, Dec),
            p("fd", Fd, Dec),
            p("to_submit", Uint32, Dec),
            p("min_complete", Uint32, Dec),
            fl("flags", Flags32, Hex, &flags::IO_URING_ENTER_FLAGS),
            p("sig", SigSet, Dec),
        ],
    ),
    // 342 SYSCALL_IO_URING_REGISTER_E
    ev("io_uring_register", ec::IO_OTHER, ef::OLD_VERSION, &[]),
    // 343 SYSCALL_IO_URING_REGISTER_X
    ev(
        "io_uring_register",
        ec::IO_OTHER,
        ef::USES_FD,
        &[
            p("res", Errno, Dec),
            p("fd", Fd, Dec),
            fl("opcode", EnumFlags16, Dec, &flags::IO_URING_REGISTER_OPCODES),
            p("arg", Uint64, Hex),
            p("nr_args", Uint32, Dec),
        ],
    ),
    // 344 SYSCALL_MLOCK_E
    ev("mlock", ec::MEMORY, ef::OLD_VERSION, &[]),
    // 345 SYSCALL_MLOCK_X
    ev(
        "mlock",
        ec::MEMORY,
        0,
        &[p("res", Errno, Dec), p("addr", Uint64, Hex), p("len", Uint64, Dec)],
    ),
    // 346 SYSCALL_MUNLOCK_E
    ev("munlock", ec::MEMORY, ef::OLD_VERSION, &[]),
    // 347 SYSCALL_MUNLOCK_X
    ev(
        "munlock",
        ec::MEMORY,
        0,
        &[p("res", Errno, Dec), p("addr", Uint64, Hex), p("len", Uint64, Dec)],
    ),
    // 348 SYSCALL_MLOCKALL_E
    ev("mlockall", ec::MEMORY, ef::OLD_VERSION, &[]),
    // 349 SYSCALL_MLOCKALL_X
    ev(
        "mlockall",
        ec::MEMORY,
        0,
        &[p("res", Errno, Dec), fl("flags", Flags32, Hex, &flags::MLOCKALL_FLAGS)],
    ),
    // 350 SYSCALL_MUNLOCKALL_E
    ev("munlockall", ec::MEMORY, ef::OLD_VERSION, &[]),
    // 351 SYSCALL_MUNLOCKALL_X
    ev("munlockall", ec::MEMORY, 0, &[p("res", Errno, Dec)]),
    // 352 SYSCALL_CAPSET_E
    ev("capset", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 353 SYSCALL_CAPSET_X
    ev(
        "capset",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("cap_inheritable", Uint64, Hex),
            p("cap_permitted", Uint64, Hex),
            p("cap_effective", Uint64, Hex),
        ],
    ),
    // 354 USER_ADDED_E
    ev(
        "useradded",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
            p("name", CharBuf, Na),
            p("home", CharBuf, Na),
            p("shell", CharBuf, Na),
            p("container_id", CharBuf, Na),
        ],
    ),
    // 355 USER_ADDED_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 356 USER_DELETED_E
    ev(
        "userdeleted",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
            p("name", CharBuf, Na),
            p("home", CharBuf, Na),
            p("shell", CharBuf, Na),
            p("container_id", CharBuf, Na),
        ],
    ),
    // 357 USER_DELETED_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 358 GROUP_ADDED_E
    ev(
        "groupadded",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[p("gid", Uint32, Dec), p("name", CharBuf, Na), p("container_id", CharBuf, Na)],
    ),
    // 359 GROUP_ADDED_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 360 GROUP_DELETED_E
    ev(
        "groupdeleted",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[p("gid", Uint32, Dec), p("name", CharBuf, Na), p("container_id", CharBuf, Na)],
    ),
    // 361 GROUP_DELETED_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 362 SYSCALL_DUP2_E
    ev(
        "dup2",
        ec::IO_OTHER,
        ef::CREATES_FD | ef::USES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[p("fd", Fd, Dec)],
    ),
    // 363 SYSCALL_DUP2_X
    ev(
        "dup2",
        ec::IO_OTHER,
        ef::CREATES_FD | ef::USES_FD | ef::MODIFIES_STATE,
        &[p("res", Fd, Dec), p("oldfd", Fd, Dec), p("newfd", Fd, Dec)],
    ),
    // 364 SYSCALL_DUP3_E
    ev(
        "dup3",
        ec::IO_OTHER,
        ef::CREATES_FD | ef::USES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[p("fd", Fd, Dec)],
    ),
    // 365 SYSCALL_DUP3_X
    ev(
        "dup3",
        ec::IO_OTHER,
        ef::CREATES_FD | ef::USES_FD | ef::MODIFIES_STATE,
        &[
            p("res", Fd, Dec),
            p("oldfd", Fd, Dec),
            p("newfd", Fd, Dec),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS_V2),
        ],
    ),
    // 366 SYSCALL_DUP_1_E
    ev(
        "dup",
        ec::IO_OTHER,
        ef::CREATES_FD | ef::USES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION,
        &[p("fd", Fd, Dec)],
    ),
    // 367 SYSCALL_DUP_1_X
    ev(
        "dup",
        ec::IO_OTHER,
        ef::CREATES_FD | ef::USES_FD | ef::MODIFIES_STATE,
        &[p("res", Fd, Dec), p("oldfd", Fd, Dec)],
    ),
    // 368 SYSCALL_BPF_2_E
    ev("bpf", ec::OTHER, ef::CREATES_FD | ef::OLD_VERSION, &[p("cmd", Int64, Dec)]),
    // 369 SYSCALL_BPF_2_X
    ev(
        "bpf",
        ec::OTHER,
        ef::CREATES_FD,
        &[p("fd", Fd, Dec), fl("cmd", EnumFlags32, Dec, &flags::BPF_COMMANDS)],
    ),
    // 370 SYSCALL_MLOCK2_E
    ev("mlock2", ec::MEMORY, ef::OLD_VERSION, &[]),
    // 371 SYSCALL_MLOCK2_X
    ev(
        "mlock2",
        ec::MEMORY,
        0,
        &[
            p("res", Errno, Dec),
            p("addr", Uint64, Hex),
            p("len", Uint64, Dec),
            fl("flags", Flags32, Hex, &flags::MLOCK2_FLAGS),
        ],
    ),
    // 372 SYSCALL_FSCONFIG_E
    ev("fsconfig", ec::SYSTEM, ef::OLD_VERSION, &[]),
    // 373 SYSCALL_FSCONFIG_X
    ev(
        "fsconfig",
        ec::SYSTEM,
        ef::USES_FD,
        &[
            p("res", Errno, Dec),
            p("fd", Fd, Dec),
            fl("cmd", EnumFlags32, Dec, &flags::FSCONFIG_CMDS),
            p("key", CharBuf, Na),
            p("value_bytebuf", ByteBuf, Na),
            p("value_charbuf", CharBuf, Na),
            p("aux", Int32, Dec),
        ],
    ),
    // 374 SYSCALL_EPOLL_CREATE_E
    ev(
        "epoll_create",
        ec::WAIT,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION | ef::CONVERTER_MANAGED,
        &[p("size", Int32, Dec)],
    ),
    // 375 SYSCALL_EPOLL_CREATE_X
    ev(
        "epoll_create",
        ec::WAIT,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::CONVERTER_MANAGED,
        &[p("res", Errno, Dec), p("size", Int32, Dec)],
    ),
    // 376 SYSCALL_EPOLL_CREATE1_E
    ev(
        "epoll_create1",
        ec::WAIT,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION | ef::CONVERTER_MANAGED,
        &[fl("flags", Flags32, Hex, &flags::EPOLL_CREATE1_FLAGS)],
    ),
    // 377 SYSCALL_EPOLL_CREATE1_X
    ev(
        "epoll_create1",
        ec::WAIT,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::CONVERTER_MANAGED,
        &[p("res", Errno, Dec), fl("flags", Flags32, Hex, &flags::EPOLL_CREATE1_FLAGS)],
    ),
    // 378 SYSCALL_CHOWN_E
    ev("chown", ec::FILE, ef::OLD_VERSION, &[]),
    // 379 SYSCALL_CHOWN_X
    ev(
        "chown",
        ec::FILE,
        0,
        &[
            p("res", Errno, Dec),
            p("path", FsPath, Na),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
        ],
    ),
    // 380 SYSCALL_LCHOWN_E
    ev("lchown", ec::FILE, ef::OLD_VERSION, &[]),
    // 381 SYSCALL_LCHOWN_X
    ev(
        "lchown",
        ec::FILE,
        0,
        &[
            p("res", Errno, Dec),
            p("path", FsPath, Na),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
        ],
    ),
    // 382 SYSCALL_FCHOWN_E
    ev("fchown", ec::FILE, ef::OLD_VERSION, &[]),
    // 383 SYSCALL_FCHOWN_X
    ev(
        "fchown",
        ec::FILE,
        ef::USES_FD,
        &[p("res", Errno, Dec), p("fd", Fd, Dec), p("uid", Uint32, Dec), p("gid", Uint32, Dec)],
    ),
    // 384 SYSCALL_FCHOWNAT_E
    ev("fchownat", ec::FILE, ef::OLD_VERSION, &[]),
    // 385 SYSCALL_FCHOWNAT_X
    ev(
        "fchownat",
        ec::FILE,
        ef::USES_FD,
        &[
            p("res", Errno, Dec),
            p("dirfd", Fd, Dec),
            rel("pathname", Na, 1),
            p("uid", Uint32, Dec),
            p("gid", Uint32, Dec),
            fl("flags", Flags32, Hex, &flags::FCHOWNAT_FLAGS),
        ],
    ),
    // 386 SYSCALL_UMOUNT_1_E
    ev("umount", ec::FILE, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 387 SYSCALL_UMOUNT_1_X
    ev("umount", ec::FILE, ef::MODIFIES_STATE, &[p("res", Errno, Dec), p("name", FsPath, Na)]),
    // 388 SOCKET_ACCEPT4_6_E
    ev(
        "accept4",
        ec::NET,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION | ef::CONVERTER_MANAGED,
        &[p("flags", Int32, Hex)],
    ),
    // 389 SOCKET_ACCEPT4_6_X
    ev(
        "accept4",
        ec::NET,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::CONVERTER_MANAGED,
        &[
            p("fd", Fd, Dec),
            p("tuple", SockTuple, Na),
            p("queuepct", Uint8, Dec),
            p("queuelen", Uint32, Dec),
            p("queuemax", Uint32, Dec),
            p("flags", Int32, Hex),
        ],
    ),
    // 390 SYSCALL_UMOUNT2_E
    ev(
        "umount2",
        ec::FILE,
        ef::MODIFIES_STATE | ef::OLD_VERSION | ef::CONVERTER_MANAGED,
        &[fl("flags", Flags32, Hex, &flags::UMOUNT_FLAGS)],
    ),
    // 391 SYSCALL_UMOUNT2_X
    ev(
        "umount2",
        ec::FILE,
        ef::MODIFIES_STATE | ef::CONVERTER_MANAGED,
        &[
            p("res", Errno, Dec),
            p("name", FsPath, Na),
            fl("flags", Flags32, Hex, &flags::UMOUNT_FLAGS),
        ],
    ),
    // 392 SYSCALL_PIPE2_E
    ev("pipe2", ec::IPC, ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 393 SYSCALL_PIPE2_X
    ev(
        "pipe2",
        ec::IPC,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("fd1", Fd, Dec),
            p("fd2", Fd, Dec),
            p("ino", Uint64, Dec),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS_V2),
        ],
    ),
    // 394 SYSCALL_INOTIFY_INIT1_E
    ev("inotify_init1", ec::IPC, ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 395 SYSCALL_INOTIFY_INIT1_X
    ev(
        "inotify_init1",
        ec::IPC,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[p("res", Fd, Dec), fl("flags", Flags16, Hex, &flags::FILE_FLAGS_V2)],
    ),
    // 396 SYSCALL_EVENTFD2_E
    ev(
        "eventfd2",
        ec::IPC,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION | ef::CONVERTER_MANAGED,
        &[p("initval", Uint64, Dec)],
    ),
    // 397 SYSCALL_EVENTFD2_X
    ev(
        "eventfd2",
        ec::IPC,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::CONVERTER_MANAGED,
        &[
            p("res", Fd, Dec),
            fl("flags", Flags16, Hex, &flags::FILE_FLAGS_V2),
            p("initval", Uint64, Dec),
        ],
    ),
    // 398 SYSCALL_SIGNALFD4_E
    ev(
        "signalfd4",
        ec::SIGNAL,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION | ef::CONVERTER_MANAGED,
        &[p("fd", Fd, Dec), p("mask", Uint32, Hex)],
    ),
    // 399 SYSCALL_SIGNALFD4_X
    ev(
        "signalfd4",
        ec::SIGNAL,
        ef::CREATES_FD | ef::MODIFIES_STATE | ef::CONVERTER_MANAGED,
        &[
            p("res", Fd, Dec),
            fl("flags", Flags16, Hex, &flags::FILE_FLAGS_V2),
            p("fd", Fd, Dec),
            p("mask", Uint32, Hex),
        ],
    ),
    // 400 SYSCALL_PRCTL_E
    ev("prctl", ec::PROCESS, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 401 SYSCALL_PRCTL_X
    ev(
        "prctl",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            fl("option", EnumFlags32, Dec, &flags::PRCTL_OPTIONS),
            p("arg2_str", CharBuf, Na),
            p("arg2_int", Int64, Dec),
        ],
    ),
    // 402 ASYNCEVENT_E
    ev(
        "asyncevent",
        ec::OTHER,
        ef::LARGE_PAYLOAD,
        &[p("plugin_id", Uint32, Dec), p("name", CharBuf, Na), p("data", ByteBuf, Na)],
    ),
    // 403 ASYNCEVENT_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 404 SYSCALL_MEMFD_CREATE_E
    ev("memfd_create", ec::MEMORY, ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 405 SYSCALL_MEMFD_CREATE_X
    ev(
        "memfd_create",
        ec::MEMORY,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("fd", Fd, Dec),
            p("name", CharBuf, Na),
            fl("flags", Flags32, Hex, &flags::MEMFD_CREATE_FLAGS),
        ],
    ),
    // 406 SYSCALL_PIDFD_GETFD_E
    ev("pidfd_getfd", ec::PROCESS, ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 407 SYSCALL_PIDFD_GETFD_X
    ev(
        "pidfd_getfd",
        ec::PROCESS,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[p("fd", Fd, Dec), p("pid_fd", Fd, Dec), p("target_fd", Fd, Dec), p("flags", Uint32, Hex)],
    ),
    // 408 SYSCALL_PIDFD_OPEN_E
    ev("pidfd_open", ec::PROCESS, ef::CREATES_FD | ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 409 SYSCALL_PIDFD_OPEN_X
    ev(
        "pidfd_open",
        ec::PROCESS,
        ef::CREATES_FD | ef::MODIFIES_STATE,
        &[
            p("fd", Fd, Dec),
            p("pid", Pid, Dec),
            fl("flags", Flags32, Hex, &flags::PIDFD_OPEN_FLAGS),
        ],
    ),
    // 410 SYSCALL_INIT_MODULE_E
    ev("init_module", ec::OTHER, ef::OLD_VERSION, &[]),
    // 411 SYSCALL_INIT_MODULE_X
    ev(
        "init_module",
        ec::OTHER,
        0,
        &[
            p("res", Errno, Dec),
            p("img", ByteBuf, Na),
            p("length", Uint64, Dec),
            p("uargs", CharBuf, Na),
        ],
    ),
    // 412 SYSCALL_FINIT_MODULE_E
    ev("finit_module", ec::OTHER, ef::OLD_VERSION, &[]),
    // 413 SYSCALL_FINIT_MODULE_X
    ev(
        "finit_module",
        ec::OTHER,
        ef::USES_FD | ef::READS_FROM_FD,
        &[
            p("res", Errno, Dec),
            p("fd", Fd, Dec),
            p("uargs", CharBuf, Na),
            fl("flags", Flags32, Hex, &flags::FINIT_MODULE_FLAGS),
        ],
    ),
    // 414 SYSCALL_MKNOD_E
    ev("mknod", ec::OTHER, ef::OLD_VERSION, &[]),
    // 415 SYSCALL_MKNOD_X
    ev(
        "mknod",
        ec::OTHER,
        0,
        &[
            p("res", Errno, Dec),
            p("path", FsPath, Na),
            fl("mode", Mode, Oct, &flags::MKNOD_MODE),
            p("dev", Uint32, Dec),
        ],
    ),
    // 416 SYSCALL_MKNODAT_E
    ev("mknodat", ec::OTHER, ef::OLD_VERSION, &[]),
    // 417 SYSCALL_MKNODAT_X
    ev(
        "mknodat",
        ec::OTHER,
        ef::USES_FD,
        &[
            p("res", Errno, Dec),
            p("dirfd", Fd, Dec),
            rel("path", Na, 1),
            fl("mode", Mode, Oct, &flags::MKNOD_MODE),
            p("dev", Uint32, Dec),
        ],
    ),
    // 418 SYSCALL_NEWFSTATAT_E
    ev("newfstatat", ec::FILE, ef::OLD_VERSION, &[]),
    // 419 SYSCALL_NEWFSTATAT_X
    ev(
        "newfstatat",
        ec::FILE,
        ef::USES_FD,
        &[
            p("res", Errno, Dec),
            p("dirfd", Fd, Dec),
            rel("path", Na, 1),
            fl("flags", Flags32, Hex, &flags::NEWFSTATAT_FLAGS),
        ],
    ),
    // 420 SYSCALL_PROCESS_VM_READV_E
    ev("process_vm_readv", ec::IPC, ef::OLD_VERSION, &[]),
    // 421 SYSCALL_PROCESS_VM_READV_X
    ev(
        "process_vm_readv",
        ec::IPC,
        0,
        &[p("res", Int64, Dec), p("pid", Pid, Dec), p("data", ByteBuf, Na)],
    ),
    // 422 SYSCALL_PROCESS_VM_WRITEV_E
    ev("process_vm_writev", ec::IPC, ef::OLD_VERSION, &[]),
    // 423 SYSCALL_PROCESS_VM_WRITEV_X
    ev(
        "process_vm_writev",
        ec::IPC,
        0,
        &[p("res", Int64, Dec), p("pid", Pid, Dec), p("data", ByteBuf, Na)],
    ),
    // 424 SYSCALL_DELETE_MODULE_E
    ev("delete_module", ec::OTHER, ef::OLD_VERSION, &[]),
    // 425 SYSCALL_DELETE_MODULE_X
    ev(
        "delete_module",
        ec::OTHER,
        0,
        &[
            p("res", Errno, Dec),
            p("name", CharBuf, Na),
            fl("flags", Flags32, Hex, &flags::DELETE_MODULE_FLAGS),
        ],
    ),
    // 426 SYSCALL_SETREUID_E
    ev("setreuid", ec::USER, ef::MODIFIES_STATE | ef::OLD_VERSION, &[]),
    // 427 SYSCALL_SETREUID_X
    ev(
        "setreuid",
        ec::USER,
        ef::MODIFIES_STATE,
        &[p("res", Errno, Dec), p("ruid", Uid, Dec), p("euid", Uid, Dec)],
    ),
    // 428 SYSCALL_SETREGID_E
    ev("setregid", ec::USER, ef::OLD_VERSION, &[]),
    // 429 SYSCALL_SETREGID_X
    ev(
        "setregid",
        ec::USER,
        ef::MODIFIES_STATE,
        &[p("res", Errno, Dec), p("rgid", Uid, Dec), p("egid", Uid, Dec)],
    ),
    // 430 ITER_TASK_E
    ev(
        "task",
        ec::PROCESS,
        ef::MODIFIES_STATE,
        &[
            p("ppid", Pid32, Dec),
            p("pgid", Pid32, Dec),
            p("vpgid", Pid32, Dec),
            p("sid", Pid32, Dec),
            p("comm", CharBuf, Na),
            p("argv", CharBufArray, Na),
            p("exepath", FsPath, Na),
            fl("flags", Flags32, Hex, &flags::EXECVE_FLAGS_V2),
            p("env", CharBufArray, Na),
            p("cwd", CharBuf, Na),
            p("fdlimit", Uint64, Dec),
            p("euid", Uid, Dec),
            p("egid", Gid, Dec),
            p("cap_permitted", Uint64, Hex),
            p("cap_effective", Uint64, Hex),
            p("cap_inheritable", Uint64, Hex),
            p("exe_ino_num", Uint64, Dec),
            p("exe_ino_ctime", AbsTime, Dec),
            p("exe_ino_mtime", AbsTime, Dec),
            p("vm_size", Uint32, Dec),
            p("vm_rss", Uint32, Dec),
            p("vm_swap", Uint32, Dec),
            p("pgft_maj", Uint64, Dec),
            p("pgft_min", Uint64, Dec),
            p("vtgid", Pid32, Dec),
            p("vpid", Pid32, Dec),
            p("pidns_init_start_ts", Uint64, Dec),
            p("cgroups", CharBufArray, Na),
            p("root", FsPath, Na),
            p("start_time", AbsTime, Dec),
            p("tty", Uint32, Dec),
            p("loginuid", Uid, Dec),
        ],
    ),
    // 431 ITER_TASK_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 432 ITER_TASK_FILE_PIPE_E
    ev(
        "task_file_pipe",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[p("fd", Fd32, Dec), p("path", FsPath, Na), p("ino_num", Uint64, Dec)],
    ),
    // 433 ITER_TASK_FILE_PIPE_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 434 ITER_TASK_FILE_MEMFD_E
    ev(
        "task_file_memfd",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[p("fd", Fd32, Dec), p("path", FsPath, Na), p("ino_num", Uint64, Dec)],
    ),
    // 435 ITER_TASK_FILE_MEMFD_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 436 ITER_TASK_FILE_REGULAR_E
    ev(
        "task_file_regular",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[
            p("fd", Fd32, Dec),
            p("path", FsPath, Na),
            fl("flags", Flags32, Hex, &flags::FILE_FLAGS_V2),
            p("mnt_id", Uint32, Dec),
            p("ino_num", Uint64, Dec),
        ],
    ),
    // 437 ITER_TASK_FILE_REGULAR_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 438 ITER_TASK_FILE_DIRECTORY_E
    ev(
        "task_file_directory",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[p("fd", Fd32, Dec), p("path", FsPath, Na), p("ino_num", Uint64, Dec)],
    ),
    // 439 ITER_TASK_FILE_DIRECTORY_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 440 ITER_TASK_FILE_SOCKET_INET_E
    ev(
        "task_file_socket_inet",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[
            p("fd", Fd32, Dec),
            p("sk_type", Uint16, Dec),
            p("sk_proto", Uint16, Dec),
            p("local_ip", Ipv4Addr, Hex),
            p("local_port", Port, Hex),
            p("remote_ip", Ipv4Addr, Hex),
            p("remote_port", Port, Hex),
            p("ino_num", Uint64, Dec),
        ],
    ),
    // 441 ITER_TASK_FILE_SOCKET_INET_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 442 ITER_TASK_FILE_SOCKET_INET6_E
    ev(
        "task_file_socket_inet6",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[
            p("fd", Fd32, Dec),
            p("sk_type", Uint16, Dec),
            p("sk_proto", Uint16, Dec),
            p("local_ip", Ipv6Addr, Hex),
            p("local_port", Port, Hex),
            p("remote_ip", Ipv6Addr, Hex),
            p("remote_port", Port, Hex),
            p("ino_num", Uint64, Dec),
        ],
    ),
    // 443 ITER_TASK_FILE_SOCKET_INET6_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 444 ITER_TASK_FILE_SOCKET_UNIX_E
    ev(
        "task_file_socket_unix",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[
            p("fd", Fd32, Dec),
            p("sk_type", Uint16, Dec),
            p("sk_proto", Uint16, Dec),
            p("sk_pointer", Uint64, Na),
            p("sun_path", FsPath, Na),
            p("ino_num", Uint64, Dec),
        ],
    ),
    // 445 ITER_TASK_FILE_SOCKET_UNIX_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 446 ITER_TASK_FILE_SOCKET_NETLINK_E
    ev(
        "task_file_socket_netlink",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[
            p("fd", Fd32, Dec),
            p("sk_type", Uint16, Dec),
            p("sk_proto", Uint16, Dec),
            p("ino_num", Uint64, Dec),
        ],
    ),
    // 447 ITER_TASK_FILE_SOCKET_NETLINK_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 448 ITER_TASK_FILE_ANON_INODE_E
    ev(
        "task_file_anon_inode",
        ec::FILE,
        ef::MODIFIES_STATE,
        &[
            p("fd", Fd32, Dec),
            fl("fd_type", Flags8, Dec, &flags::ANON_INODE_FD_TYPES),
            p("path", FsPath, Na),
            p("ino_num", Uint64, Dec),
        ],
    ),
    // 449 ITER_TASK_FILE_ANON_INODE_X
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 450 SYSCALL_CLOSE_RANGE_E
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 451 SYSCALL_CLOSE_RANGE_X
    ev(
        "close_range",
        ec::IO_OTHER,
        ef::MODIFIES_STATE,
        &[
            p("res", Errno, Dec),
            p("first", Uint32, Dec),
            p("last", Uint32, Dec),
            fl("flags", Flags32, Hex, &flags::CLOSE_RANGE_FLAGS),
        ],
    ),
    // 452 SYSCALL_KEYCTL_E
    ev("NA", ec::UNKNOWN, ef::UNUSED, &[]),
    // 453 SYSCALL_KEYCTL_X
    ev(
        "keyctl",
        ec::OTHER,
        0,
        &[
            p("res", Errno, Dec),
            fl("operation", EnumFlags32, Dec, &flags::KEYCTL_OPERATIONS),
            dynp("arg2", Dec, &[p("", Int64, Dec), p("", CharBuf, Na)]),
            dynp("arg3", Dec, &[p("", Int64, Dec), p("", CharBuf, Na)]),
            dynp("arg4", Dec, &[p("", Int64, Dec), p("", CharBuf, Na)]),
            dynp("arg5", Dec, &[p("", Int64, Dec), p("", CharBuf, Na)]),
        ],
    ),
];

/// Number of event types sysray knows.
pub const EVENT_COUNT: usize = 454;

/// `PPM_EVENT_MAX` of falcosecurity/libs e5c53d64, the libs of sysdig 0.29.3: ids at or
/// above it are newer than that reader.
pub const EVENT_COUNT_0_29: u16 = 336;

/// Symbolic event ids (`PPME_*` without the prefix).
#[allow(missing_docs, reason = "the names are the upstream enum names")]
pub mod ids {
    pub const GENERIC_E: u16 = 0;
    pub const GENERIC_X: u16 = 1;
    pub const SYSCALL_OPEN_E: u16 = 2;
    pub const SYSCALL_OPEN_X: u16 = 3;
    pub const SYSCALL_CLOSE_E: u16 = 4;
    pub const SYSCALL_CLOSE_X: u16 = 5;
    pub const SYSCALL_READ_E: u16 = 6;
    pub const SYSCALL_READ_X: u16 = 7;
    pub const SYSCALL_WRITE_E: u16 = 8;
    pub const SYSCALL_WRITE_X: u16 = 9;
    pub const SYSCALL_BRK_1_E: u16 = 10;
    pub const SYSCALL_BRK_1_X: u16 = 11;
    pub const SYSCALL_EXECVE_8_E: u16 = 12;
    pub const SYSCALL_EXECVE_8_X: u16 = 13;
    pub const SYSCALL_CLONE_11_E: u16 = 14;
    pub const SYSCALL_CLONE_11_X: u16 = 15;
    pub const PROCEXIT_E: u16 = 16;
    pub const PROCEXIT_X: u16 = 17;
    pub const SOCKET_SOCKET_E: u16 = 18;
    pub const SOCKET_SOCKET_X: u16 = 19;
    pub const SOCKET_BIND_E: u16 = 20;
    pub const SOCKET_BIND_X: u16 = 21;
    pub const SOCKET_CONNECT_E: u16 = 22;
    pub const SOCKET_CONNECT_X: u16 = 23;
    pub const SOCKET_LISTEN_E: u16 = 24;
    pub const SOCKET_LISTEN_X: u16 = 25;
    pub const SOCKET_ACCEPT_E: u16 = 26;
    pub const SOCKET_ACCEPT_X: u16 = 27;
    pub const SOCKET_SEND_E: u16 = 28;
    pub const SOCKET_SEND_X: u16 = 29;
    pub const SOCKET_SENDTO_E: u16 = 30;
    pub const SOCKET_SENDTO_X: u16 = 31;
    pub const SOCKET_RECV_E: u16 = 32;
    pub const SOCKET_RECV_X: u16 = 33;
    pub const SOCKET_RECVFROM_E: u16 = 34;
    pub const SOCKET_RECVFROM_X: u16 = 35;
    pub const SOCKET_SHUTDOWN_E: u16 = 36;
    pub const SOCKET_SHUTDOWN_X: u16 = 37;
    pub const SOCKET_GETSOCKNAME_E: u16 = 38;
    pub const SOCKET_GETSOCKNAME_X: u16 = 39;
    pub const SOCKET_GETPEERNAME_E: u16 = 40;
    pub const SOCKET_GETPEERNAME_X: u16 = 41;
    pub const SOCKET_SOCKETPAIR_E: u16 = 42;
    pub const SOCKET_SOCKETPAIR_X: u16 = 43;
    pub const SOCKET_SETSOCKOPT_E: u16 = 44;
    pub const SOCKET_SETSOCKOPT_X: u16 = 45;
    pub const SOCKET_GETSOCKOPT_E: u16 = 46;
    pub const SOCKET_GETSOCKOPT_X: u16 = 47;
    pub const SOCKET_SENDMSG_E: u16 = 48;
    pub const SOCKET_SENDMSG_X: u16 = 49;
    pub const SOCKET_SENDMMSG_E: u16 = 50;
    pub const SOCKET_SENDMMSG_X: u16 = 51;
    pub const SOCKET_RECVMSG_E: u16 = 52;
    pub const SOCKET_RECVMSG_X: u16 = 53;
    pub const SOCKET_RECVMMSG_E: u16 = 54;
    pub const SOCKET_RECVMMSG_X: u16 = 55;
    pub const SOCKET_ACCEPT4_E: u16 = 56;
    pub const SOCKET_ACCEPT4_X: u16 = 57;
    pub const SYSCALL_CREAT_E: u16 = 58;
    pub const SYSCALL_CREAT_X: u16 = 59;
    pub const SYSCALL_PIPE_E: u16 = 60;
    pub const SYSCALL_PIPE_X: u16 = 61;
    pub const SYSCALL_EVENTFD_E: u16 = 62;
    pub const SYSCALL_EVENTFD_X: u16 = 63;
    pub const SYSCALL_FUTEX_E: u16 = 64;
    pub const SYSCALL_FUTEX_X: u16 = 65;
    pub const SYSCALL_STAT_E: u16 = 66;
    pub const SYSCALL_STAT_X: u16 = 67;
    pub const SYSCALL_LSTAT_E: u16 = 68;
    pub const SYSCALL_LSTAT_X: u16 = 69;
    pub const SYSCALL_FSTAT_E: u16 = 70;
    pub const SYSCALL_FSTAT_X: u16 = 71;
    pub const SYSCALL_STAT64_E: u16 = 72;
    pub const SYSCALL_STAT64_X: u16 = 73;
    pub const SYSCALL_LSTAT64_E: u16 = 74;
    pub const SYSCALL_LSTAT64_X: u16 = 75;
    pub const SYSCALL_FSTAT64_E: u16 = 76;
    pub const SYSCALL_FSTAT64_X: u16 = 77;
    pub const SYSCALL_EPOLLWAIT_E: u16 = 78;
    pub const SYSCALL_EPOLLWAIT_X: u16 = 79;
    pub const SYSCALL_POLL_E: u16 = 80;
    pub const SYSCALL_POLL_X: u16 = 81;
    pub const SYSCALL_SELECT_E: u16 = 82;
    pub const SYSCALL_SELECT_X: u16 = 83;
    pub const SYSCALL_NEWSELECT_E: u16 = 84;
    pub const SYSCALL_NEWSELECT_X: u16 = 85;
    pub const SYSCALL_LSEEK_E: u16 = 86;
    pub const SYSCALL_LSEEK_X: u16 = 87;
    pub const SYSCALL_LLSEEK_E: u16 = 88;
    pub const SYSCALL_LLSEEK_X: u16 = 89;
    pub const SYSCALL_IOCTL_2_E: u16 = 90;
    pub const SYSCALL_IOCTL_2_X: u16 = 91;
    pub const SYSCALL_GETCWD_E: u16 = 92;
    pub const SYSCALL_GETCWD_X: u16 = 93;
    pub const SYSCALL_CHDIR_E: u16 = 94;
    pub const SYSCALL_CHDIR_X: u16 = 95;
    pub const SYSCALL_FCHDIR_E: u16 = 96;
    pub const SYSCALL_FCHDIR_X: u16 = 97;
    pub const SYSCALL_MKDIR_E: u16 = 98;
    pub const SYSCALL_MKDIR_X: u16 = 99;
    pub const SYSCALL_RMDIR_E: u16 = 100;
    pub const SYSCALL_RMDIR_X: u16 = 101;
    pub const SYSCALL_OPENAT_E: u16 = 102;
    pub const SYSCALL_OPENAT_X: u16 = 103;
    pub const SYSCALL_LINK_E: u16 = 104;
    pub const SYSCALL_LINK_X: u16 = 105;
    pub const SYSCALL_LINKAT_E: u16 = 106;
    pub const SYSCALL_LINKAT_X: u16 = 107;
    pub const SYSCALL_UNLINK_E: u16 = 108;
    pub const SYSCALL_UNLINK_X: u16 = 109;
    pub const SYSCALL_UNLINKAT_E: u16 = 110;
    pub const SYSCALL_UNLINKAT_X: u16 = 111;
    pub const SYSCALL_PREAD_E: u16 = 112;
    pub const SYSCALL_PREAD_X: u16 = 113;
    pub const SYSCALL_PWRITE_E: u16 = 114;
    pub const SYSCALL_PWRITE_X: u16 = 115;
    pub const SYSCALL_READV_E: u16 = 116;
    pub const SYSCALL_READV_X: u16 = 117;
    pub const SYSCALL_WRITEV_E: u16 = 118;
    pub const SYSCALL_WRITEV_X: u16 = 119;
    pub const SYSCALL_PREADV_E: u16 = 120;
    pub const SYSCALL_PREADV_X: u16 = 121;
    pub const SYSCALL_PWRITEV_E: u16 = 122;
    pub const SYSCALL_PWRITEV_X: u16 = 123;
    pub const SYSCALL_DUP_E: u16 = 124;
    pub const SYSCALL_DUP_X: u16 = 125;
    pub const SYSCALL_SIGNALFD_E: u16 = 126;
    pub const SYSCALL_SIGNALFD_X: u16 = 127;
    pub const SYSCALL_KILL_E: u16 = 128;
    pub const SYSCALL_KILL_X: u16 = 129;
    pub const SYSCALL_TKILL_E: u16 = 130;
    pub const SYSCALL_TKILL_X: u16 = 131;
    pub const SYSCALL_TGKILL_E: u16 = 132;
    pub const SYSCALL_TGKILL_X: u16 = 133;
    pub const SYSCALL_NANOSLEEP_E: u16 = 134;
    pub const SYSCALL_NANOSLEEP_X: u16 = 135;
    pub const SYSCALL_TIMERFD_CREATE_E: u16 = 136;
    pub const SYSCALL_TIMERFD_CREATE_X: u16 = 137;
    pub const SYSCALL_INOTIFY_INIT_E: u16 = 138;
    pub const SYSCALL_INOTIFY_INIT_X: u16 = 139;
    pub const SYSCALL_GETRLIMIT_E: u16 = 140;
    pub const SYSCALL_GETRLIMIT_X: u16 = 141;
    pub const SYSCALL_SETRLIMIT_E: u16 = 142;
    pub const SYSCALL_SETRLIMIT_X: u16 = 143;
    pub const SYSCALL_PRLIMIT_E: u16 = 144;
    pub const SYSCALL_PRLIMIT_X: u16 = 145;
    pub const SCHEDSWITCH_1_E: u16 = 146;
    pub const SCHEDSWITCH_1_X: u16 = 147;
    pub const DROP_E: u16 = 148;
    pub const DROP_X: u16 = 149;
    pub const SYSCALL_FCNTL_E: u16 = 150;
    pub const SYSCALL_FCNTL_X: u16 = 151;
    pub const SCHEDSWITCH_6_E: u16 = 152;
    pub const SCHEDSWITCH_6_X: u16 = 153;
    pub const SYSCALL_EXECVE_13_E: u16 = 154;
    pub const SYSCALL_EXECVE_13_X: u16 = 155;
    pub const SYSCALL_CLONE_16_E: u16 = 156;
    pub const SYSCALL_CLONE_16_X: u16 = 157;
    pub const SYSCALL_BRK_4_E: u16 = 158;
    pub const SYSCALL_BRK_4_X: u16 = 159;
    pub const SYSCALL_MMAP_E: u16 = 160;
    pub const SYSCALL_MMAP_X: u16 = 161;
    pub const SYSCALL_MMAP2_E: u16 = 162;
    pub const SYSCALL_MMAP2_X: u16 = 163;
    pub const SYSCALL_MUNMAP_E: u16 = 164;
    pub const SYSCALL_MUNMAP_X: u16 = 165;
    pub const SYSCALL_SPLICE_E: u16 = 166;
    pub const SYSCALL_SPLICE_X: u16 = 167;
    pub const SYSCALL_PTRACE_E: u16 = 168;
    pub const SYSCALL_PTRACE_X: u16 = 169;
    pub const SYSCALL_IOCTL_3_E: u16 = 170;
    pub const SYSCALL_IOCTL_3_X: u16 = 171;
    pub const SYSCALL_EXECVE_14_E: u16 = 172;
    pub const SYSCALL_EXECVE_14_X: u16 = 173;
    pub const SYSCALL_RENAME_E: u16 = 174;
    pub const SYSCALL_RENAME_X: u16 = 175;
    pub const SYSCALL_RENAMEAT_E: u16 = 176;
    pub const SYSCALL_RENAMEAT_X: u16 = 177;
    pub const SYSCALL_SYMLINK_E: u16 = 178;
    pub const SYSCALL_SYMLINK_X: u16 = 179;
    pub const SYSCALL_SYMLINKAT_E: u16 = 180;
    pub const SYSCALL_SYMLINKAT_X: u16 = 181;
    pub const SYSCALL_FORK_E: u16 = 182;
    pub const SYSCALL_FORK_X: u16 = 183;
    pub const SYSCALL_VFORK_E: u16 = 184;
    pub const SYSCALL_VFORK_X: u16 = 185;
    pub const PROCEXIT_1_E: u16 = 186;
    pub const PROCEXIT_1_X: u16 = 187;
    pub const SYSCALL_SENDFILE_E: u16 = 188;
    pub const SYSCALL_SENDFILE_X: u16 = 189;
    pub const SYSCALL_QUOTACTL_E: u16 = 190;
    pub const SYSCALL_QUOTACTL_X: u16 = 191;
    pub const SYSCALL_SETRESUID_E: u16 = 192;
    pub const SYSCALL_SETRESUID_X: u16 = 193;
    pub const SYSCALL_SETRESGID_E: u16 = 194;
    pub const SYSCALL_SETRESGID_X: u16 = 195;
    pub const SCAPEVENT_E: u16 = 196;
    pub const SCAPEVENT_X: u16 = 197;
    pub const SYSCALL_SETUID_E: u16 = 198;
    pub const SYSCALL_SETUID_X: u16 = 199;
    pub const SYSCALL_SETGID_E: u16 = 200;
    pub const SYSCALL_SETGID_X: u16 = 201;
    pub const SYSCALL_GETUID_E: u16 = 202;
    pub const SYSCALL_GETUID_X: u16 = 203;
    pub const SYSCALL_GETEUID_E: u16 = 204;
    pub const SYSCALL_GETEUID_X: u16 = 205;
    pub const SYSCALL_GETGID_E: u16 = 206;
    pub const SYSCALL_GETGID_X: u16 = 207;
    pub const SYSCALL_GETEGID_E: u16 = 208;
    pub const SYSCALL_GETEGID_X: u16 = 209;
    pub const SYSCALL_GETRESUID_E: u16 = 210;
    pub const SYSCALL_GETRESUID_X: u16 = 211;
    pub const SYSCALL_GETRESGID_E: u16 = 212;
    pub const SYSCALL_GETRESGID_X: u16 = 213;
    pub const SYSCALL_EXECVE_15_E: u16 = 214;
    pub const SYSCALL_EXECVE_15_X: u16 = 215;
    pub const SYSCALL_CLONE_17_E: u16 = 216;
    pub const SYSCALL_CLONE_17_X: u16 = 217;
    pub const SYSCALL_FORK_17_E: u16 = 218;
    pub const SYSCALL_FORK_17_X: u16 = 219;
    pub const SYSCALL_VFORK_17_E: u16 = 220;
    pub const SYSCALL_VFORK_17_X: u16 = 221;
    pub const SYSCALL_CLONE_20_E: u16 = 222;
    pub const SYSCALL_CLONE_20_X: u16 = 223;
    pub const SYSCALL_FORK_20_E: u16 = 224;
    pub const SYSCALL_FORK_20_X: u16 = 225;
    pub const SYSCALL_VFORK_20_E: u16 = 226;
    pub const SYSCALL_VFORK_20_X: u16 = 227;
    pub const CONTAINER_E: u16 = 228;
    pub const CONTAINER_X: u16 = 229;
    pub const SYSCALL_EXECVE_16_E: u16 = 230;
    pub const SYSCALL_EXECVE_16_X: u16 = 231;
    pub const SIGNALDELIVER_E: u16 = 232;
    pub const SIGNALDELIVER_X: u16 = 233;
    pub const PROCINFO_E: u16 = 234;
    pub const PROCINFO_X: u16 = 235;
    pub const SYSCALL_GETDENTS_E: u16 = 236;
    pub const SYSCALL_GETDENTS_X: u16 = 237;
    pub const SYSCALL_GETDENTS64_E: u16 = 238;
    pub const SYSCALL_GETDENTS64_X: u16 = 239;
    pub const SYSCALL_SETNS_E: u16 = 240;
    pub const SYSCALL_SETNS_X: u16 = 241;
    pub const SYSCALL_FLOCK_E: u16 = 242;
    pub const SYSCALL_FLOCK_X: u16 = 243;
    pub const CPU_HOTPLUG_E: u16 = 244;
    pub const CPU_HOTPLUG_X: u16 = 245;
    pub const SOCKET_ACCEPT_5_E: u16 = 246;
    pub const SOCKET_ACCEPT_5_X: u16 = 247;
    pub const SOCKET_ACCEPT4_5_E: u16 = 248;
    pub const SOCKET_ACCEPT4_5_X: u16 = 249;
    pub const SYSCALL_SEMOP_E: u16 = 250;
    pub const SYSCALL_SEMOP_X: u16 = 251;
    pub const SYSCALL_SEMCTL_E: u16 = 252;
    pub const SYSCALL_SEMCTL_X: u16 = 253;
    pub const SYSCALL_PPOLL_E: u16 = 254;
    pub const SYSCALL_PPOLL_X: u16 = 255;
    pub const SYSCALL_MOUNT_E: u16 = 256;
    pub const SYSCALL_MOUNT_X: u16 = 257;
    pub const SYSCALL_UMOUNT_E: u16 = 258;
    pub const SYSCALL_UMOUNT_X: u16 = 259;
    pub const K8S_E: u16 = 260;
    pub const K8S_X: u16 = 261;
    pub const SYSCALL_SEMGET_E: u16 = 262;
    pub const SYSCALL_SEMGET_X: u16 = 263;
    pub const SYSCALL_ACCESS_E: u16 = 264;
    pub const SYSCALL_ACCESS_X: u16 = 265;
    pub const SYSCALL_CHROOT_E: u16 = 266;
    pub const SYSCALL_CHROOT_X: u16 = 267;
    pub const TRACER_E: u16 = 268;
    pub const TRACER_X: u16 = 269;
    pub const MESOS_E: u16 = 270;
    pub const MESOS_X: u16 = 271;
    pub const CONTAINER_JSON_E: u16 = 272;
    pub const CONTAINER_JSON_X: u16 = 273;
    pub const SYSCALL_SETSID_E: u16 = 274;
    pub const SYSCALL_SETSID_X: u16 = 275;
    pub const SYSCALL_MKDIR_2_E: u16 = 276;
    pub const SYSCALL_MKDIR_2_X: u16 = 277;
    pub const SYSCALL_RMDIR_2_E: u16 = 278;
    pub const SYSCALL_RMDIR_2_X: u16 = 279;
    pub const NOTIFICATION_E: u16 = 280;
    pub const NOTIFICATION_X: u16 = 281;
    pub const SYSCALL_EXECVE_17_E: u16 = 282;
    pub const SYSCALL_EXECVE_17_X: u16 = 283;
    pub const SYSCALL_UNSHARE_E: u16 = 284;
    pub const SYSCALL_UNSHARE_X: u16 = 285;
    pub const INFRASTRUCTURE_EVENT_E: u16 = 286;
    pub const INFRASTRUCTURE_EVENT_X: u16 = 287;
    pub const SYSCALL_EXECVE_18_E: u16 = 288;
    pub const SYSCALL_EXECVE_18_X: u16 = 289;
    pub const PAGE_FAULT_E: u16 = 290;
    pub const PAGE_FAULT_X: u16 = 291;
    pub const SYSCALL_EXECVE_19_E: u16 = 292;
    pub const SYSCALL_EXECVE_19_X: u16 = 293;
    pub const SYSCALL_SETPGID_E: u16 = 294;
    pub const SYSCALL_SETPGID_X: u16 = 295;
    pub const SYSCALL_BPF_E: u16 = 296;
    pub const SYSCALL_BPF_X: u16 = 297;
    pub const SYSCALL_SECCOMP_E: u16 = 298;
    pub const SYSCALL_SECCOMP_X: u16 = 299;
    pub const SYSCALL_UNLINK_2_E: u16 = 300;
    pub const SYSCALL_UNLINK_2_X: u16 = 301;
    pub const SYSCALL_UNLINKAT_2_E: u16 = 302;
    pub const SYSCALL_UNLINKAT_2_X: u16 = 303;
    pub const SYSCALL_MKDIRAT_E: u16 = 304;
    pub const SYSCALL_MKDIRAT_X: u16 = 305;
    pub const SYSCALL_OPENAT_2_E: u16 = 306;
    pub const SYSCALL_OPENAT_2_X: u16 = 307;
    pub const SYSCALL_LINK_2_E: u16 = 308;
    pub const SYSCALL_LINK_2_X: u16 = 309;
    pub const SYSCALL_LINKAT_2_E: u16 = 310;
    pub const SYSCALL_LINKAT_2_X: u16 = 311;
    pub const SYSCALL_FCHMODAT_E: u16 = 312;
    pub const SYSCALL_FCHMODAT_X: u16 = 313;
    pub const SYSCALL_CHMOD_E: u16 = 314;
    pub const SYSCALL_CHMOD_X: u16 = 315;
    pub const SYSCALL_FCHMOD_E: u16 = 316;
    pub const SYSCALL_FCHMOD_X: u16 = 317;
    pub const SYSCALL_RENAMEAT2_E: u16 = 318;
    pub const SYSCALL_RENAMEAT2_X: u16 = 319;
    pub const SYSCALL_USERFAULTFD_E: u16 = 320;
    pub const SYSCALL_USERFAULTFD_X: u16 = 321;
    pub const PLUGINEVENT_E: u16 = 322;
    pub const PLUGINEVENT_X: u16 = 323;
    pub const CONTAINER_JSON_2_E: u16 = 324;
    pub const CONTAINER_JSON_2_X: u16 = 325;
    pub const SYSCALL_OPENAT2_E: u16 = 326;
    pub const SYSCALL_OPENAT2_X: u16 = 327;
    pub const SYSCALL_MPROTECT_E: u16 = 328;
    pub const SYSCALL_MPROTECT_X: u16 = 329;
    pub const SYSCALL_EXECVEAT_E: u16 = 330;
    pub const SYSCALL_EXECVEAT_X: u16 = 331;
    pub const SYSCALL_COPY_FILE_RANGE_E: u16 = 332;
    pub const SYSCALL_COPY_FILE_RANGE_X: u16 = 333;
    pub const SYSCALL_CLONE3_E: u16 = 334;
    pub const SYSCALL_CLONE3_X: u16 = 335;
    pub const SYSCALL_OPEN_BY_HANDLE_AT_E: u16 = 336;
    pub const SYSCALL_OPEN_BY_HANDLE_AT_X: u16 = 337;
    pub const SYSCALL_IO_URING_SETUP_E: u16 = 338;
    pub const SYSCALL_IO_URING_SETUP_X: u16 = 339;
    pub const SYSCALL_IO_URING_ENTER_E: u16 = 340;
    pub const SYSCALL_IO_URING_ENTER_X: u16 = 341;
    pub const SYSCALL_IO_URING_REGISTER_E: u16 = 342;
    pub const SYSCALL_IO_URING_REGISTER_X: u16 = 343;
    pub const SYSCALL_MLOCK_E: u16 = 344;
    pub const SYSCALL_MLOCK_X: u16 = 345;
    pub const SYSCALL_MUNLOCK_E: u16 = 346;
    pub const SYSCALL_MUNLOCK_X: u16 = 347;
    pub const SYSCALL_MLOCKALL_E: u16 = 348;
    pub const SYSCALL_MLOCKALL_X: u16 = 349;
    pub const SYSCALL_MUNLOCKALL_E: u16 = 350;
    pub const SYSCALL_MUNLOCKALL_X: u16 = 351;
    pub const SYSCALL_CAPSET_E: u16 = 352;
    pub const SYSCALL_CAPSET_X: u16 = 353;
    pub const USER_ADDED_E: u16 = 354;
    pub const USER_ADDED_X: u16 = 355;
    pub const USER_DELETED_E: u16 = 356;
    pub const USER_DELETED_X: u16 = 357;
    pub const GROUP_ADDED_E: u16 = 358;
    pub const GROUP_ADDED_X: u16 = 359;
    pub const GROUP_DELETED_E: u16 = 360;
    pub const GROUP_DELETED_X: u16 = 361;
    pub const SYSCALL_DUP2_E: u16 = 362;
    pub const SYSCALL_DUP2_X: u16 = 363;
    pub const SYSCALL_DUP3_E: u16 = 364;
    pub const SYSCALL_DUP3_X: u16 = 365;
    pub const SYSCALL_DUP_1_E: u16 = 366;
    pub const SYSCALL_DUP_1_X: u16 = 367;
    pub const SYSCALL_BPF_2_E: u16 = 368;
    pub const SYSCALL_BPF_2_X: u16 = 369;
    pub const SYSCALL_MLOCK2_E: u16 = 370;
    pub const SYSCALL_MLOCK2_X: u16 = 371;
    pub const SYSCALL_FSCONFIG_E: u16 = 372;
    pub const SYSCALL_FSCONFIG_X: u16 = 373;
    pub const SYSCALL_EPOLL_CREATE_E: u16 = 374;
    pub const SYSCALL_EPOLL_CREATE_X: u16 = 375;
    pub const SYSCALL_EPOLL_CREATE1_E: u16 = 376;
    pub const SYSCALL_EPOLL_CREATE1_X: u16 = 377;
    pub const SYSCALL_CHOWN_E: u16 = 378;
    pub const SYSCALL_CHOWN_X: u16 = 379;
    pub const SYSCALL_LCHOWN_E: u16 = 380;
    pub const SYSCALL_LCHOWN_X: u16 = 381;
    pub const SYSCALL_FCHOWN_E: u16 = 382;
    pub const SYSCALL_FCHOWN_X: u16 = 383;
    pub const SYSCALL_FCHOWNAT_E: u16 = 384;
    pub const SYSCALL_FCHOWNAT_X: u16 = 385;
    pub const SYSCALL_UMOUNT_1_E: u16 = 386;
    pub const SYSCALL_UMOUNT_1_X: u16 = 387;
    pub const SOCKET_ACCEPT4_6_E: u16 = 388;
    pub const SOCKET_ACCEPT4_6_X: u16 = 389;
    pub const SYSCALL_UMOUNT2_E: u16 = 390;
    pub const SYSCALL_UMOUNT2_X: u16 = 391;
    pub const SYSCALL_PIPE2_E: u16 = 392;
    pub const SYSCALL_PIPE2_X: u16 = 393;
    pub const SYSCALL_INOTIFY_INIT1_E: u16 = 394;
    pub const SYSCALL_INOTIFY_INIT1_X: u16 = 395;
    pub const SYSCALL_EVENTFD2_E: u16 = 396;
    pub const SYSCALL_EVENTFD2_X: u16 = 397;
    pub const SYSCALL_SIGNALFD4_E: u16 = 398;
    pub const SYSCALL_SIGNALFD4_X: u16 = 399;
    pub const SYSCALL_PRCTL_E: u16 = 400;
    pub const SYSCALL_PRCTL_X: u16 = 401;
    pub const ASYNCEVENT_E: u16 = 402;
    pub const ASYNCEVENT_X: u16 = 403;
    pub const SYSCALL_MEMFD_CREATE_E: u16 = 404;
    pub const SYSCALL_MEMFD_CREATE_X: u16 = 405;
    pub const SYSCALL_PIDFD_GETFD_E: u16 = 406;
    pub const SYSCALL_PIDFD_GETFD_X: u16 = 407;
    pub const SYSCALL_PIDFD_OPEN_E: u16 = 408;
    pub const SYSCALL_PIDFD_OPEN_X: u16 = 409;
    pub const SYSCALL_INIT_MODULE_E: u16 = 410;
    pub const SYSCALL_INIT_MODULE_X: u16 = 411;
    pub const SYSCALL_FINIT_MODULE_E: u16 = 412;
    pub const SYSCALL_FINIT_MODULE_X: u16 = 413;
    pub const SYSCALL_MKNOD_E: u16 = 414;
    pub const SYSCALL_MKNOD_X: u16 = 415;
    pub const SYSCALL_MKNODAT_E: u16 = 416;
    pub const SYSCALL_MKNODAT_X: u16 = 417;
    pub const SYSCALL_NEWFSTATAT_E: u16 = 418;
    pub const SYSCALL_NEWFSTATAT_X: u16 = 419;
    pub const SYSCALL_PROCESS_VM_READV_E: u16 = 420;
    pub const SYSCALL_PROCESS_VM_READV_X: u16 = 421;
    pub const SYSCALL_PROCESS_VM_WRITEV_E: u16 = 422;
    pub const SYSCALL_PROCESS_VM_WRITEV_X: u16 = 423;
    pub const SYSCALL_DELETE_MODULE_E: u16 = 424;
    pub const SYSCALL_DELETE_MODULE_X: u16 = 425;
    pub const SYSCALL_SETREUID_E: u16 = 426;
    pub const SYSCALL_SETREUID_X: u16 = 427;
    pub const SYSCALL_SETREGID_E: u16 = 428;
    pub const SYSCALL_SETREGID_X: u16 = 429;
    pub const ITER_TASK_E: u16 = 430;
    pub const ITER_TASK_X: u16 = 431;
    pub const ITER_TASK_FILE_PIPE_E: u16 = 432;
    pub const ITER_TASK_FILE_PIPE_X: u16 = 433;
    pub const ITER_TASK_FILE_MEMFD_E: u16 = 434;
    pub const ITER_TASK_FILE_MEMFD_X: u16 = 435;
    pub const ITER_TASK_FILE_REGULAR_E: u16 = 436;
    pub const ITER_TASK_FILE_REGULAR_X: u16 = 437;
    pub const ITER_TASK_FILE_DIRECTORY_E: u16 = 438;
    pub const ITER_TASK_FILE_DIRECTORY_X: u16 = 439;
    pub const ITER_TASK_FILE_SOCKET_INET_E: u16 = 440;
    pub const ITER_TASK_FILE_SOCKET_INET_X: u16 = 441;
    pub const ITER_TASK_FILE_SOCKET_INET6_E: u16 = 442;
    pub const ITER_TASK_FILE_SOCKET_INET6_X: u16 = 443;
    pub const ITER_TASK_FILE_SOCKET_UNIX_E: u16 = 444;
    pub const ITER_TASK_FILE_SOCKET_UNIX_X: u16 = 445;
    pub const ITER_TASK_FILE_SOCKET_NETLINK_E: u16 = 446;
    pub const ITER_TASK_FILE_SOCKET_NETLINK_X: u16 = 447;
    pub const ITER_TASK_FILE_ANON_INODE_E: u16 = 448;
    pub const ITER_TASK_FILE_ANON_INODE_X: u16 = 449;
    pub const SYSCALL_CLOSE_RANGE_E: u16 = 450;
    pub const SYSCALL_CLOSE_RANGE_X: u16 = 451;
    pub const SYSCALL_KEYCTL_E: u16 = 452;
    pub const SYSCALL_KEYCTL_X: u16 = 453;
}
