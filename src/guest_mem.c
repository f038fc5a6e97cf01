// SPDX-License-Identifier: MIT
#include "config.h"

#include <errno.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "guest_mem.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif

int guest_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = {buf, len};
	struct iovec remote = {(void *)(uintptr_t)addr, len};

	if (len == 0)
		return 0;
	if (process_vm_readv(tid, &local, 1, &remote, 1, 0) != (ssize_t)len) {
		errno = EFAULT;
		return -1;
	}
	return 0;
}

#define PAGE_SZ 4096

ssize_t guest_read_upto(void *ctx, uint64_t addr, void *buf, size_t len)
{
	pid_t tid = (pid_t)(intptr_t)ctx;
	size_t done = 0;

	while (done < len) {
		uint64_t at = addr + done;
		size_t chunk = PAGE_SZ - (size_t)(at % PAGE_SZ);
		struct iovec local, remote;
		ssize_t n;

		if (chunk > len - done)
			chunk = len - done;
		local.iov_base = (char *)buf + done;
		local.iov_len = chunk;
		remote.iov_base = (void *)(uintptr_t)at;
		remote.iov_len = chunk;
		n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	return done ? (ssize_t)done : -1;
}

int guest_write(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	struct iovec local = {(void *)buf, len};
	struct iovec remote = {(void *)(uintptr_t)addr, len};

	if (len == 0)
		return 0;
	if (process_vm_writev(tid, &local, 1, &remote, 1, 0) != (ssize_t)len) {
		errno = EFAULT;
		return -1;
	}
	return 0;
}

int guest_pidfd_open(pid_t tgid)
{
	return (int)syscall(SYS_pidfd_open, tgid, 0);
}

int guest_fd_dup(int pidfd, int fd)
{
	return (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
}
