/* SPDX-License-Identifier: MIT */
/*
 * Landlock: the kernel's file, TCP-port and scope (signal, abstract
 * unix socket) rules of a policy, installed by the guest on itself
 * before execve.  Every rule needs some ABI; landlock_check() says
 * which rule a kernel cannot enforce, so nothing degrades silently.
 */
#ifndef PTSANDBOX_POLICY_LANDLOCK_H
#define PTSANDBOX_POLICY_LANDLOCK_H

#include <stddef.h>

struct policy;

/*
 * The Landlock ABI to use: the kernel's, capped by the environment
 * variable PTSANDBOX_LANDLOCK_ABI (tests use it to play old kernels).
 * 0: no Landlock.
 */
int landlock_abi(void);

/*
 * Calls missing(rule, feature, arg) once per rule of p that abi cannot
 * enforce.  Returns how many there were.
 */
int landlock_check(const struct policy *p, int abi,
		   void (*missing)(const char *rule, const char *feature, void *arg), void *arg);

/*
 * In the guest, before execve: restrict the calling thread (and all it
 * will start) to p, using what abi has.  0, or -1 with errno set.
 */
int landlock_enforce(const struct policy *p, int abi);

/* The Landlock filesystem rights an access kind (PACC_*) grants. */
unsigned long long landlock_fs_rights(unsigned int access, int abi, int is_dir);

#endif
