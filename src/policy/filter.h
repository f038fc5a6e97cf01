/* SPDX-License-Identifier: MIT */
/*
 * The policy's part of the seccomp filter: the decisions made on the
 * syscall number and register arguments (--deny, the always-denied
 * list, ioctl(TIOCSTI), socket() families under --net), and the
 * syscalls whose failure may be a Landlock denial, which stop so the
 * tracer can explain it (report.c).
 *
 * A denial is SECCOMP_RET_TRAP with POLICY_TRAP_TAG | errno as data:
 * the kernel never runs the call; the SIGSYS that follows lets the
 * tracer set the errno as the result and report it.  A kill is
 * SECCOMP_RET_KILL_PROCESS.
 */
#ifndef PTSANDBOX_POLICY_FILTER_H
#define PTSANDBOX_POLICY_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/filter.h>

#include "seccomp_filter.h"

struct policy;

#define POLICY_TRAP_TAG	 0x7000u
#define POLICY_TRAP_MASK 0xf000u

struct policy_filter {
	struct sock_filter pre[SECCOMP_EXTRA_MAX];
	struct sock_filter post[SECCOMP_EXTRA_MAX];
	struct seccomp_extra extra;
	struct sysset watched;	    /* the calls the post block stops */
	struct sysset also_watched; /* those watched for more than the file rules (limits) */
};

/*
 * Build f for p (abi: the Landlock ABI in use, which decides what the
 * tracer must watch).  0, or -1 if the program would be too long.
 */
int policy_filter_build(const struct policy *p, int abi, struct policy_filter *f);

/*
 * The rule of p that denies syscall nr with these arguments in the
 * filter, as the user would write it ("--deny=%file", "always denied:
 * io_uring_setup"); NULL if none.  The C twin of the filter's logic,
 * for reports.
 */
const char *policy_filter_rule(const struct policy *p, long nr, const uint64_t args[6], char *buf,
			       size_t len);

/* Is nr one of the syscalls with a kill action in p? */
bool policy_filter_kills(const struct policy *p, long nr);

/* Does p have any --deny=...:kill rule? */
bool policy_has_kill(const struct policy *p);

#endif
