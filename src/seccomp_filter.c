// SPDX-License-Identifier: MIT
/*
 * Filter generation and installation.  The program is a straight
 * list of "jeq nr; ret TRACE" pairs rather than a jump table: the
 * interposed set is small, each pair has no jump-offset limit, and
 * the common case (a syscall we do not trap) falls through to ALLOW
 * after a handful of compares.
 */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/seccomp.h>

#include "seccomp_filter.h"

void sysset_clear(struct sysset *set)
{
	memset(set, 0, sizeof(*set));
}

void sysset_add(struct sysset *set, long nr)
{
	if (nr >= 0 && nr < SYSSET_MAX)
		set->bits[nr / 8] |= (uint8_t)(1u << (nr % 8));
}

void sysset_del(struct sysset *set, long nr)
{
	if (nr >= 0 && nr < SYSSET_MAX)
		set->bits[nr / 8] &= (uint8_t) ~(1u << (nr % 8));
}

bool sysset_has(const struct sysset *set, long nr)
{
	if (set->all)
		return true;
	if (nr < 0 || nr >= SYSSET_MAX)
		return false;
	return set->bits[nr / 8] & (1u << (nr % 8));
}

static struct sock_filter stmt(uint16_t code, uint32_t k)
{
	struct sock_filter f = {.code = code, .jt = 0, .jf = 0, .k = k};

	return f;
}

static struct sock_filter jump(uint16_t code, uint32_t k, uint8_t jt, uint8_t jf)
{
	struct sock_filter f = {.code = code, .jt = jt, .jf = jf, .k = k};

	return f;
}

static size_t splice(struct sock_filter *prog, size_t n, const struct sock_filter *block,
		     size_t len)
{
	if (block && len)
		memcpy(prog + n, block, len * sizeof(*block));
	return n + len;
}

size_t seccomp_build_ext(const struct sysset *set, uint32_t audit_arch, uint32_t foreign_base,
			 const struct seccomp_extra *extra, struct sock_filter *prog)
{
	uint32_t foreign = extra && extra->foreign ? extra->foreign : SECCOMP_RET_TRACE;
	size_t n = 0;

	if (set->all && !extra) {
		prog[n++] = stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
		return n;
	}
	/* Another ABI (int 0x80 on x86_64): trap it, its numbers differ. */
	prog[n++] = stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
	prog[n++] = jump(BPF_JMP | BPF_JEQ | BPF_K, audit_arch, 1, 0);
	prog[n++] = stmt(BPF_RET | BPF_K, foreign);
	prog[n++] = stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
	/* Same audit arch, other ABI (x32): trap it too. */
	if (foreign_base) {
		prog[n++] = jump(BPF_JMP | BPF_JGE | BPF_K, foreign_base, 0, 1);
		prog[n++] = stmt(BPF_RET | BPF_K, foreign);
	}
	if (extra)
		n = splice(prog, n, extra->pre, extra->npre);
	if (set->all) {
		prog[n++] = stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
		return n;
	}
	for (long nr = 0; nr < SYSSET_MAX; nr++) {
		if (!sysset_has(set, nr))
			continue;
		prog[n++] = jump(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)nr, 0, 1);
		prog[n++] = stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	}
	if (extra)
		n = splice(prog, n, extra->post, extra->npost);
	prog[n++] = stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return n;
}

size_t seccomp_build(const struct sysset *set, uint32_t audit_arch, uint32_t foreign_base,
		     struct sock_filter *prog)
{
	return seccomp_build_ext(set, audit_arch, foreign_base, NULL, prog);
}

/*
 * SPEC_ALLOW: the filter is only a fast path, not a security boundary,
 * so it must not opt the guest into the speculative store bypass
 * mitigation that kernels apply to seccomp'd tasks by default
 * (spec_store_bypass_disable=seccomp), which slows every guest down.
 * Kernels before 4.17 reject the flag: then install without it.
 */
static int install_filter(struct sock_fprog *fprog)
{
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, fprog) ==
	    0)
		return 0;
	if (errno != EINVAL)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, fprog);
}

int seccomp_install(struct sock_filter *prog, size_t len)
{
	struct sock_fprog fprog = {.len = (unsigned short)len, .filter = prog};

	/*
	 * Without CAP_SYS_ADMIN the kernel insists on no_new_privs.  Try
	 * without it first so a root supervisor keeps setuid semantics
	 * as native as ptrace allows.
	 */
	if (install_filter(&fprog) == 0)
		return 0;
	if (errno != EACCES)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return install_filter(&fprog);
}
