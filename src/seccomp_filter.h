/* SPDX-License-Identifier: MIT */
/*
 * The seccomp-bpf fast path: only the interposed syscalls stop the
 * guest (SECCOMP_RET_TRACE); everything else is allowed in the kernel
 * at native speed.  Syscalls of another ABI are always trapped.
 */
#ifndef PTSANDBOX_SECCOMP_FILTER_H
#define PTSANDBOX_SECCOMP_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/filter.h>

#define SYSSET_MAX 1024

/* A set of native syscall numbers. */
struct sysset {
	uint8_t bits[SYSSET_MAX / 8];
	bool all; /* trap every syscall */
};

void sysset_clear(struct sysset *set);
void sysset_add(struct sysset *set, long nr);
void sysset_del(struct sysset *set, long nr);
bool sysset_has(const struct sysset *set, long nr);

/*
 * Instructions spliced into the filter by a sandbox policy
 * (src/policy/filter.c), each block entered with the syscall number in
 * A and leaving it there when it falls through.  pre runs before the
 * interposed set (denials win over traps), post after it; foreign is
 * the action for another ABI's syscalls (0: trap them as usual).
 */
struct seccomp_extra {
	const struct sock_filter *pre;
	size_t npre;
	const struct sock_filter *post;
	size_t npost;
	uint32_t foreign;
};

/* Longest block a policy may add. */
#define SECCOMP_EXTRA_MAX 1536

/* Longest program seccomp_build() can produce. */
#define SECCOMP_PROG_MAX (SYSSET_MAX * 2 + 8 + SECCOMP_EXTRA_MAX)

/*
 * Build the filter for the native ABI described by audit_arch and
 * foreign_base (0 if the ABI has no foreign number range).  Returns
 * the number of instructions written to prog.
 */
size_t seccomp_build(const struct sysset *set, uint32_t audit_arch, uint32_t foreign_base,
		     struct sock_filter *prog);

/* The same, with a policy's blocks (extra may be NULL). */
size_t seccomp_build_ext(const struct sysset *set, uint32_t audit_arch, uint32_t foreign_base,
			 const struct seccomp_extra *extra, struct sock_filter *prog);

/* Install prog on the calling thread (done by the guest before execve). */
int seccomp_install(struct sock_filter *prog, size_t len);

#endif
