//! The field table: every field sysray knows, declared once. Extraction, type
//! checks, `-l`/`-lv` and the docs all read this table. Descriptions are sysray's own.
//!
//! Columns: id, name, class, type, print format, flags, argument form, description.

use super::{ArgKind, FieldClass, FieldInfo, Print, flag};
use crate::value::FieldType;

macro_rules! fields {
    ($( $id:ident: $name:literal, $class:ident, $ty:ident, $print:ident, $flags:expr, $arg:expr,
        $desc:literal; )*) => {
        /// Identifies a field; the index of its [`FieldInfo`] in [`FIELDS`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        #[expect(missing_docs, reason = "each variant is documented by its FIELDS entry")]
        pub enum FieldId { $($id,)* }

        /// Every field, indexed by [`FieldId`], in listing order.
        pub static FIELDS: &[FieldInfo] = &[
            $( FieldInfo {
                id: FieldId::$id,
                name: $name,
                class: FieldClass::$class,
                ty: FieldType::$ty,
                print: Print::$print,
                flags: $flags,
                arg: $arg,
                desc: $desc,
            }, )*
        ];
    };
}

const N: u16 = 0;
const FO: u16 = flag::FILTER_ONLY;
const HID: u16 = flag::HIDDEN;
const EITHER: u16 = flag::FILTER_ONLY | flag::EITHER_ENDPOINT;
const A0: ArgKind = ArgKind::None;

fields! {
    // evt, all event types
    EvtNum: "evt.num", EvtAll, Uint64, Id, N, A0, "sequence number of the event, counting every event read (hidden ones too).";
    EvtTime: "evt.time", EvtAll, CharBuf, Na, N, A0, "time of day of the event with nanoseconds, HH:MM:SS.nnnnnnnnn (local time).";
    EvtTimeS: "evt.time.s", EvtAll, CharBuf, Na, N, A0, "time of day of the event without the fraction, HH:MM:SS.";
    EvtTimeIso8601: "evt.time.iso8601", EvtAll, CharBuf, Na, N, A0, "date and time of the event in ISO 8601 form with nanoseconds and the UTC offset.";
    EvtDatetime: "evt.datetime", EvtAll, CharBuf, Na, N, A0, "date and time of day of the event with nanoseconds.";
    EvtDatetimeS: "evt.datetime.s", EvtAll, CharBuf, Na, N, A0, "date and time of day of the event without the fraction.";
    EvtRawtime: "evt.rawtime", EvtAll, AbsTime, Dec, N, A0, "event timestamp in nanoseconds since the Unix epoch.";
    EvtRawtimeS: "evt.rawtime.s", EvtAll, AbsTime, Dec, N, A0, "whole seconds of the event timestamp since the epoch.";
    EvtRawtimeNs: "evt.rawtime.ns", EvtAll, AbsTime, Padded10, N, A0, "nanosecond part of the event timestamp.";
    EvtReltime: "evt.reltime", EvtAll, RelTime, Padded10, N, A0, "nanoseconds elapsed since the first event of the capture.";
    EvtReltimeS: "evt.reltime.s", EvtAll, RelTime, Dec, N, A0, "whole seconds elapsed since the first event of the capture.";
    EvtReltimeNs: "evt.reltime.ns", EvtAll, RelTime, Padded10, N, A0, "nanosecond part of the time elapsed since the first event.";
    EvtPluginname: "evt.pluginname", EvtAll, CharBuf, Na, N, A0, "for events produced by a plugin, that plugin's name.";
    EvtPlugininfo: "evt.plugininfo", EvtAll, CharBuf, Na, N, A0, "for events produced by a plugin, the plugin's one-line rendering of the event.";
    // evt, syscall events
    EvtLatency: "evt.latency", EvtSyscall, RelTime, Dec, N, A0, "nanoseconds between a system call's enter event and its exit event, reported on the exit.";
    EvtLatencyS: "evt.latency.s", EvtSyscall, RelTime, Dec, N, A0, "whole seconds of evt.latency.";
    EvtLatencyNs: "evt.latency.ns", EvtSyscall, RelTime, Padded10, N, A0, "nanosecond part of evt.latency.";
    EvtLatencyQuantized: "evt.latency.quantized", EvtSyscall, Uint64, Dec, HID, A0, "evt.latency on a logarithmic scale, for histograms.";
    EvtLatencyHuman: "evt.latency.human", EvtSyscall, CharBuf, Na, N, A0, "evt.latency written with a unit, such as 4.42us or 100ms.";
    EvtDeltatime: "evt.deltatime", EvtSyscall, RelTime, Dec, N, A0, "nanoseconds since the previous event this field was evaluated on.";
    EvtDeltatimeS: "evt.deltatime.s", EvtSyscall, RelTime, Dec, N, A0, "whole seconds of evt.deltatime.";
    EvtDeltatimeNs: "evt.deltatime.ns", EvtSyscall, RelTime, Padded10, N, A0, "nanosecond part of evt.deltatime.";
    EvtOutputtime: "evt.outputtime", EvtSyscall, CharBuf, Na, HID, A0, "the event time as selected by -t, for output formats.";
    EvtDir: "evt.dir", EvtSyscall, CharBuf, Dir, N, A0, "direction of the event: '>' when a call starts, '<' when it returns.";
    EvtType: "evt.type", EvtSyscall, CharBuf, Na, N, A0, "name of the event, such as open or connect; generic events give the system call name.";
    EvtTypeIs: "evt.type.is", EvtSyscall, Uint32, Na, N, ArgKind::EventType, "1 when the event is of the type named after the dot (evt.type.is.open), else 0.";
    SyscallType: "syscall.type", EvtSyscall, CharBuf, Na, N, A0, "name of the system call; unset for events that are not system calls, such as switch.";
    EvtCategory: "evt.category", EvtSyscall, CharBuf, Na, N, A0, "class of the event: file, net, memory, process, ipc, signal, and so on.";
    EvtCpu: "evt.cpu", EvtSyscall, Int16, Id, N, A0, "the CPU the event was recorded on.";
    EvtArgs: "evt.args", EvtSyscall, CharBuf, Na, N, A0, "every parameter of the event as name=value text, in one string.";
    EvtArg: "evt.arg", EvtSyscall, CharBuf, Na, N, ArgKind::EvtArg, "one parameter as text, chosen by name (evt.arg.fd) or position (evt.arg[0]); file descriptors and error codes appear resolved.";
    EvtRawarg: "evt.rawarg", EvtSyscall, Dynamic, Na, N, ArgKind::RawArg, "one parameter chosen by name (evt.rawarg.res), with its raw type, so that numbers compare as numbers.";
    EvtInfo: "evt.info", EvtSyscall, CharBuf, Na, N, A0, "the event parameters as text, or a decoded summary for protocols such as syslog.";
    EvtBuffer: "evt.buffer", EvtSyscall, ByteBuf, Na, N, A0, "the data buffer of I/O events such as read or sendto; filters see the raw bytes.";
    EvtBuflen: "evt.buflen", EvtSyscall, Uint64, Dec, N, A0, "number of bytes a successful I/O call transferred.";
    EvtRes: "evt.res", EvtSyscall, CharBuf, Dec, N, A0, "result of the call as text: SUCCESS, or the error name such as ENOENT.";
    EvtRawres: "evt.rawres", EvtSyscall, Int64, Dec, N, A0, "result of the call as a number; negative values are errors.";
    EvtFailed: "evt.failed", EvtSyscall, Bool, Na, N, A0, "true when the call returned an error.";
    EvtIsIo: "evt.is_io", EvtSyscall, Bool, Na, N, A0, "true for events that read from or write to a file descriptor.";
    EvtIsIoRead: "evt.is_io_read", EvtSyscall, Bool, Na, N, A0, "true for events that read from a file descriptor.";
    EvtIsIoWrite: "evt.is_io_write", EvtSyscall, Bool, Na, N, A0, "true for events that write to a file descriptor.";
    EvtIoDir: "evt.io_dir", EvtSyscall, CharBuf, Na, N, A0, "'read' or 'write' for I/O events.";
    EvtIsWait: "evt.is_wait", EvtSyscall, Bool, Na, N, A0, "true for calls that make the thread wait, such as poll, select or nanosleep.";
    EvtWaitLatency: "evt.wait_latency", EvtSyscall, RelTime, Dec, N, A0, "for waiting calls, the nanoseconds spent waiting.";
    EvtIsSyslog: "evt.is_syslog", EvtSyscall, Bool, Na, N, A0, "true for writes to /dev/log.";
    EvtCount: "evt.count", EvtSyscall, Uint32, Dec, N, A0, "always 1; chisels sum it to count events.";
    EvtCountError: "evt.count.error", EvtSyscall, Uint32, Dec, N, A0, "1 for events that failed, for counting failures.";
    EvtCountErrorFile: "evt.count.error.file", EvtSyscall, Uint32, Dec, N, A0, "1 for failed file operations.";
    EvtCountErrorNet: "evt.count.error.net", EvtSyscall, Uint32, Dec, N, A0, "1 for failed network operations.";
    EvtCountErrorMemory: "evt.count.error.memory", EvtSyscall, Uint32, Dec, N, A0, "1 for failed memory operations.";
    EvtCountErrorOther: "evt.count.error.other", EvtSyscall, Uint32, Dec, N, A0, "1 for failures that are neither file, network nor memory related.";
    EvtCountExit: "evt.count.exit", EvtSyscall, Uint32, Dec, N, A0, "1 for exit events, for counting calls once.";
    EvtCountProcinfo: "evt.count.procinfo", EvtSyscall, Uint32, Dec, HID, A0, "1 for process information events of main threads.";
    EvtCountThreadinfo: "evt.count.threadinfo", EvtSyscall, Uint32, Dec, HID, A0, "1 for process information events of any thread.";
    EvtAround: "evt.around", EvtSyscall, Uint64, Dec, FO, ArgKind::Around, "evt.around[T]=D matches events within D milliseconds of time T (nanoseconds since the epoch, as %evt.rawtime prints).";
    EvtAbspath: "evt.abspath", EvtSyscall, CharBuf, Na, N, ArgKind::AbsPath, "absolute path computed from a directory fd and a relative name (openat, renameat, ...); .src and .dst select the paths of two-path calls.";
    EvtBuflenIn: "evt.buflen.in", EvtSyscall, Uint64, Dec, HID, A0, "bytes read by a successful input call.";
    EvtBuflenOut: "evt.buflen.out", EvtSyscall, Uint64, Dec, HID, A0, "bytes written by a successful output call.";
    EvtBuflenFile: "evt.buflen.file", EvtSyscall, Uint64, Dec, HID, A0, "bytes transferred on a file.";
    EvtBuflenFileIn: "evt.buflen.file.in", EvtSyscall, Uint64, Dec, HID, A0, "bytes read from a file.";
    EvtBuflenFileOut: "evt.buflen.file.out", EvtSyscall, Uint64, Dec, HID, A0, "bytes written to a file.";
    EvtBuflenNet: "evt.buflen.net", EvtSyscall, Uint64, Dec, HID, A0, "bytes transferred on a socket.";
    EvtBuflenNetIn: "evt.buflen.net.in", EvtSyscall, Uint64, Dec, HID, A0, "bytes received on a socket.";
    EvtBuflenNetOut: "evt.buflen.net.out", EvtSyscall, Uint64, Dec, HID, A0, "bytes sent on a socket.";
    EvtIsOpenRead: "evt.is_open_read", EvtSyscall, Bool, Na, N, A0, "true for open calls that ask for read access.";
    EvtIsOpenWrite: "evt.is_open_write", EvtSyscall, Bool, Na, N, A0, "true for open calls that ask for write access.";
    EvtInfraDockerName: "evt.infra.docker.name", EvtSyscall, CharBuf, Na, HID, A0, "for docker infrastructure events, the event name.";
    EvtInfraDockerContainerId: "evt.infra.docker.container.id", EvtSyscall, CharBuf, Na, HID, A0, "for docker infrastructure events, the container id.";
    EvtInfraDockerContainerName: "evt.infra.docker.container.name", EvtSyscall, CharBuf, Na, HID, A0, "for docker infrastructure events, the container name.";
    EvtInfraDockerContainerImage: "evt.infra.docker.container.image", EvtSyscall, CharBuf, Na, HID, A0, "for docker infrastructure events, the container image.";
    EvtIsOpenExec: "evt.is_open_exec", EvtSyscall, Bool, Na, N, A0, "true for open or creat calls that create a file with an execute bit.";
    // process
    ProcPid: "proc.pid", Process, Int64, Id, N, A0, "process id (thread group id) of the thread that caused the event.";
    ProcExe: "proc.exe", Process, CharBuf, Na, N, A0, "argv[0] of the process as it was executed, such as ./kubectl.";
    ProcName: "proc.name", Process, CharBuf, Na, N, A0, "the process name the kernel keeps (comm, at most 15 characters).";
    ProcArgs: "proc.args", Process, CharBuf, Na, N, A0, "the command-line arguments after argv[0], separated by spaces.";
    ProcEnv: "proc.env", Process, CharBuf, Na, N, A0, "the environment of the process, separated by spaces.";
    ProcCmdline: "proc.cmdline", Process, CharBuf, Na, N, A0, "proc.name followed by the arguments.";
    ProcExeline: "proc.exeline", Process, CharBuf, Na, N, A0, "proc.exe followed by the arguments.";
    ProcCwd: "proc.cwd", Process, CharBuf, Na, N, A0, "working directory of the process.";
    ProcNthreads: "proc.nthreads", Process, Uint32, Dec, N, A0, "number of threads of the process, the main one included.";
    ProcNchilds: "proc.nchilds", Process, Uint32, Dec, N, A0, "number of child threads recorded for this thread.";
    ProcPpid: "proc.ppid", Process, Int64, Id, N, A0, "process id of the parent process.";
    ProcPname: "proc.pname", Process, CharBuf, Na, N, A0, "name of the parent process.";
    ProcPcmdline: "proc.pcmdline", Process, CharBuf, Na, N, A0, "command line (name and arguments) of the parent process.";
    ProcApid: "proc.apid", Process, Int64, Id, N, ArgKind::Ancestor, "process id of an ancestor: proc.apid[1] is the parent, [2] the grandparent, [0] the process itself; without an index, a filter matches any ancestor.";
    ProcAname: "proc.aname", Process, CharBuf, Na, N, ArgKind::Ancestor, "name of an ancestor: proc.aname[1] is the parent, [2] the grandparent, [0] the process itself; without an index, a filter matches any ancestor.";
    ProcLoginshellid: "proc.loginshellid", Process, Int64, Id, N, A0, "process id of the oldest shell among the process and its ancestors; tells user sessions apart.";
    ProcDuration: "proc.duration", Process, RelTime, Dec, N, A0, "nanoseconds since the process was created.";
    ProcFdopencount: "proc.fdopencount", Process, Uint64, Dec, N, A0, "number of file descriptors the process has open.";
    ProcFdlimit: "proc.fdlimit", Process, Int64, Dec, N, A0, "the most file descriptors the process may open.";
    ProcFdusage: "proc.fdusage", Process, Double, Dec, N, A0, "open file descriptors as a percentage of the limit.";
    ProcVmsize: "proc.vmsize", Process, Uint64, Dec, N, A0, "virtual memory size of the process in kB.";
    ProcVmrss: "proc.vmrss", Process, Uint64, Dec, N, A0, "resident memory of the process in kB.";
    ProcVmswap: "proc.vmswap", Process, Uint64, Dec, N, A0, "swapped-out memory of the process in kB.";
    ThreadPfmajor: "thread.pfmajor", Process, Uint64, Dec, N, A0, "major page faults of the thread since it started.";
    ThreadPfminor: "thread.pfminor", Process, Uint64, Dec, N, A0, "minor page faults of the thread since it started.";
    ThreadTid: "thread.tid", Process, Int64, Id, N, A0, "id of the thread that caused the event.";
    ThreadIsmain: "thread.ismain", Process, Bool, Na, N, A0, "true when the thread is the main thread of its process.";
    ThreadExectime: "thread.exectime", Process, RelTime, Dec, N, A0, "on switch events, the CPU time the thread being switched out has just used, in nanoseconds.";
    ThreadTotexectime: "thread.totexectime", Process, RelTime, Dec, N, A0, "on switch events, the CPU time the thread has used since the capture started, in nanoseconds.";
    ThreadCgroups: "thread.cgroups", Process, CharBuf, Na, N, A0, "every cgroup of the thread as subsystem=path pairs.";
    ThreadCgroup: "thread.cgroup", Process, CharBuf, Na, N, ArgKind::Subsystem, "the thread's cgroup in one subsystem, named after the dot (thread.cgroup.cpuacct).";
    ThreadVtid: "thread.vtid", Process, Int64, Id, N, A0, "thread id inside the thread's pid namespace.";
    ProcVpid: "proc.vpid", Process, Int64, Id, N, A0, "process id inside the process's pid namespace.";
    ThreadCpu: "thread.cpu", Process, Double, Na, N, A0, "CPU used by the thread during the last second.";
    ThreadCpuUser: "thread.cpu.user", Process, Double, Na, N, A0, "user-mode CPU used by the thread during the last second.";
    ThreadCpuSystem: "thread.cpu.system", Process, Double, Na, N, A0, "kernel-mode CPU used by the thread during the last second.";
    ThreadVmsize: "thread.vmsize", Process, Uint64, Dec, N, A0, "on the main thread, the virtual memory of the process in kB; 0 on other threads.";
    ThreadVmrss: "thread.vmrss", Process, Uint64, Dec, N, A0, "on the main thread, the resident memory of the process in kB; 0 on other threads.";
    ThreadVmsizeB: "thread.vmsize.b", Process, Uint64, Dec, HID, A0, "thread.vmsize in bytes.";
    ThreadVmrssB: "thread.vmrss.b", Process, Uint64, Dec, HID, A0, "thread.vmrss in bytes.";
    ProcSid: "proc.sid", Process, Int64, Id, N, A0, "session id of the process.";
    ProcSname: "proc.sname", Process, CharBuf, Na, N, A0, "name of the session leader of the process.";
    ProcTty: "proc.tty", Process, Int32, Id, N, A0, "controlling terminal of the process, 0 when it has none.";
    ProcExepath: "proc.exepath", Process, CharBuf, Na, N, A0, "full path of the executable file.";
    ThreadNametid: "thread.nametid", Process, CharBuf, Na, HID, A0, "process name and thread id joined, for tables.";
    ProcVpgid: "proc.vpgid", Process, Int64, Id, N, A0, "process group id inside the pid namespace.";
    ProcIsContainerHealthcheck: "proc.is_container_healthcheck", Process, Bool, Na, N, A0, "true when the process runs a container health check.";
    ProcIsContainerLivenessProbe: "proc.is_container_liveness_probe", Process, Bool, Na, N, A0, "true when the process runs a container liveness probe.";
    ProcIsContainerReadinessProbe: "proc.is_container_readiness_probe", Process, Bool, Na, N, A0, "true when the process runs a container readiness probe.";
    ProcIsExeWritable: "proc.is_exe_writable", Process, Bool, Na, N, A0, "true when the user who started the process may write its executable.";
    // user
    UserUid: "user.uid", User, Uint32, Id, N, A0, "user id of the thread.";
    UserName: "user.name", User, CharBuf, Na, N, A0, "name of the user.";
    UserHomedir: "user.homedir", User, CharBuf, Na, N, A0, "home directory of the user.";
    UserShell: "user.shell", User, CharBuf, Na, N, A0, "login shell of the user.";
    UserLoginuid: "user.loginuid", User, Int32, Id, N, A0, "audit login user id, -1 when unset.";
    UserLoginname: "user.loginname", User, CharBuf, Na, N, A0, "name of the audit login user.";
    // group
    GroupGid: "group.gid", Group, Uint64, Id, N, A0, "group id of the thread.";
    GroupName: "group.name", Group, CharBuf, Na, N, A0, "name of the group.";
    // container
    ContainerId: "container.id", Container, CharBuf, Na, N, A0, "container id (12 characters), or 'host' outside containers.";
    ContainerName: "container.name", Container, CharBuf, Na, N, A0, "container name, 'host' outside containers.";
    ContainerImage: "container.image", Container, CharBuf, Na, N, A0, "image the container runs, such as nginx:latest.";
    ContainerImageId: "container.image.id", Container, CharBuf, Na, N, A0, "id of the container image.";
    ContainerType: "container.type", Container, CharBuf, Na, N, A0, "container runtime: docker, cri, containerd, cri-o, lxc, ... or host.";
    ContainerPrivileged: "container.privileged", Container, Bool, Na, N, A0, "true for privileged containers.";
    ContainerMounts: "container.mounts", Container, CharBuf, Na, N, A0, "every mount of the container as source:dest:mode:rdwr:propagation, separated by commas.";
    ContainerMount: "container.mount", Container, CharBuf, Na, N, ArgKind::Mount, "one mount as source:dest:mode:rdwr:propagation, chosen by position (container.mount[0]) or by a glob on its source (container.mount[/usr/*]).";
    ContainerMountSource: "container.mount.source", Container, CharBuf, Na, N, ArgKind::Mount, "source of one mount, chosen by position or by a glob on its destination.";
    ContainerMountDest: "container.mount.dest", Container, CharBuf, Na, N, ArgKind::Mount, "destination of one mount, chosen by position or by a glob on its source.";
    ContainerMountMode: "container.mount.mode", Container, CharBuf, Na, N, ArgKind::Mount, "mode of one mount, chosen by position or by a glob on its source.";
    ContainerMountRdwr: "container.mount.rdwr", Container, CharBuf, Na, N, ArgKind::Mount, "read/write flag of one mount, chosen by position or by a glob on its source.";
    ContainerMountPropagation: "container.mount.propagation", Container, CharBuf, Na, N, ArgKind::Mount, "propagation of one mount, chosen by position or by a glob on its source.";
    ContainerImageRepository: "container.image.repository", Container, CharBuf, Na, N, A0, "repository part of the image name.";
    ContainerImageTag: "container.image.tag", Container, CharBuf, Na, N, A0, "tag part of the image name, such as latest.";
    ContainerImageDigest: "container.image.digest", Container, CharBuf, Na, N, A0, "registry digest of the image.";
    ContainerHealthcheck: "container.healthcheck", Container, CharBuf, Na, N, A0, "the container's health check command, NONE when it has none.";
    ContainerLivenessProbe: "container.liveness_probe", Container, CharBuf, Na, N, A0, "the container's liveness probe command.";
    ContainerReadinessProbe: "container.readiness_probe", Container, CharBuf, Na, N, A0, "the container's readiness probe command.";
    // fd
    FdNum: "fd.num", Fd, Int64, Id, N, A0, "the file descriptor number.";
    FdType: "fd.type", Fd, CharBuf, Dec, N, A0, "kind of descriptor: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, netlink.";
    FdTypechar: "fd.typechar", Fd, CharBuf, Dec, N, A0, "kind of descriptor as one character: f d 4 6 u p e s l i t n, o for others.";
    FdName: "fd.name", Fd, CharBuf, Na, N, A0, "full name: the path of a file, the connection tuple of a socket.";
    FdDirectory: "fd.directory", Fd, CharBuf, Na, N, A0, "for files, the directory holding the file.";
    FdFilename: "fd.filename", Fd, CharBuf, Na, N, A0, "for files, the name without the directory.";
    FdIp: "fd.ip", Fd, IpAddr, Na, EITHER, A0, "matches when the client or the server address of the socket equals the value.";
    FdCip: "fd.cip", Fd, IpAddr, Na, N, A0, "client address of the socket.";
    FdSip: "fd.sip", Fd, IpAddr, Na, N, A0, "server address of the socket.";
    FdLip: "fd.lip", Fd, IpAddr, Na, N, A0, "local address of the socket.";
    FdRip: "fd.rip", Fd, IpAddr, Na, N, A0, "remote address of the socket.";
    FdPort: "fd.port", Fd, Port, Dec, EITHER, A0, "matches when the client or the server port of the socket satisfies the comparison.";
    FdCport: "fd.cport", Fd, Port, Dec, N, A0, "client port of a TCP or UDP socket.";
    FdSport: "fd.sport", Fd, Port, Dec, N, A0, "server port of a TCP or UDP socket.";
    FdLport: "fd.lport", Fd, Port, Dec, N, A0, "local port of a TCP or UDP socket.";
    FdRport: "fd.rport", Fd, Port, Dec, N, A0, "remote port of a TCP or UDP socket.";
    FdL4proto: "fd.l4proto", Fd, CharBuf, Na, N, A0, "transport protocol of a socket: tcp, udp, icmp or raw.";
    FdSockfamily: "fd.sockfamily", Fd, CharBuf, Na, N, A0, "socket family: ip or unix.";
    FdIsServer: "fd.is_server", Fd, Bool, Na, N, A0, "true when the process owning the descriptor is the server side.";
    FdUid: "fd.uid", Fd, CharBuf, Na, N, A0, "an identifier unique to the descriptor: thread id and fd number written together.";
    FdContainername: "fd.containername", Fd, CharBuf, Na, N, A0, "container id and fd.name joined by ':'.";
    FdContainerdirectory: "fd.containerdirectory", Fd, CharBuf, Na, N, A0, "container id and fd.directory joined by ':'.";
    FdProto: "fd.proto", Fd, Port, Na, EITHER, A0, "matches when the client or the server port satisfies the comparison (same as fd.port).";
    FdCproto: "fd.cproto", Fd, CharBuf, Na, N, A0, "client port of a TCP or UDP socket, as text.";
    FdSproto: "fd.sproto", Fd, CharBuf, Na, N, A0, "server port of a TCP or UDP socket, as text.";
    FdLproto: "fd.lproto", Fd, CharBuf, Na, N, A0, "local port of a TCP or UDP socket, as text.";
    FdRproto: "fd.rproto", Fd, CharBuf, Na, N, A0, "remote port of a TCP or UDP socket, as text.";
    FdNet: "fd.net", Fd, IpNet, Na, EITHER, A0, "matches when the client or the server address lies in the network.";
    FdCnet: "fd.cnet", Fd, IpNet, Na, FO, A0, "matches when the client address lies in the network.";
    FdSnet: "fd.snet", Fd, IpNet, Na, FO, A0, "matches when the server address lies in the network.";
    FdLnet: "fd.lnet", Fd, IpNet, Na, FO, A0, "matches when the local address lies in the network.";
    FdRnet: "fd.rnet", Fd, IpNet, Na, FO, A0, "matches when the remote address lies in the network.";
    FdConnected: "fd.connected", Fd, Bool, Na, N, A0, "true when the socket is connected.";
    FdNameChanged: "fd.name_changed", Fd, Bool, Na, N, A0, "true when this event changed the descriptor's name (UDP tuples change this way).";
    FdCipName: "fd.cip.name", Fd, CharBuf, Na, N, A0, "DNS name of the client address, when known.";
    FdSipName: "fd.sip.name", Fd, CharBuf, Na, N, A0, "DNS name of the server address, when known.";
    FdLipName: "fd.lip.name", Fd, CharBuf, Na, N, A0, "DNS name of the local address, when known.";
    FdRipName: "fd.rip.name", Fd, CharBuf, Na, N, A0, "DNS name of the remote address, when known.";
    FdDev: "fd.dev", Fd, Int32, Hex, N, A0, "device number of the file (printed in hexadecimal).";
    FdDevMajor: "fd.dev.major", Fd, Int32, Dec, N, A0, "major number of the file's device.";
    FdDevMinor: "fd.dev.minor", Fd, Int32, Dec, N, A0, "minor number of the file's device.";
    // syslog
    SyslogFacilityStr: "syslog.facility.str", Syslog, CharBuf, Na, N, A0, "syslog facility of a message written to /dev/log, as a name.";
    SyslogFacility: "syslog.facility", Syslog, Uint32, Dec, N, A0, "syslog facility as a number from 0 to 23.";
    SyslogSeverityStr: "syslog.severity.str", Syslog, CharBuf, Na, N, A0, "syslog severity as a name: emerg, alert, crit, err, warn, notice, info or debug.";
    SyslogSeverity: "syslog.severity", Syslog, Uint32, Dec, N, A0, "syslog severity as a number from 0 to 7.";
    SyslogMessage: "syslog.message", Syslog, CharBuf, Na, N, A0, "text of the syslog message.";
    // util (hidden)
    UtilCnt: "util.cnt", Util, Uint64, Id, HID, A0, "a counter that grows by one each time it is read.";
    // fdlist
    FdlistNums: "fdlist.nums", Fdlist, CharBuf, Id, N, A0, "for poll events, the polled descriptor numbers separated by commas.";
    FdlistNames: "fdlist.names", Fdlist, CharBuf, Na, N, A0, "for poll events, the names of the polled descriptors separated by commas.";
    FdlistCips: "fdlist.cips", Fdlist, CharBuf, Na, N, A0, "for poll events, the client addresses of the polled sockets separated by commas.";
    FdlistSips: "fdlist.sips", Fdlist, CharBuf, Na, N, A0, "for poll events, the server addresses of the polled sockets separated by commas.";
    FdlistCports: "fdlist.cports", Fdlist, CharBuf, Dec, N, A0, "for poll events, the client ports of the polled sockets separated by commas.";
    FdlistSports: "fdlist.sports", Fdlist, CharBuf, Dec, N, A0, "for poll events, the server ports of the polled sockets separated by commas.";
    // k8s
    K8sPodName: "k8s.pod.name", K8s, CharBuf, Na, N, A0, "name of the Kubernetes pod.";
    K8sPodId: "k8s.pod.id", K8s, CharBuf, Na, N, A0, "uid of the Kubernetes pod.";
    K8sPodLabel: "k8s.pod.label", K8s, CharBuf, Na, N, ArgKind::Label, "one label of the pod, named after the dot or in brackets (k8s.pod.label.app, k8s.pod.label[app]).";
    K8sPodLabels: "k8s.pod.labels", K8s, CharBuf, Na, N, A0, "every label of the pod as key:value items separated by ', '.";
    K8sRcName: "k8s.rc.name", K8s, CharBuf, Na, N, A0, "name of the replication controller.";
    K8sRcId: "k8s.rc.id", K8s, CharBuf, Na, N, A0, "uid of the replication controller.";
    K8sRcLabel: "k8s.rc.label", K8s, CharBuf, Na, N, ArgKind::Label, "one label of the replication controller.";
    K8sRcLabels: "k8s.rc.labels", K8s, CharBuf, Na, N, A0, "every label of the replication controller.";
    K8sSvcName: "k8s.svc.name", K8s, CharBuf, Na, N, A0, "names of the services selecting the pod.";
    K8sSvcId: "k8s.svc.id", K8s, CharBuf, Na, N, A0, "uids of the services selecting the pod.";
    K8sSvcLabel: "k8s.svc.label", K8s, CharBuf, Na, N, ArgKind::Label, "one label of the services selecting the pod.";
    K8sSvcLabels: "k8s.svc.labels", K8s, CharBuf, Na, N, A0, "every label of the services selecting the pod.";
    K8sNsName: "k8s.ns.name", K8s, CharBuf, Na, N, A0, "name of the pod's namespace.";
    K8sNsId: "k8s.ns.id", K8s, CharBuf, Na, N, A0, "uid of the pod's namespace.";
    K8sNsLabel: "k8s.ns.label", K8s, CharBuf, Na, N, ArgKind::Label, "one label of the namespace.";
    K8sNsLabels: "k8s.ns.labels", K8s, CharBuf, Na, N, A0, "every label of the namespace.";
    K8sRsName: "k8s.rs.name", K8s, CharBuf, Na, N, A0, "name of the replica set.";
    K8sRsId: "k8s.rs.id", K8s, CharBuf, Na, N, A0, "uid of the replica set.";
    K8sRsLabel: "k8s.rs.label", K8s, CharBuf, Na, N, ArgKind::Label, "one label of the replica set.";
    K8sRsLabels: "k8s.rs.labels", K8s, CharBuf, Na, N, A0, "every label of the replica set.";
    K8sDeploymentName: "k8s.deployment.name", K8s, CharBuf, Na, N, A0, "name of the deployment.";
    K8sDeploymentId: "k8s.deployment.id", K8s, CharBuf, Na, N, A0, "uid of the deployment.";
    K8sDeploymentLabel: "k8s.deployment.label", K8s, CharBuf, Na, N, ArgKind::Label, "one label of the deployment.";
    K8sDeploymentLabels: "k8s.deployment.labels", K8s, CharBuf, Na, N, A0, "every label of the deployment.";
    // mesos (accepted so that -pm works; never has values)
    MesosTaskName: "mesos.task.name", Mesos, CharBuf, Na, N, A0, "name of the Mesos task.";
    MesosTaskId: "mesos.task.id", Mesos, CharBuf, Na, N, A0, "id of the Mesos task.";
    MesosTaskLabel: "mesos.task.label", Mesos, CharBuf, Na, N, ArgKind::Label, "one label of the Mesos task.";
    MesosTaskLabels: "mesos.task.labels", Mesos, CharBuf, Na, N, A0, "every label of the Mesos task.";
    MesosFrameworkName: "mesos.framework.name", Mesos, CharBuf, Na, N, A0, "name of the Mesos framework.";
    MesosFrameworkId: "mesos.framework.id", Mesos, CharBuf, Na, N, A0, "id of the Mesos framework.";
    MarathonAppName: "marathon.app.name", Mesos, CharBuf, Na, N, A0, "name of the Marathon app.";
    MarathonAppId: "marathon.app.id", Mesos, CharBuf, Na, N, A0, "id of the Marathon app.";
    MarathonAppLabel: "marathon.app.label", Mesos, CharBuf, Na, N, ArgKind::Label, "one label of the Marathon app.";
    MarathonAppLabels: "marathon.app.labels", Mesos, CharBuf, Na, N, A0, "every label of the Marathon app.";
    MarathonGroupName: "marathon.group.name", Mesos, CharBuf, Na, N, A0, "name of the Marathon group.";
    MarathonGroupId: "marathon.group.id", Mesos, CharBuf, Na, N, A0, "id of the Marathon group.";
}
