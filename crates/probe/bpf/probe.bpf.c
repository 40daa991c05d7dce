/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysray's CO-RE probe: raw_syscalls enter/exit (or, for a restricted
 * interest, the per-syscall tracepoints of the wanted syscalls), scheduler
 * switch, process exit, signal delivery and page faults, written as scap v2
 * events into per-CPU rings the consumer maps. See probe_abi.h for the tables that drive it; the recipes
 * themselves are data filled in by the loader (crates/probe/src/recipes.rs).
 *
 * Rebuild with crates/probe/bpf/build.sh.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_endian.h>
#include "probe_abi.h"

char LICENSE[] SEC("license") = "GPL";

#define AF_UNIX_ 1
#define AF_INET_ 2
#define AF_INET6_ 10
#define S_IFMT_ 00170000
#define S_IFSOCK_ 0140000
#define RLIMIT_NOFILE_ 7
#define MAX_IOV 16
#define MAX_POLLFDS 16
#define CGROUP_MAX_DEPTH 10
#define CGROUP_MAX_SUBSYS 14

struct scratch {
	__u64 args[6];
	__s64 ret;
	__u32 off;
	__u32 idx;
	__u32 lens_off;
	__u32 snaplen;
	__u16 ppm_sc;
	__u16 nr;
	/* bpf_get_current_pid_tgid() of the task whose user registers are at
	 * cur_regs (0: none); see current_pid_tgid. */
	__u64 cur_regs;
	__u64 cur_pid_tgid;
	__u8 data[SCRATCH_SIZE];
};

/* Indexed by CPU; the loader sets max_entries to the number of CPUs. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, struct syscall_entry);
} syscall_table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_EVENT_IDS);
	__type(key, __u32);
	__type(value, struct recipe);
} recipes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct settings);
} settings_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stats);
} stats_map SEC(".maps");

/* ---- writing parameters ------------------------------------------------ */

#define OFF(s) ((s)->off & (SCRATCH_HALF - 1))

static __always_inline void commit(struct scratch *s, __u32 len)
{
	__u32 li = (s->lens_off + (s->idx & (MAX_PARAMS - 1)) * 2) & (SCRATCH_HALF - 1);
	*(__u16 *)&s->data[li] = (__u16)len;
	s->off += len;
	s->idx++;
}

static __always_inline void put_int(struct scratch *s, __u64 v, __u32 width)
{
	__u32 o = OFF(s);
	switch (width) {
	case 1:
		s->data[o] = (__u8)v;
		commit(s, 1);
		break;
	case 2:
		*(__u16 *)&s->data[o] = (__u16)v;
		commit(s, 2);
		break;
	case 4:
		*(__u32 *)&s->data[o] = (__u32)v;
		commit(s, 4);
		break;
	default:
		*(__u64 *)&s->data[o] = v;
		commit(s, 8);
		break;
	}
}

static __always_inline void put_empty(struct scratch *s)
{
	commit(s, 0);
}

static __always_inline void put_nul(struct scratch *s)
{
	s->data[OFF(s)] = 0;
	commit(s, 1);
}

static __always_inline void put_user_str(struct scratch *s, const void *p)
{
	long n = 0;
	if (p)
		n = bpf_probe_read_user_str(&s->data[OFF(s)], MAX_STR, p);
	if (n <= 0)
		put_nul(s);
	else
		commit(s, (__u32)n);
}

static __always_inline void put_kernel_str(struct scratch *s, const void *p)
{
	long n = 0;
	if (p)
		n = bpf_probe_read_kernel_str(&s->data[OFF(s)], MAX_STR, p);
	if (n <= 0)
		put_nul(s);
	else
		commit(s, (__u32)n);
}

static __always_inline void put_user_bytes(struct scratch *s, const void *p, __u64 len)
{
	if (len > MAX_DATA)
		len = MAX_DATA;
	if (!p || len == 0 || bpf_probe_read_user(&s->data[OFF(s)], len, p)) {
		put_empty(s);
		return;
	}
	commit(s, (__u32)len);
}

static __always_inline __u64 snap(struct scratch *s, __u64 len)
{
	return len > s->snaplen ? s->snaplen : len;
}

/* ---- kernel objects ---------------------------------------------------- */

static __always_inline struct task_struct *current_task(void)
{
	return (struct task_struct *)bpf_get_current_task();
}

static __always_inline struct file *fd_file(long fd)
{
	struct task_struct *t = current_task();
	struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
	struct file **fds;
	struct file *f = NULL;
	unsigned int max = BPF_CORE_READ(fdt, max_fds);

	if (fd < 0 || fd >= max)
		return NULL;
	fds = BPF_CORE_READ(fdt, fd);
	bpf_core_read(&f, sizeof(f), &fds[fd]);
	return f;
}

static __always_inline struct sock *fd_sock(long fd)
{
	struct file *f = fd_file(fd);
	struct socket *sock;
	umode_t mode;

	if (!f)
		return NULL;
	mode = BPF_CORE_READ(f, f_inode, i_mode);
	if ((mode & S_IFMT_) != S_IFSOCK_)
		return NULL;
	sock = BPF_CORE_READ(f, private_data);
	return BPF_CORE_READ(sock, sk);
}

/* Offset of sun_path in unix_address (name is a flexible sockaddr_un[]). */
static __always_inline unsigned long unix_path_offset(void)
{
	return bpf_core_field_offset(struct unix_address, name) + 2;
}

static __always_inline __u32 encode_dev(dev_t dev)
{
	__u32 major = dev >> 20;
	__u32 minor = dev & ((1U << 20) - 1);
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

/* Reads a user sockaddr and returns its family, filling ip (16 bytes) and port. */
static __always_inline int user_sockaddr(const void *p, __u8 *ip, __u16 *port)
{
	__u16 fam = 0;
	__u16 nport = 0;

	if (!p || bpf_probe_read_user(&fam, 2, p))
		return -1;
	if (fam == AF_INET_) {
		bpf_probe_read_user(&nport, 2, p + 2);
		bpf_probe_read_user(ip, 4, p + 4);
	} else if (fam == AF_INET6_) {
		bpf_probe_read_user(&nport, 2, p + 2);
		bpf_probe_read_user(ip, 16, p + 8);
	}
	*port = bpf_ntohs(nport);
	return fam;
}

/* scap SOCKADDR from a user sockaddr of length len. */
static __always_inline void put_sockaddr(struct scratch *s, const void *p, __u64 len)
{
	__u8 ip[16] = {};
	__u16 port = 0;
	__u32 o = OFF(s);
	int fam;

	if (!p || len < 2) {
		put_empty(s);
		return;
	}
	fam = user_sockaddr(p, ip, &port);
	if (fam == AF_INET_) {
		s->data[o] = AF_INET_;
		__builtin_memcpy(&s->data[o + 1], ip, 4);
		*(__u16 *)&s->data[o + 5] = port;
		commit(s, 7);
	} else if (fam == AF_INET6_) {
		s->data[o] = AF_INET6_;
		__builtin_memcpy(&s->data[o + 1], ip, 16);
		*(__u16 *)&s->data[o + 17] = port;
		commit(s, 19);
	} else if (fam == AF_UNIX_) {
		long n;
		s->data[o] = AF_UNIX_;
		n = bpf_probe_read_user_str(&s->data[o + 1], 108, p + 2);
		if (n <= 0) {
			s->data[o + 1] = 0;
			n = 1;
		}
		commit(s, 1 + (__u32)n);
	} else {
		put_empty(s);
	}
}

static __always_inline int is_zero16(const __u8 *ip)
{
	__u64 a = *(__u64 *)ip, b = *(__u64 *)(ip + 8);
	return a == 0 && b == 0;
}

/*
 * scap SOCKTUPLE of the socket at fd. Outbound: local -> remote; inbound
 * (accept, recvfrom): remote -> local. When the socket has no remote address
 * (unconnected UDP) and uaddr is given, the remote side comes from that user
 * sockaddr.
 */
static __always_inline void put_tuple(struct scratch *s, long fd, int inbound, const void *uaddr)
{
	struct sock *sk = fd_sock(fd);
	__u32 o = OFF(s);
	__u16 family;

	if (!sk) {
		put_empty(s);
		return;
	}
	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family == AF_INET_ || family == AF_INET6_) {
		__u8 lip[16] = {}, rip[16] = {};
		__u16 lport, rport;
		struct inet_sock *inet = (struct inet_sock *)sk;
		int iplen = family == AF_INET_ ? 4 : 16;

		lport = bpf_ntohs(BPF_CORE_READ(inet, inet_sport));
		rport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		if (family == AF_INET_) {
			bpf_core_read(lip, 4, &sk->__sk_common.skc_rcv_saddr);
			bpf_core_read(rip, 4, &sk->__sk_common.skc_daddr);
		} else {
			bpf_core_read(lip, 16, &sk->__sk_common.skc_v6_rcv_saddr);
			bpf_core_read(rip, 16, &sk->__sk_common.skc_v6_daddr);
		}
		if (uaddr && rport == 0 && is_zero16(rip)) {
			__u8 uip[16] = {};
			__u16 uport = 0;
			int ufam = user_sockaddr(uaddr, uip, &uport);
			if (ufam == family) {
				__builtin_memcpy(rip, uip, 16);
				rport = uport;
			}
		}
		s->data[o] = family;
		if (family == AF_INET_) {
			if (inbound) {
				__builtin_memcpy(&s->data[o + 1], rip, 4);
				*(__u16 *)&s->data[o + 5] = rport;
				__builtin_memcpy(&s->data[o + 7], lip, 4);
				*(__u16 *)&s->data[o + 11] = lport;
			} else {
				__builtin_memcpy(&s->data[o + 1], lip, 4);
				*(__u16 *)&s->data[o + 5] = lport;
				__builtin_memcpy(&s->data[o + 7], rip, 4);
				*(__u16 *)&s->data[o + 11] = rport;
			}
			commit(s, 13);
		} else {
			if (inbound) {
				__builtin_memcpy(&s->data[o + 1], rip, 16);
				*(__u16 *)&s->data[o + 17] = rport;
				__builtin_memcpy(&s->data[o + 19], lip, 16);
				*(__u16 *)&s->data[o + 35] = lport;
			} else {
				__builtin_memcpy(&s->data[o + 1], lip, 16);
				*(__u16 *)&s->data[o + 17] = lport;
				__builtin_memcpy(&s->data[o + 19], rip, 16);
				*(__u16 *)&s->data[o + 35] = rport;
			}
			commit(s, 37);
		}
		(void)iplen;
	} else if (family == AF_UNIX_) {
		struct unix_sock *us = (struct unix_sock *)sk;
		struct sock *peer = BPF_CORE_READ(us, peer);
		struct unix_address *addr = BPF_CORE_READ(us, addr);
		long n = 0;

		if (!addr && peer)
			addr = BPF_CORE_READ((struct unix_sock *)peer, addr);
		s->data[o] = AF_UNIX_;
		*(__u64 *)&s->data[o + 1] = (__u64)sk;
		*(__u64 *)&s->data[o + 9] = (__u64)peer;
		if (addr) {
			int alen = BPF_CORE_READ(addr, len);
			if (alen > 2)
				n = bpf_probe_read_kernel_str(&s->data[o + 17], 108,
							     (char *)addr + unix_path_offset());
		}
		if (n <= 0) {
			s->data[o + 17] = 0;
			n = 1;
		}
		commit(s, 17 + (__u32)n);
	} else {
		put_empty(s);
	}
}

static __always_inline void put_queue(struct scratch *s, long fd, int what)
{
	struct sock *sk = fd_sock(fd);
	__u32 len = 0, max = 0;

	if (sk) {
		len = BPF_CORE_READ(sk, sk_ack_backlog);
		max = BPF_CORE_READ(sk, sk_max_ack_backlog);
	}
	if (what == 0)
		put_int(s, max ? (len * 100) / max : 0, 1);
	else
		put_int(s, what == 1 ? len : max, 4);
}

static __always_inline int user_fd(const void *p, int i)
{
	int fd = -1;
	if (p)
		bpf_probe_read_user(&fd, sizeof(fd), p + (i ? 4 : 0));
	return fd;
}

/* Copies up to MAX_IOV iovecs, at most `limit` bytes, or only sums them. */
static __always_inline void put_iov(struct scratch *s, const struct iovec *iov, __u64 cnt,
				    __u64 limit, int size_only)
{
	__u32 base = OFF(s);
	__u64 total = 0, copied = 0;
	int i;

	if (cnt > MAX_IOV)
		cnt = MAX_IOV;
	for (i = 0; i < MAX_IOV; i++) {
		struct iovec v = {};
		__u64 chunk;

		if (i >= cnt)
			break;
		if (bpf_probe_read_user(&v, sizeof(v), &iov[i]))
			break;
		total += v.iov_len;
		if (size_only || copied >= limit)
			continue;
		chunk = v.iov_len;
		if (chunk > limit - copied)
			chunk = limit - copied;
		if (chunk > MAX_DATA)
			chunk = MAX_DATA;
		if (copied > MAX_DATA)
			break;
		if (bpf_probe_read_user(&s->data[(base + copied) & (SCRATCH_HALF - 1)], chunk,
					v.iov_base))
			break;
		copied += chunk;
	}
	if (size_only)
		put_int(s, total, 4);
	else
		commit(s, (__u32)(copied > MAX_DATA ? MAX_DATA : copied));
}

static __always_inline void put_fdlist(struct scratch *s, const struct pollfd *p, __u64 n,
				       int revents)
{
	__u32 o = OFF(s);
	__u16 count = 0;
	int i;

	if (n > MAX_POLLFDS)
		n = MAX_POLLFDS;
	for (i = 0; i < MAX_POLLFDS; i++) {
		struct pollfd pf = {};
		__u32 at;

		if (i >= n || !p)
			break;
		if (bpf_probe_read_user(&pf, sizeof(pf), &p[i]))
			break;
		at = (o + 2 + i * 10) & (SCRATCH_HALF - 1);
		*(__s64 *)&s->data[at] = pf.fd;
		*(__s16 *)&s->data[at + 8] = revents ? pf.revents : pf.events;
		count++;
	}
	*(__u16 *)&s->data[o] = count;
	commit(s, 2 + count * 10);
}

static __always_inline __u64 mm_counter(struct mm_struct *mm, int which)
{
	__s64 v = 0;
	bpf_core_read(&v, sizeof(v), &mm->rss_stat[which].count);
	return v < 0 ? 0 : v;
}

/*
 * Flexible arrays (pid->numbers, unix_address->name) are reached through
 * their field offset: aya cannot relocate an index into a zero-length array.
 */
static __always_inline __u32 upid_nr(struct pid *p, unsigned int level)
{
	struct upid up = {};
	unsigned long off = bpf_core_field_offset(struct pid, numbers) +
			    (level & 31) * bpf_core_type_size(struct upid);
	bpf_core_read(&up, sizeof(up), (char *)p + off);
	return up.nr;
}

static __always_inline __u32 pid_in_ns(struct pid *p)
{
	return upid_nr(p, BPF_CORE_READ(p, level));
}

static __always_inline void put_mm_area(struct scratch *s, unsigned long start, unsigned long end,
					int skip_first)
{
	__u64 len = end > start ? end - start : 0;
	long n0 = 0;

	if (len > MAX_PROC_ARGS)
		len = MAX_PROC_ARGS;
	if (skip_first && len) {
		n0 = bpf_probe_read_user_str(&s->data[OFF(s)], MAX_STR, (void *)start);
		if (n0 < 0)
			n0 = 0;
		if (n0 >= len) {
			put_empty(s);
			return;
		}
		len -= n0;
		if (len > MAX_PROC_ARGS)
			len = MAX_PROC_ARGS;
	}
	put_user_bytes(s, (void *)(start + n0), len);
}

static __always_inline void put_cgroups(struct scratch *s)
{
	struct task_struct *t = current_task();
	struct css_set *cs = BPF_CORE_READ(t, cgroups);
	__u32 start = s->off;
	int i;

	for (i = 0; i < CGROUP_MAX_SUBSYS; i++) {
		struct cgroup_subsys_state *css = NULL;
		struct kernfs_node *kn, *names[CGROUP_MAX_DEPTH] = {};
		const char *ssname;
		int depth = 0, j;
		long n;

		/* Keep the list under 4 KiB, libscap's SCAP_MAX_CGROUPS_SIZE. */
		if (s->off - start > 3072)
			break;
		bpf_core_read(&css, sizeof(css), &cs->subsys[i]);
		if (!css)
			continue;
		ssname = BPF_CORE_READ(css, ss, name);
		kn = BPF_CORE_READ(css, cgroup, kn);
		for (j = 0; j < CGROUP_MAX_DEPTH; j++) {
			struct kernfs_node *parent;
			if (!kn)
				break;
			parent = BPF_CORE_READ(kn, __parent);
			if (!parent)
				break;
			names[j] = kn;
			depth++;
			kn = parent;
		}
		n = bpf_probe_read_kernel_str(&s->data[OFF(s)], 64, ssname);
		if (n <= 1)
			continue;
		s->off += n - 1;
		s->data[OFF(s)] = '=';
		s->off++;
		if (depth == 0) {
			s->data[OFF(s)] = '/';
			s->off++;
		}
		for (j = CGROUP_MAX_DEPTH - 1; j >= 0; j--) {
			const char *name;
			if (j >= depth)
				continue;
			s->data[OFF(s)] = '/';
			s->off++;
			name = BPF_CORE_READ(names[j], name);
			n = bpf_probe_read_kernel_str(&s->data[OFF(s)], 256, name);
			if (n > 1)
				s->off += n - 1;
		}
		s->data[OFF(s)] = 0;
		s->off++;
	}
	{
		__u32 len = s->off - start;
		s->off = start;
		commit(s, len & (SCRATCH_HALF - 1));
	}
}

static __always_inline __u32 tty_of(struct task_struct *t)
{
	struct tty_struct *tty = BPF_CORE_READ(t, signal, tty);
	int major, minor_start, index;

	if (!tty)
		return 0;
	major = BPF_CORE_READ(tty, driver, major);
	minor_start = BPF_CORE_READ(tty, driver, minor_start);
	index = BPF_CORE_READ(tty, index);
	return encode_dev(((__u32)major << 20) | (__u32)(minor_start + index));
}

/* ---- the recipe interpreter -------------------------------------------- */

/*
 * One parameter. A global function, so the verifier checks it once rather
 * than once per parameter of every recipe.
 */
__noinline int run_op(struct scratch *s, __u32 packed)
{
	__u32 kind = packed & 0xff;
	__u32 a = (packed >> 8) & 7;
	__u32 b = (packed >> 16) & 0xff;
	__u32 width = (packed >> 24) & 0xff;
	struct task_struct *t;
	__u64 arg, argb;

	if (!s)
		return 0;
	if (a > 5)
		a = 5;
	arg = s->args[a];
	argb = s->args[(b & 7) > 5 ? 5 : (b & 7)];
	/* Only these kinds read current's task_struct: spare the others the helper call. */
	t = kind >= OP_EXE && kind <= OP_LOGINUID ? current_task() : NULL;

	switch (kind) {
	case OP_ARG:
		if (b == 1)
			arg = (__u64)(__s64)(__s32)arg;
		else if (b == 2 && arg >= 1024)
			arg = 0x80 | ((arg - 1024) & 0x7f);
		put_int(s, arg, width);
		break;
	case OP_RET:
		put_int(s, (__u64)s->ret, width);
		break;
	case OP_ARG_STR:
		put_user_str(s, (void *)arg);
		break;
	case OP_BUF_RET:
		if (s->ret <= 0)
			put_empty(s);
		else
			put_user_bytes(s, (void *)arg, snap(s, (__u64)s->ret));
		break;
	case OP_BUF_ARG:
		put_user_bytes(s, (void *)arg, snap(s, argb));
		break;
	case OP_SOCKADDR:
		put_sockaddr(s, (void *)arg, argb);
		break;
	case OP_SOCKADDR_RET: {
		int len = 0;
		if (argb)
			bpf_probe_read_user(&len, sizeof(len), (void *)argb);
		if (s->ret < 0)
			put_empty(s);
		else
			put_sockaddr(s, (void *)arg, len);
		break;
	}
	case OP_TUPLE_ARG:
	case OP_TUPLE_RET: {
		long fd = kind == OP_TUPLE_ARG ? (long)arg : s->ret;
		const void *uaddr = b < 6 ? (void *)argb : NULL;
		if (fd < 0)
			put_empty(s);
		else
			put_tuple(s, fd, width == 1, uaddr);
		break;
	}
	case OP_QUEUE_PCT:
		put_queue(s, (long)arg, 0);
		break;
	case OP_QUEUE_LEN:
		put_queue(s, (long)arg, 1);
		break;
	case OP_QUEUE_MAX:
		put_queue(s, (long)arg, 2);
		break;
	case OP_FDPAIR:
		put_int(s, s->ret < 0 ? (__u64)-1 : (__u64)(__s64)user_fd((void *)arg, b), 8);
		break;
	case OP_PIPE_INO: {
		struct file *f = s->ret < 0 ? NULL : fd_file(user_fd((void *)arg, 0));
		put_int(s, f ? BPF_CORE_READ(f, f_inode, i_ino) : 0, 8);
		break;
	}
	case OP_UNIX_PTR: {
		struct sock *sk = s->ret < 0 ? NULL : fd_sock(user_fd((void *)arg, 0));
		__u64 v = (__u64)sk;
		if (sk && b == 1)
			v = (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
		put_int(s, v, 8);
		break;
	}
	case OP_DEV_RET: {
		struct file *f = s->ret < 0 ? NULL : fd_file(s->ret);
		put_int(s, f ? encode_dev(BPF_CORE_READ(f, f_inode, i_sb, s_dev)) : 0, 4);
		break;
	}
	case OP_IOV_SIZE:
		put_iov(s, (void *)arg, argb, 0, 1);
		break;
	case OP_IOV_DATA:
		if (width == 1 && s->ret <= 0)
			put_empty(s);
		else
			put_iov(s, (void *)arg, argb, snap(s, width == 1 ? (__u64)s->ret : MAX_DATA), 0);
		break;
	case OP_MSG_SIZE:
	case OP_MSG_DATA: {
		struct user_msghdr m = {};
		if (!arg || bpf_probe_read_user(&m, sizeof(m), (void *)arg)) {
			if (kind == OP_MSG_SIZE)
				put_int(s, 0, 4);
			else
				put_empty(s);
		} else if (kind == OP_MSG_SIZE) {
			put_iov(s, m.msg_iov, m.msg_iovlen, 0, 1);
		} else if (width == 1 && s->ret <= 0) {
			put_empty(s);
		} else {
			put_iov(s, m.msg_iov, m.msg_iovlen,
				snap(s, width == 1 ? (__u64)s->ret : MAX_DATA), 0);
		}
		break;
	}
	case OP_TIMESPEC: {
		struct __kernel_timespec ts = {};
		if (arg)
			bpf_probe_read_user(&ts, sizeof(ts), (void *)arg);
		put_int(s, (__u64)ts.tv_sec * 1000000000ULL + ts.tv_nsec, 8);
		break;
	}
	case OP_RLIMIT: {
		__s64 lim[2] = {-1, -1};
		if (arg && s->ret >= 0)
			bpf_probe_read_user(lim, sizeof(lim), (void *)arg);
		put_int(s, lim[b & 1], 8);
		break;
	}
	case OP_SC_ID:
		put_int(s, s->ppm_sc, 2);
		break;
	case OP_NATIVE_ID:
		put_int(s, s->nr, 2);
		break;
	case OP_EXE: {
		unsigned long start = BPF_CORE_READ(t, mm, arg_start);
		put_user_str(s, (void *)start);
		break;
	}
	case OP_ARGS: {
		struct mm_struct *mm = BPF_CORE_READ(t, mm);
		put_mm_area(s, BPF_CORE_READ(mm, arg_start), BPF_CORE_READ(mm, arg_end), 1);
		break;
	}
	case OP_ENV: {
		struct mm_struct *mm = BPF_CORE_READ(t, mm);
		put_mm_area(s, BPF_CORE_READ(mm, env_start), BPF_CORE_READ(mm, env_end), 0);
		break;
	}
	case OP_TID:
		put_int(s, BPF_CORE_READ(t, pid), 8);
		break;
	case OP_PID:
		put_int(s, BPF_CORE_READ(t, tgid), 8);
		break;
	case OP_PTID:
		put_int(s, BPF_CORE_READ(t, real_parent, pid), 8);
		break;
	case OP_CWD:
		put_empty(s);
		break;
	case OP_FDLIMIT: {
		struct signal_struct *sig = BPF_CORE_READ(t, signal);
		__u64 cur = 0;
		bpf_core_read(&cur, sizeof(cur), &sig->rlim[RLIMIT_NOFILE_].rlim_cur);
		put_int(s, cur, 8);
		break;
	}
	case OP_PGFT_MAJ:
		put_int(s, BPF_CORE_READ(t, maj_flt), 8);
		break;
	case OP_PGFT_MIN:
		put_int(s, BPF_CORE_READ(t, min_flt), 8);
		break;
	case OP_VM_SIZE:
	case OP_VM_RSS:
	case OP_VM_SWAP: {
		struct mm_struct *mm = BPF_CORE_READ(t, mm);
		__u64 pages = 0;
		if (mm) {
			if (kind == OP_VM_SIZE)
				pages = BPF_CORE_READ(mm, total_vm);
			else if (kind == OP_VM_RSS)
				pages = mm_counter(mm, MM_FILEPAGES) + mm_counter(mm, MM_ANONPAGES) +
					mm_counter(mm, MM_SHMEMPAGES);
			else
				pages = mm_counter(mm, MM_SWAPENTS);
		}
		put_int(s, pages << 2, 4);
		break;
	}
	case OP_COMM:
		put_kernel_str(s, t->comm);
		break;
	case OP_CGROUPS:
		put_cgroups(s);
		break;
	case OP_UID:
		put_int(s, BPF_CORE_READ(t, cred, euid.val), 4);
		break;
	case OP_GID:
		put_int(s, BPF_CORE_READ(t, cred, egid.val), 4);
		break;
	case OP_VTID:
		put_int(s, pid_in_ns(BPF_CORE_READ(t, thread_pid)), 8);
		break;
	case OP_VPID:
		put_int(s, pid_in_ns(BPF_CORE_READ(t, group_leader, thread_pid)), 8);
		break;
	case OP_TTY:
		put_int(s, tty_of(t), 4);
		break;
	case OP_PGID: {
		struct pid *p = BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID]);
		put_int(s, p ? upid_nr(p, 0) : 0, 8);
		break;
	}
	case OP_LOGINUID:
		put_int(s, BPF_CORE_READ(t, loginuid.val), 4);
		break;
	case OP_CLONE_FLAGS: {
		__u64 flags = 0;
		if (b == 1)
			flags = 17; /* fork: SIGCHLD */
		else if (b == 2)
			flags = 0x4000 | 0x100 | 17; /* vfork: CLONE_VFORK|CLONE_VM|SIGCHLD */
		else if (width == 1 && arg)
			bpf_probe_read_user(&flags, sizeof(flags), (void *)arg);
		else
			flags = arg;
		put_int(s, flags, 4);
		break;
	}
	case OP_ZERO:
		put_int(s, 0, width);
		break;
	case OP_USER_U64: {
		__u64 v = 0;
		if (arg)
			bpf_probe_read_user(&v, sizeof(v), (void *)(arg + (b & 7) * 8));
		put_int(s, v, width);
		break;
	}
	case OP_FDLIST:
		put_fdlist(s, (void *)arg, argb, width == 1);
		break;
	default:
		put_empty(s);
		break;
	}
	return 0;
}

/* ---- event assembly ----------------------------------------------------- */

/*
 * An interpreted event is built at EVENT_BASE in the scratch data, then
 * copied into this CPU's ring (see RING_CHUNK in probe_abi.h); a fast event is
 * written straight into the ring. Plain stores into a mapped array, no
 * reservation, lock or helper call; the new head commits the event. Only
 * the programs of this CPU write its ring, and they cannot interleave inside
 * ring_reserve..ring_commit (no helper call, no fault in between).
 */
#define EVENT_BASE 128
/* Largest fast event: header, FAST_MAX_PARAMS lengths and 8-byte values. */
#define FAST_EVENT_MAX (EVENT_HEADER_SIZE + FAST_MAX_PARAMS * 10)
/* The room a fast event needs in the ring: FAST_EVENT_MAX rounded up to 8. */
#define FAST_COPY ((FAST_EVENT_MAX + 7) & ~7)
_Static_assert(FAST_COPY <= RING_SLACK && MAX_RECORD_SIZE <= RING_SLACK, "events fit the slack");
_Static_assert(MAX_RECORD_SIZE % 8 == 0, "ring positions stay 8-byte aligned");

struct ring_chunk {
	__u8 data[RING_CHUNK + RING_SLACK];
};

/* Indexed by CPU; the loader sets max_entries to the number of CPUs. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ring_pos);
} ring_pos SEC(".maps");

/* The loader sets max_entries to the number of CPUs << settings.ring_shift. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ring_chunk);
} ring_data SEC(".maps");

static __always_inline void count(int which, __u64 n)
{
	__u32 k = 0;
	struct stats *st = bpf_map_lookup_elem(&stats_map, &k);
	if (st)
		st->counters[which & (STAT_COUNT - 1)] += n;
}

static __always_inline struct scratch *get_scratch(void)
{
	__u32 cpu = bpf_get_smp_processor_id();
	return bpf_map_lookup_elem(&scratch_map, &cpu);
}

static __always_inline struct settings *get_settings(void)
{
	__u32 k = 0;
	return bpf_map_lookup_elem(&settings_map, &k);
}

/* A place for `room` bytes at the head of this CPU's ring. */
struct ring_slot {
	struct ring_pos *pos;
	__u64 head;
	__u8 *at;
};

/*
 * Finds room for `room` bytes (at most RING_SLACK) at the head of this CPU's
 * ring: false when the consumer has not read that far yet (the caller counts
 * a drop) or the ring is missing.
 */
static __always_inline int ring_reserve(struct settings *set, struct ring_slot *slot, __u32 room)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u32 shift = set->ring_shift;
	struct ring_chunk *c;
	struct ring_pos *p;
	__u64 head, tail;
	__u32 key;

	if (shift > RING_MAX_SHIFT)
		return 0;
	p = bpf_map_lookup_elem(&ring_pos, &cpu);
	if (!p)
		return 0;
	head = p->head;
	tail = *(volatile __u64 *)&p->tail;
	if (head + room - tail > ((__u64)RING_CHUNK << shift))
		return 0;
	key = (cpu << shift) | ((__u32)(head >> RING_CHUNK_SHIFT) & ((1U << shift) - 1));
	c = bpf_map_lookup_elem(&ring_data, &key);
	if (!c)
		return 0;
	slot->pos = p;
	slot->head = head;
	slot->at = &c->data[head & (RING_CHUNK - 1)];
	return 1;
}

/* Publishes the `size` bytes (a multiple of 8) written at the slot. */
static __always_inline void ring_commit(struct ring_slot *slot, __u32 size)
{
	/* The event's bytes before the head: x86 keeps stores in order, the
	 * compiler must too. */
	asm volatile("" ::: "memory");
	*(volatile __u64 *)&slot->pos->head = slot->head + size;
}

/* Copies the event of `len` bytes built at EVENT_BASE into the ring. */
static __always_inline void output_event(struct scratch *s, struct settings *set, __u32 len)
{
	struct ring_slot slot;
	__u32 size = (len + 7) & ~7U;

	if (size > MAX_RECORD_SIZE || !ring_reserve(set, &slot, size)) {
		count(STAT_DROPS_BUFFER, 1);
		return;
	}
	/* The mask only restates size <= MAX_RECORD_SIZE for the verifier. */
	if (bpf_probe_read_kernel(slot.at, size & (RING_SLACK - 1), &s->data[EVENT_BASE])) {
		count(STAT_DROPS_BUFFER, 1);
		return;
	}
	ring_commit(&slot, size);
	count(STAT_EVENTS, 1);
}

/* Runs the recipe `r` of `evt` for the current thread and submits the event. */
static __always_inline int submit(struct scratch *s, struct settings *set, struct recipe *r,
				  __u32 evt, __u64 tid)
{
	__u32 n, i, total;
	__u8 *d = &s->data[EVENT_BASE];

	n = r->nparams;
	if (n > MAX_PARAMS)
		n = MAX_PARAMS;
	s->snaplen = set->snaplen > MAX_DATA ? MAX_DATA : set->snaplen;
	s->idx = 0;
	s->lens_off = EVENT_BASE + EVENT_HEADER_SIZE;
	s->off = s->lens_off + n * 2;
	*(__u64 *)&d[0] = bpf_ktime_get_boot_ns() + set->boot_ts;
	*(__u64 *)&d[8] = tid;
	*(__u16 *)&d[20] = (__u16)evt;
	*(__u32 *)&d[22] = n;
	for (i = 0; i < MAX_PARAMS; i++) {
		__u32 packed;
		if (i >= n)
			break;
		packed = *(__u32 *)&r->ops[i];
		run_op(s, packed);
	}
	total = s->off - EVENT_BASE;
	if (total > MAX_RECORD_SIZE || s->idx != n) {
		count(STAT_DROPS_TOO_BIG, 1);
		return 0;
	}
	*(__u32 *)&d[16] = total;
	output_event(s, set, total);
	return 0;
}

/* Syscall argument `a` (0-5) from the user registers, as tp_btf gets them. */
static __always_inline __u64 reg_arg(struct pt_regs *regs, __u32 a)
{
	switch (a) {
	case 0:
		return regs->di;
	case 1:
		return regs->si;
	case 2:
		return regs->dx;
	case 3:
		return regs->r10;
	case 4:
		return regs->r8;
	default:
		return regs->r9;
	}
}

/*
 * Writes an event whose recipe is RECIPE_FAST: every parameter is an integer
 * (or empty) known without reading memory, so there is no interpreter call per
 * parameter. The event is written straight into the ring: room for the
 * largest fast event is checked first, and the head moves by the event's size
 * rounded up to 8. Each value is stored as 8 bytes and the next one
 * overwrites what lies beyond its width. Arguments come from `regs` (a
 * syscall; `s` is then not used and may be NULL) or, when it is NULL, from
 * s->args (the other events).
 */
static __always_inline int submit_fast(struct scratch *s, struct settings *set, struct recipe *r,
				       __u32 evt, __u64 tid, struct pt_regs *regs, long ret,
				       __u16 ppm_sc, __u16 nr)
{
	__u32 n = r->nparams, i, o;
	struct ring_slot slot;
	__u64 ts;
	__u8 *d;

	if (n > FAST_MAX_PARAMS)
		return 0;
	ts = bpf_ktime_get_boot_ns() + set->boot_ts;
	if (!ring_reserve(set, &slot, FAST_COPY)) {
		count(STAT_DROPS_BUFFER, 1);
		return 0;
	}
	d = slot.at;
	o = EVENT_HEADER_SIZE + n * 2;
	for (i = 0; i < FAST_MAX_PARAMS; i++) {
		struct param_op op;
		__u64 v = 0;
		__u32 w;

		if (i >= n)
			break;
		op = r->ops[i];
		w = op.width;
		switch (op.kind) {
		case OP_ARG:
			if (regs)
				v = reg_arg(regs, op.a);
			else if (s)
				v = s->args[op.a > 5 ? 5 : op.a];
			if (op.b == 1)
				v = (__u64)(__s64)(__s32)v;
			else if (op.b == 2 && v >= 1024)
				v = 0x80 | ((v - 1024) & 0x7f);
			break;
		case OP_RET:
			v = (__u64)ret;
			break;
		case OP_SC_ID:
			v = ppm_sc;
			w = 2;
			break;
		case OP_NATIVE_ID:
			v = nr;
			w = 2;
			break;
		case OP_ZERO:
			break;
		default: /* OP_EMPTY, OP_CWD */
			w = 0;
			break;
		}
		if (w > 8)
			w = 8;
		*(__u16 *)&d[EVENT_HEADER_SIZE + i * 2] = w;
		/* o <= 78 here (FAST_EVENT_MAX - 8): the mask is for the verifier. */
		*(__u64 *)&d[o & 127] = v;
		o += w;
	}
	*(__u64 *)&d[0] = ts;
	*(__u64 *)&d[8] = tid;
	*(__u32 *)&d[16] = o;
	*(__u16 *)&d[20] = (__u16)evt;
	*(__u16 *)&d[22] = n;
	*(__u16 *)&d[24] = 0;
	ring_commit(&slot, (o + 7) & ~7U);
	count(STAT_EVENTS, 1);
	return 0;
}

static __always_inline int wanted(struct settings *set, __u64 pid_tgid)
{
	__u32 tgid = pid_tgid >> 32;
	if (!(set->flags & SET_CAPTURE))
		return 0;
	if (set->exclude_tgid && tgid == set->exclude_tgid)
		return 0;
	if (set->target_tgid && tgid != set->target_tgid)
		return 0;
	return 1;
}

/* bpf_loop callback: forgets the key of current_pid_tgid on CPU `cpu`. */
static long forget_regs(__u64 cpu, void *unused)
{
	__u32 k = cpu;
	struct scratch *s = bpf_map_lookup_elem(&scratch_map, &k);

	if (!s)
		return 1; /* past the last CPU */
	s->cur_regs = 0;
	return 0;
}

/* x86_64 execve and execveat, and their ia32 numbers (see below). */
#define NR_EXECVE 59
#define NR_EXECVEAT 322
#define NR_EXECVE_IA32 11
#define NR_EXECVEAT_IA32 358

/*
 * bpf_get_current_pid_tgid() without the helper call while the same task
 * makes syscalls on this CPU. The key is the address of the task's saved
 * user registers (`regs`), which lies at the top of its kernel stack: no two
 * live tasks share it. A stack can be reused once its task is gone, so
 * sched_process_exit forgets every CPU's key (attached before the syscall
 * programs). A task's ids change only in execve (a thread other than the
 * leader takes the leader's pid), so the programs of execve/execveat make
 * every CPU forget, then ask the helper and store its answer (the ia32
 * numbers too, one of which is munmap on x86_64: harmless extra work).
 */
static __always_inline __u64 current_pid_tgid(struct scratch *s, struct pt_regs *regs, __u32 nr)
{
	__u64 key = (__u64)regs, pid_tgid;

	if (s->cur_regs == key && nr != NR_EXECVE && nr != NR_EXECVEAT && nr != NR_EXECVE_IA32 &&
	    nr != NR_EXECVEAT_IA32)
		return s->cur_pid_tgid;
	if (nr == NR_EXECVE || nr == NR_EXECVEAT || nr == NR_EXECVE_IA32 || nr == NR_EXECVEAT_IA32)
		bpf_loop(8192, forget_regs, NULL, 0);
	pid_tgid = bpf_get_current_pid_tgid();
	s->cur_pid_tgid = pid_tgid;
	s->cur_regs = key;
	return pid_tgid;
}

static __always_inline int on_syscall(struct pt_regs *regs, long id, int is_exit, long ret)
{
	struct syscall_entry *e;
	struct settings *set;
	struct recipe *r;
	struct scratch *s;
	__u64 pid_tgid;
	__u32 nr = id, evt;

	if ((unsigned long)id >= MAX_SYSCALLS)
		return 0;
	e = bpf_map_lookup_elem(&syscall_table, &nr);
	if (!e || !(e->flags & SC_INTERESTING))
		return 0;
	set = get_settings();
	if (!set)
		return 0;
	s = get_scratch();
	if (!s)
		return 0;
	pid_tgid = current_pid_tgid(s, regs, nr);
	if (!wanted(set, pid_tgid))
		return 0;
	evt = is_exit ? e->exit_event : e->enter_event;
	r = bpf_map_lookup_elem(&recipes, &evt);
	if (!r)
		return 0;
	if (r->flags & RECIPE_FAST)
		return submit_fast(NULL, set, r, evt, (__u32)pid_tgid, regs, ret, e->ppm_sc, nr);
	/* tp_btf: regs is a trusted kernel pointer, read without helpers. */
	s->args[0] = regs->di;
	s->args[1] = regs->si;
	s->args[2] = regs->dx;
	s->args[3] = regs->r10;
	s->args[4] = regs->r8;
	s->args[5] = regs->r9;
	s->ret = ret;
	s->ppm_sc = e->ppm_sc;
	s->nr = nr;
	return submit(s, set, r, evt, (__u32)pid_tgid);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id)
{
	return on_syscall(regs, id, 0, 0);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	return on_syscall(regs, regs->orig_ax, 1, ret);
}

/*
 * The per-syscall tracepoints syscalls:sys_enter_<name> / sys_exit_<name>
 * (events/syscalls/<event>/format): 8 bytes of common fields, the syscall
 * number as an int, then the arguments (enter) or the return value (exit).
 * The loader attaches these two programs to the tracepoints of the syscalls
 * that leave the kernel, instead of sys_enter/sys_exit above, when the
 * interest is restricted: the other syscalls then run no program at all.
 */
struct syscall_tp_ctx {
	__u64 common;
	__s32 nr;
	__s32 pad;
	__s64 ret;
};

/* The user registers of the current syscall: the same values tp_btf gets. */
static __always_inline struct pt_regs *current_regs(void)
{
	return (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
}

SEC("tracepoint/syscalls/sys_enter")
int sc_enter(struct syscall_tp_ctx *ctx)
{
	struct pt_regs *regs = current_regs();

	if (!regs)
		return 0;
	return on_syscall(regs, ctx->nr, 0, 0);
}

SEC("tracepoint/syscalls/sys_exit")
int sc_exit(struct syscall_tp_ctx *ctx)
{
	struct pt_regs *regs = current_regs();

	if (!regs)
		return 0;
	return on_syscall(regs, ctx->nr, 1, ctx->ret);
}

/* Common path of the non-syscall events: args[] already hold the values. */
static __always_inline int on_other(struct settings *set, struct scratch *s, __u32 evt)
{
	struct recipe *r = bpf_map_lookup_elem(&recipes, &evt);

	if (!r)
		return 0;
	s->ret = 0;
	s->ppm_sc = 0;
	s->nr = 0;
	if (r->flags & RECIPE_FAST)
		return submit_fast(s, set, r, evt, (__u32)bpf_get_current_pid_tgid(), NULL, 0, 0,
				   0);
	return submit(s, set, r, evt, (__u32)bpf_get_current_pid_tgid());
}

SEC("raw_tracepoint/sched_switch")
int sched_switch(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 *args = (__u64 *)ctx;
	struct task_struct *next = (struct task_struct *)args[2];
	struct settings *set = get_settings();
	struct scratch *s;

	if (!set || !(set->flags & SET_SCHED_SWITCH) || !wanted(set, bpf_get_current_pid_tgid()))
		return 0;
	s = get_scratch();
	if (!s)
		return 0;
	s->args[0] = BPF_CORE_READ(next, pid);
	return on_other(set, s, EVT_SCHEDSWITCH_6_E);
}

SEC("raw_tracepoint/sched_process_exit")
int sched_process_exit(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *t = current_task();
	struct settings *set = get_settings();
	struct scratch *s;
	__u32 code;

	/* Always first: the exiting task's stack may serve another task next. */
	bpf_loop(8192, forget_regs, NULL, 0);
	if (!set || !(set->flags & SET_PROCEXIT) || !wanted(set, bpf_get_current_pid_tgid()))
		return 0;
	s = get_scratch();
	if (!s)
		return 0;
	code = BPF_CORE_READ(t, exit_code);
	s->args[0] = code;
	s->args[1] = (code >> 8) & 0xff;
	s->args[2] = code & 0x7f;
	s->args[3] = (code & 0x80) != 0;
	return on_other(set, s, EVT_PROCEXIT_1_E);
}

SEC("raw_tracepoint/signal_deliver")
int signal_deliver(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 *args = (__u64 *)ctx;
	struct kernel_siginfo *info = (struct kernel_siginfo *)args[1];
	struct settings *set = get_settings();
	struct scratch *s;
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	int sig = (int)args[0];
	int code = 0, spid = 0;

	if (!set || !(set->flags & SET_SIGNALS) || !wanted(set, pid_tgid))
		return 0;
	s = get_scratch();
	if (!s)
		return 0;
	if (info) {
		code = BPF_CORE_READ(info, si_code);
		if (code <= 0 || sig == 17)
			spid = BPF_CORE_READ(info, _sifields._kill._pid);
	}
	s->args[0] = spid;
	s->args[1] = (__u32)pid_tgid;
	s->args[2] = sig;
	return on_other(set, s, EVT_SIGNALDELIVER_E);
}

static __always_inline int on_page_fault(__u64 *args)
{
	struct settings *set = get_settings();
	struct pt_regs *regs = (struct pt_regs *)args[1];
	struct scratch *s;

	if (!set || !(set->flags & SET_PAGE_FAULTS) || !wanted(set, bpf_get_current_pid_tgid()))
		return 0;
	s = get_scratch();
	if (!s)
		return 0;
	s->args[0] = args[0];
	s->args[1] = BPF_CORE_READ(regs, ip);
	s->args[2] = args[2];
	return on_other(set, s, EVT_PAGE_FAULT_E);
}

SEC("raw_tracepoint/page_fault_user")
int page_fault_user(struct bpf_raw_tracepoint_args *ctx)
{
	return on_page_fault((__u64 *)ctx);
}

SEC("raw_tracepoint/page_fault_kernel")
int page_fault_kernel(struct bpf_raw_tracepoint_args *ctx)
{
	return on_page_fault((__u64 *)ctx);
}
