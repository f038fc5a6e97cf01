// SPDX-License-Identifier: MIT
/*
 * Structures in guest memory, printed as strace does: "{tv_sec=1,
 * tv_nsec=0}", "[{fd=3, events=POLLIN}]", "[{WIFEXITED(s) && ...}]".
 * The guest's ABI is the build's native one (x86_64 or aarch64, both
 * LP64), so the libc definitions have the kernel's layout; the kernel's
 * sigaction and clone_args, which libc does not expose, are spelled out.
 *
 * Conventions shared by every printer: a NULL pointer prints "NULL";
 * memory that cannot be read, and output arguments of a failed call,
 * print the bare address; arrays stop after -s elements with "...".
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <dirent.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <time.h>
#include <linux/filter.h>
#include <linux/netlink.h>

#include "decode_impl.h"

/*
 * Reads a structure for printing.  False (with "NULL" or the address
 * already printed) when there is nothing to decode.
 */
static bool fetch(struct dctx *c, uint64_t addr, bool out, void *buf, size_t len)
{
	if (!addr) {
		sb_puts(c->sb, "NULL");
		return false;
	}
	if ((out && dctx_failed(c)) || !mem_read(c, addr, buf, len)) {
		sb_ptr(c->sb, addr);
		return false;
	}
	return true;
}

static bool fetch_arg(struct dctx *c, int i, void *buf, size_t len)
{
	return fetch(c, c->args[i], dctx_arg_out(c, i), buf, len);
}

/* ---- signals ---- */

/* The size argument of the rt_sig* family; only 8 is a valid size here. */
static uint64_t sigset_size(const struct dctx *c)
{
	for (int i = 0; c->ent && i < c->ent->nargs; i++)
		if (c->ent->args[i] == A_SIGSETSIZE)
			return c->args[i];
	return 8;
}

bool pr_sigset(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t mask;

	if (c->args[i] && sigset_size(c) != sizeof(mask)) {
		sb_ptr(c->sb, c->args[i]);
		return true;
	}
	if (fetch_arg(c, i, &mask, sizeof(mask)))
		print_sigmask(c->sb, mask);
	return true;
}

/* The kernel's struct sigaction (rt_sigaction), not libc's. */
struct kernel_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

#define KERNEL_SA_RESTORER 0x04000000

bool pr_sigaction(struct dctx *c, int i, const struct argfmt *k)
{
	struct kernel_sigaction sa;

	if (!fetch_arg(c, i, &sa, sizeof(sa)))
		return true;
	sb_puts(c->sb, "{sa_handler=");
	if (sa.handler == (uint64_t)(uintptr_t)SIG_DFL ||
	    sa.handler == (uint64_t)(uintptr_t)SIG_IGN) {
		size_t mark = const_begin(c->sb);

		sb_puts(c->sb, sa.handler == (uint64_t)(uintptr_t)SIG_DFL ? "SIG_DFL" : "SIG_IGN");
		const_end_hex(c->sb, mark, sa.handler);
	} else {
		sb_ptr(c->sb, sa.handler);
	}
	sb_puts(c->sb, ", sa_mask=");
	print_sigmask(c->sb, sa.mask);
	sb_puts(c->sb, ", sa_flags=");
	print_flags(c->sb, sigaction_flags, sa.flags, NULL);
	if (sa.flags & KERNEL_SA_RESTORER) {
		sb_puts(c->sb, ", sa_restorer=");
		sb_ptr(c->sb, sa.restorer);
	}
	sb_putc(c->sb, '}');
	return true;
}

bool pr_siginfo(struct dctx *c, int i, const struct argfmt *k)
{
	siginfo_t si;

	if (!fetch_arg(c, i, &si, sizeof(si)))
		return true;
	if (!si.si_signo) /* waitid(WNOHANG) with nothing to report */
		sb_puts(c->sb, "{}");
	else
		print_siginfo(c->sb, &si);
	return true;
}

bool pr_stack(struct dctx *c, int i, const struct argfmt *k)
{
	stack_t ss;

	if (!fetch_arg(c, i, &ss, sizeof(ss)))
		return true;
	sb_puts(c->sb, "{ss_sp=");
	sb_ptr(c->sb, (uint64_t)(uintptr_t)ss.ss_sp);
	sb_puts(c->sb, ", ss_flags=");
	print_flags(c->sb, sigaltstack_flags, (uint32_t)ss.ss_flags, "SS_???");
	sb_printf(c->sb, ", ss_size=%zu}", ss.ss_size);
	return true;
}

/* ---- time ---- */

static void print_timespec(struct sbuf *sb, const struct timespec *ts)
{
	sb_printf(sb, "{tv_sec=%lld, tv_nsec=%lld}", (long long)ts->tv_sec, (long long)ts->tv_nsec);
}

static void print_timeval(struct sbuf *sb, const struct timeval *tv)
{
	sb_printf(sb, "{tv_sec=%lld, tv_usec=%lld}", (long long)tv->tv_sec, (long long)tv->tv_usec);
}

void pr_timespec_at(struct dctx *c, uint64_t addr)
{
	struct timespec ts;

	if (fetch(c, addr, false, &ts, sizeof(ts)))
		print_timespec(c->sb, &ts);
}

void pr_timeval_at(struct dctx *c, uint64_t addr)
{
	struct timeval tv;

	if (fetch(c, addr, false, &tv, sizeof(tv)))
		print_timeval(c->sb, &tv);
}

bool pr_timespec(struct dctx *c, int i, const struct argfmt *k)
{
	struct timespec ts;

	if (fetch_arg(c, i, &ts, sizeof(ts)))
		print_timespec(c->sb, &ts);
	return true;
}

/* The remaining time is only written when a signal cut the sleep short. */
bool pr_timespec_rem(struct dctx *c, int i, const struct argfmt *k)
{
	int err = (int)-c->ret;

	/* An injected EINTR: the kernel never wrote *rem. */
	if (c->args[i] && dctx_failed(c) && (err == EINTR || errno_is_restart(err)) &&
	    !(c->saved && c->saved->injected))
		pr_timespec_at(c, c->args[i]);
	else
		sb_ptr(c->sb, c->args[i]);
	return true;
}

bool pr_timeval(struct dctx *c, int i, const struct argfmt *k)
{
	struct timeval tv;

	if (fetch_arg(c, i, &tv, sizeof(tv)))
		print_timeval(c->sb, &tv);
	return true;
}

bool pr_timezone(struct dctx *c, int i, const struct argfmt *k)
{
	int tz[2];

	if (fetch_arg(c, i, tz, sizeof(tz)))
		sb_printf(c->sb, "{tz_minuteswest=%d, tz_dsttime=%d}", tz[0], tz[1]);
	return true;
}

bool pr_itimerval(struct dctx *c, int i, const struct argfmt *k)
{
	struct itimerval it;

	if (!fetch_arg(c, i, &it, sizeof(it)))
		return true;
	sb_puts(c->sb, "{it_interval=");
	print_timeval(c->sb, &it.it_interval);
	sb_puts(c->sb, ", it_value=");
	print_timeval(c->sb, &it.it_value);
	sb_putc(c->sb, '}');
	return true;
}

bool pr_itimerspec(struct dctx *c, int i, const struct argfmt *k)
{
	struct itimerspec it;

	if (!fetch_arg(c, i, &it, sizeof(it)))
		return true;
	sb_puts(c->sb, "{it_interval=");
	print_timespec(c->sb, &it.it_interval);
	sb_puts(c->sb, ", it_value=");
	print_timespec(c->sb, &it.it_value);
	sb_putc(c->sb, '}');
	return true;
}

bool pr_utimens(struct dctx *c, int i, const struct argfmt *k)
{
	struct timespec ts[2];

	if (!fetch_arg(c, i, ts, sizeof(ts)))
		return true;
	sb_putc(c->sb, '[');
	for (int n = 0; n < 2; n++) {
		if (n)
			sb_puts(c->sb, ", ");
		if (ts[n].tv_nsec == UTIME_NOW) {
			sb_puts(c->sb, "UTIME_NOW");
		} else if (ts[n].tv_nsec == UTIME_OMIT) {
			sb_puts(c->sb, "UTIME_OMIT");
		} else {
			print_timespec(c->sb, &ts[n]);
			sb_time(c->sb, ts[n].tv_sec, ts[n].tv_nsec);
		}
	}
	sb_putc(c->sb, ']');
	return true;
}

/* ---- files ---- */

/* ", st_atime=1796532530 /\* 2026-12-06T04:48:50.002463296+0000 *\/, st_atime_nsec=2463296" */
static void print_stat_time(struct sbuf *sb, const char *name, const struct timespec *ts)
{
	sb_printf(sb, ", %s=%lld", name, (long long)ts->tv_sec);
	sb_time(sb, ts->tv_sec, ts->tv_nsec);
	sb_printf(sb, ", %s_nsec=%ld", name, ts->tv_nsec);
}

/* -v: every field, in strace's order. */
static void print_stat_full(struct dctx *c, const struct stat *st)
{
	unsigned int type = st->st_mode & S_IFMT;

	sb_puts(c->sb, "{st_dev=");
	print_dev(c->sb, st->st_dev);
	sb_printf(c->sb, ", st_ino=%llu, st_mode=", (unsigned long long)st->st_ino);
	print_mode_t(c->sb, st->st_mode);
	sb_printf(c->sb, ", st_nlink=%llu, st_uid=%u, st_gid=%u, st_blksize=%lld, st_blocks=%lld",
		  (unsigned long long)st->st_nlink, st->st_uid, st->st_gid,
		  (long long)st->st_blksize, (long long)st->st_blocks);
	if (type == S_IFCHR || type == S_IFBLK) {
		sb_puts(c->sb, ", st_rdev=");
		print_dev(c->sb, st->st_rdev);
	} else {
		sb_printf(c->sb, ", st_size=%lld", (long long)st->st_size);
	}
	print_stat_time(c->sb, "st_atime", &st->st_atim);
	print_stat_time(c->sb, "st_mtime", &st->st_mtim);
	print_stat_time(c->sb, "st_ctime", &st->st_ctim);
	sb_putc(c->sb, '}');
}

bool pr_stat(struct dctx *c, int i, const struct argfmt *k)
{
	struct stat st;
	unsigned int type;

	if (!fetch_arg(c, i, &st, sizeof(st)))
		return true;
	if (!c->abbrev) {
		print_stat_full(c, &st);
		return true;
	}
	sb_puts(c->sb, "{st_mode=");
	print_mode_t(c->sb, st.st_mode);
	type = st.st_mode & S_IFMT;
	if (type == S_IFCHR || type == S_IFBLK) {
		sb_puts(c->sb, ", st_rdev=");
		print_dev(c->sb, st.st_rdev);
	} else {
		sb_printf(c->sb, ", st_size=%lld", (long long)st.st_size);
	}
	sb_puts(c->sb, ", ...}");
	return true;
}

#include "xlat/statx_attrs.h"

static void print_statx_time(struct sbuf *sb, const char *name, const struct statx_timestamp *t)
{
	sb_printf(sb, ", %s={tv_sec=%lld, tv_nsec=%u}", name, (long long)t->tv_sec, t->tv_nsec);
	sb_time(sb, t->tv_sec, (long)t->tv_nsec);
}

/* -v: every field, in strace's order. */
static void print_statx_full(struct dctx *c, const struct statx *stx)
{
	sb_puts(c->sb, "{stx_mask=");
	print_flags(c->sb, statx_masks, stx->stx_mask, NULL);
	sb_printf(c->sb, ", stx_blksize=%u, stx_attributes=", stx->stx_blksize);
	print_flags(c->sb, statx_attrs, stx->stx_attributes, NULL);
	sb_printf(c->sb, ", stx_nlink=%u, stx_uid=%u, stx_gid=%u, stx_mode=", stx->stx_nlink,
		  stx->stx_uid, stx->stx_gid);
	print_mode_t(c->sb, stx->stx_mode);
	sb_printf(c->sb, ", stx_ino=%llu, stx_size=%llu, stx_blocks=%llu, stx_attributes_mask=",
		  (unsigned long long)stx->stx_ino, (unsigned long long)stx->stx_size,
		  (unsigned long long)stx->stx_blocks);
	print_flags(c->sb, statx_attrs, stx->stx_attributes_mask, NULL);
	print_statx_time(c->sb, "stx_atime", &stx->stx_atime);
	if (stx->stx_mask & STATX_BTIME)
		print_statx_time(c->sb, "stx_btime", &stx->stx_btime);
	print_statx_time(c->sb, "stx_ctime", &stx->stx_ctime);
	print_statx_time(c->sb, "stx_mtime", &stx->stx_mtime);
	sb_printf(c->sb,
		  ", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, stx_dev_minor=%u",
		  stx->stx_rdev_major, stx->stx_rdev_minor, stx->stx_dev_major, stx->stx_dev_minor);
	if (stx->stx_mask & STATX_MNT_ID) {
		sb_puts(c->sb, ", stx_mnt_id=");
		sb_hex(c->sb, stx->stx_mnt_id);
	}
	sb_putc(c->sb, '}');
}

bool pr_statx(struct dctx *c, int i, const struct argfmt *k)
{
	struct statx stx;

	if (!fetch_arg(c, i, &stx, sizeof(stx)))
		return true;
	if (!c->abbrev) {
		print_statx_full(c, &stx);
		return true;
	}
	sb_puts(c->sb, "{stx_mask=");
	print_flags(c->sb, statx_masks, stx.stx_mask, NULL);
	sb_puts(c->sb, ", stx_attributes=");
	print_flags(c->sb, statx_attrs, stx.stx_attributes, NULL);
	sb_puts(c->sb, ", stx_mode=");
	print_mode_t(c->sb, stx.stx_mode);
	sb_printf(c->sb, ", stx_size=%llu, ...}", (unsigned long long)stx.stx_size);
	return true;
}

/* "[3, 4]": an array like any other, so -s cuts it too. */
bool pr_pipefds(struct dctx *c, int i, const struct argfmt *k)
{
	int fds[2];

	if (!fetch_arg(c, i, fds, sizeof(fds)))
		return true;
	sb_putc(c->sb, '[');
	for (unsigned int n = 0; n < 2; n++) {
		if (n)
			sb_puts(c->sb, ", ");
		if (n >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		print_fd(c, fds[n]);
	}
	sb_putc(c->sb, ']');
	return true;
}

static const struct xlat dirent_types[] = {XLAT(DT_UNKNOWN), XLAT(DT_FIFO), XLAT(DT_CHR),
					   XLAT(DT_DIR),     XLAT(DT_BLK),  XLAT(DT_REG),
					   XLAT(DT_LNK),     XLAT(DT_SOCK), XLAT_END};

/* -v: getdents64's entries, every one, as strace prints them. */
static void print_dirents64(struct dctx *c, const unsigned char *buf, size_t len)
{
	size_t n = 0;

	sb_putc(c->sb, '[');
	for (size_t off = 0; off + 19 <= len; n++) {
		uint64_t ino;
		int64_t doff;
		uint16_t reclen;
		const char *name = (const char *)buf + off + 19;

		memcpy(&ino, buf + off, 8);
		memcpy(&doff, buf + off + 8, 8);
		memcpy(&reclen, buf + off + 16, 2);
		if (reclen < 19 || off + reclen > len)
			break;
		if (n)
			sb_puts(c->sb, ", ");
		sb_printf(c->sb,
			  "{d_ino=%llu, d_off=%lld, d_reclen=%u, d_type=", (unsigned long long)ino,
			  (long long)doff, reclen);
		print_xlat(c->sb, dirent_types, buf[off + 18], "DT_???");
		sb_puts(c->sb, ", d_name=");
		sb_quote(c->sb, name, strnlen(name, reclen - 19), false);
		sb_putc(c->sb, '}');
		off += reclen;
	}
	sb_putc(c->sb, ']');
}

/* getdents: the entries themselves are noise; strace counts them (unless -v). */
bool pr_dirents(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i];
	size_t len = c->ret > 0 ? (size_t)c->ret : 0, n = 0, mark = c->sb->len;
	unsigned char *buf;

	sb_ptr(c->sb, addr);
	if (dctx_failed(c) || len > (1u << 20))
		return true;
	buf = malloc(len ? len : 1);
	if (!buf || !mem_read(c, addr, buf, len)) {
		free(buf);
		return true;
	}
	if (!c->abbrev && c->ent && !strcmp(c->ent->name, "getdents64")) {
		sb_truncate(c->sb, mark);
		print_dirents64(c, buf, len);
		free(buf);
		return true;
	}
	/* d_reclen sits at offset 16 in both linux_dirent and linux_dirent64. */
	for (size_t off = 0; off + 18 <= len; n++) {
		uint16_t reclen;

		memcpy(&reclen, buf + off + 16, sizeof(reclen));
		if (!reclen)
			break;
		off += reclen;
	}
	free(buf);
	sb_printf(c->sb, " /* %zu entries */", n);
	return true;
}

static const struct xlat owner_types[] = {XLAT(F_OWNER_TID), XLAT(F_OWNER_PID), XLAT(F_OWNER_PGRP),
					  XLAT_END};

/* {type=F_OWNER_TID, pid=0}; F_GETOWN_EX's only after it succeeded. */
void print_fcntl_owner_ex(struct dctx *c, uint64_t addr)
{
	struct f_owner_ex o;

	if ((c->exiting && dctx_failed(c)) || !mem_read(c, addr, &o, sizeof(o))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{type=");
	print_xlat(c->sb, owner_types, (uint32_t)o.type, "F_OWNER_???");
	sb_printf(c->sb, ", pid=%d}", (int)o.pid);
}

bool pr_flock(struct dctx *c, uint64_t addr, bool with_pid)
{
	struct flock fl;

	if (!fetch(c, addr, false, &fl, sizeof(fl)))
		return true;
	sb_puts(c->sb, "{l_type=");
	print_xlat(c->sb, lock_types, (uint16_t)fl.l_type, "F_???");
	sb_puts(c->sb, ", l_whence=");
	print_xlat(c->sb, seek_whences, (uint16_t)fl.l_whence, "SEEK_???");
	sb_printf(c->sb, ", l_start=%lld, l_len=%lld", (long long)fl.l_start, (long long)fl.l_len);
	if (with_pid)
		sb_printf(c->sb, ", l_pid=%d", (int)fl.l_pid);
	sb_putc(c->sb, '}');
	return true;
}

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

/* ---- descriptors ---- */

bool pr_pollfd(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i], n = (uint32_t)c->args[i + 1];
	struct pollfd pfd;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return true;
	}
	if (n && !mem_read(c, addr, &pfd, sizeof(pfd))) {
		sb_ptr(c->sb, addr);
		return true;
	}
	sb_putc(c->sb, '[');
	for (uint64_t e = 0; e < n; e++) {
		if (e)
			sb_puts(c->sb, ", ");
		if (e >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		if (!mem_read(c, addr + e * sizeof(pfd), &pfd, sizeof(pfd)))
			break;
		sb_printf(c->sb, "{fd=%d", pfd.fd);
		if (pfd.fd >= 0) {
			sb_puts(c->sb, ", events=");
			print_flags(c->sb, poll_events, (uint16_t)pfd.events, NULL);
		}
		sb_putc(c->sb, '}');
	}
	sb_putc(c->sb, ']');
	return true;
}

/* " ([{fd=4, revents=POLLOUT}])" after poll's return value. */
void print_poll_result(struct dctx *c)
{
	uint64_t addr = c->args[0], n = (uint32_t)c->args[1];
	int64_t left = c->ret;
	struct pollfd pfd;
	const char *sep = "";
	unsigned int shown = 0;

	if (c->ret == 0) {
		sb_puts(c->sb, " (Timeout)");
		return;
	}
	/* The revents are in the structures -e verbose= leaves unread. */
	if (!c->verbose)
		return;
	sb_puts(c->sb, " ([");
	for (uint64_t e = 0; e < n && left > 0; e++) {
		if (!mem_read(c, addr + e * sizeof(pfd), &pfd, sizeof(pfd)))
			break;
		if (!pfd.revents)
			continue;
		if (shown++ >= c->strsize) {
			sb_printf(c->sb, "%s...", sep);
			break;
		}
		sb_printf(c->sb, "%s{fd=%d, revents=", sep, pfd.fd);
		print_flags(c->sb, poll_events, (uint16_t)pfd.revents, NULL);
		sb_putc(c->sb, '}');
		sep = ", ";
		left--;
	}
	sb_putc(c->sb, ']');
	/* ppoll reports the time it had left */
	if (c->ent && c->ent->args[2] == A_TIMESPEC_IN && c->args[2]) {
		sb_puts(c->sb, ", left ");
		pr_timespec_at(c, c->args[2]);
	}
	sb_putc(c->sb, ')');
}

#define FDSET_MAX 8192 /* bytes: far more descriptors than select can take */

/*
 * Prints the descriptors in a select() set ("[3 6]") after prefix; an
 * empty set is left out with skip_empty.  Returns how many were set, or
 * -1 (printing nothing) if the set cannot be read.
 */
static int print_fds(struct dctx *c, uint64_t addr, int nfds, bool skip_empty, const char *prefix)
{
	size_t len = nfds > 0 ? ((size_t)nfds + 7) / 8 : 0;
	size_t bits_n = nfds > 0 ? (size_t)nfds : 0;
	unsigned char *bits;
	const char *sep = "";
	int count = 0;

	if (len > FDSET_MAX) {
		len = FDSET_MAX;
		bits_n = len * 8;
	}
	bits = malloc(len ? len : 1);
	if (!bits || !mem_read(c, addr, bits, len)) {
		free(bits);
		return -1;
	}
	for (size_t fd = 0; fd < bits_n; fd++)
		count += !!(bits[fd / 8] & (1u << (fd % 8)));
	if (count || !skip_empty) {
		sb_printf(c->sb, "%s[", prefix);
		for (size_t fd = 0; fd < bits_n; fd++) {
			if (!(bits[fd / 8] & (1u << (fd % 8))))
				continue;
			sb_printf(c->sb, "%s%zu", sep, fd);
			sep = " ";
		}
		sb_putc(c->sb, ']');
	}
	free(bits);
	return count;
}

bool pr_fdset(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i];

	if (!addr)
		sb_puts(c->sb, "NULL");
	else if (print_fds(c, addr, (int)c->args[0], false, "") < 0)
		sb_ptr(c->sb, addr);
	return true;
}

/* " (in [3], left {tv_sec=0, tv_usec=96})" after select's return value. */
void print_select_result(struct dctx *c, bool timespec)
{
	static const char *const names[3] = {"in ", "out ", "except "};
	const char *sep = "";

	if (c->ret == 0) {
		sb_puts(c->sb, " (Timeout)");
		return;
	}
	sb_puts(c->sb, " (");
	for (int s = 0; s < 3; s++) {
		size_t mark = c->sb->len;

		if (!c->args[s + 1])
			continue;
		sb_puts(c->sb, sep);
		if (print_fds(c, c->args[s + 1], (int)c->args[0], true, names[s]) > 0)
			sep = ", ";
		else
			sb_truncate(c->sb, mark);
	}
	if (c->args[4]) {
		sb_printf(c->sb, "%sleft ", sep);
		if (timespec)
			pr_timespec_at(c, c->args[4]);
		else
			pr_timeval_at(c, c->args[4]);
	}
	sb_putc(c->sb, ')');
}

bool pr_pselect_sigmask(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t data[2], mask;

	if (!fetch_arg(c, i, data, sizeof(data)))
		return true;
	sb_puts(c->sb, "{sigmask=");
	if (fetch(c, data[0], false, &mask, sizeof(mask)))
		print_sigmask(c->sb, mask);
	sb_printf(c->sb, ", sigsetsize=%llu}", (unsigned long long)data[1]);
	return true;
}

/* ---- buffers in vectors ---- */

/* An iovec array; limit is how many bytes the kernel filled (-1: all). */
static void print_iov_array(struct dctx *c, uint64_t addr, uint64_t count, int64_t limit)
{
	struct iovec iov;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return;
	}
	if (count && !mem_read(c, addr, &iov, sizeof(iov))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_putc(c->sb, '[');
	for (uint64_t e = 0; e < count; e++) {
		uint64_t len;

		if (e)
			sb_puts(c->sb, ", ");
		if (e >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		if (!mem_read(c, addr + e * sizeof(iov), &iov, sizeof(iov)))
			break;
		len = iov.iov_len;
		if (limit >= 0 && (uint64_t)limit < len)
			len = (uint64_t)limit;
		sb_puts(c->sb, "{iov_base=");
		print_buf(c, (uint64_t)(uintptr_t)iov.iov_base, len, false);
		sb_printf(c->sb, ", iov_len=%zu}", iov.iov_len);
		if (limit >= 0)
			limit -= (int64_t)len;
	}
	sb_putc(c->sb, ']');
}

bool pr_iov(struct dctx *c, int i, const struct argfmt *k)
{
	bool out = dctx_arg_out(c, i);

	if (out && dctx_failed(c))
		sb_ptr(c->sb, c->args[i]);
	else
		print_iov_array(c, c->args[i], c->args[i + 1], out ? c->ret : -1);
	return true;
}

/* execve's argv: the strings, at most -s of them (all of them under -v). */
bool pr_argv(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i], p;
	struct ptr_array a;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return true;
	}
	ptr_array_init(&a, addr);
	if (!ptr_array_next(c, &a, &p)) {
		sb_ptr(c->sb, addr);
		return true;
	}
	sb_putc(c->sb, '[');
	for (uint64_t e = 0; p; e++) {
		if (e)
			sb_puts(c->sb, ", ");
		if (c->abbrev && e >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		print_cstr(c, p, c->strsize);
		if (!ptr_array_next(c, &a, &p))
			break;
	}
	sb_putc(c->sb, ']');
	return true;
}

/* execve's envp: strace only counts the variables, unless -v. */
bool pr_envp(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i], p, n = 0;
	struct ptr_array a;

	if (!c->abbrev)
		return pr_argv(c, i, k);
	if (!addr) {
		sb_puts(c->sb, "NULL");
		return true;
	}
	ptr_array_init(&a, addr);
	if (!ptr_array_next(c, &a, &p)) {
		sb_ptr(c->sb, addr);
		return true;
	}
	while (p && n < (1u << 20)) {
		n++;
		if (!ptr_array_next(c, &a, &p))
			break;
	}
	sb_printf(c->sb, "%#llx /* %llu var%s */", (unsigned long long)addr, (unsigned long long)n,
		  n == 1 ? "" : "s");
	return true;
}

/* ---- sockets ---- */

static void print_family(struct sbuf *sb, unsigned int family)
{
	const char *name = xlat_name(sock_families, family);
	size_t mark = const_begin(sb);

	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%u", family);
	const_end_hex(sb, mark, family);
}

static void print_sun(struct sbuf *sb, const struct sockaddr_un *sun, size_t len)
{
	size_t max = len - offsetof(struct sockaddr_un, sun_path);

	if (!max)
		return;
	sb_puts(sb, ", sun_path=");
	if (sun->sun_path[0] == '\0' && max > 1) {
		/* abstract socket: the length, not a NUL, ends the name */
		sb_putc(sb, '@');
		sb_quote(sb, sun->sun_path + 1, max - 1, false);
	} else {
		sb_quote(sb, sun->sun_path, strnlen(sun->sun_path, max), false);
	}
}

static void print_sockaddr_body(struct sbuf *sb, const struct sockaddr_storage *ss, size_t len)
{
	const struct sockaddr_in *sin = (const void *)ss;
	const struct sockaddr_in6 *sin6 = (const void *)ss;
	const struct sockaddr_nl *snl = (const void *)ss;
	char addr[INET6_ADDRSTRLEN];

	switch (ss->ss_family) {
	case AF_UNIX:
		print_sun(sb, (const void *)ss, len);
		break;
	case AF_INET:
		inet_ntop(AF_INET, &sin->sin_addr, addr, sizeof(addr));
		sb_printf(sb, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")",
			  ntohs(sin->sin_port), addr);
		break;
	case AF_INET6:
		inet_ntop(AF_INET6, &sin6->sin6_addr, addr, sizeof(addr));
		sb_printf(sb,
			  ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
			  "inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u",
			  ntohs(sin6->sin6_port), ntohl(sin6->sin6_flowinfo), addr,
			  sin6->sin6_scope_id);
		break;
	case AF_NETLINK:
		sb_printf(sb, ", nl_pid=%u, nl_groups=%08x", snl->nl_pid, snl->nl_groups);
		break;
	default:
		sb_puts(sb, ", sa_data=");
		sb_quote(sb, (const char *)ss + sizeof(ss->ss_family), len - sizeof(ss->ss_family),
			 false);
	}
}

static void print_sockaddr(struct dctx *c, uint64_t addr, uint64_t len)
{
	struct sockaddr_storage ss;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return;
	}
	if (len > sizeof(ss))
		len = sizeof(ss);
	memset(&ss, 0, sizeof(ss));
	if (len < sizeof(ss.ss_family) || !mem_read(c, addr, &ss, (size_t)len)) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{sa_family=");
	print_family(c->sb, ss.ss_family);
	print_sockaddr_body(c->sb, &ss, (size_t)len);
	sb_putc(c->sb, '}');
}

/* In: the length is the next argument.  Out: it is behind a pointer. */
bool pr_sockaddr(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t len;

	if (!dctx_arg_out(c, i)) {
		print_sockaddr(c, c->args[i], (uint32_t)c->args[i + 1]);
		return true;
	}
	if (dctx_failed(c) || !c->args[i + 1] || !mem_read(c, c->args[i + 1], &len, sizeof(len)))
		sb_ptr(c->sb, c->args[i]);
	else
		print_sockaddr(c, c->args[i], len);
	return true;
}

/* setsockopt/getsockopt values: ints as [1], anything else as bytes. */
bool pr_sockopt(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i];
	uint32_t len = (uint32_t)c->args[i + 1];
	int val;

	/* A value, whatever its shape, is a structure to -e verbose=. */
	if (!c->verbose ||
	    (dctx_arg_out(c, i) && (dctx_failed(c) || !c->args[i + 1] ||
				    !mem_read(c, c->args[i + 1], &len, sizeof(len))))) {
		sb_ptr(c->sb, addr);
		return true;
	}
	if (addr && print_sockopt_struct(c, (int)c->args[1], (int)c->args[2], addr, len))
		return true;
	if (len == sizeof(val) && addr && mem_read(c, addr, &val, sizeof(val)))
		sb_printf(c->sb, "[%d]", val);
	else
		print_buf(c, addr, len, false);
	return true;
}

void print_msghdr_at(struct dctx *c, uint64_t addr, bool out, int64_t limit)
{
	struct msghdr m;

	if (!fetch(c, addr, out, &m, sizeof(m)))
		return;
	sb_puts(c->sb, "{msg_name=");
	print_sockaddr(c, (uint64_t)(uintptr_t)m.msg_name, m.msg_namelen);
	sb_printf(c->sb, ", msg_namelen=%u, msg_iov=", (unsigned int)m.msg_namelen);
	print_iov_array(c, (uint64_t)(uintptr_t)m.msg_iov, m.msg_iovlen, limit);
	sb_printf(c->sb, ", msg_iovlen=%zu", (size_t)m.msg_iovlen);
	if (m.msg_controllen) {
		sb_puts(c->sb, ", msg_control=");
		print_cmsgs(c, (uint64_t)(uintptr_t)m.msg_control, m.msg_controllen);
	}
	sb_printf(c->sb, ", msg_controllen=%zu, msg_flags=", (size_t)m.msg_controllen);
	print_flags(c->sb, msg_flags, (uint32_t)m.msg_flags, NULL);
	sb_putc(c->sb, '}');
}

bool pr_msghdr(struct dctx *c, int i, const struct argfmt *k)
{
	bool out = dctx_arg_out(c, i);

	print_msghdr_at(c, c->args[i], out, out ? c->ret : -1);
	return true;
}

static void print_epoll_event(struct sbuf *sb, const struct epoll_event *ev)
{
	sb_puts(sb, "{events=");
	print_flags(sb, epoll_events, ev->events, NULL);
	sb_printf(sb, ", data={u32=%u, u64=%llu}}", (uint32_t)ev->data.u64,
		  (unsigned long long)ev->data.u64);
}

bool pr_epoll_event(struct dctx *c, int i, const struct argfmt *k)
{
	struct epoll_event ev;

	if (fetch_arg(c, i, &ev, sizeof(ev)))
		print_epoll_event(c->sb, &ev);
	return true;
}

bool pr_epoll_events(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i];
	struct epoll_event ev;

	if (!addr || dctx_failed(c)) {
		sb_ptr(c->sb, addr);
		return true;
	}
	sb_putc(c->sb, '[');
	for (int64_t e = 0; e < c->ret; e++) {
		if (e)
			sb_puts(c->sb, ", ");
		if ((uint64_t)e >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		if (!mem_read(c, addr + (uint64_t)e * sizeof(ev), &ev, sizeof(ev)))
			break;
		print_epoll_event(c->sb, &ev);
	}
	sb_putc(c->sb, ']');
	return true;
}

bool pr_fprog(struct dctx *c, int i, const struct argfmt *k)
{
	struct sock_fprog prog;

	if (!fetch_arg(c, i, &prog, sizeof(prog)))
		return true;
	sb_printf(c->sb, "{len=%u, filter=", prog.len);
	sb_ptr(c->sb, (uint64_t)(uintptr_t)prog.filter);
	sb_putc(c->sb, '}');
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

/* ---- statfs, time ---- */

#include "xlat/fs_magics.h"
#include "xlat/statfs_flags.h"

bool pr_statfs(struct dctx *c, int i, const struct argfmt *k)
{
	struct statfs s;
	unsigned int fsid[2];

	if (!fetch_arg(c, i, &s, sizeof(s)))
		return true;
	memcpy(fsid, &s.f_fsid, sizeof(fsid));
	sb_puts(c->sb, "{f_type=");
	print_xlat(c->sb, fs_magics, (uint64_t)s.f_type, NULL);
	sb_printf(c->sb,
		  ", f_bsize=%lld, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu, "
		  "f_files=%llu, f_ffree=%llu, f_fsid={val=[%#x, %#x]}, f_namelen=%lld, "
		  "f_frsize=%lld, f_flags=",
		  (long long)s.f_bsize, (unsigned long long)s.f_blocks,
		  (unsigned long long)s.f_bfree, (unsigned long long)s.f_bavail,
		  (unsigned long long)s.f_files, (unsigned long long)s.f_ffree, fsid[0], fsid[1],
		  (long long)s.f_namelen, (long long)s.f_frsize);
	print_flags(c->sb, statfs_flags, (uint64_t)s.f_flags, NULL);
	sb_putc(c->sb, '}');
	return true;
}

bool pr_time_out(struct dctx *c, int i, const struct argfmt *k)
{
	int64_t t;

	if (!fetch_arg(c, i, &t, sizeof(t)))
		return true;
	sb_printf(c->sb, "[%lld", (long long)t);
	sb_time(c->sb, t, 0);
	sb_putc(c->sb, ']');
	return true;
}
