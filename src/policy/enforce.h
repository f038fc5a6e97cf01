/* SPDX-License-Identifier: MIT */
/*
 * Putting a policy in force: checked and compiled by ptsandbox before
 * the fork (policy_start), applied by the guest on itself between the
 * tracer's seizure and execve (policy_enforce_child).
 */
#ifndef PTSANDBOX_POLICY_ENFORCE_H
#define PTSANDBOX_POLICY_ENFORCE_H

#include <stdbool.h>

#include "policy/run.h"

struct policy;
struct sysset;

/*
 * Check that the kernel can enforce p (exit status 125 after naming
 * each rule it cannot, or one warning per rule with --best-effort),
 * compile its seccomp blocks, and set up the reports (and --learn,
 * which adds the calls it watches to trap, and names argv in its file).  *run is NULL when p asks
 * for nothing.  0, or -1 after printing why.
 */
int policy_start(const struct policy *p, char *const argv[], struct sysset *trap,
		 const struct policy_run **run);

/*
 * In the guest before execve, with the seccomp filter not yet
 * installed: rlimits, Landlock, no_new_privs.  0, or -1 with errno.
 */
int policy_enforce_child(const struct policy_run *run);

/* In the guest, after the seccomp filter: drop the capabilities. */
int policy_enforce_child_late(const struct policy_run *run);

#endif
