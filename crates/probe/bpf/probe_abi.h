/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The ABI shared by the BPF programs (probe.bpf.c) and the Rust loader
 * (crates/probe/src/abi.rs). The Rust side parses this file in a unit test
 * (`abi::tests::header_matches`), so every `#define` and enum value below has
 * exactly one definition: change it here, then in abi.rs, and rebuild the
 * object with `crates/probe/bpf/build.sh`.
 *
 * How an event is produced: the syscall table (indexed by the x86_64 syscall
 * number) names the enter and exit event ids; the recipe table (indexed by the
 * event id) lists one `struct param_op` per parameter. The BPF side runs the
 * recipe and writes the scap v2 encoding (26-byte header, u16 lengths,
 * values) into a per-CPU scratch buffer, then copies it into the CPU's own
 * event ring (see RING_CHUNK), where events lie back to back, each padded to
 * a multiple of 8 bytes (ABI version 4). Recipes flagged RECIPE_FAST (every
 * parameter a plain integer, see FAST_MAX_PARAMS) skip the interpreter: the
 * programs write them straight into the ring. Flag parameters are written
 * with their raw kernel values; the consumer converts them to the PPM_*
 * encodings in place (same width), which keeps the kernel side small.
 */
#ifndef SYSRAY_PROBE_ABI_H
#define SYSRAY_PROBE_ABI_H

#define PROBE_ABI_VERSION 4

/* Table sizes. */
#define MAX_SYSCALLS 512
#define MAX_EVENT_IDS 512
#define MAX_PARAMS 32

/* Scratch buffer: the event is built in its first half, so a masked offset
 * plus one bounded write always stays inside. */
#define SCRATCH_SIZE 65536
#define SCRATCH_HALF 32768
/* Largest event sent to the ring (a multiple of 8, below RING_SLACK). */
#define MAX_RECORD_SIZE 32000
/* Longest string read for one parameter (paths, exe, comm...). */
#define MAX_STR 4096
/* Longest data payload: the snaplen is clamped to this. */
#define MAX_DATA 16384
/* Longest argv/env area read for clone/execve. */
#define MAX_PROC_ARGS 4096
/*
 * The event rings, one per CPU, in two BPF_F_MMAPABLE arrays the consumer
 * maps: ring_pos holds each CPU's head (written by the programs) and tail
 * (written by the consumer), logical byte positions that never wrap, in
 * separate cache lines; ring_data holds the bytes, in chunks of RING_CHUNK
 * bytes. CPU c owns the entries c << settings.ring_shift onwards (1 <<
 * ring_shift chunks), and position p of its ring is byte p % RING_CHUNK of
 * its chunk (p / RING_CHUNK) % (1 << ring_shift). Each chunk is followed by
 * RING_SLACK bytes, so an event is always contiguous: one that starts near
 * the end of a chunk continues into the slack, and the next event starts in
 * the next chunk at the same logical position. An event is committed by
 * storing the new head.
 */
#define RING_CHUNK_SHIFT 20
#define RING_CHUNK 1048576
#define RING_SLACK 32768
/* Most chunks per CPU (ring_shift at most RING_MAX_SHIFT). */
#define RING_MAX_SHIFT 10
/* Size of the scap v2 event header. */
#define EVENT_HEADER_SIZE 26

/* Recipes with at most this many parameters, each OP_EMPTY, OP_ARG, OP_RET,
 * OP_SC_ID, OP_NATIVE_ID, OP_CWD or OP_ZERO, take the fast path. */
#define FAST_MAX_PARAMS 6
/* Flags of a recipe. */
#define RECIPE_FAST 1

/* Flags of a syscall table entry. */
#define SC_INTERESTING 1
#define SC_KNOWN 2

/* Settings flags. */
#define SET_CAPTURE 1
#define SET_SCHED_SWITCH 2
#define SET_PAGE_FAULTS 4
#define SET_SIGNALS 8
#define SET_PROCEXIT 16

/* Ids of the non-syscall sources in the program-side recipe lookups. */
#define EVT_SCHEDSWITCH_6_E 152
#define EVT_PROCEXIT_1_E 186
#define EVT_SIGNALDELIVER_E 232
#define EVT_PAGE_FAULT_E 290

/* Per-CPU counters (index into struct stats.counters). */
#define STAT_EVENTS 0
#define STAT_DROPS_BUFFER 1
#define STAT_DROPS_TOO_BIG 2
#define STAT_SKIPPED_SELF 3
#define STAT_COUNT 8

/* What one parameter is made of. `a` and `b` are syscall argument indexes
 * unless the kind says otherwise; `width` is the byte width of integers. */
enum param_kind {
	OP_EMPTY = 0,      /* zero-length parameter */
	OP_ARG = 1,        /* args[a], `width` bytes; b=1: sign-extend from 32 bits (int fds, pids); b=2: fold fcntl cmds >= 1024 to 0x80|(cmd-1024) */
	OP_RET = 2,        /* return value, `width` bytes */
	OP_ARG_STR = 3,    /* NUL-terminated user string at args[a] */
	OP_BUF_RET = 4,    /* user bytes at args[a], min(ret, snaplen); empty if ret <= 0 */
	OP_BUF_ARG = 5,    /* user bytes at args[a], min(args[b], snaplen) */
	OP_SOCKADDR = 6,   /* user sockaddr at args[a] of length args[b], scap encoded */
	OP_TUPLE_ARG = 7,  /* socket tuple of fd args[a]; width=1: inbound (peer first) */
	OP_TUPLE_RET = 8,  /* socket tuple of fd ret; width=1: inbound */
	OP_QUEUE_PCT = 9,  /* accept backlog use of listening fd args[a], percent (u8) */
	OP_QUEUE_LEN = 10, /* accept backlog length (u32) */
	OP_QUEUE_MAX = 11, /* accept backlog max (u32) */
	OP_FDPAIR = 12,    /* int[2] at args[a], element b, as i64 */
	OP_PIPE_INO = 13,  /* inode of the first fd of int[2] at args[a] (u64) */
	OP_UNIX_PTR = 14,  /* kernel address of the unix sock of fd int[2][0] at args[a]; b=1: its peer */
	OP_DEV_RET = 15,   /* device (u32, new_encode_dev) of the file at fd ret */
	OP_IOV_SIZE = 16,  /* total length of iovec args[a] x args[b] (u32) */
	OP_IOV_DATA = 17,  /* bytes of iovec args[a] x args[b]; width=1: limit to ret */
	OP_MSG_SIZE = 18,  /* total length of the iovec of msghdr args[a] (u32) */
	OP_MSG_DATA = 19,  /* bytes of the iovec of msghdr args[a]; width=1: limit to ret */
	OP_TIMESPEC = 20,  /* struct timespec at args[a] as u64 ns */
	OP_RLIMIT = 21,    /* struct rlimit at args[a]; b=0 cur, 1 max (i64) */
	OP_SC_ID = 22,     /* PPM_SC code (u16) */
	OP_NATIVE_ID = 23, /* syscall number (u16) */
	OP_EXE = 24,       /* argv[0] of current */
	OP_ARGS = 25,      /* argv[1..] of current, NUL separated */
	OP_TID = 26,       /* current tid (i64) */
	OP_PID = 27,       /* current tgid (i64) */
	OP_PTID = 28,      /* tid of the real parent (i64) */
	OP_CWD = 29,       /* empty: userspace keeps cwd from /proc and chdir */
	OP_FDLIMIT = 30,   /* RLIMIT_NOFILE cur (i64) */
	OP_PGFT_MAJ = 31,  /* major faults (u64) */
	OP_PGFT_MIN = 32,  /* minor faults (u64) */
	OP_VM_SIZE = 33,   /* total_vm in KiB (u32) */
	OP_VM_RSS = 34,    /* rss in KiB (u32) */
	OP_VM_SWAP = 35,   /* swap in KiB (u32) */
	OP_COMM = 36,      /* comm */
	OP_CGROUPS = 37,   /* subsys=path strings */
	OP_ENV = 38,       /* environment, NUL separated */
	OP_UID = 39,       /* euid (u32) */
	OP_GID = 40,       /* egid (u32) */
	OP_VTID = 41,      /* tid in its pid namespace (i64) */
	OP_VPID = 42,      /* tgid in its pid namespace (i64) */
	OP_TTY = 43,       /* controlling tty (i32) */
	OP_PGID = 44,      /* process group id (i64) */
	OP_LOGINUID = 45,  /* loginuid (i32) */
	OP_CLONE_FLAGS = 46, /* raw clone flags: args[a] (width=8), clone_args.flags at args[a] (width=1), or the constant b: 1 fork, 2 vfork */
	OP_ZERO = 47,      /* a zero integer of `width` bytes */
	OP_FDLIST = 48,    /* struct pollfd[args[b]] at args[a]; width=1: revents */
	OP_SOCKADDR_RET = 49, /* user sockaddr at args[a] whose length is *args[b] (exit) */
	OP_USER_U64 = 50,  /* u64 number b of the user array at args[a] (open_how, clone_args...) */
};

struct param_op {
	unsigned char kind;
	unsigned char a;
	unsigned char b;
	unsigned char width;
};

struct recipe {
	unsigned short nparams;
	unsigned short flags;         /* RECIPE_* (set by the loader) */
	struct param_op ops[MAX_PARAMS];
};

struct syscall_entry {
	unsigned short enter_event;
	unsigned short exit_event;
	unsigned short ppm_sc;
	unsigned short flags;
};

struct settings {
	unsigned long long boot_ts;   /* epoch ns of boot: added to bpf_ktime_get_boot_ns() */
	unsigned int flags;           /* SET_* */
	unsigned int snaplen;
	unsigned int exclude_tgid;    /* 0: none */
	unsigned int target_tgid;     /* 0: every process */
	unsigned int abi_version;
	unsigned int ring_shift;      /* log2 of the chunks of each CPU's ring */
};

struct ring_pos {
	unsigned long long head;      /* written by the programs */
	unsigned long long pad0[7];
	unsigned long long tail;      /* written by the consumer */
	unsigned long long pad1[7];
};

struct stats {
	unsigned long long counters[STAT_COUNT];
};

#endif
