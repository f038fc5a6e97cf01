// SPDX-License-Identifier: MIT
/*
 * Process structures, as strace prints them: wait statuses, rusage,
 * rlimits, utsname, sysinfo, tms, CPU sets, group lists, and the
 * clone/clone3 lines.
 */
#include "config.h"

#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include "decode_impl.h"

/* ---- processes ---- */

#include "xlat/ptrace_events.h"

static void print_wstatus(struct sbuf *sb, int s)
{
	if (WIFEXITED(s)) {
		sb_printf(sb, "[{WIFEXITED(s) && WEXITSTATUS(s) == %d}]", WEXITSTATUS(s));
		return;
	}
	if (WIFSIGNALED(s)) {
		sb_puts(sb, "[{WIFSIGNALED(s) && WTERMSIG(s) == ");
		print_signal(sb, WTERMSIG(s));
		sb_puts(sb, WCOREDUMP(s) ? " && WCOREDUMP(s)}]" : "}]");
		return;
	}
	if (WIFSTOPPED(s)) {
		sb_puts(sb, "[{WIFSTOPPED(s) && WSTOPSIG(s) == ");
		print_signal(sb, WSTOPSIG(s));
		sb_putc(sb, '}');
		if ((unsigned int)s >> 16) {
			sb_puts(sb, " | ");
			print_xlat(sb, ptrace_events, (unsigned int)s >> 16, NULL);
			sb_puts(sb, " << 16");
		}
		sb_putc(sb, ']');
		return;
	}
	if (WIFCONTINUED(s))
		sb_puts(sb, "[{WIFCONTINUED(s)}]");
	else
		sb_printf(sb, "[%#x]", (unsigned int)s);
}

bool pr_wstatus(struct dctx *c, int i, const struct argfmt *k)
{
	int status;

	/* WNOHANG with no child ready returns 0 and leaves status alone. */
	if (c->args[i] && c->ret == 0) {
		sb_ptr(c->sb, c->args[i]);
		return true;
	}
	if (fetch_arg(c, i, &status, sizeof(status)))
		print_wstatus(c->sb, status);
	return true;
}

bool pr_rusage(struct dctx *c, int i, const struct argfmt *k)
{
	struct rusage ru;

	if (!fetch_arg(c, i, &ru, sizeof(ru)))
		return true;
	sb_puts(c->sb, "{ru_utime=");
	print_timeval(c->sb, &ru.ru_utime);
	sb_puts(c->sb, ", ru_stime=");
	print_timeval(c->sb, &ru.ru_stime);
	if (c->abbrev) {
		sb_puts(c->sb, ", ...}");
		return true;
	}
	sb_printf(c->sb,
		  ", ru_maxrss=%ld, ru_ixrss=%ld, ru_idrss=%ld, ru_isrss=%ld, ru_minflt=%ld"
		  ", ru_majflt=%ld, ru_nswap=%ld, ru_inblock=%ld, ru_oublock=%ld, ru_msgsnd=%ld"
		  ", ru_msgrcv=%ld, ru_nsignals=%ld, ru_nvcsw=%ld, ru_nivcsw=%ld}",
		  ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss, ru.ru_isrss, ru.ru_minflt, ru.ru_majflt,
		  ru.ru_nswap, ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd, ru.ru_msgrcv,
		  ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw);
	return true;
}

static void print_rlim(struct sbuf *sb, uint64_t v)
{
	size_t mark = const_begin(sb);
	char num[24];

	if (v == UINT64_MAX)
		sb_puts(sb, "RLIM64_INFINITY");
	else if (v > 1024 && v % 1024 == 0)
		sb_printf(sb, "%llu*1024", (unsigned long long)(v / 1024));
	else
		sb_printf(sb, "%llu", (unsigned long long)v);
	snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
	const_end(sb, mark, num);
}

bool pr_rlimit(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t rl[2];

	if (!fetch_arg(c, i, rl, sizeof(rl)))
		return true;
	sb_puts(c->sb, "{rlim_cur=");
	print_rlim(c->sb, rl[0]);
	sb_puts(c->sb, ", rlim_max=");
	print_rlim(c->sb, rl[1]);
	sb_putc(c->sb, '}');
	return true;
}

static void print_field(struct sbuf *sb, const char *name, const char *s, size_t max)
{
	sb_printf(sb, "%s=", name);
	sb_quote(sb, s, strnlen(s, max), false);
}

bool pr_utsname(struct dctx *c, int i, const struct argfmt *k)
{
	struct utsname u;

	if (!fetch_arg(c, i, &u, sizeof(u)))
		return true;
	sb_putc(c->sb, '{');
	print_field(c->sb, "sysname", u.sysname, sizeof(u.sysname));
	sb_puts(c->sb, ", ");
	print_field(c->sb, "nodename", u.nodename, sizeof(u.nodename));
	if (c->abbrev) {
		sb_puts(c->sb, ", ...}");
		return true;
	}
	sb_puts(c->sb, ", ");
	print_field(c->sb, "release", u.release, sizeof(u.release));
	sb_puts(c->sb, ", ");
	print_field(c->sb, "version", u.version, sizeof(u.version));
	sb_puts(c->sb, ", ");
	print_field(c->sb, "machine", u.machine, sizeof(u.machine));
	sb_puts(c->sb, ", ");
	print_field(c->sb, "domainname", u.domainname, sizeof(u.domainname));
	sb_putc(c->sb, '}');
	return true;
}

bool pr_sysinfo(struct dctx *c, int i, const struct argfmt *k)
{
	struct sysinfo si;

	if (!fetch_arg(c, i, &si, sizeof(si)))
		return true;
	sb_printf(c->sb,
		  "{uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, freeram=%lu, "
		  "sharedram=%lu, bufferram=%lu, totalswap=%lu, freeswap=%lu, procs=%u, "
		  "totalhigh=%lu, freehigh=%lu, mem_unit=%u}",
		  si.uptime, si.loads[0], si.loads[1], si.loads[2], si.totalram, si.freeram,
		  si.sharedram, si.bufferram, si.totalswap, si.freeswap, (unsigned int)si.procs,
		  si.totalhigh, si.freehigh, si.mem_unit);
	return true;
}

bool pr_tms(struct dctx *c, int i, const struct argfmt *k)
{
	struct tms t;

	if (fetch_arg(c, i, &t, sizeof(t)))
		sb_printf(c->sb,
			  "{tms_utime=%lld, tms_stime=%lld, tms_cutime=%lld, tms_cstime=%lld}",
			  (long long)t.tms_utime, (long long)t.tms_stime, (long long)t.tms_cutime,
			  (long long)t.tms_cstime);
	return true;
}

/* A CPU mask: "[0 1]", of args[i - 1] bytes in, ret bytes out. */
bool pr_cpuset(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t len = dctx_arg_out(c, i) ? (uint64_t)c->ret : c->args[i - 1];
	unsigned char buf[512];
	const char *sep = "";

	if (len > sizeof(buf))
		len = sizeof(buf);
	if (!fetch_arg(c, i, buf, (size_t)len))
		return true;
	sb_putc(c->sb, '[');
	for (size_t bit = 0; bit < len * 8; bit++) {
		if (!(buf[bit / 8] & (1u << (bit % 8))))
			continue;
		sb_printf(c->sb, "%s%zu", sep, bit);
		sep = " ";
	}
	sb_putc(c->sb, ']');
	return true;
}

/* getgroups fills ret entries; setgroups reads args[0]. */
bool pr_groups(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t n = dctx_arg_out(c, i) ? (uint64_t)c->ret : c->args[0];
	uint64_t addr = c->args[i];
	unsigned int gid;

	if (!addr || (dctx_arg_out(c, i) && dctx_failed(c))) {
		sb_ptr(c->sb, addr);
		return true;
	}
	sb_putc(c->sb, '[');
	for (uint64_t g = 0; g < n; g++) {
		if (g >= c->strsize) {
			sb_puts(c->sb, ", ...");
			break;
		}
		if (!mem_read(c, addr + g * sizeof(gid), &gid, sizeof(gid)))
			break;
		sb_printf(c->sb, "%s%u", g ? ", " : "", gid);
	}
	sb_putc(c->sb, ']');
	return true;
}

/* ---- clone and clone3 ---- */

#ifndef CLONE_INTO_CGROUP /* newer than glibc 2.36; xlat/clone3_flags.in checks it */
#define CLONE_INTO_CGROUP 0x200000000ull
#endif

/* clone's argument order differs between architectures. */
#if defined(__aarch64__)
enum { CL_FLAGS, CL_STACK, CL_PTID, CL_TLS, CL_CTID };
#else
enum { CL_FLAGS, CL_STACK, CL_PTID, CL_CTID, CL_TLS };
#endif

/* "[1234]" once the kernel wrote the child's id, else the address. */
static void print_tid_out(struct dctx *c, uint64_t addr)
{
	int tid;

	if (!dctx_failed(c) && addr && mem_read(c, addr, &tid, sizeof(tid)))
		sb_printf(c->sb, "[%d]", tid);
	else
		sb_ptr(c->sb, addr);
}

static void clone_exit(struct dctx *c)
{
	uint64_t flags = c->args[CL_FLAGS];

	if (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
		sb_puts(c->sb, ", parent_tid=");
		print_tid_out(c, c->args[CL_PTID]);
	}
	if (flags & CLONE_SETTLS) {
		sb_puts(c->sb, ", tls=");
		sb_ptr(c->sb, c->args[CL_TLS]);
	}
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		sb_puts(c->sb, ", child_tidptr=");
		sb_ptr(c->sb, c->args[CL_CTID]);
	}
}

/* strace prints the tid pointers after the call, when they hold the tid. */
void custom_clone(struct dctx *c)
{
	uint64_t flags = c->args[CL_FLAGS];
	unsigned int sig = flags & 0xff;

	if (c->exiting) {
		clone_exit(c);
		return;
	}
	sb_puts(c->sb, "child_stack=");
	sb_ptr(c->sb, c->args[CL_STACK]);
	sb_puts(c->sb, ", flags=");
	if (flags & ~0xffull)
		print_flags(c->sb, clone_flags, flags & ~0xffull, NULL);
	if (sig) {
		if (flags & ~0xffull)
			sb_putc(c->sb, '|');
		print_signal(c->sb, (int)sig);
	}
	if (!flags)
		sb_putc(c->sb, '0');
}

struct clone_args_k {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	uint64_t set_tid, set_tid_size, cgroup;
};

#define CLONE_ARGS_SIZE_VER0 64

static bool read_clone_args(struct dctx *c, struct clone_args_k *ca)
{
	uint64_t size = c->args[1];

	memset(ca, 0, sizeof(*ca));
	if (size < CLONE_ARGS_SIZE_VER0)
		return false;
	return mem_read(c, c->args[0], ca, size < sizeof(*ca) ? (size_t)size : sizeof(*ca));
}

static void print_clone_args(struct sbuf *sb, const struct clone_args_k *ca)
{
	sb_puts(sb, "{flags=");
	print_flags(sb, clone3_flags, ca->flags, NULL);
	if (ca->flags & CLONE_PIDFD)
		sb_printf(sb, ", pidfd=%#llx", (unsigned long long)ca->pidfd);
	if (ca->flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		sb_printf(sb, ", child_tid=%#llx", (unsigned long long)ca->child_tid);
	if (ca->flags & CLONE_PARENT_SETTID)
		sb_printf(sb, ", parent_tid=%#llx", (unsigned long long)ca->parent_tid);
	sb_puts(sb, ", exit_signal=");
	print_signal(sb, (int)ca->exit_signal);
	sb_puts(sb, ", stack=");
	sb_ptr(sb, ca->stack);
	sb_printf(sb, ", stack_size=%#llx", (unsigned long long)ca->stack_size);
	if (ca->flags & CLONE_SETTLS) {
		sb_puts(sb, ", tls=");
		sb_ptr(sb, ca->tls);
	}
	if (ca->set_tid_size)
		sb_printf(sb, ", set_tid=%#llx, set_tid_size=%llu", (unsigned long long)ca->set_tid,
			  (unsigned long long)ca->set_tid_size);
	if (ca->flags & CLONE_INTO_CGROUP)
		sb_printf(sb, ", cgroup=%llu", (unsigned long long)ca->cgroup);
	sb_putc(sb, '}');
}

/* " => {parent_tid=[7286]}": what the kernel wrote back. */
static void print_clone3_result(struct dctx *c, const struct clone_args_k *ca)
{
	if (dctx_failed(c) || !(ca->flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)))
		return;
	sb_puts(c->sb, " => {");
	if (ca->flags & CLONE_PIDFD) {
		sb_puts(c->sb, "pidfd=");
		print_tid_out(c, ca->pidfd);
	}
	if (ca->flags & CLONE_PARENT_SETTID) {
		sb_puts(c->sb, ca->flags & CLONE_PIDFD ? ", parent_tid=" : "parent_tid=");
		print_tid_out(c, ca->parent_tid);
	}
	sb_putc(c->sb, '}');
}

void custom_clone3(struct dctx *c)
{
	struct clone_args_k ca;
	bool ok = read_clone_args(c, &ca);

	if (!c->exiting) {
		if (ok)
			print_clone_args(c->sb, &ca);
		else
			sb_ptr(c->sb, c->args[0]);
		return;
	}
	if (ok)
		print_clone3_result(c, &ca);
	sb_printf(c->sb, ", %llu", (unsigned long long)c->args[1]);
}
