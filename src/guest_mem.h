/* SPDX-License-Identifier: MIT */
/* Reading and writing guest memory, and borrowing guest fds. */
#ifndef PTSANDBOX_GUEST_MEM_H
#define PTSANDBOX_GUEST_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Whole transfer or -1 (EFAULT when the guest range is not mapped). */
int guest_read(pid_t tid, uint64_t addr, void *buf, size_t len);
int guest_write(pid_t tid, uint64_t addr, const void *buf, size_t len);
/*
 * Bytes up to the first unreadable page, or -1 if none: a string may
 * end just before an unmapped page and the decoders read ahead of its
 * NUL.  ctx is the tid cast through intptr_t (struct trace_mem's reader).
 */
ssize_t guest_read_upto(void *ctx, uint64_t addr, void *buf, size_t len);

/* A pidfd for tgid (cached by the caller); -1 on failure. */
int guest_pidfd_open(pid_t tgid);
/* Duplicate the guest's fd into the supervisor (pidfd_getfd); -1 + errno. */
int guest_fd_dup(int pidfd, int fd);

#endif
