// SPDX-License-Identifier: MIT
/*
 * Seccomp blocks of a policy.  The pre block (denials) comes before
 * the interposed set so a denied call never reaches the tracer as a
 * call to run; the post block (calls to watch) after it, as it only
 * adds stops.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/seccomp.h>

#include "arch/arch.h"
#include "policy/filter.h"
#include "policy/paths.h"
#include "policy/policy.h"

#ifndef TIOCLINUX
#define TIOCLINUX 0x541C
#endif

struct emit {
	struct sock_filter *p;
	size_t n, max;
	bool full;
	struct sysset *watched;
	struct sysset *also; /* watched for a limit too */
};

static void put(struct emit *e, uint16_t code, uint32_t k, uint8_t jt, uint8_t jf)
{
	struct sock_filter f = {.code = code, .jt = jt, .jf = jf, .k = k};

	if (e->n < e->max)
		e->p[e->n++] = f;
	else
		e->full = true;
}

#define LD_NR()	       put(e, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr), 0, 0)
#define LD_ARG(i)      put(e, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]), 0, 0)
#define JEQ(k, jt, jf) put(e, BPF_JMP | BPF_JEQ | BPF_K, (k), (jt), (jf))
#define RET(k)	       put(e, BPF_RET | BPF_K, (k), 0, 0)

static uint32_t trap(int err)
{
	return SECCOMP_RET_TRAP | POLICY_TRAP_TAG | ((uint32_t)err & 0xfff);
}

static uint32_t deny_action(int action)
{
	return action == POLICY_KILL ? SECCOMP_RET_KILL_PROCESS : trap(action);
}

static bool always_denied(const struct policy *p, long nr)
{
	if (nr < 0 || sysset_has(&p->allow, nr))
		return false;
	for (size_t i = 0; policy_always_denied[i]; i++)
		if (arch_syscall_lookup(policy_always_denied[i]) == nr)
			return true;
	return false;
}

static bool tty_injection(const struct policy *p, long nr, uint64_t cmd)
{
	long ioctl_nr = arch_syscall_lookup("ioctl");

	return nr == ioctl_nr && !sysset_has(&p->allow, ioctl_nr) &&
	       ((uint32_t)cmd == TIOCSTI || (uint32_t)cmd == TIOCLINUX);
}

/* socket() under --net: TCP, unix and netlink sockets only. */
static bool socket_denied(const struct policy *p, long nr, const uint64_t args[6])
{
	uint32_t domain = (uint32_t)args[0], type = (uint32_t)args[1] & 0xf;
	uint32_t proto = (uint32_t)args[2];

	if (!p->net || nr != arch_syscall_lookup("socket"))
		return false;
	if (domain == AF_UNIX || domain == AF_NETLINK)
		return false;
	if (domain != AF_INET && domain != AF_INET6)
		return true;
	return type != SOCK_STREAM || (proto != 0 && proto != IPPROTO_TCP);
}

static void emit_denials(struct emit *e, const struct policy *p)
{
	long max = arch_max_syscall();

	for (int i = 0; i < p->ndeny; i++)
		for (long nr = 0; nr <= max && nr < SYSSET_MAX; nr++)
			if (sysset_has(&p->deny[i].set, nr)) {
				JEQ((uint32_t)nr, 0, 1);
				RET(deny_action(p->deny[i].action));
			}
	/* By name, each looked up once: a lookup per syscall number cost 15 ms a run. */
	for (size_t i = 0; policy_always_denied[i]; i++) {
		long nr = arch_syscall_lookup(policy_always_denied[i]);

		if (nr < 0 || nr > max || sysset_has(&p->allow, nr))
			continue;
		JEQ((uint32_t)nr, 0, 1);
		RET(trap(EPERM));
	}
}

static void emit_ioctl(struct emit *e, const struct policy *p)
{
	long nr = arch_syscall_lookup("ioctl");

	if (nr < 0 || sysset_has(&p->allow, nr))
		return;
	JEQ((uint32_t)nr, 0, 5);
	LD_ARG(1);
	JEQ(TIOCSTI, 1, 0);
	JEQ(TIOCLINUX, 0, 1);
	RET(trap(EPERM));
	LD_NR();
}

static void emit_socket(struct emit *e, const struct policy *p)
{
	long nr = arch_syscall_lookup("socket");

	if (!p->net || nr < 0)
		return;
	/* Offsets: see the layout in doc/design.md, "socket() under --net". */
	JEQ((uint32_t)nr, 0, 13);
	LD_ARG(0);				      /* 1 */
	JEQ(AF_UNIX, 10, 0);			      /* 2 -> 13 */
	JEQ(AF_NETLINK, 9, 0);			      /* 3 -> 13 */
	JEQ(AF_INET, 1, 0);			      /* 4 -> 6 */
	JEQ(AF_INET6, 0, 6);			      /* 5 -> 6 / 12 */
	LD_ARG(1);				      /* 6 */
	put(e, BPF_ALU | BPF_AND | BPF_K, 0xf, 0, 0); /* 7 */
	JEQ(SOCK_STREAM, 0, 3);			      /* 8 -> 9 / 12 */
	LD_ARG(2);				      /* 9 */
	JEQ(0, 2, 0);				      /* 10 -> 13 */
	JEQ(IPPROTO_TCP, 1, 0);			      /* 11 -> 13 / 12 */
	RET(trap(EACCES));			      /* 12 */
	LD_NR();				      /* 13 */
}

static void watch(struct emit *e, const char *name)
{
	long nr = arch_syscall_lookup(name);

	if (nr < 0)
		return;
	sysset_add(e->watched, nr);
	JEQ((uint32_t)nr, 0, 1);
	RET(SECCOMP_RET_TRACE);
}

/* open/openat that only read (no O_CREAT/O_TRUNC) cannot be denied when all is readable. */
static void watch_writing_open(struct emit *e, const char *name, int flags_arg)
{
	long nr = arch_syscall_lookup(name);

	if (nr < 0)
		return;
	sysset_add(e->watched, nr);
	JEQ((uint32_t)nr, 0, 5);
	LD_ARG(flags_arg);
	put(e, BPF_ALU | BPF_AND | BPF_K, O_ACCMODE | O_CREAT | O_TRUNC, 0, 0);
	JEQ(0, 0, 1);
	RET(SECCOMP_RET_ALLOW);
	RET(SECCOMP_RET_TRACE);
}

/* What every path may do: the access of a rule on "/" (0 if none). */
static unsigned int global_access(const struct policy *p)
{
	unsigned int a = 0;

	for (int i = 0; i < p->npaths; i++)
		if (!strcmp(p->paths[i].path, "/"))
			a |= p->paths[i].access;
	return a;
}

/*
 * Can the guest open a device it may not ioctl?  Only under a rule
 * without write (device ioctls come with --rw) over /dev: the guest
 * cannot make device nodes elsewhere (CAP_MKNOD is dropped).  If not,
 * no ioctl can be denied, and ioctl need not stop (isatty() on every
 * file a program opens would).
 */
static bool devices_without_ioctl(const struct policy *p)
{
	for (int i = 0; i < p->npaths; i++)
		if (!(p->paths[i].access & PACC_WRITE) && (path_beneath(p->paths[i].path, "/dev") ||
							   path_beneath("/dev", p->paths[i].path)))
			return true;
	return false;
}

static void emit_file_watch(struct emit *e, const struct policy *p)
{
	static const char *const writers[] = {
	    "creat",	"mkdir",    "mkdirat",	 "mknod",     "mknodat",  "unlink",
	    "unlinkat", "rmdir",    "symlink",	 "symlinkat", "truncate", "ftruncate",
	    "rename",	"renameat", "renameat2", "link",      "linkat",	  NULL};
	unsigned int g = global_access(p);

	if (!p->npaths)
		return;
	if (!(g & PACC_READ)) {
		watch(e, "open");
		watch(e, "openat");
	} else if (!(g & PACC_WRITE)) {
		watch_writing_open(e, "open", 1);
		watch_writing_open(e, "openat", 2);
	}
	if ((g & (PACC_READ | PACC_WRITE)) != (PACC_READ | PACC_WRITE))
		watch(e, "openat2");
	if (!(g & PACC_EXEC)) {
		watch(e, "execve");
		watch(e, "execveat");
	}
	if (g & PACC_WRITE)
		return;
	for (size_t i = 0; writers[i]; i++)
		watch(e, writers[i]);
	if (devices_without_ioctl(p))
		watch(e, "ioctl");
}

/* The calls a limit makes fail (EMFILE, EAGAIN, ENOMEM): watched only when the limit is set. */
static void emit_rlimit_watch(struct emit *e, const struct policy *p)
{
	static const char *const fd_makers[] = {"open",		  "openat",	"openat2",
						"creat",	  "socket",	"socketpair",
						"accept",	  "accept4",	"pipe",
						"pipe2",	  "dup",	"dup2",
						"dup3",		  "eventfd2",	"epoll_create1",
						"timerfd_create", "signalfd4",	"memfd_create",
						"inotify_init1",  "pidfd_open", NULL};
	static const char *const makers[] = {"fork", "vfork", "clone", "clone3", NULL};
	static const char *const mappers[] = {"mmap", "brk", "mremap", NULL};

	for (int i = 0; i < p->nrlimits; i++) {
		const char *const *calls = NULL;

		if (p->rlimits[i].resource == RLIMIT_NOFILE)
			calls = fd_makers;
		else if (p->rlimits[i].resource == RLIMIT_NPROC)
			calls = makers;
		else if (p->rlimits[i].resource == RLIMIT_AS ||
			 p->rlimits[i].resource == RLIMIT_DATA)
			calls = mappers;
		for (size_t j = 0; calls && calls[j]; j++) {
			if (!sysset_has(e->watched, arch_syscall_lookup(calls[j])))
				watch(e, calls[j]);
			sysset_add(e->also, arch_syscall_lookup(calls[j]));
		}
	}
}

static void emit_watch(struct emit *e, const struct policy *p, int abi)
{
	/* First: the file watch lets read-only opens through untrapped. */
	emit_rlimit_watch(e, p);
	emit_file_watch(e, p);
	if (p->net || abi >= 6)
		watch(e, "connect");
	if (p->net)
		watch(e, "bind");
	if (abi < 6)
		return;
	watch(e, "sendto");
	watch(e, "sendmsg");
	watch(e, "kill");
	watch(e, "tkill");
	watch(e, "tgkill");
	watch(e, "rt_sigqueueinfo");
	watch(e, "rt_tgsigqueueinfo");
	watch(e, "pidfd_send_signal");
	watch(e, "ptrace");
}

int policy_filter_build(const struct policy *p, int abi, struct policy_filter *f)
{
	struct emit pre = {.p = f->pre, .max = SECCOMP_EXTRA_MAX};
	struct emit post = {.p = f->post,
			    .max = SECCOMP_EXTRA_MAX,
			    .watched = &f->watched,
			    .also = &f->also_watched};

	memset(&f->extra, 0, sizeof(f->extra));
	sysset_clear(&f->watched);
	sysset_clear(&f->also_watched);
	if (!p->active)
		return 0;
	emit_denials(&pre, p);
	emit_ioctl(&pre, p);
	emit_socket(&pre, p);
	emit_watch(&post, p, abi);
	/* SECCOMP_PROG_MAX leaves room for one SECCOMP_EXTRA_MAX in all. */
	if (pre.full || post.full || pre.n + post.n > SECCOMP_EXTRA_MAX)
		return -1;
	f->extra.pre = f->pre;
	f->extra.npre = pre.n;
	f->extra.post = f->post;
	f->extra.npost = post.n;
	/* The deny list is in native numbers: another ABI's calls are refused. */
	f->extra.foreign = trap(ENOSYS);
	return 0;
}

const char *policy_filter_rule(const struct policy *p, long nr, const uint64_t args[6], char *buf,
			       size_t len)
{
	const char *name = arch_syscall_name(nr);

	for (int i = 0; i < p->ndeny; i++)
		if (sysset_has(&p->deny[i].set, nr)) {
			snprintf(buf, len, "--deny=%s%s", p->deny[i].spec,
				 p->deny[i].action == POLICY_KILL ? ":kill" : "");
			return buf;
		}
	if (always_denied(p, nr)) {
		snprintf(buf, len, "always denied: %s; --allow=%s permits it", name, name);
		return buf;
	}
	if (tty_injection(p, nr, args[1])) {
		snprintf(
		    buf, len,
		    "always denied: ioctl %s types into the terminal; --allow=ioctl permits it",
		    (uint32_t)args[1] == TIOCSTI ? "TIOCSTI" : "TIOCLINUX");
		return buf;
	}
	if (socket_denied(p, nr, args)) {
		snprintf(buf, len, "--net: only TCP, unix and netlink sockets");
		return buf;
	}
	return NULL;
}

bool policy_filter_kills(const struct policy *p, long nr)
{
	for (int i = 0; i < p->ndeny; i++)
		if (sysset_has(&p->deny[i].set, nr))
			return p->deny[i].action == POLICY_KILL;
	return false;
}

bool policy_has_kill(const struct policy *p)
{
	for (int i = 0; i < p->ndeny; i++)
		if (p->deny[i].action == POLICY_KILL)
			return true;
	return false;
}
