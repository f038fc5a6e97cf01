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

/* Longest program seccomp_build() can produce. */
#define SECCOMP_PROG_MAX (SYSSET_MAX * 2 + 8)

/*
 * Build the filter for the native ABI described by audit_arch and
 * foreign_base (0 if the ABI has no foreign number range).  Returns
 * the number of instructions written to prog.
 */
size_t seccomp_build(const struct sysset *set, uint32_t audit_arch, uint32_t foreign_base,
		     struct sock_filter *prog);

/* Install prog on the calling thread (done by the guest before execve). */
int seccomp_install(struct sock_filter *prog, size_t len);

#endif
