/* SPDX-License-Identifier: MIT */
/*
 * Private to src/trace: a libunwind-ptrace view of one stopped thread,
 * shared by the backtrace and the crash report's code listing so both
 * name addresses the same way.
 */
#ifndef PTSANDBOX_REPORT_REMOTE_H
#define PTSANDBOX_REPORT_REMOTE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <libunwind-ptrace.h>

struct remote {
	unw_addr_space_t as;
	void *upt; /* _UPT_create() state */
};

/* 0, or -1 when libunwind cannot set up (out of memory). */
int remote_open(struct remote *r, pid_t tid);
void remote_close(struct remote *r);
/*
 * The ELF symbol containing ip, and ip's offset from it, read from the
 * file mapped there.  0 or -1 when no symbol covers ip.
 */
int remote_symbol(struct remote *r, uint64_t ip, char *buf, size_t len, uint64_t *off);

#endif
